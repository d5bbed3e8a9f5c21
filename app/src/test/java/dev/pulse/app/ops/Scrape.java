package dev.pulse.app.ops;

import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.TreeSet;

/**
 * One Prometheus text-format scrape: its size, its series and the sample names in it (a histogram's
 * {@code _bucket}, {@code _sum} and {@code _count} each count as a name).
 */
public record Scrape(String text) {

    public int bytes() {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }

    /** Sample lines: one per series. */
    public long series() {
        return text.lines().filter(Scrape::isSample).count();
    }

    public Set<String> sampleNames() {
        Set<String> names = new TreeSet<>();
        text.lines().filter(Scrape::isSample).forEach(line -> names.add(nameOf(line)));
        return names;
    }

    /** Series whose sample name starts with {@code prefix}. */
    public long series(String prefix) {
        return text.lines()
                .filter(Scrape::isSample)
                .filter(line -> nameOf(line).startsWith(prefix))
                .count();
    }

    /** Series of exactly the metric {@code name} (not of longer names it is a prefix of). */
    public long seriesNamed(String name) {
        return text.lines()
                .filter(Scrape::isSample)
                .filter(line -> nameOf(line).equals(name))
                .count();
    }

    /** The value of the first series whose line starts with {@code seriesPrefix}; NaN if none. */
    public double value(String seriesPrefix) {
        return text.lines()
                .filter(line -> line.startsWith(seriesPrefix))
                .findFirst()
                .map(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .orElse(Double.NaN);
    }

    private static boolean isSample(String line) {
        return !line.isBlank() && !line.startsWith("#");
    }

    private static String nameOf(String line) {
        int end = 0;
        while (end < line.length() && line.charAt(end) != '{' && line.charAt(end) != ' ') {
            end++;
        }
        return line.substring(0, end);
    }
}
