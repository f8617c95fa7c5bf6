// SPDX-License-Identifier: MulanPSL-2.0
package org.dgsubsidy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;

/** Inputs meant to break things: none may crash the JVM, each gets a clear exception. */
class HostileInputTest {
    private static final String EMOJI = "\uD83D\uDE00"; // 😀, outside the BMP
    private static final String LONG = "x".repeat(1 << 20);

    @Test
    void veryLongStrings() {
        try (Ruleset rs = Ruleset.builtin()) {
            assertTrue(assertThrows(UnknownMeasureException.class, () -> rs.measure(LONG)).getMessage().length() < 200);
            UnknownInputException e = assertThrows(UnknownInputException.class,
                    () -> rs.newCase("A1.07.a").money(LONG, BigDecimal.ONE));
            assertTrue(e.getMessage().length() < LONG.length());
            InvalidValueException v = assertThrows(InvalidValueException.class,
                    () -> rs.newCase("A1.07.a").date(TestSupport.IN_FORCE).text("financed_amount", LONG).evaluate());
            assertEquals(DgsException.E_VALUE, v.code());
            assertThrows(InvalidValueException.class, () -> rs.newCase("A1.07.a").text("date", LONG).evaluate());
            assertThrows(OverflowException.class,
                    () -> rs.newCase("A1.07.a").date(TestSupport.IN_FORCE).text("financed_amount", "9".repeat(100_000)).evaluate());
            assertThrows(UnknownMeasureException.class, () -> rs.withParameter(LONG, "ratio", "5%"));
            assertThrows(UnknownParameterException.class, () -> rs.withParameter("A1.07.a", LONG, "5%"));
            assertThrows(InvalidValueException.class, () -> rs.withParameter("A1.07.a", "ratio", LONG));
            assertThrows(InvalidValueException.class, () -> rs.newCase("A3.08.b").choice("tier", LONG));
            assertThrows(GuidelineException.class, () -> rs.withGuideline("[" + LONG, "long.json"));
            try (Ruleset r2 = rs.withParameter("A1.07.a", "ratio", "6%", null, null, LONG)) {
                Result r = r2.newCase("A1.07.a").date(TestSupport.IN_FORCE).moneyFen("financed_amount", 600_000_000L)
                        .moneyFen("interest_paid", 600_000_000L).evaluate();
                assertTrue(r.parameters().stream().anyMatch(p -> p.reference().equals(LONG)));
                assertTrue(r.explain(Locale.ENGLISH).length() > 0);
            }
        }
    }

    @Test
    void charactersOutsideTheBmpSurviveTheRoundTrip() {
        try (Ruleset rs = Ruleset.builtin()) {
            UnknownMeasureException m = assertThrows(UnknownMeasureException.class, () -> rs.measure("A" + EMOJI));
            assertTrue(m.getMessage().contains("A" + EMOJI), m.getMessage());
            InvalidValueException c = assertThrows(InvalidValueException.class,
                    () -> rs.newCase("A3.08.b").date(TestSupport.IN_FORCE).text("tier", EMOJI + "国家").evaluate());
            assertTrue(c.getMessage().contains(EMOJI + "国家"), c.getMessage());
            String reference = "指南 第" + EMOJI + "条 \uD800\uDF48";
            try (Ruleset r2 = rs.withParameter("A1.07.a", "ratio", "6%", null, null, reference)) {
                Result r = r2.newCase("A1.07.a").date(TestSupport.IN_FORCE).moneyFen("financed_amount", 600_000_000L)
                        .moneyFen("interest_paid", 600_000_000L).evaluate();
                assertTrue(r.parameters().stream().anyMatch(p -> p.reference().equals(reference)), r.parameters().toString());
                assertTrue(r.explain(Locale.CHINESE).contains(reference));
                assertTrue(r.toJson().contains(reference));
            }
            String guideline = "{\"changes\": [{\"measure\": \"A1.07.a\", \"parameter\": \"ratio\", \"value\": \"6%\","
                    + " \"reference\": \"" + EMOJI + "\", \"exceeds_text\": true}]}";
            try (Ruleset g = rs.withGuideline(guideline, "指南" + EMOJI + ".json")) {
                assertEquals(EMOJI, g.measure("A1.07.a").parameter("ratio").valueAt(TestSupport.IN_FORCE).reference());
            }
            GuidelineException bad = assertThrows(GuidelineException.class, () -> rs.withGuideline("{", "坏" + EMOJI + ".json"));
            assertTrue(bad.getMessage().contains("坏" + EMOJI + ".json"), bad.getMessage());
        }
    }

    @Test
    void unpairedSurrogatesAndNul() {
        try (Ruleset rs = Ruleset.builtin()) {
            assertThrows(UnknownMeasureException.class, () -> rs.measure("\uD83D"));
            assertThrows(UnknownInputException.class, () -> rs.newCase("A1.07.a").money("\uDE00", BigDecimal.ONE));
            // a NUL would end the string in C: "financed_amount\0x" must not be read as financed_amount
            assertThrows(UnknownInputException.class, () -> rs.newCase("A1.07.a").money("financed_amount\0x", BigDecimal.ONE));
            assertThrows(IllegalArgumentException.class, () -> rs.withParameter("A1.07.a\0", "ratio", "6%"));
            assertThrows(IllegalArgumentException.class,
                    () -> rs.newCase("A1.07.a").date(TestSupport.IN_FORCE).text("financed_amount", "1\0").evaluate());
            assertFalse(rs.findMeasure("A1.07.a\0").isPresent());
        }
    }

