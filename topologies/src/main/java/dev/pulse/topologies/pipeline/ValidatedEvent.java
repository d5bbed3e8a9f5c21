package dev.pulse.topologies.pipeline;

import dev.pulse.topologies.event.UsageEvent;

/** The outcome of validating one raw record: an event, or the raw bytes with a reason. */
sealed interface ValidatedEvent {
    record Valid(UsageEvent event) implements ValidatedEvent {}

    record Rejected(byte[] raw, String code, String reason) implements ValidatedEvent {}
}
