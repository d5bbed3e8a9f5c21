package dev.pulse.app.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

/** A temporary directory for the run's broker log and state, deleted with everything in it. */
public final class ScratchDirectory implements AutoCloseable {
    private final Path path;
    private final AtomicBoolean deleted = new AtomicBoolean();

    private ScratchDirectory(Path path) {
        this.path = path;
    }

    public static ScratchDirectory create(String prefix) {
        try {
            return new ScratchDirectory(Files.createTempDirectory(prefix));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary directory", e);
        }
    }

    public Path path() {
        return path;
    }

    /** Deletes the directory; only the first call does anything. */
    @Override
    public void close() {
        if (!deleted.compareAndSet(false, true)) {
            return;
        }
        deleteRecursively(path);
    }

    /** Deletes {@code dir} with everything in it. */
    static void deleteRecursively(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + dir, e);
        }
    }
}
