package dev.pulse.bot.core;

import dev.pulse.access.accounts.AccountSnapshot;
import dev.pulse.access.accounts.Accounts;
import dev.pulse.access.alerts.Alerts;
import dev.pulse.access.audit.AuditLog;
import dev.pulse.access.command.CommandRecorder;
import dev.pulse.access.followups.FollowUps;
import dev.pulse.access.funnels.Funnels;
import dev.pulse.access.portfolio.Portfolio;
import dev.pulse.access.portfolio.PortfolioEntry;
import dev.pulse.access.portfolio.Portfolios;
import dev.pulse.access.reports.PortfolioSelection;
import dev.pulse.access.reports.Reports;
import dev.pulse.access.schedules.ScheduleStore;
import dev.pulse.access.security.AccessDeniedException;
import dev.pulse.access.security.AccessPolicy;
import dev.pulse.access.security.Caller;
import dev.pulse.access.security.DirectoryUser;
import dev.pulse.access.security.Principal;
import dev.pulse.access.security.UserDirectory;
import dev.pulse.access.segments.SegmentStore;
import dev.pulse.access.segments.Segments;
import dev.pulse.access.summary.Summaries;
import dev.pulse.bot.command.AccountCandidate;
import dev.pulse.bot.command.AccountNameMatcher;
import dev.pulse.bot.command.AlertRef;
import dev.pulse.bot.command.BotCommand;
import dev.pulse.bot.command.CommandParser;
import dev.pulse.bot.command.NameMatch;
import dev.pulse.bot.command.OwnerScope;
import dev.pulse.bot.command.ReportTarget;
import dev.pulse.bot.reply.BotReply;
import dev.pulse.bot.reply.ButtonAction;
import dev.pulse.reports.ReportRenderer;
import dev.pulse.streams.ingest.EventPublisher;
import dev.pulse.streams.read.StateUnavailableException;
import dev.pulse.streams.read.TenantStateReader;
import dev.pulse.topologies.account.Account;
import dev.pulse.topologies.funnel.FunnelDefinitions;
import dev.pulse.topologies.health.HealthModel;
import dev.pulse.topologies.time.UtcDays;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bot's engine: parses a message into a {@link BotCommand}, finds who is asking, and answers
 * through the same scope-checked reader ({@link AuthorizedStateReader} over {@link AccessPolicy})
 * and the same commands on Kafka as the HTTP API. Every command, answered or refused, is one entry
 * in the audit log.
 */
public final class PulseBotEngine implements BotEngine {
    private static final Logger LOG = LoggerFactory.getLogger(PulseBotEngine.class);

    private final TenantStateReader reader;
    private final AccessPolicy policy;
    private final ChatIdentities identities;
    private final OwnerResolver owners;
    private final BotAudit audit;
    private final CommandParser parser;
    private final AlertActions alertActions;
    private final Portfolios portfolios;
    private final Accounts accounts;
    private final Summaries summaries;
    private final ReportReplies reportReplies;
    private final ScheduleReplies scheduleReplies;
    private final SegmentReplies segmentReplies;
    private final FunnelReplies funnelReplies;

    /**
     * @param reader the unchecked (routing) reader; only ever used wrapped in the asker's scope
     * @param linkBaseUrl prefix of account links in answers
     * @param bands the health model's band lines, for the score charts of reports
     * @param schedules where report schedules are kept; null where none are
     * @param segments where saved segments are kept; null where none are
     * @param funnels the product adoption funnels "where do Acme's users stall" looks at
     */
    public PulseBotEngine(
            TenantStateReader reader,
            AccessPolicy policy,
            UserDirectory directory,
            AuditLog auditLog,
            EventPublisher publisher,
            Clock clock,
            ZoneId zone,
            String linkBaseUrl,
            HealthModel.Bands bands,
            ScheduleStore schedules,
            SegmentStore segments,
            FunnelDefinitions funnels) {
        this.reader = reader;
        this.policy = policy;
        this.identities = new ChatIdentities(directory);
        this.owners = new OwnerResolver(directory);
        this.audit = new BotAudit(auditLog, clock);
        this.parser = new CommandParser(clock, zone);
        CommandRecorder recorder = new CommandRecorder(publisher);
        Alerts alerts = new Alerts(recorder, clock);
        this.accounts = new Accounts(clock);
        this.alertActions =
                new AlertActions(
                        alerts,
                        new FollowUps(recorder, alerts, clock, directory),
                        accounts,
                        clock,
                        linkBaseUrl);
        this.portfolios = new Portfolios(clock);
        // Chat answers one question at a time: the per-account reads run on the asking thread.
        this.summaries = new Summaries(clock, Runnable::run);
        this.reportReplies =
                new ReportReplies(
                        new Reports(clock, Runnable::run, auditLog),
                        new ReportRenderer(bands),
                        clock,
                        zone);
        this.scheduleReplies = new ScheduleReplies(schedules, clock, zone);
        this.segmentReplies =
                segments == null
                        ? null
                        : new SegmentReplies(new Segments(segments, clock, funnels), owners);
        this.funnelReplies = new FunnelReplies(new Funnels(funnels), clock);
    }

