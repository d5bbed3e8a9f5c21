package dev.pulse.streams.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pulse.access.testing.Scores;
import dev.pulse.api.testing.InMemoryTenantStateReader;
import dev.pulse.api.testing.RunningApi;
import dev.pulse.streams.read.TenantStateReader.Granularity;
import dev.pulse.topologies.alert.Alert;
import dev.pulse.topologies.alert.AlertKind;
import dev.pulse.topologies.alert.AlertState;
import dev.pulse.topologies.alert.Severity;
import dev.pulse.topologies.followup.FollowUp;
import dev.pulse.topologies.followup.FollowUpStatus;
import dev.pulse.topologies.funnel.FunnelDay;
import dev.pulse.topologies.journey.JourneyState;
import dev.pulse.topologies.journey.Transition;
import dev.pulse.topologies.time.UtcDays;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.state.HostInfo;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Both sides of {@link InternalReadProtocol} together: {@link RemoteStateClient} (the caller, in
 * this package for its package-private reads) against the query API's internal routes (the server),
 * which answer from the called instance's local reader. Every read must come back as the local
 * reader answered it.
 */
class InternalReadProtocolIT {
    private static final Instant NOW = Instant.parse("2026-11-20T10:00:00Z");
    private static final Instant FROM = Instant.parse("2026-11-01T00:00:00Z");
    private static final Instant TO = Instant.parse("2026-12-01T00:00:00Z");

    private static RunningApi api;
    private static InMemoryTenantStateReader owner;
    private static HostInfo host;
    private static final RemoteStateClient CLIENT =
            new RemoteStateClient(RunningApi.INTERNAL_TOKEN);

