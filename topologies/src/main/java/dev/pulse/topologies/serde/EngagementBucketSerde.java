package dev.pulse.topologies.serde;

import dev.pulse.topologies.engagement.*;
import dev.pulse.topologies.json.JsonSerde;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import org.apache.datasketches.hll.HllSketch;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Compact binary form of an {@link EngagementBucket}, the format of the engagement stores and their
 * changelogs. Buckets are read and written for every event and read thirty at a time for every
 * rescoring, so the format avoids JSON and base64: a format byte, then variable-length integers,
 * length-prefixed UTF-8 names and the sketch's compact bytes.
 *
 * <p>Format 1: {@code 0x01, events, #types, (name, count)…, #features, (name, count)…, sketch
 * length (0: no users), sketch bytes, npsSum, npsCount}; integers as unsigned LEB128 varints, names
 * as a varint length and UTF-8. Values written before this format are JSON objects (first byte
 * {@code '{'} or whitespace) and are still read, so existing state directories and changelogs keep
 * working; they are rewritten in format 1 on their next update.
 */
public final class EngagementBucketSerde implements Serde<EngagementBucket> {
    static final byte FORMAT_1 = 1;

    private static final JsonSerde<EngagementBucket> JSON = JsonSerde.of(EngagementBucket.class);

    public EngagementBucketSerde() {}

    public static byte[] toBytes(EngagementBucket bucket) {
        Writer out = new Writer(256);
        out.writeByte(FORMAT_1);
        out.writeVarLong(bucket.events());
        writeCounts(out, bucket.byType());
        writeCounts(out, bucket.features());
        byte[] sketch = bucket.usersSketch();
        if (sketch == null) {
            out.writeVarLong(0);
        } else {
            out.writeVarLong(sketch.length);
            out.writeBytes(sketch);
        }
        out.writeVarLong(bucket.npsSum());
        out.writeVarLong(bucket.npsCount());
        return out.toByteArray();
    }

    public static EngagementBucket fromBytes(byte[] bytes) {
        if (bytes.length == 0) {
            throw new SerializationException("empty EngagementBucket value");
        }
        if (bytes[0] != FORMAT_1) {
            return JSON.fromBytes(bytes); // written before format 1
        }
        try {
            Reader in = new Reader(bytes);
            long events = in.readVarLong();
            TreeMap<String, Long> byType = readCounts(in);
            TreeMap<String, Long> features = readCounts(in);
            int sketchLength = in.readLength();
            HllSketch users =
                    sketchLength == 0 ? null : HllSketch.heapify(in.readBytes(sketchLength));
            long npsSum = in.readVarLong();
            long npsCount = in.readVarLong();
            if (in.remaining() != 0) {
                throw new SerializationException(in.remaining() + " trailing bytes");
            }
            return new EngagementBucket(events, byType, features, users, npsSum, npsCount);
        } catch (ArrayIndexOutOfBoundsException | IllegalArgumentException e) {
            throw new SerializationException("not a valid EngagementBucket: " + e.getMessage(), e);
        }
    }

    private static void writeCounts(Writer out, Map<String, Long> counts) {
        out.writeVarLong(counts.size());
        for (Map.Entry<String, Long> entry : counts.entrySet()) {
            byte[] name = entry.getKey().getBytes(StandardCharsets.UTF_8);
            out.writeVarLong(name.length);
            out.writeBytes(name);
            out.writeVarLong(entry.getValue());
        }
    }

    private static TreeMap<String, Long> readCounts(Reader in) {
        int size = in.readLength();
        TreeMap<String, Long> counts = new TreeMap<>();
        for (int i = 0; i < size; i++) {
            String name = in.readString();
            counts.put(name, in.readVarLong());
        }
        return counts;
    }

    @Override
    public Serializer<EngagementBucket> serializer() {
        return (topic, bucket) -> bucket == null ? null : toBytes(bucket);
    }

    @Override
    public Deserializer<EngagementBucket> deserializer() {
        return (topic, bytes) -> bytes == null ? null : fromBytes(bytes);
    }

    private static final class Writer {
        private byte[] buf;
        private int pos;

        Writer(int capacity) {
            buf = new byte[capacity];
        }

        void writeByte(int b) {
            ensure(1);
            buf[pos++] = (byte) b;
        }

        void writeVarLong(long value) {
            if (value < 0) {
                throw new IllegalArgumentException("negative count " + value);
            }
            ensure(10);
            while ((value & ~0x7FL) != 0) {
                buf[pos++] = (byte) ((value & 0x7F) | 0x80);
                value >>>= 7;
            }
            buf[pos++] = (byte) value;
        }

        void writeBytes(byte[] bytes) {
            ensure(bytes.length);
            System.arraycopy(bytes, 0, buf, pos, bytes.length);
            pos += bytes.length;
        }

        byte[] toByteArray() {
            return Arrays.copyOf(buf, pos);
        }

        private void ensure(int more) {
            if (pos + more > buf.length) {
                buf = Arrays.copyOf(buf, Math.max(buf.length * 2, pos + more));
            }
        }
    }

    private static final class Reader {
        private final byte[] buf;
        private int pos = 1; // after the format byte

        Reader(byte[] buf) {
            this.buf = buf;
        }

        long readVarLong() {
            long value = 0;
            for (int shift = 0; shift < 64; shift += 7) {
                byte b = buf[pos++];
                value |= (long) (b & 0x7F) << shift;
                if (b >= 0) {
                    return value;
                }
            }
            throw new IllegalArgumentException("varint too long");
        }

        int readLength() {
            long length = readVarLong();
            if (length > remaining()) {
                throw new IllegalArgumentException("length " + length + " beyond the value");
            }
            return (int) length;
        }

        String readString() {
            int length = readLength();
            String s = new String(buf, pos, length, StandardCharsets.UTF_8);
            pos += length;
            return s;
        }

        byte[] readBytes(int length) {
            byte[] bytes = Arrays.copyOfRange(buf, pos, pos + length);
            pos += length;
            return bytes;
        }

        int remaining() {
            return buf.length - pos;
        }
    }
}
