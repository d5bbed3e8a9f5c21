package dev.pulse.backfill.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A table source travels with the job and may be logged: never with its password. */
class TableEventSourceTest {
    @Test
    void itsTextNamesTheServerAndUserButNotThePassword() {
        TableEventSource source =
                new TableEventSource(
                        "jdbc:postgresql://dw:5432/analytics",
                        "pulse",
                        "s3cret-pw",
                        "SELECT event_id AS \"eventId\" FROM usage_events WHERE id <= ?",
                        List.of("42"),
                        "table usage_events up to id 42");

        assertThat(source.toString())
                .contains("jdbc:postgresql://dw:5432/analytics", "pulse", "up to id 42")
                .doesNotContain("s3cret-pw");
    }
}