    @Test
    void extremeDates() {
        try (Ruleset rs = Ruleset.builtin()) {
            Case c = rs.newCase("A1.04.a").moneyFen("contract_amount", 100);
            assertEquals(Outcome.NOT_IN_FORCE, c.date(LocalDate.of(1900, 1, 1)).evaluate().outcome());
            // the library reads years from 1900 on
            assertEquals(DgsException.E_DATE, assertThrows(InvalidValueException.class,
                    () -> c.date(LocalDate.of(1899, 12, 31)).evaluate()).code());
            assertEquals(Outcome.NOT_IN_FORCE, c.date(LocalDate.of(9999, 12, 31)).evaluate().outcome());
            // LocalDate.MAX prints as +999999999-12-31, which is no ISO date of four digits
            assertThrows(InvalidValueException.class, () -> c.date(LocalDate.MAX).evaluate());
            assertThrows(InvalidValueException.class, () -> c.date(LocalDate.MIN).evaluate());
            assertThrows(InvalidValueException.class,
                    () -> rs.measure("A1.04.a").batch(LocalDate.MAX).column("contract_amount", new long[1]).run());
        }
    }

    @Test
    void hostileBatchColumns() {
        try (Ruleset rs = Ruleset.builtin()) {
            Measure m = rs.measure("A1.07.a");
            long[] extreme = {Long.MIN_VALUE, -1, 0, Long.MAX_VALUE};
            BatchResult r = m.batch(TestSupport.IN_FORCE).column("financed_amount", extreme).column("interest_paid", extreme).run();
            assertEquals(Outcome.INVALID, r.outcome(0));
            assertEquals(Outcome.INVALID, r.outcome(1));
            assertEquals(DgsException.E_NEGATIVE, r.firstError().orElseThrow().code());
            assertEquals(0, r.firstError().orElseThrow().row());
            BatchResult choice = rs.measure("A3.08.b").batch(TestSupport.IN_FORCE)
                    .column("tier", new long[] {0, 99, -1}).column("provincial_funds", new long[3]).run();
            assertEquals(Outcome.INVALID, choice.outcome(1));
            assertEquals(DgsException.E_CHOICE, choice.firstError().orElseThrow().code());
            assertEquals(1, choice.firstError().orElseThrow().row());
            BatchResult flag = rs.measure("A4.03.b").batch(TestSupport.IN_FORCE)
                    .column("exhibition_area", new long[] {1_000_000}).column("days", new long[] {3})
                    .column("certified", new long[] {2}).run();
            assertEquals(DgsException.E_RANGE, flag.firstError().orElseThrow().code());
            assertThrows(InvalidValueException.class, () -> m.batch(TestSupport.IN_FORCE).choiceColumn("financed_amount", new String[1]));
            assertThrows(InvalidValueException.class,
                    () -> rs.measure("A3.08.b").batch(TestSupport.IN_FORCE).choiceColumn("tier", new String[] {EMOJI}));
            assertThrows(IllegalArgumentException.class, () -> m.batch(TestSupport.IN_FORCE).rows(-1));
            assertThrows(IllegalArgumentException.class,
                    () -> m.batch(TestSupport.IN_FORCE).column("financed_amount", new long[2], new boolean[1]));
        }
    }

    @Test
    void closedHandlesThrowIllegalStateException() {
        Ruleset rs = Ruleset.builtin();
        Measure m = rs.measure("A1.07.a");
        Case c = m.newCase().date(TestSupport.IN_FORCE).moneyFen("financed_amount", 500_000_000L).moneyFen("interest_paid", 1);
        Result fresh = c.evaluate();
        Result rendered = c.evaluate();
        String text = rendered.explain(Locale.ENGLISH);
        rs.close();
        assertTrue(rs.isClosed());
        rs.close(); // twice is harmless
        assertThrows(IllegalStateException.class, c::evaluate);
        assertThrows(IllegalStateException.class, () -> rs.measure("A9.99.z"));
        assertThrows(IllegalStateException.class, () -> rs.withParameter("A1.07.a", "ratio", "6%"));
        assertThrows(IllegalStateException.class, () -> rs.withGuideline("{}", "x"));
        assertThrows(IllegalStateException.class, rs::rulesetParameters);
        assertThrows(IllegalStateException.class, () -> m.parameter("ratio").value());
        assertThrows(IllegalStateException.class, () -> m.batch(TestSupport.IN_FORCE).column("financed_amount", new long[1]).run());
        assertThrows(IllegalStateException.class, () -> rs.stack(List.of(fresh)));
        assertThrows(IllegalStateException.class, () -> fresh.explain(Locale.ENGLISH));
        assertThrows(IllegalStateException.class, fresh::toJson);
        // what was copied out stays readable
        assertEquals(Outcome.GRANTED, fresh.outcome());
        assertFalse(fresh.steps().isEmpty());
        assertEquals(text, rendered.explain(Locale.ENGLISH));
        assertEquals("A1.07.a", m.id());
        assertEquals(202, rs.measures().size());
        assertTrue(rs.toString().contains("closed"));
    }

    @Test
    void unreachableRulesetsAreFreedWithoutClose() throws InterruptedException {
        for (int i = 0; i < 200; i++) {
            Ruleset rs = Ruleset.builtin();
            rs.newCase("A1.04.a").date(TestSupport.IN_FORCE).moneyFen("contract_amount", i).evaluate();
        }
        System.gc();
        Thread.sleep(100);
        try (Ruleset rs = Ruleset.builtin()) {
            assertEquals(Outcome.GRANTED, rs.newCase("A1.04.a").date(TestSupport.IN_FORCE).moneyFen("contract_amount", 2).evaluate().outcome());
        }
    }
}
