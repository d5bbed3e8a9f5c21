package dev.pulse.bot.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pulse.access.audit.AuditEntry;
import dev.pulse.access.security.DirectoryUser;
import dev.pulse.access.security.Role;
import dev.pulse.access.security.ScopeSpec;
import dev.pulse.access.security.UserDirectory;
import dev.pulse.access.testing.InMemoryState;
import dev.pulse.access.testing.Scores;
import dev.pulse.bot.reply.BotReply;
import dev.pulse.bot.testing.InMemoryEngines;
import dev.pulse.topologies.account.Account;
import dev.pulse.topologies.followup.FollowUpCommand;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Follow-ups from chat go through the same use case as {@code POST
 * /v1/accounts/{tenant}/follow-ups}: a title the API refuses is refused here with the same reason,
 * not cut to fit.
 */
class FollowUpCommandsTest {
    private static final Instant NOW = Instant.parse("2026-11-21T10:00:00Z");
    private static final String SARAH = "sarah.chen@x.test";

    private final InMemoryState state = new InMemoryState();
    private final List<AuditEntry> audit = new ArrayList<>();
    private PulseBotEngine bot;

    @BeforeEach
    void start() {
        UserDirectory directory =
                UserDirectory.of(
                        List.of(
                                new DirectoryUser(
                                        SARAH,
                                        "Sarah Chen",
                                        Role.MANAGER,
                                        ScopeSpec.OWN,
                                        null,
                                        null)));
        state.accounts.add(
                new Account("acme", "Acme", SARAH, "emea", "pro", 10L, null, null, null));
        state.scores.put("acme", Scores.score("acme", 45, NOW));
        bot = InMemoryEngines.over(state, directory, audit::add, NOW, null);
    }

    @Test
    void aTitleOverTwoHundredCharactersIsRefusedWithTheApisReasonAndNothingIsCreated() {
        String title = "call the champion about the renewal plan ".repeat(5).trim();
        assertThat(title.length()).isGreaterThan(200);

        BotReply reply = ask("follow-up Acme: " + title);

        assertThat(reply.text())
                .isEqualTo(
                        "That follow-up can't be created: its title must be 1 to 200"
                                + " characters.");
        assertThat(state.published).noneMatch(FollowUpCommand.class::isInstance);
        assertThat(audit.get(audit.size() - 1).status()).isEqualTo(400);
    }

    @Test
    void aTitleOfTwoHundredCharactersIsCreatedWhole() {
        String title = "x".repeat(200);

        ask("follow-up Acme: " + title);

        assertThat(state.published)
                .filteredOn(FollowUpCommand.class::isInstance)
                .singleElement()
                .extracting(c -> ((FollowUpCommand) c).title())
                .isEqualTo(title);
    }

    private BotReply ask(String text) {
        return bot.ask(new ChatUser("slack", "U-sarah", SARAH, SARAH), text);
    }
}
