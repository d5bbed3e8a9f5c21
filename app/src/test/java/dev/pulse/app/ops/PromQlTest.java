package dev.pulse.app.ops;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PromQlTest {

    @Test
    void findsMetricsInsideFunctionsAndAggregations() {
        assertThat(
                        PromQl.metricNames(
                                "histogram_quantile(0.99, sum by (le) (rate("
                                        + "pulse_score_freshness_seconds_bucket[5m]))) > 1"))
                .containsExactly("pulse_score_freshness_seconds_bucket");
    }

    @Test
    void ignoresLabelMatchersStringsKeywordsAndNumbers() {
        assertThat(
                        PromQl.metricNames(
                                "sum without (instance) (a_total{job=\"pulse\", x=~\"b_c.*\"})"
                                        + " / on (job) group_left b_total offset 5m > bool 1e3"
                                        + " and c_seconds unless d"))
                .containsExactly("a_total", "b_total", "c_seconds", "d");
    }

    @Test
    void ignoresGrafanaVariablesAndDurations() {
        assertThat(
                        PromQl.metricNames(
                                "sum(rate(pulse_ingest_events_total{instance=~\"$instance\"}"
                                        + "[$__rate_interval])) by (result)"))
                .containsExactly("pulse_ingest_events_total");
    }
}
