package dev.pulse.access.segments;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.pulse.topologies.json.PulseJson;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Reads {@link SegmentCriteria} from the JSON a front end received, so every front end refuses the
 * same input with the same words: an unknown criterion, a value of the wrong type or out of range
 * is an {@link InvalidSegmentException} naming the field ({@code bands}, {@code scoreMin}).
 */
public final class SegmentCriteriaJson {
    private static final List<String> FIELDS =
            Arrays.stream(SegmentCriteria.class.getRecordComponents())
                    .map(RecordComponent::getName)
                    .toList();

    private SegmentCriteriaJson() {}

    /** The criteria of {@code node}; null or JSON null is "no condition". */
    public static SegmentCriteria read(JsonNode node) {
        if (node == null || node.isNull()) {
            return SegmentCriteria.ANY;
        }
        if (!node.isObject()) {
            throw new InvalidSegmentException("criteria", "must be a JSON object");
        }
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                throw new InvalidSegmentException(
                        name, "is not a criterion; known are " + String.join(", ", FIELDS));
            }
        }
        try {
            return PulseJson.mapper().treeToValue(node, SegmentCriteria.class);
        } catch (JsonMappingException e) {
            throw invalid(e);
        } catch (JsonProcessingException e) {
            throw new InvalidSegmentException("criteria", "is not valid JSON");
        }
    }

    private static InvalidSegmentException invalid(JsonMappingException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof InvalidSegmentException invalid) {
                return invalid;
            }
        }
        String field =
                e.getPath().stream()
                        .map(
                                ref ->
                                        ref.getFieldName() != null
                                                ? ref.getFieldName()
                                                : "[" + ref.getIndex() + "]")
                        .collect(Collectors.joining("."))
                        .replace(".[", "[");
        if (field.isEmpty()) {
            field = "criteria";
        }
        return new InvalidSegmentException(field, "has the wrong type: " + expected(field));
    }

    private static String expected(String field) {
        String top = field.replaceAll("[.\\[].*$", "");
        return switch (top) {
            case "bands" -> "a list of healthy, neutral or at_risk";
            case "atRisk" -> "true or false";
            case "renewalWithinDays" -> "a whole number of days";
            case "funnel" -> "an object such as {\"id\":\"reporting\",\"reachedStep\":\"exports\"}";
            case "attributes" -> "an object of text values such as {\"region\":\"emea\"}";
            case "plans", "segments", "owners", "teams", "journeyStages" -> "a list of text";
            default -> "a number";
        };
    }
}
