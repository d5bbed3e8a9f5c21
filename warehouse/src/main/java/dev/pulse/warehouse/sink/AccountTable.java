package dev.pulse.warehouse.sink;

import dev.pulse.topologies.account.Account;
import dev.pulse.topologies.json.JsonSerde;
import io.vertx.sqlclient.Tuple;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * {@code accounts} from the compacted {@code pulse.accounts.v1}: the directory as Pulse knows it,
 * so BI queries can group by owner and segment. A removed account (a tombstone) loses its row.
 */
final class AccountTable implements SinkTable {
    /**
     * One statement for both, so the newest record of a tenant in a batch decides ($11: removed).
     */
    static final String UPSERT =
            "WITH removed AS (DELETE FROM accounts WHERE tenant_id = $1::text AND $11::bool) INSERT"
                + " INTO accounts (tenant_id, name, owner, team, plan, licensed_seats, arr,"
                + " renewal_date, segment, status, updated_at) SELECT $1::text, $2::text, $3::text,"
                + " $4::text, $5::text, $6::int8, $7::float8, $8::date, $9::text, $10::text, now()"
                + " WHERE NOT $11::bool ON CONFLICT (tenant_id) DO UPDATE SET name = EXCLUDED.name,"
                + " owner = EXCLUDED.owner, team = EXCLUDED.team, plan = EXCLUDED.plan,"
                + " licensed_seats = EXCLUDED.licensed_seats, arr = EXCLUDED.arr, renewal_date ="
                + " EXCLUDED.renewal_date, segment = EXCLUDED.segment, status = EXCLUDED.status,"
                + " updated_at = now()";

    private static final JsonSerde<Account> SERDE = JsonSerde.of(Account.class);

    @Override
    public String topic() {
        return "pulse.accounts.v1";
    }

    @Override
    public void addRows(ConsumerRecord<byte[], byte[]> record, SinkBatch batch) {
        if (record.value() == null) {
            String tenant = new String(record.key(), StandardCharsets.UTF_8);
            Object[] removed = new Object[11];
            removed[0] = tenant;
            removed[10] = true;
            batch.upsert(UPSERT, tenant, Tuple.from(removed));
            return;
        }
        Account a = SERDE.fromBytes(record.value());
        batch.upsert(
                UPSERT,
                a.tenantId(),
                Tuple.from(
                        new Object[] {
                            a.tenantId(),
                            a.name(),
                            a.owner(),
                            a.team(),
                            a.plan(),
                            a.licensedSeats(),
                            a.arr(),
                            a.renewalDate(),
                            a.segment(),
                            a.status(),
                            false
                        }));
    }
}
