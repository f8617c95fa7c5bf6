// SPDX-License-Identifier: MulanPSL-2.0
package org.dgsubsidy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * A reform against the baseline, worked by hand from 附件1（七） (A1.07.a: 5% of the financed
 * amount, counted up to 3000万 and not below 500万, at most 150万 a year, at most the interest
 * paid) and a guideline that lowers the yearly cap to 100万 and supplies OP.06.b (3%, at most
 * 50万; without a guideline its outcome is unspecified).
 */
class CompareTest {
    static final String DATE = "2025-03-01";
    static final String REFORM = "{\"name\": \"reform\", \"changes\": ["
            + "{\"measure\": \"A1.07.a\", \"parameter\": \"cap_per_year\", \"value\": \"1000000.00\","
            + " \"from\": \"2025-01-01\", \"reference\": \"指南第三条\"},"
            + "{\"measure\": \"OP.06.b\", \"parameter\": \"ratio\", \"value\": \"3%\", \"from\": \"2025-01-01\","
            + " \"reference\": \"指南第四条\"},"
            + "{\"measure\": \"OP.06.b\", \"parameter\": \"cap\", \"value\": \"500000.00\", \"from\": \"2025-01-01\","
            + " \"reference\": \"指南第四条\"}]}";

    /** Fen: financed 2800万, 1000万, 3600万, 400万, 2800万; interest 120万, 80万, 200万, 10万, and -1 fen (invalid). */
    static Population population() {
        return Population.builder(5)
                .column("financed_amount", new long[] {2_800_000_000L, 1_000_000_000L, 3_600_000_000L, 400_000_000L,
                        2_800_000_000L})
                .column("interest_paid", new long[] {120_000_000L, 80_000_000L, 200_000_000L, 10_000_000L, -1L})
                .build();
    }

    @Test
    void leaseSubsidiesByHand() {
        try (Ruleset base = Ruleset.builtin(); Ruleset reform = base.withGuideline(REFORM, "reform.json")) {
            Comparison c = base.compare(reform, population(), DATE, "A1.07.a", "OP.06.b");
            assertEquals(List.of("A1.07.a", "OP.06.b"), c.measures());
            assertEquals(5, c.rows());
            assertEquals(LocalDate.of(2025, 3, 1), c.date());
            assertEquals(base.fingerprint(), c.baselineFingerprint());
            assertEquals(reform.fingerprint(), c.reformFingerprint());

            Comparison.MeasureComparison a = c.of("A1.07.a");
            // 5% × 2800万 = 140万, interest 120万 binds → 120万; the reform's cap 100万 binds.
            // 5% × 1000万 = 50万 under both.  3600万 counted as 3000万: 150万 → 100万.
            // 400万 is under the 500万 bar: ineligible, 0.  The last row's interest is negative: invalid.
            assertArrayEquals(new long[] {120_000_000L, 50_000_000L, 150_000_000L, 0, 0}, a.baselinesFen());
            assertArrayEquals(new long[] {100_000_000L, 50_000_000L, 100_000_000L, 0, 0}, a.reformsFen());
            assertArrayEquals(new long[] {-20_000_000L, 0, -50_000_000L, 0, 0}, a.differencesFen());
            assertEquals(new BigDecimal("-200000.00"), a.difference(0));
            assertEquals(new BigDecimal("1200000.00"), a.baseline(0));
            assertEquals(new BigDecimal("1000000.00"), a.reform(0));
            assertEquals("interest_paid", a.baselineBinding(0));
            assertEquals("cap_per_year", a.reformBinding(0));
            assertEquals("ratio", a.reformBinding(1));
            assertEquals(Outcome.INELIGIBLE, a.reformOutcome(3));
            assertEquals(Outcome.INVALID, a.baselineOutcome(4));
            assertTrue(a.invalid(4));
            assertFalse(a.invalid(3));
            assertEquals(1, a.invalidRows());
            assertTrue(a.firstError().isPresent());
            assertEquals(4, a.firstError().get().row());
            assertTrue(a.firstError().get().getMessage().contains("interest_paid"), a.firstError().get().getMessage());
            // 120万 + 50万 + 150万 = 320万 against 100万 + 50万 + 100万 = 250万.
            assertEquals(320_000_000L, a.baselineTotalFen());
            assertEquals(250_000_000L, a.reformTotalFen());
            assertEquals(new BigDecimal("-700000.00"), a.differenceTotal());
            assertEquals(0, a.gainers());
            assertEquals(0, a.gainedFen());
            assertEquals(2, a.losers());
            assertEquals(new BigDecimal("700000.00"), a.lost());
            List<Comparison.BindingSummary> bins = a.byBinding();
            assertEquals(3, bins.size());
            assertEquals("cap_per_year", bins.get(0).binding());
            assertEquals(2, bins.get(0).rows());
            assertEquals(-70_000_000L, bins.get(0).differenceFen());
            assertEquals(2, bins.get(0).losers());
            assertEquals("ratio", bins.get(1).binding());
            assertEquals(0, bins.get(1).differenceFen());
            assertEquals("", bins.get(2).binding()); // the ineligible row
            assertEquals(1, bins.get(2).rows());

            Comparison.MeasureComparison o = c.of("OP.06.b");
            // 3% of 2800万 = 84万 → 50万; 1000万 → 30万; 3600万 → 108万 → 50万; 400万 → 12万 (no bar);
            // the last row is valid here: OP.06.b does not read the interest. 84万 → 50万.
            assertArrayEquals(new long[] {0, 0, 0, 0, 0}, o.baselinesFen());
            assertEquals(Outcome.UNSPECIFIED, o.baselineOutcome(0));
            assertArrayEquals(new long[] {50_000_000L, 30_000_000L, 50_000_000L, 12_000_000L, 50_000_000L},
                    o.reformsFen());
            assertEquals(0, o.invalidRows());
            assertEquals(5, o.gainers());
            assertEquals(new BigDecimal("1920000.00"), o.gained());
            assertEquals(0, o.losers());
            assertEquals("cap", o.byBinding().get(0).binding());
            assertEquals(150_000_000L, o.byBinding().get(0).differenceFen());
            assertEquals("ratio", o.byBinding().get(1).binding());
            assertEquals(42_000_000L, o.byBinding().get(1).differenceFen());
            // -70万 + 192万.
            assertEquals(122_000_000L, c.totalDifferenceFen());
            assertEquals(new BigDecimal("1220000.00"), c.totalDifference());

            // Before the guideline's 2025-01-01 the reform changes nothing.
            Comparison early = base.compare(reform, population(), "2024-06-01", "A1.07.a");
            assertEquals(0, early.totalDifferenceFen());
            assertEquals(320_000_000L, early.of("A1.07.a").reformTotalFen());
        }
    }

