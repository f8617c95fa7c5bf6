/*
 * The batch path: one measure over columns of inputs, without traces.
 *
 * Input names are resolved and parameters resolved once; rows are checked a
 * chunk at a time, then the measure's batch loop (its formula inlined into a
 * loop over rows) runs over each run of valid rows.
 */
#include <string.h>

#include "core/error.h"
#include "engine/engine.h"

#define CHUNK 4096

static const uint8_t absent[CHUNK];
static const int64_t zeros[CHUNK];

/* The first problem of row i, or DGS_OK. */
static int check_row(const measure_spec *spec, const int64_t *const *cols,
                     const uint8_t *const *present, size_t i, bool need_required, int16_t *which)
{
    for (uint8_t k = 0; k < spec->n_inputs; k++) {
        const input_def *in = &spec->inputs[k];
        bool has = !present[k] || present[k][i];
        *which = k;
        if (!has) {
            if (in->required && need_required)
                return DGS_E_MISSING_INPUT;
            continue;
        }
        int64_t v = cols[k][i];
        if (in->type == DGS_TYPE_CHOICE) {
            if (v < 0 || (uint64_t)v >= choice_count(in->choices))
                return DGS_E_CHOICE;
        } else if (in->type == DGS_TYPE_FLAG) {
            if (v != 0 && v != 1)
                return DGS_E_RANGE;
        } else if (v < 0) {
            return DGS_E_NEGATIVE;
        }
    }
    return DGS_OK;
}

/* Whether no value of a column exceeds `limit` read as unsigned: a negative
 * value of money, an area or a count has its sign bit set (limit INT64_MAX:
 * an OR of the values tells), a flag or a choice index is above its last
 * value.  Four accumulators, so the loop runs at the speed of the loads. */
static bool column_valid(const int64_t *v, size_t n, uint64_t limit)
{
    size_t i = 0;
    if (limit == INT64_MAX) {
        int64_t a0 = 0, a1 = 0, a2 = 0, a3 = 0;
        for (; i + 4 <= n; i += 4) {
            a0 |= v[i];
            a1 |= v[i + 1];
            a2 |= v[i + 2];
            a3 |= v[i + 3];
        }
        for (; i < n; i++)
            a0 |= v[i];
        return (a0 | a1 | a2 | a3) >= 0;
    }
    uint64_t b0 = 0, b1 = 0, b2 = 0, b3 = 0;
    for (; i + 4 <= n; i += 4) {
        b0 |= (uint64_t)v[i] > limit;
        b1 |= (uint64_t)v[i + 1] > limit;
        b2 |= (uint64_t)v[i + 2] > limit;
        b3 |= (uint64_t)v[i + 3] > limit;
    }
    for (; i < n; i++)
        b0 |= (uint64_t)v[i] > limit;
    return !(b0 | b1 | b2 | b3);
}

/* Whether every row of a chunk is valid, checked a column at a time (one
 * branch-free pass per column) instead of a branchy walk over every input of
 * every row.  A chunk that fails is then checked row by row with check_row()
 * to find and mark the invalid rows, so each row's outcome is the same either
 * way. */
static bool chunk_valid(const measure_spec *spec, const int64_t *const *cols,
                        const uint8_t *const *present, size_t n)
{
    for (uint8_t k = 0; k < spec->n_inputs; k++) {
        const input_def *in = &spec->inputs[k];
        uint64_t limit = INT64_MAX;
        if (in->type == DGS_TYPE_CHOICE) {
            limit = 0;
            while (in->choices[limit])
                limit++;
            if (limit == 0)
                return false;
            limit--;
        } else if (in->type == DGS_TYPE_FLAG) {
            limit = 1;
        }
        const uint8_t *has = present[k];
        if (!has) {
            if (!column_valid(cols[k], n, limit))
                return false;
            continue;
        }
        /* Some values may be missing: only present ones are checked. */
        const int64_t *v = cols[k];
        uint64_t bad = 0;
        uint8_t all = 1;
        for (size_t i = 0; i < n; i++) {
            bad |= has[i] && (uint64_t)v[i] > limit;
            all &= has[i] != 0;
        }
        if (bad || (in->required && !all))
            return false;
    }
    return true;
}

