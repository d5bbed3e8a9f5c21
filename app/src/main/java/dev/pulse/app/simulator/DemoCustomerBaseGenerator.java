package dev.pulse.app.simulator;

import dev.pulse.topologies.account.Account;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Builds a {@link DemoCustomerBase}: account managers, accounts dealt to them with plan, seats,
 * revenue and renewal, each tenant's pattern and its dated story, and usage calibrated so that the
 * whole base sends about {@link #EVENTS_PER_WEEKDAY_PER_150_TENANTS} events on a weekday.
 *
 * <p>Stories are placed around the anchor: churners are fading now and leave 7–40 days after it,
 * idle tenants went silent 10–20 days before it, a blip is over a week or more before it (so it
 * sits in the baseline rather than in the week being judged), new accounts started 20–55 days
 * before it.
 */
final class DemoCustomerBaseGenerator {
    /** Total volume on a weekday for the demo's 150 tenants; scales with the tenant count. */
    static final double EVENTS_PER_WEEKDAY_PER_150_TENANTS = 15_000;

    /** Account managers of the demo: two teams of four. */
    static final int MANAGERS = 8;

    /**
     * The demo's mix, in the order patterns are dealt to the managers, troubled ones first, so that
     * every manager has a story; support-heavy takes whatever the others leave.
     */
    private static final Map<UsagePattern, Double> DEAL_ORDER = new LinkedHashMap<>();

    static {
        DEAL_ORDER.put(UsagePattern.FADE, 0.08);
        DEAL_ORDER.put(UsagePattern.IDLE, 0.05);
        DEAL_ORDER.put(UsagePattern.SUPPORT_HEAVY, null);
        DEAL_ORDER.put(UsagePattern.EXPANDING, 0.07);
        DEAL_ORDER.put(UsagePattern.BLIP, 0.04);
        DEAL_ORDER.put(UsagePattern.CYCLICAL_MONTH_END, 0.05);
        DEAL_ORDER.put(UsagePattern.CYCLICAL_QUARTERLY, 0.04);
        DEAL_ORDER.put(UsagePattern.SMALL, 0.04);
        DEAL_ORDER.put(UsagePattern.RAMP_UP, 0.03);
        DEAL_ORDER.put(UsagePattern.LUKEWARM, 0.12);
        DEAL_ORDER.put(UsagePattern.STEADY, 0.44);
    }

    /** A large account slipping away is the story worth telling. */
    private static final PlanMix FADING_PLANS = new PlanMix(0, 0.55, 0.45);

    private static final PlanMix EXPANDING_PLANS = new PlanMix(0.45, 0.45, 0.1);

    private final int tenants;
    private final Instant anchor;
    private final LocalDate today;
    private final SplittableRandom random;
    private final BehaviourProfiles profiles;

    DemoCustomerBaseGenerator(long seed, int tenants, Instant anchor) {
        if (tenants < 1) {
            throw new IllegalArgumentException("tenants must be at least 1, got " + tenants);
        }
        this.tenants = tenants;
        this.anchor = anchor;
        this.today = LocalDate.ofInstant(anchor, ZoneOffset.UTC);
        this.random = new RandomStreams(seed).stream(0xC05703E5L);
        this.profiles = new BehaviourProfiles(random);
    }

    DemoCustomerBase generate() {
        List<AccountManager> managers = AccountManagers.roster(MANAGERS);
        AccountProfiles accountProfiles = new AccountProfiles(random);
        List<Account> accounts = new ArrayList<>();
        List<TenantBehaviour> behaviours = new ArrayList<>();
        Map<UsagePattern, Integer> counts = counts(tenants);
        int dealt = 0;
        for (UsagePattern pattern : DEAL_ORDER.keySet()) {
            for (int i = 0; i < counts.get(pattern); i++, dealt++) {
                // Dealt round-robin, troubled tenants first: each manager's first account is one
                // in trouble that renews soon, and every manager has a mix.
                AccountManager owner = managers.get(dealt % managers.size());
                boolean showcase = dealt < managers.size() && pattern.quiet();
                List<UsageEffect> effects = story(pattern, showcase);
                Account account =
                        accountProfiles.next(
                                owner, pattern, plans(pattern), renewal(pattern, effects));
                accounts.add(account);
                behaviours.add(
                        profiles.behaviour(
                                account.tenantId(),
                                pattern,
                                account.plan(),
                                account.licensedSeats(),
                                effects));
            }
        }
        return new DemoCustomerBase(
                anchor,
                accounts,
                managers,
                AccountManagers.teams(MANAGERS),
                VolumeCalibration.calibrate(
                        behaviours,
                        VolumeCalibration.daysBefore(today),
                        EVENTS_PER_WEEKDAY_PER_150_TENANTS * tenants / 150));
    }

    /** Tenants per pattern: each its share of the base, rounded; support-heavy takes the rest. */
    private static Map<UsagePattern, Integer> counts(int tenants) {
        Map<UsagePattern, Integer> counts = new LinkedHashMap<>();
        int remaining = tenants;
        for (Map.Entry<UsagePattern, Double> entry : DEAL_ORDER.entrySet()) {
            if (entry.getValue() != null) {
                int count = Math.min(remaining, (int) Math.round(entry.getValue() * tenants));
                counts.put(entry.getKey(), count);
                remaining -= count;
            }
        }
        counts.put(UsagePattern.SUPPORT_HEAVY, remaining);
        return counts;
    }

    /** The dated effects of a tenant's story, placed around the anchor. */
    private List<UsageEffect> story(UsagePattern pattern, boolean showcase) {
        return switch (pattern) {
            case FADE -> List.of(fade(showcase));
            case IDLE -> List.of(new Silence(today.minusDays(random.nextInt(10, 21))));
            case EXPANDING -> List.of(Growth.draw(random, today.minusDays(60), today));
            case CYCLICAL_MONTH_END -> List.of(PeriodEndPeak.monthEnd(random));
            case CYCLICAL_QUARTERLY -> List.of(PeriodEndPeak.quarterEnd(random));
            case BLIP -> List.of(Dip.blip(random, today.minusDays(random.nextInt(15, 29))));
            case SMALL -> List.of(DailyNoise.draw(random));
            case RAMP_UP -> List.of(RampUp.draw(random, today.minusDays(random.nextInt(20, 56))));
            case STEADY, LUKEWARM, SUPPORT_HEAVY -> List.of();
        };
    }

    /**
     * A fade under way at the anchor: it leaves 7–40 days later, it started 7–35 days before (so a
     * 75-day replay still shows weeks of normal usage first), and it lasts 28–70 days in all. A
     * showcase fade is well advanced, leaving within two weeks after three or more weeks of fading,
     * so that the demo opens on an account in visible trouble.
     */
    private Fade fade(boolean showcase) {
        int remaining = showcase ? random.nextInt(7, 15) : random.nextInt(7, 41);
        int fewest = Math.max(showcase ? 21 : 7, 28 - remaining);
        int elapsed = random.nextInt(fewest, Math.min(35, 70 - remaining) + 1);
        return Fade.draw(random, today.minusDays(elapsed), today.plusDays(remaining));
    }

    private static PlanMix plans(UsagePattern pattern) {
        return switch (pattern) {
            case FADE -> FADING_PLANS;
            case EXPANDING -> EXPANDING_PLANS;
            default -> PlanMix.BALANCED;
        };
    }

    private LocalDate renewal(UsagePattern pattern, List<UsageEffect> effects) {
        for (UsageEffect effect : effects) {
            if (effect instanceof Fade fade) {
                return fade.churnedAt(); // the renewal they will not sign
            }
            if (effect instanceof RampUp rampUp) {
                return rampUp.start().plusYears(1); // a new account's first renewal
            }
        }
        if (pattern == UsagePattern.LUKEWARM && random.nextDouble() < 0.4) {
            return today.plusDays(random.nextInt(10, 61));
        }
        return today.plusDays(random.nextInt(1, 366));
    }
}
