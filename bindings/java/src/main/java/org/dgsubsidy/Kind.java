// SPDX-License-Identifier: MulanPSL-2.0
package org.dgsubsidy;

/** What kind of award clause a measure is (C's {@code DGS_KIND_*}). */
public enum Kind {
    /** Computed from the applicant's figures. */
    FORMULA(1, "formula"),
    /** One ceiling (or one exact amount). */
    FIXED_CAP(2, "fixed_cap"),
    /** A ceiling (or amount) per category. */
    TIERED_FIXED(3, "tiered_fixed"),
    /** A non-cash number: price floor, quota, waiver, limit. */
    PRICE_OR_QUOTA(4, "price_or_quota"),
    /** An award without a stated amount: a guideline supplies it. */
    UNSPECIFIED(5, "unspecified"),
    /** Services and procedures: nothing to compute. */
    QUALITATIVE(6, "qualitative"),
    /** The amount is set by another policy, which {@link Measure#governedBy(java.util.Locale)} names. */
    GOVERNED_ELSEWHERE(7, "governed_elsewhere");

    private final int code;
    private final String label;

    Kind(int code, String label) {
        this.code = code;
        this.label = label;
    }

    /**
     * The C value.
     *
     * @return the {@code DGS_KIND_*} number
     */
    public int code() {
        return code;
    }

    /**
     * The library's name of the kind.
     *
     * @return e.g. {@code "fixed_cap"}
     */
    public String label() {
        return label;
    }

    /**
     * The kind of a C value.
     *
     * @param code a {@code DGS_KIND_*} number
     * @return the kind
     * @throws IllegalArgumentException for an unknown value
     */
    public static Kind of(int code) {
        for (Kind k : values()) {
            if (k.code == code) {
                return k;
            }
        }
        throw new IllegalArgumentException("unknown kind " + code);
    }
}
