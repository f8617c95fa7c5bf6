/* SPDX-License-Identifier: MulanPSL-2.0 */
/* 就高、从优、不重复享受 and budget allocation. */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "dgsubsidy/dgsubsidy.h"

/* The oracle computes in the compiler's 128-bit integers, independently of the
 * library's own wide arithmetic. */
__extension__ typedef __int128 wide_int;

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

static dgs_result *eval(const dgs_ruleset *r, const char *id, ...)
{
    dgs_case *c;
    dgs_result *res;
    dgs_error e;
    va_list ap;
    assert_int_equal(dgs_case_new(dgs_ruleset_find(r, id), &c, &e), DGS_OK);
    assert_int_equal(dgs_case_set_date(c, "2025-06-01", &e), DGS_OK);
    va_start(ap, id);
    for (const char *name; (name = va_arg(ap, const char *));)
        if (dgs_case_set_text(c, name, va_arg(ap, const char *), &e))
            fail_msg("%s", e.message);
    va_end(ap);
    assert_int_equal(dgs_evaluate(c, &res, &e), DGS_OK);
    dgs_case_free(c);
    return res;
}

/* A1.19: a chain leader (≤300万, assessed 250万) and a little giant (≤50万):
 * 以上从高不重复享受 — only the higher is paid. */
static void explicit_group_pays_the_highest(void **state)
{
    (void)state;
    dgs_result *r[3] = {
        eval(rs, "A1.19.b", "assessed", "500000", NULL),   /* 50万 assessed */
        eval(rs, "A1.19.a", "assessed", "2500000", NULL),  /* 250万 */
        eval(rs, "A4.09.e", "usage_fee", "10000", NULL),   /* no group: 5,000 */
    };
    dgs_stack *s;
    assert_int_equal(dgs_stack_results(rs, (const dgs_result *const *)r, 3, NULL, &s, NULL), DGS_OK);
    assert_int_equal(dgs_stack_count(s), 3);
    assert_int_equal(dgs_stack_decision(s, 0), DGS_STACK_SUPERSEDED);
    assert_int_equal(dgs_stack_paid(s, 0), 0);
    assert_int_equal(dgs_stack_winner(s, 0), 1);
    assert_int_equal(dgs_stack_decision(s, 1), DGS_STACK_PAID);
    assert_int_equal(dgs_stack_paid(s, 1), 250000000);
    assert_string_equal(dgs_stack_group(s, 1), "G-A1.19");
    assert_int_equal(dgs_stack_decision(s, 2), DGS_STACK_PAID);
    assert_int_equal(dgs_stack_paid(s, 2), 500000);
    assert_int_equal(dgs_stack_total(s), 250500000);
    assert_non_null(strstr(dgs_stack_reason(s, 0, DGS_LANG_EN), "A1.19.a"));
    char *text;
    assert_int_equal(dgs_stack_render(s, DGS_FORMAT_TEXT, DGS_LANG_ZH, &text, NULL), DGS_OK);
    assert_non_null(strstr(text, "2505000.00"));
    dgs_free(text);
    assert_int_equal(dgs_stack_render(s, DGS_FORMAT_JSON, DGS_LANG_EN, &text, NULL), DGS_OK);
    assert_non_null(strstr(text, "\"total_fen\": 250500000"));
    dgs_free(text);
    dgs_stack_free(s);
    for (int i = 0; i < 3; i++)
        dgs_result_free(r[i]);
}

/* A little giant paid 50万 in 2024 becomes a chain leader (300万): top-up of 250万. */
static void top_up_after_a_lower_award(void **state)
{
    (void)state;
    dgs_result *r[2] = {eval(rs, "A1.19.b", "assessed", "500000", NULL), eval(rs, "A1.19.a", "assessed", "3000000", NULL)};
    dgs_fen_t before[2] = {50000000, 0};
    dgs_stack *s;
    assert_int_equal(dgs_stack_results(rs, (const dgs_result *const *)r, 2, before, &s, NULL), DGS_OK);
    assert_int_equal(dgs_stack_decision(s, 1), DGS_STACK_TOP_UP);
    assert_int_equal(dgs_stack_paid(s, 1), 250000000);
    assert_int_equal(dgs_stack_paid(s, 0), 0);
    assert_int_equal(dgs_stack_total(s), 250000000);
    dgs_stack_free(s);
    /* Already paid in full: nothing more. */
    before[0] = 0, before[1] = 300000000;
    assert_int_equal(dgs_stack_results(rs, (const dgs_result *const *)r, 2, before, &s, NULL), DGS_OK);
    assert_int_equal(dgs_stack_decision(s, 1), DGS_STACK_ALREADY_PAID);
    assert_int_equal(dgs_stack_total(s), 0);
    dgs_stack_free(s);
    dgs_result_free(r[0]);
    dgs_result_free(r[1]);
}

