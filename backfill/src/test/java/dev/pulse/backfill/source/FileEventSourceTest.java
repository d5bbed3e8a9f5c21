package dev.pulse.backfill.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which files a location names, and which format they are read in. */
class FileEventSourceTest {
    @TempDir Path dir;

    @Test
    void aDirectoryMeansEveryFileUnderIt() throws Exception {
        Files.createDirectories(dir.resolve("2025"));
        Files.writeString(dir.resolve("2025/a.ndjson"), "{}\n");
        Files.writeString(dir.resolve("b.ndjson"), "{}\n");

        FileEventSource source = FileEventSource.of(dir.toString(), null);

        assertThat(source.files()).hasSize(2);
        assertThat(source.format()).isEqualTo(EventFileFormat.NDJSON);
    }

    @Test
    void aGlobMatchesFileNamesAndCsvIsGuessedFromTheName() throws Exception {
        Files.writeString(dir.resolve("events-1.csv"), "eventId\n");
        Files.writeString(dir.resolve("events-2.csv"), "eventId\n");
        Files.writeString(dir.resolve("other.ndjson"), "{}\n");

        FileEventSource source = FileEventSource.of(dir + "/events-*.csv", null);

        assertThat(source.files())
                .containsExactly(
                        dir.resolve("events-1.csv").toString(),
                        dir.resolve("events-2.csv").toString());
        assertThat(source.format()).isEqualTo(EventFileFormat.CSV);
        assertThat(FileEventSource.of(dir + "/events-*.csv", EventFileFormat.NDJSON).format())
                .isEqualTo(EventFileFormat.NDJSON);
    }

    @Test
    void nothingToReadIsAnError() {
        assertThatThrownBy(() -> FileEventSource.of(dir + "/none-*.ndjson", null))
                .hasMessageContaining("no files match");
    }
}
