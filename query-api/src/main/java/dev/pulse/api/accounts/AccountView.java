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

    /** Directory fields of a tenant the directory does not know: all absent. */
    private static final Account EMPTY =
            new Account(null, null, null, null, null, null, null, null, null);

    static AccountView of(AccountSnapshot snapshot) {
        String tenantId = snapshot.tenantId();
        Account account = snapshot.account();
        HealthScore health = snapshot.score();
        Engagement engagement = new Engagement(snapshot.last7d(), snapshot.last30d());
        String self = "/v1/accounts/" + tenantId;
        Links links = new Links(self, self + "/timeseries");
        Account a = account == null ? EMPTY : account;
        return new AccountView(
                tenantId,
                a.name(),
                a.owner(),
                a.team(),
                a.plan(),
                a.licensedSeats(),
                a.arr(),
                a.renewalDate(),
                a.segment(),
                health,
                engagement,
                links);
    }
}
