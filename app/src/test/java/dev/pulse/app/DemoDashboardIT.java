package dev.pulse.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import com.fasterxml.jackson.databind.JsonNode;
import dev.pulse.app.browser.Chromium;
import dev.pulse.app.config.PulseConfig;
import dev.pulse.app.simulator.DemoSimulator;
import dev.pulse.app.simulator.ReplayProgress;
import dev.pulse.app.simulator.SimulatorCounts;
import dev.pulse.app.simulator.SimulatorSettings;
import dev.pulse.topologies.journey.JourneyModel;
import dev.pulse.topologies.journey.Stage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The demo as people see it: a real Pulse on its own embedded broker fed the demo simulator's
 * history (the demo's seed, {@value #TENANTS} accounts over {@value #DAYS} days, no live traffic),
 * then the Segments and Journey pages in Debian's Chromium, signed in as Marcus Webb (a manager
 * over every account) through the demo's OpenID provider. The run takes the screenshots that {@code
 * docs/dashboard.md} shows for these pages.
 *
 * <p>The smaller base keeps the replay short; like the full demo (see {@code DemoJourneyTest}),
 * once its days have closed it has accounts <em>currently</em> in every stage of {@code
 * config/journey.yaml}. The test waits until {@code GET /v1/journey} shows {@code current > 0} for
 * every stage and the reporting funnel has users at every step, fewer at the last than at the
 * first. It does not wait for the pipeline to work through all ~180,000 replayed records (on a busy
 * two-core machine that takes minutes): the pages may show the journey part-way through the
 * history, so the flow diagram is compared with the API's answer given just before and after the
 * page loaded, and segment members are checked by their bands rather than counted.
 */
