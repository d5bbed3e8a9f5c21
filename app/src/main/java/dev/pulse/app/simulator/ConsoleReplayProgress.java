package dev.pulse.app.simulator;

import java.io.PrintStream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarConsumer;
import me.tongfei.progressbar.ProgressBarStyle;

/** Draws a replay's progress as a console progress bar, with the simulated date beside it. */
public final class ConsoleReplayProgress implements ReplayProgress, AutoCloseable {
    private final ProgressBarConsumer consumer;
    private final String taskName;
    private ProgressBar bar;

    /** A bar on standard error. */
    public ConsoleReplayProgress() {
        this(new ConsoleProgressBarConsumer(System.err), "Replaying history");
    }

    public ConsoleReplayProgress(PrintStream out) {
        this(new ConsoleProgressBarConsumer(out), "Replaying history");
    }

    /** A bar drawn by the given consumer (for tests, or a logger). */
    public ConsoleReplayProgress(ProgressBarConsumer consumer, String taskName) {
        this.consumer = consumer;
        this.taskName = taskName;
    }

    @Override
    public synchronized void started(long expectedTotal) {
        bar =
                new ProgressBarBuilder()
                        .setTaskName(taskName)
                        .setInitialMax(expectedTotal)
                        .setUnit(" events", 1)
                        .setStyle(ProgressBarStyle.ASCII)
                        .setConsumer(consumer)
                        .showSpeed()
                        .setUpdateIntervalMillis(250)
                        .build();
    }

    @Override
    public synchronized void progressed(long done, long expectedTotal, Instant simulatedTime) {
        if (bar == null) {
            started(expectedTotal);
        }
        if (done > bar.getMax()) {
            bar.maxHint(done);
        }
        bar.stepTo(done);
        bar.setExtraMessage(LocalDate.ofInstant(simulatedTime, ZoneOffset.UTC).toString());
    }

    @Override
    public synchronized void finished(long done) {
        if (bar == null) {
            started(done);
        }
        bar.maxHint(done);
        bar.stepTo(done);
        close();
    }

    @Override
    public synchronized void close() {
        if (bar != null) {
            bar.close();
            bar = null;
        }
    }
}
