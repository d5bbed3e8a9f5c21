package dev.pulse.warehouse.sink;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The sink's meters: rows and batches written (rates give rows/s), failed batches, records not yet
 * in the warehouse (lag), batches in flight and whether the consumer is paused for them.
 */
final class SinkMetrics {
    final Counter rows;
    final Counter records;
    final Counter batches;
    final Counter failures;
    final Timer batchTime;
    final AtomicLong lag = new AtomicLong();
    final AtomicInteger inFlight = new AtomicInteger();
    final AtomicInteger paused = new AtomicInteger();

    SinkMetrics(MeterRegistry registry) {
        rows =
                Counter.builder("pulse.warehouse.sink.rows")
                        .description("Rows upserted into the warehouse")
                        .register(registry);
        records =
                Counter.builder("pulse.warehouse.sink.records")
                        .description("Kafka records carried into the warehouse")
                        .register(registry);
        batches =
                Counter.builder("pulse.warehouse.sink.batches")
                        .description("Transactions committed by the warehouse sink")
                        .register(registry);
        failures =
                Counter.builder("pulse.warehouse.sink.failures")
                        .description("Batches that failed and will be written again")
                        .register(registry);
        batchTime =
                Timer.builder("pulse.warehouse.sink.batch.duration")
                        .description("Time to write one batch")
                        .register(registry);
        Gauge.builder("pulse.warehouse.sink.lag", lag, AtomicLong::get)
                .description("Committed Kafka records not yet in the warehouse")
                .register(registry);
        Gauge.builder("pulse.warehouse.sink.in.flight", inFlight, AtomicInteger::get)
                .description("Batches written or waiting to be written")
                .register(registry);
        Gauge.builder("pulse.warehouse.sink.paused", paused, AtomicInteger::get)
                .description("1 while the consumer waits for batches in flight (back pressure)")
                .register(registry);
    }
}
