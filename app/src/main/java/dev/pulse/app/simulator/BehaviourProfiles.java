package dev.pulse.app.simulator;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * Draws a tenant's behaviour from its archetype's profile: how many seats are in use, how
 * intensely, which features, how many tickets and how happy. Intensities are relative; {@link
 * VolumeCalibration} scales them to the demo's volume.
 */
final class BehaviourProfiles {
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
     * The ranges an archetype's tenants draw their parameters from.
     *
     * @param utilisation engaged users over licensed seats (at the start, for expanding tenants)
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

    private static final Map<Archetype, Profile> PROFILES =
            new EnumMap<>(
                    Map.of(
                            Archetype.STEADY_HEALTHY,
                            new Profile(
                                    new Range(0.62, 0.83),
                                    new Range(0.8, 1.2),
                                    new Range(5, 7),
                                    new Range(2, 4),
                                    new Range(0.2, 0.8),
                                    new Range(7.8, 9.3)),
                            Archetype.LUKEWARM,
                            new Profile(
                                    new Range(0.12, 0.3),
                                    new Range(0.8, 1.1),
                                    new Range(1, 3),
                                    new Range(1, 3),
                                    new Range(0.5, 1.5),
                                    new Range(6.0, 7.5)),
                            Archetype.DECLINING,
                            new Profile(
                                    new Range(0.28, 0.42),
                                    new Range(0.8, 1.1),
                                    new Range(1, 3),
                                    new Range(1, 3),
                                    new Range(3.0, 4.5),
                                    new Range(3.5, 5.0)),
                            Archetype.EXPANDING,
                            new Profile(
                                    new Range(0.8, 0.88),
                                    new Range(1.0, 1.3),
                                    new Range(5, 7),
                                    new Range(2, 4),
                                    new Range(0.2, 0.6),
                                    new Range(8.5, 9.8)),
                            Archetype.IDLE,
                            new Profile(
                                    new Range(0.2, 0.45),
                                    new Range(0.5, 0.8),
                                    new Range(2, 4),
                                    new Range(1, 3),
                                    new Range(0.5, 1.2),
                                    new Range(5.0, 7.0)),
                            Archetype.SUPPORT_HEAVY,
                            new Profile(
                                    new Range(0.38, 0.55),
                                    new Range(0.7, 1.0),
                                    new Range(3, 5),
                                    new Range(1, 3),
                                    new Range(5.0, 9.0),
                                    new Range(2.0, 4.0))));

    private final RandomGenerator random;

    BehaviourProfiles(RandomGenerator random) {
        this.random = random;
    }

    TenantBehaviour behaviour(String tenantId, Archetype archetype, String plan, long seats) {
        Profile profile = PROFILES.get(archetype);
        double utilisation = draw(profile.utilisation());
        double apiShare = "enterprise".equals(plan) ? between(0.25, 0.4) : between(0.1, 0.25);
        if (archetype == Archetype.LUKEWARM) {
            apiShare /= 2; // few integrations yet
        }
        return new TenantBehaviour(
                tenantId,
                archetype,
                seats,
                utilisation,
                draw(profile.intensity()),
                between(0.15, 0.22),
                apiShare,
                features((int) draw(profile.coreFeatures()), (int) draw(profile.otherFeatures())),
                draw(profile.tickets()),
                draw(profile.nps()),
                archetype == Archetype.EXPANDING ? between(1.0, 1.12) : utilisation,
                archetype == Archetype.DECLINING ? between(0.15, 0.3) : 1,
                archetype == Archetype.IDLE ? random.nextInt(10, 21) : 0);
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
