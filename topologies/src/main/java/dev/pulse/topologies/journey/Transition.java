package dev.pulse.topologies.journey;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;

/**
 * An account moved from one stage to another when {@code day} closed. An account's first stage is a
 * transition from nothing ({@code from} null), so it counts as entered.
 *
 * @param from the stage id it left; null for the account's first closed day
 * @param to the stage id it entered
 * @param day the UTC day whose close moved it; the new stage holds from that day
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record Transition(String from, String to, LocalDate day) {}
