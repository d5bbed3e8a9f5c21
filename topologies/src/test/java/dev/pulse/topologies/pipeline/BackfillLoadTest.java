package dev.pulse.topologies.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pulse.topologies.account.Account;
import dev.pulse.topologies.alert.Alert;
import dev.pulse.topologies.engagement.BackfilledDay;
import dev.pulse.topologies.engagement.EngagementBucket;
import dev.pulse.topologies.event.UsageEvent;
import dev.pulse.topologies.event.UsageEventParser;
import dev.pulse.topologies.health.HealthScore;
import dev.pulse.topologies.topic.PulseTopics;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.junit.jupiter.api.Test;

/**
 * Backfilled days are stored and scored as a replay of the same events stores and scores them: the
 * same daily engagement, the same end-of-day scores and at-risk decisions, alerts marked replayed;
 * and loading the same days again changes nothing.
 */
class BackfillLoadTest {
    private static final LocalDate FIRST = LocalDate.of(2026, 3, 2);
    private static final int DAYS = 70;
    private static final int TENANTS = 6;
    private static final String FADING = "tenant-0";
    private static final Instant LATER =
            FIRST.plusDays(DAYS + 30).atStartOfDay(ZoneOffset.UTC).toInstant();

    private record Event(String json, String tenant, Instant at) {}

    /** Six tenants, one fading from day 40 and one silent from day 55; a few re-sent events. */
    private static List<Event> history() {
        List<Event> events = new ArrayList<>();
        String[] features = {"dashboards", "reports", "alerts", "exports"};
        for (int d = 0; d < DAYS; d++) {
            LocalDate day = FIRST.plusDays(d);
            boolean weekend = day.getDayOfWeek().getValue() >= DayOfWeek.SATURDAY.getValue();
            for (int t = 0; t < TENANTS; t++) {
                String tenant = "tenant-" + t;
                double level =
                        tenant.equals(FADING) && d >= 40 ? Math.max(0.1, 1 - (d - 40) / 20.0) : 1;
                if (tenant.equals("tenant-1") && d >= 55) {
                    level = 0;
                }
                SplittableRandom random = new SplittableRandom(t * 1000L + d);
                int users = (int) Math.round(8 * level * (weekend ? 0.3 : 1));
                for (int u = 0; u < users; u++) {
                    for (int a = 0; a < 3; a++) {
                        Instant at =
                                day.atStartOfDay(ZoneOffset.UTC)
                                        .toInstant()
                                        .plusSeconds(8 * 3600 + random.nextInt(10 * 3600));
                        String type =
                                a == 2 && u == 0 && d % 7 == 3 ? "nps_response" : "feature_used";
                        String json =
                                "{\"eventId\":\"%s-%d-%d-%d\",\"tenantId\":\"%s\",\"userId\":\"user-%d\",\"type\":\"%s\",\"feature\":\"%s\",\"timestamp\":\"%s\"%s}"
                                        .formatted(
                                                tenant,
                                                d,
                                                u,
                                                a,
                                                tenant,
                                                u,
                                                type,
                                                features[(u + a) % features.length],
                                                at,
                                                type.equals("nps_response")
                                                        ? ",\"properties\":{\"score\":"
                                                                + (u + d) % 11
                                                                + "}"
                                                        : "");
                        events.add(new Event(json, tenant, at));
                        if (random.nextInt(50) == 0) {
                            events.add(new Event(json, tenant, at)); // delivered twice
                        }
                    }
                }
            }
        }
        events.sort(Comparator.comparing(Event::at));
        return events;
    }

    private static void accounts(PipelineFixture f) {
        for (int t = 0; t < TENANTS; t++) {
            String tenant = "tenant-" + t;
            f.accounts.pipeInput(
                    tenant,
                    new Account(
                            tenant,
                            tenant.toUpperCase(),
                            "sarah@example.com",
                            "east",
                            "growth",
                            12L,
                            30_000.0,
                            LocalDate.of(2027, 6, 30),
                            "smb"));
        }
    }

    /**
     * What the backfill job computes, in miniature: per tenant-day, events de-duplicated by id and
     * counted with {@link EngagementBucket#add}; in day order, then tenant.
     */
    private static List<BackfilledDay> backfilledDays(List<Event> events) {
        Map<String, Map<String, UsageEvent>> byDay = new TreeMap<>();
        for (Event e : events) {
            UsageEvent event =
                    UsageEventParser.parse(e.json().getBytes(StandardCharsets.UTF_8), LATER);
            String key = LocalDate.ofInstant(e.at(), ZoneOffset.UTC) + " " + e.tenant();
            byDay.computeIfAbsent(key, k -> new java.util.LinkedHashMap<>())
                    .putIfAbsent(event.eventId(), event);
        }
        List<BackfilledDay> days = new ArrayList<>();
        byDay.forEach(
                (key, unique) -> {
                    EngagementBucket bucket = new EngagementBucket();
                    unique.values().forEach(bucket::add);
                    List<Instant> times =
                            unique.values().stream().map(UsageEvent::timestamp).sorted().toList();
                    UsageEvent any = unique.values().iterator().next();
                    days.add(
                            new BackfilledDay(
                                    any.tenantId(),
                                    LocalDate.parse(key.substring(0, 10)),
                                    bucket,
                                    times.get(0),
                                    times.get(times.size() - 1)));
                });
        return days;
    }

