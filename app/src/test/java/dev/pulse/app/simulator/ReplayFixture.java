package dev.pulse.app.simulator;

import dev.pulse.topologies.account.Account;
import dev.pulse.topologies.engagement.DailyHistory;
import dev.pulse.topologies.engagement.EngagementBucket;
import dev.pulse.topologies.event.UsageEvent;
import dev.pulse.topologies.event.UsageEventParser;
import dev.pulse.topologies.health.HealthModel;
import dev.pulse.topologies.health.HealthScore;
import dev.pulse.topologies.health.HealthScorer;
import dev.pulse.topologies.json.InvalidRecordException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Sixty days of demo traffic generated once per test JVM and summarised while it streams by, so
 * that the replay tests share one pass over ~700,000 records instead of keeping them.
 */
final class ReplayFixture {
    static final long SEED = SimulatorSettings.DEFAULT_SEED;

    /** A Wednesday afternoon. */
    static final Instant ANCHOR = Instant.parse("2026-11-18T14:37:12.345Z");

    static final int DAYS = 60;

    private static ReplayFixture instance;

    final DemoCustomerBase base;
    final Instant from;
    final Map<RecordKind, Long> kinds = new EnumMap<>(RecordKind.class);
    final TreeMap<LocalDate, Long> recordsPerDay = new TreeMap<>();

    /** Well-formed, distinct events per tenant and UTC day of event time. */
    final Map<String, TreeMap<LocalDate, Long>> eventsPerTenantDay = new HashMap<>();

    /** Engagement as the pipeline would count it: no duplicates, nothing beyond grace. */
    final Map<String, Map<LocalDate, EngagementBucket>> engagement = new HashMap<>();

    final Map<String, Set<String>> usersInLast14Days = new HashMap<>();

    /** First and last counted event time per tenant, as the pipeline's scores carry them. */
    final Map<String, Instant> firstEventAt = new HashMap<>();

    final Map<String, Instant> lastEventAt = new HashMap<>();
    final Map<String, Long> recordsInLast10DaysPerTenant = new HashMap<>();
    final List<String> outOfOrder = new ArrayList<>();
    final List<String> rejectedWellFormed = new ArrayList<>();
    final List<String> acceptedMalformed = new ArrayList<>();
    final List<String> keylessMalformed = new ArrayList<>();
    final Set<String> eventIds = new HashSet<>();
    private final Set<String> tenantIds = new HashSet<>();
    long reusedEventIds;
    long duplicatesMatchingTheirOriginal;
    long lateWithinGrace;
    long beyondGraceMinutesMin = Long.MAX_VALUE;
    long beyondGraceMinutesMax;
    long lateMinutesMin = Long.MAX_VALUE;
    long lateMinutesMax;
    long recordsWithExtraFields;

    private ReplayFixture() {
        this(SEED);
    }

    ReplayFixture(long seed) {
        base = DemoCustomerBase.generate(seed, 150, ANCHOR);
        base.behaviours().forEach(b -> tenantIds.add(b.tenantId()));
        from = ANCHOR.minus(Duration.ofDays(DAYS)).truncatedTo(ChronoUnit.HOURS);
        HourlyEventGenerator generator = new HourlyEventGenerator(base, seed);
        long last14 = ANCHOR.minus(Duration.ofDays(14)).toEpochMilli();
        long last10 = ANCHOR.minus(Duration.ofDays(10)).toEpochMilli();
        long previousTime = Long.MIN_VALUE;
        SimulatedRecord previous = null;
        for (Instant hour = from; hour.isBefore(ANCHOR); hour = hour.plus(Duration.ofHours(1))) {
            for (SimulatedRecord record : generator.hour(hour)) {
                if (record.sentAtMs() >= ANCHOR.toEpochMilli()) {
                    continue;
                }
                SimulatedRecord before = previous;
                previous = record;
                kinds.merge(record.kind(), 1L, Long::sum);
                recordsPerDay.merge(day(record.sentAtMs()), 1L, Long::sum);
                if (record.sentAtMs() >= last10) {
                    recordsInLast10DaysPerTenant.merge(record.tenantId(), 1L, Long::sum);
                }
                if (record.kind() == RecordKind.EVENT) {
                    if (record.timestampMs() < previousTime) {
                        outOfOrder.add(record.json());
                    }
                    previousTime = record.timestampMs();
                }
                if (record.kind() == RecordKind.MALFORMED) {
                    checkMalformed(record);
                } else {
                    UsageEvent event = checkWellFormed(record);
                    if (event == null) {
                        continue;
                    }
                    if (record.kind() == RecordKind.DUPLICATE) {
                        if (before != null
                                && java.util.Arrays.equals(before.value(), record.value())) {
                            duplicatesMatchingTheirOriginal++;
                        }
                        continue;
                    }
                    if (!eventIds.add(event.eventId())) {
                        reusedEventIds++;
                    }
                    if (hasExtraField(record.json())) {
                        recordsWithExtraFields++;
                    }
                    long lateMinutes = (record.sentAtMs() - record.timestampMs()) / 60_000;
                    if (record.kind() == RecordKind.LATE) {
                        lateMinutesMin = Math.min(lateMinutesMin, lateMinutes);
                        lateMinutesMax = Math.max(lateMinutesMax, lateMinutes);
                    }
                    if (record.kind() == RecordKind.BEYOND_GRACE) {
                        beyondGraceMinutesMin = Math.min(beyondGraceMinutesMin, lateMinutes);
                        beyondGraceMinutesMax = Math.max(beyondGraceMinutesMax, lateMinutes);
                        continue;
                    }
                    count(event, last14);
                }
            }
        }
    }

