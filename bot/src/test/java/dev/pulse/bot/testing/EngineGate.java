package dev.pulse.bot.testing;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Holds a fake engine's answers until the test lets them go, so a test can check what an adapter
 * does while the engine is still working (Slack's 3-second acknowledgement, Teams' 5-second limit)
 * without guessing at durations.
 */
public final class EngineGate {
    /** Bound on a held answer, in case a failing test never releases it. */
    private static final long SAFETY_SECONDS = 60;

    private volatile CountDownLatch gate = new CountDownLatch(0);

    /** From now on, answers wait for {@link #release()}. */
    public void hold() {
        gate = new CountDownLatch(1);
    }

    public void release() {
        gate.countDown();
    }

    /** Called by the fake engine before it answers. */
    public void pass() {
        try {
            gate.await(SAFETY_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
