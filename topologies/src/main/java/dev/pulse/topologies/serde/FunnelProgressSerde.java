package dev.pulse.topologies.serde;

import dev.pulse.topologies.funnel.FunnelProgress;
import java.nio.ByteBuffer;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * A {@link FunnelProgress} in 21 bytes, the format of the {@code funnel-progress} store: {@code
 * 0x01}, steps reached (int), entered at and last reached at (epoch ms, longs).
 */
public final class FunnelProgressSerde implements Serde<FunnelProgress> {
    static final byte FORMAT_1 = 1;
    static final int SIZE = 1 + 4 + 8 + 8;

    @Override
    public Serializer<FunnelProgress> serializer() {
        return (topic, p) ->
                p == null
                        ? null
                        : ByteBuffer.allocate(SIZE)
                                .put(FORMAT_1)
                                .putInt(p.reached())
                                .putLong(p.enteredAtMs())
                                .putLong(p.reachedAtMs())
                                .array();
    }

    @Override
    public Deserializer<FunnelProgress> deserializer() {
        return (topic, bytes) -> {
            if (bytes == null) {
                return null;
            }
            if (bytes.length != SIZE || bytes[0] != FORMAT_1) {
                throw new SerializationException(
                        "not a FunnelProgress: " + bytes.length + " bytes");
            }
            ByteBuffer in = ByteBuffer.wrap(bytes, 1, SIZE - 1);
            return new FunnelProgress(in.getInt(), in.getLong(), in.getLong());
        };
    }
}
