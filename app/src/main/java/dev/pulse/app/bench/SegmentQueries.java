package dev.pulse.app.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pulse.topologies.json.PulseJson;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The analyst's views of issue 14: a saved segment's members and the journey aggregates over the
 * same accounts (half of the bench's tenants, {@link BenchTenants#SEGMENT_PLAN}). The analyst sees
 * every account, so each request evaluates the criteria over the whole directory.
 */
final class SegmentQueries {
    /** Analysts are few: a handful of them at once, not the portfolio's crowd. */
    static final int CLIENTS = 10;

    private final String segmentId;
    private final String bearer;

    private SegmentQueries(String segmentId, String bearer) {
        this.segmentId = segmentId;
        this.bearer = bearer;
    }

    /** Saves the bench segment as the analyst. */
    static SegmentQueries create(BenchHttpClient http, BenchAuth auth) {
        String bearer = auth.bearer(BenchTenants.ANALYST);
        String body =
                "{\"name\":\"Bench "
                        + BenchTenants.SEGMENT_PLAN
                        + "\",\"description\":\"Every account on the "
                        + BenchTenants.SEGMENT_PLAN
                        + " plan\",\"criteria\":{\"plans\":[\""
                        + BenchTenants.SEGMENT_PLAN
                        + "\"]}}";
        HttpResponse<Buffer> created;
        try {
            created =
                    http.post(new BenchRequest("/v1/segments", bearer), body)
                            .await(30, TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("saving the bench segment took over 30 s", e);
        }
        if (created.statusCode() != 201) {
            throw new IllegalStateException(
                    "saving the bench segment answered "
                            + created.statusCode()
                            + ": "
                            + created.bodyAsString());
        }
        return new SegmentQueries(id(created.bodyAsString()), bearer);
    }

    private static String id(String json) {
        try {
            JsonNode segment = PulseJson.mapper().readTree(json);
            return segment.path("id").asText();
        } catch (IOException e) {
            throw new UncheckedIOException("the saved segment is not JSON: " + json, e);
        }
    }

    /** The segment's member list. */
    Supplier<BenchRequest> members() {
        BenchRequest request =
                new BenchRequest("/v1/segments/" + encoded(segmentId) + "/accounts", bearer);
        return () -> request;
    }

    /** The journey aggregates over the segment, for the last 90 days or the last 30. */
    Supplier<BenchRequest> journey() {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        List<BenchRequest> requests =
                List.of(90, 30).stream()
                        .map(
                                days ->
                                        new BenchRequest(
                                                "/v1/journey?segment="
                                                        + encoded(segmentId)
                                                        + "&from="
                                                        + today.minusDays(days)
                                                        + "&to="
                                                        + today,
                                                bearer))
                        .toList();
        return () -> requests.get(ThreadLocalRandom.current().nextInt(requests.size()));
    }

    private static String encoded(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
