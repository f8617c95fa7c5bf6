// SPDX-License-Identifier: MulanPSL-2.0
package org.dgsubsidy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A reform against a baseline over one {@link Population}, measure by measure: what
 * {@link Ruleset#compare} returns.
 *
 * <p>Only a grant counts: a row whose outcome is {@link Outcome#UP_TO} (a ceiling still to be
 * assessed) or any other outcome but {@link Outcome#GRANTED} counts 0 in the baseline, the reform,
 * the difference and the totals.  A row claims a measure when it gives at least one of the
 * measure's inputs; a row that gives none has the outcome {@link Outcome#NOT_CLAIMED} under both
 * rulesets, counts 0 in both, is not invalid and is left out of
 * {@link MeasureComparison#byBinding()} ({@link #claims(String)} counts the rows that claim each
 * measure).  A claiming row invalid under either ruleset counts 0 in both and is counted in
 * {@link MeasureComparison#invalidRows()}.  Amounts are {@code long} fen, or
 * {@link BigDecimal} yuan with two decimals (exact, as {@link BatchResult#award(int)}); never a
 * {@code double}.  Each measure's rows are judged alone (no stacking between measures).
 *
 * <p>Immutable and thread-safe; it outlives both rulesets.
 */
public final class Comparison {
    private final LocalDate date;
    private final String baselineFingerprint;
    private final String reformFingerprint;
    private final int rows;
    private final Map<String, MeasureComparison> byMeasure;
    private final List<String> measures;
    private final long totalDifferenceFen;
    private final Map<String, List<String>> overlaps;

    Comparison(LocalDate date, String baselineFingerprint, String reformFingerprint, int rows,
               List<MeasureComparison> parts, Map<String, List<String>> overlaps) {
        this.date = date;
        this.baselineFingerprint = baselineFingerprint;
        this.reformFingerprint = reformFingerprint;
        this.rows = rows;
        Map<String, MeasureComparison> map = new LinkedHashMap<>();
        long total = 0;
        for (MeasureComparison p : parts) {
            map.put(p.measure(), p);
            try {
                total = Math.addExact(total, p.differenceTotalFen());
            } catch (ArithmeticException e) {
                throw new OverflowException("the change of the total over every measure exceeds " + Long.MAX_VALUE
                        + " fen", 0);
            }
        }
        this.byMeasure = Collections.unmodifiableMap(map);
        this.measures = Collections.unmodifiableList(new ArrayList<>(map.keySet()));
        this.totalDifferenceFen = total;
        Map<String, List<String>> o = new LinkedHashMap<>();
        overlaps.forEach((group, ids) -> o.put(group, List.copyOf(ids)));
        this.overlaps = Collections.unmodifiableMap(o);
    }

    /**
     * The exclusive groups that two or more of the compared measures are in: 就高、从优、不重复享受
     * pays the measures of one group once, the highest, so their differences do not add up.
     *
     * @return group → the compared measures in it (in the order compared); empty when none
     */
    public Map<String, List<String>> overlaps() {
        return overlaps;
    }

    private String overlapWords() {
        List<String> words = new ArrayList<>();
        overlaps.forEach((group, ids) -> words.add(String.join(" and ", ids) + " (" + group + ")"));
        return String.join("; ", words);
    }

    /**
     * The date every row was evaluated at.
     *
     * @return the date
     */
    public LocalDate date() {
        return date;
    }

    /**
     * The baseline ruleset's fingerprint.
     *
     * @return 16 hex digits
     */
    public String baselineFingerprint() {
        return baselineFingerprint;
    }

    /**
     * The reform ruleset's fingerprint.
     *
     * @return 16 hex digits
     */
    public String reformFingerprint() {
        return reformFingerprint;
    }

    /**
     * The number of rows of the population.
     *
     * @return the number of rows
     */
    public int rows() {
        return rows;
    }

    /**
     * The measures compared, in the order given.
     *
     * @return an unmodifiable list of ids
     */
    public List<String> measures() {
        return measures;
    }

    /**
     * The comparison of one measure.
     *
     * @param measureId a measure compared
     * @return its comparison
     * @throws IllegalArgumentException if the measure was not compared
     */
    public MeasureComparison of(String measureId) {
        MeasureComparison p = byMeasure.get(measureId);
        if (p == null) {
            throw new IllegalArgumentException("measure '" + Lang.clip(String.valueOf(measureId))
                    + "' was not compared (compared: " + String.join(", ", measures) + ")");
        }
        return p;
    }

    /**
     * The number of rows that claim a measure: those that give at least one of its inputs, the
     * invalid ones among them.
     *
     * @param measureId a measure compared
     * @return the count
     * @throws IllegalArgumentException if the measure was not compared
     */
    public int claims(String measureId) {
        return of(measureId).claims();
    }

    /**
     * The change of the total over every measure, reform less baseline, in fen.
     *
     * @return the difference, fen (negative when the reform pays less)
     * @throws IllegalStateException when two compared measures are in one exclusive group
     *         ({@link #overlaps()}): their differences do not add up to what the reform costs; read
     *         each measure's {@link MeasureComparison#differenceTotalFen()}
     */
    public long totalDifferenceFen() {
        if (!overlaps.isEmpty()) {
            throw new IllegalStateException(overlapWords() + " are paid once, the highest (就高、从优、不重复享受), "
                    + "so their differences do not add up to what the reform costs: read each measure's difference");
        }
        return totalDifferenceFen;
    }

    /**
     * The change of the total over every measure, reform less baseline, in yuan.
     *
     * @return the difference, yuan with two decimals
     * @throws IllegalStateException as {@link #totalDifferenceFen()}
     */
    public BigDecimal totalDifference() {
        return BigDecimal.valueOf(totalDifferenceFen(), 2);
    }

    @Override
    public String toString() {
        return "Comparison[" + measures.size() + " measures, " + rows + " rows, " + baselineFingerprint + " -> "
                + reformFingerprint + ", " + (overlaps.isEmpty()
                        ? "difference " + totalDifference().toPlainString() + " yuan"
                        : "differences per measure (" + overlapWords() + " are paid once)") + "]";
    }

    /** One measure of a {@link Comparison}: per row and in total.  Immutable. */
    public static final class MeasureComparison {
        private final String measure;
        private final long[] baseline;
        private final long[] reform;
        private final int[] baselineOutcomes;
        private final int[] reformOutcomes;
        private final String[] baselineBindings;
        private final String[] reformBindings;
        private final long baselineTotal;
        private final long reformTotal;
        private final long gained;
        private final long lost;
        private final int gainers;
        private final int losers;
        private final int invalid;
        private final int claims;
        private final boolean[] claimed;
        private final DgsException firstError;
        private final List<BindingSummary> byBinding;

        /**
         * Counts only grants and valid rows that claim the measure; an unclaimed row's outcomes
         * become {@link Outcome#NOT_CLAIMED} and its bindings "".  The arrays become this object's.
         */
        MeasureComparison(String measure, boolean[] claimed, long[] baselineAwards, int[] baselineOutcomes,
                          String[] baselineBindings, long[] reformAwards, int[] reformOutcomes,
                          String[] reformBindings, DgsException firstError) {
            int n = baselineAwards.length;
            int claiming = 0;
            for (int i = 0; i < n; i++) {
                if (claimed[i]) {
                    claiming++;
                } else {
                    baselineOutcomes[i] = Outcome.NOT_CLAIMED.code();
                    reformOutcomes[i] = Outcome.NOT_CLAIMED.code();
                    baselineBindings[i] = "";
                    reformBindings[i] = "";
                }
            }
            this.claims = claiming;
            this.claimed = claimed;
            this.measure = measure;
            this.baselineOutcomes = baselineOutcomes;
            this.reformOutcomes = reformOutcomes;
            this.baselineBindings = baselineBindings;
            this.reformBindings = reformBindings;
            this.firstError = firstError;
            this.baseline = new long[n];
            this.reform = new long[n];
            long t0 = 0;
            long t1 = 0;
            long up = 0;
            long down = 0;
            int nUp = 0;
            int nDown = 0;
            int bad = 0;
            Map<String, long[]> bins = new LinkedHashMap<>(); // rows, difference, gainers, losers
            for (int i = 0; i < n; i++) {
                if (!claimed[i]) {
                    continue; // 0 in both, not invalid, in no binding's group
                }
                boolean valid = baselineOutcomes[i] != Outcome.INVALID.code()
                        && reformOutcomes[i] != Outcome.INVALID.code();
                if (!valid) {
                    bad++;
                    continue;
                }
                long a0 = baselineOutcomes[i] == Outcome.GRANTED.code() ? baselineAwards[i] : 0;
                long a1 = reformOutcomes[i] == Outcome.GRANTED.code() ? reformAwards[i] : 0;
                baseline[i] = a0;
                reform[i] = a1;
                long d = a1 - a0; // both within [0, Long.MAX_VALUE]: no overflow
                try {
                    t0 = Math.addExact(t0, a0);
                    t1 = Math.addExact(t1, a1);
                    if (d > 0) {
                        up = Math.addExact(up, d);
                        nUp++;
                    } else if (d < 0) {
                        down = Math.addExact(down, -d);
                        nDown++;
                    }
                    long[] bin = bins.computeIfAbsent(reformBindings[i], k -> new long[4]);
                    bin[0]++;
                    bin[1] = Math.addExact(bin[1], d);
                    bin[2] += d > 0 ? 1 : 0;
                    bin[3] += d < 0 ? 1 : 0;
                } catch (ArithmeticException e) {
                    throw new OverflowException(measure + ": the totals exceed " + Long.MAX_VALUE + " fen at row " + i,
                            i);
                }
            }
            this.baselineTotal = t0;
            this.reformTotal = t1;
            this.gained = up;
            this.lost = down;
            this.gainers = nUp;
            this.losers = nDown;
            this.invalid = bad;
            List<BindingSummary> list = new ArrayList<>();
            for (Map.Entry<String, long[]> e : bins.entrySet()) {
                long[] v = e.getValue();
                list.add(new BindingSummary(e.getKey(), (int) v[0], v[1], (int) v[2], (int) v[3]));
            }
            this.byBinding = Collections.unmodifiableList(list);
        }

        /**
         * The measure's id.
         *
         * @return the id
         */
        public String measure() {
            return measure;
        }

        /**
         * The number of rows.
         *
         * @return the number of rows
         */
        public int rows() {
            return baseline.length;
        }

        /**
         * Row i's amount under the baseline, fen: the award if granted, else 0.
         *
         * @param i the row
         * @return fen
         */
        public long baselineFen(int i) {
            return baseline[i];
        }

        /**
         * Row i's amount under the reform, fen: the award if granted, else 0.
         *
         * @param i the row
         * @return fen
         */
        public long reformFen(int i) {
            return reform[i];
        }

        /**
         * Row i's difference, reform less baseline, fen.
         *
         * @param i the row
         * @return fen, negative when the reform pays less
         */
        public long differenceFen(int i) {
            return reform[i] - baseline[i];
        }

        /**
         * Row i's amount under the baseline, yuan.
         *
         * @param i the row
         * @return yuan with two decimals
         */
        public BigDecimal baseline(int i) {
            return BigDecimal.valueOf(baseline[i], 2);
        }

        /**
         * Row i's amount under the reform, yuan.
         *
         * @param i the row
         * @return yuan with two decimals
         */
        public BigDecimal reform(int i) {
            return BigDecimal.valueOf(reform[i], 2);
        }

        /**
         * Row i's difference, reform less baseline, yuan.
         *
         * @param i the row
         * @return yuan with two decimals
         */
        public BigDecimal difference(int i) {
            return BigDecimal.valueOf(differenceFen(i), 2);
        }

        /**
         * Row i's outcome under the baseline.
         *
         * @param i the row
         * @return the outcome ({@link Outcome#INVALID} for invalid inputs,
         *         {@link Outcome#NOT_CLAIMED} for a row that gives none of the measure's inputs)
         */
        public Outcome baselineOutcome(int i) {
            return Outcome.of(baselineOutcomes[i]);
        }

        /**
         * Row i's outcome under the reform.
         *
         * @param i the row
         * @return the outcome ({@link Outcome#INVALID} for invalid inputs,
         *         {@link Outcome#NOT_CLAIMED} for a row that gives none of the measure's inputs)
         */
        public Outcome reformOutcome(int i) {
            return Outcome.of(reformOutcomes[i]);
        }

        /**
         * The constraint that set row i's amount under the baseline ({@link BatchResult#binding(int)}).
         *
         * @param i the row
         * @return the constraint's name, or ""
         */
        public String baselineBinding(int i) {
            return baselineBindings[i];
        }

        /**
         * The constraint that set row i's amount under the reform ({@link BatchResult#binding(int)}).
         *
         * @param i the row
         * @return the constraint's name, or ""
         */
        public String reformBinding(int i) {
            return reformBindings[i];
        }

        /**
         * Whether row i is invalid under either ruleset (then it counts 0 in both).
         *
         * @param i the row
         * @return true for an invalid row
         */
        public boolean invalid(int i) {
            return baselineOutcomes[i] == Outcome.INVALID.code() || reformOutcomes[i] == Outcome.INVALID.code();
        }

        /**
         * Whether row i claims the measure: it gives at least one of the measure's inputs.
         *
         * @param i the row
         * @return false for a row whose outcomes are {@link Outcome#NOT_CLAIMED}
         */
        public boolean claimed(int i) {
            return claimed[i];
        }

        /**
         * The number of rows that claim the measure, the invalid ones among them.
         *
         * @return the count
         */
        public int claims() {
            return claims;
        }

        /**
         * Every row's baseline amount, fen.
         *
         * @return a copy
         */
        public long[] baselinesFen() {
            return baseline.clone();
        }

        /**
         * Every row's reform amount, fen.
         *
         * @return a copy
         */
        public long[] reformsFen() {
            return reform.clone();
        }

        /**
         * Every row's difference, fen.
         *
         * @return a new array
         */
        public long[] differencesFen() {
            long[] d = new long[baseline.length];
            for (int i = 0; i < d.length; i++) {
                d[i] = reform[i] - baseline[i];
            }
            return d;
        }

        /**
         * The baseline's total, fen.
         *
         * @return fen
         */
        public long baselineTotalFen() {
            return baselineTotal;
        }

        /**
         * The reform's total, fen.
         *
         * @return fen
         */
        public long reformTotalFen() {
            return reformTotal;
        }

        /**
         * The change of the total, reform less baseline, fen.
         *
         * @return fen
         */
        public long differenceTotalFen() {
            return reformTotal - baselineTotal;
        }

        /**
         * The baseline's total, yuan.
         *
         * @return yuan with two decimals
         */
        public BigDecimal baselineTotal() {
            return BigDecimal.valueOf(baselineTotal, 2);
        }

        /**
         * The reform's total, yuan.
         *
         * @return yuan with two decimals
         */
        public BigDecimal reformTotal() {
            return BigDecimal.valueOf(reformTotal, 2);
        }

        /**
         * The change of the total, reform less baseline, yuan.
         *
         * @return yuan with two decimals
         */
        public BigDecimal differenceTotal() {
            return BigDecimal.valueOf(differenceTotalFen(), 2);
        }

        /**
         * The number of rows paid more under the reform.
         *
         * @return the count
         */
        public int gainers() {
            return gainers;
        }

        /**
         * How much more the gainers are paid in all, fen.
         *
         * @return fen, at least 0
         */
        public long gainedFen() {
            return gained;
        }

        /**
         * How much more the gainers are paid in all, yuan.
         *
         * @return yuan with two decimals
         */
        public BigDecimal gained() {
            return BigDecimal.valueOf(gained, 2);
        }

        /**
         * The number of rows paid less under the reform.
         *
         * @return the count
         */
        public int losers() {
            return losers;
        }

        /**
         * How much less the losers are paid in all, fen.
         *
         * @return fen, at least 0
         */
        public long lostFen() {
            return lost;
        }

        /**
         * How much less the losers are paid in all, yuan.
         *
         * @return yuan with two decimals
         */
        public BigDecimal lost() {
            return BigDecimal.valueOf(lost, 2);
        }

        /**
         * The number of rows that claim the measure and are invalid under either ruleset.
         *
         * @return the count
         */
        public int invalidRows() {
            return invalid;
        }

        /**
         * The error of the first row that claims the measure and is invalid (under the baseline,
         * else under the reform).
         *
         * @return the error, not thrown, or empty when every row was valid
         */
        public Optional<DgsException> firstError() {
            return Optional.ofNullable(firstError);
        }

        /**
         * The valid rows that claim the measure grouped by the constraint that set the reform's
         * amount ("" for none), in
         * the order each constraint first binds.
         *
         * @return an unmodifiable list
         */
        public List<BindingSummary> byBinding() {
            return byBinding;
        }

        @Override
        public String toString() {
            return "MeasureComparison[" + measure + ", " + baseline.length + " rows, baseline "
                    + baselineTotal().toPlainString() + ", reform " + reformTotal().toPlainString() + ", "
                    + gainers + " gainers, " + losers + " losers, " + claims + " claims, " + invalid + " invalid]";
        }
    }

    /** The valid rows of one measure whose reform amount one constraint set.  Immutable. */
    public static final class BindingSummary {
        private final String binding;
        private final int rows;
        private final long differenceFen;
        private final int gainers;
        private final int losers;

        BindingSummary(String binding, int rows, long differenceFen, int gainers, int losers) {
            this.binding = binding;
            this.rows = rows;
            this.differenceFen = differenceFen;
            this.gainers = gainers;
            this.losers = losers;
        }

        /**
         * The constraint's name ({@link Result#binding()}), or "" for none.
         *
         * @return the name
         */
        public String binding() {
            return binding;
        }

        /**
         * The number of rows.
         *
         * @return the count
         */
        public int rows() {
            return rows;
        }

        /**
         * Their difference in all, reform less baseline, fen.
         *
         * @return fen
         */
        public long differenceFen() {
            return differenceFen;
        }

        /**
         * Their difference in all, yuan.
         *
         * @return yuan with two decimals
         */
        public BigDecimal difference() {
            return BigDecimal.valueOf(differenceFen, 2);
        }

        /**
         * How many of them are paid more.
         *
         * @return the count
         */
        public int gainers() {
            return gainers;
        }

        /**
         * How many of them are paid less.
         *
         * @return the count
         */
        public int losers() {
            return losers;
        }

        @Override
        public String toString() {
            return "BindingSummary[" + (binding.isEmpty() ? "none" : binding) + ", " + rows + " rows, "
                    + difference().toPlainString() + " yuan, " + gainers + " gainers, " + losers + " losers]";
        }
    }
}
