package dev.pulse.app.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The machine a run measured, so figures are never quoted without it.
 *
 * @param loadAverage the one-minute system load average when the run began, negative where the
 *     system does not report one; well above zero means other processes shared the cores
 */
public record MachineInfo(
        int cores, long maxHeapBytes, String java, String os, String cpu, double loadAverage) {
    public static MachineInfo current() {
        return new MachineInfo(
                Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory(),
                System.getProperty("java.version")
                        + " ("
                        + System.getProperty("java.vm.name")
                        + ")",
                System.getProperty("os.name")
                        + " "
                        + System.getProperty("os.version")
                        + " "
                        + System.getProperty("os.arch"),
                cpuModel(),
                currentLoadAverage());
    }

    /** The one-minute system load average now, negative if unknown. */
    public static double currentLoadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    public String describe() {
        return String.format(
                Locale.ROOT,
                "%d cores (%s), max heap %.1f GiB, Java %s, %s; load average %.2f at start",
                cores,
                cpu,
                maxHeapBytes / (double) (1L << 30),
                java,
                os,
                loadAverage);
    }

    /** The CPU model from /proc/cpuinfo where there is one. */
    private static String cpuModel() {
        Path cpuinfo = Path.of("/proc/cpuinfo");
        if (!Files.isReadable(cpuinfo)) {
            return "cpu unknown";
        }
        try (Stream<String> lines = Files.lines(cpuinfo)) {
            return lines.filter(line -> line.startsWith("model name"))
                    .map(line -> line.substring(line.indexOf(':') + 1).trim())
                    .findFirst()
                    .orElse("cpu unknown");
        } catch (IOException | RuntimeException e) {
            return "cpu unknown";
        }
    }
}
