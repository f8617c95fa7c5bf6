// SPDX-License-Identifier: MulanPSL-2.0
package org.dgsubsidy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** A batch split over threads gives exactly what one thread gives, the first error included. */
class BatchThreadsTest {
    static final LocalDate DATE = LocalDate.of(2025, 3, 1);

    static BatchResult run(Measure m, long[] financed, long[] interest, boolean[] present, int threads) {
        return m.batch(DATE).column("financed_amount", financed).column("interest_paid", interest, present)
                .threads(threads).run();
    }

    @Test
    void threadsEqualOneThread() {
        try (Ruleset rs = Ruleset.builtin()) {
            Measure m = rs.measure("A1.07.a");
            int n = 10_007;
            long[] financed = new long[n];
            long[] interest = new long[n];
            boolean[] present = new boolean[n];
            Random random = new Random(11);
            for (int i = 0; i < n; i++) {
                financed[i] = random.nextInt(5_000_000) * 1000L;
                interest[i] = i % 1201 == 700 ? -5 : random.nextInt(2_000_000) * 100L;
                present[i] = i % 1733 != 900;
            }
            BatchResult one = run(m, financed, interest, present, 1);
            assertTrue(one.invalidRows() > 0);
            for (int threads : new int[] {2, 3, 7, 64}) {
                BatchResult many = run(m, financed, interest, present, threads);
                assertArrayEquals(one.awardsFen(), many.awardsFen(), "threads " + threads);
                assertArrayEquals(one.outcomeCodes(), many.outcomeCodes(), "threads " + threads);
                assertArrayEquals(one.binding(), many.binding(), "threads " + threads);
                for (int i = 0; i < n; i++) {
                    assertEquals(one.reason(i), many.reason(i));
                }
                assertEquals(one.firstError().get().row(), many.firstError().get().row());
                assertEquals(one.firstError().get().getMessage(), many.firstError().get().getMessage());
                assertEquals(one.firstError().get().code(), many.firstError().get().code());
            }
        }
    }

    /** The first range has no invalid row: the first invalid row of the others, with its own row number, is the batch's. */
    @Test
    void firstErrorOverRangesNamesTheRowOfTheWholeBatch() {
        try (Ruleset rs = Ruleset.builtin()) {
            Measure m = rs.measure("A1.07.a");
            int n = 9_000;
            long[] financed = new long[n];
            long[] interest = new long[n];
            java.util.Arrays.fill(financed, 2_800_000_000L);
            java.util.Arrays.fill(interest, 120_000_000L);
            interest[8_500] = -1;
            financed[4_000] = -1;
            BatchResult r = run(m, financed, interest, null, 3); // ranges 0..2999, 3000..5999, 6000..8999
            assertEquals(2, r.invalidRows());
            assertEquals(4_000, r.firstError().get().row());
            assertTrue(r.firstError().get().getMessage().contains("row 4000"), r.firstError().get().getMessage());
            assertEquals(120_000_000L, r.awardFen(0));
            assertEquals(120_000_000L, r.awardFen(8_999));
            assertEquals(Outcome.INVALID, r.outcome(8_500));
        }
    }

    @Test
    void threadsBelowOneAreRefusedAndErrorsBeforeAnyRowStillThrow() {
        try (Ruleset rs = Ruleset.builtin()) {
            Measure m = rs.measure("A1.07.a");
            assertThrows(IllegalArgumentException.class, () -> m.batch(DATE).threads(0));
            UnknownInputException e = assertThrows(UnknownInputException.class,
                    () -> m.batch(DATE).column("nope", new long[10]).threads(4).run());
            assertTrue(e.getMessage().contains("nope"), e.getMessage());
            // More threads than rows, and no rows at all.
            assertEquals(1, run(m, new long[] {2_800_000_000L}, new long[] {120_000_000L}, null, 8).size());
            assertEquals(0, run(m, new long[0], new long[0], null, 8).size());
        }
    }
}
