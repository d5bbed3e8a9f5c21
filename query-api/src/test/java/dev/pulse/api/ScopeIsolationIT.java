package dev.pulse.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pulse.access.audit.AuditEntry;
import dev.pulse.access.security.DirectoryUser;
import dev.pulse.access.security.Role;
import dev.pulse.access.security.ScopeSpec;
import dev.pulse.access.security.UserDirectory;
import dev.pulse.access.testing.Scores;
import dev.pulse.api.testing.RunningApi;
import dev.pulse.api.testing.TestUsers;
import dev.pulse.api.testing.Tokens;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Tenant isolation as a property: for generated organisations (management trees, roles and scopes
 * of every kind), account ownerships and requests to every read endpoint, a real server never puts
 * a tenant outside the caller's scope in a response, refuses single-tenant reads and portfolios
 * outside it with 403, filters the summary to it, and audits every request exactly once. What the
 * caller may see is worked out here, independently of the access policy.
 */
class ScopeIsolationIT {
    private static final Instant NOW = Instant.parse("2026-11-20T10:30:00Z");
    private static final String OUTSIDER = "outsider@elsewhere.example";

    /** What a generated request asks for. */
    enum Kind {
        ACCOUNT,
        TIMESERIES,
        PORTFOLIO,
        OWN_PORTFOLIO,
        SUMMARY
    }

    /** A request by person {@code caller}; {@code target} picks a tenant or an owner. */
    record Request(int caller, Kind kind, int target) {}

    /** One generated organisation, its accounts, and the requests made in it. */
    record World(
            List<DirectoryUser> users,
            Map<String, String> owners, // tenant -> owner e-mail as the account names it
            Set<String> scored,
            List<Request> requests) {

        List<String> tenants() {
            Set<String> all = new TreeSet<>(owners.keySet());
            all.addAll(scored);
            return List.copyOf(all);
        }

        /** The oracle: tenants the caller may see, from the generated data alone. */
        Set<String> visible(DirectoryUser caller) {
            if (caller.role() == Role.INGEST) {
                return Set.of();
            }
            return switch (caller.scope().kind()) {
                case ALL -> new HashSet<>(tenants());
                case TENANT -> Set.of(caller.scope().tenantId());
                case NONE -> Set.of();
                case OWN -> ownedBy(Set.of(caller.email()));
                case TEAM -> ownedBy(team(caller.email()));
            };
        }

        boolean maySeePortfolioOf(DirectoryUser caller, String owner) {
            String who = owner.toLowerCase(Locale.ROOT);
            if (caller.role() == Role.INGEST) {
                return false;
            }
            return switch (caller.scope().kind()) {
                case ALL -> true;
                case OWN -> who.equals(caller.email());
                case TEAM -> team(caller.email()).contains(who);
                case TENANT, NONE -> false;
            };
        }

        /** The person and everyone whose chain of managers reaches them. */
        Set<String> team(String email) {
            Map<String, String> managerOf = new LinkedHashMap<>();
            users.forEach(u -> managerOf.put(u.email(), u.manager()));
            Set<String> team = new HashSet<>();
            for (String person : managerOf.keySet()) {
                for (String up = person; up != null; up = managerOf.get(up)) {
                    if (up.equals(email)) {
                        team.add(person);
                        break;
                    }
                }
            }
            team.add(email);
            return team;
        }

        Set<String> ownedBy(Set<String> people) {
            Set<String> owned = new HashSet<>();
            owners.forEach(
                    (tenant, owner) -> {
                        if (people.contains(owner.toLowerCase(Locale.ROOT))) {
                            owned.add(tenant);
                        }
                    });
            return owned;
        }

        String tenant(int target) {
            List<String> all = tenants();
            return all.get(target % all.size());
        }

        String owner(int target) {
            int pick = target % (users.size() + 1);
            return pick == users.size() ? OUTSIDER : users.get(pick).email();
        }
    }

    @Provide
    Arbitrary<World> worlds() {
        return Combinators.combine(
                        Arbitraries.integers().between(2, 9), Arbitraries.integers().between(1, 10))
                .flatAs(this::world);
    }

    private Arbitrary<World> world(int people, int tenants) {
        Arbitrary<List<Integer>> managers =
                Arbitraries.integers().between(-1, people - 1).list().ofSize(people);
        Arbitrary<List<Role>> roles = Arbitraries.of(Role.class).list().ofSize(people);
        Arbitrary<List<Integer>> scopes =
                Arbitraries.integers().between(0, 5).list().ofSize(people);
        Arbitrary<List<Integer>> scopeTenants =
                Arbitraries.integers().between(0, tenants - 1).list().ofSize(people);
        Arbitrary<List<Integer>> owners =
                Arbitraries.integers().between(-2, people - 1).list().ofSize(tenants);
        Arbitrary<List<Boolean>> scored = Arbitraries.of(true, false).list().ofSize(tenants);
        Arbitrary<List<Boolean>> shouting = Arbitraries.of(true, false).list().ofSize(tenants);
        Arbitrary<List<Request>> requests =
                Combinators.combine(
                                Arbitraries.integers().between(0, people - 1),
                                Arbitraries.of(Kind.class),
                                Arbitraries.integers().between(0, 50))
                        .as(Request::new)
                        .list()
                        .ofMinSize(1)
                        .ofMaxSize(8);
        return Combinators.combine(
                        managers, roles, scopes, scopeTenants, owners, scored, shouting, requests)
                .as(
                        (m, r, s, st, o, sc, up, rq) ->
                                build(people, tenants, m, r, s, st, o, sc, up, rq));
    }

