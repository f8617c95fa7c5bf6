// SPDX-License-Identifier: MulanPSL-2.0
package org.dgsubsidy;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Objects;

/**
 * Money as the library counts it: a {@code long} of fen (分, 0.01 yuan), shown as a
 * {@link BigDecimal} of yuan with two decimals.  Never a {@code double}.
 */
public final class Money {
    /** The largest amount: {@code Long.MAX_VALUE} fen, 92233720368547758.07 yuan. */
    public static final BigDecimal MAX_YUAN = BigDecimal.valueOf(Long.MAX_VALUE, 2);

    /**
     * The most digits an amount may be written with, trailing zeros included: the largest
     * amount has 19, so 40 leave room for trailing zeros ({@code 1.5000}) while refusing at
     * once a number too long to be an amount.  For a {@link BigDecimal} the digits are those of
     * its unscaled value ({@code new BigDecimal("1E+3")} has one).
     */
    public static final int MAX_DIGITS = 40;

    /** The bit length of the unscaled value above which it has more than MAX_DIGITS digits. */
    private static final int MAX_BITS = 133; // 2^133 > 10^40

    private Money() {
    }

    /**
     * Yuan to fen, exactly.
     *
     * @param yuan a non-negative amount with at most two decimals after trailing zeros are
     *             dropped ({@code 1.500} is 150 fen; {@code 1.505} is refused, never rounded),
     *             written with at most {@link #MAX_DIGITS} digits
     * @return the amount in fen
     * @throws NullPointerException   if {@code yuan} is null
     * @throws InvalidValueException  {@link DgsException#E_NEGATIVE} for a negative amount,
     *                                {@link DgsException#E_VALUE} for a fraction of a fen or
     *                                more than {@link #MAX_DIGITS} digits
     * @throws OverflowException      above {@link #MAX_YUAN}
     */
    public static long toFen(BigDecimal yuan) {
        return toFen(yuan, "money");
    }

    /**
     * Fen to yuan.
     *
     * @param fen an amount in fen
     * @return the amount in yuan, with scale 2
     */
    public static BigDecimal toYuan(long fen) {
        return BigDecimal.valueOf(fen, 2);
    }

    static long toFen(BigDecimal yuan, String what) {
        Objects.requireNonNull(yuan, "yuan");
        return hundredths(yuan, what, "money", "yuan");
    }

    /**
     * A decimal with at most two decimals, as a count of hundredths (fen, or 0.01 m²).
     *
     * <p>Linear in the size of the number: a value of more than {@link #MAX_DIGITS} digits, or
     * whose scale puts it far outside the range of fen, is refused from its bit length and
     * scale alone, before any arithmetic whose cost grows faster than its length
     * ({@code compareTo} against a value of huge scale, {@code stripTrailingZeros},
     * {@code toString}).
     */
    static long hundredths(BigDecimal value, String what, String noun, String unit) {
        int sign = value.signum();
        if (sign == 0) {
            return 0; // 0, 0.000, -0.00, 0E+1000000: all zero
        }
        BigInteger unscaled = value.unscaledValue();
        if (sign < 0) {
            throw new InvalidValueException(DgsException.E_NEGATIVE,
                    what + ": negative " + noun + " " + show(value) + " is refused");
        }
        if (unscaled.bitLength() > MAX_BITS || value.precision() > MAX_DIGITS) {
            throw new InvalidValueException(DgsException.E_VALUE, what + ": " + show(value) + " has more than "
                    + MAX_DIGITS + " digits; " + unit + " are written with at most " + MAX_DIGITS + " digits");
        }
        // At most MAX_DIGITS digits, so at most MAX_DIGITS - 1 trailing zeros: a scale above
        // MAX_DIGITS + 1 leaves more than two decimals however many of them are zeros.
        int scale = value.scale();
        if (scale > MAX_DIGITS + 1) {
            throw new InvalidValueException(DgsException.E_VALUE,
                    what + ": " + show(value) + " is not " + unit + " with at most two decimals");
        }
        // A non-zero whole number times 10^19 or more is beyond Long.MAX_VALUE hundredths.
        if (scale < -19 || value.compareTo(MAX_YUAN) > 0) {
            throw new OverflowException(what + ": " + show(value) + " " + unit
                    + " is too large (the largest amount is " + MAX_YUAN + ")", 0);
        }
        if (value.stripTrailingZeros().scale() > 2) {
            throw new InvalidValueException(DgsException.E_VALUE,
                    what + ": " + show(value) + " is not " + unit + " with at most two decimals");
        }
        return value.movePointRight(2).longValueExact();
    }

    /** A value for a message, without printing (which is superlinear) a huge one. */
    private static String show(BigDecimal value) {
        int scale = value.scale();
        if (value.unscaledValue().bitLength() > MAX_BITS || scale > 1000 || scale < -1000) {
            return "a number of " + value.unscaledValue().bitLength() + " bits and scale " + scale;
        }
        return Lang.clip(value.toString());
    }
}
