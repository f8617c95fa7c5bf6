// SPDX-License-Identifier: MulanPSL-2.0
package org.dgsubsidy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

/** Closing a ruleset while other threads use it: they finish or get IllegalStateException. */
class CloseWhileInUseTest {

    static Case lease(Ruleset rs) {
        return rs.newCase("A1.07.a").date(TestSupport.IN_FORCE)
                .moneyFen("financed_amount", 2_800_000_000L).moneyFen("interest_paid", 140_000_050L);
    }

    @RepeatedTest(5)
    void evaluationsInFlightFinishAndLaterOnesThrow() throws Exception {
        Ruleset rs = Ruleset.builtin();
        int threads = 8;
        AtomicLong ok = new AtomicLong();
        AtomicReference<Throwable> unexpected = new AtomicReference<>();
        CountDownLatch running = new CountDownLatch(threads);
        List<Thread> ts = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            final boolean render = t % 2 == 0;
            Thread th = new Thread(() -> {
                Case c = lease(rs);
                running.countDown();
                try {
                    for (;;) {
                        Result r = c.evaluate();
                        if (r.awardFen() != 140_000_000L) {
                            throw new AssertionError("wrong award " + r);
                        }
                        if (render) {
                            r.explain(Locale.CHINESE);
                        }
                        ok.incrementAndGet();
                    }
                } catch (IllegalStateException expected) {
                    // closed: the only way out
                } catch (Throwable e) {
                    unexpected.compareAndSet(null, e);
                }
            });
            ts.add(th);
            th.start();
        }
        running.await();
        Thread.sleep(100);
        rs.close();
        for (Thread th : ts) {
            th.join(10_000);
            assertTrue(!th.isAlive(), "a thread did not stop after close");
        }
        if (unexpected.get() != null) {
            throw new AssertionError(unexpected.get());
        }
        assertTrue(ok.get() > 0);
        assertThrows(IllegalStateException.class, () -> lease(rs).evaluate());
    }

    @Test
    void closeWaitsForALongBatch() throws Exception {
        Ruleset rs = Ruleset.builtin();
        Measure m = rs.measure("A1.07.a");
        int rows = 4_000_000;
        long[] financed = new long[rows];
        long[] interest = new long[rows];
        for (int i = 0; i < rows; i++) {
            financed[i] = 500_000_000L + i;
            interest[i] = 150_000_000L;
        }
        Batch batch = m.batch(TestSupport.IN_FORCE).column("financed_amount", financed).column("interest_paid", interest);
        long alone = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            long t = System.nanoTime();
            batch.run();
            alone = Math.min(alone, System.nanoTime() - t);
        }
        AtomicReference<Object> outcome = new AtomicReference<>();
        AtomicLong batchStarted = new AtomicLong();
        CountDownLatch aboutToRun = new CountDownLatch(1);
        Thread worker = new Thread(() -> {
            batchStarted.set(System.nanoTime());
            aboutToRun.countDown();
            try {
                outcome.set(batch.run());
            } catch (Throwable e) {
                outcome.set(e);
            }
        });
        worker.start();
        aboutToRun.await();
        Thread.sleep(10);
        rs.close();
        long closed = System.nanoTime();
        worker.join();
        Object o = outcome.get();
        if (o instanceof BatchResult) {
            BatchResult r = (BatchResult) o;
            assertEquals(rows, r.size());
            assertEquals(25_000_000L + (rows - 1) / 20, r.awardFen(rows - 1));
            // close blocked until the batch in flight had run (about as long as it takes alone)
            assertTrue(closed - batchStarted.get() >= alone / 2, "close returned after "
                    + (closed - batchStarted.get()) / 1_000_000 + " ms; the batch takes " + alone / 1_000_000 + " ms");
        } else {
            assertTrue(o instanceof IllegalStateException, String.valueOf(o)); // close came first
        }
    }

    @Test
    void manyThreadsCloseAtOnce() throws Exception {
        for (int round = 0; round < 20; round++) {
            Ruleset rs = Ruleset.builtin();
            CountDownLatch go = new CountDownLatch(1);
            AtomicReference<Throwable> unexpected = new AtomicReference<>();
            List<Thread> ts = new ArrayList<>();
            for (int t = 0; t < 6; t++) {
                final boolean closer = t % 2 == 0;
                Thread th = new Thread(() -> {
                    try {
                        go.await();
                        if (closer) {
                            rs.close();
                        } else {
                            for (int i = 0; i < 1000; i++) {
                                lease(rs).evaluate();
                            }
                        }
                    } catch (IllegalStateException expected) {
                        // closed under it
                    } catch (Throwable e) {
                        unexpected.compareAndSet(null, e);
                    }
                });
                ts.add(th);
                th.start();
            }
            go.countDown();
            for (Thread th : ts) {
                th.join();
            }
            if (unexpected.get() != null) {
                throw new AssertionError(unexpected.get());
            }
            assertTrue(rs.isClosed());
        }
    }

    @Test
    void aDerivedRulesetOutlivesItsBase() {
        Ruleset base = Ruleset.builtin();
        Ruleset derived = base.withParameter("A1.07.a", "ratio", "6%");
        Result before = lease(base).evaluate();
        base.close();
        try (derived) {
            Result r = lease(derived).evaluate();
            assertEquals(140_000_050L, r.awardFen()); // 6% of 28,000,000 above the interest paid
            assertEquals(Outcome.GRANTED, before.outcome());
            Stacking s = derived.stack(List.of(r));
            assertEquals(140_000_050L, s.totalFen());
            // a result of the closed base cannot be stacked: it would have to be evaluated again
            assertThrows(IllegalStateException.class, () -> derived.stack(List.of(before)));
        }
    }

    @Test
    void closeWhileAnotherThreadReadsTheCatalogue() throws Exception {
        for (int round = 0; round < 20; round++) {
            Ruleset rs = Ruleset.builtin();
            AtomicReference<Throwable> unexpected = new AtomicReference<>();
            Thread reader = new Thread(() -> {
                try {
                    for (Measure m : rs.measures()) {
                        for (Measure.Parameter p : m.parameters()) {
                            p.valueAt(LocalDate.of(2025, 1, 1));
                        }
                    }
                } catch (IllegalStateException expected) {
                    // closed
                } catch (Throwable e) {
                    unexpected.compareAndSet(null, e);
                }
            });
            reader.start();
            Thread.sleep(round % 3);
            rs.close();
            reader.join();
            if (unexpected.get() != null) {
                throw new AssertionError(unexpected.get());
            }
        }
    }
}
