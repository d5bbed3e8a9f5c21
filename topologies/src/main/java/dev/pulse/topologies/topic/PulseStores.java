package dev.pulse.topologies.topic;

/**
 * Names of the state stores. They never appear in URLs; the read layer maps resources to them.
 * Renaming one orphans its state and changelog, so these are part of the persistent contract.
 */
public final class PulseStores {
    /** Event ids seen recently, per tenant, for de-duplication. */
    public static final String EVENT_IDS = "event-ids";

    /** Hourly engagement buckets per tenant (window store). */
    public static final String ENGAGEMENT_HOURLY = "engagement-hourly";

    /** Daily engagement buckets per tenant (window store). */
    public static final String ENGAGEMENT_DAILY = "engagement-daily";

    /** Current health score per tenant (key-value store). */
    public static final String HEALTH_SCORES = "health-scores";

    /** End-of-day health score per tenant (window store, one window per UTC day). */
    public static final String HEALTH_SCORE_DAILY = "health-score-daily";

    /** Bookkeeping of the health processor per task, e.g. the last closed day. */
    public static final String HEALTH_CHECKPOINTS = "health-checkpoints";

    /** Alert state per (tenant, rule), keyed {@code tenant/rule} (key-value store). */
    public static final String ALERTS = "alerts";

    /**
     * Every alert state change, keyed by tenant at the event time it describes (window store,
     * duplicates kept, two years).
     */
    public static final String ALERT_HISTORY = "alert-history";

    /** Follow-up action items, keyed {@code tenant/followUpId} (key-value store). */
    public static final String FOLLOW_UPS = "follow-ups";

    /**
     * Each user's progress through each funnel, keyed {@code tenant/funnel/user} (key-value store).
     */
    public static final String FUNNEL_PROGRESS = "funnel-progress";

    /** Funnel step tallies per tenant and UTC day (window store of one-day windows). */
    public static final String FUNNEL_DAILY = "funnel-daily";

    /** Each tenant's place in the account journey ({@code JourneyState}, key-value store). */
    public static final String JOURNEYS = "journeys";

    /** The account directory, global: every instance holds every account. */
    public static final String ACCOUNTS = "accounts";

    private PulseStores() {}
}
