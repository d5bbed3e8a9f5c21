package dev.pulse.api.testing;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pulse.access.apikeys.ApiKeyStore;
import dev.pulse.access.audit.AuditLog;
import dev.pulse.access.audit.AuditReader;
import dev.pulse.access.security.AccessPolicy;
import dev.pulse.access.security.UserDirectory;
import dev.pulse.access.testing.InMemorySegmentStore;
import dev.pulse.api.ApiDependencies;
import dev.pulse.api.ApiServer;
import dev.pulse.api.ApiVertx;
import dev.pulse.api.admin.WarehouseAdmin;
import dev.pulse.api.auth.ApiSecurity;
import dev.pulse.api.auth.BrowserSessions;
import dev.pulse.api.auth.InternalToken;
import dev.pulse.api.auth.JwtAuthenticator;
import dev.pulse.api.auth.JwtSettings;
import dev.pulse.api.auth.People;
import dev.pulse.api.auth.RateLimitSettings;
import dev.pulse.api.http.TrustedProxies;
import dev.pulse.api.notifications.NotificationAccess;
import dev.pulse.api.reports.ReportSettings;
import dev.pulse.api.signin.OidcClient;
import dev.pulse.topologies.funnel.FunnelDefinitions;
import dev.pulse.topologies.journey.JourneyModel;
import dev.pulse.topologies.json.PulseJson;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * A real {@link ApiServer} on an ephemeral port, on a real Vert.x with metrics, over in-memory
 * state, with real authentication (HS256 tokens for {@link TestUsers} by default), a recording
 * audit log, and an HTTP client to call it.
 *
 * <p>{@link #get}, {@link #post} and {@link #send} call as {@link TestUsers#ADMIN} (and with the
 * internal token on {@code /internal/} paths); {@link #as}, {@link #withKey} and {@link #anonymous}
 * call as someone else.
 */
public final class RunningApi implements AutoCloseable {
    public static final String INTERNAL_TOKEN = "internal-token-of-the-api-tests";

    /** High enough that no ordinary test meets it. */
    public static final RateLimitSettings GENEROUS = new RateLimitSettings(100_000, 100_000);

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    public final InMemoryTenantStateReader reader = new InMemoryTenantStateReader();
    public final InMemoryTenantStateReader localReader = new InMemoryTenantStateReader();
    public final RecordingEventPublisher publisher = new RecordingEventPublisher();
    public final PrometheusMeterRegistry registry =
            ApiVertx.withApiFilters(new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
    public final AtomicBoolean ready = new AtomicBoolean(true);
    public final RecordingAuditLog audit = new RecordingAuditLog();
    public final ApiKeyStore apiKeys;
    public final UserDirectory directory;

    /** Saved segments, in memory: every test API mounts the segment routes. */
    public final InMemorySegmentStore segments = new InMemorySegmentStore();

    private final Vertx vertx;
    private final ApiServer server;
    private final HttpClient http =
            HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(TIMEOUT)
                    .build();

    private RunningApi(Builder builder) {
        this.apiKeys = builder.apiKeys == null ? new InMemoryApiKeyStore() : builder.apiKeys;
        this.directory = builder.directory;
        this.vertx = ApiVertx.create(registry);
        JwtAuthenticator jwt =
                builder.jwt == null ? null : JwtAuthenticator.create(builder.jwt, directory);
        ApiSecurity security =
                new ApiSecurity(
                        jwt,
                        apiKeys,
                        new AccessPolicy(directory, reader::account),
                        builder.alsoAuditTo == null
                                ? audit
                                : entry -> {
                                    audit.append(entry);
                                    builder.alsoAuditTo.append(entry);
                                },
                        builder.auditReader,
                        builder.rateLimits,
                        INTERNAL_TOKEN,
                        new People(directory),
                        builder.sessions,
                        builder.trustedProxies);
        ApiDependencies deps =
                new ApiDependencies(
                        reader,
                        localReader,
                        publisher,
                        registry,
                        ready::get,
                        builder.clock,
                        security,
                        NotificationAccess.DISABLED,
                        builder.extraRoutes,
                        builder.oidc,
                        builder.reports,
                        builder.warehouse,
                        List::of,
                        segments,
                        builder.funnels,
                        SHIPPED_JOURNEY);
        try {
            this.server = await(ApiServer.start(vertx, deps, "127.0.0.1", builder.port));
        } catch (RuntimeException e) {
            await(vertx.close());
            throw e;
        }
    }

    public static RunningApi start(Clock clock) {
        return builder().clock(clock).start();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** How a test API is set up; defaults: system clock, {@link TestUsers}, HS256 tokens. */
    /** The journey shipped in config/. */
    public static final JourneyModel SHIPPED_JOURNEY = shippedJourney();

    private static JourneyModel shippedJourney() {
        try {
            return JourneyModel.fromYaml(
                    java.nio.file.Files.readString(
                            java.nio.file.Path.of("..", "config", "journey.yaml")));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    public static final class Builder {
        private Clock clock = Clock.systemUTC();
        private UserDirectory directory = TestUsers.directory();
        private JwtSettings jwt =
                new JwtSettings(
                        null, null, Tokens.HS256_SECRET, Tokens.ISSUER, Tokens.AUDIENCE, null);
        private ApiKeyStore apiKeys;
        private AuditReader auditReader;
        private AuditLog alsoAuditTo;
        private RateLimitSettings rateLimits = GENEROUS;
        private int port;
        private BrowserSessions sessions;
        private OidcClient oidc;
        private Consumer<Router> extraRoutes = router -> {};
        private WarehouseAdmin warehouse = WarehouseAdmin.NONE;
        private FunnelDefinitions funnels = shippedFunnels();
        private ReportSettings reports = ReportSettings.DEFAULT;
        private TrustedProxies trustedProxies = TrustedProxies.NONE;

        /** Proxies whose X-Forwarded-For names the client. */
        public Builder trustedProxies(String spec) {
            this.trustedProxies = TrustedProxies.parse(spec);
            return this;
        }

        /** Report settings, e.g. with a schedule store so the schedule routes are mounted. */
        public Builder reports(ReportSettings reports) {
            this.reports = reports;
            return this;
        }

        /** A warehouse as the application wires one in. */
        /** The funnels {@code /v1/funnels} reports; default the ones shipped in config/. */
        public Builder funnels(FunnelDefinitions funnels) {
            this.funnels = funnels;
            return this;
        }

        private static FunnelDefinitions shippedFunnels() {
            try {
                return FunnelDefinitions.fromYaml(
                        java.nio.file.Files.readString(
                                java.nio.file.Path.of("..", "config", "funnels.yaml")));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }

        public Builder warehouse(WarehouseAdmin warehouse) {
            this.warehouse = warehouse;
            return this;
        }

        /** The port to listen on; 0 (the default) picks a free one. */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        /** Browser sign-in against this OpenID provider, with these sessions. */
        public Builder signIn(OidcClient oidc, BrowserSessions sessions) {
            this.oidc = oidc;
            this.sessions = sessions;
            return this;
        }

        /** More routes, as the application mounts the chat webhooks or the demo provider. */
        public Builder extraRoutes(Consumer<Router> extraRoutes) {
            this.extraRoutes = extraRoutes;
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        public Builder directory(UserDirectory directory) {
            this.directory = directory;
            return this;
        }

        /** Null: no JWT accepted, API keys only. */
        public Builder jwt(JwtSettings jwt) {
            this.jwt = jwt;
            return this;
        }

        public Builder apiKeys(ApiKeyStore apiKeys) {
            this.apiKeys = apiKeys;
            return this;
        }

        public Builder auditReader(AuditReader auditReader) {
            this.auditReader = auditReader;
            return this;
        }

        /** Appends every audit entry here too (e.g. a real Kafka audit log). */
        public Builder alsoAuditTo(AuditLog log) {
            this.alsoAuditTo = log;
            return this;
        }

        public Builder rateLimits(RateLimitSettings rateLimits) {
            this.rateLimits = rateLimits;
            return this;
        }

        public RunningApi start() {
            return new RunningApi(this);
        }
    }

    /** Back to an empty, ready, healthy state between tests. */
    public void reset() {
        reader.clear();
        localReader.clear();
        publisher.reset();
        audit.clear();
        ready.set(true);
    }

    /** A port free right now, for a test that must know the API's address before it starts. */
    public static int freePort() {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int port() {
        return server.port();
    }

    public URI uri(String pathAndQuery) {
        return URI.create("http://127.0.0.1:" + server.port() + pathAndQuery);
    }

    /** A caller signed in as {@code email} with a fresh HS256 token for each request. */
    public Caller as(String email) {
        return new Caller(
                request -> request.header("Authorization", "Bearer " + Tokens.hs256(email)));
    }

    /** A caller presenting this bearer token. */
    public Caller withToken(String token) {
        return new Caller(request -> request.header("Authorization", "Bearer " + token));
    }

    /** A caller presenting this API key in {@code X-API-Key}. */
    public Caller withKey(String apiKey) {
        return new Caller(request -> request.header("X-API-Key", apiKey));
    }

    /** A caller sending exactly the given extra headers, e.g. no credentials at all. */
    public Caller anonymous() {
        return new Caller(request -> request);
    }

    private Caller admin(String path) {
        if (path.startsWith("/internal/")) {
            return new Caller(request -> request.header(InternalToken.HEADER, INTERNAL_TOKEN));
        }
        return as(TestUsers.ADMIN);
    }

    public HttpResponse<String> get(String pathAndQuery) {
        return admin(pathAndQuery).get(pathAndQuery);
    }

    public HttpResponse<String> post(String path, String contentType, String body) {
        return admin(path).post(path, contentType, body);
    }

    public HttpResponse<String> post(String path, String contentType, byte[] body) {
        return admin(path).post(path, contentType, body);
    }

    public HttpResponse<String> send(String method, String path) {
        return admin(path).send(method, path);
    }

    /** Sends a request as built, adding nothing. */
    public HttpResponse<String> sendRaw(HttpRequest.Builder request) {
        return send(http, request.timeout(TIMEOUT).build());
    }

    /** {@code request} sent with {@code http}, its body read as UTF-8 text. */
    static HttpResponse<String> send(HttpClient http, HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Requests made with one identity. */
    public final class Caller {
        private final UnaryOperator<HttpRequest.Builder> credentials;

        private Caller(UnaryOperator<HttpRequest.Builder> credentials) {
            this.credentials = credentials;
        }

        public HttpResponse<String> get(String pathAndQuery) {
            return send(HttpRequest.newBuilder(uri(pathAndQuery)).GET());
        }

        public HttpResponse<String> post(String path, String contentType, String body) {
            return post(path, contentType, body.getBytes(StandardCharsets.UTF_8));
        }

        public HttpResponse<String> post(String path, String contentType, byte[] body) {
            HttpRequest.Builder request =
                    HttpRequest.newBuilder(uri(path))
                            .POST(HttpRequest.BodyPublishers.ofByteArray(body));
            if (contentType != null) {
                request.header("Content-Type", contentType);
            }
            return send(request);
        }

        public HttpResponse<String> send(String method, String path) {
            return send(
                    HttpRequest.newBuilder(uri(path))
                            .method(method, HttpRequest.BodyPublishers.noBody()));
        }

        public HttpResponse<String> send(HttpRequest.Builder request) {
            return sendRaw(credentials.apply(request));
        }
    }

    public static JsonNode json(HttpResponse<String> response) {
        try {
            return PulseJson.mapper().readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + response.body(), e);
        }
    }

    @Override
    public void close() {
        await(server.close());
        await(vertx.close());
    }

    private static <T> T await(Future<T> future) {
        try {
            return future.toCompletionStage()
                    .toCompletableFuture()
                    .get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("did not complete: " + e, e);
        }
    }
}
