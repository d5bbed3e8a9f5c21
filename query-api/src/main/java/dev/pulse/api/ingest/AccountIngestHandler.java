package dev.pulse.api.ingest;

import dev.pulse.access.accounts.AccountOwnerCheck;
import dev.pulse.api.http.BlockingReads;
import dev.pulse.streams.ingest.EventPublisher;
import dev.pulse.topologies.account.Account;
import dev.pulse.topologies.account.AccountParser;
import dev.pulse.topologies.json.InvalidRecordException;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * {@code POST /v1/accounts}: upserts accounts of the directory from JSON, NDJSON or CSV with a
 * header row. Valid records are published together in one call; invalid ones are reported. An
 * account whose owner is not a Pulse user is accepted with a warning (see {@link
 * AccountOwnerCheck}).
 */
public final class AccountIngestHandler implements Handler<RoutingContext> {
    /** CSV columns, in the documented order. */
    static final List<String> CSV_COLUMNS =
            List.of(
                    "tenantId",
                    "name",
                    "owner",
                    "team",
                    "plan",
                    "licensedSeats",
                    "arr",
                    "renewalDate",
                    "segment",
                    "status",
                    "churnedAt",
                    "renewedAt");

    private static final CsvRecordsReader CSV =
            new CsvRecordsReader(CSV_COLUMNS, List.of("tenantId", "name", "owner"));

    private final EventPublisher publisher;
    private final BlockingReads workers;
    private final IngestCounters counters;
    private final AccountOwnerCheck owners;

    public AccountIngestHandler(
            EventPublisher publisher,
            BlockingReads workers,
            MeterRegistry registry,
            AccountOwnerCheck owners) {
        this.publisher = publisher;
        this.workers = workers;
        this.counters = IngestCounters.accounts(registry);
        this.owners = owners;
    }

    @Override
    public void handle(RoutingContext ctx) {
        IngestFlow.handle(ctx, workers, counters, this::validateAndPublish);
    }

    private IngestBatch validateAndPublish(String contentType, byte[] body) {
        List<BodyRecord> records = IngestBody.records(contentType, body, CSV);
        List<Account> valid = new ArrayList<>();
        List<BodyRecord> validRecords = new ArrayList<>();
        List<PendingRecord> pending = new ArrayList<>(records.size());
        for (BodyRecord record : records) {
            String tenantId = PendingRecord.text(record.node(), "tenantId");
            if (record.error() != null) {
                pending.add(
                        PendingRecord.rejected(
                                record.index(), null, tenantId, "malformed_json", record.error()));
                continue;
            }
            try {
                valid.add(AccountParser.parse(record.node()));
                validRecords.add(record);
                pending.add(null); // filled in once the write is started
            } catch (InvalidRecordException e) {
                pending.add(
                        PendingRecord.rejected(
                                record.index(), null, tenantId, e.code(), e.getMessage()));
            }
        }
        if (valid.isEmpty()) {
            return IngestBatch.of(pending);
        }
        CompletableFuture<Void> write =
                IngestFlow.guarded(() -> publisher.publishAccounts(List.copyOf(valid)));
        for (int i = 0; i < valid.size(); i++) {
            BodyRecord record = validRecords.get(i);
            pending.set(
                    record.index(),
                    PendingRecord.writing(record.index(), null, valid.get(i).tenantId(), write));
        }
        return new IngestBatch(pending, warnings(valid));
    }

    /** Accounts with an owner who is not a Pulse user are kept, with a warning naming the owner. */
    private List<IngestWarning> warnings(List<Account> accounts) {
        List<IngestWarning> warnings = new ArrayList<>();
        owners.unknownOwners(accounts)
                .forEach(
                        (owner, tenants) ->
                                warnings.add(
                                        new IngestWarning(
                                                IngestWarning.UNKNOWN_OWNER,
                                                owner,
                                                tenants,
                                                AccountOwnerCheck.warning(owner))));
        return warnings;
    }
}
