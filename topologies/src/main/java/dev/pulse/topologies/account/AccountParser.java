package dev.pulse.topologies.account;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pulse.topologies.json.InvalidRecordException;
import dev.pulse.topologies.json.JsonFields;

/** Validates account records, whether they come as JSON, NDJSON or CSV rows. */
public final class AccountParser {
    private AccountParser() {}

    public static Account parse(JsonNode node) {
        JsonFields fields = JsonFields.of(node);
        String tenantId = fields.requiredTenantId("tenantId");
        String name = fields.requiredText("name", 200);
        String owner = fields.optionalEmail("owner");
        if (owner == null) {
            throw new InvalidRecordException(
                    "missing_field", "'owner' (the account manager's e-mail) is required");
        }
        return new Account(
                tenantId,
                name,
                owner,
                fields.optionalText("team", 100),
                fields.optionalText("plan", 100),
                fields.optionalNonNegativeLong("licensedSeats"),
                fields.optionalNonNegativeNumber("arr"),
                fields.optionalDate("renewalDate"),
                fields.optionalText("segment", 100));
    }
}
