/* SPDX-License-Identifier: MulanPSL-2.0 */
/* The engine through the public API: rulesets, cases, errors, results,
 * rendering and the batch path's agreement with the scalar path. */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <jansson.h>

#include "dgsubsidy/dgsubsidy.h"

static dgs_ruleset *rs;

static int setup(void **state)
{
    (void)state;
    return dgs_ruleset_builtin(&rs, NULL);
}

static int teardown(void **state)
{
    (void)state;
    dgs_ruleset_free(rs);
    return 0;
}

static dgs_case *new_case(const char *id, const char *date)
{
    dgs_case *c = NULL;
    const dgs_measure *m = dgs_ruleset_find(rs, id);
    assert_non_null(m);
    assert_int_equal(dgs_case_new(m, &c, NULL), DGS_OK);
    if (date)
        assert_int_equal(dgs_case_set_date(c, date, NULL), DGS_OK);
    return c;
}

static void catalogue_is_complete(void **state)
{
    (void)state;
    int per_kind[8] = {0};
    assert_int_equal(dgs_ruleset_measure_count(rs), 202);
    for (size_t i = 0; i < 202; i++) {
        const dgs_measure *m = dgs_ruleset_measure_at(rs, i);
        per_kind[dgs_measure_kind(m)]++;
        assert_ptr_equal(dgs_ruleset_find(rs, dgs_measure_id(m)), m);
        assert_true(strlen(dgs_measure_title(m, DGS_LANG_ZH)) > 0);
        assert_true(strlen(dgs_measure_title(m, DGS_LANG_EN)) > 0);
        assert_true(strlen(dgs_measure_clause(m)) > 0);
        /* Parameters, never literals: every measure that computes has them (a
         * measure whose amount another policy sets computes nothing; one that
         * restates another computes with that measure's). */
        if (dgs_measure_kind(m) != DGS_KIND_QUALITATIVE && dgs_measure_kind(m) != DGS_KIND_GOVERNED_ELSEWHERE &&
            !dgs_measure_restates(m, 0))
            assert_true(dgs_measure_parameter_count(m) > 0);
    }
    assert_int_equal(per_kind[DGS_KIND_FORMULA], 22);
    assert_int_equal(per_kind[DGS_KIND_FIXED_CAP], 52);
    assert_int_equal(per_kind[DGS_KIND_TIERED_FIXED], 8);
    assert_int_equal(per_kind[DGS_KIND_PRICE_OR_QUOTA], 8);
    /* A4.04.a, A4.10.a, A4.10.b and A4.10.c name the policy that sets their amount */
    assert_int_equal(per_kind[DGS_KIND_UNSPECIFIED], 33);
    assert_int_equal(per_kind[DGS_KIND_GOVERNED_ELSEWHERE], 4);
    assert_int_equal(per_kind[DGS_KIND_QUALITATIVE], 75);
    assert_null(dgs_ruleset_find(rs, "A9.99.z"));
    assert_null(dgs_ruleset_measure_at(rs, 202));
    const dgs_measure *m = dgs_ruleset_find(rs, "A1.07.a");
    assert_string_equal(dgs_measure_departments(m), "市工业和信息化局");
    assert_string_equal(dgs_measure_group(m), "G-LEASE");
    assert_non_null(strstr(dgs_measure_clause(m), "每年最高贴息 150 万元且不超过企业实际发生利息"));
}

