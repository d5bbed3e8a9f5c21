package dev.pulse.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.pulse.app.config.PulseConfig;
import dev.pulse.bot.slack.FakeSlackApi;
import dev.pulse.streams.broker.SharedKafkaBroker;
import dev.pulse.streams.testing.MutableClock;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reports in Slack over the whole running program, against a local server playing Slack's Web API:
 * {@code /pulse report <account> pdf}, signed as Slack signs it, is rendered by the real engine and
 * uploaded into the channel (getUploadURLExternal, upload, completeUploadExternal); a schedule
 * delivered by chat is uploaded into the owner's direct messages when its time comes.
 */
@ExtendWith(SharedKafkaBroker.class)
class ReportChatEndToEndIT {
    private static final String SARAH = "sarah.chen@demo.pulse.dev";
    private static final String SARAH_SLACK_ID = "USARAHRPT";
    private static final String SIGNING_SECRET = "report-secret-" + UUID.randomUUID();
    private static final Duration DEADLINE = Duration.ofSeconds(90);

    @TempDir Path stateDir;

    @Test
    void aReportIsUploadedOnAskingAndAScheduledOneArrivesInTheOwnersDm() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String tenant = "chatrpt-" + run;
        String name = "Chat Harbor " + run;
        MutableClock clock = new MutableClock(Instant.now());
        try (FakeSlackApi slack = new FakeSlackApi();
                PulseApplication pulse =
                        PulseApplication.start(
                                withSlack(
                                        TestPulse.config(stateDir, "chatrpt-" + run)
                                                .withReports(
                                                        new PulseConfig.Reports(
                                                                true, Duration.ofMillis(200))),
                                        slack.apiUrl()),
                                PulseApplication.StartupProgress.SILENT,
                                router -> {},
                                clock)) {
            slack.addUser(SARAH_SLACK_ID, "Sarah Chen", SARAH);
            pulse.awaitRunning(Duration.ofSeconds(60));
            PulseHttp admin = new PulseHttp(pulse.apiPort());
            PulseHttp sarah = admin.as(SARAH);
            admin.addAccounts(tenant + "," + name + "," + SARAH + ",5\n");
            await().atMost(DEADLINE)
                    .until(() -> sarah.get("/v1/accounts/" + tenant).status() == 200);

            HttpResponse<String> ack =
                    slash(pulse.apiPort(), slack, "report " + name + " pdf", "report");
            assertThat(ack.statusCode()).as(ack.body()).isEqualTo(200);
            FakeSlackApi.Upload asked =
                    await().atMost(DEADLINE)
                            .until(
                                    () ->
                                            slack.uploads().stream()
                                                    .filter(u -> "C0GENERAL".equals(u.channel()))
                                                    .findFirst()
                                                    .orElse(null),
                                    u -> u != null);
            assertThat(asked.filename()).startsWith("review-" + tenant).endsWith(".pdf");
            assertThat(asked.declaredLength()).isEqualTo(asked.bytes().length);
            try (PDDocument pdf = Loader.loadPDF(asked.bytes())) {
                assertThat(new PDFTextStripper().getText(pdf)).contains(name);
            }

            String weekday =
                    LocalDate.now(ZoneId.of("Europe/Berlin")).plusDays(1).getDayOfWeek().name();
            PulseHttp.Response created =
                    sarah.post(
                            "/v1/report-schedules",
                            "application/json",
                            "{\"report\":\"account\",\"tenant\":\""
                                    + tenant
                                    + "\",\"cadence\":\"weekly\",\"dayOfWeek\":\""
                                    + weekday
                                    + "\",\"time\":\"07:30\",\"timeZone\":\"Europe/Berlin\","
                                    + "\"format\":\"pdf\",\"channels\":[\"chat\"]}");
            assertThat(created.status()).as(created.body()).isEqualTo(201);
            clock.advance(
                    Duration.between(
                            clock.instant(),
                            Instant.parse(created.json().path("nextRunAt").asText())
                                    .plusSeconds(5)));

            FakeSlackApi.Upload scheduled =
                    await().atMost(DEADLINE)
                            .until(
                                    () ->
                                            slack.uploads().stream()
                                                    .filter(
                                                            u ->
                                                                    ("D" + SARAH_SLACK_ID)
                                                                            .equals(u.channel()))
                                                    .findFirst()
                                                    .orElse(null),
                                    u -> u != null);
            assertThat(scheduled.initialComment()).contains("Weekly report").contains(tenant);
            assertThat(new String(scheduled.bytes(), 0, 5, StandardCharsets.US_ASCII))
                    .isEqualTo("%PDF-");
            try (PDDocument pdf = Loader.loadPDF(scheduled.bytes())) {
                assertThat(pdf.getNumberOfPages()).isPositive();
            }

            // The same schedules from chat: made, listed and cancelled with the bot's words.
            String made =
                    answer(
                            pulse,
                            slack,
                            "report schedule "
                                    + name
                                    + " monthly on 28th at 06:45 in America/New_York csv by email",
                            "made");
            assertThat(made).contains("Scheduled rs-").contains("monthly on day 28");
            String id = made.replaceAll("(?s).*Scheduled (rs-[0-9a-f]+).*", "$1");
            assertThat(sarah.get("/v1/report-schedules").body())
                    .contains(id)
                    .contains("America/New_York")
                    .contains("\"format\":\"csv\"");
            assertThat(answer(pulse, slack, "report schedules", "list")).contains(id);
            assertThat(answer(pulse, slack, "report cancel " + id, "cancel"))
                    .contains("Cancelled report schedule " + id);
            assertThat(sarah.get("/v1/report-schedules").body()).doesNotContain(id);
            assertThat(answer(pulse, slack, "report schedule " + name + " weekly at 8:00", "bad"))
                    .contains("weekday");
        }
    }

    /** Asks by slash command and returns the text Pulse answered at the response URL. */
    private static String answer(
            PulseApplication pulse, FakeSlackApi slack, String text, String responseId)
            throws Exception {
        assertThat(slash(pulse.apiPort(), slack, text, responseId).statusCode()).isEqualTo(200);
        return await().atMost(DEADLINE)
                .until(() -> slack.calls("respond/" + responseId), calls -> !calls.isEmpty())
                .get(0)
                .json()
                .get("text")
                .getAsString();
    }

    private static HttpResponse<String> slash(
            int port, FakeSlackApi slack, String text, String responseId) throws Exception {
        String body =
                "token=legacy&team_id=T0PULSE&team_domain=pulse-test&channel_id=C0GENERAL"
                        + "&channel_name=general&user_id="
                        + SARAH_SLACK_ID
                        + "&user_name=sarah&command=%2Fpulse&text="
                        + URLEncoder.encode(text, StandardCharsets.UTF_8)
                        + "&api_app_id=A0PULSE&trigger_id=1.2.3&response_url="
                        + URLEncoder.encode(slack.responseUrl(responseId), StandardCharsets.UTF_8);
        return SignedSlack.send(port, body, SIGNING_SECRET, Instant.now().getEpochSecond());
    }

    private static PulseConfig withSlack(PulseConfig config, String apiUrl) {
        PulseConfig.Bot bot = config.bot();
        return config.withBot(
                new PulseConfig.Bot(
                        bot.timeZone(),
                        new PulseConfig.Slack(SIGNING_SECRET, "xoxb-e2e-token", "", apiUrl, ""),
                        bot.teams(),
                        bot.discord()));
    }
}
