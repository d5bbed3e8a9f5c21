package dev.pulse.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One jar, no JVM flags: the shaded {@code pulse.jar} starts and keeps its distinct-user sketches
 * on the JVM running the tests (Java 17 in CI) and on Temurin 25. A sketch library that needs an
 * incubator module (DataSketches 7) or a newer Java (8 and 9) fails here.
 */
class PortableJarIT {
    private static final Path JAR = Path.of("target", "pulse.jar");
    private static final Path TEST_CLASSES = Path.of("target", "test-classes");

    @TempDir Path dir;

    /** This JVM's java, and Temurin 25 from {@code pulse.java25} (set by the pom). */
    static Stream<String> javas() {
        return Stream.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                System.getProperty("pulse.java25", "/usr/lib/jvm/temurin-25-jdk-amd64/bin/java"));
    }

    @ParameterizedTest
    @MethodSource("javas")
    void printsItsHelp(String java) throws Exception {
        Run run = run(java, "-jar", JAR.toString(), "--help");

        assertThat(run.exitCode).as(run.output).isZero();
        assertThat(run.output).contains("Usage: pulse");
    }

    @ParameterizedTest
    @MethodSource("javas")
    void storesAndReadsADistinctUserSketch(String java) throws Exception {
        String classPath = JAR + File.pathSeparator + TEST_CLASSES;
        Run run = run(java, "-cp", classPath, SketchProbe.class.getName());

        assertThat(run.exitCode).as(run.output).isZero();
        // The estimates of the same 1,000 users on every JDK (united, the estimator differs).
        assertThat(run.output).contains("active users 992, united 997");
    }

    private Run run(String java, String... args) throws IOException, InterruptedException {
        assumeTrue(
                Files.isExecutable(Path.of(java)),
                java
                        + " not found: the jar is not checked on that JDK here"
                        + " (point -Djava25.home at a Temurin 25 to check it)");
        assertThat(JAR).as("built by the package phase").exists();
        List<String> command = new ArrayList<>(List.of(java));
        command.addAll(List.of(args));
        Path output = dir.resolve("output.txt");
        Process process =
                new ProcessBuilder(command)
                        .redirectErrorStream(true)
                        .redirectOutput(output.toFile())
                        .start();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(String.join(" ", command) + " still running after 120 s");
        }
        return new Run(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
    }

    private record Run(int exitCode, String output) {}
}
