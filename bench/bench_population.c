/* SPDX-License-Identifier: MulanPSL-2.0 */
/*
 * Populations (dgs_evaluate_population): three measures over a population,
 * each applicant's claims stacked, against the batches of the three measures
 * alone (what the stacking adds) and against the scalar path (dgs_evaluate of
 * every claim, then dgs_stack_claims per applicant).
 *
 *   A1.01.a  matching funds of a project (G-MATCH, about the project)
 *   A1.07.a  finance-lease interest (每年最高贴息 150 万元: a cap across claims)
 *   A1.10.a  purchases from SMEs (G-BZ-PROCURE, about the enterprise, yearly)
 *
 * Each row is one object of one applicant and gives the facts of one or two
 * of the measures; the rows of an applicant are scattered over the file
 * (shuffled), as they come from a register.  Before any time is taken, the
 * paid amounts of the first 2000 applicants are checked against
 * dgs_evaluate() + dgs_stack_claims(): a fast wrong answer cannot pass.
 * Prints a Markdown table.
 *
 *   bench_population [APPLICANTS] [ROWS_PER_APPLICANT...] [REPS]
 *   (defaults: 200000 applicants, 1 and 5 rows each, 5 repetitions)
 */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common.h"

#define WAN 1000000LL
#define NM 3
static const char *const measures[NM] = {"A1.01.a", "A1.07.a", "A1.10.a"};
enum { NATIONAL, PROVINCIAL, INVESTMENT, FINANCED, INTEREST, PURCHASES, NCOLS };
static const char *const names[NCOLS] = {"national_funds", "provincial_funds", "total_investment",
                                         "financed_amount", "interest_paid",   "new_purchases"};

typedef struct population {
    size_t rows;
    int64_t *col[NCOLS];
    uint8_t *pres[NCOLS];
    int64_t *applicant;
} population;

static population make(size_t applicants, size_t per, bench_rng *g)
{
    population p = {applicants * per, {0}, {0}, NULL};
    for (int j = 0; j < NCOLS; j++) {
        p.col[j] = calloc(p.rows, sizeof *p.col[j]);
        p.pres[j] = calloc(p.rows, 1);
        if (!p.col[j] || !p.pres[j])
            bench_die("out of memory");
    }
    p.applicant = malloc(p.rows * sizeof *p.applicant);
    if (!p.applicant)
        bench_die("out of memory");
    for (size_t i = 0; i < p.rows; i++) {
        p.applicant[i] = (int64_t)(i / per);
        int kinds = (int)bench_uniform(g, 1, 2);
        for (int t = 0; t < kinds; t++) {
            switch (bench_uniform(g, 0, 2)) {
            case 0:
                p.col[NATIONAL][i] = bench_uniform(g, 0, 10) * 100 * WAN, p.pres[NATIONAL][i] = 1;
                p.col[PROVINCIAL][i] = bench_uniform(g, 0, 10) * 100 * WAN, p.pres[PROVINCIAL][i] = 1;
                p.col[INVESTMENT][i] = bench_uniform(g, 1, 50) * 1000 * WAN, p.pres[INVESTMENT][i] = 1;
                break;
            case 1:
                p.col[FINANCED][i] = bench_uniform(g, 0, 5000) * WAN, p.pres[FINANCED][i] = 1;
                p.col[INTEREST][i] = bench_uniform(g, 0, 300) * WAN, p.pres[INTEREST][i] = 1;
                break;
            default:
                p.col[PURCHASES][i] = bench_uniform(g, 0, 50000) * WAN, p.pres[PURCHASES][i] = 1;
                break;
            }
        }
    }
    /* Shuffle the rows (Fisher–Yates): an applicant's rows scattered over the file. */
    for (size_t i = p.rows; i > 1; i--) {
        size_t k = (size_t)bench_uniform(g, 0, (int64_t)i - 1);
        int64_t a = p.applicant[i - 1];
        p.applicant[i - 1] = p.applicant[k], p.applicant[k] = a;
        for (int j = 0; j < NCOLS; j++) {
            int64_t v = p.col[j][i - 1];
            p.col[j][i - 1] = p.col[j][k], p.col[j][k] = v;
            uint8_t b = p.pres[j][i - 1];
            p.pres[j][i - 1] = p.pres[j][k], p.pres[j][k] = b;
        }
    }
    return p;
}

