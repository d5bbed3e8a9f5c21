package dev.pulse.access.security;

import static dev.pulse.access.security.RecordingStateReader.account;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pulse.streams.read.TenantStateReader.Granularity;
import dev.pulse.topologies.account.Account;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Random organisations (management trees), random account ownerships and random callers: what
 * {@link AuthorizedStateReader} lets through must be exactly what a brute-force oracle, written
 * from the rules and not from {@link AccessPolicy}, allows.
 */
class AuthorizationPropertyTest {
    private static final Instant FROM = Instant.parse("2025-01-01T00:00:00Z");
    private static final Instant TO = Instant.parse("2025-02-01T00:00:00Z");
    private static final String STRANGER = "stranger@elsewhere.test";
    private static final String NO_RECORD = "no-record";
    private static final String UNKNOWN = "unknown-tenant";

    /** One generated situation; {@code managers[i]} is the index of i's manager or -1. */
    record World(
            List<String> emails,
            List<Integer> managers,
            List<Account> accounts,
            Principal principal) {

        UserDirectory directory() {
            List<DirectoryUser> users = new ArrayList<>();
            for (int i = 0; i < emails.size(); i++) {
                int m = managers.get(i);
                users.add(
                        new DirectoryUser(
                                emails.get(i),
                                null,
                                Role.VIEWER,
                                ScopeSpec.OWN,
                                m < 0 ? null : emails.get(m),
                                null));
            }
            return UserDirectory.of(users);
        }

        List<String> candidateTenants() {
            List<String> tenants =
                    new ArrayList<>(accounts.stream().map(Account::tenantId).toList());
            tenants.add(NO_RECORD);
            tenants.add(UNKNOWN);
            return tenants;
        }
    }

    @Property(tries = 1000)
    void accountsAreExactlyWhatTheOracleAllows(@ForAll("worlds") World world) {
        RecordingStateReader data =
                new RecordingStateReader(world.accounts(), scoredTenants(world));
        AuthorizedStateReader reader =
                new AuthorizedStateReader(
                        data,
                        new AccessPolicy(world.directory(), data::lookup)
                                .scopeFor(world.principal()));

        Set<String> expected =
                world.accounts().stream()
                        .map(Account::tenantId)
                        .filter(t -> Oracle.allowsTenant(world, t))
                        .collect(Collectors.toSet());
        assertThat(reader.accounts().stream().map(Account::tenantId).collect(Collectors.toSet()))
                .isEqualTo(expected);
    }

