package dev.pulse.app.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import me.tongfei.progressbar.DelegatingProgressBarConsumer;
import org.junit.jupiter.api.Test;

class ConsoleReplayProgressTest {
    @Test
    void drawsTheBarUpToTheActualTotalWithTheSimulatedDate() {
        List<String> frames = new CopyOnWriteArrayList<>();
        try (ConsoleReplayProgress progress =
                new ConsoleReplayProgress(
                        new DelegatingProgressBarConsumer(frames::add, 120), "Replaying")) {
            progress.started(1_000);
            progress.progressed(400, 1_000, Instant.parse("2026-10-01T10:00:00Z"));
            progress.progressed(1_040, 1_000, Instant.parse("2026-11-18T14:00:00Z"));
            progress.finished(1_040);
        }
        assertThat(frames).isNotEmpty();
        assertThat(frames.get(frames.size() - 1))
                .contains("Replaying", "100%", "1040/1040", "2026-11-18");
    }
}
