/* SPDX-License-Identifier: MulanPSL-2.0 */
/* Multi-threaded batch: one shared, read-only ruleset; each thread runs
 * dgs_evaluate_batch over its own range of rows of the same columns.
 * The library has no global state, so nothing else is needed.
 *
 *   cc threaded_batch.c $(pkg-config --cflags --libs dgsubsidy) -pthread */
#include <inttypes.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

#include <dgsubsidy/dgsubsidy.h>

enum { ROWS = 1000000, THREADS = 4 };

typedef struct job {
    const dgs_measure *m;
    size_t first, count;
    const int64_t *financed, *interest;
    dgs_fen_t *awards;
    int32_t *outcomes;
    int rc;
} job;

static void *run(void *arg)
{
    job *j = arg;
    const char *names[] = {"financed_amount", "interest_paid"};
    const int64_t *cols[] = {j->financed + j->first, j->interest + j->first};
    dgs_error err;
    j->rc = dgs_evaluate_batch(j->m, "2025-03-01", j->count, 2, names, cols, NULL, j->awards + j->first,
                               j->outcomes + j->first, &err);
    if (j->rc)
        fprintf(stderr, "rows %zu…: %s\n", j->first + err.row, err.message);
    return NULL;
}

int main(void)
{
    dgs_ruleset *rs;
    dgs_error err;
    if (dgs_ruleset_builtin(&rs, &err)) {
        fprintf(stderr, "%s\n", err.message);
        return 1;
    }
    int64_t *financed = malloc(ROWS * sizeof *financed), *interest = malloc(ROWS * sizeof *interest);
    dgs_fen_t *awards = malloc(ROWS * sizeof *awards);
    int32_t *outcomes = malloc(ROWS * sizeof *outcomes);
    if (!financed || !interest || !awards || !outcomes)
        return 1;
    for (size_t i = 0; i < ROWS; i++) {
        financed[i] = (int64_t)(i % 5000) * 1000000;   /* 0 … 4999万 yuan, in fen */
        interest[i] = (int64_t)(i % 700) * 300000;     /* 0 … 209.7万 yuan */
    }
    pthread_t t[THREADS];
    job jobs[THREADS];
    for (int k = 0; k < THREADS; k++) {
        size_t first = (size_t)k * ROWS / THREADS, last = (size_t)(k + 1) * ROWS / THREADS;
        jobs[k] = (job){dgs_ruleset_find(rs, "A1.07.a"), first, last - first, financed, interest, awards, outcomes, 0};
        pthread_create(&t[k], NULL, run, &jobs[k]);
    }
    int rc = 0;
    for (int k = 0; k < THREADS; k++) {
        pthread_join(t[k], NULL);
        rc |= jobs[k].rc;
    }
    dgs_fen_t total = 0;
    for (size_t i = 0; i < ROWS; i++)
        total += awards[i];
    /* Row 1000: 1000万 financed × 5% = 50万 < interest 90万 → 50万. */
    printf("%d rows, %d threads, total %" PRId64 " fen; row 1000: %" PRId64 " fen\n", ROWS, THREADS, total, awards[1000]);
    if (awards[1000] != 50000000)
        rc = 1;
    free(financed), free(interest), free(awards), free(outcomes);
    dgs_ruleset_free(rs);
    return rc ? 1 : 0;
}
