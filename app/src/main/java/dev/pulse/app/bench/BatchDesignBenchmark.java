package dev.pulse.app.bench;

import dev.pulse.topologies.account.Account;
import dev.pulse.topologies.event.UsageEvent;
import dev.pulse.topologies.event.UsageEventParser;
import dev.pulse.warehouse.WarehouseConnection;
import dev.pulse.warehouse.WarehouseSettings;
import java.io.IOException;
import java.io.StringReader;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.HdrHistogram.Histogram;
import org.postgresql.PGConnection;

/**
 * The status quo side by side (issue 15): the bench's events loaded into PostgreSQL and rolled up
 * by an hourly batch job ({@link BatchDesignSql}), one run per hour of event time, each run loading
 * that hour's events, re-rolling the last two hours and the days they touch, and recomputing every
 * account's score inputs. It measures what that design costs per event and how fresh its answers
 * are: an event is visible once the run after its hour has finished.
 */
public final class BatchDesignBenchmark {
    /** The local PostgreSQL the tests use; the bench works in a scratch schema it drops. */
    public static final String DEFAULT_DATABASE = "postgresql://postgres@127.0.0.1:5432/postgres";

    private static final Duration INTERVAL = Duration.ofHours(1);

    /** Each run rolls the hour before up again: events up to an hour late, as Pulse's grace. */
    private static final Duration LATE = Duration.ofHours(1);

    private final WarehouseConnection database;
    private final BenchProgress progress;

    /**
     * @throws IllegalArgumentException when {@code url} is not a PostgreSQL URL
     */
    public BatchDesignBenchmark(String url, BenchProgress progress) {
        this.database = connection(url);
        this.progress = progress;
    }

    /**
     * Checks {@code url} before a run that only reaches this phase minutes later.
     *
     * @throws IllegalArgumentException naming the problem
     */
    public static void checkUrl(String url) {
        connection(url);
    }

    private static WarehouseConnection connection(String url) {
        try {
            return new WarehouseConnection(WarehouseSettings.of(url, "pulse"));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(
                    "--batch-database must be a PostgreSQL URL such as "
                            + DEFAULT_DATABASE
                            + ", not '"
                            + url
                            + "' ("
                            + e.getMessage()
                            + ")",
                    e);
        }
    }

    /**
     * What the batch design did with the events.
     *
     * @param skipped why nothing was measured, or empty
     * @param runTimes how long each hourly run took, loading included
     * @param freshness from each event's time to the end of the run that made it visible
     * @param loaderMicrosPerEvent the loader's CPU (parse, CSV, JDBC) per event
     * @param databaseMicrosPerEvent other processes' CPU (PostgreSQL) per event; NaN if unknown
     * @param rolledUpEvents events the daily roll-up counts, each once
     * @param scoredAccounts accounts with score inputs
     */
    public record Result(
            Optional<String> skipped,
            List<Duration> runTimes,
            LatencySummary freshness,
            double loaderMicrosPerEvent,
            double databaseMicrosPerEvent,
            long rolledUpEvents,
            long scoredAccounts) {

        static Result notRun(String reason) {
            return new Result(Optional.of(reason), List.of(), null, 0, 0, 0, 0);
        }

        public double cpuMicrosPerEvent() {
            return loaderMicrosPerEvent + databaseMicrosPerEvent;
        }

        public Duration totalRunTime() {
            return runTimes.stream().reduce(Duration.ZERO, Duration::plus);
        }

        public Duration longestRun() {
            return runTimes.stream().max(Duration::compareTo).orElse(Duration.ZERO);
        }
    }

