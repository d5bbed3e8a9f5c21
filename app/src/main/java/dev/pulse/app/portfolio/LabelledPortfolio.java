package dev.pulse.app.portfolio;

import dev.pulse.app.simulator.HourlyEventGenerator;
import dev.pulse.app.simulator.TenantBehaviour;
import dev.pulse.app.simulator.UsagePattern;
import dev.pulse.topologies.account.Account;
import dev.pulse.topologies.event.UsageEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A generated portfolio with known outcomes: accounts labelled with their usage pattern and their
 * lifecycle outcome, the holidays, and months of usage events. Events are not kept: they are
 * rendered hour by hour each time they are read, always the same for the same scenario, so a
 * portfolio of millions of events costs little memory.
 */
public final class LabelledPortfolio {
    private final PortfolioScenario scenario;
    private final List<Account> accounts;
    private final List<TenantBehaviour> behaviours;
    private final List<HolidayPeriod> holidays;
    private long expectedEvents = -1;

    LabelledPortfolio(
            PortfolioScenario scenario,
            List<Account> accounts,
            List<TenantBehaviour> behaviours,
            List<HolidayPeriod> holidays) {
        this.scenario = scenario;
        this.accounts = List.copyOf(accounts);
        this.behaviours = List.copyOf(behaviours);
        this.holidays = List.copyOf(holidays);
    }

    public PortfolioScenario scenario() {
        return scenario;
    }

    /**
     * Every account with its outcome ({@code status} churned with {@code churnedAt}, renewed with
     * {@code renewedAt}, or active) and its attributes: {@code pattern} always; {@code fadeShape}
     * and {@code fadeDays} for churners, {@code blipFrom} for blips, {@code startedAt} for new
     * accounts.
     */
    public List<Account> accounts() {
        return accounts;
    }

    /** How each account behaves, in the order of {@link #accounts()}. */
    public List<TenantBehaviour> behaviours() {
        return behaviours;
    }

    /** The portfolio-wide holiday periods, in time order. */
    public List<HolidayPeriod> holidays() {
        return holidays;
    }

    /** The first day of the history (UTC), inclusive. */
    public LocalDate firstDay() {
        return scenario.firstDay();
    }

    /** The last day of the history (UTC), inclusive. */
    public LocalDate lastDay() {
        return scenario.end();
    }

    /** How many accounts follow each pattern (those with none are left out). */
    public Map<UsagePattern, Integer> patternCounts() {
        Map<UsagePattern, Integer> counts = new EnumMap<>(UsagePattern.class);
        for (TenantBehaviour behaviour : behaviours) {
            counts.merge(behaviour.pattern(), 1, Integer::sum);
        }
        return Collections.unmodifiableMap(counts);
    }

    /**
     * Delivers every event of the history in event-time order, hour by hour, from the first day's
     * midnight to the end of the last day (UTC): no duplicates, no late or malformed records.
     */
    public void forEachEvent(Consumer<UsageEvent> sink) {
        HourlyEventGenerator generator =
                new HourlyEventGenerator(accounts, behaviours, scenario.seed());
        Instant end = startOf(lastDay().plusDays(1));
        for (Instant hour = startOf(firstDay()); hour.isBefore(end); hour = hour.plus(HOUR)) {
            generator.events(hour).forEach(sink);
        }
    }

    /**
     * Writes every event as NDJSON in the format {@code POST /v1/events} takes, in event-time
     * order; does not close {@code out}.
     *
     * @return how many events were written
     */
    public long writeEvents(Writer out) throws IOException {
        return writeEvents(out, (day, written) -> {});
    }

    /** What {@link #writeEvents(Writer, DayWritten)} reports after each day. */
    @FunctionalInterface
    public interface DayWritten {
        void written(LocalDate day, long eventsSoFar);
    }

    /**
     * {@link #writeEvents(Writer)}, reporting after each day of event time how many events are
     * written so far (for a progress line).
     */
    public long writeEvents(Writer out, DayWritten progress) throws IOException {
        NdjsonWriter ndjson = new NdjsonWriter(out);
        long[] written = {0};
        LocalDate[] day = {firstDay()};
        try {
            forEachEvent(
                    event -> {
                        LocalDate eventDay = LocalDate.ofInstant(event.timestamp(), ZoneOffset.UTC);
                        while (eventDay.isAfter(day[0])) {
                            progress.written(day[0], written[0]);
                            day[0] = day[0].plusDays(1);
                        }
                        try {
                            ndjson.event(event);
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                        written[0]++;
                    });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        while (!day[0].isAfter(lastDay())) {
            progress.written(day[0], written[0]);
            day[0] = day[0].plusDays(1);
        }
        ndjson.flush();
        return written[0];
    }

    /**
     * Writes every account as NDJSON, as {@code POST /v1/accounts} takes them, with outcome and
     * attributes; does not close {@code out}.
     */
    public void writeAccounts(Writer out) throws IOException {
        NdjsonWriter ndjson = new NdjsonWriter(out);
        for (Account account : accounts) {
            ndjson.account(account);
        }
        ndjson.flush();
    }

    /**
     * The manifest as JSON: the scenario's parameters, the holidays, the accounts per pattern and
     * per outcome, and the expected number of events.
     */
    public String describeScenario() {
        return ScenarioManifest.json(this, -1);
    }

    /** {@link #describeScenario()} with the number of events actually written. */
    public String describeScenario(long eventsWritten) {
        return ScenarioManifest.json(this, eventsWritten);
    }

    /**
     * About how many events the history holds, from the traffic model's expectations (within a
     * percent or so), without generating them.
     */
    public synchronized long expectedEvents() {
        if (expectedEvents < 0) {
            expectedEvents =
                    new HourlyEventGenerator(accounts, behaviours, scenario.seed())
                            .expectedEvents(startOf(firstDay()), startOf(lastDay().plusDays(1)));
        }
        return expectedEvents;
    }

    private static final Duration HOUR = Duration.ofHours(1);

    private static Instant startOf(LocalDate day) {
        return day.atStartOfDay(ZoneOffset.UTC).toInstant();
    }
}
