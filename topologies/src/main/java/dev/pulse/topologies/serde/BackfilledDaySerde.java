package dev.pulse.topologies.serde;

import dev.pulse.topologies.engagement.BackfilledDay;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Binary form of a {@link BackfilledDay} on {@code pulse.engagement-backfill.v1}: the bucket keeps
 * the engagement stores' own format ({@link EngagementBucketSerde}), so a day is stored as sent.
 *
 * <p>Format 1: {@code 0x01}, tenant (int length, UTF-8), epoch day (long), first and last event
 * time (epoch ms, longs), bucket (int length, {@link EngagementBucketSerde} bytes); big-endian.
 */
public final class BackfilledDaySerde implements Serde<BackfilledDay> {
    static final byte FORMAT_1 = 1;

    public static byte[] toBytes(BackfilledDay day) {
        byte[] tenant = day.tenantId().getBytes(StandardCharsets.UTF_8);
        byte[] bucket = EngagementBucketSerde.toBytes(day.bucket());
        return ByteBuffer.allocate(1 + 4 + tenant.length + 3 * 8 + 4 + bucket.length)
                .put(FORMAT_1)
                .putInt(tenant.length)
                .put(tenant)
                .putLong(day.day().toEpochDay())
                .putLong(day.firstEventAt().toEpochMilli())
                .putLong(day.lastEventAt().toEpochMilli())
                .putInt(bucket.length)
                .put(bucket)
                .array();
    }

    public static BackfilledDay fromBytes(byte[] bytes) {
        try {
            ByteBuffer in = ByteBuffer.wrap(bytes);
            byte format = in.get();
            if (format != FORMAT_1) {
                throw new SerializationException("unknown BackfilledDay format " + format);
            }
            String tenant = new String(take(in, in.getInt()), StandardCharsets.UTF_8);
            LocalDate day = LocalDate.ofEpochDay(in.getLong());
            Instant first = Instant.ofEpochMilli(in.getLong());
            Instant last = Instant.ofEpochMilli(in.getLong());
            return new BackfilledDay(
                    tenant,
                    day,
                    EngagementBucketSerde.fromBytes(take(in, in.getInt())),
                    first,
                    last);
        } catch (BufferUnderflowException | IllegalArgumentException e) {
            throw new SerializationException("malformed BackfilledDay", e);
        }
    }

    private static byte[] take(ByteBuffer in, int length) {
        if (length < 0 || length > in.remaining()) {
            throw new SerializationException("malformed BackfilledDay: bad length " + length);
        }
        byte[] bytes = new byte[length];
        in.get(bytes);
        return bytes;
    }

    @Override
    public Serializer<BackfilledDay> serializer() {
        return (topic, day) -> day == null ? null : toBytes(day);
    }

    @Override
    public Deserializer<BackfilledDay> deserializer() {
        return (topic, bytes) -> bytes == null ? null : fromBytes(bytes);
    }
}
