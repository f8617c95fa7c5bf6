// SPDX-License-Identifier: MulanPSL-2.0
package org.dgsubsidy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Money is exact: fen in, fen out, never a double. */
class MoneyTest {
    static Ruleset rs;

    @BeforeAll
    static void open() {
        rs = Ruleset.builtin();
    }

    @AfterAll
    static void close() {
        rs.close();
    }

    /** A1.04.a grants 50% of the contract amount, floored to the fen. */
    private static Result half(BigDecimal yuan) {
        return rs.newCase("A1.04.a").date(TestSupport.IN_FORCE).money("contract_amount", yuan).evaluate();
    }

    @Test
    void zero() {
        assertEquals(0, Money.toFen(BigDecimal.ZERO));
        assertEquals(0, Money.toFen(new BigDecimal("0.000")));
        assertEquals(0, Money.toFen(new BigDecimal("0E-1000")));
        assertEquals(0, Money.toFen(new BigDecimal("-0.00")));
        Result r = half(BigDecimal.ZERO);
        assertEquals(new BigDecimal("0.00"), r.award());
        assertEquals(0, r.awardFen());
        assertEquals(2, r.award().scale());
    }

    @Test
    void oneFen() {
        assertEquals(1, Money.toFen(new BigDecimal("0.01")));
        assertEquals(new BigDecimal("0.01"), Money.toYuan(1));
        assertEquals(0, half(new BigDecimal("0.01")).awardFen(), "50% of one fen floors to 0");
        assertEquals(1, half(new BigDecimal("0.02")).awardFen());
        assertEquals(new BigDecimal("0.01"), half(new BigDecimal("0.03")).award());
    }

    @Test
    void largestAmount() {
        assertEquals(Long.MAX_VALUE, Money.toFen(Money.MAX_YUAN));
        assertEquals(new BigDecimal("92233720368547758.07"), Money.MAX_YUAN);
        assertEquals(Money.MAX_YUAN, Money.toYuan(Long.MAX_VALUE));
        // Long.MAX_VALUE fen is accepted as an input; 50% of it is exact
        Result r = half(Money.MAX_YUAN);
        assertEquals(Long.MAX_VALUE / 2, r.awardFen());
        assertEquals(new BigDecimal("46116860184273879.03"), r.award());
        Result f = rs.newCase("A1.04.a").date(TestSupport.IN_FORCE).moneyFen("contract_amount", Long.MAX_VALUE).evaluate();
        assertEquals(r.awardFen(), f.awardFen());
        // one fen more is refused, never wrapped
        assertThrows(OverflowException.class, () -> Money.toFen(new BigDecimal("92233720368547758.08")));
        assertThrows(OverflowException.class, () -> Money.toFen(new BigDecimal("1E+30")));
        assertThrows(OverflowException.class, () -> Money.toFen(new BigDecimal("1E+2147483647")));
    }

    @Test
    void negative() {
        InvalidValueException e = assertThrows(InvalidValueException.class, () -> Money.toFen(new BigDecimal("-0.01")));
        assertEquals(DgsException.E_NEGATIVE, e.code());
        assertThrows(InvalidValueException.class, () -> half(new BigDecimal("-1")));
        assertThrows(InvalidValueException.class,
                () -> rs.newCase("A1.04.a").moneyFen("contract_amount", Long.MIN_VALUE));
        assertEquals(DgsException.E_NEGATIVE, assertThrows(InvalidValueException.class,
                () -> Budget.allocate(new BigDecimal("-1"), java.util.List.of(), Allocation.PRO_RATA)).code());
    }

    @Test
    void scaleAboveTwo() {
        InvalidValueException e = assertThrows(InvalidValueException.class, () -> Money.toFen(new BigDecimal("0.001")));
        assertEquals(DgsException.E_VALUE, e.code());
        assertThrows(InvalidValueException.class, () -> Money.toFen(new BigDecimal("1.005")));
        assertThrows(InvalidValueException.class, () -> Money.toFen(new BigDecimal("1E-1000000000")));
        assertThrows(InvalidValueException.class, () -> half(new BigDecimal("33333.333")));
        assertThrows(InvalidValueException.class,
                () -> rs.newCase("A4.02.1.a").area("booth_area", new BigDecimal("18.001")));
        // trailing zeros are not a fraction of a fen
        assertEquals(150, Money.toFen(new BigDecimal("1.500")));
        assertEquals(150, Money.toFen(new BigDecimal("1.50000000000000000000")));
        assertEquals(100_000, Money.toFen(new BigDecimal("1E+3")));
        assertEquals(half(new BigDecimal("1.500")).awardFen(), half(new BigDecimal("1.5")).awardFen());
    }

