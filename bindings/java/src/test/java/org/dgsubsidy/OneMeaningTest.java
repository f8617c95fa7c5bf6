// SPDX-License-Identifier: MulanPSL-2.0
package org.dgsubsidy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * One meaning of a number on every path: a {@code long} that stands for money is fen, for an
 * area hundredths of a square metre; a {@link BigDecimal} or a text is yuan or m².  Each method
 * that takes a number is checked against another path for the same amount.
 */
class OneMeaningTest {
    static Ruleset rs;

    @BeforeAll
    static void open() {
        rs = Ruleset.builtin();
    }

    @AfterAll
    static void close() {
        rs.close();
    }

    /**
     * Every public method that takes a long says what it is.  A method added later with a long
     * must be named …Fen or be added here with its meaning, after checking it below.
     */
    @Test
    void everyLongParameterHasOneStatedMeaning() {
        Set<String> expected = Set.of(
                "Case.moneyFen(String,long)",            // fen
                "Case.listFen(String,long[])",           // fen
                "Case.count(String,long)",               // a count: days, persons, places
                "Batch.column(String,long[])",           // base units: fen, 0.01 m², counts, 0/1, choice index
                "Batch.column(String,long[],boolean[])", // the same
                "Builder.column(String,long[])",         // Population's: base units, as Batch.column
                "Builder.column(String,long[],boolean[])", // the same
                "Budget.allocateFen(long,long[],Allocation)", // fen
                "Ruleset.stack(List,long[])",            // fen (the parameter alreadyGrantedFen)
                "Money.toYuan(long)");                   // fen
        Set<String> found = new TreeSet<>();
        List<Class<?>> types = new ArrayList<>();
        for (Class<?> c : new Class<?>[] {Case.class, Batch.class, BatchResult.class, Budget.class, Ruleset.class,
                Measure.class, Result.class, Money.class, Stacking.class, Population.class, Comparison.class}) {
            types.add(c);
            for (Class<?> n : c.getDeclaredClasses()) {
                if (Modifier.isPublic(n.getModifiers())) {
                    types.add(n);
                }
            }
        }
        for (Class<?> c : types) {
            for (Method m : c.getDeclaredMethods()) {
                if (!Modifier.isPublic(m.getModifiers())) {
                    continue;
                }
                boolean takesLong = false;
                List<String> ps = new ArrayList<>();
                for (Class<?> p : m.getParameterTypes()) {
                    takesLong |= p == long.class || p == long[].class;
                    ps.add(p.getSimpleName());
                }
                if (takesLong) {
                    String sig = c.getSimpleName() + "." + m.getName() + "(" + String.join(",", ps) + ")";
                    assertTrue(expected.contains(sig) || m.getName().endsWith("Fen"),
                            sig + " takes a long without saying its unit");
                    found.add(sig);
                }
            }
        }
        assertTrue(found.containsAll(expected), found.toString());
    }

    @Test
    void moneyInFenAndInYuanAgree() {
        Case fen = rs.newCase("A1.07.a").date(TestSupport.IN_FORCE).moneyFen("financed_amount", 2_800_000_000L)
                .moneyFen("interest_paid", 150_000_000L);
        Case yuan = rs.newCase("A1.07.a").date(TestSupport.IN_FORCE).money("financed_amount", new BigDecimal("28000000"))
                .money("interest_paid", new BigDecimal("1500000"));
        Case text = rs.newCase("A1.07.a").date(TestSupport.IN_FORCE).text("financed_amount", "28000000")
                .text("interest_paid", "1500000.00");
        Result r = yuan.evaluate();
        assertEquals(new BigDecimal("1400000.00"), r.award());
        assertEquals(r, fen.evaluate());
        assertEquals(r, text.evaluate());
        // the case shows what it holds in yuan, as it is written, not in fen
        assertTrue(fen.toString().contains("financed_amount=28000000.00"), fen.toString());
        assertEquals(fen.toString(), yuan.toString());

        BatchResult batch = rs.measure("A1.07.a").batch(TestSupport.IN_FORCE)
                .column("financed_amount", new long[] {2_800_000_000L}).column("interest_paid", new long[] {150_000_000L})
                .run();
        assertEquals(r.award(), batch.award(0));
        assertEquals(r.awardFen(), batch.awardFen(0));
    }

