/** {@code /v1/funnels}: the product adoption funnels, per account and over accounts. */
package dev.pulse.api.funnels;
