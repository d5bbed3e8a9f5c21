package dev.pulse.access.reports;

import java.util.Objects;
import java.util.UUID;

/**
 * Where an export was asked for, for its audit entry.
 *
 * @param channel the front end: {@code HTTP}, {@code SLACK}, {@code SCHEDULE}, ...
 * @param remote the client address or platform user
 * @param requestId correlates the export with the front end's own audit entry and logs
 */
public record ExportOrigin(String channel, String remote, String requestId) {
    public ExportOrigin {
        Objects.requireNonNull(channel, "channel");
        remote = remote == null ? "unknown" : remote;
        requestId = requestId == null ? UUID.randomUUID().toString() : requestId;
    }
}
