/** The account directory: who owns which tenant, plan, seats and renewal. */
package dev.pulse.topologies.account;
