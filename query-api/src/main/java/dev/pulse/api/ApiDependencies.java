package dev.pulse.api;

import dev.pulse.api.auth.ApiSecurity;
import dev.pulse.streams.ingest.EventPublisher;
import dev.pulse.streams.read.TenantStateReader;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import java.util.Objects;
import java.util.function.BooleanSupplier;

/**
 * What the API reads, writes and reports to.
 *
 * @param reader finds tenant state wherever it lives; public routes read through it, but only ever
 *     wrapped in the caller's scope by the authentication handler
 * @param localReader reads only this instance's stores; the internal routes other instances call
 *     use it, so a remote read never hops twice
 * @param publisher writes accepted events and accounts to Kafka
 * @param registry where API and ingest metrics go and what {@code /metrics} exposes
 * @param ready true once state is restored and the instance may serve reads
 * @param clock "now" for default ranges, event validation, {@code asOf} and audit times
 * @param security authentication, authorization, audit and rate limits
 */
public record ApiDependencies(
        TenantStateReader reader,
        TenantStateReader localReader,
        EventPublisher publisher,
        PrometheusMeterRegistry registry,
        BooleanSupplier ready,
        Clock clock,
        ApiSecurity security) {

    public ApiDependencies {
        Objects.requireNonNull(reader, "reader");
        Objects.requireNonNull(localReader, "localReader");
        Objects.requireNonNull(publisher, "publisher");
        Objects.requireNonNull(registry, "registry");
        Objects.requireNonNull(ready, "ready");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(security, "security");
    }
}
