// SPDX-License-Identifier: MulanPSL-2.0
package org.dgsubsidy;

/**
 * A guideline (申报指南) that is malformed ({@link #E_GUIDELINE}: bad JSON, an unknown
 * measure or parameter, overlapping dates, …) or that cannot be read ({@link #E_IO}).
 * The message names the source and the line; {@link #line()} gives the line.
 */
public class GuidelineException extends DgsException {
    private static final long serialVersionUID = 1L;

    /** The line of the guideline text, or 0. */
    private final int line;

    /**
     * The error with the library's code, message and line.
     *
     * @param code    E_GUIDELINE or E_IO
     * @param message what is wrong where
     * @param line    the line of the guideline text (1-based), or 0
     * @param cause   the underlying exception (for E_IO), or null
     */
    public GuidelineException(int code, String message, int line, Throwable cause) {
        super(code, message, 0, cause);
        this.line = line;
    }

    /**
     * The line of the guideline text the error is on.
     *
     * @return the line (1-based), or 0 if none applies
     */
    public int line() {
        return line;
    }
}
