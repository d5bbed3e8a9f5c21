package dev.pulse.bot.core;

import dev.pulse.access.segments.SegmentCriteria;
import dev.pulse.topologies.health.Band;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A segment's criteria in words ("plan enterprise · band at risk · renewal within 90 days"), so a
 * chat answer shows what was saved as Pulse read it, not as it was typed.
 */
final class SegmentCriteriaText {
    private SegmentCriteriaText() {}

    static String describe(SegmentCriteria c) {
        List<String> parts = new ArrayList<>();
        list(parts, "plan", c.plans());
        list(parts, "directory segment", c.segments());
        list(parts, "owner", c.owners());
        list(parts, "team", c.teams());
        if (c.bands() != null) {
            list(parts, "band", c.bands().stream().map(SegmentCriteriaText::band).toList());
        }
        if (c.atRisk() != null) {
            parts.add(c.atRisk() ? "at risk" : "not at risk");
        }
        range(parts, "score", c.scoreMin(), c.scoreMax());
        range(parts, "7-day change", c.delta7dMin(), c.delta7dMax());
        range(parts, "30-day change", c.delta30dMin(), c.delta30dMax());
        range(parts, "ARR", c.arrMin(), c.arrMax());
        if (c.renewalWithinDays() != null) {
            parts.add("renewal within " + c.renewalWithinDays() + " days");
        }
        list(parts, "stage", c.journeyStages());
        if (c.funnel() != null) {
            parts.add("reached " + c.funnel().reachedStep() + " in funnel " + c.funnel().id());
        }
        if (c.attributes() != null) {
            for (Map.Entry<String, String> e : c.attributes().entrySet()) {
                parts.add(e.getKey() + " " + e.getValue());
            }
        }
        return parts.isEmpty() ? "every account" : String.join(" · ", parts);
    }

    private static void list(List<String> parts, String label, List<String> values) {
        if (values != null) {
            parts.add(label + " " + String.join(" or ", values));
        }
    }

    private static void range(List<String> parts, String label, Double min, Double max) {
        if (min != null && max != null) {
            parts.add(label + " " + number(min) + "–" + number(max));
        } else if (min != null) {
            parts.add(label + " ≥ " + number(min));
        } else if (max != null) {
            parts.add(label + " ≤ " + number(max));
        }
    }

    private static String band(Band band) {
        return band.label().replace('_', ' ');
    }

    private static String number(double value) {
        return value == Math.rint(value)
                ? String.format(Locale.ROOT, "%,d", (long) value)
                : String.format(Locale.ROOT, "%,.1f", value);
    }
}
