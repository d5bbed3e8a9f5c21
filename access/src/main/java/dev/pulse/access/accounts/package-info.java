/** One account as people look at it: directory record, current score, recent engagement. */
package dev.pulse.access.accounts;
