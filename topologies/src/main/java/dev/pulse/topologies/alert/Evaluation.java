package dev.pulse.topologies.alert;

/**
 * The outcome of evaluating one rule for one tenant.
 *
 * @param holds whether the rule's condition holds now
 * @param explanation one sentence a person can act on, describing the current reading
 */
public record Evaluation(boolean holds, String explanation) {
    static Evaluation holds(String explanation) {
        return new Evaluation(true, explanation);
    }

    static Evaluation clear(String explanation) {
        return new Evaluation(false, explanation);
    }
}
