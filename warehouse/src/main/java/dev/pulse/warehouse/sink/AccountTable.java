package dev.pulse.warehouse.sink;

import dev.pulse.topologies.account.Account;
import dev.pulse.topologies.json.JsonSerde;
import io.vertx.sqlclient.Tuple;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * {@code accounts} from the compacted {@code pulse.accounts.v1}: the directory as Pulse knows it,
 * so BI queries can group by owner and segment.
 */
final class AccountTable implements SinkTable {
    static final String UPSERT =
            "INSERT INTO accounts (tenant_id, name, owner, team, plan, licensed_seats, arr,"
                    + " renewal_date, segment, status, updated_at)"
                    + " VALUES ($1, $2, $3, $4, $5, $6, CAST($7 AS double precision), $8, $9, $10,"
                    + " now())"
                    + " ON CONFLICT (tenant_id) DO UPDATE SET name = EXCLUDED.name,"
                    + " owner = EXCLUDED.owner, team = EXCLUDED.team, plan = EXCLUDED.plan,"
                    + " licensed_seats = EXCLUDED.licensed_seats, arr = EXCLUDED.arr,"
                    + " renewal_date = EXCLUDED.renewal_date, segment = EXCLUDED.segment,"
                    + " status = EXCLUDED.status, updated_at = now()";

    private static final JsonSerde<Account> SERDE = JsonSerde.of(Account.class);

    @Override
    public String topic() {
        return "pulse.accounts.v1";
    }

    @Override
    public void addRows(ConsumerRecord<byte[], byte[]> record, SinkBatch batch) {
        if (record.value() == null) {
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
                            a.status()
                        }));
    }
}
