package dev.pulse.topologies.serde;

import dev.pulse.topologies.funnel.ConversionTimes;
import dev.pulse.topologies.funnel.FunnelDay;
import dev.pulse.topologies.funnel.StepTally;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Compact binary form of a {@link FunnelDay}, the format of the {@code funnel-daily} store: a day
 * is read thirty at a time for every account of a funnel roll-up, so no JSON. Format 1: {@code
 * 0x01}, day (epoch ms, long), number of funnels (int), then per funnel its id (UTF), number of
 * steps (int) and per step the users (long), the number of buckets (byte) and each bucket's count
 * (long).
 */
public final class FunnelDaySerde implements Serde<FunnelDay> {
    static final byte FORMAT_1 = 1;

    public static byte[] toBytes(FunnelDay day) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(FORMAT_1);
            out.writeLong(day.day().toEpochMilli());
            out.writeInt(day.funnels().size());
            for (Map.Entry<String, List<StepTally>> funnel : day.funnels().entrySet()) {
                out.writeUTF(funnel.getKey());
                out.writeInt(funnel.getValue().size());
                for (StepTally step : funnel.getValue()) {
                    out.writeLong(step.users());
                    out.writeByte(step.hours().length);
                    for (long count : step.hours()) {
                        out.writeLong(count);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    public static FunnelDay fromBytes(byte[] bytes) {
        try (DataInputStream in = new DataInputStream(new java.io.ByteArrayInputStream(bytes))) {
            byte format = in.readByte();
            if (format != FORMAT_1) {
                throw new SerializationException("unknown FunnelDay format " + format);
            }
            Instant day = Instant.ofEpochMilli(in.readLong());
            int funnels = in.readInt();
            Map<String, List<StepTally>> tallies = new TreeMap<>();
            for (int f = 0; f < funnels; f++) {
                String id = in.readUTF();
                int stepCount = in.readInt();
                List<StepTally> steps = new ArrayList<>(stepCount);
                for (int s = 0; s < stepCount; s++) {
                    long users = in.readLong();
                    int buckets = in.readUnsignedByte();
                    if (buckets != ConversionTimes.BUCKETS) {
                        throw new SerializationException(
                                "FunnelDay with " + buckets + " time buckets");
                    }
                    long[] hours = new long[buckets];
                    for (int b = 0; b < buckets; b++) {
                        hours[b] = in.readLong();
                    }
                    steps.add(new StepTally(users, hours));
                }
                tallies.put(id, steps);
            }
            return new FunnelDay(day, tallies);
        } catch (IOException e) {
            throw new SerializationException("not a valid FunnelDay: " + e.getMessage(), e);
        }
    }

    @Override
    public Serializer<FunnelDay> serializer() {
        return (topic, day) -> day == null ? null : toBytes(day);
    }

    @Override
    public Deserializer<FunnelDay> deserializer() {
        return (topic, bytes) -> bytes == null ? null : fromBytes(bytes);
    }
}
