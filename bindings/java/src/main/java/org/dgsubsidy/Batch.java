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
 * <p>A builder for one thread; the arrays are read when {@link #run()} is called.
 */
public final class Batch {
    private final Measure measure;
    private final LocalDate date;
    private final List<String> names = new ArrayList<>();
    private final List<long[]> columns = new ArrayList<>();
    private final List<boolean[]> present = new ArrayList<>();
    private int rows = -1;

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
        byte[] status = new byte[257];
        long[] where = new long[2];
        Ruleset rs = measure.ruleset();
        rs.acquire();
        int code;
        String[] bindingNames;
        try {
            code = DgsNative.dgsj_evaluate_batch(measure.ptr(), date.toString(), nameBytes, data, pres, n, awards,
                    outcomes, bindings, reasons, status, where);
            bindingNames = new String[(int) DgsNative.dgs_measure_binding_count(measure.ptr())];
            for (int k = 0; k < bindingNames.length; k++) {
                bindingNames[k] = DgsNative.dgs_measure_binding_name(measure.ptr(), k);
            }
        } finally {
            rs.release();
        }
        if (code == 0) {
            return new BatchResult(measure, awards, outcomes, bindings, reasons, bindingNames, null);
        }
        DgsException error = DgsException.of(code, Utf8.decodeNulTerminated(status), (int) where[1], where[0]);
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
}
