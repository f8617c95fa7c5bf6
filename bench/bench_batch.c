/* SPDX-License-Identifier: MulanPSL-2.0 */
/*
 * The batch path against hand-written fused C loops of the same formulas.
 *
 * For each of A1.07.a, A4.02.1.a and A4.03.b: 10^7 rows of generated inputs
 * go through dgs_evaluate_batch() and through two hand-written loops that
 * compute the same thing with the same exact integer arithmetic (ratio
 * products floored to the fen, overflow checked, caps by min, thresholds
 * inclusive, negative inputs refused):
 *
 *   fused (parameters at run time)   the parameters read from the ruleset
 *                                    once, as the library must do;
 *   fused (constants compiled in)    the printed numbers as literals, which
 *                                    lets the compiler turn divisions into
 *                                    multiplications: the practical limit.
 *
 * Every loop's awards and outcomes are checked equal to the library's, row by
 * row, before any figure is printed.  Then batch time is measured at 10^4 …
 * 10^7 rows to show it grows linearly.
 *
 * Usage: bench_batch [rows (default 10000000)] [repetitions (default 7)]
 */
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "common.h"
#include "params.h"

#define DATE "2025-06-01"

/* ---- exact arithmetic of the hand-written loops -------------------------------- */

/* floor(v × num / den) for v, num ≥ 0: in 64 bits when the product fits, else in 128. */
static inline bool ratio_floor(int64_t v, int64_t num, int64_t den, int64_t *out)
{
    int64_t p;
    if (__builtin_expect(!__builtin_mul_overflow(v, num, &p), 1)) {
        *out = p / den;
        return true;
    }
    __int128 q = (__int128)v * num / den;
    if (q > INT64_MAX)
        return false;
    *out = (int64_t)q;
    return true;
}

static inline int64_t min64(int64_t a, int64_t b) { return a < b ? a : b; }

typedef struct params {
    int64_t v[8];     /* money, areas, counts */
    int64_t num[2];   /* ratios */
    int64_t den[2];
    int reading;
} params;

typedef void loop_fn(size_t n, const int64_t *const *col, const params *p, dgs_fen_t *aw,
                     int32_t *out);

/* ---- A1.07.a: financed ≥ 500万; min(5% × min(financed, 3000万), 150万, interest) ---- */

enum { A107_MIN, A107_MAX, A107_CAP };

static void a107_params(const dgs_measure *m, params *p)
{
    bench_param_ratio(m, "ratio", DATE, &p->num[0], &p->den[0]);
    p->v[A107_MIN] = bench_param_int(m, "min_counted_financing", DATE);
    p->v[A107_MAX] = bench_param_int(m, "max_counted_financing", DATE);
    p->v[A107_CAP] = bench_param_int(m, "cap_per_year", DATE);
    char *reading = bench_param_text(m, "reading_min_financing", DATE);
    p->reading = strcmp(reading, "threshold") == 0;
    dgs_free(reading);
}

static void a107_runtime(size_t n, const int64_t *const *col, const params *p, dgs_fen_t *aw,
                         int32_t *out)
{
    const int64_t *financed = col[0], *interest = col[1];
    const int64_t num = p->num[0], den = p->den[0], lo = p->v[A107_MIN], hi = p->v[A107_MAX],
                  cap = p->v[A107_CAP];
    const bool threshold = p->reading;
    for (size_t i = 0; i < n; i++) {
        int64_t f = financed[i], t = interest[i], a;
        if ((f | t) < 0) {
            aw[i] = 0;
            out[i] = DGS_OUTCOME_INVALID;
        } else if (threshold && f < lo) {
            aw[i] = 0;
            out[i] = DGS_OUTCOME_INELIGIBLE;
        } else if (!ratio_floor(min64(f, hi), num, den, &a)) {
            aw[i] = 0;
            out[i] = DGS_OUTCOME_INVALID;
        } else {
            aw[i] = min64(min64(a, cap), t);
            out[i] = DGS_OUTCOME_GRANTED;
        }
    }
}

