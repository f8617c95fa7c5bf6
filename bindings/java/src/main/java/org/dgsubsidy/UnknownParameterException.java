// SPDX-License-Identifier: MulanPSL-2.0
package org.dgsubsidy;

/** The measure, or the ruleset, has no parameter of the name given ({@code DGS_E_UNKNOWN_PARAMETER}). */
public class UnknownParameterException extends DgsException {
    private static final long serialVersionUID = 1L;

    /**
     * The error with the library's message.
     *
     * @param message what went wrong, naming the culprit
     */
    public UnknownParameterException(String message) {
        super(E_UNKNOWN_PARAMETER, message);
    }
}
