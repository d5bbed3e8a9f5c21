/** CSV files Pulse writes: RFC 4180, UTF-8, a header row, formula-neutralised cells. */
package dev.pulse.reports.csv;
