package dev.pulse.streams.follow;

/** Receives each record a {@link TopicFollower} reads, on the follower's thread. */
@FunctionalInterface
public interface RecordSink {
    /**
     * @param offset the record's offset in its partition
     * @param key the record key; never null (keyless records are skipped)
     * @param value the raw value; null for a tombstone
     */
    void accept(long offset, String key, byte[] value);
}