static void a107_const(size_t n, const int64_t *const *col, const params *p, dgs_fen_t *aw,
                       int32_t *out)
{
    (void)p;
    const int64_t *financed = col[0], *interest = col[1];
    for (size_t i = 0; i < n; i++) {
        int64_t f = financed[i], t = interest[i];
        if ((f | t) < 0) {
            aw[i] = 0;
            out[i] = DGS_OUTCOME_INVALID;
        } else if (f < 500000000) {                           /* 不少于500万元 */
            aw[i] = 0;
            out[i] = DGS_OUTCOME_INELIGIBLE;
        } else {
            int64_t a = min64(f, 3000000000) / 20;            /* 5% of at most 3000万元 */
            aw[i] = min64(min64(a, 150000000), t);             /* 150万元, the interest */
            out[i] = DGS_OUTCOME_GRANTED;
        }
    }
}

static void a107_gen(bench_rng *r, size_t n, int64_t **col)
{
    for (size_t i = 0; i < n; i++) {
        col[0][i] = bench_uniform(r, 0, 5000000000);   /* financed: 0 … 5000万元 */
        col[1][i] = bench_uniform(r, 0, 200000000);    /* interest: 0 … 200万元 */
    }
}

/* ---- A4.02.1.a: area ≥ 18 m²; min(50% × cost, 1500元/m² × area, 10万) -------------- */

enum { A4021_PER_M2, A4021_CAP, A4021_MIN_AREA };

static void a4021_params(const dgs_measure *m, params *p)
{
    bench_param_ratio(m, "ratio", DATE, &p->num[0], &p->den[0]);
    p->v[A4021_PER_M2] = bench_param_int(m, "cap_per_m2", DATE);
    p->v[A4021_CAP] = bench_param_int(m, "cap_per_exhibition", DATE);
    p->v[A4021_MIN_AREA] = bench_param_int(m, "min_area", DATE);
}

static void a4021_runtime(size_t n, const int64_t *const *col, const params *p, dgs_fen_t *aw,
                          int32_t *out)
{
    const int64_t *area = col[0], *cost = col[1];
    const int64_t num = p->num[0], den = p->den[0], per_m2 = p->v[A4021_PER_M2],
                  cap = p->v[A4021_CAP], min_area = p->v[A4021_MIN_AREA];
    for (size_t i = 0; i < n; i++) {
        int64_t s = area[i], c = cost[i], a, limit;
        if ((s | c) < 0) {
            aw[i] = 0;
            out[i] = DGS_OUTCOME_INVALID;
        } else if (s < min_area) {
            aw[i] = 0;
            out[i] = DGS_OUTCOME_INELIGIBLE;
        } else if (!ratio_floor(c, num, den, &a) || !ratio_floor(s, per_m2, 100, &limit)) {
            aw[i] = 0;
            out[i] = DGS_OUTCOME_INVALID;
        } else {
            aw[i] = min64(min64(a, limit), cap);
            out[i] = DGS_OUTCOME_GRANTED;
        }
    }
}

static void a4021_const(size_t n, const int64_t *const *col, const params *p, dgs_fen_t *aw,
                        int32_t *out)
{
    (void)p;
    const int64_t *area = col[0], *cost = col[1];
    for (size_t i = 0; i < n; i++) {
        int64_t s = area[i], c = cost[i], limit;
        if ((s | c) < 0) {
            aw[i] = 0;
            out[i] = DGS_OUTCOME_INVALID;
        } else if (s < 1800) {                                 /* 18 m², in hundredths */
            aw[i] = 0;
            out[i] = DGS_OUTCOME_INELIGIBLE;
        } else if (__builtin_mul_overflow(s, 1500, &limit)) {  /* 1500 元/m² = 150000 fen per 100 */
            aw[i] = 0;
            out[i] = DGS_OUTCOME_INVALID;
        } else {
            aw[i] = min64(min64(c / 2, limit), 10000000);      /* 50%, per m², 10万元 */
            out[i] = DGS_OUTCOME_GRANTED;
        }
    }
}

static void a4021_gen(bench_rng *r, size_t n, int64_t **col)
{
    for (size_t i = 0; i < n; i++) {
        col[0][i] = bench_uniform(r, 0, 10000);       /* booth: 0 … 100 m² */
        col[1][i] = bench_uniform(r, 0, 50000000);    /* build cost: 0 … 50万元 */
    }
}

/* ---- A4.03.b: area ≥ 1万 m², days ≥ 3; 20万 (30万 certified) + 10万 per 5000 m²;
 *      capped by what 300万 leaves after earlier grants -------------------------------- */

