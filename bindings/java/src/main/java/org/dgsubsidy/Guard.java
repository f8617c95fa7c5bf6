// SPDX-License-Identifier: MulanPSL-2.0
package org.dgsubsidy;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * The use count of a native handle: any number of threads use it at once; close waits until
 * every use in flight has ended, after which no new use starts.  The count and the closed bit
 * share one atomic int, so a use costs two compare-and-sets and no lock.
 */
final class Guard {
    private static final int CLOSED = Integer.MIN_VALUE;
    private static final int COUNT = Integer.MAX_VALUE;

    private final AtomicInteger state = new AtomicInteger();

    /** Starts a use; false if closed (or closing). */
    boolean acquire() {
        for (;;) {
            int s = state.get();
            if ((s & CLOSED) != 0) {
                return false;
            }
            if ((s & COUNT) == COUNT) {
                throw new IllegalStateException("too many concurrent uses of one native handle");
            }
            if (state.compareAndSet(s, s + 1)) {
                return true;
            }
        }
    }

    /** Ends a use begun by a successful {@link #acquire()}. */
    void release() {
        int s = state.decrementAndGet();
        if (s == CLOSED) {
            synchronized (this) {
                notifyAll();
            }
        }
    }

    boolean isClosed() {
        return (state.get() & CLOSED) != 0;
    }

    /**
     * Marks the handle closed and waits until no use is in flight.
     *
     * @return true for the one call that closed it (which then frees the native object)
     */
    boolean close() {
        for (;;) {
            int s = state.get();
            if ((s & CLOSED) != 0) {
                return false;
            }
            if (state.compareAndSet(s, s | CLOSED)) {
                break;
            }
        }
        boolean interrupted = false;
        synchronized (this) {
            while ((state.get() & COUNT) != 0) {
                try {
                    wait();
                } catch (InterruptedException e) {
                    interrupted = true; // the native object must not be freed under a user
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        return true;
    }
}
