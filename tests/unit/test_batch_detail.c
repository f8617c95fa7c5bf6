/* SPDX-License-Identifier: MulanPSL-2.0 */
/*
 * Per-row binding constraint and reason in batches (dgs_evaluate_batch_detail).
 *
 *   - hand-worked rows of A1.07.a (5% of the financed amount, counted up to
 *     30,000,000 yuan, at most 1,500,000 yuan a year, never above the
 *     interest actually paid): which constraint sets each amount;
 *   - for random rows of every formula measure, on dates in and out of the
 *     document's validity, the batch gives exactly the award, the outcome and
 *     the binding constraint of the same case evaluated alone, and a reason
 *     code that agrees with the outcome and the case's reason text;
 *   - a batch split into row ranges gives exactly the outputs of one call
 *     over every row, and dgs_evaluate_batch's awards and outcomes;
 *   - bad arguments are refused with one clear error.
 */
#include <pthread.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "dgsubsidy/dgsubsidy.h"

#define ROWS 400
#define MAX_COLS 16

static dgs_ruleset *builtin(void)
{
    dgs_ruleset *rs = NULL;
    dgs_error e;
    assert_int_equal(dgs_ruleset_builtin(&rs, &e), DGS_OK);
    return rs;
}

static const char *binding_name(const dgs_measure *m, int32_t code)
{
    return code < 0 ? "" : dgs_measure_binding_name(m, (size_t)code);
}

/* ---- hand-worked rows ------------------------------------------------------------- */

static void a1_07_a_bindings_by_hand(void **state)
{
    (void)state;
    dgs_ruleset *rs = builtin();
    const dgs_measure *m = dgs_ruleset_find(rs, "A1.07.a");
    /* financed, interest (fen), the award and what sets it:
     *  28,000,000 × 5% = 1,400,000 (below the 1,500,000 cap and the interest) → ratio;
     *  40,000,000 counted as 30,000,000 → 1,500,000 → the 30,000,000 limit;
     *  28,000,000 × 5% = 1,400,000 but only 1,000,000 interest paid → interest_paid. */
    int64_t financed[] = {2800000000, 4000000000, 2800000000};
    int64_t interest[] = {150000000, 200000000, 100000000};
    const char *names[] = {"financed_amount", "interest_paid"};
    const int64_t *cols[] = {financed, interest};
    dgs_fen_t awards[3];
    int32_t outcomes[3], bindings[3], reasons[3];
    dgs_error e;
    assert_int_equal(dgs_evaluate_batch_detail(m, "2025-03-01", 3, 2, names, cols, NULL, 0, 3, awards, outcomes,
                                               bindings, reasons, &e),
                     DGS_OK);
    assert_int_equal(awards[0], 140000000);
    assert_string_equal(binding_name(m, bindings[0]), "ratio");
    assert_int_equal(awards[1], 150000000);
    assert_string_equal(binding_name(m, bindings[1]), "max_counted_financing");
    assert_int_equal(awards[2], 100000000);
    assert_string_equal(binding_name(m, bindings[2]), "interest_paid");
    for (int i = 0; i < 3; i++) {
        assert_int_equal(outcomes[i], DGS_OUTCOME_GRANTED);
        assert_int_equal(reasons[i], DGS_REASON_NONE);
    }

    /* The yearly cap lowered to 1,000,000: 28,000,000 × 5% = 1,400,000 is capped → cap_per_year. */
    dgs_ruleset *low = NULL;
    assert_int_equal(dgs_ruleset_set_parameter(rs, "A1.07.a", "cap_per_year", "1000000", NULL, NULL, "test", &low, &e),
                     DGS_OK);
    const dgs_measure *ml = dgs_ruleset_find(low, "A1.07.a");
    assert_int_equal(dgs_evaluate_batch_detail(ml, "2025-03-01", 3, 2, names, cols, NULL, 0, 1, awards, outcomes,
                                               bindings, reasons, &e),
                     DGS_OK);
    assert_int_equal(awards[0], 100000000);
    assert_string_equal(binding_name(ml, bindings[0]), "cap_per_year");

    /* Read as an entry threshold, 4,000,000 yuan financed is below 不少于500万元: ineligible. */
    dgs_ruleset *thr = NULL;
    assert_int_equal(dgs_ruleset_set_parameter(rs, "A1.07.a", "reading_min_financing", "threshold", NULL, NULL,
                                               "test", &thr, &e),
                     DGS_OK);
    int64_t small[] = {400000000}, paid[] = {100000000};
    const int64_t *scols[] = {small, paid};
    assert_int_equal(dgs_evaluate_batch_detail(dgs_ruleset_find(thr, "A1.07.a"), "2025-03-01", 1, 2, names, scols,
                                               NULL, 0, 1, awards, outcomes, bindings, reasons, &e),
                     DGS_OK);
    assert_int_equal(outcomes[0], DGS_OUTCOME_INELIGIBLE);
    assert_int_equal(reasons[0], DGS_REASON_BELOW);
    assert_int_equal(awards[0], 0);

    /* Before the document is in force: no binding, the reason says so. */
    assert_int_equal(dgs_evaluate_batch_detail(m, "2023-05-01", 3, 2, names, cols, NULL, 0, 3, awards, outcomes,
                                               bindings, reasons, &e),
                     DGS_OK);
    for (int i = 0; i < 3; i++) {
        assert_int_equal(outcomes[i], DGS_OUTCOME_NOT_IN_FORCE);
        assert_int_equal(bindings[i], -1);
        assert_int_equal(reasons[i], DGS_REASON_NOT_IN_FORCE);
    }

    /* An invalid row: negative money. */
    int64_t neg[] = {2800000000, -1, 2800000000};
    const int64_t *ncols[] = {neg, interest};
    assert_int_equal(dgs_evaluate_batch_detail(m, "2025-03-01", 3, 2, names, ncols, NULL, 0, 3, awards, outcomes,
                                               bindings, reasons, &e),
                     DGS_E_NEGATIVE);
    assert_int_equal(e.row, 1);
    assert_int_equal(outcomes[1], DGS_OUTCOME_INVALID);
    assert_int_equal(bindings[1], -1);
    assert_int_equal(reasons[1], DGS_REASON_INVALID);
    /* The other rows are computed all the same (row 2: 1,000,000 interest paid sets it). */
    assert_int_equal(awards[2], 100000000);
    assert_string_equal(binding_name(m, bindings[2]), "interest_paid");
    dgs_ruleset_free(thr);
    dgs_ruleset_free(low);
    dgs_ruleset_free(rs);
}

