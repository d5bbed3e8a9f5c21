package dev.pulse.bot.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pulse.access.audit.AuditEntry;
import dev.pulse.access.security.DirectoryUser;
import dev.pulse.access.security.Role;
import dev.pulse.access.security.ScopeSpec;
import dev.pulse.access.security.UserDirectory;
import dev.pulse.access.segments.Segment;
import dev.pulse.access.testing.InMemorySegmentStore;
import dev.pulse.access.testing.InMemoryState;
import dev.pulse.access.testing.Scores;
import dev.pulse.bot.reply.BotReply;
import dev.pulse.bot.testing.InMemoryEngines;
import dev.pulse.topologies.account.Account;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Saving and deleting segments from chat, through the real engine, the real {@code Segments} use
 * case and access policy, over in-memory tenant state and segment store: who may, what the answer
 * says, and that every attempt is in the audit log.
 */
class SegmentCommandsTest {
    private static final Instant NOW = Instant.parse("2026-11-21T10:00:00Z");
    private static final String ADMIN = "admin@x.test";
    private static final String ANA = "ana@x.test";
    private static final String VP = "vp@x.test";
    private static final String SARAH = "sarah.chen@x.test";
    private static final String MARC = "marc@x.test";

    private final InMemoryState state = new InMemoryState();
    private final InMemorySegmentStore segments = new InMemorySegmentStore();
    private final List<AuditEntry> audit = new ArrayList<>();
    private PulseBotEngine bot;

    @BeforeEach
    void start() {
        UserDirectory directory =
                UserDirectory.of(
                        List.of(
                                new DirectoryUser(
                                        ADMIN, "Admin", Role.ADMIN, ScopeSpec.ALL, null, null),
                                new DirectoryUser(
                                        ANA, "Ana Lyst", Role.ANALYST, ScopeSpec.ALL, null, null),
                                new DirectoryUser(
                                        VP, "Vera Pike", Role.MANAGER, ScopeSpec.TEAM, null, null),
                                new DirectoryUser(
                                        SARAH, "Sarah Chen", Role.VIEWER, ScopeSpec.OWN, VP, null),
                                new DirectoryUser(
                                        MARC, "Marc Roy", Role.VIEWER, ScopeSpec.OWN, null, null)));
        account("acme", SARAH, "enterprise", 30);
        account("globex", SARAH, "pro", 40);
        account("wayne", MARC, "enterprise", 45);
        account("hooli", MARC, "enterprise", 80);
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        bot = InMemoryEngines.over(state, directory, audit::add, NOW, segments);
    }

    @Test
    void anAnalystSavesASegmentAndIsToldItsIdSizeAndAverage() {
        BotReply reply =
                ask(ANA, "save segment Enterprise at risk: plan enterprise, score below 50");

        assertThat(segments.all()).hasSize(1);
        Segment saved = segments.all().get(0);
        assertThat(saved.name()).isEqualTo("Enterprise at risk");
        assertThat(saved.createdBy()).isEqualTo(ANA);
        assertThat(saved.criteria().plans()).containsExactly("enterprise");
        assertThat(saved.criteria().scoreMax()).isEqualTo(50.0);
        assertThat(reply.text())
                .contains("Saved segment Enterprise at risk")
                .contains("Id: " + saved.id())
                .contains("Accounts: 2")
                .contains("Average score: 37.5")
                .contains("Holds: plan enterprise · score ≤ 50");
        AuditEntry entry = last();
        assertThat(entry.subject()).isEqualTo(ANA);
        assertThat(entry.action()).startsWith("slack: SaveSegment");
        assertThat(entry.allowed()).isTrue();
        assertThat(entry.detail()).isEqualTo("saved segment " + saved.id());
        assertThat(entry.tenants()).containsExactlyInAnyOrder("acme", "wayne");
    }

