package dev.pulse.access.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class UserDirectoryTest {

    private static final String ORG =
            """
            users:
              - email: vp@x.test
                name: The VP
                role: manager
              - email: lead@x.test
                role: manager
                manager: vp@x.test
              - email: sarah@x.test
                name: Sarah
                role: viewer
                manager: lead@x.test
              - email: tom@x.test
                role: analyst
                manager: lead@x.test
                scope: team
              - email: other@x.test
                role: viewer
                manager: vp@x.test
              - email: root@x.test
                role: admin
              - email: ops@acme.example
                role: customer-admin
                tenant: acme
            """;

    @Test
    void parsesUsersWithScopesDefaultedByRole() {
        UserDirectory directory = UserDirectory.fromYaml(ORG);

        assertThat(directory.size()).isEqualTo(7);
        assertThat(directory.find("sarah@x.test"))
                .contains(
                        new DirectoryUser(
                                "sarah@x.test",
                                "Sarah",
                                Role.VIEWER,
                                ScopeSpec.OWN,
                                "lead@x.test",
                                null));
        assertThat(directory.find("vp@x.test").orElseThrow().scope()).isEqualTo(ScopeSpec.TEAM);
        assertThat(directory.find("root@x.test").orElseThrow().scope()).isEqualTo(ScopeSpec.ALL);
        assertThat(directory.find("tom@x.test").orElseThrow().scope()).isEqualTo(ScopeSpec.TEAM);
    }

    @Test
    void nameDefaultsToTheEmail() {
        assertThat(UserDirectory.fromYaml(ORG).find("lead@x.test").orElseThrow().name())
                .isEqualTo("lead@x.test");
    }

    @Test
    void customerAdminIsScopedToTheirTenant() {
        DirectoryUser ops = UserDirectory.fromYaml(ORG).find("ops@acme.example").orElseThrow();

        assertThat(ops.role()).isEqualTo(Role.CUSTOMER_ADMIN);
        assertThat(ops.tenant()).isEqualTo("acme");
        assertThat(ops.scope()).isEqualTo(ScopeSpec.tenant("acme"));
    }

    @Test
    void lookupsIgnoreLetterCase() {
        UserDirectory directory =
                UserDirectory.fromYaml(
                        """
                        users:
                          - email: Sarah.Chen@X.test
                            role: viewer
                            manager: LEAD@x.test
                          - email: lead@X.TEST
                            role: manager
                        """);

        assertThat(directory.find("SARAH.chen@x.TEST")).isPresent();
        assertThat(directory.find("sarah.chen@x.test").orElseThrow().email())
                .isEqualTo("sarah.chen@x.test");
        assertThat(directory.teamOf("Lead@X.Test"))
                .containsExactlyInAnyOrder("lead@x.test", "sarah.chen@x.test");
    }

    @Test
    void managerSeesDirectAndIndirectReports() {
        UserDirectory directory = UserDirectory.fromYaml(ORG);

        assertThat(directory.teamOf("vp@x.test"))
                .containsExactlyInAnyOrder(
                        "vp@x.test", "lead@x.test", "sarah@x.test", "tom@x.test", "other@x.test");
        assertThat(directory.teamOf("lead@x.test"))
                .containsExactlyInAnyOrder("lead@x.test", "sarah@x.test", "tom@x.test");
    }

    @Test
    void teamOfSomeoneWithoutReportsIsJustThemselves() {
        UserDirectory directory = UserDirectory.fromYaml(ORG);

        assertThat(directory.teamOf("sarah@x.test")).containsExactly("sarah@x.test");
        assertThat(directory.teamOf("Stranger@Elsewhere.test"))
                .containsExactly("stranger@elsewhere.test");
        assertThat(directory.teamOf(null)).isEmpty();
    }

    @Test
    void unknownPersonIsNotFound() {
        assertThat(UserDirectory.fromYaml(ORG).find("nobody@x.test")).isEmpty();
    }

    @Test
    void rejectsDuplicateEmailInAnyCase() {
        assertInvalid(
                """
                users:
                  - email: a@x.test
                    role: viewer
                  - email: A@X.test
                    role: admin
                """,
                "user #2 (a@x.test): duplicate e-mail, already used by user #1");
    }

    @Test
    void rejectsUnknownRole() {
        assertInvalid(
                """
                users:
                  - email: a@x.test
                    role: superuser
                """,
                "user #1 (a@x.test): unknown role 'superuser'");
    }

    @Test
    void rejectsMissingRole() {
        assertInvalid(
                """
                users:
                  - email: a@x.test
                """,
                "user #1 (a@x.test): 'role' is required");
    }

    @Test
    void rejectsCustomerAdminWithoutTenant() {
        assertInvalid(
                """
                users:
                  - email: ops@acme.example
                    role: customer-admin
                """,
                "user #1 (ops@acme.example): role customer-admin needs 'tenant: <tenant id>'");
    }

    @Test
    void rejectsCustomerAdminWithWiderScope() {
        assertInvalid(
                """
                users:
                  - email: ops@acme.example
                    role: customer-admin
                    tenant: acme
                    scope: all
                """,
                "user #1 (ops@acme.example): a customer-admin sees only their tenant;"
                        + " scope must be 'tenant:acme', not 'all'");
    }

    @Test
    void rejectsTenantOnOtherRoles() {
        assertInvalid(
                """
                users:
                  - email: a@x.test
                    role: viewer
                    tenant: acme
                """,
                "user #1 (a@x.test): 'tenant' is only for role customer-admin");
    }

    @Test
    void rejectsManagerNotInTheDirectory() {
        assertInvalid(
                """
                users:
                  - email: a@x.test
                    role: viewer
                    manager: ghost@x.test
                """,
                "user #1 (a@x.test): manager 'ghost@x.test' is not in the directory");
    }

    @Test
    void rejectsManagementCycle() {
        assertInvalid(
                """
                users:
                  - email: a@x.test
                    role: manager
                    manager: c@x.test
                  - email: b@x.test
                    role: manager
                    manager: a@x.test
                  - email: c@x.test
                    role: manager
                    manager: b@x.test
                  - email: d@x.test
                    role: viewer
                    manager: a@x.test
                """,
                "management cycle: a@x.test -> c@x.test -> b@x.test -> a@x.test");
    }

    @Test
    void rejectsSomeoneManagingThemselves() {
        assertInvalid(
                """
                users:
                  - email: a@x.test
                    role: manager
                    manager: A@x.test
                """,
                "management cycle: a@x.test -> a@x.test");
    }

    @Test
    void reportsACycleOnlyOnce() {
        assertThatThrownBy(
                        () ->
                                UserDirectory.fromYaml(
                                        """
                                        users:
                                          - email: a@x.test
                                            role: manager
                                            manager: b@x.test
                                          - email: b@x.test
                                            role: manager
                                            manager: a@x.test
                                        """))
                .hasMessageContaining("(1 problem)");
    }

    @Test
    void rejectsMisspeltKey() {
        assertInvalid(
                """
                users:
                  - email: a@x.test
                    role: viewer
                    manger: b@x.test
                """,
                "user #1 (a@x.test): unknown key 'manger'");
    }

    @Test
    void rejectsUnknownScope() {
        assertInvalid(
                """
                users:
                  - email: a@x.test
                    role: viewer
                    scope: everything
                """,
                "user #1 (a@x.test): unknown scope 'everything'");
    }

    @Test
    void rejectsMissingOrMalformedEmail() {
        assertInvalid(
                """
                users:
                  - role: viewer
                  - email: not-an-address
                    role: viewer
                """,
                "user #1: 'email' is required",
                "user #2 (not-an-address): 'not-an-address' is not an e-mail address");
    }

    @Test
    void rejectsFileWithoutUsersList() {
        assertInvalid("people: []", "expected a top-level 'users:' list");
        assertInvalid("", "expected a top-level 'users:' list");
    }

    @Test
    void rejectsInvalidYaml() {
        assertInvalid("users: [ {email: a@x.test", "not valid YAML");
    }

    @Test
    void rejectsDuplicateKeyInAnEntry() {
        assertInvalid(
                """
                users:
                  - email: a@x.test
                    role: viewer
                    role: admin
                """,
                "not valid YAML",
                "role");
    }

    @Test
    void listsEveryProblemAtOnce() {
        assertInvalid(
                """
                users:
                  - email: a@x.test
                    role: wizard
                  - email: b@x.test
                    role: viewer
                    scope: galaxy
                """,
                "(2 problems)",
                "user #1 (a@x.test): unknown role 'wizard'",
                "user #2 (b@x.test): unknown scope 'galaxy'");
    }

    @Test
    void emptyListIsAnEmptyDirectory() {
        assertThat(UserDirectory.fromYaml("users: []").users()).isEmpty();
    }

    private static void assertInvalid(String yaml, String... fragments) {
        assertThatThrownBy(() -> UserDirectory.fromYaml(yaml))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContainingAll(fragments);
    }
}