static void binding_list_and_reason_names(void **state)
{
    (void)state;
    dgs_ruleset *rs = builtin();
    const dgs_measure *m = dgs_ruleset_find(rs, "A1.07.a");
    size_t np = dgs_measure_parameter_count(m), ni = dgs_measure_input_count(m);
    assert_int_equal(dgs_measure_binding_count(m), np + ni);
    for (size_t i = 0; i < np; i++)
        assert_string_equal(dgs_measure_binding_name(m, i), dgs_measure_parameter_name(m, i));
    for (size_t k = 0; k < ni; k++)
        assert_string_equal(dgs_measure_binding_name(m, np + k), dgs_measure_input_name(m, k));
    assert_null(dgs_measure_binding_name(m, np + ni));
    assert_null(dgs_measure_binding_name(NULL, 0));
    assert_int_equal(dgs_measure_binding_count(NULL), 0);
    assert_string_equal(dgs_reason_name(DGS_REASON_NONE), "none");
    assert_string_equal(dgs_reason_name(DGS_REASON_BELOW), "below_minimum");
    assert_string_equal(dgs_reason_name(DGS_REASON_INVALID), "invalid");
    assert_null(dgs_reason_name(-1));
    assert_null(dgs_reason_name(DGS_REASON_INVALID + 1));
    dgs_ruleset_free(rs);
}

