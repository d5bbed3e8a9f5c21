package dev.pulse.notify.channel;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * Where and how e-mail is sent.
 *
 * @param security {@code starttls} (port 587, upgrade required), {@code smtps} (TLS from the first
 *     byte, port 465) or {@code none} (local relays and tests only)
 * @param username empty for a relay without authentication
 * @param from the sender, e.g. {@code Pulse <alerts@example.com>}
 * @param linkBaseUrl prefix of account links in messages, e.g. {@code https://pulse.example.com}
 * @param timeout connect, read and write timeout of the SMTP connection
 */
public record EmailSettings(
        String host,
        int port,
        Security security,
        String username,
        String password,
        String from,
        String linkBaseUrl,
        Duration timeout) {

    public EmailSettings {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("notifier.email.host is empty");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("notifier.email.port " + port + " is not a port");
        }
        Objects.requireNonNull(security, "notifier.email.security");
        if (from == null || from.isBlank()) {
            throw new IllegalArgumentException("notifier.email.from is empty");
        }
        username = username == null ? "" : username;
        password = password == null ? "" : password;
        linkBaseUrl = linkBaseUrl == null ? "" : linkBaseUrl.replaceAll("/+$", "");
        timeout = timeout == null ? Duration.ofSeconds(10) : timeout;
    }

    public boolean authenticated() {
        return !username.isBlank();
    }

    /** Transport security of the SMTP connection. */
    public enum Security {
        NONE,
        STARTTLS,
        SMTPS;

        public static Security fromLabel(String label) {
            try {
                return valueOf(label.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException | NullPointerException e) {
                throw new IllegalArgumentException(
                        "notifier.email.security '"
                                + label
                                + "' is not one of starttls, smtps, none");
            }
        }
    }
}
