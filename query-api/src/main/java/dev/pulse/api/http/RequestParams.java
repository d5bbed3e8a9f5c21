package dev.pulse.api.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pulse.topologies.json.InvalidRecordException;
import dev.pulse.topologies.json.JsonFields;
import dev.pulse.topologies.json.PulseJson;
import io.vertx.core.MultiMap;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Reads query parameters, failing with a 400 problem that names the parameter and the form it
 * expects. A parameter given empty counts as absent; one given twice is an error.
 */
public final class RequestParams {
    private static final int MAX_ECHO = 80;

    private final MultiMap params;

    public RequestParams(MultiMap params) {
        this.params = params;
    }

    public static RequestParams of(RoutingContext ctx) {
        try {
            return new RequestParams(ctx.queryParams());
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("the query string is not valid URL encoding");
        }
    }

    public Optional<String> optional(String name) {
        List<String> values = params.getAll(name);
        if (values.size() > 1) {
            throw ProblemException.badParameter(name, "is given more than once; give it once");
        }
        if (values.isEmpty() || values.get(0).isBlank()) {
            return Optional.empty();
        }
        return Optional.of(values.get(0).strip());
    }

    public String required(String name, String expected) {
        return optional(name)
                .orElseThrow(() -> ProblemException.badParameter(name, "is required: " + expected));
    }

    /** Every non-blank value of a repeatable parameter, in order. */
    public List<String> all(String name) {
        return params.getAll(name).stream().filter(v -> !v.isBlank()).map(String::strip).toList();
    }

    /** An ISO date (start of that UTC day) or an ISO instant. */
    public Optional<Instant> instant(String name) {
        return optional(name).map(value -> TimeParams.dateOrInstant(name, value));
    }

    public int integer(String name, int defaultValue, int min, int max) {
        Optional<String> value = optional(name);
        if (value.isEmpty()) {
            return defaultValue;
        }
        String expected = "must be a whole number from " + min + " to " + max;
        int parsed;
        try {
            parsed = Integer.parseInt(value.get());
        } catch (NumberFormatException e) {
            throw ProblemException.badParameter(
                    name, expected + ", not '" + echo(value.get()) + "'");
        }
        if (parsed < min || parsed > max) {
            throw ProblemException.badParameter(name, expected + ", not " + parsed);
        }
        return parsed;
    }

    /** A required e-mail address, lower case; the same rule the account directory applies. */
    public String email(String name) {
        String value = required(name, "an e-mail address, e.g. sarah@example.com");
        ObjectNode probe = PulseJson.mapper().createObjectNode().put(name, value);
        try {
            return JsonFields.of(probe).optionalEmail(name);
        } catch (InvalidRecordException e) {
            throw ProblemException.badParameter(
                    name,
                    "must be an e-mail address, e.g. sarah@example.com, not '" + echo(value) + "'");
        }
    }

    /** A value shortened for quoting back in an error message. */
    static String echo(String value) {
        return value.length() <= MAX_ECHO ? value : value.substring(0, MAX_ECHO) + "…";
    }

    /**
     * The {@code owner} parameter (an e-mail), else {@code callerEmail}: whose portfolio or
     * follow-ups, by default the caller's own. A caller without an e-mail must name one (400).
     */
    public String ownerOr(String callerEmail) {
        return optional("owner").isPresent() || callerEmail == null ? email("owner") : callerEmail;
    }
}
