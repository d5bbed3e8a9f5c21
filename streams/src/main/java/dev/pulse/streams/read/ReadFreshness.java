package dev.pulse.streams.read;

import java.util.concurrent.Callable;

/**
 * Whether a request's reads were answered by a copy of the state rather than by its active owner,
 * and how far behind that copy was. When the owning instance is gone or not queryable, {@link
 * RoutingStateReader} reads a standby (or restoring) copy, as Kafka Streams' interactive queries
 * allow with {@code enableStaleStores()}; the answer must then say it is stale, and by as much as
 * Kafka Streams can tell: the copy's changelog offset lag.
 *
 * <p>Recorded per thread: a request's reads run on one worker thread ({@link #capture}); reads a
 * request fans out to other threads are not seen.
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
            T value = read.call();
            return new Captured<>(value, observed.fromCopy, observed.maxLag);
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

    private static final class Observed {
        private boolean fromCopy;
        private long maxLag = UNKNOWN;
        private boolean lagUnknown;

        void note(long lag) {
            fromCopy = true;
            if (lag == UNKNOWN) {
                lagUnknown = true;
            }
            // An unknown lag among known ones still says "unknown": the bound is not known.
            maxLag = lagUnknown ? UNKNOWN : Math.max(maxLag, lag);
        }

        void merge(Observed other) {
            if (other.fromCopy) {
                note(other.lagUnknown ? UNKNOWN : other.maxLag);
            }
        }
    }
}
