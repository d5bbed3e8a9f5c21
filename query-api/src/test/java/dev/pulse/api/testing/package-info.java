/** Test fixtures: an in-memory read layer, a recording publisher and a running API server. */
package dev.pulse.api.testing;