    private static String email(int person) {
        return "p" + person + "@corp.example";
    }

    /** Tenant ids of equal length, so no id is part of another. */
    private static String tenantId(int index) {
        return String.format(Locale.ROOT, "ten%02dq", index);
    }

    private static World build(
            int people,
            int tenants,
            List<Integer> managers,
            List<Role> roles,
            List<Integer> scopes,
            List<Integer> scopeTenants,
            List<Integer> owners,
            List<Boolean> scored,
            List<Boolean> shouting,
            List<Request> requests) {
        List<DirectoryUser> users = new ArrayList<>();
        for (int i = 0; i < people; i++) {
            int manager = managers.get(i);
            Role role = roles.get(i);
            String tenant = tenantId(scopeTenants.get(i));
            ScopeSpec scope =
                    switch (role == Role.CUSTOMER_ADMIN ? 5 : scopes.get(i)) {
                        case 1 -> ScopeSpec.ALL;
                        case 2 -> ScopeSpec.OWN;
                        case 3 -> ScopeSpec.TEAM;
                        case 4 -> ScopeSpec.NONE;
                        case 5 -> ScopeSpec.tenant(tenant);
                        default -> ScopeSpec.defaultFor(role);
                    };
            users.add(
                    TestUsers.user(
                            email(i),
                            role,
                            scope,
                            manager >= 0 && manager < i ? email(manager) : null,
                            role == Role.CUSTOMER_ADMIN ? tenant : null));
        }
        Map<String, String> accountOwners = new LinkedHashMap<>();
        Set<String> scoredTenants = new TreeSet<>();
        for (int t = 0; t < tenants; t++) {
            int owner = owners.get(t);
            if (owner >= 0) {
                String address = email(owner);
                accountOwners.put(
                        tenantId(t), shouting.get(t) ? address.toUpperCase(Locale.ROOT) : address);
            } else if (owner == -1) {
                accountOwners.put(tenantId(t), OUTSIDER);
            }
            if (scored.get(t) || owner == -2) {
                scoredTenants.add(tenantId(t));
            }
        }
        return new World(users, accountOwners, scoredTenants, requests);
    }

    @Property(tries = 50)
    void noResponseCarriesATenantOutsideTheCallersScope(@ForAll("worlds") World world) {
        try (RunningApi api =
                RunningApi.builder()
                        .clock(Clock.fixed(NOW, ZoneOffset.UTC))
                        .directory(UserDirectory.of(world.users()))
                        .start()) {
            world.owners()
                    .forEach(
                            (tenant, owner) ->
                                    api.reader.put(
                                            Scores.account(tenant, "Name " + tenant, owner)));
            world.scored().forEach(t -> api.reader.putCurrent(Scores.score(t, 50, NOW)));
            int n = 0;
            for (Request request : world.requests()) {
                check(api, world, request, "req-" + n++);
            }
        }
    }

    private static void check(RunningApi api, World world, Request request, String requestId) {
        DirectoryUser caller = world.users().get(request.caller());
        Set<String> visible = world.visible(caller);
        boolean reads = caller.role().canRead();
        String named = null;
        String path;
        int expected;
        switch (request.kind()) {
            case ACCOUNT, TIMESERIES -> {
                named = world.tenant(request.target());
                path =
                        "/v1/accounts/"
                                + named
                                + (request.kind() == Kind.TIMESERIES
                                        ? "/timeseries?metric=events"
                                        : "");
                expected = reads && visible.contains(named) ? 200 : 403;
            }
            case PORTFOLIO -> {
                String owner = world.owner(request.target());
                path = "/v1/portfolio?owner=" + owner;
                expected = world.maySeePortfolioOf(caller, owner) ? 200 : 403;
            }
            case OWN_PORTFOLIO -> {
                path = "/v1/portfolio";
                expected = world.maySeePortfolioOf(caller, caller.email()) ? 200 : 403;
            }
            default -> {
                path = "/v1/summary?n=50";
                expected = reads ? 200 : 403;
            }
        }
        HttpResponse<String> response =
                api.sendRaw(
                        HttpRequest.newBuilder(api.uri(path))
                                .header("Authorization", "Bearer " + Tokens.hs256(caller.email()))
                                .header("X-Request-Id", requestId));
        String context = caller + " " + path + " -> " + response.body();

        assertThat(response.statusCode()).as(context).isEqualTo(expected);
        for (String tenant : world.tenants()) {
            if (!visible.contains(tenant) && !tenant.equals(named)) {
                assertThat(response.body()).as(context).doesNotContain(tenant);
            }
        }
        if (expected == 200 && request.kind() == Kind.SUMMARY) {
            JsonNode summary = RunningApi.json(response);
            long inScope = world.owners().keySet().stream().filter(visible::contains).count();
            assertThat(summary.path("overall").path("accounts").asLong())
                    .as(context)
                    .isEqualTo(inScope);
        }
        if (expected == 200 && request.kind() == Kind.PORTFOLIO) {
            JsonNode accounts = RunningApi.json(response).path("accounts");
            assertThat(accounts)
                    .allSatisfy(a -> assertThat(visible).contains(a.path("tenantId").asText()));
        }
        List<AuditEntry> audited = api.audit.forRequest(requestId);
        assertThat(audited).as("one audit entry for " + context).hasSize(1);
        AuditEntry entry = audited.get(0);
        assertThat(entry.subject()).isEqualTo(caller.email());
        assertThat(entry.allowed()).isEqualTo(expected == 200);
        for (String tenant : entry.tenants()) {
            assertThat(visible.contains(tenant) || tenant.equals(named)).as(context).isTrue();
        }
    }
}