    @Override
    public BotReply ask(ChatUser user, String text) {
        BotCommand command = parser.parse(text);
        return run(user, describe(command, text), asker -> execute(asker, command));
    }

    @Override
    public BotReply press(ChatUser user, ButtonAction action, String value) {
        return run(
                user,
                "button " + action.id() + " " + value,
                asker -> alertActions.press(asker, action, value));
    }

    @Override
    public BotReply home(ChatUser user) {
        return run(
                user,
                "home",
                asker -> execute(asker, new BotCommand.Portfolio(new OwnerScope.Mine())));
    }

    /** Resolves the asker, runs the command in their scope, audits it; never throws. */
    private BotReply run(ChatUser user, String action, Command command) {
        Optional<DirectoryUser> known = identities.resolve(user);
        if (known.isEmpty()) {
            audit.record(
                    user,
                    user.platform() + ":" + user.userId(),
                    "none",
                    action,
                    List.of(),
                    401,
                    "chat user not mapped to a Pulse user");
            return BotReply.plain(ChatIdentities.howToGetAccess(user));
        }
        DirectoryUser person = known.get();
        Principal principal = person.principal(user.platform());
        Asker asker = new Asker(user, person, Caller.of(principal, policy, reader));
        Outcome outcome;
        try {
            outcome = command.run(asker);
        } catch (AccessDeniedException e) {
            outcome =
                    Outcome.status(
                            403,
                            "Sorry, that is outside what you can see or do: " + e.getMessage(),
                            e.getMessage());
        } catch (StateUnavailableException e) {
            outcome =
                    Outcome.status(
                            503,
                            "Pulse is catching up right now; ask again in a few seconds.",
                            e.getMessage());
        } catch (RuntimeException e) {
            LOG.error("Bot command '{}' by {} failed", action, person.email(), e);
            outcome =
                    Outcome.status(
                            500,
                            "Something went wrong on my side; it is logged. Try again, or use the"
                                    + " API meanwhile.",
                            e.toString());
        }
        audit.record(
                user,
                principal.subject(),
                principal.role().label(),
                action,
                outcome.tenants(),
                outcome.status(),
                outcome.detail());
        return outcome.reply();
    }

