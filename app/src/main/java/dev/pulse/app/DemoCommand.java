package dev.pulse.app;

import dev.pulse.app.config.ConfigLoader;
import dev.pulse.app.config.PulseConfig;
import dev.pulse.app.simulator.AccountManager;
import dev.pulse.app.simulator.ConsoleReplayProgress;
import dev.pulse.app.simulator.DemoSimulator;
import dev.pulse.app.simulator.SimulatorCounts;
import dev.pulse.app.simulator.SimulatorSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The demo: Pulse on its embedded defaults plus a simulator of realistic tenants. It starts from
 * empty data every time (under {@code pulse-data/demo}), replays the last 75 days as fast as the
 * engine takes them, then keeps sending live traffic.
 */
@Command(
        name = "demo",
        mixinStandardHelpOptions = true,
        description = "Run Pulse with a simulated customer base (150 tenants).",
        footerHeading = "%nExamples:%n",
        footer = {
            "  ./pulse demo                       then open http://localhost:8080",
            "  ./pulse demo --data-dir /tmp/pulse-demo"
        })
final class DemoCommand implements Callable<Integer> {
    @Option(
            names = {"-c", "--config"},
            description = "YAML configuration file over the defaults (see config/pulse.yaml).")
    Path config;

    @Option(
            names = "--data-dir",
            description = "Demo data, wiped at start (default ${DEFAULT-VALUE}).")
    Path dataDir = Path.of("pulse-data", "demo");

    @Override
    public Integer call() throws Exception {
        PulseConfig base = ConfigLoader.load(config, System.getenv());
        wipe(dataDir);
        int port = base.api().port() == 0 ? PulseApplication.freePort() : base.api().port();
        // Always "localhost": browsers keep Secure cookies on http://localhost, and the redirect
        // URI must match the address the browser uses.
        String site = "http://localhost:" + port;
        DemoIdentityProvider idp =
                DemoIdentityProvider.create(dataDir.resolve("idp"), site, System.getenv());
        PulseConfig demo = demoConfig(base, idp, port);
        PulseApplication app =
                PulseApplication.start(
                        demo,
                        ConsoleStartup.INSTANCE,
                        idp.routes(PulseApplication.loadUsers(demo.auth().users())));
        CountDownLatch stopped = new CountDownLatch(1);
        DemoSimulator[] simulator = new DemoSimulator[1];
        Runtime.getRuntime()
                .addShutdownHook(
                        new Thread(
                                () -> {
                                    if (simulator[0] != null) {
                                        simulator[0].close();
                                    }
                                    app.close();
                                    stopped.countDown();
                                },
                                "pulse-shutdown"));

        ConsoleStartup.INSTANCE.step("Waiting for the topologies to be ready");
        app.awaitRunning(Duration.ofMinutes(2));
        PulseConfig.Demo settings = demo.demo();
        simulator[0] =
                new DemoSimulator(
                        SimulatorSettings.forKafka(app.kafka())
                                .withSeed(settings.seed())
                                .withTenants(settings.tenants())
                                .withDays(settings.days())
                                .withLiveEventsPerSecond(settings.liveEventsPerSecond()));
        AccountManager sarah = simulator[0].customerBase().accountManagers().get(0);
        simulator[0].publishAccounts();
        DemoTokens tokens = DemoTokens.mint(idp, sarah.email(), dataDir.resolve("tokens.env"));
        printWhereToLook(app.apiPort(), sarah, simulator[0], tokens);
        ConsoleStartup.INSTANCE.step(
                "Replaying the last "
                        + settings.days()
                        + " days of usage (scores fill in as it runs)");
        SimulatorCounts counts;
        try (ConsoleReplayProgress progress = new ConsoleReplayProgress()) {
            counts = simulator[0].replay(progress);
        }
        ConsoleStartup.INSTANCE.step(
                String.format(
                        "Replayed %,d records (%,d duplicates, %,d late, %,d beyond grace, %,d"
                                + " malformed); going live at %d events/s",
                        counts.records(),
                        counts.duplicates(),
                        counts.late(),
                        counts.beyondGrace(),
                        counts.malformed(),
                        settings.liveEventsPerSecond()));
        simulator[0].startLive();
        printWhereToLook(app.apiPort(), sarah, simulator[0], tokens);
        stopped.await();
        return 0;
    }

    private PulseConfig demoConfig(PulseConfig base, DemoIdentityProvider idp, int port) {
        PulseConfig.Kafka kafka = base.kafka();
        PulseConfig.Streams streams = base.streams();
        PulseConfig.Api api = base.api();
        return base.withAuth(
                        base.auth()
                                .withJwt(idp.jwtSettings())
                                .withOidc(idp.oidcSettings(base.auth().oidc())))
                .withApi(
                        new PulseConfig.Api(
                                api.host(), port, api.advertisedHost(), api.trustedProxies()))
                .withKafka(
                        new PulseConfig.Kafka(
                                kafka.bootstrapServers(),
                                dataDir.resolve("kafka").toString(),
                                kafka.embeddedPort(),
                                kafka.properties(),
                                kafka.topicConfigs()))
                .withStreams(
                        new PulseConfig.Streams(
                                streams.applicationId(),
                                dataDir.resolve("state").toString(),
                                streams.partitions(),
                                streams.replicationFactor(),
                                streams.standbyReplicas(),
                                streams.threads(),
                                streams.rocksDbCacheMb()));
    }

    private static void printWhereToLook(
            int port, AccountManager sarah, DemoSimulator simulator, DemoTokens tokens) {
        String api = "http://localhost:" + port;
        String tenant = simulator.customerBase().accountsOf(sarah.email()).get(0).tenantId();
        String auth = "-H \"Authorization: Bearer $SARAH\" ";
        System.out.printf(
                "%n  Open the Pulse dashboard: %s/%n"
                        + "  (its sign-in page lets you be anyone in the demo: Sarah Chen, Marcus"
                        + " Webb, the administrator, a customer admin, ...)%n",
                api);
        System.out.printf(
                "%n  The API at %s: every /v1 call needs a token. Demo tokens (valid 12 h):%n"
                        + "    source %s     # sets SARAH, MARCUS and ADMIN%n"
                        + "    SARAH  = %s, account manager: her own accounts%n"
                        + "    MARCUS = Marcus Webb, VP: every account of both teams%n"
                        + "    ADMIN  = administrator: everything, audit log, API keys%n"
                        + "  %s's portfolio, riskiest first:%n"
                        + "    curl -s %s'%s/v1/portfolio?owner=%s'%n"
                        + "  One account, with why its score is what it is:%n"
                        + "    curl -s %s%s/v1/accounts/%s%n"
                        + "  Its daily events over 30 days:%n"
                        + "    curl -s %s'%s/v1/accounts/%s/timeseries?metric=events&step=day'%n"
                        + "  Marcus's view of every account, last 30 days:%n"
                        + "    curl -s -H \"Authorization: Bearer $MARCUS\" %s/v1/summary%n"
                        + "  How every account moves through the journey stages, last 90 days:%n"
                        + "    curl -s -H \"Authorization: Bearer $MARCUS\" %s/v1/journey%n"
                        + "  Metrics: %s/metrics   API: %s/openapi.yaml   Ctrl-C stops.%n%n",
                api,
                tokens.file(),
                sarah.name(),
                sarah.name(),
                auth,
                api,
                sarah.email(),
                auth,
                api,
                tenant,
                auth,
                api,
                tenant,
                api,
                api,
                api,
                api);
    }

    private static void wipe(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        ConsoleStartup.INSTANCE.step("Starting from empty demo data in " + dir);
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }
}