    static synchronized ReplayFixture get() {
        if (instance == null) {
            instance = new ReplayFixture();
        }
        return instance;
    }

    private void count(UsageEvent event, long last14) {
        LocalDate day = day(event.timestamp().toEpochMilli());
        firstEventAt.merge(event.tenantId(), event.timestamp(), (x, y) -> x.isBefore(y) ? x : y);
        lastEventAt.merge(event.tenantId(), event.timestamp(), (x, y) -> x.isAfter(y) ? x : y);
        eventsPerTenantDay
                .computeIfAbsent(event.tenantId(), t -> new TreeMap<>())
                .merge(day, 1L, Long::sum);
        engagement
                .computeIfAbsent(event.tenantId(), t -> new HashMap<>())
                .computeIfAbsent(day, d -> new EngagementBucket())
                .add(event);
        if (event.timestamp().toEpochMilli() >= last14) {
            usersInLast14Days
                    .computeIfAbsent(event.tenantId(), t -> new HashSet<>())
                    .add(event.userId());
        }
    }

    private UsageEvent checkWellFormed(SimulatedRecord record) {
        try {
            UsageEvent event = UsageEventParser.parse(record.value(), ANCHOR);
            if (!event.tenantId().equals(record.tenantId())
                    || event.timestamp().toEpochMilli() != record.timestampMs()) {
                rejectedWellFormed.add("key or timestamp differs from the value: " + record.json());
            }
            return event;
        } catch (InvalidRecordException e) {
            rejectedWellFormed.add(e.getMessage() + ": " + record.json());
            return null;
        }
    }

    private void checkMalformed(SimulatedRecord record) {
        if (record.tenantId() == null || !tenantIds.contains(record.tenantId())) {
            keylessMalformed.add(record.json());
        }
        try {
            UsageEventParser.parse(record.value(), ANCHOR);
            acceptedMalformed.add(record.json());
        } catch (InvalidRecordException expected) {
            // as intended
        }
    }

    private static boolean hasExtraField(String json) {
        for (String field : EXTRA_FIELDS) {
            if (json.contains(field)) {
                return true;
            }
        }
        return false;
    }

    private static final List<String> EXTRA_FIELDS =
            List.of("\"clientVersion\":", "\"sessionId\":", "\"region\":", "\"sdk\":");

    static LocalDate day(long epochMs) {
        return LocalDate.ofInstant(Instant.ofEpochMilli(epochMs), ZoneOffset.UTC);
    }

    /** Well-formed events of a tenant with event time in [from, to) UTC days. */
    long events(String tenantId, LocalDate fromDay, LocalDate toDay) {
        TreeMap<LocalDate, Long> days = eventsPerTenantDay.getOrDefault(tenantId, new TreeMap<>());
        return days.subMap(fromDay, true, toDay, false).values().stream()
                .mapToLong(Long::longValue)
                .sum();
    }

    /** The complete days of the replay (the first and the last are partial). */
    List<LocalDate> wholeDays() {
        return new ArrayList<>(recordsPerDay.keySet()).subList(1, recordsPerDay.size() - 1);
    }

    /** The tenant's health score as of {@code asOf}, from the replayed engagement. */
    HealthScore score(String tenantId, Instant asOf) {
        Map<LocalDate, EngagementBucket> days = new HashMap<>();
        LocalDate last = day(asOf.toEpochMilli() - 1);
        engagement
                .getOrDefault(tenantId, Map.of())
                .forEach(
                        (day, bucket) -> {
                            if (!day.isAfter(last)) {
                                days.put(day, bucket);
                            }
                        });
        Account account =
                base.accounts().stream()
                        .filter(a -> a.tenantId().equals(tenantId))
                        .findFirst()
                        .orElseThrow();
        return SCORER.score(tenantId, new DailyHistory(days, asOf), account);
    }

    private static final HealthScorer SCORER = new HealthScorer(model());

    private static HealthModel model() {
        return HealthModel.fromYaml(configFile("health-model.yaml"));
    }

    /** A file of {@code config/}, found from the working directory or above it. */
    static String configFile(String name) {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path file = dir.resolve("config").resolve(name);
            if (Files.isRegularFile(file)) {
                try {
                    return Files.readString(file);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        throw new IllegalStateException(
                "config/" + name + " not found in the working directory or above it");
    }
}
