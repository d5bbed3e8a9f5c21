package dev.pulse.app.bench;

import dev.pulse.app.DemoIdentityProvider;
import dev.pulse.app.PulseApplication;
import dev.pulse.app.bench.dashboard.DashboardBenchmark;
import dev.pulse.app.bench.dashboard.DashboardResult;
import dev.pulse.app.config.ConfigLoader;
import dev.pulse.app.config.PulseConfig;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * One benchmark run: a fresh Pulse (embedded broker, topologies, API) on a temporary directory,
 * then the producer baseline, sustained ingest, end-to-end freshness, alert latency, the query
 * loads, ingest over HTTP, reports and the dashboard in a browser, in that order, each on the state
 * the previous one left; last, the same events through the status quo, an hourly batch in
 * PostgreSQL.
 */
public final class BenchmarkRun {
    private static final String API_HOST = "127.0.0.1";
    private static final String APPLICATION_ID = "pulse-bench";
    private static final Duration START_TIMEOUT = Duration.ofMinutes(2);
    private static final int ALERT_SAMPLES = 40;

    private final BenchPlan plan;
    private final BenchProgress progress;
    private final AtomicReference<PulseApplication> running = new AtomicReference<>();

    public BenchmarkRun(BenchPlan plan, BenchProgress progress) {
        this.plan = plan;
        this.progress = progress;
    }

    public BenchResults run() {
        MachineInfo machine = MachineInfo.current();
        progress.step("Machine: " + machine.describe());
        if (machine.loadAverage() > machine.cores() / 2.0) {
            progress.step(
                    "Warning: other processes are keeping these cores busy; figures will be low"
                            + " and noisy. Run on an idle machine to compare with the targets.");
        }
        progress.step(
                String.format(
                        Locale.ROOT,
                        "Generating %,d events for %,d tenants",
                        plan.events(),
                        plan.tenants()));
        BenchTenants tenants = BenchTenants.of(plan.tenants());
        GeneratedEvents events =
                new BenchEventGenerator(plan.seed())
                        .generate(tenants, plan.events(), Instant.now());
        try (ScratchDirectory scratch = ScratchDirectory.create("pulse-bench-")) {
            Thread cleanup = new Thread(() -> stopAndDelete(scratch), "pulse-bench-cleanup");
            Runtime.getRuntime().addShutdownHook(cleanup);
            try {
                BenchAuth auth = BenchAuth.create(scratch.path(), tenants);
                return measure(scratch, auth, tenants, events, machine);
            } finally {
                removeShutdownHook(cleanup);
            }
        }
    }

    /** On Ctrl-C: stop Pulse, so that nothing writes any more, then delete its files. */
    private void stopAndDelete(ScratchDirectory scratch) {
        PulseApplication app = running.getAndSet(null);
        if (app != null) {
            app.close();
        }
        scratch.close();
    }

