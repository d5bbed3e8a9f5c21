package dev.pulse.topologies.health;

import dev.pulse.topologies.account.Account;
import dev.pulse.topologies.engagement.DailyHistory;
import dev.pulse.topologies.engagement.EngagementBucket;
import dev.pulse.topologies.event.EventTypes;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/** The computations a measure can use. Each returns null when the tenant has no data for it. */
public enum MeasureKind {
    SEAT_UTILISATION {
        @Override
        Reading read(DailyHistory history, Account account, MeasureDefinition def) {
            Long seats = account == null ? null : account.licensedSeats();
            if (seats == null || seats == 0) {
                return null;
            }
            long users = EngagementBucket.distinctUsers(history.buckets(def.windowDays()));
            double ratio = (double) users / seats;
            return new Reading(
                    ratio,
                    String.format(
                            Locale.ROOT,
                            "%d of %d licensed seats active in the last %d days (%.0f%%)",
                            users,
                            seats,
                            def.windowDays(),
                            ratio * 100));
        }
    },
    ACTIVE_DAYS {
        @Override
        Reading read(DailyHistory history, Account account, MeasureDefinition def) {
            int active = history.activeDays(def.windowDays());
            return new Reading(
                    (double) active,
                    String.format(
                            Locale.ROOT,
                            "active on %d of the last %d days",
                            active,
                            def.windowDays()));
        }
    },
    DEPTH {
        @Override
        Reading read(DailyHistory history, Account account, MeasureDefinition def) {
            List<String> types =
                    def.eventTypesOr(List.of(EventTypes.FEATURE_USED, EventTypes.API_CALL));
            int window = def.windowDays();
            int baseline = def.baselineOrDefault();
            double userDays = history.count(window, 0, EngagementBucket::activeUsers);
            double baselineUserDays =
                    history.count(baseline, window, EngagementBucket::activeUsers);
            double baselineActions = history.count(baseline, window, b -> keyActions(b, types));
            if (baselineActions <= 0 || baselineUserDays <= 0) {
                return null;
            }
            double usual = baselineActions / baselineUserDays;
            double now =
                    userDays <= 0
                            ? 0
                            : history.count(window, 0, b -> keyActions(b, types)) / userDays;
            double ratio = now / usual;
            return new Reading(
                    ratio,
                    String.format(
                            Locale.ROOT,
                            "%.1f key actions per active user a day in the last %d days, %.0f%% of"
                                    + " the usual %.1f",
                            now,
                            window,
                            ratio * 100,
                            usual));
        }
    },
    BREADTH {
        @Override
        Reading read(DailyHistory history, Account account, MeasureDefinition def) {
            List<String> core = def.coreFeatures();
            Set<String> used = new TreeSet<>();
            for (EngagementBucket bucket : history.buckets(def.windowDays())) {
                used.addAll(bucket.features().keySet());
            }
            List<String> missing = new ArrayList<>();
            for (String feature : core) {
                if (!used.contains(feature)) {
                    missing.add(feature);
                }
            }
            int adopted = core.size() - missing.size();
            return new Reading(
                    (double) adopted / core.size(),
                    String.format(
                            Locale.ROOT,
                            "%d of %d core features used in the last %d days%s",
                            adopted,
                            core.size(),
                            def.windowDays(),
                            missing.isEmpty()
                                    ? ""
                                    : " (unused: " + String.join(", ", missing) + ")"));
        }
    },
    TREND {
        @Override
        Reading read(DailyHistory history, Account account, MeasureDefinition def) {
            int window = def.windowDays();
            int baseline = def.baselineOrDefault();
            double recent = history.count(window, 0, EngagementBucket::events);
            double before = history.count(baseline, window, EngagementBucket::events);
            if (before <= 0) {
                return null;
            }
            double expected = before * window / baseline;
            double ratio = recent / expected;
            double change = (ratio - 1) * 100;
            return new Reading(
                    ratio,
                    String.format(
                            Locale.ROOT,
                            "events in the last %d days are %.0f%% %s the average of the %d days"
                                    + " before",
                            window,
                            Math.abs(change),
                            change < 0 ? "below" : "above",
                            baseline));
        }
    },
    SUPPORT_FRICTION {
        @Override
        Reading read(DailyHistory history, Account account, MeasureDefinition def) {
            List<String> types = def.eventTypesOr(List.of(EventTypes.TICKET_OPENED));
            double tickets = Math.round(history.count(def.windowDays(), 0, b -> count(b, types)));
            Long seats = account == null ? null : account.licensedSeats();
            double base =
                    seats != null && seats > 0
                            ? seats
                            : Math.max(
                                    1,
                                    EngagementBucket.distinctUsers(
                                            history.buckets(def.windowDays())));
            double per10 = tickets * 10 / base;
            return new Reading(
                    per10,
                    String.format(
                            Locale.ROOT,
                            "%.0f support tickets opened in the last %d days (%.1f per 10 seats)",
                            tickets,
                            def.windowDays(),
                            per10));
        }
    },
    SENTIMENT {
        @Override
        Reading read(DailyHistory history, Account account, MeasureDefinition def) {
            double responses = history.count(def.windowDays(), 0, EngagementBucket::npsCount);
            if (responses < 1) {
                return null;
            }
            double sum = history.count(def.windowDays(), 0, EngagementBucket::npsSum);
            double average = sum / responses;
            return new Reading(
                    average,
                    String.format(
                            Locale.ROOT,
                            "average NPS answer %.1f from %.0f responses in the last %d days",
                            average,
                            responses,
                            def.windowDays()));
        }
    };

    /** A measure's raw value and the sentence that explains it. */
    record Reading(double value, String explanation) {}

    abstract Reading read(DailyHistory history, Account account, MeasureDefinition def);

    static MeasureKind fromId(String id) {
        try {
            return valueOf(id.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "unknown measure kind '"
                            + id
                            + "'; expected one of seat_utilisation, active_days, depth, breadth,"
                            + " trend, support_friction, sentiment");
        }
    }

    private static long keyActions(EngagementBucket bucket, List<String> types) {
        return count(bucket, types);
    }

    private static long count(EngagementBucket bucket, List<String> types) {
        long total = 0;
        for (String type : types) {
            total += bucket.eventsOfType(type);
        }
        return total;
    }
}
