/* SPDX-License-Identifier: MulanPSL-2.0 */
/* What the benchmark programs share: a clock, a random generator, timing
 * with repetitions, checked calls and result records. */
#ifndef BENCH_COMMON_H
#define BENCH_COMMON_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "dgsubsidy/dgsubsidy.h"

/* Nanoseconds on the monotonic clock. */
double bench_now_ns(void);

/* A small deterministic generator (splitmix64), so every run sees the same data. */
typedef struct bench_rng {
    uint64_t s;
} bench_rng;
uint64_t bench_next(bench_rng *r);
/* Uniform in [lo, hi]. */
int64_t bench_uniform(bench_rng *r, int64_t lo, int64_t hi);

/* Exits with a message when rc is not DGS_OK. */
void bench_check(int rc, const dgs_error *err, const char *what);
/* Exits with a message. */
void bench_die(const char *fmt, ...) __attribute__((format(printf, 1, 2), noreturn));

/* Statistics of repeated timings (nanoseconds). */
typedef struct bench_stats {
    double best, median, worst;
    int runs;
} bench_stats;
bench_stats bench_stats_of(double *ns, int n);

/* Appends a record to the CSV file named by $BENCH_CSV (if set):
 * section,path,measure,n,value,unit. */
void bench_record(const char *section, const char *path, const char *measure, double n,
                  double value, const char *unit);

/* Keeps a value alive so the compiler cannot drop the work that made it. */
static inline void bench_keep(int64_t v)
{
    __asm__ volatile("" : : "r"(v) : "memory");
}

/* Formats a count of rows per second as "123.4 M". */
const char *bench_rate(double rows_per_s, char *buf, size_t size);

#endif
