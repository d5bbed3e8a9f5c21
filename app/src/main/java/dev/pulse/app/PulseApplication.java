package dev.pulse.app;

import dev.pulse.access.apikeys.KafkaApiKeyStore;
import dev.pulse.access.audit.AuditReader;
import dev.pulse.access.audit.AuditTopic;
import dev.pulse.access.audit.KafkaAuditLog;
import dev.pulse.access.live.LiveScores;
import dev.pulse.access.reports.Reports;
import dev.pulse.access.schedules.KafkaScheduleStore;
import dev.pulse.access.schedules.ScheduleStore;
import dev.pulse.access.security.AccessPolicy;
import dev.pulse.access.security.UserDirectory;
import dev.pulse.access.segments.KafkaSegmentStore;
import dev.pulse.access.segments.SegmentStore;
import dev.pulse.access.segments.Segments;
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
import dev.pulse.api.metrics.JvmMetricsBinder;
import dev.pulse.api.notifications.NotificationAccess;
import dev.pulse.api.reports.ReportSettings;
import dev.pulse.app.config.ConfigFile;
import dev.pulse.app.config.PulseConfig;
import dev.pulse.bot.core.BotEngine;
import dev.pulse.bot.core.PulseBotEngine;
import dev.pulse.notify.Notifier;
import dev.pulse.notify.PreferencesReader;
import dev.pulse.notify.feed.NotificationFeed;
import dev.pulse.notify.model.NotificationPreferences;
import dev.pulse.notify.schedule.ReportScheduler;
import dev.pulse.notify.schedule.ScheduledReportFiles;
import dev.pulse.reports.ReportRenderer;
import dev.pulse.streams.broker.EmbeddedKafkaBroker;
import dev.pulse.streams.connection.KafkaConnection;
import dev.pulse.streams.ingest.KafkaEventPublisher;
import dev.pulse.streams.read.LocalStateReader;
import dev.pulse.streams.read.RemoteStateClient;
import dev.pulse.streams.read.RoutingStateReader;
import dev.pulse.streams.read.StateUnavailableException;
import dev.pulse.streams.read.TenantStateReader;
import dev.pulse.streams.runtime.PulseStreams;
import dev.pulse.streams.runtime.StreamsSettings;
import dev.pulse.topologies.account.Account;
import dev.pulse.topologies.alert.AlertRules;
import dev.pulse.topologies.funnel.FunnelDefinitions;
import dev.pulse.topologies.health.HealthModel;
import dev.pulse.topologies.journey.JourneyModel;
import dev.pulse.warehouse.Warehouse;
import dev.pulse.warehouse.WarehouseConnection;
import dev.pulse.warehouse.WarehouseSettings;
import dev.pulse.warehouse.history.HistoryReader;
import dev.pulse.warehouse.history.WarehouseHistory;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.apache.kafka.streams.state.HostInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Pulse instance: the embedded broker (unless Kafka is external), the topologies, and the query
 * API, wired together and closed in reverse order. The launcher and the end-to-end tests both start
 * Pulse through this class, so tests run what users run.
 */
