// SPDX-License-Identifier: MulanPSL-2.0
package org.dgsubsidy;

import java.io.IOException;
import java.io.InputStream;
import java.lang.ref.Cleaner;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.dgsubsidy.internal.NativeLibrary;

/**
 * A ruleset: the catalogue of the policy's measures and the value of every number it sets.
 *
 * <p>{@link #builtin()} is 东府〔2024〕1号 as printed; {@link #withGuideline(Path)} and
 * {@link #withParameter(String, String, String)} derive new rulesets whose values change from a
 * date on.  A ruleset is immutable and thread-safe: build one at start-up and share it between
 * all request threads.
 *
 * <p>It owns native memory: {@link #close()} it when done (try-with-resources).  Close waits for
 * evaluations in flight on other threads, and every later use throws
 * {@link IllegalStateException}.  A ruleset that becomes unreachable without being closed is
 * freed by a {@link Cleaner} as a safety net.  {@link Result}s and {@link Measure} metadata are
 * plain Java values that stay readable after close.
 */
public final class Ruleset implements AutoCloseable {
    private static final Cleaner CLEANER = Cleaner.create();
    /** The C library refuses guideline files above 64 MiB; so does this side, before reading one. */
    private static final long MAX_GUIDELINE_BYTES = 64L << 20;

    /** The native ruleset and its use count; also the Cleaner's action. */
    private static final class Handle implements Runnable {
        final SWIGTYPE_p_dgs_ruleset ptr;
        final Guard guard = new Guard();

        Handle(SWIGTYPE_p_dgs_ruleset ptr) {
            this.ptr = ptr;
        }

        @Override
        public void run() {
            if (guard.close()) {
                DgsNative.dgs_ruleset_free(ptr);
            }
        }
    }

    private final Handle handle;
    private final Cleaner.Cleanable cleanable;
    private final String fingerprint;
    private volatile Catalog catalog;
    /** Texts results borrow from this ruleset, by their native address (see Result). */
    private final ConcurrentHashMap<Long, String> texts = new ConcurrentHashMap<>();

    private static final class Catalog {
        final List<Measure> list;
        final Map<String, Measure> byId;

        Catalog(List<Measure> list) {
            this.list = Collections.unmodifiableList(list);
            Map<String, Measure> map = new HashMap<>();
            for (Measure m : list) {
                map.put(m.id(), m);
            }
            this.byId = map;
        }
    }

    /** The fingerprints of this ruleset and of every ruleset it was derived from. */
    private final Set<String> lineage;

    private Ruleset(SWIGTYPE_p_dgs_ruleset ptr, Set<String> base) {
        this.handle = new Handle(ptr);
        this.cleanable = CLEANER.register(this, handle);
        this.fingerprint = DgsNative.dgs_ruleset_fingerprint(ptr);
        Set<String> l = new HashSet<>(base);
        l.add(fingerprint);
        this.lineage = Collections.unmodifiableSet(l);
    }

    /**
     * The ruleset of 东府〔2024〕1号 as printed: every measure, every number at its printed value,
     * every reading at its recommended default, in force 2024-01-16 … 2027-01-15.
     *
     * @return a new ruleset; close it when done
     * @throws UnsatisfiedLinkError if the native library cannot be loaded
     */
    public static Ruleset builtin() {
        NativeLibrary.load();
        return new Ruleset(DgsNative.dgs_ruleset_builtin(), Set.of());
    }

    // ---- the use count -------------------------------------------------------------------

    SWIGTYPE_p_dgs_ruleset acquire() {
        if (!handle.guard.acquire()) {
            throw new IllegalStateException("the ruleset " + fingerprint + " is closed");
        }
        return handle.ptr;
    }

    void release() {
        handle.guard.release();
    }

    /**
     * The text at a native address of this ruleset (static or owned by it), decoded once.
     * Called only while a use of the ruleset is held, so the address cannot be reused.
     */
    String text(long key, Supplier<String> decode) {
        if (key == 0) {
            return decode.get();
        }
        String s = texts.get(key);
        if (s == null) {
            s = decode.get();
            texts.putIfAbsent(key, s);
        }
        return s;
    }

    /**
     * Whether {@link #close()} has been called.
     *
     * @return true once closed
     */
    public boolean isClosed() {
        return handle.guard.isClosed();
    }

