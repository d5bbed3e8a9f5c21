package dev.pulse.app.bench;

import dev.pulse.app.PulseApplication;
import java.io.PrintWriter;
import java.util.Locale;

/** Prints one line per step with the seconds since the run began. */
public final class BenchProgress implements PulseApplication.StartupProgress {
    private final PrintWriter out;
    private final long started = System.nanoTime();

    public BenchProgress(PrintWriter out) {
        this.out = out;
    }

    @Override
    public void step(String description) {
        double seconds = (System.nanoTime() - started) / 1e9;
        out.printf(Locale.ROOT, "[bench %6.1fs] %s%n", seconds, description);
        out.flush();
    }
}
