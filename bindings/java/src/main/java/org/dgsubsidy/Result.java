// SPDX-License-Identifier: MulanPSL-2.0
package org.dgsubsidy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonValue;


/**
 * The result of evaluating a case: the award, the outcome, the constraint that bound, the
 * reason, and a trace of every step with the clause or parameter it came from.
 *
 * <p>Immutable and thread-safe, a value: two results are {@link #equals(Object) equal} when
 * their measure, date, outcome, award, unit, binding, reasons, group, ruleset fingerprint,
 * trace and parameters are.  Everything is copied out of the library when the result is made,
 * so it stays readable after its ruleset is closed ({@link #toMap(Locale)} included), except
 * the rendered {@link #explain(Locale) explanation} and {@link #toJson() JSON}, which the
 * library renders on demand (once, then kept) and so need the ruleset open the first time.
 *
 * <p>Jackson serialises a result as {@link #toMap()}: plain strings, whole numbers and lists,
 * money as a decimal string ({@code "1400000.00"}), never a floating-point number.
 */
public final class Result {
    private final Case.Snapshot snapshot;
    private final String measureId;
    private final String date;
    private final Outcome outcome;
    private final long awardFen;
    private final String unit;
    private final boolean money;
    private final String computedBy;
    private final String binding;
    private final String reasonZh;
    private final String reasonEn;
    private final String group;
    private final String fingerprint;
    private final List<Step> steps;
    private final List<ParameterUse> parameters;
    private final List<Condition> conditions;
    private volatile String textZh;
    private volatile String textEn;
    private volatile String jsonZh;
    private volatile String jsonEn;

    private Result(SWIGTYPE_p_dgs_result r, Case.Snapshot snapshot) {
        this.snapshot = snapshot;
        this.measureId = DgsNative.dgs_result_measure_id(r);
        this.date = DgsNative.dgs_result_date(r);
        this.outcome = Outcome.of(DgsNative.dgs_result_outcome(r));
        this.awardFen = DgsNative.dgs_result_award(r);
        this.unit = DgsNative.dgs_result_unit(r);
        this.money = "fen".equals(DgsNative.dgs_unit_name(DgsNative.dgs_result_unit_type(r)));   // DGS_UNIT_FEN
        this.computedBy = DgsNative.dgs_result_computed_by(r);
        this.binding = DgsNative.dgs_result_binding(r);
        this.reasonZh = DgsNative.dgs_result_reason(r, Lang.ZH);
        this.reasonEn = DgsNative.dgs_result_reason(r, Lang.EN);
        this.group = DgsNative.dgs_result_group(r);
        this.fingerprint = DgsNative.dgs_result_fingerprint(r);
        // Labels, sources and references are the ruleset's own texts: each is decoded once
        // and found again by its address (Ruleset.text).
        Ruleset rs = snapshot.measure.ruleset();
        long n = DgsNative.dgs_result_step_count(r);
        List<Step> st = new ArrayList<>((int) n);
        for (long i = 0; i < n; i++) {
            final long k = i;
            st.add(new Step(
                    rs.text(DgsNative.dgsw_step_label_key(r, k, Lang.ZH), () -> DgsNative.dgs_result_step_label(r, k, Lang.ZH)),
                    rs.text(DgsNative.dgsw_step_label_key(r, k, Lang.EN), () -> DgsNative.dgs_result_step_label(r, k, Lang.EN)),
                    ValueType.of(DgsNative.dgs_result_step_type(r, i)),
                    DgsNative.dgs_result_step_value(r, i),
                    DgsNative.dgsw_result_step_denominator(r, i),
                    rs.text(DgsNative.dgsw_step_source_key(r, k), () -> DgsNative.dgs_result_step_source(r, k)),
                    rs.text(DgsNative.dgsw_step_reference_key(r, k), () -> DgsNative.dgs_result_step_reference(r, k)),
                    ValueType.of(DgsNative.dgs_result_step_amount_type(r, i)),
                    DgsNative.dgs_result_step_amount(r, i)));
        }
        this.steps = Collections.unmodifiableList(st);
        long np = DgsNative.dgs_result_parameter_count(r);
        List<ParameterUse> ps = new ArrayList<>((int) np);
        for (long i = 0; i < np; i++) {
            final long k = i;
            ps.add(new ParameterUse(
                    rs.text(DgsNative.dgsw_parameter_name_key(r, k), () -> DgsNative.dgs_result_parameter_name(r, k)),
                    rs.text(DgsNative.dgsw_parameter_reference_key(r, k), () -> DgsNative.dgs_result_parameter_reference(r, k))));
        }
        this.parameters = Collections.unmodifiableList(ps);
        long nc = DgsNative.dgs_result_condition_count(r);
        List<Condition> cs = new ArrayList<>((int) nc);
        List<Measure.Condition> defs = snapshot.measure.conditions();
        for (long i = 0; i < nc; i++) {
            cs.add(new Condition(defs.get((int) i), ConditionStatus.of(DgsNative.dgs_result_condition_status(r, i))));
        }
        this.conditions = Collections.unmodifiableList(cs);
    }

