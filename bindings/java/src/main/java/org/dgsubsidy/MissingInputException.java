// SPDX-License-Identifier: MulanPSL-2.0
package org.dgsubsidy;

/**
 * A required input, or the date of the qualifying event, was not set
 * ({@code DGS_E_MISSING_INPUT}); the message names it.
 */
public class MissingInputException extends DgsException {
    private static final long serialVersionUID = 1L;

    /**
     * The error with the library's message.
     *
     * @param message what is missing
     * @param row     for batches, the first row in error; else 0
     */
    public MissingInputException(String message, long row) {
        super(E_MISSING_INPUT, message, row, null);
    }
}
