// SPDX-License-Identifier: MulanPSL-2.0
package org.dgsubsidy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Rows of applicants as named columns of {@code long}, for {@link Ruleset#compare}: the
 * columns a {@link Batch} takes, kept for several measures.  Values are in base units, as in a
 * batch: fen for money, hundredths of m² for areas, whole units for counts, 0/1 for flags and
 * {@code condition.<id>} columns, the choice's index for choices.  A column may mark values as
 * missing: a row claims a measure when at least one of the measure's input columns has a value
 * present in that row (see {@link Ruleset#compare}), so one population holds the rows of several
 * measures, each row giving the inputs of the measures it claims.
 *
 * <pre>{@code
 * Population pop = Population.builder(3)
 *         .column("financed_amount", new long[] {2_800_000_000L, 1_000_000_000L, 3_600_000_000L})
 *         .column("interest_paid", new long[] {120_000_000L, 80_000_000L, 200_000_000L})
 *         .build();
 * }</pre>
 *
 * <p>Immutable and thread-safe: the arrays are copied when the population is built.
 */
public final class Population {
    private final int rows;
    private final List<String> names;
    private final Map<String, long[]> values;
    private final Map<String, boolean[]> present;

    private Population(int rows, Map<String, long[]> values, Map<String, boolean[]> present) {
        this.rows = rows;
        this.names = Collections.unmodifiableList(new ArrayList<>(values.keySet()));
        this.values = values;
        this.present = present;
    }

    /**
     * A builder of a population of {@code rows} rows.
     *
     * @param rows the number of rows
     * @return the builder
     * @throws IllegalArgumentException if rows is negative
     */
    public static Builder builder(int rows) {
        if (rows < 0) {
            throw new IllegalArgumentException("rows must not be negative: " + rows);
        }
        return new Builder(rows);
    }

    /**
     * The number of rows.
     *
     * @return the number of rows
     */
    public int rows() {
        return rows;
    }

    /**
     * The names of the columns, in the order they were added.
     *
     * @return an unmodifiable list
     */
    public List<String> columns() {
        return names;
    }

    /** The values of a column (not copied: never handed out of the package). */
    long[] values(String name) {
        return values.get(name);
    }

    /** The presence flags of a column, or null when every value is present. */
    boolean[] present(String name) {
        return present.get(name);
    }

    @Override
    public String toString() {
        return "Population[" + rows + " rows, columns " + names + "]";
    }

    /** Builds a {@link Population}; for one thread. */
    public static final class Builder {
        private final int rows;
        private final Map<String, long[]> values = new LinkedHashMap<>();
        private final Map<String, boolean[]> present = new LinkedHashMap<>();

        private Builder(int rows) {
            this.rows = rows;
        }

        /**
         * Adds a column in which every row has a value.
         *
         * @param name   an input's name, or {@code condition.<id>}
         * @param values one value per row, in base units (copied)
         * @return this builder
         * @throws IllegalArgumentException if the column is given twice or its length is not the
         *                                  number of rows
         */
        public Builder column(String name, long[] values) {
            return column(name, values, null);
        }

        /**
         * Adds a column with missing values.
         *
         * @param name    an input's name, or {@code condition.<id>}
         * @param values  one value per row, in base units (copied)
         * @param present per row, whether the value is present; null for all present (copied)
         * @return this builder
         * @throws IllegalArgumentException if the column is given twice or a length is not the
         *                                  number of rows
         */
        public Builder column(String name, long[] values, boolean[] present) {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(values, "values");
            if (this.values.containsKey(name)) {
                throw new IllegalArgumentException("column '" + Lang.clip(name) + "' is given twice");
            }
            if (values.length != rows) {
                throw new IllegalArgumentException("column '" + Lang.clip(name) + "' has " + values.length
                        + " values; the population has " + rows + " rows");
            }
            if (present != null && present.length != rows) {
                throw new IllegalArgumentException("column '" + Lang.clip(name) + "': " + present.length
                        + " presence flags; the population has " + rows + " rows");
            }
            this.values.put(name, values.clone());
            if (present != null) {
                this.present.put(name, present.clone());
            }
            return this;
        }

        /**
         * The population.
         *
         * @return a new immutable population
         */
        public Population build() {
            return new Population(rows, new LinkedHashMap<>(values), new LinkedHashMap<>(present));
        }
    }
}
