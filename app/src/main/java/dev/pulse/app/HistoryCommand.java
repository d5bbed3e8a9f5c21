package dev.pulse.app;

import dev.pulse.app.config.ConfigLoader;
import dev.pulse.app.config.PulseConfig;
import dev.pulse.backfill.Backfill;
import dev.pulse.backfill.BackfillProgress;
import dev.pulse.backfill.BackfillSummary;
import dev.pulse.backfill.FlinkTarget;
import dev.pulse.backfill.publish.KafkaDayPublisher;
import dev.pulse.backfill.source.EventFileFormat;
import dev.pulse.backfill.source.FileEventSource;
import dev.pulse.backfill.source.RawEventSource;
import dev.pulse.streams.connection.KafkaConnection;
import dev.pulse.streams.runtime.PulseTopicsAdmin;
import dev.pulse.topologies.topic.PulseTopics;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Bounded jobs over Pulse's history. */
@Command(
        name = "history",
        description = "Bounded jobs over history (run on Apache Flink).",
        mixinStandardHelpOptions = true,
        footerHeading = "%nExamples:%n",
        footer = {"  ./pulse history backfill --from-files 'events/2025-*.ndjson'"},
        subcommands = {HistoryCommand.BackfillCommand.class})
final class HistoryCommand {
    private HistoryCommand() {}

    @Command(
            name = "backfill",
            mixinStandardHelpOptions = true,
            sortOptions = false,
            description = {
                "Load past usage events into Pulse's daily engagement with a Flink batch job:"
                    + " parsed and validated as the pipeline does, de-duplicated by eventId,"
                    + " counted per tenant and UTC day with the pipeline's own code, and published"
                    + " on pulse.engagement-backfill.v1, where Pulse stores each day and scores it"
                    + " as it closes. Run it before live events flow; a rerun overwrites the same"
                    + " days. See docs/backfill.md."
            },
            footerHeading = "%nExamples:%n",
            footer = {
                "  ./pulse history backfill --from-files 'events/2025-*.ndjson'",
                "  ./pulse history backfill --from-files exports/ --format csv"
                        + " --flink jobmanager:8081 --bootstrap-servers kafka:9092",
                "  PULSE_WAREHOUSE_URL=postgresql://pulse@dw:5432/analytics"
                        + " ./pulse history backfill --from-warehouse -c pulse.yaml"
            })
    static final class BackfillCommand implements Callable<Integer> {
        @CommandLine.ArgGroup(multiplicity = "1")
        From from;

        /** Exactly one origin of the events. */
        static final class From {
            @Option(
                    names = "--from-files",
                    required = true,
                    paramLabel = "GLOB|DIR",
                    description =
                            "Event files: a directory (every file under it), a file, or a glob"
                                    + " such as 'events/2025-*.ndjson' (quote it).")
            String files;

            @Option(
                    names = "--from-warehouse",
                    required = true,
                    description =
                            "The warehouse's event table (warehouse.url and warehouse.events in"
                                    + " the configuration): every row up to its cursor column's"
                                    + " current last value, which the live warehouse source then"
                                    + " resumes after.")
            boolean warehouse;
        }

        @Option(
                names = "--format",
                paramLabel = "ndjson|csv",
                description = "File format; default: from the file name (.csv: csv, else ndjson).")
        String format;

        @Option(
                names = "--flink",
                paramLabel = "HOST:PORT",
                defaultValue = "${env:PULSE_FLINK_JOBMANAGER}",
                description =
                        "Run on this Flink cluster (its job manager's REST address); default:"
                                + " PULSE_FLINK_JOBMANAGER, or in-process on Flink's MiniCluster.")
        String flink;

        @Option(
                names = "--parallelism",
                defaultValue = "0",
                description = "Flink parallelism; default: this machine's cores (in-process).")
        int parallelism;

        @Mixin KafkaTarget target;

        @CommandLine.Spec CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            PulseConfig config = ConfigLoader.load(target.config, System.getenv());
            KafkaConnection kafka = target.kafka();
            WarehouseBackfill warehouse = from.warehouse ? warehouse(config, kafka, out) : null;
            if (from.warehouse && warehouse == null) {
                return 0;
            }
            RawEventSource source = warehouse != null ? warehouse.source() : files();
            // Pulse's own partitioning, so each tenant's days land where its live state will be.
            PulseTopicsAdmin.ensureTopics(kafka, config.streams().partitions());
            long live = LiveEvents.received(kafka);
            if (live > 0) {
                out.printf(
                        "Warning: %s already holds %,d events. Days older than what Pulse has"
                                + " processed are stored but not scored; backfill before live"
                                + " events flow (docs/backfill.md).%n",
                        PulseTopics.USAGE_EVENTS.name(), live);
            }
            BackfillSummary summary;
            try (KafkaDayPublisher publisher = new KafkaDayPublisher(kafka::clientConfig)) {
                summary =
                        new Backfill(new FlinkTarget(flink, parallelism), new ConsoleProgress(out))
                                .run(source, publisher);
            }
            out.printf(
                    "Backfill done in %.1f s: %,d events read (%,d rejected, %,d duplicates),"
                            + " %,d counted into %,d tenant-days on %s (%,.0f events/s).%n",
                    summary.took().toMillis() / 1000.0,
                    summary.eventsRead(),
                    summary.eventsRejected(),
                    summary.eventsDuplicate(),
                    summary.eventsCounted(),
                    summary.tenantDays(),
                    PulseTopics.ENGAGEMENT_BACKFILL.name(),
                    summary.eventsPerSecond());
            if (warehouse != null) {
                warehouse.handOver(out);
            }
            out.flush();
            return 0;
        }

        /** The table to read; a missing configuration, table or column is a usage error. */
        private WarehouseBackfill warehouse(
                PulseConfig config, KafkaConnection kafka, PrintWriter out) throws Exception {
            try {
                return WarehouseBackfill.plan(config, kafka, out);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
            }
        }

        /**
         * The files to read; a location that names none, or an unknown format, is a usage error.
         */
        private FileEventSource files() {
            try {
                return FileEventSource.of(
                        from.files, format == null ? null : EventFileFormat.of(format));
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(
                        spec.commandLine(),
                        e.getMessage().startsWith("No enum constant")
                                ? "--format must be ndjson or csv, not '" + format + "'"
                                : e.getMessage());
            }
        }
    }

    /** One line per change, not a redraw: the output is often a log. */
    private static final class ConsoleProgress implements BackfillProgress {
        private final PrintWriter out;
        private long eventsShown;

        ConsoleProgress(PrintWriter out) {
            this.out = out;
        }

        @Override
        public void started(String source, String where) {
            out.printf("Backfill: reading %s on %s ...%n", source, where);
            out.flush();
        }

        @Override
        public void eventsRead(long events) {
            if (events > eventsShown) {
                eventsShown = events;
                out.printf("  events read: %,d%n", events);
                out.flush();
            }
        }

        @Override
        public void daysWritten(long days) {
            out.printf("  tenant-days written: %,d%n", days);
            out.flush();
        }
    }
}
