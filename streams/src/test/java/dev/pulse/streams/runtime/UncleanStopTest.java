package dev.pulse.streams.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UncleanStopTest {
    @TempDir Path stateDir;

    @Test
    void aFirstRunFindsNoUncleanStop() {
        assertThat(UncleanStop.in(stateDir.resolve("new"), "pulse").lastRunStoppedUncleanly())
                .isFalse();
    }

    @Test
    void aRunThatNeverClosedCleanlyIsSeenByTheNext() {
        UncleanStop killed = UncleanStop.in(stateDir, "pulse");
        killed.running();

        assertThat(UncleanStop.in(stateDir, "pulse").lastRunStoppedUncleanly()).isTrue();
        assertThat(UncleanStop.in(stateDir, "other-app").lastRunStoppedUncleanly()).isFalse();
    }

    @Test
    void aCleanCloseLeavesNothingForTheNextRun() {
        UncleanStop run = UncleanStop.in(stateDir, "pulse");
        run.running();
        run.stoppedCleanly();

        assertThat(UncleanStop.in(stateDir, "pulse").lastRunStoppedUncleanly()).isFalse();
        assertThat(run.marker()).doesNotExist();
    }
}
