/**
 * Product adoption funnels: one account's, an account set's, and how one compares with the rest.
 */
package dev.pulse.access.funnels;
