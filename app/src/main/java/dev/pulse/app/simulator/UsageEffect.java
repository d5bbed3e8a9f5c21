package dev.pulse.app.simulator;

import java.time.LocalDate;

/**
 * Something that changes a tenant's usage on some days: a churner's fade, growth, silence, a
 * ramp-up, calendar peaks, a dip (a blip, a holiday) or day-to-day noise. Effects are functions of
 * the date alone, so any day can be generated on its own, and live traffic after the demo's anchor
 * simply continues them.
 */
public sealed interface UsageEffect
        permits Fade, Growth, Silence, RampUp, PeriodEndPeak, Dip, DailyNoise {

    /** How this effect changes the tenant's usage on a UTC day. */
    DayLevel on(LocalDate day);

    /**
     * The most engaged users this effect ever asks for, relative to the tenant's normal; it sizes
     * the tenant's pool of user ids.
     */
    default double peakUsers() {
        return 1;
    }
}
