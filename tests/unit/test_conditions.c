/* SPDX-License-Identifier: MulanPSL-2.0 */
/*
 * Eligibility conditions: every measure lists the conditions its clause
 * writes; a condition declared not met makes the result ineligible with the
 * clause's phrase; undeclared conditions are assumed and said so; batches
 * take them as columns.
 */
#include "measure_helpers.h"

#include <stdlib.h>

#define MAX_BATCH_COLS 24

/* A case of `m` at `date` with its required inputs filled in. */
static dgs_case *filled_case(const dgs_measure *m, const char *date)
{
    dgs_case *c = NULL;
    dgs_error err;
    assert_int_equal(dgs_case_new(m, &c, &err), DGS_OK);
    assert_int_equal(dgs_case_set_date(c, date, &err), DGS_OK);
    fill_required_inputs(c);
    return c;
}

static dgs_result *run(const dgs_case *c)
{
    dgs_result *r = NULL;
    dgs_error err;
    int rc = dgs_evaluate(c, &r, &err);
    if (rc)
        print_error("%s: %s\n", dgs_measure_id(dgs_case_measure(c)), err.message);
    assert_int_equal(rc, DGS_OK);
    return r;
}

static int ascii_id(const char *s)
{
    if (!s || !(*s >= 'a' && *s <= 'z'))
        return 0;
    for (; *s; s++)
        if (!((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9') || *s == '_'))
            return 0;
    return 1;
}

/* Every measure that is not qualitative has conditions; each phrase is in its clause verbatim. */
static void every_measure_lists_its_conditions(void **state)
{
    (void)state;
    size_t measures = 0, conditions = 0;
    for (size_t i = 0; i < dgs_ruleset_measure_count(rs); i++) {
        const dgs_measure *m = dgs_ruleset_measure_at(rs, i);
        size_t n = dgs_measure_condition_count(m);
        if (dgs_measure_kind(m) == DGS_KIND_QUALITATIVE) {
            assert_int_equal(n, 0);
            continue;
        }
        measures++;
        conditions += n;
        if (n == 0)
            fail_msg("%s lists no conditions", dgs_measure_id(m));
        for (size_t k = 0; k < n; k++) {
            const char *id = dgs_measure_condition_id(m, k);
            const char *phrase = dgs_measure_condition_phrase(m, k);
            if (!ascii_id(id))
                fail_msg("%s: condition id '%s' is not short ascii", dgs_measure_id(m), id);
            if (!strstr(dgs_measure_clause(m), phrase))
                fail_msg("%s.%s: phrase '%s' is not in the clause", dgs_measure_id(m), id, phrase);
            assert_true(strlen(dgs_measure_condition_text(m, k, DGS_LANG_ZH)) > 0);
            assert_true(strlen(dgs_measure_condition_text(m, k, DGS_LANG_EN)) > 0);
            assert_int_equal(dgs_measure_condition_index(m, id), (long)k);
        }
        assert_null(dgs_measure_condition_id(m, n));
        assert_null(dgs_measure_condition_phrase(m, n));
    }
    assert_int_equal(measures, 127);
    assert_true(conditions >= 127);
    assert_int_equal(dgs_measure_condition_count(NULL), 0);
    assert_int_equal(dgs_measure_condition_index(NULL, "x"), -1);
    assert_int_equal(dgs_measure_condition_index(measure(rs, "A1.07.a"), "nope"), -1);

    /* the conditions the text writes for A1.07.a, in the clause's order */
    const dgs_measure *m = measure(rs, "A1.07.a");
    assert_int_equal(dgs_measure_condition_count(m), 3);
    assert_string_equal(dgs_measure_condition_id(m, 0), "doubling_enterprise");
    assert_string_equal(dgs_measure_condition_id(m, 1), "direct_lease");
    assert_string_equal(dgs_measure_condition_id(m, 2), "production_equipment");
    assert_string_equal(dgs_measure_condition_phrase(m, 1), "融资租赁直租方式");
    assert_string_equal(dgs_measure_condition_text(m, 2, DGS_LANG_ZH), "生产型设备");
    /* A4.09.a: 投保短期出口信用保险（“普惠平台类”项目除外） */
    m = measure(rs, "A4.09.a");
    long k = dgs_measure_condition_index(m, "not_inclusive_platform");
    assert_true(k >= 0);
    assert_string_equal(dgs_measure_condition_phrase(m, (size_t)k), "“普惠平台类”项目除外");
}

/* For every condition of every measure: declared not met, the result is
 * ineligible and its reason quotes the condition's phrase in both languages;
 * declared met (all of them), the result is the same as with none declared. */
static void each_condition_not_met_makes_ineligible(void **state)
{
    (void)state;
    size_t checked = 0;
    for (size_t i = 0; i < dgs_ruleset_measure_count(rs); i++) {
        const dgs_measure *m = dgs_ruleset_measure_at(rs, i);
        size_t n = dgs_measure_condition_count(m);
        if (n == 0)
            continue;
        dgs_case *c = filled_case(m, DATE);
        dgs_result *assumed = run(c);
        for (size_t k = 0; k < n; k++)
            assert_int_equal(dgs_result_condition_status(assumed, k), DGS_CONDITION_ASSUMED);
        for (size_t k = 0; k < n; k++) {
            dgs_error err;
            const char *id = dgs_measure_condition_id(m, k);
            assert_int_equal(dgs_case_set_condition(c, id, 0, &err), DGS_OK);
            dgs_result *r = run(c);
            if (dgs_result_outcome(r) != DGS_OUTCOME_INELIGIBLE)
                fail_msg("%s.%s not met: outcome %s", dgs_measure_id(m), id,
                         dgs_outcome_name(dgs_result_outcome(r)));
            assert_int_equal(dgs_result_award(r), 0);
            const char *phrase = dgs_measure_condition_phrase(m, k);
            if (!strstr(dgs_result_reason(r, DGS_LANG_ZH), phrase) ||
                !strstr(dgs_result_reason(r, DGS_LANG_EN), phrase))
                fail_msg("%s.%s: reason '%s' / '%s' does not quote '%s'", dgs_measure_id(m), id,
                         dgs_result_reason(r, DGS_LANG_ZH), dgs_result_reason(r, DGS_LANG_EN), phrase);
            assert_non_null(strstr(dgs_result_reason(r, DGS_LANG_ZH), dgs_measure_condition_text(m, k, DGS_LANG_ZH)));
            assert_non_null(strstr(dgs_result_reason(r, DGS_LANG_EN), dgs_measure_condition_text(m, k, DGS_LANG_EN)));
            assert_int_equal(dgs_result_condition_count(r), n);
            for (size_t j = 0; j < n; j++)
                assert_int_equal(dgs_result_condition_status(r, j),
                                 j == k ? DGS_CONDITION_NOT_MET : DGS_CONDITION_ASSUMED);
            dgs_result_free(r);
            /* back to assumed */
            char name[96];
            snprintf(name, sizeof name, "condition.%s", id);
            assert_int_equal(dgs_case_unset(c, name, &err), DGS_OK);
            checked++;
        }
        /* every condition declared met: the same outcome and amount as assumed */
        for (size_t k = 0; k < n; k++)
            assert_int_equal(dgs_case_set_condition(c, dgs_measure_condition_id(m, k), 1, NULL), DGS_OK);
        dgs_result *met = run(c);
        assert_int_equal(dgs_result_outcome(met), dgs_result_outcome(assumed));
        assert_int_equal(dgs_result_award(met), dgs_result_award(assumed));
        for (size_t k = 0; k < n; k++)
            assert_int_equal(dgs_result_condition_status(met, k), DGS_CONDITION_MET);
        dgs_result_free(met);
        dgs_result_free(assumed);
        dgs_case_free(c);
    }
    assert_true(checked >= 127);
}

/* Undeclared conditions are assumed: the amount of 1.0, and the text says so. */
static void undeclared_conditions_are_assumed_and_said(void **state)
{
    (void)state;
    /* 5% × 28,000,000 = 1,400,000, capped by the interest 1,200,000 */
    dgs_result *r = evaluate(rs, "A1.07.a", DATE, {"financed_amount", "28000000"}, {"interest_paid", "1200000"});
    expect_granted(r, "1200000.00", "interest_paid");
    char *text = NULL;
    assert_int_equal(dgs_result_render(r, DGS_FORMAT_TEXT, DGS_LANG_ZH, &text, NULL), DGS_OK);
    assert_non_null(strstr(text, "假定满足：倍增企业；直租方式；生产型设备\n"));
    dgs_free(text);
    assert_int_equal(dgs_result_render(r, DGS_FORMAT_TEXT, DGS_LANG_EN, &text, NULL), DGS_OK);
    assert_non_null(strstr(text, "Assumed: a doubling (倍增) enterprise; a direct finance lease; production equipment\n"));
    dgs_free(text);
    assert_int_equal(dgs_result_render(r, DGS_FORMAT_JSON, DGS_LANG_ZH, &text, NULL), DGS_OK);
    assert_non_null(strstr(text, "\"conditions\": ["));
    assert_non_null(strstr(text, "\"id\": \"direct_lease\""));
    assert_non_null(strstr(text, "\"status\": \"assumed\""));
    assert_non_null(strstr(text, "\"text\": \"直租方式\""));
    assert_null(strstr(text, "\"not_met\""));
    dgs_free(text);
    assert_int_equal(dgs_result_condition_count(r), 3);
    assert_string_equal(dgs_result_condition_id(r, 1), "direct_lease");
    assert_int_equal(dgs_result_condition_status(r, 3), -1);
    assert_null(dgs_result_condition_id(r, 3));
    dgs_result_free(r);

    /* declared through text, as the command line does */
    r = evaluate(rs, "A1.07.a", DATE, {"financed_amount", "28000000"}, {"interest_paid", "1200000"},
                 {"condition.doubling_enterprise", "true"}, {"condition.direct_lease", "false"});
    expect_outcome(r, DGS_OUTCOME_INELIGIBLE);
    assert_non_null(strstr(dgs_result_reason(r, DGS_LANG_ZH), "融资租赁直租方式"));
    assert_int_equal(dgs_result_condition_status(r, 0), DGS_CONDITION_MET);
    assert_int_equal(dgs_result_condition_status(r, 1), DGS_CONDITION_NOT_MET);
    assert_int_equal(dgs_result_condition_status(r, 2), DGS_CONDITION_ASSUMED);
    assert_int_equal(dgs_result_render(r, DGS_FORMAT_TEXT, DGS_LANG_ZH, &text, NULL), DGS_OK);
    assert_non_null(strstr(text, "假定满足：生产型设备\n"));
    assert_non_null(strstr(text, "已声明满足：倍增企业\n"));
    assert_non_null(strstr(text, "未满足：直租方式\n"));
    dgs_free(text);
    assert_int_equal(dgs_result_render(r, DGS_FORMAT_JSON, DGS_LANG_EN, &text, NULL), DGS_OK);
    assert_non_null(strstr(text, "\"status\": \"not_met\""));
    assert_non_null(strstr(text, "\"status\": \"met\""));
    dgs_free(text);
    dgs_result_free(r);

    /* the first condition not met, in the measure's order, is the reason */
    r = evaluate(rs, "A1.07.a", DATE, {"financed_amount", "28000000"}, {"interest_paid", "1200000"},
                 {"condition.production_equipment", "false"}, {"condition.direct_lease", "0"});
    assert_non_null(strstr(dgs_result_reason(r, DGS_LANG_EN), "融资租赁直租方式"));
    dgs_result_free(r);

    assert_string_equal(dgs_condition_status_name(DGS_CONDITION_ASSUMED), "assumed");
    assert_string_equal(dgs_condition_status_name(DGS_CONDITION_MET), "met");
    assert_string_equal(dgs_condition_status_name(DGS_CONDITION_NOT_MET), "not_met");
    assert_null(dgs_condition_status_name(3));
    assert_null(dgs_condition_status_name(-1));
    assert_int_equal(dgs_result_condition_count(NULL), 0);
    assert_int_equal(dgs_result_condition_status(NULL, 0), -1);
}

/* Mistakes in declaring a condition are errors that name the problem. */
static void declaring_errors(void **state)
{
    (void)state;
    const dgs_measure *m = measure(rs, "A1.07.a");
    dgs_case *c = NULL;
    dgs_error err;
    assert_int_equal(dgs_case_new(m, &c, &err), DGS_OK);
    assert_int_equal(dgs_case_set_condition(c, "direct_leas", 0, &err), DGS_E_UNKNOWN_INPUT);
    assert_non_null(strstr(err.message, "A1.07.a"));
    assert_non_null(strstr(err.message, "direct_leas"));
    assert_non_null(strstr(err.message, "doubling_enterprise, direct_lease, production_equipment"));
    assert_int_equal(dgs_case_set_text(c, "condition.nope", "true", &err), DGS_E_UNKNOWN_INPUT);
    assert_non_null(strstr(err.message, "direct_lease"));
    assert_int_equal(dgs_case_unset(c, "condition.nope", &err), DGS_E_UNKNOWN_INPUT);
    assert_int_equal(dgs_case_set_condition(c, "direct_lease", 2, &err), DGS_E_RANGE);
    assert_int_equal(dgs_case_set_condition(c, "direct_lease", -1, &err), DGS_E_RANGE);
    assert_int_equal(dgs_case_set_text(c, "condition.direct_lease", "yes", &err), DGS_E_VALUE);
    assert_non_null(strstr(err.message, "true or false"));
    assert_int_equal(dgs_case_set_condition(NULL, "direct_lease", 1, &err), DGS_E_INVALID_ARGUMENT);
    assert_int_equal(dgs_case_set_condition(c, NULL, 1, &err), DGS_E_INVALID_ARGUMENT);
    /* a failed declaration leaves the case unchanged */
    assert_int_equal(dgs_case_set_text(c, "financed_amount", "28000000", &err), DGS_OK);
    assert_int_equal(dgs_case_set_text(c, "interest_paid", "1200000", &err), DGS_OK);
    assert_int_equal(dgs_case_set_date(c, DATE, &err), DGS_OK);
    dgs_result *r = run(c);
    assert_int_equal(dgs_result_outcome(r), DGS_OUTCOME_GRANTED);
    dgs_result_free(r);
    /* dgs_case_clear forgets declarations */
    assert_int_equal(dgs_case_set_condition(c, "direct_lease", 0, &err), DGS_OK);
    dgs_case_clear(c);
    assert_int_equal(dgs_case_set_text(c, "financed_amount", "28000000", &err), DGS_OK);
    assert_int_equal(dgs_case_set_text(c, "interest_paid", "1200000", &err), DGS_OK);
    assert_int_equal(dgs_case_set_date(c, DATE, &err), DGS_OK);
    r = run(c);
    assert_int_equal(dgs_result_outcome(r), DGS_OUTCOME_GRANTED);
    assert_int_equal(dgs_result_condition_status(r, 1), DGS_CONDITION_ASSUMED);
    dgs_result_free(r);
    /* a missing required input stays an error, conditions or not */
    dgs_case_clear(c);
    assert_int_equal(dgs_case_set_date(c, DATE, &err), DGS_OK);
    assert_int_equal(dgs_case_set_condition(c, "direct_lease", 0, &err), DGS_OK);
    assert_int_equal(dgs_evaluate(c, &r, &err), DGS_E_MISSING_INPUT);
    dgs_case_free(c);
    /* a qualitative measure has none */
    assert_int_equal(dgs_case_new(measure(rs, "A1.02.a"), &c, &err), DGS_OK);
    assert_int_equal(dgs_case_set_condition(c, "x", 1, &err), DGS_E_UNKNOWN_INPUT);
    assert_non_null(strstr(err.message, "conditions: none"));
    dgs_case_free(c);
}

/* The order of outcomes: out of force first, then a condition not met, then
 * thresholds, then an unset number or another policy. */
static void order_of_outcomes(void **state)
{
    (void)state;
    /* out of force: the clause does not apply, its conditions are not judged */
    dgs_result *r = evaluate(rs, "A1.07.a", "2027-01-16", {"financed_amount", "28000000"},
                             {"interest_paid", "1200000"}, {"condition.direct_lease", "false"});
    expect_outcome(r, DGS_OUTCOME_NOT_IN_FORCE);
    assert_int_equal(dgs_result_condition_status(r, 1), DGS_CONDITION_NOT_MET);
    dgs_result_free(r);
    /* a condition not met before a failing threshold: the condition is the reason */
    r = evaluate(rs, "A4.02.1.a", DATE, {"booth_area", "17.99"}, {"build_cost", "100000"},
                 {"condition.special_booth", "false"});
    expect_outcome(r, DGS_OUTCOME_INELIGIBLE);
    assert_non_null(strstr(dgs_result_reason(r, DGS_LANG_ZH), "以特装展位方式"));
    dgs_result_free(r);
    /* before an unset number: A4.03.a without its rate, not filed */
    r = evaluate(rs, "A4.03.a", DATE, {"exhibition_area", "10000"}, {"days", "3"}, {"venue_rent", "1"},
                 {"condition.filed_with_commerce", "false"});
    expect_outcome(r, DGS_OUTCOME_INELIGIBLE);
    assert_non_null(strstr(dgs_result_reason(r, DGS_LANG_ZH), "经商务部门备案"));
    dgs_result_free(r);
    /* and without any figures */
    r = evaluate(rs, "A4.03.a", DATE, {"condition.professional_venue", "false"});
    expect_outcome(r, DGS_OUTCOME_INELIGIBLE);
    dgs_result_free(r);
    /* before another policy's amount */
    r = evaluate(rs, "A4.10.a", DATE, {"condition.large_foreign_project", "false"});
    expect_outcome(r, DGS_OUTCOME_INELIGIBLE);
    assert_non_null(strstr(dgs_result_reason(r, DGS_LANG_ZH), "外资大项目"));
    dgs_result_free(r);
    /* A4.09.a: a 普惠平台类 project is excluded */
    r = evaluate(rs, "A4.09.a", DATE, {"premium_paid", "100000"}, {"condition.not_inclusive_platform", "false"});
    expect_outcome(r, DGS_OUTCOME_INELIGIBLE);
    assert_non_null(strstr(dgs_result_reason(r, DGS_LANG_ZH), "“普惠平台类”项目除外"));
    dgs_result_free(r);
    GRANT(rs, "A4.09.a", DATE, "30000.00", "ratio", {"premium_paid", "100000"},
          {"condition.not_inclusive_platform", "true"});
}

/* Batches take conditions as columns: 1 met, 0 not met, missing assumed. */
static void batch_condition_columns(void **state)
{
    (void)state;
    const dgs_measure *m = measure(rs, "A1.07.a");
    enum { ROWS = 5 };
    const int64_t financed[ROWS] = {2800000000, 2800000000, 2800000000, 2800000000, 2800000000};
    const int64_t interest[ROWS] = {120000000, 120000000, 120000000, 120000000, 120000000};
    const int64_t lease[ROWS] = {1, 0, 1, 2, 1};
    const uint8_t lease_present[ROWS] = {1, 1, 0, 1, 1};
    const int64_t equipment[ROWS] = {1, 1, 1, 1, 0};
    const char *names[] = {"financed_amount", "interest_paid", "condition.direct_lease",
                           "condition.production_equipment"};
    const int64_t *cols[] = {financed, interest, lease, equipment};
    const uint8_t *present[] = {NULL, NULL, lease_present, NULL};
    dgs_fen_t awards[ROWS];
    int32_t outcomes[ROWS];
    dgs_error err;
    assert_int_equal(dgs_evaluate_batch(m, DATE, ROWS, 4, names, cols, present, awards, outcomes, &err),
                     DGS_E_RANGE);
    assert_int_equal(err.row, 3);
    assert_non_null(strstr(err.message, "condition"));
    assert_int_equal(outcomes[0], DGS_OUTCOME_GRANTED);
    assert_int_equal(awards[0], 120000000);
    assert_int_equal(outcomes[1], DGS_OUTCOME_INELIGIBLE);
    assert_int_equal(awards[1], 0);
    assert_int_equal(outcomes[2], DGS_OUTCOME_GRANTED);   /* missing: assumed */
    assert_int_equal(awards[2], 120000000);
    assert_int_equal(outcomes[3], DGS_OUTCOME_INVALID);
    assert_int_equal(outcomes[4], DGS_OUTCOME_INELIGIBLE);
    /* without err the rows are the same */
    assert_int_equal(dgs_evaluate_batch(m, DATE, ROWS, 4, names, cols, present, awards, outcomes, NULL),
                     DGS_E_RANGE);
    assert_int_equal(outcomes[1], DGS_OUTCOME_INELIGIBLE);
    /* an earlier invalid input row keeps its error */
    const int64_t negative[ROWS] = {2800000000, -1, 2800000000, 2800000000, 2800000000};
    const int64_t *cols2[] = {negative, interest, lease, equipment};
    assert_int_equal(dgs_evaluate_batch(m, DATE, ROWS, 4, names, cols2, present, awards, outcomes, &err),
                     DGS_E_NEGATIVE);
    assert_int_equal(err.row, 1);
    assert_int_equal(outcomes[3], DGS_OUTCOME_INVALID);
    /* out of force stays out of force, but a value that is no declaration is refused even then */
    assert_int_equal(dgs_evaluate_batch(m, "2027-01-16", 2, 4, names, cols, present, awards, outcomes, &err),
                     DGS_OK);
    assert_int_equal(outcomes[1], DGS_OUTCOME_NOT_IN_FORCE);
    assert_int_equal(dgs_evaluate_batch(m, "2027-01-16", ROWS, 4, names, cols, present, awards, outcomes, &err),
                     DGS_E_RANGE);
    assert_int_equal(err.row, 3);
    assert_int_equal(outcomes[3], DGS_OUTCOME_INVALID);
    assert_int_equal(outcomes[4], DGS_OUTCOME_NOT_IN_FORCE);
    /* unknown and repeated condition columns */
    const char *bad[] = {"financed_amount", "interest_paid", "condition.direct_leas"};
    assert_int_equal(dgs_evaluate_batch(m, DATE, ROWS, 3, bad, cols, NULL, awards, outcomes, &err),
                     DGS_E_UNKNOWN_INPUT);
    assert_non_null(strstr(err.message, "direct_lease"));
    const char *twice[] = {"financed_amount", "interest_paid", "condition.direct_lease", "condition.direct_lease"};
    assert_int_equal(dgs_evaluate_batch(m, DATE, ROWS, 4, twice, cols, NULL, awards, outcomes, &err),
                     DGS_E_INVALID_ARGUMENT);
}

/* A condition not met decides before the figures, in a batch as in a case:
 * a row whose amount would overflow is ineligible, not invalid. */
static void batch_condition_before_overflow(void **state)
{
    (void)state;
    const dgs_measure *m = measure(rs, "A1.11.a");   /* 场租及会场搭建费用: a sum */
    const int64_t big[2] = {INT64_MAX / 2 + 1, INT64_MAX / 2 + 1};
    const int64_t doubling[2] = {0, 1};
    const char *names[] = {"venue_rent", "setup_cost", "condition.doubling_enterprise"};
    const int64_t *cols[] = {big, big, doubling};
    dgs_fen_t awards[2];
    int32_t outcomes[2];
    dgs_error err;
    assert_int_equal(dgs_evaluate_batch(m, DATE, 2, 3, names, cols, NULL, awards, outcomes, &err), DGS_E_OVERFLOW);
    assert_int_equal(err.row, 1);
    assert_int_equal(outcomes[0], DGS_OUTCOME_INELIGIBLE);
    assert_int_equal(outcomes[1], DGS_OUTCOME_INVALID);
    /* the scalar path agrees */
    dgs_case *c = NULL;
    assert_int_equal(dgs_case_new(m, &c, &err), DGS_OK);
    assert_int_equal(dgs_case_set_date(c, DATE, &err), DGS_OK);
    assert_int_equal(dgs_case_set_money(c, "venue_rent", big[0], &err), DGS_OK);
    assert_int_equal(dgs_case_set_money(c, "setup_cost", big[0], &err), DGS_OK);
    assert_int_equal(dgs_case_set_condition(c, "doubling_enterprise", 0, &err), DGS_OK);
    dgs_result *r = run(c);
    assert_int_equal(dgs_result_outcome(r), DGS_OUTCOME_INELIGIBLE);
    dgs_result_free(r);
    assert_int_equal(dgs_case_set_condition(c, "doubling_enterprise", 1, &err), DGS_OK);
    assert_int_equal(dgs_evaluate(c, &r, &err), DGS_E_OVERFLOW);
    dgs_case_free(c);
    /* with only that row, no error at all */
    assert_int_equal(dgs_evaluate_batch(m, DATE, 1, 3, names, cols, NULL, awards, outcomes, &err), DGS_OK);
    assert_int_equal(outcomes[0], DGS_OUTCOME_INELIGIBLE);
}

/* Measures without a number of their own in a batch: thresholds per row where
 * the inputs are given, as dgs_evaluate() does. */
static void batch_thresholds_before_unspecified(void **state)
{
    (void)state;
    const dgs_measure *m = measure(rs, "A4.03.a");
    enum { ROWS = 4 };
    const int64_t area[ROWS] = {1000000, 999999, 1000000, 0};
    const uint8_t area_present[ROWS] = {1, 1, 1, 0};
    const int64_t days[ROWS] = {3, 3, 2, 0};
    const uint8_t days_present[ROWS] = {1, 1, 1, 0};
    const int64_t rent[ROWS] = {100, 100, 100, 0};
    const uint8_t rent_present[ROWS] = {1, 1, 1, 0};
    const int64_t filed[ROWS] = {1, 1, 1, 0};
    const char *names[] = {"exhibition_area", "days", "venue_rent", "condition.filed_with_commerce"};
    const int64_t *cols[] = {area, days, rent, filed};
    const uint8_t *present[] = {area_present, days_present, rent_present, NULL};
    dgs_fen_t awards[ROWS];
    int32_t outcomes[ROWS];
    assert_int_equal(dgs_evaluate_batch(m, DATE, ROWS, 4, names, cols, present, awards, outcomes, NULL), DGS_OK);
    assert_int_equal(outcomes[0], DGS_OUTCOME_UNSPECIFIED);
    assert_int_equal(outcomes[1], DGS_OUTCOME_INELIGIBLE);
    assert_int_equal(outcomes[2], DGS_OUTCOME_INELIGIBLE);
    assert_int_equal(outcomes[3], DGS_OUTCOME_INELIGIBLE);   /* not filed, no figures */

    m = measure(rs, "A4.10.c");
    const int64_t usd[3] = {10000000, 9999999, 20000000};
    const int64_t hq[3] = {1, 1, 0};
    const char *names2[] = {"new_foreign_investment_usd", "condition.provincial_regional_hq"};
    const int64_t *cols2[] = {usd, hq};
    assert_int_equal(dgs_evaluate_batch(m, DATE, 3, 2, names2, cols2, NULL, awards, outcomes, NULL), DGS_OK);
    assert_int_equal(outcomes[0], DGS_OUTCOME_GOVERNED_ELSEWHERE);
    assert_int_equal(outcomes[1], DGS_OUTCOME_INELIGIBLE);
    assert_int_equal(outcomes[2], DGS_OUTCOME_INELIGIBLE);
}

/* For every measure whose required inputs can be columns: a condition column
 * gives, row by row, what the scalar path gives. */
static void batch_equals_scalar_for_every_condition(void **state)
{
    (void)state;
    size_t checked = 0;
    for (size_t i = 0; i < dgs_ruleset_measure_count(rs); i++) {
        const dgs_measure *m = dgs_ruleset_measure_at(rs, i);
        size_t n = dgs_measure_condition_count(m);
        if (n == 0)
            continue;
        const char *names[MAX_BATCH_COLS];
        const int64_t *cols[MAX_BATCH_COLS];
        int64_t values[MAX_BATCH_COLS][2];
        size_t ncols = 0;
        int listed = 0;
        dgs_case *c = filled_case(m, DATE);
        for (size_t k = 0; k < dgs_measure_input_count(m); k++) {
            if (!dgs_measure_input_required(m, k))
                continue;
            if (dgs_measure_input_type(m, k) == DGS_TYPE_MONEY_LIST) {
                listed = 1;
                break;
            }
            int64_t v = dgs_measure_input_type(m, k) == DGS_TYPE_FLAG     ? 1
                        : dgs_measure_input_type(m, k) == DGS_TYPE_CHOICE ? 0
                        : dgs_measure_input_type(m, k) == DGS_TYPE_COUNT  ? 1
                                                                          : 10000000; /* 100000 yuan */
            values[ncols][0] = values[ncols][1] = v;
            names[ncols] = dgs_measure_input_name(m, k);
            cols[ncols] = values[ncols];
            ncols++;
        }
        if (listed) {
            dgs_case_free(c);
            continue;
        }
        for (size_t k = 0; k < n; k++) {
            char name[96];
            snprintf(name, sizeof name, "condition.%s", dgs_measure_condition_id(m, k));
            int64_t flags[2] = {0, 1};
            names[ncols] = name;
            cols[ncols] = flags;
            dgs_fen_t awards[2];
            int32_t outcomes[2];
            dgs_error err;
            int rc = dgs_evaluate_batch(m, DATE, 2, ncols + 1, names, cols, NULL, awards, outcomes, &err);
            /* An input required only without its alternative (as fill_required_inputs() finds
             * it for the scalar case): a column of the same value, before the condition. */
            static char extra[MAX_BATCH_COLS][64];
            while (rc == DGS_E_MISSING_INPUT && ncols + 1 < MAX_BATCH_COLS &&
                   error_input_name(err.message, extra[ncols], sizeof extra[ncols])) {
                values[ncols][0] = values[ncols][1] = 10000000;
                names[ncols] = extra[ncols];
                cols[ncols] = values[ncols];
                ncols++;
                names[ncols] = name;
                cols[ncols] = flags;
                rc = dgs_evaluate_batch(m, DATE, 2, ncols + 1, names, cols, NULL, awards, outcomes, &err);
            }
            if (rc)
                fail_msg("%s: %s", dgs_measure_id(m), err.message);
            for (int row = 0; row < 2; row++) {
                assert_int_equal(dgs_case_set_condition(c, dgs_measure_condition_id(m, k), row, NULL), DGS_OK);
                dgs_result *r = run(c);
                if (outcomes[row] != dgs_result_outcome(r) || awards[row] != dgs_result_award(r))
                    fail_msg("%s.%s row %d: batch %s %lld, scalar %s %lld", dgs_measure_id(m), name, row,
                             dgs_outcome_name(outcomes[row]), (long long)awards[row],
                             dgs_outcome_name(dgs_result_outcome(r)), (long long)dgs_result_award(r));
                dgs_result_free(r);
            }
            assert_int_equal(outcomes[0], DGS_OUTCOME_INELIGIBLE);
            char unset[96];
            snprintf(unset, sizeof unset, "condition.%s", dgs_measure_condition_id(m, k));
            assert_int_equal(dgs_case_unset(c, unset, NULL), DGS_OK);
            checked++;
        }
        dgs_case_free(c);
    }
    assert_true(checked >= 120);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(every_measure_lists_its_conditions),
        cmocka_unit_test(each_condition_not_met_makes_ineligible),
        cmocka_unit_test(undeclared_conditions_are_assumed_and_said),
        cmocka_unit_test(declaring_errors),
        cmocka_unit_test(order_of_outcomes),
        cmocka_unit_test(batch_condition_columns),
        cmocka_unit_test(batch_condition_before_overflow),
        cmocka_unit_test(batch_thresholds_before_unspecified),
        cmocka_unit_test(batch_equals_scalar_for_every_condition),
    };
    return cmocka_run_group_tests_name("eligibility conditions", tests, setup_ruleset, teardown_ruleset);
}
