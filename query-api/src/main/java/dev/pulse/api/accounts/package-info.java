/** One account: its detail with score and engagement, and its time series. */
package dev.pulse.api.accounts;
