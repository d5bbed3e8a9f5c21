package dev.pulse.access.security;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the YAML form of the user directory into {@link DirectoryUser}s, checking each entry on its
 * own; {@link UserDirectory#of} checks how the entries fit together.
 *
 * <p>Parsed by hand from the tree rather than bound to a class, so that every problem can name the
 * entry it is in, and so that a misspelt key ({@code manger:}) is an error instead of a silently
 * ignored line.
 */
final class UserDirectoryYaml {
    private static final ObjectMapper YAML =
            YAMLMapper.builder().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION).build();
    private static final Set<String> FIELDS =
            Set.of("email", "name", "role", "manager", "scope", "tenant", "chat");
    private static final Set<String> CHAT_PLATFORMS = Set.of("slack", "teams", "discord");

    private UserDirectoryYaml() {}

    static List<DirectoryUser> parse(String yaml) {
        JsonNode root;
        try {
            root = YAML.readTree(yaml == null ? "" : yaml);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(
                    "invalid user directory: not valid YAML: " + e.getOriginalMessage(), e);
        }
        JsonNode users = root == null ? null : root.get("users");
        if (users == null || !users.isArray()) {
            throw new IllegalArgumentException(
                    "invalid user directory: expected a top-level 'users:' list");
        }
        List<String> problems = new ArrayList<>();
        root.fieldNames()
                .forEachRemaining(
                        name -> {
                            if (!name.equals("users")) {
                                problems.add("unknown top-level key '" + name + "'");
                            }
                        });
        List<DirectoryUser> result = new ArrayList<>();
        for (int i = 0; i < users.size(); i++) {
            DirectoryUser user = user(i, users.get(i), problems);
            if (user != null) {
                result.add(user);
            }
        }
        if (!problems.isEmpty()) {
            throw UserDirectory.invalid(problems);
        }
        return result;
    }

    /** One entry, or null when it has problems (added to {@code problems}). */
    private static DirectoryUser user(int index, JsonNode node, List<String> problems) {
        if (node == null || !node.isObject()) {
            problems.add(UserDirectory.entry(index, null) + ": expected 'email:', 'role:', ...");
            return null;
        }
        int before = problems.size();
        String email = Emails.normalize(text(node, "email", index, null, problems));
        String entry = UserDirectory.entry(index, email);
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String field = it.next();
            if (!FIELDS.contains(field)) {
                problems.add(
                        entry
                                + ": unknown key '"
                                + field
                                + "'; expected email, name, role, manager, scope, tenant or chat");
            }
        }
        if (email == null) {
            problems.add(entry + ": 'email' is required");
        } else if (!Emails.looksValid(email)) {
            problems.add(entry + ": '" + email + "' is not an e-mail address");
        }
        String name = text(node, "name", index, email, problems);
        String manager = Emails.normalize(text(node, "manager", index, email, problems));
        if (manager != null && !Emails.looksValid(manager)) {
            problems.add(entry + ": manager '" + manager + "' is not an e-mail address");
        }
        String tenant = text(node, "tenant", index, email, problems);
        Role role = role(text(node, "role", index, email, problems), entry, problems);
        ScopeSpec scope =
                scope(text(node, "scope", index, email, problems), role, tenant, entry, problems);
        Map<String, String> chat = chatIds(node.get("chat"), entry, problems);
        if (problems.size() > before) {
            return null;
        }
        return new DirectoryUser(
                email, name == null ? email : name, role, scope, manager, tenant, chat);
    }

    private static Role role(String label, String entry, List<String> problems) {
        if (label == null) {
            problems.add(
                    entry
                            + ": 'role' is required (viewer, analyst, manager, admin or"
                            + " customer-admin)");
            return null;
        }
        try {
            return Role.fromLabel(label);
        } catch (IllegalArgumentException e) {
            problems.add(entry + ": " + e.getMessage());
            return null;
        }
    }

    /** Declared, else the one tenant of a customer-admin, else the role's default. */
    private static ScopeSpec scope(
            String declared, Role role, String tenant, String entry, List<String> problems) {
        if (declared != null) {
            try {
                return ScopeSpec.parse(declared);
            } catch (IllegalArgumentException e) {
                problems.add(entry + ": " + e.getMessage());
                return null;
            }
        }
        if (role == Role.CUSTOMER_ADMIN && tenant != null) {
            return ScopeSpec.tenant(tenant);
        }
        return role == null ? null : ScopeSpec.defaultFor(role);
    }

    /** {@code chat: {slack: U0123, teams: <aad object id>, discord: <snowflake>}}. */
    private static Map<String, String> chatIds(JsonNode node, String entry, List<String> problems) {
        if (node == null || node.isNull()) {
            return Map.of();
        }
        if (!node.isObject()) {
            problems.add(entry + ": 'chat' must map platforms to ids, e.g. {slack: U0123ABCD}");
            return Map.of();
        }
        Map<String, String> ids = new java.util.LinkedHashMap<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String platform = it.next();
            JsonNode id = node.get(platform);
            if (!CHAT_PLATFORMS.contains(platform)) {
                problems.add(
                        entry
                                + ": chat platform '"
                                + platform
                                + "' is unknown; expected slack, teams or discord");
            } else if (id == null || !id.isValueNode() || id.asText().isBlank()) {
                problems.add(entry + ": chat." + platform + " must be an id");
            } else {
                ids.put(platform, id.asText().strip());
            }
        }
        return ids;
    }

    /** A scalar value, stripped; null when absent or blank. */
    private static String text(
            JsonNode node, String field, int index, String email, List<String> problems) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isValueNode()) {
            problems.add(
                    UserDirectory.entry(index, email) + ": '" + field + "' must be a single value");
            return null;
        }
        String text = value.asText().strip();
        return text.isEmpty() ? null : text;
    }
}