static void metadata_of_inputs_and_parameters(void **state)
{
    (void)state;
    const dgs_measure *m = dgs_ruleset_find(rs, "A3.08.b");
    assert_int_equal(dgs_measure_input_index(m, "tier"), 0);
    assert_int_equal(dgs_measure_input_type(m, 0), DGS_TYPE_CHOICE);
    assert_int_equal(dgs_measure_input_choice_count(m, 0), 2);
    assert_string_equal(dgs_measure_input_choice(m, 0, 1), "provincial");
    assert_null(dgs_measure_input_choice(m, 0, 2));
    assert_int_equal(dgs_measure_input_index(m, "nope"), -1);
    char *text;
    const char *ref;
    assert_int_equal(dgs_measure_parameter_text(m, 0, NULL, &text, &ref, NULL), DGS_OK);
    assert_string_equal(dgs_measure_parameter_name(m, 0), "ratio_national");
    assert_string_equal(text, "300%");   /* 1:3 */
    assert_non_null(strstr(ref, "1:3"));
    dgs_free(text);
    assert_int_equal(dgs_measure_parameter_text(m, 1, "2025-01-01", &text, NULL, NULL), DGS_OK);
    assert_string_equal(text, "30000000.00");
    dgs_free(text);
    dgs_error e;
    assert_int_equal(dgs_measure_parameter_text(m, 1, "2025-02-30", &text, NULL, &e), DGS_E_DATE);
    assert_int_equal(dgs_measure_parameter_text(m, 99, NULL, &text, NULL, &e), DGS_E_INVALID_ARGUMENT);
}

static void null_handles_are_refused(void **state)
{
    (void)state;
    dgs_error e;
    dgs_case *c = NULL;
    dgs_result *r = NULL;
    assert_int_equal(dgs_ruleset_builtin(NULL, &e), DGS_E_INVALID_ARGUMENT);
    assert_int_equal(dgs_case_new(NULL, &c, &e), DGS_E_INVALID_ARGUMENT);
    assert_non_null(strstr(e.message, "NULL"));
    assert_int_equal(dgs_case_set_date(NULL, "2025-01-01", &e), DGS_E_INVALID_ARGUMENT);
    assert_int_equal(dgs_case_set_int(NULL, "x", 1, &e), DGS_E_INVALID_ARGUMENT);
    assert_int_equal(dgs_case_set_text(NULL, "x", "1", &e), DGS_E_INVALID_ARGUMENT);
    assert_int_equal(dgs_evaluate(NULL, &r, &e), DGS_E_INVALID_ARGUMENT);
    assert_int_equal(dgs_ruleset_lookup(NULL, "A1.07.a", NULL, &e), DGS_E_INVALID_ARGUMENT);
    assert_int_equal(dgs_result_render(NULL, 0, 0, NULL, &e), DGS_E_INVALID_ARGUMENT);
    assert_int_equal(dgs_evaluate_batch(NULL, "2025-01-01", 0, 0, NULL, NULL, NULL, NULL, NULL, &e),
                     DGS_E_INVALID_ARGUMENT);
    /* Accessors and free functions accept NULL. */
    dgs_ruleset_free(NULL);
    dgs_case_free(NULL);
    dgs_result_free(NULL);
    dgs_stack_free(NULL);
    dgs_free(NULL);
    assert_null(dgs_measure_id(NULL));
    assert_int_equal(dgs_result_award(NULL), 0);
    assert_int_equal(dgs_ruleset_measure_count(NULL), 0);
    /* The error may itself be NULL. */
    assert_int_equal(dgs_case_new(NULL, &c, NULL), DGS_E_INVALID_ARGUMENT);
}

static void unknown_measure_and_input_are_named(void **state)
{
    (void)state;
    dgs_error e;
    const dgs_measure *m;
    assert_int_equal(dgs_ruleset_lookup(rs, "A1.99.x", &m, &e), DGS_E_UNKNOWN_MEASURE);
    assert_int_equal(e.code, DGS_E_UNKNOWN_MEASURE);
    assert_non_null(strstr(e.message, "A1.99.x"));
    dgs_case *c = new_case("A1.07.a", "2025-03-01");
    assert_int_equal(dgs_case_set_int(c, "financed", 1, &e), DGS_E_UNKNOWN_INPUT);
    assert_non_null(strstr(e.message, "financed"));
    assert_non_null(strstr(e.message, "financed_amount")); /* lists the inputs */
    dgs_case_free(c);
}