    /**
     * Every eligibility condition of the measure with its status: met, not met (the result is
     * then ineligible) or assumed (not declared).
     *
     * @return an unmodifiable list, in the clause's order
     */
    public List<Condition> conditions() {
        return conditions;
    }

    /** A condition as the result carries it.  Immutable. */
    public static final class Condition {
        private final Measure.Condition condition;
        private final ConditionStatus status;

        Condition(Measure.Condition condition, ConditionStatus status) {
            this.condition = condition;
            this.status = status;
        }

        /**
         * The condition's id.
         *
         * @return e.g. "direct_lease"
         */
        public String id() {
            return condition.id();
        }

        /**
         * Met, not met or assumed.
         *
         * @return the status
         */
        public ConditionStatus status() {
            return status;
        }

        /**
         * The clause's words the condition comes from.
         *
         * @return e.g. "融资租赁直租方式"
         */
        public String phrase() {
            return condition.phrase();
        }

        /**
         * The condition stated briefly.
         *
         * @param locale Chinese for a Chinese locale, else English
         * @return e.g. "直租方式"
         */
        public String text(Locale locale) {
            return condition.text(locale);
        }

        @Override
        public String toString() {
            return condition.id() + "=" + status.label();
        }
    }

    /** Copies a native result; the caller holds a use of the ruleset and frees r. */
    static Result read(SWIGTYPE_p_dgs_result r, Case.Snapshot snapshot) {
        return new Result(r, snapshot);
    }

    Case.Snapshot snapshot() {
        return snapshot;
    }

    /**
     * The measure evaluated.
     *
     * @return the measure
     */
    public Measure measure() {
        return snapshot.measure;
    }

    /**
     * The id of the measure evaluated.
     *
     * @return e.g. "A1.07.a"
     */
    public String measureId() {
        return measureId;
    }

    /**
     * The case's date, as the library read it.
     *
     * @return the date
     */
    public LocalDate date() {
        try {
            return LocalDate.parse(date);
        } catch (DateTimeParseException e) {
            throw new IllegalStateException("the library reported the date '" + date + "'", e);
        }
    }

    /**
     * The outcome.
     *
     * @return granted, ineligible, not in force, unspecified or not computable
     */
    public Outcome outcome() {
        return outcome;
    }

    /**
     * Whether the outcome is {@link Outcome#GRANTED}.
     *
     * @return true for a grant
     */
    public boolean granted() {
        return outcome == Outcome.GRANTED;
    }

    /**
     * The award: yuan with two decimals when {@link #isMoney()} (the maximum the text
     * allows: 最高/不超过 are ceilings), else a whole number in that unit (e.g. places of a
     * quota).  Zero unless granted.
     *
     * @return the award
     */
    public BigDecimal award() {
        return money ? BigDecimal.valueOf(awardFen, 2) : BigDecimal.valueOf(awardFen);
    }

    /**
     * Whether the award is money (fen), from the measure's typed unit; false for counts (places).
     *
     * @return true for money
     */
    public boolean isMoney() {
        return money;
    }

    /**
     * The measure that computed the result: its own, or the attachment measure it restates.
     *
     * @return e.g. "A4.09.c" for a result of OP.22.b
     */
    public String computedBy() {
        return computedBy;
    }

    /**
     * The award in fen.  Only for an award of money: a {@code long} of this binding is fen
     * wherever it stands for money, and a measure whose number is not money (a quota of
     * places, say) has no award in fen.
     *
     * @return the award, fen
     * @throws IllegalStateException if {@link #unit()} is not yuan; read {@link #award()} and
     *         {@link #unit()} instead
     */
    public long awardFen() {
        if (!money) {
            throw new IllegalStateException(measureId + " awards " + unit + ", not money: it has no award in fen;"
                    + " read award() and unit()");
        }
        return awardFen;
    }

