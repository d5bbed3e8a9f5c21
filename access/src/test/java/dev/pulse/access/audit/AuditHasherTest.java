package dev.pulse.access.audit;

import static dev.pulse.access.audit.AuditEntries.T0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pulse.topologies.json.PulseJson;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AuditHasherTest {
    private static final AuditEntry ENTRY =
            new AuditEntry(
                    T0,
                    "sarah@x.test",
                    "viewer",
                    "jwt",
                    "GET /v1/accounts/acme",
                    List.of("acme", "globex"),
                    true,
                    200,
                    "10.0.0.1",
                    "req-1",
                    null);

    @Test
    void sameRecordAlwaysHashesTheSame() {
        String first = AuditHasher.hash("chain-a", 7, AuditHasher.GENESIS, ENTRY);

        assertThat(AuditHasher.hash("chain-a", 7, AuditHasher.GENESIS, copy(ENTRY)))
                .isEqualTo(first)
                .matches("[0-9a-f]{64}");
    }

    /** Pins the canonical form: if this changes, every chain already written stops verifying. */
    @Test
    void canonicalFormIsStable() {
        assertThat(AuditHasher.hash("chain-a", 7, AuditHasher.GENESIS, ENTRY)).isEqualTo(GOLDEN);
    }

    private static final String GOLDEN =
            "705c1f1afd79f86a69c4f34bca7401c69923ac4baae1888acbc298f6ccba58e1";

    @Test
    void everyFieldIsCovered() {
        List<String> hashes =
                List.of(
                        AuditHasher.hash("chain-a", 7, AuditHasher.GENESIS, ENTRY),
                        AuditHasher.hash("chain-b", 7, AuditHasher.GENESIS, ENTRY),
                        AuditHasher.hash("chain-a", 8, AuditHasher.GENESIS, ENTRY),
                        AuditHasher.hash("chain-a", 7, "1".repeat(64), ENTRY),
                        hash(with(ENTRY, 0, T0.plusNanos(1))),
                        hash(with(ENTRY, 1, "tom@x.test")),
                        hash(with(ENTRY, 2, "admin")),
                        hash(with(ENTRY, 3, "api-key")),
                        hash(with(ENTRY, 4, "GET /v1/accounts/globex")),
                        hash(with(ENTRY, 5, List.of("acme"))),
                        hash(with(ENTRY, 6, false)),
                        hash(with(ENTRY, 7, 403)),
                        hash(with(ENTRY, 8, "10.0.0.2")),
                        hash(with(ENTRY, 9, "req-2")),
                        hash(with(ENTRY, 10, "why")));

        assertThat(new HashSet<>(hashes)).hasSameSizeAs(hashes);
    }

    @Test
    void nullEmptyAndListBoundariesAreDistinct() {
        Set<String> hashes =
                Set.of(
                        hash(with(ENTRY, 10, null)),
                        hash(with(ENTRY, 10, "")),
                        hash(with(ENTRY, 5, List.of("a,b"))),
                        hash(with(ENTRY, 5, List.of("a", "b"))),
                        hash(with(ENTRY, 5, List.of())),
                        hash(with(ENTRY, 5, List.of(""))));

        assertThat(hashes).hasSize(6);
    }

    @Test
    void survivesTheJsonRoundTripOfTheTopic() throws Exception {
        AuditRecord record = new AuditChain("chain-a").append(ENTRY);
        byte[] json = PulseJson.mapper().writeValueAsBytes(record);

        AuditRecord read = PulseJson.mapper().readValue(json, AuditRecord.class);

        assertThat(read).isEqualTo(record);
        assertThat(AuditHasher.expected(read)).isEqualTo(record.hash());
    }

    private static String hash(AuditEntry entry) {
        return AuditHasher.hash("chain-a", 7, AuditHasher.GENESIS, entry);
    }

    private static AuditEntry copy(AuditEntry e) {
        return new AuditEntry(
                e.at(),
                new String(e.subject()),
                e.role(),
                e.method(),
                e.action(),
                List.copyOf(e.tenants()),
                e.allowed(),
                e.status(),
                e.remote(),
                e.requestId(),
                e.detail());
    }

    /** {@code entry} with its {@code field}-th component replaced. */
    @SuppressWarnings("unchecked")
    static AuditEntry with(AuditEntry e, int field, Object value) {
        return new AuditEntry(
                field == 0 ? (java.time.Instant) value : e.at(),
                field == 1 ? (String) value : e.subject(),
                field == 2 ? (String) value : e.role(),
                field == 3 ? (String) value : e.method(),
                field == 4 ? (String) value : e.action(),
                field == 5 ? (List<String>) value : e.tenants(),
                field == 6 ? (Boolean) value : e.allowed(),
                field == 7 ? (Integer) value : e.status(),
                field == 8 ? (String) value : e.remote(),
                field == 9 ? (String) value : e.requestId(),
                field == 10 ? (String) value : e.detail());
    }
}
