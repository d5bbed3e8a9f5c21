package dev.pulse.access.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pulse.access.alerts.AlertActionResult;
import dev.pulse.access.alerts.Alerts;
import dev.pulse.access.command.CommandRecorder;
import dev.pulse.access.followups.FollowUpChange;
import dev.pulse.access.followups.FollowUpDraft;
import dev.pulse.access.followups.FollowUpResult;
import dev.pulse.access.followups.FollowUps;
import dev.pulse.access.portfolio.AccountActivity;
import dev.pulse.access.portfolio.Portfolio;
import dev.pulse.access.portfolio.PortfolioActivity;
import dev.pulse.access.portfolio.PortfolioEntry;
import dev.pulse.access.portfolio.Portfolios;
import dev.pulse.access.security.AccessDeniedException;
import dev.pulse.access.security.AccessScope;
import dev.pulse.access.security.AuthorizedStateReader;
import dev.pulse.access.security.Caller;
import dev.pulse.access.security.DirectoryUser;
import dev.pulse.access.security.Principal;
import dev.pulse.access.security.Role;
import dev.pulse.access.security.ScopeSpec;
import dev.pulse.access.security.UserDirectory;
import dev.pulse.access.testing.InMemoryState;
import dev.pulse.access.testing.Scores;
import dev.pulse.topologies.account.Account;
import dev.pulse.topologies.alert.Alert;
import dev.pulse.topologies.alert.AlertAction;
import dev.pulse.topologies.alert.AlertCommand;
import dev.pulse.topologies.alert.AlertKind;
import dev.pulse.topologies.alert.AlertState;
import dev.pulse.topologies.alert.Severity;
import dev.pulse.topologies.followup.FollowUp;
import dev.pulse.topologies.followup.FollowUpStatus;
import dev.pulse.topologies.health.Band;
import dev.pulse.topologies.health.HealthScore;
import dev.pulse.topologies.time.UtcDays;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The rules every front end used to spell on its own, now decided once. */
class UseCasesTest {
    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
    private static final String SARAH = "sarah@example.com";
    private static final String DAVID = "david@example.com";

    private final InMemoryState state = new InMemoryState();
    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private final CommandRecorder recorder = new CommandRecorder(state);
    private final Alerts alerts = new Alerts(recorder, clock);
    private final UserDirectory directory =
            UserDirectory.of(
                    List.of(
                            new DirectoryUser(
                                    SARAH,
                                    "Sarah",
                                    Role.VIEWER,
                                    ScopeSpec.parse("own"),
                                    null,
                                    null),
                            new DirectoryUser(
                                    DAVID,
                                    "David",
                                    Role.VIEWER,
                                    ScopeSpec.parse("own"),
                                    null,
                                    null)));
    private final FollowUps followUps = new FollowUps(recorder, alerts, clock, directory);

    @Test
    void portfolioTiesGoByTenantIdAfterBandAndScoreAndUnscoredAccountsComeLast() {
        for (String tenant : List.of("delta", "bravo", "alpha", "charlie", "echo")) {
            state.accounts.add(account(tenant, SARAH));
        }
        state.scores.put("delta", score("delta", 30, Band.AT_RISK));
        state.scores.put("bravo", score("bravo", 30, Band.AT_RISK));
        state.scores.put("charlie", score("charlie", 80, Band.HEALTHY));
        state.scores.put("echo", score("echo", 30, Band.NEUTRAL));

        List<String> order =
                new Portfolios(clock)
                                .of(caller(Role.VIEWER, SARAH, Set.of(SARAH)), List.of(SARAH))
                                .entries()
                                .stream()
                                .map(PortfolioEntry::tenantId)
                                .toList();

        assertThat(order).containsExactly("bravo", "delta", "echo", "charlie", "alpha");
    }

    @Test
    void portfolioActivityCountsOpenWorkAndKeepsThirtyDaysOfScoresOldestFirst() {
        state.accounts.add(account("acme", SARAH));
        state.accounts.add(account("globex", SARAH));
        state.scores.put("acme", score("acme", 40, Band.AT_RISK));
        state.alerts.add(firing("acme", "usage-drop"));
        state.alerts.add(withState(firing("acme", "silence"), AlertState.RESOLVED));
        for (int daysAgo = 40; daysAgo >= 1; daysAgo--) {
            state.daily.add(endOfDay("acme", daysAgo, 80 - daysAgo));
        }
        Caller sarah = caller(Role.VIEWER, SARAH, Set.of(SARAH));
        state.followUps.add(created(sarah, "call", FollowUpStatus.OPEN));
        state.followUps.add(created(sarah, "mail", FollowUpStatus.DONE));

        Portfolio portfolio = new Portfolios(clock).of(sarah, List.of(SARAH));
        Map<String, AccountActivity> activity = PortfolioActivity.of(sarah, portfolio);

        AccountActivity acme = activity.get("acme");
        assertThat(acme.openAlerts()).isEqualTo(1);
        assertThat(acme.openFollowUps()).isEqualTo(1);
        assertThat(acme.recentScores()).hasSize(PortfolioActivity.DAYS);
        assertThat(acme.recentScores().get(0).day()).isEqualTo(LocalDate.of(2026, 11, 1));
        assertThat(acme.recentScores().get(PortfolioActivity.DAYS - 1).score()).isEqualTo(79);
        assertThat(activity.get("globex")).isEqualTo(new AccountActivity(0, 0, List.of()));
        assertThat(activity.keySet()).containsExactly("acme", "globex");
    }

