package dev.pulse.app;

import java.time.Duration;

/** Prints start-up steps with the time since the process started. */
enum ConsoleStartup implements PulseApplication.StartupProgress {
    INSTANCE;

    private final long started = System.nanoTime();

    @Override
    public void step(String description) {
        Duration since = Duration.ofNanos(System.nanoTime() - started);
        System.out.printf("[pulse %5.1fs] %s%n", since.toMillis() / 1000.0, description);
    }
}
