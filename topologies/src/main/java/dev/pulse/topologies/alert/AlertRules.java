package dev.pulse.topologies.alert;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The alert rules: which conditions on a tenant's health, usage, support load and contract deserve
 * a person's attention, and how urgently. Loaded from YAML and checked whole, so a bad rule fails
 * at start-up with a message that names the rule and the problem.
 *
 * @param version changes whenever the rules change; every alert carries the version that raised it
 */
public record AlertRules(String version, List<AlertRule> rules) {
    private static final ObjectMapper YAML =
            YAMLMapper.builder().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
    private static final Pattern RULE_ID = Pattern.compile("[a-z][a-z0-9_-]{0,63}");
    private static final Set<String> COMMON =
            Set.of("id", "kind", "severity", "for", "cooldown", "autoResolve", "description");

    public AlertRules {
        rules = List.copyOf(rules);
    }

    /** No rules: nothing ever fires. */
    public static AlertRules none() {
        return new AlertRules("none", List.of());
    }

    /** Days of daily engagement history the rules read. */
    public int lookbackDays() {
        int days = 1;
        for (AlertRule rule : rules) {
            days = Math.max(days, rule.condition().lookbackDays());
        }
        return days;
    }

    public static AlertRules fromYaml(String yaml) {
        JsonNode root;
        try {
            root = YAML.readTree(yaml);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(
                    "alert rules are not valid YAML: " + e.getOriginalMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException(
                    "alert rules: expected a mapping with 'version' and 'rules'");
        }
        Iterator<String> fields = root.fieldNames();
        while (fields.hasNext()) {
            String field = fields.next();
            if (!field.equals("version") && !field.equals("rules")) {
                throw new IllegalArgumentException(
                        "alert rules: unknown key '" + field + "'; expected 'version' and 'rules'");
            }
        }
        String version = root.path("version").asText("").strip();
        if (version.isEmpty()) {
            throw new IllegalArgumentException("alert rules: 'version' is required");
        }
        JsonNode list = root.path("rules");
        if (!list.isArray() || list.isEmpty()) {
            throw new IllegalArgumentException("alert rules: 'rules' must list at least one rule");
        }
        List<AlertRule> rules = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < list.size(); i++) {
            JsonNode node = list.get(i);
            String id = node.path("id").asText("").strip();
            String where =
                    "alert rules: rule " + (id.isEmpty() ? "#" + (i + 1) : "'" + id + "'") + ": ";
            try {
                AlertRule rule = rule(node);
                if (!ids.add(rule.id())) {
                    throw new IllegalArgumentException("id is used by another rule");
                }
                rules.add(rule);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(where + e.getMessage(), e);
            }
        }
        return new AlertRules(version, rules);
    }

    private static AlertRule rule(JsonNode node) {
        if (!node.isObject()) {
            throw new IllegalArgumentException("expected a mapping");
        }
        String id = text(node, "id");
        if (id == null || !RULE_ID.matcher(id).matches()) {
            throw new IllegalArgumentException(
                    "'id' is required: lower-case letters, digits, '_' and '-', at most 64");
        }
        String kindLabel = text(node, "kind");
        if (kindLabel == null) {
            throw new IllegalArgumentException("'kind' is required");
        }
        AlertKind kind = AlertKind.fromLabel(kindLabel);
        String severity = text(node, "severity");
        if (severity == null) {
            throw new IllegalArgumentException("'severity' is required (info, warning, critical)");
        }
        JsonNode autoResolve = node.get("autoResolve");
        if (autoResolve != null && !autoResolve.isBoolean()) {
            throw new IllegalArgumentException("'autoResolve' must be true or false");
        }
        return new AlertRule(
                id,
                Severity.fromLabel(severity),
                duration(node, "for"),
                duration(node, "cooldown"),
                autoResolve == null || autoResolve.booleanValue(),
                text(node, "description"),
                condition(kind, node));
    }

    private static AlertCondition condition(AlertKind kind, JsonNode node) {
        ObjectNode parameters = ((ObjectNode) node).deepCopy();
        parameters.remove(COMMON);
        try {
            return YAML.treeToValue(parameters, kind.parameters());
        } catch (UnrecognizedPropertyException e) {
            throw new IllegalArgumentException(
                    "'"
                            + e.getPropertyName()
                            + "' is not a parameter of "
                            + kind.label()
                            + "; expected "
                            + e.getKnownPropertyIds().stream()
                                    .map(String::valueOf)
                                    .sorted()
                                    .collect(Collectors.joining(", ")),
                    e);
        } catch (JsonProcessingException e) {
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                if (cause instanceof IllegalArgumentException invalid) {
                    throw invalid;
                }
            }
            throw new IllegalArgumentException(
                    "invalid parameters for " + kind.label() + ": " + e.getOriginalMessage(), e);
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isValueNode()) {
            throw new IllegalArgumentException("'" + field + "' must be a single value");
        }
        String text = value.asText().strip();
        return text.isEmpty() ? null : text;
    }

    /** ISO-8601 ({@code PT10M}, {@code P3D}); {@code 0} or absent means zero. */
    private static Duration duration(JsonNode node, String field) {
        String text = text(node, field);
        if (text == null || text.equals("0")) {
            return Duration.ZERO;
        }
        Duration duration;
        try {
            duration = Duration.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(
                    "'"
                            + field
                            + "' must be an ISO-8601 duration such as PT30M or P3D, got '"
                            + text
                            + "'",
                    e);
        }
        if (duration.isNegative()) {
            throw new IllegalArgumentException("'" + field + "' must not be negative");
        }
        return duration;
    }
}
