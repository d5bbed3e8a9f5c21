package dev.pulse.app;

import dev.pulse.api.admin.WarehouseAdmin;
import dev.pulse.app.config.PulseConfig;
import dev.pulse.warehouse.Warehouse;
import dev.pulse.warehouse.WarehouseSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Turns the {@code warehouse} section of the configuration into {@link WarehouseSettings} (the
 * password from {@code PULSE_WAREHOUSE_PASSWORD} or a file), and a started {@link Warehouse} into
 * what the API sees of it.
 */
final class WarehouseFactory {
    static final String PASSWORD_ENV = "PULSE_WAREHOUSE_PASSWORD";

    private WarehouseFactory() {}

    static WarehouseSettings settings(PulseConfig config, Map<String, String> env) {
        PulseConfig.Warehouse w = config.warehouse();
        WarehouseSettings.Sink sink =
                w.sink() == null
                        ? WarehouseSettings.Sink.DEFAULT
                        : new WarehouseSettings.Sink(
                                w.sink().enabled(),
                                w.sink().batchSize(),
                                w.sink().maxInFlight(),
                                "");
        return new WarehouseSettings(
                w.url(),
                w.user(),
                password(w, env),
                w.schema(),
                w.sslMode(),
                w.sslRootCert(),
                w.poolSize(),
                orDefault(w.retryInitial(), Duration.ofMillis(500)),
                orDefault(w.retryMax(), Duration.ofSeconds(30)),
                sink.withApplicationId(config.streams().applicationId()),
                events(w.events()),
                directory(w.directory()));
    }

    private static String password(PulseConfig.Warehouse w, Map<String, String> env) {
        String fromEnv = env.get(PASSWORD_ENV);
        if (fromEnv != null && !fromEnv.isEmpty()) {
            return fromEnv;
        }
        if (w.passwordFile() == null || w.passwordFile().isBlank()) {
            return "";
        }
        try {
            return Files.readString(Path.of(w.passwordFile())).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "warehouse.passwordFile " + w.passwordFile() + " cannot be read", e);
        }
    }

    private static WarehouseSettings.EventSource events(PulseConfig.WarehouseEvents e) {
        if (e == null || e.table() == null || e.table().isBlank()) {
            return WarehouseSettings.EventSource.OFF;
        }
        return new WarehouseSettings.EventSource(
                e.name(),
                e.table(),
                e.cursorColumn(),
                pairs(e.columns(), "warehouse.events.columns"),
                e.pollInterval(),
                e.batchSize());
    }

    private static WarehouseSettings.DirectorySource directory(PulseConfig.WarehouseDirectory d) {
        if (d == null || d.table() == null || d.table().isBlank()) {
            return WarehouseSettings.DirectorySource.OFF;
        }
        return new WarehouseSettings.DirectorySource(
                d.table(), pairs(d.columns(), "warehouse.directory.columns"), d.refreshInterval());
    }

    /** {@code a=x,b=y} as a map; one string so one environment variable can set it. */
    static Map<String, String> pairs(String text, String setting) {
        Map<String, String> out = new LinkedHashMap<>();
        if (text == null || text.isBlank()) {
            return out;
        }
        for (String pair : text.split(",")) {
            String[] kv = pair.split("=", 2);
            if (kv.length != 2 || kv[0].isBlank() || kv[1].isBlank()) {
                throw new IllegalArgumentException(
                        setting + ": '" + pair.strip() + "' is not field=column");
            }
            out.put(kv[0].strip(), kv[1].strip());
        }
        return out;
    }

    private static Duration orDefault(Duration value, Duration fallback) {
        return value == null ? fallback : value;
    }

    /** What the API sees of a running warehouse. */
    static WarehouseAdmin admin(Warehouse warehouse) {
        return new WarehouseAdmin() {
            @Override
            public boolean configured() {
                return true;
            }

            @Override
            public Map<String, Object> status() {
                return warehouse.details();
            }

            @Override
            public CompletionStage<Integer> refreshDirectory() {
                if (!warehouse.directoryConfigured()) {
                    return CompletableFuture.failedFuture(new NotConfigured("no directory source"));
                }
                return warehouse.refreshDirectory();
            }
        };
    }
}
