package dev.pulse.warehouse.source;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** A warehouse column's value as Pulse's JSON wants it: instants in ISO-8601 UTC, JSON as JSON. */
final class SqlValue {
    private SqlValue() {}

    /** Text, with timestamps as ISO-8601 instants (a zone-less timestamp is taken as UTC). */
    static String text(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof OffsetDateTime) {
            return ((OffsetDateTime) value).toInstant().toString();
        }
        if (value instanceof LocalDateTime) {
            return ((LocalDateTime) value).toInstant(ZoneOffset.UTC).toString();
        }
        if (value instanceof Instant || value instanceof LocalDate) {
            return value.toString();
        }
        return value.toString();
    }

    /** JSON values (jsonb objects, arrays) as plain maps and lists. */
    static Object json(Object value) {
        if (value instanceof JsonObject) {
            return ((JsonObject) value).getMap();
        }
        if (value instanceof JsonArray) {
            return ((JsonArray) value).getList();
        }
        if (value instanceof String) {
            return new JsonObject((String) value).getMap();
        }
        return value;
    }
}
