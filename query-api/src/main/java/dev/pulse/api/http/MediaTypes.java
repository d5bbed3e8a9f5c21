package dev.pulse.api.http;

import java.util.Locale;

/** Media types the API reads and writes, and the one way it reads a Content-Type header. */
public final class MediaTypes {
    public static final String JSON = "application/json";
    public static final String PROBLEM_JSON = "application/problem+json";
    public static final String NDJSON = "application/x-ndjson";
    public static final String CSV = "text/csv";
    public static final String YAML = "application/yaml";
    public static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

    private MediaTypes() {}

    /** The bare media type of a Content-Type header, lower case, without parameters; "" if none. */
    public static String essence(String contentType) {
        if (contentType == null) {
            return "";
        }
        int semicolon = contentType.indexOf(';');
        String type = semicolon < 0 ? contentType : contentType.substring(0, semicolon);
        return type.strip().toLowerCase(Locale.ROOT);
    }

    /** NDJSON goes by several names; all mean one JSON value per line. */
    public static boolean isNdjson(String essence) {
        return essence.equals(NDJSON)
                || essence.equals("application/ndjson")
                || essence.equals("application/jsonl")
                || essence.equals("application/x-jsonlines")
                || essence.equals("application/jsonlines");
    }

    public static boolean isCsv(String essence) {
        return essence.equals(CSV) || essence.equals("application/csv");
    }
}
