/**
 * The backtest: replays a labelled history through the same daily close, at-risk decision and alert
 * rules the topology runs, in event time, and measures how early and how precisely churn is
 * flagged.
 */
package dev.pulse.app.backtest;
