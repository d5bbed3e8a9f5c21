package dev.pulse.notify.route;

import dev.pulse.access.security.AccessPolicy;
import dev.pulse.access.security.DirectoryUser;
import dev.pulse.access.security.UserDirectory;
import dev.pulse.notify.NotifierListener;
import dev.pulse.notify.NotifierStores;
import dev.pulse.notify.model.Notification;
import dev.pulse.notify.model.NotificationPreferences;
import dev.pulse.notify.model.NotificationReason;
import dev.pulse.topologies.account.Account;
import dev.pulse.topologies.alert.Alert;
import dev.pulse.topologies.alert.AlertState;
import dev.pulse.topologies.state.ChangelogOffsets;
import dev.pulse.topologies.topic.PulseStores;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;

/**
 * Turns alert changes into notifications addressed to people: the account's current owner, if the
 * user directory knows them and their scope includes the account (the same {@link AccessPolicy} the
 * API enforces, so nobody is told about an account they may not read), filtered by their
 * preferences. Keyed by tenant like the alerts; emits records keyed by the recipient's e-mail.
 *
 * <p>A wall-clock punctuator reminds owners of alerts that keep firing unacknowledged every {@code
 * remindEvery}; acknowledging or snoozing stops the reminders.
 */
public final class AlertRouter implements Processor<String, Alert, String, Notification> {
    private static final Duration FORGET_RESOLVED = Duration.ofDays(30);

    /** Changes dated further back than this are history (the topology's caught-up lag). */
    static final Duration HISTORY = Duration.ofHours(6);

    private final UserDirectory directory;
    private final Function<String, NotificationPreferences> defaults;
    private final Duration remindEvery;
    private final Duration reminderCheck;
    private final AlertConsole console;
    private final Set<String> pushChannels;
    private final NotifierListener listener;
    private ProcessorContext<String, Notification> context;
    private KeyValueStore<String, NotifyState> states;
    private KeyValueStore<String, ValueAndTimestamp<Account>> accounts;
    private KeyValueStore<String, ?> preferences;
    private AccessPolicy policy;

    /**
     * @param remindEvery how often an unacknowledged firing alert is told again; zero for never
     * @param reminderCheck how often to look for due reminders
     * @param pushChannels the push channels this deployment runs; a preference naming another
     *     (e-mail without an SMTP server) is left out rather than queued for nobody
     */
    public AlertRouter(
            UserDirectory directory,
            Function<String, NotificationPreferences> defaults,
            Duration remindEvery,
            Duration reminderCheck,
            AlertConsole console,
            Set<String> pushChannels,
            NotifierListener listener) {
        this.directory = directory;
        this.pushChannels = Set.copyOf(pushChannels);
        this.defaults = defaults;
        this.remindEvery = remindEvery;
        this.reminderCheck = reminderCheck;
        this.console = console;
        this.listener = listener;
    }

    @Override
    public void init(ProcessorContext<String, Notification> context) {
        this.context = context;
        this.states = context.getStateStore(NotifierStores.NOTIFY_STATE);
        this.accounts = context.getStateStore(PulseStores.ACCOUNTS);
        this.preferences = context.getStateStore(NotifierStores.PREFERENCES);
        this.policy = new AccessPolicy(directory, this::account);
        new ChangelogOffsets(context).keyValue(states).ensure();
        context.schedule(reminderCheck, PunctuationType.WALL_CLOCK_TIME, this::remind);
    }

    @Override
    public void process(Record<String, Alert> record) {
        Alert alert = record.value();
        if (alert == null || alert.id() == null) {
            return;
        }
        NotifyState before = states.get(alert.id());
        Optional<NotificationReason> reason =
                isHistory(record) ? Optional.empty() : RoutingDecision.reason(before, alert);
        if (reason.isEmpty()) {
            states.put(
                    alert.id(),
                    before == null ? new NotifyState(alert, null, 0) : before.seen(alert));
            return;
        }
        Instant changedAt = Instant.ofEpochMilli(record.timestamp());
        int sequence = before == null ? 0 : before.told();
        tell(alert, reason.get(), sequence, changedAt, changedAt);
        NotifyState base = before == null ? new NotifyState(alert, null, 0) : before;
        states.put(alert.id(), base.told(alert, changedAt));
    }

