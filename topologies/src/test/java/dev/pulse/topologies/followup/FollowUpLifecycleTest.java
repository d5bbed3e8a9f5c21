package dev.pulse.topologies.followup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pulse.topologies.followup.FollowUpLifecycle.Outcome;
import dev.pulse.topologies.followup.FollowUpLifecycle.Step;
import dev.pulse.topologies.followup.FollowUpLifecycle.Violation;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class FollowUpLifecycleTest {
    private static final Instant AT = Instant.parse("2026-11-20T10:00:00Z");
    private static final Instant LATER = AT.plusSeconds(60);
    private static final String ID = "0b6f8a8e-6f2c-4d8e-9a57-3f1c2d4e5f60";
    private static final String SAM = "sam@example.com";
    private static final LocalDate DUE = LocalDate.parse("2026-11-27");

    @Test
    void aCreateMakesAnOpenFollowUpOwnedByItsCreatorUnlessAnOwnerIsGiven() {
        FollowUp own =
                created(FollowUpCommand.create(ID, null, "  Call  ", DUE, null, "", SAM, AT));
        FollowUp theirs =
                created(
                        FollowUpCommand.create(
                                ID, "acme/quiet", "Call", null, "Kim@Example.com", "x", SAM, AT));

        assertThat(own)
                .isEqualTo(
                        new FollowUp(
                                ID,
                                "acme",
                                null,
                                "Call",
                                DUE,
                                FollowUpStatus.OPEN,
                                SAM,
                                SAM,
                                AT,
                                AT,
                                null));
        assertThat(theirs.owner()).isEqualTo("kim@example.com");
        assertThat(theirs.createdBy()).isEqualTo(SAM);
        assertThat(theirs.alertId()).isEqualTo("acme/quiet");
        assertThat(theirs.note()).isEqualTo("x");
    }

    @Test
    void theSameCreateSentAgainIsADuplicateAndKeepsTheFirst() {
        FollowUp first = created(create("Call"));

        Step again = FollowUpLifecycle.apply(first, "acme", create("Something else"), LATER);

        assertThat(again.outcome()).isEqualTo(Outcome.DUPLICATE);
        assertThat(again.changed()).isFalse();
        assertThat(again.followUp()).isSameAs(first);
    }

    @Test
    void titlesMustBeOneToTwoHundredCharacters() {
        assertThat(FollowUpLifecycle.check(create("x".repeat(200)))).isEmpty();
        assertThat(FollowUpLifecycle.check(create("x".repeat(201))))
                .contains(new Violation("title", "must be 1 to 200 characters"));
        assertThat(FollowUpLifecycle.check(create("   ")).map(Violation::field)).contains("title");
        assertThat(FollowUpLifecycle.check(create(null)).map(Violation::field)).contains("title");
        assertThat(FollowUpLifecycle.check(update(null, "")).map(Violation::field))
                .contains("title");
        assertThat(FollowUpLifecycle.check(update(FollowUpStatus.DONE, null))).isEmpty();
    }

    @Test
    void idsOwnersNotesAndDueDatesAreChecked() {
        assertThat(field(FollowUpCommand.create("42", null, "t", null, null, null, SAM, AT)))
                .isEqualTo("id");
        assertThat(field(FollowUpCommand.create(ID, null, "t", null, "nobody", null, SAM, AT)))
                .isEqualTo("owner");
        assertThat(
                        field(
                                FollowUpCommand.create(
                                        ID, null, "t", null, null, "n".repeat(1001), SAM, AT)))
                .isEqualTo("note");
        assertThat(field(FollowUpCommand.create(ID, null, "t", null, null, null, " ", AT)))
                .isEqualTo("by");
        assertThat(field(FollowUpCommand.update(ID, null, null, DUE, true, null, null, SAM, AT)))
                .isEqualTo("dueDate");
        assertThat(FollowUpLifecycle.check(null).map(Violation::field)).contains("action");
    }

    @Test
    void anInvalidCommandChangesNothing() {
        FollowUp current = created(create("Call"));

        Step step = FollowUpLifecycle.apply(current, "acme", update(null, " "), LATER);

        assertThat(step.outcome()).isEqualTo(Outcome.INVALID);
        assertThat(step.reason()).isEqualTo("'title' must be 1 to 200 characters");
        assertThat(step.followUp()).isSameAs(current);
    }

    @Test
    void aCreateFromAnotherTenantsAlertIsInvalid() {
        Step step =
                FollowUpLifecycle.apply(
                        null,
                        "acme",
                        FollowUpCommand.create(ID, "acme-2/quiet", "t", null, null, null, SAM, AT),
                        AT);

        assertThat(step.outcome()).isEqualTo(Outcome.INVALID);
    }

    @Test
    void anUpdateOfAnUnknownFollowUpIsUnknown() {
        Step step = FollowUpLifecycle.apply(null, "acme", update(FollowUpStatus.DONE, null), AT);

        assertThat(step.outcome()).isEqualTo(Outcome.UNKNOWN);
        assertThat(step.followUp()).isNull();
    }

    @Test
    void anOpenFollowUpCanBeEditedClearedAndClosed() {
        FollowUp current =
                created(FollowUpCommand.create(ID, null, "Call", DUE, null, "note", SAM, AT));

        FollowUp edited =
                applied(
                        current,
                        FollowUpCommand.update(
                                ID, null, "Visit", null, true, "kim@example.com", "", SAM, LATER));
        FollowUp done = applied(edited, update(FollowUpStatus.DONE, null));

        assertThat(edited.title()).isEqualTo("Visit");
        assertThat(edited.dueDate()).isNull();
        assertThat(edited.owner()).isEqualTo("kim@example.com");
        assertThat(edited.note()).isNull();
        assertThat(edited.status()).isEqualTo(FollowUpStatus.OPEN);
        assertThat(edited.updatedAt()).isEqualTo(LATER);
        assertThat(edited.createdAt()).isEqualTo(AT);
        assertThat(edited.createdBy()).isEqualTo(SAM);
        assertThat(done.status()).isEqualTo(FollowUpStatus.DONE);
        assertThat(done.title()).isEqualTo("Visit");
    }

    @Test
    void aClosedFollowUpCanOnlyBeReopenedPossiblyWithEditsAtOnce() {
        FollowUp done = applied(created(create("Call")), update(FollowUpStatus.DONE, null));
        FollowUp cancelled =
                applied(created(create("Call")), update(FollowUpStatus.CANCELLED, null));

        Step toCancelled =
                FollowUpLifecycle.apply(done, "acme", update(FollowUpStatus.CANCELLED, null), AT);
        Step edit = FollowUpLifecycle.apply(done, "acme", update(null, "Call again"), AT);
        FollowUp reopened = applied(done, update(FollowUpStatus.OPEN, "Call again"));

        assertThat(toCancelled.outcome()).isEqualTo(Outcome.CONFLICT);
        assertThat(toCancelled.reason())
                .isEqualTo(
                        "follow-up '"
                                + ID
                                + "' is done and cannot become cancelled; reopen it"
                                + " first");
        assertThat(edit.outcome()).isEqualTo(Outcome.CONFLICT);
        assertThat(edit.reason()).contains("cannot be edited");
        assertThat(reopened.status()).isEqualTo(FollowUpStatus.OPEN);
        assertThat(reopened.title()).isEqualTo("Call again");
        assertThat(applied(cancelled, update(FollowUpStatus.OPEN, null)).status())
                .isEqualTo(FollowUpStatus.OPEN);
    }

    @Test
    void anUpdateThatChangesNothingIsUnchanged() {
        FollowUp done = applied(created(create("Call")), update(FollowUpStatus.DONE, null));

        assertThat(
                        FollowUpLifecycle.apply(
                                        done, "acme", update(FollowUpStatus.DONE, "Call"), AT)
                                .outcome())
                .isEqualTo(Outcome.UNCHANGED);
        assertThat(
                        FollowUpLifecycle.apply(
                                        created(create("Call")),
                                        "acme",
                                        FollowUpCommand.update(
                                                ID, null, null, null, false, null, null, SAM, AT),
                                        AT)
                                .outcome())
                .isEqualTo(Outcome.UNCHANGED);
    }

    @Test
    void aCommandWithoutATimeTakesNow() {
        FollowUp current =
                FollowUpLifecycle.apply(
                                null,
                                "acme",
                                FollowUpCommand.create(
                                        ID, null, "Call", null, null, null, SAM, null),
                                LATER)
                        .followUp();

        assertThat(current.createdAt()).isEqualTo(LATER);
    }

    private static FollowUpCommand create(String title) {
        return FollowUpCommand.create(ID, null, title, null, null, null, SAM, AT);
    }

    private static FollowUpCommand update(FollowUpStatus status, String title) {
        return FollowUpCommand.update(ID, status, title, null, false, null, null, SAM, LATER);
    }

    private static FollowUp created(FollowUpCommand command) {
        return applied(null, command);
    }

    private static FollowUp applied(FollowUp current, FollowUpCommand command) {
        Step step = FollowUpLifecycle.apply(current, "acme", command, AT);
        assertThat(step.outcome()).as(step.reason()).isEqualTo(Outcome.APPLIED);
        return step.followUp();
    }

    private static String field(FollowUpCommand command) {
        return FollowUpLifecycle.check(command).map(Violation::field).orElse(null);
    }
}
