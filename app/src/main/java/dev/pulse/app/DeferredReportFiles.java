package dev.pulse.app;

import dev.pulse.notify.channel.DeliveryException;
import dev.pulse.notify.channel.ReportFiles;
import dev.pulse.notify.model.ReportRun;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The report renderer the channels are built with before the readers and the audit log it needs
 * exist (the notifier starts before the API's security). Until it is set, a run waits for a retry.
 */
final class DeferredReportFiles implements ReportFiles {
    private final AtomicReference<ReportFiles> delegate = new AtomicReference<>();

    void set(ReportFiles files) {
        delegate.set(files);
    }

    @Override
    public ReportFile file(ReportRun run) throws DeliveryException {
        ReportFiles files = delegate.get();
        if (files == null) {
            throw DeliveryException.transientFailure(
                    "scheduled reports are not ready yet on this instance", null);
        }
        return files.file(run);
    }
}
