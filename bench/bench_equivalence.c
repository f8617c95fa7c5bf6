/* SPDX-License-Identifier: MulanPSL-2.0 */
/*
 * Before any figure: the fast paths compute what the plain ones compute.
 *
 * 1. The batch path against the scalar path, row by row, for every measure of
 *    the built-in ruleset that can be batched (all but those with list
 *    inputs): random inputs over many magnitudes, zeros, values at and near
 *    overflow, negative values, flags and choices out of range, missing
 *    optional and required values (presence masks), optional columns left
 *    out, a date outside the validity window, and the reading rounding =
 *    half_up (the batch's second loop).  Outcome and award must be
 *    equal; a row the scalar path refuses (an error) must be invalid in the
 *    batch.
 * 2. The batch path's division by multiplication (divisor_of() in
 *    lib/measures/spec.h) against the division, over denominators and
 *    numerators of every magnitude and at the edges.
 *
 * Exits non-zero at the first difference.  Usage: bench_equivalence [rows per measure]
 */
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "common.h"
#include "measures/spec.h"

static int64_t value_for(bench_rng *r, int type, size_t choices)
{
    uint64_t pick = bench_next(r) % 1000;
    switch (type) {
    case DGS_TYPE_FLAG:
        return pick < 2 ? 2 : (int64_t)(bench_next(r) & 1);
    case DGS_TYPE_CHOICE:
        return pick < 2 ? (int64_t)choices : bench_uniform(r, 0, (int64_t)choices - 1);
    case DGS_TYPE_COUNT:
        if (pick < 2)
            return -1;
        if (pick < 10)
            return bench_uniform(r, INT64_MAX / 4, INT64_MAX);
        return pick < 500 ? bench_uniform(r, 0, 12) : bench_uniform(r, 0, 1000);
    default: /* money, area */
        if (pick < 2)
            return -bench_uniform(r, 1, 1000);
        if (pick < 10)
            return bench_uniform(r, INT64_MAX / 4, INT64_MAX);
        if (pick < 60)
            return 0;
        /* log-uniform from 1 fen to 10^12 fen (100 亿元) */
        return bench_uniform(r, 0, (int64_t)1 << (bench_next(r) % 41));
    }
}

static size_t unchecked_rows;

/* Returns the number of rows compared. */
static size_t check_measure(const dgs_measure *m, const char *date, size_t rows, int mode, bench_rng *r)
{
    size_t n_in = dgs_measure_input_count(m);
    const char *names[16];
    int64_t *cols[16];
    uint8_t *pres[16];
    size_t used = 0;
    for (size_t k = 0; k < n_in; k++) {
        /* mode 2 leaves optional columns out */
        if (mode == 2 && !dgs_measure_input_required(m, k))
            continue;
        names[used] = dgs_measure_input_name(m, k);
        cols[used] = malloc(rows * sizeof(int64_t));
        pres[used] = malloc(rows);
        int type = dgs_measure_input_type(m, k);
        size_t nch = dgs_measure_input_choice_count(m, k);
        for (size_t i = 0; i < rows; i++) {
            cols[used][i] = value_for(r, type, nch);
            uint64_t pick = bench_next(r) % 1000;
            pres[used][i] = mode != 1 ? 1 : dgs_measure_input_required(m, k) ? pick >= 2 : pick >= 200;
        }
        used++;
    }
    /* Most rows valid, so that whole chunks take the fast path too: in mode 0
     * only every 7th chunk of 4096 rows keeps its invalid values. */
    if (mode == 0)
        for (size_t i = 0; i < rows; i++)
            if ((i / 4096) % 7 != 3)
                for (size_t j = 0; j < used; j++) {
                    int k = (int)dgs_measure_input_index(m, names[j]);
                    int type = dgs_measure_input_type(m, (size_t)k);
                    size_t nch = dgs_measure_input_choice_count(m, (size_t)k);
                    if (cols[j][i] < 0 || (type == DGS_TYPE_FLAG && cols[j][i] > 1) ||
                        (type == DGS_TYPE_CHOICE && (size_t)cols[j][i] >= nch))
                        cols[j][i] = 0;
                }
    dgs_fen_t *aw = malloc(rows * sizeof *aw);
    int32_t *out = malloc(rows * sizeof *out);
    dgs_error err;
    int rc = dgs_evaluate_batch(m, date, rows, used, names, (const int64_t *const *)cols,
                                mode == 1 ? (const uint8_t *const *)pres : NULL, aw, out, &err);
    (void)rc;

    dgs_case *c;
    bench_check(dgs_case_new(m, &c, &err), &err, "dgs_case_new");
    for (size_t i = 0; i < rows; i++) {
        dgs_case_clear(c);
        bench_check(dgs_case_set_date(c, date, &err), &err, "dgs_case_set_date");
        bool refused = false;
        for (size_t j = 0; j < used && !refused; j++)
            if (mode != 1 || pres[j][i])
                refused = dgs_case_set_int(c, names[j], cols[j][i], &err) != DGS_OK;
        dgs_result *res = NULL;
        if (!refused)
            refused = dgs_evaluate(c, &res, &err) != DGS_OK;
        int want_out = refused ? DGS_OUTCOME_INVALID : dgs_result_outcome(res);
        dgs_fen_t want_aw = refused ? 0 : dgs_result_award(res);
        dgs_result_free(res);
        /* Outcomes decided before any input is read (not in force, unspecified,
         * not computable): the batch does not look at the row, while the scalar
         * path refused the value when it was set.  Counted, not a difference of
         * the formula. */
        if (refused && (out[i] == DGS_OUTCOME_NOT_IN_FORCE || out[i] == DGS_OUTCOME_UNSPECIFIED ||
                        out[i] == DGS_OUTCOME_NOT_COMPUTABLE)) {
            unchecked_rows++;
            continue;
        }
        if (out[i] != want_out || aw[i] != want_aw) {
            fprintf(stderr, "%s mode %d row %zu:", dgs_measure_id(m), mode, i);
            for (size_t j = 0; j < used; j++)
                fprintf(stderr, " %s=%lld%s", names[j], (long long)cols[j][i],
                        mode == 1 && !pres[j][i] ? "(missing)" : "");
            bench_die("batch gives %lld (%s), scalar %lld (%s)", (long long)aw[i],
                      dgs_outcome_name(out[i]), (long long)want_aw, dgs_outcome_name(want_out));
        }
    }
    dgs_case_free(c);
    for (size_t j = 0; j < used; j++) {
        free(cols[j]);
        free(pres[j]);
    }
    free(aw);
    free(out);
    return rows;
}

