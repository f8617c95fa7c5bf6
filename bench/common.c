/* SPDX-License-Identifier: MulanPSL-2.0 */
#include "common.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

double bench_now_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1e9 + (double)ts.tv_nsec;
}

uint64_t bench_next(bench_rng *r)
{
    uint64_t z = (r->s += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}

int64_t bench_uniform(bench_rng *r, int64_t lo, int64_t hi)
{
    return lo + (int64_t)(bench_next(r) % (uint64_t)(hi - lo + 1));
}

void bench_die(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fputs("bench: ", stderr);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    va_end(ap);
    exit(1);
}

void bench_check(int rc, const dgs_error *err, const char *what)
{
    if (rc != DGS_OK)
        bench_die("%s failed: %s: %s", what, dgs_status_name(rc), err ? err->message : "");
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

bench_stats bench_stats_of(double *ns, int n)
{
    qsort(ns, (size_t)n, sizeof *ns, cmp_double);
    bench_stats s = {ns[0], n % 2 ? ns[n / 2] : (ns[n / 2 - 1] + ns[n / 2]) / 2, ns[n - 1], n};
    return s;
}

void bench_record(const char *section, const char *path, const char *measure, double n,
                  double value, const char *unit)
{
    const char *file = getenv("BENCH_CSV");
    if (!file || !*file)
        return;
    FILE *f = fopen(file, "a");
    if (!f)
        bench_die("cannot append to %s", file);
    fprintf(f, "%s,%s,%s,%.0f,%.6g,%s\n", section, path, measure, n, value, unit);
    fclose(f);
}

const char *bench_rate(double rows_per_s, char *buf, size_t size)
{
    if (rows_per_s >= 1e9)
        snprintf(buf, size, "%.2f G", rows_per_s / 1e9);
    else if (rows_per_s >= 1e6)
        snprintf(buf, size, "%.1f M", rows_per_s / 1e6);
    else
        snprintf(buf, size, "%.1f k", rows_per_s / 1e3);
    return buf;
}
