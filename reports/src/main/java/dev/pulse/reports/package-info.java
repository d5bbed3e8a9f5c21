/** Renders report data as files: {@link dev.pulse.reports.ReportRenderer} is the one entry. */
package dev.pulse.reports;
