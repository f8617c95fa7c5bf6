// SPDX-License-Identifier: MulanPSL-2.0
package org.dgsubsidy;

/**
 * An error reported by libdgsubsidy: a mistake of the caller (an unknown measure or input, a
 * missing or invalid value, a malformed guideline, an overflow), never an applicant who does
 * not qualify, which is an {@link Outcome}.
 *
 * <p>It carries the C library's status code ({@link #code()}, one of the {@code E_*}
 * constants) and its message, which names the culprit.  The main classes of error have
 * subclasses; anything else (an invalid argument, memory exhausted) is a plain
 * {@code DgsException}.  Unchecked: the caller decides where to handle it.
 */
public class DgsException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** A NULL pointer or an argument out of its domain ({@code DGS_E_INVALID_ARGUMENT}). */
    public static final int E_INVALID_ARGUMENT = -1;
    /** Memory could not be allocated ({@code DGS_E_NOMEM}). */
    public static final int E_NOMEM = -2;
    /** No measure has that id ({@code DGS_E_UNKNOWN_MEASURE}). */
    public static final int E_UNKNOWN_MEASURE = -3;
    /** The measure has no input of that name ({@code DGS_E_UNKNOWN_INPUT}). */
    public static final int E_UNKNOWN_INPUT = -4;
    /** The measure or ruleset has no parameter of that name ({@code DGS_E_UNKNOWN_PARAMETER}). */
    public static final int E_UNKNOWN_PARAMETER = -5;
    /** A value of the wrong type for the input or parameter ({@code DGS_E_TYPE}). */
    public static final int E_TYPE = -6;
    /** A required input, or the date, was not set ({@code DGS_E_MISSING_INPUT}). */
    public static final int E_MISSING_INPUT = -7;
    /** Negative money, area or count ({@code DGS_E_NEGATIVE}). */
    public static final int E_NEGATIVE = -8;
    /** A value or an intermediate result exceeds the int64 range of fen ({@code DGS_E_OVERFLOW}). */
    public static final int E_OVERFLOW = -9;
    /** A malformed or impossible date ({@code DGS_E_DATE}). */
    public static final int E_DATE = -10;
    /** A choice that is not one of the input's choices ({@code DGS_E_CHOICE}). */
    public static final int E_CHOICE = -11;
    /** A value outside its allowed range ({@code DGS_E_RANGE}). */
    public static final int E_RANGE = -12;
    /** A malformed number, e.g. more than two decimals of yuan ({@code DGS_E_VALUE}). */
    public static final int E_VALUE = -13;
    /** A malformed guideline ({@code DGS_E_GUIDELINE}). */
    public static final int E_GUIDELINE = -14;
    /** A file could not be read ({@code DGS_E_IO}). */
    public static final int E_IO = -15;
    /** The operation does not apply, e.g. a list input in a batch ({@code DGS_E_NOT_SUPPORTED}). */
    public static final int E_NOT_SUPPORTED = -16;

    private static final String[] NAMES = {
        "DGS_OK", "DGS_E_INVALID_ARGUMENT", "DGS_E_NOMEM", "DGS_E_UNKNOWN_MEASURE",
        "DGS_E_UNKNOWN_INPUT", "DGS_E_UNKNOWN_PARAMETER", "DGS_E_TYPE", "DGS_E_MISSING_INPUT",
        "DGS_E_NEGATIVE", "DGS_E_OVERFLOW", "DGS_E_DATE", "DGS_E_CHOICE", "DGS_E_RANGE",
        "DGS_E_VALUE", "DGS_E_GUIDELINE", "DGS_E_IO", "DGS_E_NOT_SUPPORTED",
    };

    /** The C status code. */
    private final int code;
    /** For batches, the first row in error; else 0. */
    private final long row;

    /**
     * An error with a C status code and a message.
     *
     * @param code    the negative {@code E_*} code
     * @param message what went wrong, naming the culprit
     */
    public DgsException(int code, String message) {
        this(code, message, 0, null);
    }

    /**
     * An error with a C status code, a message, the row of a batch it concerns and a cause.
     *
     * @param code    the negative {@code E_*} code
     * @param message what went wrong, naming the culprit
     * @param row     for batches, the first row in error; else 0
     * @param cause   the underlying exception, or null
     */
    public DgsException(int code, String message, long row, Throwable cause) {
        super(message, cause);
        this.code = code;
        this.row = row;
    }

    /**
     * The exception of the class that matches a C status code.
     *
     * @param code    the negative {@code E_*} code
     * @param message the C message
     * @param reason  the C error's reason (for guidelines, the line; else 0)
     * @param row     the C error's row (for batches, the first row in error; else 0)
     * @return an exception of the subclass for {@code code}
     */
    public static DgsException of(int code, String message, int reason, long row) {
        switch (code) {
            case E_UNKNOWN_MEASURE:
                return new UnknownMeasureException(message);
            case E_UNKNOWN_INPUT:
                return new UnknownInputException(message);
            case E_UNKNOWN_PARAMETER:
                return new UnknownParameterException(message);
            case E_MISSING_INPUT:
                return new MissingInputException(message, row);
            case E_TYPE:
            case E_NEGATIVE:
            case E_DATE:
            case E_CHOICE:
            case E_RANGE:
            case E_VALUE:
                return new InvalidValueException(code, message, row);
            case E_OVERFLOW:
                return new OverflowException(message, row);
            case E_GUIDELINE:
            case E_IO:
                return new GuidelineException(code, message, reason, null);
            case E_NOT_SUPPORTED:
                return new NotSupportedException(message);
            default:
                return new DgsException(code, message, row, null);
        }
    }

    /**
     * The C status code, one of the {@code E_*} constants.
     *
     * @return the code
     */
    public int code() {
        return code;
    }

    /**
     * The symbolic name of the code, as C's {@code dgs_status_name}.
     *
     * @return e.g. {@code "DGS_E_OVERFLOW"}, or {@code "DGS_E_UNKNOWN"}
     */
    public String statusName() {
        return statusName(code);
    }

    /**
     * The symbolic name of a status code.
     *
     * @param code a status code
     * @return e.g. {@code "DGS_E_OVERFLOW"}, or {@code "DGS_E_UNKNOWN"}
     */
    public static String statusName(int code) {
        return code > 0 || -code >= NAMES.length ? "DGS_E_UNKNOWN" : NAMES[-code];
    }

    /**
     * For an error of a batch, the first row in error.
     *
     * @return the row index, or 0
     */
    public long row() {
        return row;
    }
}
