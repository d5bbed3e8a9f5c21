package dev.pulse.topologies.health;

import dev.pulse.topologies.account.Account;
import dev.pulse.topologies.engagement.DailyHistory;
import dev.pulse.topologies.engagement.EngagementBucket;
import dev.pulse.topologies.event.EventTypes;
import dev.pulse.topologies.text.Decimals;
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
                    users
                            + " of "
                            + seats
                            + " licensed seats active in the last "
                            + def.windowDays()
                            + " days ("
                            + Decimals.percent(ratio)
                            + ")");
        }
    },
    ACTIVE_DAYS {
        @Override
        Reading read(DailyHistory history, Account account, MeasureDefinition def) {
            int active = history.activeDays(def.windowDays());
            return new Reading(
                    (double) active,
                    "active on " + active + " of the last " + def.windowDays() + " days");
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
            double baselineActions = history.count(baseline, window, b -> b.eventsOfTypes(types));
            if (baselineActions <= 0 || baselineUserDays <= 0) {
                return null;
            }
            double usual = baselineActions / baselineUserDays;
            double now =
                    userDays <= 0
                            ? 0
                            : history.count(window, 0, b -> b.eventsOfTypes(types)) / userDays;
            double ratio = now / usual;
            return new Reading(
                    ratio,
                    Decimals.tenths(now)
                            + " key actions per active user a day in the last "
                            + window
                            + " days, "
                            + Decimals.percent(ratio)
                            + " of the usual "
                            + Decimals.tenths(usual));
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
                    adopted
                            + " of "
                            + core.size()
                            + " core features used in the last "
                            + def.windowDays()
                            + " days"
                            + (missing.isEmpty()
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
                    "events in the last "
                            + window
                            + " days are "
                            + Decimals.whole(Math.abs(change))
                            + "% "
                            + (change < 0 ? "below" : "above")
                            + " the average of the "
                            + baseline
                            + " days before");
        }
    },
    SUPPORT_FRICTION {
        @Override
        Reading read(DailyHistory history, Account account, MeasureDefinition def) {
            List<String> types = def.eventTypesOr(List.of(EventTypes.TICKET_OPENED));
            double tickets =
                    Math.round(history.count(def.windowDays(), 0, b -> b.eventsOfTypes(types)));
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
                    Decimals.whole(tickets)
                            + " support tickets opened in the last "
                            + def.windowDays()
                            + " days ("
                            + Decimals.tenths(per10)
                            + " per 10 seats)");
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
                    "average NPS answer "
                            + Decimals.tenths(average)
                            + " from "
                            + Decimals.whole(responses)
                            + " responses in the last "
                            + def.windowDays()
                            + " days");
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
}
