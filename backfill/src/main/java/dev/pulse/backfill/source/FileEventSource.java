package dev.pulse.backfill.source;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.List;
import java.util.stream.Stream;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.connector.file.src.FileSource;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * Raw events from NDJSON or CSV files: a directory (every regular file under it, recursively), one
 * file, or a glob such as {@code /data/events/2025-*.ndjson}. The files are listed where the job is
 * submitted; a Flink cluster's task managers must see them at the same paths.
 */
public final class FileEventSource implements RawEventSource {
    private static final long serialVersionUID = 1L;

    private final List<String> files;
    private final EventFileFormat format;

    private FileEventSource(List<String> files, EventFileFormat format) {
        if (files.isEmpty()) {
            throw new IllegalArgumentException("no event files to read");
        }
        this.files = List.copyOf(files);
        this.format = format;
    }

    /**
     * The files {@code location} names, read as {@code format}, or as each file's name suggests
     * when {@code format} is null.
     */
    public static FileEventSource of(String location, EventFileFormat format) {
        List<Path> found = find(location);
        if (found.isEmpty()) {
            throw new IllegalArgumentException("no files match " + location);
        }
        EventFileFormat chosen =
                format != null
                        ? format
                        : EventFileFormat.guess(found.get(0).getFileName().toString());
        return new FileEventSource(
                found.stream().map(p -> p.toAbsolutePath().toString()).toList(), chosen);
    }

    static List<Path> find(String location) {
        Path path = Path.of(location);
        try {
            if (Files.isDirectory(path)) {
                try (Stream<Path> all = Files.walk(path)) {
                    return all.filter(Files::isRegularFile).sorted().toList();
                }
            }
            if (Files.isRegularFile(path)) {
                return List.of(path);
            }
            return glob(location);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + location, e);
        }
    }

    /** The files matching a glob; its directory part is taken up to the first wildcard. */
    private static List<Path> glob(String pattern) throws IOException {
        int wildcard = indexOfWildcard(pattern);
        if (wildcard < 0) {
            return List.of();
        }
        int slash = pattern.lastIndexOf('/', wildcard);
        Path root = slash < 0 ? Path.of(".") : Path.of(pattern.substring(0, slash + 1));
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        PathMatcher matcher =
                FileSystems.getDefault()
                        .getPathMatcher("glob:" + root.resolve(pattern.substring(slash + 1)));
        try (Stream<Path> all = Files.walk(root)) {
            return all.filter(Files::isRegularFile).filter(matcher::matches).sorted().toList();
        }
    }

    private static int indexOfWildcard(String pattern) {
        for (int i = 0; i < pattern.length(); i++) {
            if ("*?[{".indexOf(pattern.charAt(i)) >= 0) {
                return i;
            }
        }
        return -1;
    }

    public List<String> files() {
        return files;
    }

    public EventFileFormat format() {
        return format;
    }

    @Override
    public DataStream<String> open(StreamExecutionEnvironment env) {
        org.apache.flink.core.fs.Path[] paths =
                files.stream()
                        .map(
                                file ->
                                        org.apache.flink.core.fs.Path.fromLocalFile(
                                                new java.io.File(file)))
                        .toArray(org.apache.flink.core.fs.Path[]::new);
        return env.fromSource(
                FileSource.forRecordStreamFormat(new RawEventFormat(format), paths).build(),
                WatermarkStrategy.noWatermarks(),
                "event-files");
    }

    @Override
    public String description() {
        return files.size() + " " + format.name().toLowerCase(java.util.Locale.ROOT) + " file(s)";
    }
}
