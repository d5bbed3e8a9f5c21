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
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Loads configuration: the defaults bundled in the jar, then an optional YAML file over them, then
 * environment variables {@code PULSE_<SECTION>_<KEY>} over both. Unknown keys are errors, so a typo
 * does not silently fall back to a default.
 */
public final class ConfigLoader {
    private static final String DEFAULTS = "/config/pulse.yaml";
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
        applyEnvironment(tree, "", env);
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

    /** Every leaf {@code a.bC} can be set by {@code PULSE_A_B_C}. */
    private static void applyEnvironment(ObjectNode node, String prefix, Map<String, String> env) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        for (String name : names) {
            String envName = prefix + "_" + snake(name);
            JsonNode child = node.get(name);
            if (child.isObject()) {
                applyEnvironment((ObjectNode) child, envName, env);
            } else {
                String value = env.get("PULSE" + envName);
                if (value != null) {
                    node.set(name, new TextNode(value));
                }
            }
        }
    }

    static String snake(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT);
    }
}
