// SPDX-License-Identifier: MulanPSL-2.0
package org.dgsubsidy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Objects;


/**
 * What 就高、从优、不重复享受 pays for each of one applicant's claims: made by
 * {@link Ruleset#stack(List, List)}, or claim by claim with {@link #builder(Ruleset)} where a
 * claim says what it is about (its object: a project, a recognition, an exhibition, a
 * contract).  Claims of one exclusive group compete only for the same object (and, for a
 * yearly award, the same year): the highest computed award is paid once, as a top-up where a
 * lower one was already granted.  A ceiling still to be assessed ({@link Outcome#UP_TO}) is
 * never paid: {@link #upToTotal()} says what it could add.  Caps that hold across claims (a
 * yearly cap, a cap per exhibition) are applied in claim order.  Immutable; everything, the
 * rendered explanation included, is copied out when it is made.
 */
public final class Stacking {
    /** C's {@code DGS_STACK_FLAG_REPEATED}. */
    private static final long FLAG_REPEATED = 0x1;
    /** C's {@code DGS_STACK_FLAG_NO_OBJECT}. */
    private static final long FLAG_NO_OBJECT = 0x2;

    private final List<Entry> entries;
    private final long totalFen;
    private final long upToTotalFen;
    private final String textZh;
    private final String textEn;
    private final String json;

    private Stacking(List<Entry> entries, long totalFen, long upToTotalFen, String textZh, String textEn,
                     String json) {
        this.entries = Collections.unmodifiableList(entries);
        this.totalFen = totalFen;
        this.upToTotalFen = upToTotalFen;
        this.textZh = textZh;
        this.textEn = textEn;
        this.json = json;
    }

    /**
     * Starts a stacking of one applicant's claims, each with its object.
     *
     * @param ruleset the ruleset whose readings apply
     * @return a builder
     */
    public static Builder builder(Ruleset ruleset) {
        return new Builder(Objects.requireNonNull(ruleset, "ruleset"));
    }

    /** One applicant's claims, added in order; {@link #build()} stacks them.  Not thread-safe. */
    public static final class Builder {
        private final Ruleset ruleset;
        private final List<Result> results = new ArrayList<>();
        private final List<String> objects = new ArrayList<>();
        private long[] granted = new long[8];

        Builder(Ruleset ruleset) {
            this.ruleset = ruleset;
        }

        /**
         * Adds a claim about the one object of its measure family.
         *
         * @param result the claim's result
         * @return this builder
         */
        public Builder claim(Result result) {
            return claim(result, null, BigDecimal.ZERO);
        }

        /**
         * Adds a claim about an object.
         *
         * @param result the claim's result
         * @param object what the claim is about (any id up to 256 bytes of UTF-8), or null / "" for none
         * @return this builder
         */
        public Builder claim(Result result, String object) {
            return claim(result, object, BigDecimal.ZERO);
        }

        /**
         * Adds a claim about an object, for which an amount was already granted.
         *
         * @param result          the claim's result
         * @param object          what the claim is about, or null / "" for none
         * @param alreadyGranted  yuan already granted for the same benefit (≥ 0, at most two decimals)
         * @return this builder
         * @throws InvalidValueException for a negative or fractional amount
         * @throws IllegalArgumentException for an object longer than 256 bytes of UTF-8 or with a NUL
         */
        public Builder claim(Result result, String object, BigDecimal alreadyGranted) {
            Objects.requireNonNull(result, "result");
            Objects.requireNonNull(alreadyGranted, "alreadyGranted");
            if (object != null && (object.indexOf('\0') >= 0
                    || object.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > 256)) {
                throw new IllegalArgumentException("an object is at most 256 bytes of UTF-8, without NUL");
            }
            long fen = Money.toFen(alreadyGranted, "already granted #" + results.size());
            if (results.size() == granted.length) {
                granted = java.util.Arrays.copyOf(granted, granted.length * 2);
            }
            granted[results.size()] = fen;
            results.add(result);
            objects.add(object == null || object.isEmpty() ? null : object);
            return this;
        }

        /**
         * Stacks the claims added.
         *
         * @return what is paid for each
         * @throws IllegalStateException if the ruleset or a result's ruleset is closed
         */
        public Stacking build() {
            return Stacking.compute(ruleset, new ArrayList<>(results), java.util.Arrays.copyOf(granted, results.size()),
                    new ArrayList<>(objects));
        }
    }

    static Stacking compute(Ruleset ruleset, List<Result> results, long[] granted) {
        List<String> none = new ArrayList<>(results.size());
        for (int i = 0; i < results.size(); i++) {
            none.add(null);
        }
        return compute(ruleset, results, granted, none);
    }

