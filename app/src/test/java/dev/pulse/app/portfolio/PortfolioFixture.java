package dev.pulse.app.portfolio;

import dev.pulse.app.simulator.TenantBehaviour;
import dev.pulse.app.simulator.UsagePattern;
import dev.pulse.topologies.account.Account;
import dev.pulse.topologies.event.UsageEvent;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One standard portfolio (120 accounts over 120 days, about a million events) generated once per
 * test JVM and summarised while its events stream by, so that the tests share one pass.
 */
final class PortfolioFixture {
    static final PortfolioScenario SCENARIO =
            PortfolioScenario.standard(5).withAccounts(120).withDays(120);

    private static PortfolioFixture instance;

    final LabelledPortfolio portfolio;
    final int days;

    /** Events per tenant and day of the history (index 0 is the first day). */
    final Map<String, long[]> eventsPerDay = new HashMap<>();

    final long[] portfolioPerDay;
    final Map<String, Set<String>> users = new HashMap<>();
    final Map<String, Set<String>> usersInLast14Days = new HashMap<>();
    long events;
    long outOfOrder;

    private PortfolioFixture() {
        portfolio = PortfolioGenerator.generate(SCENARIO);
        days = SCENARIO.days();
        portfolioPerDay = new long[days];
        for (Account account : portfolio.accounts()) {
            eventsPerDay.put(account.tenantId(), new long[days]);
        }
        long first = portfolio.firstDay().toEpochDay();
        long last14 = portfolio.lastDay().minusDays(13).toEpochDay();
        long[] previous = {Long.MIN_VALUE};
        portfolio.forEachEvent(
                event -> {
                    long time = event.timestamp().toEpochMilli();
                    if (time < previous[0]) {
                        outOfOrder++;
                    }
                    previous[0] = time;
                    events++;
                    long day = day(event);
                    int index = (int) (day - first);
                    eventsPerDay.get(event.tenantId())[index]++;
                    portfolioPerDay[index]++;
                    users.computeIfAbsent(event.tenantId(), t -> new HashSet<>())
                            .add(event.userId());
                    if (day >= last14) {
                        usersInLast14Days
                                .computeIfAbsent(event.tenantId(), t -> new HashSet<>())
                                .add(event.userId());
                    }
                });
    }

    static synchronized PortfolioFixture get() {
        if (instance == null) {
            instance = new PortfolioFixture();
        }
        return instance;
    }

    static long day(UsageEvent event) {
        return LocalDate.ofInstant(event.timestamp(), ZoneOffset.UTC).toEpochDay();
    }

    int index(LocalDate day) {
        return (int) (day.toEpochDay() - portfolio.firstDay().toEpochDay());
    }

    /** A tenant's events on the days from {@code from} (inclusive) to {@code to} (exclusive). */
    long events(String tenant, LocalDate from, LocalDate to) {
        long[] perDay = eventsPerDay.get(tenant);
        long sum = 0;
        for (int i = Math.max(0, index(from)); i < Math.min(days, index(to)); i++) {
            sum += perDay[i];
        }
        return sum;
    }

    List<Account> accountsOf(UsagePattern pattern) {
        return portfolio.accounts().stream()
                .filter(a -> a.attributes().get("pattern").equals(pattern.label()))
                .toList();
    }

    TenantBehaviour behaviour(String tenant) {
        return portfolio.behaviours().stream()
                .filter(b -> b.tenantId().equals(tenant))
                .findFirst()
                .orElseThrow();
    }

    boolean holiday(LocalDate day) {
        return portfolio.holidays().stream().anyMatch(h -> h.covers(day));
    }
}
