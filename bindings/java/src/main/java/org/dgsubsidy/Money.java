package org.dgsubsidy;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * Money as the library counts it: a {@code long} of fen (分, 0.01 yuan), shown as a
 * {@link BigDecimal} of yuan with two decimals.  Never a {@code double}.
 */
public final class Money {
    /** The largest amount: {@code Long.MAX_VALUE} fen, 92233720368547758.07 yuan. */
    public static final BigDecimal MAX_YUAN = BigDecimal.valueOf(Long.MAX_VALUE, 2);

    private Money() {
    }

    /**
     * Yuan to fen, exactly.
     *
     * @param yuan a non-negative amount with at most two decimals after trailing zeros are
     *             dropped ({@code 1.500} is 150 fen; {@code 1.505} is refused)
     * @return the amount in fen
     * @throws NullPointerException   if {@code yuan} is null
     * @throws InvalidValueException  {@link DgsException#E_NEGATIVE} for a negative amount,
     *                                {@link DgsException#E_VALUE} for a fraction of a fen
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

    /** A decimal with at most two decimals, as a count of hundredths (fen, or 0.01 m²). */
    static long hundredths(BigDecimal value, String what, String noun, String unit) {
        if (value.signum() < 0) {
            throw new InvalidValueException(DgsException.E_NEGATIVE,
                    what + ": negative " + noun + " " + Lang.clip(value.toString()) + " is refused");
        }
        if (value.compareTo(MAX_YUAN) > 0) {
            throw new OverflowException(what + ": " + Lang.clip(value.toString()) + " " + unit
                    + " is too large (the largest amount is " + MAX_YUAN + ")", 0);
        }
        if (value.signum() != 0 && value.stripTrailingZeros().scale() > 2) {
            throw new InvalidValueException(DgsException.E_VALUE,
                    what + ": " + Lang.clip(value.toString()) + " is not " + unit + " with at most two decimals");
        }
        return value.movePointRight(2).longValueExact();
    }
}
