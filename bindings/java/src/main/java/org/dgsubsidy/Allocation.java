// SPDX-License-Identifier: MulanPSL-2.0
package org.dgsubsidy;

/** How {@link Budget} scales claims to a budget (C's {@code DGS_ALLOCATE_*}). */
public enum Allocation {
    /** Proportional; the largest remainder gets the fen; ties go to the lower index. */
    PRO_RATA(1),
    /** In the order given, each claim in full while the budget lasts. */
    FIRST_COME(2);

    private final int code;

    Allocation(int code) {
        this.code = code;
    }

    /**
     * The C value.
     *
     * @return the {@code DGS_ALLOCATE_*} number
     */
    public int code() {
        return code;
    }
}