    private Outcome execute(Asker asker, BotCommand command) {
        if (command instanceof BotCommand.AtRisk c) {
            return portfolio(asker, c.scope(), true);
        } else if (command instanceof BotCommand.Portfolio c) {
            return portfolio(asker, c.scope(), false);
        } else if (command instanceof BotCommand.AccountStatus c) {
            return accountStatus(asker, c.accountName());
        } else if (command instanceof BotCommand.Summary c) {
            return SummaryReplies.summary(
                    c.range(),
                    summaries.summarize(
                            asker.caller(),
                            UtcDays.startOf(c.range().fromInclusive()),
                            UtcDays.startOf(c.range().toExclusive()),
                            SummaryReplies.LOWEST));
        } else if (command instanceof BotCommand.ListAlerts c) {
            return alertActions.list(asker, c.filter().orElse(null));
        } else if (command instanceof BotCommand.AckAlert c) {
            return withAlert(asker, c.alert(), id -> alertActions.ack(asker, id));
        } else if (command instanceof BotCommand.SnoozeAlert c) {
            return withAlert(asker, c.alert(), id -> alertActions.snooze(asker, id, c.duration()));
        } else if (command instanceof BotCommand.ResolveAlert c) {
            return withAlert(asker, c.alert(), id -> alertActions.resolve(asker, id));
        } else if (command instanceof BotCommand.FollowUp c) {
            return withAccount(
                    asker,
                    c.accountName(),
                    account ->
                            alertActions.followUp(asker, account, c.title(), c.due().orElse(null)));
        } else if (command instanceof BotCommand.Report c) {
            return report(asker, c);
        } else if (command instanceof BotCommand.ListSchedules) {
            return scheduleReplies.list(asker);
        } else if (command instanceof BotCommand.CancelSchedule c) {
            return scheduleReplies.cancel(asker, c.id());
        } else if (command instanceof BotCommand.ScheduleReport c) {
            if (c.target() instanceof ReportTarget.Account a) {
                return withAccount(
                        asker,
                        a.accountName(),
                        account -> scheduleReplies.schedule(asker, c, account.tenantId()));
            }
            return scheduleReplies.schedule(asker, c, null);
        } else if (command instanceof BotCommand.ListSegments) {
            return segmentReplies == null ? noSegments() : segmentReplies.list(asker);
        } else if (command instanceof BotCommand.SegmentStatus c) {
            return segmentReplies == null
                    ? noSegments()
                    : segmentReplies.status(asker, c.segmentName());
        } else if (command instanceof BotCommand.SaveSegment c) {
            return segmentReplies == null
                    ? noSegments()
                    : segmentReplies.save(asker, c.name(), c.criteria());
        } else if (command instanceof BotCommand.DeleteSegment c) {
            return segmentReplies == null
                    ? noSegments()
                    : segmentReplies.delete(asker, c.segmentName());
        } else if (command instanceof BotCommand.FunnelStall c) {
            return withAccount(
                    asker, c.accountName(), account -> funnelReplies.stall(asker, account));
        } else if (command instanceof BotCommand.Help c) {
            return Outcome.ok(BotReply.plain(c.answer()), List.of());
        } else if (command instanceof BotCommand.Invalid c) {
            return Outcome.status(400, c.answer(), c.message());
        } else if (command instanceof BotCommand.Unknown c) {
            return Outcome.status(400, c.answer(), "not a command");
        } else if (command instanceof BotCommand.TooLong c) {
            return Outcome.status(400, c.answer(), "too long");
        }
        return Outcome.status(400, "I did not understand that; try `help`.", "unhandled");
    }

    private static Outcome noSegments() {
        return Outcome.status(503, "Segments are not set up on this Pulse.", "no segment store");
    }

    private Outcome report(Asker asker, BotCommand.Report command) {
        if (command.target() instanceof ReportTarget.Account a) {
            return withAccount(
                    asker,
                    a.accountName(),
                    account -> reportReplies.account(asker, account, command.format()));
        }
        OwnerScope scope = ((ReportTarget.Portfolio) command.target()).scope();
        if (scope instanceof OwnerScope.Owner o) {
            OwnerResolver.Found found = owners.find(o.reference());
            if (!(found instanceof OwnerResolver.Found.One one)) {
                return Outcome.status(
                        404,
                        "I don't know exactly one person called '" + o.reference() + "' in Pulse.",
                        "unknown owner");
            }
            return reportReplies.portfolio(
                    asker, PortfolioSelection.owner(one.user().email()), command.format());
        }
        if (scope instanceof OwnerScope.Mine) {
            return reportReplies.portfolio(
                    asker, PortfolioSelection.owner(asker.person().email()), command.format());
        }
        // A reporting-line team is not a directory team: everything in the asker's scope.
        return reportReplies.portfolio(asker, PortfolioSelection.all(), command.format());
    }

