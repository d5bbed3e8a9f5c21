package dev.pulse.access.security;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The people Pulse knows: their role, their scope and whom they report to. Read from {@code
 * config/users.yaml} in the embedded default. Immutable; lookups are case-insensitive.
 *
 * <p>A directory is only built when it is consistent (unique e-mails, known managers, no management
 * cycles, every customer-admin bound to one tenant): a broken file stops Pulse at start with every
 * problem listed, rather than quietly widening or narrowing someone's view.
 */
public final class UserDirectory {
    private final Map<String, DirectoryUser> byEmail;
    private final Map<String, List<String>> directReports;

    private UserDirectory(Map<String, DirectoryUser> byEmail) {
        this.byEmail = Collections.unmodifiableMap(byEmail);
        Map<String, List<String>> reports = new HashMap<>();
        for (DirectoryUser user : byEmail.values()) {
            if (user.manager() != null) {
                reports.computeIfAbsent(user.manager(), m -> new ArrayList<>()).add(user.email());
            }
        }
        this.directReports = reports;
    }

    /** Parses and validates a directory in the YAML form of {@code config/users.yaml}. */
    public static UserDirectory fromYaml(String yaml) {
        return of(UserDirectoryYaml.parse(yaml));
    }

    /** Validates already-built users (tests, other sources); problems name the entry. */
    public static UserDirectory of(List<DirectoryUser> users) {
        List<String> problems = new ArrayList<>();
        Map<String, DirectoryUser> byEmail = new LinkedHashMap<>();
        Map<String, Integer> position = new HashMap<>();
        for (int i = 0; i < users.size(); i++) {
            DirectoryUser user = users.get(i);
            String entry = entry(i, user.email());
            Integer first = position.putIfAbsent(user.email(), i);
            if (first != null) {
                problems.add(entry + ": duplicate e-mail, already used by user #" + (first + 1));
                continue;
            }
            byEmail.put(user.email(), user);
            checkCustomerAdmin(user, entry, problems);
        }
        for (DirectoryUser user : byEmail.values()) {
            if (user.manager() != null && !byEmail.containsKey(user.manager())) {
                problems.add(
                        entry(position.get(user.email()), user.email())
                                + ": manager '"
                                + user.manager()
                                + "' is not in the directory");
            }
        }
        problems.addAll(cycles(byEmail));
        if (!problems.isEmpty()) {
            throw invalid(problems);
        }
        return new UserDirectory(byEmail);
    }

    /** The person who declared this id on a chat platform ({@code chat:} in the directory). */
    public Optional<DirectoryUser> findByChatId(String platform, String id) {
        if (platform == null || id == null) {
            return Optional.empty();
        }
        return byEmail.values().stream()
                .filter(u -> id.equals(u.chatIds().get(platform)))
                .findFirst();
    }

    /** The person with this e-mail, in any letter case. */
    public Optional<DirectoryUser> find(String email) {
        return Optional.ofNullable(byEmail.get(Emails.normalize(email)));
    }

    /**
     * The e-mail itself (lower case) and everyone who reports to that person directly or
     * transitively; just the e-mail for someone unknown or without reports.
     */
    public Set<String> teamOf(String email) {
        String root = Emails.normalize(email);
        Set<String> team = new LinkedHashSet<>();
        if (root == null) {
            return team;
        }
        Deque<String> pending = new ArrayDeque<>(List.of(root));
        while (!pending.isEmpty()) {
            String person = pending.removeFirst();
            if (team.add(person)) {
                pending.addAll(directReports.getOrDefault(person, List.of()));
            }
        }
        return Collections.unmodifiableSet(team);
    }

    /** Everyone, in the order of the file. */
    public List<DirectoryUser> users() {
        return List.copyOf(byEmail.values());
    }

    public int size() {
        return byEmail.size();
    }

    static String entry(int index, String email) {
        return "user #" + (index + 1) + (email == null ? "" : " (" + email + ")");
    }

    static IllegalArgumentException invalid(List<String> problems) {
        return new IllegalArgumentException(
                "invalid user directory ("
                        + problems.size()
                        + (problems.size() == 1 ? " problem" : " problems")
                        + "):\n  "
                        + String.join("\n  ", problems));
    }

    /** A customer-admin is external: exactly their tenant, never more (nor a typo'd other). */
    private static void checkCustomerAdmin(DirectoryUser user, String entry, List<String> out) {
        if (user.role() == Role.CUSTOMER_ADMIN) {
            if (user.tenant() == null) {
                out.add(entry + ": role customer-admin needs 'tenant: <tenant id>'");
            } else if (!user.scope().equals(ScopeSpec.tenant(user.tenant()))) {
                out.add(
                        entry
                                + ": a customer-admin sees only their tenant; scope must be"
                                + " 'tenant:"
                                + user.tenant()
                                + "', not '"
                                + user.scope()
                                + "'");
            }
        } else if (user.tenant() != null) {
            out.add(
                    entry
                            + ": 'tenant' is only for role customer-admin; to limit a "
                            + user.role().label()
                            + " to one tenant write 'scope: tenant:"
                            + user.tenant()
                            + "'");
        }
    }

    /**
     * Each person has at most one manager, so following managers from anyone either ends at the top
     * or runs into a loop. A loop would make "who is in whose team" meaningless.
     */
    private static List<String> cycles(Map<String, DirectoryUser> byEmail) {
        List<String> problems = new ArrayList<>();
        Set<String> done = new HashSet<>();
        for (String start : byEmail.keySet()) {
            List<String> path = new ArrayList<>();
            String person = start;
            while (person != null && !done.contains(person) && byEmail.containsKey(person)) {
                int seen = path.indexOf(person);
                if (seen >= 0) {
                    List<String> loop = new ArrayList<>(path.subList(seen, path.size()));
                    loop.add(person);
                    problems.add("management cycle: " + String.join(" -> ", loop));
                    break;
                }
                path.add(person);
                person = byEmail.get(person).manager();
            }
            done.addAll(path);
        }
        return problems;
    }
}
