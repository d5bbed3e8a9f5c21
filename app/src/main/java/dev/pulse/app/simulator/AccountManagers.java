package dev.pulse.app.simulator;

import java.util.ArrayList;
import java.util.List;

/**
 * The account managers of a simulated company, in teams of four. The first eight are the demo's
 * (Sarah Chen first, teams east and west); larger portfolios add more teams.
 */
public final class AccountManagers {
    /** At most this many managers (eight teams). */
    public static final int MAX = 32;

    static final String DOMAIN = "demo.pulse.dev";
    private static final int TEAM_SIZE = 4;

    private static final List<String> TEAMS =
            List.of("east", "west", "north", "south", "central", "pacific", "atlantic", "alpine");
    private static final List<String> LEADS =
            List.of(
                    "Priya Raman",
                    "Daniel Novak",
                    "Grace Mensah",
                    "Lukas Brandt",
                    "Sofia Rossi",
                    "Hiroshi Tanaka",
                    "Fatima Zahra",
                    "Oliver Grant");
    private static final List<String> MANAGERS =
            List.of(
                    "Sarah Chen",
                    "David Okafor",
                    "Maria Gonzalez",
                    "James Whitfield",
                    "Aisha Khan",
                    "Tom Becker",
                    "Elena Petrova",
                    "Kenji Watanabe",
                    "Nora Lindqvist",
                    "Samuel Adeyemi",
                    "Chloe Martin",
                    "Ravi Iyer",
                    "Hannah Schmidt",
                    "Mateo Silva",
                    "Leila Haddad",
                    "Patrick Byrne",
                    "Yuki Sato",
                    "Isabel Costa",
                    "Marek Kowalski",
                    "Amara Nwosu",
                    "Felix Wagner",
                    "Zoe Papadopoulos",
                    "Arjun Mehta",
                    "Ingrid Hansen",
                    "Omar Farouk",
                    "Lucia Romero",
                    "Connor Walsh",
                    "Mei Lin",
                    "Tobias Keller",
                    "Nadia Petrenko",
                    "Victor Dubois",
                    "Ana Ferreira");

    private AccountManagers() {}

    /** The first {@code count} managers (1–{@value #MAX}), four to a team. */
    public static List<AccountManager> roster(int count) {
        if (count < 1 || count > MAX) {
            throw new IllegalArgumentException("1–" + MAX + " managers, got " + count);
        }
        List<AccountManager> managers = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            DemoTeam team = team(i / TEAM_SIZE);
            managers.add(
                    new AccountManager(
                            MANAGERS.get(i),
                            email(MANAGERS.get(i)),
                            team.name(),
                            team.managerEmail()));
        }
        return managers;
    }

    /** The teams of the first {@code count} managers. */
    public static List<DemoTeam> teams(int count) {
        List<DemoTeam> teams = new ArrayList<>();
        for (int i = 0; i * TEAM_SIZE < count; i++) {
            teams.add(team(i));
        }
        return teams;
    }

    private static DemoTeam team(int index) {
        return new DemoTeam(TEAMS.get(index), LEADS.get(index), email(LEADS.get(index)));
    }

    private static String email(String name) {
        return CompanyNames.slug(name).replace('-', '.') + "@" + DOMAIN;
    }
}
