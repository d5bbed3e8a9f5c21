package dev.pulse.topologies.pipeline;

import dev.pulse.topologies.account.Account;
import dev.pulse.topologies.alert.Alert;
import dev.pulse.topologies.alert.AlertCommand;
import dev.pulse.topologies.alert.AlertRules;
import dev.pulse.topologies.alert.AlertState;
import dev.pulse.topologies.engagement.BackfilledDay;
import dev.pulse.topologies.engagement.EngagementBucket;
import dev.pulse.topologies.followup.FollowUp;
import dev.pulse.topologies.followup.FollowUpCommand;
import dev.pulse.topologies.funnel.FunnelDay;
import dev.pulse.topologies.funnel.FunnelDefinitions;
import dev.pulse.topologies.funnel.FunnelProgress;
import dev.pulse.topologies.health.HealthModel;
import dev.pulse.topologies.health.HealthScore;
import dev.pulse.topologies.journey.JourneyModel;
import dev.pulse.topologies.journey.JourneyState;
import dev.pulse.topologies.journey.Transition;
import dev.pulse.topologies.state.ActiveCopies;
import dev.pulse.topologies.topic.PulseStores;
import dev.pulse.topologies.topic.PulseTopics;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.WindowStore;

/** The production topology on a test driver with explicit wall-clock and event time. */
final class PipelineFixture implements AutoCloseable {
    static final HealthModel MODEL = HealthModel.fromYaml(resource("/health-model.yaml"));

    /** The rules shipped in config/, so tests see what users run. */
    static final AlertRules ALERT_RULES = AlertRules.fromYaml(configFile("alert-rules.yaml"));

    /** The journey shipped in config/. */
    static final JourneyModel JOURNEY =
            JourneyModel.fromYaml(configFile("journey.yaml")).checkedAgainst(MODEL);

    /** The funnels shipped in config/. */
    static final FunnelDefinitions FUNNELS = FunnelDefinitions.fromYaml(configFile("funnels.yaml"));

    final CountingListener listener = new CountingListener();

    /** The current scores the scoring keeps for the read layer. */
    final ActiveCopies<HealthScore> decodedScores = new ActiveCopies<>();

    final TopologyTestDriver driver;
    final TestInputTopic<String, byte[]> events;
    final TestInputTopic<String, Account> accounts;
    final TestInputTopic<String, AlertCommand> commands;
    final TestInputTopic<String, FollowUpCommand> followUpCommands;
    final TestInputTopic<String, BackfilledDay> backfill;
    final TestOutputTopic<String, byte[]> deadLetters;
    final TestOutputTopic<String, HealthScore> scores;
    final TestOutputTopic<String, Alert> alerts;
    final TestOutputTopic<String, Transition> journeyTransitions;
    private final Path stateDir;
    private Instant wallClock;

    PipelineFixture(Instant wallClock) {
        this(wallClock, PipelineSettings.defaults());
    }

    PipelineFixture(Instant wallClock, PipelineSettings settings) {
        this(wallClock, settings, ALERT_RULES);
    }

    PipelineFixture(Instant wallClock, AlertRules rules) {
        this(wallClock, PipelineSettings.defaults(), rules);
    }

