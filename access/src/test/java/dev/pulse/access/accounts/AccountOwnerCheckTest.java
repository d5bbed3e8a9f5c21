package dev.pulse.access.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pulse.access.security.DirectoryUser;
import dev.pulse.access.security.Role;
import dev.pulse.access.security.ScopeSpec;
import dev.pulse.access.security.UserDirectory;
import dev.pulse.topologies.account.Account;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AccountOwnerCheckTest {
    private final AccountOwnerCheck check =
            new AccountOwnerCheck(
                    UserDirectory.of(
                            List.of(
                                    new DirectoryUser(
                                            "sarah@example.com",
                                            "Sarah",
                                            Role.VIEWER,
                                            ScopeSpec.parse("own"),
                                            null,
                                            null))));

    @Test
    void namesEachOwnerWhoIsNotAPulseUserWithTheirAccountsInAnyLetterCase() {
        List<Account> accounts =
                List.of(
                        account("acme", "Sarah@Example.com"),
                        account("globex", "Zed@Example.com"),
                        account("initech", "zed@example.com"),
                        account("hooli", "amy@example.com"));

        Map<String, List<String>> unknown = check.unknownOwners(accounts);

        assertThat(unknown)
                .containsExactly(
                        Map.entry("zed@example.com", List.of("globex", "initech")),
                        Map.entry("amy@example.com", List.of("hooli")));
        assertThat(check.countUnknown(accounts)).isEqualTo(3);
        assertThat(AccountOwnerCheck.warning("zed@example.com"))
                .startsWith("owner 'zed@example.com' is not a Pulse user in users.yaml");
    }

    private static Account account(String tenant, String owner) {
        return new Account(tenant, tenant + " Inc.", owner, null, "pro", 10L, 1e5, null, null);
    }
}