    @Test
    void aPortfolioOutsideTheScopeIsRefusedNotFiltered() {
        state.accounts.add(account("acme", DAVID));
        Caller sarah = caller(Role.VIEWER, SARAH, Set.of(SARAH));

        assertThatThrownBy(() -> new Portfolios(clock).of(sarah, List.of(DAVID)))
                .isInstanceOf(AccessDeniedException.class)
                .hasMessageContaining("you may not see the portfolio of " + DAVID);
    }

    @Test
    void actingOnAnAlertIsAcceptedOnceThenAConflictAndAnUnknownAlertIsNotFound() {
        state.accounts.add(account("acme", SARAH));
        state.alerts.add(firing("acme", "usage-drop"));
        Caller sarah = caller(Role.VIEWER, SARAH, Set.of(SARAH));

        AlertActionResult ack = alerts.act(sarah, "acme/usage-drop", AlertAction.ACK, null, null);
        assertThat(ack).isInstanceOf(AlertActionResult.Accepted.class);
        assertThat(state.published).singleElement().isInstanceOf(AlertCommand.class);

        state.alerts.set(0, withState(state.alerts.get(0), AlertState.RESOLVED));
        AlertActionResult again =
                alerts.act(sarah, "acme/usage-drop", AlertAction.RESOLVE, null, null);
        assertThat(again).isInstanceOf(AlertActionResult.Conflict.class);
        assertThat(((AlertActionResult.Conflict) again).reason())
                .isEqualTo("alert 'acme/usage-drop' is resolved; it cannot be resolved now");

        assertThat(alerts.act(sarah, "acme/no-such-rule", AlertAction.ACK, null, null))
                .isEqualTo(new AlertActionResult.NotFound("acme/no-such-rule"));
        assertThat(state.published).hasSize(1);
    }

    @Test
    void aCustomerAdminMayReadButNotActOnAlertsOrKeepFollowUps() {
        state.accounts.add(account("acme", SARAH));
        state.alerts.add(firing("acme", "usage-drop"));
        Caller customer = caller(Role.CUSTOMER_ADMIN, "it@acme.example", Set.of(SARAH));

        assertThatThrownBy(
                        () -> alerts.act(customer, "acme/usage-drop", AlertAction.ACK, null, null))
                .isInstanceOf(AccessDeniedException.class)
                .hasMessage(
                        "acting on alerts needs role viewer, analyst, manager or admin; you have"
                                + " role customer-admin");
        assertThatThrownBy(
                        () ->
                                followUps.create(
                                        customer,
                                        "acme",
                                        new FollowUpDraft("call", null, null, null)))
                .isInstanceOf(AccessDeniedException.class)
                .hasMessageContaining("follow-ups need role");
        assertThat(state.published).isEmpty();
    }

    @Test
    void anOverLongFollowUpTitleIsInvalidNotTruncated() {
        state.accounts.add(account("acme", SARAH));
        Caller sarah = caller(Role.VIEWER, SARAH, Set.of(SARAH));

        FollowUpResult tooLong =
                followUps.create(
                        sarah, "acme", new FollowUpDraft("x".repeat(201), null, null, null));
        FollowUpResult fits =
                followUps.create(
                        sarah, "acme", new FollowUpDraft("x".repeat(200), null, null, null));

        assertThat(tooLong)
                .isEqualTo(new FollowUpResult.Invalid("title", "must be 1 to 200 characters"));
        assertThat(fits).isInstanceOf(FollowUpResult.Accepted.class);
        assertThat(((FollowUpResult.Accepted) fits).followUp().title()).hasSize(200);
        assertThat(state.published).hasSize(1);
    }

    @Test
    void aMachineCallerMustNameTheFollowUpsOwnerAndAnUnknownAccountIsNotFound() {
        Caller key =
                new Caller(
                        new Principal("api-key:k1", null, Role.ADMIN, ScopeSpec.ALL, "api-key"),
                        everything(),
                        new AuthorizedStateReader(state, everything()));

        assertThat(followUps.create(key, "acme", new FollowUpDraft("call", null, null, null)))
                .isInstanceOf(FollowUpResult.Invalid.class)
                .extracting(r -> ((FollowUpResult.Invalid) r).field())
                .isEqualTo("owner");
        assertThat(followUps.create(key, "nobody", new FollowUpDraft("call", null, SARAH, null)))
                .isEqualTo(new FollowUpResult.NotFound("no account 'nobody' in the directory"));
    }

