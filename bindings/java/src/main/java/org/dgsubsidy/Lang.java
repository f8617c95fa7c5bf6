// SPDX-License-Identifier: MulanPSL-2.0
package org.dgsubsidy;

import java.util.Locale;
import java.util.Objects;

/** The library's two languages: Chinese for a Chinese locale, English for any other. */
final class Lang {
    static final int ZH = 0;
    static final int EN = 1;

    private Lang() {
    }

    static int of(Locale locale) {
        Objects.requireNonNull(locale, "locale");
        return "zh".equals(locale.getLanguage()) ? ZH : EN;
    }

    /** A string for a message: at most 64 characters, as the C library prints names. */
    static String clip(String s) {
        if (s.length() <= 64) {
            return s;
        }
        int end = Character.isHighSurrogate(s.charAt(63)) ? 63 : 64;
        return s.substring(0, end) + "…";
    }

    static String pick(Locale locale, String zh, String en) {
        return of(locale) == ZH ? zh : en;
    }
}
