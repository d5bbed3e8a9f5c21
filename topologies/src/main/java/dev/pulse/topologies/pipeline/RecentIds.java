package dev.pulse.topologies.pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.NavigableMap;
import java.util.TreeMap;
import org.apache.datasketches.filters.bloomfilter.BloomFilter;
import org.apache.datasketches.filters.bloomfilter.BloomFilterBuilder;

/**
 * The event ids one task holds in its id store, summarised in memory so that the common case of a
 * duplicate check (an id never seen) is a few hash probes instead of a range fetch over the store's
 * segments. Ids are kept by event time in slots one de-duplication window long, so old slots are
 * dropped as the store drops their ids. A slot is a chain of Bloom filters (a scalable Bloom
 * filter): each new one has twice the capacity and half the false-positive rate of the one before,
 * so the chain's rate stays under {@link #FALSE_POSITIVES} however many ids arrive.
 *
 * <p>{@link #mightContain} answers {@code false} only when no id of the window around the given
 * time can be in the store: it must be told every id the store is given ({@link #add}), including
 * those already stored when the task started. It answers {@code true} for an id it holds or a false
 * positive (about 1 %), and for any time it does not track: slots already dropped, and slots that
 * ran out of the memory budget. The caller then asks the store, as it would without this.
 */
final class RecentIds {
    static final double FALSE_POSITIVES = 0.01;
    private static final long FIRST_CAPACITY = 1 << 14;

    /** Fixed, so that a replay takes the same paths (and its metrics count the same lookups). */
    private static final long SEED = 0x5eed_1d5L;

    private final long windowMs;
    private final long budgetBits;
    private final NavigableMap<Long, Slot> slots = new TreeMap<>();
    private long usedBits;
    private long newestTime = Long.MIN_VALUE;
    private long firstTrackedSlot = Long.MIN_VALUE;

    /**
     * @param windowMs the de-duplication window: ids within it either side of an event's time count
     * @param budgetBytes memory for the filters; a slot that would exceed it stops being tracked
     */
    RecentIds(long windowMs, long budgetBytes) {
        if (windowMs <= 0 || budgetBytes <= 0) {
            throw new IllegalArgumentException("window and budget must be positive");
        }
        this.windowMs = windowMs;
        this.budgetBits = budgetBytes * Byte.SIZE;
    }

    /**
     * Whether {@code key} may have been added with a time within the window around {@code time}.
     */
    boolean mightContain(String key, long time) {
        long first = slotOf(time - windowMs);
        long last = slotOf(time + windowMs);
        if (first < firstTrackedSlot) {
            return true;
        }
        for (Slot slot : slots.subMap(first, true, last, true).values()) {
            if (slot.mightContain(key)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Notes that the store now holds {@code key} at {@code time}.
     *
     * @return whether the time's slot ran out of budget with this id (and is no longer tracked)
     */
    boolean add(String key, long time) {
        long index = slotOf(time);
        if (index < firstTrackedSlot) {
            return false;
        }
        boolean stopped = !slots.computeIfAbsent(index, i -> new Slot()).add(key);
        if (time > newestTime) {
            newestTime = time;
            forgetExpired();
        }
        return stopped;
    }

    /** Memory the filters take, in bytes. */
    long usedBytes() {
        return usedBits / Byte.SIZE;
    }

    /**
     * The id store keeps ids for two windows behind the newest time it has seen; a slot wholly
     * older than that is dropped, and its times become untracked rather than "never seen".
     */
    private void forgetExpired() {
        long keepFrom = slotOf(newestTime - 2 * windowMs) - 1;
        while (!slots.isEmpty() && slots.firstKey() < keepFrom) {
            usedBits -= slots.pollFirstEntry().getValue().bits();
        }
        firstTrackedSlot = Math.max(firstTrackedSlot, keepFrom);
    }

    private long slotOf(long time) {
        return Math.floorDiv(time, windowMs);
    }

    /** The ids of one window of event time: filters of growing capacity, the last one open. */
    private final class Slot {
        private final List<BloomFilter> filters = new ArrayList<>();
        private long capacityLeft;
        private long nextCapacity = FIRST_CAPACITY;
        private double nextFalsePositives = FALSE_POSITIVES / 2;
        private boolean untracked;

        boolean mightContain(String key) {
            if (untracked) {
                return true;
            }
            for (int i = filters.size() - 1; i >= 0; i--) {
                if (filters.get(i).query(key)) {
                    return true;
                }
            }
            return false;
        }

        /** False when this id made the slot run out of budget. */
        boolean add(String key) {
            if (untracked) {
                return true;
            }
            if (capacityLeft == 0 && !grow()) {
                untracked = true;
                usedBits -= bits();
                filters.clear();
                return false;
            }
            filters.get(filters.size() - 1).update(key);
            capacityLeft--;
            return true;
        }

        private boolean grow() {
            long bits = BloomFilterBuilder.suggestNumFilterBits(nextCapacity, nextFalsePositives);
            if (usedBits + bits > budgetBits) {
                return false;
            }
            BloomFilter filter =
                    BloomFilterBuilder.createByAccuracy(nextCapacity, nextFalsePositives, SEED);
            filters.add(filter);
            usedBits += filter.getCapacity();
            capacityLeft = nextCapacity;
            nextCapacity *= 2;
            nextFalsePositives /= 2;
            return true;
        }

        long bits() {
            return filters.stream().mapToLong(BloomFilter::getCapacity).sum();
        }
    }
}
