/** Report downloads: account reviews and portfolio reports as PDF or CSV, rendered off the loop. */
package dev.pulse.api.reports;
