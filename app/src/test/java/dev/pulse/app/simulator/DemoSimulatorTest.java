package dev.pulse.app.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.pulse.streams.connection.KafkaConnection;
import dev.pulse.streams.testing.MutableClock;
import dev.pulse.topologies.account.Account;
import dev.pulse.topologies.event.UsageEvent;
import dev.pulse.topologies.event.UsageEventParser;
import dev.pulse.topologies.json.InvalidRecordException;
import dev.pulse.topologies.topic.PulseTopics;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

class DemoSimulatorTest {
    private static final Instant NOW = Instant.parse("2026-11-18T14:37:12.345Z");

    private final CountingProducer producer = new CountingProducer();
    private final MutableClock clock = new MutableClock(NOW);
    private final SimulatorSettings settings =
            SimulatorSettings.forProducer(producer).withSeed(3).withDays(2).withClock(clock);

    @Test
    void publishesEveryAccountKeyedByTenantToTheAccountsTopic() {
        try (DemoSimulator simulator = new DemoSimulator(settings)) {
            simulator.publishAccounts();

            List<ProducerRecord<String, byte[]>> sent = producer.history();
            assertThat(sent)
                    .hasSize(150)
                    .allSatisfy(
                            record -> assertThat(record.topic()).isEqualTo("pulse.accounts.v1"));
            var deserializer = PulseTopics.ACCOUNTS.valueSerde().deserializer();
            List<Account> accounts =
                    sent.stream()
                            .map(
                                    record -> {
                                        Account account =
                                                deserializer.deserialize(
                                                        record.topic(), record.value());
                                        assertThat(record.key()).isEqualTo(account.tenantId());
                                        return account;
                                    })
                            .toList();
            assertThat(accounts).containsExactlyElementsOf(simulator.customerBase().accounts());
            assertThat(simulator.counts().accounts()).isEqualTo(150);
            assertThat(producer.flushes.get()).isEqualTo(1);
        }
    }

    @Test
    void replaysTheHistoryKeyedByTenantWithEventTimeAsRecordTimestamp() {
        try (DemoSimulator simulator = new DemoSimulator(settings)) {
            SimulatorCounts counts = simulator.replay(ReplayProgress.none());

            List<ProducerRecord<String, byte[]>> sent = producer.history();
            assertThat(sent).hasSize((int) counts.records());
            assertThat(counts.records()).isBetween(15_000L, 40_000L);
            long latest = 0;
            int backInTime = 0;
            for (ProducerRecord<String, byte[]> record : sent) {
                assertThat(record.topic()).isEqualTo("pulse.usage-events.v1");
                assertThat(record.timestamp()).isLessThan(NOW.toEpochMilli());
                assertThat(record.timestamp())
                        .isGreaterThan(NOW.minus(Duration.ofDays(2).plusHours(8)).toEpochMilli());
                UsageEvent event;
                try {
                    event = UsageEventParser.parse(record.value(), NOW);
                } catch (InvalidRecordException malformed) {
                    assertThat(record.key()).isNotBlank();
                    continue;
                }
                assertThat(record.key()).isEqualTo(event.tenantId());
                assertThat(record.timestamp()).isEqualTo(event.timestamp().toEpochMilli());
                if (record.timestamp() < latest) {
                    // Only injected late events go back in time, and by at most 6 hours.
                    backInTime++;
                    assertThat(latest - record.timestamp())
                            .isLessThan(Duration.ofHours(6).toMillis());
                }
                latest = Math.max(latest, record.timestamp());
            }
            assertThat(backInTime).isPositive().isLessThan(sent.size() / 100);
            assertThat(latest).isGreaterThan(NOW.minusSeconds(600).toEpochMilli());
            assertThat(producer.flushes.get()).isEqualTo(1);
        }
    }

    @Test
    void countsWhatWasSent() {
        try (DemoSimulator simulator = new DemoSimulator(settings.withDays(7))) {
            simulator.publishAccounts();
            SimulatorCounts counts = simulator.replay(ReplayProgress.none());

            assertThat(counts.accounts()).isEqualTo(150);
            assertThat(counts.records()).isEqualTo(producer.history().size() - 150);
            assertThat(counts.duplicates()).isPositive();
            assertThat(counts.late()).isPositive();
            assertThat(counts.beyondGrace()).isPositive();
            assertThat(counts.malformed()).isPositive();
            assertThat(counts.failed()).isZero();
            assertThat(counts.events())
                    .isEqualTo(counts.records() - counts.duplicates() - counts.malformed());
            assertThat(counts.summary())
                    .contains("duplicates", "late", "beyond grace", "malformed", "150 accounts");
        }
    }

    @Test
    void reportsProgressUpToTheRecordsSent() {
        List<Long> done = new ArrayList<>();
        AtomicLong expected = new AtomicLong();
        AtomicLong finished = new AtomicLong();
        List<Instant> simulated = new ArrayList<>();
        ReplayProgress progress =
                new ReplayProgress() {
                    @Override
                    public void started(long expectedTotal) {
                        expected.set(expectedTotal);
                    }

                    @Override
                    public void progressed(long sent, long expectedTotal, Instant simulatedTime) {
                        done.add(sent);
                        simulated.add(simulatedTime);
                    }

                    @Override
                    public void finished(long sent) {
                        finished.set(sent);
                    }
                };
        try (DemoSimulator simulator = new DemoSimulator(settings)) {
            SimulatorCounts counts = simulator.replay(progress);

            assertThat(done).isSorted().hasSizeBetween(48, 50);
            assertThat(simulated).isSorted();
            assertThat(finished.get())
                    .isEqualTo(counts.records())
                    .isEqualTo(done.get(done.size() - 1));
            assertThat((double) expected.get())
                    .isCloseTo(
                            counts.records(), org.assertj.core.data.Percentage.withPercentage(5));
        }
    }

