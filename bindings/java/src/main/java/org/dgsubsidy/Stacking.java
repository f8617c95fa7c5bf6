package org.dgsubsidy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;


/**
 * What 就高、从优、不重复享受 pays for each of one applicant's results: made by
 * {@link Ruleset#stack(List, List)}.  Within an exclusive group only the highest award is
 * paid, as a top-up where a lower one was already granted.  Immutable; everything, the
 * rendered explanation included, is copied out when it is made.
 */
public final class Stacking {
    private final List<Entry> entries;
    private final long totalFen;
    private final String textZh;
    private final String textEn;
    private final String json;

    private Stacking(List<Entry> entries, long totalFen, String textZh, String textEn, String json) {
        this.entries = Collections.unmodifiableList(entries);
        this.totalFen = totalFen;
        this.textZh = textZh;
        this.textEn = textEn;
        this.json = json;
    }

    static Stacking compute(Ruleset ruleset, List<Result> results, long[] granted) {
        List<Ruleset> held = new ArrayList<>();
        SWIGTYPE_p_dgs_ruleset rs = ruleset.acquire();
        held.add(ruleset);
        try {
            for (Result r : results) {
                Ruleset other = r.measure().ruleset();
                boolean seen = false;
                for (Ruleset h : held) {
                    seen |= h == other;
                }
                if (!seen) {
                    other.acquire();
                    held.add(other);
                }
            }
            return compute(rs, results, granted);
        } finally {
            for (Ruleset h : held) {
                h.release();
            }
        }
    }

    private static Stacking compute(SWIGTYPE_p_dgs_ruleset rs, List<Result> results, long[] granted) {
        List<SWIGTYPE_p_dgs_result> natives = new ArrayList<>(results.size());
        SWIGTYPE_p_dgsw_results list = DgsNative.dgsw_results_new();
        if (list == null) {
            throw new DgsException(DgsException.E_NOMEM, "out of memory");
        }
        try {
            for (int i = 0; i < results.size(); i++) {
                SWIGTYPE_p_dgs_result r = results.get(i).snapshot().evaluate();
                natives.add(r);
                DgsNative.dgsw_results_add(list, r, granted[i]);
            }
            SWIGTYPE_p_dgs_stack s = DgsNative.dgsw_stack_results(rs, list);
            try {
                long n = DgsNative.dgs_stack_count(s);
                List<Entry> entries = new ArrayList<>((int) n);
                for (int i = 0; i < n; i++) {
                    entries.add(new Entry(results.get(i), DgsNative.dgs_stack_paid(s, i),
                            StackDecision.of(DgsNative.dgs_stack_decision(s, i)), DgsNative.dgs_stack_group(s, i),
                            (int) DgsNative.dgs_stack_winner(s, i), DgsNative.dgs_stack_reason(s, i, Lang.ZH),
                            DgsNative.dgs_stack_reason(s, i, Lang.EN)));
                }
                return new Stacking(entries, DgsNative.dgs_stack_total(s),
                        DgsNative.dgs_stack_render(s, 0, Lang.ZH), DgsNative.dgs_stack_render(s, 0, Lang.EN),
                        DgsNative.dgs_stack_render(s, 1, Lang.EN));
            } finally {
                DgsNative.dgs_stack_free(s);
            }
        } finally {
            for (SWIGTYPE_p_dgs_result r : natives) {
                DgsNative.dgs_result_free(r);
            }
            DgsNative.dgsw_results_free(list);
        }
    }

    /**
     * One entry per result, in the order given.
     *
     * @return an unmodifiable list
     */
    public List<Entry> entries() {
        return entries;
    }

    /**
     * The total paid now, in yuan.
     *
     * @return the total
     */
    public BigDecimal total() {
        return BigDecimal.valueOf(totalFen, 2);
    }

    /**
     * The total paid now, in fen.
     *
     * @return the total
     */
    public long totalFen() {
        return totalFen;
    }

    /**
     * The report as the library writes it.
     *
     * @param locale Chinese for a Chinese locale, else English
     * @return the text
     */
    public String explain(Locale locale) {
        return Lang.pick(locale, textZh, textEn);
    }

    /**
     * The report as JSON (labels in English).
     *
     * @return the JSON text
     */
    public String toJson() {
        return json;
    }

    @Override
    public String toString() {
        return "Stacking[" + entries.size() + " results, total " + total() + "]";
    }

    /** What stacking decided for one result.  Immutable. */
    public static final class Entry {
        private final Result result;
        private final long paidFen;
        private final StackDecision decision;
        private final String group;
        private final int winner;
        private final String reasonZh;
        private final String reasonEn;

        Entry(Result result, long paidFen, StackDecision decision, String group, int winner, String reasonZh,
              String reasonEn) {
            this.result = result;
            this.paidFen = paidFen;
            this.decision = decision;
            this.group = group;
            this.winner = winner;
            this.reasonZh = reasonZh;
            this.reasonEn = reasonEn;
        }

        /**
         * The result judged.
         *
         * @return the result
         */
        public Result result() {
            return result;
        }

        /**
         * What is paid now, in yuan.
         *
         * @return the amount
         */
        public BigDecimal paid() {
            return BigDecimal.valueOf(paidFen, 2);
        }

        /**
         * What is paid now, in fen.
         *
         * @return the amount
         */
        public long paidFen() {
            return paidFen;
        }

        /**
         * The decision.
         *
         * @return paid, top-up, superseded, not granted, already paid or not a grant
         */
        public StackDecision decision() {
            return decision;
        }

        /**
         * The group the result was judged in.
         *
         * @return the group, or ""
         */
        public String group() {
            return group;
        }

        /**
         * The index of the result that is paid in this one's group (its own when it is paid).
         *
         * @return the index
         */
        public int winner() {
            return winner;
        }

        /**
         * Why.
         *
         * @param locale Chinese for a Chinese locale, else English
         * @return the reason
         */
        public String reason(Locale locale) {
            return Lang.pick(locale, reasonZh, reasonEn);
        }

        @Override
        public String toString() {
            return result.measureId() + " " + decision.label() + " " + paid();
        }
    }
}
