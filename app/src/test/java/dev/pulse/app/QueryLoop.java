package dev.pulse.app;

import dev.pulse.streams.read.ReadFreshness;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Asks one instance for every tenant's account, round after round, as a dashboard would, and keeps
 * what each answer was and when: how long a tenant went unanswered across a failover, and how many
 * answers said they were stale.
 */
final class QueryLoop implements AutoCloseable {
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    private final int port;
    private final List<String> tenants;
    private final String token = TestTokens.admin();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Thread asker;
    private final List<Answer> answers = new ArrayList<>();

    /** One answer: when it came (nanoTime), for whom, its status and its staleness header. */
    record Answer(long atNanos, String tenant, int status, String stale, long latencyNanos) {}

    /** What a stretch of answers says about a failover that began at {@code fromNanos}. */
    record Failover(
            Duration longestUnanswered,
            int answers,
            int staleAnswers,
            int failures,
            Map<Integer, Integer> failuresByStatus) {}

    private QueryLoop(int port, List<String> tenants) {
        this.port = port;
        this.tenants = List.copyOf(tenants);
        this.asker = new Thread(this::ask, "query-loop-" + port);
        asker.setDaemon(true);
    }

    static QueryLoop start(int port, List<String> tenants) {
        QueryLoop loop = new QueryLoop(port, tenants);
        loop.asker.start();
        return loop;
    }

    private void ask() {
        while (running.get()) {
            for (String tenant : tenants) {
                long sent = System.nanoTime();
                Answer answer;
                try {
                    HttpResponse<Void> response =
                            http.send(
                                    HttpRequest.newBuilder(
                                                    URI.create(
                                                            "http://127.0.0.1:"
                                                                    + port
                                                                    + "/v1/accounts/"
                                                                    + tenant))
                                            .header("Authorization", "Bearer " + token)
                                            .timeout(Duration.ofSeconds(10))
                                            .build(),
                                    HttpResponse.BodyHandlers.discarding());
                    long now = System.nanoTime();
                    answer =
                            new Answer(
                                    now,
                                    tenant,
                                    response.statusCode(),
                                    response.headers()
                                            .firstValue(ReadFreshness.STALE_HEADER)
                                            .orElse(null),
                                    now - sent);
                } catch (IOException e) {
                    long now = System.nanoTime();
                    answer = new Answer(now, tenant, -1, null, now - sent);
                } catch (InterruptedException e) {
                    return;
                }
                synchronized (answers) {
                    answers.add(answer);
                }
            }
        }
    }

    /** The answers so far. */
    List<Answer> answers() {
        synchronized (answers) {
            return List.copyOf(answers);
        }
    }

    /**
     * From {@code fromNanos} on: the longest time any tenant went without a 200 answer (counted
     * from {@code fromNanos} to its first, and between its 200s), and how many answers came.
     */
    Failover since(long fromNanos) {
        Map<String, Long> lastAnswered = new HashMap<>();
        long longest = 0;
        int count = 0;
        int stale = 0;
        int failures = 0;
        Map<Integer, Integer> byStatus = new TreeMap<>();
        for (Answer answer : answers()) {
            if (answer.atNanos() < fromNanos) {
                continue;
            }
            count++;
            if (answer.status() != 200) {
                failures++;
                byStatus.merge(answer.status(), 1, Integer::sum);
                continue;
            }
            if (answer.stale() != null) {
                stale++;
            }
            long previous = lastAnswered.getOrDefault(answer.tenant(), fromNanos);
            longest = Math.max(longest, answer.atNanos() - previous);
            lastAnswered.put(answer.tenant(), answer.atNanos());
        }
        long end = System.nanoTime();
        for (String tenant : tenants) {
            longest = Math.max(longest, end - lastAnswered.getOrDefault(tenant, fromNanos));
        }
        return new Failover(Duration.ofNanos(longest), count, stale, failures, byStatus);
    }

    @Override
    public void close() throws InterruptedException {
        running.set(false);
        asker.interrupt();
        asker.join(15_000);
    }
}
