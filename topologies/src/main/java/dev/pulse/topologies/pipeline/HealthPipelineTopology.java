package dev.pulse.topologies.pipeline;

import dev.pulse.topologies.account.Account;
import dev.pulse.topologies.alert.Alert;
import dev.pulse.topologies.alert.AlertCommand;
import dev.pulse.topologies.alert.AlertEvaluator;
import dev.pulse.topologies.alert.AlertRules;
import dev.pulse.topologies.engagement.BackfilledDay;
import dev.pulse.topologies.event.UsageEvent;
import dev.pulse.topologies.event.UsageEventParser;
import dev.pulse.topologies.event.UsageRecord;
import dev.pulse.topologies.followup.FollowUpCommand;
import dev.pulse.topologies.funnel.FunnelDefinitions;
import dev.pulse.topologies.health.HealthModel;
import dev.pulse.topologies.health.HealthScore;
import dev.pulse.topologies.health.HealthScorer;
import dev.pulse.topologies.journey.JourneyModel;
import dev.pulse.topologies.journey.JourneyStepper;
import dev.pulse.topologies.journey.Transition;
import dev.pulse.topologies.risk.DailyClose;
import dev.pulse.topologies.state.ActiveCopies;
import dev.pulse.topologies.topic.PulseStores;
import dev.pulse.topologies.topic.PulseTopics;
import dev.pulse.topologies.topic.Topic;
import java.time.Duration;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Usage events in, health scores out.
 *
 * <p>Inputs: {@code pulse.usage-events.v1} (raw JSON, keyed by tenant), {@code pulse.accounts.v1}
 * (global table), {@code pulse.alert-commands.v1} (people's ack, snooze and resolve, applied to the
 * {@code alerts} store), {@code pulse.follow-up-commands.v1} (people's action items, applied to the
 * {@code follow-ups} store). Outputs: {@code pulse.health-scores.v1}, and rejected records
 * unchanged on {@code pulse.usage-events.dlq.v1}, and every alert state change on {@code
 * pulse.alerts.v1}, and every move between journey stages on {@code pulse.journey-transitions.v1}.
 * {@code pulse.engagement-backfill.v1} brings days of the past computed by the backfill job into
 * the daily store and through the same end-of-day scoring. Stores: {@code event-ids}, {@code
 * engagement-hourly}, {@code engagement-daily}, {@code health-scores}, {@code health-score-daily}
 * (end-of-day scores with the day's at-risk decision), {@code health-checkpoints}, {@code alerts},
 * {@code alert-history}, {@code follow-ups}, {@code journeys} (each tenant's journey stage, moved
 * on when its days close), {@code accounts}, {@code funnel-progress} and {@code funnel-daily}
 * (users' progress through the funnels of {@code config/funnels.yaml}, and each tenant's daily step
 * tallies). Everything is keyed by tenant id, so the whole pipeline is one sub-topology with no
 * repartitioning.
 */
public final class HealthPipelineTopology {
    private static final String VALID = "valid";
    private static final String REJECTED = "rejected";

    /** Never fails: a value that is no valid event reads as unreadable. Writes the raw bytes. */
    private static final Serde<UsageRecord> USAGE_RECORDS =
            Serdes.serdeFrom(
                    (topic, record) -> record == null ? null : record.raw(),
                    (topic, bytes) -> UsageEventParser.read(bytes));

    private final HealthScorer scorer;
    private final AlertEvaluator alertEvaluator;
    private final PipelineSettings settings;
    private final JourneyStepper journeyStepper;
    private final PipelineListener listener;
    private final FunnelDefinitions funnels;
    private final ActiveCopies<HealthScore> currentScores;

    /**
     * {@code funnels}: {@link FunnelDefinitions#NONE} leaves the funnel stores empty. {@code
     * currentScores}: where the scoring keeps this instance's current scores for reads.
     */
    public HealthPipelineTopology(
            HealthModel model,
            AlertRules alertRules,
            JourneyModel journey,
            PipelineSettings settings,
            PipelineListener listener,
            FunnelDefinitions funnels,
            ActiveCopies<HealthScore> currentScores) {
        this.currentScores = currentScores;
        this.scorer = new HealthScorer(model);
        this.alertEvaluator = new AlertEvaluator(alertRules);
        this.journeyStepper = new JourneyStepper(journey);
        this.settings = settings;
        this.listener = listener;
        this.funnels = funnels;
    }

    public Topology topology() {
        StreamsBuilder builder = new StreamsBuilder();
        build(builder);
        return builder.build();
    }

    public void build(StreamsBuilder builder) {
        accountDirectory(builder);
        validate(builder)
                .split(Named.as("events-"))
                .branch(
                        (tenant, record) -> record instanceof UsageRecord.Unreadable,
                        Branched.withConsumer(HealthPipelineTopology::deadLetter, REJECTED))
                .defaultBranch(
                        Branched.withConsumer(
                                valid ->
                                        health(
                                                builder,
                                                valid.mapValues(
                                                        UsageRecord::event, Named.as("unwrap"))),
                                VALID));
        applyFollowUpCommands(builder);
    }

    /** From valid events to scores and alerts. */
    private void health(StreamsBuilder builder, KStream<String, UsageEvent> events) {
        KStream<String, UsageEvent> unique = deduplicate(builder, events);
        countFunnels(builder, unique);
        KStream<String, TenantActivity> counted = countEngagement(builder, unique);
        KStream<String, TenantActivity> activity =
                counted.merge(loadBackfill(builder), Named.as("engagement-activity"));
        KStream<String, ScoreChange> scores = score(builder, activity);
        publish(
                scores.filter((tenant, change) -> !change.endOfDay(), Named.as("current-scores"))
                        .mapValues(ScoreChange::score, Named.as("score-values")),
                PulseTopics.HEALTH_SCORES);
        publish(moveThroughJourney(builder, scores), PulseTopics.JOURNEY_TRANSITIONS);
        KStream<String, Alert> evaluated = evaluateAlerts(builder, scores);
        publish(
                evaluated.merge(applyAlertCommands(builder), Named.as("alert-changes")),
                PulseTopics.ALERTS);
    }

    private void accountDirectory(StreamsBuilder builder) {
        Topic<String, Account> accounts = PulseTopics.ACCOUNTS;
        builder.globalTable(
                accounts.name(),
                Consumed.with(accounts.keySerde(), accounts.valueSerde())
                        .withName("accounts-source"),
                Materialized.<String, Account, KeyValueStore<Bytes, byte[]>>as(PulseStores.ACCOUNTS)
                        .withKeySerde(accounts.keySerde())
                        .withValueSerde(accounts.valueSerde()));
    }

    private KStream<String, UsageRecord> validate(StreamsBuilder builder) {
        Topic<String, byte[]> input = PulseTopics.USAGE_EVENTS;
        // Parsed once, in the serde: the timestamp extractor and validation share the result.
        return builder.stream(
                        input.name(),
                        Consumed.with(input.keySerde(), USAGE_RECORDS)
                                .withTimestampExtractor(new EventTimestampExtractor())
                                .withName("usage-events-source"))
                .process(() -> new EventValidationProcessor(listener), Named.as("validate"));
    }

    private static void deadLetter(KStream<String, UsageRecord> rejected) {
        Topic<String, byte[]> dlq = PulseTopics.USAGE_EVENTS_DEAD_LETTER;
        rejected.mapValues(UsageRecord::raw, Named.as("rejected-raw"))
                .to(
                        dlq.name(),
                        Produced.with(dlq.keySerde(), dlq.valueSerde())
                                .withName("dead-letter-sink"));
    }

    private KStream<String, UsageEvent> deduplicate(
            StreamsBuilder builder, KStream<String, UsageEvent> events) {
        builder.addStateStore(PipelineStores.eventIds(settings.dedupWindow()));
        return events.process(
                () ->
                        new DeduplicationProcessor(
                                settings.dedupWindow(),
                                settings.dedupFilterMegabytes() * 1024L * 1024L,
                                listener),
                Named.as("deduplicate"),
                PulseStores.EVENT_IDS);
    }

    private KStream<String, TenantActivity> countEngagement(
            StreamsBuilder builder, KStream<String, UsageEvent> events) {
        builder.addStateStore(
                PipelineStores.engagement(
                        PulseStores.ENGAGEMENT_HOURLY,
                        Duration.ofHours(1),
                        settings.hourlyRetention()));
        builder.addStateStore(
                PipelineStores.engagement(
                        PulseStores.ENGAGEMENT_DAILY,
                        Duration.ofDays(1),
                        settings.dailyRetention()));
        return events.process(
                () -> new EngagementProcessor(settings.grace(), listener),
                Named.as("count-engagement"),
                PulseStores.ENGAGEMENT_HOURLY,
                PulseStores.ENGAGEMENT_DAILY);
    }

    /** Users' progress through the funnels, and the tenants' daily step tallies. */
    private void countFunnels(StreamsBuilder builder, KStream<String, UsageEvent> events) {
        builder.addStateStore(PipelineStores.funnelProgress());
        builder.addStateStore(PipelineStores.funnelDaily(settings.dailyRetention()));
        events.process(
                () -> new FunnelProcessor(funnels, settings.grace(), listener),
                Named.as("count-funnels"),
                PulseStores.FUNNEL_PROGRESS,
                PulseStores.FUNNEL_DAILY);
    }

    /**
     * A second source of daily engagement: days of the past computed by the backfill job, stored as
     * the counting processor stores live days and closed by the same scoring processor.
     */
    private KStream<String, TenantActivity> loadBackfill(StreamsBuilder builder) {
        Topic<String, BackfilledDay> backfill = PulseTopics.ENGAGEMENT_BACKFILL;
        return builder.stream(
                        backfill.name(),
                        Consumed.with(backfill.keySerde(), backfill.valueSerde())
                                .withTimestampExtractor(new BackfillTimestampExtractor())
                                .withName("engagement-backfill-source"))
                .process(
                        () -> new BackfillLoadProcessor(listener),
                        Named.as("load-backfill"),
                        PulseStores.ENGAGEMENT_DAILY);
    }

    private KStream<String, ScoreChange> score(
            StreamsBuilder builder, KStream<String, TenantActivity> events) {
        builder.addStateStore(PipelineStores.currentScores());
        builder.addStateStore(PipelineStores.dailyScores(settings.dailyRetention()));
        builder.addStateStore(PipelineStores.checkpoints());
        return events.process(
                () ->
                        new HealthScoreProcessor(
                                new DailyClose(scorer), settings, listener, currentScores),
                Named.as("score-health"),
                PulseStores.ENGAGEMENT_DAILY,
                PulseStores.HEALTH_SCORES,
                PulseStores.HEALTH_SCORE_DAILY,
                PulseStores.HEALTH_CHECKPOINTS);
    }

    private KStream<String, Alert> evaluateAlerts(
            StreamsBuilder builder, KStream<String, ScoreChange> scores) {
        builder.addStateStore(PipelineStores.alerts());
        builder.addStateStore(PipelineStores.alertHistory(settings.dailyRetention()));
        return scores.process(
                () ->
                        new AlertProcessor(
                                scorer.model(),
                                alertEvaluator,
                                settings.alertEvaluationInterval(),
                                settings.caughtUpAfterIdle(),
                                listener),
                Named.as("evaluate-alerts"),
                PulseStores.HEALTH_SCORES,
                PulseStores.ENGAGEMENT_DAILY,
                PulseStores.ALERTS,
                PulseStores.ALERT_HISTORY,
                PulseStores.HEALTH_CHECKPOINTS);
    }

    /** Closed days move tenants through the journey; each move goes on. */
    private KStream<String, Transition> moveThroughJourney(
            StreamsBuilder builder, KStream<String, ScoreChange> scores) {
        builder.addStateStore(PipelineStores.journeys());
        return scores.filter((tenant, change) -> change.endOfDay(), Named.as("closed-days"))
                .process(
                        () -> new JourneyProcessor(journeyStepper),
                        Named.as("move-through-journey"),
                        PulseStores.JOURNEYS);
    }

    /** A second source into the same sub-topology: it shares the {@code alerts} store. */
    private KStream<String, Alert> applyAlertCommands(StreamsBuilder builder) {
        Topic<String, AlertCommand> commands = PulseTopics.ALERT_COMMANDS;
        return builder.stream(
                        commands.name(),
                        Consumed.with(commands.keySerde(), commands.valueSerde())
                                .withTimestampExtractor(new CommandTimestampExtractor())
                                .withName("alert-commands-source"))
                .process(
                        () -> new AlertCommandProcessor(listener),
                        Named.as("apply-alert-commands"),
                        PulseStores.ALERTS,
                        PulseStores.ALERT_HISTORY);
    }

    /**
     * A third source into the same sub-topology (it reads the {@code alerts} store): people's
     * follow-ups, kept in the {@code follow-ups} store.
     */
    private void applyFollowUpCommands(StreamsBuilder builder) {
        builder.addStateStore(PipelineStores.followUps());
        Topic<String, FollowUpCommand> commands = PulseTopics.FOLLOW_UP_COMMANDS;
        builder.stream(
                        commands.name(),
                        Consumed.with(commands.keySerde(), commands.valueSerde())
                                .withTimestampExtractor(new CommandTimestampExtractor())
                                .withName("follow-up-commands-source"))
                .process(
                        () -> new FollowUpCommandProcessor(listener),
                        Named.as("apply-follow-up-commands"),
                        PulseStores.FOLLOW_UPS,
                        PulseStores.ALERTS);
    }

    private static <V> void publish(KStream<String, V> stream, Topic<String, V> topic) {
        stream.to(
                topic.name(),
                Produced.with(topic.keySerde(), topic.valueSerde())
                        .withName(topic.name() + "-sink"));
    }
}
