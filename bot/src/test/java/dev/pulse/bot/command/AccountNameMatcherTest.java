package dev.pulse.bot.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AccountNameMatcherTest {

    private static final AccountCandidate ACME = new AccountCandidate("acme", "Acme Corp");
    private static final AccountCandidate JASPER = new AccountCandidate("jasper", "Jasper Health");
    private static final AccountCandidate GLOBEX =
            new AccountCandidate("globex", "Globex International GmbH");
    private static final AccountCandidate ZURICH =
            new AccountCandidate("zurich", "Zürich Versicherung AG");
    private static final AccountCandidate INITECH =
            new AccountCandidate("initech", "Initech, Inc.");
    private static final AccountCandidate SOYLENT =
            new AccountCandidate("soylent", "Soylent Foods");
    private static final AccountCandidate SOYLENT_LABS =
            new AccountCandidate("soylent-labs", "Soylent Labs");

    private final AccountNameMatcher matcher =
            new AccountNameMatcher(
                    List.of(ACME, JASPER, GLOBEX, ZURICH, INITECH, SOYLENT, SOYLENT_LABS));

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({
        "acme,                     acme",
        "ACME,                     acme",
        "Acme Corp,                acme",
        "Acme Corporation,         acme",
        "acme inc.,                acme",
        "Jasper Health,            jasper",
        "Jasper Helth,             jasper",
        "jasper heath,             jasper",
        "jasper,                   jasper",
        "globex,                   globex",
        "Globex Intl,              globex",
        "Globex International,     globex",
        "zurich versicherung,      zurich",
        "Zuerich Versicherung,     zurich",
        "initech,                  initech",
        "soylent foods,            soylent",
        "soylent labz,             soylent-labs",
    })
    void findsTheAccountAPersonMeans(String typed, String tenantId) {
        NameMatch match = matcher.match(typed);

        assertThat(match).isInstanceOf(NameMatch.Exact.class);
        assertThat(((NameMatch.Exact) match).match().tenantId()).isEqualTo(tenantId);
    }

    @Test
    void asksWhichOneWhenTwoNamesFitEquallyWell() {
        NameMatch match = matcher.match("soylent");

        assertThat(match).isInstanceOf(NameMatch.Ambiguous.class);
        assertThat(((NameMatch.Ambiguous) match).candidates())
                .containsExactlyInAnyOrder(SOYLENT, SOYLENT_LABS);
    }

    @Test
    void asksWhichOneWhenTwoTenantsHaveTheSameName() {
        AccountCandidate acmeUs = new AccountCandidate("acme-us", "Acme Inc");
        AccountCandidate acmeUk = new AccountCandidate("acme-uk", "ACME Ltd.");

        NameMatch match = new AccountNameMatcher(List.of(acmeUs, acmeUk, JASPER)).match("acme");

        assertThat(match).isEqualTo(new NameMatch.Ambiguous(List.of(acmeUs, acmeUk)));
    }

    @Test
    void asksWhichOneForTypoCloseToTwoNames() {
        AccountCandidate health = new AccountCandidate("jh", "Jasper Health");
        AccountCandidate wealth = new AccountCandidate("jw", "Jasper Wealth");

        NameMatch match = new AccountNameMatcher(List.of(health, wealth)).match("Jasper Xealth");

        assertThat(match).isInstanceOf(NameMatch.Ambiguous.class);
        assertThat(((NameMatch.Ambiguous) match).candidates())
                .containsExactlyInAnyOrder(health, wealth);
    }

    @Test
    void suggestsTheNearestNamesWhenNothingFits() {
        NameMatch match = matcher.match("Jaspar Hospital");

        assertThat(match).isInstanceOf(NameMatch.NotFound.class);
        assertThat(((NameMatch.NotFound) match).suggestions()).first().isEqualTo(JASPER);
    }

    @Test
    void findsNothingForUnrelatedOrEmptyNames() {
        assertThat(matcher.match("Wayne Enterprises")).isEqualTo(new NameMatch.NotFound(List.of()));
        assertThat(matcher.match("")).isEqualTo(new NameMatch.NotFound(List.of()));
        assertThat(matcher.match("  ...  ")).isEqualTo(new NameMatch.NotFound(List.of()));
        assertThat(matcher.match(null)).isEqualTo(new NameMatch.NotFound(List.of()));
        assertThat(new AccountNameMatcher(List.of()).match("acme"))
                .isEqualTo(new NameMatch.NotFound(List.of()));
    }

    @Test
    void normalisesCaseAccentsPunctuationAndLegalSuffixes() {
        assertThat(AccountNameMatcher.normalize("Zürich Versicherung AG"))
                .isEqualTo("zurich versicherung");
        assertThat(AccountNameMatcher.normalize("Initech, Inc.")).isEqualTo("initech");
        assertThat(AccountNameMatcher.normalize("The Corp")).isEqualTo("corp");
        assertThat(AccountNameMatcher.normalize("Corp")).isEqualTo("corp");
        assertThat(AccountNameMatcher.normalize("Smith & Sons Co. Ltd"))
                .isEqualTo("smith and sons");
    }
}
