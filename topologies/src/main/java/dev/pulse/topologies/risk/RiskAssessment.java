package dev.pulse.topologies.risk;

import java.time.LocalDate;

/**
 * The at-risk decision for one tenant on one closed day, with the sentence that explains it.
 *
 * @param day the UTC day judged (its end is the instant the decision describes)
 * @param atRisk whether the account is at risk (the band is at risk, and the at-risk alert fires)
 * @param signal whether a warning sign held on this day: a decline, or a score below the band
 * @param declining whether the decline part of the signal held
 * @param recovered whether the account was back near its normal with a score above the line (an
 *     account at risk leaves it after enough such days in a row)
 * @param signalSince the first day of the current unbroken run of signal days; null without signal
 * @param atRiskSince the first day of the current at-risk episode; null when not at risk
 * @param reason a sentence a person can check ("active users down 48% against their usual 4 weeks,
 *     for 9 days"); for an account that is fine, what its recent weeks look like
 * @param metric the metric behind a decline; null otherwise
 * @param dropPercent that metric's drop in the last 7 days against its baseline, after the
 *     portfolio's movement is taken out; null when not judged
 * @param portfolioChangePercent the portfolio's median change the same days; null when unknown
 */
public record RiskAssessment(
        LocalDate day,
        boolean atRisk,
        boolean signal,
        boolean declining,
        boolean recovered,
        LocalDate signalSince,
        LocalDate atRiskSince,
        String reason,
        String metric,
        Double dropPercent,
        Double portfolioChangePercent) {}