enum { A403_BASE, A403_BASE_UFI, A403_INC, A403_STEP, A403_MIN_AREA, A403_MIN_DAYS, A403_CAP };

static void a403_params(const dgs_measure *m, params *p)
{
    p->v[A403_BASE] = bench_param_int(m, "base", DATE);
    p->v[A403_BASE_UFI] = bench_param_int(m, "base_ufi_or_national_association", DATE);
    p->v[A403_INC] = bench_param_int(m, "increment", DATE);
    p->v[A403_STEP] = bench_param_int(m, "increment_step", DATE);
    p->v[A403_MIN_AREA] = bench_param_int(m, "min_area", DATE);
    p->v[A403_MIN_DAYS] = bench_param_int(m, "min_days", DATE);
    p->v[A403_CAP] = bench_param_int(m, "cap_per_exhibition", DATE);
}

static void a403_runtime(size_t n, const int64_t *const *col, const params *p, dgs_fen_t *aw,
                         int32_t *out)
{
    const int64_t *area = col[0], *days = col[1], *cert = col[2], *granted = col[3];
    const int64_t base = p->v[A403_BASE], base_ufi = p->v[A403_BASE_UFI], inc = p->v[A403_INC],
                  step = p->v[A403_STEP], min_area = p->v[A403_MIN_AREA],
                  min_days = p->v[A403_MIN_DAYS], cap = p->v[A403_CAP];
    for (size_t i = 0; i < n; i++) {
        int64_t s = area[i], d = days[i], u = cert[i], g = granted[i], extra, a;
        if ((s | d | g) < 0 || (uint64_t)u > 1) {
            aw[i] = 0;
            out[i] = DGS_OUTCOME_INVALID;
        } else if (s < min_area || d < min_days) {
            aw[i] = 0;
            out[i] = DGS_OUTCOME_INELIGIBLE;
        } else if (!ratio_floor((s - min_area) / step, inc, 1, &extra) ||
                   __builtin_add_overflow(u ? base_ufi : base, extra, &a)) {
            aw[i] = 0;
            out[i] = DGS_OUTCOME_INVALID;
        } else {
            int64_t room = cap - g;
            aw[i] = min64(a, room < 0 ? 0 : room);
            out[i] = DGS_OUTCOME_GRANTED;
        }
    }
}

static void a403_const(size_t n, const int64_t *const *col, const params *p, dgs_fen_t *aw,
                       int32_t *out)
{
    (void)p;
    const int64_t *area = col[0], *days = col[1], *cert = col[2], *granted = col[3];
    for (size_t i = 0; i < n; i++) {
        int64_t s = area[i], d = days[i], u = cert[i], g = granted[i];
        if ((s | d | g) < 0 || (uint64_t)u > 1) {
            aw[i] = 0;
            out[i] = DGS_OUTCOME_INVALID;
        } else if (s < 1000000 || d < 3) {                     /* 1万 m², 3 days */
            aw[i] = 0;
            out[i] = DGS_OUTCOME_INELIGIBLE;
        } else {
            /* Areas below 2^63 / 10^7 fen per step cannot overflow; larger ones are refused
             * by the same check as the run-time loop. */
            int64_t steps = (s - 1000000) / 500000, extra, a;   /* per 5000 m² */
            if (__builtin_mul_overflow(steps, 10000000, &extra) ||
                __builtin_add_overflow(u ? 30000000 : 20000000, extra, &a)) {
                aw[i] = 0;
                out[i] = DGS_OUTCOME_INVALID;
                continue;
            }
            int64_t room = 300000000 - g;                        /* 300万元 per exhibition */
            aw[i] = min64(a, room < 0 ? 0 : room);
            out[i] = DGS_OUTCOME_GRANTED;
        }
    }
}

static void a403_gen(bench_rng *r, size_t n, int64_t **col)
{
    for (size_t i = 0; i < n; i++) {
        col[0][i] = bench_uniform(r, 0, 10000000);                       /* 0 … 10万 m² */
        col[1][i] = bench_uniform(r, 1, 10);                             /* 1 … 10 days */
        col[2][i] = bench_uniform(r, 0, 1);                              /* certified */
        col[3][i] = bench_uniform(r, 0, 4) ? 0 : bench_uniform(r, 0, 400000000); /* earlier grants */
    }
}

/* ---- the measures -------------------------------------------------------------------- */