    @Test
    void yuanKeepTwoDecimals() {
        assertEquals("1400000.00", Money.toYuan(140_000_000L).toPlainString());
        assertEquals("-0.01", Money.toYuan(-1).toPlainString());
        assertEquals(new BigDecimal("166.66"), half(new BigDecimal("333.33")).award());
    }

    @Test
    void areasAreHundredthsOfASquareMetre() {
        Result r = rs.newCase("A4.02.1.a").date(TestSupport.IN_FORCE)
                .area("booth_area", new BigDecimal("17.99")).money("build_cost", new BigDecimal("40000")).evaluate();
        assertEquals(Outcome.INELIGIBLE, r.outcome());
        Result ok = rs.newCase("A4.02.1.a").date(TestSupport.IN_FORCE)
                .area("booth_area", new BigDecimal("18.00")).money("build_cost", new BigDecimal("40000")).evaluate();
        assertEquals(Outcome.GRANTED, ok.outcome());
        assertEquals(DgsException.E_NEGATIVE, assertThrows(InvalidValueException.class,
                () -> rs.newCase("A4.02.1.a").area("booth_area", new BigDecimal("-18"))).code());
    }

    /** A number of about a million digits, made without parsing (which is itself slow). */
    private static final BigInteger MEGA = BigInteger.ONE.shiftLeft(3_321_929); // ≈ 10^1,000,000

    /** The median time of five calls, in milliseconds; each must throw {@code type}. */
    private static <T extends Throwable> double medianMillis(Class<T> type, org.junit.jupiter.api.function.Executable call) {
        long[] t = new long[5];
        for (int i = 0; i < t.length; i++) {
            long start = System.nanoTime();
            assertThrows(type, call);
            t[i] = System.nanoTime() - start;
        }
        Arrays.sort(t);
        return t[2] / 1e6;
    }

    @Test
    void megabyteLongNumbersAreRefusedAtOnce() {
        // A million digits: before, stripTrailingZeros took 27 s on a fifth of this.
        BigDecimal[] longOnes = {
            new BigDecimal(MEGA, 2),                        // a million digits, two decimals
            new BigDecimal(MEGA, 1_000_000),                // about 1, written with a million decimals
            new BigDecimal(MEGA.multiply(BigInteger.TEN), 1_000_001), // the same with a trailing zero more
            new BigDecimal(MEGA, -5),                       // a million digits and five zeros
            // 1.000…0 with 200,000 zeros: the value that held a request thread (15 s here) in
            // stripTrailingZeros, which divides by ten once per trailing zero
            new BigDecimal(BigInteger.TEN.pow(200_000), 200_000),
        };
        for (BigDecimal v : longOnes) {
            assertTrue(medianMillis(InvalidValueException.class, () -> Money.toFen(v)) < 50, "slow: " + v.scale());
            InvalidValueException e = assertThrows(InvalidValueException.class, () -> Money.toFen(v));
            assertEquals(DgsException.E_VALUE, e.code());
            assertTrue(e.getMessage().contains("more than 40 digits"), e.getMessage());
            assertTrue(e.getMessage().length() < 300, "the message does not print the number");
        }
        BigDecimal negative = new BigDecimal(MEGA.negate(), 2);
        assertTrue(medianMillis(InvalidValueException.class, () -> Money.toFen(negative)) < 50);
        assertEquals(DgsException.E_NEGATIVE, assertThrows(InvalidValueException.class, () -> Money.toFen(negative)).code());
        assertTrue(assertThrows(InvalidValueException.class, () -> Money.toFen(negative)).getMessage().length() < 300);
        // every setter and function that takes a BigDecimal goes through the same check
        BigDecimal v = longOnes[0];
        assertTrue(medianMillis(InvalidValueException.class, () -> half(v)) < 50);
        assertTrue(medianMillis(InvalidValueException.class,
                () -> rs.newCase("A4.02.1.a").area("booth_area", v)) < 50);
        assertTrue(medianMillis(InvalidValueException.class,
                () -> Budget.allocate(v, List.of(BigDecimal.ONE), Allocation.PRO_RATA)) < 50);
        assertTrue(medianMillis(InvalidValueException.class,
                () -> Budget.allocate(BigDecimal.ONE, List.of(v), Allocation.PRO_RATA)) < 50);
    }

