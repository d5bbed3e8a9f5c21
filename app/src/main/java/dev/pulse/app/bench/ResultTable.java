package dev.pulse.app.bench;

import dev.pulse.app.bench.dashboard.BrowsingLoad;
import dev.pulse.app.bench.dashboard.DashboardResult;
import dev.pulse.app.bench.dashboard.PageLoads;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Renders a run as a plain-text table: one row per figure, its target from DESIGN.md ("Targets")
 * where there is one, and whether the figure met it.
 */
public final class ResultTable {
    static final double INGEST_TARGET_EVENTS_PER_S = 100_000;
    static final double INGEST_TARGET_SHARE_PERCENT = 50;
    static final double HTTP_INGEST_TARGET_EVENTS_PER_S = 150_000;
    static final double FRESHNESS_TARGET_P99_MS = 1_000;
    static final double ALERT_TARGET_P99_MS = 5_000;
    static final double PORTFOLIO_TARGET_P99_MS = 20;
    static final int PORTFOLIO_TARGET_CLIENTS = 200;
    static final double POINT_TARGET_REQ_PER_S = 20_000;
    static final double POINT_TARGET_P99_MS = 10;
    static final double PAGE_TARGET_P95_MS = 2_000;
    static final double SEGMENT_TARGET_P99_MS = 100;
    static final double REPORT_TARGET_MS = 2_000;

    private static final String NONE = "-";

    private final List<String[]> rows = new ArrayList<>();

    private ResultTable() {}

    public static String render(BenchResults results) {
        ResultTable table = new ResultTable();
        table.row("figure", "measured", "target", "verdict");
        table.ingest(results);
        table.httpIngest(results.httpIngest());
        table.freshness(results.freshness());
        table.alerts(results.alerts());
        table.httpYardstick(results.httpYardstick());
        table.queries("portfolio", results.portfolio(), results.plan().concurrency());
        table.queries("point", results.point(), results.plan().concurrency());
        table.pointShare(results.point(), results.httpYardstick());
        table.analystQueries("segment members", results.segmentMembers(), results.plan());
        table.analystQueries("journey", results.journey(), results.plan());
        table.memory(results.memory());
        table.reports(results.reports());
        table.dashboard(results.dashboard());
        table.batch(results);
        table.sink(results.sink());
        return header(results) + table.text();
    }

    private static String header(BenchResults r) {
        BenchPlan plan = r.plan();
        return String.format(
                Locale.ROOT,
                "Pulse benchmark, %s%n"
                        + "machine  %s, %.2f at end%n"
                        + "cpu      %s while measuring%n"
                        + "run      %,d events (%,d B of JSON each on average) over %,d tenants,"
                        + " %d partitions, %d stream threads;%n"
                        + "         %,d freshness samples; each query load %d s at %,d clients"
                        + " after a %d s warm-up%n%n",
                r.date().truncatedTo(ChronoUnit.SECONDS),
                r.machine().describe(),
                r.loadAverageAtEnd(),
                r.cpu().describe(),
                plan.events(),
                r.eventBytes() / plan.events(),
                plan.tenants(),
                plan.partitions(),
                plan.threads(),
                plan.samples(),
                plan.queryDuration().toSeconds(),
                plan.concurrency(),
                plan.warmup().toSeconds());
    }

    private void ingest(BenchResults r) {
        row("producer baseline", rate(r.baseline(), "events/s"), "what the box can do", NONE);
        double ceiling = r.yardstick().rate().perSecond();
        row(
                "yardstick: minimal Kafka Streams pipeline",
                rate(r.yardstick().rate(), "events/s"),
                "this machine's ceiling",
                NONE);
        row("yardstick CPU per event", micros(r.yardstick().cpuMicrosPerItem()), NONE, NONE);
        row("ingest producer rate", rate(r.ingest().producer(), "events/s"), NONE, NONE);
        double pipeline = r.ingest().pipeline().perSecond();
        row(
                "ingest through topologies",
                rate(r.ingest().pipeline(), "events/s"),
                String.format(Locale.ROOT, ">= %,.0f events/s", INGEST_TARGET_EVENTS_PER_S),
                verdict(pipeline >= INGEST_TARGET_EVENTS_PER_S));
        double share = pipeline / ceiling * 100;
        row(
                "ingest as a share of the yardstick",
                String.format(Locale.ROOT, "%.1f %%", share),
                String.format(Locale.ROOT, ">= %.0f %%", INGEST_TARGET_SHARE_PERCENT),
                verdict(share >= INGEST_TARGET_SHARE_PERCENT));
        row(
                "ingest CPU per event (with producer)",
                micros(r.ingestCost().cpuMicrosPerItem()),
                NONE,
                NONE);
    }

