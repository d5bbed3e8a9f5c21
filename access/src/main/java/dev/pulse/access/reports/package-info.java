/**
 * Report data for business reviews (one account's review, a portfolio report), authorized, scoped
 * and audited once here for every front end that exports them.
 */
package dev.pulse.access.reports;
