package dev.pulse.access.security;

import static dev.pulse.access.security.RecordingStateReader.account;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pulse.topologies.account.Account;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class AccessPolicyTest {
    private static final UserDirectory DIRECTORY =
            UserDirectory.fromYaml(
                    """
                    users:
                      - email: vp@x.test
                        role: manager
                      - email: lead@x.test
                        role: manager
                        manager: vp@x.test
                      - email: sarah@x.test
                        role: viewer
                        manager: lead@x.test
                      - email: tom@x.test
                        role: viewer
                        manager: lead@x.test
                      - email: west@x.test
                        role: manager
                        manager: vp@x.test
                      - email: aisha@x.test
                        role: viewer
                        manager: west@x.test
                      - email: loner@x.test
                        role: manager
                    """);

    private static final Map<String, Account> ACCOUNTS =
            List.of(
                            account("acme", "sarah@x.test"),
                            account("globex", "Tom@X.test"),
                            account("initech", "aisha@x.test"),
                            account("hooli", "lead@x.test"),
                            account("umbrella", "outsider@y.test"),
                            account("vandelay", null))
                    .stream()
                    .collect(Collectors.toMap(Account::tenantId, a -> a));

    private static final List<String> TENANTS =
            List.of("acme", "globex", "initech", "hooli", "umbrella", "vandelay", "no-record");

    private final Function<String, Optional<Account>> lookup =
            t -> Optional.ofNullable(ACCOUNTS.get(t));
    private final AccessPolicy policy = new AccessPolicy(DIRECTORY, lookup);

    @Test
    void scopeAllSeesEveryTenantIncludingThoseWithoutAccountRecord() {
        AccessScope scope = policy.scopeFor(principal("root@x.test", Role.ADMIN, ScopeSpec.ALL));

        assertThat(scope.isUnlimited()).isTrue();
        assertThat(visible(scope)).containsExactlyElementsOf(TENANTS);
        assertThat(scope.allowsOwner("anyone@x.test")).isTrue();
        assertThat(scope.describe()).isEqualTo("all tenants");
    }

    @Test
    void ownScopeSeesOnlyAccountsOwnedByTheCaller() {
        AccessScope scope = policy.scopeFor(principal("sarah@x.test", Role.VIEWER, ScopeSpec.OWN));

        assertThat(scope.isUnlimited()).isFalse();
        assertThat(visible(scope)).containsExactly("acme");
        assertThat(scope.allowsOwner("sarah@x.test")).isTrue();
        assertThat(scope.allowsOwner("tom@x.test")).isFalse();
        assertThat(scope.describe()).isEqualTo("accounts owned by sarah@x.test");
    }

    @Test
    void ownershipComparesEmailsIgnoringCase() {
        AccessScope scope = policy.scopeFor(principal("TOM@x.test", Role.ANALYST, ScopeSpec.OWN));

        assertThat(visible(scope)).containsExactly("globex");
        assertThat(scope.allowsOwner("Tom@X.Test")).isTrue();
    }

    @Test
    void managerSeesAccountsOfDirectReportsAndTheirOwn() {
        AccessScope scope = policy.scopeFor(principal("lead@x.test", Role.MANAGER, ScopeSpec.TEAM));

        assertThat(visible(scope)).containsExactly("acme", "globex", "hooli");
        assertThat(scope.allowsOwner("tom@x.test")).isTrue();
        assertThat(scope.allowsOwner("aisha@x.test")).isFalse();
        assertThat(scope.describe()).isEqualTo("accounts of the team of lead@x.test (3 people)");
    }

    @Test
    void managerSeesAccountsOfIndirectReports() {
        AccessScope scope = policy.scopeFor(principal("vp@x.test", Role.MANAGER, ScopeSpec.TEAM));

        assertThat(visible(scope)).containsExactly("acme", "globex", "initech", "hooli");
        assertThat(scope.allowsOwner("aisha@x.test")).isTrue();
        assertThat(scope.allowsOwner("outsider@y.test")).isFalse();
    }

    @Test
    void managerWithoutReportsSeesOnlyTheirOwn() {
        AccessScope scope =
                policy.scopeFor(principal("loner@x.test", Role.MANAGER, ScopeSpec.TEAM));

        assertThat(visible(scope)).isEmpty();
        assertThat(scope.allowsOwner("loner@x.test")).isTrue();
    }

    @Test
    void teamScopeOfSomeoneOutsideTheDirectoryIsTheirOwnAccounts() {
        AccessScope scope =
                policy.scopeFor(principal("outsider@y.test", Role.MANAGER, ScopeSpec.TEAM));

        assertThat(visible(scope)).containsExactly("umbrella");
    }

    @Test
    void tenantScopeSeesExactlyThatTenantAndNoPortfolio() {
        AccessScope scope =
                policy.scopeFor(
                        principal(
                                "ops@acme.example", Role.CUSTOMER_ADMIN, ScopeSpec.tenant("acme")));

        assertThat(visible(scope)).containsExactly("acme");
        assertThat(scope.allowsOwner("sarah@x.test")).isFalse();
        assertThat(scope.describe()).isEqualTo("tenant acme only");
    }

    @Test
    void tenantScopeNamesItsTenantEvenWithoutAccountRecord() {
        AccessScope scope =
                policy.scopeFor(principal("key", Role.VIEWER, ScopeSpec.tenant("no-record")));

        assertThat(visible(scope)).containsExactly("no-record");
    }

    @Test
    void noneSeesNothing() {
        AccessScope scope = policy.scopeFor(principal("x@x.test", Role.VIEWER, ScopeSpec.NONE));

        assertThat(visible(scope)).isEmpty();
        assertThat(scope.allowsOwner("x@x.test")).isFalse();
    }

    @Test
    void ingestRoleReadsNothingWhateverItsScope() {
        AccessScope scope = policy.scopeFor(principal("pipe", Role.INGEST, ScopeSpec.ALL));

        assertThat(scope.isUnlimited()).isFalse();
        assertThat(visible(scope)).isEmpty();
        assertThat(scope.allowsOwner("sarah@x.test")).isFalse();
        assertThat(scope.describe()).contains("ingest");
    }

    @Test
    void customerAdminWithoutTenantScopeReadsNothing() {
        AccessScope scope =
                policy.scopeFor(principal("ops@acme.example", Role.CUSTOMER_ADMIN, ScopeSpec.ALL));

        assertThat(visible(scope)).isEmpty();
    }

    @Test
    void ownOrTeamScopeWithoutEmailReadsNothing() {
        Principal key = new Principal("api-key:abc", null, Role.ANALYST, ScopeSpec.TEAM, "api-key");

        assertThat(visible(policy.scopeFor(key))).isEmpty();
    }

    @Test
    void accountWithoutOwnerIsVisibleOnlyToUnlimitedScopes() {
        AccessScope team = policy.scopeFor(principal("vp@x.test", Role.MANAGER, ScopeSpec.TEAM));

        assertThat(team.allowsTenant("vandelay")).isFalse();
        assertThat(team.allowsOwner(null)).isFalse();
    }

    @Test
    void ownershipChangesTakeEffectFromTheNextRequest() {
        Map<String, Account> live = new java.util.HashMap<>(ACCOUNTS);
        AccessPolicy livePolicy =
                new AccessPolicy(DIRECTORY, t -> Optional.ofNullable(live.get(t)));
        Principal sarah = principal("sarah@x.test", Role.VIEWER, ScopeSpec.OWN);
        AccessScope thisRequest = livePolicy.scopeFor(sarah);
        assertThat(thisRequest.allowsTenant("acme")).isTrue();

        live.put("acme", account("acme", "tom@x.test"));

        // One request answers consistently (each account is read once per scope) ...
        assertThat(thisRequest.allowsTenant("acme")).isTrue();
        // ... and the next request sees the new owner.
        assertThat(livePolicy.scopeFor(sarah).allowsTenant("acme")).isFalse();
    }

    @Test
    void allowsAccountAgreesWithAllowsTenant() {
        for (Principal p :
                List.of(
                        principal("vp@x.test", Role.MANAGER, ScopeSpec.TEAM),
                        principal("sarah@x.test", Role.VIEWER, ScopeSpec.OWN),
                        principal("o@acme.example", Role.CUSTOMER_ADMIN, ScopeSpec.tenant("acme")),
                        principal("root@x.test", Role.ADMIN, ScopeSpec.ALL))) {
            AccessScope scope = policy.scopeFor(p);
            for (Account a : ACCOUNTS.values()) {
                assertThat(scope.allowsAccount(a))
                        .as("%s on %s", p.subject(), a.tenantId())
                        .isEqualTo(scope.allowsTenant(a.tenantId()));
            }
        }
    }

    private static List<String> visible(AccessScope scope) {
        return TENANTS.stream().filter(scope::allowsTenant).toList();
    }

    private static Principal principal(String email, Role role, ScopeSpec scope) {
        return new Principal(email, email, role, scope, "test");
    }
}
