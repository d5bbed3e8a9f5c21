package dev.pulse.access.summary;

import com.fasterxml.jackson.annotation.JsonProperty;

/** How many accounts end the range in each band. */
public record BandCounts(int healthy, int neutral, @JsonProperty("at_risk") int atRisk) {}
