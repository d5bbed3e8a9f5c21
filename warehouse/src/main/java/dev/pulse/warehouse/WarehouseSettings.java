package dev.pulse.warehouse;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * Where the warehouse is and how Pulse uses it.
 *
 * @param url {@code postgresql://user@host:port/database}; the user and password in it may be
 *     overridden by {@code user} and {@code password}
 * @param user empty: the one in the URL
 * @param password already resolved from a file or the environment; empty: none (trust, or in the
 *     URL)
 * @param schema where Pulse's tables live; created by the migrations when missing
 * @param sslMode {@code disable}, {@code prefer}, {@code require}, {@code verify-ca} or {@code
 *     verify-full}
 * @param sslRootCert PEM file of the certificate authority for the verify modes; empty: none
 * @param poolSize connections Pulse opens at most
 * @param retryInitial first wait after a failure; doubled up to {@code retryMax}
 * @param sink what the sink does
 * @param events the usage-event source; an empty table turns it off
 * @param directory the account-directory source; an empty table turns it off
 */
public record WarehouseSettings(
        String url,
        String user,
        String password,
        String schema,
        String sslMode,
        String sslRootCert,
        int poolSize,
        Duration retryInitial,
        Duration retryMax,
        Sink sink,
        EventSource events,
        DirectorySource directory) {

    public WarehouseSettings {
        Objects.requireNonNull(url, "url");
        user = user == null ? "" : user;
        password = password == null ? "" : password;
        schema = schema == null || schema.isBlank() ? "pulse" : schema;
        if (!schema.matches("[a-z_][a-z0-9_]{0,62}")) {
            throw new IllegalArgumentException(
                    "warehouse.schema must be a lower-case SQL identifier, not '" + schema + "'");
        }
        sslMode = sslMode == null || sslMode.isBlank() ? "prefer" : sslMode;
        sslRootCert = sslRootCert == null ? "" : sslRootCert;
        if (poolSize < 1) {
            throw new IllegalArgumentException("warehouse.poolSize must be at least 1");
        }
    }

    /** Local defaults: the given URL, schema {@code pulse}, no sources. */
    public static WarehouseSettings of(String url, String schema) {
        return new WarehouseSettings(
                url,
                "",
                "",
                schema,
                "disable",
                "",
                4,
                Duration.ofMillis(200),
                Duration.ofSeconds(30),
                Sink.DEFAULT,
                EventSource.OFF,
                DirectorySource.OFF);
    }

    /**
     * @param enabled false: Pulse writes nothing into the warehouse (it may still read sources)
     * @param batchSize records written in one transaction at most
     * @param maxInFlight batches written or waiting before the consumer pauses
     * @param applicationId the Kafka Streams application whose store changelogs are read
     */
    public record Sink(boolean enabled, int batchSize, int maxInFlight, String applicationId) {
        public static final Sink DEFAULT = new Sink(true, 2000, 4, "pulse");

        public Sink {
            if (batchSize < 1 || maxInFlight < 1) {
                throw new IllegalArgumentException(
                        "warehouse.sink.batchSize and maxInFlight must be at least 1");
            }
        }

        public Sink withApplicationId(String applicationId) {
            return new Sink(enabled, batchSize, maxInFlight, applicationId);
        }
    }

    /**
     * @param name names the source's durable cursor; two sources need two names
     * @param table a table or view, optionally schema-qualified
     * @param cursorColumn strictly increasing in commit order (e.g. an identity column written by
     *     one writer, or an ingestion timestamp set at commit)
     * @param columns event field to column ({@code eventId}, {@code tenantId}, {@code userId},
     *     {@code type}, {@code feature}, {@code timestamp}, {@code properties})
     * @param pollInterval wait between reads once the table is exhausted
     * @param batchSize rows read and published in one Kafka transaction at most
     */
    public record EventSource(
            String name,
            String table,
            String cursorColumn,
            Map<String, String> columns,
            Duration pollInterval,
            int batchSize) {
        public static final EventSource OFF =
                new EventSource("events", "", "", Map.of(), Duration.ofSeconds(1), 1000);

        public EventSource {
            columns = Map.copyOf(columns);
        }

        public boolean enabled() {
            return table != null && !table.isBlank();
        }
    }

    /**
     * @param table a table or view, optionally schema-qualified
     * @param columns account field to column ({@code tenantId}, {@code name}, {@code owner}, {@code
     *     team}, {@code plan}, {@code licensedSeats}, {@code arr}, {@code renewalDate}, {@code
     *     segment}, {@code status})
     * @param refreshInterval how often it is read again; it is also read on demand
     */
    public record DirectorySource(
            String table, Map<String, String> columns, Duration refreshInterval) {
        public static final DirectorySource OFF =
                new DirectorySource("", Map.of(), Duration.ofMinutes(5));

        public DirectorySource {
            columns = Map.copyOf(columns);
        }

        public boolean enabled() {
            return table != null && !table.isBlank();
        }
    }
}
