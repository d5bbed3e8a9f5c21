package dev.pulse.app.simulator;

import dev.pulse.streams.connection.KafkaConnection;
import io.soabase.recordbuilder.core.RecordBuilder;
import java.time.Clock;
import java.util.Objects;
import org.apache.kafka.clients.producer.Producer;

/**
 * What the demo simulator simulates and where it sends it. The {@code withSeed(…)}, {@code
 * withTenants(…)} … copies come from the generated {@code SimulatorSettingsBuilder}.
 *
 * @param seed every random choice derives from it: the same seed and clock give the same traffic
 * @param tenants how many demo tenants (150 for the demo)
 * @param days how many days of history to replay before going live
 * @param liveEventsPerSecond usage events per second across all tenants once live
 * @param kafka the cluster to send to, when no {@code producer} is given
 * @param producer a producer to send with instead (tests pass a {@code MockProducer}); the
 *     simulator does not close a producer it was given
 * @param clock where "now" comes from: the replay ends, and live traffic starts, at its instant
 */
@RecordBuilder
public record SimulatorSettings(
        long seed,
        int tenants,
        int days,
        double liveEventsPerSecond,
        KafkaConnection kafka,
        Producer<String, byte[]> producer,
        Clock clock)
        implements SimulatorSettingsBuilder.With {

    public static final long DEFAULT_SEED = 20_261_120L;
    public static final int DEFAULT_TENANTS = 150;
    public static final int DEFAULT_DAYS = 75;
    public static final double DEFAULT_LIVE_EVENTS_PER_SECOND = 40;

    public SimulatorSettings {
        if (tenants < 1 || tenants > 100_000) {
            throw new IllegalArgumentException("tenants must be 1–100000, got " + tenants);
        }
        if (days < 1 || days > 730) {
            throw new IllegalArgumentException("days must be 1–730, got " + days);
        }
        if (!(liveEventsPerSecond >= 0) || Double.isInfinite(liveEventsPerSecond)) {
            throw new IllegalArgumentException(
                    "liveEventsPerSecond must be zero or more, got " + liveEventsPerSecond);
        }
        if ((kafka == null) == (producer == null)) {
            throw new IllegalArgumentException(
                    "give either bootstrapServers or a producer, not both and not neither");
        }
        Objects.requireNonNull(clock, "clock");
    }

    /** The demo defaults, sending to the given Kafka. */
    public static SimulatorSettings forBootstrapServers(String bootstrapServers) {
        return forKafka(
                KafkaConnection.to(Objects.requireNonNull(bootstrapServers, "bootstrapServers")));
    }

    /** The defaults, sending to {@code kafka} with its client settings. */
    public static SimulatorSettings forKafka(KafkaConnection kafka) {
        return new SimulatorSettings(
                DEFAULT_SEED,
                DEFAULT_TENANTS,
                DEFAULT_DAYS,
                DEFAULT_LIVE_EVENTS_PER_SECOND,
                Objects.requireNonNull(kafka, "kafka"),
                null,
                Clock.systemUTC());
    }

    /** The demo defaults, sending with the given producer. */
    public static SimulatorSettings forProducer(Producer<String, byte[]> producer) {
        return new SimulatorSettings(
                DEFAULT_SEED,
                DEFAULT_TENANTS,
                DEFAULT_DAYS,
                DEFAULT_LIVE_EVENTS_PER_SECOND,
                null,
                Objects.requireNonNull(producer, "producer"),
                Clock.systemUTC());
    }
}