    /** One event after the last day, past its grace: the last day closes. */
    private static void closeTheLastDay(PipelineFixture f) {
        Instant after =
                FIRST.plusDays(DAYS)
                        .atStartOfDay(ZoneOffset.UTC)
                        .toInstant()
                        .plus(Duration.ofHours(2));
        f.send("tenant-5", "closer", "user-0", "login", null, after);
        f.advanceWallClock(Duration.ofSeconds(1));
    }

    private record Outcome(
            Map<String, String> engagement, Map<String, String> dailyScores, List<Alert> alerts) {
        static Outcome of(PipelineFixture f) {
            Map<String, String> engagement = new TreeMap<>();
            try (KeyValueIterator<Windowed<String>, EngagementBucket> it = f.daily().all()) {
                while (it.hasNext()) {
                    KeyValue<Windowed<String>, EngagementBucket> kv = it.next();
                    engagement.put(
                            kv.key.key() + " " + kv.key.window().startTime(), describe(kv.value));
                }
            }
            Map<String, String> scores = new TreeMap<>();
            try (KeyValueIterator<Windowed<String>, HealthScore> it = f.dailyScores().all()) {
                while (it.hasNext()) {
                    KeyValue<Windowed<String>, HealthScore> kv = it.next();
                    scores.put(
                            kv.key.key() + " " + kv.key.window().startTime(),
                            new String(
                                    PulseTopics.HEALTH_SCORES
                                            .valueSerde()
                                            .serializer()
                                            .serialize("", kv.value),
                                    StandardCharsets.UTF_8));
                }
            }
            return new Outcome(engagement, scores, f.alerts.readValuesToList());
        }
    }

    /**
     * What a bucket says (counts, distinct users, NPS). Not its bytes: the sketch lists its first
     * few users in an order that depends on how often the bucket was stored and read back.
     */
    static String describe(EngagementBucket bucket) {
        return bucket.events()
                + " "
                + bucket.byType()
                + " "
                + bucket.features()
                + " users="
                + bucket.activeUsers()
                + " nps="
                + bucket.npsSum()
                + "/"
                + bucket.npsCount();
    }

    private static Outcome replay(List<Event> events) throws Exception {
        try (PipelineFixture f = new PipelineFixture(LATER)) {
            accounts(f);
            events.forEach(e -> f.sendRaw(e.tenant(), e.json()));
            closeTheLastDay(f);
            return Outcome.of(f);
        }
    }

    private static Outcome backfill(List<BackfilledDay> days, int times) throws Exception {
        try (PipelineFixture f = new PipelineFixture(LATER)) {
            accounts(f);
            for (int i = 0; i < times; i++) {
                days.forEach(day -> f.backfill.pipeInput(day.tenantId(), day));
            }
            closeTheLastDay(f);
            return Outcome.of(f);
        }
    }

    @Test
    void backfilledDaysGiveTheDailyEngagementAndScoresOfAReplay() throws Exception {
        List<Event> events = history();
        Outcome replayed = replay(events);
        Outcome backfilled = backfill(backfilledDays(events), 1);

        assertThat(replayed.dailyScores()).hasSizeGreaterThan(TENANTS * (DAYS - 20));
        assertThat(backfilled.engagement()).isEqualTo(replayed.engagement());
        assertThat(backfilled.dailyScores()).isEqualTo(replayed.dailyScores());
        assertThat(backfilled.dailyScores().values()).anyMatch(s -> s.contains("\"atRisk\":true"));
    }

    @Test
    void alertsDecidedOnBackfilledDaysTellNobody() throws Exception {
        Outcome backfilled = backfill(backfilledDays(history()), 1);

        assertThat(backfilled.alerts()).isNotEmpty().allMatch(Alert::isReplayed);
    }

    @Test
    void loadingTheSameBackfillAgainCountsNothingTwice() throws Exception {
        List<BackfilledDay> days = backfilledDays(history());
        Outcome once = backfill(days, 1);
        Outcome twice = backfill(days, 2);

        assertThat(twice.engagement()).isEqualTo(once.engagement());
        assertThat(twice.dailyScores()).isEqualTo(once.dailyScores());
    }
}
