/** PDF pages laid out with PDFBox, with JFreeChart charts drawn in as vector graphics. */
package dev.pulse.reports.pdf;
