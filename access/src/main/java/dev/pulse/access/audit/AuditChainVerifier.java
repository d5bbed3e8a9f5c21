package dev.pulse.access.audit;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks audit records, in topic order, against their hash chains and reports the first broken
 * link: a record whose content was modified (its hash no longer matches), a record removed (a seq
 * gap, or a prevHash that is not the previous record's hash), or records reordered (seq goes
 * backwards, or a missing seq turns up later). Chains of several writers may interleave; each is
 * checked on its own, in the order its records appear.
 *
 * <p>What a hash chain alone cannot show: records cut off the <em>end</em> of a chain (nothing
 * follows to notice they are gone), and a chain whose every record from some point on was rewritten
 * consistently by someone who can write to the topic. Both need the chain head anchored outside
 * Kafka (e.g. published periodically elsewhere).
 */
public final class AuditChainVerifier {
    private static final class Head {
        long seq;
        String hash;
        long offset;
    }

    /** Verifies chains that must start at seq 0: the log read from its very beginning. */
    public ChainReport verify(List<PositionedRecord> records) {
        return verify(records, false);
    }

    /**
     * @param chainsMayStartMidway true when older records may have been deleted by retention: the
     *     first record seen of each chain is then taken as its anchor instead of seq 0
     */
    public ChainReport verify(List<PositionedRecord> records, boolean chainsMayStartMidway) {
        Map<String, Head> heads = new HashMap<>();
        for (int i = 0; i < records.size(); i++) {
            PositionedRecord positioned = records.get(i);
            AuditRecord record = positioned.record();
            String problem = malformed(positioned);
            if (problem == null) {
                Head head = heads.get(record.chain());
                problem =
                        head == null
                                ? firstOfChain(records, i, chainsMayStartMidway)
                                : link(records, i, head);
            }
            if (problem != null) {
                return ChainReport.broken(i + 1, chainsSeen(heads, record), problem);
            }
            Head head = heads.computeIfAbsent(record.chain(), c -> new Head());
            head.seq = record.seq();
            head.hash = record.hash();
            head.offset = positioned.offset();
        }
        return ChainReport.intact(records.size(), heads.size());
    }

    /** Chains seen so far, counting the one {@code record} starts, if it starts one. */
    private static int chainsSeen(Map<String, Head> heads, AuditRecord record) {
        boolean starts =
                record != null && record.chain() != null && !heads.containsKey(record.chain());
        return heads.size() + (starts ? 1 : 0);
    }

    private static String malformed(PositionedRecord positioned) {
        AuditRecord r = positioned.record();
        if (r == null) {
            return "offset "
                    + positioned.offset()
                    + ": not a readable audit record (corrupted or forged)";
        }
        if (r.chain() == null || r.prevHash() == null || r.hash() == null || r.entry() == null) {
            return "offset "
                    + positioned.offset()
                    + ": audit record without chain, prevHash, hash or entry (corrupted or forged)";
        }
        if (!AuditHasher.expected(r).equals(r.hash())) {
            return where(positioned) + ": content modified (its hash does not match its fields)";
        }
        return null;
    }

    private static String firstOfChain(
            List<PositionedRecord> records, int index, boolean mayStartMidway) {
        PositionedRecord positioned = records.get(index);
        AuditRecord r = positioned.record();
        if (mayStartMidway && r.seq() > 0) {
            return null;
        }
        if (r.seq() > 0) {
            Long later = findLater(records, index, r.chain(), 0);
            return later != null
                    ? where(positioned)
                            + ": reordered: it comes before seq 0 (at offset "
                            + later
                            + ")"
                    : where(positioned)
                            + ": record removed: the chain starts here, seq 0 to "
                            + (r.seq() - 1)
                            + " are missing";
        }
        if (r.seq() < 0 || !AuditHasher.GENESIS.equals(r.prevHash())) {
            return where(positioned) + ": forged start: seq 0 must link to the genesis value";
        }
        return null;
    }

    private static String link(List<PositionedRecord> records, int index, Head head) {
        PositionedRecord positioned = records.get(index);
        AuditRecord r = positioned.record();
        long expected = head.seq + 1;
        String after = "seq " + head.seq + " (offset " + head.offset + ")";
        if (r.seq() < expected) {
            return where(positioned) + ": reordered: seq goes backwards after " + after;
        }
        if (r.seq() > expected) {
            Long later = findLater(records, index, r.chain(), expected);
            if (later != null) {
                return where(positioned)
                        + ": reordered: it comes before seq "
                        + expected
                        + " (at offset "
                        + later
                        + ")";
            }
            String missing =
                    r.seq() == expected + 1
                            ? "seq " + expected + " is missing"
                            : "seq " + expected + " to " + (r.seq() - 1) + " are missing";
            return where(positioned) + ": record removed: " + missing + " after " + after;
        }
        if (!head.hash.equals(r.prevHash())) {
            return where(positioned)
                    + ": link broken: its prevHash is not the hash of "
                    + after
                    + ", so that record was replaced or one between them removed";
        }
        return null;
    }

    /** Offset of a later record of {@code chain} with {@code seq}, or null. */
    private static Long findLater(
            List<PositionedRecord> records, int index, String chain, long seq) {
        for (int i = index + 1; i < records.size(); i++) {
            AuditRecord r = records.get(i).record();
            if (r != null && chain.equals(r.chain()) && r.seq() == seq) {
                return records.get(i).offset();
            }
        }
        return null;
    }

    private static String where(PositionedRecord positioned) {
        return "chain "
                + positioned.record().chain()
                + " seq "
                + positioned.record().seq()
                + " at offset "
                + positioned.offset();
    }
}
