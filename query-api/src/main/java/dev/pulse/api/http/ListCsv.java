package dev.pulse.api.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pulse.access.reports.Reports;
import dev.pulse.api.audit.AuditTrail;
import dev.pulse.api.auth.RequestAccess;
import dev.pulse.reports.csv.CsvFiles;
import dev.pulse.reports.csv.CsvTable;
import dev.pulse.topologies.json.PulseJson;
import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * CSV of the lists the API serves: a route declares which member of its JSON body is the list
 * ({@link #rows}); a request with {@code Accept: text/csv}, a path ending in {@code .csv} or the
 * parameter {@code format=csv} (where browsers cannot set the header) then gets that list as one
 * CSV file instead, one row per element, nested members as dotted columns ({@code links.self}),
 * arrays as JSON text. Cells go through the one neutraliser ({@code CsvCells}); JSON numbers are
 * Pulse's own figures and stay numbers. Needs the export right.
 */
public final class ListCsv {
    static final String ROWS = "pulse.csv-rows";
    private static final String SUFFIX = ".csv";

    /** The query parameter that asks for CSV, and its value. */
    public static final String FORMAT = "format";

    static final String FORMAT_CSV = "csv";

    private ListCsv() {}

    /** Marks the route's list member; put it before the route's handler. */
    public static Handler<RoutingContext> rows(String member) {
        return ctx -> {
            ctx.put(ROWS, member);
            ctx.next();
        };
    }

    /** The list member when this request asked for CSV on a route that offers it; else null. */
    static String wanted(RoutingContext ctx) {
        String member = ctx.get(ROWS);
        if (member == null) {
            return null;
        }
        boolean suffix = ctx.normalizedPath().endsWith(SUFFIX);
        String accept = ctx.request().getHeader(HttpHeaders.ACCEPT);
        boolean accepts = accept != null && MediaTypes.isCsv(MediaTypes.essence(accept));
        boolean format = FORMAT_CSV.equals(ctx.request().getParam(FORMAT));
        if (!suffix && !accepts && !format) {
            return null;
        }
        Reports.requireExport(RequestAccess.caller(ctx));
        AuditTrail.of(ctx).detail("export csv of '" + member + "'");
        return member;
    }

    /** The body's list as a CSV file. */
    static byte[] csv(Object body, String member) {
        JsonNode list = PulseJson.mapper().valueToTree(body).path(member);
        List<Map<String, JsonNode>> rows = new ArrayList<>();
        Set<String> columns = new LinkedHashSet<>();
        for (JsonNode element : list) {
            Map<String, JsonNode> row = new LinkedHashMap<>();
            flatten("", element, row);
            columns.addAll(row.keySet());
            rows.add(row);
        }
        CsvTable.Builder table = CsvTable.named(member + SUFFIX, columns.toArray(String[]::new));
        for (Map<String, JsonNode> row : rows) {
            Object[] cells = new Object[columns.size()];
            int i = 0;
            for (String column : columns) {
                cells[i++] = value(row.get(column));
            }
            table.row(cells);
        }
        return CsvFiles.csv(table.build());
    }

    static void send(RoutingContext ctx, byte[] csv) {
        if (ctx.response().closed()) {
            return;
        }
        String path = ctx.normalizedPath();
        String name = path.substring(path.lastIndexOf('/') + 1);
        String file = name.endsWith(SUFFIX) ? name : name + SUFFIX;
        ctx.response()
                .setStatusCode(200)
                .putHeader(HttpHeaders.CONTENT_TYPE, MediaTypes.CSV + "; charset=utf-8")
                .putHeader("Content-Disposition", "attachment; filename=\"" + file + "\"")
                .putHeader(HttpHeaders.VARY, HttpHeaders.ACCEPT)
                .end(Buffer.buffer(csv));
    }

    private static void flatten(String prefix, JsonNode node, Map<String, JsonNode> row) {
        if (node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                flatten(prefix + field.getKey() + ".", field.getValue(), row);
            }
        } else {
            row.put(prefix.isEmpty() ? "value" : prefix.substring(0, prefix.length() - 1), node);
        }
    }

    private static Object value(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        if (node.isNumber()) {
            return node.numberValue();
        }
        if (node.isValueNode()) {
            return node.asText();
        }
        return node.toString();
    }
}
