/**
 * Saved segments: criteria over the account directory and current scores, the matcher that applies
 * them, the compacted-topic store, and the use case that saves, evaluates and compares them.
 */
package dev.pulse.access.segments;
