package dev.pulse.streams.read;

import static dev.pulse.streams.read.InternalReadProtocol.ALERTS;
import static dev.pulse.streams.read.InternalReadProtocol.ALERT_HISTORY;
import static dev.pulse.streams.read.InternalReadProtocol.DAILY_SCORES;
import static dev.pulse.streams.read.InternalReadProtocol.ENGAGEMENT;
import static dev.pulse.streams.read.InternalReadProtocol.ENGAGEMENT_TOTALS;
import static dev.pulse.streams.read.InternalReadProtocol.FOLLOW_UPS;
import static dev.pulse.streams.read.InternalReadProtocol.FUNNEL_DAYS;
import static dev.pulse.streams.read.InternalReadProtocol.SCORES;
import static dev.pulse.streams.read.InternalReadProtocol.path;
import static dev.pulse.streams.read.InternalReadProtocol.rangeQuery;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JavaType;
import dev.pulse.topologies.alert.Alert;
import dev.pulse.topologies.followup.FollowUp;
import dev.pulse.topologies.funnel.FunnelDay;
import dev.pulse.topologies.health.HealthScore;
import dev.pulse.topologies.journey.JourneyState;
import dev.pulse.topologies.json.PulseJson;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.streams.state.HostInfo;

/**
 * Reads tenant state from the Pulse instance that owns it, over that instance's internal HTTP
 * routes ({@link InternalReadProtocol}, served by the query API from its local stores only, so
 * requests never bounce).
 */
public final class RemoteStateClient {
    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private final String internalToken;
    private final HttpClient http;
    private final boolean copies;

    public RemoteStateClient(String internalToken) {
        this(
                internalToken,
                HttpClient.newBuilder()
                        .connectTimeout(Duration.ofSeconds(2))
                        .version(HttpClient.Version.HTTP_1_1)
                        .build(),
                false);
    }

    private RemoteStateClient(String internalToken, HttpClient http, boolean copies) {
        this.internalToken = internalToken;
        this.http = http;
        this.copies = copies;
    }

    /**
     * The same reads, answered by the other instance's copy of the state (standby or restoring
     * included): what a failover asks while the owner is gone. Answers note their staleness in
     * {@link ReadFreshness}.
     */
    RemoteStateClient copies() {
        return new RemoteStateClient(internalToken, http, true);
    }

    Map<String, HealthScore> currentScores(HostInfo host, Collection<String> tenants) {
        return batch(host, SCORES, tenants, "", new TypeReference<Map<String, HealthScore>>() {});
    }

    Map<String, JourneyState> journeys(HostInfo host, Collection<String> tenants) {
        return batch(
                host,
                InternalReadProtocol.JOURNEYS,
                tenants,
                "",
                new TypeReference<Map<String, JourneyState>>() {});
    }

    /**
     * A batch route for many tenants, in as few calls as the request line allows ({@link
     * InternalReadProtocol#tenantsQueries}): hundreds of tenants do not fit one URL. {@code more}
     * (empty, or {@code &name=value…}) follows the tenants in every call.
     */
    private <V> Map<String, V> batch(
            HostInfo host,
            String route,
            Collection<String> tenants,
            String more,
            TypeReference<Map<String, V>> type) {
        Map<String, V> found = new LinkedHashMap<>();
        for (String query : InternalReadProtocol.tenantsQueries(tenants)) {
            found.putAll(get(host, route + query + more, type));
        }
        return found;
    }

    Map<String, List<FunnelDay>> funnelDays(
            HostInfo host, Collection<String> tenants, Instant from, Instant to) {
        return batch(
                host,
                FUNNEL_DAYS,
                tenants,
                "&" + rangeQuery(from, to).substring(1),
                new TypeReference<Map<String, List<FunnelDay>>>() {});
    }

    List<HealthScore> dailyScores(HostInfo host, String tenant, Instant from, Instant to) {
        return get(
                host,
                path(DAILY_SCORES, tenant) + rangeQuery(from, to),
                new TypeReference<List<HealthScore>>() {});
    }

    List<EngagementPoint> engagement(
            HostInfo host,
            String tenant,
            TenantStateReader.Granularity granularity,
            Instant from,
            Instant to) {
        return get(
                host,
                path(ENGAGEMENT, tenant)
                        + rangeQuery(from, to)
                        + "&"
                        + InternalReadProtocol.GRANULARITY
                        + "="
                        + granularity,
                new TypeReference<List<EngagementPoint>>() {});
    }

    EngagementTotals engagementTotals(HostInfo host, String tenant, Instant from, Instant to) {
        return get(
                host,
                path(ENGAGEMENT_TOTALS, tenant) + rangeQuery(from, to),
                new TypeReference<EngagementTotals>() {});
    }

    List<Alert> alerts(HostInfo host, String tenant) {
        return get(host, path(ALERTS, tenant), new TypeReference<List<Alert>>() {});
    }

    Optional<Alert> alert(HostInfo host, String tenant, String rule) {
        return Optional.ofNullable(
                get(
                        host,
                        InternalReadProtocol.alertPath(tenant, rule),
                        new TypeReference<Alert>() {}));
    }

    List<AlertTransition> alertHistory(HostInfo host, String tenant, Instant from, Instant to) {
        return get(
                host,
                path(ALERT_HISTORY, tenant) + rangeQuery(from, to),
                new TypeReference<List<AlertTransition>>() {});
    }

    List<FollowUp> followUps(HostInfo host, String tenant) {
        return get(host, path(FOLLOW_UPS, tenant), new TypeReference<List<FollowUp>>() {});
    }

    private <T> T get(HostInfo host, String route, TypeReference<T> type) {
        String pathAndQuery =
                copies
                        ? route
                                + (route.contains("?") ? "&" : "?")
                                + ReadFreshness.COPY_PARAM
                                + "=true"
                        : route;
        URI uri = URI.create("http://" + host.host() + ":" + host.port() + pathAndQuery);
        HttpRequest request =
                HttpRequest.newBuilder(uri)
                        .timeout(TIMEOUT)
                        .header(InternalReadProtocol.TOKEN_HEADER, internalToken)
                        .GET()
                        .build();
        try {
            HttpResponse<byte[]> response =
                    http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw unavailable(
                        host, "answered " + response.statusCode() + " for " + pathAndQuery, null);
            }
            JavaType javaType = PulseJson.mapper().getTypeFactory().constructType(type);
            T value = PulseJson.mapper().readValue(response.body(), javaType);
            ReadFreshness.readFromCopy(
                    response.headers().firstValue(ReadFreshness.STALE_HEADER).orElse(null));
            return value;
        } catch (IOException e) {
            throw unavailable(host, "could not be read: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable(host, "read interrupted", e);
        }
    }

    private static StateUnavailableException unavailable(
            HostInfo host, String problem, Throwable cause) {
        return new StateUnavailableException(
                "the instance holding this tenant (" + host + ") " + problem,
                Duration.ofSeconds(2),
                cause);
    }
}