static void bad_values_get_specific_codes(void **state)
{
    (void)state;
    dgs_error e;
    dgs_case *c = new_case("A3.08.b", NULL);
    assert_int_equal(dgs_case_set_date(c, "2025-02-30", &e), DGS_E_DATE);
    assert_non_null(strstr(e.message, "2025-02-30"));
    assert_int_equal(dgs_case_set_money(c, "provincial_funds", -1, &e), DGS_E_NEGATIVE);
    assert_non_null(strstr(e.message, "provincial_funds"));
    assert_int_equal(dgs_case_set_text(c, "provincial_funds", "-5", &e), DGS_E_NEGATIVE);
    assert_int_equal(dgs_case_set_text(c, "provincial_funds", "1.001", &e), DGS_E_VALUE);
    assert_int_equal(dgs_case_set_text(c, "provincial_funds", "abc", &e), DGS_E_VALUE);
    assert_int_equal(dgs_case_set_text(c, "provincial_funds", "99999999999999999999", &e), DGS_E_OVERFLOW);
    assert_int_equal(dgs_case_set_money(c, "tier", 0, &e), DGS_E_TYPE);
    assert_int_equal(dgs_case_set_choice(c, "tier", "municipal", &e), DGS_E_CHOICE);
    assert_non_null(strstr(e.message, "national, provincial"));
    assert_int_equal(dgs_case_set_int(c, "tier", 2, &e), DGS_E_CHOICE);
    assert_int_equal(dgs_case_set_choice(c, "provincial_funds", "x", &e), DGS_E_TYPE);
    int64_t list[1] = {1};
    assert_int_equal(dgs_case_set_list(c, "provincial_funds", list, 1, &e), DGS_E_TYPE);
    dgs_case_free(c);

    c = new_case("A4.03.b", NULL);
    assert_int_equal(dgs_case_set_flag(c, "certified", 2, &e), DGS_E_RANGE);
    assert_int_equal(dgs_case_set_text(c, "certified", "yes", &e), DGS_E_VALUE);
    assert_int_equal(dgs_case_set_text(c, "days", "2.5", &e), DGS_E_VALUE);
    assert_int_equal(dgs_case_set_text(c, "exhibition_area", "12000.5", &e), DGS_OK);
    dgs_case_free(c);

    c = new_case("A4.04.b", NULL);
    list[0] = -5;
    assert_int_equal(dgs_case_set_list(c, "travel_costs", list, 1, &e), DGS_E_NEGATIVE);
    assert_int_equal(dgs_case_set_text(c, "travel_costs", "100,,200", &e), DGS_E_VALUE);
    assert_int_equal(dgs_case_set_int(c, "travel_costs", 3, &e), DGS_E_TYPE);
    dgs_case_free(c);
}

static void missing_inputs_and_date_are_errors(void **state)
{
    (void)state;
    dgs_error e;
    dgs_result *r = (dgs_result *)1;
    dgs_case *c = new_case("A1.07.a", NULL);
    assert_int_equal(dgs_case_set_text(c, "financed_amount", "1000000", &e), DGS_OK);
    assert_int_equal(dgs_evaluate(c, &r, &e), DGS_E_MISSING_INPUT);
    assert_null(r);
    assert_non_null(strstr(e.message, "date"));
    assert_int_equal(dgs_case_set_date(c, "2025-03-01", &e), DGS_OK);
    assert_int_equal(dgs_evaluate(c, &r, &e), DGS_E_MISSING_INPUT);
    assert_non_null(strstr(e.message, "interest_paid"));
    /* unset, clear */
    assert_int_equal(dgs_case_set_text(c, "interest_paid", "1", &e), DGS_OK);
    assert_int_equal(dgs_evaluate(c, &r, &e), DGS_OK);
    dgs_result_free(r);
    assert_int_equal(dgs_case_unset(c, "interest_paid", &e), DGS_OK);
    assert_int_equal(dgs_evaluate(c, &r, &e), DGS_E_MISSING_INPUT);
    dgs_case_clear(c);
    assert_int_equal(dgs_evaluate(c, &r, &e), DGS_E_MISSING_INPUT);
    assert_non_null(strstr(e.message, "date"));
    dgs_case_free(c);
}

