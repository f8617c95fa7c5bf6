// SPDX-License-Identifier: MulanPSL-2.0
package org.dgsubsidy;

/**
 * A value or an intermediate amount exceeds what a signed 64-bit count of fen holds
 * ({@code DGS_E_OVERFLOW}): the library never wraps around.
 */
public class OverflowException extends DgsException {
    private static final long serialVersionUID = 1L;

    /**
     * The error with the library's message.
     *
     * @param message which value or step overflows
     * @param row     for batches, the first row in error; else 0
     */
    public OverflowException(String message, long row) {
        super(E_OVERFLOW, message, row, null);
    }
}
