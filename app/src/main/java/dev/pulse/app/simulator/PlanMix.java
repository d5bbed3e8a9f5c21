package dev.pulse.app.simulator;

/**
 * The shares of accounts on each plan; they need not add up to 1 (they are weights).
 *
 * @param starter small teams, 10–40 seats
 * @param growth mid-sized, 40–150 seats
 * @param enterprise large, 150–400 seats
 */
public record PlanMix(double starter, double growth, double enterprise) {
    /** The demo's mix, and a SaaS company's usual one. */
    public static final PlanMix BALANCED = new PlanMix(0.35, 0.40, 0.25);

    public PlanMix {
        if (!(starter >= 0 && growth >= 0 && enterprise >= 0)
                || !(starter + growth + enterprise > 0)) {
            throw new IllegalArgumentException(
                    "plan shares must be zero or more and not all zero: " + this);
        }
    }

    String draw(double uniform) {
        double total = starter + growth + enterprise;
        double draw = uniform * total;
        if (draw < starter) {
            return "starter";
        }
        return draw < starter + growth ? "growth" : "enterprise";
    }
}
