// SPDX-License-Identifier: MulanPSL-2.0
package org.dgsubsidy;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;

/** The use count behind Ruleset: close waits for every use in flight, deterministically. */
class GuardTest {
    @Test
    void closeWaitsUntilTheLastUseEnds() throws Exception {
        Guard g = new Guard();
        assertTrue(g.acquire());
        assertTrue(g.acquire());
        CountDownLatch closed = new CountDownLatch(1);
        AtomicBoolean closer = new AtomicBoolean();
        Thread t = new Thread(() -> {
            closer.set(g.close());
            closed.countDown();
        });
        t.start();
        while (!g.isClosed()) {
            Thread.onSpinWait();
        }
        assertFalse(g.acquire(), "no new use once closing");
        assertFalse(closed.await(100, TimeUnit.MILLISECONDS), "close returned with two uses in flight");
        g.release();
        assertFalse(closed.await(100, TimeUnit.MILLISECONDS), "close returned with one use in flight");
        g.release();
        assertTrue(closed.await(5, TimeUnit.SECONDS), "close did not return after the last use");
        assertTrue(closer.get());
        assertFalse(g.close(), "only the first close frees");
        assertFalse(g.acquire());
        t.join();
    }

    @Test
    void closeIsNotCutShortByAnInterrupt() throws Exception {
        Guard g = new Guard();
        assertTrue(g.acquire());
        CountDownLatch closed = new CountDownLatch(1);
        AtomicBoolean interruptedAfter = new AtomicBoolean();
        Thread t = new Thread(() -> {
            g.close();
            interruptedAfter.set(Thread.currentThread().isInterrupted());
            closed.countDown();
        });
        t.start();
        while (!g.isClosed()) {
            Thread.onSpinWait();
        }
        t.interrupt();
        assertFalse(closed.await(100, TimeUnit.MILLISECONDS), "an interrupt let close return under a user");
        g.release();
        assertTrue(closed.await(5, TimeUnit.SECONDS));
        assertTrue(interruptedAfter.get(), "the interrupt is kept for the caller");
        t.join();
    }
}
