package dev.pulse.topologies.serde;

import dev.pulse.topologies.health.*;
import dev.pulse.topologies.json.JsonSerde;
import dev.pulse.topologies.risk.RiskAssessment;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Compact binary form of a {@link HealthScore}, the format of the score stores and their
 * changelogs (the scores topic stays JSON for its consumers). The API reads a portfolio's scores
 * on every request, and decoding JSON was most of its CPU; this format decodes with plain reads,
 * so the typed store needs no cache in front of it.
 *
 * <p>Format 1: {@code 0x01}, then the fields in record order through {@link DataOutputStream}:
 * strings as {@code writeUTF} (exact for any string, at most 65,535 bytes each), instants as epoch
 * seconds and nanos, days as epoch days; every nullable field behind a presence byte; the
 * contributions as a count ({@code -1}: none) and their fields; the at-risk decision likewise.
 * Values written before this format are JSON objects (first byte {@code '{'}) and are still read;
 * they are rewritten in format 1 on their next update.
 */
public final class HealthScoreSerde implements Serde<HealthScore> {
    static final byte FORMAT_1 = 1;

    private static final JsonSerde<HealthScore> JSON = JsonSerde.of(HealthScore.class);

    public static byte[] toBytes(HealthScore score) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(512);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(FORMAT_1);
            writeString(out, score.tenantId());
            out.writeDouble(score.score());
            writeString(out, score.band() == null ? null : score.band().name());
            writeString(out, score.modelVersion());
            writeInstant(out, score.asOf());
            writeDouble(out, score.delta7d());
            writeDouble(out, score.delta30d());
            writeContributions(out, score.contributions());
            writeString(out, score.topReason());
            writeInstant(out, score.firstEventAt());
            writeInstant(out, score.lastEventAt());
            writeRisk(out, score.risk());
        } catch (IOException e) {
            throw new UncheckedIOException(e); // an in-memory stream does not fail
        }
        return bytes.toByteArray();
    }

    public static HealthScore fromBytes(byte[] bytes) {
        if (bytes.length == 0) {
            throw new SerializationException("empty HealthScore value");
        }
        if (bytes[0] != FORMAT_1) {
            return JSON.fromBytes(bytes); // written before format 1
        }
        ByteBuffer in = ByteBuffer.wrap(bytes, 1, bytes.length - 1);
        try {
            HealthScore score =
                    new HealthScore(
                            readString(in),
                            in.getDouble(),
                            band(readString(in)),
                            readString(in),
                            readInstant(in),
                            readDouble(in),
                            readDouble(in),
                            readContributions(in),
                            readString(in),
                            readInstant(in),
                            readInstant(in),
                            readRisk(in));
            if (in.hasRemaining()) {
                throw new SerializationException(in.remaining() + " trailing bytes");
            }
            return score;
        } catch (IOException
                | BufferUnderflowException
                | IllegalArgumentException
                | DateTimeException e) {
            throw new SerializationException("not a valid HealthScore: " + e.getMessage(), e);
        }
    }

    private static void writeContributions(DataOutputStream out, List<Contribution> list)
            throws IOException {
        out.writeInt(list == null ? -1 : list.size());
        if (list == null) {
            return;
        }
        for (Contribution c : list) {
            writeString(out, c.measure());
            writeString(out, c.label());
            writeDouble(out, c.value());
            writeDouble(out, c.points());
            out.writeDouble(c.weight());
            out.writeDouble(c.contribution());
            writeString(out, c.explanation());
        }
    }

    /** Read-only: one decoded score may be handed to several readers. */
    private static List<Contribution> readContributions(ByteBuffer in) throws IOException {
        int size = in.getInt();
        if (size < 0) {
            return null;
        }
        if (size > in.remaining()) {
            throw new IllegalArgumentException("count " + size + " beyond the value");
        }
        List<Contribution> list = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            list.add(
                    new Contribution(
                            readString(in),
                            readString(in),
                            readDouble(in),
                            readDouble(in),
                            in.getDouble(),
                            in.getDouble(),
                            readString(in)));
        }
        return Collections.unmodifiableList(list);
    }

    private static void writeRisk(DataOutputStream out, RiskAssessment risk) throws IOException {
        out.writeBoolean(risk != null);
        if (risk == null) {
            return;
        }
        writeDay(out, risk.day());
        out.writeBoolean(risk.atRisk());
        out.writeBoolean(risk.signal());
        out.writeBoolean(risk.declining());
        out.writeBoolean(risk.recovered());
        writeDay(out, risk.signalSince());
        writeDay(out, risk.atRiskSince());
        writeString(out, risk.reason());
        writeString(out, risk.metric());
        writeDouble(out, risk.dropPercent());
        writeDouble(out, risk.portfolioChangePercent());
    }

    private static RiskAssessment readRisk(ByteBuffer in) throws IOException {
        if (!readBoolean(in)) {
            return null;
        }
        return new RiskAssessment(
                readDay(in),
                readBoolean(in),
                readBoolean(in),
                readBoolean(in),
                readBoolean(in),
                readDay(in),
                readDay(in),
                readString(in),
                readString(in),
                readDouble(in),
                readDouble(in));
    }

    private static Band band(String name) {
        return name == null ? null : Band.valueOf(name);
    }

    private static void writeString(DataOutputStream out, String value) throws IOException {
        out.writeBoolean(value != null);
        if (value != null) {
            writeUtf(out, value);
        }
    }

    /**
     * Exactly {@code writeUTF}'s bytes. For ASCII text without NUL (every id, label and sentence
     * Pulse writes) modified UTF-8 is the string's own bytes, which {@code getBytes} copies in one
     * step; {@code writeUTF} goes char by char, twice, and was a tenth of closing a day.
     */
    static void writeUtf(DataOutputStream out, String value) throws IOException {
        byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
        if (utf8.length != value.length() || utf8.length > 0xFFFF || hasNulOrStandIn(utf8)) {
            out.writeUTF(value); // not plain ASCII: modified UTF-8 differs, so writeUTF decides
            return;
        }
        out.writeShort(utf8.length);
        out.write(utf8);
    }

    /** NUL, or a '?' that may stand in for a lone surrogate getBytes could not encode. */
    private static boolean hasNulOrStandIn(byte[] bytes) {
        for (byte b : bytes) {
            if (b == 0 || b == '?') {
                return true;
            }
        }
        return false;
    }

    /**
     * {@code writeUTF}'s modified UTF-8 is plain ASCII for ASCII text, which the String constructor
     * copies in one step; only other text goes through {@code readUTF}, whose per-byte reads over a
     * synchronized stream were most of a portfolio request's CPU.
     */
    private static String readString(ByteBuffer in) throws IOException {
        if (!readBoolean(in)) {
            return null;
        }
        int start = in.position();
        int length = Short.toUnsignedInt(in.getShort());
        if (length > in.remaining()) {
            throw new IllegalArgumentException("string of " + length + " bytes beyond the value");
        }
        byte[] bytes = in.array();
        int end = in.position() + length;
        in.position(end);
        for (int i = start + 2; i < end; i++) {
            if (bytes[i] < 0) {
                return DataInputStream.readUTF(
                        new DataInputStream(new ByteArrayInputStream(bytes, start, end - start)));
            }
        }
        return new String(bytes, start + 2, length, StandardCharsets.US_ASCII);
    }

    private static boolean readBoolean(ByteBuffer in) {
        byte value = in.get();
        if (value != 0 && value != 1) {
            throw new IllegalArgumentException("flag byte " + value);
        }
        return value == 1;
    }

    private static void writeDouble(DataOutputStream out, Double value) throws IOException {
        out.writeBoolean(value != null);
        if (value != null) {
            out.writeDouble(value);
        }
    }

    private static Double readDouble(ByteBuffer in) {
        return readBoolean(in) ? in.getDouble() : null;
    }

    private static void writeInstant(DataOutputStream out, Instant value) throws IOException {
        out.writeBoolean(value != null);
        if (value != null) {
            out.writeLong(value.getEpochSecond());
            out.writeInt(value.getNano());
        }
    }

    private static Instant readInstant(ByteBuffer in) {
        return readBoolean(in) ? Instant.ofEpochSecond(in.getLong(), in.getInt()) : null;
    }

    private static void writeDay(DataOutputStream out, LocalDate value) throws IOException {
        out.writeBoolean(value != null);
        if (value != null) {
            out.writeLong(value.toEpochDay());
        }
    }

    private static LocalDate readDay(ByteBuffer in) {
        return readBoolean(in) ? LocalDate.ofEpochDay(in.getLong()) : null;
    }

    @Override
    public Serializer<HealthScore> serializer() {
        return (topic, score) -> score == null ? null : toBytes(score);
    }

    @Override
    public Deserializer<HealthScore> deserializer() {
        return (topic, bytes) -> bytes == null ? null : fromBytes(bytes);
    }
}
