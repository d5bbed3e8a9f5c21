-- Pulse's tables in the warehouse. Written only by Pulse's sink; read by BI tools and by Pulse for
-- history older than its stores keep. Natural keys are primary keys, so every write is an upsert.

-- Daily engagement per account (one UTC day), from the engagement-daily store's changelog.
CREATE TABLE engagement_daily (
    tenant_id    text        NOT NULL,
    day          date        NOT NULL,
    events       bigint      NOT NULL,
    active_users bigint      NOT NULL,
    by_type      jsonb       NOT NULL,
    features     jsonb       NOT NULL,
    nps_sum      bigint      NOT NULL,
    nps_count    bigint      NOT NULL,
    -- Pulse's own encoding of the bucket, distinct-user sketch included, so distinct users can be
    -- merged over any range of days (sums of daily active users would count people twice).
    bucket       bytea       NOT NULL,
    updated_at   timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, day)
);

-- End-of-day health score per account, with its contributions, model and at-risk decision.
CREATE TABLE score_daily (
    tenant_id     text             NOT NULL,
    day           date             NOT NULL,
    score         double precision NOT NULL,
    band          text             NOT NULL,
    model_version text             NOT NULL,
    as_of         timestamptz      NOT NULL,
    delta_7d      double precision,
    delta_30d     double precision,
    contributions jsonb            NOT NULL,
    top_reason    text,
    at_risk       boolean          NOT NULL,
    at_risk_since date,
    risk_reason   text,
    -- The whole score as Pulse's API shows it, so history reads rebuild it exactly.
    snapshot      jsonb            NOT NULL,
    updated_at    timestamptz      NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, day)
);

-- The account directory as Pulse knows it (from the accounts topic): owner, segment, ARR.
CREATE TABLE accounts (
    tenant_id      text PRIMARY KEY,
    name           text,
    owner          text,
    team           text,
    plan           text,
    licensed_seats bigint,
    arr            numeric,
    renewal_date   date,
    segment        text,
    status         text,
    updated_at     timestamptz NOT NULL DEFAULT now()
);

-- Each alert as it stands now, one per (tenant, rule).
CREATE TABLE alerts (
    alert_id        text PRIMARY KEY,
    tenant_id       text        NOT NULL,
    rule_id         text        NOT NULL,
    kind            text        NOT NULL,
    severity        text        NOT NULL,
    state           text        NOT NULL,
    first_seen_at   timestamptz,
    fired_at        timestamptz,
    resolved_at     timestamptz,
    acknowledged_at timestamptz,
    snoozed_until   timestamptz,
    acted_by        text,
    owner           text,
    explanation     text,
    replayed        boolean     NOT NULL,
    updated_at      timestamptz NOT NULL DEFAULT now()
);

-- Every published change of an alert; one record of pulse.alerts.v1 is one row.
CREATE TABLE alert_transitions (
    source_partition int         NOT NULL,
    source_offset    bigint      NOT NULL,
    alert_id         text        NOT NULL,
    tenant_id        text        NOT NULL,
    rule_id          text        NOT NULL,
    state            text        NOT NULL,
    severity         text        NOT NULL,
    changed_at       timestamptz NOT NULL,
    acknowledged_at  timestamptz,
    snoozed_until    timestamptz,
    acted_by         text,
    explanation      text,
    replayed         boolean     NOT NULL,
    PRIMARY KEY (source_partition, source_offset)
);

-- Follow-up action items, as they stand now.
CREATE TABLE follow_ups (
    tenant_id    text        NOT NULL,
    follow_up_id text        NOT NULL,
    alert_id     text,
    title        text        NOT NULL,
    due_date     date,
    status       text        NOT NULL,
    owner        text,
    created_by   text,
    created_at   timestamptz,
    updated_at   timestamptz,
    note         text,
    PRIMARY KEY (tenant_id, follow_up_id)
);

-- The audit log of data access, hash chain included (verifiable outside Pulse).
CREATE TABLE audit_records (
    chain      text        NOT NULL,
    seq        bigint      NOT NULL,
    prev_hash  text,
    hash       text        NOT NULL,
    at         timestamptz NOT NULL,
    subject    text,
    role       text,
    method     text,
    action     text,
    tenants    text[]      NOT NULL,
    allowed    boolean     NOT NULL,
    status     int         NOT NULL,
    remote     text,
    request_id text,
    detail     text,
    PRIMARY KEY (chain, seq)
);

-- The sink's position in each Kafka partition, written in the same transaction as the rows.
CREATE TABLE sink_offsets (
    consumer    text        NOT NULL,
    topic       text        NOT NULL,
    partition   int         NOT NULL,
    next_offset bigint      NOT NULL,
    updated_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (consumer, topic, partition)
);