static void bad_arguments_are_refused(void **state)
{
    (void)state;
    dgs_ruleset *rs = builtin();
    const dgs_measure *m = dgs_ruleset_find(rs, "A1.07.a");
    int64_t a[2] = {1, 2}, b[2] = {1, 2};
    const char *names[] = {"financed_amount", "interest_paid"};
    const int64_t *cols[] = {a, b};
    dgs_fen_t awards[2];
    int32_t outcomes[2], bindings[2], reasons[2];
    dgs_error e;
    assert_int_equal(dgs_evaluate_batch_detail(m, "2025-03-01", 2, 2, names, cols, NULL, 1, 3, awards, outcomes,
                                               bindings, reasons, &e),
                     DGS_E_INVALID_ARGUMENT);
    assert_non_null(strstr(e.message, "1..3"));
    assert_int_equal(dgs_evaluate_batch_detail(m, "2025-03-01", 2, 2, names, cols, NULL, 2, 1, awards, outcomes,
                                               bindings, reasons, &e),
                     DGS_E_INVALID_ARGUMENT);
    assert_int_equal(dgs_evaluate_batch_detail(m, "2025-03-01", 2, 2, names, cols, NULL, 0, 2, awards, outcomes,
                                               NULL, reasons, &e),
                     DGS_E_INVALID_ARGUMENT);
    assert_int_equal(dgs_evaluate_batch_detail(m, "2025-03-01", 2, 2, names, cols, NULL, 0, 2, awards, outcomes,
                                               bindings, NULL, &e),
                     DGS_E_INVALID_ARGUMENT);
    assert_int_equal(dgs_evaluate_batch_detail(NULL, "2025-03-01", 2, 2, names, cols, NULL, 0, 2, awards, outcomes,
                                               bindings, reasons, &e),
                     DGS_E_INVALID_ARGUMENT);
    /* Without bindings and reasons, a range of awards and outcomes only. */
    awards[0] = awards[1] = -7;
    assert_int_equal(dgs_evaluate_batch_detail(m, "2025-03-01", 2, 2, names, cols, NULL, 1, 2, awards, outcomes,
                                               NULL, NULL, &e),
                     DGS_OK);
    assert_int_equal(awards[0], -7); /* outside the range: untouched */
    assert_int_equal(awards[1], 0); /* 2 fen financed: 5% floors to 0 */
    dgs_ruleset_free(rs);
}


/* Conditions declared per row ("condition.<id>" columns): a condition not met
 * makes the row ineligible with no binding, as the scalar path says; a range
 * starting mid-batch reports its first invalid row counted from row 0. */
static void declared_conditions_and_ranges(void **state)
{
    (void)state;
    dgs_ruleset *rs = builtin();
    const dgs_measure *m = dgs_ruleset_find(rs, "A1.07.a");
    assert_true(dgs_measure_condition_count(m) > 0);
    const char *cond = dgs_measure_condition_id(m, 0);
    char cname[80];
    snprintf(cname, sizeof cname, "condition.%s", cond);
    int64_t financed[] = {2800000000, 2800000000, 2800000000, 2800000000};
    int64_t interest[] = {150000000, 150000000, 150000000, 150000000};
    int64_t met[] = {1, 0, 7, 1};  /* met, not met, neither (invalid), met */
    const char *names[] = {"financed_amount", "interest_paid", cname};
    const int64_t *cols[] = {financed, interest, met};
    dgs_fen_t awards[4];
    int32_t outcomes[4], bindings[4], reasons[4];
    dgs_error e;
    assert_int_equal(dgs_evaluate_batch_detail(m, "2025-03-01", 4, 3, names, cols, NULL, 0, 4, awards, outcomes,
                                               bindings, reasons, &e),
                     DGS_E_RANGE);
    assert_int_equal(e.row, 2);
    assert_string_equal(binding_name(m, bindings[0]), "ratio");
    assert_int_equal(outcomes[1], DGS_OUTCOME_INELIGIBLE);
    assert_int_equal(reasons[1], DGS_REASON_DECLARED_NOT_MET);
    assert_int_equal(bindings[1], -1);
    assert_int_equal(reasons[2], DGS_REASON_INVALID);
    /* The same row alone, through the scalar path: ineligible, no binding. */
    dgs_case *c = NULL;
    dgs_result *r = NULL;
    assert_int_equal(dgs_case_new(m, &c, &e), DGS_OK);
    assert_int_equal(dgs_case_set_date(c, "2025-03-01", &e), DGS_OK);
    assert_int_equal(dgs_case_set_int(c, "financed_amount", financed[1], &e), DGS_OK);
    assert_int_equal(dgs_case_set_int(c, "interest_paid", interest[1], &e), DGS_OK);
    assert_int_equal(dgs_case_set_condition(c, cond, 0, &e), DGS_OK);
    assert_int_equal(dgs_evaluate(c, &r, &e), DGS_OK);
    assert_int_equal(dgs_result_outcome(r), DGS_OUTCOME_INELIGIBLE);
    assert_string_equal(dgs_result_binding(r), "");
    dgs_result_free(r);
    dgs_case_free(c);
    /* Rows 2..3 as a range: the invalid row is row 2 of the columns, in err and in the message. */
    assert_int_equal(dgs_evaluate_batch_detail(m, "2025-03-01", 4, 3, names, cols, NULL, 2, 4, awards, outcomes,
                                               bindings, reasons, &e),
                     DGS_E_RANGE);
    assert_int_equal(e.row, 2);
    assert_non_null(strstr(e.message, "row 2"));
    assert_string_equal(binding_name(m, bindings[3]), "ratio");
    dgs_ruleset_free(rs);
}

