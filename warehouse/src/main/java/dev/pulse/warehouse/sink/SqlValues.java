package dev.pulse.warehouse.sink;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.pulse.topologies.json.PulseJson;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** Conversions from Pulse's values to what the PostgreSQL client binds. */
final class SqlValues {
    private SqlValues() {}

    /** The client binds {@code timestamptz} from {@link OffsetDateTime}, not from Instant. */
    static OffsetDateTime timestamp(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    /**
     * JSON text, cast in the statement with {@code ::text::jsonb}: a string bound straight to a
     * jsonb parameter is stored as one JSON string.
     */
    static String json(Object value) {
        try {
            return PulseJson.mapper().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not serialisable as JSON: " + value, e);
        }
    }

    /** An enum as Pulse's JSON names it ({@code at_risk}, {@code firing}). */
    static String label(Enum<?> value) {
        return value == null ? null : PulseJson.mapper().convertValue(value, String.class);
    }

    static String utf8(byte[] bytes) {
        return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
    }

    /**
     * The record key of a window-store changelog: the store key's bytes, then the window start (8
     * bytes) and a sequence number (4 bytes), as Kafka Streams' {@code WindowKeySchema} writes it.
     */
    static WindowedKey windowedKey(byte[] changelogKey) {
        int keyLength = changelogKey.length - Long.BYTES - Integer.BYTES;
        if (keyLength < 0) {
            throw new IllegalArgumentException("not a window-store changelog key");
        }
        String key = new String(changelogKey, 0, keyLength, StandardCharsets.UTF_8);
        long start = ByteBuffer.wrap(changelogKey, keyLength, Long.BYTES).getLong();
        return new WindowedKey(key, Instant.ofEpochMilli(start));
    }

    record WindowedKey(String key, Instant windowStart) {}
}
