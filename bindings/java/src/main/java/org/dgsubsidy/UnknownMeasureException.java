// SPDX-License-Identifier: MulanPSL-2.0
package org.dgsubsidy;

/** No measure has the id asked for ({@code DGS_E_UNKNOWN_MEASURE}). */
public class UnknownMeasureException extends DgsException {
    private static final long serialVersionUID = 1L;

    /**
     * The error with the library's message.
     *
     * @param message what went wrong, naming the culprit
     */
    public UnknownMeasureException(String message) {
        super(E_UNKNOWN_MEASURE, message);
    }
}
