package dev.pulse.api.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.MultiMap;
import org.junit.jupiter.api.Test;

class RequestParamsTest {
    private static RequestParams params(String... nameValues) {
        MultiMap map = MultiMap.caseInsensitiveMultiMap();
        for (int i = 0; i < nameValues.length; i += 2) {
            map.add(nameValues[i], nameValues[i + 1]);
        }
        return new RequestParams(map);
    }

    @Test
    void treatsBlankAsAbsent() {
        assertThat(params("from", "  ").optional("from")).isEmpty();
    }

    @Test
    void rejectsParameterGivenTwice() {
        assertThatThrownBy(() -> params("n", "1", "n", "2").optional("n"))
                .isInstanceOf(ProblemException.class)
                .hasMessageContaining("more than once");
    }

    @Test
    void readsIntegerWithinBounds() {
        assertThat(params().integer("n", 5, 1, 50)).isEqualTo(5);
        assertThat(params("n", "50").integer("n", 5, 1, 50)).isEqualTo(50);
    }

    @Test
    void rejectsIntegerOutOfBoundsOrMalformed() {
        assertThatThrownBy(() -> params("n", "0").integer("n", 5, 1, 50))
                .hasMessageContaining("from 1 to 50");
        assertThatThrownBy(() -> params("n", "five").integer("n", 5, 1, 50))
                .hasMessageContaining("'five'");
    }

    @Test
    void readsEmailInLowerCase() {
        assertThat(params("owner", "Sarah.Connor@Example.COM").email("owner"))
                .isEqualTo("sarah.connor@example.com");
    }

    @Test
    void rejectsMissingOrMalformedEmail() {
        assertThatThrownBy(() -> params().email("owner")).hasMessageContaining("is required");
        assertThatThrownBy(() -> params("owner", "sarah@").email("owner"))
                .isInstanceOfSatisfying(
                        ProblemException.class,
                        problem ->
                                assertThat(problem.extensions())
                                        .containsEntry("parameter", "owner"));
    }

    @Test
    void listsRepeatedValues() {
        assertThat(params("tenant", "a", "tenant", "", "tenant", "b").all("tenant"))
                .containsExactly("a", "b");
    }
}
