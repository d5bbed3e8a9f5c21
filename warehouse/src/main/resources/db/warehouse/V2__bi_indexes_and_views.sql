-- What BI queries filter on: days at risk, a segment's or an owner's accounts, an account's alerts.
CREATE INDEX score_daily_at_risk ON score_daily (day) WHERE at_risk;
CREATE INDEX score_daily_day ON score_daily (day);
CREATE INDEX accounts_owner ON accounts (owner);
CREATE INDEX accounts_segment ON accounts (segment);
CREATE INDEX alert_transitions_tenant ON alert_transitions (tenant_id, changed_at);

-- One row per account and day with its owner and segment as they are now: the usual BI starting point.
CREATE VIEW account_days AS
SELECT s.tenant_id, s.day, s.score, s.band, s.at_risk, s.model_version,
       a.name, a.owner, a.team, a.segment, a.arr,
       e.events, e.active_users
FROM score_daily s
LEFT JOIN accounts a ON a.tenant_id = s.tenant_id
LEFT JOIN engagement_daily e ON e.tenant_id = s.tenant_id AND e.day = s.day;
