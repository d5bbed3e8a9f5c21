package dev.pulse.app.bench.dashboard;

import dev.pulse.app.PulseApplication;
import dev.pulse.app.bench.BenchTenants;
import dev.pulse.app.bench.DashboardPlan;
import dev.pulse.app.bench.LatencySummary;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * How fast the dashboard appears in a real browser: an account manager signed in through the demo
 * identity provider loads their portfolio and one of their accounts, each time on an empty HTTP
 * cache, first alone and then while other signed-in people browse. Beside each round, a cold load
 * of a few bytes from the same server shows what any page load costs on this machine.
 */
public final class DashboardBenchmark {
    private static final String HEALTH = "/health/live";
    private static final String LOADED = "document.readyState === 'complete'";

    /** How long the browsing people may take to get their first page view answered. */
    private static final Duration START_DEADLINE = Duration.ofSeconds(60);

    private final DashboardPlan plan;
    private final String site;
    private final PulseApplication.StartupProgress progress;

    /** Measures the Pulse served at {@code site}, e.g. {@code http://localhost:8080}. */
    public DashboardBenchmark(
            DashboardPlan plan, String site, PulseApplication.StartupProgress progress) {
        this.plan = plan;
        this.site = site;
        this.progress = progress;
    }

    /** Measures, or says why it could not; never throws, so the rest of the bench still reports. */
    public DashboardResult run(BenchTenants tenants) {
        if (!Files.isExecutable(plan.browser())) {
            String reason =
                    "no Chromium at "
                            + plan.browser()
                            + " (apt-get install chromium, or --browser)";
            progress.step("  skipped: " + reason);
            return DashboardResult.notRun(reason);
        }
        try {
            return measure(tenants);
        } catch (RuntimeException e) {
            progress.step("  failed: " + e.getMessage());
            return DashboardResult.notRun("failed: " + e.getMessage());
        }
    }

    private DashboardResult measure(BenchTenants tenants) {
        String owner = tenants.fullPortfolioOwners().get(0);
        List<String> accounts = accountsOf(tenants, owner);
        PulseSignIn signIn = new PulseSignIn(site);
        PulseSignIn.Session session = signIn.signIn(owner);
        try (HeadlessChromium chromium = HeadlessChromium.start(plan.browser())) {
            try (DevToolsConnection devTools = DevToolsConnection.open(chromium.devTools())) {
                return measure(tenants, owner, accounts, signIn, session, devTools);
            } catch (RuntimeException e) {
                throw new IllegalStateException(e.getMessage() + " (" + chromium.fate() + ")", e);
            }
        }
    }

    private DashboardResult measure(
            BenchTenants tenants,
            String owner,
            List<String> accounts,
            PulseSignIn signIn,
            PulseSignIn.Session session,
            DevToolsConnection devTools) {
        BrowserTab tab = BrowserTab.open(devTools);
        tab.setCookie(site, PulseSignIn.SESSION_COOKIE, session.session());
        tab.setCookie(site, PulseSignIn.XSRF_COOKIE, session.xsrf());
        Pages pages = new Pages(tab, accounts);
        // One unrecorded round: the first page load also starts the browser's renderer.
        pages.round(null);
        PageLoads alone = pages.measure(plan.navigations());
        progress.step("  alone: " + describe(alone));

        List<BrowsingUsers.Person> people = people(signIn, tenants, owner);
        progress.step(
                String.format(
                        Locale.ROOT,
                        "  %d other people signed in; browsing with %d ms between page views",
                        people.size(),
                        plan.thinkTime().toMillis()));
        try (BrowsingUsers browsing = new BrowsingUsers(site, people, plan.thinkTime())) {
            browsing.start();
            if (!browsing.awaitEveryoneBrowsing(START_DEADLINE)) {
                throw new IllegalStateException(
                        "the browsing users did not all get a page within " + START_DEADLINE);
            }
            PageLoads loaded = pages.measure(plan.navigations());
            BrowsingLoad load = browsing.stop();
            progress.step(
                    String.format(
                            Locale.ROOT,
                            "  with %d people browsing (%,.0f req/s, %,d errors): %s",
                            load.people(),
                            load.requests().perSecond(),
                            load.errors(),
                            describe(loaded)));
            return DashboardResult.measured(alone, loaded, load);
        }
    }

    /** The browsing people: the other account managers, again from the first when too few. */
    private List<BrowsingUsers.Person> people(
            PulseSignIn signIn, BenchTenants tenants, String measured) {
        List<String> others = new ArrayList<>(tenants.owners());
        if (others.size() > 1) {
            others.remove(measured);
        }
        List<BrowsingUsers.Person> people = new ArrayList<>(plan.browsingUsers());
        for (int i = 0; i < plan.browsingUsers(); i++) {
            String email = others.get(i % others.size());
            people.add(new BrowsingUsers.Person(signIn.signIn(email), accountsOf(tenants, email)));
        }
        return people;
    }

    private static List<String> accountsOf(BenchTenants tenants, String owner) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < tenants.size(); i++) {
            if (tenants.ownerOf(i).equals(owner)) {
                ids.add(tenants.ids().get(i));
            }
        }
        return ids;
    }

    private static String describe(PageLoads loads) {
        return String.format(
                Locale.ROOT,
                "portfolio p50 %.0f ms, account p50 %.0f ms, yardstick p50 %.0f ms;"
                        + " %d responses from the browser cache",
                loads.portfolio().p50(),
                loads.account().p50(),
                loads.yardstick().p50(),
                loads.responsesFromCache());
    }

    /** The three pages, loaded cold in turn so that each round sees the same conditions. */
    private final class Pages {
        private final BrowserTab tab;
        private final String portfolioReady;
        private final String account;

        Pages(BrowserTab tab, List<String> accounts) {
            this.tab = tab;
            this.portfolioReady =
                    "document.querySelectorAll('[data-testid=portfolio-row]').length >= "
                            + accounts.size();
            this.account =
                    "/accounts/" + URLEncoder.encode(accounts.get(0), StandardCharsets.UTF_8);
        }

        PageLoads measure(int rounds) {
            Histogram[] micros = {
                LatencySummary.newHistogram(),
                LatencySummary.newHistogram(),
                LatencySummary.newHistogram()
            };
            long fromCache = 0;
            for (int i = 0; i < rounds; i++) {
                fromCache += round(micros);
            }
            return new PageLoads(
                    LatencySummary.of(micros[0]),
                    LatencySummary.of(micros[1]),
                    LatencySummary.of(micros[2]),
                    fromCache);
        }

        /**
         * Loads each page once; records into {@code micros} unless it is null. Returns how many
         * responses came from the browser's cache.
         */
        int round(Histogram[] micros) {
            Duration portfolio = tab.coldLoad(site + "/", portfolioReady);
            int fromCache = tab.responsesFromCache();
            Duration accountPage =
                    tab.coldLoad(
                            site + account,
                            "document.querySelector('[data-testid=account-page]')"
                                    + " && document.querySelector("
                                    + "'[data-testid=contributions-table]')");
            fromCache += tab.responsesFromCache();
            Duration yardstick = tab.coldLoad(site + HEALTH, LOADED);
            fromCache += tab.responsesFromCache();
            if (micros != null) {
                record(micros[0], portfolio);
                record(micros[1], accountPage);
                record(micros[2], yardstick);
            }
            return fromCache;
        }

        private void record(Histogram histogram, Duration duration) {
            histogram.recordValue(
                    Math.min(
                            histogram.getHighestTrackableValue(),
                            TimeUnit.NANOSECONDS.toMicros(duration.toNanos())));
        }
    }
}
