// SPDX-License-Identifier: MulanPSL-2.0
package org.dgsubsidy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.time.LocalDate;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * For every formula measure: 10,000 random rows evaluated as one batch give, row by row, the
 * outcome and award of evaluating each row as a case.  Invalid rows (here: amounts so large the
 * arithmetic overflows) are invalid both ways.
 */
class BatchEqualsScalarTest {
    static final int ROWS = 10_000;
    static Ruleset rs;
    static final java.util.concurrent.atomic.AtomicInteger INVALID = new java.util.concurrent.atomic.AtomicInteger();

    @BeforeAll
    static void open() {
        rs = Ruleset.builtin();
    }

    @AfterAll
    static void close() {
        rs.close();
        // the random values reach the overflow path of some measures
        assertTrue(INVALID.get() > 0, "no row overflowed");
        System.out.println("batch = scalar: " + INVALID.get() + " rows overflowed both ways");
    }

    /**
     * Inputs left out of the random rows: the other form of a figure (A1.10.a's two yearly totals
     * instead of new_purchases) and the amount granted in the period another reading uses
     * (A1.11.a's granted_this_year) or by another reading only (A4.02.1.a's booth_fee); giving
     * them where the reading in force does not read them is an error, tested on its own.
     */
    static boolean leftOut(Measure m, Measure.Input in) {
        return (m.id().equals("A1.10.a") && in.name().startsWith("purchases_"))
                || (m.id().equals("A1.11.a") && in.name().equals("granted_this_year"))
                || (m.id().equals("A4.02.1.a") && (in.name().equals("booth_fee") || in.name().equals("other_fiscal_support")));
    }

    /** Optional inputs always given: the form of the figure the random rows use. */
    static boolean alwaysGiven(Measure m, Measure.Input in) {
        return m.id().equals("A1.10.a") && in.name().equals("new_purchases");
    }

    static List<Measure> formulas(Ruleset rs) {
        return rs.measures().stream().filter(m -> m.kind() == Kind.FORMULA).collect(Collectors.toList());
    }

    @TestFactory
    Stream<DynamicTest> batchEqualsScalar() {
        List<Measure> ms = formulas(rs);
        assertTrue(ms.size() >= 20, "formula measures: " + ms.size());
        return ms.stream().map(m -> DynamicTest.dynamicTest(m.id(), () -> check(m)));
    }

    /** A random value for an input: mostly plausible amounts, some edges, a few huge. */
    static long value(Measure.Input in, SplittableRandom rnd) {
        switch (in.type()) {
            case FLAG:
                return rnd.nextInt(2);
            case CHOICE:
                return rnd.nextInt(in.choices().size());
            case COUNT:
                return rnd.nextInt(10) == 0 ? rnd.nextLong(0, 1_000_000) : rnd.nextLong(0, 40);
            case AREA:
                return rnd.nextInt(20) == 0 ? rnd.nextLong(0, 100) : rnd.nextLong(0, 20_000_000);
            default: // money, fen
                int k = rnd.nextInt(100);
                if (k < 5) {
                    return 0;
                }
                if (k < 10) {
                    return rnd.nextLong(0, 100);
                }
                if (k < 12) {
                    return rnd.nextLong(Long.MAX_VALUE / 4, Long.MAX_VALUE); // overflow territory
                }
                if (k < 40) {
                    return rnd.nextLong(0, 10_000_000_000L / rnd.nextLong(1, 1000)); // up to 1亿 yuan
                }
                return rnd.nextLong(0, 100_000_000_000L); // up to 10亿 yuan
        }
    }

    static void check(Measure m) {
        boolean hasList = m.inputs().stream().anyMatch(in -> in.type() == ValueType.MONEY_LIST);
        if (hasList) {
            Measure.Input list = m.inputs().stream().filter(in -> in.type() == ValueType.MONEY_LIST).findFirst().orElseThrow();
            assertThrows(NotSupportedException.class,
                    () -> m.batch(TestSupport.IN_FORCE).column(list.name(), new long[1]).run());
            return;
        }
        SplittableRandom rnd = new SplittableRandom(m.id().hashCode());
        List<Measure.Input> inputs = m.inputs();
        long[][] cols = new long[inputs.size()][ROWS];
        boolean[][] present = new boolean[inputs.size()][ROWS];
        for (int k = 0; k < inputs.size(); k++) {
            Measure.Input in = inputs.get(k);
            for (int i = 0; i < ROWS; i++) {
                cols[k][i] = value(in, rnd);
                present[k][i] = !leftOut(m, in)
                        && (in.required() || alwaysGiven(m, in) || rnd.nextInt(3) != 0); // optional inputs are often absent
            }
        }
        LocalDate date = TestSupport.IN_FORCE;
        Batch b = m.batch(date).rows(ROWS);
        for (int k = 0; k < inputs.size(); k++) {
            b.column(inputs.get(k).name(), cols[k], present[k]);
        }
        BatchResult batch = b.run();
        assertEquals(ROWS, batch.size());

        int invalid = 0;
        for (int i = 0; i < ROWS; i++) {
            Case c = m.newCase().date(date);
            for (int k = 0; k < inputs.size(); k++) {
                if (!present[k][i]) {
                    continue;
                }
                Measure.Input in = inputs.get(k);
                switch (in.type()) {
                    case MONEY:
                        c.moneyFen(in.name(), cols[k][i]);
                        break;
                    case FLAG:
                        c.flag(in.name(), cols[k][i] == 1);
                        break;
                    case CHOICE:
                        c.choice(in.name(), in.choices().get((int) cols[k][i]));
                        break;
                    default:
                        c.text(in.name(), in.type() == ValueType.AREA
                                ? java.math.BigDecimal.valueOf(cols[k][i], 2).toPlainString() : Long.toString(cols[k][i]));
                }
            }
            String row = m.id() + " row " + i + ": " + c;
            Result r;
            try {
                r = c.evaluate();
            } catch (OverflowException e) {
                assertEquals(Outcome.INVALID, batch.outcome(i), row + " overflows as a case: " + e.getMessage());
                assertEquals(0, batch.award(i).signum(), row);
                invalid++;
                continue;
            }
            if (batch.outcome(i) != r.outcome() || !batch.award(i).equals(r.award())) {
                fail(row + ": batch gives " + batch.outcome(i) + " " + batch.award(i) + ", the case gives " + r);
            }
            // The binding constraint of the batch is the one the case names.
            assertEquals(r.binding(), batch.binding(i), row);
            if (r.outcome() == Outcome.GRANTED) {
                assertEquals("none", batch.reason(i), row);
            }
        }
        assertEquals(invalid, batch.invalidRows(), m.id());
        INVALID.addAndGet(invalid);
        if (invalid > 0) {
            assertEquals(DgsException.E_OVERFLOW, batch.firstError().orElseThrow().code());
        } else {
            assertTrue(batch.firstError().isEmpty());
        }
    }
}
