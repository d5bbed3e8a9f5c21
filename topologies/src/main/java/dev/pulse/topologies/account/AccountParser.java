package dev.pulse.topologies.account;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pulse.topologies.json.InvalidRecordException;
import dev.pulse.topologies.json.JsonFields;
import java.time.LocalDate;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

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
        String status = status(fields);
        LocalDate churnedAt = fields.optionalDate("churnedAt");
        checkOutcome(status, churnedAt);
        return new Account(
                tenantId,
                name,
                owner,
                fields.optionalText("team", 100),
                fields.optionalText("plan", 100),
                fields.optionalNonNegativeLong("licensedSeats"),
                fields.optionalNonNegativeNumber("arr"),
                fields.optionalDate("renewalDate"),
                fields.optionalText("segment", 100),
                status,
                churnedAt,
                fields.optionalDate("renewedAt"),
                attributes(fields),
                null);
    }

    private static final Set<String> STATUSES =
            Set.of(Account.ACTIVE, Account.CHURNED, Account.RENEWED);

    /** At most this many attributes per account, each key and value at most 200 characters. */
    static final int MAX_ATTRIBUTES = 50;

    private static String status(JsonFields fields) {
        String status = fields.optionalText("status", 20);
        if (status == null) {
            return null;
        }
        String lower = status.toLowerCase(java.util.Locale.ROOT);
        if (!STATUSES.contains(lower)) {
            throw new InvalidRecordException(
                    "invalid_field",
                    "'status' '" + status + "' is not one of active, churned, renewed");
        }
        return lower;
    }

    private static Map<String, String> attributes(JsonFields fields) {
        JsonNode node = fields.optionalObject("attributes");
        if (node == null) {
            return Map.of();
        }
        if (node.size() > MAX_ATTRIBUTES) {
            throw new InvalidRecordException(
                    "invalid_field", "'attributes' has more than " + MAX_ATTRIBUTES + " keys");
        }
        Map<String, String> attributes = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> it = node.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> entry = it.next();
            JsonNode value = entry.getValue();
            if (!value.isValueNode() || value.isNull()) {
                throw new InvalidRecordException(
                        "invalid_field",
                        "'attributes." + entry.getKey() + "' must be a string, number or boolean");
            }
            String text = value.asText();
            if (entry.getKey().length() > 200 || text.length() > 200) {
                throw new InvalidRecordException(
                        "invalid_field",
                        "'attributes." + entry.getKey() + "' is longer than 200 characters");
            }
            attributes.put(entry.getKey(), text);
        }
        return attributes;
    }

    /** Checks that a churned account says when; a churn date needs the churned status. */
    static void checkOutcome(String status, LocalDate churnedAt) {
        if (Account.CHURNED.equals(status) && churnedAt == null) {
            throw new InvalidRecordException(
                    "missing_field", "'churnedAt' is required when 'status' is churned");
        }
        if (churnedAt != null && !Account.CHURNED.equals(status)) {
            throw new InvalidRecordException(
                    "invalid_field", "'churnedAt' is only allowed when 'status' is churned");
        }
    }
}
