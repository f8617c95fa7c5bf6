// SPDX-License-Identifier: MulanPSL-2.0
package org.dgsubsidy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Objects;


/**
 * One award clause of the policy, e.g. {@code A1.07.a}: its metadata (copied from the library
 * when the catalogue is first read, so it stays readable after the ruleset is closed), its
 * inputs and its parameters.  Start a {@link #newCase() case} to evaluate it, or a
 * {@link #batch(LocalDate) batch} to evaluate many.  Immutable and thread-safe.
 */
public final class Measure {
    private final Ruleset ruleset;
    private final SWIGTYPE_p_dgs_measure ptr;
    private final String id;
    private final Kind kind;
    private final String location;
    private final String titleZh;
    private final String titleEn;
    private final String clause;
    private final String departments;
    private final String group;
    private final boolean fixedAmount;
    private final String unit;
    private final boolean money;
    private final List<String> restates;
    private final List<Input> inputs;
    private final List<Parameter> parameters;
    private final List<Condition> conditions;
    private final String governedByZh;
    private final String governedByEn;

    private Measure(Ruleset ruleset, SWIGTYPE_p_dgs_measure ptr) {
        this.ruleset = ruleset;
        this.ptr = ptr;
        this.id = DgsNative.dgs_measure_id(ptr);
        this.kind = Kind.of(DgsNative.dgs_measure_kind(ptr));
        this.location = DgsNative.dgs_measure_location(ptr);
        this.titleZh = DgsNative.dgs_measure_title(ptr, Lang.ZH);
        this.titleEn = DgsNative.dgs_measure_title(ptr, Lang.EN);
        this.clause = DgsNative.dgs_measure_clause(ptr);
        this.departments = DgsNative.dgs_measure_departments(ptr);
        this.group = DgsNative.dgs_measure_group(ptr);
        this.fixedAmount = DgsNative.dgs_measure_fixed_amount(ptr) != 0;
        this.unit = DgsNative.dgs_measure_unit(ptr);
        this.money = "fen".equals(DgsNative.dgs_unit_name(DgsNative.dgs_measure_unit_type(ptr)));   // DGS_UNIT_FEN
        java.util.List<String> sources = new java.util.ArrayList<>();
        for (String src; (src = DgsNative.dgs_measure_restates(ptr, sources.size())) != null; )
            sources.add(src);
        this.restates = java.util.Collections.unmodifiableList(sources);
        long ni = DgsNative.dgs_measure_input_count(ptr);
        List<Input> ins = new ArrayList<>();
        for (long i = 0; i < ni; i++) {
            ins.add(Input.read(ptr, i));
        }
        this.inputs = Collections.unmodifiableList(ins);
        long np = DgsNative.dgs_measure_parameter_count(ptr);
        List<Parameter> ps = new ArrayList<>();
        for (long i = 0; i < np; i++) {
            ps.add(Parameter.read(this, ptr, i));
        }
        this.parameters = Collections.unmodifiableList(ps);
        long nc = DgsNative.dgs_measure_condition_count(ptr);
        List<Condition> cs = new ArrayList<>();
        for (long i = 0; i < nc; i++) {
            cs.add(new Condition(DgsNative.dgs_measure_condition_id(ptr, i),
                    DgsNative.dgs_measure_condition_phrase(ptr, i),
                    DgsNative.dgs_measure_condition_text(ptr, i, Lang.ZH),
                    DgsNative.dgs_measure_condition_text(ptr, i, Lang.EN)));
        }
        this.conditions = Collections.unmodifiableList(cs);
        this.governedByZh = DgsNative.dgs_measure_governed_by(ptr, Lang.ZH);
        this.governedByEn = DgsNative.dgs_measure_governed_by(ptr, Lang.EN);
    }

    /** Reads a measure's metadata; the caller holds a use of the ruleset. */
    static Measure read(Ruleset ruleset, SWIGTYPE_p_dgs_measure ptr) {
        return new Measure(ruleset, ptr);
    }

    /** The native measure; valid only while a use of the ruleset is held. */
    SWIGTYPE_p_dgs_measure ptr() {
        return ptr;
    }

    /**
     * The ruleset the measure belongs to.
     *
     * @return the ruleset
     */
    public Ruleset ruleset() {
        return ruleset;
    }

