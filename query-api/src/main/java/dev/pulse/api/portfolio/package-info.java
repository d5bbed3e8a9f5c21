/** An account manager's portfolio: their accounts with current scores, riskiest first. */
package dev.pulse.api.portfolio;