    @Test
    void areasInHundredthsAndInSquareMetresAgree() {
        // A4.02.1.a: a booth of 36.5 m² at 40,000 yuan of build cost
        Case m2 = rs.newCase("A4.02.1.a").date(TestSupport.IN_FORCE).area("booth_area", new BigDecimal("36.5"))
                .money("build_cost", new BigDecimal("40000"));
        Case text = rs.newCase("A4.02.1.a").date(TestSupport.IN_FORCE).text("booth_area", "36.50")
                .text("build_cost", "40000");
        Result r = m2.evaluate();
        assertEquals(r, text.evaluate());
        assertTrue(m2.toString().contains("booth_area=36.50"), m2.toString());
        BatchResult batch = rs.measure("A4.02.1.a").batch(TestSupport.IN_FORCE)
                .column("booth_area", new long[] {3650}).column("build_cost", new long[] {4_000_000L}).run();
        assertEquals(r.outcome(), batch.outcome(0));
        assertEquals(r.award(), batch.award(0));
    }

    @Test
    void listsBudgetsAndStackingAgreeInFenAndYuan() {
        Result list = rs.newCase("A4.04.b").date(TestSupport.IN_FORCE)
                .list("travel_costs", List.of(new BigDecimal("8000"), new BigDecimal("7000.50"))).evaluate();
        Result listFen = rs.newCase("A4.04.b").date(TestSupport.IN_FORCE).listFen("travel_costs", 800_000, 700_050).evaluate();
        assertEquals(list, listFen);

        List<BigDecimal> shares = Budget.allocate(new BigDecimal("100.00"),
                List.of(new BigDecimal("100"), new BigDecimal("50")), Allocation.PRO_RATA);
        long[] sharesFen = Budget.allocateFen(10_000, new long[] {10_000, 5_000}, Allocation.PRO_RATA);
        assertEquals(List.of(Money.toYuan(sharesFen[0]), Money.toYuan(sharesFen[1])), shares);
        assertEquals(List.of(new BigDecimal("66.67"), new BigDecimal("33.33")), shares);

        Result small = rs.newCase("A1.07.a").date(TestSupport.IN_FORCE).money("financed_amount", new BigDecimal("10000000"))
                .money("interest_paid", new BigDecimal("400000")).evaluate();
        Stacking yuan = rs.stack(List.of(small), List.of(new BigDecimal("100000.50")));
        Stacking fen = rs.stack(List.of(small), new long[] {10_000_050});
        assertEquals(yuan.totalFen(), fen.totalFen());
        assertEquals(yuan.entries().get(0).paid(), fen.entries().get(0).paid());
    }

    @Test
    void aNumberThatIsNotMoneyHasNoFen() {
        Result quota = rs.newCase("A1.16.a").date(TestSupport.IN_FORCE).count("base_quota", 3).evaluate();
        assertEquals("places", quota.unit());
        assertEquals(new BigDecimal("6"), quota.award());
        assertThrows(IllegalStateException.class, quota::awardFen);
        assertEquals(quota, rs.newCase("A1.16.a").date(TestSupport.IN_FORCE).text("base_quota", "3").evaluate());
    }

    @Test
    void aClosedRulesetNeverRendersAndSaysWhy() {
        Ruleset own = Ruleset.builtin();
        Result r = own.newCase("A1.07.a").date(TestSupport.IN_FORCE).money("financed_amount", new BigDecimal("28000000"))
                .money("interest_paid", new BigDecimal("1500000")).evaluate();
        own.close();
        for (org.junit.jupiter.api.function.Executable render : List.<org.junit.jupiter.api.function.Executable>of(
                () -> r.explain(Locale.ENGLISH), () -> r.explain(Locale.CHINESE), r::toJson, () -> r.toJson(Locale.CHINESE))) {
            IllegalStateException e = assertThrows(IllegalStateException.class, render);
            assertTrue(e.getMessage().contains("closed") && e.getMessage().contains(r.fingerprint())
                    && e.getMessage().contains("toMap()"), e.getMessage());
        }
        // what was copied out is still the right answer
        assertEquals(new BigDecimal("1400000.00"), r.award());
        assertEquals("1400000.00", r.toMap().get("award"));
    }
}
