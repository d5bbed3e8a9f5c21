package dev.pulse.api.notifications;

import dev.pulse.topologies.health.Band;
import dev.pulse.topologies.health.HealthScore;
import java.time.Instant;

/** The data of an {@code event: score} on the notification stream: what a portfolio row shows. */
record ScoreEvent(
        String tenantId,
        double score,
        Band band,
        Instant asOf,
        Double delta7d,
        Double delta30d,
        String topReason,
        Instant lastEventAt) {

    static ScoreEvent of(HealthScore s) {
        return new ScoreEvent(
                s.tenantId(),
                s.score(),
                s.band(),
                s.asOf(),
                s.delta7d(),
                s.delta30d(),
                s.topReason(),
                s.lastEventAt());
    }
}
