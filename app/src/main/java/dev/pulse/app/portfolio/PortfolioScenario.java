package dev.pulse.app.portfolio;

import dev.pulse.app.simulator.PlanMix;
import dev.pulse.app.simulator.UsagePattern;
import io.soabase.recordbuilder.core.RecordBuilder;
import java.time.LocalDate;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a labelled portfolio looks like: how many accounts over how many days, how many of them
 * churn and how fast they fade, which patterns the others follow, holidays, plans and volume. The
 * presets ({@link #preset}) differ in these; any preset takes any seed, and the same scenario
 * always gives the same portfolio. The {@code withSeed(…)}, {@code withDays(…)} … copies come from
 * the generated {@code PortfolioScenarioBuilder}.
 *
 * @param name the preset it came from, for the manifest
 * @param seed every random choice derives from it
 * @param days length of the history; it ends on {@code end}
 * @param end the last day of the history, inclusive
 * @param churnShare share of accounts that fade and churn inside the history
 * @param patternShares weights of the retained accounts' patterns (every pattern but fade and idle)
 * @param fadeMinDays shortest fade (a churner's fade length is drawn from min to max, inclusive)
 * @param fadeMaxDays longest fade; shortened when the history is too short for it
 * @param holidayPeriods portfolio-wide holiday periods of 5–10 days (0–2)
 * @param plans the plan mix of the accounts (small accounts are always on the starter plan)
 * @param volumeScale 1 gives about {@value #EVENTS_PER_ACCOUNT_PER_WEEKDAY} events per account on
 *     an average weekday of the history (the demo's density); volume scales linearly with it
 */
@RecordBuilder
public record PortfolioScenario(
        String name,
        long seed,
        int accounts,
        int days,
        LocalDate end,
        double churnShare,
        Map<UsagePattern, Double> patternShares,
        int fadeMinDays,
        int fadeMaxDays,
        int holidayPeriods,
        PlanMix plans,
        double volumeScale)
        implements PortfolioScenarioBuilder.With {

    /** Every fade starts at least this many days after the history's first day: a baseline. */
    public static final int BASELINE_DAYS = 35;

    /** Events per account on an average weekday at volume scale 1. */
    public static final int EVENTS_PER_ACCOUNT_PER_WEEKDAY = 100;

    /** The presets' last day, so that a preset and a seed fully determine a portfolio. */
    public static final LocalDate DEFAULT_END = LocalDate.of(2026, 10, 31);

    public static final String STANDARD = "standard";
    public static final String HOLIDAYS = "holidays";
    public static final String SMB_NOISY = "smb-noisy";
    public static final String ENTERPRISE = "enterprise";

    /** The presets' names, in the order they are listed. */
    public static final List<String> PRESETS = List.of(STANDARD, HOLIDAYS, SMB_NOISY, ENTERPRISE);

    public PortfolioScenario {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a scenario needs a name");
        }
        if (accounts < 1 || accounts > 100_000) {
            throw new IllegalArgumentException("accounts must be 1–100000, got " + accounts);
        }
        Objects.requireNonNull(end, "end");
        Objects.requireNonNull(plans, "plans");
        if (!(churnShare >= 0 && churnShare <= 1)) {
            throw new IllegalArgumentException("churnShare must be in [0, 1], got " + churnShare);
        }
        if (fadeMinDays < 14 || fadeMaxDays < fadeMinDays) {
            throw new IllegalArgumentException(
                    "fades last at least 14 days, min <= max: " + fadeMinDays + "–" + fadeMaxDays);
        }
        int fewestDays = BASELINE_DAYS + fadeMinDays + 1;
        if (days < fewestDays || days > 3650) {
            throw new IllegalArgumentException(
                    "days must be "
                            + fewestDays
                            + "–3650 for this scenario ("
                            + BASELINE_DAYS
                            + " days of baseline, then the shortest fade), got "
                            + days);
        }
        if (holidayPeriods < 0 || holidayPeriods > 2) {
            throw new IllegalArgumentException("holidayPeriods must be 0–2, got " + holidayPeriods);
        }
        if (!(volumeScale > 0) || Double.isInfinite(volumeScale)) {
            throw new IllegalArgumentException("volumeScale must be positive, got " + volumeScale);
        }
        patternShares = retainedShares(patternShares, churnShare);
    }

    /** The preset of this name ({@link #PRESETS}) with this seed. */
    public static PortfolioScenario preset(String name, long seed) {
        return switch (name) {
            case STANDARD -> standard(seed);
            case HOLIDAYS -> holidays(seed);
            case SMB_NOISY -> smbNoisy(seed);
            case ENTERPRISE -> enterprise(seed);
            default ->
                    throw new IllegalArgumentException(
                            "no scenario '" + name + "'; presets: " + String.join(", ", PRESETS));
        };
    }

    /**
     * 200 accounts over 150 days: 12% churn with fades of 4–10 weeks, one holiday period, and every
     * trap: cycles, blips, small accounts, new accounts ramping up.
     */
    public static PortfolioScenario standard(long seed) {
        return new PortfolioScenario(
                STANDARD,
                seed,
                200,
                150,
                DEFAULT_END,
                0.12,
                shares(0.40, 0.12, 0.08, 0.08, 0.06, 0.08, 0.07, 0.06, 0.05),
                28,
                70,
                1,
                PlanMix.BALANCED,
                1.0);
    }

    /**
     * Like standard, but with two holiday periods and more than twice as many cyclical accounts:
     * the calendar is the trap.
     */
    public static PortfolioScenario holidays(long seed) {
        return new PortfolioScenario(
                HOLIDAYS,
                seed,
                200,
                150,
                DEFAULT_END,
                0.12,
                shares(0.26, 0.10, 0.06, 0.18, 0.16, 0.08, 0.06, 0.05, 0.05),
                28,
                70,
                2,
                PlanMix.BALANCED,
                1.0);
    }

    /**
     * 300 small and mid-sized accounts over 120 days, a third of them tiny and noisy; 15% churn
     * with short fades (4–6 weeks), no holidays, lower volume per account.
     */
    public static PortfolioScenario smbNoisy(long seed) {
        return new PortfolioScenario(
                SMB_NOISY,
                seed,
                300,
                120,
                DEFAULT_END,
                0.15,
                shares(0.22, 0.14, 0.05, 0.05, 0.03, 0.07, 0.33, 0.07, 0.04),
                28,
                42,
                0,
                new PlanMix(0.7, 0.3, 0),
                0.6);
    }

    /**
     * 120 large accounts over 180 days: 8% churn with long fades (6–10 weeks), many quarterly
     * cycles, no small accounts, one holiday period, more volume per account.
     */
    public static PortfolioScenario enterprise(long seed) {
        return new PortfolioScenario(
                ENTERPRISE,
                seed,
                120,
                180,
                DEFAULT_END,
                0.08,
                shares(0.42, 0.08, 0.10, 0.06, 0.14, 0.08, 0, 0.05, 0.07),
                42,
                70,
                1,
                new PlanMix(0, 0.3, 0.7),
                1.6);
    }

    /** The first day of the history. */
    public LocalDate firstDay() {
        return end.minusDays(days - 1L);
    }

    /** Retained patterns' weights in the order of the arguments' names. */
    private static Map<UsagePattern, Double> shares(
            double steady,
            double lukewarm,
            double expanding,
            double monthEnd,
            double quarterly,
            double blip,
            double small,
            double rampUp,
            double supportHeavy) {
        Map<UsagePattern, Double> shares = new EnumMap<>(UsagePattern.class);
        shares.put(UsagePattern.STEADY, steady);
        shares.put(UsagePattern.LUKEWARM, lukewarm);
        shares.put(UsagePattern.EXPANDING, expanding);
        shares.put(UsagePattern.CYCLICAL_MONTH_END, monthEnd);
        shares.put(UsagePattern.CYCLICAL_QUARTERLY, quarterly);
        shares.put(UsagePattern.BLIP, blip);
        shares.put(UsagePattern.SMALL, small);
        shares.put(UsagePattern.RAMP_UP, rampUp);
        shares.put(UsagePattern.SUPPORT_HEAVY, supportHeavy);
        return shares;
    }

    private static Map<UsagePattern, Double> retainedShares(
            Map<UsagePattern, Double> shares, double churnShare) {
        Map<UsagePattern, Double> copy = new EnumMap<>(UsagePattern.class);
        double total = 0;
        for (Map.Entry<UsagePattern, Double> entry : shares.entrySet()) {
            UsagePattern pattern = entry.getKey();
            double weight = entry.getValue();
            if (pattern == UsagePattern.FADE || pattern == UsagePattern.IDLE) {
                throw new IllegalArgumentException(
                        "patternShares are for retained accounts: churners follow churnShare,"
                                + " and idle is the demo's story only; got "
                                + pattern.label());
            }
            if (!(weight >= 0) || Double.isInfinite(weight)) {
                throw new IllegalArgumentException(
                        "the share of " + pattern.label() + " must be zero or more");
            }
            if (weight > 0) {
                copy.put(pattern, weight);
                total += weight;
            }
        }
        if (total == 0 && churnShare < 1) {
            throw new IllegalArgumentException("patternShares needs at least one positive weight");
        }
        return Collections.unmodifiableMap(copy);
    }
}