    @Test
    void liveTrafficFollowsTheClockSecondBySecondFromWhereTheReplayEnded() {
        try (DemoSimulator simulator = new DemoSimulator(settings.withDays(1))) {
            simulator.replay(ReplayProgress.none());
            int replayed = producer.history().size();

            clock.advance(Duration.ofSeconds(10));
            simulator.liveTick();

            List<ProducerRecord<String, byte[]>> live =
                    producer.history().subList(replayed, producer.history().size());
            assertThat(live.size()).isBetween(300, 500);
            assertThat(live)
                    .allSatisfy(
                            record -> {
                                assertThat(record.topic())
                                        .isEqualTo(PulseTopics.USAGE_EVENTS.name());
                                assertThat(record.timestamp())
                                        .isLessThan(NOW.plusSeconds(10).toEpochMilli());
                            });
            assertThat(live.stream().filter(r -> r.timestamp() >= NOW.toEpochMilli()).count())
                    .isGreaterThan(live.size() * 9L / 10);

            simulator.liveTick();
            assertThat(producer.history()).hasSize(replayed + live.size());
        }
    }

    @Test
    void liveTrafficRunsOnADaemonThreadUntilClosed() {
        SimulatorSettings realTime =
                SimulatorSettings.forProducer(producer)
                        .withSeed(3)
                        .withLiveEventsPerSecond(200)
                        .withClock(Clock.systemUTC());
        DemoSimulator simulator = new DemoSimulator(realTime);
        simulator.startLive();
        await().atMost(Duration.ofSeconds(10)).until(() -> producer.history().size() > 300);
        assertThat(Thread.getAllStackTraces().keySet())
                .anySatisfy(
                        thread -> {
                            assertThat(thread.getName()).isEqualTo("pulse-demo-live");
                            assertThat(thread.isDaemon()).isTrue();
                        });

        simulator.close();
        int afterClose = producer.history().size();
        await().during(Duration.ofMillis(1500))
                .atMost(Duration.ofSeconds(3))
                .until(() -> producer.history().size() == afterClose);
        assertThat(producer.closed()).as("a producer it was given is not closed").isFalse();
        assertThatThrownBy(simulator::startLive).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void closingStopsAReplayQuietly() {
        DemoSimulator simulator = new DemoSimulator(settings.withDays(30));
        AtomicInteger hours = new AtomicInteger();
        SimulatorCounts counts =
                simulator.replay(
                        (done, expected, simulatedTime) -> {
                            if (hours.incrementAndGet() == 5) {
                                simulator.close();
                            }
                        });
        assertThat(hours.get()).isEqualTo(5);
        assertThat(counts.records()).isEqualTo(producer.history().size()).isLessThan(20_000);
    }

    @Test
    void aRefusingBrokerStopsTheReplay() {
        producer.sendException = new org.apache.kafka.common.errors.TimeoutException("broker gone");
        try (DemoSimulator simulator = new DemoSimulator(settings)) {
            assertThatThrownBy(() -> simulator.replay(ReplayProgress.none()))
                    .hasMessageContaining("broker gone");
        }
    }

    @Test
    void theProducerItCreatesIsIdempotentAndBatchesLz4() {
        assertThat(SimulatorProducer.config(KafkaConnection.to("localhost:9092")))
                .containsEntry(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:9092")
                .containsEntry(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true)
                .containsEntry(ProducerConfig.ACKS_CONFIG, "all")
                .containsEntry(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4")
                .containsEntry(ProducerConfig.LINGER_MS_CONFIG, 5)
                .containsEntry(ProducerConfig.BATCH_SIZE_CONFIG, 262_144);
    }

    @Test
    void settingsNeedEitherBootstrapServersOrAProducer() {
        assertThatThrownBy(
                        () -> new SimulatorSettings(1, 150, 60, 40, null, null, Clock.systemUTC()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(
                        () ->
                                new SimulatorSettings(
                                        1,
                                        150,
                                        60,
                                        40,
                                        KafkaConnection.to("localhost:9092"),
                                        producer,
                                        Clock.systemUTC()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> settings.withDays(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> settings.withLiveEventsPerSecond(-1))
                .isInstanceOf(IllegalArgumentException.class);
        SimulatorSettings defaults = SimulatorSettings.forBootstrapServers("localhost:9092");
        assertThat(defaults.tenants()).isEqualTo(150);
        assertThat(defaults.days()).isEqualTo(75);
        assertThat(defaults.liveEventsPerSecond()).isEqualTo(40);
    }

    /** Kafka's own mock producer, counting flushes. */
    private static final class CountingProducer extends MockProducer<String, byte[]> {
        final AtomicInteger flushes = new AtomicInteger();

        CountingProducer() {
            super(true, null, new StringSerializer(), new ByteArraySerializer());
        }

        @Override
        public synchronized void flush() {
            flushes.incrementAndGet();
            super.flush();
        }
    }
}
