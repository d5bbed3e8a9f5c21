package dev.pulse.access.security;

import static dev.pulse.access.security.RecordingStateReader.account;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pulse.streams.read.TenantStateReader.Granularity;
import dev.pulse.topologies.account.Account;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class AuthorizedStateReaderTest {
    private static final Instant FROM = Instant.parse("2025-01-01T00:00:00Z");
    private static final Instant TO = Instant.parse("2025-02-01T00:00:00Z");

    private final RecordingStateReader data =
            new RecordingStateReader(
                    List.of(
                            account("acme", "sarah@x.test"),
                            account("globex", "tom@x.test"),
                            account("initech", "sarah@x.test")),
                    Set.of("acme", "globex", "initech", "orphan"));
    private final UserDirectory directory =
            UserDirectory.fromYaml(
                    """
                    users:
                      - email: sarah@x.test
                        role: viewer
                      - email: tom@x.test
                        role: viewer
                    """);
    private final AccessPolicy policy = new AccessPolicy(directory, data::lookup);

    private final AuthorizedStateReader sarah = readerFor("sarah@x.test", ScopeSpec.OWN);

    private static final List<Consumer<AuthorizedStateReader>> SINGLE_TENANT_READS_OF_GLOBEX =
            List.of(
                    r -> r.currentScore("globex"),
                    r -> r.dailyScores("globex", FROM, TO),
                    r -> r.engagement("globex", Granularity.DAY, FROM, TO),
                    r -> r.engagementTotals("globex", FROM, TO),
                    r -> r.engagementTotalsSince("globex", List.of(FROM), TO),
                    r -> r.account("globex"),
                    r -> r.alerts("globex"),
                    r -> r.alert("globex", "gone-silent"),
                    r -> r.alertHistory("globex", FROM, TO),
                    r -> r.followUps("globex"),
                    r -> r.funnelDays("globex", FROM, TO));

    @Test
    void deniesEverySingleTenantReadOutsideScopeBeforeTouchingTheDelegate() {
        for (Consumer<AuthorizedStateReader> read : SINGLE_TENANT_READS_OF_GLOBEX) {
            assertThatThrownBy(() -> read.accept(sarah))
                    .isInstanceOf(AccessDeniedException.class)
                    .hasMessage(
                            "tenant 'globex' is outside your scope (accounts owned by"
                                    + " sarah@x.test)");
        }
        assertThat(data.calls()).isEmpty();
    }

    @Test
    void deniesUnknownTenantExactlyLikeAnotherOwnersTenant() {
        assertThatThrownBy(() -> sarah.currentScore("does-not-exist"))
                .hasMessage(
                        "tenant 'does-not-exist' is outside your scope (accounts owned by"
                                + " sarah@x.test)");
        assertThat(data.calls()).isEmpty();
    }

    @Test
    void passesSingleTenantReadsInsideScopeToTheDelegate() {
        assertThat(sarah.currentScore("acme")).isPresent();
        assertThat(sarah.dailyScores("acme", FROM, TO)).hasSize(1);
        assertThat(sarah.engagement("acme", Granularity.HOUR, FROM, TO)).hasSize(1);
        assertThat(sarah.engagementTotals("acme", FROM, TO).events()).isEqualTo(1);
        assertThat(sarah.account("acme")).map(Account::owner).contains("sarah@x.test");
        assertThat(sarah.alertHistory("acme", FROM, TO)).isEmpty();
        assertThat(sarah.followUps("acme")).isEmpty();

        assertThat(data.calls())
                .containsExactly(
                        "currentScore(acme)",
                        "dailyScores(acme)",
                        "engagement(acme)",
                        "engagementTotals(acme)",
                        "alertHistory(acme)",
                        "followUps(acme)");
    }

    @Test
    void anOwnerScopeAnswersTheAccountWithTheReadItsCheckMade() {
        AtomicInteger lookups = new AtomicInteger();
        AccessPolicy counting =
                new AccessPolicy(
                        directory,
                        tenant -> {
                            lookups.incrementAndGet();
                            return data.lookup(tenant);
                        });
        AuthorizedStateReader own =
                new AuthorizedStateReader(
                        data,
                        counting.scopeFor(
                                new Principal(
                                        "sarah@x.test",
                                        "sarah@x.test",
                                        Role.VIEWER,
                                        ScopeSpec.OWN,
                                        "test")));

        assertThat(own.account("acme")).map(Account::owner).contains("sarah@x.test");
        assertThat(own.currentScore("acme")).isPresent();
        assertThat(lookups).as("one read of the account for the check and the answer").hasValue(1);
        assertThat(data.calls()).containsExactly("currentScore(acme)");
        // A scope that checks without reading accounts leaves the read to the reader.
        assertThat(readerFor("admin@x.test", ScopeSpec.ALL).account("acme")).isPresent();
        assertThat(data.calls()).containsExactly("currentScore(acme)", "account(acme)");
    }

    @Test
    void currentScoresKeepsOnlyAllowedTenantsAndAsksOnlyForThem() {
        assertThat(sarah.currentScores(List.of("acme", "globex", "initech", "orphan")))
                .containsOnlyKeys("acme", "initech");
        assertThat(data.calls()).containsExactly("currentScores(acme,initech)");
    }

    @Test
    void funnelDaysOfManyTenantsKeepsOnlyAllowedTenantsAndAsksOnlyForThem() {
        assertThat(sarah.funnelDays(List.of("acme", "globex", "initech"), FROM, TO))
                .containsOnlyKeys("acme", "initech");
        assertThat(sarah.funnelDays(List.of("globex"), FROM, TO)).isEmpty();
        assertThat(data.calls()).containsExactly("funnelDays(acme,initech)");
    }

    @Test
    void currentScoresWithNothingAllowedDoesNotRead() {
        assertThat(sarah.currentScores(List.of("globex", "orphan"))).isEmpty();
        assertThat(data.calls()).isEmpty();
    }

    @Test
    void journeysKeepOnlyAllowedTenantsAndAskOnlyForThem() {
        sarah.journeys(List.of("acme", "globex", "initech", "orphan"));
        assertThat(data.calls()).containsExactly("journeys(acme,initech)");
    }

    @Test
    void journeysWithNothingAllowedDoNotRead() {
        assertThat(sarah.journeys(List.of("globex", "orphan"))).isEmpty();
        assertThat(data.calls()).isEmpty();
    }

    @Test
    void journeysOfAccountsOutsideTheScopeAreRefusedBeforeAnyRead() {
        Account globex = RecordingStateReader.account("globex", "tom@x.test");
        assertThatThrownBy(() -> sarah.journeysOf(List.of(globex)))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(data.calls()).isEmpty();
    }

    @Test
    void accountsAreFilteredToTheScope() {
        assertThat(sarah.accounts())
                .extracting(Account::tenantId)
                .containsExactly("acme", "initech");
        assertThat(readerFor("tom@x.test", ScopeSpec.OWN).accounts())
                .extracting(Account::tenantId)
                .containsExactly("globex");
        assertThat(readerFor("x@x.test", ScopeSpec.NONE).accounts()).isEmpty();
    }

    @Test
    void accountsOfOwnersAreFilteredToTheScopeToo() {
        // A team scope may cover an owner but not every account they own (a tenant scope here).
        AuthorizedStateReader customer =
                new AuthorizedStateReader(
                        data,
                        policy.scopeFor(
                                new Principal(
                                        "it@initech.test",
                                        "IT",
                                        Role.VIEWER,
                                        ScopeSpec.tenant("initech"),
                                        "test")));

        assertThat(sarah.accountsOwnedBy(List.of("SARAH@x.test")))
                .extracting(Account::tenantId)
                .containsExactlyInAnyOrder("acme", "initech");
        assertThat(customer.accountsOwnedBy(List.of("sarah@x.test")))
                .extracting(Account::tenantId)
                .containsExactly("initech");
        assertThat(readerFor("x@x.test", ScopeSpec.NONE).accountsOwnedBy(List.of("sarah@x.test")))
                .isEmpty();
    }

    @Test
    void unlimitedScopeSeesEverythingIncludingTenantsWithoutAccount() {
        AuthorizedStateReader admin = readerFor("root@x.test", ScopeSpec.ALL);

        assertThat(admin.accounts()).hasSize(3);
        assertThat(admin.currentScore("orphan")).isPresent();
        assertThat(admin.currentScores(List.of("acme", "orphan")))
                .containsOnlyKeys("acme", "orphan");
    }

    @Test
    void customerAdminReadsTheirTenantOnly() {
        AuthorizedStateReader customer =
                new AuthorizedStateReader(
                        data,
                        policy.scopeFor(
                                new Principal(
                                        "ops@globex.example",
                                        "ops@globex.example",
                                        Role.CUSTOMER_ADMIN,
                                        ScopeSpec.tenant("globex"),
                                        "test")));

        assertThat(customer.accounts()).extracting(Account::tenantId).containsExactly("globex");
        assertThat(customer.currentScore("globex")).isPresent();
        assertThatThrownBy(() -> customer.account("acme"))
                .hasMessageContaining("(tenant globex only)");
    }

    private AuthorizedStateReader readerFor(String email, ScopeSpec scope) {
        Role role = scope.kind() == ScopeSpec.Kind.ALL ? Role.ADMIN : Role.VIEWER;
        return new AuthorizedStateReader(
                data, policy.scopeFor(new Principal(email, email, role, scope, "test")));
    }
}
