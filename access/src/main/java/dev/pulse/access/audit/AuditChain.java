package dev.pulse.access.audit;

import java.util.Objects;

/**
 * The head of one writer's hash chain: which seq comes next and what it links to. Not thread-safe;
 * its writer serializes access.
 *
 * <p>Sealing and advancing are two steps so that a record the writer never managed to hand to Kafka
 * does not leave a gap that would later read as a removed record.
 */
final class AuditChain {
    private final String id;
    private long nextSeq;
    private String head = AuditHasher.GENESIS;

    AuditChain(String id) {
        this.id = Objects.requireNonNull(id, "id");
    }

    String id() {
        return id;
    }

    /** The next record for {@code entry}, hashed and linked; the head does not move yet. */
    AuditRecord seal(AuditEntry entry) {
        String hash = AuditHasher.hash(id, nextSeq, head, entry);
        return new AuditRecord(id, nextSeq, head, hash, entry);
    }

    /** Moves the head past {@code record}, which must be the one {@link #seal} just made. */
    void advance(AuditRecord record) {
        if (record.seq() != nextSeq || !record.prevHash().equals(head)) {
            throw new IllegalStateException("record " + record.seq() + " is not the chain head");
        }
        nextSeq++;
        head = record.hash();
    }

    /** Seals and advances at once; for writers that cannot fail between the two (tests). */
    AuditRecord append(AuditEntry entry) {
        AuditRecord record = seal(entry);
        advance(record);
        return record;
    }
}
