package dev.pulse.notify;

import static dev.pulse.notify.NotifierFixture.DAVID;
import static dev.pulse.notify.NotifierFixture.SARAH;
import static dev.pulse.notify.NotifierFixture.alert;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.pulse.notify.model.Delivery;
import dev.pulse.notify.model.Notification;
import dev.pulse.notify.model.NotificationPreferences;
import dev.pulse.notify.model.NotificationReason;
import dev.pulse.notify.model.OutboxEntry;
import dev.pulse.notify.model.QuietHours;
import dev.pulse.topologies.alert.AlertState;
import dev.pulse.topologies.alert.Severity;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class NotifierTopologyTest {
    private static final Instant T0 = Instant.parse("2026-11-20T10:00:00Z");
    private static final Duration DEADLINE = Duration.ofSeconds(10);

    private NotifierFixture pulse;

    private NotifierFixture start(Duration remindEvery) {
        pulse = new NotifierFixture(T0, remindEvery);
        return pulse;
    }

    @AfterEach
    void close() {
        if (pulse != null) {
            pulse.close();
        }
    }

    @Test
    void firingAlertTellsTheOwnerInTheFeedAndByEmailAndNobodyElse() {
        NotifierFixture p = start(Duration.ZERO);
        p.alert(alert("acme", AlertState.FIRING, T0, null, null), T0);

        List<Notification> out = p.notifications.readValuesToList();
        assertThat(out).hasSize(1);
        Notification n = out.get(0);
        assertThat(n.recipient()).isEqualTo(SARAH);
        assertThat(n.reason()).isEqualTo(NotificationReason.FIRED);
        assertThat(n.accountName()).isEqualTo("Acme Corp");
        assertThat(n.explanation()).isEqualTo("acme: no activity for 8 days");
        assertThat(n.channels()).containsExactly("email");
        assertThat(n.inApp()).isTrue();
        assertThat(p.feed(SARAH)).extracting(Notification::id).containsExactly(n.id());
        assertThat(p.feed(DAVID)).isEmpty();
        assertThat(p.console)
                .singleElement()
                .asString()
                .contains("fired Acme Corp")
                .contains(SARAH);

        deliverPending(p, 1);
        Delivery sent = p.email.delivered().get(0);
        assertThat(sent.recipient()).isEqualTo(SARAH);
        assertThat(sent.notifications()).extracting(Notification::id).containsExactly(n.id());
        p.advance(Duration.ofMillis(100)); // settle the outcome
        assertThat(outbox(p)).isEmpty();
        assertThat(p.listener.count("delivered:email")).isEqualTo(1);
    }

    @Test
    void ownersUnknownToTheDirectoryAreToldNothing() {
        NotifierFixture p = start(Duration.ZERO);
        p.alert(alert("orphan", AlertState.FIRING, T0, null, null), T0);

        assertThat(p.notifications.isEmpty()).isTrue();
        assertThat(p.listener.count("unrouted:owner-not-in-directory")).isEqualTo(1);
        assertThat(p.console).singleElement().asString().endsWith("-> []");
    }

    @Test
    void pendingAckAndSnoozeTellNobodyAndResolutionGoesToTheFeedOnly() {
        NotifierFixture p = start(Duration.ZERO);
        p.alert(alert("acme", AlertState.PENDING, T0, null, null), T0);
        assertThat(p.notifications.isEmpty()).isTrue();

        p.alert(alert("acme", AlertState.FIRING, T0, null, null), T0.plusSeconds(60));
        p.alert(alert("acme", AlertState.FIRING, T0, T0.plusSeconds(90), null), T0.plusSeconds(90));
        p.alert(
                alert("acme", AlertState.FIRING, T0, T0.plusSeconds(90), T0.plusSeconds(9000)),
                T0.plusSeconds(100));
        assertThat(p.notifications.readValuesToList())
                .extracting(Notification::reason)
                .containsExactly(NotificationReason.FIRED);

        p.alert(alert("acme", AlertState.RESOLVED, T0, null, null), T0.plusSeconds(200));
        Notification resolved = p.notifications.readValue();
        assertThat(resolved.reason()).isEqualTo(NotificationReason.RESOLVED);
        assertThat(resolved.channels()).isEmpty();
        assertThat(p.feed(SARAH)).hasSize(2);
    }

    @Test
    void snoozeEndingWhileStillFiringTellsAgain() {
        NotifierFixture p = start(Duration.ZERO);
        Instant until = T0.plusSeconds(3600);
        p.alert(alert("acme", AlertState.FIRING, T0, null, null), T0);
        p.alert(alert("acme", AlertState.FIRING, T0, null, until), T0.plusSeconds(10));
        p.alert(alert("acme", AlertState.FIRING, T0, null, null), until);

        assertThat(p.notifications.readValuesToList())
                .extracting(Notification::reason)
                .containsExactly(NotificationReason.FIRED, NotificationReason.SNOOZE_ENDED);
    }

    @Test
    void remindersRepeatUntilAcknowledged() {
        NotifierFixture p = start(Duration.ofHours(1));
        p.alert(alert("acme", AlertState.FIRING, T0, null, null), T0);
        assertThat(p.notifications.readValue().reason()).isEqualTo(NotificationReason.FIRED);

        p.advance(Duration.ofMinutes(59));
        assertThat(p.notifications.isEmpty()).isTrue();
        p.advance(Duration.ofMinutes(1));
        assertThat(p.notifications.readValue().reason()).isEqualTo(NotificationReason.REMINDER);

        p.alert(
                alert("acme", AlertState.FIRING, T0, T0.plusSeconds(3700), null),
                T0.plusSeconds(3700));
        p.advance(Duration.ofHours(3));
        assertThat(p.notifications.isEmpty()).isTrue();
        assertThat(p.listener.count("reminder-suppressed:acknowledged")).isPositive();
    }

    @Test
    void aChannelThatIsDownIsRetriedWithBackoffAndDeliversOnceWhenBack() {
        NotifierFixture p = start(Duration.ZERO);
        p.email.down(true);
        p.alert(alert("acme", AlertState.FIRING, T0, null, null), T0);

        p.advance(Duration.ofMillis(100));
        await().atMost(DEADLINE).until(() -> p.email.attempts() == 1);
        p.advance(Duration.ofMillis(100)); // settle: first failure, next attempt in 1 s
        OutboxEntry waiting = outbox(p).get(0);
        assertThat(waiting.attempts()).isEqualTo(1);
        assertThat(waiting.lastError()).contains("down");
        assertThat(waiting.nextAttemptAt()).isAfter(T0.plusMillis(1000));

        p.advance(Duration.ofMillis(500));
        assertThat(p.email.attempts()).isEqualTo(1); // still backing off

        p.email.down(false);
        p.advance(Duration.ofMillis(600));
        await().atMost(DEADLINE).until(() -> p.email.delivered().size() == 1);
        for (int i = 0; i < 20; i++) {
            p.advance(Duration.ofSeconds(1));
        }
        assertThat(p.email.delivered()).hasSize(1);
        assertThat(outbox(p)).isEmpty();
        assertThat(p.listener.count("failed:email")).isEqualTo(1);
    }

    @Test
    void preferencesChooseSeveritiesAndChannels() {
        NotifierFixture p = start(Duration.ZERO);
        p.preferences.pipeInput(
                SARAH, prefs(EnumSet.of(Severity.WARNING), List.of("email"), null, false), T0);
        p.alert(alert("acme", AlertState.FIRING, T0, null, null), T0);
        assertThat(p.notifications.isEmpty()).isTrue();
        assertThat(p.listener.count("unrouted:severity-not-wanted")).isEqualTo(1);

        p.preferences.pipeInput(
                DAVID, prefs(EnumSet.allOf(Severity.class), List.of("in-app"), null, false), T0);
        p.alert(alert("globex", AlertState.FIRING, T0, null, null), T0);
        Notification n = p.notifications.readValue();
        assertThat(n.recipient()).isEqualTo(DAVID);
        assertThat(n.channels()).isEmpty();
        assertThat(p.feed(DAVID)).hasSize(1);
    }

    @Test
    void aSavedChannelThisDeploymentDoesNotRunIsLeftOutWhenAddressed() {
        NotifierFixture p = start(Duration.ZERO);
        p.preferences.pipeInput(
                SARAH,
                prefs(EnumSet.allOf(Severity.class), List.of("slack", "email"), null, false),
                T0);
        p.alert(alert("acme", AlertState.FIRING, T0, null, null), T0);

        Notification n = p.notifications.readValue();
        assertThat(n.recipient()).isEqualTo(SARAH);
        assertThat(n.channels()).containsExactly("email");
        deliverPending(p, 1);
        assertThat(p.listener.count("unavailable:slack")).isZero();
    }

    @Test
    void quietHoursHoldPushChannelsUntilTheyEnd() {
        NotifierFixture p = start(Duration.ZERO);
        QuietHours quiet = new QuietHours(LocalTime.of(9, 0), LocalTime.of(11, 0));
        p.preferences.pipeInput(
                SARAH,
                prefs(EnumSet.allOf(Severity.class), List.of("in-app", "email"), quiet, false),
                T0);
        p.alert(alert("acme", AlertState.FIRING, T0, null, null), T0);

        assertThat(p.feed(SARAH)).hasSize(1); // the feed is not held
        assertThat(outbox(p))
                .singleElement()
                .extracting(OutboxEntry::notBefore)
                .isEqualTo(Instant.parse("2026-11-20T11:00:00Z"));
        p.advance(Duration.ofMinutes(59));
        assertThat(p.email.attempts()).isZero();
        p.advance(Duration.ofMinutes(1));
        deliverPending(p, 1);
    }

    @Test
    void aDigestCollectsAlertsIntoOneMessageAtTheDigestTime() {
        NotifierFixture p = start(Duration.ZERO);
        NotificationPreferences digest =
                new NotificationPreferences(
                        SARAH,
                        EnumSet.allOf(Severity.class),
                        List.of("email"),
                        null,
                        true,
                        LocalTime.of(12, 0),
                        "UTC",
                        T0);
        p.preferences.pipeInput(SARAH, digest, T0);
        p.accounts.pipeInput("initech", NotifierFixture.account("initech", "Initech", SARAH));
        p.alert(alert("acme", AlertState.FIRING, T0, null, null), T0);
        p.alert(alert("initech", AlertState.FIRING, T0, null, null), T0);

        p.advance(Duration.ofMinutes(119));
        assertThat(p.email.attempts()).isZero();
        p.advance(Duration.ofMinutes(1));
        deliverPending(p, 1);
        Delivery sent = p.email.delivered().get(0);
        assertThat(sent.digest()).isTrue();
        assertThat(sent.notifications())
                .extracting(Notification::tenantId)
                .containsExactlyInAnyOrder("acme", "initech");
    }

    @Test
    void aNotificationSeenBeforeIsNotSentAgain() {
        NotifierFixture p = start(Duration.ZERO);
        p.alert(alert("acme", AlertState.FIRING, T0, null, null), T0);
        Notification n = p.notifications.readValue();
        var outboxInput =
                p.driver.createInputTopic(
                        "pulse-notifier-test-notification-outbox-repartition",
                        NotifierTopics.NOTIFICATIONS.keySerde().serializer(),
                        NotifierTopics.NOTIFICATIONS.valueSerde().serializer());
        outboxInput.pipeInput(SARAH, n, T0); // as after a crash before the router committed

        assertThat(p.listener.count("duplicate")).isEqualTo(1);
        deliverPending(p, 1);
        for (int i = 0; i < 5; i++) {
            p.advance(Duration.ofSeconds(1));
        }
        assertThat(p.email.delivered()).hasSize(1);
    }

    private static NotificationPreferences prefs(
            Set<Severity> severities, List<String> channels, QuietHours quiet, boolean digest) {
        return new NotificationPreferences(
                SARAH, severities, channels, quiet, digest, null, "UTC", T0);
    }

    /** Advances the wall clock by one dispatch tick until the channel has {@code n} deliveries. */
    private static void deliverPending(NotifierFixture p, int n) {
        await().atMost(DEADLINE)
                .pollInterval(Duration.ofMillis(10))
                .until(
                        () -> {
                            p.advance(Duration.ofMillis(100));
                            return p.email.delivered().size() >= n;
                        });
    }

    private static List<OutboxEntry> outbox(NotifierFixture p) {
        KeyValueStore<String, OutboxEntry> store = p.driver.getKeyValueStore(NotifierStores.OUTBOX);
        List<OutboxEntry> entries = new java.util.ArrayList<>();
        try (var it = store.all()) {
            it.forEachRemaining(
                    kv -> {
                        if (kv.value != null) {
                            entries.add(kv.value);
                        }
                    });
        }
        return entries;
    }
}
