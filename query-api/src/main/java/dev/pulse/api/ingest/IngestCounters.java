package dev.pulse.api.ingest;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Counts ingested records by outcome: {@code pulse.ingest.events} and {@code
 * pulse.ingest.accounts}, tagged {@code outcome=accepted|rejected|failed} (in Prometheus {@code
 * pulse_ingest_events_total} and {@code pulse_ingest_accounts_total}). Registered up front so every
 * series exists from the start at zero.
 */
final class IngestCounters {
    private final Counter accepted;
    private final Counter rejected;
    private final Counter failed;

    private IngestCounters(MeterRegistry registry, String name, String what) {
        this.accepted = counter(registry, name, what, RecordResult.ACCEPTED);
        this.rejected = counter(registry, name, what, RecordResult.REJECTED);
        this.failed = counter(registry, name, what, RecordResult.FAILED);
    }

    static IngestCounters events(MeterRegistry registry) {
        return new IngestCounters(registry, "pulse.ingest.events", "usage events");
    }

    static IngestCounters accounts(MeterRegistry registry) {
        return new IngestCounters(registry, "pulse.ingest.accounts", "account records");
    }

    void record(IngestReport report) {
        accepted.increment(report.accepted());
        rejected.increment(report.rejected());
        failed.increment(report.failed());
    }

    private static Counter counter(
            MeterRegistry registry, String name, String what, String outcome) {
        return Counter.builder(name)
                .description("HTTP-ingested " + what + " by outcome")
                .tag("outcome", outcome)
                .register(registry);
    }
}
