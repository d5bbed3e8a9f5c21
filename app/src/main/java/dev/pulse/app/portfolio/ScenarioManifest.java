package dev.pulse.app.portfolio;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pulse.app.simulator.UsagePattern;
import dev.pulse.topologies.account.Account;
import dev.pulse.topologies.json.PulseJson;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.TreeMap;

/**
 * The JSON manifest of a portfolio: the scenario's parameters, the holidays, how many accounts
 * follow each pattern and end with each outcome, and how many events there are.
 */
final class ScenarioManifest {
    private ScenarioManifest() {}

    /**
     * @param events the events written, or a negative number when they were not counted (the
     *     manifest then gives the expected number only)
     */
    static String json(LabelledPortfolio portfolio, long events) {
        PortfolioScenario scenario = portfolio.scenario();
        ObjectNode root = PulseJson.mapper().createObjectNode();
        root.put("scenario", scenario.name());
        root.put("seed", scenario.seed());
        root.put("accounts", scenario.accounts());
        root.put("days", scenario.days());
        root.put("firstDay", portfolio.firstDay().toString());
        root.put("lastDay", portfolio.lastDay().toString());
        root.put("churnShare", scenario.churnShare());
        ObjectNode shares = root.putObject("patternShares");
        scenario.patternShares().forEach((pattern, share) -> shares.put(pattern.label(), share));
        ObjectNode fade = root.putObject("fadeDays");
        fade.put("min", scenario.fadeMinDays());
        fade.put("max", scenario.fadeMaxDays());
        fade.put("baselineDays", PortfolioScenario.BASELINE_DAYS);
        root.put("holidayPeriods", scenario.holidayPeriods());
        ObjectNode plans = root.putObject("plans");
        plans.put("starter", scenario.plans().starter());
        plans.put("growth", scenario.plans().growth());
        plans.put("enterprise", scenario.plans().enterprise());
        root.put("volumeScale", scenario.volumeScale());
        ArrayNode holidays = root.putArray("holidays");
        for (HolidayPeriod holiday : portfolio.holidays()) {
            ObjectNode node = holidays.addObject();
            node.put("from", holiday.from().toString());
            node.put("to", holiday.to().toString());
            node.put("factor", Math.round(holiday.factor() * 1000) / 1000.0);
        }
        ObjectNode patterns = root.putObject("patterns");
        for (Map.Entry<UsagePattern, Integer> count : portfolio.patternCounts().entrySet()) {
            patterns.put(count.getKey().label(), count.getValue());
        }
        Map<String, Integer> outcomes = new TreeMap<>();
        for (Account account : portfolio.accounts()) {
            outcomes.merge(account.status(), 1, Integer::sum);
        }
        ObjectNode outcomeNode = root.putObject("outcomes");
        outcomes.forEach(outcomeNode::put);
        root.put("expectedEvents", portfolio.expectedEvents());
        if (events >= 0) {
            root.put("events", events);
        }
        try {
            return PulseJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
