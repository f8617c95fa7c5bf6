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

DGS_API int dgs_evaluate_batch(const dgs_measure *m, const char *date, size_t rows, size_t cols,
                               const char *const *names, const int64_t *const *columns,
                               const uint8_t *const *present, dgs_fen_t *awards,
                               int32_t *outcomes, dgs_error *err)
{
    int32_t day;
    if (!m || !date || (cols && (!names || !columns)) || (rows && (!awards || !outcomes)))
        return dgs_fail(err, DGS_E_INVALID_ARGUMENT,
                        "dgs_evaluate_batch: measure, date, names, columns, awards and outcomes must not be NULL");
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
        for (size_t i = 0; i < rows; i++) {
            awards[i] = 0;
            outcomes[i] = c.outcome;
        }
        return dgs_ok(err);
    }

    /* Every ratio's denominator prepared once: a multiplication per row, not a division. */
    divisor divs[MAX_PARAMS];
    for (size_t k = 0; run && k < spec->n_params; k++)
        divs[k] = divisor_of(spec->params[k].type == DGS_TYPE_RATIO && params[k].set ? params[k].den : 1);
    c.div = divs;

    int first = DGS_OK;
    for (size_t start = 0; start < rows; start += CHUNK) {
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
                if (code && !first)
                    first = row_error(err, code, spec, m->meta->id, start + r, which);
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
            spec->batch(&c, n, awards + start, outcomes + start);
            if (!first && any_invalid(outcomes + start, n))
                for (size_t r = 0; r < n; r++)
                    if (outcomes[start + r] == DGS_OUTCOME_INVALID) {
                        int16_t which;
                        int code = formula_error(&c, ccols, c.present, r, &which);
                        first = row_error(err, code, spec, m->meta->id, start + r, which);
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
                spec->batch(&c, end - i, awards + start + i, outcomes + start + i);
                if (!first)
                    for (size_t r = i; r < end; r++)
                        if (outcomes[start + r] == DGS_OUTCOME_INVALID) {
                            int16_t bad_input;
                            int why = formula_error(&c, rcols, rpres, r - i, &bad_input);
                            first = row_error(err, why, spec, m->meta->id, start + r, bad_input);
                            break;
                        }
            }
            if (end < n) {
                awards[start + end] = 0;
                outcomes[start + end] = DGS_OUTCOME_INVALID;
                if (!first)
                    first = row_error(err, code, spec, m->meta->id, start + end, which);
                end++;
            }
            i = end;
        }
    }
    return first ? first : dgs_ok(err);
}