typedef struct bench_measure {
    const char *id;
    size_t cols;
    const char *names[4];
    void (*params)(const dgs_measure *m, params *p);
    void (*gen)(bench_rng *r, size_t n, int64_t **col);
    loop_fn *runtime, *constant;
} bench_measure;

static const bench_measure measures[] = {
    {"A1.07.a", 2, {"financed_amount", "interest_paid"}, a107_params, a107_gen, a107_runtime, a107_const},
    {"A4.02.1.a", 2, {"booth_area", "build_cost"}, a4021_params, a4021_gen, a4021_runtime, a4021_const},
    {"A4.03.b", 4, {"exhibition_area", "days", "certified", "granted_to_date"}, a403_params, a403_gen,
     a403_runtime, a403_const},
};
#define N_MEASURES (sizeof measures / sizeof measures[0])

enum { PATH_LIBRARY, PATH_RUNTIME, PATH_CONST, N_PATHS };
static const char *const path_names[N_PATHS] = {
    "dgs_evaluate_batch", "fused loop, parameters at run time", "fused loop, constants compiled in"};
static const char *const path_keys[N_PATHS] = {"library", "fused_runtime", "fused_const"};

typedef struct data {
    const bench_measure *bm;
    const dgs_measure *m;
    params p;
    int64_t *col[4];
    dgs_fen_t *aw[N_PATHS];
    int32_t *out[N_PATHS];
} data;

static double run_path(data *d, int path, size_t n)
{
    const int64_t *const *cols = (const int64_t *const *)d->col;
    dgs_error err;
    double t0 = bench_now_ns();
    if (path == PATH_LIBRARY)
        bench_check(dgs_evaluate_batch(d->m, DATE, n, d->bm->cols, d->bm->names, cols, NULL,
                                       d->aw[path], d->out[path], &err),
                    &err, "dgs_evaluate_batch");
    else if (path == PATH_RUNTIME)
        d->bm->runtime(n, cols, &d->p, d->aw[path], d->out[path]);
    else
        d->bm->constant(n, cols, &d->p, d->aw[path], d->out[path]);
    return bench_now_ns() - t0;
}

static void verify(const data *d, size_t n)
{
    size_t granted = 0, ineligible = 0;
    for (int path = 1; path < N_PATHS; path++)
        for (size_t i = 0; i < n; i++)
            if (d->aw[path][i] != d->aw[0][i] || d->out[path][i] != d->out[0][i])
                bench_die("%s row %zu: %s gives %lld (%d), the library %lld (%d)", d->bm->id, i,
                          path_names[path], (long long)d->aw[path][i], d->out[path][i],
                          (long long)d->aw[0][i], d->out[0][i]);
    int64_t total = 0;
    for (size_t i = 0; i < n; i++) {
        granted += d->out[0][i] == DGS_OUTCOME_GRANTED;
        ineligible += d->out[0][i] == DGS_OUTCOME_INELIGIBLE;
        total += d->aw[0][i];
    }
    char buf[32];
    printf("  %s: %zu rows identical in all three paths (%zu granted, %zu ineligible; total %s yuan)\n",
           d->bm->id, n, granted, ineligible, dgs_money_format(total, buf, sizeof buf));
}

