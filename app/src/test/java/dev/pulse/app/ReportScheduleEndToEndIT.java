package dev.pulse.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.pulse.app.config.PulseConfig;
import dev.pulse.streams.broker.SharedKafkaBroker;
import dev.pulse.streams.testing.MutableClock;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Report schedules over the whole running program: made, listed and cancelled through the API under
 * the export rights, fired when the scheduler's clock reaches the run time, rendered as the owner
 * and sent through the notifier's outbox by e-mail with the PDF attached (GreenMail), and refused,
 * audited and not sent when the owner lost the account in between.
 */
@ExtendWith(SharedKafkaBroker.class)
class ReportScheduleEndToEndIT {
    private static final String SARAH = "sarah.chen@demo.pulse.dev";
    private static final String DAVID = "david.okafor@demo.pulse.dev";
    private static final String ZONE = "Europe/Berlin";
    private static final Duration DEADLINE = Duration.ofSeconds(90);

    @TempDir Path stateDir;

    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final String kept = "sched-" + run;
    private final String lost = "sched-lost-" + run;
    private final MutableClock clock = new MutableClock(Instant.now());
    private GreenMail smtp;

    @AfterEach
    void stopSmtp() {
        if (smtp != null) {
            smtp.stop();
        }
    }

    @Test
    void aScheduleIsMadeListedFiredByEmailWithItsPdfAndCancelled() throws Exception {
        smtp = new GreenMail(new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        try (PulseApplication pulse = start(smtp.getSmtp().getPort())) {
            PulseHttp admin = new PulseHttp(pulse.apiPort());
            PulseHttp sarah = admin.as(SARAH);
            PulseHttp david = admin.as(DAVID);
            admin.addAccounts(
                    kept
                            + ",Kept Harbor "
                            + run
                            + ","
                            + SARAH
                            + ",5\n"
                            + lost
                            + ",Lost Harbor "
                            + run
                            + ","
                            + SARAH
                            + ",5\n");
            await().atMost(DEADLINE).until(() -> sarah.get("/v1/accounts/" + lost).status() == 200);

            String weekday = LocalDate.now(ZoneId.of(ZONE)).plusDays(1).getDayOfWeek().name();
            PulseHttp.Response created = sarah.post(SCHEDULES, JSON, weekly(kept, weekday));
            assertThat(created.status()).as(created.body()).isEqualTo(201);
            JsonNode schedule = created.json();
            assertThat(schedule.path("report").asText()).isEqualTo("account");
            assertThat(schedule.path("tenant").asText()).isEqualTo(kept);
            assertThat(schedule.path("dayOfWeek").asText()).isEqualTo(weekday);
            assertThat(schedule.path("format").asText()).isEqualTo("pdf");
            assertThat(schedule.path("periodDays").asInt()).isEqualTo(7);
            assertThat(schedule.path("createdBy").asText()).isEqualTo(SARAH);
            Instant nextRun = Instant.parse(schedule.path("nextRunAt").asText());
            assertThat(nextRun.atZone(ZoneId.of(ZONE)).toLocalTime()).hasToString("08:00");
            String id = schedule.path("id").asText();
            PulseHttp.Response doomed = sarah.post(SCHEDULES, JSON, weekly(lost, weekday));
            assertThat(doomed.status()).as(doomed.body()).isEqualTo(201);

            // Bad input names the field; rights are those of an export now.
            PulseHttp.Response badDay =
                    sarah.post(
                            SCHEDULES,
                            JSON,
                            weekly(kept, weekday)
                                    .replace("\"weekly\"", "\"monthly\"")
                                    .replace(
                                            "\"dayOfWeek\":\"" + weekday + "\"",
                                            "\"dayOfMonth\":29"));
            assertThat(badDay.status()).isEqualTo(400);
            assertThat(badDay.body()).contains("dayOfMonth");
            PulseHttp.Response badZone =
                    sarah.post(SCHEDULES, JSON, weekly(kept, weekday).replace(ZONE, "Mars/Base"));
            assertThat(badZone.status()).isEqualTo(400);
            assertThat(badZone.body()).contains("timeZone");
            assertThat(david.post(SCHEDULES, JSON, weekly(kept, weekday)).status()).isEqualTo(403);

            // Listed for their owner only; cancelled only by them (or an admin).
            JsonNode mine = sarah.get(SCHEDULES).json().path("schedules");
            assertThat(mine.findValuesAsText("id")).contains(id);
            assertThat(david.get(SCHEDULES).json().path("schedules").findValuesAsText("id"))
                    .doesNotContain(id);
            assertThat(david.get(SCHEDULES + "?owner=" + SARAH).status()).isEqualTo(403);
            assertThat(admin.get(SCHEDULES + "?owner=" + SARAH).body()).contains(id);
            assertThat(david.delete(SCHEDULES + "/" + id).status()).isEqualTo(403);
            assertThat(sarah.delete(SCHEDULES + "/rs-unknown").status()).isEqualTo(404);

            // Sarah loses the second account before its run.
            admin.addAccounts(lost + ",Lost Harbor " + run + "," + DAVID + ",5\n");
            await().atMost(DEADLINE).until(() -> sarah.get("/v1/accounts/" + lost).status() == 403);

            clock.advance(Duration.between(clock.instant(), nextRun.plusSeconds(60)));

            MimeMessage mail =
                    await().atMost(DEADLINE)
                            .until(() -> mailsAbout(kept), m -> !m.isEmpty())
                            .get(0);
            assertThat(mail.getAllRecipients()[0].toString()).isEqualTo(SARAH);
            assertThat(mail.getSubject()).contains("Weekly report").contains(kept);
            byte[] pdf = attachment(mail);
            assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.US_ASCII))
                    .isEqualTo("%PDF-");
            try (PDDocument document = Loader.loadPDF(pdf)) {
                assertThat(document.getNumberOfPages()).isPositive();
            }

            JsonNode denied =
                    await().atMost(DEADLINE)
                            .until(
                                    () ->
                                            admin.get(
                                                            "/v1/audit?subject="
                                                                    + SARAH
                                                                    + "&result=denied&limit=100")
                                                    .json(),
                                    audit ->
                                            audit.toString().contains("via SCHEDULE")
                                                    && audit.toString().contains(lost));
            assertThat(denied.toString()).contains(lost);
            // The refused run is not sent; the allowed one was sent exactly once.
            assertThat(mailsAbout(lost)).isEmpty();
            assertThat(mailsAbout(kept)).hasSize(1);

            assertThat(sarah.delete(SCHEDULES + "/" + id).status()).isEqualTo(204);
            assertThat(sarah.get(SCHEDULES).json().path("schedules").findValuesAsText("id"))
                    .doesNotContain(id);
            assertThat(sarah.delete(SCHEDULES + "/" + id).status()).isEqualTo(404);
        }
    }

    private static final String SCHEDULES = "/v1/report-schedules";
    private static final String JSON = "application/json";

    private static String weekly(String tenant, String weekday) {
        return "{\"report\":\"account\",\"tenant\":\""
                + tenant
                + "\",\"cadence\":\"weekly\",\"dayOfWeek\":\""
                + weekday
                + "\",\"time\":\"08:00\",\"timeZone\":\""
                + ZONE
                + "\",\"format\":\"pdf\",\"channels\":[\"email\"]}";
    }

    private List<MimeMessage> mailsAbout(String tenant) {
        return Arrays.stream(smtp.getReceivedMessages())
                .filter(
                        m -> {
                            try {
                                return m.getSubject().contains("account " + tenant + " ");
                            } catch (jakarta.mail.MessagingException e) {
                                return false;
                            }
                        })
                .toList();
    }

    private static byte[] attachment(MimeMessage mail) throws Exception {
        Multipart mixed = (Multipart) mail.getContent();
        for (int i = 0; i < mixed.getCount(); i++) {
            BodyPart part = mixed.getBodyPart(i);
            if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
                assertThat(part.getFileName()).endsWith(".pdf");
                assertThat(part.getContentType()).startsWith("application/pdf");
                try (InputStream in = part.getInputStream()) {
                    return in.readAllBytes();
                }
            }
        }
        throw new AssertionError("no attachment in " + mail.getSubject());
    }

    private PulseApplication start(int smtpPort) {
        PulseConfig base = TestPulse.config(stateDir.resolve("state"), "schedules-" + run);
        PulseConfig.Notifier n = base.notifier();
        PulseConfig config =
                base.withNotifier(
                                new PulseConfig.Notifier(
                                        false,
                                        n.linkBaseUrl(),
                                        n.remindEvery(),
                                        n.reminderCheck(),
                                        Duration.ofMillis(100),
                                        Duration.ofMillis(300),
                                        Duration.ofSeconds(2),
                                        0.2,
                                        n.channelQueue(),
                                        n.defaults(),
                                        new PulseConfig.Email(
                                                "127.0.0.1",
                                                smtpPort,
                                                "none",
                                                "",
                                                "",
                                                "Pulse <reports@pulse.test>",
                                                Duration.ofSeconds(2))))
                        .withReports(new PulseConfig.Reports(true, Duration.ofMillis(200)));
        PulseApplication pulse =
                PulseApplication.start(
                        config, PulseApplication.StartupProgress.SILENT, router -> {}, clock);
        pulse.awaitRunning(Duration.ofSeconds(60));
        return pulse;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
