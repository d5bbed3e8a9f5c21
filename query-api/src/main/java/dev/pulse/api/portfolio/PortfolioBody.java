package dev.pulse.api.portfolio;

import java.time.Instant;
import java.util.List;

/** The body of {@code GET /v1/portfolio}. */
record PortfolioBody(String owner, int count, List<PortfolioItem> accounts, Instant asOf) {}
