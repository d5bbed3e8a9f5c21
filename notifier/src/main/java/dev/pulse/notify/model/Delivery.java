package dev.pulse.notify.model;

import java.util.List;

/**
 * What a channel is asked to send in one go: one notification, or a person's digest of several.
 *
 * @param id stable across retries, so a channel can tell a receiver it is the same message (the
 *     e-mail Message-ID is derived from it)
 * @param entries the outbox entries this delivery settles
 */
public record Delivery(String id, String channel, String recipient, List<OutboxEntry> entries) {
    public Delivery {
        entries = List.copyOf(entries);
    }

    public boolean digest() {
        return entries.size() > 1 || entries.get(0).digest();
    }

    public List<Notification> notifications() {
        return entries.stream().map(OutboxEntry::notification).toList();
    }

    public int attempt() {
        return entries.stream().mapToInt(OutboxEntry::attempts).max().orElse(0) + 1;
    }
}
