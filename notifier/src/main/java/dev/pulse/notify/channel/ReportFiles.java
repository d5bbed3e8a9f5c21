package dev.pulse.notify.channel;

import dev.pulse.notify.model.ReportRun;

/**
 * Renders the file of a scheduled report run when a channel delivers it, as the schedule's owner
 * and through the same export use case as a download, so rights are checked (and audited) at the
 * run, not only when the schedule was made.
 */
@FunctionalInterface
public interface ReportFiles {
    /** Where no reports are rendered: every run fails for good. */
    ReportFiles NONE =
            run -> {
                throw DeliveryException.permanent(
                        "scheduled reports are not rendered on this instance", null);
            };

    /**
     * The file of {@code run}. {@link DeliveryException#permanent} when the owner may no longer
     * export it (the refusal is audited) or it cannot be rendered at all.
     */
    ReportFile file(ReportRun run) throws DeliveryException;

    /** A rendered report. */
    record ReportFile(String fileName, String mediaType, byte[] bytes) {}
}
