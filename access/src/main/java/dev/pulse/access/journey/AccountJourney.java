package dev.pulse.access.journey;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.pulse.topologies.journey.Transition;
import java.util.List;

/**
 * One account's journey (the body of {@code GET /v1/accounts/{tenant}/journey}).
 *
 * @param name the account's name; null when it is not in the directory
 * @param modelVersion the journey model that placed it; null before its first closed day
 * @param stage where it stands; null when it has no closed day yet
 * @param transitions its moves, oldest first (the latest 200), the first from null
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record AccountJourney(
        String tenant,
        String name,
        String modelVersion,
        StageStay stage,
        List<Transition> transitions) {}
