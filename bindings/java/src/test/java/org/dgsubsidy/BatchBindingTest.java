// SPDX-License-Identifier: MulanPSL-2.0
package org.dgsubsidy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

/** The binding constraint and the reason of each row of a batch, worked by hand. */
class BatchBindingTest {
    @Test
    void bindingsOfA107aByHand() {
        try (Ruleset rs = Ruleset.builtin()) {
            Measure m = rs.measure("A1.07.a");
            // 5% of the financed amount, counted up to 30,000,000 yuan, at most 1,500,000 a year,
            // never above the interest paid (fen):
            //   28,000,000 → 1,400,000: the ratio; 40,000,000 counted as 30,000,000 → 1,500,000: the
            //   30,000,000 limit; 28,000,000 with 1,000,000 interest → 1,000,000: the interest.
            BatchResult b = m.batch(LocalDate.of(2025, 3, 1)).rows(3)
                    .column("financed_amount", new long[] {2_800_000_000L, 4_000_000_000L, 2_800_000_000L})
                    .column("interest_paid", new long[] {150_000_000L, 200_000_000L, 100_000_000L})
                    .run();
            assertArrayEquals(new String[] {"ratio", "max_counted_financing", "interest_paid"}, b.binding());
            assertEquals(140_000_000L, b.awardFen(0));
            assertEquals("none", b.reason(0));
            // Before the document is in force: nothing binds, the reason says why.
            BatchResult early = m.batch(LocalDate.of(2023, 5, 1)).rows(1)
                    .column("financed_amount", new long[] {2_800_000_000L})
                    .column("interest_paid", new long[] {150_000_000L})
                    .run();
            assertEquals("", early.binding(0));
            assertEquals("not_in_force", early.reason(0));
        }
    }
}
