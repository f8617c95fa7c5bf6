/* SPDX-License-Identifier: MulanPSL-2.0 */
/*
 * The batch path: one measure over columns of inputs, without traces.
 *
 * Input names are resolved and parameters resolved once; rows are checked a
 * chunk at a time, then the measure's batch loop (its formula inlined into a
 * loop over rows) runs over each run of valid rows.
 */
#include <stdlib.h>
#include <string.h>

#include "core/error.h"
#include "engine/engine.h"

#define CHUNK 4096

static const uint8_t absent[CHUNK];
static const int64_t zeros[CHUNK];

/* The problem of one input's value (`has`: given), or DGS_OK: a required
 * input missing, a choice out of range, a flag neither 0 nor 1, a negative
 * amount, area or count. */
static inline int check_input(const input_def *in, bool has, int64_t v, bool need_required)
{
    if (!has)
        return in->required && need_required ? DGS_E_MISSING_INPUT : DGS_OK;
    if (in->type == DGS_TYPE_CHOICE)
        return v < 0 || (uint64_t)v >= choice_count(in->choices) ? DGS_E_CHOICE : DGS_OK;
    if (in->type == DGS_TYPE_FLAG)
        return v != 0 && v != 1 ? DGS_E_RANGE : DGS_OK;
    return v < 0 ? DGS_E_NEGATIVE : DGS_OK;
}

