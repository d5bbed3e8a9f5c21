package dev.pulse.streams.runtime;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Whether the last run on a state directory stopped cleanly: a marker file lives beside Kafka
 * Streams' own directory while the streams run and is removed once they have closed cleanly.
 *
 * <p>Why it matters: under exactly-once, Kafka Streams wipes every store a killed instance had
 * open, but only when it opens them again, after the group has already handed the restarted
 * instance those tasks as if its state were current (the offsets it reports are the old ones). The
 * instance then restores them from scratch while it owns them. Wiping before the start makes it
 * report no state, so the group leaves the tasks with the instances holding current copies until
 * its own have caught up.
 */
final class UncleanStop {
    private final Path marker;

    private UncleanStop(Path marker) {
        this.marker = marker;
    }

    /** The marker for {@code applicationId}'s state under {@code stateDir}. */
    static UncleanStop in(Path stateDir, String applicationId) {
        return new UncleanStop(stateDir.resolve(applicationId + ".running"));
    }

    /** The last run started and never closed cleanly: killed, crashed or timed out closing. */
    boolean lastRunStoppedUncleanly() {
        return Files.exists(marker);
    }

    /** Marks the streams as running, before they start. */
    void running() {
        try {
            Files.createDirectories(marker.getParent());
            Files.writeString(marker, ProcessHandle.current().pid() + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + marker, e);
        }
    }

    /** The streams closed cleanly: their stores are checkpointed and marked closed. */
    void stoppedCleanly() {
        try {
            Files.deleteIfExists(marker);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete " + marker, e);
        }
    }

    Path marker() {
        return marker;
    }
}