/* Whether an outcome of the chunk is DGS_OUTCOME_INVALID (-1, the only negative one). */
static bool any_invalid(const int32_t *outcomes, size_t n)
{
    int32_t a0 = 0, a1 = 0, a2 = 0, a3 = 0;
    size_t i = 0;
    for (; i + 4 <= n; i += 4) {
        a0 |= outcomes[i];
        a1 |= outcomes[i + 1];
        a2 |= outcomes[i + 2];
        a3 |= outcomes[i + 3];
    }
    for (; i < n; i++)
        a0 |= outcomes[i];
    return (a0 | a1 | a2 | a3) < 0;
}

static int row_error(dgs_error *err, int code, const measure_spec *spec, const char *id, size_t row,
                     int16_t which)
{
    const char *name = which >= 0 ? spec->inputs[which].name : "a sum";
    switch (code) {
    case DGS_E_MISSING_INPUT:
        dgs_fail(err, code, "%s: row %zu: required input '%s' is missing", id, row, name);
        break;
    case DGS_E_NEGATIVE:
        dgs_fail(err, code, "%s: row %zu: negative value of '%s' is refused", id, row, name);
        break;
    case DGS_E_CHOICE:
        dgs_fail(err, code, "%s: row %zu: choice index of '%s' out of range", id, row, name);
        break;
    case DGS_E_RANGE:
        dgs_fail(err, code, "%s: row %zu: flag '%s' must be 0 or 1", id, row, name);
        break;
    default:
        dgs_fail(err, code, "%s: row %zu: the amount overflows (inputs too large)", id, row);
    }
    if (err)
        err->row = row;
    return code;
}

/* Per-row details the caller asked for (dgs_evaluate_batch_detail()), or NULL. */
typedef struct detail_out {
    int32_t *bindings;
    int32_t *reasons;
} detail_out;

/* Runs the measure's loop over n valid rows from row `at` of the outputs. */
static void run_rows(calc *c, size_t n, size_t at, dgs_fen_t *awards, int32_t *outcomes,
                     const detail_out *d)
{
    const measure_spec *spec = c->spec;
    if (!d) {
        spec->batch(c, n, awards + at, outcomes + at);
    } else if (spec->detail) {
        spec->detail(c, n, awards + at, outcomes + at, d->bindings + at, d->reasons + at);
    } else {                            /* no detail loop: the formula row by row, as the scalar path */
        calc row = *c;
        row.trace = false;
        for (size_t i = 0; i < n; i++) {
            row.row = i;
            calc_reset(&row);
            spec->formula(&row);
            awards[at + i] = row.error ? 0 : row.award;
            outcomes[at + i] = row.error ? DGS_OUTCOME_INVALID : row.outcome;
            d->bindings[at + i] = row.error ? -1 : calc_binding_code(&row);
            d->reasons[at + i] = row.error ? DGS_REASON_INVALID : row.why;
        }
    }
}

/* A row that gets no formula: its outcome, award 0, no binding, its reason. */
static void set_row(size_t i, dgs_fen_t *awards, int32_t *outcomes, const detail_out *d, int outcome,
                    int why)
{
    awards[i] = 0;
    outcomes[i] = outcome;
    if (d) {
        d->bindings[i] = -1;
        d->reasons[i] = outcome == DGS_OUTCOME_INVALID ? DGS_REASON_INVALID : why;
    }
}

