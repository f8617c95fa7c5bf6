// SPDX-License-Identifier: MulanPSL-2.0
package org.dgsubsidy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

/** A ceiling still to be assessed is the award of its row but never a payment of the batch. */
class BatchPaidTest {
    @Test
    void aCeilingIsNoPayment() {
        try (Ruleset rs = Ruleset.builtin()) {
            // OP.01.a: 获认定为纺织服装创意设计园区……的，给予最高 100 万元奖励.  Without the assessed
            // amount, up to 1,000,000 yuan (not paid); assessed at 300,000 yuan, paid 300,000.
            BatchResult b = rs.measure("OP.01.a").batch(LocalDate.of(2025, 3, 1)).rows(2)
                    .choiceColumn("recognition", new String[] {"creative_design_park", "creative_design_park"})
                    .column("assessed", new long[] {0L, 30_000_000L}, new boolean[] {false, true})
                    .run();
            assertEquals(Outcome.UP_TO, b.outcome(0));
            assertEquals(100_000_000L, b.awardFen(0));
            assertEquals(0L, b.paidFen(0));
            assertEquals(new BigDecimal("0.00"), b.paid(0));
            assertEquals(30_000_000L, b.paidFen(1));
            assertArrayEquals(new long[] {0L, 30_000_000L}, b.paidsFen());
            assertEquals(new BigDecimal("300000.00"), b.total());
        }
    }

    @Test
    void theTotalIsExactBeyondALong() {
        try (Ruleset rs = Ruleset.builtin()) {
            // 5% of 28,000,000 = 1,400,000 yuan a row (A1.07.a).
            long[] financed = {2_800_000_000L, 2_800_000_000L, 2_800_000_000L};
            long[] interest = {150_000_000L, 150_000_000L, 150_000_000L};
            BatchResult b = rs.measure("A1.07.a").batch(LocalDate.of(2025, 3, 1)).rows(3)
                    .column("financed_amount", financed).column("interest_paid", interest).run();
            assertEquals(new BigDecimal("4200000.00"), b.total());
            // Four grants of 2^62 fen each (made directly: no measure's cap is that high) sum to
            // 2^64 fen, beyond a long: exact, not wrapped.
            long[] awards = new long[4];
            java.util.Arrays.fill(awards, 1L << 62);
            int[] granted = new int[4];
            java.util.Arrays.fill(granted, Outcome.GRANTED.code());
            BatchResult big = new BatchResult(rs.measure("A1.07.a"), awards, granted, new int[4], new int[4],
                    new String[0], null);
            assertEquals(new BigDecimal(java.math.BigInteger.ONE.shiftLeft(64), 2), big.total());
        }
    }

    @Test
    void placesAreNotFen() {
        try (Ruleset rs = Ruleset.builtin()) {
            // A1.16.a: a quota of school places; its payment is in places, never in fen.
            BatchResult b = rs.measure("A1.16.a").batch(LocalDate.of(2025, 3, 1)).rows(1)
                    .column("base_quota", new long[] {6L}).run();
            assertEquals(new BigDecimal("12"), b.paid(0));
            assertEquals(new BigDecimal("12"), b.total());
            assertThrows(IllegalStateException.class, () -> b.paidFen(0));
            assertThrows(IllegalStateException.class, b::paidsFen);
        }
    }
}