static void overflow_is_reported_not_wrapped(void **state)
{
    (void)state;
    dgs_error e;
    dgs_result *r = NULL;
    /* OP.10.a: the uplifted award of a near-maximal base and ratio exceeds 128 bits. */
    dgs_case *u = new_case("OP.10.a", "2025-03-01");
    assert_int_equal(dgs_case_set_text(u, "tier", "chain_leader", &e), DGS_OK);
    assert_int_equal(dgs_case_set_money(u, "award_base", INT64_MAX, &e), DGS_OK);
    assert_int_equal(dgs_case_set_int(u, "base_ratio_bp", INT64_MAX, &e), DGS_OK);
    assert_int_equal(dgs_case_set_money(u, "base_limit", 1, &e), DGS_OK);
    assert_int_equal(dgs_evaluate(u, &r, &e), DGS_E_OVERFLOW);
    assert_null(r);
    dgs_case_free(u);
    /* A1.11.a sums rent and set-up: two near-maximal amounts overflow. */
    dgs_case *c = new_case("A1.11.a", "2025-03-01");
    assert_int_equal(dgs_case_set_money(c, "venue_rent", INT64_MAX, &e), DGS_OK);
    assert_int_equal(dgs_case_set_money(c, "setup_cost", INT64_MAX, &e), DGS_OK);
    assert_int_equal(dgs_evaluate(c, &r, &e), DGS_E_OVERFLOW);
    assert_null(r);
    assert_non_null(strstr(e.message, "A1.11.a"));
    /* One maximal amount alone is fine: 50% of it, capped at 50万. */
    assert_int_equal(dgs_case_set_money(c, "setup_cost", 0, &e), DGS_OK);
    assert_int_equal(dgs_evaluate(c, &r, &e), DGS_OK);
    assert_int_equal(dgs_result_award(r), 50000000);
    dgs_result_free(r);
    dgs_case_free(c);
}

