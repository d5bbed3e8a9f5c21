package dev.pulse.app.backtest;

import dev.pulse.topologies.alert.Alert;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * What a replay of a history under one model produced: every tenant's daily score and at-risk flag,
 * the sentence of each at-risk episode's first day, and every alert change.
 *
 * @param firstDay the first day of the daily series (index 0)
 * @param explanations for the tenants asked about, one line per day: score, band, decision
 */
public record ReplayResult(
        String modelVersion,
        LocalDate firstDay,
        int days,
        Map<String, Series> tenants,
        List<Alert> alertChanges,
        Map<String, List<String>> explanations) {

    /**
     * One tenant's days; days before its first event are NaN and false.
     *
     * @param reasons the at-risk sentence on the first day of each episode, null elsewhere
     */
    public record Series(float[] score, boolean[] atRisk, String[] reasons) {
        static Series empty(int days) {
            float[] score = new float[days];
            java.util.Arrays.fill(score, Float.NaN);
            return new Series(score, new boolean[days], new String[days]);
        }
    }

    public LocalDate day(int index) {
        return firstDay.plusDays(index);
    }

    public int index(LocalDate day) {
        return (int) (day.toEpochDay() - firstDay.toEpochDay());
    }
}
