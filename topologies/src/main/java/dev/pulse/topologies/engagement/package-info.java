/** Rolling engagement per tenant: hourly and daily buckets, de-duplication, late events. */
package dev.pulse.topologies.engagement;
