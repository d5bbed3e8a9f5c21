package dev.pulse.app;

import dev.pulse.app.config.PulseConfig;
import dev.pulse.backfill.source.RawEventSource;
import dev.pulse.backfill.source.TableEventSource;
import dev.pulse.streams.connection.KafkaConnection;
import dev.pulse.warehouse.WarehouseConnection;
import dev.pulse.warehouse.WarehouseSettings;
import dev.pulse.warehouse.source.EventTableSnapshot;
import dev.pulse.warehouse.source.SourceCursors;
import java.io.PrintWriter;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * A backfill from the warehouse's event table, and how it shares the table with the live warehouse
 * source: a source that never ran gets the table up to its current end backfilled and then resumes
 * after it; a source that already published rows live leaves the backfill those rows only (they
 * were counted live, so a backfill of them rebuilds the same days) and keeps its cursor.
 */
final class WarehouseBackfill {
    private static final Duration CURSOR_READ = Duration.ofSeconds(30);

    private final KafkaConnection kafka;
    private final String sourceName;
    private final EventTableSnapshot snapshot;
    private final boolean handOver;

    private WarehouseBackfill(
            KafkaConnection kafka,
            String sourceName,
            EventTableSnapshot snapshot,
            boolean handOver) {
        this.kafka = kafka;
        this.sourceName = sourceName;
        this.snapshot = snapshot;
        this.handOver = handOver;
    }

    /**
     * What to read; null (after saying so) when the table has no row.
     *
     * @throws IllegalArgumentException when no warehouse or event table is configured, or the table
     *     or its cursor column does not exist
     */
    static WarehouseBackfill plan(PulseConfig config, KafkaConnection kafka, PrintWriter out)
            throws SQLException {
        if (!config.warehouse().configured()) {
            throw new IllegalArgumentException(
                    "--from-warehouse needs warehouse.url (or PULSE_WAREHOUSE_URL) and"
                            + " warehouse.events in the configuration (docs/warehouse.md)");
        }
        WarehouseSettings settings = WarehouseFactory.settings(config, System.getenv());
        WarehouseConnection warehouse = new WarehouseConnection(settings);
        String name = settings.events().name();
        SourceCursors.ensureTopic(kafka);
        Optional<String> published = SourceCursors.read(kafka, name, CURSOR_READ);
        published.ifPresent(
                cursor ->
                        out.printf(
                                "Warning: the warehouse source '%s' has already published rows up"
                                        + " to %s live; the backfill reads those rows only, and"
                                        + " the source carries on after them.%n",
                                name, cursor));
        Optional<EventTableSnapshot> snapshot =
                EventTableSnapshot.of(warehouse, published.orElse(null));
        if (snapshot.isEmpty()) {
            out.printf(
                    "Nothing to backfill: %s in %s has no row.%n",
                    settings.events().table(), warehouse.describe());
            out.flush();
            return null;
        }
        return new WarehouseBackfill(kafka, name, snapshot.get(), published.isEmpty());
    }

    RawEventSource source() {
        return new TableEventSource(
                snapshot.jdbcUrl(),
                snapshot.user(),
                snapshot.password(),
                snapshot.sql(),
                List.of(snapshot.through()),
                snapshot.describe());
    }

    /** After a successful backfill: the live source resumes after the rows read. */
    void handOver(PrintWriter out) {
        if (!handOver) {
            return;
        }
        SourceCursors.handOver(kafka, sourceName, snapshot.through());
        out.printf(
                "The warehouse source '%s' resumes after %s %s.%n",
                sourceName, snapshot.cursorColumn(), snapshot.through());
    }
}