    /** Only a grant counts: a ceiling still to be assessed is 0, never a payment. */
    @Test
    void ceilingsToBeAssessedCountZero() {
        String lower = "{\"name\": \"c\", \"changes\": [{\"measure\": \"OP.03.a\", \"parameter\": \"cap\","
                + " \"value\": \"600000.00\", \"from\": \"2025-01-01\", \"reference\": \"指南第五条\"}]}";
        try (Ruleset base = Ruleset.builtin(); Ruleset reform = base.withGuideline(lower, "c.json")) {
            // OP.03.a: 给予最高100万元奖励, lowered to 60万. Row 0 has no assessed amount.
            Population pop = Population.builder(3)
                    .column("assessed", new long[] {0, 80_000_000L, 50_000_000L}, new boolean[] {false, true, true})
                    .build();
            Comparison.MeasureComparison m = base.compare(reform, pop, DATE, "OP.03.a").of("OP.03.a");
            assertEquals(Outcome.UP_TO, m.baselineOutcome(0));
            assertEquals(Outcome.UP_TO, m.reformOutcome(0));
            assertEquals(0, m.baselineFen(0));
            assertEquals(0, m.reformFen(0));
            assertEquals(60_000_000L, m.reformFen(1));
            assertEquals(130_000_000L, m.baselineTotalFen());
            assertEquals(110_000_000L, m.reformTotalFen());
            assertEquals(1, m.losers());
            assertEquals(20_000_000L, m.lostFen());
            assertEquals(0, m.gainers());
        }
    }

    @Test
    void threadsGiveTheSameComparison() {
        try (Ruleset base = Ruleset.builtin(); Ruleset reform = base.withGuideline(REFORM, "reform.json")) {
            int n = 5003;
            long[] financed = new long[n];
            long[] interest = new long[n];
            java.util.Random random = new java.util.Random(7);
            for (int i = 0; i < n; i++) {
                financed[i] = random.nextInt(4_000_000) * 1000L;
                interest[i] = i % 997 == 5 ? -1 : random.nextInt(300_000) * 1000L;
            }
            Population pop = Population.builder(n).column("financed_amount", financed)
                    .column("interest_paid", interest).build();
            Comparison one = base.compare(reform, pop, DATE, 1, "A1.07.a", "OP.06.b");
            Comparison three = base.compare(reform, pop, DATE, 3, "A1.07.a", "OP.06.b");
            for (String id : one.measures()) {
                Comparison.MeasureComparison x = one.of(id);
                Comparison.MeasureComparison y = three.of(id);
                assertArrayEquals(x.baselinesFen(), y.baselinesFen());
                assertArrayEquals(x.reformsFen(), y.reformsFen());
                assertEquals(x.invalidRows(), y.invalidRows());
                assertEquals(x.lostFen(), y.lostFen());
                assertEquals(x.firstError().map(Throwable::getMessage), y.firstError().map(Throwable::getMessage));
                for (int i = 0; i < n; i++) {
                    assertEquals(x.reformBinding(i), y.reformBinding(i));
                }
            }
            assertEquals(6, one.of("A1.07.a").invalidRows()); // rows 5, 1002, 1999, 2996, 3993, 4990
            assertEquals(one.totalDifferenceFen(), three.totalDifferenceFen());
        }
    }

