package dev.pulse.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pulse.access.testing.Scores;
import dev.pulse.api.testing.RunningApi;
import dev.pulse.api.testing.TestUsers;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Conditional reads: an answer's ETag, and 304 while the answer a caller would get is the same. */
class EntityTagsIT {
    private static final Instant NOW = Instant.parse("2026-11-20T10:30:00Z");
    private static final String SARAH = "sarah@example.com";
    private static RunningApi api;

    @BeforeAll
    static void start() {
        api = RunningApi.start(Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    @BeforeEach
    void seed() {
        api.reset();
        api.reader
                .put(Scores.account("acme", "Acme", SARAH))
                .put(Scores.account("globex", "Globex", SARAH))
                .putCurrent(Scores.score("acme", 55, NOW))
                .putCurrent(Scores.score("globex", 30, NOW));
    }

    @Test
    void aReadNamingTheCurrentTagGets304WithoutABodyUntilTheDataChanges() {
        HttpResponse<String> first = api.get("/v1/accounts/acme");
        String tag = first.headers().firstValue("ETag").orElseThrow();
        assertThat(tag).matches("\"[A-Za-z0-9_-]{22}\"");
        assertThat(first.headers().firstValue("Cache-Control")).hasValue("no-store");

        HttpResponse<String> again = conditional("/v1/accounts/acme", tag);
        assertThat(again.statusCode()).isEqualTo(304);
        assertThat(again.body()).isEmpty();
        assertThat(again.headers().firstValue("ETag")).hasValue(tag);
        assertThat(conditional("/v1/accounts/acme", "\"other\", W/" + tag).statusCode())
                .as("a weak copy of the tag in a list still matches")
                .isEqualTo(304);
        assertThat(conditional("/v1/accounts/acme", "\"other\"").statusCode()).isEqualTo(200);

        api.reader.putCurrent(Scores.score("acme", 41, NOW));
        HttpResponse<String> changed = conditional("/v1/accounts/acme", tag);
        assertThat(changed.statusCode()).isEqualTo(200);
        assertThat(RunningApi.json(changed).path("health").path("score").asDouble())
                .isEqualTo(41.0);
        assertThat(changed.headers().firstValue("ETag")).isPresent().get().isNotEqualTo(tag);
    }

    @Test
    void everyRepresentationAndEveryCallersViewHasItsOwnTag() {
        String admin = api.get("/v1/portfolio?owner=" + SARAH).headers().firstValue("ETag").get();
        String csv =
                api.get("/v1/portfolio?owner=" + SARAH + "&format=csv")
                        .headers()
                        .firstValue("ETag")
                        .get();
        HttpResponse<String> sarahs = api.as(SARAH).get("/v1/portfolio");

        assertThat(sarahs.statusCode()).isEqualTo(200);
        assertThat(csv).isNotEqualTo(admin);
        // Sarah's own portfolio is the same list the admin asked for by owner: same bytes, same
        // tag.
        assertThat(sarahs.headers().firstValue("ETag")).hasValue(admin);
        // A tag says nothing about who may read: out of scope stays 403 whatever the tag.
        HttpResponse<String> outOfScope =
                api.as(TestUsers.MARC)
                        .send(
                                HttpRequest.newBuilder(api.uri("/v1/accounts/acme"))
                                        .header("If-None-Match", "*")
                                        .GET());
        assertThat(outOfScope.statusCode()).isEqualTo(403);
    }

    private static HttpResponse<String> conditional(String path, String ifNoneMatch) {
        return api.as(TestUsers.ADMIN)
                .send(
                        HttpRequest.newBuilder(api.uri(path))
                                .header("If-None-Match", ifNoneMatch)
                                .GET());
    }
}