    @Test
    void countsTheNewSegmentOnlyOverTheAccountsTheAskerMaySee() {
        BotReply reply = ask(VP, "save segment Enterprise: plan enterprise");

        // Vera leads Sarah's team: of the three enterprise accounts she sees Sarah's one.
        assertThat(reply.text()).contains("Accounts: 1").contains("Average score: 30.0");
        assertThat(ask(ANA, "segment Enterprise").text()).contains("Accounts: 3");
    }

    @Test
    void savesOwnersNamedByNameAsTheirEmails() {
        ask(ANA, "save segment Sarah's enterprise: owner Sarah, plan enterprise");

        assertThat(segments.all().get(0).criteria().owners()).containsExactly(SARAH);
        assertThat(ask(ANA, "save segment Nobody's: owner Zed").text())
                .contains("I don't know exactly one person called 'zed'")
                .contains("Nothing was saved");
        assertThat(segments.all()).hasSize(1);
    }

    @Test
    void refusesAViewerClearlySavesNothingAndAuditsTheRefusal() {
        BotReply reply = ask(SARAH, "save segment Mine: plan enterprise");

        assertThat(reply.text())
                .contains("Sorry, I saved nothing")
                .contains("needs role analyst, manager or admin")
                .contains("you have role viewer");
        assertThat(segments.all()).isEmpty();
        AuditEntry entry = last();
        assertThat(entry.subject()).isEqualTo(SARAH);
        assertThat(entry.allowed()).isFalse();
        assertThat(entry.status()).isEqualTo(403);
    }

    @Test
    void answersATakenNameWithTheSegmentThatHasIt() {
        ask(ANA, "save segment Enterprise: plan enterprise");
        String id = segments.all().get(0).id();

        BotReply reply = ask(ADMIN, "save segment ENTERPRISE: band at risk");

        assertThat(reply.text()).contains("exists already (" + id + ")");
        assertThat(segments.all()).hasSize(1);
        assertThat(last().status()).isEqualTo(409);
    }

    @Test
    void answersConditionsItCannotReadWithThePartAndAnExample() {
        BotReply reply = ask(ANA, "save segment Enterprise: plan enterprise, colour blue");

        assertThat(reply.text())
                .contains("“colour blue”")
                .contains("For example: `save segment Enterprise renewals:");
        assertThat(segments.all()).isEmpty();
        assertThat(last().status()).isEqualTo(400);
    }

    @Test
    void deletesASegmentForItsMakerOrAnAdminOnly() {
        ask(ANA, "save segment Enterprise: plan enterprise");
        String id = segments.all().get(0).id();

        assertThat(ask(MARC, "delete segment Enterprise").text())
                .contains("Sorry, I deleted nothing");
        assertThat(last().status()).isEqualTo(403);
        assertThat(ask(VP, "delete segment Enterprise").text()).contains("only they or an admin");
        assertThat(ask(ANA, "delete segment Enterprises").text())
                .contains("I know no segment named exactly 'Enterprises'");
        assertThat(segments.all()).hasSize(1);

        assertThat(ask(ANA, "delete segment enterprise").text())
                .isEqualTo("Deleted segment Enterprise (" + id + ").");
        assertThat(segments.all()).isEmpty();
        assertThat(last().detail()).isEqualTo("deleted segment " + id);
    }

    private BotReply ask(String email, String text) {
        return bot.ask(new ChatUser("slack", "U-" + email, email, email), text);
    }

    private AuditEntry last() {
        return audit.get(audit.size() - 1);
    }

    private void account(String tenant, String owner, String plan, double score) {
        state.accounts.add(
                new Account(
                        tenant,
                        tenant.substring(0, 1).toUpperCase() + tenant.substring(1),
                        owner,
                        "emea",
                        plan,
                        100L,
                        100_000.0,
                        LocalDate.of(2027, 3, 31),
                        "enterprise"));
        state.scores.put(tenant, Scores.score(tenant, score, NOW));
    }
}
