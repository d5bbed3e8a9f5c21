package dev.pulse.backfill;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pulse.backfill.publish.DaySink;
import dev.pulse.backfill.source.RawEventSource;
import dev.pulse.topologies.engagement.BackfilledDay;
import dev.pulse.topologies.engagement.EngagementBucket;
import dev.pulse.topologies.event.UsageEventParser;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The Flink job on an in-process MiniCluster, on a handful of events. */
class BackfillTest {
    private static final Instant DAY_1 = Instant.parse("2026-05-04T09:00:00Z");
    private static final Instant DAY_2 = Instant.parse("2026-05-05T23:59:00Z");

    private static BackfillSummary summary;
    private static List<BackfilledDay> days;

    @BeforeAll
    static void runTheJobOnce() throws Exception {
        List<String> events =
                List.of(
                        event("a-1", "acme", "u1", "login", null, DAY_1),
                        event(
                                "a-2",
                                "acme",
                                "u2",
                                "feature_used",
                                "reports",
                                DAY_1.plusSeconds(60)),
                        event(
                                "a-2",
                                "acme",
                                "u2",
                                "feature_used",
                                "reports",
                                DAY_1.plusSeconds(60)),
                        event("a-3", "acme", "u1", "feature_used", "reports", DAY_2),
                        event("g-1", "globex", "u9", "login", null, DAY_1.plusSeconds(5)),
                        "{\"eventId\":\"n-1\",\"tenantId\":\"globex\",\"userId\":\"u9\",\"type\":\"nps_response\","
                            + "\"timestamp\":\"2026-05-04T10:00:00Z\",\"properties\":{\"score\":9}}",
                        "not json",
                        event(
                                "f-1",
                                "acme",
                                "u1",
                                "login",
                                null,
                                Instant.now().plusSeconds(86_400)),
                        "{\"eventId\":\"x\",\"tenantId\":\"acme\",\"type\":\"login\"}");
        Collecting sink = new Collecting();
        summary =
                new Backfill(new FlinkTarget(null, 2), BackfillProgress.SILENT)
                        .run(new InMemory(events), sink);
        days = sink.days;
    }

    @Test
    void countsEachTenantDayWithThePipelinesBucket() {
        assertThat(days)
                .extracting(d -> d.tenantId() + " " + d.day())
                .containsExactly("acme 2026-05-04", "globex 2026-05-04", "acme 2026-05-05");
        BackfilledDay acme = days.get(0);
        EngagementBucket expected = new EngagementBucket();
        expected.add(parse(event("a-1", "acme", "u1", "login", null, DAY_1)));
        expected.add(
                parse(
                        event(
                                "a-2",
                                "acme",
                                "u2",
                                "feature_used",
                                "reports",
                                DAY_1.plusSeconds(60))));
        assertThat(acme.bucket().events()).isEqualTo(2);
        assertThat(acme.bucket().byType()).isEqualTo(expected.byType());
        assertThat(acme.bucket().features()).isEqualTo(expected.features());
        assertThat(acme.bucket().activeUsers()).isEqualTo(2);
        assertThat(acme.firstEventAt()).isEqualTo(DAY_1);
        assertThat(acme.lastEventAt()).isEqualTo(DAY_1.plusSeconds(60));
        BackfilledDay globex = days.get(1);
        assertThat(globex.bucket().npsSum()).isEqualTo(9);
        assertThat(globex.bucket().npsCount()).isEqualTo(1);
        assertThat(days.get(2).day()).isEqualTo(LocalDate.of(2026, 5, 5));
    }

    @Test
    void dropsRepeatedEventIdsAndRejectsWhatThePipelineRejects() {
        assertThat(summary.eventsRead()).isEqualTo(9);
        assertThat(summary.eventsDuplicate()).isEqualTo(1);
        // Not JSON, an event from tomorrow, an event without a user or time.
        assertThat(summary.eventsRejected()).isEqualTo(3);
        assertThat(summary.tenantDays()).isEqualTo(3);
        assertThat(summary.eventsCounted()).isEqualTo(5);
    }

    static String event(
            String id, String tenant, String user, String type, String feature, Instant at) {
        return "{\"eventId\":\"%s\",\"tenantId\":\"%s\",\"userId\":\"%s\",\"type\":\"%s\"%s,\"timestamp\":\"%s\"}"
                .formatted(
                        id,
                        tenant,
                        user,
                        type,
                        feature == null ? "" : ",\"feature\":\"" + feature + "\"",
                        at);
    }

    private static dev.pulse.topologies.event.UsageEvent parse(String json) {
        return UsageEventParser.parse(json.getBytes(StandardCharsets.UTF_8), Instant.now());
    }

    /** Events given in the test, as a bounded stream. */
    record InMemory(List<String> events) implements RawEventSource {
        @Override
        public DataStream<String> open(StreamExecutionEnvironment env) {
            return env.fromData(events);
        }

        @Override
        public String description() {
            return events.size() + " events";
        }
    }

    static final class Collecting implements DaySink {
        final List<BackfilledDay> days = new ArrayList<>();

        @Override
        public void accept(BackfilledDay day) {
            days.add(day);
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    }
}
