/** Liveness and readiness endpoints for orchestrators and load balancers. */
package dev.pulse.api.health;
