package dev.pulse.access.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The shipped {@code config/users.yaml} is valid and says what the demo relies on. */
class DemoUsersFileTest {
    private static final Path FILE = Path.of("../config/users.yaml");
    private static final String DOMAIN = "@demo.pulse.dev";

    private final UserDirectory directory = UserDirectory.fromYaml(read(FILE));

    @Test
    void accountManagersSeeTheirOwnAccounts() {
        DirectoryUser sarah = directory.find("sarah.chen" + DOMAIN).orElseThrow();

        assertThat(sarah.role()).isEqualTo(Role.VIEWER);
        assertThat(sarah.scope()).isEqualTo(ScopeSpec.OWN);
        assertThat(sarah.manager()).isEqualTo("priya.raman" + DOMAIN);
        assertThat(directory.find("maria.gonzalez" + DOMAIN).orElseThrow().role())
                .isEqualTo(Role.ANALYST);
    }

    @Test
    void teamManagersSeeTheirTeams() {
        assertThat(directory.teamOf("priya.raman" + DOMAIN))
                .containsExactlyInAnyOrder(
                        "priya.raman" + DOMAIN,
                        "sarah.chen" + DOMAIN,
                        "david.okafor" + DOMAIN,
                        "maria.gonzalez" + DOMAIN,
                        "james.whitfield" + DOMAIN);
        assertThat(directory.teamOf("daniel.novak" + DOMAIN))
                .containsExactlyInAnyOrder(
                        "daniel.novak" + DOMAIN,
                        "aisha.khan" + DOMAIN,
                        "tom.becker" + DOMAIN,
                        "elena.petrova" + DOMAIN,
                        "kenji.watanabe" + DOMAIN);
    }

    @Test
    void vpSeesEveryAccountManagerThroughTheTeamChain() {
        DirectoryUser marcus = directory.find("marcus.webb" + DOMAIN).orElseThrow();

        assertThat(marcus.role()).isEqualTo(Role.MANAGER);
        assertThat(marcus.scope()).isEqualTo(ScopeSpec.TEAM);
        assertThat(directory.teamOf(marcus.email()))
                .hasSize(11)
                .contains("sarah.chen" + DOMAIN, "kenji.watanabe" + DOMAIN);
    }

    @Test
    void adminBiAndCustomerAdminHaveTheirScopes() {
        assertThat(directory.find("admin" + DOMAIN).orElseThrow().scope()).isEqualTo(ScopeSpec.ALL);
        DirectoryUser bi = directory.find("bi" + DOMAIN).orElseThrow();
        assertThat(bi.role()).isEqualTo(Role.ANALYST);
        assertThat(bi.scope()).isEqualTo(ScopeSpec.ALL);
        DirectoryUser customer =
                directory.find("it-admin@yellowstone-outfitters.example").orElseThrow();
        assertThat(customer.role()).isEqualTo(Role.CUSTOMER_ADMIN);
        assertThat(customer.scope()).isEqualTo(ScopeSpec.tenant("yellowstone-outfitters"));
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