/* Restatements: OP.19.a ≡ A1.10.a (G-BZ-PROCURE) count once. */
static void restatements_count_once(void **state)
{
    (void)state;
    /* （十九）restates 附件1（十）: the same inputs, the same amount (1% × 85,432,109.00 =
     * 854,321.09, under 300万), one group: paid once, not the 300万 ceiling. */
    dgs_result *r[2] = {
        eval(rs, "OP.19.a", "new_purchases", "85432109", NULL),
        eval(rs, "A1.10.a", "new_purchases", "85432109", NULL),
    };
    assert_int_equal(dgs_result_award(r[0]), 85432109);
    assert_int_equal(dgs_result_award(r[1]), 85432109);
    assert_string_equal(dgs_result_computed_by(r[0]), "A1.10.a");
    assert_string_equal(dgs_result_group(r[0]), dgs_result_group(r[1]));
    dgs_stack *s;
    assert_int_equal(dgs_stack_results(rs, (const dgs_result *const *)r, 2, NULL, &s, NULL), DGS_OK);
    assert_int_equal(dgs_stack_total(s), 85432109);
    assert_int_equal(dgs_stack_paid(s, 0) + dgs_stack_paid(s, 1), 85432109);
    dgs_stack_free(s);
    dgs_result_free(r[0]);
    dgs_result_free(r[1]);
}

/* The group may cover one branch only: OP.02.a for a 驰名商标 is not A5.09.a's
 * China Quality Award (the group binds only the branch that restates another award, R27),
 * so both are paid. */
static void branch_groups(void **state)
{
    (void)state;
    dgs_result *r[2] = {
        eval(rs, "OP.02.a", "honour", "well_known_trademark", "assessed", "3000000", NULL),
        eval(rs, "A5.09.a", "tier", "china", NULL),
    };
    assert_string_equal(dgs_result_group(r[0]), "");
    assert_string_equal(dgs_result_group(r[1]), "G-CQA");
    dgs_stack *s;
    assert_int_equal(dgs_stack_results(rs, (const dgs_result *const *)r, 2, NULL, &s, NULL), DGS_OK);
    assert_int_equal(dgs_stack_total(s), 600000000);
    dgs_stack_free(s);
    dgs_result_free(r[0]);
    /* The China Quality Award branch of OP.02.a restates A5.09.a: once. */
    r[0] = eval(rs, "OP.02.a", "honour", "china_quality_award", "assessed", "3000000", NULL);
    assert_int_equal(dgs_stack_results(rs, (const dgs_result *const *)r, 2, NULL, &s, NULL), DGS_OK);
    assert_int_equal(dgs_stack_total(s), 300000000);
    dgs_stack_free(s);
    dgs_result_free(r[0]);
    dgs_result_free(r[1]);
}

/* stacking_scope "text": only parts whose text has the clause (附件1–4). G-CQA
 * (实施意见 and 附件5) then pays both; G-A1.19 still pays once. */
static void stacking_scope_is_a_reading(void **state)
{
    (void)state;
    dgs_ruleset *text_scope;
    assert_int_equal(dgs_ruleset_set_parameter(rs, NULL, "stacking_scope", "text", NULL, NULL, NULL, &text_scope, NULL), DGS_OK);
    dgs_result *r[4] = {
        eval(rs, "OP.02.a", "honour", "china_quality_award", "assessed", "3000000", NULL),
        eval(rs, "A5.09.a", "tier", "china", NULL),
        eval(rs, "A1.19.a", "assessed", "3000000", NULL),
        eval(rs, "A1.19.b", "assessed", "500000", NULL),
    };
    dgs_stack *s;
    assert_int_equal(dgs_stack_results(text_scope, (const dgs_result *const *)r, 4, NULL, &s, NULL), DGS_OK);
    assert_int_equal(dgs_stack_total(s), 300000000 + 300000000 + 300000000);
    dgs_stack_free(s);
    assert_int_equal(dgs_stack_results(rs, (const dgs_result *const *)r, 4, NULL, &s, NULL), DGS_OK);
    assert_int_equal(dgs_stack_total(s), 300000000 + 300000000);
    dgs_stack_free(s);
    for (int i = 0; i < 4; i++)
        dgs_result_free(r[i]);
    dgs_ruleset_free(text_scope);
}

