// SPDX-License-Identifier: MulanPSL-2.0
package org.dgsubsidy;

/** What stacking (就高、从优、不重复享受) decided for one result (C's {@code DGS_STACK_*}). */
public enum StackDecision {
    /** Paid in full. */
    PAID(0, "paid"),
    /** The highest of its group; pays the difference over what was already granted. */
    TOP_UP(1, "top_up"),
    /** A lower or equal award of the same group: not paid. */
    SUPERSEDED(2, "superseded"),
    /** The outcome was not a grant. */
    NOT_GRANTED(3, "not_granted"),
    /** The highest of its group was fully paid before: nothing more. */
    ALREADY_PAID(4, "already_paid"),
    /** The number is not a grant (a quota, a price floor, an investment or credit limit): not stacked. */
    NOT_A_GRANT(5, "not_a_grant"),
    /**
     * A ceiling still to be assessed ({@link Outcome#UP_TO}): not paid.  Where its group pays a
     * computed amount, an assessment above that amount tops up the difference.
     */
    PENDING_ASSESSMENT(6, "pending_assessment"),
    /** Paid less than its award: a cap that holds across claims (a yearly cap, a cap per exhibition) is reached. */
    CAPPED(7, "capped");

    private final int code;
    private final String label;

    StackDecision(int code, String label) {
        this.code = code;
        this.label = label;
    }

    /**
     * The C value.
     *
     * @return the {@code DGS_STACK_*} number
     */
    public int code() {
        return code;
    }

    /**
     * The library's name of the decision.
     *
     * @return e.g. {@code "top_up"}
     */
    public String label() {
        return label;
    }

    /**
     * The decision of a C value.
     *
     * @param code a {@code DGS_STACK_*} number
     * @return the decision
     * @throws IllegalArgumentException for an unknown value
     */
    public static StackDecision of(int code) {
        for (StackDecision d : values()) {
            if (d.code == code) {
                return d;
            }
        }
        throw new IllegalArgumentException("unknown stacking decision " + code);
    }
}
