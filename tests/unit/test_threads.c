/* SPDX-License-Identifier: MulanPSL-2.0 */
/*
 * Threads: one ruleset shared by many threads.
 *
 * Eight threads evaluate every measure of one shared built-in ruleset (with
 * traces, rendered as JSON) and run batches over row ranges of shared
 * columns, while two more threads keep deriving rulesets from the same base
 * (dgs_ruleset_set_parameter, dgs_ruleset_apply_guideline), evaluating on
 * them and freeing them, and another reads the base's metadata.  Every
 * result must equal the one computed on a single thread beforehand.
 *
 * Run it under ThreadSanitizer (scripts/check-tsan.sh, -DDGS_TSAN=ON): a
 * data race in the library is reported there even when the results agree.
 */
#include <pthread.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "dgsubsidy/dgsubsidy.h"

#define EVALUATORS 8
#define BUILDERS 2
#define CASES_PER_MEASURE 3
#define ROWS 4000
#define ROUNDS 2

static dgs_ruleset *base;

/* ---- deterministic cases ---------------------------------------------------- */

static uint64_t mix(uint64_t x)
{
    x ^= x >> 33;
    x *= 0xff51afd7ed558ccdULL;
    x ^= x >> 33;
    x *= 0xc4ceb9fe1a85ec53ULL;
    return x ^ (x >> 33);
}

static const char *const dates[] = {"2024-01-16", "2024-08-31", "2025-07-01", "2026-12-31", "2027-01-15"};

/* The value of input k of case `which` of measure `mi`, in base units. */
static int64_t value_of(const dgs_measure *m, size_t mi, size_t k, size_t which)
{
    uint64_t r = mix(mi * 1000003 + k * 101 + which);
    switch (dgs_measure_input_type(m, k)) {
    case DGS_TYPE_FLAG:
        return (int64_t)(r & 1);
    case DGS_TYPE_CHOICE:
        return (int64_t)(r % dgs_measure_input_choice_count(m, k));
    case DGS_TYPE_COUNT:
        return (int64_t)(r % 30);
    case DGS_TYPE_AREA:
        return (int64_t)(r % 5000000);          /* up to 50,000 m² */
    default:
        return (int64_t)(r % 10000000000ULL);   /* up to 100 million yuan */
    }
}

static dgs_case *make_case(const dgs_measure *m, size_t mi, size_t which)
{
    dgs_case *c = NULL;
    assert_int_equal(dgs_case_new(m, &c, NULL), DGS_OK);
    assert_int_equal(dgs_case_set_date(c, dates[mix(mi + which) % 5], NULL), DGS_OK);
    for (size_t k = 0; k < dgs_measure_input_count(m); k++) {
        const char *name = dgs_measure_input_name(m, k);
        if (!dgs_measure_input_required(m, k) && (mix(mi + k + which) & 3) == 0)
            continue;   /* an optional input left out */
        if (dgs_measure_input_type(m, k) == DGS_TYPE_MONEY_LIST) {
            int64_t items[3] = {value_of(m, mi, k, which), value_of(m, mi, k + 1, which), value_of(m, mi, k + 2, which)};
            assert_int_equal(dgs_case_set_list(c, name, items, 1 + which % 3, NULL), DGS_OK);
        } else {
            assert_int_equal(dgs_case_set_int(c, name, value_of(m, mi, k, which), NULL), DGS_OK);
        }
    }
    return c;
}

/* ---- single-threaded reference ------------------------------------------------ */

typedef struct expected {
    int rc;
    int outcome;
    dgs_fen_t award;
    char *json;
} expected;

static size_t n_measures;
static expected *reference;          /* [measure][case] */
static dgs_case **cases;             /* the same cases, shared read-only */

/* Batch: one measure without list inputs, shared columns. */
typedef struct batch_ref {
    const dgs_measure *m;
    size_t cols;
    const char *names[16];
    int64_t *columns[16];
    uint8_t *present[16];
    dgs_fen_t awards[ROWS];
    int32_t outcomes[ROWS];
    int rc;
} batch_ref;

static const char *const batch_ids[] = {"A1.07.a", "A4.02.1.a", "A4.03.b", "A1.01.a", "OP.10.a", "A5.03.a"};
#define N_BATCH (sizeof batch_ids / sizeof batch_ids[0])
static batch_ref batches[N_BATCH];
static dgs_fen_t shared_awards[N_BATCH][ROWS];
static int32_t shared_outcomes[N_BATCH][ROWS];

