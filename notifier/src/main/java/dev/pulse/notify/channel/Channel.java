package dev.pulse.notify.channel;

import dev.pulse.notify.model.Delivery;

/**
 * A push channel (e-mail, Slack, Teams, ...). {@link #deliver} may block on the network; the
 * notifier calls it on the channel's own worker thread, so a slow or dead channel holds up nobody
 * else.
 */
public interface Channel {
    /** The name people choose in their preferences, e.g. {@code email}. */
    String name();

    /**
     * Sends the delivery, or throws. Must be safe to call again with the same delivery after a
     * failure or a restart (at-least-once); receivers that can, dedupe by {@link Delivery#id()}.
     */
    void deliver(Delivery delivery) throws DeliveryException;
}
