/** Follow-up action items on accounts: created directly or from an alert, listed, updated. */
package dev.pulse.api.followups;
