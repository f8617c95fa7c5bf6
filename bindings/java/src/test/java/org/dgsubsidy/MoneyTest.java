package org.dgsubsidy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;

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
}
