/* SPDX-License-Identifier: MulanPSL-2.0 */
/*
 * The scalar path: one case evaluated with its trace, as a portal does per
 * request; and whether its cost grows with the number of measures.
 *
 *   set + evaluate + free   dgs_case_set_date, dgs_case_set_int for each
 *                           input, dgs_evaluate, dgs_result_free (the case
 *                           reused);
 *   evaluate alone          dgs_evaluate only: blocks of 16 calls timed, the
 *                           results freed after each block, the cost of
 *                           reading the clock taken off;
 *   evaluate + free         dgs_evaluate and dgs_result_free (inputs changed
 *                           every 1000 calls, as for evaluate alone);
 *   whole request           dgs_ruleset_find, dgs_case_new, the setters,
 *                           dgs_evaluate, dgs_result_free, dgs_case_free.
 *
 * Inputs change on every call unless said.  Each line: best and median of repeated runs
 * of `calls` calls.
 *
 * Growth: evaluate + free timed for every measure of the built-in ruleset
 * that has no list input, in document order, and dgs_ruleset_find for every
 * id; the first and last in document order and the least-squares slope
 * against the position show whether anything scans the ruleset.
 *
 * Usage: bench_scalar [calls (default 1000000)] [repetitions (default 7)]
 */
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "common.h"

#define DATE "2025-06-01"
#define BLOCK 1000
#define HELD 16   /* evaluate alone: results held per timed block (a few KB, in cache) */

static int reps = 7;
static size_t calls = 1000000;

typedef struct subject {
    const char *id;
    size_t n;
    const char *names[4];
    int64_t lo[4], hi[4];
} subject;

static const subject subjects[] = {
    {"A1.07.a", 2, {"financed_amount", "interest_paid"}, {0, 0}, {5000000000, 200000000}},
    {"A4.02.1.a", 2, {"booth_area", "build_cost"}, {0, 0}, {10000, 50000000}},
    {"A4.03.b", 4, {"exhibition_area", "days", "certified", "granted_to_date"}, {0, 1, 0, 0},
     {10000000, 10, 1, 400000000}},
};

/* Inputs for call i: a table of 1024 random rows, cycled. */
typedef struct inputs {
    int64_t v[1024][4];
} inputs;

static void make_inputs(const subject *s, inputs *in, uint64_t seed)
{
    bench_rng r = {seed};
    for (int i = 0; i < 1024; i++)
        for (size_t k = 0; k < s->n; k++)
            in->v[i][k] = bench_uniform(&r, s->lo[k], s->hi[k]);
}

static void set_inputs(dgs_case *c, const subject *s, const int64_t *v)
{
    dgs_error err;
    bench_check(dgs_case_set_date(c, DATE, &err), &err, "dgs_case_set_date");
    for (size_t k = 0; k < s->n; k++)
        bench_check(dgs_case_set_int(c, s->names[k], v[k], &err), &err, s->names[k]);
}

enum { LINE_SET_EVAL_FREE, LINE_EVAL, LINE_EVAL_FREE, LINE_REQUEST, N_LINES };
static const char *const line_names[N_LINES] = {
    "set + evaluate + free", "evaluate alone", "evaluate + free",
    "whole request (find, case_new, set, evaluate, free)"};
static const char *const line_keys[N_LINES] = {"set_eval_free", "eval", "eval_free", "request"};