    /**
     * Frees the native ruleset, after waiting for calls in flight on other threads.  Later
     * uses of this ruleset (and of cases of its measures) throw {@link IllegalStateException}.
     * Closing twice is harmless.
     */
    @Override
    public void close() {
        cleanable.clean();
    }

    // ---- deriving ------------------------------------------------------------------------

    /**
     * Derives a ruleset by applying a guideline (申报指南) file, JSON as described in
     * docs/guidelines.md.  This ruleset is not changed.
     *
     * <p>The path must name a regular file (or a link to one) of at most 64 MiB.  Anything else
     * is refused before it is opened: a directory, a FIFO (reading one would wait for a writer
     * for ever), a device such as {@code /dev/zero} (endless) or a socket.
     *
     * @param path the guideline file
     * @return a new ruleset; close it when done
     * @throws GuidelineException {@link DgsException#E_IO} if the file does not exist, cannot be
     *         read or is not a regular file; {@link DgsException#E_GUIDELINE} if it is larger
     *         than 64 MiB or malformed (with the line)
     * @throws IllegalStateException if this ruleset is closed
     */
    public Ruleset withGuideline(Path path) {
        Objects.requireNonNull(path, "path");
        return withGuideline(readGuideline(path), path.toString());
    }

    /** The bytes of a guideline file, refusing what is not a regular file of at most 64 MiB. */
    static byte[] readGuideline(Path path) {
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(path, BasicFileAttributes.class); // follows links
        } catch (NoSuchFileException e) {
            throw new GuidelineException(DgsException.E_IO, path + ": cannot be read: no such file", 0, e);
        } catch (IOException | SecurityException e) {
            throw new GuidelineException(DgsException.E_IO, path + ": cannot be read: " + e, 0, e);
        }
        if (attributes.isDirectory()) {
            throw new GuidelineException(DgsException.E_IO, path + ": is a directory, not a guideline file", 0, null);
        }
        if (!attributes.isRegularFile()) {
            throw new GuidelineException(DgsException.E_IO, path + ": is not a regular file (a FIFO, a device or a"
                    + " socket); a guideline is read from a regular file of at most 64 MiB", 0, null);
        }
        if (attributes.size() > MAX_GUIDELINE_BYTES) {
            throw new GuidelineException(DgsException.E_GUIDELINE, path + ": larger than 64 MiB", 0, null);
        }
        // The check guards against mistakes (a wrong path, a pipe, a device), not against someone
        // who can replace the file between the check and the open.
        byte[] json;
        try (InputStream in = Files.newInputStream(path)) {
            // A file that grows after the check is still read no further than the limit.
            json = in.readNBytes((int) MAX_GUIDELINE_BYTES + 1);
        } catch (IOException | SecurityException e) {
            throw new GuidelineException(DgsException.E_IO, path + ": cannot be read: " + e, 0, e);
        }
        if (json.length > MAX_GUIDELINE_BYTES) {
            throw new GuidelineException(DgsException.E_GUIDELINE, path + ": larger than 64 MiB", 0, null);
        }
        return json;
    }

    /**
     * Derives a ruleset by applying a guideline given as JSON text.
     *
     * @param json   the guideline, JSON
     * @param source a name for messages (e.g. a file name)
     * @return a new ruleset; close it when done
     * @throws GuidelineException if the guideline is malformed
     * @throws IllegalStateException if this ruleset is closed
     */
    public Ruleset withGuideline(String json, String source) {
        Objects.requireNonNull(json, "json");
        Objects.requireNonNull(source, "source");
        return withGuideline(json.getBytes(java.nio.charset.StandardCharsets.UTF_8), source);
    }

    private Ruleset withGuideline(byte[] json, String source) {
        SWIGTYPE_p_dgs_ruleset base = acquire();
        try {
            return new Ruleset(DgsNative.dgs_ruleset_apply_guideline(base, json, source), lineage);
        } finally {
            release();
        }
    }

    /**
     * Derives a ruleset in which one parameter (or reading) takes a new value for every date.
     *
     * @param measureId the measure ("A1.07.a"), or null for a ruleset-wide parameter
     *                  (validity_start, validity_end, stacking_scope, …)
     * @param parameter the parameter's name
     * @param value     the value as text, as in guidelines: money in yuan "1500000.00",
     *                  a ratio "5%", "0.05" or "1:0.5", an area "18", a count "3", a reading
     *                  by name, a date "2025-01-01"
     * @return a new ruleset; close it when done
     * @throws UnknownMeasureException   if no measure has that id
     * @throws UnknownParameterException if there is no such parameter
     * @throws InvalidValueException     if the value is malformed or out of range
     * @throws IllegalStateException     if this ruleset is closed
     */
    public Ruleset withParameter(String measureId, String parameter, String value) {
        return withParameter(measureId, parameter, value, null, null, null);
    }

    /**
     * Derives a ruleset in which one parameter (or reading) takes a new value from
     * {@code from} to {@code until}.
     *
     * @param measureId the measure, or null for a ruleset-wide parameter
     * @param parameter the parameter's name
     * @param value     the value as text (see {@link #withParameter(String, String, String)})
     * @param from      the first day of the new value, or null for unbounded
     * @param until     the last day of the new value (inclusive), or null for unbounded
     * @param reference what authorises the change (shown in traces), or null
     * @return a new ruleset; close it when done
     * @throws UnknownMeasureException   if no measure has that id
     * @throws UnknownParameterException if there is no such parameter
     * @throws InvalidValueException     if the value is malformed or out of range, or the
     *                                   dates are reversed
     * @throws IllegalStateException     if this ruleset is closed
     */
    public Ruleset withParameter(String measureId, String parameter, String value, LocalDate from,
                                 LocalDate until, String reference) {
        Objects.requireNonNull(parameter, "parameter");
        Objects.requireNonNull(value, "value");
        SWIGTYPE_p_dgs_ruleset base = acquire();
        try {
            return new Ruleset(DgsNative.dgs_ruleset_set_parameter(base, measureId, parameter, value,
                    from == null ? null : from.toString(), until == null ? null : until.toString(),
                    reference), lineage);
        } finally {
            release();
        }
    }

    // ---- reforms --------------------------------------------------------------------------

    /**
     * A reform against this ruleset over one population, on one thread: see
     * {@link #compare(Ruleset, Population, String, int, String...)}.
     *
     * @param reform     a ruleset derived from this one
     * @param population the rows, in base units
     * @param date       the date of every row, YYYY-MM-DD
     * @param measures   the measures to compare, each once
     * @return the comparison
     */
    public Comparison compare(Ruleset reform, Population population, String date, String... measures) {
        return compare(reform, population, date, 1, measures);
    }

    /**
     * A reform against this ruleset (the baseline) over one population: every row is evaluated
     * for every measure under both rulesets (by {@link Batch}, on {@code threads} threads); per
     * row the baseline, the reform and the difference; per measure the totals, the gainers and
     * losers and what they gained and lost, and the rows by the constraint that set the reform's
     * amount.
     *
     * <p>Only a grant counts: a ceiling still to be assessed ({@link Outcome#UP_TO}) and every
     * other outcome count 0.  Each measure reads the columns that are its inputs or its
     * {@code condition.<id>}; a column no measure reads is refused, never ignored.
     *
     * <p>A row claims a measure when it gives at least one of the measure's inputs (a value
     * present in one of its input columns; {@code condition.<id>} columns do not count), as
     * {@code dgs_evaluate_population} and the other bindings decide.  A row that gives none has
     * the outcome {@link Outcome#NOT_CLAIMED} under both rulesets, counts 0 in both, is not invalid
     * and is left out of {@link Comparison.MeasureComparison#byBinding()};
     * {@link Comparison#claims(String)} counts the rows that claim each measure.  A row that claims
     * a measure and whose inputs are invalid under either ruleset (some but not all required
     * inputs, a negative amount, …) counts 0 in both and is counted as invalid (the error of the
     * first such row is {@link Comparison.MeasureComparison#firstError()}).
     *
     * @param reform     a ruleset derived from this one ({@link #withGuideline(Path)},
     *                   {@link #withParameter(String, String, String)}, possibly in several steps)
     * @param population the rows, in base units
     * @param date       the date of every row, YYYY-MM-DD
     * @param threads    the number of threads of each batch, at least 1
     * @param measures   the measures to compare, each once; their awards must be money
     * @return the comparison
     * @throws UnknownMeasureException  if a measure is unknown
     * @throws NotSupportedException    if a measure's number is not a grant of money (school
     *                                  places, a price floor), or a column is a list input
     * @throws UnknownInputException    if a column is read by none of the measures
     * @throws MissingInputException    if a required input of a measure has no column
     * @throws InvalidValueException    if the date is not a date YYYY-MM-DD
     * @throws IllegalArgumentException if the reform is not derived from this ruleset, no measure
     *                                  is given, a measure is given twice, or threads is below 1
     * @throws OverflowException        if a total exceeds {@link Long#MAX_VALUE} fen
     * @throws IllegalStateException    if either ruleset is closed
     */
    public Comparison compare(Ruleset reform, Population population, String date, int threads, String... measures) {
        Objects.requireNonNull(reform, "reform");
        Objects.requireNonNull(population, "population");
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(measures, "measures");
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, not " + threads);
        }
        if (measures.length == 0) {
            throw new IllegalArgumentException("no measure to compare: name at least one, e.g. \"A1.07.a\"");
        }
        if (!reform.lineage.contains(fingerprint)) {
            throw new IllegalArgumentException("the reform (ruleset " + reform.fingerprint
                    + ") is not derived from this ruleset (" + fingerprint
                    + "): derive it from the baseline with withGuideline or withParameter");
        }
        LocalDate day;
        try {
            day = LocalDate.parse(date);
        } catch (DateTimeParseException e) {
            throw new InvalidValueException(DgsException.E_DATE, "date '" + Lang.clip(date)
                    + "' is not a date YYYY-MM-DD");
        }
        List<Measure> base = new ArrayList<>();
        List<Measure> reformed = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (String id : measures) {
            Objects.requireNonNull(id, "measures[]");
            if (!seen.add(id)) {
                throw new IllegalArgumentException("measure " + Lang.clip(id) + " is given twice");
            }
            Measure m = measure(id);
            if (!m.isMoney() || m.kind() == Kind.PRICE_OR_QUOTA) {
                throw new NotSupportedException(id + ": its number is " + m.kind().label() + " in " + m.unit()
                        + ", not a grant of money: compare measures whose awards are money");
            }
            base.add(m);
            reformed.add(reform.measure(id));
        }
        // Which measures read each column; a column no measure reads is refused.
        List<List<String>> reads = new ArrayList<>();
        for (Measure m : base) {
            List<String> cols = new ArrayList<>();
            for (String name : population.columns()) {
                if (reads(m, name)) {
                    cols.add(name);
                }
            }
            for (Measure.Input in : m.inputs()) {
                if (in.required() && !cols.contains(in.name())) {
                    throw new MissingInputException(m.id() + ": no column '" + in.name() + "', a required input", 0);
                }
            }
            reads.add(cols);
        }
        for (String name : population.columns()) {
            boolean read = false;
            for (List<String> cols : reads) {
                read |= cols.contains(name);
            }
            if (!read) {
                throw new UnknownInputException("column '" + Lang.clip(name) + "' is not an input or condition of "
                        + String.join(", ", seen.size() == 1 ? List.of(measures[0]) : List.of(measures)));
            }
        }
        List<Comparison.MeasureComparison> parts = new ArrayList<>();
        for (int k = 0; k < base.size(); k++) {
            boolean[] claimed = claimed(base.get(k), population);
            BatchResult b0 = run(base.get(k), day, population, reads.get(k), threads);
            BatchResult b1 = run(reformed.get(k), day, population, reads.get(k), threads);
            DgsException error = firstClaimError(base.get(k), day, population, reads.get(k), b0, claimed);
            if (error == null) {
                error = firstClaimError(reformed.get(k), day, population, reads.get(k), b1, claimed);
            }
            parts.add(new Comparison.MeasureComparison(base.get(k).id(), claimed, b0.awardsFen(), b0.outcomeCodes(),
                    b0.binding(), b1.awardsFen(), b1.outcomeCodes(), b1.binding(), error));
        }
        Map<String, List<String>> groups = new LinkedHashMap<>();
        for (Measure m : base) {
            if (!m.group().isEmpty()) {
                groups.computeIfAbsent(m.group(), g -> new ArrayList<>()).add(m.id());
            }
        }
        groups.values().removeIf(ids -> ids.size() < 2);
        return new Comparison(day, fingerprint, reform.fingerprint, population.rows(), parts, groups);
    }

    /** The rows that claim m: those with a value present in at least one of its input columns. */
    private static boolean[] claimed(Measure m, Population population) {
        boolean[] claimed = new boolean[population.rows()];
        for (Measure.Input in : m.inputs()) {
            if (!population.columns().contains(in.name())) {
                continue;
            }
            boolean[] present = population.present(in.name());
            for (int i = 0; i < claimed.length; i++) {
                claimed[i] |= present == null || present[i];
            }
        }
        return claimed;
    }

    /**
     * The error of the first row that claims m and is invalid in b, or null: b's own first error
     * when it is that row's, else that row evaluated again alone (an earlier invalid row that
     * claims nothing is not an error).
     */
    private static DgsException firstClaimError(Measure m, LocalDate day, Population population,
                                                List<String> columns, BatchResult b, boolean[] claimed) {
        if (!b.firstError().isPresent()) {
            return null;
        }
        int[] outcomes = b.outcomeCodes();
        int row = 0;
        while (row < outcomes.length && !(claimed[row] && outcomes[row] == Outcome.INVALID.code())) {
            row++;
        }
        if (row == outcomes.length) {
            return null;
        }
        DgsException first = b.firstError().get();
        if (first.row() == row) {
            return first;
        }
        Batch again = m.batch(day).rows(population.rows()).range(row, row + 1);
        for (String name : columns) {
            again.column(name, population.values(name), population.present(name));
        }
        return again.run().firstError().orElse(first);
    }

    private static boolean reads(Measure m, String column) {
        if (column.startsWith("condition.")) {
            String id = column.substring("condition.".length());
            for (Measure.Condition c : m.conditions()) {
                if (c.id().equals(id)) {
                    return true;
                }
            }
            return false;
        }
        for (Measure.Input in : m.inputs()) {
            if (in.name().equals(column)) {
                return true;
            }
        }
        return false;
    }

    private static BatchResult run(Measure m, LocalDate day, Population population, List<String> columns,
                                   int threads) {
        Batch b = m.batch(day).rows(population.rows()).threads(threads);
        for (String name : columns) {
            b.column(name, population.values(name), population.present(name));
        }
        return b.run();
    }

    // ---- the catalogue -------------------------------------------------------------------

    /**
     * A 16-hex-digit fingerprint of every value of the ruleset; every result carries it, for
     * audit.
     *
     * @return the fingerprint
     */
    public String fingerprint() {
        return fingerprint;
    }

    /**
     * Every measure, in the order of the document (202 for the built-in ruleset).
     *
     * @return an unmodifiable list
     * @throws IllegalStateException if the ruleset is closed before the catalogue was read
     */
    public List<Measure> measures() {
        return catalog().list;
    }

    /**
     * The measure with this id.
     *
     * @param id e.g. "A1.07.a"
     * @return the measure
     * @throws UnknownMeasureException if no measure has that id
     * @throws IllegalStateException   if the ruleset is closed before the catalogue was read
     */
    public Measure measure(String id) {
        Objects.requireNonNull(id, "id");
        Measure m = catalog().byId.get(id);
        if (m != null) {
            return m;
        }
        SWIGTYPE_p_dgs_ruleset rs = acquire();
        try {
            DgsNative.dgs_ruleset_lookup(rs, id); // throws UnknownMeasureException with C's message
        } finally {
            release();
        }
        throw new UnknownMeasureException("unknown measure '" + Lang.clip(id) + "'");
    }

    /**
     * The measure with this id, if any.
     *
     * @param id e.g. "A1.07.a"
     * @return the measure, or empty
     */
    public Optional<Measure> findMeasure(String id) {
        Objects.requireNonNull(id, "id");
        return Optional.ofNullable(catalog().byId.get(id));
    }

    /**
     * A new case for the measure with this id; shorthand for {@code measure(id).newCase()}.
     *
     * @param measureId e.g. "A1.07.a"
     * @return an empty case
     * @throws UnknownMeasureException if no measure has that id
     */
    public Case newCase(String measureId) {
        return measure(measureId).newCase();
    }

    private Catalog catalog() {
        Catalog c = catalog;
        if (c == null) {
            synchronized (this) {
                c = catalog;
                if (c == null) {
                    c = catalog = readCatalog();
                }
            }
        }
        return c;
    }

    private Catalog readCatalog() {
        SWIGTYPE_p_dgs_ruleset rs = acquire();
        try {
            long n = DgsNative.dgs_ruleset_measure_count(rs);
            List<Measure> list = new ArrayList<>((int) n);
            for (long i = 0; i < n; i++) {
                SWIGTYPE_p_dgs_measure m = DgsNative.dgs_ruleset_measure_at(rs, i);
                list.add(Measure.read(this, m));
            }
            return new Catalog(list);
        } finally {
            release();
        }
    }

    /**
     * The ruleset-wide parameters (validity_start, validity_end, stacking_scope, …) and their
     * first values, as text.
     *
     * @return an unmodifiable map in the library's order
     * @throws IllegalStateException if the ruleset is closed
     */
    public Map<String, String> rulesetParameters() {
        SWIGTYPE_p_dgs_ruleset rs = acquire();
        try {
            Map<String, String> out = new LinkedHashMap<>();
            long n = DgsNative.dgs_ruleset_parameter_count(rs);
            for (long i = 0; i < n; i++) {
                out.put(DgsNative.dgs_ruleset_parameter_name(rs, i), DgsNative.dgs_ruleset_parameter_text(rs, i, null));
            }
            return Collections.unmodifiableMap(out);
        } finally {
            release();
        }
    }

    /**
     * The value of a ruleset-wide parameter in force at a date, as text.
     *
     * @param name the parameter, e.g. "validity_end"
     * @param date the date
     * @return the value, e.g. "2027-01-15"
     * @throws UnknownParameterException if the ruleset has no such parameter
     * @throws IllegalStateException     if the ruleset is closed
     */
    public String rulesetParameter(String name, LocalDate date) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(date, "date");
        SWIGTYPE_p_dgs_ruleset rs = acquire();
        try {
            long n = DgsNative.dgs_ruleset_parameter_count(rs);
            for (long i = 0; i < n; i++) {
                if (name.equals(DgsNative.dgs_ruleset_parameter_name(rs, i))) {
                    return DgsNative.dgs_ruleset_parameter_text(rs, i, date.toString());
                }
            }
        } finally {
            release();
        }
        throw new UnknownParameterException("the ruleset has no parameter '" + Lang.clip(name) + "'");
    }

    // ---- stacking ------------------------------------------------------------------------

    /**
     * Applies 就高、从优、不重复享受 to the results of one applicant, of which nothing was granted
     * before.  See {@link #stack(List, long[])}.
     *
     * @param results the applicant's results
     * @return what is paid for each
     */
    public Stacking stack(List<Result> results) {
        Objects.requireNonNull(results, "results");
        return stack(results, new long[results.size()]);
    }

    /**
     * Applies 就高、从优、不重复享受 to the results of one applicant: within an exclusive group only
     * the highest award is paid, as a top-up where a lower one was already granted.
     *
     * @param results         the applicant's results (of this ruleset or one derived from the
     *                        same base; their rulesets must still be open)
     * @param alreadyGranted  yuan already granted for each result (same length)
     * @return what is paid for each
     * @throws InvalidValueException    for a negative or fractional amount already granted
     * @throws IllegalArgumentException if the lengths differ
     * @throws IllegalStateException    if this or a result's ruleset is closed
     */
    public Stacking stack(List<Result> results, List<BigDecimal> alreadyGranted) {
        Objects.requireNonNull(results, "results");
        Objects.requireNonNull(alreadyGranted, "alreadyGranted");
        long[] fen = new long[alreadyGranted.size()];
        for (int i = 0; i < fen.length; i++) {
            fen[i] = Money.toFen(Objects.requireNonNull(alreadyGranted.get(i), "alreadyGranted[" + i + "]"),
                    "already granted #" + i);
        }
        return stack(results, fen);
    }

    /**
     * As {@link #stack(List, List)} with the amounts already granted in fen.
     *
     * @param results            the applicant's results
     * @param alreadyGrantedFen  fen already granted for each result (same length)
     * @return what is paid for each
     */
    public Stacking stack(List<Result> results, long[] alreadyGrantedFen) {
        Objects.requireNonNull(results, "results");
        Objects.requireNonNull(alreadyGrantedFen, "alreadyGrantedFen");
        if (alreadyGrantedFen.length != results.size()) {
            throw new IllegalArgumentException("alreadyGrantedFen has " + alreadyGrantedFen.length
                    + " amounts for " + results.size() + " results");
        }
        List<Result> copy = new ArrayList<>(results.size());
        for (int i = 0; i < results.size(); i++) {
            copy.add(Objects.requireNonNull(results.get(i), "results[" + i + "]"));
        }
        return Stacking.compute(this, copy, alreadyGrantedFen.clone());
    }

    @Override
    public String toString() {
        return "Ruleset[" + fingerprint + (isClosed() ? ", closed]" : "]");
    }
}
