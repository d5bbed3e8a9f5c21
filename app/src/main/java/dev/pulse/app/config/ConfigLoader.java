package dev.pulse.app.config;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Loads configuration: the defaults bundled in the jar, then an optional YAML file over them, then
 * environment variables {@code PULSE_<SECTION>_<KEY>} over both. Unknown keys are errors, so a typo
 * does not silently fall back to a default.
 *
 * <p>The exceptions are the open maps of Kafka settings ({@code kafka.properties}, {@code
 * kafka.topicConfigs}): their keys belong to Kafka, which checks them. Nested YAML is flattened to
 * dotted keys, and {@code PULSE_KAFKA_PROPERTIES_SASL_MECHANISM} sets {@code sasl.mechanism}.
 */
public final class ConfigLoader {
    private static final String DEFAULTS = "/config/pulse.yaml";

    /** Maps whose keys are Kafka's, passed through as strings. */
    private static final Set<String> OPEN_MAPS = Set.of("kafka.properties", "kafka.topicConfigs");

    private static final ObjectMapper YAML =
            YAMLMapper.builder()
                    .addModule(new JavaTimeModule())
                    .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .build();

    private ConfigLoader() {}

    public static PulseConfig load(Path file, Map<String, String> env) {
        ObjectNode tree = defaults();
        if (file != null) {
            if (!Files.isRegularFile(file)) {
                throw new IllegalArgumentException("config file " + file + " does not exist");
            }
            try {
                merge(tree, YAML.readTree(file.toFile()), "");
            } catch (IOException e) {
                throw new IllegalArgumentException(
                        "config file " + file + " is not valid YAML: " + e.getMessage(), e);
            }
        }
        applyEnvironment(tree, env);
        try {
            return YAML.treeToValue(tree, PulseConfig.class);
        } catch (IOException e) {
            throw new IllegalArgumentException("invalid configuration: " + e.getMessage(), e);
        }
    }

    private static ObjectNode defaults() {
        try (InputStream in = ConfigLoader.class.getResourceAsStream(DEFAULTS)) {
            if (in == null) {
                throw new IllegalStateException("default configuration missing from the jar");
            }
            return (ObjectNode) YAML.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void merge(ObjectNode base, JsonNode override, String path) {
        if (override == null || override.isNull() || override.isMissingNode()) {
            return;
        }
        Iterator<Map.Entry<String, JsonNode>> fields = override.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            String key = path + field.getKey();
            JsonNode existing = base.get(field.getKey());
            if (OPEN_MAPS.contains(key)) {
                flatten(field.getValue(), "", (ObjectNode) existing, key);
                continue;
            }
            if (existing == null) {
                throw new IllegalArgumentException(
                        "unknown configuration key '" + key + "' (see config/pulse.yaml)");
            }
            if (existing.isObject() && field.getValue().isObject()) {
                merge((ObjectNode) existing, field.getValue(), key + ".");
            } else {
                base.set(field.getKey(), field.getValue());
            }
        }
    }

    /** Kafka's keys are dotted; YAML may nest them. Values become strings, as Kafka parses them. */
    private static void flatten(JsonNode value, String prefix, ObjectNode into, String where) {
        if (value == null || value.isNull()) {
            return;
        }
        if (!value.isObject()) {
            if (prefix.isEmpty() || value.isContainerNode()) {
                throw new IllegalArgumentException(
                        "'" + where + "' takes Kafka settings as key: value pairs");
            }
            into.set(prefix, new TextNode(value.asText()));
            return;
        }
        Iterator<Map.Entry<String, JsonNode>> fields = value.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            String key = prefix.isEmpty() ? field.getKey() : prefix + "." + field.getKey();
            flatten(field.getValue(), key, into, where);
        }
    }

    /**
     * The {@code PULSE_*} names among {@code names} that set no configuration key: typos, or
     * variables that other parts of Pulse read themselves (secrets, command options). Deployment
     * files are checked with it, so a misspelt variable fails a test instead of being ignored at
     * run time.
     */
    public static Set<String> unknownEnvironment(Set<String> names) {
        Set<String> leaves = new HashSet<>();
        List<String> openMapPrefixes = new ArrayList<>();
        visitEnvironment(
                defaults(),
                "",
                "",
                new EnvironmentVisitor() {
                    @Override
                    public void leaf(ObjectNode parent, String field, String envName) {
                        leaves.add(envName);
                    }

                    @Override
                    public void openMap(ObjectNode map, String envPrefix) {
                        openMapPrefixes.add(envPrefix);
                    }
                });
        Set<String> unknown = new TreeSet<>();
        for (String name : names) {
            boolean known =
                    leaves.contains(name)
                            || openMapPrefixes.stream()
                                    .anyMatch(
                                            p -> name.startsWith(p) && name.length() > p.length());
            if (name.startsWith("PULSE_") && !known) {
                unknown.add(name);
            }
        }
        return unknown;
    }

    private static void applyEnvironment(ObjectNode tree, Map<String, String> env) {
        visitEnvironment(
                tree,
                "",
                "",
                new EnvironmentVisitor() {
                    @Override
                    public void leaf(ObjectNode parent, String field, String envName) {
                        String value = env.get(envName);
                        if (value != null) {
                            parent.set(field, new TextNode(value));
                        }
                    }

                    @Override
                    public void openMap(ObjectNode map, String envPrefix) {
                        applyOpenMapEnvironment(map, envPrefix, env);
                    }
                });
    }

    /** What the environment can set: leaves by name, open maps by prefix. */
    private interface EnvironmentVisitor {
        void leaf(ObjectNode parent, String field, String envName);

        void openMap(ObjectNode map, String envPrefix);
    }

    /**
     * Every leaf {@code a.bC} can be set by {@code PULSE_A_B_C}; an open map's entry {@code x.y} by
     * {@code PULSE_<MAP>_X_Y}.
     */
    private static void visitEnvironment(
            ObjectNode node, String path, String prefix, EnvironmentVisitor visitor) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        for (String name : names) {
            String envName = prefix + "_" + snake(name);
            String childPath = path.isEmpty() ? name : path + "." + name;
            JsonNode child = node.get(name);
            if (OPEN_MAPS.contains(childPath)) {
                visitor.openMap((ObjectNode) child, "PULSE" + envName + "_");
            } else if (child.isObject()) {
                visitEnvironment((ObjectNode) child, childPath, envName, visitor);
            } else {
                visitor.leaf(node, name, "PULSE" + envName);
            }
        }
    }

    /**
     * {@code PULSE_KAFKA_PROPERTIES_SASL_JAAS_CONFIG} is {@code sasl.jaas.config}: Kafka's keys are
     * lower case and dotted, so the name maps back without ambiguity.
     */
    private static void applyOpenMapEnvironment(
            ObjectNode map, String envPrefix, Map<String, String> env) {
        env.forEach(
                (name, value) -> {
                    if (name.startsWith(envPrefix) && name.length() > envPrefix.length()) {
                        String key =
                                name.substring(envPrefix.length())
                                        .toLowerCase(Locale.ROOT)
                                        .replace('_', '.');
                        map.set(key, new TextNode(value));
                    }
                });
    }

    static String snake(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT);
    }
}
