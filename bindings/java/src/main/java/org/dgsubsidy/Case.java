// SPDX-License-Identifier: MulanPSL-2.0
package org.dgsubsidy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;


/**
 * One applicant's inputs for one measure and the date of the qualifying event: a builder.
 *
 * <pre>{@code
 * Result r = ruleset.measure("A1.07.a").newCase()
 *         .date(LocalDate.of(2024, 6, 1))
 *         .money("financed_amount", new BigDecimal("20000000"))
 *         .money("interest_paid", new BigDecimal("1500000.00"))
 *         .evaluate();
 * }</pre>
 *
 * <p>Each setter checks the input's name and type at once (an unknown input or a value of the
 * wrong kind throws); the library checks everything again when the case is evaluated.  A case
 * holds no native memory: it is a plain Java object, to be used by one thread at a time, and
 * may be evaluated any number of times and changed in between.
 */
public final class Case {
    /** What a setter stored, to be applied to a native case. */
    static final class Value {
        static final int MONEY = 1;
        static final int INT = 2;
        static final int FLAG = 3;
        static final int CHOICE = 4;
        static final int LIST = 5;
        static final int TEXT = 6;
        static final int CONDITION = 7;

        final String input;
        final int how;
        final long number;
        final String text;
        final long[] list;

        Value(String input, int how, long number, String text, long[] list) {
            this.input = input;
            this.how = how;
            this.number = number;
            this.text = text;
            this.list = list;
        }

        void apply(SWIGTYPE_p_dgs_case c) {
            switch (how) {
                case MONEY:
                    DgsNative.dgs_case_set_money(c, input, number);
                    break;
                case INT:
                    DgsNative.dgs_case_set_int(c, input, number);
                    break;
                case FLAG:
                    DgsNative.dgs_case_set_flag(c, input, (int) number);
                    break;
                case CHOICE:
                    DgsNative.dgs_case_set_choice(c, input, text);
                    break;
                case LIST:
                    DgsNative.dgs_case_set_list(c, input, list);
                    break;
                case CONDITION:
                    DgsNative.dgs_case_set_condition(c, text, (int) number);
                    break;
                default:
                    DgsNative.dgs_case_set_text(c, input, text);
                    break;
            }
        }
    }

    /** An immutable copy of a case, kept by its result to render it again. */
    static final class Snapshot {
        final Measure measure;
        final String date;
        final Value[] values;

        Snapshot(Measure measure, String date, Value[] values) {
            this.measure = measure;
            this.date = date;
            this.values = values;
        }

        /** Evaluates natively; the caller holds a use of the measure's ruleset and frees the result. */
        SWIGTYPE_p_dgs_result evaluate() {
            SWIGTYPE_p_dgs_case c = DgsNative.dgs_case_new(measure.ptr());
            try {
                if (date != null) {
                    DgsNative.dgs_case_set_date(c, date);
                }
                for (Value v : values) {
                    v.apply(c);
                }
                return DgsNative.dgs_evaluate(c);
            } finally {
                DgsNative.dgs_case_free(c);
            }
        }
    }

    private final Measure measure;
    private String date;
    private final Map<String, Value> values = new LinkedHashMap<>();

    Case(Measure measure) {
        this.measure = measure;
    }

    /**
     * The measure this case is for.
     *
     * @return the measure
     */
    public Measure measure() {
        return measure;
    }

    /**
     * Sets the date of the qualifying event, which picks the parameter values in force and is
     * checked against the policy's validity window.
     *
     * @param date the date
     * @return this case
     */
    public Case date(LocalDate date) {
        this.date = Objects.requireNonNull(date, "date").toString();
        values.remove("date");
        return this;
    }

    /**
     * Sets a money input in yuan.
     *
     * @param input the input's name
     * @param yuan  a non-negative amount with at most two decimals
     * @return this case
     * @throws UnknownInputException if the measure has no such input
     * @throws InvalidValueException if the input is not money ({@link DgsException#E_TYPE}), or
     *         the amount is negative or has a fraction of a fen
     * @throws OverflowException     if the amount exceeds {@link Money#MAX_YUAN}
     */
    public Case money(String input, BigDecimal yuan) {
        Measure.Input in = typed(input, ValueType.MONEY);
        Objects.requireNonNull(yuan, "yuan");
        return put(new Value(in.name(), Value.MONEY, Money.toFen(yuan, where(in)), null, null));
    }

    /**
     * Sets a money input in fen.
     *
     * @param input the input's name
     * @param fen   a non-negative amount in fen
     * @return this case
     * @throws UnknownInputException if the measure has no such input
     * @throws InvalidValueException if the input is not money, or the amount is negative
     */
    public Case moneyFen(String input, long fen) {
        Measure.Input in = typed(input, ValueType.MONEY);
        nonNegative(in, fen, "money");
        return put(new Value(in.name(), Value.MONEY, fen, null, null));
    }

