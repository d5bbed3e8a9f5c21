package dev.pulse.access.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.pulse.access.security.AccessPolicy;
import dev.pulse.access.security.AccessScope;
import dev.pulse.access.security.Principal;
import dev.pulse.access.security.Role;
import dev.pulse.access.security.ScopeSpec;
import dev.pulse.access.security.UserDirectory;
import dev.pulse.access.testing.Scores;
import dev.pulse.topologies.health.HealthScore;
import dev.pulse.topologies.topic.PulseTopics;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LiveScoresTest {
    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");

    private final LiveScores live = new LiveScores(Duration.ofMillis(20));

    @AfterEach
    void close() {
        live.close();
    }

    @Test
    void aWatcherGetsTheNewestScoreOfEachAccountInItsScopeOnly() {
        List<List<HealthScore>> batches = new CopyOnWriteArrayList<>();
        live.subscribe(() -> onlyTenant("acme"), batches::add);

        live.offer("acme", bytes(score("acme", 50)));
        live.offer("acme", bytes(score("acme", 60)));
        live.offer("globex", bytes(score("globex", 20)));

        await().atMost(Duration.ofSeconds(5)).until(() -> !batches.isEmpty());
        List<HealthScore> seen = batches.stream().flatMap(List::stream).toList();
        assertThat(seen).extracting(HealthScore::tenantId).containsOnly("acme");
        assertThat(seen.get(seen.size() - 1).score()).isEqualTo(60);
    }

    @Test
    void nothingIsKeptWhileNobodyWatchesAndClosingStopsDelivery() throws Exception {
        live.offer("acme", bytes(score("acme", 50)));
        List<List<HealthScore>> batches = new CopyOnWriteArrayList<>();
        AutoCloseable subscription = live.subscribe(() -> onlyTenant("acme"), batches::add);
        live.offer("acme", bytes(score("acme", 70)));
        await().atMost(Duration.ofSeconds(5)).until(() -> !batches.isEmpty());
        assertThat(batches.get(0)).extracting(HealthScore::score).containsExactly(70.0);

        subscription.close();
        assertThat(live.subscriberCount()).isZero();
        live.offer("acme", bytes(score("acme", 80)));
        // With no subscriber the score is dropped at once, not queued for later.
        live.subscribe(() -> onlyTenant("acme"), batches::add);
        live.offer("acme", bytes(score("acme", 90)));
        await().atMost(Duration.ofSeconds(5)).until(() -> batches.size() >= 2);
        assertThat(batches.get(1)).extracting(HealthScore::score).containsExactly(90.0);
    }

    private static byte[] bytes(HealthScore score) {
        return PulseTopics.HEALTH_SCORES
                .valueSerde()
                .serializer()
                .serialize(PulseTopics.HEALTH_SCORES.name(), score);
    }

    private static HealthScore score(String tenant, double value) {
        return Scores.score(tenant, value, NOW);
    }

    /** The scope of a customer admin of {@code tenant}, as the policy gives it. */
    private static AccessScope onlyTenant(String tenant) {
        AccessPolicy policy = new AccessPolicy(UserDirectory.of(List.of()), t -> Optional.empty());
        return policy.scopeFor(
                new Principal(
                        "admin@" + tenant,
                        "admin@" + tenant,
                        Role.CUSTOMER_ADMIN,
                        ScopeSpec.tenant(tenant),
                        "test"));
    }
}
