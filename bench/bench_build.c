/* SPDX-License-Identifier: MulanPSL-2.0 */
/*
 * Building the built-in ruleset: time and memory; and what the evaluation
 * paths allocate.
 *
 * Linked with the static library and -Wl,--wrap=malloc,calloc,realloc,free,
 * so every allocation the library makes goes through the counting allocator
 * below (bytes as malloc_usable_size reports them: what the heap really
 * gives).  Cross-checked with glibc's mallinfo2() and the process's resident
 * set (VmRSS).
 *
 * Usage: bench_build [builds (default 2000)]
 */
#include <malloc.h>
#include <stdlib.h>
#include <string.h>

#include "common.h"

/* ---- the counting allocator --------------------------------------------------------- */

void *__real_malloc(size_t n);
void *__real_calloc(size_t n, size_t size);
void *__real_realloc(void *p, size_t n);
void __real_free(void *p);

static size_t live, peak, count;

static void *counted(void *p)
{
    if (p) {
        live += malloc_usable_size(p);
        count++;
        if (live > peak)
            peak = live;
    }
    return p;
}

void *__wrap_malloc(size_t n) { return counted(__real_malloc(n)); }
void *__wrap_calloc(size_t n, size_t size) { return counted(__real_calloc(n, size)); }
void __wrap_free(void *p)
{
    if (p)
        live -= malloc_usable_size(p);
    __real_free(p);
}
void *__wrap_realloc(void *p, size_t n)
{
    size_t before = p ? malloc_usable_size(p) : 0;
    void *q = __real_realloc(p, n);
    if (q || !n) {
        live -= before;
        if (q)
            counted(q);
    }
    return q;
}

static long rss_kib(void)
{
    FILE *f = fopen("/proc/self/status", "r");
    char line[256];
    long kib = -1;
    while (f && fgets(line, sizeof line, f))
        if (strncmp(line, "VmRSS:", 6) == 0)
            kib = strtol(line + 6, NULL, 10);
    if (f)
        fclose(f);
    return kib;
}

int main(int argc, char **argv)
{
    int builds = argc > 1 ? atoi(argv[1]) : 2000;
    if (builds < 10)
        bench_die("usage: bench_build [builds >= 10]");
    dgs_error err;

    /* Memory of the first build, before anything else touched the library's data. */
    long rss0 = rss_kib();
    struct mallinfo2 mi0 = mallinfo2();
    size_t live0 = live, count0 = count;
    peak = live;
    dgs_ruleset *rs;
    bench_check(dgs_ruleset_builtin(&rs, &err), &err, "dgs_ruleset_builtin");
    long rss1 = rss_kib();
    struct mallinfo2 mi1 = mallinfo2();
    size_t held = live - live0, allocations = count - count0, build_peak = peak - live0;

    /* What one evaluation and one batch allocate. */
    const dgs_measure *m = dgs_ruleset_find(rs, "A1.07.a");
    dgs_case *c;
    bench_check(dgs_case_new(m, &c, &err), &err, "dgs_case_new");
    bench_check(dgs_case_set_date(c, "2025-06-01", &err), &err, "date");
    bench_check(dgs_case_set_int(c, "financed_amount", 2000000000, &err), &err, "financed_amount");
    bench_check(dgs_case_set_int(c, "interest_paid", 90000000, &err), &err, "interest_paid");
    size_t before = count, live_before = live;
    dgs_result *r;
    bench_check(dgs_evaluate(c, &r, &err), &err, "dgs_evaluate");
    size_t eval_allocs = count - before, eval_bytes = live - live_before;
    dgs_result_free(r);
    enum { ROWS = 1000000 };
    int64_t *col0 = calloc(ROWS, sizeof(int64_t)), *col1 = calloc(ROWS, sizeof(int64_t));
    dgs_fen_t *aw = calloc(ROWS, sizeof *aw);
    int32_t *out = calloc(ROWS, sizeof *out);
    for (size_t i = 0; i < ROWS; i++) {
        col0[i] = (int64_t)(i * 4999) % 5000000000;
        col1[i] = (int64_t)(i * 197) % 200000000;
    }
    const char *names[] = {"financed_amount", "interest_paid"};
    const int64_t *cols[] = {col0, col1};
    before = count;
    bench_check(dgs_evaluate_batch(m, "2025-06-01", ROWS, 2, names, cols, NULL, aw, out, &err), &err,
                "dgs_evaluate_batch");
    size_t batch_allocs = count - before;
    dgs_case_free(c);
    free(col0);
    free(col1);
    free(aw);
    free(out);
    dgs_ruleset_free(rs);
    size_t after_free = live - live0;

    /* Time: many builds (each freed after, the free not timed), best and median. */
    double *ns = malloc((size_t)builds * sizeof *ns), *ns_free = malloc((size_t)builds * sizeof *ns);
    for (int i = 0; i < builds; i++) {
        double t0 = bench_now_ns();
        bench_check(dgs_ruleset_builtin(&rs, &err), &err, "dgs_ruleset_builtin");
        double t1 = bench_now_ns();
        dgs_ruleset_free(rs);
        ns[i] = t1 - t0;
        ns_free[i] = bench_now_ns() - t1;
    }
    bench_stats st = bench_stats_of(ns, builds), sf = bench_stats_of(ns_free, builds);

    printf("## Building the built-in ruleset (dgs_ruleset_builtin)\n\n");
    printf("| what | value | target |\n| --- | ---: | --- |\n");
    printf("| time to build (best of %d) | %.1f µs | ≤ 5 ms |\n", builds, st.best / 1e3);
    printf("| time to build (median of %d) | %.1f µs | |\n", builds, st.median / 1e3);
    printf("| time to free (median) | %.1f µs | |\n", sf.median / 1e3);
    printf("| heap held by the ruleset (counting allocator) | %.1f KiB in %zu allocations | ≤ 5 MB |\n",
           (double)held / 1024, allocations);
    printf("| heap peak while building | %.1f KiB | |\n", (double)build_peak / 1024);
    printf("| heap held (mallinfo2 uordblks, after − before) | %.1f KiB | |\n",
           (double)(mi1.uordblks - mi0.uordblks) / 1024);
    printf("| resident set growth of the first build (VmRSS) | %ld KiB | |\n", rss1 - rss0);
    printf("| heap left after dgs_ruleset_free | %zu bytes | |\n", after_free);
    printf("| allocations of one dgs_evaluate (A1.07.a) | %zu (%zu bytes: the result with its trace) | |\n",
           eval_allocs, eval_bytes);
    printf("| allocations of one dgs_evaluate_batch of 10^6 rows | %zu | |\n", batch_allocs);
    bench_record("build", "time_best", "builtin", builds, st.best / 1e3, "us");
    bench_record("build", "time_median", "builtin", builds, st.median / 1e3, "us");
    bench_record("build", "heap", "builtin", (double)allocations, (double)held / 1024, "KiB");
    bench_record("build", "rss", "builtin", 1, (double)(rss1 - rss0), "KiB");
    free(ns);
    free(ns_free);
    return 0;
}
