package dev.pulse.app;

import dev.pulse.app.config.ConfigLoader;
import dev.pulse.app.config.PulseConfig;
import dev.pulse.streams.broker.SharedKafkaBroker;
import dev.pulse.topologies.pipeline.PipelineSettings;
import java.nio.file.Path;
import java.util.Map;

/** Pulse configured against the shared test broker, with its own state and application id. */
final class TestPulse {
    /** Shared by every instance of a test deployment, as in a real one. */
    static final String INTERNAL_TOKEN = java.util.UUID.randomUUID().toString();

    private TestPulse() {}

    static PulseConfig config(Path stateDir, String applicationId) {
        return config(
                stateDir,
                applicationId,
                new PulseConfig.Kafka(SharedKafkaBroker.bootstrapServers(), "", 0));
    }

    /**
     * The same, with an embedded broker of its own in {@code kafkaDir}: for tests whose stream time
     * must not be moved by what other tests sent to the shared broker.
     */
    static PulseConfig withOwnBroker(Path stateDir, Path kafkaDir, String applicationId) {
        return config(stateDir, applicationId, new PulseConfig.Kafka("", kafkaDir.toString(), 0));
    }

    /**
     * {@link #withOwnBroker} with the shipped grace (1 h) and idle time (5 min): for replays sent
     * in order to a broker no other test shares, where stream time is the test's own.
     */
    static PulseConfig replayingOnOwnBroker(Path stateDir, Path kafkaDir, String applicationId) {
        PulseConfig base = withOwnBroker(stateDir, kafkaDir, applicationId);
        return base.withPipeline(
                base.pipeline()
                        .withGrace(java.time.Duration.ofHours(1))
                        .withCaughtUpAfterIdle(PipelineSettings.DEFAULT_CAUGHT_UP_AFTER_IDLE));
    }

    /** Pulse on {@code kafka}, as the other configurations here. */
    static PulseConfig config(Path stateDir, String applicationId, PulseConfig.Kafka kafka) {
        PulseConfig defaults = ConfigLoader.load(null, Map.of());
        PulseConfig.Streams streams = defaults.streams();
        // Every test reads the shared broker's topics from the start, so a partition's stream
        // time is the newest event any earlier test sent to it: with the default hour of grace,
        // a test's own events of two hours ago would count as late. Lateness itself is tested on
        // the topology test driver.
        PipelineSettings longGrace =
                defaults.pipeline()
                        .withGrace(java.time.Duration.ofDays(30))
                        // Tests send what they need and wait; a second without records means the
                        // data is all there is (the default is five minutes).
                        .withCaughtUpAfterIdle(java.time.Duration.ofSeconds(1));
        return defaults.withPipeline(longGrace)
                .withKafka(kafka)
                .withStreams(
                        new PulseConfig.Streams(
                                applicationId, stateDir.toString(), 2, (short) 1, 0, 1, 64))
                .withApi(new PulseConfig.Api("127.0.0.1", 0, "127.0.0.1"))
                .withAuth(
                        new PulseConfig.Auth(
                                        defaults.auth().users(),
                                        defaults.auth().jwt(),
                                        INTERNAL_TOKEN,
                                        defaults.auth().rateLimit())
                                .withJwt(
                                        new PulseConfig.Jwt(
                                                "",
                                                "",
                                                TestTokens.SECRET,
                                                TestTokens.ISSUER,
                                                TestTokens.AUDIENCE,
                                                java.time.Duration.ofSeconds(30))));
    }
}