    public Result run(BenchTenants tenants, GeneratedEvents events) {
        DataSource source = database.jdbcDataSource();
        Connection connection;
        try {
            connection = source.getConnection();
        } catch (SQLException e) {
            return Result.notRun(
                    "no PostgreSQL at "
                            + database.describe()
                            + " ("
                            + e.getMessage()
                            + "); --batch-database URL, or --no-batch");
        }
        String schema = "pulse_bench_batch_" + UUID.randomUUID().toString().substring(0, 8);
        try (connection) {
            try {
                prepare(connection, schema, tenants);
                return measure(connection, events);
            } finally {
                connection.setAutoCommit(true);
                execute(connection, "DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            }
        } catch (SQLException | IOException e) {
            throw new IllegalStateException(
                    "the batch design failed on " + database.describe() + ": " + e.getMessage(), e);
        }
    }

    private static void prepare(Connection connection, String schema, BenchTenants tenants)
            throws SQLException {
        execute(connection, "CREATE SCHEMA " + schema);
        execute(connection, "SET search_path TO " + schema);
        for (String ddl : BatchDesignSql.CREATE_TABLES) {
            execute(connection, ddl);
        }
        try (PreparedStatement insert =
                connection.prepareStatement(BatchDesignSql.INSERT_ACCOUNT)) {
            for (Account account : tenants.accounts(LocalDate.now(ZoneOffset.UTC))) {
                insert.setString(1, account.tenantId());
                insert.setLong(2, account.licensedSeats() == null ? 0 : account.licensedSeats());
                insert.addBatch();
            }
            insert.executeBatch();
        }
        connection.setAutoCommit(false);
    }

    private Result measure(Connection connection, GeneratedEvents events)
            throws SQLException, IOException {
        HourlySlices hours = HourlySlices.of(events, INTERVAL.toMillis());
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        Histogram freshness = new Histogram(TimeUnit.HOURS.toMicros(3), 3);
        List<Duration> runTimes = new ArrayList<>();
        CpuMeter.Snapshot start = CpuMeter.now();
        long loaderStart = threads.getCurrentThreadCpuTime();
        for (int hour = 0; hour < hours.count(); hour++) {
            long runStart = System.nanoTime();
            Instant end = hours.end(hour);
            runHour(connection, events, hours.indexes(hour), end);
            Duration runTime = Duration.ofNanos(System.nanoTime() - runStart);
            runTimes.add(runTime);
            for (int i : hours.indexes(hour)) {
                long waitedMs = end.toEpochMilli() - events.timestamp(i);
                freshness.recordValue(
                        TimeUnit.MILLISECONDS.toMicros(waitedMs) + runTime.toNanos() / 1000);
            }
            progress.step(
                    String.format(
                            Locale.ROOT,
                            "  run %d/%d (events up to %s): %,d events in %.2f s",
                            hour + 1,
                            hours.count(),
                            end,
                            hours.indexes(hour).length,
                            runTime.toMillis() / 1000.0));
        }
        long loaderNanos = threads.getCurrentThreadCpuTime() - loaderStart;
        double databaseNanos = CpuMeter.othersCpuNanos(start, CpuMeter.now());
        return new Result(
                Optional.empty(),
                List.copyOf(runTimes),
                LatencySummary.of(freshness),
                loaderNanos / 1000.0 / events.size(),
                databaseNanos / 1000.0 / events.size(),
                count(connection, BatchDesignSql.DAILY_EVENTS),
                count(connection, BatchDesignSql.SCORED_ACCOUNTS));
    }

    /** One hourly run in one transaction: land the hour's events, roll up, rescore. */
    private static void runHour(
            Connection connection, GeneratedEvents events, int[] indexes, Instant end)
            throws SQLException, IOException {
        execute(connection, BatchDesignSql.TRUNCATE_STAGE);
        connection
                .unwrap(PGConnection.class)
                .getCopyAPI()
                .copyIn(BatchDesignSql.COPY_STAGE, new StringReader(csv(events, indexes)));
        execute(connection, BatchDesignSql.MERGE_STAGE);
        Instant from = end.minus(INTERVAL).minus(LATE);
        update(connection, BatchDesignSql.ROLL_UP_HOURS, from, end);
        update(connection, BatchDesignSql.ROLL_UP_DAYS, from.truncatedTo(ChronoUnit.DAYS), end);
        update(connection, BatchDesignSql.SCORE_INPUTS, end);
        connection.commit();
    }

    /**
     * The events as the loader lands them: parsed and validated as Pulse does, one CSV row each.
     */
    private static String csv(GeneratedEvents events, int[] indexes) {
        StringBuilder rows = new StringBuilder(indexes.length * 96);
        Instant now = Instant.now();
        for (int i : indexes) {
            UsageEvent event = UsageEventParser.parse(events.value(i), now);
            field(rows, event.eventId()).append(',');
            field(rows, event.tenantId()).append(',');
            field(rows, event.userId()).append(',');
            field(rows, event.type()).append(',');
            if (event.feature() != null) {
                field(rows, event.feature()); // an unquoted empty field is NULL
            }
            rows.append(',').append(event.timestamp()).append('\n');
        }
        return rows.toString();
    }

    private static StringBuilder field(StringBuilder rows, String value) {
        return rows.append('"').append(value.replace("\"", "\"\"")).append('"');
    }

    private static void update(Connection connection, String sql, Instant... times)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < times.length; i++) {
                statement.setTimestamp(i + 1, Timestamp.from(times[i]));
            }
            statement.executeUpdate();
        }
    }

    private static long count(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
