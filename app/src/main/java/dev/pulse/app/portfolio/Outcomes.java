package dev.pulse.app.portfolio;

import dev.pulse.app.simulator.Fade;
import dev.pulse.app.simulator.RampUp;
import dev.pulse.app.simulator.UsageEffect;
import dev.pulse.topologies.account.Account;
import java.time.LocalDate;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Decides how each account's history ends, from its story: a churner churned on its fade's churn
 * date (its contract ran out then or within a month after); a retained account renewed when its
 * yearly renewal fell inside the history, and is otherwise still active; a new account renews a
 * year after it started.
 */
final class Outcomes {
    /**
     * An account's lifecycle outcome and the renewal date its record carries.
     *
     * @param renewalDate the next renewal as of the end of the history (for a churner: the renewal
     *     it did not sign)
     */
    record Outcome(
            String status, LocalDate churnedAt, LocalDate renewedAt, LocalDate renewalDate) {}

    private final RandomGenerator random;
    private final LocalDate firstDay;
    private final LocalDate lastDay;

    Outcomes(RandomGenerator random, LocalDate firstDay, LocalDate lastDay) {
        this.random = random;
        this.firstDay = firstDay;
        this.lastDay = lastDay;
    }

    Outcome of(List<UsageEffect> story) {
        LocalDate renewal = firstDay.plusDays(random.nextInt(0, 365));
        for (UsageEffect effect : story) {
            if (effect instanceof Fade fade) {
                return new Outcome(
                        Account.CHURNED,
                        fade.churnedAt(),
                        null,
                        fade.churnedAt().plusDays(random.nextInt(0, 31)));
            }
            if (effect instanceof RampUp rampUp) {
                renewal = rampUp.start().plusYears(1);
            }
        }
        // Yearly contracts: the last renewal before the end of the history, and the next one.
        LocalDate renewedAt = null;
        while (!renewal.isAfter(lastDay)) {
            renewedAt = renewal;
            renewal = renewal.plusYears(1);
        }
        return renewedAt == null
                ? new Outcome(Account.ACTIVE, null, null, renewal)
                : new Outcome(Account.RENEWED, null, renewedAt, renewal);
    }
}
