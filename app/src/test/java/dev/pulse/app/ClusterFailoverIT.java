package dev.pulse.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.pulse.streams.broker.EmbeddedKafkaCluster;
import dev.pulse.streams.read.InternalReadProtocol;
import dev.pulse.streams.read.ReadFreshness;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Pulse as it is deployed: a replicated three-node Kafka cluster and two Pulse instances, each a
 * process of its own sharing the work with one standby replica each. While events flow and a client
 * keeps reading, one instance is killed ({@code kill -9}) and restarted, round after round, in the
 * style of Kafka's own exactly-once system test: the survivor must keep answering every tenant
 * (from its standby copies, saying so, until the rebalance hands it the work), the restarted
 * instance must serve again promptly, and in the end both must count every acknowledged event
 * exactly once.
 *
 * <p>Two rounds in CI (each instance killed once); {@code -Dpulse.soak.rounds=N} makes it a soak.
 * The figures (remote hop, failover gap, restart to serving) are printed for docs/deployment.md.
 */
// Its 40 s restart bounds would measure its neighbours, so it runs on its own after the other
// ITs (app/pom.xml): beside the bench IT, or the Flink and browser ITs, restarts took 44-50 s.
@Tag("alone")
class ClusterFailoverIT {
    private static final int ROUNDS = Integer.getInteger("pulse.soak.rounds", 2);
    private static final Duration FAILOVER_WITHIN = Duration.ofSeconds(10);

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir static Path dir;
    private static EmbeddedKafkaCluster cluster;

    @BeforeAll
    static void startCluster() {
        cluster = EmbeddedKafkaCluster.start(dir.resolve("kafka"), 3);
    }

    @AfterAll
    static void stopCluster() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void killedInstancesFailOverWithinSecondsAndEveryEventCountsOnce() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String appId = "failover-" + run;
        List<String> tenants =
                IntStream.range(0, 12).mapToObj(i -> "failover-" + run + "-" + i).toList();
        List<String> figures = new ArrayList<>();

