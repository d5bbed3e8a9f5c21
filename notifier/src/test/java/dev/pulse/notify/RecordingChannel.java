package dev.pulse.notify;

import dev.pulse.notify.channel.Channel;
import dev.pulse.notify.channel.DeliveryException;
import dev.pulse.notify.model.Delivery;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A push channel for topology tests: accepts or fails deliveries as told and records accepted ones.
 * The real e-mail channel is tested against a real SMTP server elsewhere.
 */
final class RecordingChannel implements Channel {
    private final String name;
    private final List<Delivery> delivered = new CopyOnWriteArrayList<>();
    private final AtomicInteger attempts = new AtomicInteger();
    private volatile boolean down;

    RecordingChannel(String name) {
        this.name = name;
    }

    void down(boolean down) {
        this.down = down;
    }

    List<Delivery> delivered() {
        return List.copyOf(delivered);
    }

    int attempts() {
        return attempts.get();
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void deliver(Delivery delivery) throws DeliveryException {
        attempts.incrementAndGet();
        if (down) {
            throw DeliveryException.transientFailure(name + " is down (test)", null);
        }
        delivered.add(delivery);
    }
}