    @Test
    void hugeScalesAreRefusedAtOnce() {
        BigDecimal tiny = new BigDecimal("1e-1000000");
        assertTrue(medianMillis(InvalidValueException.class, () -> Money.toFen(tiny)) < 50);
        assertEquals(DgsException.E_VALUE, assertThrows(InvalidValueException.class, () -> Money.toFen(tiny)).code());
        BigDecimal huge = new BigDecimal("1e+1000000");
        assertTrue(medianMillis(OverflowException.class, () -> Money.toFen(huge)) < 50);
        BigDecimal tinyest = new BigDecimal(BigInteger.ONE, Integer.MAX_VALUE);
        assertTrue(medianMillis(InvalidValueException.class, () -> Money.toFen(tinyest)) < 50);
        BigDecimal largest = new BigDecimal(BigInteger.ONE, Integer.MIN_VALUE);
        assertTrue(medianMillis(OverflowException.class, () -> Money.toFen(largest)) < 50);
    }

    @Test
    void megabyteLongNumbersAsTextAreRefusedAtOnce() {
        // Text goes to the library's own parser, which stops at the first bad or excess digit.
        String digits = "9".repeat(1 << 20);
        Case c = rs.newCase("A1.04.a").date(TestSupport.IN_FORCE);
        assertTrue(medianMillis(OverflowException.class, () -> c.text("contract_amount", digits).evaluate()) < 200);
        String decimals = "1." + "0".repeat(1 << 20) + "1";
        assertTrue(medianMillis(InvalidValueException.class, () -> c.text("contract_amount", decimals).evaluate()) < 200);
        assertTrue(medianMillis(InvalidValueException.class, () -> rs.withParameter("A1.04.a", "ratio", decimals)) < 200);
    }

    @Test
    void theDigitLimitIsExact() {
        // 40 digits, trailing zeros included, are accepted; 41 are refused whatever the value
        BigDecimal forty = new BigDecimal("1.5" + "0".repeat(38));
        assertEquals(40, forty.precision());
        assertEquals(150, Money.toFen(forty));
        BigDecimal fortyOne = new BigDecimal("1.5" + "0".repeat(39));
        assertEquals(DgsException.E_VALUE, assertThrows(InvalidValueException.class, () -> Money.toFen(fortyOne)).code());
        // 40 digits and scale 41: 0.01 written with 39 trailing zeros is one fen
        BigDecimal oneFen = new BigDecimal(BigInteger.TEN.pow(39), 41);
        assertEquals(1, Money.toFen(oneFen));
        // scale 42 with 40 digits leaves a third decimal: refused, never rounded
        assertEquals(DgsException.E_VALUE, assertThrows(InvalidValueException.class,
                () -> Money.toFen(new BigDecimal(BigInteger.TEN.pow(39), 42))).code());
        // the largest amount has 19 digits
        assertEquals(Long.MAX_VALUE, Money.toFen(new BigDecimal("92233720368547758.070000")));
    }

    @Test
    void moreThanTwoDecimalsAreRefusedOnEveryPathNeverRounded() {
        BigDecimal third = new BigDecimal("100.005");
        assertEquals(DgsException.E_VALUE, assertThrows(InvalidValueException.class, () -> half(third)).code());
        assertEquals(DgsException.E_VALUE, assertThrows(InvalidValueException.class,
                () -> rs.newCase("A4.04.b").list("travel_costs", List.of(BigDecimal.ONE, third))).code());
        assertEquals(DgsException.E_VALUE, assertThrows(InvalidValueException.class,
                () -> Budget.allocate(third, List.of(BigDecimal.ONE), Allocation.PRO_RATA)).code());
        assertEquals(DgsException.E_VALUE, assertThrows(InvalidValueException.class,
                () -> Budget.allocate(BigDecimal.TEN, List.of(third), Allocation.FIRST_COME)).code());
        Result r = half(new BigDecimal("100"));
        assertEquals(DgsException.E_VALUE, assertThrows(InvalidValueException.class,
                () -> rs.stack(List.of(r), List.of(third))).code());
        // as text, the library refuses it too
        assertEquals(DgsException.E_VALUE, assertThrows(InvalidValueException.class,
                () -> rs.newCase("A1.04.a").date(TestSupport.IN_FORCE).text("contract_amount", "100.005").evaluate()).code());
    }

    @Test
    void negativeZeroIsZero() {
        assertEquals(0, Money.toFen(new BigDecimal("-0")));
        assertEquals(0, Money.toFen(new BigDecimal("-0E+5")));
        assertEquals(0, Money.toFen(BigDecimal.valueOf(-0.0)));
        assertEquals(half(BigDecimal.ZERO), half(new BigDecimal("-0.00")));
        Result text = rs.newCase("A1.04.a").date(TestSupport.IN_FORCE).text("contract_amount", "0").evaluate();
        assertEquals(half(BigDecimal.ZERO), text);
    }
}
