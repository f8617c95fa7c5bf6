/* SPDX-License-Identifier: MulanPSL-2.0 */
/*
 * Applying a guideline: time and memory against the number of changes.
 *
 * A guideline of n one-day changes of one parameter (A1.07.a cap_per_year,
 * every value under the text's maximum), the worst shape for a slot: n
 * versions, 2n + 1 dates where the value may change.  For n = 10^3 … 10^6
 * (or up to the size given) it times dgs_ruleset_apply_guideline() (best and
 * median of the repetitions), prints the time per change and the growth from
 * the size before (10 × the changes: a ratio near 10 is linear, near 100
 * quadratic), the process's peak resident set after the size, and the cost of
 * one evaluation in the derived ruleset (a binary search per parameter
 * lookup), which must not grow with n.  Each derived ruleset is checked: the
 * value of a sample of days and of the day after the last change.
 *
 * Usage: bench_guideline [largest n (default 1000000)] [repetitions (default 3)]
 */
#include <stdlib.h>
#include <string.h>

#include "common.h"

/* "YYYY-MM-DD" of day d (days since 1970-01-01). */
static void day_text(int64_t d, char *buf, size_t size)
{
    int64_t z = d + 719468, era = z / 146097, doe = z - era * 146097;
    int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365, y = yoe + era * 400;
    int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100), mp = (5 * doy + 2) / 153;
    int dd = (int)(doy - (153 * mp + 2) / 5 + 1), mm = (int)(mp < 10 ? mp + 3 : mp - 9);
    snprintf(buf, size, "%04d-%02d-%02d", (int)(y + (mm <= 2)), mm, dd);
}

#define FIRST_DAY 19738   /* 2024-01-16 */

static char *guideline(size_t n, size_t *len)
{
    size_t cap = n * 200 + 64, at = 0;   /* a change is under 160 bytes */
    char *g = malloc(cap);
    if (!g)
        bench_die("out of memory for a guideline of %zu changes", n);
    at += (size_t)snprintf(g + at, cap - at, "{\"name\": \"bench\", \"changes\": [");
    for (size_t i = 0; i < n; i++) {
        char day[16];
        day_text(FIRST_DAY + (int64_t)i, day, sizeof day);
        at += (size_t)snprintf(g + at, cap - at,
                               "%s\n {\"measure\": \"A1.07.a\", \"parameter\": \"cap_per_year\", \"value\": \"%zu\","
                               " \"from\": \"%s\", \"until\": \"%s\", \"reference\": \"第%zu条\"}",
                               i ? "," : "", (size_t)1000000 + i % 1000, day, day, i % 97 + 1);
    }
    at += (size_t)snprintf(g + at, cap - at, "\n]}\n");
    *len = at;
    return g;
}

/* The process's peak resident set, MiB (VmHWM). */
static double peak_rss_mib(void)
{
    FILE *f = fopen("/proc/self/status", "r");
    char line[256];
    double kb = 0;
    while (f && fgets(line, sizeof line, f))
        if (sscanf(line, "VmHWM: %lf kB", &kb) == 1)
            break;
    if (f)
        fclose(f);
    return kb / 1024;
}

static void check(const dgs_ruleset *rs, size_t n)
{
    const dgs_measure *m = dgs_ruleset_find(rs, "A1.07.a");
    size_t cap = 0;
    while (strcmp(dgs_measure_parameter_name(m, cap), "cap_per_year") != 0)
        cap++;
    for (size_t i = 0; i <= n; i += n / 7 + 1) {
        char day[16], want[32], *text;
        day_text(FIRST_DAY + (int64_t)i, day, sizeof day);
        bench_check(dgs_measure_parameter_text(m, cap, day, &text, NULL, NULL), NULL, "parameter text");
        snprintf(want, sizeof want, i < n ? "%zu.00" : "1500000.00", (size_t)1000000 + i % 1000);
        if (strcmp(text, want) != 0)
            bench_die("n = %zu: day %s has %s, not %s", n, day, text, want);
        dgs_free(text);
    }
}

/* Nanoseconds per evaluation of A1.07.a in rs on a day inside the changes. */
static double evaluation_ns(const dgs_ruleset *rs, size_t n)
{
    dgs_case *c;
    dgs_result *r;
    dgs_error e;
    char day[16];
    day_text(FIRST_DAY + (int64_t)(n / 2), day, sizeof day);
    bench_check(dgs_case_new(dgs_ruleset_find(rs, "A1.07.a"), &c, &e), &e, "case");
    bench_check(dgs_case_set_date(c, day, &e), &e, "date");
    bench_check(dgs_case_set_text(c, "financed_amount", "28000000", &e), &e, "input");
    bench_check(dgs_case_set_text(c, "interest_paid", "2000000", &e), &e, "input");
    const int calls = 20000;
    double best = 1e300;
    for (int k = 0; k < 3; k++) {
        double t0 = bench_now_ns();
        for (int i = 0; i < calls; i++) {
            bench_check(dgs_evaluate(c, &r, &e), &e, "evaluate");
            bench_keep(dgs_result_award(r));
            dgs_result_free(r);
        }
        double ns = (bench_now_ns() - t0) / calls;
        best = ns < best ? ns : best;
    }
    dgs_case_free(c);
    return best;
}

int main(int argc, char **argv)
{
    size_t largest = argc > 1 ? (size_t)atoll(argv[1]) : 1000000;
    int reps = argc > 2 ? atoi(argv[2]) : 3;
    if (reps < 1 || reps > 50)
        bench_die("repetitions: 1 to 50");
    dgs_ruleset *base;
    dgs_error e;
    bench_check(dgs_ruleset_builtin(&base, &e), &e, "built-in ruleset");

    printf("## Applying a guideline of n one-day changes to one parameter\n\n");
    printf("| changes | text | apply (best) | apply (median) | per change | growth ×10 | peak RSS | evaluate |\n");
    printf("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
    double before = 0;
    for (size_t n = 1000; n <= largest; n *= 10) {
        size_t len;
        char *g = guideline(n, &len);
        double ns[50];
        dgs_ruleset *rs = NULL;
        for (int k = 0; k < reps; k++) {
            dgs_ruleset_free(rs);
            double t0 = bench_now_ns();
            bench_check(dgs_ruleset_apply_guideline(base, g, len, "bench.json", &rs, &e), &e, "apply");
            ns[k] = bench_now_ns() - t0;
        }
        free(g);
        bench_stats st = bench_stats_of(ns, reps);
        check(rs, n);
        double eval = evaluation_ns(rs, n);
        double rss = peak_rss_mib();
        char growth[16] = "—";
        if (before > 0)
            snprintf(growth, sizeof growth, "%.1f", st.best / before);
        printf("| %zu | %.1f MB | %.3f s | %.3f s | %.2f µs | %s | %.0f MiB | %.2f µs |\n", n, (double)len / 1e6,
               st.best / 1e9, st.median / 1e9, st.best / 1e3 / (double)n, growth, rss, eval / 1e3);
        fflush(stdout);
        bench_record("guideline", "apply", "seconds", (double)n, st.best / 1e9, "s");
        bench_record("guideline", "apply", "peak_rss", (double)n, rss, "MiB");
        bench_record("guideline", "evaluate", "ns_per_call", (double)n, eval, "ns");
        before = st.best;
        dgs_ruleset_free(rs);
    }
    dgs_ruleset_free(base);
    printf("\n");
    return 0;
}
