package dev.pulse.access.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pulse.access.journey.AccountJourney;
import dev.pulse.access.journey.JourneyQuery;
import dev.pulse.access.journey.JourneyReport;
import dev.pulse.access.journey.Journeys;
import dev.pulse.access.journey.StageFigures;
import dev.pulse.access.journey.StageStay;
import dev.pulse.access.security.AccessDeniedException;
import dev.pulse.access.security.AccessScope;
import dev.pulse.access.security.AuthorizedStateReader;
import dev.pulse.access.security.Caller;
import dev.pulse.access.security.Principal;
import dev.pulse.access.security.Role;
import dev.pulse.access.security.ScopeSpec;
import dev.pulse.access.testing.InMemoryState;
import dev.pulse.topologies.account.Account;
import dev.pulse.topologies.journey.JourneyModel;
import dev.pulse.topologies.journey.JourneyState;
import dev.pulse.topologies.journey.Transition;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The journey use case: scope, cohorts, account filters, one batch read. */
class JourneysTest {
    private static final String SARAH = "sarah@example.com";
    private static final String TOM = "tom@example.com";
    private static final LocalDate TODAY = LocalDate.of(2026, 12, 3);

    private final InMemoryState state = new InMemoryState();
    private final Journeys journeys = new Journeys(shipped());

