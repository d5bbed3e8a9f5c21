package dev.pulse.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import com.fasterxml.jackson.databind.JsonNode;
import dev.pulse.app.browser.Chromium;
import dev.pulse.app.config.PulseConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The dashboard in a real browser (Debian's Chromium) against a real Pulse on its own embedded
 * broker, signed in through the demo's OpenID provider exactly as {@code ./pulse demo} wires it.
 * Each test opens a fresh browser: a cold cache and no cookies. The run also takes the screenshots
 * that {@code docs/dashboard.md} shows.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DashboardEndToEndIT {
    private static final String SARAH = "sarah.chen@demo.pulse.dev";
    private static final String DAVID = "david.okafor@demo.pulse.dev";
    private static final String CUSTOMER_TENANT = "yellowstone-outfitters";
    private static final Duration DEADLINE = Duration.ofSeconds(90);

    @TempDir static Path dir;

    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final String fading = "fading-" + run;
    private final String steady = "steady-" + run;
    private final String busy = "busy-" + run;
    private final String davids = "davids-" + run;
    private PulseApplication pulse;
    private PulseHttp admin;
    private String site;

    @BeforeAll
    void startPulseWithAPortfolio() throws Exception {
        int port = PulseApplication.freePort();
        site = "http://localhost:" + port;
        DemoIdentityProvider idp = DemoIdentityProvider.create(dir.resolve("idp"), site, Map.of());
        PulseConfig base =
                E2eScenarios.withUsageDropGrace(
                        TestPulse.withOwnBroker(
                                        dir.resolve("state"), dir.resolve("kafka"), "dash-" + run)
                                .withAlertRules(
                                        E2eScenarios.rulesFile(dir, E2eScenarios.USAGE_DROP_RULE)));
        PulseConfig config =
                base.withApi(new PulseConfig.Api("127.0.0.1", port, "127.0.0.1"))
                        .withAuth(base.auth().withOidc(idp.oidcSettings(base.auth().oidc())));
        pulse =
                PulseApplication.start(
                        config,
                        PulseApplication.StartupProgress.SILENT,
                        idp.routes(PulseApplication.loadUsers(config.auth().users())));
        pulse.awaitRunning(Duration.ofSeconds(60));
        admin = new PulseHttp(port);

        admin.addAccounts(
                String.join(
                                "\n",
                                fading + ",Fading Fjord " + run + "," + SARAH + ",5",
                                steady + ",Steady Summit " + run + "," + SARAH + ",30",
                                busy + ",Busy Bay " + run + "," + SARAH + ",5",
                                davids + ",David's Dunes " + run + "," + DAVID + ",5",
                                CUSTOMER_TENANT + ",Yellowstone Outfitters," + DAVID + ",5")
                        + "\n");
        send(E2eScenarios.usageDrop(run, fading));
        for (String tenant : List.of(steady, busy, davids, CUSTOMER_TENANT)) {
            send(steadyUsage(tenant));
        }
        await().atMost(DEADLINE).until(() -> firingAlertOf(fading) != null && scored(SARAH) == 3);
    }

    @AfterAll
    void stopPulse() {
        if (pulse != null) {
            pulse.close();
        }
    }

    @Test
    void sarahSeesExactlyHerAccountsActsOnTheRiskiestAndTheListFollowsLive() throws Exception {
        try (Chromium browser = Chromium.start(1280, 900, dir.resolve("downloads-sarah"))) {
            signIn(browser, "Sarah Chen");
            List<WebElement> rows = waitFor(browser).until(rowsShown(3));
            assertThat(rows)
                    .extracting(r -> r.getAttribute("data-tenant"))
                    .containsExactlyInAnyOrder(fading, steady, busy);
            assertThat(rows.get(0).getAttribute("data-tenant")).isEqualTo(fading);
            assertThat(text(browser, "signed-in-as")).contains("Sarah Chen");
            waitFor(browser)
                    .until(
                            d ->
                                    "live"
                                            .equals(
                                                    testId(browser, "live-status")
                                                            .getAttribute("data-state")));
            assertNoCriticalAccessibilityFindings(browser);
            screenshot(browser, "portfolio");

            // A new score arrives: the open page shows it without a reload.
            String before = row(browser, steady).getAttribute("data-score");
            send(newPeople(steady));
            waitFor(browser)
                    .until(d -> !before.equals(row(browser, steady).getAttribute("data-score")));

            rows.get(0).findElement(By.cssSelector("a")).click();
            WebElement page = waitFor(browser).until(visible("account-page"));
            assertThat(page.getAttribute("data-tenant")).isEqualTo(fading);
            waitFor(browser).until(visible("score-chart"));
            WebElement alert = waitFor(browser).until(visible("alert-row"));
            assertThat(alert.getAttribute("data-alert")).isEqualTo(fading + "/usage-drop");
            assertNoCriticalAccessibilityFindings(browser);
            screenshot(browser, "account");

            // The review link, fetched by the page itself with its session cookie, is a PDF.
            WebElement review = testId(browser, "export-account-pdf");
            assertThat(review.getAttribute("href"))
                    .contains("/v1/reports/accounts/" + fading + ".pdf?from=");
            Map<String, Object> pdf = fetchInPage(browser, review.getAttribute("href"));
            assertThat(pdf).containsEntry("status", 200L).containsEntry("start", "%PDF-");
            assertThat((String) pdf.get("type")).startsWith("application/pdf");
            // Clicked like a person would, the link saves the file under the server's name.
            Path downloads = dir.resolve("downloads-sarah");
            review.click();
            Path saved =
                    await().atMost(Duration.ofSeconds(30))
                            .until(() -> downloaded(downloads, ".pdf"), file -> file != null);
            assertThat(saved.getFileName().toString()).startsWith("review-" + fading);
            assertThat(new String(Files.readAllBytes(saved), 0, 5, StandardCharsets.ISO_8859_1))
                    .isEqualTo("%PDF-");

            alert.findElement(By.cssSelector("[data-testid=alert-ack]")).click();
            waitFor(browser)
                    .until(
                            d ->
                                    "true"
                                            .equals(
                                                    testId(browser, "alert-row")
                                                            .getAttribute("data-acknowledged")));
            assertThat(firingAlertOf(fading).path("acknowledgedAt").isTextual()).isTrue();

            String title = "Call the champion about usage " + run;
            testId(browser, "follow-up-title").sendKeys(title);
            testId(browser, "follow-up-create").click();
            waitFor(browser)
                    .until(
                            d ->
                                    browser
                                            .driver()
                                            .findElements(
                                                    By.cssSelector(
                                                            "[data-testid=follow-up-row]:not([data-pending])"))
                                            .stream()
                                            .anyMatch(r -> r.getText().contains(title)));
            assertThat(admin.get("/v1/accounts/" + fading + "/follow-ups").body()).contains(title);

            browser.driver().get(site + "/alerts");
            waitFor(browser).until(visible("alert-row"));
            screenshot(browser, "alerts");

            browser.driver().get(site + "/notifications");
            waitFor(browser).until(visible("preferences-save"));
            screenshot(browser, "notifications");

            // The schedules page, from the navigation: the form where the server keeps
            // schedules, a plain notice where it does not (404), never an error.
            browser.driver().findElement(By.linkText("Reports")).click();
            waitFor(browser)
                    .until(
                            ExpectedConditions.or(
                                    visible("schedule-form"), visible("schedules-unavailable")));
            assertThat(browser.driver().findElements(By.cssSelector("[data-testid^=error-]")))
                    .isEmpty();
            assertNoCriticalAccessibilityFindings(browser);
            screenshot(browser, "reports");
        }
    }

    @Test
    void sarahTypingDavidsAccountIsRefusedAndTheRefusalIsAudited() {
        try (Chromium browser = Chromium.start(1280, 900, dir.resolve("downloads-refused"))) {
            signIn(browser, "Sarah Chen");
            waitFor(browser).until(rowsShown(3));
            browser.driver().get(site + "/accounts/" + davids);
            WebElement refusal = waitFor(browser).until(visible("error-forbidden"));
            assertThat(refusal.getText()).contains(davids);
            assertThat(browser.driver().findElements(By.cssSelector("[data-testid=account-page]")))
                    .isEmpty();

            // Her own portfolio has its report; David's is refused, and offers none.
            browser.driver().get(site + "/");
            waitFor(browser).until(visible("export-portfolio-pdf"));
            browser.driver().get(site + "/?owner=" + DAVID);
            waitFor(browser).until(visible("error-forbidden"));
            assertThat(browser.driver().findElements(By.cssSelector("[data-testid^=export-]")))
                    .isEmpty();
        }
        JsonNode denied =
                await().atMost(DEADLINE)
                        .until(
                                () ->
                                        admin.get(
                                                        "/v1/audit?subject="
                                                                + SARAH
                                                                + "&tenant="
                                                                + davids
                                                                + "&result=denied")
                                                .json(),
                                n -> n.path("records").size() > 0);
        assertThat(denied.path("records").get(0).toString()).contains(davids);
    }

    @Test
    void marcusPicksLastMonthAndDownloadsTheTeamCsv() throws Exception {
        Path downloads = dir.resolve("downloads-marcus");
        try (Chromium browser = Chromium.start(1280, 900, downloads)) {
            signIn(browser, "Marcus Webb");
            browser.driver().get(site + "/team");
            // Last month is the default: choose another range first, as a person would have.
            Select range = new Select(waitFor(browser).until(visible("range-preset")));
            range.selectByValue("this-quarter");
            waitFor(browser).until(ExpectedConditions.urlContains("preset=this-quarter"));
            new Select(testId(browser, "range-preset")).selectByValue("last-month");
            waitFor(browser).until(ExpectedConditions.urlContains("preset=last-month"));
            waitFor(browser).until(visible("team-table"));
            waitFor(browser).until(visible("export-team-pdf"));
            assertThat(
                            browser.driver()
                                    .findElements(
                                            By.cssSelector(
                                                    "[data-testid=team-row][data-owner='"
                                                            + SARAH
                                                            + "'] [data-testid=export-member-pdf]")))
                    .singleElement()
                    .extracting(link -> link.getAttribute("href"))
                    .asString()
                    .contains("/v1/reports/portfolio.pdf?owner=" + SARAH.replace("@", "%40"));
            assertNoCriticalAccessibilityFindings(browser);
            screenshot(browser, "team");
            testId(browser, "csv-team").click();

            LocalDate firstOfThisMonth = LocalDate.now(ZoneOffset.UTC).withDayOfMonth(1);
            Path csv =
                    downloads.resolve(
                            "pulse-team-"
                                    + firstOfThisMonth.minusMonths(1)
                                    + "-to-"
                                    + firstOfThisMonth
                                    + ".csv");
            await().atMost(Duration.ofSeconds(30)).until(() -> Files.isRegularFile(csv));
            List<String> lines = Files.readAllLines(csv);
            // A byte-order mark first, so that spreadsheet programs read UTF-8.
            assertThat(lines.get(0)).startsWith("\uFEFFaccount manager,accounts");
            assertThat(lines).anyMatch(line -> line.startsWith(SARAH + ",3,"));
            assertThat(lines).anyMatch(line -> line.startsWith(DAVID + ",2,"));
        }
    }

    /**
     * The Segments and Journey pages in the suite (the demo's screenshot run, DemoDashboardIT, is
     * out of it): Marcus saves Sarah's accounts as a segment through the form, after a preview, and
     * the journey page over that segment shows every configured stage with the API's counts.
     */
    @Test
    void marcusSavesASegmentThroughTheFormAndSeesItsJourney() {
        try (Chromium browser = Chromium.start(1280, 1000, dir.resolve("downloads-segments"))) {
            signIn(browser, "Marcus Webb");
            browser.driver().get(site + "/segments/new");
            waitFor(browser).until(visible("segment-form"));
            String name = "Sarah's accounts " + run;
            testId(browser, "segment-name").sendKeys(name);
            testId(browser, "segment-owners").sendKeys(SARAH);
            testId(browser, "segment-preview-run").click();
            WebElement count = waitFor(browser).until(visible("segment-preview-count"));
            assertThat(count.getAttribute("data-size")).isEqualTo("3");
            assertNoCriticalAccessibilityFindings(browser);

            testId(browser, "segment-save").click();
            WebElement page = waitFor(browser).until(visible("segment-page"));
            String segment = page.getAttribute("data-segment");
            JsonNode members = admin.get("/v1/segments/" + segment + "/accounts").json();
            List<String> tenants = new ArrayList<>();
            members.path("accounts").forEach(a -> tenants.add(a.path("tenantId").asText()));
            assertThat(tenants).containsExactlyInAnyOrder(fading, steady, busy);
            assertThat(
                            waitFor(browser)
                                    .until(
                                            ExpectedConditions.numberOfElementsToBe(
                                                    byTestId("segment-member"), 3)))
                    .extracting(row -> row.getAttribute("data-tenant"))
                    .containsExactlyInAnyOrderElementsOf(tenants);

            // This portfolio's history is backdated within a long grace, so no day has closed and
            // no account is on a journey yet: the page must say so for the segment, as the API
            // does (the demo's screenshot run shows the diagram over closed days).
            browser.driver().get(site + "/journey?segment=" + segment);
            WebElement journeyPage;
            try {
                journeyPage = waitFor(browser).until(visible("journey-page"));
            } catch (org.openqa.selenium.TimeoutException e) {
                throw new AssertionError(
                        "no journey page; the browser shows: "
                                + browser.driver().findElement(By.tagName("body")).getText(),
                        e);
            }
            assertThat(
                            new Select(testId(browser, "journey-segment"))
                                    .getFirstSelectedOption()
                                    .getAttribute("value"))
                    .isEqualTo(segment);
            JsonNode journey = admin.get("/v1/journey?segment=" + segment).json();
            if (journey.path("accounts").asInt() == 0) {
                assertThat(journeyPage.getText()).contains("No accounts on a journey");
            } else {
                assertThat(
                                await().atMost(DEADLINE)
                                        .until(
                                                () -> journeyShownAsAnswered(browser, segment),
                                                j -> j != null)
                                        .path("accounts")
                                        .asInt())
                        .isPositive();
            }
            assertNoCriticalAccessibilityFindings(browser);
        }
    }

    /**
     * The journey over {@code segment} as the API answers it, once the page shows that answer for
     * every stage (days may still be closing, so the page is reloaded until both agree); null until
     * then.
     */
    private JsonNode journeyShownAsAnswered(Chromium browser, String segment) {
        browser.driver().navigate().refresh();
        WebElement flow = waitFor(browser).until(visible("journey-flow"));
        JsonNode api = admin.get("/v1/journey?segment=" + segment).json();
        List<WebElement> boxes = flow.findElements(byTestId("journey-stage"));
        if (boxes.size() != api.path("stages").size()) {
            return null;
        }
        for (JsonNode stage : api.path("stages")) {
            String id = stage.path("id").asText();
            boolean shown =
                    boxes.stream()
                            .anyMatch(
                                    b ->
                                            id.equals(b.getAttribute("data-stage"))
                                                    && b.getText()
                                                            .contains(
                                                                    stage.path("current").asInt()
                                                                            + " now"));
            if (!shown) {
                return null;
            }
        }
        return api;
    }

    @Test
    void aCustomerAdminSeesOnlyTheirOwnAccount() {
        try (Chromium browser = Chromium.start(1280, 900, dir.resolve("downloads-customer"))) {
            signIn(browser, "Yellowstone Outfitters IT");
            WebElement page = waitFor(browser).until(visible("account-page"));
            assertThat(page.getAttribute("data-tenant")).isEqualTo(CUSTOMER_TENANT);
            assertThat(browser.driver().findElements(By.linkText("Team"))).isEmpty();
            assertThat(browser.driver().findElements(By.linkText("Reports"))).isEmpty();
            // Their own review, yes; a portfolio report compares accounts: no link, and a 403.
            String review =
                    waitFor(browser).until(visible("export-account-pdf")).getAttribute("href");
            assertThat(fetchInPage(browser, review)).containsEntry("status", 200L);
            assertThat(fetchInPage(browser, site + "/v1/reports/portfolio.pdf"))
                    .containsEntry("status", 403L);

            for (String elsewhere : List.of("/accounts/" + fading, "/team", "/admin/audit")) {
                browser.driver().get(site + elsewhere);
                waitFor(browser).until(visible("error-forbidden"));
                assertThat(
                                browser.driver()
                                        .findElements(
                                                By.cssSelector("[data-testid=portfolio-row]")))
                        .isEmpty();
            }
        }
    }

    @Test
    void theAdministratorChecksTheAuditChain() {
        try (Chromium browser = Chromium.start(1280, 900, dir.resolve("downloads-admin"))) {
            signIn(browser, "Pulse Admin");
            browser.driver().get(site + "/admin/audit");
            waitFor(browser).until(visible("audit-row"));
            testId(browser, "audit-verify").click();
            WebElement report = waitFor(browser).until(visible("audit-verify-result"));
            assertThat(report.getAttribute("data-intact")).isEqualTo("true");
            assertNoCriticalAccessibilityFindings(browser);
            screenshot(browser, "admin");

            browser.driver().get(site + "/admin/api-keys");
            waitFor(browser).until(visible("api-key-create"));
            screenshot(browser, "api-keys");
        }
    }

    /** Opens Pulse, follows it to the demo provider's page and picks {@code name}. */
    private void signIn(Chromium browser, String name) {
        browser.driver().get(site + "/");
        waitFor(browser)
                .until(
                        ExpectedConditions.elementToBeClickable(
                                By.cssSelector("a[aria-label^='Sign in as " + name + ",']")))
                .click();
        waitFor(browser).until(visible("signed-in-as"));
    }

    private static WebDriverWait waitFor(Chromium browser) {
        return new WebDriverWait(browser.driver(), Duration.ofSeconds(30));
    }

    private static org.openqa.selenium.support.ui.ExpectedCondition<WebElement> visible(
            String testId) {
        return ExpectedConditions.visibilityOfElementLocated(byTestId(testId));
    }

    private static org.openqa.selenium.support.ui.ExpectedCondition<List<WebElement>> rowsShown(
            int count) {
        return ExpectedConditions.numberOfElementsToBe(byTestId("portfolio-row"), count);
    }

    private static By byTestId(String testId) {
        return By.cssSelector("[data-testid='" + testId + "']");
    }

    private static WebElement testId(Chromium browser, String testId) {
        return browser.driver().findElement(byTestId(testId));
    }

    private static String text(Chromium browser, String testId) {
        return testId(browser, testId).getText();
    }

    private static WebElement row(Chromium browser, String tenant) {
        return browser.driver()
                .findElement(
                        By.cssSelector(
                                "[data-testid=portfolio-row][data-tenant='" + tenant + "']"));
    }

    private static void assertNoCriticalAccessibilityFindings(Chromium browser) {
        List<Rule> critical =
                new AxeBuilder()
                        .analyze(browser.driver()).getViolations().stream()
                                .filter(rule -> "critical".equals(rule.getImpact()))
                                .toList();
        assertThat(critical)
                .as("critical axe-core findings on %s", browser.driver().getCurrentUrl())
                .extracting(Rule::getId)
                .isEmpty();
    }

    /**
     * Fetches {@code url} from inside the page, as the page's own links would (same origin, its
     * cookies): the status, the Content-Type and the first five bytes as Latin-1 text.
     */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> fetchInPage(Chromium browser, String url) {
        return (Map<String, Object>)
                browser.driver()
                        .executeAsyncScript(
                                "const done = arguments[arguments.length - 1];fetch(arguments[0],"
                                    + " {credentials: 'same-origin'}).then(async (r) => {  const"
                                    + " bytes = new Uint8Array(await r.arrayBuffer()); "
                                    + " done({status: r.status, type:"
                                    + " r.headers.get('Content-Type'),        start:"
                                    + " String.fromCharCode(...bytes.slice(0, 5))});}).catch((e) =>"
                                    + " done({error: String(e)}));",
                                url);
    }

    /**
     * A finished download ending in {@code suffix}, or null while there is none. Chromium creates
     * the final name as an empty placeholder while it writes {@code .crdownload}, then renames over
     * it: a file of that name is finished only once it has bytes and no partial file is left.
     */
    private static Path downloaded(Path folder, String suffix) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            List<Path> all = files.toList();
            if (all.stream().anyMatch(f -> f.getFileName().toString().endsWith(".crdownload"))) {
                return null;
            }
            for (Path file : all) {
                if (file.getFileName().toString().endsWith(suffix) && Files.size(file) > 0) {
                    return file;
                }
            }
            return null;
        }
    }

    /** Saves the page into docs/img when run from the repository, else under target/. */
    private static void screenshot(Chromium browser, String page) {
        Path docs = Path.of("..", "docs", "img");
        Path folder = Files.isDirectory(docs.getParent()) ? docs : Path.of("target", "screenshots");
        browser.screenshot(folder.resolve("dashboard-" + page + ".png"));
    }

    private void send(String ndjson) {
        PulseHttp.Response sent = admin.post("/v1/events", "application/x-ndjson", ndjson);
        assertThat(sent.status()).as(sent.body()).isEqualTo(200);
        assertThat(sent.json().path("rejected").asInt()).as(sent.body()).isZero();
    }

    private JsonNode firingAlertOf(String tenant) {
        for (JsonNode alert : admin.get("/v1/alerts?state=firing").json().path("alerts")) {
            if (tenant.equals(alert.path("tenantId").asText())) {
                return alert;
            }
        }
        return null;
    }

    private int scored(String owner) {
        int scored = 0;
        for (JsonNode account : admin.get("/v1/portfolio?owner=" + owner).json().path("accounts")) {
            if (account.has("score")) {
                scored++;
            }
        }
        return scored;
    }

    /** Five people using the product every day for five weeks, the newest a minute ago. */
    private String steadyUsage(String tenant) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Instant noon = now.truncatedTo(ChronoUnit.DAYS).plus(Duration.ofHours(12));
        StringBuilder ndjson = new StringBuilder();
        for (int day = 1; day <= 36; day++) {
            for (int i = 0; i < 40; i++) {
                ndjson.append(
                                PulseEndToEndIT.event(
                                        tenant + "-s" + day + "-" + i,
                                        tenant,
                                        "u" + (i % 5),
                                        i % 2 == 0 ? "feature_used" : "login",
                                        i % 2 == 0 ? "reports" : null,
                                        noon.minus(Duration.ofDays(day)).plusSeconds(i)))
                        .append('\n');
            }
        }
        return ndjson.append(
                        PulseEndToEndIT.event(
                                tenant + "-now", tenant, "u0", "login", null, now.minusSeconds(60)))
                .toString();
    }

    /** Twenty people who never used it before, now: seat use, and so the score, goes up. */
    private String newPeople(String tenant) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        return String.join(
                "\n",
                Stream.iterate(0, i -> i + 1)
                        .limit(20)
                        .map(
                                i ->
                                        PulseEndToEndIT.event(
                                                tenant + "-live-" + i,
                                                tenant,
                                                "new" + i,
                                                "feature_used",
                                                "export",
                                                now.minusSeconds(30 - i)))
                        .toList());
    }
}
