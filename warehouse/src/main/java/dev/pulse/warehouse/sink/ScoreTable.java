package dev.pulse.warehouse.sink;

import dev.pulse.topologies.health.Band;
import dev.pulse.topologies.health.HealthScore;
import dev.pulse.topologies.risk.RiskAssessment;
import dev.pulse.topologies.serde.HealthScoreSerde;
import dev.pulse.topologies.time.UtcDays;
import io.vertx.sqlclient.Tuple;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * {@code score_daily} from the changelog of the {@code health-score-daily} store: a tenant's
 * end-of-day score with its contributions, model version and that day's at-risk decision.
 */
record ScoreTable(String topic) implements SinkTable {
    static final String UPSERT =
            "INSERT INTO score_daily (tenant_id, day, score, band, model_version, as_of, delta_7d,"
                + " delta_30d, contributions, top_reason, at_risk, at_risk_since, risk_reason,"
                + " snapshot, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9::text::jsonb,"
                + " $10, $11, $12, $13, $14::text::jsonb, now()) ON CONFLICT (tenant_id, day) DO"
                + " UPDATE SET score = EXCLUDED.score, band = EXCLUDED.band, model_version ="
                + " EXCLUDED.model_version, as_of = EXCLUDED.as_of, delta_7d = EXCLUDED.delta_7d,"
                + " delta_30d = EXCLUDED.delta_30d, contributions = EXCLUDED.contributions,"
                + " top_reason = EXCLUDED.top_reason, at_risk = EXCLUDED.at_risk, at_risk_since ="
                + " EXCLUDED.at_risk_since, risk_reason = EXCLUDED.risk_reason, snapshot ="
                + " EXCLUDED.snapshot, updated_at = now()";

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
                UPSERT,
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
