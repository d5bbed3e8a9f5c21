package dev.pulse.api.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Binds the JVM and process metrics (class loading, memory, GC, threads, CPU, uptime) to a
 * registry. The launcher calls it once; calling it again for the same registry returns the first
 * binding instead of registering the listeners twice. {@link #close()} removes the GC listeners.
 */
public final class JvmMetricsBinder implements AutoCloseable {
    private static final Map<MeterRegistry, JvmMetricsBinder> BOUND =
            Collections.synchronizedMap(new IdentityHashMap<>());

    private final MeterRegistry registry;
    private final JvmGcMetrics gc;

    private JvmMetricsBinder(MeterRegistry registry) {
        this.registry = registry;
        new ClassLoaderMetrics().bindTo(registry);
        new JvmMemoryMetrics().bindTo(registry);
        this.gc = new JvmGcMetrics();
        gc.bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
    }

    /** Binds the JVM metrics to {@code registry}, once. */
    public static JvmMetricsBinder bindTo(MeterRegistry registry) {
        return BOUND.computeIfAbsent(registry, JvmMetricsBinder::new);
    }

    @Override
    public void close() {
        BOUND.remove(registry, this);
        gc.close();
    }
}
