package dev.pulse.api.ingest;

import dev.pulse.api.http.BlockingReads;
import dev.pulse.streams.ingest.EventPublisher;
import dev.pulse.topologies.event.UsageEvent;
import dev.pulse.topologies.event.UsageEventParser;
import dev.pulse.topologies.json.InvalidRecordException;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code POST /v1/events}: validates each usage event with the topology's own parser (why: see
 * {@link UsageEventParser}) and publishes every valid one, byte for byte as received, keyed by
 * tenant.
 *
 * <p>Parsing, validation and the producer's {@code send} (which can block on metadata or a full
 * buffer) run on a worker; the wait for acknowledgements does not hold any thread.
 */
public final class EventIngestHandler implements Handler<RoutingContext> {
    private final EventPublisher publisher;
    private final Clock clock;
    private final BlockingReads workers;
    private final IngestCounters counters;

    public EventIngestHandler(
            EventPublisher publisher, Clock clock, BlockingReads workers, MeterRegistry registry) {
        this.publisher = publisher;
        this.clock = clock;
        this.workers = workers;
        this.counters = IngestCounters.events(registry);
    }

    @Override
    public void handle(RoutingContext ctx) {
        IngestFlow.handle(ctx, workers, counters, this::validateAndPublish);
    }

    private IngestBatch validateAndPublish(String contentType, byte[] body) {
        Instant now = clock.instant();
        List<BodyRecord> records = IngestBody.records(contentType, body, null);
        List<PendingRecord> pending = new ArrayList<>(records.size());
        for (BodyRecord record : records) {
            pending.add(validateAndPublish(record, now));
        }
        return IngestBatch.of(pending);
    }

    private PendingRecord validateAndPublish(BodyRecord record, Instant now) {
        String eventId = PendingRecord.text(record.node(), "eventId");
        if (record.error() != null) {
            return PendingRecord.rejected(
                    record.index(), eventId, null, "malformed_json", record.error());
        }
        UsageEvent event;
        try {
            event = UsageEventParser.parse(record.node(), now);
        } catch (InvalidRecordException e) {
            return PendingRecord.rejected(record.index(), eventId, null, e.code(), e.getMessage());
        }
        return PendingRecord.writing(
                record.index(),
                event.eventId(),
                null,
                IngestFlow.guarded(
                        () ->
                                publisher.publishEvent(
                                        event.tenantId(),
                                        event.timestamp().toEpochMilli(),
                                        record.raw())));
    }
}