    private void httpIngest(HttpIngestBenchmark.Result h) {
        double accepted = h.accepted().perSecond();
        row(
                String.format(
                        Locale.ROOT,
                        "HTTP ingest accepted (NDJSON, %,d a batch)",
                        HttpIngestBenchmark.BATCH_SIZE),
                rate(h.accepted(), "events/s"),
                String.format(Locale.ROOT, ">= %,.0f events/s", HTTP_INGEST_TARGET_EVENTS_PER_S),
                verdict(accepted >= HTTP_INGEST_TARGET_EVENTS_PER_S));
        row("HTTP ingest through topologies", rate(h.pipeline(), "events/s"), NONE, NONE);
        row("HTTP ingest events refused", count(h.refused()), "0", verdict(h.refused() == 0));
    }

    private static String micros(double us) {
        return String.format(Locale.ROOT, "%,.1f us", us);
    }

    private void freshness(FreshnessBenchmark.Result f) {
        LatencySummary l = f.latency();
        row("freshness p50", millis(l.p50()), NONE, NONE);
        row("freshness p90", millis(l.p90()), NONE, NONE);
        row(
                "freshness p99",
                millis(l.p99()),
                String.format(Locale.ROOT, "< %,.0f ms", FRESHNESS_TARGET_P99_MS),
                verdict(l.p99() < FRESHNESS_TARGET_P99_MS));
        row("freshness max", millis(l.max()), NONE, NONE);
        row("freshness timeouts", count(f.timeouts()), "0", verdict(f.timeouts() == 0));
    }

    private void alerts(AlertLatencyBenchmark.Result a) {
        LatencySummary l = a.latency();
        row("event -> alert in feed p50", millis(l.p50()), NONE, NONE);
        row(
                "event -> alert in feed p99",
                millis(l.p99()),
                String.format(Locale.ROOT, "< %,.0f ms", ALERT_TARGET_P99_MS),
                verdict(l.p99() < ALERT_TARGET_P99_MS));
        row("alert timeouts", count(a.timeouts()), "0", verdict(a.timeouts() == 0));
    }

    private void httpYardstick(QueryLoad.Result y) {
        row(
                "HTTP yardstick: bare server, a point answer's bytes",
                rate(y.ok(), "req/s"),
                "this machine's HTTP ceiling",
                NONE);
        row("HTTP yardstick p99", millis(y.latency().p99()), NONE, NONE);
        row(
                "HTTP yardstick CPU per request (with load generator)",
                micros(y.cpuMicrosPerRequest()),
                NONE,
                NONE);
        row("HTTP yardstick errors", count(y.errors()), "0", verdict(y.errors() == 0));
    }

    /** The point rate, and the rate its target asks for, as shares of the HTTP ceiling. */
    private void pointShare(QueryLoad.Result point, QueryLoad.Result yardstick) {
        double ceiling = yardstick.ok().perSecond();
        row(
                "point as a share of the HTTP yardstick",
                String.format(Locale.ROOT, "%.1f %%", point.ok().perSecond() / ceiling * 100),
                String.format(
                        Locale.ROOT,
                        "%,.0f req/s is %.1f %%",
                        POINT_TARGET_REQ_PER_S,
                        POINT_TARGET_REQ_PER_S / ceiling * 100),
                NONE);
    }

