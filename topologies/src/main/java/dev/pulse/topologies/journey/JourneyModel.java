package dev.pulse.topologies.journey;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.pulse.topologies.health.HealthModel;
import dev.pulse.topologies.health.MeasureDefinition;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The journey model: the lifecycle stages of config/journey.yaml, versioned. Progress stages are
 * listed in order (the first is where every account starts); exit stages are judged first, in the
 * order listed. Loaded from YAML and checked whole, so a bad file fails at start-up with a message
 * that names the key, never on the first closed day.
 */
public record JourneyModel(String version, List<Stage> stages) {
    private static final ObjectMapper YAML =
            YAMLMapper.builder().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    private static final Pattern ID = Pattern.compile("[a-z][a-z0-9_]{0,39}");

    public JourneyModel {
        stages = stages == null ? List.of() : List.copyOf(stages);
    }

    public static JourneyModel fromYaml(String yaml) {
        JourneyModel model;
        try {
            model = YAML.readValue(yaml, JourneyModel.class);
        } catch (UnrecognizedPropertyException e) {
            String known =
                    e.getKnownPropertyIds() == null
                            ? ""
                            : "; known keys: "
                                    + e.getKnownPropertyIds().stream()
                                            .map(Object::toString)
                                            .sorted()
                                            .collect(Collectors.joining(", "));
            throw new IllegalArgumentException(
                    "journey model: unknown key '"
                            + e.getPropertyName()
                            + "'"
                            + at(e, true)
                            + known,
                    e);
        } catch (JsonMappingException e) {
            throw new IllegalArgumentException(
                    "journey model: bad value" + at(e, false) + ": " + e.getOriginalMessage(), e);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(
                    "journey model is not valid YAML: " + e.getOriginalMessage(), e);
        }
        if (model == null) {
            throw new IllegalArgumentException("journey model: the file is empty");
        }
        model.validate(Set.of());
        return model;
    }

    /**
     * This model, checked against the health model it runs with: every measure a criterion names
     * must be one of its measures.
     */
    public JourneyModel checkedAgainst(HealthModel health) {
        validate(
                health.measures().stream()
                        .map(MeasureDefinition::id)
                        .collect(Collectors.toCollection(TreeSet::new)));
        return this;
    }

    /** Progress stages in order, the first being where every account starts. */
    public List<Stage> progressStages() {
        return stages.stream().filter(s -> s.kind() == StageKind.PROGRESS).toList();
    }

    /** Exit stages in the order they are judged. */
    public List<Stage> exitStages() {
        return stages.stream().filter(s -> s.kind() == StageKind.EXIT).toList();
    }

    public Optional<Stage> stage(String id) {
        return stages.stream().filter(s -> s.id().equals(id)).findFirst();
    }

    /**
     * The stage an account stands in on a closed day: the first exit stage whose criteria hold,
     * else the highest progress stage whose criteria hold (the first progress stage always does).
     */
    public Stage decide(JourneyFacts facts) {
        for (Stage exit : exitStages()) {
            if (exit.holds(facts)) {
                return exit;
            }
        }
        List<Stage> progress = progressStages();
        for (int i = progress.size() - 1; i > 0; i--) {
            if (progress.get(i).holds(facts)) {
                return progress.get(i);
            }
        }
        return progress.get(0);
    }

    private void validate(Set<String> knownMeasures) {
        if (version == null || version.isBlank()) {
            throw new IllegalArgumentException("journey model: 'version' is required");
        }
        if (stages.isEmpty()) {
            throw new IllegalArgumentException("journey model: 'stages' is required");
        }
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < stages.size(); i++) {
            Stage stage = stages.get(i);
            String where = "journey model: stages[" + i + "]";
            if (stage == null) {
                throw new IllegalArgumentException(where + ": is empty");
            }
            if (stage.id() == null || !ID.matcher(stage.id()).matches()) {
                throw new IllegalArgumentException(
                        where
                                + ".id: must be lower-case letters, digits and '_', starting with a"
                                + " letter, got "
                                + (stage.id() == null ? "nothing" : "'" + stage.id() + "'"));
            }
            where = where + " (" + stage.id() + ")";
            if (!ids.add(stage.id())) {
                throw new IllegalArgumentException(where + ".id: is used twice");
            }
            if (stage.kind() == null) {
                throw new IllegalArgumentException(where + ".kind: is required: progress or exit");
            }
            if (stage.kind() == StageKind.EXIT && !stage.hasCriteria()) {
                throw new IllegalArgumentException(
                        where + ": an exit stage needs entry criteria ('when' or 'anyOf')");
            }
            stage.validate(where, knownMeasures);
        }
        List<Stage> progress = progressStages();
        if (progress.isEmpty()) {
            throw new IllegalArgumentException(
                    "journey model: at least one stage of kind 'progress' is required");
        }
        if (progress.get(0).hasCriteria()) {
            throw new IllegalArgumentException(
                    "journey model: stage '"
                            + progress.get(0).id()
                            + "': the first progress stage is where every account starts; it"
                            + " takes no 'when' or 'anyOf'");
        }
    }

    /** Where in the file a mapping error happened, e.g. {@code at stages[2].when}. */
    private static String at(JsonMappingException e, boolean parentOnly) {
        List<JsonMappingException.Reference> path = e.getPath();
        int end = parentOnly ? path.size() - 1 : path.size();
        StringBuilder where = new StringBuilder();
        for (int i = 0; i < end; i++) {
            JsonMappingException.Reference ref = path.get(i);
            if (ref.getFieldName() != null) {
                if (where.length() > 0) {
                    where.append('.');
                }
                where.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                where.append('[').append(ref.getIndex()).append(']');
            }
        }
        return where.length() == 0 ? "" : " at '" + where + "'";
    }
}
