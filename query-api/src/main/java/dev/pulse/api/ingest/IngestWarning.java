package dev.pulse.api.ingest;

import java.util.List;

/**
 * Something about accepted records a person should fix, though nothing was refused.
 *
 * @param code a stable label, e.g. {@code unknown_owner}
 * @param owner the owner it is about, for {@code unknown_owner}
 * @param tenantIds the accounts it concerns
 * @param detail what is wrong and how to fix it, for a person
 */
record IngestWarning(String code, String owner, List<String> tenantIds, String detail) {
    static final String UNKNOWN_OWNER = "unknown_owner";

    IngestWarning {
        tenantIds = List.copyOf(tenantIds);
    }
}