@Tag("screenshots") // minutes of replay: out of the suite, run with -Pscreenshots (app/pom.xml)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DemoDashboardIT {
    private static final String MARCUS = "marcus.webb@demo.pulse.dev";

    /** Reaches every journey stage with the demo seed (checked like DemoJourneyTest). */
    private static final int TENANTS = 50;

    private static final int DAYS = 45;
    private static final Duration DEADLINE = Duration.ofSeconds(90);

    /**
     * Engaged accounts appear only in the replay's last days, so the pipeline must work through
     * nearly all of it: about a minute on an idle two-core machine, several when it is shared.
     */
    private static final Duration REPLAY_PROCESSED = Duration.ofMinutes(4);

    private static final String JSON = "application/json";

    @TempDir static Path dir;

    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private PulseApplication pulse;
    private PulseHttp marcus;
    private String site;
    private List<String> stages;
    private List<String> tenants;

    @BeforeAll
    void startPulseAndReplayTheDemo() throws Exception {
        int port = PulseApplication.freePort();
        site = "http://localhost:" + port;
        DemoIdentityProvider idp = DemoIdentityProvider.create(dir.resolve("idp"), site, Map.of());
        PulseConfig replaying =
                TestPulse.replayingOnOwnBroker(
                        dir.resolve("state"), dir.resolve("kafka"), "demo-dash-" + run);
        // The demo's partitions and threads (config/pulse.yaml): DemoJourneyTest closes days per
        // partition alike, and the second thread halves the time the replay takes to process.
        PulseConfig.Streams streams = replaying.streams();
        PulseConfig base =
                replaying.withStreams(
                        new PulseConfig.Streams(
                                streams.applicationId(),
                                streams.stateDir(),
                                6,
                                streams.replicationFactor(),
                                streams.standbyReplicas(),
                                2,
                                streams.rocksDbCacheMb()));
        PulseConfig config =
                base.withApi(new PulseConfig.Api("127.0.0.1", port, "127.0.0.1"))
                        .withAuth(base.auth().withOidc(idp.oidcSettings(base.auth().oidc())));
        pulse =
                PulseApplication.start(
                        config,
                        PulseApplication.StartupProgress.SILENT,
                        idp.routes(PulseApplication.loadUsers(config.auth().users())));
        pulse.awaitRunning(Duration.ofSeconds(60));
        marcus = new PulseHttp(port).as(MARCUS);
        stages = journeyStages();

        try (DemoSimulator simulator =
                new DemoSimulator(
                        SimulatorSettings.forKafka(pulse.kafka())
                                .withTenants(TENANTS)
                                .withDays(DAYS)
                                .withLiveEventsPerSecond(0))) {
            tenants = simulator.customerBase().accounts().stream().map(a -> a.tenantId()).toList();
            simulator.publishAccounts();
            SimulatorCounts sent = simulator.replay(ReplayProgress.none());
            assertThat(sent.failed()).isZero();
        }
    }

    @AfterAll
    void stopPulse() {
        if (pulse != null) {
            pulse.close();
        }
    }

    @Test
    void marcusSeesEveryStageAFunnelThatFallsOffAndASegmentHeMade() {
        JsonNode journey =
                await().atMost(REPLAY_PROCESSED)
                        .pollInterval(Duration.ofSeconds(2))
                        .until(
                                () -> marcus.get("/v1/journey").json(),
                                j -> stages.stream().allMatch(s -> current(j, s) > 0));
        Map<String, Integer> now = new LinkedHashMap<>();
        stages.forEach(s -> now.put(s, current(journey, s)));
        assertThat(now)
                .as("accounts per stage now")
                .allSatisfy((s, n) -> assertThat(n).isPositive());
        JsonNode funnel =
                await().atMost(DEADLINE)
                        .until(
                                () -> marcus.get("/v1/funnels/reporting").json(),
                                f -> users(f).stream().allMatch(u -> u > 0));
        List<Integer> users = users(funnel);
        assertThat(users.get(users.size() - 1))
                .as("users per step %s", users)
                .isLessThan(users.get(0));

        try (Chromium browser = Chromium.start(1280, 1000, dir.resolve("downloads"))) {
            signIn(browser, "Marcus Webb");
            String name = "Enterprise needing attention " + run;
            String segment = createSegmentThroughTheForm(browser, name);

            browser.driver().get(site + "/segments");
            WebElement row =
                    waitFor(browser)
                            .until(
                                    ExpectedConditions.visibilityOfElementLocated(
                                            By.cssSelector(
                                                    "[data-testid=segment-row][data-segment='"
                                                            + segment
                                                            + "']")));
            assertThat(row.getText()).contains(name);
            assertNoCriticalAccessibilityFindings(browser);
            screenshot(browser, "segments");

            row.findElement(By.partialLinkText(name)).click();
            WebElement page = waitFor(browser).until(visible("segment-page"));
            assertThat(page.getAttribute("data-segment")).isEqualTo(segment);
            assertThat(waitFor(browser).until(rowsOf("segment-member")))
                    .allSatisfy(
                            member ->
                                    assertThat(member.getAttribute("data-band"))
                                            .isIn("neutral", "at_risk"));
            waitFor(browser).until(visible("segment-size-chart"));
            assertNoCriticalAccessibilityFindings(browser);
            screenshot(browser, "segment");

            String tenant = busiestReportingAccount();
            browser.driver().get(site + "/journey?funnel=reporting&tenant=" + tenant);
            JsonNode shown = journeyAsShown(browser);
            WebElement flow = testId(browser, "journey-flow");
            List<WebElement> boxes = flow.findElements(byTestId("journey-stage"));
            assertThat(boxes)
                    .extracting(b -> b.getAttribute("data-stage"))
                    .containsExactlyInAnyOrderElementsOf(stages);
            for (WebElement box : boxes) {
                String stage = box.getAttribute("data-stage");
                assertThat(box.getText()).contains(current(shown, stage) + " now");
                assertThat(current(shown, stage)).as(stage).isPositive();
            }
            assertThat(flow.findElements(byTestId("journey-flow-arrow")))
                    .hasSize(shown.path("flows").size())
                    .isNotEmpty()
                    .allSatisfy(a -> assertThat(a.getText()).contains("%"));
            WebElement chart = waitFor(browser).until(visible("funnel-chart"));
            Select account = new Select(testId(browser, "funnel-tenant"));
            assertThat(account.getFirstSelectedOption().getAttribute("value")).isEqualTo(tenant);
            assertThat(account.getFirstSelectedOption().getText())
                    .isEqualTo(marcus.get("/v1/accounts/" + tenant).json().path("name").asText());
            assertThat(chart.getAttribute("data-funnel")).isEqualTo("reporting");
            List<WebElement> steps = chart.findElements(byTestId("funnel-step"));
            assertThat(steps).hasSize(users.size());
            List<Double> bars = new ArrayList<>();
            for (WebElement step : steps) {
                bars.add(
                        Double.parseDouble(
                                step.findElement(By.cssSelector("rect.funnel-fill"))
                                        .getAttribute("width")));
            }
            assertThat(bars.get(0)).isPositive();
            assertThat(bars.get(bars.size() - 1)).as("bar widths %s", bars).isLessThan(bars.get(0));
            assertNoCriticalAccessibilityFindings(browser);
            wholePage(browser);
            screenshot(browser, "journey");
        }
    }

    /** Fills in the form as a person would, previews, saves; returns the new segment's id. */
    private String createSegmentThroughTheForm(Chromium browser, String name) {
        browser.driver().get(site + "/segments/new");
        waitFor(browser).until(visible("segment-form"));
        testId(browser, "segment-name").sendKeys(name);
        testId(browser, "segment-description")
                .sendKeys("Enterprise accounts that are neutral or at risk");
        testId(browser, "segment-plans").sendKeys("enterprise");
        testId(browser, "segment-band-neutral").click();
        testId(browser, "segment-band-at_risk").click();
        testId(browser, "segment-preview-run").click();
        WebElement count = waitFor(browser).until(visible("segment-preview-count"));
        int size = Integer.parseInt(count.getAttribute("data-size"));
        assertThat(size).as("accounts the preview finds").isBetween(1, TENANTS / 2);
        assertThat(browser.driver().findElements(byTestId("segment-preview-row")))
                .hasSize(size)
                .allSatisfy(
                        row ->
                                assertThat(row.getAttribute("data-band"))
                                        .isIn("neutral", "at_risk"));
        assertNoCriticalAccessibilityFindings(browser);
        screenshot(browser, "segment-new");

        testId(browser, "segment-save").click();
        WebElement page = waitFor(browser).until(visible("segment-page"));
        String id = page.getAttribute("data-segment");
        assertThat(marcus.get("/v1/segments").body()).contains(id).contains(name);
        assertThat(segmentSize(id)).isPositive();
        return id;
    }

    /**
     * The journey the page shows, as the API answers for the page's range. The pipeline may still
     * be working through the replay, so the page is reloaded until the API answers the same before
     * and after it (then the figures on the page are that answer's).
     */
    private JsonNode journeyAsShown(Chromium browser) {
        return await().atMost(DEADLINE)
                .until(
                        () -> {
                            browser.driver().navigate().refresh();
                            WebElement flow = waitFor(browser).until(visible("journey-flow"));
                            String range = rangeOf(browser);
                            JsonNode api = marcus.get("/v1/journey" + range).json();
                            for (WebElement box : flow.findElements(byTestId("journey-stage"))) {
                                String stage = box.getAttribute("data-stage");
                                if (!box.getText().contains(current(api, stage) + " now")) {
                                    return null;
                                }
                            }
                            return api.equals(marcus.get("/v1/journey" + range).json())
                                    ? api
                                    : null;
                        },
                        Objects::nonNull);
    }

    private int segmentSize(String id) {
        return marcus.get("/v1/segments/" + id + "/accounts").json().path("size").asInt();
    }

    /** The account with the most users at the reporting funnel's first step. */
    private String busiestReportingAccount() {
        String busiest = null;
        int most = -1;
        for (String tenant : tenants) {
            List<Integer> users =
                    users(marcus.get("/v1/funnels/reporting?tenant=" + tenant).json());
            if (!users.isEmpty() && users.get(users.size() - 1) > 0 && users.get(0) > most) {
                most = users.get(0);
                busiest = tenant;
            }
        }
        assertThat(busiest).as("an account whose users finish the reporting funnel").isNotNull();
        return busiest;
    }

    /** The page's range as the journey route's query ({@code to} there is inclusive). */
    private static String rangeOf(Chromium browser) {
        String from = testId(browser, "range-from").getAttribute("value");
        String to = testId(browser, "range-to").getAttribute("value");
        return "?from=" + from + "&to=" + to;
    }

    private static List<String> journeyStages() throws IOException {
        return JourneyModel.fromYaml(Files.readString(Path.of("..", "config", "journey.yaml")))
                .stages()
                .stream()
                .map(Stage::id)
                .toList();
    }

    private static int current(JsonNode journey, String stage) {
        for (JsonNode s : journey.path("stages")) {
            if (stage.equals(s.path("id").asText())) {
                return s.path("current").asInt();
            }
        }
        return 0;
    }

    private static List<Integer> users(JsonNode funnel) {
        List<Integer> users = new ArrayList<>();
        funnel.path("steps").forEach(s -> users.add(s.path("users").asInt()));
        return users;
    }

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

    private static ExpectedCondition<List<WebElement>> rowsOf(String testId) {
        return ExpectedConditions.visibilityOfAllElementsLocatedBy(byTestId(testId));
    }

    private static ExpectedCondition<WebElement> visible(String testId) {
        return ExpectedConditions.visibilityOfElementLocated(byTestId(testId));
    }

    private static By byTestId(String testId) {
        return By.cssSelector("[data-testid='" + testId + "']");
    }

    private static WebElement testId(Chromium browser, String testId) {
        return browser.driver().findElement(byTestId(testId));
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

    /** Makes the window as tall as the page, so that one screenshot shows all of it. */
    private static void wholePage(Chromium browser) {
        long height =
                (Long)
                        browser.driver()
                                .executeScript(
                                        "return Math.ceil(document.documentElement.scrollHeight)");
        browser.driver().manage().window().setSize(new Dimension(1280, (int) height + 140));
    }

    /** Saves the page into docs/img when run from the repository, else under target/. */
    private static void screenshot(Chromium browser, String page) {
        Path docs = Path.of("..", "docs", "img");
        Path folder = Files.isDirectory(docs.getParent()) ? docs : Path.of("target", "screenshots");
        browser.screenshot(folder.resolve("dashboard-" + page + ".png"));
    }
}
