package dev.pulse.app.bench;

import dev.pulse.app.bench.dashboard.DashboardResult;
import java.time.Instant;

/**
 * Everything one run measured, with what it ran on and what it was asked to do.
 *
 * @param loadAverageAtEnd the one-minute system load average when the run ended
 * @param cpu how busy the cores were from the first measured phase to the last, and how much of
 *     that was not this process
 * @param yardstick a minimal Kafka Streams pipeline over the same events: the machine's ceiling
 * @param ingest events sent, and counted through Pulse's topologies
 * @param ingestCost the topologies' rate and CPU per event (the producer running beside them)
 * @param httpIngest more events sent as a customer's loader would, over {@code POST /v1/events}
 * @param httpYardstick a bare HTTP server answering a point answer's bytes: the machine's HTTP
 *     ceiling for the query loads
 * @param segmentMembers an analyst's saved segment of half the accounts, its member list
 * @param journey the journey aggregates over that segment
 * @param memory heap and RocksDB memory after the query phases
 * @param reports report latencies; null when the phase was skipped
 * @param dashboard page loads of the dashboard in a browser, or why there are none
 * @param batch the same events through an hourly batch design in PostgreSQL, or why not
 * @param sink the warehouse sink over the run's results against the topology's output, or why not
 */
public record BenchResults(
        Instant date,
        double loadAverageAtEnd,
        CpuMeter.Usage cpu,
        MachineInfo machine,
        BenchPlan plan,
        long eventBytes,
        Throughput baseline,
        Cost yardstick,
        IngestBenchmark.Result ingest,
        Cost ingestCost,
        HttpIngestBenchmark.Result httpIngest,
        FreshnessBenchmark.Result freshness,
        AlertLatencyBenchmark.Result alerts,
        QueryLoad.Result httpYardstick,
        QueryLoad.Result portfolio,
        QueryLoad.Result point,
        QueryLoad.Result segmentMembers,
        QueryLoad.Result journey,
        MemoryUse memory,
        ReportBenchmark.Result reports,
        DashboardResult dashboard,
        BatchDesignBenchmark.Result batch,
        SinkBenchmark.Result sink) {}
