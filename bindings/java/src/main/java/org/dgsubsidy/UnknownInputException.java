// SPDX-License-Identifier: MulanPSL-2.0
package org.dgsubsidy;

/** The measure has no input of the name given ({@code DGS_E_UNKNOWN_INPUT}); the message lists its inputs. */
public class UnknownInputException extends DgsException {
    private static final long serialVersionUID = 1L;

    /**
     * The error with the library's message.
     *
     * @param message what went wrong, naming the culprit
     */
    public UnknownInputException(String message) {
        super(E_UNKNOWN_INPUT, message);
    }
}
