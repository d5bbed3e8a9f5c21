package dev.pulse.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import dev.pulse.app.config.PulseConfig;
import dev.pulse.streams.broker.SharedKafkaBroker;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Alert delivery over the whole running program, with a real SMTP server (GreenMail): a tenant
 * whose weekly usage dropped to a fraction of the four weeks before fires the usage-drop rule, and
 * its owner is told by e-mail, in the in-app feed and on the live stream; other account managers
 * are told nothing. The fault and reminder tests use a tenant whose usage stopped ten days ago (the
 * silence rule). The broker is shared with other tests, so every assertion is about this test's own
 * tenant.
 */
@ExtendWith(SharedKafkaBroker.class)
class NotificationEndToEndIT {
    private static final String SARAH = "sarah.chen@demo.pulse.dev";
    private static final String DAVID = "david.okafor@demo.pulse.dev";
    private static final String KENJI = "kenji.watanabe@demo.pulse.dev";
    private static final Duration DEADLINE = Duration.ofSeconds(90);

    @TempDir Path stateDir;

    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final String tenant = "notify-" + run;
    private final String accountName = "Quiet Harbor " + run;
    private GreenMail smtp;

    @AfterEach
    void stopSmtp() {
        if (smtp != null) {
            smtp.stop();
        }
    }

    @Test
    void theOwnerIsToldByEmailInTheFeedAndOnTheStreamAndNobodyElseIs() throws Exception {
        smtp = startSmtp(freePort());
        try (PulseApplication pulse =
                start(smtp.getSmtp().getPort(), Duration.ZERO, E2eScenarios.USAGE_DROP_RULE)) {
            PulseHttp admin = new PulseHttp(pulse.apiPort());
            PulseHttp sarah = admin.as(SARAH);
            try (SseClient stream =
                    new SseClient(
                            pulse.apiPort(),
                            "/v1/notifications/stream",
                            TestTokens.forUser(SARAH))) {
                dropUsage(admin);

                MimeMessage mail =
                        await().atMost(DEADLINE)
                                .until(() -> mailsFor(tenant), m -> !m.isEmpty())
                                .get(0);
                JsonNode alert = firingAlert(admin);
                assertThat(alert.path("ruleId").asText()).isEqualTo("usage-drop");
                assertThat(alert.path("explanation").asText()).contains("down");
                String explanation = alert.path("explanation").asText();
                assertThat(explanation).contains(accountName);
                assertThat(mail.getAllRecipients()[0].toString()).isEqualTo(SARAH);
                assertThat(mail.getSubject()).contains(accountName).contains("warning");
                assertThat(GreenMailUtil.getBody(mail)).contains(tenant);
                String text = textOf(mail);
                assertThat(text).contains(explanation).contains("/v1/accounts/" + tenant);

                JsonNode feed =
                        await().atMost(DEADLINE)
                                .until(() -> feedItem(sarah, tenant), n -> n != null);
                assertThat(feed.path("explanation").asText()).isEqualTo(explanation);
                assertThat(feed.path("reason").asText()).isEqualTo("fired");
                assertThat(feed.has("readAt")).isFalse();

                SseClient.Event pushed =
                        await().atMost(DEADLINE)
                                .until(
                                        () ->
                                                stream.events().stream()
                                                        .filter(
                                                                e ->
                                                                        e.event()
                                                                                .equals(
                                                                                        "notification"))
                                                        .filter(e -> e.data().contains(tenant))
                                                        .findFirst()
                                                        .orElse(null),
                                        e -> e != null);
                assertThat(stream.status()).isEqualTo(200);
                assertThat(pushed.event()).isEqualTo("notification");
                assertThat(pushed.id()).isEqualTo(feed.path("id").asText());

                // The same stream carries the account's new scores, for an open portfolio.
                SseClient.Event scored =
                        await().atMost(DEADLINE)
                                .until(
                                        () ->
                                                stream.events().stream()
                                                        .filter(e -> e.event().equals("score"))
                                                        .filter(e -> e.data().contains(tenant))
                                                        .findFirst()
                                                        .orElse(null),
                                        e -> e != null);
                JsonNode score = new ObjectMapper().readTree(scored.data());
                assertThat(score.path("tenantId").asText()).isEqualTo(tenant);
                assertThat(score.path("score").isNumber()).isTrue();
                assertThat(score.path("band").asText()).isNotBlank();

                // Nobody else: not David (another account manager), by mail or in his feed.
                assertThat(feedItem(admin.as(DAVID), tenant)).isNull();
                assertThat(mailsFor(tenant))
                        .allSatisfy(
                                m ->
                                        assertThat(m.getAllRecipients()[0].toString())
                                                .isEqualTo(SARAH))
                        .hasSize(1);

                String id = feed.path("id").asText();
                PulseHttp.Response read =
                        sarah.post("/v1/notifications/" + id + "/read", "application/json", "");
                assertThat(read.status()).as(read.body()).isEqualTo(200);
                await().atMost(DEADLINE)
                        .until(() -> feedItem(sarah, tenant), n -> n != null && n.has("readAt"));
                assertThat(
                                admin.as(DAVID)
                                        .post(
                                                "/v1/notifications/" + id + "/read",
                                                "application/json",
                                                "")
                                        .status())
                        .isEqualTo(404);

                // Preferences: defaults until saved; saved ones read back from every instance's
                // global store; bad input is a 400 naming the field. Kenji's, not Sarah's: saved
                // preferences live on the shared broker and would change what later tests' Sarah
                // is told.
                PulseHttp kenji = admin.as(KENJI);
                JsonNode defaults = kenji.get("/v1/me/notification-preferences").json();
                assertThat(defaults.path("channels").toString()).contains("in-app", "email");
                PulseHttp.Response saved =
                        kenji.put(
                                "/v1/me/notification-preferences",
                                "{\"severities\":[\"critical\"],\"channels\":[\"in-app\"],"
                                        + "\"quietHours\":{\"start\":\"22:00\",\"end\":\"07:00\"},"
                                        + "\"timeZone\":\"Europe/Berlin\"}");
                assertThat(saved.status()).as(saved.body()).isEqualTo(200);
                JsonNode mine =
                        await().atMost(DEADLINE)
                                .until(
                                        () -> kenji.get("/v1/me/notification-preferences").json(),
                                        p -> p.path("updatedAt").isTextual());
                assertThat(mine.path("severities").toString()).isEqualTo("[\"critical\"]");
                assertThat(mine.path("timeZone").asText()).isEqualTo("Europe/Berlin");
                assertThat(mine.path("quietHours").path("start").asText()).startsWith("22:00");
                PulseHttp.Response badChannel =
                        kenji.put("/v1/me/notification-preferences", "{\"channels\":[\"pager\"]}");
                assertThat(badChannel.status()).isEqualTo(400);
                assertThat(badChannel.body()).contains("pager").contains("in-app, email");
                assertThat(
                                kenji.put("/v1/me/notification-preferences", "{\"colour\":\"red\"}")
                                        .status())
                        .isEqualTo(400);
                assertThat(
                                admin.as(DAVID)
                                        .get("/v1/me/notification-preferences")
                                        .json()
                                        .path("severities")
                                        .size())
                        .isEqualTo(3);
            }
        }
    }

