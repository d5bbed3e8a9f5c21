package dev.pulse.api.signin;

import java.util.Optional;

/**
 * Where the browser goes after signing in: only a path on Pulse itself. Anything that a browser
 * could read as another site ({@code //evil.example}, {@code /\evil.example}, {@code
 * https://evil.example}, {@code javascript:}) is refused, so the sign-in cannot be used as an open
 * redirect.
 */
public final class ReturnTo {
    public static final String HOME = "/";
    static final int MAX_LENGTH = 2048;

    private ReturnTo() {}

    /** The path to return to: {@link #HOME} when none is asked for, empty when it is refused. */
    public static Optional<String> parse(String requested) {
        if (requested == null || requested.isEmpty()) {
            return Optional.of(HOME);
        }
        if (requested.length() > MAX_LENGTH
                || !requested.startsWith("/")
                || requested.startsWith("//")
                || requested.indexOf('\\') >= 0
                || requested.chars().anyMatch(c -> c < 0x21 || c == 0x7f)) {
            return Optional.empty();
        }
        return Optional.of(requested);
    }
}