    /**
     * A change dated hours before the wall clock was made while Pulse replayed history or caught up
     * on a backlog: it is history, and paging people about the past helps nobody. Alerts that still
     * fire once Pulse is live are published again then, and told.
     */
    private boolean isHistory(Record<String, Alert> record) {
        return record.value().isReplayed()
                || record.timestamp() < context.currentSystemTimeMs() - HISTORY.toMillis();
    }

    private void tell(
            Alert alert,
            NotificationReason reason,
            int sequence,
            Instant changedAt,
            Instant createdAt) {
        Optional<Account> account = account(alert.tenantId());
        String name = account.map(Account::name).orElse(alert.tenantId());
        String owner = account.map(Account::owner).orElse(alert.owner());
        List<String> told = new ArrayList<>();
        recipient(owner, alert.tenantId())
                .ifPresent(
                        user -> {
                            NotificationPreferences prefs = preferencesOf(user.email());
                            if (!prefs.wants(alert.severity())) {
                                listener.onUnrouted("severity-not-wanted");
                                return;
                            }
                            List<String> push =
                                    reason.pushed()
                                            ? prefs.pushChannels().stream()
                                                    .filter(pushChannels::contains)
                                                    .toList()
                                            : List.of();
                            if (push.isEmpty() && !prefs.wantsInApp()) {
                                listener.onUnrouted("no-channel-chosen");
                                return;
                            }
                            Notification notification =
                                    Notification.about(
                                            alert,
                                            name,
                                            user.email(),
                                            reason,
                                            sequence,
                                            changedAt,
                                            createdAt,
                                            push,
                                            prefs.wantsInApp());
                            context.forward(
                                    new Record<>(
                                            user.email(), notification, createdAt.toEpochMilli()));
                            listener.onNotificationRouted(reason);
                            List<String> via = new ArrayList<>(push);
                            if (prefs.wantsInApp()) {
                                via.add(NotificationPreferences.IN_APP);
                            }
                            told.add(user.email() + " (" + String.join(", ", via) + ")");
                        });
        console.print(alert, name, reason, told);
    }

    /** The owner, if they are a known person allowed to read the account. */
    private Optional<DirectoryUser> recipient(String owner, String tenantId) {
        if (owner == null || owner.isBlank()) {
            listener.onUnrouted("no-owner");
            return Optional.empty();
        }
        Optional<DirectoryUser> user = directory.find(owner);
        if (user.isEmpty()) {
            listener.onUnrouted("owner-not-in-directory");
            return Optional.empty();
        }
        if (!policy.scopeFor(user.get().principal("notifier")).allowsTenant(tenantId)) {
            listener.onUnrouted("outside-scope");
            return Optional.empty();
        }
        return user;
    }

    private NotificationPreferences preferencesOf(String user) {
        return NotifierStores.preferences(preferences, user).orElseGet(() -> defaults.apply(user));
    }

    private Optional<Account> account(String tenantId) {
        ValueAndTimestamp<Account> stamped = accounts.get(tenantId);
        return stamped == null ? Optional.empty() : Optional.ofNullable(stamped.value());
    }

    private void remind(long wallClockMs) {
        Instant now = Instant.ofEpochMilli(wallClockMs);
        List<KeyValue<String, NotifyState>> all = new ArrayList<>();
        try (KeyValueIterator<String, NotifyState> it = states.all()) {
            it.forEachRemaining(all::add);
        }
        for (KeyValue<String, NotifyState> kv : all) {
            NotifyState state = kv.value;
            if (state == null || state.alert() == null) {
                continue;
            }
            Alert alert = state.alert();
            if (alert.state() == AlertState.RESOLVED) {
                Instant resolvedAt = alert.resolvedAt();
                if (resolvedAt != null && resolvedAt.plus(FORGET_RESOLVED).isBefore(now)) {
                    states.delete(kv.key);
                }
                continue;
            }
            boolean due =
                    alert.state() == AlertState.FIRING
                            && !remindEvery.isZero()
                            && state.lastToldAt() != null
                            && !state.lastToldAt().plus(remindEvery).isAfter(now);
            if (!due) {
                continue;
            }
            if (alert.acknowledgedAt() != null) {
                listener.onReminderSuppressed("acknowledged");
                states.put(kv.key, state.reminderDue(now));
            } else if (alert.snoozedUntil() != null && alert.snoozedUntil().isAfter(now)) {
                listener.onReminderSuppressed("snoozed");
                states.put(kv.key, state.reminderDue(now));
            } else {
                tell(alert, NotificationReason.REMINDER, state.told(), now, now);
                states.put(kv.key, state.told(alert, now));
            }
        }
    }
}