    /**
     * Sets an area input in square metres.
     *
     * @param input        the input's name
     * @param squareMetres a non-negative area with at most two decimals
     * @return this case
     * @throws UnknownInputException if the measure has no such input
     * @throws InvalidValueException if the input is not an area, or the area is negative or
     *         finer than 0.01 m²
     */
    public Case area(String input, BigDecimal squareMetres) {
        Measure.Input in = typed(input, ValueType.AREA);
        Objects.requireNonNull(squareMetres, "squareMetres");
        long hundredths = Money.hundredths(squareMetres, where(in), "area", "m2");
        return put(new Value(in.name(), Value.INT, hundredths, null, null));
    }

    /**
     * Sets a count input (days, months, persons, years, places).
     *
     * @param input the input's name
     * @param count a non-negative whole number
     * @return this case
     * @throws UnknownInputException if the measure has no such input
     * @throws InvalidValueException if the input is not a count, or the count is negative
     */
    public Case count(String input, long count) {
        Measure.Input in = typed(input, ValueType.COUNT);
        nonNegative(in, count, "count");
        return put(new Value(in.name(), Value.INT, count, null, null));
    }

    /**
     * Sets a flag input.
     *
     * @param input the input's name
     * @param value the flag
     * @return this case
     * @throws UnknownInputException if the measure has no such input
     * @throws InvalidValueException if the input is not a flag
     */
    public Case flag(String input, boolean value) {
        Measure.Input in = typed(input, ValueType.FLAG);
        return put(new Value(in.name(), Value.FLAG, value ? 1 : 0, null, null));
    }

    /**
     * Sets a choice input by the choice's name.
     *
     * @param input  the input's name
     * @param choice one of {@link Measure.Input#choices()}
     * @return this case
     * @throws UnknownInputException if the measure has no such input
     * @throws InvalidValueException if the input is not a choice ({@link DgsException#E_TYPE})
     *         or the choice is not one of its choices ({@link DgsException#E_CHOICE})
     */
    public Case choice(String input, String choice) {
        Measure.Input in = typed(input, ValueType.CHOICE);
        Objects.requireNonNull(choice, "choice");
        if (!in.choices().contains(choice)) {
            throw new InvalidValueException(DgsException.E_CHOICE, where(in) + ": unknown choice '"
                    + Lang.clip(choice) + "' (choices: " + String.join(", ", in.choices()) + ")");
        }
        return put(new Value(in.name(), Value.CHOICE, 0, choice, null));
    }

    /**
     * Sets a list-of-money input in yuan.
     *
     * @param input the input's name
     * @param yuan  the amounts, each non-negative with at most two decimals
     * @return this case
     * @throws UnknownInputException if the measure has no such input
     * @throws InvalidValueException if the input is not a list, or an amount is invalid
     */
    public Case list(String input, List<BigDecimal> yuan) {
        Measure.Input in = typed(input, ValueType.MONEY_LIST);
        Objects.requireNonNull(yuan, "yuan");
        long[] fen = new long[yuan.size()];
        for (int i = 0; i < fen.length; i++) {
            BigDecimal item = Objects.requireNonNull(yuan.get(i), "yuan[" + i + "]");
            fen[i] = Money.toFen(item, where(in) + ": item " + (i + 1));
        }
        return put(new Value(in.name(), Value.LIST, 0, null, fen));
    }

    /**
     * Sets a list-of-money input in fen.
     *
     * @param input the input's name
     * @param fen   the amounts in fen (copied)
     * @return this case
     * @throws UnknownInputException if the measure has no such input
     * @throws InvalidValueException if the input is not a list, or an amount is negative
     */
    public Case listFen(String input, long... fen) {
        Measure.Input in = typed(input, ValueType.MONEY_LIST);
        Objects.requireNonNull(fen, "fen");
        long[] copy = fen.clone();
        for (int i = 0; i < copy.length; i++) {
            if (copy[i] < 0) {
                throw new InvalidValueException(DgsException.E_NEGATIVE,
                        where(in) + ": item " + (i + 1) + " is negative money");
            }
        }
        return put(new Value(in.name(), Value.LIST, 0, null, copy));
    }

    /**
     * Declares an eligibility condition of the measure met or not met.  A condition not met
     * makes the result {@link Outcome#INELIGIBLE} with the clause's phrase as the reason;
     * an undeclared one is assumed met (see {@link Result#conditions()}).
     *
     * @param id  the condition's id, e.g. "direct_lease" (see {@link Measure#conditions()})
     * @param met true for met, false for not met
     * @return this case
     * @throws UnknownInputException if the measure has no such condition; the message lists them
     */
    public Case condition(String id, boolean met) {
        Measure.Condition c = measure.condition(id);
        return put(new Value(CONDITION_PREFIX + c.id(), Value.CONDITION, met ? 1 : 0, c.id(), null));
    }

    /**
     * Forgets the declaration of a condition: it is assumed met again.
     *
     * @param id the condition's id
     * @return this case
     * @throws UnknownInputException if the measure has no such condition
     */
    public Case unsetCondition(String id) {
        values.remove(CONDITION_PREFIX + measure.condition(id).id());
        return this;
    }