/* An upgrade of the same object outside groups (A5.05.b provincial 30万 paid,
 * now national 50万): the difference by default, the full amount by switch. */
static void upgrade_reading(void **state)
{
    (void)state;
    dgs_result *r[1] = {eval(rs, "A5.05.b", "tier", "national", "assessed", "500000", NULL)};
    dgs_fen_t before[1] = {30000000};
    dgs_stack *s;
    assert_int_equal(dgs_stack_results(rs, (const dgs_result *const *)r, 1, before, &s, NULL), DGS_OK);
    assert_int_equal(dgs_stack_decision(s, 0), DGS_STACK_TOP_UP);
    assert_int_equal(dgs_stack_paid(s, 0), 20000000);
    dgs_stack_free(s);
    dgs_ruleset *full;
    assert_int_equal(dgs_ruleset_set_parameter(rs, NULL, "upgrade_payment", "full", NULL, NULL, NULL, &full, NULL), DGS_OK);
    assert_int_equal(dgs_stack_results(full, (const dgs_result *const *)r, 1, before, &s, NULL), DGS_OK);
    assert_int_equal(dgs_stack_paid(s, 0), 50000000);
    dgs_stack_free(s);
    dgs_ruleset_free(full);
    dgs_result_free(r[0]);
}

/* Amounts already granted near the largest amount do not wrap: the winner
 * gets nothing more, never more than its award. */
static void already_granted_does_not_wrap(void **state)
{
    (void)state;
    dgs_result *r[2] = {eval(rs, "A1.19.a", "assessed", "3000000", NULL), eval(rs, "A1.19.b", "assessed", "500000", NULL)};
    dgs_fen_t before[2] = {INT64_MAX - 1, INT64_MAX / 2};
    dgs_stack *s;
    assert_int_equal(dgs_stack_results(rs, (const dgs_result *const *)r, 2, before, &s, NULL), DGS_OK);
    assert_int_equal(dgs_stack_paid(s, 0), 0);
    assert_int_equal(dgs_stack_decision(s, 0), DGS_STACK_ALREADY_PAID);
    assert_int_equal(dgs_stack_total(s), 0);
    dgs_stack_free(s);
    dgs_result_free(r[0]);
    dgs_result_free(r[1]);
}

static void stacking_errors(void **state)
{
    (void)state;
    dgs_stack *s;
    dgs_error e;
    const dgs_result *none[1] = {NULL};
    assert_int_equal(dgs_stack_results(rs, none, 1, NULL, &s, &e), DGS_E_INVALID_ARGUMENT);
    dgs_result *r[1] = {eval(rs, "A5.01.a", NULL)};
    dgs_fen_t before[1] = {-1};
    assert_int_equal(dgs_stack_results(rs, (const dgs_result *const *)r, 1, before, &s, &e), DGS_E_NEGATIVE);
    assert_int_equal(dgs_stack_results(rs, NULL, 0, NULL, &s, &e), DGS_OK);
    assert_int_equal(dgs_stack_total(s), 0);
    dgs_stack_free(s);
    dgs_result_free(r[0]);
}

/* ---- allocation ------------------------------------------------------------ */

static dgs_fen_t sum(const dgs_fen_t *v, size_t n)
{
    dgs_fen_t t = 0;
    for (size_t i = 0; i < n; i++)
        t += v[i];
    return t;
}

static void pro_rata_sums_exactly(void **state)
{
    (void)state;
    /* 100.00 yuan over three equal claims: 33.34 + 33.33 + 33.33 (tie → lower index). */
    dgs_fen_t claims[3] = {10000, 10000, 10000}, out[3];
    assert_int_equal(dgs_allocate(10000, claims, 3, DGS_ALLOCATE_PRO_RATA, out, NULL), DGS_OK);
    assert_int_equal(out[0], 3334);
    assert_int_equal(out[1], 3333);
    assert_int_equal(out[2], 3333);
    /* 100 fen over 100, 200, 300 (total 600): 16.67, 33.33, 50 → 16 + 33 + 50 = 99;
     * the last fen goes to the largest remainder (16.67): 17, 33, 50. */
    dgs_fen_t c2[3] = {100, 200, 300};
    assert_int_equal(dgs_allocate(100, c2, 3, DGS_ALLOCATE_PRO_RATA, out, NULL), DGS_OK);
    assert_int_equal(out[0], 17);
    assert_int_equal(out[1], 33);
    assert_int_equal(out[2], 50);
    /* Zero budget, a budget above the claims, one claim. */
    assert_int_equal(dgs_allocate(0, c2, 3, DGS_ALLOCATE_PRO_RATA, out, NULL), DGS_OK);
    assert_int_equal(sum(out, 3), 0);
    assert_int_equal(dgs_allocate(999999, c2, 3, DGS_ALLOCATE_PRO_RATA, out, NULL), DGS_OK);
    assert_int_equal(out[2], 300);   /* the budget exceeds the claims: each in full */
    dgs_fen_t one[1] = {500}, o1[1];
    assert_int_equal(dgs_allocate(123, one, 1, DGS_ALLOCATE_PRO_RATA, o1, NULL), DGS_OK);
    assert_int_equal(o1[0], 123);
}

