package dev.pulse.topologies.risk;

import dev.pulse.topologies.engagement.EngagementBucket;
import dev.pulse.topologies.event.EventTypes;
import java.util.Locale;
import java.util.function.ToLongFunction;

/** A daily count the at-risk decision compares against the account's own normal. */
public enum RiskMetric {
    ACTIVE_USER_DAYS("active users", EngagementBucket::activeUsers),
    KEY_ACTIONS(
            "key actions",
            b -> b.eventsOfType(EventTypes.FEATURE_USED) + b.eventsOfType(EventTypes.API_CALL)),
    EVENTS("events", EngagementBucket::events);

    private final String label;
    private final ToLongFunction<EngagementBucket> count;

    RiskMetric(String label, ToLongFunction<EngagementBucket> count) {
        this.label = label;
        this.count = count;
    }

    /** How a sentence names it: "active users down 48% …". */
    public String label() {
        return label;
    }

    public ToLongFunction<EngagementBucket> count() {
        return count;
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    static RiskMetric fromId(String id) {
        try {
            return valueOf(id.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException(
                    "unknown metric '"
                            + id
                            + "'; expected one of active_user_days, key_actions, events");
        }
    }
}
