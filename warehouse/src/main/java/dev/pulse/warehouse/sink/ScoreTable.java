package dev.pulse.warehouse.sink;

import dev.pulse.topologies.health.Band;
import dev.pulse.topologies.health.HealthScore;
import dev.pulse.topologies.risk.RiskAssessment;
import dev.pulse.topologies.serde.HealthScoreSerde;
import dev.pulse.topologies.time.UtcDays;
import io.vertx.sqlclient.Tuple;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * {@code score_daily} from the changelog of the {@code health-score-daily} store: a tenant's
 * end-of-day score with its contributions, model version and that day's at-risk decision.
 */
record ScoreTable(String topic) implements SinkTable {
    static final ColumnarUpsert UPSERT =
            new ColumnarUpsert(
                    "INSERT INTO score_daily (tenant_id, day, score, band, model_version, as_of,"
                        + " delta_7d, delta_30d, contributions, top_reason, at_risk, at_risk_since,"
                        + " risk_reason, snapshot, updated_at) SELECT t, d, s, b, m, a, d7, d30,"
                        + " c::jsonb, tr, r, rs, rr, sn::jsonb, now() FROM unnest($1::text[],"
                        + " $2::date[], $3::float8[], $4::text[], $5::text[], $6::timestamptz[],"
                        + " $7::float8[], $8::float8[], $9::text[], $10::text[], $11::bool[],"
                        + " $12::date[], $13::text[], $14::text[]) AS x(t, d, s, b, m, a, d7, d30,"
                        + " c, tr, r, rs, rr, sn) ON CONFLICT (tenant_id, day) DO UPDATE SET score"
                        + " = EXCLUDED.score, band = EXCLUDED.band, model_version ="
                        + " EXCLUDED.model_version, as_of = EXCLUDED.as_of, delta_7d ="
                        + " EXCLUDED.delta_7d, delta_30d = EXCLUDED.delta_30d, contributions ="
                        + " EXCLUDED.contributions, top_reason = EXCLUDED.top_reason, at_risk ="
                        + " EXCLUDED.at_risk, at_risk_since = EXCLUDED.at_risk_since, risk_reason ="
                        + " EXCLUDED.risk_reason, snapshot = EXCLUDED.snapshot, updated_at = now()",
                    String.class,
                    LocalDate.class,
                    Double.class,
                    String.class,
                    String.class,
                    OffsetDateTime.class,
                    Double.class,
                    Double.class,
                    String.class,
                    String.class,
                    Boolean.class,
                    LocalDate.class,
                    String.class,
                    String.class);

    @Override
    public List<ColumnarUpsert> columnar() {
        return List.of(UPSERT);
    }

    @Override
    public void addRows(ConsumerRecord<byte[], byte[]> record, SinkBatch batch) {
        if (record.value() == null) {
            return;
        }
        SqlValues.WindowedKey key = SqlValues.windowedKey(record.key());
        HealthScore score = HealthScoreSerde.fromBytes(record.value());
        RiskAssessment risk = score.risk();
        boolean atRisk = risk != null ? risk.atRisk() : score.band() == Band.AT_RISK;
        batch.upsert(
                UPSERT.sql(),
                key.key() + "/" + key.windowStart(),
                Tuple.from(
                        new Object[] {
                            key.key(),
                            UtcDays.dayOf(key.windowStart()),
                            score.score(),
                            SqlValues.label(score.band()),
                            score.modelVersion(),
                            SqlValues.timestamp(score.asOf()),
                            score.delta7d(),
                            score.delta30d(),
                            SqlValues.json(score.contributions()),
                            score.topReason(),
                            atRisk,
                            risk == null ? null : risk.atRiskSince(),
                            risk == null ? null : risk.reason(),
                            SqlValues.json(score)
                        }));
    }
}