    private static JourneyModel shipped() {
        try {
            return JourneyModel.fromYaml(Files.readString(Path.of("..", "config", "journey.yaml")));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private void add(
            String tenant, String owner, String segment, LocalDate started, String... path) {
        state.accounts.add(
                new Account(tenant, tenant + " Inc.", owner, null, "pro", 10L, 1e5, null, segment));
        List<Transition> moves = new ArrayList<>();
        LocalDate day = started;
        for (int i = 0; i < path.length; i++) {
            moves.add(new Transition(i == 0 ? null : path[i - 1], path[i], day));
            day = day.plusDays(10);
        }
        Transition last = moves.get(moves.size() - 1);
        state.journeys.put(
                tenant,
                new JourneyState(
                        tenant,
                        started,
                        last.to(),
                        last.day(),
                        TODAY.minusDays(1),
                        moves,
                        "2026.12-1"));
    }

    private Caller caller(String email, Set<String> owners) {
        AccessScope scope =
                new AccessScope() {
                    @Override
                    public boolean allowsTenant(String tenantId) {
                        return state.account(tenantId).map(this::allowsAccount).orElse(false);
                    }

                    @Override
                    public boolean allowsAccount(Account account) {
                        return owners.contains(account.owner());
                    }

                    @Override
                    public boolean allowsOwner(String ownerEmail) {
                        return owners.contains(ownerEmail);
                    }

                    @Override
                    public boolean isUnlimited() {
                        return false;
                    }

                    @Override
                    public String describe() {
                        return "owners " + owners;
                    }
                };
        return new Caller(
                new Principal(email, email, Role.VIEWER, ScopeSpec.parse("own"), "test"),
                scope,
                new AuthorizedStateReader(state, scope));
    }

    @Test
    void anAccountsJourneyNamesItsStageSinceWhenAndItsMoves() {
        add("acme", SARAH, "smb", LocalDate.of(2026, 10, 1), "onboarding", "activated", "adopting");

        AccountJourney journey =
                journeys.ofAccount(caller(SARAH, Set.of(SARAH)), "acme").orElseThrow();

        assertThat(journey.name()).isEqualTo("acme Inc.");
        assertThat(journey.modelVersion()).isEqualTo("2026.12-1");
        assertThat(journey.stage())
                .isEqualTo(
                        new StageStay(
                                "adopting",
                                "Adopting",
                                "progress",
                                LocalDate.of(2026, 10, 21),
                                43));
        assertThat(journey.transitions()).hasSize(3);
    }

    @Test
    void anAccountWithoutAClosedDayHasNoStageAndAnUnknownOneIsRefusedBeforeAnyRead() {
        state.accounts.add(new Account("new", "New", SARAH, null, "pro", 10L, 1e5, null, null));
        Caller sarah = caller(SARAH, Set.of(SARAH));

        AccountJourney fresh = journeys.ofAccount(sarah, "new").orElseThrow();
        assertThat(fresh.stage()).isNull();
        assertThat(fresh.transitions()).isEmpty();
        assertThatThrownBy(() -> journeys.ofAccount(sarah, "nobody"))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void anotherOwnersAccountIsRefused() {
        add("globex", TOM, "smb", LocalDate.of(2026, 10, 1), "onboarding");

        assertThatThrownBy(() -> journeys.ofAccount(caller(SARAH, Set.of(SARAH)), "globex"))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void theAggregateCoversTheCallersAccountsOnly() {
        add("acme", SARAH, "smb", LocalDate.of(2026, 10, 1), "onboarding", "activated");
        add("initech", SARAH, "enterprise", LocalDate.of(2026, 11, 5), "onboarding");
        add("globex", TOM, "smb", LocalDate.of(2026, 10, 1), "onboarding", "at_risk");
        JourneyQuery lastQuarter = JourneyQuery.between(TODAY.minusDays(89), TODAY);

        JourneyReport sarah = journeys.aggregate(caller(SARAH, Set.of(SARAH)), lastQuarter);
        JourneyReport team = journeys.aggregate(caller("vp", Set.of(SARAH, TOM)), lastQuarter);

        assertThat(sarah.accounts()).isEqualTo(2);
        assertThat(sarah.tenantIds()).containsExactly("acme", "initech");
        assertThat(current(sarah, "at_risk")).isZero();
        assertThat(team.accounts()).isEqualTo(3);
        assertThat(current(team, "at_risk")).isEqualTo(1);
        assertThat(team.modelVersion()).isEqualTo("2026.12-1");
        assertThat(team.segment()).isNull();
        assertThat(team.cohort()).isNull();
    }

    @Test
    void aCohortKeepsTheAccountsThatStartedThatMonthAndAFilterItsAccounts() {
        add("acme", SARAH, "smb", LocalDate.of(2026, 10, 1), "onboarding", "activated");
        add("initech", SARAH, "enterprise", LocalDate.of(2026, 11, 5), "onboarding");
        add("hooli", SARAH, "smb", LocalDate.of(2026, 11, 20), "onboarding");
        Caller sarah = caller(SARAH, Set.of(SARAH));
        JourneyQuery period = JourneyQuery.between(TODAY.minusDays(89), TODAY);

        JourneyReport november =
                journeys.aggregate(sarah, period.withCohort(YearMonth.of(2026, 11)));
        JourneyReport smbNovember =
                journeys.aggregate(
                        sarah,
                        period.withCohort(YearMonth.of(2026, 11))
                                .withSegment("small ones", a -> "smb".equals(a.segment())));

        assertThat(november.tenantIds()).containsExactly("initech", "hooli");
        assertThat(november.cohort()).isEqualTo(YearMonth.of(2026, 11));
        assertThat(smbNovember.tenantIds()).containsExactly("hooli");
        assertThat(smbNovember.segment()).isEqualTo("small ones");
    }

    @Test
    void fiveHundredAccountsTakeOneBatchReadAndWellUnderAHundredMilliseconds() {
        String[] path = {
            "onboarding", "activated", "adopting", "engaged", "adopting", "engaged", "at_risk"
        };
        for (int i = 0; i < 500; i++) {
            String[] taken = java.util.Arrays.copyOf(path, 1 + i % path.length);
            add(
                    "t" + i,
                    SARAH,
                    i % 2 == 0 ? "smb" : "enterprise",
                    LocalDate.of(2026, 6, 1).plusDays(i % 60),
                    taken);
        }
        Caller sarah = caller(SARAH, Set.of(SARAH));
        JourneyQuery query = JourneyQuery.between(TODAY.minusDays(89), TODAY);
        journeys.aggregate(sarah, query); // warm up

        long best = Long.MAX_VALUE;
        JourneyReport report = null;
        for (int run = 0; run < 5; run++) {
            long start = System.nanoTime();
            report = journeys.aggregate(sarah, query);
            best = Math.min(best, System.nanoTime() - start);
        }

        assertThat(report.accounts()).isEqualTo(500);
        assertThat(best / 1_000_000).as("best of five, ms").isLessThan(100);
    }

    private static long current(JourneyReport report, String stage) {
        return report.stages().stream()
                .filter(s -> s.id().equals(stage))
                .mapToLong(StageFigures::current)
                .findFirst()
                .orElseThrow();
    }
}