static double time_line(const dgs_ruleset *rs, const subject *s, const inputs *in, int line)
{
    const dgs_measure *m = dgs_ruleset_find(rs, s->id);
    dgs_case *c;
    dgs_error err;
    bench_check(dgs_case_new(m, &c, &err), &err, "dgs_case_new");
    set_inputs(c, s, in->v[0]);
    dgs_result *held[HELD];
    double total = 0;
    int64_t sum = 0;
    if (line == LINE_EVAL) {
        /* Timed blocks of HELD evaluations, the frees after each block not
         * timed; the cost of reading the clock is measured and taken off. */
        double clock_cost = 1e30;
        for (int j = 0; j < 1000; j++) {
            double t0 = bench_now_ns(), t1 = bench_now_ns();
            if (t1 - t0 < clock_cost)
                clock_cost = t1 - t0;
        }
        for (size_t done = 0; done < calls; done += HELD) {
            if (done % BLOCK == 0)
                set_inputs(c, s, in->v[(done / BLOCK) % 1024]);
            double t0 = bench_now_ns();
            for (int j = 0; j < HELD; j++)
                bench_check(dgs_evaluate(c, &held[j], &err), &err, "dgs_evaluate");
            total += bench_now_ns() - t0 - clock_cost;
            for (int j = 0; j < HELD; j++) {
                sum += dgs_result_award(held[j]);
                dgs_result_free(held[j]);
            }
        }
        dgs_case_free(c);
        bench_keep(sum);
        return total / (double)calls;
    }
    double t0 = bench_now_ns();
    for (size_t i = 0; i < calls; i++) {
        const int64_t *v = in->v[i & 1023];
        dgs_result *r;
        switch (line) {
        case LINE_SET_EVAL_FREE:
            set_inputs(c, s, v);
            bench_check(dgs_evaluate(c, &r, &err), &err, "dgs_evaluate");
            sum += dgs_result_award(r);
            dgs_result_free(r);
            break;
        case LINE_EVAL_FREE:
            if (i % BLOCK == 0)   /* the inputs of evaluate alone, in the same order */
                set_inputs(c, s, in->v[(i / BLOCK) % 1024]);
            bench_check(dgs_evaluate(c, &r, &err), &err, "dgs_evaluate");
            sum += dgs_result_award(r);
            dgs_result_free(r);
            break;
        case LINE_REQUEST: {
            dgs_case *rc;
            bench_check(dgs_case_new(dgs_ruleset_find(rs, s->id), &rc, &err), &err, "dgs_case_new");
            set_inputs(rc, s, v);
            bench_check(dgs_evaluate(rc, &r, &err), &err, "dgs_evaluate");
            sum += dgs_result_award(r);
            dgs_result_free(r);
            dgs_case_free(rc);
            break;
        }
        }
    }
    total = bench_now_ns() - t0;
    dgs_case_free(c);
    bench_keep(sum);
    return total / (double)calls;
}

/* ---- growth with the number of measures ------------------------------------------- */

static int64_t generic_value(int type)
{
    switch (type) {
    case DGS_TYPE_MONEY: return 500000000;   /* 500万元 */
    case DGS_TYPE_AREA: return 2000000;      /* 2万 m² */
    case DGS_TYPE_COUNT: return 3;
    case DGS_TYPE_FLAG: return 1;
    default: return 0;                       /* the first choice */
    }
}

static double time_measure(const dgs_measure *m, size_t n)
{
    dgs_case *c;
    dgs_error err;
    bench_check(dgs_case_new(m, &c, &err), &err, "dgs_case_new");
    bench_check(dgs_case_set_date(c, DATE, &err), &err, "dgs_case_set_date");
    for (size_t k = 0; k < dgs_measure_input_count(m); k++)
        bench_check(dgs_case_set_int(c, dgs_measure_input_name(m, k),
                                     generic_value(dgs_measure_input_type(m, k)), &err),
                    &err, dgs_measure_input_name(m, k));
    double best = 1e30;
    for (int rep = 0; rep < 3; rep++) {
        double t0 = bench_now_ns();
        for (size_t i = 0; i < n; i++) {
            dgs_result *r;
            bench_check(dgs_evaluate(c, &r, &err), &err, "dgs_evaluate");
            dgs_result_free(r);
        }
        double t = (bench_now_ns() - t0) / (double)n;
        if (t < best)
            best = t;
    }
    dgs_case_free(c);
    return best;
}

