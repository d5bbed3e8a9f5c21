package dev.pulse.backfill.source;

import java.io.Serializable;
import java.util.List;
import java.util.Objects;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.connector.jdbc.core.datastream.source.JdbcSource;
import org.apache.flink.connector.jdbc.split.JdbcGenericParameterValuesProvider;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * Raw events from a warehouse table, read with Flink's JDBC connector: one query whose columns are
 * named after the event fields ({@link EventRowExtractor}), run once with its parameters. The query
 * is read by one reader and streamed in batches of {@code fetchSize} rows (a cursor, not the whole
 * result in memory); parsing and counting spread over every task after it.
 *
 * @param jdbcUrl {@code jdbc:postgresql://host:port/database?...}, without the password
 * @param password empty: none (trust, or a client certificate)
 * @param sql the query; {@code ?} placeholders take {@code parameters} in order
 * @param parameters bound to the query (e.g. the last cursor value to read up to)
 * @param description what is read, for the console ("table usage_events up to id 48213")
 */
public record TableEventSource(
        String jdbcUrl,
        String user,
        String password,
        String sql,
        List<String> parameters,
        String description)
        implements RawEventSource {
    private static final long serialVersionUID = 1L;
    private static final int FETCH_SIZE = 10_000;

    public TableEventSource {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        Objects.requireNonNull(sql, "sql");
        parameters = List.copyOf(parameters);
    }

    /** Never the password: a source may be logged, or shown by a Flink cluster. */
    @Override
    public String toString() {
        return "TableEventSource[" + jdbcUrl + ", user " + user + ", " + description + "]";
    }

    @Override
    public DataStream<String> open(StreamExecutionEnvironment env) {
        Serializable[][] split = {parameters.toArray(new Serializable[0])};
        JdbcSource<String> source =
                JdbcSource.<String>builder()
                        .setDBUrl(jdbcUrl)
                        .setDriverName("org.postgresql.Driver")
                        .setUsername(user == null || user.isEmpty() ? null : user)
                        .setPassword(password == null || password.isEmpty() ? null : password)
                        .setSql(sql)
                        .setJdbcParameterValuesProvider(
                                new JdbcGenericParameterValuesProvider(split))
                        .setResultExtractor(new EventRowExtractor())
                        .setTypeInformation(Types.STRING)
                        // PostgreSQL streams a result only inside a transaction with a fetch size.
                        .setAutoCommit(false)
                        .setResultSetFetchSize(FETCH_SIZE)
                        .setDeliveryGuarantee(DeliveryGuarantee.AT_LEAST_ONCE)
                        .build();
        return env.fromSource(source, WatermarkStrategy.noWatermarks(), "warehouse-events")
                .rebalance();
    }
}