/* The first problem of row i, or DGS_OK. */
static int check_row(const measure_spec *spec, const int64_t *const *cols,
                     const uint8_t *const *present, size_t i, bool need_required, int16_t *which)
{
    for (uint8_t k = 0; k < spec->n_inputs; k++) {
        bool has = !present[k] || present[k][i];
        int code = check_input(&spec->inputs[k], has, has ? cols[k][i] : 0, need_required);
        if (code) {
            *which = k;
            return code;
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

/*
 * What a batch over a range writes besides awards and outcomes: `base` is the
 * row of the columns the range starts at (row numbers of errors count from the
 * start of the columns); `bindings` and `reasons`, offset as the awards, are
 * NULL when the caller asked for no details.
 */
typedef struct batch_ctx {
    size_t base;
    int32_t *bindings;
    int32_t *reasons;
} batch_ctx;

static const batch_ctx plain_ctx = {0, NULL, NULL};

/* A row the formula does not compute (invalid, out of force, …): its details. */
static void set_detail(const batch_ctx *x, size_t i, int outcome, int why)
{
    if (x->bindings) {
        x->bindings[i] = -1;
        x->reasons[i] = outcome == DGS_OUTCOME_INVALID ? DGS_REASON_INVALID : why;
    }
}

/* Runs the measure's loop over n valid rows from row `at` of the outputs. */
static void run_rows(calc *c, size_t n, size_t at, dgs_fen_t *awards, int32_t *outcomes, const batch_ctx *x)
{
    const measure_spec *spec = c->spec;
    if (!x->bindings) {
        spec->batch(c, n, awards + at, outcomes + at);
    } else if (spec->detail) {
        spec->detail(c, n, awards + at, outcomes + at, x->bindings + at, x->reasons + at);
    } else {                            /* no detail loop: the formula row by row */
        calc row = *c;
        row.trace = false;
        for (size_t i = 0; i < n; i++) {
            row.row = i;
            calc_reset(&row);
            spec->formula(&row);
            awards[at + i] = row.error ? 0 : row.award;
            outcomes[at + i] = row.error ? DGS_OUTCOME_INVALID : row.outcome;
            x->bindings[at + i] = row.error ? -1 : calc_binding_code(&row);
            x->reasons[at + i] = row.error ? DGS_REASON_INVALID : row.why;
        }
    }
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
        if (which >= 0 && spec->inputs[which].type == DGS_TYPE_FLAG)
            dgs_fail(err, code, "%s: row %zu: flag '%s' must be 0 or 1", id, row, name);
        else
            dgs_fail(err, code, "%s: row %zu: input '%s' cannot be given with the inputs given "
                     "(two forms of one figure, or a period the reading in force does not use)", id, row, name);
        break;
    default:
        dgs_fail(err, code, "%s: row %zu: the amount overflows (inputs too large)", id, row);
    }
    if (err)
        err->row = row;
    return code;
}

/* Why the formula made row r invalid: the row run again alone, on a copy of the
 * calc, gives the error code and the input it names (-1: none, an overflow). */
static int formula_error(const calc *c, const int64_t *const *cols, const uint8_t *const *pres, size_t r,
                         int16_t *which)
{
    calc one = *c;
    one.cols = cols;
    one.present = pres;
    one.row = r;
    one.trace = false;
    one.div = NULL;
    calc_reset(&one);
    c->spec->formula(&one);
    *which = one.error_src >= SRC_INPUT ? (int16_t)(one.error_src - SRC_INPUT) : -1;
    return one.error ? one.error : DGS_E_OVERFLOW;
}

/* Rows of a measure without a number of its own, one at a time. */
static int pending_rows(const dgs_measure *m, calc *c, size_t rows, const int *colmap,
                        const int64_t *const *columns, const uint8_t *const *present, dgs_fen_t *awards,
                        int32_t *outcomes, const batch_ctx *x, dgs_error *err)
{
    const measure_spec *spec = m->meta->spec;
    int first = DGS_OK;
    for (size_t start = 0; start < rows; start += CHUNK) {
        size_t n = rows - start < CHUNK ? rows - start : CHUNK;
        const int64_t *ccols[MAX_INPUTS];
        const uint8_t *cpres[MAX_INPUTS];
        for (size_t k = 0; k < spec->n_inputs; k++) {
            int j = colmap[k];
            ccols[k] = j >= 0 ? columns[j] + start : zeros;
            cpres[k] = j < 0 ? absent : present && present[j] ? present[j] + start : NULL;
        }
        c->cols = ccols;
        c->present = cpres;
        for (size_t r = 0; r < n; r++) {
            int16_t which = -1;
            int code = check_row(spec, ccols, cpres, r, false, &which);
            if (code) {
                awards[start + r] = 0;
                outcomes[start + r] = DGS_OUTCOME_INVALID;
                set_detail(x, start + r, DGS_OUTCOME_INVALID, 0);
                if (!first)
                    first = row_error(err, code, spec, m->meta->id, x->base + start + r, which);
                continue;
            }
            bool complete = true;
            for (size_t k = 0; k < spec->n_inputs; k++)
                complete &= !spec->inputs[k].required || !cpres[k] || cpres[k][r];
            calc_reset(c);
            c->row = r;
            if (complete)
                spec->formula(c);
            engine_settle(c, complete);
            awards[start + r] = c->award;
            outcomes[start + r] = c->outcome;
            if (x->bindings) {
                x->bindings[start + r] = calc_binding_code(c);
                x->reasons[start + r] = c->why;
            }
        }
    }
    return first;
}

/* The first problem of row r of the whole batch (inputs by colmap; a column
 * not given is absent), as check_row() finds it; DGS_OK when the inputs are
 * valid. */
static int row_problem(const measure_spec *spec, const int *colmap, const int64_t *const *columns,
                       const uint8_t *const *present, size_t r, bool need_required, int16_t *which)
{
    for (uint8_t k = 0; k < spec->n_inputs; k++) {
        int j = colmap[k];
        bool has = j >= 0 && (!present || !present[j] || present[j][r]);
        int code = check_input(&spec->inputs[k], has, has ? columns[j][r] : 0, need_required);
        if (code) {
            *which = k;
            return code;
        }
    }
    return DGS_OK;
}

/*
 * Conditions declared per row: 1 met, 0 not met, missing assumed; any other
 * value makes the row invalid (DGS_E_RANGE).  As in dgs_evaluate(), a
 * condition not met makes a row ineligible whatever its figures (a row whose
 * amount overflowed included), but not a row whose inputs are invalid, and
 * a row out of force stays so (a value that is no declaration is invalid
 * even then, as the setters refuse it).  The error is then that of the first
 * invalid row, found again.
 */
static int condition_rows(const dgs_measure *m, const calc *base, bool need_required, size_t rows, const int *colmap,
                          const int *condmap, const int64_t *const *columns, const uint8_t *const *present,
                          dgs_fen_t *awards, int32_t *outcomes, int first, const batch_ctx *x, dgs_error *err)
{
    const measure_spec *spec = m->meta->spec;
    bool changed = false;
    uint8_t state[CHUNK];   /* per row: 1 a condition not met, 2 a value neither 0 nor 1 */
    for (size_t start = 0; start < rows; start += CHUNK) {
        size_t n = rows - start < CHUNK ? rows - start : CHUNK;
        memset(state, 0, n);
        /* A column at a time, without branches: most rows declare every condition met. */
        for (size_t i = 0; i < m->meta->n_conditions; i++) {
            int j = condmap[i];
            if (j < 0)
                continue;
            const int64_t *v = columns[j] + start;
            const uint8_t *has = present && present[j] ? present[j] + start : NULL;
            for (size_t r = 0; r < n; r++) {
                uint8_t s = (uint8_t)((v[r] == 0) | (((uint64_t)v[r] > 1) << 1));
                state[r] |= has ? (uint8_t)(s & -(uint8_t)(has[r] != 0)) : s;
            }
        }
        for (size_t k = 0; k < n; k++) {
            if (!state[k])
                continue;
            size_t r = start + k;
            bool bad = state[k] & 2, not_met = state[k] & 1;
            int16_t which;
            if (bad) {
                changed |= outcomes[r] != DGS_OUTCOME_INVALID;
                awards[r] = 0;
                outcomes[r] = DGS_OUTCOME_INVALID;
                set_detail(x, r, DGS_OUTCOME_INVALID, 0);
            } else if (not_met && outcomes[r] != DGS_OUTCOME_NOT_IN_FORCE &&
                       (outcomes[r] != DGS_OUTCOME_INVALID ||
                        row_problem(spec, colmap, columns, present, r, need_required, &which) == DGS_OK)) {
                changed |= outcomes[r] == DGS_OUTCOME_INVALID;
                awards[r] = 0;
                outcomes[r] = DGS_OUTCOME_INELIGIBLE;
                set_detail(x, r, DGS_OUTCOME_INELIGIBLE, WHY_CONDITION); /* as the scalar path: no binding */
            }
        }
    }
    if (!changed)
        return first;
    /* The first invalid row now, and its error. */
    for (size_t r = 0; r < rows; r++) {
        if (outcomes[r] != DGS_OUTCOME_INVALID)
            continue;
        int16_t which = -1;
        int code = row_problem(spec, colmap, columns, present, r, need_required, &which);
        if (code)
            return row_error(err, code, spec, m->meta->id, x->base + r, which);
        for (size_t i = 0; i < m->meta->n_conditions; i++) {
            int j = condmap[i];
            if (j >= 0 && !(present && present[j] && !present[j][r]) && columns[j][r] != 0 && columns[j][r] != 1) {
                dgs_fail(err, DGS_E_RANGE, "%s: row %zu: condition '%s' is %lld, not 0 (not met) or 1 (met)",
                         m->meta->id, x->base + r, m->meta->conditions[i].id, (long long)columns[j][r]);
                err->row = x->base + r;
                return DGS_E_RANGE;
            }
        }
        /* Valid inputs and declarations: the formula's own error (an overflow,
         * or inputs that exclude or require each other), as the row alone gives it. */
        const int64_t *rcols[MAX_INPUTS];
        const uint8_t *rpres[MAX_INPUTS];
        for (size_t k = 0; k < spec->n_inputs; k++) {
            int j = colmap[k];
            rcols[k] = j >= 0 ? columns[j] + r : zeros;
            rpres[k] = j < 0 ? absent : present && present[j] ? present[j] + r : NULL;
        }
        calc one = *base;
        one.absent = 0;
        code = formula_error(&one, rcols, rpres, 0, &which);
        return row_error(err, code, spec, m->meta->id, x->base + r, which);
    }
    return dgs_ok(err);
}

/* The batch of one measure, or of an item restating one measure as a whole. */
static int batch_plain(const dgs_measure *m, const char *date, size_t rows, size_t cols,
                       const char *const *names, const int64_t *const *columns,
                       const uint8_t *const *present, dgs_fen_t *awards, int32_t *outcomes,
                       const batch_ctx *x, dgs_error *err)
{
    int32_t day;
    dgs_error scratch;             /* the row of the first error is needed even without err */
    if (!err)
        err = &scratch;
    if (!m || !date || (cols && (!names || !columns)) || (rows && (!awards || !outcomes)))
        return dgs_fail(err, DGS_E_INVALID_ARGUMENT,
                        "dgs_evaluate_batch: measure, date, names, columns, awards and outcomes must not be NULL");
    if (dgs_date_parse(date, &day))
        return dgs_fail(err, DGS_E_DATE, "date '%.40s' is not a valid date YYYY-MM-DD", date);

    const measure_spec *spec = m->meta->spec;
    size_t n_inputs = spec ? spec->n_inputs : 0;
    int colmap[MAX_INPUTS];
    int condmap[MAX_CONDITIONS];          /* condition i's column, or -1 */
    bool any_condition = false;
    for (size_t k = 0; k < MAX_INPUTS; k++)
        colmap[k] = -1;
    for (size_t k = 0; k < MAX_CONDITIONS; k++)
        condmap[k] = -1;
    for (size_t j = 0; j < cols; j++) {
        if (!names[j] || (rows && !columns[j]))
            return dgs_fail(err, DGS_E_INVALID_ARGUMENT, "%s: column %zu has a NULL name or data",
                            m->meta->id, j);
        long k = dgs_measure_input_index(m, names[j]);
        if (k < 0 && strncmp(names[j], CONDITION_PREFIX, CONDITION_PREFIX_LEN) == 0) {
            long i = engine_condition_index(m, names[j] + CONDITION_PREFIX_LEN);
            if (i < 0)
                return engine_unknown_condition(m, names[j] + CONDITION_PREFIX_LEN, err);
            if (condmap[i] >= 0)
                return dgs_fail(err, DGS_E_INVALID_ARGUMENT, "%s: condition '%s' given in two columns",
                                m->meta->id, names[j] + CONDITION_PREFIX_LEN);
            condmap[i] = (int)j;
            any_condition = true;
            continue;
        }
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
    /* A restatement: the measure it restates computes it (its parameters, its formula). */
    bool run = engine_prepare(engine_through(m, NULL), day, params, &c);
    if (!spec) {                        /* a qualitative measure: no inputs, one outcome */
        for (size_t i = 0; i < rows; i++) {
            awards[i] = 0;
            outcomes[i] = c.outcome;
            set_detail(x, i, c.outcome, c.why);
        }
        return dgs_ok(err);
    }

    /* Every ratio's denominator prepared once: a multiplication per row, not a division. */
    divisor divs[MAX_PARAMS];
    for (size_t k = 0; run && k < spec->n_params; k++)
        divs[k] = divisor_of(spec->params[k].type == DGS_TYPE_RATIO && params[k].set ? params[k].den : 1);
    c.div = divs;

    int first = DGS_OK;
    if (run && c.pending) {
        /* No number of its own (unspecified, governed elsewhere): each row's
         * thresholds are checked where its inputs are given, then the outcome
         * is settled as in dgs_evaluate(). */
        first = pending_rows(m, &c, rows, colmap, columns, present, awards, outcomes, x, err);
    }
    for (size_t start = 0; start < rows && !(run && c.pending); start += CHUNK) {
        size_t n = rows - start < CHUNK ? rows - start : CHUNK;
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
                awards[start + r] = 0;
                outcomes[start + r] = code ? DGS_OUTCOME_INVALID : c.outcome;
                set_detail(x, start + r, outcomes[start + r], c.why);
                if (code && !first)
                    first = row_error(err, code, spec, m->meta->id, x->base + start + r, which);
            }
            continue;
        }
        /* The common case: every row valid, the whole chunk in one run of the loop. */
        if (chunk_valid(spec, ccols, cpres, n)) {
            /* No presence to test per row when every column given is given in full; a
             * column not given at all is a bit of `absent`, not a mask to read per row. */
            bool masks = false;
            uint32_t absent_inputs = 0;
            for (size_t k = 0; k < n_inputs; k++) {
                if (colmap[k] < 0)
                    absent_inputs |= 1u << k;
                else
                    masks |= cpres[k] != NULL;
            }
            c.cols = ccols;
            c.present = masks ? cpres : NULL;
            c.absent = masks ? 0 : absent_inputs;
            run_rows(&c, n, start, awards, outcomes, x);
            if (!first && any_invalid(outcomes + start, n))
                for (size_t r = 0; r < n; r++)
                    if (outcomes[start + r] == DGS_OUTCOME_INVALID) {
                        int16_t which;
                        int code = formula_error(&c, ccols, c.present, r, &which);
                        first = row_error(err, code, spec, m->meta->id, x->base + start + r, which);
                        break;
                    }
            continue;
        }
        /* Runs of valid rows go through the measure's loop; invalid rows are marked. */
        size_t i = 0;
        while (i < n) {
            size_t end = i;
            int16_t which = -1;
            int code = DGS_OK;
            while (end < n && (code = check_row(spec, ccols, cpres, end, true, &which)) == DGS_OK)
                end++;
            if (end > i) {
                const int64_t *rcols[MAX_INPUTS];
                const uint8_t *rpres[MAX_INPUTS];
                for (size_t k = 0; k < n_inputs; k++) {
                    rcols[k] = ccols[k] + i;
                    rpres[k] = cpres[k] ? cpres[k] + i : NULL;
                }
                c.cols = rcols;
                c.present = rpres;
                c.absent = 0;
                run_rows(&c, end - i, start + i, awards, outcomes, x);
                if (!first)
                    for (size_t r = i; r < end; r++)
                        if (outcomes[start + r] == DGS_OUTCOME_INVALID) {
                            int16_t bad_input;
                            int why = formula_error(&c, rcols, rpres, r - i, &bad_input);
                            first = row_error(err, why, spec, m->meta->id, x->base + start + r, bad_input);
                            break;
                        }
            }
            if (end < n) {
                awards[start + end] = 0;
                outcomes[start + end] = DGS_OUTCOME_INVALID;
                set_detail(x, start + end, DGS_OUTCOME_INVALID, 0);
                if (!first)
                    first = row_error(err, code, spec, m->meta->id, x->base + start + end, which);
                end++;
            }
            i = end;
        }
    }
    if (any_condition)
        first = condition_rows(m, &c, run && !c.pending, rows, colmap, condmap, columns, present, awards, outcomes, first,
                               x, err);
    return first ? first : dgs_ok(err);
}

static int32_t binding_index(const dgs_measure *m, const char *name);

/* Whether a batch's code reports rows (the other rows are computed). */
static bool row_code(int rc)
{
    return rc == DGS_E_NEGATIVE || rc == DGS_E_MISSING_INPUT || rc == DGS_E_OVERFLOW || rc == DGS_E_CHOICE ||
           rc == DGS_E_RANGE;
}

/* The error of row i of an item's batch, found as the scalar path finds it. */
static int row_failure(const dgs_measure *m, const char *date, size_t i, size_t cols, const char *const *names,
                       const int64_t *const *columns, const uint8_t *const *present, size_t base, dgs_error *err)
{
    dgs_case *c = NULL;
    dgs_result *r = NULL;
    int rc = dgs_case_new(m, &c, err);
    if (!rc)
        rc = dgs_case_set_date(c, date, err);
    for (size_t j = 0; !rc && j < cols; j++) {
        if (present && present[j] && !present[j][i])
            continue;
        if (strncmp(names[j], CONDITION_PREFIX, CONDITION_PREFIX_LEN) != 0) {
            rc = dgs_case_set_int(c, names[j], columns[j][i], err);
        } else if (columns[j][i] == 0 || columns[j][i] == 1) {
            rc = dgs_case_set_condition(c, names[j] + CONDITION_PREFIX_LEN, (int)columns[j][i], err);
        } else {
            rc = dgs_fail(err, DGS_E_RANGE, "%s: row %zu: condition '%s' is %lld, not 0 (not met) or 1 (met)",
                          m->meta->id, base + i, names[j] + CONDITION_PREFIX_LEN, (long long)columns[j][i]);
        }
    }
    if (!rc)
        rc = dgs_evaluate(c, &r, err);
    dgs_result_free(r);
    dgs_case_free(c);
    if (!rc)
        rc = dgs_fail(err, DGS_E_OVERFLOW, "%s: row %zu: the amount overflows (inputs too large)", m->meta->id,
                      base + i);
    if (err)
        err->row = base + i;
    return rc;
}

/* The batch of an item whose choice input says which measure computes a row:
 * each measure's batch over the rows (its inputs taken by name, the values its
 * branch fixes as constant columns), then each row takes the one it names. */
static int batch_branches(const dgs_measure *m, const char *date, size_t rows, size_t cols,
                          const char *const *names, const int64_t *const *columns,
                          const uint8_t *const *present, dgs_fen_t *awards, int32_t *outcomes,
                          const batch_ctx *x, dgs_error *err)
{
    const restatement *rt = m->meta->branches;
    long bk = engine_branch_input(m);
    long jb = -1;
    for (size_t j = 0; j < cols; j++) {
        if (!names[j] || (rows && !columns[j]))
            return dgs_fail(err, DGS_E_INVALID_ARGUMENT, "%s: column %zu has a NULL name or data", m->meta->id, j);
        for (size_t k = 0; k < j; k++)   /* as for any measure: one column per input */
            if (strcmp(names[k], names[j]) == 0)
                return dgs_fail(err, DGS_E_INVALID_ARGUMENT, "%s: column '%s' given twice", m->meta->id,
                                names[j]);
        if (strncmp(names[j], CONDITION_PREFIX, CONDITION_PREFIX_LEN) == 0) {
            /* The item's own conditions, applied below to whichever measure computed the row. */
            if (engine_condition_index(m, names[j] + CONDITION_PREFIX_LEN) < 0)
                return engine_unknown_condition(m, names[j] + CONDITION_PREFIX_LEN, err);
            continue;
        }
        if (dgs_measure_input_index(m, names[j]) < 0)
            return engine_unknown_input(m, names[j], err);
        if (strcmp(names[j], rt->input) == 0)
            jb = (long)j;
    }
    int32_t day;
    if (dgs_date_parse(date, &day))
        return dgs_fail(err, DGS_E_DATE, "date '%.40s' is not a valid date YYYY-MM-DD", date);
    /* Which target computes each row: -1 the item's own clause, -2 none (invalid), else a branch. */
    int8_t *sel = malloc(rows ? rows : 1);
    dgs_fen_t *ta = malloc((rows ? rows : 1) * sizeof *ta);
    int32_t *to = malloc((rows ? rows : 1) * sizeof *to);
    int32_t *tb = x->bindings ? malloc((rows ? rows : 1) * sizeof *tb) : NULL;
    int32_t *tr = x->bindings ? malloc((rows ? rows : 1) * sizeof *tr) : NULL;
    batch_ctx tx = {x->base, tb, tr};
    int64_t *konst[MAX_INPUTS] = {0};
    int rc = DGS_OK;
    if (!sel || !ta || !to || (x->bindings && (!tb || !tr))) {
        rc = dgs_fail(err, DGS_E_NOMEM, "out of memory evaluating %s", m->meta->id);
        goto done;
    }
    for (size_t i = 0; i < rows; i++) {
        bool given = jb >= 0 && (!present || !present[jb] || present[jb][i]);
        const restate_branch *b = given ? engine_branch(m, columns[jb][i]) : NULL;
        bool in_range = given && columns[jb][i] >= 0 &&
                        (uint64_t)columns[jb][i] < choice_count(m->meta->spec->inputs[bk].choices);
        sel[i] = b ? (int8_t)(b - rt->branches) : in_range && rt->own ? -1 : -2;
        awards[i] = 0;
        outcomes[i] = DGS_OUTCOME_INVALID;
        set_detail(x, i, DGS_OUTCOME_INVALID, 0);
    }
    for (int t = rt->own ? -1 : 0; t < (int)rt->n; t++) {
        bool used = false;
        for (size_t i = 0; i < rows && !used; i++)
            used = sel[i] == t;
        if (!used)
            continue;
        dgs_error e = {0};
        int brc;
        if (t < 0) {
            brc = batch_plain(m, date, rows, cols, names, columns, present, ta, to, &tx, &e);
        } else {
            const restate_branch *b = &rt->branches[t];
            const dgs_measure *via = engine_through(m, b);
            const measure_spec *vs = via->meta->spec;
            const char *vnames[MAX_INPUTS];
            const int64_t *vcols[MAX_INPUTS];
            const uint8_t *vpres[MAX_INPUTS];
            size_t nv = 0;
            for (size_t j = 0; j < vs->n_inputs; j++) {
                int64_t v = 0;
                long k = engine_input_of(m, via, b, j, &v);
                if (k == -2) {
                    free(konst[j]);
                    if (!(konst[j] = malloc((rows ? rows : 1) * sizeof *konst[j]))) {
                        rc = dgs_fail(err, DGS_E_NOMEM, "out of memory evaluating %s", m->meta->id);
                        goto done;
                    }
                    for (size_t i = 0; i < rows; i++)
                        konst[j][i] = v;
                    vnames[nv] = vs->inputs[j].name, vcols[nv] = konst[j], vpres[nv++] = NULL;
                    continue;
                }
                for (size_t c = 0; k >= 0 && c < cols; c++)
                    if (strcmp(names[c], m->meta->spec->inputs[k].name) == 0) {
                        vnames[nv] = vs->inputs[j].name, vcols[nv] = columns[c];
                        vpres[nv++] = present ? present[c] : NULL;
                    }
            }
            brc = batch_plain(via, date, rows, nv, vnames, vcols, vpres, ta, to, &tx, &e);
        }
        if (brc && !row_code(brc)) {
            rc = dgs_fail(err, brc, "%s", e.message);
            goto done;
        }
        /* The binding codes of the measure that computed the rows, as codes of m's list. */
        int32_t map[MAX_PARAMS + MAX_INPUTS];
        if (x->bindings) {
            const dgs_measure *via = t < 0 ? engine_through(m, NULL) : engine_through(engine_through(m, &rt->branches[t]), NULL);
            size_t nv = dgs_measure_binding_count(via);
            for (size_t k = 0; k < nv && k < MAX_PARAMS + MAX_INPUTS; k++)
                map[k] = binding_index(m, dgs_measure_binding_name(via, k));
        }
        for (size_t i = 0; i < rows; i++)
            if (sel[i] == t) {
                awards[i] = ta[i], outcomes[i] = to[i];
                if (x->bindings) {
                    x->bindings[i] = tb[i] >= 0 ? map[tb[i]] : -1;
                    x->reasons[i] = tr[i];
                }
            }
    }
    /* Every value of the item's own inputs is checked as the setters check it,
     * also in a column the branch taken does not read: a negative `assessed`
     * beside an exact amount is an invalid row, as dgs_case_set_int() refuses it. */
    for (size_t j = 0; j < cols; j++) {
        long k = dgs_measure_input_index(m, names[j]);
        if (k < 0)
            continue;
        for (size_t i = 0; i < rows; i++)
            if ((!present || !present[j] || present[j][i]) &&
                check_input(&m->meta->spec->inputs[k], true, columns[j][i], false)) {
                awards[i] = 0;
                outcomes[i] = DGS_OUTCOME_INVALID;
            }
    }
    /* The item's conditions, as in dgs_evaluate(): 1 met, 0 not met (ineligible
     * unless out of force or invalid), missing assumed, any other value invalid. */
    for (size_t j = 0; j < cols; j++) {
        if (strncmp(names[j], CONDITION_PREFIX, CONDITION_PREFIX_LEN) != 0)
            continue;
        for (size_t i = 0; i < rows; i++) {
            if (present && present[j] && !present[j][i])
                continue;
            int64_t v = columns[j][i];
            if (v != 0 && v != 1) {
                awards[i] = 0;
                outcomes[i] = DGS_OUTCOME_INVALID;
                set_detail(x, i, DGS_OUTCOME_INVALID, 0);
            } else if (v == 0 && outcomes[i] != DGS_OUTCOME_NOT_IN_FORCE && outcomes[i] != DGS_OUTCOME_INVALID) {
                awards[i] = 0;
                outcomes[i] = DGS_OUTCOME_INELIGIBLE;
                set_detail(x, i, DGS_OUTCOME_INELIGIBLE, WHY_CONDITION);
            }
        }
    }
    /* The first invalid row says why, as the scalar path would. */
    for (size_t i = 0; i < rows; i++)
        if (outcomes[i] == DGS_OUTCOME_INVALID) {
            rc = row_failure(m, date, i, cols, names, columns, present, x->base, err);
            goto done;
        }
    rc = dgs_ok(err);
done:
    for (size_t j = 0; j < MAX_INPUTS; j++)
        free(konst[j]);
    free(sel);
    free(ta);
    free(to);
    free(tb);
    free(tr);
    return rc;
}

DGS_API int dgs_evaluate_batch(const dgs_measure *m, const char *date, size_t rows, size_t cols,
                               const char *const *names, const int64_t *const *columns,
                               const uint8_t *const *present, dgs_fen_t *awards,
                               int32_t *outcomes, dgs_error *err)
{
    if (m && date && (!cols || (names && columns)) && (!rows || (awards && outcomes)) && m->meta->branches)
        return batch_branches(m, date, rows, cols, names, columns, present, awards, outcomes, &plain_ctx, err);
    return batch_plain(m, date, rows, cols, names, columns, present, awards, outcomes, &plain_ctx, err);
}

/* The reason codes are the engine's `why` values, and one more for invalid rows. */
_Static_assert(DGS_REASON_NONE == WHY_NONE && DGS_REASON_BELOW == WHY_BELOW &&
                   DGS_REASON_NOT_ABOVE == WHY_NOT_ABOVE && DGS_REASON_ABOVE == WHY_ABOVE &&
                   DGS_REASON_CONDITION == WHY_FLAG && DGS_REASON_UNSET == WHY_UNSET &&
                   DGS_REASON_NOT_IN_FORCE == WHY_NOT_IN_FORCE &&
                   DGS_REASON_QUALITATIVE == WHY_QUALITATIVE && DGS_REASON_READING == WHY_READING &&
                   DGS_REASON_DECLARED_NOT_MET == WHY_CONDITION && DGS_REASON_GOVERNED == WHY_GOVERNED &&
                   DGS_REASON_INVALID == WHY_GOVERNED + 1,
               "DGS_REASON_* must match the engine's reasons");

DGS_API int dgs_evaluate_batch_detail(const dgs_measure *m, const char *date, size_t rows, size_t cols,
                                      const char *const *names, const int64_t *const *columns,
                                      const uint8_t *const *present, size_t begin, size_t end,
                                      dgs_fen_t *awards, int32_t *outcomes, int32_t *bindings,
                                      int32_t *reasons, dgs_error *err)
{
    if (!m || !date || (cols && (!names || !columns)) || (rows && (!awards || !outcomes)))
        return dgs_fail(err, DGS_E_INVALID_ARGUMENT,
                        "dgs_evaluate_batch_detail: measure, date, names, columns, awards and outcomes must not be NULL");
    if (begin > end || end > rows)
        return dgs_fail(err, DGS_E_INVALID_ARGUMENT, "dgs_evaluate_batch_detail: rows %zu..%zu are not within the %zu rows",
                        begin, end, rows);
    if (!bindings != !reasons)
        return dgs_fail(err, DGS_E_INVALID_ARGUMENT,
                        "dgs_evaluate_batch_detail: bindings and reasons are both given or both NULL");
    /* The range as a batch of its own over the columns from `begin`; rows of
     * errors count from the start of the columns. */
    const int64_t *cbuf[32];
    const uint8_t *pbuf[32];
    const int64_t **rcols = cols <= 32 ? cbuf : malloc(cols * sizeof *rcols);
    const uint8_t **rpres = cols <= 32 ? pbuf : malloc(cols * sizeof *rpres);
    int rc;
    if (!rcols || !rpres) {
        rc = dgs_fail(err, DGS_E_NOMEM, "out of memory evaluating %s", m->meta->id);
    } else {
        for (size_t j = 0; j < cols; j++) {
            rcols[j] = columns[j] ? columns[j] + begin : NULL;
            rpres[j] = present && present[j] ? present[j] + begin : NULL;
        }
        size_t n = end - begin;
        batch_ctx x = {begin, bindings ? bindings + begin : NULL, reasons ? reasons + begin : NULL};
        rc = m->meta->branches
                 ? batch_branches(m, date, n, cols, names, rcols, rpres, awards + begin, outcomes + begin, &x, err)
                 : batch_plain(m, date, n, cols, names, rcols, rpres, awards + begin, outcomes + begin, &x, err);
    }
    if (rcols != cbuf)
        free((void *)rcols);
    if (rpres != pbuf)
        free((void *)rpres);
    return rc;
}

DGS_API const char *dgs_reason_name(int reason)
{
    static const char *const names[] = {"none", "below_minimum", "not_above_threshold", "above_maximum",
                                        "condition_not_met", "parameters_unset", "not_in_force",
                                        "qualitative", "excluded_by_reading", "declared_not_met",
                                        "governed_elsewhere", "invalid"};
    return reason >= 0 && reason < (int)(sizeof names / sizeof names[0]) ? names[reason] : NULL;
}

/*
 * A measure's binding list: the parameters then the inputs of the measure
 * that computes it (itself, or the one it restates as a whole), then, for an
 * item computed through other measures by a choice, theirs, each name once.
 */
static const char *binding_at(const dgs_measure *m, size_t i, size_t *count)
{
    const restatement *rt = m->meta->branches;
    size_t idx = 0, sources = 1 + (rt ? rt->n : 0);
    for (size_t s = 0; s < sources; s++) {
        const dgs_measure *via = engine_through(s == 0 ? m : engine_through(m, &rt->branches[s - 1]), NULL);
        const measure_spec *sp = via->meta->spec;
        for (size_t j = 0; sp && j < (size_t)sp->n_params + sp->n_inputs; j++) {
            const char *name = j < sp->n_params ? sp->params[j].name : sp->inputs[j - sp->n_params].name;
            bool seen = false;
            for (size_t k = 0; s > 0 && k < idx && !seen; k++)
                seen = strcmp(binding_at(m, k, NULL), name) == 0;
            if (seen)
                continue;
            if (idx++ == i && !count)
                return name;
        }
    }
    if (count)
        *count = idx;
    return NULL;
}

static int32_t binding_index(const dgs_measure *m, const char *name)
{
    const char *at;
    for (size_t i = 0; name && (at = binding_at(m, i, NULL)) != NULL; i++)
        if (strcmp(at, name) == 0)
            return (int32_t)i;
    return -1;
}

DGS_API size_t dgs_measure_binding_count(const dgs_measure *m)
{
    size_t n = 0;
    if (m)
        binding_at(m, 0, &n);
    return n;
}

DGS_API const char *dgs_measure_binding_name(const dgs_measure *m, size_t i)
{
    return m ? binding_at(m, i, NULL) : NULL;
}
