package dev.pulse.app.simulator;

import java.util.List;
import java.util.SplittableRandom;

/**
 * How far each simulated user gets along the shipped "Reporting adoption" funnel (config/
 * funnels.yaml: login, reports, exports, integrations), so the demo's funnels show drop-off that
 * differs by customer. Every user of a tenant passes each step with a base chance; a tenant may
 * have one step where most of its users stall. A user who has not passed a step never uses that
 * step's feature or the ones after it: such a feature use becomes the tenant's most used feature
 * off the path instead.
 *
 * <p>Only the feature of an event changes, never how many events there are or when, and the choice
 * draws from streams of its own (keyed by tenant and user), so the traffic's volume and every other
 * random draw stay as they were. The first users of every tenant ({@link #CHAMPIONS}, always among
 * its engaged users) go all the way, so a tenant keeps using every feature it has and its breadth
 * (core features used) stays as it was.
 */
final class FunnelAdoption {
    /** The funnel's feature steps after the login, in order. */
    static final List<String> PATH = List.of("reports", "exports", "integrations");

    /** Chance that a user passes each step of {@link #PATH}. */
    static final double[] PASS = {0.8, 0.65, 0.55};

    /** Chance of passing the step a tenant stalls at. */
    static final double STALLED_PASS = 0.12;

    /** Share of tenants whose users stall at one step, each step alike. */
    static final double STALLING_TENANTS = 0.45;

    /** Share of a tenant's users, and at least one, who pass every step: its champions. */
    static final double CHAMPIONS = 0.1;

    private static final long SALT = 0xF0AAE1L;

    private final RandomStreams streams;

    FunnelAdoption(RandomStreams streams) {
        this.streams = streams;
    }

    /** The step of {@link #PATH} where the tenant's users stall, or -1. */
    int stallStep(int tenantIndex) {
        SplittableRandom random = streams.stream(SALT, tenantIndex);
        return random.nextDouble() < STALLING_TENANTS ? random.nextInt(PATH.size()) : -1;
    }

    /** How many steps of {@link #PATH} each of the tenant's users passes. */
    byte[] depths(int tenantIndex, int users) {
        int stall = stallStep(tenantIndex);
        byte[] depths = new byte[users];
        int champions = Math.max(1, (int) Math.round(users * CHAMPIONS));
        for (int user = 0; user < users; user++) {
            if (user < champions) {
                depths[user] = (byte) PATH.size();
                continue;
            }
            SplittableRandom random = streams.stream(SALT, tenantIndex, user);
            int depth = 0;
            while (depth < PATH.size()
                    && random.nextDouble() < (depth == stall ? STALLED_PASS : PASS[depth])) {
                depth++;
            }
            depths[user] = (byte) depth;
        }
        return depths;
    }

    /**
     * The feature a user with {@code depth} uses instead of {@code feature}: itself unless it is a
     * step the user has not reached, else the first of the tenant's features off those steps (the
     * feature itself when there is none).
     */
    static String featureFor(String feature, int depth, List<String> tenantFeatures) {
        int step = PATH.indexOf(feature);
        if (step < 0 || step < depth) {
            return feature;
        }
        for (String other : tenantFeatures) {
            int otherStep = PATH.indexOf(other);
            if (otherStep < 0 || otherStep < depth) {
                return other;
            }
        }
        return feature;
    }
}
