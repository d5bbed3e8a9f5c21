package dev.pulse.topologies.account;

import io.soabase.recordbuilder.core.RecordBuilder;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;

/**
 * One customer account (tenant) of the account directory.
 *
 * @param owner e-mail of the account manager who owns the account, lower case
 * @param licensedSeats seats the customer pays for; null when unknown
 * @param arr annual recurring revenue in the company's currency; null when unknown
 * @param status lifecycle outcome: {@code active} (or null), {@code churned} or {@code renewed}; a
 *     backtest learns from these
 * @param churnedAt the day the customer left; null unless churned
 * @param renewedAt the day the customer last renewed; null when unknown
 * @param attributes free key/value facts about the account (for example a label a generated history
 *     carries); empty when none
 * @param origin who keeps this record: {@link #FROM_WAREHOUSE} when the warehouse's directory
 *     source published it (and removes it once its row is gone); null for accounts loaded through
 *     the API or straight onto the accounts topic
 */
@RecordBuilder
public record Account(
        String tenantId,
        String name,
        String owner,
        String team,
        String plan,
        Long licensedSeats,
        Double arr,
        LocalDate renewalDate,
        String segment,
        String status,
        LocalDate churnedAt,
        LocalDate renewedAt,
        Map<String, String> attributes,
        String origin)
        implements AccountBuilder.With {

    public static final String CHURNED = "churned";
    public static final String RENEWED = "renewed";
    public static final String ACTIVE = "active";

    /** The {@code origin} of accounts the warehouse's directory source published. */
    public static final String FROM_WAREHOUSE = "warehouse";

    public Account {
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
    }

    /** An account without lifecycle outcome or attributes. */
    public Account(
            String tenantId,
            String name,
            String owner,
            String team,
            String plan,
            Long licensedSeats,
            Double arr,
            LocalDate renewalDate,
            String segment) {
        this(
                tenantId,
                name,
                owner,
                team,
                plan,
                licensedSeats,
                arr,
                renewalDate,
                segment,
                null,
                null,
                null,
                null,
                null);
    }

    /** True when one of {@code owners} owns the account, compared by {@link #ownerKey}. */
    public boolean ownedByAny(Collection<String> owners) {
        if (owner == null) {
            return false;
        }
        String key = ownerKey(owner);
        return owners.stream().anyMatch(candidate -> ownerKey(candidate).equals(key));
    }

    /** An owner address as owners compare: lower case (directory indexes key on it too). */
    public static String ownerKey(String email) {
        return email.toLowerCase(Locale.ROOT);
    }

    /** True when the directory says the customer has left. */
    public boolean churned() {
        return CHURNED.equals(status);
    }

    /** The same account with a lifecycle outcome. */
    public Account withOutcome(String newStatus, LocalDate newChurnedAt, LocalDate newRenewedAt) {
        return with().status(newStatus).churnedAt(newChurnedAt).renewedAt(newRenewedAt).build();
    }
}
