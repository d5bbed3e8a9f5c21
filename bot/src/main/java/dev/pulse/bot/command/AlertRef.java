package dev.pulse.bot.command;

import java.util.Objects;
import java.util.Optional;

/** Which alert an ack, snooze or resolve is about, as typed. */
public sealed interface AlertRef {

    /** An alert id, {@code tenant/rule}, as alerts carry it and chat messages show it. */
    record Id(String tenantId, String ruleId) implements AlertRef {
        public Id {
            Objects.requireNonNull(tenantId, "tenantId");
            Objects.requireNonNull(ruleId, "ruleId");
        }

        /** The id as alerts spell it. */
        public String alertId() {
            return tenantId + "/" + ruleId;
        }
    }

    /**
     * An account name and, optionally, a rule word ("silence", "usage-drop"); matched against the
     * account's firing alerts later. Without a rule, the account must have exactly one.
     */
    record ByAccount(String accountName, Optional<String> rule) implements AlertRef {
        public ByAccount {
            Objects.requireNonNull(accountName, "accountName");
            Objects.requireNonNull(rule, "rule");
        }
    }
}
