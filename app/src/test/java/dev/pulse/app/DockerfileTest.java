package dev.pulse.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pulse.app.config.ConfigLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Dockerfile against Pulse, without Docker: a build stage and a runtime stage, a non-root user,
 * a health check on {@code /health/ready} at the API port, the state directory on a volume, and
 * only {@code PULSE_*} variables Pulse reads.
 */
class DockerfileTest {
    private static final Pattern ENV_PAIR = Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)=(\\S+)");

    /** Instructions with their line continuations joined, comments dropped. */
    static List<String[]> instructions;

    static int apiPort;

    @BeforeAll
    static void parse() throws IOException {
        instructions = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : Files.readAllLines(ComposeFileTest.ROOT.resolve("Dockerfile"))) {
            String trimmed = line.strip();
            if (trimmed.startsWith("#") || (trimmed.isEmpty() && current.isEmpty())) {
                continue;
            }
            boolean continues = trimmed.endsWith("\\");
            current.append(continues ? trimmed.substring(0, trimmed.length() - 1) : trimmed)
                    .append(' ');
            if (!continues) {
                String[] parts = current.toString().strip().split("\\s+", 2);
                instructions.add(
                        new String[] {parts[0].toUpperCase(), parts.length > 1 ? parts[1] : ""});
                current.setLength(0);
            }
        }
        apiPort = ConfigLoader.load(null, Map.of()).api().port();
    }

    @Test
    void buildsInOneStageAndRunsInAnother() {
        List<String> from = arguments("FROM", true);
        assertThat(from).hasSizeGreaterThanOrEqualTo(2);
        assertThat(String.join(" ", arguments("COPY", false))).contains("--from=build");
        assertThat(from).allSatisfy(image -> assertThat(image).doesNotContain(":latest"));
        assertThat(from.get(from.size() - 1)).contains("-jre");
    }

    @Test
    void runsAsANonRootUser() {
        List<String> users = arguments("USER", false);
        assertThat(users).isNotEmpty();
        String user = users.get(users.size() - 1).split(":")[0];
        assertThat(user).isNotIn("root", "0");
    }

    @Test
    void checksHealthOnReadinessAtTheApiPort() {
        assertThat(arguments("HEALTHCHECK", false))
                .singleElement()
                .asString()
                .contains("http://localhost:" + apiPort + "/health/ready");
        assertThat(arguments("EXPOSE", false)).containsExactly(String.valueOf(apiPort));
    }

    @Test
    void keepsTheStateDirectoryOnAVolume() {
        Map<String, String> env = environment();
        String stateDir = ConfigLoader.load(null, env).streams().stateDir();
        assertThat(String.join(" ", arguments("VOLUME", false)))
                .satisfies(
                        volumes ->
                                assertThat(
                                                Arrays.stream(volumes.split("[\\[\\]\", ]+"))
                                                        .filter(v -> !v.isEmpty()))
                                        .anyMatch(v -> stateDir.startsWith(v + "/")));
    }

    @Test
    void setsOnlyVariablesPulseReads() {
        assertThat(environment()).isNotEmpty();
        assertThat(PulseEnvironment.unread(environment().keySet())).isEmpty();
    }

    @Test
    void runsTheJarHeadless() {
        assertThat(arguments("ENTRYPOINT", false))
                .singleElement()
                .asString()
                .contains("-Djava.awt.headless=true")
                .contains("pulse.jar");
    }

    @Test
    void copiesFilesThatExist() {
        for (String copy : arguments("COPY", false)) {
            if (copy.startsWith("--from")) {
                continue;
            }
            String[] parts = copy.split("\\s+");
            for (int i = 0; i < parts.length - 1; i++) {
                if (!parts[i].equals(".")) {
                    assertThat(ComposeFileTest.ROOT.resolve(parts[i])).exists();
                }
            }
        }
    }

    private static List<String> arguments(String instruction, boolean firstWordOnly) {
        List<String> found = new ArrayList<>();
        for (String[] line : instructions) {
            if (line[0].equals(instruction)) {
                found.add(firstWordOnly ? line[1].split("\\s+")[0] : line[1].strip());
            }
        }
        return found;
    }

    /** The ENV of the runtime stage (after the last FROM). */
    private static Map<String, String> environment() {
        Map<String, String> env = new LinkedHashMap<>();
        for (String[] line : instructions) {
            if (line[0].equals("FROM")) {
                env.clear();
            } else if (line[0].equals("ENV")) {
                Matcher pair = ENV_PAIR.matcher(line[1]);
                while (pair.find()) {
                    env.put(pair.group(1), pair.group(2));
                }
            }
        }
        return env;
    }
}
