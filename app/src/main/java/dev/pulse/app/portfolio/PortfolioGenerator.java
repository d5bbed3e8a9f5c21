package dev.pulse.app.portfolio;

import dev.pulse.app.simulator.AccountManager;
import dev.pulse.app.simulator.AccountManagers;
import dev.pulse.app.simulator.AccountProfiles;
import dev.pulse.app.simulator.BehaviourProfiles;
import dev.pulse.app.simulator.Dip;
import dev.pulse.app.simulator.Fade;
import dev.pulse.app.simulator.RampUp;
import dev.pulse.app.simulator.TenantBehaviour;
import dev.pulse.app.simulator.UsageEffect;
import dev.pulse.app.simulator.UsagePattern;
import dev.pulse.app.simulator.VolumeCalibration;
import dev.pulse.topologies.account.Account;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Generates a {@link LabelledPortfolio} from a scenario: deals the patterns to accounts (in a
 * seeded random order, round-robin to account managers of about 25 accounts each), places each
 * account's story and the holidays in the history, decides the outcomes, draws the account records
 * and behaviours, and calibrates the volume. Events are not generated here: the portfolio renders
 * them each time they are read.
 */
public final class PortfolioGenerator {
    /** Accounts per account manager, as in the product brief (20–30). */
    static final int ACCOUNTS_PER_MANAGER = 25;

    private static final long SALT = 0x9087F0L;

    private PortfolioGenerator() {}

    public static LabelledPortfolio generate(PortfolioScenario scenario) {
        SplittableRandom root = new SplittableRandom(scenario.seed() ^ SALT);
        // One stream per concern, so that changing the holidays does not reshuffle the accounts.
        SplittableRandom dealing = root.split();
        PortfolioStories stories = new PortfolioStories(root.split(), scenario);
        Outcomes outcomes = new Outcomes(root.split(), scenario.firstDay(), scenario.end());
        AccountProfiles accountProfiles = new AccountProfiles(root.split());
        BehaviourProfiles behaviourProfiles = new BehaviourProfiles(root.split());
        List<HolidayPeriod> holidays = stories.holidays();
        List<UsageEffect> holidayDips =
                holidays.stream().map(h -> (UsageEffect) h.asDip()).toList();

        List<AccountManager> managers = AccountManagers.roster(managers(scenario.accounts()));
        List<UsagePattern> patterns = deal(scenario, dealing);
        List<Account> accounts = new ArrayList<>();
        List<TenantBehaviour> behaviours = new ArrayList<>();
        for (int i = 0; i < patterns.size(); i++) {
            UsagePattern pattern = patterns.get(i);
            List<UsageEffect> story = stories.story(pattern);
            Outcomes.Outcome outcome = outcomes.of(story);
            Account drawn =
                    accountProfiles.next(
                            managers.get(i % managers.size()),
                            pattern,
                            scenario.plans(),
                            outcome.renewalDate());
            Account account =
                    drawn.withOutcome(outcome.status(), outcome.churnedAt(), outcome.renewedAt())
                            .withAttributes(attributes(drawn, story));
            List<UsageEffect> effects = new ArrayList<>(story);
            effects.addAll(holidayDips);
            accounts.add(account);
            behaviours.add(
                    behaviourProfiles.behaviour(
                            account.tenantId(),
                            pattern,
                            account.plan(),
                            account.licensedSeats(),
                            effects));
        }
        double eventsPerWeekday =
                PortfolioScenario.EVENTS_PER_ACCOUNT_PER_WEEKDAY
                        * scenario.volumeScale()
                        * scenario.accounts();
        return new LabelledPortfolio(
                scenario,
                accounts,
                VolumeCalibration.calibrate(behaviours, days(scenario), eventsPerWeekday),
                holidays);
    }

    static int managers(int accounts) {
        return (int)
                Math.max(
                        1,
                        Math.min(
                                AccountManagers.MAX,
                                Math.round(accounts / (double) ACCOUNTS_PER_MANAGER)));
    }

    /**
     * Every account's pattern, in a seeded random order: churners are the scenario's churn share,
     * rounded; the rest split by the pattern weights with the largest remainders rounded up, so the
     * counts always add up to the number of accounts.
     */
    static List<UsagePattern> deal(PortfolioScenario scenario, SplittableRandom random) {
        int churners = (int) Math.round(scenario.churnShare() * scenario.accounts());
        List<UsagePattern> patterns =
                new ArrayList<>(Collections.nCopies(churners, UsagePattern.FADE));
        int retained = scenario.accounts() - churners;
        double total =
                scenario.patternShares().values().stream().mapToDouble(Double::doubleValue).sum();
        Map<UsagePattern, Integer> counts = new EnumMap<>(UsagePattern.class);
        Map<UsagePattern, Double> remainders = new LinkedHashMap<>();
        int dealt = 0;
        for (Map.Entry<UsagePattern, Double> share : scenario.patternShares().entrySet()) {
            double exact = retained * share.getValue() / total;
            counts.put(share.getKey(), (int) Math.floor(exact));
            remainders.put(share.getKey(), exact - Math.floor(exact));
            dealt += (int) Math.floor(exact);
        }
        List<UsagePattern> byRemainder = new ArrayList<>(remainders.keySet());
        byRemainder.sort((a, b) -> Double.compare(remainders.get(b), remainders.get(a)));
        for (int i = 0; i < retained - dealt; i++) {
            counts.merge(byRemainder.get(i), 1, Integer::sum);
        }
        counts.forEach((pattern, count) -> patterns.addAll(Collections.nCopies(count, pattern)));
        for (int i = patterns.size() - 1; i > 0; i--) {
            Collections.swap(patterns, i, random.nextInt(i + 1));
        }
        return patterns;
    }

    /**
     * The label and what a reader of the portfolio needs to judge a detector on it: a churner's
     * fade shape and length, a blip's first day, a new account's start.
     */
    private static Map<String, String> attributes(Account account, List<UsageEffect> story) {
        Map<String, String> attributes = new LinkedHashMap<>(account.attributes());
        for (UsageEffect effect : story) {
            if (effect instanceof Fade fade) {
                attributes.put("fadeShape", fade.shape().label());
                attributes.put("fadeDays", Integer.toString(fade.days()));
            } else if (effect instanceof Dip blip) {
                attributes.put("blipFrom", blip.from().toString());
            } else if (effect instanceof RampUp rampUp) {
                attributes.put("startedAt", rampUp.start().toString());
            }
        }
        return attributes;
    }

    private static List<LocalDate> days(PortfolioScenario scenario) {
        List<LocalDate> days = new ArrayList<>();
        for (LocalDate day = scenario.firstDay();
                !day.isAfter(scenario.end());
                day = day.plusDays(1)) {
            days.add(day);
        }
        return days;
    }
}
