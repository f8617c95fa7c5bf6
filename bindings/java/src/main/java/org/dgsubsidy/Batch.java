// SPDX-License-Identifier: MulanPSL-2.0
package org.dgsubsidy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.dgsubsidy.internal.Utf8;

/**
 * Many cases of one measure at one date, as columns of {@code long}: the library evaluates them
 * without traces, much faster than one by one.  Values are in base units: fen for money,
 * hundredths of m² for areas, whole units for counts, 0/1 for flags, the choice's index for
 * choices (see {@link #choiceColumn(String, String[])}).  List inputs cannot be batched.
 *
 * <pre>{@code
 * BatchResult r = measure.batch(LocalDate.of(2024, 6, 1))
 *         .column("financed_amount", financedFen)
 *         .column("interest_paid", interestFen)
 *         .run();
 * }</pre>
 *
 * <p>A builder for one thread; the arrays are read when {@link #run()} is called.  With
 * {@link #threads(int)} the rows are split into ranges evaluated on that many threads at once;
 * the result is exactly that of one thread.
 */
public final class Batch {
    private final Measure measure;
    private final LocalDate date;
    private final List<String> names = new ArrayList<>();
    private final List<long[]> columns = new ArrayList<>();
    private final List<boolean[]> present = new ArrayList<>();
    private int rows = -1;
    private int threads = 1;
    private int from = 0;
    private int to = -1; // -1: to the last row

    Batch(Measure measure, LocalDate date) {
        this.measure = measure;
        this.date = date;
    }

    /**
     * Adds a column in which every row has a value.
     *
     * @param input  the input's name
     * @param values one value per row, in base units
     * @return this batch
     * @throws IllegalArgumentException if the column's length differs from the others'
     */
    public Batch column(String input, long[] values) {
        return column(input, values, null);
    }

    /**
     * Adds a column with missing values: a missing optional input behaves as in a case; a
     * missing required one makes the row invalid.
     *
     * @param input   the input's name
     * @param values  one value per row, in base units
     * @param present per row, whether the value is present; null for all present
     * @return this batch
     * @throws IllegalArgumentException if a length differs from the others'
     */
    public Batch column(String input, long[] values, boolean[] present) {
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(values, "values");
        size(values.length);
        if (present != null && present.length != values.length) {
            throw new IllegalArgumentException("column '" + input + "': " + present.length
                    + " presence flags for " + values.length + " values");
        }
        names.add(input);
        columns.add(values);
        this.present.add(present);
        return this;
    }

    /**
     * Adds a choice column by the choices' names.
     *
     * @param input   the input's name (a choice input)
     * @param choices one choice name per row
     * @return this batch
     * @throws UnknownInputException if the measure has no such input
     * @throws InvalidValueException if the input is not a choice, or a name is not one of its
     *                               choices
     */
    public Batch choiceColumn(String input, String[] choices) {
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(choices, "choices");
        Measure.Input in = measure.input(input);
        if (in.type() != ValueType.CHOICE) {
            throw new InvalidValueException(DgsException.E_TYPE,
                    measure.id() + "." + input + " is " + in.type().label() + ", not choice");
        }
        long[] values = new long[choices.length];
        for (int i = 0; i < choices.length; i++) {
            int k = in.choices().indexOf(Objects.requireNonNull(choices[i], "choices[" + i + "]"));
            if (k < 0) {
                throw new InvalidValueException(DgsException.E_CHOICE, measure.id() + "." + input + ": row " + i
                        + ": unknown choice '" + Lang.clip(choices[i]) + "' (choices: " + String.join(", ", in.choices()) + ")",
                        i);
            }
            values[i] = k;
        }
        return column(input, values);
    }

    /**
     * Sets the number of rows, for a measure evaluated without any column.
     *
     * @param rows the number of rows
     * @return this batch
     * @throws IllegalArgumentException if negative or different from the columns' length
     */
    public Batch rows(int rows) {
        if (rows < 0) {
            throw new IllegalArgumentException("rows must not be negative: " + rows);
        }
        size(rows);
        return this;
    }

