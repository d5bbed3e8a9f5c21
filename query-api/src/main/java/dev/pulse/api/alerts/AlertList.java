package dev.pulse.api.alerts;

import dev.pulse.topologies.alert.Alert;
import java.time.Instant;
import java.util.List;

/**
 * The answer of {@code GET /v1/alerts}.
 *
 * @param count how many alerts are listed
 * @param truncated whether more matched than the limit allowed
 * @param alerts newest state change first
 * @param asOf when the list was read
 */
public record AlertList(int count, boolean truncated, List<Alert> alerts, Instant asOf) {}