    @Test
    void errors() {
        try (Ruleset base = Ruleset.builtin(); Ruleset reform = base.withGuideline(REFORM, "reform.json")) {
            Population pop = population();
            // School places are not money.
            Population quota = Population.builder(1).column("base_quota", new long[] {6}).build();
            NotSupportedException places = assertThrows(NotSupportedException.class,
                    () -> base.compare(reform, quota, DATE, "A1.16.a"));
            assertTrue(places.getMessage().contains("A1.16.a") && places.getMessage().contains("not a grant of money"),
                    places.getMessage());
            UnknownMeasureException unknown = assertThrows(UnknownMeasureException.class,
                    () -> base.compare(reform, pop, DATE, "A9.99.z"));
            assertTrue(unknown.getMessage().contains("A9.99.z"), unknown.getMessage());
            assertThrows(IllegalArgumentException.class, () -> base.compare(reform, pop, DATE, "A1.07.a", "A1.07.a"));
            assertThrows(IllegalArgumentException.class, () -> base.compare(reform, pop, DATE));
            assertThrows(IllegalArgumentException.class, () -> base.compare(reform, pop, DATE, 0, "A1.07.a"));
            InvalidValueException date = assertThrows(InvalidValueException.class,
                    () -> base.compare(reform, pop, "2025-02-30", "A1.07.a"));
            assertTrue(date.getMessage().contains("2025-02-30"), date.getMessage());
            // A column no measure reads is refused, never ignored: OP.06.b has no interest input.
            UnknownInputException column = assertThrows(UnknownInputException.class,
                    () -> base.compare(reform, pop, DATE, "OP.06.b"));
            assertTrue(column.getMessage().contains("interest_paid"), column.getMessage());
            Population noFinanced = Population.builder(1).column("interest_paid", new long[] {1}).build();
            MissingInputException missing = assertThrows(MissingInputException.class,
                    () -> base.compare(reform, noFinanced, DATE, "A1.07.a"));
            assertTrue(missing.getMessage().contains("financed_amount"), missing.getMessage());
            // The reform must be derived from the baseline.
            try (Ruleset other = base.withParameter("A1.07.a", "cap_per_year", "1200000.00")) {
                IllegalArgumentException notDerived = assertThrows(IllegalArgumentException.class,
                        () -> other.compare(reform, pop, DATE, "A1.07.a"));
                assertTrue(notDerived.getMessage().contains("not derived"), notDerived.getMessage());
                assertThrows(IllegalArgumentException.class, () -> reform.compare(base, pop, DATE, "A1.07.a"));
                // Derived in two steps is derived.
                try (Ruleset twice = other.withGuideline(REFORM, "reform.json")) {
                    assertEquals(1, base.compare(twice, pop, DATE, "A1.07.a").of("A1.07.a").invalidRows());
                }
            }
            assertThrows(IllegalArgumentException.class, () -> base.compare(reform, pop, DATE, "A1.07.a").of("A1.09.a"));
            // Population columns: twice, or of the wrong length.
            assertThrows(IllegalArgumentException.class, () -> Population.builder(1).column("a", new long[] {1})
                    .column("a", new long[] {1}));
            assertThrows(IllegalArgumentException.class, () -> Population.builder(2).column("a", new long[] {1}));
        }
    }

    @Test
    void immutableAndOutlivesTheRulesets() {
        Comparison c;
        long[] financed = {2_800_000_000L};
        Population pop = Population.builder(1).column("financed_amount", financed)
                .column("interest_paid", new long[] {120_000_000L}).build();
        financed[0] = 1; // the population copied the column
        try (Ruleset base = Ruleset.builtin(); Ruleset reform = base.withGuideline(REFORM, "reform.json")) {
            c = base.compare(reform, pop, DATE, "A1.07.a");
            assertThrows(IllegalStateException.class, () -> {
                reform.close();
                base.compare(reform, pop, DATE, "A1.07.a");
            });
        }
        Comparison.MeasureComparison a = c.of("A1.07.a");
        a.baselinesFen()[0] = 0;
        assertEquals(120_000_000L, a.baselineFen(0));
        assertEquals(-20_000_000L, a.differenceFen(0));
        assertThrows(UnsupportedOperationException.class, () -> c.measures().add("x"));
    }
}
