package dev.pulse.backfill.source;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import org.apache.flink.connector.jdbc.core.datastream.source.reader.extractor.ResultExtractor;

/**
 * One warehouse row as the event JSON Pulse ingests, exactly as the live warehouse source builds
 * it: every non-null column under its label (the query names columns after the event fields),
 * timestamps as ISO-8601 instants (a zone-less timestamp taken as UTC), {@code properties} as JSON.
 * What is invalid stays for the parser to reject and count.
 */
final class EventRowExtractor implements ResultExtractor<String> {
    private static final long serialVersionUID = 1L;
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public String extract(ResultSet row) throws SQLException {
        ResultSetMetaData meta = row.getMetaData();
        ObjectNode event = JSON.createObjectNode();
        for (int i = 1; i <= meta.getColumnCount(); i++) {
            String field = meta.getColumnLabel(i);
            String type = meta.getColumnTypeName(i).toLowerCase(Locale.ROOT);
            if ("timestamptz".equals(type)) {
                OffsetDateTime at = row.getObject(i, OffsetDateTime.class);
                if (at != null) {
                    event.put(field, at.toInstant().toString());
                }
            } else if ("timestamp".equals(type)) {
                LocalDateTime at = row.getObject(i, LocalDateTime.class);
                if (at != null) {
                    event.put(field, at.toInstant(ZoneOffset.UTC).toString());
                }
            } else {
                String value = row.getString(i);
                if (value != null) {
                    putText(event, field, value);
                }
            }
        }
        return event.toString();
    }

    private static void putText(ObjectNode event, String field, String value) {
        if (!"properties".equals(field)) {
            event.put(field, value);
            return;
        }
        try {
            event.set(field, JSON.readTree(value));
        } catch (JsonProcessingException notJson) {
            // Kept as text: the parser rejects an event whose properties are not an object.
            event.put(field, value);
        }
    }
}
