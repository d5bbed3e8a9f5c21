package dev.pulse.access.segments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pulse.topologies.health.Band;
import dev.pulse.topologies.json.PulseJson;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SegmentCriteriaTest {

    @Test
    void scoreOutsideZeroToHundredIsRefusedNamingTheField() {
        assertThatThrownBy(() -> json("{\"scoreMin\":-1}"))
                .isInstanceOf(InvalidSegmentException.class)
                .hasMessage("scoreMin must be between 0 and 100, not -1.0")
                .extracting(e -> ((InvalidSegmentException) e).field())
                .isEqualTo("scoreMin");
        assertThatThrownBy(() -> json("{\"scoreMax\":101}"))
                .hasMessageStartingWith("scoreMax must be between 0 and 100");
    }

    @Test
    void aMinimumAboveItsMaximumIsRefused() {
        assertThatThrownBy(() -> json("{\"arrMin\":10,\"arrMax\":5}"))
                .hasMessageStartingWith("arrMin must not be above arrMax");
        assertThatThrownBy(() -> json("{\"delta7dMin\":5,\"delta7dMax\":-5}"))
                .hasMessageStartingWith("delta7dMin must not be above delta7dMax");
    }

    @Test
    void deltasNegativeArrAndRenewalHorizonAreBounded() {
        assertThatThrownBy(() -> json("{\"delta30dMin\":-101}"))
                .hasMessageStartingWith("delta30dMin must be between -100 and 100");
        assertThatThrownBy(() -> json("{\"arrMin\":-1}"))
                .hasMessageStartingWith("arrMin must be at least 0");
        assertThatThrownBy(() -> json("{\"renewalWithinDays\":-3}"))
                .hasMessageStartingWith("renewalWithinDays must be between 0 and 3650");
    }

    @Test
    void unknownCriteriaWrongTypesAndUnknownBandsNameTheirField() {
        assertThatThrownBy(() -> json("{\"colour\":\"red\"}"))
                .hasMessageStartingWith("colour is not a criterion");
        assertThatThrownBy(() -> json("{\"bands\":[\"purple\"]}"))
                .isInstanceOf(InvalidSegmentException.class)
                .hasMessageContaining("bands")
                .hasMessageContaining("healthy, neutral or at_risk");
        assertThatThrownBy(() -> json("{\"scoreMin\":\"low\"}"))
                .hasMessageStartingWith("scoreMin has the wrong type: a number");
        assertThatThrownBy(() -> json("{\"funnel\":{\"id\":\"reporting\"}}"))
                .hasMessageStartingWith("funnel.reachedStep is required");
        assertThatThrownBy(() -> json("{\"plans\":[\" \"]}"))
                .hasMessageStartingWith("plans must not contain blank values");
        assertThatThrownBy(() -> json("[]")).hasMessageStartingWith("criteria must be a JSON");
    }

    @Test
    void emptyListsAndMapsAreNoConditionAndOwnersAreLowerCased() {
        SegmentCriteria criteria =
                json("{\"plans\":[],\"attributes\":{},\"owners\":[\" Sarah@X.test \"]}");
        assertThat(criteria.plans()).isNull();
        assertThat(criteria.attributes()).isNull();
        assertThat(criteria.owners()).containsExactly("sarah@x.test");
        assertThat(json("{}")).isEqualTo(SegmentCriteria.ANY);
        assertThat(SegmentCriteriaJson.read(null)).isEqualTo(SegmentCriteria.ANY);
    }

    @Test
    void writesOnlyTheConditionsGivenWithBandLabelsAndReadsThemBack() throws Exception {
        SegmentCriteria criteria =
                json(
                        "{\"plans\":[\"enterprise\"],\"bands\":[\"at_risk\"],\"scoreMax\":50,"
                                + "\"renewalWithinDays\":90,\"attributes\":{\"region\":\"emea\"},"
                                + "\"atRisk\":false,"
                                + "\"funnel\":{\"id\":\"reporting\",\"reachedStep\":\"exports\"}}");
        assertThat(criteria.bands()).containsExactly(Band.AT_RISK);
        assertThat(criteria.attributes()).isEqualTo(Map.of("region", "emea"));
        String written = PulseJson.mapper().writeValueAsString(criteria);
        assertThat(written)
                .isEqualTo(
                        "{\"plans\":[\"enterprise\"],\"bands\":[\"at_risk\"],\"atRisk\":false,"
                                + "\"scoreMax\":50.0,\"renewalWithinDays\":90,"
                                + "\"funnel\":{\"id\":\"reporting\",\"reachedStep\":\"exports\"},"
                                + "\"attributes\":{\"region\":\"emea\"}}");
        assertThat(PulseJson.mapper().readValue(written, SegmentCriteria.class))
                .isEqualTo(criteria);
        assertThat(PulseJson.mapper().writeValueAsString(SegmentCriteria.ANY)).isEqualTo("{}");
        assertThat(criteria.teams()).isNull();
        assertThat(criteria.journeyStages()).isNull();
        assertThat(List.of(criteria)).hasSize(1);
    }

    private static SegmentCriteria json(String text) {
        try {
            JsonNode node = PulseJson.mapper().readTree(text);
            return SegmentCriteriaJson.read(node);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }
}
