package dev.pulse.topologies.funnel;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The funnels of a deployment, loaded from {@code config/funnels.yaml} and checked whole, so a bad
 * file fails at start-up with a message that names the funnel, the step and the key, never half-way
 * through counting.
 *
 * <p>The funnel processor keeps its progress under funnel and step ids: renaming an id starts that
 * funnel or step afresh, changing labels does not.
 */
public record FunnelDefinitions(String version, List<Funnel> funnels) {
    /** No funnels: the funnel processor runs and counts nothing. */
    public static final FunnelDefinitions NONE = new FunnelDefinitions("none", List.of());

    /** The longest window a funnel may have; the daily store keeps two years. */
    public static final int MAX_WINDOW_DAYS = 366;

    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9_-]{0,63}");
    private static final ObjectMapper YAML =
            YAMLMapper.builder().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    public FunnelDefinitions {
        funnels = List.copyOf(funnels);
    }

    /** The funnel with this id. */
    public Optional<Funnel> find(String id) {
        for (Funnel funnel : funnels) {
            if (funnel.id().equals(id)) {
                return Optional.of(funnel);
            }
        }
        return Optional.empty();
    }

    /**
     * Every event type some step of some funnel is reached by: other events are skipped at once.
     */
    public Set<String> stepTypes() {
        Set<String> types = new HashSet<>();
        funnels.forEach(f -> f.steps().forEach(s -> types.add(s.type())));
        return Set.copyOf(types);
    }

    /** The file's shape; checked and turned into {@link Funnel}s by {@link #fromYaml}. */
    record FileYaml(String version, List<FunnelYaml> funnels) {}

    record FunnelYaml(String id, String label, Integer window, List<StepYaml> steps) {}

    record StepYaml(String id, String label, String type, String feature) {}

    public static FunnelDefinitions fromYaml(String yaml) {
        FileYaml file;
        try {
            file = YAML.readValue(yaml, FileYaml.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(
                    "funnels: not valid YAML for the funnels schema: " + e.getOriginalMessage(), e);
        }
        if (file == null) {
            throw new IllegalArgumentException("funnels: the file is empty");
        }
        if (file.version() == null || file.version().isBlank()) {
            throw new IllegalArgumentException("funnels: 'version' is required");
        }
        if (file.funnels() == null) {
            throw new IllegalArgumentException(
                    "funnels: 'funnels' is required (a list, may be [])");
        }
        List<Funnel> funnels = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < file.funnels().size(); i++) {
            FunnelYaml f = file.funnels().get(i);
            String where = "funnels: funnel #" + (i + 1);
            if (f == null) {
                throw new IllegalArgumentException(where + " is empty");
            }
            requireId(f.id(), where);
            where = "funnels: funnel '" + f.id() + "'";
            if (!ids.add(f.id())) {
                throw new IllegalArgumentException(where + ": 'id' is used twice");
            }
            requireText(f.label(), where, "label");
            if (f.window() == null || f.window() < 1 || f.window() > MAX_WINDOW_DAYS) {
                throw new IllegalArgumentException(
                        where
                                + ": 'window' must be 1–"
                                + MAX_WINDOW_DAYS
                                + " days, got "
                                + f.window());
            }
            funnels.add(
                    new Funnel(
                            f.id(),
                            f.label(),
                            Duration.ofDays(f.window()),
                            steps(f.steps(), where)));
        }
        return new FunnelDefinitions(file.version(), funnels);
    }

    private static List<FunnelStep> steps(List<StepYaml> steps, String funnel) {
        if (steps == null || steps.size() < 2) {
            throw new IllegalArgumentException(funnel + ": 'steps' needs at least two steps");
        }
        List<FunnelStep> result = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < steps.size(); i++) {
            StepYaml s = steps.get(i);
            String where = funnel + ", step #" + (i + 1);
            if (s == null) {
                throw new IllegalArgumentException(where + " is empty");
            }
            requireId(s.id(), where);
            where = funnel + ", step '" + s.id() + "'";
            if (!ids.add(s.id())) {
                throw new IllegalArgumentException(where + ": 'id' is used twice");
            }
            requireText(s.label(), where, "label");
            requireText(s.type(), where, "type");
            if (s.feature() != null && s.feature().isBlank()) {
                throw new IllegalArgumentException(where + ": 'feature' must not be blank");
            }
            result.add(new FunnelStep(s.id(), s.label(), s.type(), s.feature()));
        }
        return result;
    }

    private static void requireId(String id, String where) {
        if (id == null || !ID.matcher(id).matches()) {
            throw new IllegalArgumentException(
                    where
                            + ": 'id' must be lower-case letters, digits, '-' or '_' (at most 64),"
                            + " got "
                            + (id == null ? "nothing" : "'" + id + "'"));
        }
    }

    private static void requireText(String value, String where, String key) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(where + ": '" + key + "' is required");
        }
    }
}