public final class PulseApplication implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PulseApplication.class);

    /** How often open dashboards get the scores that changed: live, without one write per event. */
    private static final Duration LIVE_SCORE_INTERVAL = Duration.ofSeconds(1);

    private final Deque<AutoCloseable> resources = new ArrayDeque<>();
    private KafkaConnection kafka;
    private PulseStreams streams;
    private ApiServer api;
    private HealthModel model;
    private AlertRules alertRules;
    private FunnelDefinitions funnels;
    private JourneyModel journey;
    private UserDirectory users;
    private PrometheusMeterRegistry registry;
    private final DeferredBotEngine botEngine = new DeferredBotEngine();
    private final DeferredReportFiles reportFiles = new DeferredReportFiles();
    private BotEngine engine;
    private Warehouse warehouse;
    private TenantStateReader reader;

    private PulseApplication() {}

    /** Starts everything; returns when the API listens (streams may still be restoring). */
    public static PulseApplication start(PulseConfig config, StartupProgress progress) {
        return start(config, progress, router -> {});
    }

    /**
     * As {@link #start(PulseConfig, StartupProgress)}, with more routes on the API's server (the
     * demo's identity provider).
     */
    public static PulseApplication start(
            PulseConfig config, StartupProgress progress, Consumer<Router> extraRoutes) {
        return start(config, progress, extraRoutes, Clock.systemUTC());
    }

    /**
     * As {@link #start(PulseConfig, StartupProgress, Consumer)}, with the clock report schedules
     * fire by (tests move it to a run's time).
     */
    public static PulseApplication start(
            PulseConfig config,
            StartupProgress progress,
            Consumer<Router> extraRoutes,
            Clock scheduleClock) {
        PulseApplication app = new PulseApplication();
        try {
            app.startAll(config, progress, extraRoutes, scheduleClock);
            return app;
        } catch (RuntimeException e) {
            app.close();
            throw e;
        }
    }

    private void startAll(
            PulseConfig config,
            StartupProgress progress,
            Consumer<Router> extraRoutes,
            Clock scheduleClock) {
        model = loadModel(config.healthModel());
        alertRules = loadAlertRules(config.alertRules());
        funnels = loadFunnels(config.funnels() == null ? "config/funnels.yaml" : config.funnels());
        journey = loadJourney(config.journey(), model);
        registry = PulseMetrics.create();
        resources.push(registry::close);
        // Vert.x installs meter filters: create it before any meter is registered.
        Vertx vertx = ApiVertx.create(registry);
        resources.push(() -> vertx.close().await(10, TimeUnit.SECONDS));
        JvmMetricsBinder.bindTo(registry);
        // Held from here on (503 until the API is served): a port the system picked cannot be
        // taken by a client connection while the rest starts, and a taken port fails at once.
        api = listen(vertx, config.api().host(), config.api().port());
        resources.push(this::closeApi);
        int apiPort = api.port();
        progress.step("Listening on port " + apiPort + " (the API answers once started)");

        String bootstrapServers;
        if (config.kafka().embedded()) {
            progress.step("Starting the embedded Kafka broker (KRaft)");
            Path dataDir = Path.of(config.kafka().embeddedDataDir());
            EmbeddedKafkaBroker broker =
                    EmbeddedKafkaBroker.start(dataDir, config.kafka().embeddedPort());
            resources.push(broker);
            bootstrapServers = broker.bootstrapServers();
        } else {
            bootstrapServers = config.kafka().bootstrapServers();
        }
        kafka = config.kafka().connection(bootstrapServers, config.streams().replicationFactor());

        users = loadUsers(config.auth().users());
        ChatFrontEnds chat =
                ChatFrontEnds.start(
                        config.bot(),
                        botEngine,
                        users,
                        NotifierFactory.linkBase(config, apiPort),
                        reportFiles);
        resources.push(chat);
        Notifier notifier =
                NotifierFactory.create(
                        config, users, registry, apiPort, chat.alertChannels(), reportFiles);
        resources.push(notifier);
        progress.step("Starting the topologies on " + kafka.describe());
        StreamsSettings settings = streamsSettings(config, apiPort);
        Notifier.ensureTopics(kafka, settings.partitions());
        streams = PulseStreams.start(settings, registry, notifier::build);
        resources.push(streams);

        KafkaEventPublisher publisher = new KafkaEventPublisher(kafka);
        resources.push(publisher);
        Warehouse warehouse = startWarehouse(config, vertx, progress);
        LocalStateReader local =
                new LocalStateReader(streams.kafkaStreams(), streams.currentScores());
        String internalToken =
                config.auth().internalToken().isBlank()
                        ? InternalToken.generate()
                        : config.auth().internalToken();
        RoutingStateReader stores =
                new RoutingStateReader(
                        streams.kafkaStreams(),
                        new HostInfo(config.api().advertisedHost(), apiPort),
                        local,
                        new RemoteStateClient(internalToken),
                        streams.restores()::restoringFromFarBehind);
        // With a warehouse, daily history older than the stores keep is read from it.
        TenantStateReader routing =
                warehouse == null
                        ? stores
                        : new HistoryReader(
                                stores,
                                new WarehouseHistory(warehouse.pool()),
                                config.pipeline().dailyRetention(),
                                Clock.systemUTC());
        reader = routing;
        progress.step("Loading users, API keys and the audit log");
        BrowserSignIn signIn = BrowserSignIn.from(config.auth().oidc(), System.getenv());
        ApiSecurity security = security(config, registry, local, internalToken, signIn.sessions());
        SegmentStore segments = segments();
        ScheduleStore schedules =
                reportSchedules(
                        config, security, routing, publisher, notifier, scheduleClock, segments);
        engine =
                new PulseBotEngine(
                        routing,
                        security.policy(),
                        users,
                        security.auditLog(),
                        publisher,
                        Clock.systemUTC(),
                        ZoneId.of(config.bot().timeZone()),
                        NotifierFactory.linkBase(config, apiPort),
                        model.bands(),
                        schedules,
                        segments,
                        funnels);
        botEngine.set(engine);

        progress.step("Starting the API on port " + apiPort);
        LiveScores liveScores = LiveScores.following(kafka, LIVE_SCORE_INTERVAL);
        resources.push(liveScores);
        ApiDependencies deps =
                new ApiDependencies(
                        routing,
                        local,
                        publisher,
                        registry,
                        streams::isServing,
                        Clock.systemUTC(),
                        security,
                        new NotificationAccess(
                                new NotificationFeed(streams.kafkaStreams()),
                                notifier.bus(),
                                new PreferencesReader(streams.kafkaStreams()),
                                notifier.channels(),
                                notifier::defaultsFor,
                                liveScores),
                        router -> {
                            chat.mount(router);
                            extraRoutes.accept(router);
                        },
                        signIn.client(),
                        ReportSettings.DEFAULT.withBands(model.bands()).withSchedules(schedules),
                        warehouse == null ? WarehouseAdmin.NONE : WarehouseFactory.admin(warehouse),
                        streams.restores()::restoring,
                        segments,
                        funnels,
                        journey);
        api.serve(vertx, deps);
        // Closed first on shutdown, before what it reads from; closing twice does nothing.
        resources.push(this::closeApi);
    }

    /** Only when {@code warehouse.url} is set; it never waits for PostgreSQL. */
    private Warehouse startWarehouse(PulseConfig config, Vertx vertx, StartupProgress progress) {
        if (!config.warehouse().configured()) {
            return null;
        }
        WarehouseSettings settings = WarehouseFactory.settings(config, System.getenv());
        progress.step("Connecting the warehouse " + new WarehouseConnection(settings).describe());
        Warehouse warehouse = Warehouse.start(settings, kafka, registry, vertx);
        resources.push(warehouse);
        this.warehouse = warehouse;
        return warehouse;
    }

    /** The warehouse, when one is configured; null otherwise. */
    public Warehouse warehouse() {
        return warehouse;
    }

    /**
     * Report schedules: the store every instance reads, the renderer the channels call for a run's
     * file (as the owner, through the Reports use case), and this instance's scheduler. Null when
     * schedules are off.
     */
    private ScheduleStore reportSchedules(
            PulseConfig config,
            ApiSecurity security,
            TenantStateReader routing,
            KafkaEventPublisher publisher,
            Notifier notifier,
            Clock clock,
            SegmentStore segments) {
        if (!config.reports().schedules()) {
            return null;
        }
        KafkaScheduleStore.ensureTopic(kafka, KafkaScheduleStore.TOPIC);
        KafkaScheduleStore store = new KafkaScheduleStore(kafka);
        resources.push(store);
        store.awaitLoaded(Duration.ofSeconds(30));
        reportFiles.set(
                new ScheduledReportFiles(
                        users,
                        security.policy(),
                        routing,
                        // One report at a time per channel worker: its reads run on that thread.
                        new Reports(Clock.systemUTC(), Runnable::run, security.auditLog()),
                        new ReportRenderer(model.bands()),
                        security.auditLog(),
                        Clock.systemUTC(),
                        new Segments(segments, Clock.systemUTC(), funnels)));
        Set<String> push = new LinkedHashSet<>(notifier.channels());
        push.remove(NotificationPreferences.IN_APP);
        ReportScheduler scheduler =
                new ReportScheduler(store, publisher, clock, push)
                        .start(config.reports().scheduleTick());
        resources.push(scheduler);
        return store;
    }

    /**
     * Saved segments: the compacted topic every instance follows, closed with the instance. Always
     * on: lists, summaries and reports accept {@code segment=} wherever the API runs.
     */
    private SegmentStore segments() {
        KafkaSegmentStore.ensureTopic(kafka, KafkaSegmentStore.TOPIC);
        KafkaSegmentStore store = new KafkaSegmentStore(kafka);
        resources.push(store);
        store.awaitLoaded(Duration.ofSeconds(30));
        return store;
    }

    private ApiSecurity security(
            PulseConfig config,
            PrometheusMeterRegistry registry,
            LocalStateReader local,
            String internalToken,
            BrowserSessions sessions) {
        AuditTopic.ensure(kafka, config.audit().retention());
        KafkaAuditLog audit = new KafkaAuditLog(kafka, registry);
        resources.push(audit);
        KafkaApiKeyStore.ensureTopic(kafka);
        KafkaApiKeyStore apiKeys = new KafkaApiKeyStore(kafka);
        resources.push(apiKeys);
        apiKeys.awaitLoaded(Duration.ofSeconds(30));
        AccessPolicy policy = new AccessPolicy(users, tenant -> accountOrEmpty(local, tenant));
        PulseConfig.Jwt jwt = config.auth().jwt();
        JwtAuthenticator jwtAuthenticator =
                jwt.configured()
                        ? JwtAuthenticator.create(
                                new JwtSettings(
                                        blankToNull(jwt.jwksFile()),
                                        blankToNull(jwt.jwksUrl()),
                                        blankToNull(jwt.hs256Secret()),
                                        blankToNull(jwt.issuer()),
                                        blankToNull(jwt.audience()),
                                        jwt.leeway()),
                                users)
                        : null;
        if (jwtAuthenticator == null) {
            LOG.info("No JWT key set configured (auth.jwt): only API keys are accepted");
        }
        PulseConfig.RateLimit limit = config.auth().rateLimit();
        return new ApiSecurity(
                jwtAuthenticator,
                apiKeys,
                policy,
                audit,
                new AuditReader(kafka),
                new RateLimitSettings(limit.requestsPerSecond(), limit.burst()),
                internalToken,
                new People(users),
                sessions,
                TrustedProxies.parse(config.api().trustedProxies()));
    }

    /** Before the stores are queryable nobody's ownership is known: nothing is visible. */
    private static Optional<Account> accountOrEmpty(LocalStateReader local, String tenant) {
        try {
            return local.account(tenant);
        } catch (StateUnavailableException e) {
            return Optional.empty();
        }
    }

    public static UserDirectory loadUsers(String location) {
        return ConfigFile.parse("auth.users", location, "users.yaml", UserDirectory::fromYaml);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    public UserDirectory users() {
        return users;
    }

    private StreamsSettings streamsSettings(PulseConfig config, int apiPort) {
        PulseConfig.Streams s = config.streams();
        return new StreamsSettings(
                kafka,
                s.applicationId(),
                Path.of(s.stateDir()),
                config.api().advertisedHost(),
                apiPort,
                s.partitions(),
                s.standbyReplicas(),
                s.threads(),
                s.rocksDbCacheMb() << 20,
                model,
                alertRules,
                journey,
                config.pipeline(),
                funnels);
    }

    /**
     * The tenant reads the API and the bot make, without their access checks: from this instance's
     * stores, another instance's, or a copy while the owner is gone.
     */
    public TenantStateReader reader() {
        return reader;
    }

    /** Waits until the streams are RUNNING (all local state restored). */
    public void awaitRunning(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!streams.isRunning()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(
                        "Kafka Streams not RUNNING after "
                                + timeout
                                + " ("
                                + streams.state()
                                + ")");
            }
            try {
                TimeUnit.MILLISECONDS.sleep(50); // polling a state flag with a deadline
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }
    }

    /** The chat bot's engine, as every chat platform of this instance uses it. */
    public BotEngine botEngine() {
        return engine;
    }

    private void closeApi() throws Exception {
        api.close().await(10, TimeUnit.SECONDS);
    }

    public int apiPort() {
        return api.port();
    }

    public String bootstrapServers() {
        return kafka.bootstrapServers();
    }

    /** The cluster as every client of this instance reaches it. */
    public KafkaConnection kafka() {
        return kafka;
    }

    public PulseStreams streams() {
        return streams;
    }

    public HealthModel model() {
        return model;
    }

    /** The journey stages the pipeline moves tenants through. */
    public JourneyModel journey() {
        return journey;
    }

    /** The registry the pipeline, Kafka Streams and the API record into ({@code /metrics}). */
    public PrometheusMeterRegistry meterRegistry() {
        return registry;
    }

    @Override
    public void close() {
        while (!resources.isEmpty()) {
            AutoCloseable resource = resources.pop();
            try {
                resource.close();
            } catch (Exception e) {
                LOG.warn("Error while shutting down: {}", e.toString());
            }
        }
    }

    static HealthModel loadModel(String location) {
        return ConfigFile.parse(
                "healthModel", location, "health-model.yaml", HealthModel::fromYaml);
    }

    static FunnelDefinitions loadFunnels(String location) {
        return ConfigFile.parse("funnels", location, "funnels.yaml", FunnelDefinitions::fromYaml);
    }

    /** The journey at {@code location} (or the bundled one), checked against the health model. */
    static JourneyModel loadJourney(String location, HealthModel health) {
        String where = location == null ? "config/journey.yaml" : location;
        return ConfigFile.parse(
                "journey",
                where,
                "journey.yaml",
                yaml -> JourneyModel.fromYaml(yaml).checkedAgainst(health));
    }

    static AlertRules loadAlertRules(String location) {
        return ConfigFile.parse("alertRules", location, "alert-rules.yaml", AlertRules::fromYaml);
    }

    private static ApiServer listen(Vertx vertx, String host, int port) {
        try {
            return ApiServer.listen(vertx, host, port).await(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(
                    "The API cannot listen on " + host + ":" + port + ": " + e.getMessage(), e);
        }
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Told what start-up is doing, so a person watching sees progress. */
    @FunctionalInterface
    public interface StartupProgress {
        StartupProgress SILENT = step -> {};

        void step(String description);
    }
}
