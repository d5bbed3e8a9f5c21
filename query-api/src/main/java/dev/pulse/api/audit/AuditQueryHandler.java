package dev.pulse.api.audit;

import dev.pulse.access.audit.AuditQuery;
import dev.pulse.access.audit.AuditReader;
import dev.pulse.access.audit.AuditRecord;
import dev.pulse.api.http.BlockingReads;
import dev.pulse.api.http.PathParams;
import dev.pulse.api.http.ProblemException;
import dev.pulse.api.http.RequestParams;
import io.vertx.ext.web.RoutingContext;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;

/**
 * {@code GET /v1/audit?from&to&subject&tenant&result&limit}: the newest audit records matching the
 * filters, for admins; {@code GET /v1/audit/verify}: checks every hash chain on the audit topic and
 * names the first broken link. Both read the topic with a consumer of their own, so they run on the
 * worker pool. These reads are themselves audited like any other request.
 */
public final class AuditQueryHandler {
    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 1_000;

    private static final Duration RETRY_AFTER = Duration.ofSeconds(5);
    private static final Pattern SUBJECT = Pattern.compile("[A-Za-z0-9._%+@:'-]{1,254}");

    private final AuditReader reader;
    private final BlockingReads workers;

    /**
     * @param reader null when this instance does not read the audit log: the routes answer 501
     */
    public AuditQueryHandler(AuditReader reader, BlockingReads workers) {
        this.reader = reader;
        this.workers = workers;
    }

    /** The answer of a query. */
    record AuditPage(int count, List<AuditRecord> records) {}

    public void query(RoutingContext ctx) {
        AuditQuery query = parse(RequestParams.of(ctx));
        AuditReader audit = required();
        workers.respondJson(
                ctx,
                unavailableOnFailure(
                        () -> {
                            List<AuditRecord> records = audit.query(query);
                            return new AuditPage(records.size(), records);
                        }));
    }

    public void verify(RoutingContext ctx) {
        AuditReader audit = required();
        workers.respondJson(ctx, unavailableOnFailure(audit::verify));
    }

    static AuditQuery parse(RequestParams params) {
        Optional<Instant> from = params.instant("from");
        Optional<Instant> to = params.instant("to");
        if (from.isPresent() && to.isPresent() && !from.get().isBefore(to.get())) {
            throw ProblemException.badParameter(
                    "from", "must be before 'to', but from=" + from.get() + " and to=" + to.get());
        }
        String subject =
                params.optional("subject")
                        .map(
                                value -> {
                                    if (!SUBJECT.matcher(value).matches()) {
                                        throw ProblemException.badParameter(
                                                "subject",
                                                "must be an e-mail address, api-key:<id> or"
                                                        + " anonymous");
                                    }
                                    return value;
                                })
                        .orElse(null);
        String tenant =
                params.optional("tenant").map(t -> PathParams.tenantId("tenant", t)).orElse(null);
        Boolean allowed =
                params.optional("result")
                        .map(
                                value ->
                                        switch (value) {
                                            case "allowed" -> Boolean.TRUE;
                                            case "denied" -> Boolean.FALSE;
                                            default ->
                                                    throw ProblemException.badParameter(
                                                            "result",
                                                            "must be allowed or denied, not '"
                                                                    + (value.length() > 40
                                                                            ? value.substring(0, 40)
                                                                            : value)
                                                                    + "'");
                                        })
                        .orElse(null);
        int limit = params.integer("limit", DEFAULT_LIMIT, 1, MAX_LIMIT);
        return new AuditQuery(from.orElse(null), to.orElse(null), subject, tenant, allowed, limit);
    }

    private AuditReader required() {
        if (reader == null) {
            throw ProblemException.status(
                    501,
                    "Not implemented",
                    "this instance does not read the audit log; ask one that was started with"
                            + " the audit reader");
        }
        return reader;
    }

    private static <T> Callable<T> unavailableOnFailure(Callable<T> read) {
        return () -> {
            try {
                return read.call();
            } catch (IllegalStateException | org.apache.kafka.common.KafkaException e) {
                throw ProblemException.unavailable(
                        "the audit log cannot be read right now (" + e.getMessage() + ")",
                        RETRY_AFTER);
            }
        };
    }
}
