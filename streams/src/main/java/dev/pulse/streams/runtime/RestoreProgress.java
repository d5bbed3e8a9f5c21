package dev.pulse.streams.runtime;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.processor.StateRestoreListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows Kafka Streams restoring local state from changelogs (after a lost or wiped state
 * directory, or a task moving here): what is restoring now, for {@code /health/ready}, and the log
 * a person watches while the instance is not ready. Each store partition logs when it starts (with
 * how many records it will replay) and ends; in between, one line for all of them at most every
 * {@link #DEFAULT_LOG_EVERY}, so a restore of hundreds of partitions does not flood the log.
 */
public final class RestoreProgress implements StateRestoreListener {
    /** How often, at most, a progress line is logged. */
    public static final Duration DEFAULT_LOG_EVERY = Duration.ofSeconds(5);

    private static final Logger LOG = LoggerFactory.getLogger(RestoreProgress.class);

    /**
     * Kafka Streams' name ending for a store's changelog; a global store restores from its source
     * topic, whose partitions are not tenant partitions.
     */
    private static final String CHANGELOG_SUFFIX = "-changelog";

    /**
     * One store partition being restored.
     *
     * @param restored records replayed so far
     * @param total records to replay (the changelog's end offset minus where the local copy was)
     */
    public record Restoring(String store, int partition, long restored, long total) {
        /** From 0 to 100; 100 when there was nothing to replay. */
        public double percent() {
            return total <= 0 ? 100.0 : Math.min(100.0, 100.0 * restored / total);
        }
    }

    private record Key(String store, TopicPartition changelog) {}

    private static final class Progress {
        final long total;
        final long startedAt;
        final boolean farBehind;
        final AtomicLong restored = new AtomicLong();

        Progress(long total, long startedAt, boolean farBehind) {
            this.total = total;
            this.startedAt = startedAt;
            this.farBehind = farBehind;
        }
    }

    private final Map<Key, Progress> active = new ConcurrentHashMap<>();
    private final AtomicLong replayed = new AtomicLong();
    private final LongSupplier nanoTime;
    private final long logEveryNanos;
    private final AtomicLong nextLogAt;

    public RestoreProgress() {
        this(System::nanoTime, DEFAULT_LOG_EVERY);
    }

    /**
     * @param nanoTime a monotonic clock, in nanoseconds
     */
    public RestoreProgress(LongSupplier nanoTime, Duration logEvery) {
        this.nanoTime = nanoTime;
        this.logEveryNanos = logEvery.toNanos();
        this.nextLogAt = new AtomicLong(nanoTime.getAsLong() + logEveryNanos);
    }

    @Override
    public void onRestoreStart(
            TopicPartition changelog, String store, long startingOffset, long endingOffset) {
        long total = Math.max(0, endingOffset - startingOffset);
        active.put(
                new Key(store, changelog),
                new Progress(total, nanoTime.getAsLong(), farBehind(startingOffset, endingOffset)));
        LOG.info(
                "Restoring store {} partition {}: {} records to replay from {}",
                store,
                changelog.partition(),
                total,
                changelog.topic());
    }

    @Override
    public void onBatchRestored(
            TopicPartition changelog, String store, long batchEndOffset, long numRestored) {
        replayed.addAndGet(numRestored);
        Progress progress = active.get(new Key(store, changelog));
        if (progress != null) {
            progress.restored.addAndGet(numRestored);
        }
        long now = nanoTime.getAsLong();
        long due = nextLogAt.get();
        // One thread wins the slot; the others skip, so the rate holds across stream threads.
        if (now - due >= 0 && nextLogAt.compareAndSet(due, now + logEveryNanos)) {
            LOG.info("Restoring state: {}", summary(restoring()));
        }
    }

    @Override
    public void onRestoreEnd(TopicPartition changelog, String store, long totalRestored) {
        Progress progress = active.remove(new Key(store, changelog));
        double seconds = progress == null ? 0 : (nanoTime.getAsLong() - progress.startedAt) / 1e9;
        LOG.info(
                "Restored store {} partition {}: {} records in {} s",
                store,
                changelog.partition(),
                totalRestored,
                String.format(Locale.ROOT, "%.1f", seconds));
    }

    @Override
    public void onRestoreSuspended(TopicPartition changelog, String store, long totalRestored) {
        active.remove(new Key(store, changelog));
        LOG.info(
                "Restore of store {} partition {} suspended after {} records (task moved away)",
                store,
                changelog.partition(),
                totalRestored);
    }

    /**
     * Changelog records replayed into local stores since this instance started, every store and
     * partition together: near 0 after a clean restart, the whole state after a lost one.
     */
    public long recordsReplayed() {
        return replayed.get();
    }

    /**
     * Whether this instance is restoring a store of tenant partition {@code partition} from far
     * behind: lost or wiped state replayed from the changelog's start, as opposed to a standby
     * promoted here or a restart catching up on what it missed. Until that restore ends, the
     * partition's local copy can answer a tenant with a fraction of its history.
     */
    public boolean restoringFromFarBehind(int partition) {
        for (Map.Entry<Key, Progress> entry : active.entrySet()) {
            TopicPartition changelog = entry.getKey().changelog();
            if (entry.getValue().farBehind
                    && changelog.partition() == partition
                    && changelog.topic().endsWith(CHANGELOG_SUFFIX)) {
                return true;
            }
        }
        return false;
    }

    /**
     * More than half of the changelog's offsets still to replay: a store restored from scratch
     * starts at the log's start (0 for a compacted changelog), a caught-up copy near its end.
     */
    static boolean farBehind(long startingOffset, long endingOffset) {
        return startingOffset < endingOffset / 2;
    }

    /** The store partitions restoring now, by store and partition; empty when none are. */
    public List<Restoring> restoring() {
        return active.entrySet().stream()
                .map(
                        e ->
                                new Restoring(
                                        e.getKey().store(),
                                        e.getKey().changelog().partition(),
                                        e.getValue().restored.get(),
                                        e.getValue().total))
                .sorted(
                        Comparator.comparing(Restoring::store)
                                .thenComparingInt(Restoring::partition))
                .toList();
    }

    /** "3 store partitions, 1200/5000 records (24%); slowest: scores-1 at 2%". */
    static String summary(List<Restoring> restoring) {
        long restored = restoring.stream().mapToLong(Restoring::restored).sum();
        long total = restoring.stream().mapToLong(Restoring::total).sum();
        String line =
                restoring.size()
                        + (restoring.size() == 1 ? " store partition, " : " store partitions, ")
                        + restored
                        + "/"
                        + total
                        + " records ("
                        + percent(total <= 0 ? 100.0 : 100.0 * restored / total)
                        + ")";
        return restoring.stream()
                .min(Comparator.comparingDouble(Restoring::percent))
                .map(
                        slowest ->
                                line
                                        + "; slowest: "
                                        + slowest.store()
                                        + "-"
                                        + slowest.partition()
                                        + " at "
                                        + percent(slowest.percent()))
                .orElse(line);
    }

    private static String percent(double value) {
        return String.format(Locale.ROOT, "%.0f%%", value);
    }
}
