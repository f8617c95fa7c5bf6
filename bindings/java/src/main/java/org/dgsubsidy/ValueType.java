// SPDX-License-Identifier: MulanPSL-2.0
package org.dgsubsidy;

/** The type of an input, a parameter or a trace step (C's {@code DGS_TYPE_*}). */
public enum ValueType {
    /** Money: a count of fen. */
    MONEY(1, "money"),
    /** An area in hundredths of a square metre. */
    AREA(2, "area"),
    /** Whole units: days, months, persons, years, places. */
    COUNT(3, "count"),
    /** 0 or 1. */
    FLAG(4, "flag"),
    /** One of the input's named choices. */
    CHOICE(5, "choice"),
    /** A list of amounts of money. */
    MONEY_LIST(6, "money_list"),
    /** An exact ratio (parameters and steps only). */
    RATIO(7, "ratio"),
    /** A reading of a disputed clause (parameters only). */
    SWITCH(8, "switch"),
    /** A date (parameters only). */
    DATE(9, "date");

    private final int code;
    private final String label;

    ValueType(int code, String label) {
        this.code = code;
        this.label = label;
    }

    /**
     * The C value.
     *
     * @return the {@code DGS_TYPE_*} number
     */
    public int code() {
        return code;
    }

    /**
     * The library's name of the type.
     *
     * @return e.g. {@code "money_list"}
     */
    public String label() {
        return label;
    }

    /**
     * The type of a C value.
     *
     * @param code a {@code DGS_TYPE_*} number
     * @return the type
     * @throws IllegalArgumentException for an unknown value
     */
    public static ValueType of(int code) {
        for (ValueType t : values()) {
            if (t.code == code) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown value type " + code);
    }
}
