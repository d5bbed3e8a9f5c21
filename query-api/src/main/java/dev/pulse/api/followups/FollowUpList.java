package dev.pulse.api.followups;

import dev.pulse.topologies.followup.FollowUp;
import java.time.Instant;
import java.util.List;

/**
 * The answer of {@code GET /v1/follow-ups} and {@code GET /v1/accounts/{tenant}/follow-ups}.
 *
 * @param count how many follow-ups are listed
 * @param truncated whether more matched than the limit allowed
 * @param followUps by due date (none last), then creation time
 * @param asOf when the list was read
 */
public record FollowUpList(int count, boolean truncated, List<FollowUp> followUps, Instant asOf) {}