    /**
     * The public id of the measure.
     *
     * @return e.g. "A1.07.a"
     */
    public String id() {
        return id;
    }

    /**
     * What kind of clause it is.
     *
     * @return the kind
     */
    public Kind kind() {
        return kind;
    }

    /**
     * Where it stands in the document.
     *
     * @return e.g. "附件1 （七）提高融资租赁贴息限额"
     */
    public String location() {
        return location;
    }

    /**
     * The title in Chinese (for a Chinese locale) or English.
     *
     * @param locale the language
     * @return the title
     */
    public String title(Locale locale) {
        return Lang.pick(locale, titleZh, titleEn);
    }

    /**
     * The verbatim clause text (Chinese).
     *
     * @return the clause
     */
    public String clause() {
        return clause;
    }

    /**
     * The departments responsible (责任单位).
     *
     * @return the departments, empty when the text names none
     */
    public List<String> departments() {
        if (departments == null || departments.isEmpty()) {
            return List.of();
        }
        return List.of(departments.split("、"));
    }

    /**
     * The exclusive group (就高、从优、不重复享受) the measure belongs to.
     *
     * @return e.g. "G-A1.19", or "" when none
     */
    public String group() {
        return group;
    }

    /**
     * Whether the amounts are exact (给予10万元) rather than ceilings (最高/不超过).
     *
     * @return true for exact amounts
     */
    public boolean fixedAmount() {
        return fixedAmount;
    }

    /**
     * The unit of the measure's number.
     *
     * @return "yuan" for money; "places" etc. for quotas
     */
    public String unit() {
        return unit;
    }

    /**
     * Whether the measure's number is money (fen), from its typed unit; false for counts (places).
     *
     * @return true for money
     */
    public boolean isMoney() {
        return money;
    }

    /**
     * The measures whose clause states the amount this item restates: it is computed through
     * them (their parameters, their trace) and paid once with them.
     *
     * @return the ids, empty when the measure restates none
     */
    public List<String> restates() {
        return restates;
    }

    /**
     * The inputs a case of this measure takes, in the library's order.
     *
     * @return an unmodifiable list
     */
    public List<Input> inputs() {
        return inputs;
    }

    /**
     * The input of this name.
     *
     * @param name the input's name, e.g. "financed_amount"
     * @return the input
     * @throws UnknownInputException if the measure has no such input; the message lists them
     */
    public Input input(String name) {
        Objects.requireNonNull(name, "name");
        for (Input in : inputs) {
            if (in.name().equals(name)) {
                return in;
            }
        }
        StringBuilder list = new StringBuilder();
        for (Input in : inputs) {
            list.append(list.length() == 0 ? "" : ", ").append(in.name());
        }
        throw new UnknownInputException(id + " has no input '" + Lang.clip(name) + "' (inputs: "
                + (list.length() == 0 ? "none" : list) + ")");
    }

    /**
     * The parameters (every number of the clause, and its readings).
     *
     * @return an unmodifiable list
     */
    public List<Parameter> parameters() {
        return parameters;
    }

    /**
     * The parameter of this name.
     *
     * @param name e.g. "cap_per_year"
     * @return the parameter
     * @throws UnknownParameterException if the measure has no such parameter
     */
    public Parameter parameter(String name) {
        Objects.requireNonNull(name, "name");
        for (Parameter p : parameters) {
            if (p.name().equals(name)) {
                return p;
            }
        }
        throw new UnknownParameterException(id + ": unknown parameter '" + Lang.clip(name) + "'");
    }

    /**
     * The eligibility conditions the clause writes (numbers are inputs), in the clause's order;
     * none for qualitative measures.  Declare one on a case with
     * {@link Case#condition(String, boolean)}; undeclared, it is assumed met.
     *
     * @return an unmodifiable list
     */
    public List<Condition> conditions() {
        return conditions;
    }

