package dev.pulse.warehouse;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Whether each part talking to the warehouse (sink, sources) last succeeded or failed, and how far
 * behind it is: what {@code /health/ready} details and the metrics say. Pulse keeps serving either
 * way; this only reports.
 */
public final class WarehouseHealth {
    private final Clock clock;
    private final Map<String, PartState> parts = new ConcurrentHashMap<>();

    public WarehouseHealth(Clock clock) {
        this.clock = clock;
    }

    public void succeeded(String part) {
        parts.compute(
                part,
                (k, old) ->
                        new PartState(true, clock.instant(), null, old == null ? 0 : old.behind()));
    }

    public void failed(String part, Throwable error) {
        parts.compute(
                part,
                (k, old) ->
                        new PartState(
                                false,
                                old == null ? null : old.lastSuccessAt(),
                                String.valueOf(error.getMessage()),
                                old == null ? 0 : old.behind()));
    }

    /** Records (sink) or rows (source) still to be carried over. */
    public void behind(String part, long count) {
        parts.compute(
                part,
                (k, old) ->
                        old == null
                                ? new PartState(true, null, null, count)
                                : new PartState(old.up(), old.lastSuccessAt(), old.error(), count));
    }

    /** This instance no longer runs {@code part} (another instance does): it stops reporting it. */
    public void forget(String part) {
        parts.remove(part);
    }

    /** True while every part's last attempt succeeded. */
    public boolean up() {
        return parts.values().stream().allMatch(PartState::up);
    }

    /**
     * Per part: up, behind, last success. Not the error text: readiness is public and errors name
     * hosts; the log and the failure counters carry them.
     */
    public Map<String, Object> details() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("status", up() ? "UP" : "BEHIND");
        new TreeMap<>(parts)
                .forEach(
                        (name, state) -> {
                            Map<String, Object> part = new LinkedHashMap<>();
                            part.put("up", state.up());
                            part.put("behind", state.behind());
                            if (state.lastSuccessAt() != null) {
                                part.put("lastSuccessAt", state.lastSuccessAt().toString());
                            }
                            out.put(name, part);
                        });
        return out;
    }

    private record PartState(boolean up, Instant lastSuccessAt, String error, long behind) {}
}
