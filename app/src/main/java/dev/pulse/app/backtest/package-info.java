/**
 * The backtest: replays a labelled history through the same daily close, at-risk decision and alert
 * rules the topology runs, in event time, and measures how early and how precisely churn is
 * flagged; and the trap patterns ({@link dev.pulse.app.backtest.RiskPatterns}) any model must stay
 * calm through.
 */
package dev.pulse.app.backtest;