/* ---- random rows of every formula measure against the scalar path ------------------- */

static uint64_t rng = 0x9E3779B97F4A7C15u;
static uint64_t next(void)
{
    rng ^= rng << 13;
    rng ^= rng >> 7;
    rng ^= rng << 17;
    return rng;
}

/* A value of an input: amounts over many magnitudes (so that ratios, caps and
 * thresholds each get their turn), small counts, flags, choice indices. */
static int64_t random_value(const dgs_measure *m, size_t k)
{
    switch (dgs_measure_input_type(m, k)) {
    case DGS_TYPE_FLAG:
        return (int64_t)(next() % 5 != 0); /* mostly true: conditions met */
    case DGS_TYPE_CHOICE:
        return (int64_t)(next() % dgs_measure_input_choice_count(m, k));
    case DGS_TYPE_COUNT:
        return (int64_t)(next() % 40);
    default: {
        uint64_t scale = 1;
        for (uint64_t d = next() % 12; d; d--)
            scale *= 10;
        return (int64_t)(next() % (scale * 9 + 1));
    }
    }
}

/* The reason codes a not-granted outcome may carry. */
static void check_reason(const dgs_result *r, int32_t reason)
{
    int outcome = dgs_result_outcome(r);
    switch (outcome) {
    case DGS_OUTCOME_GRANTED:
        assert_int_equal(reason, DGS_REASON_NONE);
        assert_string_equal(dgs_result_reason(r, DGS_LANG_EN), "");
        break;
    case DGS_OUTCOME_NOT_IN_FORCE:
        assert_int_equal(reason, DGS_REASON_NOT_IN_FORCE);
        break;
    case DGS_OUTCOME_UNSPECIFIED:
        assert_int_equal(reason, DGS_REASON_UNSET);
        break;
    case DGS_OUTCOME_NOT_COMPUTABLE:
        assert_int_equal(reason, DGS_REASON_QUALITATIVE);
        break;
    case DGS_OUTCOME_INELIGIBLE:
        assert_true(reason == DGS_REASON_BELOW || reason == DGS_REASON_NOT_ABOVE || reason == DGS_REASON_ABOVE ||
                    reason == DGS_REASON_CONDITION || reason == DGS_REASON_READING);
        assert_string_not_equal(dgs_result_reason(r, DGS_LANG_EN), "");
        break;
    default:
        assert_true(reason >= DGS_REASON_NONE && reason < DGS_REASON_INVALID);
    }
}

