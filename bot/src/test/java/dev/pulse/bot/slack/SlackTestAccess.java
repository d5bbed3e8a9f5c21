package dev.pulse.bot.slack;

import dev.pulse.bot.testing.RecordingEngine;
import dev.pulse.notify.channel.Channel;
import dev.pulse.notify.model.Delivery;
import java.util.List;

/**
 * The Slack test fixture for tests in other packages (the notifier's worker test): a front end
 * without alert channels on the fake Slack API.
 */
public final class SlackTestAccess implements AutoCloseable {
    private final FakeSlackApi api;
    private final SlackFrontEnd frontEnd;

    private SlackTestAccess(FakeSlackApi api, SlackFrontEnd frontEnd) {
        this.api = api;
        this.frontEnd = frontEnd;
    }

    public static SlackTestAccess start() throws Exception {
        FakeSlackApi api = new FakeSlackApi();
        api.addUser("USARAH", "Sarah", SlackFixture.SARAH);
        SlackSettings settings =
                new SlackSettings(
                        SlackFixture.SECRET,
                        "xoxb-test-token",
                        null,
                        api.apiUrl(),
                        List.of(),
                        "https://pulse.example.com");
        return new SlackTestAccess(
                api,
                SlackFrontEnd.create(settings, new RecordingEngine(), SlackFixture.USERS)
                        .orElseThrow());
    }

    public Channel alertChannel() {
        return frontEnd.alertChannel();
    }

    public void rateLimitPosts(int times, int retryAfterSeconds) {
        api.rateLimit("chat.postMessage", times, retryAfterSeconds);
    }

    public Delivery alertDelivery(String id) {
        return SlackAlertChannelTest.delivery(
                id, SlackFixture.SARAH, SlackAlertChannelTest.alert("acme"));
    }

    /** Posts to Sarah's DM that Slack accepted (not the ones answered 429). */
    public long directMessagesDelivered() {
        return api.calls("chat.postMessage").size() - api.rateLimitedCount("chat.postMessage");
    }

    public int postAttempts() {
        return api.calls("chat.postMessage").size();
    }

    @Override
    public void close() {
        frontEnd.close();
        api.close();
    }
}
