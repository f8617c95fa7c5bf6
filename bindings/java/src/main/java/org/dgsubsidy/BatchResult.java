// SPDX-License-Identifier: MulanPSL-2.0
package org.dgsubsidy;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Optional;

/**
 * The awards and outcomes of a {@link Batch}, one per row.  Immutable (the accessors of arrays
 * return copies).  An award is what the row's outcome is about: the amount of a grant, or for
 * {@link Outcome#UP_TO} the ceiling still to be assessed; {@link #paid(int)} and {@link #total()}
 * count grants only, so sum those, not the awards.
 */
public final class BatchResult {
    private final Measure measure;
    private final long[] awards;
    private final int[] outcomes;
    private final int[] bindings;
    private final int[] reasons;
    private final String[] bindingNames;
    private final DgsException firstError;

    BatchResult(Measure measure, long[] awards, int[] outcomes, int[] bindings, int[] reasons, String[] bindingNames,
                DgsException firstError) {
        this.measure = measure;
        this.awards = awards;
        this.outcomes = outcomes;
        this.bindings = bindings;
        this.reasons = reasons;
        this.bindingNames = bindingNames;
        this.firstError = firstError;
    }

    /**
     * The constraint that set row i's amount: the parameter or input {@link Result#binding()} names
     * for the row evaluated alone ("cap_per_year", "interest_paid", …), or "" when none did or the
     * row is invalid.
     *
     * @param i the row
     * @return the constraint's name, or ""
     */
    public String binding(int i) {
        int code = bindings[i];
        return code >= 0 && code < bindingNames.length ? bindingNames[code] : "";
    }

    /**
     * Every row's binding constraint, as {@link #binding(int)}.
     *
     * @return a new array, one name (or "") per row
     */
    public String[] binding() {
        String[] out = new String[bindings.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = binding(i);
        }
        return out;
    }

    /**
     * The kind of reason of row i's outcome: "none" for a grant, "below_minimum",
     * "condition_not_met", "not_in_force", "invalid", … (the C library's reason names).
     *
     * @param i the row
     * @return the reason's name
     */
    public String reason(int i) {
        String name = DgsNative.dgs_reason_name(reasons[i]);
        return name != null ? name : "reason " + reasons[i];
    }

    /**
     * The number of rows.
     *
     * @return the number of rows
     */
    public int size() {
        return awards.length;
    }

    /**
     * Row i's award in fen.  Only for a measure whose award is money (see
     * {@link Result#awardFen()}).
     *
     * @param i the row
     * @return the award, fen
     * @throws IllegalStateException if the measure's unit is not yuan; read {@link #award(int)}
     */
    public long awardFen(int i) {
        requireMoney();
        return awards[i];
    }

    private void requireMoney() {
        if (!measure.isMoney()) {
            throw new IllegalStateException(measure.id() + " awards " + measure.unit()
                    + ", not money: it has no award in fen; read award(i)");
        }
    }

    /**
     * Row i's award: yuan with two decimals when the measure's number is money, else whole units (places).
     *
     * @param i the row
     * @return the award
     */
    public BigDecimal award(int i) {
        return measure.isMoney() ? BigDecimal.valueOf(awards[i], 2) : BigDecimal.valueOf(awards[i]);
    }

    /**
     * Row i's payment in fen: its award when the outcome is {@link Outcome#GRANTED}, 0 otherwise.
     * A ceiling still to be assessed ({@link Outcome#UP_TO}) is in {@link #awardFen(int)}, never
     * here.  Only for a measure whose award is money.
     *
     * @param i the row
     * @return the payment, fen
     * @throws IllegalStateException if the measure's unit is not yuan; read {@link #paid(int)}
     */
    public long paidFen(int i) {
        requireMoney();
        return paidRaw(i);
    }

    private long paidRaw(int i) {
        return outcomes[i] == Outcome.GRANTED.code() ? awards[i] : 0;
    }

    /**
     * Row i's payment: its award when granted, 0 otherwise (a ceiling still to be assessed is no
     * payment); yuan with two decimals when the measure's number is money, else whole units.
     *
     * @param i the row
     * @return the payment
     */
    public BigDecimal paid(int i) {
        long p = paidRaw(i);
        return measure.isMoney() ? BigDecimal.valueOf(p, 2) : BigDecimal.valueOf(p);
    }

    /**
     * Every row's payment in fen, as {@link #paidFen(int)}.  Only for a measure whose award is money.
     *
     * @return a new array
     * @throws IllegalStateException if the measure's unit is not yuan
     */
    public long[] paidsFen() {
        requireMoney();
        long[] out = new long[awards.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = paidRaw(i);
        }
        return out;
    }

    /**
     * The exact sum of the payments of every row (granted rows only; ceilings still to be assessed
     * and invalid rows count 0): yuan with two decimals when the measure's number is money, else
     * whole units.  Exact however many rows: never wraps.
     *
     * @return the total paid
     */
    public BigDecimal total() {
        long sum = 0;
        BigInteger carried = BigInteger.ZERO;
        for (int i = 0; i < awards.length; i++) {
            long p = paidRaw(i);
            long next = sum + p;
            if (((sum ^ next) & (p ^ next)) < 0) { /* overflowed: carry the partial sum */
                carried = carried.add(BigInteger.valueOf(sum));
                next = p;
            }
            sum = next;
        }
        BigInteger fen = carried.add(BigInteger.valueOf(sum));
        return measure.isMoney() ? new BigDecimal(fen, 2) : new BigDecimal(fen);
    }

    /**
     * Row i's outcome.
     *
     * @param i the row
     * @return the outcome; {@link Outcome#INVALID} for a row whose inputs are invalid
     */
    public Outcome outcome(int i) {
        return Outcome.of(outcomes[i]);
    }

    /**
     * Every row's award in fen.  Only for a measure whose award is money.
     *
     * @return a copy
     * @throws IllegalStateException if the measure's unit is not yuan; read {@link #award(int)}
     */
    public long[] awardsFen() {
        requireMoney();
        return awards.clone();
    }

    /**
     * Every row's outcome as the C value ({@link Outcome#code()}).
     *
     * @return a copy
     */
    public int[] outcomeCodes() {
        return outcomes.clone();
    }

    /**
     * The error of the first invalid row ({@link DgsException#row()} is its index), if any.
     *
     * @return the error, not thrown, or empty when every row was valid
     */
    public Optional<DgsException> firstError() {
        return Optional.ofNullable(firstError);
    }

    /**
     * The number of invalid rows.
     *
     * @return the count
     */
    public int invalidRows() {
        int n = 0;
        for (int o : outcomes) {
            if (o == Outcome.INVALID.code()) {
                n++;
            }
        }
        return n;
    }

    @Override
    public String toString() {
        return "BatchResult[" + measure.id() + ", " + awards.length + " rows, " + invalidRows() + " invalid]";
    }
}
