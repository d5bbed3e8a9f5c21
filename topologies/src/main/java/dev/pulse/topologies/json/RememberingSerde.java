package dev.pulse.topologies.json;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.Arrays;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * A serde whose deserializer remembers what recent byte strings decoded to, for values read far
 * more often than they change: an account record is decoded at every rescoring and alert evaluation
 * of its tenant and at every account read of the API, and changes when someone edits the directory.
 * Remembered by content, so a changed record is decoded afresh; every reader of the same bytes gets
 * the same instance, so the values must be immutable.
 */
public final class RememberingSerde<T> implements Serde<T> {
    private final JsonSerde<T> json;
    private final Cache<Content, T> decoded;

    private RememberingSerde(JsonSerde<T> json, long maxValues) {
        this.json = json;
        this.decoded = Caffeine.newBuilder().maximumSize(maxValues).build();
    }

    /** {@code json}, remembering up to {@code maxValues} decoded values. */
    public static <T> RememberingSerde<T> of(JsonSerde<T> json, long maxValues) {
        return new RememberingSerde<>(json, maxValues);
    }

    public T fromBytes(byte[] bytes) {
        Content content = new Content(bytes);
        T value = decoded.getIfPresent(content);
        if (value == null) {
            value = json.fromBytes(bytes);
            // A copy: whoever handed us the array may reuse it.
            decoded.put(content.copy(), value);
        }
        return value;
    }

    @Override
    public Serializer<T> serializer() {
        return json.serializer();
    }

    @Override
    public Deserializer<T> deserializer() {
        return (topic, bytes) -> bytes == null ? null : fromBytes(bytes);
    }

    /** A byte string compared by content. */
    private static final class Content {
        private final byte[] bytes;
        private final int hash;

        Content(byte[] bytes) {
            this.bytes = bytes;
            this.hash = Arrays.hashCode(bytes);
        }

        Content copy() {
            return new Content(bytes.clone());
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Content that
                    && hash == that.hash
                    && Arrays.equals(bytes, that.bytes);
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }
}
