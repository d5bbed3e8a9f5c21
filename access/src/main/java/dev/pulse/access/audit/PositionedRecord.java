package dev.pulse.access.audit;

/**
 * An audit record and where it was read from the topic.
 *
 * @param record null when the bytes at {@code offset} are not a readable audit record
 */
public record PositionedRecord(long offset, AuditRecord record) {}
