package dev.pulse.access.security;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;

/**
 * Which tenants a caller may see, as declared (in the user directory or on an API key): {@code
 * all}, {@code own} (accounts they own), {@code team} (accounts of everyone who reports to them,
 * directly or not, and their own), {@code tenant:<id>} (exactly one tenant), or {@code none}.
 */
public record ScopeSpec(Kind kind, String tenantId) {
    public enum Kind {
        ALL,
        OWN,
        TEAM,
        TENANT,
        NONE
    }

    public static final ScopeSpec ALL = new ScopeSpec(Kind.ALL, null);
    public static final ScopeSpec OWN = new ScopeSpec(Kind.OWN, null);
    public static final ScopeSpec TEAM = new ScopeSpec(Kind.TEAM, null);
    public static final ScopeSpec NONE = new ScopeSpec(Kind.NONE, null);

    public ScopeSpec {
        Objects.requireNonNull(kind, "kind");
        if ((kind == Kind.TENANT) != (tenantId != null)) {
            throw new IllegalArgumentException("a tenant scope names exactly one tenant");
        }
    }

    public static ScopeSpec tenant(String tenantId) {
        return new ScopeSpec(Kind.TENANT, tenantId);
    }

    /** The default scope of a role when none is declared. */
    public static ScopeSpec defaultFor(Role role) {
        return switch (role) {
            case ADMIN -> ALL;
            case MANAGER -> TEAM;
            case VIEWER, ANALYST -> OWN;
            case CUSTOMER_ADMIN, INGEST -> NONE;
        };
    }

    @JsonCreator
    public static ScopeSpec parse(String text) {
        String value = text == null ? "" : text.strip();
        if (value.startsWith("tenant:") && value.length() > "tenant:".length()) {
            return tenant(value.substring("tenant:".length()));
        }
        return switch (value.toLowerCase(java.util.Locale.ROOT)) {
            case "all" -> ALL;
            case "own" -> OWN;
            case "team" -> TEAM;
            case "none" -> NONE;
            default ->
                    throw new IllegalArgumentException(
                            "unknown scope '"
                                    + text
                                    + "'; expected all, own, team, none or tenant:<id>");
        };
    }

    @JsonValue
    @Override
    public String toString() {
        return kind == Kind.TENANT
                ? "tenant:" + tenantId
                : kind.name().toLowerCase(java.util.Locale.ROOT);
    }
}