    /**
     * Evaluates the rows on up to this many threads, each a range of rows (one by default).  The
     * awards, outcomes, bindings, reasons and first error are exactly those of one thread.  The
     * threads are started by {@link #run()} and have ended when it returns.
     *
     * @param threads the number of threads, at least 1
     * @return this batch
     * @throws IllegalArgumentException if threads is below 1
     */
    public Batch threads(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, not " + threads);
        }
        this.threads = threads;
        return this;
    }

    /**
     * Evaluates only the rows [begin, end) (every row by default): the others keep award 0 and
     * outcome {@link Outcome#GRANTED} in the result, and the first error is that of the range.
     * For {@link Ruleset#compare}, to find one row's error.
     */
    Batch range(int begin, int end) {
        if (begin < 0 || end < begin) {
            throw new IllegalArgumentException("rows [" + begin + ", " + end + ")");
        }
        this.from = begin;
        this.to = end;
        return this;
    }

    private void size(int n) {
        if (rows >= 0 && rows != n) {
            throw new IllegalArgumentException("every column must have " + rows + " rows, not " + n);
        }
        rows = n;
    }

    /**
     * Evaluates every row.  A row whose inputs are invalid gets {@link Outcome#INVALID} and
     * award 0, and the first such row's error is {@link BatchResult#firstError()}; the other
     * rows are evaluated all the same.
     *
     * @return the awards and outcomes
     * @throws UnknownInputException if a column names no input of the measure
     * @throws NotSupportedException if a column is a list input
     * @throws InvalidValueException if the date is outside the range the library reads
     * @throws DgsException          if two columns name the same input
     * @throws IllegalStateException if the ruleset is closed
     */
    public BatchResult run() {
        int n = Math.max(rows, 0);
        int cols = names.size();
        byte[][] nameBytes = new byte[cols][];
        boolean anyPresent = false;
        for (int k = 0; k < cols; k++) {
            nameBytes[k] = Utf8.encode(names.get(k));
            anyPresent |= present.get(k) != null;
        }
        long[][] data = columns.toArray(new long[0][]);
        boolean[][] pres = anyPresent ? present.toArray(new boolean[0][]) : null;
        long[] awards = new long[n];
        int[] outcomes = new int[n];
        int[] bindings = new int[n];
        int[] reasons = new int[n];
        final int lo = Math.min(from, n);
        final int span = (to < 0 ? n : Math.min(to, n)) - lo;
        int parts = Math.max(1, Math.min(threads, span));
        int[] codes = new int[parts];
        byte[][] status = new byte[parts][257];
        long[][] where = new long[parts][2];
        Ruleset rs = measure.ruleset();
        rs.acquire();
        String[] bindingNames;
        try {
            String day = date.toString();
            Runnable[] work = new Runnable[parts];
            for (int p = 0; p < parts; p++) {
                final int part = p;
                final int begin = lo + (int) ((long) span * p / parts);
                final int end = lo + (int) ((long) span * (p + 1) / parts);
                work[p] = () -> codes[part] = DgsNative.dgsj_evaluate_batch(measure.ptr(), day, nameBytes, data, pres,
                        n, begin, end, awards, outcomes, bindings, reasons, status[part], where[part]);
            }
            runAll(work);
            bindingNames = new String[(int) DgsNative.dgs_measure_binding_count(measure.ptr())];
            for (int k = 0; k < bindingNames.length; k++) {
                bindingNames[k] = DgsNative.dgs_measure_binding_name(measure.ptr(), k);
            }
        } finally {
            rs.release();
        }
        // The error of one thread: one before any row (the same in every range) wins; else the
        // first invalid row over all ranges, the lowest row of the ranges that failed.
        int code = 0;
        int chosen = -1;
        for (int p = 0; p < parts; p++) {
            if (codes[p] == 0) {
                continue;
            }
            if (!rowError(codes[p])) {
                code = codes[p];
                chosen = p;
                break;
            }
            if (chosen < 0 || where[p][0] < where[chosen][0]) {
                code = codes[p];
                chosen = p;
            }
        }
        if (code == 0) {
            return new BatchResult(measure, awards, outcomes, bindings, reasons, bindingNames, null);
        }
        DgsException error = DgsException.of(code, Utf8.decodeNulTerminated(status[chosen]), (int) where[chosen][1],
                where[chosen][0]);
        switch (code) {
            case DgsException.E_MISSING_INPUT:
            case DgsException.E_NEGATIVE:
            case DgsException.E_CHOICE:
            case DgsException.E_RANGE:
            case DgsException.E_OVERFLOW:
                return new BatchResult(measure, awards, outcomes, bindings, reasons, bindingNames, error); // every row was written
            default:
                throw error;
        }
    }
    private static boolean rowError(int code) {
        switch (code) {
            case DgsException.E_MISSING_INPUT:
            case DgsException.E_NEGATIVE:
            case DgsException.E_CHOICE:
            case DgsException.E_RANGE:
            case DgsException.E_OVERFLOW:
                return true;
            default:
                return false;
        }
    }

    /**
     * Runs the first piece of work on this thread and the others on threads of their own, and
     * returns once every one has ended (an interrupt is kept for later: the native calls hold the
     * ruleset until they end).
     */
    private static void runAll(Runnable[] work) {
        Thread[] others = new Thread[work.length - 1];
        Throwable[] failed = new Throwable[work.length];
        for (int p = 1; p < work.length; p++) {
            final int part = p;
            others[p - 1] = new Thread(() -> {
                try {
                    work[part].run();
                } catch (Throwable t) {
                    failed[part] = t;
                }
            }, "dgsubsidy-batch-" + p);
            others[p - 1].setDaemon(true);
            others[p - 1].start();
        }
        try {
            work[0].run();
        } catch (Throwable t) {
            failed[0] = t;
        }
        boolean interrupted = false;
        for (Thread t : others) {
            while (true) {
                try {
                    t.join();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        for (Throwable t : failed) {
            if (t instanceof RuntimeException) {
                throw (RuntimeException) t;
            }
            if (t instanceof Error) {
                throw (Error) t;
            }
        }
    }
}
