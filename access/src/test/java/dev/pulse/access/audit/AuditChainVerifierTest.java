package dev.pulse.access.audit;

import static dev.pulse.access.audit.AuditEntries.entry;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class AuditChainVerifierTest {
    private final AuditChainVerifier verifier = new AuditChainVerifier();

    @Test
    void intactMultiChainLogPasses() {
        AuditChain a = new AuditChain("a");
        AuditChain b = new AuditChain("b");
        List<AuditRecord> records = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            records.add((i % 3 == 0 ? b : a).append(entry(i)));
        }

        ChainReport report = verifier.verify(positioned(records));

        assertThat(report).isEqualTo(new ChainReport(true, 10, 2, null));
        assertThat(report.summary()).isEqualTo("intact: 10 records in 2 chains");
    }

    @Test
    void emptyLogIsIntact() {
        assertThat(verifier.verify(List.of())).isEqualTo(new ChainReport(true, 0, 0, null));
    }

    @Test
    void detectsModifiedRecord() {
        List<AuditRecord> records = chain("a", 6);
        AuditRecord original = records.get(3);
        records.set(
                3,
                new AuditRecord(
                        original.chain(),
                        original.seq(),
                        original.prevHash(),
                        original.hash(),
                        AuditHasherTest.with(original.entry(), 4, "GET /v1/accounts/globex")));

        ChainReport report = verifier.verify(positioned(records));

        assertThat(report.intact()).isFalse();
        assertThat(report.recordsChecked()).isEqualTo(4);
        assertThat(report.firstBrokenLink())
                .isEqualTo(
                        "chain a seq 3 at offset 103: content modified (its hash does not match"
                                + " its fields)");
    }

    @Test
    void detectsModifiedRecordWhoseHashWasRecomputed() {
        List<AuditRecord> records = chain("a", 6);
        AuditRecord original = records.get(2);
        AuditEntry forged = AuditHasherTest.with(original.entry(), 1, "someone-else@x.test");
        records.set(
                2,
                new AuditRecord(
                        "a",
                        2,
                        original.prevHash(),
                        AuditHasher.hash("a", 2, original.prevHash(), forged),
                        forged));

        ChainReport report = verifier.verify(positioned(records));

        assertThat(report.firstBrokenLink())
                .startsWith("chain a seq 3 at offset 103: link broken")
                .contains("not the hash of seq 2 (offset 102)");
    }

    @Test
    void detectsRemovedRecord() {
        List<AuditRecord> records = chain("a", 6);
        records.remove(2);

        ChainReport report = verifier.verify(positioned(records));

        assertThat(report.firstBrokenLink())
                .isEqualTo(
                        "chain a seq 3 at offset 102: record removed: seq 2 is missing after seq"
                                + " 1 (offset 101)");
    }

    @Test
    void detectsSeveralRemovedRecords() {
        List<AuditRecord> records = chain("a", 8);
        records.subList(2, 5).clear();

        assertThat(verifier.verify(positioned(records)).firstBrokenLink())
                .contains("chain a seq 5 at offset 102: record removed: seq 2 to 4 are missing");
    }

    @Test
    void detectsRemovedFirstRecord() {
        List<AuditRecord> records = chain("a", 4);
        records.remove(0);

        assertThat(verifier.verify(positioned(records)).firstBrokenLink())
                .isEqualTo(
                        "chain a seq 1 at offset 100: record removed: the chain starts here, seq 0"
                                + " to 0 are missing");
    }

    @Test
    void acceptsChainsStartingMidwayAfterRetention() {
        List<AuditRecord> records = chain("a", 6);
        records.subList(0, 3).clear();

        assertThat(verifier.verify(positioned(records), true).intact()).isTrue();
        assertThat(verifier.verify(positioned(records), false).intact()).isFalse();
    }

    @Test
    void detectsTwoSwappedRecords() {
        List<AuditRecord> records = chain("a", 6);
        Collections.swap(records, 2, 3);

        ChainReport report = verifier.verify(positioned(records));

        assertThat(report.firstBrokenLink())
                .isEqualTo(
                        "chain a seq 3 at offset 102: reordered: it comes before seq 2 (at offset"
                                + " 103)");
    }

    @Test
    void detectsRecordMovedLater() {
        List<AuditRecord> records = chain("a", 6);
        records.add(records.remove(1));

        assertThat(verifier.verify(positioned(records)).firstBrokenLink())
                .isEqualTo(
                        "chain a seq 2 at offset 101: reordered: it comes before seq 1 (at offset"
                                + " 105)");
    }

    @Test
    void detectsSeqGoingBackwards() {
        List<AuditRecord> records = chain("a", 6);
        records.add(records.get(2));

        assertThat(verifier.verify(positioned(records)).firstBrokenLink())
                .isEqualTo(
                        "chain a seq 2 at offset 106: reordered: seq goes backwards after seq 5"
                                + " (offset 105)");
    }

    @Test
    void detectsRecordsSwappedBetweenInterleavedChains() {
        AuditChain a = new AuditChain("a");
        AuditChain b = new AuditChain("b");
        List<AuditRecord> records = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            records.add((i % 2 == 0 ? a : b).append(entry(i)));
        }
        // b's seq 1 and seq 2 trade places; a's records in between stay put.
        Collections.swap(records, 3, 5);

        ChainReport report = verifier.verify(positioned(records));

        assertThat(report.firstBrokenLink())
                .isEqualTo(
                        "chain b seq 2 at offset 103: reordered: it comes before seq 1 (at offset"
                                + " 105)");
        assertThat(report.chains()).isEqualTo(2);
    }

    @Test
    void detectsUnreadableRecord() {
        List<PositionedRecord> records = new ArrayList<>(positioned(chain("a", 3)));
        records.add(1, new PositionedRecord(42, null));

        assertThat(verifier.verify(records).firstBrokenLink())
                .isEqualTo("offset 42: not a readable audit record (corrupted or forged)");
    }

    @Test
    void detectsForgedGenesis() {
        AuditEntry entry = entry(0);
        String prev = "f".repeat(64);
        AuditRecord forged =
                new AuditRecord("x", 0, prev, AuditHasher.hash("x", 0, prev, entry), entry);

        assertThat(verifier.verify(List.of(new PositionedRecord(0, forged))).firstBrokenLink())
                .isEqualTo(
                        "chain x seq 0 at offset 0: forged start: seq 0 must link to the genesis"
                                + " value");
    }

    private static List<AuditRecord> chain(String id, int length) {
        AuditChain chain = new AuditChain(id);
        List<AuditRecord> records = new ArrayList<>();
        for (int i = 0; i < length; i++) {
            records.add(chain.append(entry(i)));
        }
        return records;
    }

    /** Records at offsets 100, 101, ... in list order. */
    private static List<PositionedRecord> positioned(List<AuditRecord> records) {
        List<PositionedRecord> result = new ArrayList<>();
        for (int i = 0; i < records.size(); i++) {
            result.add(new PositionedRecord(100 + i, records.get(i)));
        }
        return result;
    }
}
