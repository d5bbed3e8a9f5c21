/**
 * Made-up report data of realistic size, for {@code pulse bench} and the documentation's images.
 */
package dev.pulse.reports.sample;
