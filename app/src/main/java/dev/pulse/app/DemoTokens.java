package dev.pulse.app;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/** The demo's ready-made tokens, also written as a shell file to {@code source}. */
record DemoTokens(String sarah, String marcus, String admin, Path file) {
    static final String VP = "marcus.webb@demo.pulse.dev";
    static final String ADMIN = "admin@demo.pulse.dev";
    private static final Duration VALIDITY = Duration.ofHours(12);

    static DemoTokens mint(DemoIdentityProvider idp, String accountManager, Path file)
            throws IOException {
        DemoTokens tokens =
                new DemoTokens(
                        idp.tokenFor(accountManager, VALIDITY),
                        idp.tokenFor(VP, VALIDITY),
                        idp.tokenFor(ADMIN, VALIDITY),
                        file);
        Files.writeString(
                file,
                "# Pulse demo tokens, valid 12 hours. Use: source "
                        + file
                        + "\n"
                        + "export SARAH='"
                        + tokens.sarah
                        + "'\n"
                        + "export MARCUS='"
                        + tokens.marcus
                        + "'\n"
                        + "export ADMIN='"
                        + tokens.admin
                        + "'\n",
                StandardCharsets.UTF_8);
        return tokens;
    }
}
