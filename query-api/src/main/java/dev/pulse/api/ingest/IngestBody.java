package dev.pulse.api.ingest;

import dev.pulse.api.http.MediaTypes;
import dev.pulse.api.http.ProblemException;
import dev.pulse.api.http.RequestLimits;
import java.util.List;

/** Picks the reader for an ingest body by its Content-Type, and bounds the record count. */
final class IngestBody {
    private IngestBody() {}

    /**
     * @param csv reads {@code text/csv} bodies; null when the resource takes JSON only
     */
    static List<BodyRecord> records(String contentType, byte[] body, CsvRecordsReader csv) {
        String type = MediaTypes.essence(contentType);
        if (type.startsWith("multipart/")) {
            throw ProblemException.unsupportedMediaType(
                    "send the records as the raw request body, not as a multipart form");
        }
        if (MediaTypes.isCsv(type)) {
            if (csv == null) {
                throw ProblemException.unsupportedMediaType(
                        "this resource takes JSON or NDJSON, not CSV");
            }
            return csv.read(body, RequestLimits.MAX_RECORDS);
        }
        return JsonRecordsReader.read(body, MediaTypes.isNdjson(type), RequestLimits.MAX_RECORDS);
    }
}
