package dev.pulse.api.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * A record whose outcome is either known (rejected) or waits on a Kafka write.
 *
 * @param settled the outcome when known up front; null while a write decides it
 * @param write the broker acknowledgement this record waits for; null when settled
 */
record PendingRecord(
        RecordResult settled,
        int index,
        String eventId,
        String tenantId,
        CompletableFuture<Void> write) {

    static PendingRecord rejected(
            int index, String eventId, String tenantId, String code, String reason) {
        return new PendingRecord(
                new RecordResult(index, eventId, tenantId, RecordResult.REJECTED, code, reason),
                index,
                eventId,
                tenantId,
                null);
    }

    static PendingRecord writing(
            int index, String eventId, String tenantId, CompletableFuture<Void> write) {
        return new PendingRecord(null, index, eventId, tenantId, write);
    }

    /** The outcome, once {@link #write} (if any) has completed. */
    RecordResult result() {
        if (settled != null) {
            return settled;
        }
        if (write != null && write.isDone() && !write.isCompletedExceptionally()) {
            return new RecordResult(index, eventId, tenantId, RecordResult.ACCEPTED, null, null);
        }
        return new RecordResult(
                index,
                eventId,
                tenantId,
                RecordResult.FAILED,
                "publish_failed",
                "valid, but could not be written to Kafka (" + cause() + "); retry it");
    }

    private String cause() {
        if (write == null) {
            return "no write was started";
        }
        try {
            write.join();
            return "no acknowledgement";
        } catch (CompletionException | CancellationException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            return cause.getMessage() == null
                    ? cause.getClass().getSimpleName()
                    : cause.getMessage();
        }
    }

    /** A text field of a record, for echoing in its result; null when absent or not text. */
    static String text(JsonNode node, String field) {
        if (node == null || !node.isObject()) {
            return null;
        }
        JsonNode value = node.get(field);
        return value != null && value.isTextual() ? value.textValue() : null;
    }
}
