package dev.pulse.bot.command;

import java.util.Objects;

/** An account a typed name may refer to: its tenant id and its display name. */
public record AccountCandidate(String tenantId, String name) {
    public AccountCandidate {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(name, "name");
    }
}
