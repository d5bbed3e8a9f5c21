package dev.pulse.api.accounts;

import dev.pulse.access.accounts.AccountSnapshot;
import dev.pulse.streams.read.EngagementTotals;
import dev.pulse.topologies.account.Account;
import dev.pulse.topologies.health.HealthScore;
import java.time.LocalDate;

/**
 * The body of {@code GET /v1/accounts/{tenant}}: directory fields (absent until the account is in
 * the directory), the current health score with its contributions, and recent engagement.
 */
record AccountView(
        String tenantId,
        String name,
        String owner,
        String team,
        String plan,
        Long licensedSeats,
        Double arr,
        LocalDate renewalDate,
        String segment,
        HealthScore health,
        Engagement engagement,
        Links links) {

    /** Engagement over the last 7 and 30 UTC days, today included. */
    record Engagement(EngagementTotals last7d, EngagementTotals last30d) {}

    record Links(String self, String timeseries) {}

    static AccountView of(AccountSnapshot snapshot) {
        String tenantId = snapshot.tenantId();
        Account account = snapshot.account();
        HealthScore health = snapshot.score();
        Engagement engagement = new Engagement(snapshot.last7d(), snapshot.last30d());
        String self = "/v1/accounts/" + tenantId;
        Links links = new Links(self, self + "/timeseries");
        if (account == null) {
            return new AccountView(
                    tenantId,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    health,
                    engagement,
                    links);
        }
        return new AccountView(
                tenantId,
                account.name(),
                account.owner(),
                account.team(),
                account.plan(),
                account.licensedSeats(),
                account.arr(),
                account.renewalDate(),
                account.segment(),
                health,
                engagement,
                links);
    }
}
