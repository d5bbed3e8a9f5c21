package dev.pulse.backfill.source;

import java.io.Serializable;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * Where a backfill reads raw usage events: each element is one event as the JSON Pulse ingests
 * ({@code docs/schemas/usage-event.schema.json}), unparsed, so that the job applies Pulse's own
 * parsing and validation whatever the origin. Files ({@link FileEventSource}) today; a warehouse
 * table maps its rows to the same JSON.
 */
public interface RawEventSource extends Serializable {

    /** The events as a bounded stream of the given environment. */
    DataStream<String> open(StreamExecutionEnvironment env);

    /** What is read, for the console ("3 files under /data/events"). */
    String description();
}
