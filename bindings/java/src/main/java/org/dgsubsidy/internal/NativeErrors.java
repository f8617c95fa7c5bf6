// SPDX-License-Identifier: MulanPSL-2.0
package org.dgsubsidy.internal;

import org.dgsubsidy.DgsException;

/**
 * Called from the JNI wrapper when a C function reports an error: builds the
 * exception the wrapper then throws in the same native call.
 */
public final class NativeErrors {
    private NativeErrors() {
    }

    /**
     * The exception for a C error.
     *
     * @param code    the negative DGS_E_* code
     * @param reason  the dgs_error's reason (for guidelines: the line)
     * @param row     the dgs_error's row (for batches: the first row in error)
     * @param message the C message, UTF-8
     * @return the exception to throw (never null)
     */
    public static RuntimeException create(int code, int reason, long row, byte[] message) {
        return DgsException.of(code, Utf8.decode(message), reason, row);
    }
}