    private static final String CONDITION_PREFIX = "condition.";

    /**
     * Sets any input from text as the command line writes it: money in yuan ("33333.33"),
     * areas in m², counts as integers, flags "true"/"false", choices by name, lists
     * comma-separated.  The input "date" sets the date ("2024-06-01").  The text is read by the
     * library when the case is evaluated, and errors are reported then.
     *
     * @param input the input's name, or "date"
     * @param text  the value as text
     * @return this case
     * @throws UnknownInputException if the measure has no such input
     */
    public Case text(String input, String text) {
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(text, "text");
        if (input.equals("date")) {
            date = null;
            values.remove("date");
            values.put("date", new Value("date", Value.TEXT, 0, text, null));
            return this;
        }
        if (input.startsWith(CONDITION_PREFIX) && !hasInput(input)) {
            // condition.<id> = "true" | "false": read by the library, which reports a bad value.
            Measure.Condition c = measure.condition(input.substring(CONDITION_PREFIX.length()));
            return put(new Value(CONDITION_PREFIX + c.id(), Value.TEXT, 0, text, null));
        }
        Measure.Input in = measure.input(input);
        return put(new Value(in.name(), Value.TEXT, 0, text, null));
    }

    /**
     * Unsets an input, or the date with "date".
     *
     * @param input the input's name, or "date"
     * @return this case
     * @throws UnknownInputException if the measure has no such input
     */
    public Case unset(String input) {
        Objects.requireNonNull(input, "input");
        if (input.equals("date")) {
            date = null;
            values.remove("date");
            return this;
        }
        if (input.startsWith(CONDITION_PREFIX) && !hasInput(input)) {
            return unsetCondition(input.substring(CONDITION_PREFIX.length()));
        }
        values.remove(measure.input(input).name());
        return this;
    }

    /**
     * Evaluates the case: checks the date against the validity window, resolves every parameter
     * at the date, runs the measure's clause and returns the result with its trace.  An
     * applicant who does not qualify is an outcome, not an error.
     *
     * @return the result, an immutable value
     * @throws MissingInputException if the date or a required input is not set
     * @throws InvalidValueException if a value given as text is malformed
     * @throws OverflowException     if an amount overflows
     * @throws IllegalStateException if the ruleset is closed
     */
    public Result evaluate() {
        Snapshot snapshot = snapshot();
        Ruleset rs = measure.ruleset();
        rs.acquire();
        try {
            SWIGTYPE_p_dgs_result r = snapshot.evaluate();
            try {
                return Result.read(r, snapshot);
            } finally {
                DgsNative.dgs_result_free(r);
            }
        } finally {
            rs.release();
        }
    }

    Snapshot snapshot() {
        return new Snapshot(measure, date, values.values().toArray(new Value[0]));
    }

    private boolean hasInput(String name) {
        for (Measure.Input in : measure.inputs()) {
            if (in.name().equals(name)) {
                return true;
            }
        }
        return false;
    }

    private Case put(Value v) {
        values.put(v.input, v);
        return this;
    }

    private Measure.Input typed(String input, ValueType type) {
        Objects.requireNonNull(input, "input");
        Measure.Input in = measure.input(input);
        if (in.type() != type) {
            throw new InvalidValueException(DgsException.E_TYPE,
                    where(in) + " is " + in.type().label() + ", not " + type.label());
        }
        return in;
    }

    private void nonNegative(Measure.Input in, long value, String noun) {
        if (value < 0) {
            throw new InvalidValueException(DgsException.E_NEGATIVE,
                    where(in) + ": negative " + noun + " " + value + " is refused");
        }
    }

    private String where(Measure.Input in) {
        return measure.id() + "." + in.name();
    }

    /**
     * The values set so far, for display, each in the unit it is set in: money in yuan, areas
     * in m² (as the command line and {@link #text(String, String)} write them).
     *
     * @return e.g. "A1.07.a{date=2024-06-01, financed_amount=20000000.00}"
     */
    @Override
    public String toString() {
        List<String> parts = new ArrayList<>();
        if (date != null) {
            parts.add("date=" + date);
        }
        for (Value v : values.values()) {
            parts.add(v.input + "=" + show(v));
        }
        return measure.id() + "{" + String.join(", ", parts) + "}";
    }

    private String show(Value v) {
        switch (v.how) {
            case Value.MONEY:
                return Money.toYuan(v.number).toPlainString();
            case Value.INT:
                return measure.input(v.input).type() == ValueType.AREA
                        ? BigDecimal.valueOf(v.number, 2).toPlainString() : Long.toString(v.number);
            case Value.FLAG:
                return v.number != 0 ? "true" : "false";
            case Value.LIST:
                List<String> items = new ArrayList<>(v.list.length);
                for (long fen : v.list) {
                    items.add(Money.toYuan(fen).toPlainString());
                }
                return String.join(",", items);
            default:
                return v.text;
        }
    }
}
