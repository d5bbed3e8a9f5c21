package dev.pulse.topologies.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pulse.topologies.alert.Alert;
import dev.pulse.topologies.alert.AlertKind;
import dev.pulse.topologies.alert.AlertState;
import dev.pulse.topologies.alert.Severity;
import dev.pulse.topologies.followup.FollowUp;
import dev.pulse.topologies.followup.FollowUpCommand;
import dev.pulse.topologies.followup.FollowUpStatus;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.junit.jupiter.api.Test;

/** Follow-up commands through the production topology on a test driver. */
class FollowUpPipelineTest {
    private static final Instant NOW = Instant.parse("2026-11-20T10:00:00Z");
    private static final String SAM = "sam@example.com";
    private static final String ID = "0b6f8a8e-6f2c-4d8e-9a57-3f1c2d4e5f60";
    private static final String OTHER_ID = "9a1b2c3d-4e5f-4a6b-8c7d-0e1f2a3b4c5d";
    private static final LocalDate DUE = LocalDate.parse("2026-11-27");

    @Test
    void aCreateIsKeptUnderTenantAndIdAndTheSameCommandSentAgainChangesNothing() throws Exception {
        try (PipelineFixture f = new PipelineFixture(NOW)) {
            FollowUpCommand create = create(ID, null, "Call the champion");

            f.followUpCommands.pipeInput("acme", create);
            f.followUpCommands.pipeInput("acme", create);
            f.followUpCommands.pipeInput("acme-2", create(OTHER_ID, null, "Another account"));

            FollowUp kept = f.followUpStore().get("acme/" + ID);
            assertThat(kept.tenantId()).isEqualTo("acme");
            assertThat(kept.title()).isEqualTo("Call the champion");
            assertThat(kept.status()).isEqualTo(FollowUpStatus.OPEN);
            assertThat(kept.owner()).isEqualTo(SAM);
            assertThat(kept.dueDate()).isEqualTo(DUE);
            assertThat(kept.createdAt()).isEqualTo(NOW);
            assertThat(f.listener.ignoredFollowUps).containsExactly("duplicate");
            assertThat(accountFollowUps(f, "acme")).extracting(FollowUp::id).containsExactly(ID);
        }
    }

    @Test
    void updatesApplyInOrderAndAClosedFollowUpMustBeReopenedBeforeItChangesAgain()
            throws Exception {
        try (PipelineFixture f = new PipelineFixture(NOW)) {
            f.followUpCommands.pipeInput("acme", create(ID, null, "Call the champion"));

            f.followUpCommands.pipeInput("acme", status(FollowUpStatus.DONE, 1));
            f.followUpCommands.pipeInput("acme", status(FollowUpStatus.CANCELLED, 2));
            FollowUp done = f.followUpStore().get("acme/" + ID);
            f.followUpCommands.pipeInput("acme", status(FollowUpStatus.OPEN, 3));

            FollowUp reopened = f.followUpStore().get("acme/" + ID);
            assertThat(done.status()).isEqualTo(FollowUpStatus.DONE);
            assertThat(done.updatedAt()).isEqualTo(NOW.plusSeconds(1));
            assertThat(reopened.status()).isEqualTo(FollowUpStatus.OPEN);
            assertThat(reopened.updatedAt()).isEqualTo(NOW.plusSeconds(3));
            assertThat(reopened.createdAt()).isEqualTo(NOW);
            assertThat(f.listener.ignoredFollowUps).containsExactly("conflict");
        }
    }

    @Test
    void unknownIdsAnotherTenantsFollowUpAndInvalidCommandsAreIgnoredAndCounted() throws Exception {
        try (PipelineFixture f = new PipelineFixture(NOW)) {
            f.followUpCommands.pipeInput("acme", create(ID, null, "Call the champion"));

            f.followUpCommands.pipeInput("globex", status(FollowUpStatus.DONE, 1));
            f.followUpCommands.pipeInput("acme", create(OTHER_ID, null, " "));
            f.followUpCommands.pipeInput("acme", create("not-a-uuid", null, "Title"));
            f.followUpCommands.pipeInput("acme", (FollowUpCommand) null);

            assertThat(f.followUpStore().get("acme/" + ID).status()).isEqualTo(FollowUpStatus.OPEN);
            assertThat(f.followUpStore().get("globex/" + ID)).isNull();
            assertThat(f.followUpStore().get("acme/" + OTHER_ID)).isNull();
            assertThat(f.listener.ignoredFollowUps)
                    .containsExactly("unknown", "invalid", "invalid", "invalid");
        }
    }

    @Test
    void aFollowUpFromAnAlertNeedsThatAlertOfTheSameTenant() throws Exception {
        try (PipelineFixture f = new PipelineFixture(NOW)) {
            f.followUpCommands.pipeInput("acme", create(ID, "acme/quiet", "Why so quiet?"));
            f.alertStore().put("acme/quiet", alert("acme", "quiet"));
            f.alertStore().put("globex/quiet", alert("globex", "quiet"));
            f.followUpCommands.pipeInput("acme", create(OTHER_ID, "globex/quiet", "Not ours"));
            f.followUpCommands.pipeInput("acme", create(ID, "acme/quiet", "Why so quiet?"));

            assertThat(f.followUpStore().get("acme/" + ID).alertId()).isEqualTo("acme/quiet");
            assertThat(f.followUpStore().get("acme/" + OTHER_ID)).isNull();
            assertThat(f.listener.ignoredFollowUps).containsExactly("unknown-alert", "invalid");
        }
    }

    @Test
    void theStoreIsWrittenOnceAfterStartEvenWhenNoCommandArrives() throws Exception {
        try (PipelineFixture f = new PipelineFixture(NOW)) {
            String changelog = "pulse-test-" + "follow-ups" + "-changelog";
            assertThat(f.driver.producedTopicNames()).doesNotContain(changelog);

            f.advanceWallClock(Duration.ofSeconds(2));

            assertThat(f.driver.producedTopicNames()).contains(changelog);
            assertThat(accountFollowUps(f, "acme")).isEmpty();
        }
    }

    private static List<FollowUp> accountFollowUps(PipelineFixture f, String tenant) {
        List<FollowUp> found = new ArrayList<>();
        try (KeyValueIterator<String, FollowUp> it =
                f.followUpStore().prefixScan(tenant + "/", Serdes.String().serializer())) {
            it.forEachRemaining(kv -> found.add(kv.value));
        }
        return found;
    }

    private static FollowUpCommand create(String id, String alertId, String title) {
        return FollowUpCommand.create(id, alertId, title, DUE, null, null, SAM, NOW);
    }

    private static FollowUpCommand status(FollowUpStatus status, int secondsLater) {
        return FollowUpCommand.update(
                ID, status, null, null, false, null, null, SAM, NOW.plusSeconds(secondsLater));
    }

    private static Alert alert(String tenant, String rule) {
        return new Alert(
                Alert.id(tenant, rule),
                tenant,
                rule,
                AlertKind.SILENCE,
                Severity.CRITICAL,
                AlertState.FIRING,
                NOW.minus(Duration.ofDays(1)),
                NOW.minus(Duration.ofHours(1)),
                null,
                tenant + ": no activity for 7 days",
                SAM,
                Alert.link(tenant),
                40.0,
                NOW,
                "test-1",
                null,
                null,
                null,
                null);
    }
}
