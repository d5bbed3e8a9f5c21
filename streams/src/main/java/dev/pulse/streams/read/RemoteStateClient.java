package dev.pulse.streams.read;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JavaType;
import dev.pulse.topologies.alert.Alert;
import dev.pulse.topologies.followup.FollowUp;
import dev.pulse.topologies.health.HealthScore;
import dev.pulse.topologies.json.PulseJson;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.streams.state.HostInfo;

/**
 * Reads tenant state from the Pulse instance that owns it, over that instance's internal HTTP
 * routes (served by the query API from its local stores only, so requests never bounce).
 */
public final class RemoteStateClient {
    /** Path prefix of the internal routes; the query API serves the same paths. */
    public static final String PREFIX = "/internal/v1";

    /** Header carrying the deployment's shared internal token; the API checks it. */
    public static final String TOKEN_HEADER = "X-Pulse-Internal-Token";

    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private final String internalToken;
    private final HttpClient http =
            HttpClient.newBuilder()
                    .connectTimeout(Duration.ofSeconds(2))
                    .version(HttpClient.Version.HTTP_1_1)
                    .build();

    public RemoteStateClient(String internalToken) {
        this.internalToken = internalToken;
    }

    Map<String, HealthScore> currentScores(HostInfo host, Collection<String> tenants) {
        String query =
                tenants.stream().map(t -> "tenant=" + encode(t)).collect(Collectors.joining("&"));
        return get(
                host,
                PREFIX + "/scores?" + query,
                new TypeReference<Map<String, HealthScore>>() {});
    }

    List<HealthScore> dailyScores(HostInfo host, String tenant, Instant from, Instant to) {
        return get(
                host,
                tenantPath(tenant, "daily-scores") + range(from, to),
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
                tenantPath(tenant, "engagement") + range(from, to) + "&granularity=" + granularity,
                new TypeReference<List<EngagementPoint>>() {});
    }

    EngagementTotals engagementTotals(HostInfo host, String tenant, Instant from, Instant to) {
        return get(
                host,
                tenantPath(tenant, "engagement-totals") + range(from, to),
                new TypeReference<EngagementTotals>() {});
    }

    List<Alert> alerts(HostInfo host, String tenant) {
        return get(host, tenantPath(tenant, "alerts"), new TypeReference<List<Alert>>() {});
    }

    List<AlertTransition> alertHistory(HostInfo host, String tenant, Instant from, Instant to) {
        return get(
                host,
                tenantPath(tenant, "alert-history") + range(from, to),
                new TypeReference<List<AlertTransition>>() {});
    }

    List<FollowUp> followUps(HostInfo host, String tenant) {
        return get(host, tenantPath(tenant, "follow-ups"), new TypeReference<List<FollowUp>>() {});
    }

    private <T> T get(HostInfo host, String pathAndQuery, TypeReference<T> type) {
        URI uri = URI.create("http://" + host.host() + ":" + host.port() + pathAndQuery);
        HttpRequest request =
                HttpRequest.newBuilder(uri)
                        .timeout(TIMEOUT)
                        .header(TOKEN_HEADER, internalToken)
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
            return PulseJson.mapper().readValue(response.body(), javaType);
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
                "the instance owning this tenant (" + host + ") " + problem,
                Duration.ofSeconds(2),
                cause);
    }

    private static String tenantPath(String tenant, String resource) {
        return PREFIX + "/tenants/" + encode(tenant) + "/" + resource;
    }

    private static String range(Instant from, Instant to) {
        return "?from=" + encode(from.toString()) + "&to=" + encode(to.toString());
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
