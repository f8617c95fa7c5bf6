// SPDX-License-Identifier: MulanPSL-2.0
package org.dgsubsidy;

/**
 * The status of an eligibility condition in a result: declared met, declared not met (the result
 * is then ineligible), or assumed (not declared: assumed met).
 */
public enum ConditionStatus {
    /** Not declared: assumed met. */
    ASSUMED(0, "assumed"),
    /** Declared met. */
    MET(1, "met"),
    /** Declared not met: the result is ineligible. */
    NOT_MET(2, "not_met");

    private final int code;
    private final String label;

    ConditionStatus(int code, String label) {
        this.code = code;
        this.label = label;
    }

    /**
     * The C value.
     *
     * @return the {@code DGS_CONDITION_*} number
     */
    public int code() {
        return code;
    }

    /**
     * The library's name of the status.
     *
     * @return "assumed", "met" or "not_met"
     */
    public String label() {
        return label;
    }

    /**
     * The status of a C value.
     *
     * @param code a {@code DGS_CONDITION_*} number
     * @return the status
     * @throws IllegalArgumentException for an unknown value
     */
    public static ConditionStatus of(int code) {
        for (ConditionStatus s : values()) {
            if (s.code == code) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown condition status " + code);
    }
}
