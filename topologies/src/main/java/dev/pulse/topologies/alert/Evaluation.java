package dev.pulse.topologies.alert;

import java.time.Instant;

/**
 * The outcome of evaluating one rule for one tenant.
 *
 * @param holds whether the rule's condition holds now
 * @param explanation one sentence a person can act on, describing the current reading
 * @param onset when the condition began according to the data (for example the last event plus the
 *     silence threshold); null when the data cannot tell, or when the condition does not hold.
 *     {@link AlertLifecycle} trusts it only when the tenant's data is caught up, see {@link
 *     AlertInput#dataCaughtUp()}.
 */
public record Evaluation(boolean holds, String explanation, Instant onset) {

    /** An evaluation whose onset the data cannot tell: {@code for} counts from first sight. */
    public Evaluation(boolean holds, String explanation) {
        this(holds, explanation, null);
    }

    static Evaluation holds(String explanation) {
        return new Evaluation(true, explanation, null);
    }

    static Evaluation holdsSince(Instant onset, String explanation) {
        return new Evaluation(true, explanation, onset);
    }

    static Evaluation clear(String explanation) {
        return new Evaluation(false, explanation, null);
    }
}
