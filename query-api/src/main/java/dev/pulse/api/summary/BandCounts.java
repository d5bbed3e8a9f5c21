package dev.pulse.api.summary;

import com.fasterxml.jackson.annotation.JsonProperty;

/** How many accounts end the range in each band. */
record BandCounts(int healthy, int neutral, @JsonProperty("at_risk") int atRisk) {}
