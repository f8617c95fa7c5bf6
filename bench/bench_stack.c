/* SPDX-License-Identifier: MulanPSL-2.0 */
/*
 * Stacking (dgs_stack_claims) against the number of claims: 10^3 … 10^6
 * claims of one file, in three shapes —
 *
 *   mixed        four kinds of claim (two measures of one group, G-MATCH, a
 *                ceiling of another group, a measure in no group) about n/4
 *                projects: many small benefits;
 *   one benefit  every claim in one group about one object (G-A1.19, the
 *                enterprise): one benefit with n claims, the worst case of a
 *                scan per claim;
 *   yearly cap   OP.10.a claims over three years: every claim under the
 *                cross-claim cap of its year.
 *
 * Each total is checked against what the shape must pay, worked out here, so
 * a fast wrong answer cannot pass.  Prints a Markdown table.
 *
 *   bench_stack [MAX_CLAIMS] [REPS]      (defaults 1000000 and 5)
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "common.h"

static dgs_result *evaluate(const dgs_ruleset *rs, const char *id, const char *date, const char *const *kv)
{
    dgs_case *c;
    dgs_result *r;
    dgs_error e;
    bench_check(dgs_case_new(dgs_ruleset_find(rs, id), &c, &e), &e, id);
    bench_check(dgs_case_set_date(c, date, &e), &e, "date");
    for (size_t i = 0; kv[i]; i += 2)
        bench_check(dgs_case_set_text(c, kv[i], kv[i + 1], &e), &e, kv[i]);
    bench_check(dgs_evaluate(c, &r, &e), &e, "evaluate");
    dgs_case_free(c);
    return r;
}

enum { MIXED, ONE_BENEFIT, YEARLY_CAP, SHAPES };
static const char *const shape_names[SHAPES] = {"mixed", "one benefit", "yearly cap"};

int main(int argc, char **argv)
{
    size_t max = argc > 1 ? (size_t)atol(argv[1]) : 1000000;
    int reps = argc > 2 ? atoi(argv[2]) : 5;
    if (max < 1000 || reps < 1)
        bench_die("usage: bench_stack [MAX_CLAIMS ≥ 1000] [REPS ≥ 1]");
    dgs_ruleset *rs;
    dgs_error e;
    bench_check(dgs_ruleset_builtin(&rs, &e), &e, "builtin");

    /* The claims, evaluated once; a file of n claims points at them. */
    dgs_result *match_a = evaluate(rs, "A1.01.a", "2025-06-01",
                                   (const char *const[]){"national_funds", "6000000", "provincial_funds", "0",
                                                         "total_investment", "100000000", NULL});   /* 600万 */
    dgs_result *match_b = evaluate(rs, "A2.01.d", "2025-06-01",
                                   (const char *const[]){"national_funds", "0", "provincial_funds", "4000000",
                                                         NULL});                                    /* 200万 */
    dgs_result *alone = evaluate(rs, "A4.09.e", "2025-06-01", (const char *const[]){"usage_fee", "10000", NULL}); /* 5,000 */
    dgs_result *ceiling = evaluate(rs, "A5.04.a", "2025-06-01", (const char *const[]){"tier", "national", NULL});
    dgs_result *honour = evaluate(rs, "A1.19.a", "2025-06-01", (const char *const[]){"assessed", "3000000", NULL});
    dgs_result *uplift[3];
    for (int y = 0; y < 3; y++)
        uplift[y] = evaluate(rs, "OP.10.a", y == 0 ? "2024-06-01" : y == 1 ? "2025-06-01" : "2026-06-01",
                             (const char *const[]){"tier", "chain_leader", "award_base", "10000000", "base_ratio_bp",
                                                   "2000", "base_limit", "3000000", NULL});          /* 220万 */

    const dgs_result **claims = malloc(max * sizeof *claims);
    const char **objects = malloc(max * sizeof *objects);
    char (*names)[16] = malloc((max / 4 + 1) * sizeof *names);
    double *ns = malloc((size_t)reps * sizeof *ns), *cpu = malloc((size_t)reps * sizeof *cpu);
    if (!claims || !objects || !names || !ns || !cpu)
        bench_die("out of memory");
    for (size_t k = 0; k <= max / 4; k++)
        snprintf(names[k], sizeof names[k], "P%zu", k);

    printf("### Stacking: growth with the number of claims\n\n");
    /* The machine may be shared: the processor time of the process (best run) is
     * the figure that load does not inflate; the wall time (median) is shown too. */
    printf("| shape | claims | runs | CPU time (best) | CPU ns/claim | × CPU time of the size before | wall time (median) |\n");
    printf("| --- | ---: | ---: | ---: | ---: | ---: | ---: |\n");
    for (int shape = 0; shape < SHAPES; shape++) {
        double before = 0;
        for (size_t n = 1000; n <= max; n *= 10) {
            dgs_fen_t want = 0;
            for (size_t i = 0; i < n; i++) {
                objects[i] = NULL;
                switch (shape) {
                case MIXED: {
                    const dgs_result *k[4] = {match_a, match_b, alone, ceiling};
                    claims[i] = k[i % 4];
                    objects[i] = names[i / 4];
                    break;
                }
                case ONE_BENEFIT:
                    claims[i] = honour;
                    break;
                default:
                    claims[i] = uplift[i % 3];
                }
            }
            /* What each shape must pay. */
            if (shape == MIXED) {
                size_t projects = (n + 3) / 4, alones = n / 4 + (n % 4 > 2);
                size_t matches = projects; /* every project has A1.01.a (the first of its four) */
                want = (dgs_fen_t)matches * 600000000 + (dgs_fen_t)alones * 500000;
            } else if (shape == ONE_BENEFIT) {
                want = 300000000;
            } else {
                want = 3 * (dgs_fen_t)500000000;   /* each year's claims fill its 500万 cap */
            }
            for (int r = 0; r < reps; r++) {
                dgs_stack *s;
                double t0 = bench_now_ns();
                clock_t c0 = clock();
                bench_check(dgs_stack_claims(rs, (const dgs_result *const *)claims, objects, n, NULL, &s, &e), &e,
                            "dgs_stack_claims");
                cpu[r] = (double)(clock() - c0) * 1e9 / CLOCKS_PER_SEC;
                ns[r] = bench_now_ns() - t0;
                if (dgs_stack_total(s) != want)
                    bench_die("%s, %zu claims: total %lld fen, expected %lld", shape_names[shape], n,
                              (long long)dgs_stack_total(s), (long long)want);
                dgs_stack_free(s);
            }
            bench_stats st = bench_stats_of(ns, reps), ct = bench_stats_of(cpu, reps);
            char ratio[32] = "";
            if (before > 0)
                snprintf(ratio, sizeof ratio, "%.1f×", ct.best / before);
            printf("| %s | %zu | %d | %.2f ms | %.0f | %s | %.2f ms |\n", shape_names[shape], n, reps, ct.best / 1e6,
                   ct.best / (double)n, ratio, st.median / 1e6);
            bench_record("stack", shape_names[shape], "dgs_stack_claims", (double)n, ct.best / (double)n, "ns/claim");
            before = ct.best;
        }
    }
    printf("\n");
    free(claims);
    free(objects);
    free(names);
    free(ns);
    free(cpu);
    dgs_result_free(match_a);
    dgs_result_free(match_b);
    dgs_result_free(alone);
    dgs_result_free(ceiling);
    dgs_result_free(honour);
    for (int y = 0; y < 3; y++)
        dgs_result_free(uplift[y]);
    dgs_ruleset_free(rs);
    return 0;
}