static void result_carries_trace_binding_and_audit(void **state)
{
    (void)state;
    dgs_result *r;
    /* A1.07.a: 2800万 × 5% = 140万 < 150万; interest 120万 binds. */
    dgs_case *c = new_case("A1.07.a", "2025-03-01");
    assert_int_equal(dgs_case_set_text(c, "financed_amount", "28000000", NULL), DGS_OK);
    assert_int_equal(dgs_case_set_text(c, "interest_paid", "1200000", NULL), DGS_OK);
    assert_int_equal(dgs_evaluate(c, &r, NULL), DGS_OK);
    assert_int_equal(dgs_result_outcome(r), DGS_OUTCOME_GRANTED);
    assert_int_equal(dgs_result_award(r), 120000000);
    assert_string_equal(dgs_result_binding(r), "interest_paid");
    assert_string_equal(dgs_result_measure_id(r), "A1.07.a");
    assert_string_equal(dgs_result_date(r), "2025-03-01");
    assert_string_equal(dgs_result_unit(r), "yuan");
    assert_string_equal(dgs_result_group(r), "G-LEASE");
    assert_string_equal(dgs_result_fingerprint(r), dgs_ruleset_fingerprint(rs));
    assert_string_equal(dgs_result_reason(r, DGS_LANG_EN), "");
    bool saw_ratio = false;
    for (size_t i = 0; i < dgs_result_step_count(r); i++) {
        if (strcmp(dgs_result_step_source(r, i), "ratio") == 0) {
            saw_ratio = true;
            /* the step's own value is the ratio (5%); the amount after it 1,400,000 */
            int64_t den;
            assert_int_equal(dgs_result_step_value(r, i, &den), 1);
            assert_int_equal(den, 20);
            assert_int_equal(dgs_result_step_type(r, i), DGS_TYPE_RATIO);
            assert_int_equal(dgs_result_step_amount(r, i), 140000000);
            assert_int_equal(dgs_result_step_amount_type(r, i), DGS_TYPE_MONEY);
            assert_non_null(strstr(dgs_result_step_reference(r, i), "5%"));
            assert_true(strlen(dgs_result_step_label(r, i, DGS_LANG_ZH)) > 0);
        }
    }
    assert_true(saw_ratio);
    assert_null(dgs_result_step_label(r, 999, DGS_LANG_EN));
    bool used_cap = false;
    for (size_t i = 0; i < dgs_result_parameter_count(r); i++)
        if (strcmp(dgs_result_parameter_name(r, i), "cap_per_year") == 0) {
            used_cap = true;
            assert_non_null(strstr(dgs_result_parameter_reference(r, i), "150"));
        }
    assert_true(used_cap);

    char *text;
    assert_int_equal(dgs_result_render(r, DGS_FORMAT_TEXT, DGS_LANG_ZH, &text, NULL), DGS_OK);
    assert_non_null(strstr(text, "1,200,000.00 元"));
    assert_non_null(strstr(text, "A1.07.a"));
    dgs_free(text);
    assert_int_equal(dgs_result_render(r, DGS_FORMAT_TEXT, DGS_LANG_EN, &text, NULL), DGS_OK);
    assert_non_null(strstr(text, "CNY 1,200,000.00"));
    dgs_free(text);
    assert_int_equal(dgs_result_render(r, DGS_FORMAT_JSON, DGS_LANG_EN, &text, NULL), DGS_OK);
    json_t *j = json_loads(text, 0, NULL);
    assert_non_null(j);
    assert_string_equal(json_string_value(json_object_get(j, "award")), "1200000.00");
    assert_int_equal(json_integer_value(json_object_get(j, "award_fen")), 120000000);
    assert_string_equal(json_string_value(json_object_get(j, "outcome")), "granted");
    assert_string_equal(json_string_value(json_object_get(j, "binding")), "interest_paid");
    assert_string_equal(json_string_value(json_object_get(j, "date")), "2025-03-01");
    assert_true(json_array_size(json_object_get(j, "steps")) >= 4);
    json_decref(j);
    dgs_free(text);
    assert_int_equal(dgs_result_render(r, 7, DGS_LANG_EN, &text, NULL), DGS_E_INVALID_ARGUMENT);
    assert_int_equal(dgs_result_render(r, DGS_FORMAT_TEXT, 9, &text, NULL), DGS_E_INVALID_ARGUMENT);
    dgs_result_free(r);
    dgs_case_free(c);
}

static void validity_window_is_inclusive(void **state)
{
    (void)state;
    static const struct { const char *date; int outcome; } cases[] = {
        {"2024-01-15", DGS_OUTCOME_NOT_IN_FORCE},
        {"2024-01-16", DGS_OUTCOME_GRANTED},
        {"2027-01-15", DGS_OUTCOME_GRANTED},
        {"2027-01-16", DGS_OUTCOME_NOT_IN_FORCE},
    };
    for (size_t i = 0; i < 4; i++) {
        dgs_result *r;
        dgs_case *c = new_case("A3.05.a", cases[i].date);
        assert_int_equal(dgs_evaluate(c, &r, NULL), DGS_OK);
        assert_int_equal(dgs_result_outcome(r), cases[i].outcome);
        if (cases[i].outcome == DGS_OUTCOME_NOT_IN_FORCE) {
            assert_int_equal(dgs_result_award(r), 0);
            assert_non_null(strstr(dgs_result_reason(r, DGS_LANG_EN), "2027-01-15"));
        } else {
            assert_int_equal(dgs_result_award(r), 300000000); /* 一次性 300 万元 */
        }
        dgs_result_free(r);
        dgs_case_free(c);
    }
}

