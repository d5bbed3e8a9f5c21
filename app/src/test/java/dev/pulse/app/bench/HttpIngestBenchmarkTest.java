package dev.pulse.app.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.buffer.Buffer;
import org.junit.jupiter.api.Test;

class HttpIngestBenchmarkTest {
    @Test
    void readsTheAcceptedCountWhereverItStands() {
        String answer =
                "{\"rejected\":1,\"results\":[{\"index\":0,\"status\":\"rejected\"}],"
                        + "\"accepted\":4999,\"failed\":0}";

        assertThat(HttpIngestBenchmark.acceptedCount(Buffer.buffer(answer))).isEqualTo(4999);
    }

    @Test
    void anAnswerWithoutACountIsAnError() {
        assertThatThrownBy(() -> HttpIngestBenchmark.acceptedCount(Buffer.buffer("{\"x\":1}")))
                .hasMessageContaining("no 'accepted' count");
        assertThatThrownBy(() -> HttpIngestBenchmark.acceptedCount(Buffer.buffer("[1]")))
                .hasMessageContaining("not a JSON object");
    }
}
