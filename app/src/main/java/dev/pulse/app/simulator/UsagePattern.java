package dev.pulse.app.simulator;

import java.util.Locale;

/**
 * How a tenant behaves over the simulated weeks; its {@link #label()} is the {@code pattern}
 * attribute generated accounts carry. Some patterns are troubled (a churner's fade, an idle
 * account), some grow, and several are traps a churn detector must not flag: calendar cycles, a
 * one-week blip, small noisy accounts and new accounts still ramping up.
 */
public enum UsagePattern {
    /** High seat utilisation (60–85%), broad feature use, good NPS, stable usage. */
    STEADY,
    /** Low adoption: few seats in use, few features; low but stable usage. */
    LUKEWARM,
    /** Growing usage, more than 90% of licensed seats active near the end: an upsell signal. */
    EXPANDING,
    /** A churner: usage fades over weeks (see {@link Fade}), then stops on the churn date. */
    FADE,
    /** The last 3–4 days of every calendar month carry 2–4 times the usual usage. */
    CYCLICAL_MONTH_END,
    /** The last 2–3 weeks of every calendar quarter carry 1.8–2.5 times the usual usage. */
    CYCLICAL_QUARTERLY,
    /** One single week at 35–60% of normal (a team offsite, an outage on their side), once. */
    BLIP,
    /** 2–5 engaged users, noisy from day to day. */
    SMALL,
    /** A new account: no activity before its start, then usage ramps up over 3–6 weeks. */
    RAMP_UP,
    /** Ordinary usage but many support tickets and a low NPS. */
    SUPPORT_HEAVY,
    /** No activity at all for the last 10–20 days (the demo's silence story). */
    IDLE;

    /** The pattern as accounts carry it: lower case, words joined by hyphens. */
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The pattern with this {@link #label()}. */
    public static UsagePattern fromLabel(String label) {
        for (UsagePattern pattern : values()) {
            if (pattern.label().equals(label)) {
                return pattern;
            }
        }
        throw new IllegalArgumentException("no usage pattern '" + label + "'");
    }

    /**
     * True for tenants whose story is that they are quiet: live traffic is not sped up for them.
     */
    public boolean quiet() {
        return this == FADE || this == IDLE;
    }
}
