// SPDX-License-Identifier: MulanPSL-2.0
package org.dgsubsidy;

/** The outcome of an evaluation (C's {@code DGS_OUTCOME_*}). */
public enum Outcome {
    /** An award (possibly 0 when a period cap is used up). */
    GRANTED(0, "granted"),
    /** A condition of the clause fails; {@link Result#reason(java.util.Locale)} says which. */
    INELIGIBLE(1, "ineligible"),
    /** The case's date lies outside the policy's validity window. */
    NOT_IN_FORCE(2, "not_in_force"),
    /** The policy promises an award without its numbers: a guideline must supply them. */
    UNSPECIFIED(3, "unspecified"),
    /** A qualitative measure (services, procedures): nothing to compute. */
    NOT_COMPUTABLE(4, "not_computable"),
    /**
     * A ceiling (最高/不超过 X) whose amount the department has not assessed: the award holds the
     * ceiling, "up to X, to be assessed"; it is not a payment and stacking never pays it.
     */
    UP_TO(5, "up_to"),
    /** Another policy, named in the reason, sets the amount. */
    GOVERNED_ELSEWHERE(6, "governed_elsewhere"),
    /** Batches only: the row's inputs are invalid. */
    INVALID(-1, "invalid"),
    /**
     * Populations only ({@link Ruleset#compare}): the row gives none of the measure's inputs, so it
     * does not claim the measure; nothing is paid and the row is not invalid.
     */
    NOT_CLAIMED(-2, "not_claimed");

    private final int code;
    private final String label;

    Outcome(int code, String label) {
        this.code = code;
        this.label = label;
    }

    /**
     * The C value.
     *
     * @return the {@code DGS_OUTCOME_*} number
     */
    public int code() {
        return code;
    }

    /**
     * The library's name of the outcome.
     *
     * @return e.g. {@code "not_in_force"}
     */
    public String label() {
        return label;
    }

    /**
     * The outcome of a C value.
     *
     * @param code a {@code DGS_OUTCOME_*} number
     * @return the outcome
     * @throws IllegalArgumentException for an unknown value
     */
    public static Outcome of(int code) {
        switch (code) {
            case 0: return GRANTED;
            case 1: return INELIGIBLE;
            case 2: return NOT_IN_FORCE;
            case 3: return UNSPECIFIED;
            case 4: return NOT_COMPUTABLE;
            case 5: return UP_TO;
            case 6: return GOVERNED_ELSEWHERE;
            case -1: return INVALID;
            case -2: return NOT_CLAIMED;
            default: throw new IllegalArgumentException("unknown outcome " + code);
        }
    }

    /**
     * The outcome of a name.
     *
     * @param label e.g. {@code "granted"}
     * @return the outcome
     * @throws IllegalArgumentException for an unknown name
     */
    public static Outcome ofLabel(String label) {
        for (Outcome o : values()) {
            if (o.label.equals(label)) {
                return o;
            }
        }
        throw new IllegalArgumentException("unknown outcome '" + label + "'");
    }
}