static double time_find(const dgs_ruleset *rs, const char *id, size_t n)
{
    double best = 1e30;
    for (int rep = 0; rep < 3; rep++) {
        uintptr_t sum = 0;
        double t0 = bench_now_ns();
        for (size_t i = 0; i < n; i++)
            sum += (uintptr_t)dgs_ruleset_find(rs, id);
        double t = (bench_now_ns() - t0) / (double)n;
        bench_keep((int64_t)sum);
        if (t < best)
            best = t;
    }
    return best;
}

/* Least-squares slope of y against x. */
static double slope(const double *x, const double *y, size_t n)
{
    double mx = 0, my = 0, sxy = 0, sxx = 0;
    for (size_t i = 0; i < n; i++) {
        mx += x[i];
        my += y[i];
    }
    mx /= (double)n;
    my /= (double)n;
    for (size_t i = 0; i < n; i++) {
        sxy += (x[i] - mx) * (y[i] - my);
        sxx += (x[i] - mx) * (x[i] - mx);
    }
    return sxy / sxx;
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

int main(int argc, char **argv)
{
    if (argc > 1)
        calls = strtoull(argv[1], NULL, 10);
    if (argc > 2)
        reps = atoi(argv[2]);
    if (calls < BLOCK || calls % BLOCK || reps < 1 || reps > 100)
        bench_die("usage: bench_scalar [calls, a multiple of %d] [repetitions 1..100]", BLOCK);

    dgs_ruleset *rs;
    dgs_error err;
    bench_check(dgs_ruleset_builtin(&rs, &err), &err, "dgs_ruleset_builtin");

    printf("## Scalar evaluation with trace: time per call, %zu calls, best and median of %d runs\n\n",
           calls, reps);
    printf("| measure | what is timed | ns/call (best) | ns/call (median) | calls/s (best) | ÷ evaluate alone |\n");
    printf("| --- | --- | ---: | ---: | ---: | ---: |\n");
    for (size_t k = 0; k < sizeof subjects / sizeof subjects[0]; k++) {
        inputs in;
        make_inputs(&subjects[k], &in, 99 + k);
        double ns[N_LINES][100];
        for (int rep = 0; rep < reps; rep++)
            for (int line = 0; line < N_LINES; line++)
                ns[line][rep] = time_line(rs, &subjects[k], &in, line);
        bench_stats st[N_LINES];
        for (int line = 0; line < N_LINES; line++)
            st[line] = bench_stats_of(ns[line], reps);
        for (int line = 0; line < N_LINES; line++) {
            char rate[32];
            printf("| %s | %s | %.0f | %.0f | %s | %.2f× |\n", subjects[k].id, line_names[line],
                   st[line].best, st[line].median, bench_rate(1e9 / st[line].best, rate, sizeof rate),
                   st[line].best / st[LINE_EVAL].best);
            bench_record("scalar", line_keys[line], subjects[k].id, (double)calls, st[line].best, "ns/call");
        }
    }

    /* Growth with the number of measures. */
    size_t n_measures = dgs_ruleset_measure_count(rs);
    double *pos = calloc(n_measures, sizeof *pos), *eval = calloc(n_measures, sizeof *eval);
    double *fpos = calloc(n_measures, sizeof *fpos), *find = calloc(n_measures, sizeof *find);
    size_t n_eval = 0, first_formula = SIZE_MAX, last_formula = 0;
    size_t per = calls / 20 < 20000 ? 20000 : calls / 20;
    for (size_t i = 0; i < n_measures; i++) {
        const dgs_measure *m = dgs_ruleset_measure_at(rs, i);
        fpos[i] = (double)i;
        find[i] = time_find(rs, dgs_measure_id(m), per * 5);
        bool list = false;
        for (size_t k = 0; k < dgs_measure_input_count(m); k++)
            list |= dgs_measure_input_type(m, k) == DGS_TYPE_MONEY_LIST;
        if (list)
            continue;
        pos[n_eval] = (double)i;
        eval[n_eval++] = time_measure(m, per);
        if (dgs_measure_kind(m) == DGS_KIND_FORMULA) {
            if (first_formula == SIZE_MAX)
                first_formula = i;
            last_formula = i;
        }
    }
    printf("\n## Scalar cost against the measure's place in the ruleset (%zu measures)\n\n", n_measures);
    printf("evaluate + free with generic inputs, %zu calls per measure (best of 3); "
           "dgs_ruleset_find, %zu calls per id (best of 3).\n\n", per, per * 5);
    printf("| what | measure (position) | ns/call |\n| --- | --- | ---: |\n");
    const dgs_measure *m0 = dgs_ruleset_measure_at(rs, 0), *mn = dgs_ruleset_measure_at(rs, n_measures - 1);
    double e_first = eval[0], e_last = eval[n_eval - 1], e_ff = 0, e_lf = 0;
    for (size_t j = 0; j < n_eval; j++) {
        if ((size_t)pos[j] == first_formula)
            e_ff = eval[j];
        if ((size_t)pos[j] == last_formula)
            e_lf = eval[j];
    }
    printf("| evaluate + free, first measure | %s (0) | %.0f |\n", dgs_measure_id(dgs_ruleset_measure_at(rs, (size_t)pos[0])), e_first);
    printf("| evaluate + free, last measure | %s (%zu) | %.0f |\n",
           dgs_measure_id(dgs_ruleset_measure_at(rs, (size_t)pos[n_eval - 1])), (size_t)pos[n_eval - 1], e_last);
    printf("| evaluate + free, first formula measure | %s (%zu) | %.0f |\n",
           dgs_measure_id(dgs_ruleset_measure_at(rs, first_formula)), first_formula, e_ff);
    printf("| evaluate + free, last formula measure | %s (%zu) | %.0f |\n",
           dgs_measure_id(dgs_ruleset_measure_at(rs, last_formula)), last_formula, e_lf);
    printf("| dgs_ruleset_find, first id in document order | %s (0) | %.1f |\n", dgs_measure_id(m0), find[0]);
    printf("| dgs_ruleset_find, last id in document order | %s (%zu) | %.1f |\n", dgs_measure_id(mn),
           n_measures - 1, find[n_measures - 1]);
    double *sorted = malloc(n_measures * sizeof *sorted);
    memcpy(sorted, eval, n_eval * sizeof *sorted);
    qsort(sorted, n_eval, sizeof *sorted, cmp_double);
    printf("| evaluate + free over all %zu measures: min / median / max | | %.0f / %.0f / %.0f |\n", n_eval,
           sorted[0], sorted[n_eval / 2], sorted[n_eval - 1]);
    memcpy(sorted, find, n_measures * sizeof *sorted);
    qsort(sorted, n_measures, sizeof *sorted, cmp_double);
    printf("| dgs_ruleset_find over all %zu ids: min / median / max | | %.1f / %.1f / %.1f |\n", n_measures,
           sorted[0], sorted[n_measures / 2], sorted[n_measures - 1]);
    double se = slope(pos, eval, n_eval), sf = slope(fpos, find, n_measures);
    printf("| least-squares slope of evaluate + free against position | | %+.3f ns per measure (%+.1f ns across the ruleset) |\n",
           se, se * (double)n_measures);
    printf("| least-squares slope of dgs_ruleset_find against position | | %+.4f ns per measure (%+.2f ns across the ruleset) |\n",
           sf, sf * (double)n_measures);
    bench_record("growth_scalar", "eval_free_first", dgs_measure_id(m0), 0, e_first, "ns/call");
    bench_record("growth_scalar", "eval_free_last", dgs_measure_id(mn), (double)(n_measures - 1), e_last, "ns/call");
    bench_record("growth_scalar", "eval_slope", "all", (double)n_eval, se, "ns/measure");
    bench_record("growth_scalar", "find_slope", "all", (double)n_measures, sf, "ns/measure");
    free(sorted);
    free(pos);
    free(eval);
    free(fpos);
    free(find);
    dgs_ruleset_free(rs);
    return 0;
}
