package dev.pulse.app.bench.dashboard;

import dev.pulse.app.bench.Throughput;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;

/**
 * Signed-in people browsing the dashboard with their session cookies: each opens their portfolio,
 * pauses, opens one of their accounts, pauses, and so on. A page view sends the API requests the
 * dashboard's page sends, at once as the browser does; the static assets are not fetched, since a
 * returning browser has them cached.
 */
final class BrowsingUsers implements AutoCloseable {
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    /** One person: their session and the accounts they own. */
    record Person(PulseSignIn.Session session, List<String> tenants) {}

    private final String site;
    private final List<Person> people;
    private final Duration thinkTime;
    private final HttpClient http;
    private final ExecutorService threads;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final LongAdder requests = new LongAdder();
    private final LongAdder errors = new LongAdder();
    private final CountDownLatch firstViews;
    private long started;

    BrowsingUsers(String site, List<Person> people, Duration thinkTime) {
        this.site = site;
        this.people = List.copyOf(people);
        this.thinkTime = thinkTime;
        this.http =
                HttpClient.newBuilder()
                        .version(HttpClient.Version.HTTP_1_1)
                        .connectTimeout(REQUEST_TIMEOUT)
                        .build();
        this.threads = Executors.newFixedThreadPool(Math.max(1, people.size()));
        this.firstViews = new CountDownLatch(this.people.size());
    }

    /** True once every person has had a page view answered, so the load is all there. */
    boolean awaitEveryoneBrowsing(Duration deadline) {
        try {
            return firstViews.await(deadline.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Everyone starts browsing. */
    void start() {
        started = System.nanoTime();
        for (Person person : people) {
            threads.execute(() -> browse(person));
        }
    }

    /** Everyone stops after their current page view. */
    BrowsingLoad stop() {
        running.set(false);
        Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
        threads.shutdown();
        try {
            threads.awaitTermination(REQUEST_TIMEOUT.toSeconds() + 5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return new BrowsingLoad(
                people.size(), new Throughput(requests.sum(), elapsed), errors.sum());
    }

    private void browse(Person person) {
        String cookie = person.session().cookieHeader();
        // Random starts and think times: people in step would hit the server in bursts.
        if (!pause(ThreadLocalRandom.current().nextDouble())) {
            return;
        }
        while (running.get()) {
            view(cookie, List.of("/v1/me", "/v1/portfolio?include=activity"));
            firstViews.countDown();
            if (!think()) {
                return;
            }
            String tenant =
                    person.tenants()
                            .get(ThreadLocalRandom.current().nextInt(person.tenants().size()));
            view(cookie, accountPage(tenant));
            if (!think()) {
                return;
            }
        }
    }

    /** What the account page asks for (see dashboard/src/lib/api). */
    private static List<String> accountPage(String tenant) {
        String t = URLEncoder.encode(tenant, StandardCharsets.UTF_8);
        String from = LocalDate.now(ZoneOffset.UTC).minusDays(90).toString();
        return List.of(
                "/v1/me",
                "/v1/accounts/" + t,
                "/v1/accounts/" + t + "/timeseries?metric=health_score&step=day&from=" + from,
                "/v1/alerts?tenant=" + t + "&limit=500",
                "/v1/accounts/" + t + "/follow-ups?limit=200");
    }

    private void view(String cookie, List<String> paths) {
        CompletableFuture<?>[] answers =
                paths.stream().map(path -> request(cookie, path)).toArray(CompletableFuture[]::new);
        CompletableFuture.allOf(answers).exceptionally(failed -> null).join();
    }

    private CompletableFuture<Void> request(String cookie, String path) {
        HttpRequest request =
                HttpRequest.newBuilder(URI.create(site + path))
                        .timeout(REQUEST_TIMEOUT)
                        .header("Cookie", cookie)
                        .header("Accept", "application/json")
                        .build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.discarding())
                .handle(
                        (response, failure) -> {
                            requests.increment();
                            if (failure != null || response.statusCode() != 200) {
                                errors.increment();
                            }
                            return null;
                        });
    }

    /**
     * Pauses between page views, half to one and a half think times; false once it is over. A timed
     * pause is the model here (a person reading the page), not a wait for something.
     */
    private boolean think() {
        return pause(0.5 + ThreadLocalRandom.current().nextDouble());
    }

    private boolean pause(double thinkTimes) {
        long until = System.nanoTime() + (long) (thinkTime.toNanos() * thinkTimes);
        while (running.get() && System.nanoTime() < until) {
            try {
                Thread.sleep(Math.min(50, Math.max(1, (until - System.nanoTime()) / 1_000_000)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return running.get();
    }

    @Override
    public void close() {
        running.set(false);
        threads.shutdownNow();
    }
}
