package dev.pulse.api.ingest;

import java.util.List;

/**
 * What validating and publishing a request body started: one pending result per record, and
 * warnings about records that were accepted but deserve a person's attention.
 */
record IngestBatch(List<PendingRecord> records, List<IngestWarning> warnings) {
    IngestBatch {
        warnings = List.copyOf(warnings);
    }

    static IngestBatch of(List<PendingRecord> records) {
        return new IngestBatch(records, List.of());
    }
}
