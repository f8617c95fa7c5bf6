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

    /**
     * A1.01.a and A2.01.d (G-MATCH) each match a national 600万 at 1:1 and are paid once, the higher.
     * Matching at 80% under A1.01.a lowers its row by 120万, yet the project is still paid 600万 by
     * A2.01.d: the sum of the differences is not what the reform saves, so it is refused.
     */
    @Test
    void measuresPaidOnceDoNotAddUp() {
        String guideline = "{\"name\": \"m\", \"changes\": [{\"measure\": \"A1.01.a\", \"parameter\": "
                + "\"ratio_national\", \"value\": \"80%\", \"from\": \"2025-01-01\", \"reference\": \"指南\"}]}";
        Population pop = Population.builder(1)
                .column("national_funds", new long[] {600_000_000L})
                .column("provincial_funds", new long[] {0L})
                .column("total_investment", new long[] {10_000_000_000L})
                .build();
        try (Ruleset base = Ruleset.builtin(); Ruleset reform = base.withGuideline(guideline, "m.json")) {
            Comparison c = base.compare(reform, pop, DATE, "A1.01.a", "A2.01.d");
            assertEquals(-120_000_000L, c.of("A1.01.a").differenceTotalFen());
            assertEquals(0L, c.of("A2.01.d").differenceTotalFen());
            assertEquals(List.of("A1.01.a", "A2.01.d"), c.overlaps().get("G-MATCH"));
            IllegalStateException e = assertThrows(IllegalStateException.class, c::totalDifferenceFen);
            assertTrue(e.getMessage().contains("A1.01.a and A2.01.d (G-MATCH) are paid once"), e.getMessage());
            assertThrows(IllegalStateException.class, c::totalDifference);
            assertTrue(c.toString().contains("paid once"), c.toString());
            // One of them alone adds up.
            assertEquals(-120_000_000L, base.compare(reform, pop, DATE, "A1.01.a").totalDifferenceFen());
        }
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
            // -70万 and +192万 do not add up: A1.07.a and OP.06.b (G-LEASE) are paid once, the higher.
            assertEquals(List.of("A1.07.a", "OP.06.b"), c.overlaps().get("G-LEASE"));
            assertThrows(IllegalStateException.class, c::totalDifferenceFen);
            assertEquals(-70_000_000L, c.of("A1.07.a").differenceTotalFen());
            assertEquals(192_000_000L, c.of("OP.06.b").differenceTotalFen());

            // Before the guideline's 2025-01-01 the reform changes nothing.
            Comparison early = base.compare(reform, population(), "2024-06-01", "A1.07.a");
            assertEquals(0, early.totalDifferenceFen());
            assertEquals(320_000_000L, early.of("A1.07.a").reformTotalFen());
        }
    }

    /**
     * Only a grant counts: a ceiling still to be assessed is 0, never a payment.  OP.01.a
     * (获认定为纺织服装创意设计园区、国家级工业设计中心的，给予最高 100 万元奖励) is claimed by a row
     * that gives the recognition, with or without an assessed amount; it is computed by A3.07.b's
     * numbers, so the guideline lowers A3.07.b's cap.  (OP.03.a, whose one input is the assessed
     * amount, cannot show a claim still to be assessed: a row without the amount does not claim it.)
     */
    @Test
    void ceilingsToBeAssessedCountZero() {
        String lower = "{\"name\": \"c\", \"changes\": [{\"measure\": \"A3.07.b\", \"parameter\": \"cap\","
                + " \"value\": \"600000.00\", \"from\": \"2025-01-01\", \"reference\": \"指南第五条\"}]}";
        try (Ruleset base = Ruleset.builtin(); Ruleset reform = base.withGuideline(lower, "c.json")) {
            // 最高100万元, lowered to 60万. Row 0 is recognised (creative_design_park, choice 0) but
            // has no assessed amount; row 3 gives neither input and claims nothing.
            Population pop = Population.builder(4)
                    .column("recognition", new long[] {0, 1, 0, 0}, new boolean[] {true, true, true, false})
                    .column("assessed", new long[] {0, 80_000_000L, 50_000_000L, 0},
                            new boolean[] {false, true, true, false})
                    .build();
            Comparison.MeasureComparison m = base.compare(reform, pop, DATE, "OP.01.a").of("OP.01.a");
            assertEquals(Outcome.NOT_CLAIMED, m.baselineOutcome(3));
            assertEquals(Outcome.NOT_CLAIMED, m.reformOutcome(3));
            assertEquals(3, m.claims());
            assertEquals(0, m.invalidRows());
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

    /**
     * A population of several measures: each enterprise claims the measures whose inputs it gives
     * (the CLI's compare_counts_only_claims, in fen).  A1.07.a (附件1（七）): min(5% × the
     * financed amount counted (500万–3000万), 150万 a year, the interest paid).  A4.09.a (附件4
     * 九): 30% of the premium paid, at most 50万 a year; the guideline raises the 30% to 40%.
     * <ul>
     * <li>E1 A1.07.a: 5% × 2800万 = 140万, interest 120万 binds: 120万 in both; no premium.</li>
     * <li>E2 A4.09.a: 30% × 100万 = 30万; 40%: 40万 (+10万); nothing of A1.07.a.</li>
     * <li>E3 A1.07.a: 5% × 2500万 = 125万 in both; A4.09.a: 30% × 200万 = 60万 → 50万; 40%: 80万 → 50万.</li>
     * <li>E4 A4.09.a: 30% × 150万 = 45万; 40%: 60万 → 50万 (+5万).</li>
     * <li>E5 gives no input: claims neither.</li>
     * <li>E6 (second population only): a financed amount but no interest paid, an invalid claim of
     * A1.07.a; A4.09.a 30% × 50万 = 15万; 40%: 20万 (+5万).</li>
     * </ul>
     */
    @Test
    void onlyClaimsCount() {
        String eci = "{\"name\": \"eci\", \"changes\": [{\"measure\": \"A4.09.a\", \"parameter\": \"ratio\","
                + " \"value\": \"40%\", \"from\": \"2025-01-01\", \"reference\": \"指南第七条\"}]}";
        long[] financed = {2_800_000_000L, 0, 2_500_000_000L, 0, 0, 2_800_000_000L};
        boolean[] hasFinanced = {true, false, true, false, false, true};
        long[] interest = {120_000_000L, 0, 200_000_000L, 0, 0, 0};
        boolean[] hasInterest = {true, false, true, false, false, false};
        long[] premium = {0, 100_000_000L, 200_000_000L, 150_000_000L, 0, 50_000_000L};
        boolean[] hasPremium = {false, true, true, true, false, true};
        try (Ruleset base = Ruleset.builtin(); Ruleset reform = base.withGuideline(eci, "eci.json")) {
            for (int n : new int[] {5, 6}) {
                Population pop = Population.builder(n)
                        .column("financed_amount", java.util.Arrays.copyOf(financed, n),
                                java.util.Arrays.copyOf(hasFinanced, n))
                        .column("interest_paid", java.util.Arrays.copyOf(interest, n),
                                java.util.Arrays.copyOf(hasInterest, n))
                        .column("premium_paid", java.util.Arrays.copyOf(premium, n),
                                java.util.Arrays.copyOf(hasPremium, n))
                        .build();
                for (int threads : new int[] {1, 2}) {
                    Comparison c = base.compare(reform, pop, DATE, threads, "A1.07.a", "A4.09.a");
                    Comparison.MeasureComparison a = c.of("A1.07.a");
                    assertEquals(n == 5 ? 2 : 3, c.claims("A1.07.a"));
                    assertEquals(n == 5 ? 0 : 1, a.invalidRows());
                    assertEquals(Outcome.GRANTED, a.baselineOutcome(0));
                    for (int i : new int[] {1, 3, 4}) {
                        assertEquals(Outcome.NOT_CLAIMED, a.baselineOutcome(i));
                        assertEquals(Outcome.NOT_CLAIMED, a.reformOutcome(i));
                        assertFalse(a.claimed(i));
                        assertFalse(a.invalid(i));
                        assertEquals("", a.reformBinding(i));
                    }
                    assertEquals(Outcome.NOT_CLAIMED.label(), "not_claimed");
                    assertEquals(Outcome.NOT_CLAIMED, Outcome.of(-2));
                    // 120万 + 125万 in both.
                    assertEquals(245_000_000L, a.baselineTotalFen());
                    assertEquals(245_000_000L, a.reformTotalFen());
                    assertEquals(0, a.gainers() + a.losers());
                    assertEquals(1, a.byBinding().stream().filter(b -> b.binding().equals("interest_paid")).count());
                    assertEquals(2, a.byBinding().stream().mapToInt(Comparison.BindingSummary::rows).sum());
                    if (n == 5) {
                        assertFalse(a.firstError().isPresent());
                    } else {
                        // E6's error, not that of an earlier row that claims nothing.
                        assertEquals(Outcome.INVALID, a.baselineOutcome(5));
                        assertTrue(a.claimed(5));
                        DgsException e = a.firstError().orElseThrow();
                        assertEquals(5, e.row());
                        assertTrue(e instanceof MissingInputException, e.toString());
                        assertTrue(e.getMessage().contains("interest_paid"), e.getMessage());
                    }

                    Comparison.MeasureComparison p = c.of("A4.09.a");
                    assertEquals(n == 5 ? 3 : 4, p.claims());
                    assertEquals(0, p.invalidRows());
                    assertFalse(p.firstError().isPresent());
                    assertEquals(Outcome.NOT_CLAIMED, p.baselineOutcome(0));
                    assertEquals(Outcome.NOT_CLAIMED, p.reformOutcome(4));
                    long[] base0 = {0, 30_000_000L, 50_000_000L, 45_000_000L, 0, 15_000_000L};
                    long[] reform1 = {0, 40_000_000L, 50_000_000L, 50_000_000L, 0, 20_000_000L};
                    assertArrayEquals(java.util.Arrays.copyOf(base0, n), p.baselinesFen());
                    assertArrayEquals(java.util.Arrays.copyOf(reform1, n), p.reformsFen());
                    // 30万 + 50万 + 45万 = 125万 against 40万 + 50万 + 50万 = 140万 (+ E6: 15万, 20万).
                    assertEquals(n == 5 ? 125_000_000L : 140_000_000L, p.baselineTotalFen());
                    assertEquals(n == 5 ? 140_000_000L : 160_000_000L, p.reformTotalFen());
                    assertEquals(n == 5 ? 2 : 3, p.gainers());
                    assertEquals(n == 5 ? 15_000_000L : 20_000_000L, p.gainedFen());
                    assertEquals(0, p.losers());
                    assertEquals("ratio", p.reformBinding(1));
                    assertEquals("cap_per_year", p.reformBinding(3));
                    // By binding: only the claims (ratio: E2 (+10万) and E6; cap_per_year: E3, E4 (+5万)).
                    assertEquals(n == 5 ? 3 : 4, p.byBinding().stream().mapToInt(Comparison.BindingSummary::rows).sum());
                    assertEquals(2, p.byBinding().size());
                    assertEquals(n == 5 ? 15_000_000L : 20_000_000L, c.totalDifferenceFen());
                }
            }
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
            assertEquals(one.of("A1.07.a").differenceTotalFen(), three.of("A1.07.a").differenceTotalFen());
            assertEquals(one.of("OP.06.b").differenceTotalFen(), three.of("OP.06.b").differenceTotalFen());
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
