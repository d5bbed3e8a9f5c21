package dev.pulse.access.audit;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;

/**
 * The hash of an {@link AuditRecord}: hex SHA-256 over a canonical byte form of chain, seq,
 * prevHash and every {@link AuditEntry} field, in a fixed order.
 *
 * <p>The canonical form is written by hand, not by Jackson, so that the hash depends only on the
 * values: not on field order, map ordering, inclusion rules, date formats or a mapper upgrade.
 * Every value is tagged and every string and list length-prefixed, so no two different records
 * share a byte form ({@code ["a,b"]} is not {@code ["a","b"]}, null is not ""). Changing this form
 * invalidates every chain already written: keep {@link #FORMAT} and the order as they are.
 *
 * <p>The form, for anyone re-implementing the check: the values {@code "pulse-audit-v1"}, chain,
 * seq, prevHash, at, subject, role, method, action, tenants, allowed, status, remote, requestId,
 * detail, each written as: a string as {@code 's'}, its UTF-8 length as a 4-byte big-endian int,
 * its UTF-8 bytes; a null as {@code 'n'}; an integer as {@code 'i'} and 8 bytes big-endian; an
 * instant as {@code 'd'} then epoch seconds and nanos as integers; a boolean as {@code 't'} or
 * {@code 'f'}; a list as {@code 'l'}, its size as a 4-byte int, then its strings.
 */
public final class AuditHasher {
    /** The {@code prevHash} of the first record of every chain. */
    public static final String GENESIS = "0".repeat(64);

    /** Domain tag: the first bytes hashed, versioning the canonical form. */
    static final String FORMAT = "pulse-audit-v1";

    /** One digest per thread: looking SHA-256 up through the providers per record costs more. */
    private static final ThreadLocal<MessageDigest> SHA_256 =
            ThreadLocal.withInitial(AuditHasher::newSha256);

    private AuditHasher() {}

    public static String hash(String chain, long seq, String prevHash, AuditEntry entry) {
        Canonical out = new Canonical();
        out.text(FORMAT);
        out.text(chain);
        out.number(seq);
        out.text(prevHash);
        out.instant(entry.at());
        out.text(entry.subject());
        out.text(entry.role());
        out.text(entry.method());
        out.text(entry.action());
        out.list(entry.tenants());
        out.bool(entry.allowed());
        out.number(entry.status());
        out.text(entry.remote());
        out.text(entry.requestId());
        out.text(entry.detail());
        return HexFormat.of().formatHex(sha256(out.bytes()));
    }

    /** The hash {@code record} should carry, given its other fields. */
    public static String expected(AuditRecord record) {
        return hash(record.chain(), record.seq(), record.prevHash(), record.entry());
    }

    private static byte[] sha256(byte[] bytes) {
        return SHA_256.get().digest(bytes);
    }

    private static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** Tagged, length-prefixed values; big-endian numbers. */
    private static final class Canonical {
        private final ByteArrayOutputStream buffer = new ByteArrayOutputStream(256);

        void text(String value) {
            if (value == null) {
                buffer.write('n');
                return;
            }
            byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
            buffer.write('s');
            int32(utf8.length);
            buffer.writeBytes(utf8);
        }

        void number(long value) {
            buffer.write('i');
            for (int shift = 56; shift >= 0; shift -= 8) {
                buffer.write((int) (value >>> shift));
            }
        }

        void bool(boolean value) {
            buffer.write(value ? 't' : 'f');
        }

        void instant(Instant value) {
            if (value == null) {
                buffer.write('n');
                return;
            }
            buffer.write('d');
            number(value.getEpochSecond());
            number(value.getNano());
        }

        void list(List<String> values) {
            buffer.write('l');
            int32(values.size());
            values.forEach(this::text);
        }

        private void int32(int value) {
            for (int shift = 24; shift >= 0; shift -= 8) {
                buffer.write(value >>> shift);
            }
        }

        byte[] bytes() {
            return buffer.toByteArray();
        }
    }
}
