package dev.pulse.app.simulator;

import dev.pulse.topologies.account.Account;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Builds a {@link DemoCustomerBase}: account managers, accounts dealt to them with plan, seats,
 * revenue and renewal, each tenant's behaviour, and usage calibrated so that the whole base sends
 * about {@link #EVENTS_PER_WEEKDAY_PER_150_TENANTS} events on a weekday.
 */
final class DemoCustomerBaseGenerator {
    /** Total volume on a weekday for the demo's 150 tenants; scales with the tenant count. */
    static final double EVENTS_PER_WEEKDAY_PER_150_TENANTS = 15_000;

    private static final String DOMAIN = "demo.pulse.dev";
    private static final List<DemoTeam> TEAMS =
            List.of(
                    new DemoTeam("east", "Priya Raman", "priya.raman@" + DOMAIN),
                    new DemoTeam("west", "Daniel Novak", "daniel.novak@" + DOMAIN));
    private static final List<String> EAST =
            List.of("Sarah Chen", "David Okafor", "Maria Gonzalez", "James Whitfield");
    private static final List<String> WEST =
            List.of("Aisha Khan", "Tom Becker", "Elena Petrova", "Kenji Watanabe");

    /** The order archetypes are dealt to the managers in, so that every manager has a story. */
    private static final List<Archetype> DEAL_ORDER =
            List.of(
                    Archetype.DECLINING,
                    Archetype.IDLE,
                    Archetype.SUPPORT_HEAVY,
                    Archetype.EXPANDING,
                    Archetype.LUKEWARM,
                    Archetype.STEADY_HEALTHY);

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
        List<AccountManager> managers = accountManagers();
        CompanyNames names = new CompanyNames(random);
        List<Account> accounts = new ArrayList<>();
        List<TenantBehaviour> behaviours = new ArrayList<>();
        Map<Archetype, Integer> counts = counts(tenants);
        int dealt = 0;
        for (Archetype archetype : DEAL_ORDER) {
            for (int i = 0; i < counts.get(archetype); i++, dealt++) {
                // Dealt round-robin, troubled tenants first: each manager's first account is one
                // in trouble that renews soon, and every manager has a mix.
                AccountManager owner = managers.get(dealt % managers.size());
                boolean showcase = dealt < managers.size() && archetype.quiet();
                CompanyNames.Company company = names.next();
                String plan = plan(archetype);
                long seats = seats(plan);
                accounts.add(
                        new Account(
                                company.tenantId(),
                                company.name(),
                                owner.email(),
                                owner.team(),
                                plan,
                                seats,
                                arr(plan, seats),
                                renewal(archetype, showcase),
                                segment(plan)));
                behaviours.add(profiles.behaviour(company.tenantId(), archetype, plan, seats));
            }
        }
        return new DemoCustomerBase(
                anchor,
                accounts,
                managers,
                TEAMS,
                VolumeCalibration.calibrate(
                        behaviours, anchor, EVENTS_PER_WEEKDAY_PER_150_TENANTS * tenants / 150));
    }

    private static List<AccountManager> accountManagers() {
        List<AccountManager> managers = new ArrayList<>();
        for (String name : EAST) {
            managers.add(manager(name, TEAMS.get(0)));
        }
        for (String name : WEST) {
            managers.add(manager(name, TEAMS.get(1)));
        }
        return managers;
    }

    private static AccountManager manager(String name, DemoTeam team) {
        String email = CompanyNames.slug(name).replace('-', '.') + "@" + DOMAIN;
        return new AccountManager(name, email, team.name(), team.managerEmail());
    }

    /** Tenants per archetype: each its share of the base, rounded; support-heavy takes the rest. */
    private static Map<Archetype, Integer> counts(int tenants) {
        Map<Archetype, Integer> counts = new EnumMap<>(Archetype.class);
        int remaining = tenants;
        for (Archetype archetype : Archetype.values()) {
            if (archetype != Archetype.SUPPORT_HEAVY) {
                int count = Math.min(remaining, (int) Math.round(archetype.share() * tenants));
                counts.put(archetype, count);
                remaining -= count;
            }
        }
        counts.put(Archetype.SUPPORT_HEAVY, remaining);
        return counts;
    }

    private String plan(Archetype archetype) {
        double draw = random.nextDouble();
        if (archetype == Archetype.EXPANDING) {
            return draw < 0.45 ? "starter" : draw < 0.9 ? "growth" : "enterprise";
        }
        if (archetype == Archetype.DECLINING) {
            // A large account slipping away is the story worth telling.
            return draw < 0.55 ? "growth" : "enterprise";
        }
        return draw < 0.35 ? "starter" : draw < 0.75 ? "growth" : "enterprise";
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

    private LocalDate renewal(Archetype archetype, boolean soon) {
        if (soon) {
            return today.plusDays(random.nextInt(14, 46));
        }
        if ((archetype == Archetype.DECLINING || archetype == Archetype.LUKEWARM)
                && random.nextDouble() < 0.4) {
            return today.plusDays(random.nextInt(10, 61));
        }
        return today.plusDays(random.nextInt(1, 366));
    }
}