    /** Issue 14's target: over 500 accounts, p99 under 100 ms (a few analysts at once). */
    private void analystQueries(String name, QueryLoad.Result q, BenchPlan plan) {
        LatencySummary l = q.latency();
        String over =
                String.format(
                        Locale.ROOT,
                        "%,d of %,d accounts, %d clients",
                        plan.tenants() / 2,
                        plan.tenants(),
                        SegmentQueries.CLIENTS);
        row(name + " throughput", rate(q.ok(), "req/s"), over, NONE);
        row(name + " p50", millis(l.p50()), NONE, NONE);
        row(
                name + " p99",
                millis(l.p99()),
                String.format(Locale.ROOT, "< %.0f ms for 500 accounts", SEGMENT_TARGET_P99_MS),
                plan.tenants() / 2 < 500
                        ? "n/a (" + plan.tenants() / 2 + " accounts)"
                        : verdict(l.p99() < SEGMENT_TARGET_P99_MS));
        row(name + " errors", count(q.errors()), "0", verdict(q.errors() == 0));
    }

    private void queries(String name, QueryLoad.Result q, int clients) {
        boolean portfolio = name.equals("portfolio");
        LatencySummary l = q.latency();
        String rateTarget =
                portfolio
                        ? NONE
                        : String.format(Locale.ROOT, ">= %,.0f req/s", POINT_TARGET_REQ_PER_S);
        String rateVerdict =
                portfolio ? NONE : verdict(q.ok().perSecond() >= POINT_TARGET_REQ_PER_S);
        row(name + " throughput", rate(q.ok(), "req/s"), rateTarget, rateVerdict);
        row(name + " p50", millis(l.p50()), NONE, NONE);
        if (portfolio) {
            row(
                    name + " p99",
                    millis(l.p99()),
                    String.format(
                            Locale.ROOT,
                            "< %.0f ms at %d clients",
                            PORTFOLIO_TARGET_P99_MS,
                            PORTFOLIO_TARGET_CLIENTS),
                    clients < PORTFOLIO_TARGET_CLIENTS
                            ? "n/a (" + clients + " clients)"
                            : verdict(l.p99() < PORTFOLIO_TARGET_P99_MS));
        } else {
            row(
                    name + " p99",
                    millis(l.p99()),
                    String.format(Locale.ROOT, "< %.0f ms", POINT_TARGET_P99_MS),
                    verdict(l.p99() < POINT_TARGET_P99_MS));
        }
        row(name + " max", millis(l.max()), NONE, NONE);
        row(
                name + " CPU per request (with load generator)",
                micros(q.cpuMicrosPerRequest()),
                NONE,
                NONE);
        row(name + " errors", count(q.errors()), "0", verdict(q.errors() == 0));
    }

    private void memory(MemoryUse m) {
        row("heap in use after GC", mebibytes(m.heapAfterGcBytes()), NONE, NONE);
        row("RocksDB cache incl. memtables", mebibytes(m.rocksDbBytes()), NONE, NONE);
    }

    private static String mebibytes(long bytes) {
        return String.format(Locale.ROOT, "%,.1f MiB", bytes / (1024.0 * 1024.0));
    }

    private void reports(ReportBenchmark.Result r) {
        if (r == null) {
            row("reports", "not measured", NONE, "--report-renders 0");
            return;
        }
        report("12-month account review PDF, rendered", r.review());
        report("500-account portfolio PDF, rendered", r.portfolio());
        report("12-month review PDF via API", r.apiReview());
        report("30-account portfolio PDF via API", r.apiPortfolio());
    }

    private void report(String name, LatencySummary l) {
        row(name + " p50", millis(l.p50()), NONE, NONE);
        row(
                name + " p99",
                millis(l.p99()),
                String.format(Locale.ROOT, "< %,.0f ms", REPORT_TARGET_MS),
                verdict(l.p99() < REPORT_TARGET_MS));
    }

    private void dashboard(DashboardResult d) {
        if (d.skipped().isPresent()) {
            row("dashboard", "not measured", NONE, d.skipped().get());
            return;
        }
        pages("alone", d.alone());
        BrowsingLoad load = d.browsing();
        pages("with " + load.people() + " users", d.withUsers());
        row("browsing users' requests", rate(load.requests(), "req/s"), NONE, NONE);
        row("browsing users' errors", count(load.errors()), "0", verdict(load.errors() == 0));
        long fromCache = d.alone().responsesFromCache() + d.withUsers().responsesFromCache();
        row(
                "cold loads: responses from browser cache",
                count(fromCache),
                "0",
                verdict(fromCache == 0));
    }

