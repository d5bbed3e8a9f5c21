package dev.pulse.bot.core;

import dev.pulse.access.funnels.FunnelReport;
import dev.pulse.access.funnels.Funnels;
import dev.pulse.access.funnels.StepResult;
import dev.pulse.bot.reply.Block;
import dev.pulse.bot.reply.BotReply;
import dev.pulse.topologies.account.Account;
import dev.pulse.topologies.funnel.Funnel;
import dev.pulse.topologies.time.UtcDays;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * "Where do Acme's users stall": every adoption funnel of the account over the last {@value #DAYS}
 * days, against the asker's portfolio, through the {@code Funnels} use case; the step where the
 * account's users stop most against the portfolio, per funnel, is what to coach.
 */
final class FunnelReplies {
    /** The period the answer covers, today included. */
    static final int DAYS = 30;

    private final Funnels funnels;
    private final Clock clock;

    FunnelReplies(Funnels funnels, Clock clock) {
        this.funnels = funnels;
        this.clock = clock;
    }

    Outcome stall(Asker asker, Account account) {
        List<Funnel> defined = funnels.list();
        if (defined.isEmpty()) {
            return Outcome.status(
                    404, "No adoption funnels are configured (config/funnels.yaml).", "no funnels");
        }
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        Instant from = UtcDays.startOf(today.minusDays(DAYS - 1));
        Instant to = UtcDays.startOf(today.plusDays(1));
        BotReply.Builder reply =
                BotReply.builder().header(account.name() + ": where users stall, last 30 days");
        List<String> findings = new ArrayList<>();
        Set<String> read = new LinkedHashSet<>();
        for (Funnel funnel : defined) {
            FunnelReport report =
                    funnels.forTenant(asker.caller(), funnel, account.tenantId(), from, to);
            read.addAll(report.tenantIds());
            findings.add(finding(report));
            reply.table(table(report));
        }
        reply.paragraph(String.join("\n", findings));
        reply.context(
                "Conversion is from the step before; the portfolio is every account you see. The"
                        + " dashboard's Journey page draws these funnels.");
        return Outcome.ok(reply.build(), List.copyOf(read));
    }

    private static String finding(FunnelReport report) {
        String funnel = report.funnel().label();
        if (report.steps().isEmpty() || report.steps().get(0).users() == 0) {
            return "• " + funnel + ": no users entered it in the period.";
        }
        if (report.stallStep() == null) {
            return "• " + funnel + ": no step stands out against the portfolio.";
        }
        StepResult mine = step(report.steps(), report.stallStep());
        StepResult theirs = step(report.portfolio(), report.stallStep());
        return String.format(
                Locale.ROOT,
                "• %s: users stall at *%s*: %s reach it from the step before, against %s across"
                        + " the portfolio.",
                funnel,
                mine == null ? report.stallStep() : mine.label(),
                percent(mine),
                percent(theirs));
    }

    private static Block.Table table(FunnelReport report) {
        List<List<String>> rows = new ArrayList<>();
        for (StepResult step : report.steps()) {
            StepResult portfolio = step(report.portfolio(), step.id());
            rows.add(
                    List.of(
                            step.label(),
                            String.valueOf(step.users()),
                            percent(step),
                            percent(portfolio)));
        }
        return new Block.Table(
                List.of(report.funnel().label(), "Users", "Conversion", "Portfolio"), rows);
    }

    private static StepResult step(List<StepResult> steps, String id) {
        if (steps == null) {
            return null;
        }
        return steps.stream().filter(s -> s.id().equals(id)).findFirst().orElse(null);
    }

    private static String percent(StepResult step) {
        return step == null ? "–" : String.format(Locale.ROOT, "%.0f %%", step.conversion() * 100);
    }
}
