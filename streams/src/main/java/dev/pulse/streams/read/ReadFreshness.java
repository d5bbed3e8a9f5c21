package dev.pulse.streams.read;

import java.util.concurrent.Callable;
import java.util.function.Supplier;

/**
 * Whether a request's reads were answered by a copy of the state rather than by its active owner,
 * and how far behind that copy was. When the owning instance is gone or not queryable, {@link
 * RoutingStateReader} reads a standby (or restoring) copy, as Kafka Streams' interactive queries
 * allow with {@code enableStaleStores()}; the answer must then say it is stale, and by as much as
 * Kafka Streams can tell: the copy's changelog offset lag.
 *
 * <p>Recorded per thread: a request's reads run on one worker thread ({@link #capture}); reads it
 * fans out to other threads count only when wrapped in {@link #forThisRequest}.
 */
public final class ReadFreshness {
    /**
     * Present on an answer read (in part) from a copy: {@code changelog-lag=N}, the most changelog
     * records any copy read was behind (as last measured, at most a second ago), or {@code
     * changelog-lag=unknown}.
     */
    public static final String STALE_HEADER = "Pulse-Stale";

    /** Query parameter of the internal read protocol: read this instance's copy, stale or not. */
    public static final String COPY_PARAM = "copy";

    private static final long UNKNOWN = -1;
    private static final ThreadLocal<Observed> CURRENT = new ThreadLocal<>();

    private ReadFreshness() {}

    /** What {@code read} returned, and whether any of its reads came from a copy. */
    public record Captured<T>(T value, boolean fromCopy, long maxChangelogLag) {
        /** The {@link #STALE_HEADER} value, or null when every read was fresh. */
        public String staleHeader() {
            if (!fromCopy) {
                return null;
            }
            return "changelog-lag=" + (maxChangelogLag == UNKNOWN ? "unknown" : maxChangelogLag);
        }
    }

    /** Runs {@code read} on this thread, noting the copies its reads used. */
    public static <T> Captured<T> capture(Callable<T> read) throws Exception {
        Observed outer = CURRENT.get();
        Observed observed = new Observed();
        CURRENT.set(observed);
        try {
            return observed.captured(read.call());
        } finally {
            if (outer == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(outer);
                outer.merge(observed);
            }
        }
    }

    /**
     * {@code read}, to run on another thread on behalf of the read being captured on this one:
     * copies it uses count for this thread's capture. Outside a capture it is {@code read} itself.
     */
    public static <T> Supplier<T> forThisRequest(Supplier<T> read) {
        Observed observed = CURRENT.get();
        if (observed == null) {
            return read;
        }
        return () -> {
            Observed before = CURRENT.get();
            CURRENT.set(observed);
            try {
                return read.get();
            } finally {
                if (before == null) {
                    CURRENT.remove();
                } else {
                    CURRENT.set(before);
                }
            }
        };
    }

    /**
     * A read on this thread was answered by a copy {@code changelogLag} records behind (-1:
     * unknown).
     */
    static void readFromCopy(long changelogLag) {
        Observed observed = CURRENT.get();
        if (observed != null) {
            observed.note(changelogLag);
        }
    }

    /** Parses a {@link #STALE_HEADER} value another instance sent; null: the answer was fresh. */
    static void readFromCopy(String staleHeader) {
        if (staleHeader == null) {
            return;
        }
        String lag = staleHeader.substring(staleHeader.indexOf('=') + 1).strip();
        long parsed;
        try {
            parsed = Long.parseLong(lag);
        } catch (NumberFormatException unknown) {
            parsed = UNKNOWN;
        }
        readFromCopy(parsed);
    }

    /**
     * Shared by the threads a request fans out to ({@link #forThisRequest}), hence synchronized.
     */
    private static final class Observed {
        private boolean fromCopy;
        private long maxLag = UNKNOWN;
        private boolean lagUnknown;

        synchronized void note(long lag) {
            fromCopy = true;
            if (lag == UNKNOWN) {
                lagUnknown = true;
            }
            // An unknown lag among known ones still says "unknown": the bound is not known.
            maxLag = lagUnknown ? UNKNOWN : Math.max(maxLag, lag);
        }

        void merge(Observed other) {
            boolean otherFromCopy;
            long otherLag;
            synchronized (other) {
                otherFromCopy = other.fromCopy;
                otherLag = other.lagUnknown ? UNKNOWN : other.maxLag;
            }
            if (otherFromCopy) {
                note(otherLag);
            }
        }

        synchronized <T> Captured<T> captured(T value) {
            return new Captured<>(value, fromCopy, maxLag);
        }
    }
}