    @BeforeAll
    static void start() {
        api = RunningApi.builder().start();
        owner = api.localReader;
        URI uri = api.uri("/");
        host = new HostInfo(uri.getHost(), uri.getPort());
        Alert firing = alert("acme", "gone-silent");
        owner.putCurrent(Scores.score("acme", 62.5, NOW))
                .putCurrent(Scores.score("globex", 31, NOW))
                .putDaily(Scores.endOfDay("acme", LocalDate.parse("2026-11-18"), 60))
                .putDaily(Scores.endOfDay("acme", LocalDate.parse("2026-11-19"), 61, true))
                .putEngagement(
                        "acme",
                        Granularity.DAY,
                        new EngagementPoint(
                                NOW.minusSeconds(86_400),
                                12,
                                3,
                                Map.of("login", 10L, "feature_used", 2L),
                                Map.of("reports", 2L)))
                .putFunnelDay(
                        "acme",
                        FunnelDay.empty(UtcDays.startOfDay(NOW.minusSeconds(86_400)))
                                .plus("reporting", 4, 0, 0)
                                .plus("reporting", 4, 1, 5_400_000))
                .putAlert(firing)
                .putAlert(alert("acme", "usage-drop"))
                .putAlert(alert("globex", "gone-silent"))
                .putTransition(NOW.minusSeconds(3600), firing)
                .putJourney(
                        new JourneyState(
                                "acme",
                                LocalDate.parse("2026-09-01"),
                                "adopting",
                                LocalDate.parse("2026-11-02"),
                                LocalDate.parse("2026-11-19"),
                                List.of(
                                        new Transition(
                                                null, "onboarding", LocalDate.parse("2026-09-01")),
                                        new Transition(
                                                "onboarding",
                                                "adopting",
                                                LocalDate.parse("2026-11-02"))),
                                "j-1"))
                .putFollowUp(
                        new FollowUp(
                                "f-1",
                                "acme",
                                firing.id(),
                                "Call the champion",
                                LocalDate.parse("2026-11-27"),
                                FollowUpStatus.OPEN,
                                "sarah@x.test",
                                "sarah@x.test",
                                NOW,
                                NOW,
                                null));
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    @Test
    void readsOneAlertByTenantAndRule() {
        assertThat(CLIENT.alert(host, "acme", "usage-drop"))
                .contains(alert("acme", "usage-drop"))
                .isEqualTo(owner.alert("acme", "usage-drop"));
        assertThat(CLIENT.alert(host, "globex", "gone-silent"))
                .contains(alert("globex", "gone-silent"));
        assertThat(CLIENT.alert(host, "acme", "never-fired")).isEmpty();
        assertThat(CLIENT.alert(host, "unknown", "gone-silent")).isEmpty();
    }

    @Test
    void aBatchOfFiveHundredTenantsFitsTheRequestLine() {
        List<String> many = new java.util.ArrayList<>();
        for (int i = 0; i < 500; i++) {
            many.add("a-rather-long-tenant-id-" + i);
        }
        many.add("acme");

        assertThat(CLIENT.currentScores(host, many)).containsOnlyKeys("acme");
        assertThat(CLIENT.journeys(host, many)).containsOnlyKeys("acme");
    }

    @Test
    void everyReadComesBackAsTheOwnerAnsweredIt() {
        assertThat(CLIENT.currentScores(host, List.of("acme", "unknown", "globex")))
                .isEqualTo(owner.currentScores(List.of("acme", "globex")))
                .hasSize(2);
        assertThat(CLIENT.journeys(host, List.of("acme", "globex")))
                .isEqualTo(owner.journeys(List.of("acme")))
                .hasSize(1);
        assertThat(CLIENT.dailyScores(host, "acme", FROM, TO))
                .isEqualTo(owner.dailyScores("acme", FROM, TO))
                .hasSize(2);
        assertThat(CLIENT.engagement(host, "acme", Granularity.DAY, FROM, TO))
                .isEqualTo(owner.engagement("acme", Granularity.DAY, FROM, TO))
                .hasSize(1);
        assertThat(CLIENT.engagementTotals(host, "acme", FROM, TO))
                .isEqualTo(owner.engagementTotals("acme", FROM, TO));
        assertThat(CLIENT.alerts(host, "acme")).isEqualTo(owner.alerts("acme")).hasSize(2);
        assertThat(CLIENT.alertHistory(host, "acme", FROM, TO))
                .isEqualTo(owner.alertHistory("acme", FROM, TO))
                .hasSize(1);
        assertThat(CLIENT.followUps(host, "acme")).isEqualTo(owner.followUps("acme")).hasSize(1);
        assertThat(api.reader.readThreads()).as("the routing reader is never asked").isEmpty();
    }

    @Test
    void readsFunnelDaysOfManyTenantsInOneCall() {
        assertThat(CLIENT.funnelDays(host, List.of("acme", "unknown", "globex"), FROM, TO))
                .isEqualTo(owner.funnelDays(List.of("acme"), FROM, TO))
                .containsOnlyKeys("acme");
        assertThat(
                        CLIENT.funnelDays(host, List.of("acme"), FROM, TO)
                                .get("acme")
                                .get(0)
                                .steps("reporting")
                                .get(1)
                                .users())
                .isEqualTo(1);
    }

    @Test
    void aCallWithoutTheDeploymentsTokenIsRefused() {
        RemoteStateClient stranger = new RemoteStateClient("not-the-token");

        assertThatThrownBy(() -> stranger.alert(host, "acme", "gone-silent"))
                .isInstanceOf(StateUnavailableException.class)
                .hasMessageContaining("answered 401");
    }

    private static Alert alert(String tenant, String rule) {
        return new Alert(
                Alert.id(tenant, rule),
                tenant,
                rule,
                AlertKind.SILENCE,
                Severity.CRITICAL,
                AlertState.FIRING,
                NOW.minusSeconds(86_400),
                NOW.minusSeconds(3600),
                null,
                tenant + ": no activity for 7 days",
                "sarah@x.test",
                Alert.link(tenant),
                40.0,
                NOW,
                "test-1",
                null,
                null,
                null,
                false); // not replayed, as JSON reads it back
    }
}
