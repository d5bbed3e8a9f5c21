package dev.pulse.notify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pulse.notify.model.NotificationPreferences;
import dev.pulse.notify.route.AlertConsole;
import dev.pulse.topologies.alert.Severity;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class NotifierTest {

    @Test
    void defaultChannelsAreThoseThatRunHereInTheirConfiguredOrder() {
        try (Notifier notifier =
                notifier(
                        List.of("slack", NotificationPreferences.IN_APP, "email", "discord"),
                        List.of(new RecordingChannel("email"), new RecordingChannel("slack")))) {
            assertThat(notifier.defaultsFor(NotifierFixture.SARAH).channels())
                    .containsExactly("slack", NotificationPreferences.IN_APP, "email");
            assertThat(notifier.defaultsFor(NotifierFixture.SARAH).user())
                    .isEqualTo(NotifierFixture.SARAH);
            assertThat(notifier.channels())
                    .containsExactly(NotificationPreferences.IN_APP, "email", "slack");
        }
    }

    @Test
    void withNoPushChannelConfiguredTheDefaultIsTheFeedAlone() {
        try (Notifier notifier =
                notifier(
                        List.of(NotificationPreferences.IN_APP, "email", "slack", "teams"),
                        List.of())) {
            assertThat(notifier.defaultsFor(NotifierFixture.DAVID).channels())
                    .containsExactly(NotificationPreferences.IN_APP);
        }
    }

    private static Notifier notifier(List<String> defaultChannels, List<RecordingChannel> push) {
        NotificationPreferences defaults =
                new NotificationPreferences(
                        "*",
                        EnumSet.allOf(Severity.class),
                        defaultChannels,
                        null,
                        false,
                        null,
                        "UTC",
                        null);
        NotifierSettings settings = NotifierFixture.settings(defaults, Duration.ZERO, 10);
        return new Notifier(
                NotifierFixture.USERS,
                settings,
                List.copyOf(push),
                AlertConsole.OFF,
                new SimpleMeterRegistry());
    }
}
