package dev.pulse.streams.broker;

import dev.pulse.streams.connection.KafkaConnection;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * JUnit 5 extension sharing one {@link EmbeddedKafkaBroker} per JVM between test classes.
 *
 * <p>Use {@code @ExtendWith(SharedKafkaBroker.class)} on a test class, then {@link
 * #bootstrapServers()}. The broker starts with the first such class, in a temporary directory, and
 * is shut down (and its directory deleted) when the whole test run ends. Tests share it, so give
 * topics and consumer groups unique names.
 */
public final class SharedKafkaBroker implements BeforeAllCallback {

    private static volatile EmbeddedKafkaBroker broker;

    @Override
    public void beforeAll(ExtensionContext context) {
        RunningBroker running =
                context.getRoot()
                        .getStore(ExtensionContext.Namespace.create(SharedKafkaBroker.class))
                        .getOrComputeIfAbsent(
                                RunningBroker.class,
                                key -> RunningBroker.start(),
                                RunningBroker.class);
        broker = running.broker();
    }

    /** The shared broker; only valid in a class extended with {@code SharedKafkaBroker}. */
    public static EmbeddedKafkaBroker broker() {
        EmbeddedKafkaBroker current = broker;
        if (current == null) {
            throw new IllegalStateException(
                    "No shared broker: annotate the test class with"
                            + " @ExtendWith(SharedKafkaBroker.class)");
        }
        return current;
    }

    /** The shared broker's {@code bootstrap.servers}. */
    public static String bootstrapServers() {
        return broker().bootstrapServers();
    }

    /** A plaintext connection to the shared broker, with the broker's topic defaults. */
    public static KafkaConnection connection() {
        return KafkaConnection.to(bootstrapServers());
    }

    /** Kept in the root store: JUnit closes it (an AutoCloseable) when the test run ends. */
    private record RunningBroker(EmbeddedKafkaBroker broker, Path dir) implements AutoCloseable {

        static RunningBroker start() {
            Path dir;
            try {
                dir = Files.createTempDirectory("pulse-shared-kafka-");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            try {
                return new RunningBroker(EmbeddedKafkaBroker.start(dir, 0), dir);
            } catch (RuntimeException e) {
                deleteRecursively(dir);
                throw e;
            }
        }

        @Override
        public void close() {
            SharedKafkaBroker.broker = null;
            try {
                broker.close();
            } finally {
                deleteRecursively(dir);
            }
        }

        private static void deleteRecursively(Path dir) {
            try (Stream<Path> paths = Files.walk(dir)) {
                paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            } catch (IOException e) {
                throw new UncheckedIOException("Could not delete " + dir, e);
            }
        }
    }
}