    private static void removeShutdownHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running or about to: it cleans up
        }
    }

    private BenchResults measure(
            ScratchDirectory scratch,
            BenchAuth auth,
            BenchTenants tenants,
            GeneratedEvents events,
            MachineInfo machine) {
        // A fixed port, because the demo provider and the browser's cookies need the site's
        // address.
        int port = PulseApplication.freePort();
        String site = "http://localhost:" + port;
        DemoIdentityProvider idp = identityProvider(scratch.path(), site);
        PulseConfig config = config(scratch.path(), auth, idp, port);
        PulseApplication app =
                PulseApplication.start(
                        config,
                        progress,
                        idp.routes(PulseApplication.loadUsers(config.auth().users())));
        running.set(app);
        try {
            app.awaitRunning(START_TIMEOUT);
            CpuMeter.Snapshot measuring = CpuMeter.now();
            Throughput baseline = baseline(app, events);
            Cost yardstick = yardstick(app, scratch, events);
            SinkBenchmark sinkBench =
                    new SinkBenchmark(app.bootstrapServers(), APPLICATION_ID, progress);
            // Only for the sink phase, which needs PostgreSQL: --no-batch spends nothing on it.
            Optional<SinkBenchmark.Mark> beforeIngest =
                    plan.batchDatabase().map(database -> sinkBench.mark());
            CpuMeter.Snapshot ingestStart = CpuMeter.now();
            IngestBenchmark.Result ingest = ingest(app, tenants, events);
            Cost ingestCost = cost(ingest.pipeline(), ingestStart);
            // At full ingest rate: what the topology wrote for the sink while the clock ran.
            Optional<Throughput> dailyOutput =
                    beforeIngest.map(
                            mark ->
                                    new Throughput(
                                            mark.recordsSince(), ingest.pipeline().elapsed()));
            try (BenchHttpClient http =
                    new BenchHttpClient(API_HOST, app.apiPort(), plan.concurrency())) {
                FreshnessBenchmark.Result freshness = freshness(app, http, auth, tenants);
                AlertLatencyBenchmark.Result alerts = alerts(app, auth, tenants);
                Supplier<BenchRequest> pointRequests = pointRequests(tenants, auth);
                QueryLoad.Result httpYardstick = httpYardstick(http, pointRequests.get());
                QueryLoad load = new QueryLoad(http, plan.concurrency());
                QueryLoad.Result portfolio =
                        queries(load, "portfolio", portfolioRequests(tenants, auth));
                QueryLoad.Result point = queries(load, "point", pointRequests);
                SegmentQueries analyst = SegmentQueries.create(http, auth);
                QueryLoad few = new QueryLoad(http, SegmentQueries.CLIENTS);
                QueryLoad.Result segmentMembers =
                        queries(few, "segment members", analyst.members());
                QueryLoad.Result journey = queries(few, "journey", analyst.journey());
                MemoryUse memory = MemoryUse.now();
                // After the query loads: serving ingest requests first changed how fast the same
                // JIT-compiled server then answered queries, and the query figures compare runs.
                HttpIngestBenchmark.Result httpIngest =
                        httpIngest(app, http, auth, tenants, events);
                ReportBenchmark.Result reports = reports(app, http, tenants, auth);
                DashboardResult dashboard = dashboard(site, tenants);
                // Before the batch phase, whose PostgreSQL would count as other processes.
                CpuMeter.Usage cpu = CpuMeter.between(measuring, CpuMeter.now());
                BatchDesignBenchmark.Result batch = batch(tenants, events);
                SinkBenchmark.Result sink = sink(sinkBench, dailyOutput);
                progress.step("Stopping Pulse and deleting " + scratch.path());
                return new BenchResults(
                        Instant.now(),
                        MachineInfo.currentLoadAverage(),
                        cpu,
                        machine,
                        plan,
                        events.totalBytes(),
                        baseline,
                        yardstick,
                        ingest,
                        ingestCost,
                        httpIngest,
                        freshness,
                        alerts,
                        httpYardstick,
                        portfolio,
                        point,
                        segmentMembers,
                        journey,
                        memory,
                        reports,
                        dashboard,
                        batch,
                        sink);
            }
        } finally {
            if (running.compareAndSet(app, null)) {
                app.close();
            }
        }
    }

    /** Signs the dashboard's browser in, as {@code ./pulse demo} does. */
    private static DemoIdentityProvider identityProvider(Path dir, String site) {
        try {
            return DemoIdentityProvider.create(dir.resolve("idp"), site, System.getenv());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot set up the demo identity provider", e);
        }
    }

    private PulseConfig config(Path dir, BenchAuth auth, DemoIdentityProvider idp, int port) {
        PulseConfig defaults = ConfigLoader.load(null, Map.of());
        PulseConfig.Streams streams = defaults.streams();
        PulseConfig.Auth benchAuth = auth.config(defaults.auth());
        return defaults.withAuth(benchAuth.withOidc(idp.oidcSettings(defaults.auth().oidc())))
                // Forty alerts fire on purpose: the console would bury the progress and table.
                .withNotifier(defaults.notifier().withConsole(false))
                .withAlertRules(BenchAlertRules.write(dir).toString())
                .withKafka(new PulseConfig.Kafka("", dir.resolve("kafka").toString(), 0))
                .withStreams(
                        new PulseConfig.Streams(
                                APPLICATION_ID,
                                dir.resolve("state").toString(),
                                plan.partitions(),
                                (short) 1,
                                0,
                                plan.threads(),
                                streams.rocksDbCacheMb()))
                .withApi(new PulseConfig.Api(API_HOST, port, "localhost"));
    }

    private Throughput baseline(PulseApplication app, GeneratedEvents events) {
        progress.step(
                String.format(
                        Locale.ROOT,
                        "Phase 1/11: producer baseline, %,d events to a scratch topic",
                        events.size()));
        CpuMeter.Snapshot start = CpuMeter.now();
        Throughput baseline =
                new ProducerBaseline(app.bootstrapServers(), plan.partitions()).run(events);
        progress.step(
                String.format(
                        Locale.ROOT,
                        "  %,.0f events/s (CPU: %s)",
                        baseline.perSecond(),
                        CpuMeter.between(start, CpuMeter.now()).describe()));
        return baseline;
    }

    /**
     * The machine's Kafka Streams ceiling over the baseline's events: {@link YardstickPipeline}.
     */
    private Cost yardstick(PulseApplication app, ScratchDirectory scratch, GeneratedEvents events) {
        progress.step(
                String.format(
                        Locale.ROOT,
                        "Phase 2/11: yardstick, a minimal Kafka Streams pipeline (JSON parse, daily"
                                + " count per tenant, exactly-once) over the baseline's %,d events",
                        events.size()));
        Cost cost =
                new YardstickPipeline(
                                app.bootstrapServers(),
                                plan.threads(),
                                scratch.path().resolve("yardstick-state"))
                        .run(ProducerBaseline.SCRATCH_TOPIC, events.size() + plan.partitions());
        progress.step(
                String.format(
                        Locale.ROOT,
                        "  %,.0f events/s in %.1f s, %.1f us of CPU per event",
                        cost.rate().perSecond(),
                        cost.rate().elapsed().toMillis() / 1000.0,
                        cost.cpuMicrosPerItem()));
        return cost;
    }

    private IngestBenchmark.Result ingest(
            PulseApplication app, BenchTenants tenants, GeneratedEvents events) {
        progress.step(
                String.format(
                        Locale.ROOT,
                        "Phase 3/11: ingest, %,d accounts then %,d events through the topologies",
                        tenants.size(),
                        events.size()));
        IngestBenchmark.Result ingest =
                new IngestBenchmark(
                                app.bootstrapServers(),
                                new PipelineCounters(app.meterRegistry()),
                                progress)
                        .run(tenants, events);
        progress.step(
                String.format(
                        Locale.ROOT, "  producer %,.0f events/s", ingest.producer().perSecond()));
        return ingest;
    }

    /**
     * A quarter as many events as the ingest phase, enough batches for a steady rate, timed from
     * the last ingested event until now: the ingest phase's six hours would be late by now, and
     * dropped.
     */
    private HttpIngestBenchmark.Result httpIngest(
            PulseApplication app,
            BenchHttpClient http,
            BenchAuth auth,
            BenchTenants tenants,
            GeneratedEvents ingested) {
        Instant after = Instant.ofEpochMilli(ingested.timestamp(ingested.size() - 1) + 1);
        GeneratedEvents events =
                new BenchEventGenerator(plan.seed() + 3)
                        .generate(
                                tenants,
                                Math.max(1, plan.events() / 4),
                                after,
                                Instant.now(),
                                "bench-http-");
        progress.step(
                String.format(
                        Locale.ROOT,
                        "Phase 7/11: HTTP ingest, %,d more events to POST /v1/events as NDJSON"
                                + " batches of %,d, %d requests at a time",
                        events.size(),
                        HttpIngestBenchmark.BATCH_SIZE,
                        HttpIngestBenchmark.IN_FLIGHT));
        CpuMeter.Snapshot start = CpuMeter.now();
        HttpIngestBenchmark.Result result =
                new HttpIngestBenchmark(http, new PipelineCounters(app.meterRegistry()), progress)
                        .run(events, auth.bearer(BenchTenants.LOADER));
        progress.step(
                String.format(
                        Locale.ROOT,
                        "  %,.0f events/s accepted, %,.0f events/s through the topologies, %,d"
                                + " refused (CPU: %s)",
                        result.accepted().perSecond(),
                        result.pipeline().perSecond(),
                        result.refused(),
                        CpuMeter.between(start, CpuMeter.now()).describe()));
        return result;
    }

    /** The rate, and this process's CPU time since {@code start} per item of it. */
    private Cost cost(Throughput rate, CpuMeter.Snapshot start) {
        CpuMeter.Snapshot end = CpuMeter.now();
        double micros = (end.processCpuNanos() - start.processCpuNanos()) / 1000.0 / rate.count();
        progress.step(
                String.format(
                        Locale.ROOT,
                        "  %,.0f events/s in %.1f s, %.1f us of CPU per event (CPU: %s)",
                        rate.perSecond(),
                        rate.elapsed().toMillis() / 1000.0,
                        micros,
                        CpuMeter.between(start, end).describe()));
        return new Cost(rate, micros);
    }

    private FreshnessBenchmark.Result freshness(
            PulseApplication app, BenchHttpClient http, BenchAuth auth, BenchTenants tenants) {
        progress.step(
                String.format(
                        Locale.ROOT,
                        "Phase 4/11: freshness, %,d samples of event -> GET /v1/accounts/{tenant}",
                        plan.samples()));
        CpuMeter.Snapshot start = CpuMeter.now();
        FreshnessBenchmark.Result freshness =
                new FreshnessBenchmark(app.bootstrapServers(), http, auth, plan.seed() + 1)
                        .run(tenants, plan.samples());
        progress.step(
                String.format(
                        Locale.ROOT,
                        "  p99 %.1f ms (CPU: %s)",
                        freshness.latency().p99(),
                        CpuMeter.between(start, CpuMeter.now()).describe()));
        return freshness;
    }

    private AlertLatencyBenchmark.Result alerts(
            PulseApplication app, BenchAuth auth, BenchTenants tenants) {
        int samples = Math.min(plan.samples(), ALERT_SAMPLES);
        progress.step(
                String.format(
                        Locale.ROOT,
                        "Phase 5/11: alerts, %,d samples of event -> alert in the owner's feed"
                                + " (GET /v1/notifications/stream)",
                        samples));
        CpuMeter.Snapshot start = CpuMeter.now();
        String owner = tenants.owners().get(0);
        AlertLatencyBenchmark.Result alerts =
                new AlertLatencyBenchmark(app.bootstrapServers(), app.apiPort(), plan.seed() + 2)
                        .run(owner, auth.bearer(owner), samples);
        progress.step(
                String.format(
                        Locale.ROOT,
                        "  p50 %.0f ms, p99 %.0f ms, %d timeouts (CPU: %s)",
                        alerts.latency().p50(),
                        alerts.latency().p99(),
                        alerts.timeouts(),
                        CpuMeter.between(start, CpuMeter.now()).describe()));
        return alerts;
    }

    /**
     * The machine's HTTP ceiling ({@link HttpYardstick}), answering with the bytes of a real point
     * answer, {@code point}'s.
     */
    private QueryLoad.Result httpYardstick(BenchHttpClient http, BenchRequest point) {
        HttpResponse<Buffer> sample;
        try {
            sample = http.get(point).await(30, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            throw new IllegalStateException("GET " + point.uri() + " was not answered in 30 s", e);
        }
        if (sample.statusCode() != 200) {
            throw new IllegalStateException(
                    "GET "
                            + point.uri()
                            + " answered "
                            + sample.statusCode()
                            + ": "
                            + sample.bodyAsString());
        }
        HttpYardstick yardstick = new HttpYardstick(sample.body().getBytes());
        progress.step(
                String.format(
                        Locale.ROOT,
                        "Phase 6/11: HTTP yardstick, a bare Vert.x server answering every request"
                                + " with a point answer's %,d bytes, %,d clients for %d s after a"
                                + " %d s warm-up",
                        yardstick.answerBytes(),
                        plan.concurrency(),
                        plan.queryDuration().toSeconds(),
                        plan.warmup().toSeconds()));
        CpuMeter.Snapshot start = CpuMeter.now();
        QueryLoad.Result result =
                yardstick.run(plan.concurrency(), plan.warmup(), plan.queryDuration());
        progress.step(
                String.format(
                        Locale.ROOT,
                        "  %,.0f req/s, p99 %.2f ms, %.1f us of CPU per request (CPU: %s)",
                        result.ok().perSecond(),
                        result.latency().p99(),
                        result.cpuMicrosPerRequest(),
                        CpuMeter.between(start, CpuMeter.now()).describe()));
        return result;
    }

    private QueryLoad.Result queries(QueryLoad load, String name, Supplier<BenchRequest> requests) {
        progress.step(
                String.format(
                        Locale.ROOT,
                        "Phase 6/11: %s queries, %,d clients for %d s after a %d s warm-up",
                        name,
                        load.concurrency(),
                        plan.queryDuration().toSeconds(),
                        plan.warmup().toSeconds()));
        CpuMeter.Snapshot start = CpuMeter.now();
        QueryLoad.Result result = load.run(requests, plan.warmup(), plan.queryDuration());
        progress.step(
                String.format(
                        Locale.ROOT,
                        "  %,.0f req/s, p99 %.2f ms, %,d errors (CPU: %s)",
                        result.ok().perSecond(),
                        result.latency().p99(),
                        result.errors(),
                        CpuMeter.between(start, CpuMeter.now()).describe()));
        return result;
    }

    /** Null when {@code --report-renders 0}. */
    private ReportBenchmark.Result reports(
            PulseApplication app, BenchHttpClient http, BenchTenants tenants, BenchAuth auth) {
        if (plan.reportRenders() == 0) {
            progress.step("Phase 8/11: reports, skipped (--report-renders 0)");
            return null;
        }
        progress.step(
                String.format(
                        "Phase 8/11: reports, %d PDFs of each kind one after another",
                        plan.reportRenders()));
        String owner = tenants.ownerOf(0);
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        String year = "?from=" + today.minusDays(364) + "&to=" + today.plusDays(1);
        return new ReportBenchmark(plan.reportRenders(), app.model().bands(), progress)
                .run(
                        http,
                        new BenchRequest(
                                "/v1/reports/accounts/" + tenants.ids().get(0) + ".pdf" + year,
                                auth.bearer(owner)),
                        new BenchRequest(
                                "/v1/reports/portfolio.pdf"
                                        + year
                                        + "&owner="
                                        + URLEncoder.encode(owner, StandardCharsets.UTF_8),
                                auth.bearer(owner)));
    }

    private DashboardResult dashboard(String site, BenchTenants tenants) {
        DashboardPlan dashboard = plan.dashboard();
        if (!dashboard.enabled()) {
            progress.step("Phase 9/11: dashboard in a browser, skipped (--no-dashboard)");
            return DashboardResult.notRun("--no-dashboard");
        }
        progress.step(
                String.format(
                        Locale.ROOT,
                        "Phase 9/11: dashboard in Chromium, %d cold loads of the portfolio and an"
                                + " account, alone and with %d people browsing",
                        dashboard.navigations(),
                        dashboard.browsingUsers()));
        CpuMeter.Snapshot start = CpuMeter.now();
        DashboardResult result = new DashboardBenchmark(dashboard, site, progress).run(tenants);
        progress.step("  (CPU: " + CpuMeter.between(start, CpuMeter.now()).describe() + ")");
        return result;
    }

    private BatchDesignBenchmark.Result batch(BenchTenants tenants, GeneratedEvents events) {
        if (plan.batchDatabase().isEmpty()) {
            progress.step("Phase 10/11: batch design in PostgreSQL, skipped (--no-batch)");
            return BatchDesignBenchmark.Result.notRun("--no-batch");
        }
        progress.step(
                String.format(
                        Locale.ROOT,
                        "Phase 10/11: the status quo, the same %,d events rolled up hourly in"
                                + " PostgreSQL",
                        events.size()));
        BatchDesignBenchmark.Result result =
                new BatchDesignBenchmark(plan.batchDatabase().get(), progress).run(tenants, events);
        result.skipped().ifPresent(reason -> progress.step("  skipped: " + reason));
        return result;
    }

    private SinkBenchmark.Result sink(SinkBenchmark bench, Optional<Throughput> dailyOutput) {
        if (dailyOutput.isEmpty()) {
            progress.step("Phase 11/11: warehouse sink, skipped (--no-batch)");
            return SinkBenchmark.Result.notRun("--no-batch");
        }
        progress.step(
                "Phase 11/11: warehouse sink, everything this run produced into PostgreSQL with the"
                        + " shipped settings");
        SinkBenchmark.Result result = bench.run(plan.batchDatabase().get(), dailyOutput.get());
        result.skipped().ifPresent(reason -> progress.step("  skipped: " + reason));
        return result;
    }

    /** An account manager with a full portfolio asks for their own. */
    private static Supplier<BenchRequest> portfolioRequests(BenchTenants tenants, BenchAuth auth) {
        List<BenchRequest> requests =
                tenants.fullPortfolioOwners().stream()
                        .map(
                                owner ->
                                        new BenchRequest(
                                                "/v1/portfolio?owner="
                                                        + URLEncoder.encode(
                                                                owner, StandardCharsets.UTF_8),
                                                auth.bearer(owner)))
                        .toList();
        return () -> requests.get(ThreadLocalRandom.current().nextInt(requests.size()));
    }

    /** An account manager opens one of their accounts. */
    private static Supplier<BenchRequest> pointRequests(BenchTenants tenants, BenchAuth auth) {
        List<String> ids = tenants.ids();
        List<BenchRequest> requests = new ArrayList<>(ids.size());
        for (int i = 0; i < ids.size(); i++) {
            requests.add(
                    new BenchRequest(
                            "/v1/accounts/" + ids.get(i), auth.bearer(tenants.ownerOf(i))));
        }
        return () -> requests.get(ThreadLocalRandom.current().nextInt(requests.size()));
    }
}
