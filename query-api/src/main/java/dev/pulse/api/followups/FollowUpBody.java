package dev.pulse.api.followups;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pulse.api.http.JsonBodies;
import dev.pulse.api.http.ProblemException;
import dev.pulse.topologies.followup.FollowUpStatus;
import dev.pulse.topologies.json.JsonFields;
import io.vertx.ext.web.RoutingContext;
import java.time.LocalDate;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * The fields of a follow-up request body, read strictly: each present field must have its type and
 * form, else a 400 problem names it. Rules that the topology applies too (title length, e-mail
 * form) are checked again by {@code FollowUpLifecycle.check}; the date window is the API's own.
 *
 * @param title absent: null
 * @param dueDate absent or null: null (see {@code clearDueDate})
 * @param clearDueDate whether {@code dueDate} was given as JSON null
 * @param owner lower-case e-mail; absent: null
 * @param note absent: null
 * @param status absent: null
 */
record FollowUpBody(
        String title,
        LocalDate dueDate,
        boolean clearDueDate,
        String owner,
        String note,
        FollowUpStatus status) {
    /** Due dates more than a day in the past (UTC) are refused: people in later time zones. */
    private static final Period PAST = Period.ofDays(1);

    private static final Period FUTURE = Period.ofYears(5);

    static FollowUpBody read(RoutingContext ctx, LocalDate today) {
        JsonNode body = JsonBodies.object(ctx);
        return new FollowUpBody(
                text(body, "title"),
                dueDate(body, today),
                body.has("dueDate") && body.get("dueDate").isNull(),
                owner(body),
                text(body, "note"),
                status(body));
    }

    boolean isEmpty() {
        return title == null
                && dueDate == null
                && !clearDueDate
                && owner == null
                && note == null
                && status == null;
    }

    private static String text(JsonNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw ProblemException.badParameter(field, "must be a string");
        }
        return value.asText();
    }

    private static LocalDate dueDate(JsonNode body, LocalDate today) {
        String value = text(body, "dueDate");
        if (value == null) {
            return null;
        }
        LocalDate due;
        try {
            due = LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw ProblemException.badParameter(
                    "dueDate", "must be an ISO date, e.g. 2026-11-27, or null");
        }
        if (due.isBefore(today.minus(PAST)) || due.isAfter(today.plus(FUTURE))) {
            throw ProblemException.badParameter(
                    "dueDate", "must be from yesterday to five years ahead, not " + due);
        }
        return due;
    }

    private static String owner(JsonNode body) {
        String value = text(body, "owner");
        if (value == null) {
            return null;
        }
        String owner = value.strip();
        if (!JsonFields.isEmail(owner)) {
            throw ProblemException.badParameter(
                    "owner", "must be an e-mail address, e.g. sarah@example.com");
        }
        return owner.toLowerCase(Locale.ROOT);
    }

    private static FollowUpStatus status(JsonNode body) {
        String value = text(body, "status");
        if (value == null) {
            return null;
        }
        return FollowUpStatus.fromLabel(value)
                .orElseThrow(
                        () ->
                                ProblemException.badParameter(
                                        "status", "must be open, done or cancelled"));
    }
}
