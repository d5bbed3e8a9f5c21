package dev.pulse.notify.outbox;

import dev.pulse.notify.channel.DeliveryException;
import dev.pulse.notify.model.Delivery;
import java.time.Instant;

/** How one attempt ended; {@code failure} is null when the channel accepted the delivery. */
record DeliveryOutcome(Delivery delivery, DeliveryException failure, Instant finishedAt) {
    boolean delivered() {
        return failure == null;
    }
}
