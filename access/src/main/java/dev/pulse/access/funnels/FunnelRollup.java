package dev.pulse.access.funnels;

import dev.pulse.topologies.funnel.ConversionTimes;
import dev.pulse.topologies.funnel.Funnel;
import dev.pulse.topologies.funnel.FunnelDay;
import dev.pulse.topologies.funnel.StepTally;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The arithmetic of funnel reports: daily tallies summed into step totals over a period and a set
 * of accounts, conversions from them, and the step where one account falls furthest behind others.
 *
 * <p>Steps count on the day they were reached, so over a period a later step may include users who
 * entered before it; conversions are therefore capped at 1.
 */
public final class FunnelRollup {
    /** A stall must be at least this much lower conversion than the comparison (10 points). */
    static final double MIN_SHORTFALL = 0.10;

    /** ... and rest on at least this many users at the step before, or it is noise. */
    static final long MIN_USERS = 5;

    private final Funnel funnel;
    private final long[] users;
    private final long[][] hours;

    public FunnelRollup(Funnel funnel) {
        this.funnel = funnel;
        int steps = funnel.steps().size();
        this.users = new long[steps];
        this.hours = new long[steps][ConversionTimes.BUCKETS];
    }

    /** Adds days of one or more accounts; tallies of other funnels are ignored. */
    public FunnelRollup add(Collection<FunnelDay> days) {
        for (FunnelDay day : days) {
            List<StepTally> steps = day.steps(funnel.id());
            for (int i = 0; i < steps.size() && i < users.length; i++) {
                StepTally step = steps.get(i);
                users[i] += step.users();
                long[] counts = step.hours();
                long[] sum = hours[i];
                for (int b = 0; b < sum.length; b++) {
                    sum[b] += counts[b];
                }
            }
        }
        return this;
    }

    /** The steps of the funnel with their totals, in order. */
    public List<StepResult> steps() {
        List<StepResult> result = new ArrayList<>(users.length);
        for (int i = 0; i < users.length; i++) {
            double conversion = i == 0 ? (users[0] > 0 ? 1.0 : 0.0) : ratio(users[i], users[i - 1]);
            double overall = ratio(users[i], users[0]);
            Double median = i == 0 ? null : ConversionTimes.medianHours(hours[i]);
            result.add(
                    new StepResult(
                            funnel.steps().get(i).id(),
                            funnel.steps().get(i).label(),
                            users[i],
                            round(conversion, 1000),
                            round(overall, 1000),
                            median == null ? null : round(median, 10)));
        }
        return result;
    }

    /**
     * The id of the step whose conversion falls furthest below the comparison's, when it falls at
     * least {@link #MIN_SHORTFALL} below and the account had at least {@link #MIN_USERS} users at
     * the step before; null when nothing stands out.
     */
    public static String stallStep(List<StepResult> account, List<StepResult> comparison) {
        String stall = null;
        double largest = MIN_SHORTFALL - 1e-9;
        for (int i = 1; i < account.size() && i < comparison.size(); i++) {
            if (account.get(i - 1).users() < MIN_USERS || comparison.get(i - 1).users() == 0) {
                continue;
            }
            double shortfall = comparison.get(i).conversion() - account.get(i).conversion();
            if (shortfall > largest) {
                largest = shortfall;
                stall = account.get(i).id();
            }
        }
        return stall;
    }

    private static double ratio(long part, long whole) {
        return whole == 0 ? 0.0 : Math.min(1.0, part / (double) whole);
    }

    private static double round(double value, int scale) {
        return Math.round(value * scale) / (double) scale;
    }
}