/* The batch path gives what the scalar path gives, row by row. */
static void batch_equals_scalar(void **state)
{
    (void)state;
    const dgs_measure *m = dgs_ruleset_find(rs, "A4.02.1.a");
    enum { N = 6 };
    int64_t area[N] = {1799, 1800, 3600, 10000, 0, 100000};           /* hundredths of m² */
    int64_t cost[N] = {1000000, 6000000, 12000000, 40000000, 0, 99}; /* fen */
    uint8_t cost_present[N] = {1, 1, 1, 1, 1, 0};
    const char *names[] = {"booth_area", "build_cost"};
    const int64_t *cols[] = {area, cost};
    const uint8_t *present[] = {NULL, cost_present};
    dgs_fen_t awards[N];
    int32_t outcomes[N];
    dgs_error e;
    int rc = dgs_evaluate_batch(m, "2025-05-01", N, 2, names, cols, present, awards, outcomes, &e);
    /* Row 5 lacks a required input: it is marked, the others computed. */
    assert_int_equal(rc, DGS_E_MISSING_INPUT);
    assert_int_equal(e.row, 5);
    assert_non_null(strstr(e.message, "build_cost"));
    assert_int_equal(outcomes[5], DGS_OUTCOME_INVALID);
    for (size_t i = 0; i < 5; i++) {
        dgs_case *c;
        dgs_result *r;
        assert_int_equal(dgs_case_new(m, &c, NULL), DGS_OK);
        assert_int_equal(dgs_case_set_date(c, "2025-05-01", NULL), DGS_OK);
        assert_int_equal(dgs_case_set_int(c, "booth_area", area[i], NULL), DGS_OK);
        assert_int_equal(dgs_case_set_money(c, "build_cost", cost[i], NULL), DGS_OK);
        assert_int_equal(dgs_evaluate(c, &r, NULL), DGS_OK);
        assert_int_equal(outcomes[i], dgs_result_outcome(r));
        assert_int_equal(awards[i], dgs_result_award(r));
        dgs_result_free(r);
        dgs_case_free(c);
    }
    /* 17.99 m² < 18 m²: ineligible; 18 m² and 60,000 yuan: 50% = 30,000 > 1,500 × 18 = 27,000. */
    assert_int_equal(outcomes[0], DGS_OUTCOME_INELIGIBLE);
    assert_int_equal(awards[1], 2700000);
    /* Unknown column names and bad dates fail before any row. */
    const char *bad[] = {"booth_area", "cost"};
    assert_int_equal(dgs_evaluate_batch(m, "2025-05-01", N, 2, bad, cols, NULL, awards, outcomes, &e),
                     DGS_E_UNKNOWN_INPUT);
    assert_int_equal(dgs_evaluate_batch(m, "2025-5-1", N, 2, names, cols, NULL, awards, outcomes, &e), DGS_E_DATE);
    /* Outside the window every row is not in force. */
    assert_int_equal(dgs_evaluate_batch(m, "2023-05-01", N, 2, names, cols, NULL, awards, outcomes, &e), DGS_OK);
    assert_int_equal(outcomes[3], DGS_OUTCOME_NOT_IN_FORCE);
    /* List inputs cannot be batched. */
    const char *ln[] = {"travel_costs"};
    assert_int_equal(dgs_evaluate_batch(dgs_ruleset_find(rs, "A4.04.b"), "2025-05-01", N, 1, ln, cols, NULL,
                                        awards, outcomes, &e),
                     DGS_E_NOT_SUPPORTED);
}

