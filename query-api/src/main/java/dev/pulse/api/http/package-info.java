/** HTTP plumbing every resource shares: problem responses, parameters, readiness, worker reads. */
package dev.pulse.api.http;
