package dev.pulse.api.ingest;

import java.util.List;

/** The answer to an ingest request: counts by outcome and one result per record, in order. */
record IngestReport(int accepted, int rejected, int failed, List<RecordResult> results) {
    static IngestReport of(List<RecordResult> results) {
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
        return new IngestReport(accepted, rejected, failed, List.copyOf(results));
    }
}