static void measure_against_scalar(const dgs_measure *m, const char *date, long *granted, long *bound)
{
    size_t ni = dgs_measure_input_count(m);
    for (size_t k = 0; k < ni; k++)
        if (dgs_measure_input_type(m, k) == DGS_TYPE_MONEY_LIST)
            return; /* list inputs are not batched */
    static int64_t values[MAX_COLS][ROWS];
    static uint8_t present[MAX_COLS][ROWS];
    const char *names[MAX_COLS];
    const int64_t *cols[MAX_COLS];
    const uint8_t *pres[MAX_COLS];
    for (size_t k = 0; k < ni; k++) {
        names[k] = dgs_measure_input_name(m, k);
        cols[k] = values[k];
        pres[k] = present[k];
        for (size_t i = 0; i < ROWS; i++) {
            values[k][i] = random_value(m, k);
            present[k][i] = dgs_measure_input_required(m, k) || next() % 4 != 0;
        }
    }
    static dgs_fen_t awards[ROWS], awards2[ROWS], plain[ROWS];
    static int32_t outcomes[ROWS], outcomes2[ROWS], plain_out[ROWS], bindings[ROWS], bindings2[ROWS],
        reasons[ROWS], reasons2[ROWS];
    dgs_error e, e2;
    int rc = dgs_evaluate_batch_detail(m, date, ROWS, ni, names, cols, pres, 0, ROWS, awards, outcomes, bindings,
                                       reasons, &e);
    assert_true(rc == DGS_OK || rc == DGS_E_OVERFLOW || rc == DGS_E_RANGE || rc == DGS_E_MISSING_INPUT);

    /* The same rows as two ranges, and through dgs_evaluate_batch. */
    size_t cut = 1 + next() % (ROWS - 1);
    int rc1 = dgs_evaluate_batch_detail(m, date, ROWS, ni, names, cols, pres, 0, cut, awards2, outcomes2,
                                        bindings2, reasons2, &e2);
    int rc2 = dgs_evaluate_batch_detail(m, date, ROWS, ni, names, cols, pres, cut, ROWS, awards2, outcomes2,
                                        bindings2, reasons2, &e2);
    assert_int_equal(rc1 ? rc1 : rc2, rc);
    assert_memory_equal(awards, awards2, sizeof awards);
    assert_memory_equal(outcomes, outcomes2, sizeof outcomes);
    assert_memory_equal(bindings, bindings2, sizeof bindings);
    assert_memory_equal(reasons, reasons2, sizeof reasons);
    assert_int_equal(dgs_evaluate_batch(m, date, ROWS, ni, names, cols, pres, plain, plain_out, &e2), rc);
    assert_memory_equal(awards, plain, sizeof awards);
    assert_memory_equal(outcomes, plain_out, sizeof outcomes);
    /* Ranges without details: the plain loop, the same awards and outcomes. */
    rc1 = dgs_evaluate_batch_detail(m, date, ROWS, ni, names, cols, pres, 0, cut, plain, plain_out, NULL, NULL, &e2);
    rc2 = dgs_evaluate_batch_detail(m, date, ROWS, ni, names, cols, pres, cut, ROWS, plain, plain_out, NULL, NULL,
                                    &e2);
    assert_int_equal(rc1 ? rc1 : rc2, rc);
    assert_memory_equal(awards, plain, sizeof awards);
    assert_memory_equal(outcomes, plain_out, sizeof outcomes);

    dgs_case *c = NULL;
    assert_int_equal(dgs_case_new(m, &c, &e2), DGS_OK);
    for (size_t i = 0; i < ROWS; i++) {
        dgs_case_clear(c);
        assert_int_equal(dgs_case_set_date(c, date, &e2), DGS_OK);
        for (size_t k = 0; k < ni; k++)
            if (present[k][i])
                assert_int_equal(dgs_case_set_int(c, names[k], values[k][i], &e2), DGS_OK);
        dgs_result *r = NULL;
        int src = dgs_evaluate(c, &r, &e2);
        if (src != DGS_OK) {
            if (outcomes[i] != DGS_OUTCOME_INVALID)
                fail_msg("%s row %zu: the case alone fails (%s), the batch gives outcome %d", dgs_measure_id(m), i,
                         e2.message, outcomes[i]);
            assert_int_equal(bindings[i], -1);
            assert_int_equal(reasons[i], DGS_REASON_INVALID);
            continue;
        }
        assert_int_equal(outcomes[i], dgs_result_outcome(r));
        assert_int_equal(awards[i], dgs_result_award(r));
        if (strcmp(binding_name(m, bindings[i]), dgs_result_binding(r)) != 0)
            fail_msg("%s row %zu: batch binding '%s', the case alone '%s'", dgs_measure_id(m), i,
                     binding_name(m, bindings[i]), dgs_result_binding(r));
        check_reason(r, reasons[i]);
        *granted += outcomes[i] == DGS_OUTCOME_GRANTED;
        *bound += bindings[i] >= 0;
        dgs_result_free(r);
    }
    dgs_case_free(c);
}

