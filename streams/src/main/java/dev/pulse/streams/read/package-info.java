/** The read layer: tenant state from local stores or from the instance that owns the tenant. */
package dev.pulse.streams.read;
