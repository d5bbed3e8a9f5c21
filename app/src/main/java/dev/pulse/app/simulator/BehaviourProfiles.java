package dev.pulse.app.simulator;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * Draws a tenant's behaviour from its pattern's profile: how many seats are in use, how intensely,
 * which features, how many tickets and how happy. Intensities are relative; {@link
 * VolumeCalibration} scales them to a target volume. Churners look like ordinary accounts before
 * their fade (a little less happy, a few more tickets), so that only their usage gives them away.
 */
public final class BehaviourProfiles {
    static final List<String> CORE_FEATURES =
            List.of("dashboards", "reports", "alerts", "integrations", "exports", "automations");
    static final List<String> OTHER_FEATURES =
            List.of(
                    "search",
                    "comments",
                    "settings",
                    "mobile_app",
                    "custom_fields",
                    "templates",
                    "calendar",
                    "sso_admin");

    /**
     * The ranges a pattern's tenants draw their parameters from.
     *
     * @param utilisation engaged users over licensed seats (at the start, for expanding tenants);
     *     small accounts count users instead
     * @param intensity relative usage per engaged user, before calibration
     * @param coreFeatures how many of the six core features (drawn from low to high - 1)
     * @param otherFeatures how many non-core features (likewise)
     * @param tickets support tickets opened per 10 seats a month
     * @param nps mean NPS answer
     */
    private record Profile(
            Range utilisation,
            Range intensity,
            Range coreFeatures,
            Range otherFeatures,
            Range tickets,
            Range nps) {}

    private record Range(double low, double high) {}

    private static final Profile STEADY =
            new Profile(
                    new Range(0.62, 0.83),
                    new Range(0.8, 1.2),
                    new Range(5, 7),
                    new Range(2, 4),
                    new Range(0.2, 0.8),
                    new Range(7.8, 9.3));

    /** Healthy accounts whose story is their calendar (cycles, a blip) or their start. */
    private static final Profile ORDINARY =
            new Profile(
                    new Range(0.45, 0.8),
                    new Range(0.8, 1.2),
                    new Range(4, 7),
                    new Range(1, 4),
                    new Range(0.3, 1.0),
                    new Range(7.0, 9.0));

    private static final Map<UsagePattern, Profile> PROFILES = new EnumMap<>(UsagePattern.class);

    static {
        PROFILES.put(UsagePattern.STEADY, STEADY);
        PROFILES.put(
                UsagePattern.LUKEWARM,
                new Profile(
                        new Range(0.12, 0.3),
                        new Range(0.8, 1.1),
                        new Range(1, 3),
                        new Range(1, 3),
                        new Range(0.5, 1.5),
                        new Range(6.0, 7.5)));
        PROFILES.put(
                UsagePattern.EXPANDING,
                new Profile(
                        new Range(0.8, 0.88),
                        new Range(1.0, 1.3),
                        new Range(5, 7),
                        new Range(2, 4),
                        new Range(0.2, 0.6),
                        new Range(8.5, 9.8)));
        PROFILES.put(
                UsagePattern.FADE,
                new Profile(
                        new Range(0.35, 0.7),
                        new Range(0.8, 1.1),
                        new Range(3, 6),
                        new Range(1, 3),
                        new Range(0.6, 1.8),
                        new Range(5.5, 7.8)));
        PROFILES.put(UsagePattern.CYCLICAL_MONTH_END, ORDINARY);
        PROFILES.put(UsagePattern.CYCLICAL_QUARTERLY, ORDINARY);
        PROFILES.put(UsagePattern.BLIP, ORDINARY);
        PROFILES.put(UsagePattern.RAMP_UP, ORDINARY);
        PROFILES.put(
                UsagePattern.SMALL,
                new Profile(
                        new Range(2, 6),
                        new Range(0.8, 1.3),
                        new Range(2, 5),
                        new Range(1, 3),
                        new Range(0.5, 2.0),
                        new Range(6.5, 9.0)));
        PROFILES.put(
                UsagePattern.IDLE,
                new Profile(
                        new Range(0.2, 0.45),
                        new Range(0.5, 0.8),
                        new Range(2, 4),
                        new Range(1, 3),
                        new Range(0.5, 1.2),
                        new Range(5.0, 7.0)));
        PROFILES.put(
                UsagePattern.SUPPORT_HEAVY,
                new Profile(
                        new Range(0.38, 0.55),
                        new Range(0.7, 1.0),
                        new Range(3, 5),
                        new Range(1, 3),
                        new Range(5.0, 9.0),
                        new Range(2.0, 4.0)));
    }

    private final RandomGenerator random;

    public BehaviourProfiles(RandomGenerator random) {
        this.random = random;
    }

    /**
     * A tenant of this pattern, before volume calibration.
     *
     * @param effects its dated story (fade, growth, peaks, holidays…), which the caller draws
     */
    public TenantBehaviour behaviour(
            String tenantId,
            UsagePattern pattern,
            String plan,
            long seats,
            List<UsageEffect> effects) {
        Profile profile = PROFILES.get(pattern);
        double utilisation =
                pattern == UsagePattern.SMALL
                        ? Math.min(seats, (int) draw(profile.utilisation())) / (double) seats
                        : draw(profile.utilisation());
        double apiShare = "enterprise".equals(plan) ? between(0.25, 0.4) : between(0.1, 0.25);
        if (pattern == UsagePattern.LUKEWARM) {
            apiShare /= 2; // few integrations yet
        }
        return new TenantBehaviour(
                tenantId,
                pattern,
                seats,
                utilisation,
                draw(profile.intensity()),
                between(0.15, 0.22),
                apiShare,
                features((int) draw(profile.coreFeatures()), (int) draw(profile.otherFeatures())),
                draw(profile.tickets()),
                draw(profile.nps()),
                effects);
    }

    private double draw(Range range) {
        return random.nextDouble(range.low(), range.high());
    }

    private double between(double low, double high) {
        return random.nextDouble(low, high);
    }

    private List<String> features(int core, int other) {
        List<String> coreOrder = new ArrayList<>(CORE_FEATURES);
        shuffle(coreOrder);
        List<String> otherOrder = new ArrayList<>(OTHER_FEATURES);
        shuffle(otherOrder);
        List<String> features = new ArrayList<>(coreOrder.subList(0, Math.min(core, 6)));
        // Non-core features go after the first two core ones: used, but not the main thing.
        features.addAll(Math.min(2, features.size()), otherOrder.subList(0, other));
        return features;
    }

    /** Fisher–Yates with the seeded stream ({@code Collections.shuffle} wants a {@code Random}). */
    private <T> void shuffle(List<T> list) {
        for (int i = list.size() - 1; i > 0; i--) {
            Collections.swap(list, i, random.nextInt(i + 1));
        }
    }
}
