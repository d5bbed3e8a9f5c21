package dev.pulse.warehouse;

import io.vertx.core.Vertx;
import io.vertx.core.net.ClientSSLOptions;
import io.vertx.core.net.PemTrustOptions;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.SslMode;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import java.util.Map;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * One place that turns {@link WarehouseSettings} into connections: the Vert.x pool every row goes
 * through, and the JDBC URL and properties of the migrations.
 */
public final class WarehouseConnection {
    private final WarehouseSettings settings;
    private final PgConnectOptions options;

    public WarehouseConnection(WarehouseSettings settings) {
        this.settings = settings;
        PgConnectOptions parsed = PgConnectOptions.fromUri(settings.url());
        if (!settings.user().isBlank()) {
            parsed.setUser(settings.user());
        }
        if (!settings.password().isBlank()) {
            parsed.setPassword(settings.password());
        }
        parsed.setSslMode(SslMode.of(settings.sslMode()));
        if (!settings.sslRootCert().isBlank()) {
            parsed.setSslOptions(
                    new ClientSSLOptions()
                            .setTrustOptions(
                                    new PemTrustOptions().addCertPath(settings.sslRootCert())));
        }
        // Every statement names tables without a schema: the search path says which.
        // Source tables named without a schema are looked up in public after Pulse's own.
        parsed.setProperties(
                Map.of("search_path", settings.schema() + ", public", "application_name", "pulse"));
        parsed.setReconnectAttempts(0);
        this.options = parsed;
    }

    public WarehouseSettings settings() {
        return settings;
    }

    /**
     * A pool of at most {@code poolSize} connections. It connects lazily and again after a failure,
     * so it can be created while PostgreSQL is down.
     */
    public Pool pool(Vertx vertx) {
        return PgBuilder.pool()
                .with(new PoolOptions().setMaxSize(settings.poolSize()).setName("pulse-warehouse"))
                .connectingTo(new PgConnectOptions(options))
                .using(vertx)
                .build();
    }

    /** A JDBC data source matching the pool's server, user and TLS, for the migrations' DDL. */
    public DataSource jdbcDataSource() {
        PGSimpleDataSource source = jdbcServer("pulse-migrations");
        source.setUser(options.getUser());
        if (hasPassword()) {
            source.setPassword(options.getPassword());
        }
        return source;
    }

    /**
     * The JDBC URL of the same server, database, TLS and search path, without user or password
     * ({@link #user()}, {@link #password()}): for jobs that connect from elsewhere, such as the
     * Flink backfill's readers.
     */
    public String jdbcUrl(String applicationName) {
        PGSimpleDataSource source = jdbcServer(applicationName);
        source.setCurrentSchema(settings.schema() + ",public");
        return source.getUrl();
    }

    public String user() {
        return options.getUser();
    }

    /** Empty when there is none (trust authentication). */
    public String password() {
        return hasPassword() ? options.getPassword() : "";
    }

    private boolean hasPassword() {
        return options.getPassword() != null && !options.getPassword().isEmpty();
    }

    private PGSimpleDataSource jdbcServer(String applicationName) {
        PGSimpleDataSource source = new PGSimpleDataSource();
        source.setServerNames(new String[] {options.getHost()});
        source.setPortNumbers(new int[] {options.getPort()});
        source.setDatabaseName(options.getDatabase());
        source.setSslMode(settings.sslMode());
        if (!settings.sslRootCert().isBlank()) {
            source.setSslRootCert(settings.sslRootCert());
        }
        source.setApplicationName(applicationName);
        return source;
    }

    /** Host and database for messages; never the password. */
    public String describe() {
        return options.getHost() + ":" + options.getPort() + "/" + options.getDatabase();
    }
}
