/**
 * Follow-ups as people keep them: create (on an account or from an alert), change, list. Every
 * command is checked by the same lifecycle the topology applies before it is recorded.
 */
package dev.pulse.access.followups;
