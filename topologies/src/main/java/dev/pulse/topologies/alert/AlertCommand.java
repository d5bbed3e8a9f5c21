package dev.pulse.topologies.alert;

import java.time.Instant;

/**
 * A person's action on one alert, published on {@code pulse.alert-commands.v1} (keyed by tenant id)
 * and applied by the topology, so every instance agrees and nothing is lost on restart.
 *
 * @param alertId {@code tenant/rule}, as in {@link Alert#id()}
 * @param action what to do
 * @param until for {@link AlertAction#SNOOZE}: the instant the snooze ends; otherwise null
 * @param by the subject who acted
 * @param at when they acted
 * @param note free text, may be null
 */
public record AlertCommand(
        String alertId, AlertAction action, Instant until, String by, Instant at, String note) {}
