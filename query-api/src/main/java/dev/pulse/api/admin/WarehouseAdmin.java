package dev.pulse.api.admin;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The warehouse as the API sees it: whether it keeps up (for {@code /health/ready}) and the
 * account-directory refresh admins can ask for. The app module wires the warehouse in when {@code
 * warehouse.url} is set; without one, {@link #NONE}.
 */
public interface WarehouseAdmin {
    WarehouseAdmin NONE =
            new WarehouseAdmin() {
                @Override
                public boolean configured() {
                    return false;
                }

                @Override
                public Map<String, Object> status() {
                    return Map.of();
                }

                @Override
                public CompletionStage<Integer> refreshDirectory() {
                    return CompletableFuture.failedFuture(new NotConfigured("no warehouse"));
                }
            };

    boolean configured();

    /** {@code status} (UP or BEHIND) and, per part (sink, sources), whether it keeps up. */
    Map<String, Object> status();

    /**
     * Reads the account directory now and publishes what changed (removals included). Fails with
     * {@link NotConfigured} when there is no directory source.
     *
     * @return how many accounts were published or removed
     */
    CompletionStage<Integer> refreshDirectory();

    /** What was asked for is not part of this deployment. */
    final class NotConfigured extends RuntimeException {
        public NotConfigured(String message) {
            super(message);
        }
    }
}
