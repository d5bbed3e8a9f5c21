package dev.pulse.access.audit;

/**
 * An {@link AuditEntry} as stored on the audit topic, in a hash chain: each record's hash covers
 * its own fields and the previous record's hash, so a modified, removed or reordered record breaks
 * the chain from that point on. Each writer (instance run) keeps its own chain.
 *
 * @param chain id of the writer's chain
 * @param seq position in the chain, from 0
 * @param prevHash hash of record {@code seq - 1}; the genesis value for seq 0
 * @param hash hex SHA-256 over the canonical form of every other field
 */
public record AuditRecord(String chain, long seq, String prevHash, String hash, AuditEntry entry) {}