    PipelineFixture(Instant wallClock, PipelineSettings settings, AlertRules rules) {
        this.wallClock = wallClock;
        try {
            stateDir = Files.createTempDirectory("pulse-ttd");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "pulse-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        driver =
                new TopologyTestDriver(
                        new HealthPipelineTopology(
                                        MODEL,
                                        rules,
                                        JOURNEY,
                                        settings,
                                        listener,
                                        FUNNELS,
                                        decodedScores)
                                .topology(),
                        props,
                        wallClock);
        events =
                driver.createInputTopic(
                        PulseTopics.USAGE_EVENTS.name(),
                        PulseTopics.USAGE_EVENTS.keySerde().serializer(),
                        PulseTopics.USAGE_EVENTS.valueSerde().serializer());
        accounts =
                driver.createInputTopic(
                        PulseTopics.ACCOUNTS.name(),
                        PulseTopics.ACCOUNTS.keySerde().serializer(),
                        PulseTopics.ACCOUNTS.valueSerde().serializer());
        commands =
                driver.createInputTopic(
                        PulseTopics.ALERT_COMMANDS.name(),
                        PulseTopics.ALERT_COMMANDS.keySerde().serializer(),
                        PulseTopics.ALERT_COMMANDS.valueSerde().serializer());
        followUpCommands =
                driver.createInputTopic(
                        PulseTopics.FOLLOW_UP_COMMANDS.name(),
                        PulseTopics.FOLLOW_UP_COMMANDS.keySerde().serializer(),
                        PulseTopics.FOLLOW_UP_COMMANDS.valueSerde().serializer());
        backfill =
                driver.createInputTopic(
                        PulseTopics.ENGAGEMENT_BACKFILL.name(),
                        PulseTopics.ENGAGEMENT_BACKFILL.keySerde().serializer(),
                        PulseTopics.ENGAGEMENT_BACKFILL.valueSerde().serializer());
        deadLetters =
                driver.createOutputTopic(
                        PulseTopics.USAGE_EVENTS_DEAD_LETTER.name(),
                        PulseTopics.USAGE_EVENTS_DEAD_LETTER.keySerde().deserializer(),
                        PulseTopics.USAGE_EVENTS_DEAD_LETTER.valueSerde().deserializer());
        scores =
                driver.createOutputTopic(
                        PulseTopics.HEALTH_SCORES.name(),
                        PulseTopics.HEALTH_SCORES.keySerde().deserializer(),
                        PulseTopics.HEALTH_SCORES.valueSerde().deserializer());
        alerts =
                driver.createOutputTopic(
                        PulseTopics.ALERTS.name(),
                        PulseTopics.ALERTS.keySerde().deserializer(),
                        PulseTopics.ALERTS.valueSerde().deserializer());
        journeyTransitions =
                driver.createOutputTopic(
                        PulseTopics.JOURNEY_TRANSITIONS.name(),
                        PulseTopics.JOURNEY_TRANSITIONS.keySerde().deserializer(),
                        PulseTopics.JOURNEY_TRANSITIONS.valueSerde().deserializer());
    }

    KeyValueStore<String, JourneyState> journeys() {
        return driver.getKeyValueStore(PulseStores.JOURNEYS);
    }

    void send(String tenant, String eventId, String user, String type, String feature, Instant at) {
        String json =
                "{\"eventId\":\""
                        + eventId
                        + "\",\"tenantId\":\""
                        + tenant
                        + "\",\"userId\":\""
                        + user
                        + "\",\"type\":\""
                        + type
                        + "\""
                        + (feature == null ? "" : ",\"feature\":\"" + feature + "\"")
                        + ",\"timestamp\":\""
                        + at
                        + "\"}";
        sendRaw(tenant, json);
    }

    void sendRaw(String key, String value) {
        events.pipeInput(key, value.getBytes(StandardCharsets.UTF_8));
    }

    /** Lets the refresh punctuation run (wall clock) so dirty tenants are scored. */
    void refreshScores() {
        advanceWallClock(Duration.ofMillis(250));
    }

    /** Advances the driver's wall clock, remembering where it stands. */
    void advanceWallClock(Duration by) {
        wallClock = wallClock.plus(by);
        driver.advanceWallClockTime(by);
    }

    /** The driver's wall clock, as far as this fixture moved it. */
    Instant wallClock() {
        return wallClock;
    }

    WindowStore<String, EngagementBucket> hourly() {
        return driver.getWindowStore(PulseStores.ENGAGEMENT_HOURLY);
    }

    WindowStore<String, EngagementBucket> daily() {
        return driver.getWindowStore(PulseStores.ENGAGEMENT_DAILY);
    }

    KeyValueStore<String, HealthScore> currentScores() {
        return driver.getKeyValueStore(PulseStores.HEALTH_SCORES);
    }

    WindowStore<String, HealthScore> dailyScores() {
        return driver.getWindowStore(PulseStores.HEALTH_SCORE_DAILY);
    }

    @Override
    public void close() throws IOException {
        driver.close();
        try (var files = Files.walk(stateDir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    KeyValueStore<String, Alert> alertStore() {
        return driver.getKeyValueStore(PulseStores.ALERTS);
    }

    KeyValueStore<String, FollowUp> followUpStore() {
        return driver.getKeyValueStore(PulseStores.FOLLOW_UPS);
    }

    KeyValueStore<String, FunnelProgress> funnelProgress() {
        return driver.getKeyValueStore(PulseStores.FUNNEL_PROGRESS);
    }

    WindowStore<String, FunnelDay> funnelDaily() {
        return driver.getWindowStore(PulseStores.FUNNEL_DAILY);
    }

    static String configFile(String name) {
        try {
            return Files.readString(Path.of("..", "config", name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String resource(String name) {
        try (InputStream in = PipelineFixture.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static final class CountingListener implements PipelineListener {
        final AtomicInteger deadLetters = new AtomicInteger();
        final AtomicInteger duplicates = new AtomicInteger();
        final AtomicInteger late = new AtomicInteger();
        final AtomicInteger funnelLate = new AtomicInteger();
        final AtomicInteger counted = new AtomicInteger();
        final AtomicInteger ignoredCommands = new AtomicInteger();
        final List<String> ignoredFollowUps = new CopyOnWriteArrayList<>();

        @Override
        public void onFollowUpCommandIgnored(String reason) {
            ignoredFollowUps.add(reason);
        }

        final java.util.List<String> transitions =
                java.util.Collections.synchronizedList(new java.util.ArrayList<>());

        @Override
        public void onAlertTransition(
                String ruleId, dev.pulse.topologies.alert.Severity severity, AlertState to) {
            transitions.add(ruleId + "/" + severity.name().toLowerCase() + "/" + to.name());
        }

        @Override
        public void onAlertCommandIgnored(String action) {
            ignoredCommands.incrementAndGet();
        }

        @Override
        public void onDeadLetter(String code) {
            deadLetters.incrementAndGet();
        }

        @Override
        public void onDuplicate() {
            duplicates.incrementAndGet();
        }

        @Override
        public void onLateEvent() {
            late.incrementAndGet();
        }

        @Override
        public void onFunnelLateEvent() {
            funnelLate.incrementAndGet();
        }

        @Override
        public void onCounted() {
            counted.incrementAndGet();
        }
    }
}
