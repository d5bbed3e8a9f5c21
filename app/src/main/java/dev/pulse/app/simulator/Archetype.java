package dev.pulse.app.simulator;

/**
 * How a demo tenant behaves over the simulated weeks. The mix is chosen so that the demo shows
 * every band and every alert: mostly healthy accounts, some lukewarm ones, a few that decline or go
 * silent, a few that outgrow their seats, and a few that keep opening tickets.
 */
public enum Archetype {
    /** High seat utilisation (60–85%), broad feature use, good NPS. */
    STEADY_HEALTHY(0.60),
    /** Low adoption: few seats in use, few features. */
    LUKEWARM(0.15),
    /**
     * Over the last three weeks users drop out, days go by without use and tickets pile up: the
     * last week has 55–80% fewer events than the four before. Ends at risk with falling scores.
     */
    DECLINING(0.08),
    /** Growing usage, more than 90% of licensed seats active: an upsell signal. */
    EXPANDING(0.07),
    /** No activity at all for the last 10–20 days. */
    IDLE(0.05),
    /** Ordinary usage but many support tickets and a low NPS. */
    SUPPORT_HEAVY(0.05);

    private final double share;

    Archetype(double share) {
        this.share = share;
    }

    /** The intended share of tenants; support-heavy takes whatever the others leave. */
    public double share() {
        return share;
    }

    /**
     * True for tenants whose story is that they are quiet: live traffic is not sped up for them.
     */
    public boolean quiet() {
        return this == DECLINING || this == IDLE;
    }
}