/* A guideline and a parameter change the builders apply, and what the
 * derived rulesets must then give. */
static const char guideline[] =
    "{\"name\": \"threads\", \"changes\": ["
    "{\"measure\": \"A1.07.a\", \"parameter\": \"max_counted_financing\", \"value\": \"20000000.00\","
    " \"from\": \"2025-07-01\", \"reference\": \"指南\"},"
    "{\"measure\": \"OP.06.b\", \"parameter\": \"ratio\", \"value\": \"3%\"},"
    "{\"measure\": \"OP.06.b\", \"parameter\": \"cap\", \"value\": \"500000\"}]}";
static char derived_fp[2][17];
static expected derived_ref[2];

static void render_expected(const dgs_case *c, expected *e)
{
    dgs_result *r = NULL;
    e->rc = dgs_evaluate(c, &r, NULL);
    if (e->rc == DGS_OK) {
        e->outcome = dgs_result_outcome(r);
        e->award = dgs_result_award(r);
        assert_int_equal(dgs_result_render(r, DGS_FORMAT_JSON, DGS_LANG_EN, &e->json, NULL), DGS_OK);
    }
    dgs_result_free(r);
}

/* These two run on the builder threads too, where cmocka's assertions
 * (a longjmp to the main thread's test) must not be used: they abort. */
static void must(bool ok, const char *what)
{
    if (!ok) {
        fprintf(stderr, "test_threads: %s failed\n", what);
        abort();
    }
}

static dgs_case *derived_case(const dgs_ruleset *rs, int which)
{
    dgs_case *c = NULL;
    const char *id = which ? "OP.06.b" : "A1.07.a";
    must(dgs_case_new(dgs_ruleset_find(rs, id), &c, NULL) == DGS_OK, "dgs_case_new");
    must(dgs_case_set_date(c, "2025-09-01", NULL) == DGS_OK, "dgs_case_set_date");
    must(dgs_case_set_money(c, "financed_amount", 2500000000, NULL) == DGS_OK, "set financed_amount");
    if (!which)
        must(dgs_case_set_money(c, "interest_paid", 200000000, NULL) == DGS_OK, "set interest_paid");
    return c;
}

static dgs_ruleset *derive(const dgs_ruleset *from, int which)
{
    dgs_ruleset *rs = NULL;
    if (which == 0)
        must(dgs_ruleset_set_parameter(from, "A1.07.a", "max_counted_financing", "20000000.00", "2025-07-01", NULL,
                                       "指南", &rs, NULL) == DGS_OK, "dgs_ruleset_set_parameter");
    else
        must(dgs_ruleset_apply_guideline(from, guideline, sizeof guideline - 1, "threads.json", &rs, NULL) == DGS_OK,
             "dgs_ruleset_apply_guideline");
    return rs;
}

static int setup(void **state)
{
    (void)state;
    if (dgs_ruleset_builtin(&base, NULL))
        return -1;
    n_measures = dgs_ruleset_measure_count(base);
    reference = calloc(n_measures * CASES_PER_MEASURE, sizeof *reference);
    cases = calloc(n_measures * CASES_PER_MEASURE, sizeof *cases);
    for (size_t i = 0; i < n_measures; i++) {
        const dgs_measure *m = dgs_ruleset_measure_at(base, i);
        for (size_t w = 0; w < CASES_PER_MEASURE; w++) {
            cases[i * CASES_PER_MEASURE + w] = make_case(m, i, w);
            render_expected(cases[i * CASES_PER_MEASURE + w], &reference[i * CASES_PER_MEASURE + w]);
        }
    }
    for (size_t b = 0; b < N_BATCH; b++) {
        batch_ref *br = &batches[b];
        size_t mi = 0;
        br->m = dgs_ruleset_find(base, batch_ids[b]);
        assert_non_null(br->m);
        while (dgs_ruleset_measure_at(base, mi) != br->m)
            mi++;
        for (size_t k = 0; k < dgs_measure_input_count(br->m); k++) {
            size_t j = br->cols++;
            br->names[j] = dgs_measure_input_name(br->m, k);
            br->columns[j] = malloc(ROWS * sizeof *br->columns[j]);
            br->present[j] = malloc(ROWS);
            for (size_t r = 0; r < ROWS; r++) {
                br->columns[j][r] = value_of(br->m, mi, k, r);
                br->present[j][r] = dgs_measure_input_required(br->m, k) || (mix(r + k) & 3) != 0;
            }
        }
        br->rc = dgs_evaluate_batch(br->m, "2025-03-01", ROWS, br->cols, br->names,
                                    (const int64_t *const *)br->columns, (const uint8_t *const *)br->present,
                                    br->awards, br->outcomes, NULL);
    }
    for (int w = 0; w < 2; w++) {
        dgs_ruleset *rs = derive(base, w);
        dgs_case *c = derived_case(rs, w);
        memcpy(derived_fp[w], dgs_ruleset_fingerprint(rs), 17);
        render_expected(c, &derived_ref[w]);
        dgs_case_free(c);
        dgs_ruleset_free(rs);
    }
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    for (size_t i = 0; i < n_measures * CASES_PER_MEASURE; i++) {
        dgs_free(reference[i].json);
        dgs_case_free(cases[i]);
    }
    for (size_t b = 0; b < N_BATCH; b++)
        for (size_t j = 0; j < batches[b].cols; j++) {
            free(batches[b].columns[j]);
            free(batches[b].present[j]);
        }
    for (int w = 0; w < 2; w++)
        dgs_free(derived_ref[w].json);
    free(reference);
    free(cases);
    dgs_ruleset_free(base);
    return 0;
}

