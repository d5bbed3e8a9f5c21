package dev.pulse.api.ingest;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pulse.api.http.ProblemException;
import dev.pulse.topologies.json.PulseJson;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Splits a JSON ingest body into records: a JSON array of objects, a single object, or NDJSON (one
 * value per line, declared by Content-Type or recognised by a first object followed by more).
 *
 * <p>Each object keeps its exact bytes, so what is published is what the client sent, unknown
 * fields and number formatting included. A body that is not JSON at all is a 400; in NDJSON a
 * single bad line only rejects that line.
 */
final class JsonRecordsReader {
    private static final ObjectMapper MAPPER = PulseJson.mapper();
    static final String EXPECTED =
            "send a JSON array of objects, a single JSON object, or NDJSON (one object per line)";

    private JsonRecordsReader() {}

    static List<BodyRecord> read(byte[] body, boolean ndjson, int maxRecords) {
        byte[] bytes = withoutBom(body);
        int first = firstNonWhitespace(bytes, 0, bytes.length);
        if (first == bytes.length) {
            throw ProblemException.badRequest("the request body is empty; " + EXPECTED);
        }
        if (ndjson) {
            return lines(bytes, maxRecords);
        }
        return switch (bytes[first]) {
            case '[' -> array(bytes, maxRecords);
            case '{' -> objectOrLines(bytes, maxRecords);
            default -> throw notJson("it does not start with '[' or '{'");
        };
    }

    private static List<BodyRecord> array(byte[] body, int maxRecords) {
        List<BodyRecord> records = new ArrayList<>();
        try (JsonParser parser = MAPPER.createParser(body)) {
            parser.nextToken(); // START_ARRAY
            JsonToken token;
            while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
                if (token == null) {
                    throw notJson("the array is not closed");
                }
                if (records.size() == maxRecords) {
                    throw tooMany(maxRecords);
                }
                long start = parser.currentTokenLocation().getByteOffset();
                JsonNode node = MAPPER.readTree(parser);
                long end = parser.currentLocation().getByteOffset();
                byte[] raw =
                        node != null && node.isObject()
                                ? Arrays.copyOfRange(body, (int) start, (int) end)
                                : null;
                records.add(BodyRecord.parsed(records.size(), node, raw));
            }
            if (parser.nextToken() != null) {
                throw notJson("there is more content after the closing ']'");
            }
        } catch (JsonProcessingException e) {
            throw notJson(e);
        } catch (IOException e) {
            throw notJson(e.getMessage());
        }
        return records;
    }

    /** One object, or (when more follows it) NDJSON without the Content-Type saying so. */
    private static List<BodyRecord> objectOrLines(byte[] body, int maxRecords) {
        try (JsonParser parser = MAPPER.createParser(body)) {
            parser.nextToken();
            JsonNode node = MAPPER.readTree(parser);
            if (parser.nextToken() == null) {
                return List.of(BodyRecord.parsed(0, node, trim(body, 0, body.length)));
            }
        } catch (IOException e) {
            if (!hasSecondLine(body)) {
                throw e instanceof JsonProcessingException json
                        ? notJson(json)
                        : notJson(e.getMessage());
            }
        }
        return lines(body, maxRecords);
    }

    private static List<BodyRecord> lines(byte[] body, int maxRecords) {
        List<BodyRecord> records = new ArrayList<>();
        int lineNumber = 0;
        int start = 0;
        boolean anyParsed = false;
        while (start <= body.length) {
            int end = indexOf(body, (byte) '\n', start);
            lineNumber++;
            int from = firstNonWhitespace(body, start, end);
            if (from < end) {
                if (records.size() == maxRecords) {
                    throw tooMany(maxRecords);
                }
                BodyRecord record = line(records.size(), lineNumber, body, from, end);
                anyParsed |= record.error() == null;
                records.add(record);
            }
            start = end + 1;
        }
        if (!anyParsed) {
            throw notJson("no line holds a JSON value");
        }
        return records;
    }

    private static BodyRecord line(int index, int lineNumber, byte[] body, int from, int to) {
        byte[] raw = trim(body, from, to);
        try (JsonParser parser = MAPPER.createParser(raw)) {
            parser.nextToken();
            JsonNode node = MAPPER.readTree(parser);
            if (parser.nextToken() != null) {
                return BodyRecord.unparsable(
                        index, "line " + lineNumber + " holds more than one JSON value");
            }
            return BodyRecord.parsed(index, node, node != null && node.isObject() ? raw : null);
        } catch (JsonProcessingException e) {
            return BodyRecord.unparsable(
                    index, "line " + lineNumber + " is not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            return BodyRecord.unparsable(index, "line " + lineNumber + " is not valid JSON");
        }
    }

    static ProblemException tooMany(int maxRecords) {
        return ProblemException.tooLarge(
                "too many records: at most "
                        + maxRecords
                        + " are accepted in one request; split the batch");
    }

    private static ProblemException notJson(JsonProcessingException e) {
        JsonLocation at = e.getLocation();
        String where =
                at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
        return notJson(e.getOriginalMessage() + where);
    }

    private static ProblemException notJson(String why) {
        return ProblemException.badRequest(
                "the request body is not valid JSON: " + why + "; " + EXPECTED);
    }

    private static boolean hasSecondLine(byte[] body) {
        int newline = indexOf(body, (byte) '\n', 0);
        return newline < body.length
                && firstNonWhitespace(body, newline + 1, body.length) < body.length;
    }

    private static int indexOf(byte[] body, byte value, int from) {
        for (int i = from; i < body.length; i++) {
            if (body[i] == value) {
                return i;
            }
        }
        return body.length;
    }

    private static int firstNonWhitespace(byte[] body, int from, int to) {
        int i = from;
        while (i < to && isWhitespace(body[i])) {
            i++;
        }
        return i;
    }

    private static byte[] trim(byte[] body, int from, int to) {
        int start = firstNonWhitespace(body, from, to);
        int end = to;
        while (end > start && isWhitespace(body[end - 1])) {
            end--;
        }
        return Arrays.copyOfRange(body, start, end);
    }

    private static boolean isWhitespace(byte b) {
        return b == ' ' || b == '\t' || b == '\r' || b == '\n';
    }

    static byte[] withoutBom(byte[] body) {
        if (body.length >= 3
                && (body[0] & 0xFF) == 0xEF
                && (body[1] & 0xFF) == 0xBB
                && (body[2] & 0xFF) == 0xBF) {
            return Arrays.copyOfRange(body, 3, body.length);
        }
        return body;
    }
}
