package dev.pulse.bot.slack;

/** Slack answered {@code ok: false}: {@link #error()} is Slack's error code. */
final class SlackErrorException extends RuntimeException {
    private final String error;

    SlackErrorException(String method, String error) {
        super("Slack " + method + " failed: " + error);
        this.error = error;
    }

    String error() {
        return error;
    }
}
