package dev.pulse.topologies.topic;

import dev.pulse.topologies.account.Account;
import dev.pulse.topologies.alert.Alert;
import dev.pulse.topologies.alert.AlertCommand;
import dev.pulse.topologies.engagement.BackfilledDay;
import dev.pulse.topologies.followup.FollowUpCommand;
import dev.pulse.topologies.health.HealthScore;
import dev.pulse.topologies.journey.Transition;
import dev.pulse.topologies.json.JsonSerde;
import dev.pulse.topologies.json.RememberingSerde;
import dev.pulse.topologies.serde.BackfilledDaySerde;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/** Every topic Pulse reads or writes. All are keyed by tenant id. */
public final class PulseTopics {
    private static final Serde<String> TENANT = Serdes.String();

    /**
     * Raw usage events as JSON, written as bytes. The pipeline reads them through its own source
     * serde, which parses without ever failing; validation inside the topology decides and
     * dead-letters.
     */
    public static final Topic<String, byte[]> USAGE_EVENTS =
            new Topic<>("pulse.usage-events.v1", TENANT, Serdes.ByteArray());

    /** Decoded account records kept: the directories Pulse is sized for, with room for edits. */
    private static final long ACCOUNTS_REMEMBERED = 20_000;

    /** Usage events that could not be accepted, unchanged, with the reason in headers. */
    public static final Topic<String, byte[]> USAGE_EVENTS_DEAD_LETTER =
            new Topic<>("pulse.usage-events.dlq.v1", TENANT, Serdes.ByteArray());

    /**
     * The account directory (compacted): owner, plan, licensed seats, renewal. Its records are read
     * at every rescoring of a tenant and changed rarely, so their decoded copies are remembered
     * (5.5 % of the stream threads went to decoding them in a bench profile).
     */
    public static final Topic<String, Account> ACCOUNTS =
            new Topic<>(
                    "pulse.accounts.v1",
                    TENANT,
                    RememberingSerde.of(JsonSerde.of(Account.class), ACCOUNTS_REMEMBERED));

    /** Every change of a tenant's health score. */
    public static final Topic<String, HealthScore> HEALTH_SCORES =
            new Topic<>("pulse.health-scores.v1", TENANT, JsonSerde.of(HealthScore.class));

    /** Every state change of an alert (pending, firing, resolved), as JSON. */
    public static final Topic<String, Alert> ALERTS =
            new Topic<>("pulse.alerts.v1", TENANT, JsonSerde.of(Alert.class));

    /**
     * People's actions on alerts (ack, snooze, resolve), as JSON; co-partitioned with usage events
     * so they are applied where the tenant's alerts live.
     */
    public static final Topic<String, AlertCommand> ALERT_COMMANDS =
            new Topic<>("pulse.alert-commands.v1", TENANT, JsonSerde.of(AlertCommand.class));

    /**
     * People's follow-up action items (create, update), as JSON; co-partitioned with usage events
     * so they are applied in the tenant's health sub-topology.
     */
    public static final Topic<String, FollowUpCommand> FOLLOW_UP_COMMANDS =
            new Topic<>("pulse.follow-up-commands.v1", TENANT, JsonSerde.of(FollowUpCommand.class));

    /**
     * Daily engagement of the past computed by the backfill job (one record per tenant-day, in day
     * order), loaded into the daily store and closed day by day as live days are; co-partitioned
     * with usage events so a tenant's days land where its live state lives.
     */
    public static final Topic<String, BackfilledDay> ENGAGEMENT_BACKFILL =
            new Topic<>("pulse.engagement-backfill.v1", TENANT, new BackfilledDaySerde());

    /**
     * Every move of a tenant between journey stages, as JSON, published when the day that made it
     * closes (a tenant's first stage too, from null).
     */
    public static final Topic<String, Transition> JOURNEY_TRANSITIONS =
            new Topic<>("pulse.journey-transitions.v1", TENANT, JsonSerde.of(Transition.class));

    /** Header names on dead-letter records. */
    public static final String DLQ_REASON_HEADER = "pulse.dlq.reason";

    public static final String DLQ_CODE_HEADER = "pulse.dlq.code";
    public static final String DLQ_SOURCE_HEADER = "pulse.dlq.source";

    private PulseTopics() {}
}
