package dev.pulse.api;

import dev.pulse.api.audit.UnroutableRequests;
import dev.pulse.api.http.BlockingReads;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running HTTP API: one HTTP server over the router, and the worker pool that store reads run
 * on so they never block the event loop.
 */
public final class ApiServer {
    private static final Logger LOG = LoggerFactory.getLogger(ApiServer.class);

    /** Worker pool of the store reads; a stable name, as it labels the pool's metrics. */
    private static final String READ_POOL = "pulse-api-reads";

    private static final int READ_WORKERS = 32;

    private final HttpServer server;
    private final WorkerExecutor workers;

    private ApiServer(HttpServer server, WorkerExecutor workers) {
        this.server = server;
        this.workers = workers;
    }

    /** Starts listening on {@code host:port}; port 0 picks a free port, see {@link #port()}. */
    public static Future<ApiServer> start(
            Vertx vertx, ApiDependencies deps, String host, int port) {
        WorkerExecutor workers =
                vertx.createSharedWorkerExecutor(READ_POOL, READ_WORKERS, 60, TimeUnit.SECONDS);
        HttpServerOptions options =
                new HttpServerOptions()
                        .setHost(host)
                        .setPort(port)
                        .setCompressionSupported(true)
                        .setDecompressionSupported(true);
        Router router;
        try {
            router = ApiRouter.create(vertx, deps, new BlockingReads(workers));
        } catch (RuntimeException e) {
            workers.close();
            return Future.failedFuture(e);
        }
        UnroutableRequests unroutable =
                new UnroutableRequests(
                        deps.security().auditLog(), deps.clock(), deps.security().trustedProxies());
        return vertx.createHttpServer(options)
                .requestHandler(unroutable.guard(router))
                .invalidRequestHandler(unroutable::invalid)
                .listen()
                .map(
                        server -> {
                            LOG.info("Pulse API listening on {}:{}", host, server.actualPort());
                            return new ApiServer(server, workers);
                        })
                .onFailure(e -> workers.close());
    }

    /** The port the server listens on, the chosen one when started with port 0. */
    public int port() {
        return server.actualPort();
    }

    public Future<Void> close() {
        return server.close().eventually(workers::close);
    }
}
