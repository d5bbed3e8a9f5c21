package dev.pulse.access.segments;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pulse.access.portfolio.PortfolioEntry;
import dev.pulse.access.security.Caller;
import dev.pulse.access.security.Role;
import dev.pulse.access.testing.InMemorySegmentStore;
import dev.pulse.access.testing.InMemoryState;
import dev.pulse.access.testing.Scores;
import dev.pulse.topologies.account.Account;
import dev.pulse.topologies.health.Band;
import dev.pulse.topologies.health.HealthScore;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Random portfolios (plans, owners, teams, ARR, renewals, attributes, scores), random criteria and
 * random caller scopes: a segment's members are exactly the accounts a plain predicate, written
 * from the documented rules and not from {@link SegmentMatcher}, selects, and never an account
 * outside the asker's scope.
 */
class SegmentMembershipPropertyTest {
    private static final Instant NOW = Instant.parse("2026-11-20T10:00:00Z");
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 20);
    private static final List<String> OWNERS =
            List.of("ana@x.test", "bo@x.test", "cy@x.test", "di@x.test");
    private static final List<String> PLANS = List.of("enterprise", "Pro", "starter");
    private static final List<String> TEAMS = List.of("east", "WEST", "north");
    private static final List<String> REGIONS = List.of("emea", "AMER", "apac");

    /** One account with its score (null: not scored). */
    record Row(Account account, HealthScore score) {}

    /** The criteria's conditions beyond the first eight jqwik combines at once. */
    record Rest(
            Double[] arr,
            Double[] delta30d,
            Integer renewalWithinDays,
            Map<String, String> attributes,
            String stage) {}

    @Property(tries = 500)
    void membersAreExactlyTheSelectedAccountsInTheAskersScope(
            @ForAll("portfolios") List<Row> rows,
            @ForAll("criteria") SegmentCriteria criteria,
            @ForAll("scopes") Set<String> scope) {
        InMemoryState state = new InMemoryState();
        Set<String> tenants = new HashSet<>();
        for (Row row : rows) {
            if (tenants.add(row.account().tenantId())) {
                state.accounts.add(row.account());
                if (row.score() != null) {
                    state.scores.put(row.account().tenantId(), row.score());
                }
            }
        }
        Segments segments =
                new Segments(new InMemorySegmentStore(), Clock.fixed(NOW, ZoneOffset.UTC));
        Caller admin = TestCallers.caller(Role.ADMIN, "admin@x.test", null, state);
        Caller asker =
                TestCallers.caller(
                        Role.VIEWER, "asker@x.test", scope.isEmpty() ? null : scope, state);
        Segment saved = segments.create(admin, new SegmentRequest("generated", null, criteria));

        Set<String> expected =
                state.accounts.stream()
                        .filter(a -> scope.isEmpty() || scope.contains(a.owner()))
                        .filter(a -> selects(criteria, a, state.scores.get(a.tenantId())))
                        .map(Account::tenantId)
                        .collect(Collectors.toSet());
        List<PortfolioEntry> members = segments.members(asker, saved.id()).entries();
        assertThat(members).extracting(PortfolioEntry::tenantId).doesNotHaveDuplicates();
        assertThat(members.stream().map(PortfolioEntry::tenantId).collect(Collectors.toSet()))
                .isEqualTo(expected);
        assertThat(members)
                .allSatisfy(
                        m -> {
                            if (!scope.isEmpty()) {
                                assertThat(scope).contains(m.account().owner());
                            }
                        });
        assertThat(segments.preview(asker, criteria).entries()).isEqualTo(members);
    }

    /** The rules as docs/segments.md states them, condition by condition. */
    private static boolean selects(SegmentCriteria c, Account a, HealthScore s) {
        if (!oneOf(c.plans(), a.plan())
                || !oneOf(c.segments(), a.segment())
                || !oneOf(c.owners(), a.owner())
                || !oneOf(c.teams(), a.team())) {
            return false;
        }
        if ((c.arrMin() != null || c.arrMax() != null)
                && (a.arr() == null
                        || (c.arrMin() != null && a.arr() < c.arrMin())
                        || (c.arrMax() != null && a.arr() > c.arrMax()))) {
            return false;
        }
        if (c.renewalWithinDays() != null
                && (a.renewalDate() == null
                        || a.renewalDate().isBefore(TODAY)
                        || a.renewalDate().isAfter(TODAY.plusDays(c.renewalWithinDays())))) {
            return false;
        }
        if (c.attributes() != null) {
            for (Map.Entry<String, String> wanted : c.attributes().entrySet()) {
                boolean found =
                        a.attributes().entrySet().stream()
                                .anyMatch(
                                        e ->
                                                e.getKey().equalsIgnoreCase(wanted.getKey())
                                                        && e.getValue()
                                                                .equalsIgnoreCase(
                                                                        wanted.getValue()));
                if (!found) {
                    return false;
                }
            }
        }
        boolean scoreConditions =
                c.bands() != null
                        || c.atRisk() != null
                        || c.scoreMin() != null
                        || c.scoreMax() != null
                        || c.delta7dMin() != null
                        || c.delta7dMax() != null
                        || c.delta30dMin() != null
                        || c.delta30dMax() != null;
        if (scoreConditions) {
            if (s == null) {
                return false;
            }
            if (c.bands() != null && !c.bands().contains(s.band())) {
                return false;
            }
            if (c.atRisk() != null && c.atRisk() != s.atRisk()) {
                return false;
            }
            if (!inRange(s.score(), c.scoreMin(), c.scoreMax())
                    || !inRange(s.delta7d(), c.delta7dMin(), c.delta7dMax())
                    || !inRange(s.delta30d(), c.delta30dMin(), c.delta30dMax())) {
                return false;
            }
        }
        return c.journeyStages() == null && c.funnel() == null;
    }

    private static boolean oneOf(List<String> allowed, String value) {
        return allowed == null
                || (value != null && allowed.stream().anyMatch(v -> v.equalsIgnoreCase(value)));
    }

    private static boolean inRange(Double value, Double min, Double max) {
        if (min == null && max == null) {
            return true;
        }
        return value != null && (min == null || value >= min) && (max == null || value <= max);
    }

    @Provide
    Arbitrary<List<Row>> portfolios() {
        Arbitrary<Account> accounts =
                Combinators.combine(
                                Arbitraries.integers().between(0, 60).map(i -> "t" + i),
                                Arbitraries.of(OWNERS).injectNull(0.1),
                                Arbitraries.of(TEAMS).injectNull(0.1),
                                anyCase(PLANS).injectNull(0.1),
                                Arbitraries.doubles()
                                        .between(0, 200_000)
                                        .ofScale(0)
                                        .injectNull(0.2),
                                Arbitraries.integers()
                                        .between(-60, 400)
                                        .map(TODAY::plusDays)
                                        .injectNull(0.2),
                                attributes())
                        .as(
                                (tenant, owner, team, plan, arr, renewal, attributes) ->
                                        new Account(
                                                        tenant, tenant, owner, team, plan, 10L, arr,
                                                        renewal, null)
                                                .withAttributes(attributes));
        Arbitrary<HealthScore> scores =
                Combinators.combine(
                                Arbitraries.integers().between(0, 100),
                                Arbitraries.integers().between(-40, 40).injectNull(0.3),
                                Arbitraries.integers().between(-60, 60).injectNull(0.3),
                                Arbitraries.of(true, false))
                        .as(
                                (score, d7, d30, decided) -> {
                                    HealthScore plain =
                                            Scores.score(
                                                    "t",
                                                    score,
                                                    NOW,
                                                    d7 == null ? null : d7.doubleValue(),
                                                    d30 == null ? null : d30.doubleValue());
                                    return decided
                                            ? Scores.endOfDay("t", TODAY, score, score < 50)
                                                    .withDeltas(plain.delta7d(), plain.delta30d())
                                            : plain;
                                })
                        .injectNull(0.15);
        return Combinators.combine(accounts, scores)
                .as(
                        (account, score) ->
                                new Row(
                                        account,
                                        score == null ? null : retarget(score, account.tenantId())))
                .list()
                .ofMaxSize(30);
    }

    @Provide
    Arbitrary<SegmentCriteria> criteria() {
        Arbitrary<List<String>> plans = subsetOf(PLANS);
        Arbitrary<List<String>> owners = subsetOf(OWNERS);
        Arbitrary<List<String>> teams = subsetOf(TEAMS);
        Arbitrary<List<Band>> bands =
                Arbitraries.of(Band.values()).set().ofMaxSize(2).map(List::copyOf).injectNull(0.6);
        Arbitrary<Boolean> atRisk = Arbitraries.of(true, false).injectNull(0.7);
        Arbitrary<Double[]> scoreRange = range(0, 100);
        Arbitrary<Double[]> delta7d = range(-50, 50);
        Arbitrary<Double[]> arr = range(0, 200_000);
        return Combinators.combine(
                        plans,
                        owners,
                        teams,
                        bands,
                        atRisk,
                        scoreRange,
                        delta7d,
                        Combinators.combine(
                                        arr,
                                        range(-60, 60),
                                        Arbitraries.integers().between(0, 365).injectNull(0.7),
                                        attributes().injectNull(0.6),
                                        Arbitraries.of("onboarding").injectNull(0.9))
                                .as(Rest::new))
                .as(
                        (p, o, t, b, r, s, d7, rest) -> {
                            Double[] arrRange = rest.arr();
                            Double[] d30 = rest.delta30d();
                            Map<String, String> attributes = rest.attributes();
                            return new SegmentCriteria(
                                    p,
                                    null,
                                    o,
                                    t,
                                    b,
                                    r,
                                    s[0],
                                    s[1],
                                    d7[0],
                                    d7[1],
                                    d30[0],
                                    d30[1],
                                    arrRange[0],
                                    arrRange[1],
                                    rest.renewalWithinDays(),
                                    rest.stage() == null ? null : List.of(rest.stage()),
                                    null,
                                    attributes);
                        });
    }

    @Provide
    Arbitrary<Set<String>> scopes() {
        return Arbitraries.of(OWNERS).set().ofMaxSize(3);
    }

    private static Arbitrary<Map<String, String>> attributes() {
        return Arbitraries.maps(Arbitraries.of("region", "Region", "tier"), anyCase(REGIONS))
                .ofMaxSize(2);
    }

    private static Arbitrary<List<String>> subsetOf(List<String> values) {
        return anyCase(values).list().ofMinSize(1).ofMaxSize(2).injectNull(0.6);
    }

    /** [min, max], each maybe absent, min never above max. */
    private static Arbitrary<Double[]> range(int low, int high) {
        Arbitrary<Double> bound =
                Arbitraries.integers().between(low, high).map(Integer::doubleValue).injectNull(0.7);
        return Combinators.combine(bound, bound)
                .as(
                        (a, b) -> {
                            if (a != null && b != null && a > b) {
                                return new Double[] {b, a};
                            }
                            return new Double[] {a, b};
                        });
    }

    /** The value as given or in upper case: matching ignores letter case. */
    private static Arbitrary<String> anyCase(List<String> values) {
        return Arbitraries.of(values).flatMap(v -> Arbitraries.of(v, v.toUpperCase(Locale.ROOT)));
    }

    private static HealthScore retarget(HealthScore s, String tenant) {
        return new HealthScore(
                tenant,
                s.score(),
                s.band(),
                s.modelVersion(),
                s.asOf(),
                s.delta7d(),
                s.delta30d(),
                s.contributions(),
                s.topReason(),
                s.firstEventAt(),
                s.lastEventAt(),
                s.risk());
    }
}
