package dev.pulse.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code pulse history backfill} refuses what it cannot read before it touches Kafka or Flink. */
class HistoryCommandTest {
    @TempDir Path dir;

    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cli = new CommandLine(new PulseMain());
        cli.setOut(new PrintWriter(new StringWriter()));
        cli.setErr(new PrintWriter(err));
        return cli.execute(args);
    }

    @Test
    void aLocationThatNamesNoFileIsAUsageError() {
        int exit = run("history", "backfill", "--from-files", dir + "/2025-*.ndjson");

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("no files match " + dir + "/2025-*.ndjson");
    }

    @Test
    void anUnknownFormatIsAUsageError() throws Exception {
        Files.writeString(dir.resolve("events.xml"), "<events/>");

        int exit = run("history", "backfill", "--from-files", dir.toString(), "--format", "xml");

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("--format must be ndjson or csv, not 'xml'");
    }

    @Test
    void theWarehouseNeedsAConfiguredWarehouse() {
        int exit = run("history", "backfill", "--from-warehouse");

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString())
                .contains("--from-warehouse needs warehouse.url (or PULSE_WAREHOUSE_URL)");
    }

    @Test
    void filesAndTheWarehouseAreOneOrTheOther() {
        int exit = run("history", "backfill", "--from-files", dir.toString(), "--from-warehouse");

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("mutually exclusive");
    }
}