/* The batch over rows [begin, end) of columns of `rows` values. */
static int batch_range(const char *fn, const dgs_measure *m, const char *date, size_t rows, size_t cols,
                       const char *const *names, const int64_t *const *columns,
                       const uint8_t *const *present, size_t begin, size_t end, dgs_fen_t *awards,
                       int32_t *outcomes, const detail_out *d, dgs_error *err)
{
    int32_t day;
    if (!m || !date || (cols && (!names || !columns)) || (rows && (!awards || !outcomes)))
        return dgs_fail(err, DGS_E_INVALID_ARGUMENT,
                        "%s: measure, date, names, columns, awards and outcomes must not be NULL", fn);
    if (begin > end || end > rows)
        return dgs_fail(err, DGS_E_INVALID_ARGUMENT, "%s: rows %zu..%zu are not within the %zu rows", fn,
                        begin, end, rows);
    if (d && !d->bindings && !d->reasons)
        d = NULL;                       /* neither asked for: the plain loop, over the range */
    if (d && (!d->bindings || !d->reasons))
        return dgs_fail(err, DGS_E_INVALID_ARGUMENT, "%s: bindings and reasons are both given or both NULL",
                        fn);
    if (dgs_date_parse(date, &day))
        return dgs_fail(err, DGS_E_DATE, "date '%.40s' is not a valid date YYYY-MM-DD", date);

    const measure_spec *spec = m->meta->spec;
    size_t n_inputs = spec ? spec->n_inputs : 0;
    int colmap[MAX_INPUTS];
    for (size_t k = 0; k < MAX_INPUTS; k++)
        colmap[k] = -1;
    for (size_t j = 0; j < cols; j++) {
        if (!names[j] || (rows && !columns[j]))
            return dgs_fail(err, DGS_E_INVALID_ARGUMENT, "%s: column %zu has a NULL name or data",
                            m->meta->id, j);
        long k = dgs_measure_input_index(m, names[j]);
        if (k < 0 && strcmp(names[j], "date") == 0)
            return dgs_fail(err, DGS_E_NOT_SUPPORTED,
                            "%s: a batch has one date (the date argument); a column 'date' is not read",
                            m->meta->id);
        if (k < 0)
            return engine_unknown_input(m, names[j], err);
        if (colmap[k] >= 0)
            return dgs_fail(err, DGS_E_INVALID_ARGUMENT, "%s: input '%s' given in two columns",
                            m->meta->id, names[j]);
        if (spec->inputs[k].type == DGS_TYPE_MONEY_LIST)
            return dgs_fail(err, DGS_E_NOT_SUPPORTED, "%s: list input '%s' cannot be batched",
                            m->meta->id, names[j]);
        colmap[k] = (int)j;
    }

    resolved params[MAX_PARAMS];
    calc c;
    bool run = engine_prepare(m, day, params, &c);
    if (!spec) {                        /* a qualitative measure: no inputs, one outcome */
        for (size_t i = begin; i < end; i++)
            set_row(i, awards, outcomes, d, c.outcome, c.why);
        return dgs_ok(err);
    }

    /* Every ratio's denominator prepared once: a multiplication per row, not a division. */
    divisor divs[MAX_PARAMS];
    for (size_t k = 0; run && k < spec->n_params; k++)
        divs[k] = divisor_of(spec->params[k].type == DGS_TYPE_RATIO && params[k].set ? params[k].den : 1);
    c.div = divs;

    int first = DGS_OK;
    for (size_t start = begin; start < end; start += CHUNK) {
        size_t n = end - start < CHUNK ? end - start : CHUNK;
        const int64_t *ccols[MAX_INPUTS];
        const uint8_t *cpres[MAX_INPUTS];
        for (size_t k = 0; k < n_inputs; k++) {
            int j = colmap[k];
            ccols[k] = j >= 0 ? columns[j] + start : zeros;
            cpres[k] = j < 0 ? absent : present && present[j] ? present[j] + start : NULL;
        }
        /* When the date alone decides (not in force, unspecified), rows are still
         * checked as the scalar path checks them. */
        if (!run) {
            for (size_t r = 0; r < n; r++) {
                int16_t which = -1;
                int code = check_row(spec, ccols, cpres, r, false, &which);
                set_row(start + r, awards, outcomes, d, code ? DGS_OUTCOME_INVALID : c.outcome, c.why);
                if (code && !first)
                    first = row_error(err, code, spec, m->meta->id, start + r, which);
            }
            continue;
        }
        /* The common case: every row valid, the whole chunk in one run of the loop. */
        if (chunk_valid(spec, ccols, cpres, n)) {
            /* No presence to test per row when every column is given in full. */
            bool masks = false;
            for (size_t k = 0; k < n_inputs; k++)
                masks |= cpres[k] != NULL;
            c.cols = ccols;
            c.present = masks ? cpres : NULL;
            run_rows(&c, n, start, awards, outcomes, d);
            if (!first && any_invalid(outcomes + start, n))
                for (size_t r = 0; r < n; r++)
                    if (outcomes[start + r] == DGS_OUTCOME_INVALID) {
                        first = row_error(err, DGS_E_OVERFLOW, spec, m->meta->id, start + r, -1);
                        break;
                    }
            continue;
        }
        /* Runs of valid rows go through the measure's loop; invalid rows are marked. */
        size_t i = 0;
        while (i < n) {
            size_t stop = i;
            int16_t which = -1;
            int code = DGS_OK;
            while (stop < n && (code = check_row(spec, ccols, cpres, stop, true, &which)) == DGS_OK)
                stop++;
            if (stop > i) {
                const int64_t *rcols[MAX_INPUTS];
                const uint8_t *rpres[MAX_INPUTS];
                for (size_t k = 0; k < n_inputs; k++) {
                    rcols[k] = ccols[k] + i;
                    rpres[k] = cpres[k] ? cpres[k] + i : NULL;
                }
                c.cols = rcols;
                c.present = rpres;
                run_rows(&c, stop - i, start + i, awards, outcomes, d);
                if (!first)
                    for (size_t r = i; r < stop; r++)
                        if (outcomes[start + r] == DGS_OUTCOME_INVALID) {
                            first = row_error(err, DGS_E_OVERFLOW, spec, m->meta->id, start + r, -1);
                            break;
                        }
            }
            if (stop < n) {
                set_row(start + stop, awards, outcomes, d, DGS_OUTCOME_INVALID, 0);
                if (!first)
                    first = row_error(err, code, spec, m->meta->id, start + stop, which);
                stop++;
            }
            i = stop;
        }
    }
    return first ? first : dgs_ok(err);
}