static void check_divisors(void)
{
    bench_rng r = {42};
    size_t checks = 0;
    for (int round = 0; round < 20000; round++) {
        int64_t den;
        int bits = 1 + (int)(bench_next(&r) % 62);
        switch (round % 4) {
        case 0: den = (int64_t)1 << bits; break;
        case 1: den = ((int64_t)1 << bits) + 1; break;
        case 2: den = ((int64_t)1 << bits) - 1; break;
        default: den = bench_uniform(&r, 2, (int64_t)1 << bits); break;
        }
        if (den < 2)
            den = 2 + round % 1000;
        divisor d = divisor_of(den);
        int64_t edges[] = {0, 1, den - 1, den, den + 1, INT64_MAX, INT64_MAX - 1,
                           (INT64_MAX / den) * den, (INT64_MAX / den) * den - 1};
        for (size_t e = 0; e < sizeof edges / sizeof edges[0]; e++, checks++)
            if (edges[e] >= 0 && divisor_apply(d, edges[e]) != edges[e] / den)
                bench_die("divisor %lld: %lld gives %lld", (long long)den, (long long)edges[e],
                          (long long)divisor_apply(d, edges[e]));
        for (int k = 0; k < 500; k++, checks++) {
            int64_t n = (int64_t)(bench_next(&r) >> (1 + bench_next(&r) % 63));
            if (divisor_apply(d, n) != n / den)
                bench_die("divisor %lld: %lld gives %lld", (long long)den, (long long)n,
                          (long long)divisor_apply(d, n));
        }
    }
    /* Every small denominator (the ratios of the policy: 2, 3, 20, 100, 200, 10000 …). */
    for (int64_t den = 2; den <= 20000; den++) {
        divisor d = divisor_of(den);
        for (int k = 0; k < 200; k++, checks++) {
            int64_t n = k < 100 ? den * k + k % 3 - 1 : (int64_t)(bench_next(&r) >> (1 + k % 63));
            if (n >= 0 && divisor_apply(d, n) != n / den)
                bench_die("divisor %lld: %lld", (long long)den, (long long)n);
        }
    }
    printf("  division by multiplication: %zu quotients equal to the division\n", checks);
    fflush(stdout);
}

int main(int argc, char **argv)
{
    size_t rows = argc > 1 ? strtoull(argv[1], NULL, 10) : 20000;
    dgs_ruleset *rs;
    dgs_error err;
    bench_check(dgs_ruleset_builtin(&rs, &err), &err, "dgs_ruleset_builtin");
    printf("Checking the fast paths against the plain ones:\n");
    check_divisors();
    /* The same with the reading "rounding = half_up" (the batch's other loop). */
    dgs_ruleset *half_up;
    bench_check(dgs_ruleset_set_parameter(rs, NULL, "rounding", "half_up", NULL, NULL, "bench", &half_up, &err),
                &err, "dgs_ruleset_set_parameter rounding");
    size_t measures = 0, compared = 0, skipped = 0;
    bench_rng r = {7};
    for (size_t i = 0; i < dgs_ruleset_measure_count(rs); i++) {
        const dgs_measure *m = dgs_ruleset_measure_at(rs, i);
        const dgs_measure *mh = dgs_ruleset_measure_at(half_up, i);
        bool list = false;
        for (size_t k = 0; k < dgs_measure_input_count(m); k++)
            list |= dgs_measure_input_type(m, k) == DGS_TYPE_MONEY_LIST;
        if (list) {
            skipped++;
            continue;
        }
        for (int mode = 0; mode < 3; mode++)
            compared += check_measure(m, "2025-06-01", rows, mode, &r);
        compared += check_measure(m, "2023-06-01", rows / 20, 0, &r);
        compared += check_measure(mh, "2025-06-01", rows / 4, 0, &r);
        compared += check_measure(mh, "2025-06-01", rows / 4, 1, &r);
        measures++;
    }
    printf("  batch = scalar: %zu measures, %zu rows, every outcome and award equal "
           "(%zu measures with list inputs cannot be batched)\n", measures, compared, skipped);
    printf("  (%zu rows with a refused value in a measure not in force, unspecified or not\n"
           "   computable: the batch gives that outcome without reading the row)\n", unchecked_rows);
    dgs_ruleset_free(half_up);
    dgs_ruleset_free(rs);
    return 0;
}
