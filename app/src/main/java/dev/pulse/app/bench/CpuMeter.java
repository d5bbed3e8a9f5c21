package dev.pulse.app.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.locks.LockSupport;

/**
 * How busy the cores were between two moments, and how much of that was this process (Pulse and the
 * load generator) rather than anything else running on the machine. Machine-wide figures come from
 * {@code /proc/stat} and are unknown where it does not exist.
 */
public final class CpuMeter {
    private static final Path PROC_STAT = Path.of("/proc/stat");

    private CpuMeter() {}

    /** Counters at one moment; machine counters are in clock ticks, -1 when unknown. */
    public record Snapshot(
            long wallNanos, long processCpuNanos, long machineBusyTicks, long machineTotalTicks) {}

    /**
     * Shares of all cores' time, from 0 to 1.
     *
     * @param others the share used by other processes, NaN when unknown
     */
    public record Usage(double process, double others) {
        public String describe() {
            return Double.isNaN(others)
                    ? String.format(Locale.ROOT, "this process %.0f%%", process * 100)
                    : String.format(
                            Locale.ROOT,
                            "this process %.0f%%, other processes %.0f%% of all cores",
                            process * 100,
                            others * 100);
        }
    }

    /** A snapshot taken when {@code System.nanoTime()} reaches {@code nanoTime}; now if it has. */
    public static Snapshot at(long nanoTime) {
        long wait;
        while ((wait = nanoTime - System.nanoTime()) > 0) {
            LockSupport.parkNanos(wait);
        }
        return now();
    }

    public static Snapshot now() {
        long[] machine = machineTicks();
        return new Snapshot(System.nanoTime(), processCpuNanos(), machine[0], machine[1]);
    }

    public static Usage between(Snapshot from, Snapshot to) {
        int cores = Runtime.getRuntime().availableProcessors();
        double wall = Math.max(1, to.wallNanos() - from.wallNanos()) * (double) cores;
        double process = Math.min(1, (to.processCpuNanos() - from.processCpuNanos()) / wall);
        long total = to.machineTotalTicks() - from.machineTotalTicks();
        if (from.machineTotalTicks() < 0 || total <= 0) {
            return new Usage(process, Double.NaN);
        }
        double busy = (to.machineBusyTicks() - from.machineBusyTicks()) / (double) total;
        return new Usage(process, Math.max(0, busy - process));
    }

    /** CPU time other processes used between the two snapshots, in nanoseconds; NaN if unknown. */
    public static double othersCpuNanos(Snapshot from, Snapshot to) {
        double wall = (double) (to.wallNanos() - from.wallNanos());
        return between(from, to).others() * wall * Runtime.getRuntime().availableProcessors();
    }

    private static long processCpuNanos() {
        if (ManagementFactory.getOperatingSystemMXBean()
                instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return 0;
    }

    /** Busy and total ticks of all cores from the first line of /proc/stat, or -1s. */
    private static long[] machineTicks() {
        try {
            List<String> lines = Files.readAllLines(PROC_STAT);
            String[] fields = lines.get(0).trim().split("\\s+");
            long total = 0;
            for (int i = 1; i < fields.length && i <= 8; i++) { // user … steal, not guest
                total += Long.parseLong(fields[i]);
            }
            long idle = Long.parseLong(fields[4]) + Long.parseLong(fields[5]); // idle + iowait
            return new long[] {total - idle, total};
        } catch (IOException | RuntimeException e) {
            return new long[] {-1, -1};
        }
    }
}
