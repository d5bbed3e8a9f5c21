package dev.pulse.api;

import dev.pulse.api.audit.UnroutableRequests;
import dev.pulse.api.health.HealthHandler;
import dev.pulse.api.http.BlockingReads;
import dev.pulse.api.http.ProblemException;
import dev.pulse.api.http.ProblemFailureHandler;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running HTTP API: one HTTP server over the router, and the worker pool that store reads run
 * on so they never block the event loop.
 *
 * <p>The server can listen before the API exists ({@link #listen}), answering 503 (and the liveness
 * probe 200) until {@link #serve} hands it the router: the port is then held from the first moment
 * of start-up, so a port chosen by the system cannot be taken by someone else while the rest of
 * Pulse starts.
 */
public final class ApiServer {
    private static final Logger LOG = LoggerFactory.getLogger(ApiServer.class);

    /** Worker pool of the store reads; a stable name, as it labels the pool's metrics. */
    private static final String READ_POOL = "pulse-api-reads";

    private static final int READ_WORKERS = 32;

    private static final Duration STARTING_RETRY = Duration.ofSeconds(1);

    private final HttpServer server;
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile Handler<HttpServerRequest> requests = ApiServer::starting;
    private volatile Handler<HttpServerRequest> invalidRequests =
            HttpServerRequest.DEFAULT_INVALID_REQUEST_HANDLER;
    private volatile WorkerExecutor workers;

    private ApiServer(HttpServer server) {
        this.server = server;
    }

    /** Starts listening on {@code host:port} and serves the API; port 0 picks a free port. */
    public static Future<ApiServer> start(
            Vertx vertx, ApiDependencies deps, String host, int port) {
        return listen(vertx, host, port)
                .compose(
                        server -> {
                            try {
                                server.serve(vertx, deps);
                                return Future.succeededFuture(server);
                            } catch (RuntimeException e) {
                                return server.close().transform(ignored -> Future.failedFuture(e));
                            }
                        });
    }

    /**
     * Listens on {@code host:port} (0 picks a free port, see {@link #port()}) and answers every
     * request with 503 "starting" until {@link #serve} is called.
     */
    public static Future<ApiServer> listen(Vertx vertx, String host, int port) {
        HttpServerOptions options =
                new HttpServerOptions()
                        .setHost(host)
                        .setPort(port)
                        .setCompressionSupported(true)
                        .setDecompressionSupported(true);
        HttpServer http = vertx.createHttpServer(options);
        ApiServer api = new ApiServer(http);
        return http.requestHandler(request -> api.requests.handle(request))
                .invalidRequestHandler(request -> api.invalidRequests.handle(request))
                .listen()
                .map(
                        server -> {
                            LOG.info("Pulse API listening on {}:{}", host, server.actualPort());
                            return api;
                        });
    }

    /** Puts the API behind the listening server; until now it answered 503. */
    public void serve(Vertx vertx, ApiDependencies deps) {
        WorkerExecutor pool =
                vertx.createSharedWorkerExecutor(READ_POOL, READ_WORKERS, 60, TimeUnit.SECONDS);
        Router router;
        try {
            router = ApiRouter.create(vertx, deps, new BlockingReads(pool));
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
        workers = pool;
        UnroutableRequests unroutable =
                new UnroutableRequests(
                        deps.security().auditLog(), deps.clock(), deps.security().trustedProxies());
        invalidRequests = unroutable::invalid;
        requests = unroutable.guard(router);
    }

    private static void starting(HttpServerRequest request) {
        if (ApiRouter.LIVE.equals(request.path())) {
            HealthHandler.live(request.response());
            return;
        }
        ProblemFailureHandler.send(
                request.response(),
                ProblemException.unavailable(
                        "Pulse is starting; the API answers in a moment", STARTING_RETRY));
    }

    /** The port the server listens on, the chosen one when started with port 0. */
    public int port() {
        return server.actualPort();
    }

    /** Stops listening and the read pool; later calls do nothing. */
    public Future<Void> close() {
        if (!closed.compareAndSet(false, true)) {
            return Future.succeededFuture();
        }
        return server.close()
                .eventually(
                        () -> {
                            WorkerExecutor pool = workers;
                            return pool == null ? Future.succeededFuture() : pool.close();
                        });
    }
}
