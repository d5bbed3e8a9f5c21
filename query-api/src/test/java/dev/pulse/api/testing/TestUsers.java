package dev.pulse.api.testing;

import dev.pulse.access.security.DirectoryUser;
import dev.pulse.access.security.Role;
import dev.pulse.access.security.ScopeSpec;
import dev.pulse.access.security.UserDirectory;
import java.util.List;

/**
 * The user directory of the API tests: an admin, a manager with two account managers reporting to
 * them, an analyst, an ingest machine user, and a customer-admin of {@code acme}.
 */
public final class TestUsers {
    public static final String ADMIN = "admin@example.com";
    public static final String VP = "vp@example.com";
    public static final String SARAH = "sarah@example.com";
    public static final String MARC = "marc@example.com";
    public static final String ANALYST = "ana@example.com";
    public static final String INGEST = "ingest@example.com";
    public static final String ACME_ADMIN = "it@acme.example";

    private TestUsers() {}

    public static UserDirectory directory() {
        return UserDirectory.of(
                List.of(
                        user(ADMIN, Role.ADMIN, ScopeSpec.ALL, null, null),
                        user(VP, Role.MANAGER, ScopeSpec.TEAM, null, null),
                        user(SARAH, Role.VIEWER, ScopeSpec.OWN, VP, null),
                        user(MARC, Role.VIEWER, ScopeSpec.OWN, VP, null),
                        user(ANALYST, Role.ANALYST, ScopeSpec.OWN, null, null),
                        user(INGEST, Role.INGEST, ScopeSpec.NONE, null, null),
                        user(
                                ACME_ADMIN,
                                Role.CUSTOMER_ADMIN,
                                ScopeSpec.tenant("acme"),
                                null,
                                "acme")));
    }

    public static DirectoryUser user(
            String email, Role role, ScopeSpec scope, String manager, String tenant) {
        return new DirectoryUser(email, email, role, scope, manager, tenant);
    }
}