    @Test
    void mailWaitsForASmtpServerThatIsDownAcrossARestartAndArrivesExactlyOnce() throws Exception {
        int port = freePort(); // nothing listens here yet
        try (PulseApplication pulse = start(port, Duration.ZERO)) {
            PulseHttp admin = new PulseHttp(pulse.apiPort());
            goSilent(admin);
            firingAlert(admin);
            await().atMost(DEADLINE)
                    .until(
                            () ->
                                    metric(
                                                    pulse,
                                                    "pulse_notification_deliveries_total{channel=\"email\",outcome=\"failed\"")
                                            >= 2);
        }
        smtp = startSmtp(port);
        try (PulseApplication pulse = start(port, Duration.ZERO)) {
            await().atMost(DEADLINE).until(() -> mailsFor(tenant).size() == 1);
            await().atMost(DEADLINE)
                    .until(
                            () ->
                                    metric(
                                                            pulse,
                                                            "pulse_notification_deliveries_total{channel=\"email\",outcome=\"delivered\"")
                                                    >= 1
                                            && metric(
                                                            pulse,
                                                            "pulse_notification_outbox_depth{channel=\"email\"")
                                                    == 0);
            assertThat(mailsFor(tenant)).hasSize(1);
            assertThat(mailsFor(tenant).get(0).getAllRecipients()[0].toString()).isEqualTo(SARAH);
        }
    }

    @Test
    void remindersStopWhenAcknowledgedAndASnoozeThatEndsTellsAgain() throws Exception {
        smtp = startSmtp(freePort());
        try (PulseApplication pulse = start(smtp.getSmtp().getPort(), Duration.ofSeconds(2))) {
            PulseHttp admin = new PulseHttp(pulse.apiPort());
            PulseHttp sarah = admin.as(SARAH);
            goSilent(admin);
            await().atMost(DEADLINE)
                    .until(() -> subjects(tenant).stream().anyMatch(s -> s.contains("reminder")));

            PulseHttp.Response ack =
                    sarah.post(
                            "/v1/alerts/" + tenant + "/gone-silent/ack", "application/json", "{}");
            assertThat(ack.status()).as(ack.body()).isEqualTo(202);
            await().atMost(DEADLINE).until(() -> firingAlert(admin).has("acknowledgedAt"));
            double suppressed = suppressedAfterAck(pulse);
            int mailsAtAck = mailsFor(tenant).size();
            // Two more reminder periods pass, each one a reminder not sent.
            await().atMost(DEADLINE).until(() -> suppressedAfterAck(pulse) >= suppressed + 2);
            assertThat(mailsFor(tenant))
                    .hasSizeLessThanOrEqualTo(
                            mailsAtAck + 1); // one may have been in flight at the ack
            int mailsAfterAck = mailsFor(tenant).size();
            await().atMost(DEADLINE).until(() -> suppressedAfterAck(pulse) >= suppressed + 4);
            assertThat(mailsFor(tenant)).hasSize(mailsAfterAck);

            PulseHttp.Response snooze =
                    sarah.post(
                            "/v1/alerts/" + tenant + "/gone-silent/snooze",
                            "application/json",
                            "{\"for\":\"PT3S\"}");
            assertThat(snooze.status()).as(snooze.body()).isEqualTo(202);
            await().atMost(DEADLINE)
                    .until(
                            () ->
                                    subjects(tenant).stream()
                                            .anyMatch(s -> s.contains("snooze ended")));
        }
    }

