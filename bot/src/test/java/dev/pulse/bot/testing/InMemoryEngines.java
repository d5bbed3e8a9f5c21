package dev.pulse.bot.testing;

import dev.pulse.access.audit.AuditLog;
import dev.pulse.access.security.AccessPolicy;
import dev.pulse.access.security.UserDirectory;
import dev.pulse.access.segments.SegmentStore;
import dev.pulse.access.testing.InMemoryState;
import dev.pulse.bot.core.PulseBotEngine;
import dev.pulse.topologies.funnel.FunnelDefinitions;
import dev.pulse.topologies.health.HealthModel;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** The real engine, use cases and access policy over in-memory tenant state, at a fixed instant. */
public final class InMemoryEngines {
    private InMemoryEngines() {}

    /**
     * @param segments where saved segments are kept; null where none are
     */
    public static PulseBotEngine over(
            InMemoryState state,
            UserDirectory directory,
            AuditLog audit,
            Instant now,
            SegmentStore segments) {
        return new PulseBotEngine(
                state,
                new AccessPolicy(directory, state::account),
                directory,
                audit,
                state,
                Clock.fixed(now, ZoneOffset.UTC),
                ZoneId.of("UTC"),
                "https://pulse.example",
                new HealthModel.Bands(70, 40),
                null,
                segments,
                FunnelDefinitions.NONE);
    }
}
