package dev.pulse.notify.route;

import dev.pulse.notify.model.NotificationReason;
import dev.pulse.topologies.alert.Alert;
import java.io.PrintStream;
import java.util.List;

/** Prints one line per alert change people are told about: the embedded default's console. */
public final class ConsoleAlertPrinter implements AlertConsole {
    private final PrintStream out;

    public ConsoleAlertPrinter(PrintStream out) {
        this.out = out;
    }

    @Override
    public void print(
            Alert alert, String accountName, NotificationReason reason, List<String> recipients) {
        String who =
                recipients.isEmpty()
                        ? "nobody (see pulse_notifications_unrouted_total)"
                        : String.join("; ", recipients);
        out.printf(
                "ALERT %-12s %-8s %s [%s] %s -> %s%n",
                reason.label(),
                alert.severity().label(),
                accountName,
                alert.ruleId(),
                alert.explanation(),
                who);
    }
}