    @Test
    void aFollowUpOwnerWhoIsNotAPulseUserIsInvalidOnCreateAndOnReassign() {
        state.accounts.add(account("acme", SARAH));
        Caller sarah = caller(Role.VIEWER, SARAH, Set.of(SARAH));
        String stranger = "zed@example.com";

        FollowUpResult toStranger =
                followUps.create(sarah, "acme", new FollowUpDraft("call", null, stranger, null));
        FollowUpResult toDavid =
                followUps.create(
                        sarah, "acme", new FollowUpDraft("call", null, "David@Example.com", null));
        FollowUp mine = created(sarah, "mail", FollowUpStatus.OPEN);
        state.followUps.add(mine);
        FollowUpResult reassigned =
                followUps.update(
                        sarah,
                        "acme",
                        mine.id(),
                        new FollowUpChange(null, null, null, false, stranger, null));

        FollowUpResult.Invalid expected =
                new FollowUpResult.Invalid("owner", FollowUps.unknownOwner(stranger));
        assertThat(toStranger).isEqualTo(expected);
        assertThat(reassigned).isEqualTo(expected);
        assertThat(expected.problem()).contains("not a Pulse user in users.yaml");
        assertThat(toDavid).isInstanceOf(FollowUpResult.Accepted.class);
        assertThat(state.published).hasSize(2);
    }

    private Caller caller(Role role, String email, Set<String> owners) {
        AccessScope scope = ownersScope(owners);
        return new Caller(
                new Principal(email, email, role, ScopeSpec.parse("own"), "test"),
                scope,
                new AuthorizedStateReader(state, scope));
    }

    private AccessScope ownersScope(Set<String> owners) {
        return new AccessScope() {
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
                return "accounts owned by " + owners;
            }
        };
    }

    private static AccessScope everything() {
        return new AccessScope() {
            @Override
            public boolean allowsTenant(String tenantId) {
                return true;
            }

            @Override
            public boolean allowsOwner(String ownerEmail) {
                return true;
            }

            @Override
            public boolean isUnlimited() {
                return true;
            }

            @Override
            public String describe() {
                return "everything";
            }
        };
    }

    private static Account account(String tenant, String owner) {
        return new Account(tenant, tenant + " Inc.", owner, null, "pro", 10L, 1e5, null, null);
    }

    private static HealthScore score(String tenant, double score, Band band) {
        return new HealthScore(
                tenant, score, band, "test", NOW, null, null, List.of(), "none", null, null, null);
    }

    /** The score that closed the UTC day {@code daysAgo} days before today. */
    private static HealthScore endOfDay(String tenant, int daysAgo, double score) {
        return Scores.score(
                tenant, score, UtcDays.startOfDay(NOW).minus(Duration.ofDays(daysAgo - 1L)));
    }

    /** A follow-up on acme created through the use case, stored as it stands in {@code status}. */
    private FollowUp created(Caller caller, String title, FollowUpStatus status) {
        FollowUp f =
                ((FollowUpResult.Accepted)
                                followUps.create(
                                        caller, "acme", new FollowUpDraft(title, null, null, null)))
                        .followUp();
        return new FollowUp(
                f.id(),
                f.tenantId(),
                f.alertId(),
                f.title(),
                f.dueDate(),
                status,
                f.owner(),
                f.createdBy(),
                f.createdAt(),
                NOW,
                f.note());
    }

    private static Alert firing(String tenant, String rule) {
        return new Alert(
                Alert.id(tenant, rule),
                tenant,
                rule,
                AlertKind.USAGE_DROP,
                Severity.WARNING,
                AlertState.FIRING,
                NOW.minusSeconds(3600),
                NOW.minusSeconds(60),
                null,
                "usage fell",
                SARAH,
                "/v1/accounts/" + tenant,
                null,
                NOW,
                "1",
                null,
                null,
                null,
                null);
    }

    private static Alert withState(Alert a, AlertState state) {
        return new Alert(
                a.id(),
                a.tenantId(),
                a.ruleId(),
                a.kind(),
                a.severity(),
                state,
                a.firstSeenAt(),
                a.firedAt(),
                NOW,
                a.explanation(),
                a.owner(),
                a.link(),
                a.scoreAtFire(),
                a.lastEvaluatedAt(),
                a.ruleVersion(),
                a.acknowledgedAt(),
                a.snoozedUntil(),
                a.actedBy(),
                null);
    }
}
