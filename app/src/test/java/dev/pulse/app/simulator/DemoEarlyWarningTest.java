package dev.pulse.app.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pulse.app.backtest.BacktestReplay;
import dev.pulse.app.backtest.DailyEngagement;
import dev.pulse.app.backtest.ReplayResult;
import dev.pulse.topologies.account.Account;
import dev.pulse.topologies.alert.Alert;
import dev.pulse.topologies.alert.AlertRules;
import dev.pulse.topologies.alert.AlertState;
import dev.pulse.topologies.health.HealthModel;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The demo's story, through the same daily close and alert rules the topology runs: after its 75
 * days of replay, the accounts at risk are the ones that are about to leave, and their at-risk
 * alert fired days before their churn date.
 */
class DemoEarlyWarningTest {
    private static final Instant ANCHOR = Instant.parse("2026-11-18T14:37:12.345Z");

    @Test
    void theDemosAtRiskAccountsAreItsChurnersFlaggedDaysAhead() {
        DemoCustomerBase base =
                DemoCustomerBase.generate(
                        SimulatorSettings.DEFAULT_SEED, SimulatorSettings.DEFAULT_TENANTS, ANCHOR);
        DailyEngagement engagement = new DailyEngagement();
        HourlyEventGenerator generator =
                new HourlyEventGenerator(base, SimulatorSettings.DEFAULT_SEED);
        Instant end = ANCHOR.truncatedTo(ChronoUnit.HOURS);
        for (Instant hour = end.minus(Duration.ofDays(SimulatorSettings.DEFAULT_DAYS));
                hour.isBefore(end);
                hour = hour.plus(Duration.ofHours(1))) {
            generator.events(hour).forEach(engagement::add);
        }
        Map<String, Account> accounts = new LinkedHashMap<>();
        base.accounts().forEach(a -> accounts.put(a.tenantId(), a));
        LocalDate lastClosed = LocalDate.ofInstant(ANCHOR, ZoneOffset.UTC).minusDays(1);

        ReplayResult result =
                new BacktestReplay(
                                HealthModel.fromYaml(ReplayFixture.configFile("health-model.yaml")),
                                AlertRules.fromYaml(ReplayFixture.configFile("alert-rules.yaml")),
                                6)
                        .run(engagement, accounts, engagement.firstDay(), lastClosed, day -> {});

        int last = result.index(lastClosed);
        List<String> atRisk =
                result.tenants().entrySet().stream()
                        .filter(e -> e.getValue().atRisk()[last])
                        .map(Map.Entry::getKey)
                        .toList();
        List<String> leavingSoon =
                base.tenantsOf(UsagePattern.FADE).stream()
                        .filter(
                                t ->
                                        base.plannedChurn(t)
                                                .orElseThrow()
                                                .isBefore(lastClosed.plusDays(15)))
                        .toList();
        assertThat(leavingSoon).isNotEmpty();
        // Most accounts that leave within two weeks are at risk already (the model flags about
        // three in four churners two weeks ahead; docs/benchmarks.md has the backtests).
        List<String> flagged = leavingSoon.stream().filter(atRisk::contains).toList();
        assertThat(flagged.size())
                .as("flagged %s of %s", flagged, leavingSoon)
                .isGreaterThanOrEqualTo((2 * leavingSoon.size() + 2) / 3);
        // And the at-risk accounts are ones in trouble, fading or idle (silent for weeks), but for
        // a false alarm or two (a quarterly account between its peaks, say: none since model
        // 2026.12-3's peakRatio, three before it once daily rosters varied).
        List<String> untroubled =
                atRisk.stream()
                        .filter(
                                t ->
                                        base.behaviour(t).pattern() != UsagePattern.FADE
                                                && base.behaviour(t).pattern() != UsagePattern.IDLE)
                        .toList();
        assertThat(untroubled)
                .as(
                        "at risk %s; not fading: %s",
                        atRisk,
                        untroubled.stream()
                                .map(t -> t + " " + base.behaviour(t).pattern())
                                .toList())
                .hasSizeLessThanOrEqualTo(2);
        assertThat(atRisk.size()).isGreaterThanOrEqualTo(4 * untroubled.size());
        // Their at-risk alert fired at least a week before the planned churn date.
        for (String tenant : flagged) {
            Alert fired =
                    result.alertChanges().stream()
                            .filter(a -> a.id().equals(tenant + "/at-risk"))
                            .filter(a -> a.state() == AlertState.FIRING)
                            .findFirst()
                            .orElseThrow();
            LocalDate firedOn = LocalDate.ofInstant(fired.firedAt(), ZoneOffset.UTC);
            assertThat(firedOn)
                    .as(tenant + ": " + fired.explanation())
                    .isBefore(base.plannedChurn(tenant).orElseThrow().minusDays(6));
        }
    }
}