/* ---- the threads ------------------------------------------------------------------ */

static pthread_barrier_t start;
static atomic_int mismatches;
static atomic_int evaluators_done;

static void mismatch(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    atomic_fetch_add(&mismatches, 1);
}

static bool same(const dgs_case *c, const expected *e)
{
    dgs_result *r = NULL;
    char *json = NULL;
    int rc = dgs_evaluate(c, &r, NULL);
    bool ok = rc == e->rc;
    if (ok && rc == DGS_OK) {
        ok = dgs_result_outcome(r) == e->outcome && dgs_result_award(r) == e->award &&
             dgs_result_render(r, DGS_FORMAT_JSON, DGS_LANG_EN, &json, NULL) == DGS_OK && strcmp(json, e->json) == 0;
    }
    dgs_free(json);
    dgs_result_free(r);
    return ok;
}

static void *evaluator(void *arg)
{
    size_t t = (size_t)(uintptr_t)arg;
    pthread_barrier_wait(&start);
    for (int round = 0; round < ROUNDS; round++) {
        /* Every measure, each thread starting elsewhere. */
        for (size_t n = 0; n < n_measures * CASES_PER_MEASURE; n++) {
            size_t i = (n + t * 97) % (n_measures * CASES_PER_MEASURE);
            if (!same(cases[i], &reference[i]))
                mismatch("thread %zu: %s case %zu differs\n", t, dgs_measure_id(dgs_case_measure(cases[i])),
                         i % CASES_PER_MEASURE);
        }
        /* This thread's row range of each shared batch, into the shared output. */
        for (size_t b = 0; b < N_BATCH; b++) {
            batch_ref *br = &batches[b];
            size_t lo = ROWS * t / EVALUATORS, hi = ROWS * (t + 1) / EVALUATORS;
            const int64_t *cols[16];
            const uint8_t *pres[16];
            for (size_t j = 0; j < br->cols; j++) {
                cols[j] = br->columns[j] + lo;
                pres[j] = br->present[j] + lo;
            }
            dgs_evaluate_batch(br->m, "2025-03-01", hi - lo, br->cols, br->names, cols, pres,
                               shared_awards[b] + lo, shared_outcomes[b] + lo, NULL);
            /* And a whole batch into the thread's own arrays. */
            dgs_fen_t *awards = malloc(ROWS * sizeof *awards);
            int32_t *outcomes = malloc(ROWS * sizeof *outcomes);
            int rc = dgs_evaluate_batch(br->m, "2025-03-01", ROWS, br->cols, br->names,
                                        (const int64_t *const *)br->columns, (const uint8_t *const *)br->present,
                                        awards, outcomes, NULL);
            if (rc != br->rc || memcmp(awards, br->awards, sizeof br->awards) != 0 ||
                memcmp(outcomes, br->outcomes, sizeof br->outcomes) != 0)
                mismatch("thread %zu: batch of %s differs\n", t, batch_ids[b]);
            free(awards);
            free(outcomes);
        }
    }
    atomic_fetch_add(&evaluators_done, 1);
    return NULL;
}

/* Derives rulesets from the shared base (and from what it derived) until
 * the evaluators are done, checking each. */
