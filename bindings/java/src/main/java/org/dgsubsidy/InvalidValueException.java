// SPDX-License-Identifier: MulanPSL-2.0
package org.dgsubsidy;

/**
 * A value the library refuses: of the wrong type ({@link #E_TYPE}), negative
 * ({@link #E_NEGATIVE}), a malformed date ({@link #E_DATE}), an unknown choice
 * ({@link #E_CHOICE}), out of range ({@link #E_RANGE}) or a malformed number such as yuan
 * with more than two decimals ({@link #E_VALUE}).  {@link #code()} tells which.
 */
public class InvalidValueException extends DgsException {
    private static final long serialVersionUID = 1L;

    /**
     * The error with the library's code and message.
     *
     * @param code    one of E_TYPE, E_NEGATIVE, E_DATE, E_CHOICE, E_RANGE, E_VALUE
     * @param message what is wrong with which value
     * @param row     for batches, the first row in error; else 0
     */
    public InvalidValueException(int code, String message, long row) {
        super(code, message, row, null);
    }

    /**
     * The error with the library's code and message.
     *
     * @param code    one of E_TYPE, E_NEGATIVE, E_DATE, E_CHOICE, E_RANGE, E_VALUE
     * @param message what is wrong with which value
     */
    public InvalidValueException(int code, String message) {
        this(code, message, 0);
    }
}
