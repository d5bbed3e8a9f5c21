package dev.pulse.app.simulator;

import dev.pulse.topologies.account.Account;
import java.time.LocalDate;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * Draws the account record of a simulated tenant: a unique company name and tenant id, plan,
 * licensed seats, revenue and segment. Small accounts are on the starter plan with a handful of
 * seats.
 */
public final class AccountProfiles {
    private final RandomGenerator random;
    private final CompanyNames names;

    public AccountProfiles(RandomGenerator random) {
        this.random = random;
        this.names = new CompanyNames(random);
    }

    /**
     * A new account with a tenant id not handed out before by this instance; its attributes carry
     * the pattern's label.
     */
    public Account next(
            AccountManager owner, UsagePattern pattern, PlanMix mix, LocalDate renewalDate) {
        CompanyNames.Company company = names.next();
        String plan = pattern == UsagePattern.SMALL ? "starter" : mix.draw(random.nextDouble());
        long seats = pattern == UsagePattern.SMALL ? random.nextLong(3, 9) : seats(plan);
        return new Account(
                        company.tenantId(),
                        company.name(),
                        owner.email(),
                        owner.team(),
                        plan,
                        seats,
                        arr(plan, seats),
                        renewalDate,
                        segment(plan))
                .withAttributes(Map.of("pattern", pattern.label()));
    }

    private long seats(String plan) {
        return switch (plan) {
            case "starter" -> random.nextLong(10, 41);
            case "growth" -> 5 * random.nextLong(8, 31);
            default -> 10 * random.nextLong(15, 41);
        };
    }

    private double arr(String plan, long seats) {
        double perSeat =
                switch (plan) {
                    case "starter" -> random.nextDouble(300, 420);
                    case "growth" -> random.nextDouble(480, 660);
                    default -> random.nextDouble(720, 960);
                };
        return Math.round(seats * perSeat / 100) * 100.0;
    }

    private String segment(String plan) {
        double draw = random.nextDouble();
        return switch (plan) {
            case "starter" -> "smb";
            case "growth" -> draw < 0.75 ? "mid-market" : "smb";
            default -> draw < 0.8 ? "enterprise" : "mid-market";
        };
    }
}