    /**
     * The condition with this id.
     *
     * @param id e.g. "direct_lease"
     * @return the condition
     * @throws UnknownInputException if the measure has no such condition; the message lists them
     */
    public Condition condition(String id) {
        Objects.requireNonNull(id, "id");
        List<String> ids = new ArrayList<>();
        for (Condition c : conditions) {
            if (c.id().equals(id)) {
                return c;
            }
            ids.add(c.id());
        }
        throw new UnknownInputException(this.id + " has no condition '" + Lang.clip(id) + "' (conditions: "
                + (ids.isEmpty() ? "none" : String.join(", ", ids)) + ")");
    }

    /**
     * For a measure of kind {@link Kind#GOVERNED_ELSEWHERE}: the policy that sets its amount.
     *
     * @param locale Chinese for a Chinese locale, else English
     * @return the policy's name, or "" for every other measure
     */
    public String governedBy(Locale locale) {
        return Lang.pick(locale, governedByZh, governedByEn);
    }

    /**
     * A new, empty case of this measure.
     *
     * @return the case builder
     */
    public Case newCase() {
        return new Case(this);
    }

    /**
     * A new batch of this measure's cases at one date.
     *
     * @param date the date of the qualifying events
     * @return the batch builder
     */
    public Batch batch(LocalDate date) {
        return new Batch(this, Objects.requireNonNull(date, "date"));
    }

    @Override
    public String toString() {
        return id + " " + titleEn;
    }

    /** An eligibility condition of a measure.  Immutable. */
    public static final class Condition {
        private final String id;
        private final String phrase;
        private final String textZh;
        private final String textEn;

        Condition(String id, String phrase, String textZh, String textEn) {
            this.id = id;
            this.phrase = phrase;
            this.textZh = textZh;
            this.textEn = textEn;
        }

        /**
         * The condition's short, stable id.
         *
         * @return e.g. "direct_lease"
         */
        public String id() {
            return id;
        }

        /**
         * The words of the clause the condition comes from, verbatim.
         *
         * @return e.g. "融资租赁直租方式"
         */
        public String phrase() {
            return phrase;
        }

        /**
         * The condition stated briefly.
         *
         * @param locale Chinese for a Chinese locale, else English
         * @return e.g. "直租方式" or "a direct finance lease"
         */
        public String text(Locale locale) {
            return Lang.pick(locale, textZh, textEn);
        }

        @Override
        public String toString() {
            return id + " (" + textEn + ")";
        }
    }

    /** An input of a measure.  Immutable. */
    public static final class Input {
        private final String name;
        private final ValueType type;
        private final String unit;
        private final boolean required;
        private final String descriptionZh;
        private final String descriptionEn;
        private final List<String> choices;

        private Input(SWIGTYPE_p_dgs_measure m, long i) {
            name = DgsNative.dgs_measure_input_name(m, i);
            type = ValueType.of(DgsNative.dgs_measure_input_type(m, i));
            unit = DgsNative.dgs_measure_input_unit(m, i);
            required = DgsNative.dgs_measure_input_required(m, i) != 0;
            descriptionZh = DgsNative.dgs_measure_input_description(m, i, Lang.ZH);
            descriptionEn = DgsNative.dgs_measure_input_description(m, i, Lang.EN);
            long n = DgsNative.dgs_measure_input_choice_count(m, i);
            String[] cs = new String[(int) n];
            for (int j = 0; j < n; j++) {
                cs[j] = DgsNative.dgs_measure_input_choice(m, i, j);
            }
            choices = List.of(cs);
        }

        static Input read(SWIGTYPE_p_dgs_measure m, long i) {
            return new Input(m, i);
        }

        /**
         * The input's name.
         *
         * @return e.g. "financed_amount"
         */
        public String name() {
            return name;
        }

        /**
         * The input's type.
         *
         * @return MONEY, AREA, COUNT, FLAG, CHOICE or MONEY_LIST
         */
        public ValueType type() {
            return type;
        }

        /**
         * The unit it is written in as text.
         *
         * @return "yuan", "m2", "days", …
         */
        public String unit() {
            return unit;
        }

        /**
         * Whether a case must set it.
         *
         * @return true if required
         */
        public boolean required() {
            return required;
        }

        /**
         * What the input is, in Chinese (for a Chinese locale) or English.
         *
         * @param locale the language
         * @return the description
         */
        public String description(Locale locale) {
            return Lang.pick(locale, descriptionZh, descriptionEn);
        }