static void *builder(void *arg)
{
    int w = (int)(uintptr_t)arg;
    int built = 0;
    pthread_barrier_wait(&start);
    do {
        dgs_ruleset *rs = derive(base, w);
        dgs_ruleset *again = derive(rs, w);   /* the same change twice: the same values */
        for (int k = 0; k < 2; k++) {
            const dgs_ruleset *x = k ? again : rs;
            if (strcmp(dgs_ruleset_fingerprint(x), derived_fp[w]) != 0)
                mismatch("builder %d: fingerprint %s, expected %s\n", w, dgs_ruleset_fingerprint(x), derived_fp[w]);
            dgs_case *c = derived_case(x, w);
            if (!same(c, &derived_ref[w]))
                mismatch("builder %d: derived result differs\n", w);
            dgs_case_free(c);
        }
        dgs_ruleset_free(again);
        dgs_ruleset_free(rs);
        built++;
    } while (atomic_load(&evaluators_done) < EVALUATORS || built < 3);
    return NULL;
}

/* Reads the shared base's metadata and parameter texts meanwhile. */
static void *reader(void *arg)
{
    (void)arg;
    pthread_barrier_wait(&start);
    do {
        for (size_t i = 0; i < n_measures; i++) {
            const dgs_measure *m = dgs_ruleset_measure_at(base, i);
            if (dgs_ruleset_find(base, dgs_measure_id(m)) != m)
                mismatch("reader: lookup of %s\n", dgs_measure_id(m));
            for (size_t k = 0; k < dgs_measure_parameter_count(m); k++) {
                char *text = NULL;
                const char *ref = NULL;
                if (dgs_measure_parameter_text(m, k, "2025-01-01", &text, &ref, NULL) != DGS_OK)
                    mismatch("reader: parameter text of %s\n", dgs_measure_id(m));
                dgs_free(text);
            }
        }
    } while (atomic_load(&evaluators_done) < EVALUATORS);
    return NULL;
}

static void shared_ruleset_gives_single_threaded_results(void **state)
{
    (void)state;
    pthread_t threads[EVALUATORS + BUILDERS + 1];
    size_t n = 0;
    assert_int_equal(pthread_barrier_init(&start, NULL, EVALUATORS + BUILDERS + 1), 0);
    for (size_t t = 0; t < EVALUATORS; t++)
        assert_int_equal(pthread_create(&threads[n++], NULL, evaluator, (void *)(uintptr_t)t), 0);
    for (size_t t = 0; t < BUILDERS; t++)
        assert_int_equal(pthread_create(&threads[n++], NULL, builder, (void *)(uintptr_t)t), 0);
    assert_int_equal(pthread_create(&threads[n++], NULL, reader, NULL), 0);
    for (size_t t = 0; t < n; t++)
        assert_int_equal(pthread_join(threads[t], NULL), 0);
    pthread_barrier_destroy(&start);
    assert_int_equal(atomic_load(&mismatches), 0);

    /* The row ranges written by eight threads make up the whole batch. */
    for (size_t b = 0; b < N_BATCH; b++) {
        if (memcmp(shared_awards[b], batches[b].awards, sizeof batches[b].awards) != 0 ||
            memcmp(shared_outcomes[b], batches[b].outcomes, sizeof batches[b].outcomes) != 0)
            fail_msg("batch of %s by row ranges differs from the whole batch", batch_ids[b]);
    }
}

/* The reference itself is worth something only if it computes. */
static void reference_has_grants(void **state)
{
    (void)state;
    size_t granted = 0;
    for (size_t i = 0; i < n_measures * CASES_PER_MEASURE; i++)
        granted += reference[i].rc == DGS_OK && reference[i].outcome == DGS_OUTCOME_GRANTED && reference[i].award > 0;
    assert_true(granted > n_measures / 2);
    for (size_t b = 0; b < N_BATCH; b++) {
        size_t g = 0;
        for (size_t r = 0; r < ROWS; r++)
            g += batches[b].outcomes[r] == DGS_OUTCOME_GRANTED;
        if (g == 0)
            fail_msg("batch of %s grants nothing", batch_ids[b]);
    }
    assert_int_equal(derived_ref[0].award, 100000000);   /* 5% of the 20,000,000 yuan now counted */
    assert_int_equal(derived_ref[1].award, 50000000);    /* 3% of 25,000,000 yuan, capped at 500,000 */
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(reference_has_grants),
        cmocka_unit_test(shared_ruleset_gives_single_threaded_results),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