int main(int argc, char **argv)
{
    size_t rows = argc > 1 ? strtoull(argv[1], NULL, 10) : 10000000;
    int reps = argc > 2 ? atoi(argv[2]) : 7;
    if (rows < 10000 || reps < 1 || reps > 100)
        bench_die("usage: bench_batch [rows >= 10000] [repetitions 1..100]");

    dgs_ruleset *rs;
    dgs_error err;
    bench_check(dgs_ruleset_builtin(&rs, &err), &err, "dgs_ruleset_builtin");

    static data all[N_MEASURES];
    for (size_t k = 0; k < N_MEASURES; k++) {
        data *d = &all[k];
        d->bm = &measures[k];
        bench_check(dgs_ruleset_lookup(rs, d->bm->id, &d->m, &err), &err, d->bm->id);
        d->bm->params(d->m, &d->p);
        for (size_t j = 0; j < d->bm->cols; j++)
            if (!(d->col[j] = malloc(rows * sizeof(int64_t))))
                bench_die("out of memory");
        bench_rng r = {0x5eed0000u + k};
        d->bm->gen(&r, rows, d->col);
        for (int path = 0; path < N_PATHS; path++) {
            d->aw[path] = malloc(rows * sizeof(dgs_fen_t));
            d->out[path] = malloc(rows * sizeof(int32_t));
            if (!d->aw[path] || !d->out[path])
                bench_die("out of memory");
            /* Touch the outputs once so page faults are not timed. */
            memset(d->aw[path], 0xff, rows * sizeof(dgs_fen_t));
            memset(d->out[path], 0xff, rows * sizeof(int32_t));
        }
    }

    printf("## Batch: %zu rows, best and median of %d runs (paths interleaved)\n\n", rows, reps);
    printf("Checking that every path computes the same awards and outcomes:\n");
    for (size_t k = 0; k < N_MEASURES; k++) {
        for (int path = 0; path < N_PATHS; path++)
            run_path(&all[k], path, rows);
        verify(&all[k], rows);
    }
    printf("\n| measure | path | ns/row (best) | ns/row (median) | rows/s (best) | library ÷ this |\n");
    printf("| --- | --- | ---: | ---: | ---: | ---: |\n");
    for (size_t k = 0; k < N_MEASURES; k++) {
        data *d = &all[k];
        double ns[N_PATHS][100];
        for (int rep = 0; rep < reps; rep++)
            for (int path = 0; path < N_PATHS; path++)
                ns[path][rep] = run_path(d, path, rows);
        bench_stats st[N_PATHS];
        for (int path = 0; path < N_PATHS; path++)
            st[path] = bench_stats_of(ns[path], reps);
        for (int path = 0; path < N_PATHS; path++) {
            char rate[32];
            double per_row = st[path].best / (double)rows;
            printf("| %s | %s | %.2f | %.2f | %s | %.2f× |\n", d->bm->id, path_names[path], per_row,
                   st[path].median / (double)rows, bench_rate(1e9 / per_row, rate, sizeof rate),
                   st[0].best / st[path].best);
            bench_record("batch", path_keys[path], d->bm->id, (double)rows, per_row, "ns/row");
        }
    }

    /* Growth with the number of rows: each size repeated until about 3×10^7 rows, the
     * library and the fused loop (constants compiled in) interleaved.  Small sizes run
     * from the caches, 10^7 rows (280 MB and more) from memory: the fused loop shows
     * what the memory alone costs. */
    printf("\n## Batch time against the number of rows (best of repeated runs)\n\n");
    printf("| measure | rows | runs | library: time per batch | library: ns/row | × time of the size before "
           "| fused loop (constants): ns/row | library ÷ fused |\n");
    printf("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
    for (size_t k = 0; k < N_MEASURES; k++) {
        double prev = 0;
        for (size_t n = 10000; n <= rows; n *= 10) {
            int runs = (int)(30000000 / n);
            if (runs < reps)
                runs = reps;
            if (runs > 100)
                runs = 100;
            double ns[2][100];
            int inner = n < 1000000 ? (int)(1000000 / n) : 1;   /* timed blocks of ≥ 10^6 rows */
            for (int rep = 0; rep < runs; rep++)
                for (int which = 0; which < 2; which++) {
                    double t = 0;
                    for (int j = 0; j < inner; j++)
                        t += run_path(&all[k], which ? PATH_CONST : PATH_LIBRARY, n);
                    ns[which][rep] = t / inner;
                }
            bench_stats st = bench_stats_of(ns[0], runs), sc = bench_stats_of(ns[1], runs);
            char growth[32] = "", when[32];
            if (prev > 0)
                snprintf(growth, sizeof growth, "%.1f×", st.best / prev);
            if (st.best >= 1e6)
                snprintf(when, sizeof when, "%.2f ms", st.best / 1e6);
            else
                snprintf(when, sizeof when, "%.1f µs", st.best / 1e3);
            printf("| %s | %zu | %d | %s | %.2f | %s | %.2f | %.2f× |\n", all[k].bm->id, n, runs, when,
                   st.best / (double)n, growth, sc.best / (double)n, st.best / sc.best);
            bench_record("growth", "library", all[k].bm->id, (double)n, st.best / (double)n, "ns/row");
            bench_record("growth", "fused_const", all[k].bm->id, (double)n, sc.best / (double)n, "ns/row");
            prev = st.best;
        }
    }
    dgs_ruleset_free(rs);
    return 0;
}
