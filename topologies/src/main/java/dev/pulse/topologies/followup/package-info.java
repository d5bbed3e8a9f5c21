/** Follow-up action items on accounts, their commands, and their pure lifecycle. */
package dev.pulse.topologies.followup;
