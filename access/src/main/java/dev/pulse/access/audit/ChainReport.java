package dev.pulse.access.audit;

/**
 * What a verification of audit chains found.
 *
 * @param recordsChecked records looked at, up to and including the first broken one
 * @param chains distinct chains seen
 * @param firstBrokenLink a sentence naming chain, seq, offset and what is wrong; null if intact
 */
public record ChainReport(boolean intact, long recordsChecked, int chains, String firstBrokenLink) {

    static ChainReport intact(long recordsChecked, int chains) {
        return new ChainReport(true, recordsChecked, chains, null);
    }

    static ChainReport broken(long recordsChecked, int chains, String firstBrokenLink) {
        return new ChainReport(false, recordsChecked, chains, firstBrokenLink);
    }

    /** One line for a command's output. */
    public String summary() {
        String counted =
                recordsChecked + " records in " + chains + (chains == 1 ? " chain" : " chains");
        return intact ? "intact: " + counted : "BROKEN after " + counted + ": " + firstBrokenLink;
    }
}
