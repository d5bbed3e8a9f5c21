package dev.pulse.access.segments;

import dev.pulse.access.portfolio.PortfolioEntry;
import dev.pulse.access.portfolio.PortfolioRanking;
import dev.pulse.access.security.AccessDeniedException;
import dev.pulse.access.security.Caller;
import dev.pulse.access.security.Permission;
import dev.pulse.access.summary.BandCounts;
import dev.pulse.topologies.account.Account;
import dev.pulse.topologies.funnel.Funnel;
import dev.pulse.topologies.funnel.FunnelDefinitions;
import dev.pulse.topologies.health.HealthScore;
import dev.pulse.topologies.time.UtcDays;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The segment use cases for every front end: save, change and delete segments (analysts and above,
 * {@link Permission#MANAGE_SEGMENTS}); list, read, preview, members, history and comparison for
 * anyone who reads; and {@link #filter}, the one way a list, summary or report narrows itself to a
 * segment.
 *
 * <p>Membership is never stored: every read evaluates the criteria ({@link SegmentMatcher}) over
 * the accounts the caller's reader lists and their current scores, so it follows the scores and
 * never leaves the caller's scope (a segment an admin saved shows an account manager only their own
 * accounts). History evaluates the criteria against each day's end-of-day score, so the trend needs
 * no job of its own; the directory record is today's for every day.
 */
public final class Segments {
    static final int MAX_NAME = 100;
    static final int MAX_DESCRIPTION = 2000;
    static final int MAX_COMPARED = 10;
    static final int MAX_HISTORY_DAYS = 731;

    private final SegmentStore store;
    private final Clock clock;
    private final FunnelDefinitions funnels;
    private final SecureRandom random = new SecureRandom();

    /** Without funnels: a criterion on funnel progress names an unknown funnel. */
    public Segments(SegmentStore store, Clock clock) {
        this(store, clock, FunnelDefinitions.NONE);
    }

    /**
     * @param funnels the funnels a criterion on funnel progress may name
     */
    public Segments(SegmentStore store, Clock clock, FunnelDefinitions funnels) {
        this.store = store;
        this.clock = clock;
        this.funnels = funnels;
    }

    /**
     * Saves a new segment for the caller. {@link InvalidSegmentException} for bad input, {@link
     * SegmentNameTakenException} when the name is taken, {@link AccessDeniedException} when the
     * caller's role may not manage segments.
     */
    public Segment create(Caller caller, SegmentRequest request) {
        caller.require(Permission.MANAGE_SEGMENTS);
        requireKnownFunnel(request.criteria());
        String name = name(request.name());
        String description = description(request.description());
        synchronized (this) {
            requireFreeName(name, null);
            Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
            Segment segment =
                    new Segment(
                            newId(),
                            name,
                            description,
                            request.criteria(),
                            caller.actor(),
                            now,
                            now);
            store.save(segment);
            return segment;
        }
    }

    /**
     * Replaces a segment's name, description and criteria. Its maker or an admin may; {@link
     * UnknownSegmentException} when there is none with that id.
     */
    public Segment update(Caller caller, String id, SegmentRequest request) {
        caller.require(Permission.MANAGE_SEGMENTS);
        requireKnownFunnel(request.criteria());
        String name = name(request.name());
        String description = description(request.description());
        synchronized (this) {
            Segment old = existing(id);
            requireMaker(caller, old);
            requireFreeName(name, id);
            Segment segment =
                    new Segment(
                            id,
                            name,
                            description,
                            request.criteria(),
                            old.createdBy(),
                            old.createdAt(),
                            clock.instant().truncatedTo(ChronoUnit.MILLIS));
            store.save(segment);
            return segment;
        }
    }

    /** Deletes a segment; its maker or an admin may. */
    public void delete(Caller caller, String id) {
        caller.require(Permission.MANAGE_SEGMENTS);
        synchronized (this) {
            requireMaker(caller, existing(id));
            store.delete(id);
        }
    }

    /** One segment's definition. */
    public Segment get(Caller caller, String id) {
        return existing(id);
    }

    /** Every segment by name, each with its size and average score within the caller's scope. */
    public List<SegmentListing> list(Caller caller) {
        InScope scope = InScope.read(caller, funnels, today());
        LocalDate today = today();
        return store.all().stream()
                .sorted(byName())
                .map(
                        segment -> {
                            Membership members = scope.select(segment.criteria(), today);
                            return new SegmentListing(
                                    segment, members.size(), members.averageScore());
                        })
                .toList();
    }

    /** The accounts these criteria select in the caller's scope now, without saving anything. */
    public Membership preview(Caller caller, SegmentCriteria criteria) {
        requireKnownFunnel(criteria);
        return InScope.read(caller, funnels, today()).select(criteria, today());
    }

    /** The segment's accounts in the caller's scope now, riskiest first. */
    public Membership members(Caller caller, String id) {
        return preview(caller, existing(id).criteria());
    }

    /**
     * The segment's size and average per UTC day of {@code [from, to)}, each day evaluated against
     * that day's end-of-day scores, renewals counted from that day and the journey stage the
     * account was in then (funnel progress is today's: the daily tallies do not say who had reached
     * a step on a past day).
     */
    public SegmentHistory history(Caller caller, String id, LocalDate from, LocalDate to) {
        Segment segment = existing(id);
        if (!from.isBefore(to)) {
            throw new InvalidSegmentException(
                    "from", "must be before 'to', but from=" + from + " and to=" + to);
        }
        long span = ChronoUnit.DAYS.between(from, to);
        if (span > MAX_HISTORY_DAYS) {
            throw new InvalidSegmentException(
                    "from",
                    "must be at most " + MAX_HISTORY_DAYS + " days before 'to', not " + span);
        }
        List<SegmentMatcher> matchers = new ArrayList<>();
        for (LocalDate day = from; day.isBefore(to); day = day.plusDays(1)) {
            matchers.add(SegmentMatcher.of(segment.criteria(), day));
        }
        // One day more than asked: a reader keying days by the instant that closes them (asOf)
        // answers as one keying them by their start; days outside the range are ignored.
        Instant start = UtcDays.startOf(from);
        Instant end = UtcDays.startOf(to).plus(UtcDays.DAY);
        int[] sizes = new int[matchers.size()];
        double[] sums = new double[matchers.size()];
        int[] scored = new int[matchers.size()];
        InScope scope = InScope.read(caller, funnels, today());
        for (Account account : scope.accounts) {
            if (matchers.stream().noneMatch(m -> m.matchesAccount(account))) {
                continue; // no day's score can make it match: its history is not read
            }
            Map<LocalDate, HealthScore> daily = new HashMap<>();
            for (HealthScore score : caller.reader().dailyScores(account.tenantId(), start, end)) {
                daily.put(UtcDays.dayClosedBy(score), score);
            }
            for (int i = 0; i < matchers.size(); i++) {
                SegmentMatcher matcher = matchers.get(i);
                HealthScore score = daily.get(matcher.today());
                if (matcher.matches(
                        scope.facts(segment.criteria(), account, score, matcher.today()))) {
                    sizes[i]++;
                    if (score != null) {
                        sums[i] += score.score();
                        scored[i]++;
                    }
                }
            }
        }
        List<SegmentHistory.Day> days = new ArrayList<>(matchers.size());
        for (int i = 0; i < matchers.size(); i++) {
            Double average = scored[i] == 0 ? null : SegmentFigures.round(sums[i] / scored[i]);
            days.add(new SegmentHistory.Day(matchers.get(i).today(), sizes[i], average));
        }
        return new SegmentHistory(segment, from, to, days);
    }

    /** Two or more segments side by side, in the order asked, within the caller's scope now. */
    public List<SegmentComparison> compare(Caller caller, List<String> ids) {
        Set<String> distinct = new LinkedHashSet<>(ids);
        if (distinct.size() < 2 || distinct.size() > MAX_COMPARED) {
            throw new InvalidSegmentException(
                    "ids",
                    "must name 2 to "
                            + MAX_COMPARED
                            + " different segments, not "
                            + distinct.size());
        }
        List<Segment> segments = distinct.stream().map(this::existing).toList();
        InScope scope = InScope.read(caller, funnels, today());
        LocalDate today = today();
        return segments.stream().map(s -> compared(s, scope.select(s.criteria(), today))).toList();
    }

    /**
     * The accounts of a segment as a filter for lists, summaries and reports: true for the accounts
     * of the caller's scope the segment holds now. A null id filters nothing. {@link
     * UnknownSegmentException} when there is no such segment.
     */
    public Predicate<Account> filter(Caller caller, String segmentId) {
        if (segmentId == null) {
            return account -> true;
        }
        SegmentCriteria criteria = existing(segmentId).criteria();
        SegmentMatcher matcher = SegmentMatcher.of(criteria, today());
        if (!matcher.needsScore()
                && criteria.journeyStages() == null
                && criteria.funnel() == null) {
            return matcher::matchesAccount; // the directory alone decides: nothing to read
        }
        Membership members = members(caller, segmentId);
        Set<String> tenants = new HashSet<>();
        members.entries().forEach(e -> tenants.add(e.tenantId()));
        return account -> tenants.contains(account.tenantId());
    }

    /** A segment by id; {@link UnknownSegmentException} when there is none. */
    private Segment existing(String id) {
        return store.get(id).orElseThrow(() -> new UnknownSegmentException(id));
    }

    private static SegmentComparison compared(Segment segment, Membership members) {
        int healthy = 0;
        int neutral = 0;
        int atRiskBand = 0;
        int atRisk = 0;
        double arr = 0;
        for (PortfolioEntry entry : members.entries()) {
            HealthScore score = entry.score();
            if (score != null) {
                switch (score.band()) {
                    case HEALTHY -> healthy++;
                    case NEUTRAL -> neutral++;
                    case AT_RISK -> atRiskBand++;
                }
                if (score.atRisk()) {
                    atRisk++;
                }
            }
            if (entry.account().arr() != null) {
                arr += entry.account().arr();
            }
        }
        return new SegmentComparison(
                segment,
                members.size(),
                members.averageScore(),
                atRisk,
                arr,
                new BandCounts(healthy, neutral, atRiskBand));
    }

    private void requireFreeName(String name, String exceptId) {
        for (Segment other : store.all()) {
            if (other.name().equalsIgnoreCase(name) && !other.id().equals(exceptId)) {
                throw new SegmentNameTakenException(name, other.id());
            }
        }
    }

    /** A criterion on funnel progress names a configured funnel and one of its steps. */
    private void requireKnownFunnel(SegmentCriteria criteria) {
        if (criteria == null || criteria.funnel() == null) {
            return;
        }
        SegmentCriteria.FunnelStep wanted = criteria.funnel();
        Funnel funnel =
                funnels.find(wanted.id())
                        .orElseThrow(
                                () ->
                                        new InvalidSegmentException(
                                                "funnel.id",
                                                "names no funnel of config/funnels.yaml: '"
                                                        + wanted.id()
                                                        + "'"));
        if (funnel.steps().stream().noneMatch(step -> step.id().equals(wanted.reachedStep()))) {
            throw new InvalidSegmentException(
                    "funnel.reachedStep",
                    "names no step of funnel '"
                            + funnel.id()
                            + "': '"
                            + wanted.reachedStep()
                            + "'; its steps are "
                            + funnel.steps().stream().map(step -> step.id()).toList());
        }
    }

    private static void requireMaker(Caller caller, Segment segment) {
        if (!segment.createdBy().equals(caller.actor())) {
            if (!Permission.ADMINISTER.grantedTo(caller.role())) {
                throw new AccessDeniedException(
                        "segment "
                                + segment.id()
                                + " was saved by "
                                + segment.createdBy()
                                + "; only they or an admin may change or delete it");
            }
        }
    }

    private static String name(String name) {
        if (name == null || name.isBlank()) {
            throw new InvalidSegmentException("name", "is required, e.g. \"Enterprise at risk\"");
        }
        String stripped = name.strip();
        if (stripped.length() > MAX_NAME) {
            throw new InvalidSegmentException(
                    "name",
                    "must be at most " + MAX_NAME + " characters, not " + stripped.length());
        }
        return stripped;
    }

    private static String description(String description) {
        if (description == null || description.isBlank()) {
            return null;
        }
        String stripped = description.strip();
        if (stripped.length() > MAX_DESCRIPTION) {
            throw new InvalidSegmentException(
                    "description",
                    "must be at most " + MAX_DESCRIPTION + " characters, not " + stripped.length());
        }
        return stripped;
    }

    private static Comparator<Segment> byName() {
        return Comparator.comparing((Segment s) -> s.name().toLowerCase(Locale.ROOT))
                .thenComparing(Segment::id);
    }

    private LocalDate today() {
        return UtcDays.dayOf(clock.instant());
    }

    private String newId() {
        byte[] bytes = new byte[6];
        String id;
        do {
            random.nextBytes(bytes);
            id = "seg-" + HexFormat.of().formatHex(bytes);
        } while (store.get(id).isPresent());
        return id;
    }

    /**
     * The caller's accounts and their current scores, read once per request; their journey stages
     * and funnel progress only when criteria ask about them.
     */
    private static final class InScope {
        private final Caller caller;
        private final List<Account> accounts;
        private final Map<String, HealthScore> scores = new HashMap<>();
        private final Set<String> scoresRead = new HashSet<>();
        private final FactsReader facts;

        private InScope(Caller caller, List<Account> accounts, FactsReader facts) {
            this.caller = caller;
            this.accounts = accounts;
            this.facts = facts;
        }

        static InScope read(Caller caller, FunnelDefinitions funnels, LocalDate today) {
            List<Account> accounts = caller.reader().accounts();
            return new InScope(caller, accounts, new FactsReader(caller, accounts, funnels, today));
        }

        Membership select(SegmentCriteria criteria, LocalDate today) {
            SegmentMatcher matcher = SegmentMatcher.of(criteria, today);
            // Scores are read for the accounts the directory lets through, once per request.
            List<Account> candidates = accounts.stream().filter(matcher::matchesAccount).toList();
            readScores(candidates);
            List<PortfolioEntry> entries = new ArrayList<>();
            for (Account account : candidates) {
                HealthScore score = scores.get(account.tenantId());
                if (matcher.matches(facts(criteria, account, score, null))) {
                    entries.add(new PortfolioEntry(account, score));
                }
            }
            entries.sort(PortfolioRanking.RISKIEST_FIRST);
            return Membership.of(entries);
        }

        private void readScores(List<Account> candidates) {
            List<Account> unread =
                    candidates.stream().filter(a -> !scoresRead.contains(a.tenantId())).toList();
            if (!unread.isEmpty()) {
                scores.putAll(caller.reader().currentScoresOf(unread));
                unread.forEach(a -> scoresRead.add(a.tenantId()));
            }
        }

        /** The facts {@code criteria} need; {@code day} null for now, else the stage then. */
        AccountFacts facts(
                SegmentCriteria criteria, Account account, HealthScore score, LocalDate day) {
            String tenant = account.tenantId();
            String stage = null;
            if (criteria.journeyStages() != null) {
                stage = day == null ? facts.stage(tenant) : facts.stageOn(tenant, day);
            }
            Map<String, Set<String>> funnelSteps =
                    criteria.funnel() == null
                            ? null
                            : facts.funnelSteps(tenant, criteria.funnel().id());
            return new AccountFacts(account, score, stage, funnelSteps);
        }
    }
}
