package dev.pulse.app.bench;

/**
 * Usage events generated before a run, held as parallel arrays so that producing them measures
 * Kafka and Pulse, not the generator. Keys are tenant ids; values are the JSON bytes; timestamps
 * are the event times in epoch milliseconds.
 */
public final class GeneratedEvents {
    private final String[] keys;
    private final byte[][] values;
    private final long[] timestamps;
    private final long totalBytes;

    GeneratedEvents(String[] keys, byte[][] values, long[] timestamps) {
        if (keys.length != values.length || keys.length != timestamps.length) {
            throw new IllegalArgumentException("keys, values and timestamps differ in length");
        }
        this.keys = keys;
        this.values = values;
        this.timestamps = timestamps;
        long bytes = 0;
        for (byte[] value : values) {
            bytes += value.length;
        }
        this.totalBytes = bytes;
    }

    public int size() {
        return keys.length;
    }

    public String key(int i) {
        return keys[i];
    }

    public byte[] value(int i) {
        return values[i];
    }

    public long timestamp(int i) {
        return timestamps[i];
    }

    /** Sum of the JSON value sizes. */
    public long totalBytes() {
        return totalBytes;
    }
}
