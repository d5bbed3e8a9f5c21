package dev.pulse.access.segments;

import static dev.pulse.access.segments.SegmentMatcherTest.criteria;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pulse.access.portfolio.PortfolioEntry;
import dev.pulse.access.security.AccessDeniedException;
import dev.pulse.access.security.Caller;
import dev.pulse.access.security.Role;
import dev.pulse.access.testing.InMemorySegmentStore;
import dev.pulse.access.testing.InMemoryState;
import dev.pulse.access.testing.Scores;
import dev.pulse.topologies.account.Account;
import dev.pulse.topologies.funnel.FunnelDay;
import dev.pulse.topologies.funnel.FunnelDefinitions;
import dev.pulse.topologies.health.Band;
import dev.pulse.topologies.journey.JourneyState;
import dev.pulse.topologies.journey.Transition;
import dev.pulse.topologies.time.UtcDays;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SegmentsTest {
    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
    private static final LocalDate TODAY = LocalDate.of(2026, 12, 1);
    private static final String SARAH = "sarah@x.test";
    private static final String DAVID = "david@x.test";
    private static final String ANA = "ana@x.test";

    private final InMemoryState state = new InMemoryState();
    private final InMemorySegmentStore store = new InMemorySegmentStore();
    private final Segments segments = new Segments(store, Clock.fixed(NOW, ZoneOffset.UTC));
    private final Caller admin = TestCallers.caller(Role.ADMIN, "admin@x.test", null, state);
    private final Caller analyst = TestCallers.caller(Role.ANALYST, ANA, null, state);
    private final Caller sarah = TestCallers.caller(Role.VIEWER, SARAH, Set.of(SARAH), state);

    @BeforeEach
    void portfolio() {
        account("acme", SARAH, "enterprise", 100_000.0);
        account("globex", SARAH, "enterprise", 50_000.0);
        account("initech", DAVID, "enterprise", 70_000.0);
        account("hooli", DAVID, "pro", 10_000.0);
        state.scores.put("acme", Scores.score("acme", 30, NOW));
        state.scores.put("globex", Scores.score("globex", 75, NOW));
        state.scores.put("initech", Scores.score("initech", 20, NOW));
        state.scores.put("hooli", Scores.score("hooli", 50, NOW));
    }

    @Test
    void aViewerMayNotSaveASegmentAndIsToldWhoMay() {
        assertThatThrownBy(() -> segments.create(sarah, request("Mine", SegmentCriteria.ANY)))
                .isInstanceOf(AccessDeniedException.class)
                .hasMessageContaining("analyst, manager or admin")
                .hasMessageContaining("you have role viewer");
        Caller customer =
                TestCallers.caller(Role.CUSTOMER_ADMIN, "it@acme.test", Set.of(SARAH), state);
        assertThatThrownBy(() -> segments.create(customer, request("Mine", SegmentCriteria.ANY)))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(store.all()).isEmpty();
    }

    @Test
    void anAnalystSavesASegmentWithAnIdTheirNameAndTimes() {
        Segment saved = segments.create(analyst, request("Enterprise", enterprise()));
        assertThat(saved.id()).matches("seg-[0-9a-f]{12}");
        assertThat(saved.createdBy()).isEqualTo(ANA);
        assertThat(saved.createdAt()).isEqualTo(NOW).isEqualTo(saved.updatedAt());
        assertThat(segments.get(sarah, saved.id())).isEqualTo(saved);
    }

    @Test
    void aNameTakenInAnyLetterCaseIsAConflict() {
        Segment first = segments.create(analyst, request("Enterprise at risk", enterprise()));
        assertThatThrownBy(() -> segments.create(admin, request(" enterprise AT RISK ", null)))
                .isInstanceOf(SegmentNameTakenException.class)
                .hasMessageContaining(first.id());
        Segment other = segments.create(analyst, request("Pro", null));
        assertThatThrownBy(
                        () ->
                                segments.update(
                                        analyst, other.id(), request("ENTERPRISE at risk", null)))
                .isInstanceOf(SegmentNameTakenException.class);
        // Renaming a segment to its own name in another case is no clash.
        assertThat(segments.update(analyst, first.id(), request("ENTERPRISE AT RISK", null)).name())
                .isEqualTo("ENTERPRISE AT RISK");
    }

    @Test
    void onlyTheMakerOrAnAdminChangesOrDeletesASegment() {
        Segment saved = segments.create(analyst, request("Enterprise", enterprise()));
        Caller otherAnalyst = TestCallers.caller(Role.MANAGER, "bo@x.test", null, state);
        assertThatThrownBy(() -> segments.delete(otherAnalyst, saved.id()))
                .isInstanceOf(AccessDeniedException.class)
                .hasMessageContaining("saved by " + ANA);
        Segment renamed = segments.update(admin, saved.id(), request("Big ones", enterprise()));
        assertThat(renamed.createdBy()).isEqualTo(ANA);
        assertThat(renamed.createdAt()).isEqualTo(saved.createdAt());
        segments.delete(analyst, saved.id());
        assertThatThrownBy(() -> segments.get(analyst, saved.id()))
                .isInstanceOf(UnknownSegmentException.class)
                .hasMessage("no segment '" + saved.id() + "'");
    }

    @Test
    void aBlankNameIsRefusedNamingTheField() {
        assertThatThrownBy(() -> segments.create(analyst, request(" ", null)))
                .isInstanceOf(InvalidSegmentException.class)
                .extracting(e -> ((InvalidSegmentException) e).field())
                .isEqualTo("name");
    }

    @Test
    void membersOfASegmentAnAdminSavedAreOnlyTheAskersAccountsRiskiestFirst() {
        Segment saved = segments.create(admin, request("Enterprise", enterprise()));
        assertThat(tenants(segments.members(admin, saved.id()).entries()))
                .containsExactly("initech", "acme", "globex");
        Membership mine = segments.members(sarah, saved.id());
        assertThat(tenants(mine.entries())).containsExactly("acme", "globex");
        assertThat(mine.averageScore()).isEqualTo(52.5);
        assertThat(segments.list(sarah))
                .singleElement()
                .satisfies(
                        l -> {
                            assertThat(l.size()).isEqualTo(2);
                            assertThat(l.averageScore()).isEqualTo(52.5);
                        });
    }

    @Test
    void membershipFollowsTheCurrentScores() {
        Segment atRisk =
                segments.create(
                        analyst, request("At risk", criteria().bands(Band.AT_RISK).build()));
        assertThat(tenants(segments.members(admin, atRisk.id()).entries()))
                .containsExactly("initech", "acme");
        state.scores.put("acme", Scores.score("acme", 80, NOW));
        assertThat(tenants(segments.members(admin, atRisk.id()).entries()))
                .containsExactly("initech");
    }

    @Test
    void previewSavesNothing() {
        Membership preview = segments.preview(sarah, criteria().score(null, 40.0).build());
        assertThat(tenants(preview.entries())).containsExactly("acme");
        assertThat(store.all()).isEmpty();
    }

    @Test
    void historyEvaluatesEachDaysEndOfDayScore() {
        Segment atRisk =
                segments.create(analyst, request("At risk", criteria().score(null, 39.0).build()));
        LocalDate d1 = TODAY.minusDays(3);
        LocalDate d2 = TODAY.minusDays(2);
        state.daily.add(Scores.endOfDay("acme", d1, 60));
        state.daily.add(Scores.endOfDay("acme", d2, 30));
        state.daily.add(Scores.endOfDay("initech", d1, 20));
        state.daily.add(Scores.endOfDay("initech", d2, 25));
        SegmentHistory all = segments.history(admin, atRisk.id(), d1, TODAY.minusDays(1));
        assertThat(all.days())
                .containsExactly(
                        new SegmentHistory.Day(d1, 1, 20.0), new SegmentHistory.Day(d2, 2, 27.5));
        SegmentHistory mine = segments.history(sarah, atRisk.id(), d1, TODAY.minusDays(1));
        assertThat(mine.days())
                .containsExactly(
                        new SegmentHistory.Day(d1, 0, null), new SegmentHistory.Day(d2, 1, 30.0));
        assertThatThrownBy(() -> segments.history(admin, atRisk.id(), d2, d1))
                .isInstanceOf(InvalidSegmentException.class)
                .hasMessageStartingWith("from must be before 'to'");
    }

    @Test
    void compareGivesSizesBandsArrAndAtRiskSideBySide() {
        Segment enterprise = segments.create(analyst, request("Enterprise", enterprise()));
        Segment pro = segments.create(analyst, request("Pro", criteria().plans("pro").build()));
        List<SegmentComparison> compared =
                segments.compare(admin, List.of(enterprise.id(), pro.id()));
        assertThat(compared)
                .extracting(c -> c.segment().name())
                .containsExactly("Enterprise", "Pro");
        SegmentComparison first = compared.get(0);
        assertThat(first.size()).isEqualTo(3);
        assertThat(first.arr()).isEqualTo(220_000.0);
        assertThat(first.atRisk()).isEqualTo(2);
        assertThat(first.bands().healthy()).isEqualTo(1);
        assertThat(first.bands().atRisk()).isEqualTo(2);
        assertThat(first.averageScore()).isEqualTo(41.7);
        assertThatThrownBy(() -> segments.compare(admin, List.of(pro.id())))
                .isInstanceOf(InvalidSegmentException.class)
                .hasMessageStartingWith("ids must name 2");
        assertThatThrownBy(() -> segments.compare(admin, List.of(pro.id(), "seg-nope")))
                .isInstanceOf(UnknownSegmentException.class);
    }

    @Test
    void theFilterKeepsTheSegmentsAccountsAndAnUnknownSegmentIsNamed() {
        Segment pro = segments.create(analyst, request("Pro", criteria().plans("pro").build()));
        assertThat(state.accounts.stream().filter(segments.filter(admin, pro.id())))
                .extracting(Account::tenantId)
                .containsExactly("hooli");
        assertThat(state.accounts.stream().filter(segments.filter(admin, null))).hasSize(4);
        assertThatThrownBy(() -> segments.filter(admin, "seg-missing"))
                .isInstanceOf(UnknownSegmentException.class)
                .hasMessageContaining("seg-missing");
    }

    @Test
    void journeyStagesAndFunnelStepsSelectTheAccountsInThemAndHistoryKnowsTheStageOfEachDay()
            throws Exception {
        FunnelDefinitions funnels =
                FunnelDefinitions.fromYaml(
                        Files.readString(Path.of("..", "config", "funnels.yaml")));
        Segments withFunnels = new Segments(store, Clock.fixed(NOW, ZoneOffset.UTC), funnels);
        state.journeys.put(
                "acme",
                journey(
                        "acme",
                        new Transition(null, "onboarding", TODAY.minusDays(20)),
                        new Transition("onboarding", "adopting", TODAY.minusDays(5))));
        state.journeys.put(
                "initech",
                journey("initech", new Transition(null, "onboarding", TODAY.minusDays(30))));
        Instant yesterday = UtcDays.startOf(TODAY.minusDays(1));
        state.funnelDays.put(
                "acme",
                List.of(
                        FunnelDay.empty(yesterday)
                                .plus("reporting", 4, 0, 0)
                                .plus("reporting", 4, 1, 3_600_000)));
        state.funnelDays.put(
                "initech", List.of(FunnelDay.empty(yesterday).plus("reporting", 4, 0, 0)));

        assertThat(members(withFunnels, criteria().journeyStages("adopting").build()))
                .containsExactly("acme");
        assertThat(members(withFunnels, criteria().journeyStages("onboarding").build()))
                .containsExactly("initech");
        assertThat(members(withFunnels, reached("reports"))).containsExactly("acme");
        assertThat(members(withFunnels, reached("login")))
                .containsExactlyInAnyOrder("acme", "initech");
        assertThat(members(withFunnels, reached("integrations"))).isEmpty();
        assertThatThrownBy(() -> withFunnels.preview(admin, reached("teleport")))
                .isInstanceOf(InvalidSegmentException.class)
                .hasMessageContaining("funnel.reachedStep")
                .hasMessageContaining("reports");
        assertThatThrownBy(() -> segments.preview(admin, reached("reports")))
                .isInstanceOf(InvalidSegmentException.class)
                .hasMessageContaining("funnel.id");

        Segment adopting =
                withFunnels.create(
                        analyst, request("Adopting", criteria().journeyStages("adopting").build()));
        SegmentHistory history =
                withFunnels.history(admin, adopting.id(), TODAY.minusDays(7), TODAY);
        assertThat(history.days())
                .extracting(SegmentHistory.Day::size)
                .containsExactly(0, 0, 1, 1, 1, 1, 1);
    }

    private List<String> members(Segments in, SegmentCriteria criteria) {
        return tenants(in.preview(admin, criteria).entries());
    }

    private static SegmentCriteria reached(String step) {
        return criteria().funnel(new SegmentCriteria.FunnelStep("reporting", step)).build();
    }

    private static JourneyState journey(String tenant, Transition... moves) {
        Transition last = moves[moves.length - 1];
        return new JourneyState(
                tenant,
                moves[0].day(),
                last.to(),
                last.day(),
                TODAY.minusDays(1),
                List.of(moves),
                "test");
    }

    private static SegmentCriteria enterprise() {
        return criteria().plans("enterprise").build();
    }

    private static SegmentRequest request(String name, SegmentCriteria criteria) {
        return new SegmentRequest(name, "for tests", criteria);
    }

    private static List<String> tenants(List<PortfolioEntry> entries) {
        return entries.stream().map(PortfolioEntry::tenantId).toList();
    }

    private void account(String tenant, String owner, String plan, double arr) {
        state.accounts.add(new Account(tenant, tenant, owner, "east", plan, 10L, arr, null, "smb"));
    }
}
