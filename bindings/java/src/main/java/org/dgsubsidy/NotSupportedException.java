// SPDX-License-Identifier: MulanPSL-2.0
package org.dgsubsidy;

/** The operation does not apply, e.g. a list input in a batch ({@code DGS_E_NOT_SUPPORTED}). */
public class NotSupportedException extends DgsException {
    private static final long serialVersionUID = 1L;

    /**
     * The error with the library's message.
     *
     * @param message what went wrong, naming the culprit
     */
    public NotSupportedException(String message) {
        super(E_NOT_SUPPORTED, message);
    }
}
