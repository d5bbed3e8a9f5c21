package dev.pulse.app.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pulse.topologies.account.Account;
import dev.pulse.topologies.account.AccountParser;
import dev.pulse.topologies.json.JsonFields;
import dev.pulse.topologies.json.PulseJson;
import dev.pulse.topologies.topic.PulseTopics;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class DemoCustomerBaseTest {
    private static final Instant ANCHOR = Instant.parse("2026-11-18T14:37:12.345Z");
    private static final LocalDate TODAY = LocalDate.ofInstant(ANCHOR, ZoneOffset.UTC);
    private final DemoCustomerBase base = DemoCustomerBase.generate(7, 150, ANCHOR);

    @Test
    void generatesHundredFiftyAccountsForEightManagersInTwoTeams() {
        assertThat(base.accounts()).hasSize(150);
        assertThat(base.accountManagers()).hasSize(8);
        assertThat(base.teams()).hasSize(2);
        assertThat(base.accounts())
                .extracting(Account::owner)
                .isSubsetOf(base.accountManagers().stream().map(AccountManager::email).toList());
        Map<String, Long> perManager =
                base.accounts().stream()
                        .collect(Collectors.groupingBy(Account::owner, Collectors.counting()));
        assertThat(perManager).hasSize(8);
        assertThat(perManager.values()).allSatisfy(count -> assertThat(count).isBetween(18L, 19L));
        for (AccountManager manager : base.accountManagers()) {
            assertThat(manager.email()).matches("[a-z]+\\.[a-z]+@demo\\.pulse\\.dev");
            assertThat(base.teams())
                    .anySatisfy(
                            team -> {
                                assertThat(team.name()).isEqualTo(manager.team());
                                assertThat(team.managerEmail()).isEqualTo(manager.managerEmail());
                            });
            assertThat(base.accountsOf(manager.email()))
                    .allSatisfy(account -> assertThat(account.team()).isEqualTo(manager.team()));
        }
        assertThat(base.accountManagers())
                .extracting(AccountManager::team)
                .containsOnly("east", "west");
    }

    @Test
    void sarahChenIsTheFirstManagerAndHasAnAccountInTroubleThatRenewsSoon() {
        AccountManager sarah = base.accountManagers().get(0);
        assertThat(sarah.name()).isEqualTo("Sarah Chen");
        assertThat(sarah.email()).isEqualTo("sarah.chen@demo.pulse.dev");
        assertThat(base.accountsOf(sarah.email()))
                .anySatisfy(
                        account -> {
                            assertThat(base.behaviour(account.tenantId()).pattern())
                                    .isEqualTo(UsagePattern.FADE);
                            assertThat(account.renewalDate()).isBefore(TODAY.plusDays(60));
                        });
        // Every manager has at least one account that is fading or idle.
        for (AccountManager manager : base.accountManagers()) {
            assertThat(base.accountsOf(manager.email()))
                    .anySatisfy(
                            account ->
                                    assertThat(base.behaviour(account.tenantId()).pattern().quiet())
                                            .isTrue());
        }
    }

    @Test
    void sameSeedGivesTheSameCustomerBase() {
        DemoCustomerBase again = DemoCustomerBase.generate(7, 150, ANCHOR);
        assertThat(again.accounts()).isEqualTo(base.accounts());
        assertThat(again.behaviours()).isEqualTo(base.behaviours());
        assertThat(DemoCustomerBase.generate(8, 150, ANCHOR).accounts())
                .isNotEqualTo(base.accounts());
    }

    @Test
    void patternsFollowTheDemoMix() {
        Map<UsagePattern, Long> counts =
                base.behaviours().stream()
                        .collect(
                                Collectors.groupingBy(
                                        TenantBehaviour::pattern, Collectors.counting()));
        assertThat(counts)
                .containsEntry(UsagePattern.STEADY, 66L)
                .containsEntry(UsagePattern.LUKEWARM, 18L)
                .containsEntry(UsagePattern.FADE, 12L)
                .containsEntry(UsagePattern.EXPANDING, 11L)
                .containsEntry(UsagePattern.IDLE, 8L)
                .containsEntry(UsagePattern.CYCLICAL_MONTH_END, 8L)
                .containsEntry(UsagePattern.CYCLICAL_QUARTERLY, 6L)
                .containsEntry(UsagePattern.BLIP, 6L)
                .containsEntry(UsagePattern.SMALL, 6L)
                .containsEntry(UsagePattern.RAMP_UP, 5L)
                .containsEntry(UsagePattern.SUPPORT_HEAVY, 4L);
        assertThat(base.tenantsOf(UsagePattern.IDLE))
                .allSatisfy(
                        id ->
                                assertThat(base.behaviour(id).effect(Silence.class))
                                        .hasValueSatisfying(
                                                silence ->
                                                        assertThat(silence.from())
                                                                .isBetween(
                                                                        TODAY.minusDays(20),
                                                                        TODAY.minusDays(10))));
    }

    @Test
    void accountsCarryTheirPatternButNoOutcome() {
        assertThat(base.accounts())
                .allSatisfy(
                        account -> {
                            assertThat(account.attributes())
                                    .containsEntry(
                                            "pattern",
                                            base.behaviour(account.tenantId()).pattern().label());
                            assertThat(account.status()).isNull();
                            assertThat(account.churnedAt()).isNull();
                        });
    }

    @Test
    void fadingTenantsAreFadingAtTheAnchorAndLeaveSevenToFortyDaysLater() {
        assertThat(base.tenantsOf(UsagePattern.FADE))
                .allSatisfy(
                        id -> {
                            LocalDate churn = base.plannedChurn(id).orElseThrow();
                            assertThat(churn).isBetween(TODAY.plusDays(7), TODAY.plusDays(40));
                            Fade fade = base.behaviour(id).effect(Fade.class).orElseThrow();
                            assertThat(fade.start()).isBefore(TODAY.minusDays(6));
                            assertThat(fade.days()).isBetween(28, 70);
                            Account account =
                                    base.accounts().stream()
                                            .filter(a -> a.tenantId().equals(id))
                                            .findFirst()
                                            .orElseThrow();
                            assertThat(account.renewalDate()).isEqualTo(churn);
                        });
        assertThat(base.tenantsOf(UsagePattern.STEADY))
                .allSatisfy(id -> assertThat(base.plannedChurn(id)).isEmpty());
    }

    @Test
    void seatsSegmentsAndRevenueFollowThePlan() {
        for (Account account : base.accounts()) {
            switch (account.plan()) {
                case "starter" -> {
                    // Small accounts have a handful of seats.
                    assertThat(account.licensedSeats())
                            .isBetween(
                                    base.behaviour(account.tenantId()).pattern()
                                                    == UsagePattern.SMALL
                                            ? 3L
                                            : 10L,
                                    40L);
                    assertThat(account.segment()).isEqualTo("smb");
                }
                case "growth" -> {
                    assertThat(account.licensedSeats()).isBetween(40L, 150L);
                    assertThat(account.segment()).isIn("smb", "mid-market");
                }
                case "enterprise" -> {
                    assertThat(account.licensedSeats()).isBetween(150L, 400L);
                    assertThat(account.segment()).isIn("mid-market", "enterprise");
                }
                default -> throw new AssertionError("unknown plan " + account.plan());
            }
            assertThat(account.arr() / account.licensedSeats()).isBetween(290.0, 970.0);
        }
        assertThat(base.accounts())
                .extracting(Account::plan)
                .contains("starter", "growth", "enterprise");
    }

    @Test
    void renewalsSpreadOverTheNextYearWithSomeWithinSixtyDays() {
        assertThat(base.accounts())
                .allSatisfy(
                        account ->
                                assertThat(account.renewalDate())
                                        .isAfter(TODAY)
                                        .isBefore(TODAY.plusDays(367)));
        long soon =
                base.accounts().stream()
                        .filter(a -> a.renewalDate().isBefore(TODAY.plusDays(61)))
                        .count();
        long late =
                base.accounts().stream()
                        .filter(a -> a.renewalDate().isAfter(TODAY.plusDays(270)))
                        .count();
        assertThat(soon).isBetween(20L, 60L);
        assertThat(late).isGreaterThan(20L);
    }

    @Test
    void companiesHaveUniqueNamesAndValidTenantIds() {
        assertThat(base.accounts())
                .extracting(Account::tenantId)
                .doesNotHaveDuplicates()
                .allSatisfy(
                        id -> assertThat(id).matches(JsonFields.TENANT_ID).matches("[a-z0-9-]+"));
        assertThat(base.accounts())
                .extracting(Account::name)
                .allSatisfy(name -> assertThat(name).matches("[A-Z][A-Za-z]+( [A-Z][A-Za-z]+)+.*"));
    }

    @Test
    void accountsSurviveTheAccountsTopicAndItsParser() throws IOException {
        var serde = PulseTopics.ACCOUNTS.valueSerde();
        for (Account account : base.accounts()) {
            byte[] bytes = serde.serializer().serialize(PulseTopics.ACCOUNTS.name(), account);
            assertThat(serde.deserializer().deserialize(PulseTopics.ACCOUNTS.name(), bytes))
                    .isEqualTo(account);
            JsonNode json = PulseJson.mapper().readTree(bytes);
            assertThat(AccountParser.parse(json)).isEqualTo(account);
        }
    }

    @Test
    void expandingTenantsAreGivenMoreUsersThanSeats() {
        Map<String, Account> accounts =
                base.accounts().stream()
                        .collect(Collectors.toMap(Account::tenantId, Function.identity()));
        for (String id : base.tenantsOf(UsagePattern.EXPANDING)) {
            TenantBehaviour behaviour = base.behaviour(id);
            Growth growth = behaviour.effect(Growth.class).orElseThrow();
            assertThat(growth.to()).isEqualTo(TODAY);
            assertThat(behaviour.utilisation() * growth.endUsers()).isGreaterThanOrEqualTo(1.0);
            assertThat(behaviour.userPool())
                    .isGreaterThanOrEqualTo(accounts.get(id).licensedSeats().intValue());
        }
    }
}