        /**
         * For a choice input, the names of the choices.
         *
         * @return an unmodifiable list, else empty
         */
        public List<String> choices() {
            return choices;
        }

        @Override
        public String toString() {
            return name + ":" + type.label() + (required ? "" : "?");
        }
    }

    /**
     * A parameter of a measure: a number the document sets (a ratio, a cap, a threshold, a
     * per-unit limit, a tier amount) or a reading of a disputed clause.  Its metadata is
     * immutable; its values are read from the ruleset (which must be open).
     */
    public static final class Parameter {
        private final Measure measure;
        private final long index;
        private final String name;
        private final ValueType type;
        private final String unit;
        private final String descriptionZh;
        private final String descriptionEn;
        private final List<String> choices;

        private Parameter(Measure measure, SWIGTYPE_p_dgs_measure m, long i) {
            this.measure = measure;
            this.index = i;
            name = DgsNative.dgs_measure_parameter_name(m, i);
            type = ValueType.of(DgsNative.dgs_measure_parameter_type(m, i));
            unit = DgsNative.dgs_measure_parameter_unit(m, i);
            descriptionZh = DgsNative.dgs_measure_parameter_description(m, i, Lang.ZH);
            descriptionEn = DgsNative.dgs_measure_parameter_description(m, i, Lang.EN);
            long n = DgsNative.dgs_measure_parameter_choice_count(m, i);
            String[] cs = new String[(int) n];
            for (int j = 0; j < n; j++) {
                cs[j] = DgsNative.dgs_measure_parameter_choice(m, i, j);
            }
            choices = List.of(cs);
        }

        static Parameter read(Measure measure, SWIGTYPE_p_dgs_measure m, long i) {
            return new Parameter(measure, m, i);
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
         * The parameter's type.
         *
         * @return MONEY, RATIO, AREA, COUNT, SWITCH or DATE
         */
        public ValueType type() {
            return type;
        }

        /**
         * The unit of its value.
         *
         * @return e.g. "yuan"
         */
        public String unit() {
            return unit;
        }

        /**
         * What the parameter is, in Chinese (for a Chinese locale) or English.
         *
         * @param locale the language
         * @return the description
         */
        public String description(Locale locale) {
            return Lang.pick(locale, descriptionZh, descriptionEn);
        }

        /**
         * For a reading (switch), the names of the readings.
         *
         * @return an unmodifiable list, else empty
         */
        public List<String> choices() {
            return choices;
        }

        /**
         * The value as printed in the document, as text ("1500000.00", "5%", "higher", "unset").
         *
         * @return the value
         * @throws IllegalStateException if the ruleset is closed
         */
        public String value() {
            return read(null).value();
        }

        /**
         * The value in force at a date and the reference that set it.
         *
         * @param date the date
         * @return the value and its reference
         * @throws IllegalStateException if the ruleset is closed
         */
        public ParameterValue valueAt(LocalDate date) {
            return read(Objects.requireNonNull(date, "date").toString());
        }

        private ParameterValue read(String date) {
            Ruleset rs = measure.ruleset();
            rs.acquire();
            try {
                String text = DgsNative.dgs_measure_parameter_text(measure.ptr(), index, date);
                String reference = DgsNative.dgsw_measure_parameter_reference(measure.ptr(), index, date);
                return new ParameterValue(text, reference);
            } finally {
                rs.release();
            }
        }

        @Override
        public String toString() {
            return measure.id() + "." + name;
        }
    }

    /** A parameter's value at a date and what set it.  Immutable. */
    public static final class ParameterValue {
        private final String value;
        private final String reference;

        ParameterValue(String value, String reference) {
            this.value = value;
            this.reference = reference;
        }

        /**
         * The value as text.
         *
         * @return e.g. "1500000.00", "5%", "higher", "unset"
         */
        public String value() {
            return value;
        }

        /**
         * The clause phrase or guideline reference that set it.
         *
         * @return the reference, or ""
         */
        public String reference() {
            return reference;
        }

        @Override
        public String toString() {
            return value + (reference.isEmpty() ? "" : " (" + reference + ")");
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof ParameterValue && ((ParameterValue) o).value.equals(value)
                    && ((ParameterValue) o).reference.equals(reference);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(new Object[] {value, reference});
        }
    }
}
