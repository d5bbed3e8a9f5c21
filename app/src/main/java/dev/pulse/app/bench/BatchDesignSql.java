package dev.pulse.app.bench;

import java.util.List;

/**
 * The status quo Pulse replaces, written as a warehouse team would: raw events landed in a table,
 * an hourly job that rolls them up by hour and by day and recomputes every account's score inputs.
 * The statements run in a scratch schema on the search path; the benchmark times them.
 */
final class BatchDesignSql {
    static final List<String> CREATE_TABLES =
            List.of(
                    "CREATE TABLE accounts (tenant_id text PRIMARY KEY, seats int NOT NULL)",
                    """
                    CREATE TABLE usage_events (
                        event_id text PRIMARY KEY,
                        tenant_id text NOT NULL,
                        user_id text NOT NULL,
                        type text NOT NULL,
                        feature text,
                        occurred_at timestamptz NOT NULL)\
                    """,
                    // The roll-ups read by time range.
                    "CREATE INDEX usage_events_time ON usage_events (occurred_at)",
                    """
                    CREATE UNLOGGED TABLE usage_events_stage (
                        event_id text, tenant_id text, user_id text, type text, feature text,
                        occurred_at timestamptz)\
                    """,
                    """
                    CREATE TABLE usage_hourly (
                        tenant_id text, hour timestamptz, events int, key_actions int,
                        active_users int, PRIMARY KEY (tenant_id, hour))\
                    """,
                    """
                    CREATE TABLE usage_daily (
                        tenant_id text, day date, events int, key_actions int, active_users int,
                        features int, PRIMARY KEY (tenant_id, day))\
                    """,
                    """
                    CREATE TABLE score_inputs (
                        tenant_id text PRIMARY KEY, as_of timestamptz, active_users_14d int,
                        seat_utilisation numeric, active_days_14d int, key_actions_7d bigint,
                        key_actions_previous_7d bigint, baseline_week_key_actions numeric)\
                    """);

    static final String INSERT_ACCOUNT = "INSERT INTO accounts VALUES (?, ?)";

    static final String COPY_STAGE = "COPY usage_events_stage FROM STDIN (FORMAT csv)";

    static final String TRUNCATE_STAGE = "TRUNCATE usage_events_stage";

    /** Events delivered twice (at-least-once landing) are counted once. */
    static final String MERGE_STAGE =
            """
            INSERT INTO usage_events SELECT * FROM usage_events_stage
            ON CONFLICT (event_id) DO NOTHING\
            """;

    /** Parameters: from, to. The run re-rolls the hour before too, for late events. */
    static final String ROLL_UP_HOURS =
            """
            INSERT INTO usage_hourly
            SELECT tenant_id, date_trunc('hour', occurred_at), count(*),
                   count(*) FILTER (WHERE type IN ('feature_used', 'api_call')),
                   count(DISTINCT user_id)
            FROM usage_events WHERE occurred_at >= ? AND occurred_at < ?
            GROUP BY 1, 2
            ON CONFLICT (tenant_id, hour) DO UPDATE SET events = excluded.events,
                key_actions = excluded.key_actions, active_users = excluded.active_users\
            """;

    /** Parameters: from (the start of the earliest day touched), to. */
    static final String ROLL_UP_DAYS =
            """
            INSERT INTO usage_daily
            SELECT tenant_id, (occurred_at AT TIME ZONE 'UTC')::date, count(*),
                   count(*) FILTER (WHERE type IN ('feature_used', 'api_call')),
                   count(DISTINCT user_id), count(DISTINCT feature)
            FROM usage_events WHERE occurred_at >= ? AND occurred_at < ?
            GROUP BY 1, 2
            ON CONFLICT (tenant_id, day) DO UPDATE SET events = excluded.events,
                key_actions = excluded.key_actions, active_users = excluded.active_users,
                features = excluded.features\
            """;

    /**
     * Parameter: the run's time. Every account, as the health score reads them: distinct users over
     * 14 days against seats, active days, key actions of the last two weeks and of a usual week of
     * the six before.
     */
    static final String SCORE_INPUTS =
            """
            WITH p AS (SELECT ?::timestamptz AS as_of),
                 d AS (SELECT (as_of AT TIME ZONE 'UTC')::date AS today FROM p),
                 users AS (
                     SELECT tenant_id, count(DISTINCT user_id) AS active
                     FROM usage_events, p
                     WHERE occurred_at >= as_of - interval '14 days' AND occurred_at < as_of
                     GROUP BY 1),
                 days AS (
                     SELECT tenant_id,
                            count(*) FILTER (WHERE day > today - 14 AND events > 0) AS active_days,
                            sum(key_actions) FILTER (WHERE day > today - 7) AS last7,
                            sum(key_actions)
                                FILTER (WHERE day > today - 14 AND day <= today - 7) AS previous7,
                            sum(key_actions)
                                FILTER (WHERE day > today - 56 AND day <= today - 14) / 6.0
                                AS baseline
                     FROM usage_daily, d WHERE day > today - 56
                     GROUP BY 1)
            INSERT INTO score_inputs
            SELECT a.tenant_id, p.as_of, coalesce(users.active, 0),
                   coalesce(users.active, 0)::numeric / nullif(a.seats, 0),
                   coalesce(days.active_days, 0), coalesce(days.last7, 0),
                   coalesce(days.previous7, 0), coalesce(days.baseline, 0)
            FROM accounts a CROSS JOIN p
                 LEFT JOIN users USING (tenant_id) LEFT JOIN days USING (tenant_id)
            ON CONFLICT (tenant_id) DO UPDATE SET as_of = excluded.as_of,
                active_users_14d = excluded.active_users_14d,
                seat_utilisation = excluded.seat_utilisation,
                active_days_14d = excluded.active_days_14d,
                key_actions_7d = excluded.key_actions_7d,
                key_actions_previous_7d = excluded.key_actions_previous_7d,
                baseline_week_key_actions = excluded.baseline_week_key_actions\
            """;

    static final String DAILY_EVENTS = "SELECT coalesce(sum(events), 0) FROM usage_daily";

    static final String SCORED_ACCOUNTS = "SELECT count(*) FROM score_inputs";

    private BatchDesignSql() {}
}