    static Stacking compute(Ruleset ruleset, List<Result> results, long[] granted, List<String> objects) {
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
            return compute(rs, results, granted, objects);
        } finally {
            for (Ruleset h : held) {
                h.release();
            }
        }
    }

    private static Stacking compute(SWIGTYPE_p_dgs_ruleset rs, List<Result> results, long[] granted,
                                    List<String> objects) {
        List<SWIGTYPE_p_dgs_result> natives = new ArrayList<>(results.size());
        SWIGTYPE_p_dgsw_results list = DgsNative.dgsw_results_new();
        if (list == null) {
            throw new DgsException(DgsException.E_NOMEM, "out of memory");
        }
        try {
            for (int i = 0; i < results.size(); i++) {
                SWIGTYPE_p_dgs_result r = results.get(i).snapshot().evaluate();
                natives.add(r);
                DgsNative.dgsw_results_add_claim(list, r, granted[i], objects.get(i));
            }
            SWIGTYPE_p_dgs_stack s = DgsNative.dgsw_stack_claims(rs, list);
            try {
                long n = DgsNative.dgs_stack_count(s);
                List<Entry> entries = new ArrayList<>((int) n);
                for (int i = 0; i < n; i++) {
                    entries.add(new Entry(results.get(i), DgsNative.dgs_stack_paid(s, i),
                            StackDecision.of(DgsNative.dgs_stack_decision(s, i)), DgsNative.dgs_stack_group(s, i),
                            (int) DgsNative.dgs_stack_winner(s, i), DgsNative.dgs_stack_reason(s, i, Lang.ZH),
                            DgsNative.dgs_stack_reason(s, i, Lang.EN), DgsNative.dgs_stack_object(s, i),
                            DgsNative.dgs_stack_object_kind(s, i), DgsNative.dgs_stack_up_to(s, i),
                            DgsNative.dgs_stack_flags(s, i)));
                }
                return new Stacking(entries, DgsNative.dgs_stack_total(s), DgsNative.dgs_stack_up_to_total(s),
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
     * What the ceilings still to be assessed could add to {@link #total()} at most, in yuan.
     *
     * @return the amount (0.00 when nothing is pending)
     */
    public BigDecimal upToTotal() {
        return BigDecimal.valueOf(upToTotalFen, 2);
    }

    /**
     * As {@link #upToTotal()}, in fen.
     *
     * @return the amount
     */
    public long upToTotalFen() {
        return upToTotalFen;
    }

    /**
     * The claims of a one-off measure (in no group) claimed more than once for the same object:
     * likely the same benefit twice, to check.
     *
     * @return the flagged entries, in order
     */
    public List<Entry> repeated() {
        return entriesWhere(Entry::repeated);
    }

    private List<Entry> entriesWhere(java.util.function.Predicate<Entry> flagged) {
        List<Entry> out = new ArrayList<>();
        for (Entry e : entries) {
            if (flagged.test(e)) {
                out.add(e);
            }
        }
        return Collections.unmodifiableList(out);
    }

    /**
     * The claims of a benefit per object that name no object and were read as one object, to check
     * ({@link Entry#noObject()}).
     *
     * @return the flagged entries, in order
     */
    public List<Entry> noObject() {
        return entriesWhere(Entry::noObject);
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
        return "Stacking[" + entries.size() + " results, total " + total()
                + (upToTotalFen != 0 ? ", up to " + upToTotal() + " to be assessed" : "") + "]";
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
        private final String object;
        private final String objectKind;
        private final long upToFen;
        private final boolean repeated;
        private final boolean noObject;

        Entry(Result result, long paidFen, StackDecision decision, String group, int winner, String reasonZh,
              String reasonEn, String object, String objectKind, long upToFen, long flags) {
            this.result = result;
            this.paidFen = paidFen;
            this.decision = decision;
            this.group = group;
            this.winner = winner;
            this.reasonZh = reasonZh;
            this.reasonEn = reasonEn;
            this.object = object;
            this.objectKind = objectKind;
            this.upToFen = upToFen;
            this.repeated = (flags & FLAG_REPEATED) != 0;
            this.noObject = (flags & FLAG_NO_OBJECT) != 0;
        }

        /**
         * What the claim is about, as given.
         *
         * @return the object, or "" for none
         */
        public String object() {
            return object;
        }

        /**
         * What the benefit of the claim's group is about.
         *
         * @return "project", "recognition", "exhibition", "contract", "enterprise", or "" outside groups
         */
        public String objectKind() {
            return objectKind;
        }

        /**
         * What an assessment of this pending ceiling could still add, in yuan.
         *
         * @return the amount (0.00 unless {@link StackDecision#PENDING_ASSESSMENT})
         */
        public BigDecimal upTo() {
            return BigDecimal.valueOf(upToFen, 2);
        }

        /**
         * Whether this one-off measure is claimed more than once for the same object.
         *
         * @return true when flagged
         */
        public boolean repeated() {
            return repeated;
        }

        /**
         * Whether this claim and others of its group, whose benefit is per object (a project, a
         * recognition, an exhibition, a contract), name no object: they were read as one object and
         * compete.  If they are different objects, give each its object
         * ({@link Stacking#builder(Ruleset)}).
         *
         * @return true when flagged
         */
        public boolean noObject() {
            return noObject;
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
         * @return paid, top-up, superseded, not granted, already paid, not a grant, pending assessment or capped
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
