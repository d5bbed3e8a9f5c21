/** Where accounts stand in their journey and how the caller's accounts move through it. */
package dev.pulse.access.journey;
