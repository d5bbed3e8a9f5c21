package dev.pulse.access.summary;

/**
 * Aggregates over a group of accounts: all of them, or one owner's.
 *
 * @param owner the owner's e-mail; absent for the overall group
 * @param scored accounts with a score at the end of the range
 * @param averageScore mean end score over scored accounts, one decimal; absent when none
 * @param averageChange mean of (end score minus the end-of-day score of the day before the range)
 *     over accounts that have both, one decimal; absent when none
 * @param events events over the range, summed over accounts
 * @param activeUsers distinct active users over the range, summed over accounts
 * @param bandsAtStart bands of the end-of-day scores of the day before the range, over accounts
 *     that had one: with {@code bands}, how the distribution changed
 * @param arr annual recurring revenue of the group's accounts that state one
 * @param arrAtRisk the part of {@code arr} whose account ends the range at risk
 */
public record GroupSummary(
        String owner,
        int accounts,
        int scored,
        Double averageScore,
        BandCounts bands,
        Double averageChange,
        long events,
        long activeUsers,
        BandCounts bandsAtStart,
        double arr,
        double arrAtRisk) {
    /** The group of accounts without an owner. */
    public static final String UNASSIGNED = "unassigned";
}
