/**
 * An account manager's or a team's portfolio: their accounts with current scores, riskiest first,
 * in one order for every front end.
 */
package dev.pulse.access.portfolio;
