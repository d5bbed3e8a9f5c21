/** Saved segments over HTTP: save, list, preview, members, history and comparison. */
package dev.pulse.api.segments;