    /** The status quo beside Pulse's own figures for the same events. */
    private void batch(BenchResults r) {
        BatchDesignBenchmark.Result b = r.batch();
        if (b.skipped().isPresent()) {
            row("batch design (hourly, PostgreSQL)", "not measured", NONE, b.skipped().get());
            return;
        }
        row(
                "batch design: hourly runs",
                String.format(
                        Locale.ROOT,
                        "%d, %.1f s in all, longest %.2f s",
                        b.runTimes().size(),
                        b.totalRunTime().toMillis() / 1000.0,
                        b.longestRun().toMillis() / 1000.0),
                "the status quo: roll-ups and score inputs",
                NONE);
        row(
                "batch design: events rolled up",
                count(b.rolledUpEvents()),
                count(r.plan().events()),
                verdict(b.rolledUpEvents() == r.plan().events()));
        row(
                "batch design CPU per event",
                Double.isNaN(b.databaseMicrosPerEvent())
                        ? micros(b.loaderMicrosPerEvent()) + " + PostgreSQL unknown"
                        : String.format(
                                Locale.ROOT,
                                "%s (loader %.1f, PostgreSQL %.1f)",
                                micros(b.cpuMicrosPerEvent()),
                                b.loaderMicrosPerEvent(),
                                b.databaseMicrosPerEvent()),
                "Pulse: " + micros(r.ingestCost().cpuMicrosPerItem()) + " with producer",
                NONE);
        LatencySummary f = b.freshness();
        row(
                "batch design freshness p50",
                minutes(f.p50()),
                "Pulse: " + millis(r.freshness().latency().p50()),
                NONE);
        row(
                "batch design freshness p99",
                minutes(f.p99()),
                "Pulse: " + millis(r.freshness().latency().p99()),
                NONE);
    }

    /** Issue 13: the sink carries at least what the topology writes for it at full ingest. */
    private void sink(SinkBenchmark.Result s) {
        if (s.skipped().isPresent()) {
            row("warehouse sink (PostgreSQL)", "not measured", NONE, s.skipped().get());
            return;
        }
        row(
                "topology daily output during ingest",
                rate(s.output(), "records/s"),
                "what the sink must carry",
                NONE);
        row(
                "warehouse sink, the run's results",
                rate(s.sink(), "records/s") + String.format(Locale.ROOT, " (%,d rows)", s.rows()),
                ">= the topology's daily output",
                verdict(s.ratio() >= 1));
    }

    private static String minutes(double ms) {
        return String.format(Locale.ROOT, "%,.1f min", ms / 60_000);
    }

    private void pages(String when, PageLoads loads) {
        page("portfolio page (30 rows) cold, " + when, loads.portfolio());
        page("account page cold, " + when, loads.account());
        row(
                "yardstick /health/live cold p50, " + when,
                millis(loads.yardstick().p50()),
                "same server, same browser",
                NONE);
    }

    private void page(String name, LatencySummary l) {
        row(name + " p50", millis(l.p50()), NONE, NONE);
        row(
                name + " p95",
                millis(l.p95()),
                String.format(Locale.ROOT, "< %,.0f ms", PAGE_TARGET_P95_MS),
                verdict(l.p95() < PAGE_TARGET_P95_MS));
        row(name + " max", millis(l.max()), NONE, NONE);
    }

    private void row(String figure, String measured, String target, String verdict) {
        rows.add(new String[] {figure, measured, target, verdict});
    }

    private String text() {
        int[] widths = new int[4];
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        StringBuilder text = new StringBuilder();
        for (String[] row : rows) {
            String line =
                    String.format(
                            Locale.ROOT,
                            "%-" + widths[0] + "s  %" + widths[1] + "s  %-" + widths[2] + "s  %s",
                            (Object[]) row);
            text.append(line.stripTrailing()).append(System.lineSeparator());
        }
        return text.toString();
    }

    private static String rate(Throughput t, String unit) {
        return String.format(Locale.ROOT, "%,.0f %s", t.perSecond(), unit);
    }

    private static String millis(double ms) {
        return String.format(Locale.ROOT, "%,.2f ms", ms);
    }

    private static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    private static String verdict(boolean met) {
        return met ? "met" : "MISSED";
    }
}
