package dev.pulse.app.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pulse.app.PulseMain;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * Runs {@code pulse bench} end to end with tiny options and reads the figures it reports; the
 * dashboard phase needs Debian's Chromium, as the other browser tests do.
 */
class BenchmarkCommandIT {
    private static final List<String> POSITIVE_FIGURES =
            List.of(
                    "producer baseline",
                    "yardstick: minimal Kafka Streams pipeline",
                    "yardstick CPU per event",
                    "ingest producer rate",
                    "ingest as a share of the yardstick",
                    "ingest CPU per event (with producer)",
                    "ingest through topologies",
                    "freshness p50",
                    "HTTP ingest accepted (NDJSON, 5,000 a batch)",
                    "HTTP ingest through topologies",
                    "freshness p90",
                    "freshness p99",
                    "freshness max",
                    "event -> alert in feed p50",
                    "event -> alert in feed p99",
                    "HTTP yardstick: bare server, a point answer's bytes",
                    "HTTP yardstick p99",
                    "HTTP yardstick CPU per request (with load generator)",
                    "point as a share of the HTTP yardstick",
                    "portfolio throughput",
                    "portfolio p50",
                    "portfolio p99",
                    "portfolio max",
                    "point throughput",
                    "point p50",
                    "point p99",
                    "point max",
                    "segment members throughput",
                    "segment members p99",
                    "journey throughput",
                    "journey p99",
                    "portfolio CPU per request (with load generator)",
                    "point CPU per request (with load generator)",
                    "heap in use after GC",
                    "RocksDB cache incl. memtables",
                    "12-month account review PDF, rendered p99",
                    "500-account portfolio PDF, rendered p99",
                    "12-month review PDF via API p99",
                    "30-account portfolio PDF via API p99",
                    "portfolio page (30 rows) cold, alone p50",
                    "account page cold, alone p50",
                    "yardstick /health/live cold p50, alone",
                    "portfolio page (30 rows) cold, with 2 users p95",
                    "account page cold, with 2 users p95",
                    "browsing users' requests",
                    "batch design: hourly runs",
                    "batch design: events rolled up",
                    "batch design CPU per event",
                    "batch design freshness p50",
                    "batch design freshness p99",
                    "topology daily output during ingest",
                    "warehouse sink, the run's results");

    private static final List<String> ZERO_FIGURES =
            List.of(
                    "HTTP ingest events refused",
                    "freshness timeouts",
                    "alert timeouts",
                    "HTTP yardstick errors",
                    "portfolio errors",
                    "point errors",
                    "segment members errors",
                    "journey errors",
                    "browsing users' errors",
                    "cold loads: responses from browser cache");

    @Test
    void reportsEveryFigureWithAPositiveNumberAndNoErrors() {
        String report =
                bench(
                        // As small as still yields every figure: the run costs CI about 50 s.
                        "--events",
                        "20000",
                        "--tenants",
                        "100",
                        "--samples",
                        "10",
                        "--query-seconds",
                        "1",
                        "--warmup-seconds",
                        "1",
                        "--concurrency",
                        "20",
                        "--page-loads",
                        "1",
                        "--browsing-users",
                        "2",
                        "--report-renders",
                        "1");
        assertThat(report)
                .contains(
                        "machine",
                        "cores",
                        "Phase 2/11",
                        "Phase 9/11",
                        "Phase 10/11",
                        "Phase 11/11");
        for (String figure : POSITIVE_FIGURES) {
            assertThat(figure(report, figure))
                    .as(figure + " in\n" + report)
                    .hasValueSatisfying(value -> assertThat(value).isPositive());
        }
        for (String figure : ZERO_FIGURES) {
            assertThat(figure(report, figure)).as(figure + " in\n" + report).contains(0.0);
        }
    }

    @Test
    void theBackfillModeReportsBothPathsOnTheSameEvents() {
        String report =
                bench(
                        "--backfill",
                        "--events",
                        "30000",
                        "--tenants",
                        "30",
                        "--backfill-days",
                        "10",
                        "--partitions",
                        "2",
                        "--flink-parallelism",
                        "2",
                        "--rocksdb-cache-mb",
                        "64");
        assertThat(report)
                .contains(
                        "Phase 1/2",
                        "Phase 2/2",
                        "30,000 events, 30 tenants, 10 days",
                        "RocksDB budget 64 MB per Pulse")
                .containsPattern("live topology \\(replay\\): +[1-9][0-9,]* events/s")
                .containsPattern("Flink job, in-process \\(p=2\\): +[1-9][0-9,]* events/s")
                .containsPattern("backfill until loaded in Pulse: *[1-9][0-9,]* events/s")
                // 30 tenants x the 9 days that close (the last one waits for a later day).
                .containsPattern("scored and served: 270 end-of-day scores readable [0-9.]+ s")
                .containsPattern(
                        "speed-up, Flink job vs live: [0-9.]+x \\(target >= 5x\\);"
                                + " loaded in Pulse vs live: [0-9.]+x");
    }

    @Test
    void theRestartModeReportsRestartsOnKeptAndLostState() {
        String report =
                bench(
                        "--restart",
                        "--tenants",
                        "40",
                        "--history-days",
                        "5",
                        "--partitions",
                        "2",
                        "--rocksdb-cache-mb",
                        "64");
        assertThat(report)
                .contains("Phase 1/3", "Phase 2/3", "Phase 3/3")
                .contains("40 tenants, 5 days of history: 200 events loaded")
                .contains("RocksDB budget 64 MB")
                .containsPattern("/health/ready \\(target < 30 s\\) +[0-9.]+ s +[0-9.]+ s")
                .containsPattern("every tenant answering +[0-9.]+ s +[0-9.]+ s");
        // Kept state replays nothing; lost state replays it all from the changelogs.
        Matcher replayed =
                Pattern.compile("changelog records replayed +([0-9,]+) +([0-9,]+)").matcher(report);
        assertThat(replayed.find()).as(report).isTrue();
        assertThat(replayed.group(1)).as(report).isEqualTo("0");
        assertThat(Long.parseLong(replayed.group(2).replace(",", ""))).as(report).isPositive();
    }

    /**
     * What {@code pulse bench} with {@code options} printed, once it exited with 0. A failure's
     * stack trace goes to err: it is kept in the report the assertions print.
     */
    private static String bench(String... options) {
        StringWriter out = new StringWriter();
        CommandLine pulse = new CommandLine(new PulseMain());
        pulse.setOut(new PrintWriter(out, true));
        pulse.setErr(new PrintWriter(out, true));
        String[] args = new String[options.length + 1];
        args[0] = "bench";
        System.arraycopy(options, 0, args, 1, options.length);
        int exitCode = pulse.execute(args);
        String report = out.toString();
        assertThat(exitCode).as(report).isZero();
        return report;
    }

    /** The number in the "measured" column of the row named {@code figure}. */
    private static Optional<Double> figure(String report, String figure) {
        Matcher row =
                Pattern.compile(
                                "^"
                                        + Pattern.quote(figure)
                                        + "\\s{2,}([0-9][0-9,]*(?:\\.[0-9]+)?)\\s",
                                Pattern.MULTILINE)
                        .matcher(report);
        return row.find()
                ? Optional.of(Double.parseDouble(row.group(1).replace(",", "")))
                : Optional.empty();
    }
}