    /**
     * The unit of the award.
     *
     * @return "yuan", "places", …
     */
    public String unit() {
        return unit;
    }

    /**
     * The constraint that set the amount.
     *
     * @return e.g. "cap_per_year", "interest_paid", or "" when none
     */
    public String binding() {
        return binding;
    }

    /**
     * Why the outcome is what it is: the failed condition, the validity window, the numbers a
     * guideline must supply; "" for a grant.
     *
     * @param locale Chinese for a Chinese locale, else English
     * @return the reason
     */
    public String reason(Locale locale) {
        return Lang.pick(locale, reasonZh, reasonEn);
    }

    /**
     * The exclusive group the result falls in for stacking.
     *
     * @return the group, or ""
     */
    public String group() {
        return group;
    }

    /**
     * The fingerprint of the ruleset that produced the result, for audit.
     *
     * @return 16 hex digits
     */
    public String fingerprint() {
        return fingerprint;
    }

    /**
     * The trace: every step of the computation in order.
     *
     * @return an unmodifiable list
     */
    public List<Step> steps() {
        return steps;
    }

    /**
     * The parameters the evaluation used and the references of their values.
     *
     * @return an unmodifiable list
     */
    public List<ParameterUse> parameters() {
        return parameters;
    }

    /**
     * The explanation as the library writes it: the measure, the outcome, the amount, each step
     * with the clause phrase it comes from.
     *
     * @param locale Chinese for a Chinese locale, else English
     * @return the text
     * @throws IllegalStateException if the ruleset was closed before the first call (never a
     *         text of another ruleset)
     */
    public String explain(Locale locale) {
        if (Lang.of(locale) == Lang.ZH) {
            String s = textZh;
            return s != null ? s : (textZh = render(0, Lang.ZH));
        }
        String s = textEn;
        return s != null ? s : (textEn = render(0, Lang.EN));
    }

    /**
     * The result as JSON, labels in English: measure, date, outcome, award (yuan string),
     * award_fen, unit, binding, reason, group, fingerprint, steps, parameters.
     *
     * @return the JSON text
     * @throws IllegalStateException if the ruleset was closed before the first call
     */
    public String toJson() {
        return toJson(Locale.ENGLISH);
    }

    /**
     * The result as JSON with labels and reason in the locale's language.
     *
     * @param locale Chinese for a Chinese locale, else English
     * @return the JSON text
     * @throws IllegalStateException if the ruleset was closed before the first call
     */
    public String toJson(Locale locale) {
        if (Lang.of(locale) == Lang.ZH) {
            String s = jsonZh;
            return s != null ? s : (jsonZh = render(1, Lang.ZH));
        }
        String s = jsonEn;
        return s != null ? s : (jsonEn = render(1, Lang.EN));
    }

    /** Evaluates the case again (evaluation is deterministic) and renders that result. */
    private String render(int format, int lang) {
        Ruleset rs = snapshot.measure.ruleset();
        try {
            rs.acquire();
        } catch (IllegalStateException e) {
            throw new IllegalStateException("the result of " + measureId + " cannot be rendered: its ruleset "
                    + fingerprint + " was closed before " + (format == 0 ? "explain()" : "toJson()")
                    + " was first called; call it before closing the ruleset, or use toMap(), which needs no"
                    + " ruleset", e);
        }
        try {
            SWIGTYPE_p_dgs_result r = snapshot.evaluate();
            try {
                return DgsNative.dgs_result_render(r, format, lang);
            } finally {
                DgsNative.dgs_result_free(r);
            }
        } finally {
            rs.release();
        }
    }

    /**
     * The result as plain values, keyed as in {@link #toJson()} and with its English texts: measure,
     * date ("2024-06-01"), outcome ("granted"), award (a decimal string: "1400000.00" for money,
     * "6" for a quota), award_fen (money only), unit, binding, reason, group, fingerprint, steps
     * (label, type, value: a decimal string for money and areas, else a whole number;
     * denominator for a ratio; source, reference) and parameters (name, reference).  Needs no
     * open ruleset.  Jackson serialises a result as this map.
     *
     * @return an unmodifiable map in that order
     */
    @JsonValue
    public Map<String, Object> toMap() {
        return toMap(Locale.ENGLISH);
    }