static void pro_rata_a_million_claims(void **state)
{
    (void)state;
    size_t n = 1000000;
    dgs_fen_t *claims = malloc(n * sizeof *claims), *out = malloc(n * sizeof *out);
    uint64_t x = 88172645463325252ULL;
    for (size_t i = 0; i < n; i++) {
        x ^= x << 13, x ^= x >> 7, x ^= x << 17;
        claims[i] = (dgs_fen_t)(x % 100000000);
    }
    dgs_fen_t total = sum(claims, n), budget = total / 3 + 7;
    assert_int_equal(dgs_allocate(budget, claims, n, DGS_ALLOCATE_PRO_RATA, out, NULL), DGS_OK);
    assert_int_equal(sum(out, n), budget);
    for (size_t i = 0; i < n; i++) {
        assert_true(out[i] <= claims[i]);
        /* Each share is within one fen of the exact proportion. */
        wide_int exact_num = (wide_int)budget * claims[i];
        assert_true((wide_int)out[i] * total <= exact_num + total);
        assert_true((wide_int)out[i] * total >= exact_num - total);
    }
    free(claims);
    free(out);
}

static void first_come_first_served(void **state)
{
    (void)state;
    dgs_fen_t claims[4] = {500, 300, 400, 100}, out[4];
    assert_int_equal(dgs_allocate(1000, claims, 4, DGS_ALLOCATE_FIRST_COME, out, NULL), DGS_OK);
    assert_int_equal(out[0], 500);
    assert_int_equal(out[1], 300);
    assert_int_equal(out[2], 200);
    assert_int_equal(out[3], 0);
}

static void allocation_errors(void **state)
{
    (void)state;
    dgs_error e;
    dgs_fen_t claims[2] = {5, -1}, out[2];
    assert_int_equal(dgs_allocate(10, claims, 2, DGS_ALLOCATE_PRO_RATA, out, &e), DGS_E_NEGATIVE);
    assert_int_equal(e.row, 1);
    assert_int_equal(dgs_allocate(-10, claims, 1, DGS_ALLOCATE_PRO_RATA, out, &e), DGS_E_NEGATIVE);
    assert_int_equal(dgs_allocate(10, claims, 1, 99, out, &e), DGS_E_INVALID_ARGUMENT);
    assert_int_equal(dgs_allocate(10, NULL, 1, DGS_ALLOCATE_PRO_RATA, out, &e), DGS_E_INVALID_ARGUMENT);
    dgs_fen_t big[2] = {INT64_MAX, 1};
    assert_int_equal(dgs_allocate(10, big, 2, DGS_ALLOCATE_PRO_RATA, out, &e), DGS_E_OVERFLOW);
    assert_int_equal(dgs_allocate(10, NULL, 0, DGS_ALLOCATE_PRO_RATA, NULL, &e), DGS_OK);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(explicit_group_pays_the_highest),
        cmocka_unit_test(top_up_after_a_lower_award),
        cmocka_unit_test(restatements_count_once),
        cmocka_unit_test(branch_groups),
        cmocka_unit_test(stacking_scope_is_a_reading),
        cmocka_unit_test(upgrade_reading),
        cmocka_unit_test(stacking_errors),
        cmocka_unit_test(already_granted_does_not_wrap),
        cmocka_unit_test(pro_rata_sums_exactly),
        cmocka_unit_test(pro_rata_a_million_claims),
        cmocka_unit_test(first_come_first_served),
        cmocka_unit_test(allocation_errors),
    };
    return cmocka_run_group_tests_name("stack", tests, setup, teardown);
}