    private PulseApplication start(int smtpPort, Duration remindEvery) {
        return start(smtpPort, remindEvery, E2eScenarios.SILENCE_RULE);
    }

    private PulseApplication start(int smtpPort, Duration remindEvery, String rule) {
        PulseConfig base =
                TestPulse.config(stateDir.resolve("state"), "notify-" + run)
                        .withAlertRules(E2eScenarios.rulesFile(stateDir, rule));
        PulseConfig.Notifier n = base.notifier();
        PulseConfig config =
                base.withPipeline(
                                base.pipeline()
                                        .withGrace(E2eScenarios.USAGE_DROP_GRACE)
                                        .withAlertEvaluationInterval(Duration.ofMillis(500)))
                        .withNotifier(
                                new PulseConfig.Notifier(
                                        false,
                                        n.linkBaseUrl(),
                                        remindEvery,
                                        Duration.ofMillis(200),
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
                                                "Pulse <alerts@pulse.test>",
                                                Duration.ofSeconds(2))));
        PulseApplication pulse =
                PulseApplication.start(config, PulseApplication.StartupProgress.SILENT);
        pulse.awaitRunning(Duration.ofSeconds(60));
        return pulse;
    }

    /**
     * Sarah's account: about 350 events a week for four weeks, then two a day for the last seven
     * days (the newest a minute ago): usage down over 90 % against the same weekdays.
     */
    private void dropUsage(PulseHttp admin) {
        postAccount(admin);
        PulseHttp.Response sent =
                admin.post(
                        "/v1/events", "application/x-ndjson", E2eScenarios.usageDrop(run, tenant));
        assertThat(sent.status()).as(sent.body()).isEqualTo(200);
        assertThat(sent.json().path("rejected").asInt()).as(sent.body()).isZero();
    }

    private void postAccount(PulseHttp admin) {
        admin.addAccounts(tenant + "," + accountName + "," + SARAH + ",5\n");
    }

    /** Sarah's account whose only usage is ten days old: the silence rule fires. */
    private void goSilent(PulseHttp admin) {
        postAccount(admin);
        Instant tenDaysAgo = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(Duration.ofDays(10));
        admin.addEvents(
                "["
                        + PulseEndToEndIT.event(run + "-1", tenant, "u1", "login", null, tenDaysAgo)
                        + "]");
    }

    private JsonNode firingAlert(PulseHttp admin) {
        return await().atMost(DEADLINE)
                .until(
                        () -> {
                            for (JsonNode a :
                                    admin.get("/v1/alerts?tenant=" + tenant + "&state=firing")
                                            .json()
                                            .path("alerts")) {
                                return a;
                            }
                            return null;
                        },
                        a -> a != null);
    }

    private static JsonNode feedItem(PulseHttp user, String tenant) {
        PulseHttp.Response response = user.get("/v1/notifications?limit=500");
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        for (JsonNode n : response.json().path("notifications")) {
            if (n.path("tenantId").asText().equals(tenant)) {
                return n;
            }
        }
        return null;
    }

    private List<MimeMessage> mailsFor(String tenant) {
        if (smtp == null) {
            return List.of();
        }
        List<MimeMessage> result = new ArrayList<>();
        for (MimeMessage m : smtp.getReceivedMessages()) {
            if (GreenMailUtil.getBody(m).contains(tenant)) {
                result.add(m);
            }
        }
        return result;
    }

    private List<String> subjects(String tenant) {
        return mailsFor(tenant).stream()
                .map(
                        m -> {
                            try {
                                return m.getSubject();
                            } catch (MessagingException e) {
                                throw new IllegalStateException(e);
                            }
                        })
                .toList();
    }

    private static String textOf(MimeMessage mail) throws Exception {
        jakarta.mail.Multipart parts = (jakarta.mail.Multipart) mail.getContent();
        return (String) parts.getBodyPart(0).getContent();
    }

    private static double suppressedAfterAck(PulseApplication pulse) {
        return metric(
                pulse, "pulse_notification_reminders_suppressed_total{reason=\"acknowledged\"");
    }

    /** The value of the first sample whose line starts with {@code prefix}; 0 when absent. */
    private static double metric(PulseApplication pulse, String prefix) {
        return Arrays.stream(pulse.meterRegistry().scrape().split("\n"))
                .filter(line -> line.startsWith(prefix))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
    }

    private static GreenMail startSmtp(int port) {
        GreenMail mail =
                new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        mail.start();
        return mail;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
