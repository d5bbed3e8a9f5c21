package dev.pulse.topologies.state;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.processor.Cancellable;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.WindowStore;

/**
 * Gives rarely written stores a changelog offset. Under exactly-once, a store with files on disk
 * but no changelog offset in the checkpoint is taken for corrupt on restart, and the whole task is
 * wiped and restored from its changelogs. One write of a key no one uses, once per task start,
 * gives each store an offset.
 */
public final class ChangelogOffsets {
    /** Never a store key: Pulse's keys start with a tenant id, an id or an e-mail address. */
    static final String KEY = "#changelog-offset";

    private final ProcessorContext<?, ?> context;
    private final List<Runnable> writes = new ArrayList<>();
    private boolean written;

    /** For the stores of the processor with this context; add them with the methods below. */
    public ChangelogOffsets(ProcessorContext<?, ?> context) {
        this.context = context;
    }

    public ChangelogOffsets keyValue(KeyValueStore<String, ?> store) {
        writes.add(() -> store.delete(KEY));
        return this;
    }

    public ChangelogOffsets window(WindowStore<String, ?> store) {
        writes.add(() -> store.put(KEY, null, Math.max(0, context.currentStreamTimeMs())));
        return this;
    }

    /**
     * Also writes within {@code delay} of wall-clock time, for a processor that may see no record
     * for long after its task starts. Call from {@code init}.
     */
    public ChangelogOffsets ensureWithin(Duration delay) {
        Cancellable[] once = new Cancellable[1];
        once[0] =
                context.schedule(
                        delay,
                        PunctuationType.WALL_CLOCK_TIME,
                        now -> {
                            ensure();
                            once[0].cancel();
                        });
        return this;
    }

    /** Writes to every store the first time it is called; does nothing after that. */
    public void ensure() {
        if (!written) {
            written = true;
            writes.forEach(Runnable::run);
        }
    }
}
