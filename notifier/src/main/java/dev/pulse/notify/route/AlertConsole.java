package dev.pulse.notify.route;

import dev.pulse.notify.model.NotificationReason;
import dev.pulse.topologies.alert.Alert;
import java.util.List;

/** Where the embedded default prints each alert change people are told about. */
@FunctionalInterface
public interface AlertConsole {
    AlertConsole OFF = (alert, accountName, reason, recipients) -> {};

    /**
     * @param recipients who was told, with their channels ("sarah@x (email, in-app)")
     */
    void print(Alert alert, String accountName, NotificationReason reason, List<String> recipients);
}