    @Property(tries = 1000)
    void singleTenantReadsOutsideTheOracleAlwaysThrow(@ForAll("worlds") World world) {
        RecordingStateReader data =
                new RecordingStateReader(world.accounts(), scoredTenants(world));
        AccessScope scope =
                new AccessPolicy(world.directory(), data::lookup).scopeFor(world.principal());
        AuthorizedStateReader reader = new AuthorizedStateReader(data, scope);

        for (String tenant : world.candidateTenants()) {
            if (Oracle.allowsTenant(world, tenant)) {
                reader.currentScore(tenant);
                reader.account(tenant);
                continue;
            }
            int callsBefore = data.calls().size();
            assertThatThrownBy(() -> reader.currentScore(tenant))
                    .isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> reader.dailyScores(tenant, FROM, TO))
                    .isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> reader.engagement(tenant, Granularity.DAY, FROM, TO))
                    .isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> reader.engagementTotals(tenant, FROM, TO))
                    .isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> reader.engagementTotalsSince(tenant, List.of(FROM), TO))
                    .isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> reader.account(tenant))
                    .isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> reader.alertHistory(tenant, FROM, TO))
                    .isInstanceOf(AccessDeniedException.class);
            assertThat(data.calls()).hasSize(callsBefore);
        }

        Set<String> expectedScores =
                world.candidateTenants().stream()
                        .filter(t -> !t.equals(UNKNOWN) && Oracle.allowsTenant(world, t))
                        .collect(Collectors.toSet());
        assertThat(reader.currentScores(world.candidateTenants()).keySet())
                .isEqualTo(expectedScores);
    }

    @Property(tries = 1000)
    void portfoliosAreExactlyWhatTheOracleAllows(@ForAll("worlds") World world) {
        AccessScope scope =
                new AccessPolicy(world.directory(), t -> java.util.Optional.empty())
                        .scopeFor(world.principal());
        List<String> owners = new ArrayList<>(world.emails());
        owners.add(STRANGER);
        for (String owner : owners) {
            assertThat(scope.allowsOwner(owner.toUpperCase(Locale.ROOT)))
                    .as("portfolio of %s", owner)
                    .isEqualTo(Oracle.allowsOwner(world, owner));
        }
    }

    private static Set<String> scoredTenants(World world) {
        Set<String> scored =
                new HashSet<>(world.accounts().stream().map(Account::tenantId).toList());
        scored.add(NO_RECORD);
        return scored;
    }

    /** The rules, spelt out by brute force over the generated world. */
    static final class Oracle {
        static boolean allowsTenant(World world, String tenant) {
            Principal p = world.principal();
            if (p.role() == Role.INGEST) {
                return false;
            }
            if (p.role() == Role.CUSTOMER_ADMIN && p.scope().kind() != ScopeSpec.Kind.TENANT) {
                return false;
            }
            return switch (p.scope().kind()) {
                case ALL -> true;
                case NONE -> false;
                case TENANT -> p.scope().tenantId().equals(tenant);
                case OWN, TEAM -> {
                    Account account =
                            world.accounts().stream()
                                    .filter(a -> a.tenantId().equals(tenant))
                                    .findFirst()
                                    .orElse(null);
                    yield account != null && allowsOwner(world, account.owner());
                }
            };
        }

        static boolean allowsOwner(World world, String owner) {
            Principal p = world.principal();
            if (p.role() == Role.INGEST || owner == null) {
                return false;
            }
            if (p.role() == Role.CUSTOMER_ADMIN && p.scope().kind() != ScopeSpec.Kind.TENANT) {
                return false;
            }
            return switch (p.scope().kind()) {
                case ALL -> true;
                case NONE, TENANT -> false;
                case OWN -> p.email() != null && owner.equalsIgnoreCase(p.email());
                case TEAM -> p.email() != null && reportsTo(world, owner, p.email());
            };
        }

        /** Walks up from {@code person} through managers, looking for {@code boss}. */
        private static boolean reportsTo(World world, String person, String boss) {
            Map<String, Integer> index = new HashMap<>();
            for (int i = 0; i < world.emails().size(); i++) {
                index.put(world.emails().get(i), i);
            }
            String current = person.toLowerCase(Locale.ROOT);
            for (int steps = 0; current != null && steps <= world.emails().size(); steps++) {
                if (current.equalsIgnoreCase(boss)) {
                    return true;
                }
                Integer i = index.get(current);
                current =
                        i == null || world.managers().get(i) < 0
                                ? null
                                : world.emails().get(world.managers().get(i));
            }
            return false;
        }
    }

    @Provide
    Arbitrary<World> worlds() {
        return Arbitraries.integers()
                .between(1, 10)
                .flatMap(
                        people ->
                                Arbitraries.integers()
                                        .between(0, 12)
                                        .flatMap(tenants -> world(people, tenants)));
    }

    private static Arbitrary<World> world(int people, int tenants) {
        List<String> emails =
                IntStream.range(0, people).mapToObj(i -> "p" + i + "@x.test").toList();
        // Managers only point to earlier people, so every generated organisation is a forest.
        Arbitrary<List<Integer>> managers =
                Arbitraries.integers()
                        .between(-1, people)
                        .list()
                        .ofSize(people)
                        .map(
                                raw ->
                                        IntStream.range(0, people)
                                                .mapToObj(
                                                        i ->
                                                                i == 0 || raw.get(i) < 0
                                                                        ? -1
                                                                        : raw.get(i) % i)
                                                .toList());
        List<String> tenantIds = IntStream.range(0, tenants).mapToObj(i -> "t" + i).toList();
        Arbitrary<List<Account>> accounts =
                person(emails, true)
                        .list()
                        .ofSize(tenants)
                        .map(
                                owners ->
                                        IntStream.range(0, tenants)
                                                .mapToObj(
                                                        i ->
                                                                account(
                                                                        tenantIds.get(i),
                                                                        owners.get(i)))
                                                .toList());
        return Combinators.combine(managers, accounts, principal(emails, tenantIds))
                .as((m, a, p) -> new World(emails, m, a, p));
    }

    /** Someone's e-mail in any letter case, a stranger's, or (for owners) none. */
    private static Arbitrary<String> person(List<String> emails, boolean mayBeNull) {
        Arbitrary<String> known =
                Arbitraries.of(emails)
                        .flatMap(
                                e ->
                                        Arbitraries.of(
                                                e,
                                                e.toUpperCase(Locale.ROOT),
                                                Character.toUpperCase(e.charAt(0))
                                                        + e.substring(1)));
        return mayBeNull
                ? Arbitraries.frequencyOf(
                        net.jqwik.api.Tuple.of(8, known),
                        net.jqwik.api.Tuple.of(1, Arbitraries.just(STRANGER)),
                        net.jqwik.api.Tuple.of(1, Arbitraries.just((String) null)))
                : Arbitraries.frequencyOf(
                        net.jqwik.api.Tuple.of(8, known),
                        net.jqwik.api.Tuple.of(1, Arbitraries.just(STRANGER)));
    }

    private static Arbitrary<Principal> principal(List<String> emails, List<String> tenantIds) {
        List<String> scopeTenants = new ArrayList<>(tenantIds);
        scopeTenants.add(NO_RECORD);
        scopeTenants.add(UNKNOWN);
        Arbitrary<ScopeSpec> scopes =
                Arbitraries.oneOf(
                        Arbitraries.of(
                                ScopeSpec.ALL, ScopeSpec.OWN, ScopeSpec.TEAM, ScopeSpec.NONE),
                        Arbitraries.of(scopeTenants).map(ScopeSpec::tenant));
        return Combinators.combine(person(emails, true), Arbitraries.of(Role.class), scopes)
                .as(
                        (email, role, scope) ->
                                new Principal(
                                        email == null ? "api-key:x" : email,
                                        email,
                                        role,
                                        scope,
                                        "test"));
    }
}