static void release(population *p)
{
    for (int j = 0; j < NCOLS; j++)
        free(p->col[j]), free(p->pres[j]);
    free(p->applicant);
}

typedef struct outputs {
    dgs_fen_t *awards, *paid;
    int32_t *outcomes, *decisions;
} outputs;

static int run_population(const dgs_ruleset *rs, const population *p, outputs *o, dgs_error *e)
{
    return dgs_evaluate_population(rs, NM, measures, "2025-06-01", NULL, p->rows, NCOLS, names,
                                   (const int64_t *const *)p->col, (const uint8_t *const *)p->pres, p->applicant,
                                   NULL, o->awards, o->outcomes, o->paid, o->decisions, NULL, e);
}

/* The measures' batches alone, over the columns each reads. */
static void run_batches(const dgs_ruleset *rs, const population *p, outputs *o)
{
    static const int first[NM] = {NATIONAL, FINANCED, PURCHASES}, count[NM] = {3, 2, 1};
    for (int k = 0; k < NM; k++) {
        dgs_error e;
        int rc = dgs_evaluate_batch(dgs_ruleset_find(rs, measures[k]), "2025-06-01", p->rows, (size_t)count[k],
                                    names + first[k], (const int64_t *const *)p->col + first[k],
                                    (const uint8_t *const *)p->pres + first[k], o->awards + (size_t)k * p->rows,
                                    o->outcomes + (size_t)k * p->rows, &e);
        (void)rc;   /* rows that claim no measure are invalid for its batch: not an error here */
    }
}

/* The scalar path for the applicants [0, upto): every claim evaluated, each applicant stacked.
 * With `check`, the paid amounts must equal the population's. */
static double scalar_path(const dgs_ruleset *rs, const population *p, int64_t upto, const outputs *o, bool check)
{
    size_t *rows_of = malloc(p->rows * sizeof *rows_of), *start = calloc((size_t)upto + 1, sizeof *start);
    if (!rows_of || !start)
        bench_die("out of memory");
    for (size_t i = 0; i < p->rows; i++)
        if (p->applicant[i] < upto)
            start[p->applicant[i] + 1]++;
    for (int64_t a = 0; a < upto; a++)
        start[a + 1] += start[a];
    size_t *fill = malloc(((size_t)upto + 1) * sizeof *fill);
    memcpy(fill, start, ((size_t)upto + 1) * sizeof *fill);
    for (size_t i = 0; i < p->rows; i++)
        if (p->applicant[i] < upto)
            rows_of[fill[p->applicant[i]]++] = i;
    free(fill);
    dgs_case *cases[NM];
    dgs_error e;
    for (int k = 0; k < NM; k++)
        bench_check(dgs_case_new(dgs_ruleset_find(rs, measures[k]), &cases[k], &e), &e, "case");
    double t0 = bench_now_ns();
    dgs_result *res[64];
    const char *obj[64];
    char own[64][24];
    size_t at[64];
    for (int64_t a = 0; a < upto; a++) {
        size_t n = 0;
        for (size_t r = start[a]; r < start[a + 1]; r++) {
            size_t i = rows_of[r];
            for (int k = 0; k < NM; k++) {
                dgs_case *c = cases[k];
                dgs_case_clear(c);
                dgs_case_set_date(c, "2025-06-01", &e);
                bool claimed = false;
                for (int j = 0; j < NCOLS; j++)
                    if (p->pres[j][i] && dgs_measure_input_index(dgs_case_measure(c), names[j]) >= 0) {
                        claimed = true;
                        dgs_case_set_int(c, names[j], p->col[j][i], &e);
                    }
                if (!claimed || n == 64)
                    continue;
                if (dgs_evaluate(c, &res[n], &e))
                    continue;
                snprintf(own[n], sizeof own[n], "#%zu", i);
                obj[n] = own[n];
                at[n++] = (size_t)k * p->rows + i;
            }
        }
        dgs_stack *s;
        bench_check(dgs_stack_claims(rs, (const dgs_result *const *)res, obj, n, NULL, &s, &e), &e, "stack");
        for (size_t q = 0; q < n; q++) {
            if (check && (o->paid[at[q]] != dgs_stack_paid(s, q) || o->decisions[at[q]] != dgs_stack_decision(s, q)))
                bench_die("applicant %lld: the population pays %lld, evaluate + stack %lld", (long long)a,
                          (long long)o->paid[at[q]], (long long)dgs_stack_paid(s, q));
            dgs_result_free(res[q]);
        }
        dgs_stack_free(s);
    }
    double ns = bench_now_ns() - t0;
    for (int k = 0; k < NM; k++)
        dgs_case_free(cases[k]);
    free(rows_of);
    free(start);
    return ns;
}