static void batch_marks_negative_rows(void **state)
{
    (void)state;
    const dgs_measure *m = dgs_ruleset_find(rs, "A4.09.e");
    int64_t fee[3] = {100, -1, 600000000};
    const char *names[] = {"usage_fee"};
    const int64_t *cols[] = {fee};
    dgs_fen_t awards[3];
    int32_t outcomes[3];
    dgs_error e;
    assert_int_equal(dgs_evaluate_batch(m, "2025-05-01", 3, 1, names, cols, NULL, awards, outcomes, &e), DGS_E_NEGATIVE);
    assert_int_equal(e.row, 1);
    assert_int_equal(awards[0], 50);              /* 50% of 1.00 yuan */
    assert_int_equal(outcomes[1], DGS_OUTCOME_INVALID);
    assert_int_equal(awards[2], 3000000);         /* capped at 3万 */
    /* Rows are checked as the scalar path checks them even when the date alone
     * decides the outcome. */
    assert_int_equal(dgs_evaluate_batch(m, "2023-05-01", 3, 1, names, cols, NULL, awards, outcomes, &e), DGS_E_NEGATIVE);
    assert_int_equal(e.row, 1);
    assert_int_equal(outcomes[0], DGS_OUTCOME_NOT_IN_FORCE);
    assert_int_equal(outcomes[1], DGS_OUTCOME_INVALID);
    /* One date per batch: a column 'date' is refused, not silently ignored. */
    const char *dated[] = {"date"};
    assert_int_equal(dgs_evaluate_batch(m, "2025-05-01", 3, 1, dated, cols, NULL, awards, outcomes, &e), DGS_E_NOT_SUPPORTED);
    assert_non_null(strstr(e.message, "one date"));
}

/* Messages are valid UTF-8 even when they quote a cut or invalid name, show
 * money in yuan, and a reused error carries no stale row. */
static void messages_are_clean(void **state)
{
    (void)state;
    dgs_error e;
    const dgs_measure *m;
    char id[301] = "";
    for (int i = 0; i < 100; i++)
        strcat(id, "融");
    assert_int_equal(dgs_ruleset_lookup(rs, id, &m, &e), DGS_E_UNKNOWN_MEASURE);
    for (const unsigned char *p = (const unsigned char *)e.message; *p;) {
        int n = *p < 0x80 ? 1 : (*p & 0xE0) == 0xC0 ? 2 : (*p & 0xF0) == 0xE0 ? 3 : (*p & 0xF8) == 0xF0 ? 4 : 0;
        assert_true(n > 0);
        for (int k = 1; k < n; k++)
            assert_int_equal(p[k] & 0xC0, 0x80);
        p += n;
    }
    assert_int_equal(dgs_ruleset_lookup(rs, "\xff\xfe" "A", &m, &e), DGS_E_UNKNOWN_MEASURE);
    assert_non_null(strstr(e.message, "??A"));
    dgs_case *c = new_case("A4.09.e", NULL);
    assert_int_equal(dgs_case_set_money(c, "usage_fee", -500, &e), DGS_E_NEGATIVE);
    assert_non_null(strstr(e.message, "-5.00 yuan"));
    dgs_case_free(c);
    e.row = 77;
    e.reason = 5;
    assert_int_equal(dgs_ruleset_lookup(rs, "x", &m, &e), DGS_E_UNKNOWN_MEASURE);
    assert_int_equal(e.row, 0);
    assert_int_equal(e.reason, 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(catalogue_is_complete),
        cmocka_unit_test(metadata_of_inputs_and_parameters),
        cmocka_unit_test(null_handles_are_refused),
        cmocka_unit_test(unknown_measure_and_input_are_named),
        cmocka_unit_test(bad_values_get_specific_codes),
        cmocka_unit_test(missing_inputs_and_date_are_errors),
        cmocka_unit_test(overflow_is_reported_not_wrapped),
        cmocka_unit_test(result_carries_trace_binding_and_audit),
        cmocka_unit_test(validity_window_is_inclusive),
        cmocka_unit_test(batch_equals_scalar),
        cmocka_unit_test(batch_marks_negative_rows),
        cmocka_unit_test(messages_are_clean),
    };
    return cmocka_run_group_tests_name("engine", tests, setup, teardown);
}
