package dev.pulse.app.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pulse.warehouse.testing.LocalPostgres;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The status quo phase of {@code pulse bench} on the local PostgreSQL. */
class BatchDesignBenchmarkIT {
    @RegisterExtension final LocalPostgres pg = new LocalPostgres();

    private final StringWriter out = new StringWriter();

    @Test
    void rollsEveryEventUpOnceAndScoresEveryAccountHourByHour() throws SQLException {
        BenchTenants tenants = BenchTenants.of(12);
        GeneratedEvents generated =
                new BenchEventGenerator(7)
                        .generate(tenants, 6_000, Instant.parse("2026-01-15T10:30:00Z"));
        GeneratedEvents twice = deliveredTwice(generated, 500);

        BatchDesignBenchmark.Result result = benchmark(pg.url()).run(tenants, twice);

        assertThat(result.skipped()).isEmpty();
        // Six hours of events ending at 10:30: 04:30–05:00 … 10:00–10:30, one run per hour.
        assertThat(result.runTimes()).hasSize(7);
        assertThat(result.rolledUpEvents()).as("duplicates counted once").isEqualTo(6_000);
        assertThat(result.scoredAccounts()).isEqualTo(12);
        assertThat(result.loaderMicrosPerEvent()).isPositive();
        // Events arrive evenly in each hour and wait for the run after it: half an hour typically,
        // up to an hour, plus that run's own time.
        double longestRunMs = result.longestRun().toMillis() + 1;
        assertThat(result.freshness().p50()).isBetween(25 * 60_000.0, 35 * 60_000.0 + longestRunMs);
        assertThat(result.freshness().max()).isLessThanOrEqualTo(61 * 60_000.0 + longestRunMs);
        assertThat(out.toString()).contains("run 7/7");
        assertThat(schemasNamed("pulse_bench_batch_%")).as("scratch schema dropped").isZero();
    }

    @Test
    void aServerThatIsNotThereSkipsThePhaseAndSaysWhere() {
        BatchDesignBenchmark.Result result =
                benchmark("postgresql://postgres@127.0.0.1:1/postgres")
                        .run(
                                BenchTenants.of(2),
                                new BenchEventGenerator(1)
                                        .generate(BenchTenants.of(2), 10, Instant.now()));

        assertThat(result.skipped())
                .hasValueSatisfying(
                        reason ->
                                assertThat(reason)
                                        .contains("no PostgreSQL at 127.0.0.1:1/postgres")
                                        .contains("--no-batch"));
    }

    @Test
    void aUrlThatIsNotPostgresIsRejectedBeforeTheRun() {
        assertThatThrownBy(() -> BatchDesignBenchmark.checkUrl("mysql://db"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--batch-database must be a PostgreSQL URL")
                .hasMessageContaining("mysql://db");
    }

    private BatchDesignBenchmark benchmark(String url) {
        return new BatchDesignBenchmark(url, new BenchProgress(new PrintWriter(out, true)));
    }

    /** The first {@code count} events again at the end, as an at-least-once landing delivers. */
    private static GeneratedEvents deliveredTwice(GeneratedEvents events, int count) {
        int size = events.size() + count;
        String[] keys = new String[size];
        byte[][] values = new byte[size][];
        long[] timestamps = new long[size];
        for (int i = 0; i < size; i++) {
            int source = i < events.size() ? i : i - events.size();
            keys[i] = events.key(source);
            values[i] = events.value(source);
            timestamps[i] = events.timestamp(source);
        }
        return new GeneratedEvents(keys, values, timestamps);
    }

    private long schemasNamed(String pattern) throws SQLException {
        try (Connection connection =
                        DriverManager.getConnection(
                                "jdbc:postgresql://127.0.0.1:5432/" + pg.database(),
                                "postgres",
                                "");
                Statement statement = connection.createStatement();
                ResultSet rows =
                        statement.executeQuery(
                                "SELECT count(*) FROM information_schema.schemata WHERE"
                                        + " schema_name LIKE '"
                                        + pattern
                                        + "'")) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
