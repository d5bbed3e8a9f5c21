package dev.pulse.app.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A file Pulse reads its rules from at start (health model, alert rules, funnels, journey, user
 * directory), named by a setting of {@code pulse.yaml}. Only the setting's default, {@code
 * config/<name>} relative to the working directory, may be missing: then the copy bundled in the
 * jar stands in (a jar run from anywhere works on its defaults). Any other path must exist — a typo
 * must not quietly run a deployment on the demo's users or the shipped model.
 */
public final class ConfigFile {
    private static final Logger LOG = LoggerFactory.getLogger(ConfigFile.class);
    private static final String DEFAULT_DIRECTORY = "config/";

    private ConfigFile() {}

    /**
     * Reads and parses the file; a parser's {@link IllegalArgumentException} comes back prefixed
     * with where the text came from.
     *
     * @param setting the {@code pulse.yaml} key, for messages (e.g. {@code healthModel})
     * @param location the configured path
     * @param bundledName the file's name under {@code config/} in the jar and in the default path
     * @throws IllegalArgumentException when a configured path other than the default does not
     *     exist, or the parser refuses the text
     */
    public static <T> T parse(
            String setting, String location, String bundledName, Function<String, T> parser) {
        Path file = Path.of(location);
        String origin;
        String text;
        if (Files.isRegularFile(file)) {
            origin = file.toString();
            text = read(file);
        } else if (location.equals(DEFAULT_DIRECTORY + bundledName)) {
            origin = "the " + bundledName + " bundled in the jar";
            text = bundled(bundledName);
            LOG.info("{}: no {} here; using {}", setting, location, origin);
        } else {
            throw new IllegalArgumentException(
                    setting
                            + ": no file at "
                            + file.toAbsolutePath()
                            + " (only the default "
                            + DEFAULT_DIRECTORY
                            + bundledName
                            + " falls back to the copy bundled in the jar)");
        }
        try {
            return parser.apply(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(origin + ": " + e.getMessage(), e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private static String bundled(String name) {
        try (InputStream in = ConfigFile.class.getResourceAsStream("/config/" + name)) {
            if (in == null) {
                throw new IllegalStateException("the jar has no bundled config/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the bundled config/" + name, e);
        }
    }
}