DGS_API int dgs_evaluate_batch(const dgs_measure *m, const char *date, size_t rows, size_t cols,
                               const char *const *names, const int64_t *const *columns,
                               const uint8_t *const *present, dgs_fen_t *awards,
                               int32_t *outcomes, dgs_error *err)
{
    return batch_range("dgs_evaluate_batch", m, date, rows, cols, names, columns, present, 0, rows, awards,
                       outcomes, NULL, err);
}

/* The reason codes are the engine's `why` values, and one more for invalid rows. */
_Static_assert(DGS_REASON_NONE == WHY_NONE && DGS_REASON_BELOW == WHY_BELOW &&
                   DGS_REASON_NOT_ABOVE == WHY_NOT_ABOVE && DGS_REASON_ABOVE == WHY_ABOVE &&
                   DGS_REASON_CONDITION == WHY_FLAG && DGS_REASON_UNSET == WHY_UNSET &&
                   DGS_REASON_NOT_IN_FORCE == WHY_NOT_IN_FORCE &&
                   DGS_REASON_QUALITATIVE == WHY_QUALITATIVE && DGS_REASON_READING == WHY_READING &&
                   DGS_REASON_INVALID == WHY_READING + 1,
               "DGS_REASON_* must match the engine's reasons");

DGS_API int dgs_evaluate_batch_detail(const dgs_measure *m, const char *date, size_t rows, size_t cols,
                                      const char *const *names, const int64_t *const *columns,
                                      const uint8_t *const *present, size_t begin, size_t end,
                                      dgs_fen_t *awards, int32_t *outcomes, int32_t *bindings,
                                      int32_t *reasons, dgs_error *err)
{
    detail_out d = {bindings, reasons};
    return batch_range("dgs_evaluate_batch_detail", m, date, rows, cols, names, columns, present, begin, end,
                       awards, outcomes, &d, err);
}

DGS_API const char *dgs_reason_name(int reason)
{
    static const char *const names[] = {"none", "below_minimum", "not_above_threshold", "above_maximum",
                                        "condition_not_met", "parameters_unset", "not_in_force",
                                        "qualitative", "excluded_by_reading", "invalid"};
    return reason >= 0 && reason < (int)(sizeof names / sizeof names[0]) ? names[reason] : NULL;
}

DGS_API size_t dgs_measure_binding_count(const dgs_measure *m)
{
    const measure_spec *spec = m ? m->meta->spec : NULL;
    return spec ? (size_t)spec->n_params + spec->n_inputs : 0;
}

DGS_API const char *dgs_measure_binding_name(const dgs_measure *m, size_t i)
{
    const measure_spec *spec = m ? m->meta->spec : NULL;
    if (!spec || i >= (size_t)spec->n_params + spec->n_inputs)
        return NULL;
    return i < spec->n_params ? spec->params[i].name : spec->inputs[i - spec->n_params].name;
}