int main(int argc, char **argv)
{
    size_t applicants = argc > 1 ? (size_t)atol(argv[1]) : 200000;
    size_t per[8] = {1, 5};
    int nper = 2;
    int reps = 5;
    if (argc > 3) {
        nper = 0;
        for (int i = 2; i < argc - 1 && nper < 8; i++)
            per[nper++] = (size_t)atol(argv[i]);
        reps = atoi(argv[argc - 1]);
    }
    if (applicants < 2000 || reps < 1)
        bench_die("usage: bench_population [APPLICANTS ≥ 2000] [ROWS_PER_APPLICANT ...] [REPS ≥ 1]");
    dgs_ruleset *rs;
    dgs_error e;
    bench_check(dgs_ruleset_builtin(&rs, &e), &e, "builtin");
    printf("| applicants | rows | claims | path | ms (best) | ms (median) | ns per row | population ÷ batches |\n");
    printf("| ---: | ---: | ---: | --- | ---: | ---: | ---: | ---: |\n");
    for (int s = 0; s < nper; s++) {
        bench_rng g = {42 + (uint64_t)s};
        population p = make(applicants, per[s], &g);
        size_t cells = NM * p.rows;
        outputs o = {malloc(cells * 8), malloc(cells * 8), malloc(cells * 4), malloc(cells * 4)};
        if (!o.awards || !o.paid || !o.outcomes || !o.decisions)
            bench_die("out of memory");
        int rc = run_population(rs, &p, &o, &e);
        if (rc)
            bench_die("population: %s", e.message);
        size_t claims = 0;
        dgs_fen_t total = 0;
        for (size_t x = 0; x < cells; x++) {
            claims += o.decisions[x] != DGS_STACK_NOT_CLAIMED;
            total += o.paid[x];
        }
        scalar_path(rs, &p, 2000, &o, true);   /* the check: 2000 applicants, every claim */
        double tp[64], tb[64];
        for (int r = 0; r < reps && r < 64; r++) {
            double t0 = bench_now_ns();
            run_population(rs, &p, &o, &e);
            tp[r] = bench_now_ns() - t0;
            t0 = bench_now_ns();
            run_batches(rs, &p, &o);
            tb[r] = bench_now_ns() - t0;
        }
        int n = reps < 64 ? reps : 64;
        bench_stats sp = bench_stats_of(tp, n), sb = bench_stats_of(tb, n);
        /* The scalar path over a tenth of the applicants, scaled to all (it is linear). */
        int64_t part = (int64_t)(applicants / 10);
        double ts = scalar_path(rs, &p, part, &o, false) * (double)applicants / (double)part;
        printf("| %zu | %zu | %zu | dgs_evaluate_population | %.1f | %.1f | %.1f | %.2f× |\n", applicants, p.rows,
               claims, sp.best / 1e6, sp.median / 1e6, sp.best / (double)p.rows, sp.best / sb.best);
        printf("| %zu | %zu | %zu | 3 × dgs_evaluate_batch (no stacking) | %.1f | %.1f | %.1f | 1.00× |\n",
               applicants, p.rows, claims, sb.best / 1e6, sb.median / 1e6, sb.best / (double)p.rows);
        printf("| %zu | %zu | %zu | dgs_evaluate + dgs_stack_claims per applicant (a tenth, scaled) | %.0f | | %.0f | %.1f× |\n",
               applicants, p.rows, claims, ts / 1e6, ts / (double)p.rows, ts / sb.best);
        bench_record("population", "dgs_evaluate_population", "A1.01.a+A1.07.a+A1.10.a", (double)p.rows,
                     sp.best / (double)p.rows, "ns/row");
        fprintf(stderr, "%zu rows: %zu claims, total paid %lld fen, checked against evaluate + stack\n", p.rows,
                claims, (long long)total);
        free(o.awards), free(o.paid), free(o.outcomes), free(o.decisions);
        release(&p);
    }
    dgs_ruleset_free(rs);
    return 0;
}
