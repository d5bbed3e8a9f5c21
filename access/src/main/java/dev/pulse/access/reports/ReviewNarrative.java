package dev.pulse.access.reports;

import dev.pulse.access.reports.AccountReview.ContributionChange;
import dev.pulse.access.reports.AccountReview.UsageDay;
import dev.pulse.streams.read.AlertTransition;
import dev.pulse.topologies.alert.AlertState;
import dev.pulse.topologies.health.Band;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The review's written summary: a few sentences built from its figures by fixed rules, in words a
 * customer can read. No model guesses; every number in a sentence is in the report.
 */
final class ReviewNarrative {
    /** A contribution that moved less than this many points is not worth a sentence. */
    private static final double NOTABLE_POINTS = 1.0;

    private static final int TREND_DAYS = 30;

    private ReviewNarrative() {}

    static List<String> of(AccountReview review) {
        List<String> sentences = new ArrayList<>();
        score(review, sentences);
        mover(review, sentences);
        usage(review, sentences);
        seats(review, sentences);
        alerts(review, sentences);
        renewal(review, sentences);
        return sentences;
    }

    private static void score(AccountReview review, List<String> out) {
        if (review.current() == null) {
            out.add(
                    review.name()
                            + " has no health score yet: Pulse has seen too little activity.");
            return;
        }
        String sentence =
                String.format(
                        Locale.ROOT,
                        "The health score of %s is %.1f of 100 (%s)",
                        review.name(),
                        review.current().score(),
                        bandWords(review.current().band()));
        Double change = review.change();
        if (change == null) {
            out.add(sentence + ".");
        } else if (Math.abs(change) < 0.05) {
            out.add(sentence + ", unchanged since " + review.period().firstDay() + ".");
        } else {
            out.add(
                    String.format(
                            Locale.ROOT,
                            "%s, %s %.1f points since %s.",
                            sentence,
                            change > 0 ? "up" : "down",
                            Math.abs(change),
                            review.period().firstDay()));
        }
    }

    private static void mover(AccountReview review, List<String> out) {
        for (ContributionChange c : review.contributions()) {
            Double change = c.change();
            if (change != null && Math.abs(change) >= NOTABLE_POINTS) {
                out.add(
                        String.format(
                                Locale.ROOT,
                                "The largest change came from %s, which %s %.1f points.",
                                c.label().toLowerCase(Locale.ROOT),
                                change > 0 ? "added" : "took away",
                                Math.abs(change)));
                return;
            }
        }
    }

    private static void usage(AccountReview review, List<String> out) {
        List<UsageDay> days = review.usage();
        if (days.size() < 2 * TREND_DAYS) {
            return;
        }
        double first = averageEvents(days.subList(0, TREND_DAYS));
        double last = averageEvents(days.subList(days.size() - TREND_DAYS, days.size()));
        if (first == 0) {
            return;
        }
        long percent = Math.round((last - first) / first * 100);
        if (Math.abs(percent) < 5) {
            out.add("Daily activity in the last 30 days was about the same as in the first 30.");
        } else {
            out.add(
                    String.format(
                            Locale.ROOT,
                            "Daily activity in the last 30 days was %d%% %s than in the first 30.",
                            Math.abs(percent),
                            percent > 0 ? "higher" : "lower"));
        }
    }

    private static double averageEvents(List<UsageDay> days) {
        return days.stream().mapToLong(UsageDay::events).average().orElse(0);
    }

    private static void seats(AccountReview review, List<String> out) {
        AccountReview.SeatUtilisation seats = review.seats();
        if (seats.utilisation() == null) {
            return;
        }
        out.add(
                String.format(
                        Locale.ROOT,
                        "%d people used the product in the last 30 days of the period, %d%% of the"
                                + " %d licensed seats.",
                        seats.activeUsers(),
                        Math.round(seats.utilisation() * 100),
                        seats.licensed()));
    }

    private static void alerts(AccountReview review, List<String> out) {
        Set<String> fired = new HashSet<>();
        for (AlertTransition t : review.alerts()) {
            if (t.state() == AlertState.FIRING) {
                fired.add(t.id());
            }
        }
        long openFollowUps =
                review.followUps().stream().filter(f -> !f.status().isClosed()).count();
        String followUps =
                openFollowUps == 0
                        ? ""
                        : openFollowUps == 1
                                ? " One follow-up is open."
                                : " " + openFollowUps + " follow-ups are open.";
        if (fired.isEmpty()) {
            out.add("No alerts were raised in the period." + followUps);
        } else {
            out.add(
                    (fired.size() == 1 ? "One alert was" : fired.size() + " alerts were")
                            + " raised in the period."
                            + followUps);
        }
    }

    private static void renewal(AccountReview review, List<String> out) {
        LocalDate renewal = review.renewalDate();
        if (renewal == null || renewal.isBefore(review.period().lastDay())) {
            return;
        }
        long days = ChronoUnit.DAYS.between(review.period().lastDay(), renewal);
        out.add("The contract renews on " + renewal + ", " + days + " days after the period.");
    }

    static String bandWords(Band band) {
        switch (band) {
            case HEALTHY:
                return "healthy";
            case NEUTRAL:
                return "neutral";
            default:
                return "at risk";
        }
    }
}
