// SPDX-License-Identifier: MulanPSL-2.0
package org.dgsubsidy.internal;

import java.nio.charset.StandardCharsets;

/**
 * Strings across the native boundary: Java strings go to C as NUL-terminated
 * UTF-8 byte arrays, C strings come back as UTF-8 byte arrays.  This avoids
 * JNI's "modified UTF-8", in which characters outside the BMP and NUL are
 * encoded differently from the UTF-8 the C library reads and writes.
 */
public final class Utf8 {
    private Utf8() {
    }

    /**
     * The NUL-terminated UTF-8 encoding of {@code s}, or null for null.
     *
     * @throws IllegalArgumentException if {@code s} contains a NUL character,
     *         which C would take for the end of the string
     */
    public static byte[] encode(String s) {
        if (s == null) {
            return null;
        }
        if (s.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("a string passed to libdgsubsidy contains a NUL character");
        }
        byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[utf8.length + 1];
        System.arraycopy(utf8, 0, out, 0, utf8.length);
        return out;
    }

    /** The string of UTF-8 {@code bytes} (malformed sequences become U+FFFD), or null for null. */
    public static String decode(byte[] bytes) {
        return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
    }

    /** As {@link #decode(byte[])} for the bytes before the first NUL. */
    public static String decodeNulTerminated(byte[] bytes) {
        if (bytes == null) {
            return null;
        }
        int n = 0;
        while (n < bytes.length && bytes[n] != 0) {
            n++;
        }
        return new String(bytes, 0, n, StandardCharsets.UTF_8);
    }
}