    /**
     * As {@link #toMap()}, with the reason and the steps' labels in the locale's language.
     *
     * @param locale Chinese for a Chinese locale, else English
     * @return an unmodifiable map
     */
    public Map<String, Object> toMap(Locale locale) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("measure", measureId);
        m.put("date", date);
        m.put("outcome", outcome.label());
        m.put("award", award().toPlainString());
        if (money) {
            m.put("award_fen", awardFen);
        }
        m.put("unit", unit);
        m.put("binding", binding);
        m.put("reason", reason(locale));
        m.put("group", group);
        m.put("fingerprint", fingerprint);
        List<Object> st = new ArrayList<>(steps.size());
        for (Step s : steps) {
            st.add(s.toMap(locale));
        }
        m.put("steps", Collections.unmodifiableList(st));
        List<Object> ps = new ArrayList<>(parameters.size());
        for (ParameterUse p : parameters) {
            Map<String, Object> pm = new LinkedHashMap<>();
            pm.put("name", p.name());
            pm.put("reference", p.reference());
            ps.add(Collections.unmodifiableMap(pm));
        }
        m.put("parameters", Collections.unmodifiableList(ps));
        return Collections.unmodifiableMap(m);
    }

    /**
     * Equal to another result with the same measure id, date, outcome, award, unit, binding,
     * reasons (both languages), group, fingerprint, steps and parameters: the same answer from
     * the same rules, whichever ruleset object or thread produced it.
     */
    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof Result)) {
            return false;
        }
        Result r = (Result) o;
        return awardFen == r.awardFen && outcome == r.outcome && Objects.equals(measureId, r.measureId)
                && Objects.equals(date, r.date) && Objects.equals(unit, r.unit) && Objects.equals(binding, r.binding)
                && Objects.equals(reasonZh, r.reasonZh) && Objects.equals(reasonEn, r.reasonEn)
                && Objects.equals(group, r.group) && Objects.equals(fingerprint, r.fingerprint)
                && steps.equals(r.steps) && parameters.equals(r.parameters);
    }

    @Override
    public int hashCode() {
        return Objects.hash(measureId, date, outcome, awardFen, unit, binding, reasonZh, reasonEn, group,
                fingerprint, steps, parameters);
    }

    /**
     * The result in one line.
     *
     * @return e.g. "A1.07.a 2024-06-01 granted 1400000.00 yuan (ratio) [3f2a…]": measure, date,
     *         outcome, award, unit, binding and the ruleset's fingerprint
     */
    @Override
    public String toString() {
        return measureId + " " + date + " " + outcome.label() + " " + award().toPlainString() + " " + unit
                + (binding.isEmpty() ? "" : " (" + binding + ")") + " [" + fingerprint + "]";
    }

    /** One step of the trace.  Immutable. */
    public static final class Step {
        private final String labelZh;
        private final String labelEn;
        private final ValueType type;
        private final long value;
        private final long denominator;
        private final String source;
        private final String reference;
        private final ValueType amountType;
        private final long amount;

        Step(String labelZh, String labelEn, ValueType type, long value, long denominator, String source,
             String reference, ValueType amountType, long amount) {
            this.amountType = amountType;
            this.amount = amount;
            this.labelZh = labelZh;
            this.labelEn = labelEn;
            this.type = type;
            this.value = value;
            this.denominator = denominator;
            this.source = source;
            this.reference = reference;
        }

        /**
         * What the step computes.
         *
         * @param locale Chinese for a Chinese locale, else English
         * @return e.g. "融资额的5%" / "5% of the financed amount"
         */
        public String label(Locale locale) {
            return Lang.pick(locale, labelZh, labelEn);
        }

        /**
         * The type of the value.
         *
         * @return MONEY, AREA, COUNT, FLAG, RATIO, …
         */
        public ValueType type() {
            return type;
        }

        /**
         * The value in its base unit (fen, 0.01 m², units), or a ratio's numerator.
         *
         * @return the value
         */
        public long value() {
            return value;
        }

        /**
         * A ratio's denominator; 1 for any other type.
         *
         * @return the denominator
         */
        public long denominator() {
            return denominator;
        }

        /**
         * The value as a decimal: yuan for money, m² for areas, the exact quotient for a ratio
         * that has one (else rounded to 34 digits), the number otherwise.
         *
         * @return the value
         */
        public BigDecimal decimal() {
            switch (type) {
                case MONEY:
                case AREA:
                    return BigDecimal.valueOf(value, 2);
                case RATIO:
                    try {
                        return BigDecimal.valueOf(value).divide(BigDecimal.valueOf(denominator));
                    } catch (ArithmeticException e) {
                        return BigDecimal.valueOf(value).divide(BigDecimal.valueOf(denominator),
                                java.math.MathContext.DECIMAL128);
                    }
                default:
                    return BigDecimal.valueOf(value);
            }
        }

        /**
         * The amount after the step, in its base unit (fen, 0.01 m², units): the amount so far
         * after a ratio, cap or sum; for an input or threshold, the quantity read or tested.
         * {@link #value()} is the step's own figure (the input, ratio, cap or threshold).
         *
         * @return the amount after the step
         */
        public long amount() {
            return amount;
        }

        /**
         * The type of {@link #amount()}.
         *
         * @return MONEY, AREA or COUNT
         */
        public ValueType amountType() {
            return amountType;
        }

        /**
         * The amount after the step as a decimal: yuan for money, m² for areas, else the number.
         *
         * @return the amount
         */
        public BigDecimal amountDecimal() {
            return amountType == ValueType.MONEY || amountType == ValueType.AREA
                    ? BigDecimal.valueOf(amount, 2) : BigDecimal.valueOf(amount);
        }

        /**
         * The parameter or input the step came from.
         *
         * @return e.g. "ratio", "interest_paid", or ""
         */
        public String source() {
            return source;
        }

        /**
         * The clause phrase or guideline reference behind the step.
         *
         * @return the reference, or ""
         */
        public String reference() {
            return reference;
        }

        @Override
        public String toString() {
            return labelEn + ": " + (type == ValueType.RATIO ? value + "/" + denominator : decimal().toPlainString())
                    + " → " + amountDecimal().toPlainString();
        }

        /** A ratio as the library writes it: a percentage when one with at most four decimals ("5%"), else num/den. */
        static String ratioText(long num, long den) {
            try {
                BigDecimal pct = BigDecimal.valueOf(num).multiply(BigDecimal.valueOf(100))
                        .divide(BigDecimal.valueOf(den));
                if (pct.stripTrailingZeros().scale() <= 4) {
                    return pct.stripTrailingZeros().toPlainString() + "%";
                }
            } catch (ArithmeticException notExact) {
                // a ratio such as 1/3: written as a fraction
            }
            return num + "/" + den;
        }

        /* ---- value semantics (Result.equals, Result.toMap) ---- */

        Map<String, Object> toMap(Locale locale) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("label", label(locale));
            m.put("type", type.label());
            if (type == ValueType.MONEY || type == ValueType.AREA) {
                m.put("value", BigDecimal.valueOf(value, 2).toPlainString());
            } else if (type == ValueType.RATIO) {
                m.put("value", ratioText(value, denominator));
            } else {
                m.put("value", value);
            }
            m.put("amount_type", amountType.label());
            m.put("amount", amountType == ValueType.MONEY || amountType == ValueType.AREA
                    ? BigDecimal.valueOf(amount, 2).toPlainString() : amount);
            m.put("source", source);
            m.put("reference", reference);
            return Collections.unmodifiableMap(m);
        }

        @Override
        public boolean equals(Object o) {
            if (this == o) {
                return true;
            }
            if (!(o instanceof Step)) {
                return false;
            }
            Step t = (Step) o;
            return value == t.value && denominator == t.denominator && type == t.type
                    && amount == t.amount && amountType == t.amountType
                    && Objects.equals(labelZh, t.labelZh) && Objects.equals(labelEn, t.labelEn)
                    && Objects.equals(source, t.source) && Objects.equals(reference, t.reference);
        }

        @Override
        public int hashCode() {
            return Objects.hash(labelZh, labelEn, type, value, denominator, amountType, amount, source, reference);
        }
    }

    /** A parameter an evaluation used, and the reference of the value used.  Immutable. */
    public static final class ParameterUse {
        private final String name;
        private final String reference;

        ParameterUse(String name, String reference) {
            this.name = name;
            this.reference = reference;
        }

        /**
         * The parameter's name.
         *
         * @return e.g. "cap_per_year"
         */
        public String name() {
            return name;
        }

        /**
         * The clause phrase, or the guideline article that set the value.
         *
         * @return the reference
         */
        public String reference() {
            return reference;
        }

        @Override
        public String toString() {
            return name + " (" + reference + ")";
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof ParameterUse && Objects.equals(((ParameterUse) o).name, name)
                    && Objects.equals(((ParameterUse) o).reference, reference);
        }

        @Override
        public int hashCode() {
            return Objects.hash(name, reference);
        }
    }
}
