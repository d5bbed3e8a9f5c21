import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * Fails the dashboard build with advice when Node.js is missing or older than the minimum given
 * as the first argument. Run by Maven as a single-file Java program ({@code java CheckNode.java
 * 20.19.0}), so it behaves the same on every operating system and shell.
 */
public final class CheckNode {
    private static final String HOW_TO_INSTALL =
            "Install Node.js %s or newer (an LTS release): from https://nodejs.org/en/download,"
                    + " with a version manager (nvm, fnm, volta), or on Debian/Ubuntu from"
                    + " NodeSource (https://github.com/nodesource/distributions), then make sure"
                    + " 'node' and 'npm' are on the PATH. To build without the web app, leave out"
                    + " the dashboard module: -pl '!dashboard,!query-api,!app'.";

    public static void main(String[] args) throws InterruptedException {
        String minimum = args.length > 0 ? args[0] : "20.19.0";
        String found;
        try {
            Process node =
                    new ProcessBuilder(isWindows() ? "node.exe" : "node", "--version")
                            .redirectErrorStream(true)
                            .start();
            if (!node.waitFor(30, TimeUnit.SECONDS)) {
                node.destroyForcibly();
                fail("'node --version' did not answer within 30 s.", minimum);
            }
            found =
                    new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8)
                            .trim();
            if (node.exitValue() != 0) {
                fail("'node --version' failed: " + found, minimum);
            }
        } catch (IOException e) {
            fail("Node.js was not found on the PATH (" + e.getMessage() + ").", minimum);
            return;
        }
        if (compare(found.replaceFirst("^v", ""), minimum) < 0) {
            fail("Node.js " + found + " is too old for the dashboard build.", minimum);
        }
        System.out.println("[dashboard] Node.js " + found + " (needs " + minimum + " or newer)");
    }

    private static boolean isWindows() {
        return System.getProperty("os.name", "").toLowerCase().startsWith("windows");
    }

    /** Compares dotted versions number by number; a missing or odd part counts as 0. */
    static int compare(String a, String b) {
        String[] left = a.split("[.-]");
        String[] right = b.split("[.-]");
        for (int i = 0; i < 3; i++) {
            int difference = part(left, i) - part(right, i);
            if (difference != 0) {
                return difference;
            }
        }
        return 0;
    }

    private static int part(String[] parts, int i) {
        try {
            return i < parts.length ? Integer.parseInt(parts[i]) : 0;
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static void fail(String problem, String minimum) {
        System.err.println("[dashboard] " + problem);
        System.err.println("[dashboard] " + String.format(HOW_TO_INSTALL, minimum));
        System.exit(1);
    }
}
