package dev.pulse.backfill;

import dev.pulse.backfill.job.BackfillJob;
import dev.pulse.backfill.job.TenantDayRow;
import dev.pulse.backfill.publish.DaySink;
import dev.pulse.backfill.source.RawEventSource;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.util.CloseableIterator;

/**
 * Runs one backfill: the Flink job over a source of raw events, its tenant-days streamed back to
 * this process in day order and handed to a {@link DaySink}, with progress while it runs.
 */
public final class Backfill {
    private static final Duration PROGRESS_EVERY = Duration.ofSeconds(1);

    private final FlinkTarget target;
    private final BackfillProgress progress;

    public Backfill(FlinkTarget target, BackfillProgress progress) {
        this.target = target;
        this.progress = progress;
    }

    public BackfillSummary run(RawEventSource source, DaySink sink) throws Exception {
        long started = System.nanoTime();
        StreamExecutionEnvironment env = BackfillJob.batch(target.environment());
        DataStream<TenantDayRow> days =
                BackfillJob.dailyEngagement(source.open(env), Instant.now());
        CloseableIterator<TenantDayRow> rows = days.collectAsync();
        JobClient job = env.executeAsync("pulse-backfill");
        progress.started(source.description(), target.describe());
        long tenantDays = 0;
        long counted = 0;
        ScheduledExecutorService poller = pollEventsRead(job);
        try (rows) {
            while (rows.hasNext()) {
                TenantDayRow row = rows.next();
                sink.accept(row.toDay());
                tenantDays++;
                counted += row.events();
                if (tenantDays % 1000 == 0) {
                    progress.daysWritten(tenantDays);
                }
            }
            sink.flush();
        } finally {
            poller.shutdownNow();
        }
        progress.daysWritten(tenantDays);
        JobExecutionResult result = job.getJobExecutionResult().get();
        long emitted = counter(result.getAllAccumulatorResults(), BackfillJob.TENANT_DAYS);
        if (emitted != tenantDays) {
            // The collect iterator reads the last results from the job's result when the job is
            // gone; should that ever fail, the hand-over is incomplete and must say so.
            throw new IllegalStateException(
                    "the job counted "
                            + emitted
                            + " tenant-days but "
                            + tenantDays
                            + " reached this process; run the backfill again (it is idempotent)");
        }
        long read = counter(result.getAllAccumulatorResults(), BackfillJob.EVENTS_READ);
        progress.eventsRead(read);
        return new BackfillSummary(
                read,
                counter(result.getAllAccumulatorResults(), BackfillJob.EVENTS_REJECTED),
                counter(result.getAllAccumulatorResults(), BackfillJob.EVENTS_DUPLICATE),
                tenantDays,
                counted,
                Duration.ofNanos(System.nanoTime() - started));
    }

    /** Events read, from the job's accumulators, while the job reads. */
    private ScheduledExecutorService pollEventsRead(JobClient job) {
        ScheduledExecutorService poller =
                Executors.newSingleThreadScheduledExecutor(
                        r -> {
                            Thread thread = new Thread(r, "backfill-progress");
                            thread.setDaemon(true);
                            return thread;
                        });
        poller.scheduleWithFixedDelay(
                () -> {
                    try {
                        Map<String, Object> counters =
                                job.getAccumulators().get(5, TimeUnit.SECONDS);
                        progress.eventsRead(counter(counters, BackfillJob.EVENTS_READ));
                    } catch (Exception finishedOrUnreachable) {
                        // The final figure comes with the job's result.
                    }
                },
                PROGRESS_EVERY.toMillis(),
                PROGRESS_EVERY.toMillis(),
                TimeUnit.MILLISECONDS);
        return poller;
    }

    private static long counter(Map<String, Object> counters, String name) {
        Object value = counters.get(name);
        return value instanceof Number number ? number.longValue() : 0;
    }
}