    /** At-risk accounts or the whole portfolio of the asker, a named owner, or a team. */
    private Outcome portfolio(Asker asker, OwnerScope scope, boolean atRiskOnly) {
        String reference =
                scope instanceof OwnerScope.Owner o
                        ? o.reference()
                        : scope instanceof OwnerScope.Team t ? t.reference() : null;
        DirectoryUser owner = asker.person();
        if (reference != null) {
            OwnerResolver.Found found = owners.find(reference);
            if (found instanceof OwnerResolver.Found.Several several) {
                return Outcome.status(
                        404,
                        "Several people match '"
                                + reference
                                + "': "
                                + several.candidates().stream()
                                        .map(u -> u.name() + " (" + u.email() + ")")
                                        .collect(Collectors.joining(", "))
                                + ". Ask again with the e-mail.",
                        "ambiguous owner");
            }
            if (!(found instanceof OwnerResolver.Found.One one)) {
                return Outcome.status(
                        404,
                        "I don't know anyone called '" + reference + "' in Pulse.",
                        "unknown owner");
            }
            owner = one.user();
        }
        boolean team = scope instanceof OwnerScope.Team || scope instanceof OwnerScope.MyTeam;
        Portfolio portfolio =
                portfolios.of(
                        asker.caller(),
                        team ? owners.teamOf(owner.email()) : Set.of(owner.email()));
        String whose =
                scope instanceof OwnerScope.Mine
                        ? "your"
                        : team ? owner.name() + "'s team's" : owner.name() + "'s";
        List<PortfolioEntry> shown = atRiskOnly ? portfolio.atRisk() : portfolio.entries();
        String title =
                (atRiskOnly ? "At-risk accounts: " : "Portfolio: ")
                        + whose
                        + " ("
                        + shown.size()
                        + (atRiskOnly ? " of " + portfolio.entries().size() + ")" : ")");
        BotReply reply =
                PortfolioReplies.table(
                        capitalize(title),
                        shown,
                        atRiskOnly ? "No account is at risk. 🎉" : "No accounts.");
        return Outcome.ok(reply, shown.stream().map(PortfolioEntry::tenantId).toList());
    }

    private Outcome accountStatus(Asker asker, String name) {
        return withAccount(
                asker,
                name,
                account ->
                        AccountReplies.status(
                                account,
                                accounts.snapshot(asker.caller(), account.tenantId())
                                        .map(AccountSnapshot::score),
                                alertActions.firing(asker, account)));
    }

    /** Resolves an account name among the accounts the asker may see. */
    private Outcome withAccount(
            Asker asker, String name, java.util.function.Function<Account, Outcome> then) {
        List<Account> visible = accounts.visible(asker.caller());
        NameMatch match =
                new AccountNameMatcher(
                                visible.stream()
                                        .map(a -> new AccountCandidate(a.tenantId(), a.name()))
                                        .toList())
                        .match(name);
        if (match instanceof NameMatch.Exact exact) {
            Account account =
                    visible.stream()
                            .filter(a -> a.tenantId().equals(exact.match().tenantId()))
                            .findFirst()
                            .orElseThrow();
            return then.apply(account);
        }
        if (match instanceof NameMatch.Ambiguous ambiguous) {
            return Outcome.status(
                    404,
                    "Did you mean "
                            + ambiguous.candidates().stream()
                                    .map(c -> "*" + c.name() + "*")
                                    .collect(Collectors.joining(" or "))
                            + "?",
                    "ambiguous account '" + name + "'");
        }
        List<AccountCandidate> suggestions = ((NameMatch.NotFound) match).suggestions();
        return Outcome.status(
                404,
                "I can't find an account called '"
                        + name
                        + "' among the accounts you can see"
                        + (suggestions.isEmpty()
                                ? "."
                                : ". Did you mean "
                                        + suggestions.stream()
                                                .limit(3)
                                                .map(c -> "*" + c.name() + "*")
                                                .collect(Collectors.joining(", "))
                                        + "?"),
                "unknown account '" + name + "'");
    }

    private Outcome withAlert(
            Asker asker, AlertRef ref, java.util.function.Function<String, Outcome> then) {
        if (ref instanceof AlertRef.Id id) {
            return then.apply(id.alertId());
        }
        AlertRef.ByAccount byAccount = (AlertRef.ByAccount) ref;
        return withAccount(
                asker,
                byAccount.accountName(),
                account -> alertActions.withAlertOf(asker, account, byAccount.rule(), then));
    }

    private static String describe(BotCommand command, String text) {
        String kind = command.getClass().getSimpleName();
        String input = text == null ? "" : text.strip();
        if (input.length() > 120) {
            input = input.substring(0, 120) + "…";
        }
        return kind + " \"" + input.replaceAll("\\p{Cntrl}", " ") + "\"";
    }

    private static String capitalize(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    /** One command run for one asker. */
    @FunctionalInterface
    private interface Command {
        Outcome run(Asker asker);
    }
}
