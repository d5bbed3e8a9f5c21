package dev.pulse.notify.model;

import dev.pulse.topologies.alert.Severity;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * How one person wants to be told, on the compacted {@code pulse.notification-preferences.v1} keyed
 * by e-mail. People without a record get the configured defaults.
 *
 * @param severities the severities they are told about at all
 * @param channels where: {@value #IN_APP} (the feed) and push channels such as {@value #EMAIL}
 * @param quietHours push channels wait until these end; null for none
 * @param digest push notifications are collected into one message a day at {@code digestAt}
 * @param timeZone IANA zone of quiet hours and digest time
 * @param updatedAt when they were last changed; null for the defaults
 */
public record NotificationPreferences(
        String user,
        Set<Severity> severities,
        List<String> channels,
        QuietHours quietHours,
        boolean digest,
        LocalTime digestAt,
        String timeZone,
        Instant updatedAt) {
    public static final String IN_APP = "in-app";
    public static final String EMAIL = "email";

    public NotificationPreferences {
        Objects.requireNonNull(user, "user");
        severities =
                severities == null || severities.isEmpty()
                        ? EnumSet.noneOf(Severity.class)
                        : EnumSet.copyOf(severities);
        channels = channels == null ? List.of() : List.copyOf(channels);
        digestAt = digestAt == null ? LocalTime.of(8, 0) : digestAt;
        timeZone = timeZone == null || timeZone.isBlank() ? "UTC" : timeZone;
        try {
            ZoneId.of(timeZone);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException(
                    "timeZone '" + timeZone + "' is not an IANA time zone such as Europe/Berlin");
        }
    }

    public ZoneId zone() {
        return ZoneId.of(timeZone);
    }

    public boolean wants(Severity severity) {
        return severities.contains(severity);
    }

    public boolean wantsInApp() {
        return channels.contains(IN_APP);
    }

    /** The push channels chosen, in order, without the in-app feed. */
    public List<String> pushChannels() {
        List<String> push = new ArrayList<>(channels);
        push.remove(IN_APP);
        return push;
    }

    /** These preferences with only those of their channels that are in {@code available}. */
    public NotificationPreferences keepingChannels(Set<String> available) {
        List<String> kept = channels.stream().filter(available::contains).toList();
        return new NotificationPreferences(
                user, severities, kept, quietHours, digest, digestAt, timeZone, updatedAt);
    }

    public NotificationPreferences forUser(String email, Instant at) {
        return new NotificationPreferences(
                email, severities, channels, quietHours, digest, digestAt, timeZone, at);
    }
}
