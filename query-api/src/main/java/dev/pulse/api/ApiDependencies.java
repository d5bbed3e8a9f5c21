package dev.pulse.api;

import dev.pulse.access.segments.SegmentStore;
import dev.pulse.api.admin.WarehouseAdmin;
import dev.pulse.api.auth.ApiSecurity;
import dev.pulse.api.notifications.NotificationAccess;
import dev.pulse.api.reports.ReportSettings;
import dev.pulse.api.signin.OidcClient;
import dev.pulse.streams.ingest.EventPublisher;
import dev.pulse.streams.read.TenantStateReader;
import dev.pulse.streams.runtime.RestoreProgress;
import dev.pulse.topologies.funnel.FunnelDefinitions;
import dev.pulse.topologies.journey.JourneyModel;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.ext.web.Router;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * What the API reads, writes and reports to.
 *
 * @param reader finds tenant state wherever it lives; public routes read through it, but only ever
 *     wrapped in the caller's scope by the authentication handler
 * @param localReader reads only this instance's stores; the internal routes other instances call
 *     use it, so a remote read never hops twice
 * @param publisher writes accepted events and accounts to Kafka
 * @param registry where API and ingest metrics go and what {@code /metrics} exposes
 * @param ready true once state is restored and the instance may serve reads
 * @param clock "now" for default ranges, event validation, {@code asOf} and audit times
 * @param security authentication, authorization, audit and rate limits
 * @param notifications the in-app feed and preferences; {@link NotificationAccess#DISABLED} when
 *     this instance runs no notifier
 * @param extraRoutes mounts routes of other front ends (the chat platforms' webhooks), which
 *     authenticate their callers themselves (platform signatures) and write their own audit entries
 * @param oidc the OpenID Connect client of browser sign-in ({@code /auth/...}); null when browser
 *     sign-in is off. Needs {@link ApiSecurity#sessions()}.
 * @param reports the score chart's band lines and how many reports render at once
 * @param warehouse the warehouse's state for {@code /health/ready} and its admin actions; {@link
 *     WarehouseAdmin#NONE} without one
 * @param restoring the state stores restoring from changelogs now, which {@code /health/ready}
 *     details while the instance is not ready; empty when nothing restores
 * @param segments where saved segments are kept; null where this instance keeps none (the segment
 *     routes are not mounted: 404, and {@code segment=} names an unknown segment)
 * @param funnels the product adoption funnels {@code /v1/funnels} reports; {@link
 *     FunnelDefinitions#NONE} without any
 * @param journey the journey stages, for their labels and kinds in the journey routes
 */
public record ApiDependencies(
        TenantStateReader reader,
        TenantStateReader localReader,
        EventPublisher publisher,
        PrometheusMeterRegistry registry,
        BooleanSupplier ready,
        Clock clock,
        ApiSecurity security,
        NotificationAccess notifications,
        Consumer<Router> extraRoutes,
        OidcClient oidc,
        ReportSettings reports,
        WarehouseAdmin warehouse,
        Supplier<List<RestoreProgress.Restoring>> restoring,
        SegmentStore segments,
        FunnelDefinitions funnels,
        JourneyModel journey) {

    public ApiDependencies {
        Objects.requireNonNull(notifications, "notifications");
        Objects.requireNonNull(extraRoutes, "extraRoutes");
        Objects.requireNonNull(reader, "reader");
        Objects.requireNonNull(localReader, "localReader");
        Objects.requireNonNull(publisher, "publisher");
        Objects.requireNonNull(registry, "registry");
        Objects.requireNonNull(ready, "ready");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(security, "security");
        Objects.requireNonNull(reports, "reports");
        Objects.requireNonNull(warehouse, "warehouse");
        Objects.requireNonNull(restoring, "restoring");
        Objects.requireNonNull(funnels, "funnels");
        Objects.requireNonNull(journey, "journey");
        if (oidc != null && security.sessions() == null) {
            throw new IllegalArgumentException("browser sign-in needs browser sessions");
        }
    }
}
