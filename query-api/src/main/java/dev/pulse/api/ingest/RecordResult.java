package dev.pulse.api.ingest;

/**
 * What happened to one record of an ingest request.
 *
 * @param index the record's position in the body, from 0
 * @param eventId the event's id, when the record had one (events only)
 * @param tenantId the account's tenant id, when the record had one (accounts only)
 * @param status {@code accepted} (written to Kafka), {@code rejected} (invalid, do not retry as is)
 *     or {@code failed} (valid but not written: retry it)
 * @param code a stable label for the rejection or failure reason
 * @param reason why it was rejected or failed, for a person
 */
record RecordResult(
        int index, String eventId, String tenantId, String status, String code, String reason) {
    static final String ACCEPTED = "accepted";
    static final String REJECTED = "rejected";
    static final String FAILED = "failed";
}