static void every_measure_matches_the_scalar_path(void **state)
{
    (void)state;
    dgs_ruleset *rs = builtin();
    /* A ruleset where the numbers a guideline must supply are set would reach more
     * formulas; the built-in one already reaches every formula with stated numbers. */
    const char *dates[] = {"2025-06-01", "2024-01-15", "2023-05-01", "2030-01-01"};
    long granted = 0, bound = 0, measures = 0;
    for (size_t i = 0; i < dgs_ruleset_measure_count(rs); i++) {
        const dgs_measure *m = dgs_ruleset_measure_at(rs, i);
        for (size_t d = 0; d < sizeof dates / sizeof dates[0]; d++)
            measure_against_scalar(m, dates[d], &granted, &bound);
        measures += dgs_measure_kind(m) == DGS_KIND_FORMULA;
    }
    /* The random rows must reach grants and bindings, or they test nothing. */
    if (granted < measures * ROWS / 4 || bound < measures * ROWS / 4)
        fail_msg("only %ld grants and %ld bound rows over %ld formula measures", granted, bound, measures);
    dgs_ruleset_free(rs);
}


/* Threads running disjoint ranges of one batch at once, over shared columns and
 * outputs, write exactly what one call writes (run under ThreadSanitizer by
 * scripts/check-tsan.sh, which also reports any race). */
#define TROWS 40000
#define TPARTS 4
static int64_t t_financed[TROWS], t_interest[TROWS];
static dgs_fen_t t_awards[TROWS];
static int32_t t_outcomes[TROWS], t_bindings[TROWS], t_reasons[TROWS];
static const dgs_measure *t_measure;
typedef struct part {
    size_t begin, end;
    int rc;
    size_t row;
} part;

static void *run_part(void *arg)
{
    part *p = arg;
    const char *names[] = {"financed_amount", "interest_paid"};
    const int64_t *cols[] = {t_financed, t_interest};
    dgs_error e;
    e.row = 0;
    p->rc = dgs_evaluate_batch_detail(t_measure, "2025-03-01", TROWS, 2, names, cols, NULL, p->begin, p->end,
                                      t_awards, t_outcomes, t_bindings, t_reasons, &e);
    p->row = e.row;
    return NULL;
}

static void threads_over_ranges(void **state)
{
    (void)state;
    dgs_ruleset *rs = builtin();
    t_measure = dgs_ruleset_find(rs, "A1.07.a");
    for (size_t i = 0; i < TROWS; i++) {
        t_financed[i] = (int64_t)(next() % 4000000000u);
        t_interest[i] = (int64_t)(next() % 200000000u);
    }
    t_financed[TROWS / 2 + 3] = -1; /* one invalid row, in the third range */
    static dgs_fen_t awards[TROWS];
    static int32_t outcomes[TROWS], bindings[TROWS], reasons[TROWS];
    const char *names[] = {"financed_amount", "interest_paid"};
    const int64_t *cols[] = {t_financed, t_interest};
    dgs_error e;
    assert_int_equal(dgs_evaluate_batch_detail(t_measure, "2025-03-01", TROWS, 2, names, cols, NULL, 0, TROWS, awards,
                                               outcomes, bindings, reasons, &e),
                     DGS_E_NEGATIVE);
    assert_int_equal(e.row, TROWS / 2 + 3);
    pthread_t th[TPARTS];
    part parts[TPARTS];
    for (size_t k = 0; k < TPARTS; k++) {
        parts[k] = (part){TROWS * k / TPARTS, TROWS * (k + 1) / TPARTS, 0, 0};
        assert_int_equal(pthread_create(&th[k], NULL, run_part, &parts[k]), 0);
    }
    for (size_t k = 0; k < TPARTS; k++)
        assert_int_equal(pthread_join(th[k], NULL), 0);
    for (size_t k = 0; k < TPARTS; k++) {
        if (k == 2) {
            assert_int_equal(parts[k].rc, DGS_E_NEGATIVE);
            assert_int_equal(parts[k].row, TROWS / 2 + 3); /* counted from row 0 of the columns */
        } else {
            assert_int_equal(parts[k].rc, DGS_OK);
        }
    }
    assert_memory_equal(awards, t_awards, sizeof awards);
    assert_memory_equal(outcomes, t_outcomes, sizeof outcomes);
    assert_memory_equal(bindings, t_bindings, sizeof bindings);
    assert_memory_equal(reasons, t_reasons, sizeof reasons);
    dgs_ruleset_free(rs);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(a1_07_a_bindings_by_hand),
        cmocka_unit_test(binding_list_and_reason_names),
        cmocka_unit_test(bad_arguments_are_refused),
        cmocka_unit_test(declared_conditions_and_ranges),
        cmocka_unit_test(every_measure_matches_the_scalar_path),
        cmocka_unit_test(threads_over_ranges),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
