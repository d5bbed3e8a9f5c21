package dev.pulse.topologies.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/** Reads typed fields from a JSON object, failing with a message that names the field. */
public final class JsonFields {
    /** Tenant ids travel in URLs and keys: letters, digits, dot, dash and underscore. */
    public static final Pattern TENANT_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    private static final Pattern EMAIL =
            Pattern.compile("[A-Za-z0-9._%+'-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,63}");

    private final JsonNode node;

    private JsonFields(JsonNode node) {
        this.node = node;
    }

    /** Whether {@code value} has the form of an e-mail address, the rule the directory applies. */
    public static boolean isEmail(String value) {
        return value != null && value.length() <= 254 && EMAIL.matcher(value).matches();
    }

    public static JsonFields of(JsonNode node) {
        if (node == null || !node.isObject()) {
            throw new InvalidRecordException(
                    "not_an_object",
                    "expected a JSON object but got "
                            + (node == null ? "nothing" : node.getNodeType().toString()));
        }
        return new JsonFields(node);
    }

    public String requiredText(String field, int maxLength) {
        String value = optionalText(field, maxLength);
        if (value == null) {
            throw new InvalidRecordException("missing_field", "'" + field + "' is required");
        }
        return value;
    }

    public String optionalText(String field, int maxLength) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw invalid(field, "must be a string");
        }
        String text = value.textValue().strip();
        if (text.isEmpty()) {
            return null;
        }
        if (text.length() > maxLength) {
            throw invalid(field, "is longer than " + maxLength + " characters");
        }
        return text;
    }

    public String requiredTenantId(String field) {
        String value = requiredText(field, 64);
        if (!TENANT_ID.matcher(value).matches()) {
            throw invalid(
                    field,
                    "'"
                            + value
                            + "' is not a valid tenant id (letters, digits, '.', '_', '-', at most"
                            + " 64)");
        }
        return value;
    }

    public String optionalEmail(String field) {
        String value = optionalText(field, 254);
        if (value != null && !EMAIL.matcher(value).matches()) {
            throw invalid(field, "'" + value + "' is not an e-mail address");
        }
        return value == null ? null : value.toLowerCase(java.util.Locale.ROOT);
    }

    /** The field as an ISO-8601 instant, or null: for {@link #requiredInstant}, and lenient. */
    public static Instant instantOrNull(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        if (value == null || !value.isTextual()) {
            return null;
        }
        try {
            return IsoInstants.parse(value.textValue());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** The rule for a required timestamp, on what {@link #instantOrNull} read: parsed once. */
    public Instant requiredInstant(String field, Instant read) {
        String value = requiredText(field, 64);
        if (read == null) {
            throw invalid(
                    field,
                    "'"
                            + value
                            + "' is not an ISO-8601 timestamp with offset, e.g."
                            + " 2026-11-20T09:30:00Z");
        }
        return read;
    }

    public LocalDate optionalDate(String field) {
        String value = optionalText(field, 32);
        if (value == null) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw invalid(field, "'" + value + "' is not an ISO-8601 date, e.g. 2027-03-31");
        }
    }

    public Long optionalNonNegativeLong(String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isTextual() && value.textValue().strip().matches("\\d{1,18}")) {
            return Long.parseLong(value.textValue().strip());
        }
        if (!value.canConvertToExactIntegral() || value.asLong() < 0) {
            throw invalid(field, "must be a whole number of zero or more");
        }
        return value.asLong();
    }

    public Double optionalNonNegativeNumber(String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        double number;
        if (value.isNumber()) {
            number = value.asDouble();
        } else if (value.isTextual()) {
            try {
                number = Double.parseDouble(value.textValue().strip());
            } catch (NumberFormatException e) {
                throw invalid(field, "must be a number");
            }
        } else {
            throw invalid(field, "must be a number");
        }
        if (!Double.isFinite(number) || number < 0) {
            throw invalid(field, "must be a number of zero or more");
        }
        return number;
    }

    public JsonNode optionalObject(String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isObject()) {
            throw invalid(field, "must be a JSON object");
        }
        return value;
    }

    private static InvalidRecordException invalid(String field, String problem) {
        return new InvalidRecordException("invalid_field", "'" + field + "' " + problem);
    }
}
