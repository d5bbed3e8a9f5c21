package dev.pulse.app.bench.dashboard;

import java.net.URI;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a Chromium started with {@code --remote-debugging-port=0} listens: it picks a free port and
 * announces the browser's WebSocket on stderr, {@code DevTools listening on ws://…}.
 */
final class DevToolsAddress {
    private static final Pattern LINE = Pattern.compile("DevTools listening on (ws://\\S+)");

    private DevToolsAddress() {}

    /** The browser's DevTools WebSocket address, if {@code stderrLine} is the announcement. */
    static Optional<URI> parse(String stderrLine) {
        Matcher matcher = LINE.matcher(stderrLine);
        return matcher.find() ? Optional.of(URI.create(matcher.group(1))) : Optional.empty();
    }
}
