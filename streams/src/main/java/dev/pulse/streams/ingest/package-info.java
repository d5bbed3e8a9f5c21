/** Writing accepted HTTP input to Kafka topics. */
package dev.pulse.streams.ingest;
