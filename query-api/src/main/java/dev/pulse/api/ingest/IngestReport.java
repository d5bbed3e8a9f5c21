package dev.pulse.api.ingest;

import java.util.List;

/**
 * The answer to an ingest request: counts by outcome, one result per record in order, and warnings
 * about accepted records (null, so absent from the JSON, when there are none).
 */
record IngestReport(
        int accepted,
        int rejected,
        int failed,
        List<RecordResult> results,
        List<IngestWarning> warnings) {
    static IngestReport of(List<RecordResult> results) {
        return of(results, List.of());
    }

    static IngestReport of(List<RecordResult> results, List<IngestWarning> warnings) {
        int accepted = 0;
        int rejected = 0;
        int failed = 0;
        for (RecordResult result : results) {
            switch (result.status()) {
                case RecordResult.ACCEPTED -> accepted++;
                case RecordResult.REJECTED -> rejected++;
                default -> failed++;
            }
        }
        return new IngestReport(
                accepted,
                rejected,
                failed,
                List.copyOf(results),
                warnings.isEmpty() ? null : List.copyOf(warnings));
    }
}
