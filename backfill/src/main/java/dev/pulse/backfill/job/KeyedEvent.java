package dev.pulse.backfill.job;

/**
 * A valid event on its way to its tenant-day: the key fields read by the parser, and the JSON as
 * read, which the aggregation parses again rather than shipping a decoded event through Flink's
 * generic (Kryo) serializer. A record of plain fields, so Flink serializes it as a POJO.
 *
 * @param dayKey tenant and UTC day, the grouping key
 */
public record KeyedEvent(String dayKey, String eventId, String json) {}