        try (PulseProcess a = new PulseProcess("a", dir, cluster.bootstrapServers(), appId);
                PulseProcess b = new PulseProcess("b", dir, cluster.bootstrapServers(), appId)) {
            a.start();
            b.start();
            a.awaitReady(Duration.ofSeconds(180));
            b.awaitReady(Duration.ofSeconds(180));

            EventFlow events = EventFlow.start(cluster.bootstrapServers(), tenants);
            try (events) {
                // Every key answers from every instance.
                await().atMost(Duration.ofSeconds(120))
                        .pollInterval(Duration.ofMillis(200))
                        .until(() -> allAnswer(a, tenants) && allAnswer(b, tenants));
                figures.add(remoteHop(a, tenants));

                for (int round = 1; round <= ROUNDS; round++) {
                    PulseProcess victim = round % 2 == 1 ? b : a;
                    PulseProcess survivor = victim == a ? b : a;
                    try (QueryLoop queries = QueryLoop.start(survivor.port(), tenants)) {
                        await().atMost(Duration.ofSeconds(30))
                                .until(() -> queries.answers().size() >= tenants.size());
                        long killedAt = System.nanoTime();
                        victim.kill();
                        // The survivor owns every tenant once the group has noticed the death
                        // (session timeout) and rebalanced: then every answer is fresh again.
                        await().atMost(Duration.ofSeconds(120))
                                .pollInterval(Duration.ofMillis(250))
                                .until(() -> ownsAll(survivor, tenants));
                        QueryLoop.Failover failover = queries.since(killedAt);
                        figures.add(
                                "round "
                                        + round
                                        + ": killed "
                                        + victim.name()
                                        + "; longest a tenant went unanswered on "
                                        + survivor.name()
                                        + ": "
                                        + failover.longestUnanswered().toMillis()
                                        + " ms; "
                                        + failover.answers()
                                        + " answers, "
                                        + failover.staleAnswers()
                                        + " from standby copies (marked stale), "
                                        + failover.failures()
                                        + " failed "
                                        + failover.failuresByStatus()
                                        + " (status: count, -1 no answer); takeover after "
                                        + millisSince(killedAt)
                                        + " ms");
                        assertThat(failover.longestUnanswered())
                                .as(
                                        "longest gap on %s after killing %s",
                                        survivor.name(), victim.name())
                                .isLessThan(FAILOVER_WITHIN);
                        assertThat(failover.staleAnswers())
                                .as("answers read from standby copies while the owner was dead")
                                .isPositive();
                        // A copy that is behind or still restoring must not call a tenant unknown.
                        assertThat(failover.failuresByStatus())
                                .as("answers during the failover by status")
                                .doesNotContainKey(404);
                    }
                    Map<String, Long> countsBefore = new HashMap<>();
                    for (String tenant : tenants) {
                        countsBefore.put(tenant, events(survivor, tenant));
                    }
                    long restartedAt = System.nanoTime();
                    victim.start();
                    victim.awaitReady(Duration.ofSeconds(90));
                    long ready = millisSince(restartedAt);
                    // Killed, so its stores are wiped before the start, not after the group
                    // has handed it tasks as if their state were current.
                    assertThat(victim.log()).contains("did not stop cleanly");
                    List<String> tooLow = new ArrayList<>();
                    await().atMost(Duration.ofSeconds(60))
                            .pollInterval(Duration.ofMillis(100))
                            .until(() -> allAnswerAtLeast(victim, countsBefore, tooLow));
                    long answeringAll = millisSince(restartedAt);
                    // A partition the restarted instance owns but is still restoring is read from
                    // the standby that was its owner until now, not from the empty restoring copy.
                    assertThat(tooLow)
                            .as(
                                    "answers of %s counting fewer events than before its restart",
                                    victim.name())
                            .isEmpty();
                    figures.add(
                            "round "
                                    + round
                                    + ": "
                                    + victim.name()
                                    + " restarted: ready in "
                                    + ready
                                    + " ms, answering every tenant in "
                                    + answeringAll
                                    + " ms");
                    // Serving needs the group's assignment, not the restored copies. The target is
                    // 30 s; 12–21 s measured on 2 cores shared with three brokers and the other
                    // instance (docs/deployment.md). Asserted with headroom for a loaded CI
                    // machine.
                    assertThat(Duration.ofMillis(ready)).isLessThan(Duration.ofSeconds(40));
                    assertThat(Duration.ofMillis(answeringAll))
                            .as("restart to answering every tenant")
                            .isLessThan(Duration.ofSeconds(40));
                    // Killing the other before the restarted one holds a copy of every tenant
                    // would leave tenants with no copy anywhere: a real outage, not a failover.
                    long coverFrom = System.nanoTime();
                    await().atMost(Duration.ofSeconds(120))
                            .pollInterval(Duration.ofMillis(250))
                            .until(() -> holdsCopiesOfAll(victim, tenants));
                    figures.add(
                            "round "
                                    + round
                                    + ": "
                                    + victim.name()
                                    + " holds a copy of every tenant again "
                                    + millisSince(coverFrom)
                                    + " ms after ready");
                }
            }

            // Exactly once: every acknowledged event counted, none twice, on both instances.
            await().atMost(Duration.ofSeconds(120))
                    .pollInterval(Duration.ofMillis(500))
                    .untilAsserted(
                            () -> {
                                for (String tenant : tenants) {
                                    assertThat(events(a, tenant))
                                            .as("%s via a", tenant)
                                            .isEqualTo(events.acknowledged(tenant));
                                    assertThat(events(b, tenant))
                                            .as("%s via b", tenant)
                                            .isEqualTo(events.acknowledged(tenant));
                                }
                            });
            figures.add(
                    events.total()
                            + " events, each counted exactly once after "
                            + ROUNDS
                            + " kills");
        } finally {
            System.out.println("ClusterFailoverIT figures:\n  " + String.join("\n  ", figures));
        }
    }

    private static boolean allAnswer(PulseProcess pulse, List<String> tenants) {
        return tenants.stream().allMatch(tenant -> events(pulse, tenant) > 0);
    }

    /**
     * Every tenant answers on {@code pulse} with at least the events it had counted before ({@code
     * floor}); an answer with fewer is noted in {@code tooLow}. Events keep arriving, so a lower
     * count is a copy that has not caught up answering as if it had.
     */
    private static boolean allAnswerAtLeast(
            PulseProcess pulse, Map<String, Long> floor, List<String> tooLow) {
        boolean all = true;
        for (Map.Entry<String, Long> tenant : floor.entrySet()) {
            long counted = events(pulse, tenant.getKey());
            if (counted >= 0 && counted < tenant.getValue()) {
                tooLow.add(tenant.getKey() + ": " + counted + " < " + tenant.getValue());
            }
            all &= counted >= tenant.getValue();
        }
        return all;
    }

    private static long events(PulseProcess pulse, String tenant) {
        return pulse.eventsCounted(tenant);
    }

    /** The instance's own active stores answer for every tenant: it has taken over them all. */
    private static boolean ownsAll(PulseProcess pulse, List<String> tenants) {
        return owned(pulse, tenants).size() == tenants.size();
    }

    /**
     * Every tenant has a copy on the instance, active or standby: it could take over any of them
     * now. A restarted instance gets there once its standbys are restored.
     */
    private static boolean holdsCopiesOfAll(PulseProcess pulse, List<String> tenants) {
        return tenants.stream().allMatch(tenant -> answersInternally(pulse, tenant, true));
    }

    /** The tenants the instance's active stores answer for (internal reads never fall back). */
    private static Set<String> owned(PulseProcess pulse, List<String> tenants) {
        return tenants.stream()
                .filter(tenant -> answersInternally(pulse, tenant, false))
                .collect(Collectors.toSet());
    }

    /** The instance's internal score read answers for {@code tenant}, from copies if asked. */
    private static boolean answersInternally(PulseProcess pulse, String tenant, boolean copies) {
        String uri =
                "http://127.0.0.1:"
                        + pulse.port()
                        + InternalReadProtocol.SCORES
                        + "?tenant="
                        + tenant
                        + (copies ? "&" + ReadFreshness.COPY_PARAM + "=true" : "");
        try {
            return HTTP.send(
                                    HttpRequest.newBuilder(URI.create(uri))
                                            .header(
                                                    InternalReadProtocol.TOKEN_HEADER,
                                                    TestPulse.INTERNAL_TOKEN)
                                            .build(),
                                    HttpResponse.BodyHandlers.discarding())
                            .statusCode()
                    == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** p50 and p99 of account reads on {@code via} for tenants it owns and tenants it does not. */
    private static String remoteHop(PulseProcess via, List<String> tenants) throws Exception {
        Set<String> local = owned(via, tenants);
        List<Long> here = new ArrayList<>();
        List<Long> there = new ArrayList<>();
        try (QueryLoop queries = QueryLoop.start(via.port(), tenants)) {
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> queries.answers().size() >= 20 * tenants.size());
            for (QueryLoop.Answer answer : queries.answers()) {
                (local.contains(answer.tenant()) ? here : there).add(answer.latencyNanos());
            }
        }
        assertThat(here).as("tenants %s owns", via.name()).isNotEmpty();
        assertThat(there).as("tenants %s does not own", via.name()).isNotEmpty();
        return "account reads on "
                + via.name()
                + ": own tenants p50 "
                + percentileMicros(here, 50)
                + " µs, p99 "
                + percentileMicros(here, 99)
                + " µs; the other instance's (remote hop) p50 "
                + percentileMicros(there, 50)
                + " µs, p99 "
                + percentileMicros(there, 99)
                + " µs ("
                + (here.size() + there.size())
                + " reads)";
    }

    private static long percentileMicros(List<Long> nanos, int percentile) {
        List<Long> sorted = nanos.stream().sorted().toList();
        int index = (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1;
        return TimeUnit.NANOSECONDS.toMicros(sorted.get(Math.max(0, index)));
    }

    private static long millisSince(long startNanos) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
    }
}
