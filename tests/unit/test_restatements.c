/* SPDX-License-Identifier: MulanPSL-2.0 */
/*
 * Opinion items that restate an attachment measure are computed through it:
 * the same inputs, the same amount, the same trace, its parameters (a
 * guideline changing the attachment changes the item), one exclusive group,
 * so the benefit is paid once.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "dgsubsidy/dgsubsidy.h"
#include "engine/engine.h"

static dgs_ruleset *rs;

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
            fail_msg("%s: %s", id, e.message);
    va_end(ap);
    if (dgs_evaluate(c, &res, &e))
        fail_msg("%s: %s", id, e.message);
    dgs_case_free(c);
    return res;
}

/* Each restatement and its source, evaluated with the same inputs, give the
 * same outcome, amount and trace, and fall in the same group. */
static void same_amount_same_trace_same_group(void **state)
{
    (void)state;
    struct { const char *op, *src, *in1, *v1; } cases[] = {
        {"OP.22.b", "A4.09.c", "tier", "demonstration"},
        {"OP.22.d", "A4.09.a", "premium_paid", "1000000"},
        {"OP.23.b", "A5.04.b", "tier", "ccc_lab"},
        {"OP.23.d", "A5.07.b", "assessed", "80000"},
        {"OP.21.a", "A3.03.b", "assessed", "6000000"},
        {"OP.20.b", "A1.04.a", "contract_amount", "300000"},
        {"OP.19.a", "A1.10.a", "new_purchases", "85432109"},
        {"OP.12.a", "A2.07.a", "rent_paid", "456789.12"},
        {"OP.12.b", "A2.07.b", "build_cost", "650000"},
        {"OP.21.b", "A3.07.a", "assessed", "700000"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        const dgs_measure *op = dgs_ruleset_find(rs, cases[i].op), *src = dgs_ruleset_find(rs, cases[i].src);
        assert_string_equal(dgs_measure_restates(op, 0), cases[i].src);
        assert_null(dgs_measure_restates(op, 1));
        assert_int_equal(dgs_measure_input_count(op), dgs_measure_input_count(src));
        long k = dgs_measure_input_index(src, cases[i].in1);
        if (k < 0 || dgs_measure_input_type(src, (size_t)k) == DGS_TYPE_CHOICE) {
            /* a choice: take the first when the name given is not one (tests the shape only) */
        }
        dgs_result *a = eval(rs, cases[i].op, cases[i].in1, cases[i].v1, NULL);
        dgs_result *b = eval(rs, cases[i].src, cases[i].in1, cases[i].v1, NULL);
        assert_int_equal(dgs_result_outcome(a), dgs_result_outcome(b));
        assert_int_equal(dgs_result_award(a), dgs_result_award(b));
        assert_true(dgs_result_award(a) > 0);
        assert_string_equal(dgs_result_computed_by(a), cases[i].src);
        assert_string_equal(dgs_result_computed_by(b), cases[i].src);
        assert_true(*dgs_result_group(a));
        assert_string_equal(dgs_result_group(a), dgs_result_group(b));
        assert_int_equal(dgs_result_step_count(a), dgs_result_step_count(b));
        for (size_t s = 0; s < dgs_result_step_count(a); s++) {
            assert_string_equal(dgs_result_step_label(a, s, DGS_LANG_ZH), dgs_result_step_label(b, s, DGS_LANG_ZH));
            assert_int_equal(dgs_result_step_amount(a, s), dgs_result_step_amount(b, s));
            assert_string_equal(dgs_result_step_reference(a, s), dgs_result_step_reference(b, s));
        }
        /* the text cites the clause it was computed through */
        char *text = NULL;
        assert_int_equal(dgs_result_render(a, DGS_FORMAT_TEXT, DGS_LANG_ZH, &text, NULL), DGS_OK);
        assert_non_null(strstr(text, cases[i].src));
        dgs_free(text);
        /* stacked: paid once */
        const dgs_result *both[2] = {a, b};
        dgs_stack *st;
        assert_int_equal(dgs_stack_results(rs, both, 2, NULL, &st, NULL), DGS_OK);
        /* a ceiling still to be assessed is paid by neither: it waits once, up to its amount */
        if (dgs_result_outcome(b) == DGS_OUTCOME_UP_TO) {
            assert_int_equal(dgs_stack_total(st), 0);
            assert_int_equal(dgs_stack_up_to_total(st), dgs_result_award(b));
        } else {
            assert_int_equal(dgs_stack_total(st), dgs_result_award(b));
        }
        dgs_stack_free(st);
        dgs_result_free(a);
        dgs_result_free(b);
    }
}

/* OP.22.b: 对入选省外贸综合服务企业重点培育名单的给予奖励 ← A4.09.c 8万/6万/3万, one-off. */
static void op_22_b_pays_the_attachment_amounts(void **state)
{
    (void)state;
    const char *tiers[] = {"digital_platform", "demonstration", "growth"};
    const dgs_fen_t want[] = {8000000, 6000000, 3000000};
    const dgs_measure *m = dgs_ruleset_find(rs, "A4.09.c");
    for (size_t t = 0; t < 3; t++) {
        if (dgs_measure_input_choice(m, 0, t) == NULL)
            fail_msg("A4.09.c has no choice %zu", t);
        dgs_result *r = eval(rs, "OP.22.b", dgs_measure_input_name(m, 0), dgs_measure_input_choice(m, 0, t), NULL);
        assert_int_equal(dgs_result_outcome(r), DGS_OUTCOME_GRANTED);
        assert_int_equal(dgs_result_award(r), want[t]);
        dgs_result_free(r);
        (void)tiers;
    }
}

/* The source's parameters decide: a guideline changing A4.09.a's ratio changes
 * OP.22.d; one aimed at the restatement's own copy is refused, not ignored. */
static void the_source_parameters_decide(void **state)
{
    (void)state;
    dgs_ruleset *g = NULL;
    dgs_error e;
    assert_int_equal(dgs_ruleset_set_parameter(rs, "A4.09.a", "ratio", "20%", NULL, NULL, "test", &g, &e), DGS_OK);
    dgs_result *r = eval(g, "OP.22.d", "premium_paid", "1000000", NULL);
    assert_int_equal(dgs_result_award(r), 20000000);    /* 20% × 1,000,000 = 200,000 */
    dgs_result_free(r);
    r = eval(rs, "OP.22.d", "premium_paid", "1000000", NULL);
    assert_int_equal(dgs_result_award(r), 30000000);    /* 30% × 1,000,000 = 300,000 */
    dgs_result_free(r);
    dgs_ruleset_free(g);
    g = NULL;
    assert_int_equal(dgs_ruleset_set_parameter(rs, "OP.22.d", "ratio", "20%", NULL, NULL, "test", &g, &e),
                     DGS_E_UNKNOWN_PARAMETER);
    assert_non_null(strstr(e.message, "A4.09.a"));
    assert_null(g);
    const char *json = "{\"changes\": [{\"measure\": \"OP.19.a\", \"parameter\": \"cap_per_year\", \"value\": \"1\"}]}";
    assert_int_equal(dgs_ruleset_apply_guideline(rs, json, strlen(json), "test", &g, &e), DGS_E_GUIDELINE);
    assert_non_null(strstr(e.message, "A1.10.a"));
    /* the restatement has no parameters of its own: a program that sets every unset
     * parameter of every measure sets the source's */
    assert_int_equal(dgs_measure_parameter_count(dgs_ruleset_find(rs, "OP.22.d")), 0);
    assert_true(dgs_measure_parameter_count(dgs_ruleset_find(rs, "A4.09.a")) > 0);
}

/* OP.23.c ← A5.09.b (东莞优品 10万) or A5.09.c (中国精品 30万), as its input says;
 * the batch agrees with the scalar path; each in one group with its source. */
static void op_23_c_two_sources(void **state)
{
    (void)state;
    const dgs_measure *m = dgs_ruleset_find(rs, "OP.23.c");
    assert_string_equal(dgs_measure_restates(m, 0), "A5.09.b");
    assert_string_equal(dgs_measure_restates(m, 1), "A5.09.c");
    assert_null(dgs_measure_restates(m, 2));
    dgs_result *b = eval(rs, "OP.23.c", "honour", "dongguan_premium", NULL);
    dgs_result *c = eval(rs, "OP.23.c", "honour", "china_premium", NULL);
    assert_int_equal(dgs_result_award(b), 10000000);
    assert_int_equal(dgs_result_award(c), 30000000);
    assert_string_equal(dgs_result_computed_by(c), "A5.09.c");
    dgs_result *src = eval(rs, "A5.09.c", NULL);
    assert_string_equal(dgs_result_group(c), dgs_result_group(src));
    assert_true(*dgs_result_group(c));
    assert_string_not_equal(dgs_result_group(b), dgs_result_group(c));
    const dgs_result *both[2] = {c, src};
    dgs_stack *st;
    assert_int_equal(dgs_stack_results(rs, both, 2, NULL, &st, NULL), DGS_OK);
    assert_int_equal(dgs_stack_total(st), 30000000);
    dgs_stack_free(st);
    int64_t choice[3] = {0, 1, 5};
    const int64_t *cols[1] = {choice};
    const char *names[1] = {"honour"};
    dgs_fen_t awards[3];
    int32_t outcomes[3];
    dgs_error e;
    assert_int_equal(dgs_evaluate_batch(m, "2025-06-01", 3, 1, names, cols, NULL, awards, outcomes, &e), DGS_E_CHOICE);
    assert_int_equal(awards[0], 10000000);
    assert_int_equal(awards[1], 30000000);
    assert_int_equal(outcomes[2], DGS_OUTCOME_INVALID);
    assert_int_equal(e.row, 2);
    /* a missing choice is an error, never a silent amount */
    dgs_case *cs;
    dgs_result *r = NULL;
    assert_int_equal(dgs_case_new(m, &cs, NULL), DGS_OK);
    assert_int_equal(dgs_case_set_date(cs, "2025-06-01", NULL), DGS_OK);
    assert_int_equal(dgs_evaluate(cs, &r, &e), DGS_E_MISSING_INPUT);
    dgs_case_free(cs);
    dgs_result_free(b);
    dgs_result_free(c);
    dgs_result_free(src);
}

/* The batch path computes a single-source restatement as the scalar path does. */
static void batch_goes_through_the_source(void **state)
{
    (void)state;
    int64_t premium[2] = {100000000, 300000000};   /* 1,000,000 and 3,000,000 yuan */
    const int64_t *cols[1] = {premium};
    const char *names[1] = {"premium_paid"};
    dgs_fen_t awards[2];
    int32_t outcomes[2];
    assert_int_equal(dgs_evaluate_batch(dgs_ruleset_find(rs, "OP.22.d"), "2025-06-01", 2, 1, names, cols, NULL,
                                        awards, outcomes, NULL), DGS_OK);
    assert_int_equal(awards[0], 30000000);   /* 30% × 1,000,000 */
    assert_int_equal(awards[1], 50000000);   /* 30% × 3,000,000 = 900,000 → 每年50万 */
    /* an exact amount restated keeps its exactness in the batch too (A4.09.c 给予 8 万元 is exact: R29) */
    int64_t tier[1] = {0};
    const int64_t *tcols[1] = {tier};
    const char *tnames[1] = {"tier"};
    assert_int_equal(dgs_evaluate_batch(dgs_ruleset_find(rs, "OP.22.b"), "2025-06-01", 1, 1, tnames, tcols, NULL,
                                        awards, outcomes, NULL), DGS_OK);
    assert_int_equal(awards[0], 8000000);
    assert_int_equal(outcomes[0], DGS_OUTCOME_GRANTED);
}

/* Every restatement is in one group with each of its sources (data check). */
static void every_restatement_shares_its_sources_group(void **state)
{
    (void)state;
    size_t n = 0;
    for (size_t i = 0; i < dgs_catalog_count; i++) {
        const measure_meta *meta = &dgs_catalog[i];
        if (!meta->restates)
            continue;
        n++;
        for (size_t k = 0; meta->restates[k]; k++) {
            const dgs_measure *src = dgs_ruleset_find(rs, meta->restates[k]);
            assert_non_null(src);
            assert_null(src->meta->restates);   /* no chains */
            assert_true(*dgs_measure_group(src));
            if (!meta->branches)
                assert_string_equal(meta->group, dgs_measure_group(src));
        }
        /* every branch names a choice of the item's input */
        const dgs_measure *m = dgs_ruleset_find(rs, meta->id);
        for (size_t b = 0; meta->branches && b < meta->branches->n; b++) {
            long k = dgs_measure_input_index(m, meta->branches->input);
            assert_true(k >= 0);
            bool found = false;
            for (size_t c = 0; dgs_measure_input_choice(m, (size_t)k, c); c++)
                found |= strcmp(dgs_measure_input_choice(m, (size_t)k, c), meta->branches->branches[b].choice) == 0;
            assert_true(found);
        }
    }
    assert_int_equal(n, 14);
}

/* OP.01.a, OP.02.a restate one branch: 国家级工业设计中心 ← A3.07.b, 中国质量奖 ← A5.09.a
 * (an exact 300万); the other branch is the item's own ceiling. */
static void branches_restate_one_choice(void **state)
{
    (void)state;
    dgs_result *cqa = eval(rs, "OP.02.a", "honour", "china_quality_award", "assessed", "1000000", NULL);
    assert_int_equal(dgs_result_award(cqa), 300000000);          /* 给予300万: exact, not assessed */
    assert_string_equal(dgs_result_computed_by(cqa), "A5.09.a");
    assert_string_equal(dgs_result_group(cqa), "G-CQA");
    dgs_result *tm = eval(rs, "OP.02.a", "honour", "well_known_trademark", "assessed", "1000000", NULL);
    assert_int_equal(dgs_result_award(tm), 100000000);           /* 最高300万, assessed 100万 */
    assert_string_equal(dgs_result_computed_by(tm), "OP.02.a");
    assert_string_equal(dgs_result_group(tm), "");
    /* a guideline on A3.07.b changes OP.01.a's design-centre branch, not its park branch */
    dgs_ruleset *g = NULL;
    assert_int_equal(dgs_ruleset_set_parameter(rs, "A3.07.b", "cap", "800000", NULL, NULL, "test", &g, NULL), DGS_OK);
    dgs_result *idc = eval(g, "OP.01.a", "recognition", "national_design_centre", NULL);
    dgs_result *park = eval(g, "OP.01.a", "recognition", "creative_design_park", NULL);
    assert_int_equal(dgs_result_award(idc), 80000000);
    assert_string_equal(dgs_result_computed_by(idc), "A3.07.b");
    assert_int_equal(dgs_result_award(park), 100000000);
    /* OP.01.a keeps its own parameters for its own branch */
    assert_int_equal(dgs_measure_parameter_count(dgs_ruleset_find(rs, "OP.01.a")), 1);
    /* the batch agrees, row by row */
    const dgs_measure *m = dgs_ruleset_find(g, "OP.01.a");
    int64_t rec[3] = {0, 1, 1}, assessed[3] = {5000000000, 5000000000, 30000000};
    uint8_t has[3] = {0, 0, 1};
    const int64_t *cols[2] = {rec, assessed};
    const uint8_t *pres[2] = {NULL, has};
    const char *names[2] = {"recognition", "assessed"};
    dgs_fen_t awards[3];
    int32_t outcomes[3];
    assert_int_equal(dgs_evaluate_batch(m, "2025-06-01", 3, 2, names, cols, pres, awards, outcomes, NULL), DGS_OK);
    assert_int_equal(awards[0], 100000000);   /* park: its own 100万 */
    assert_int_equal(awards[1], 80000000);    /* design centre: A3.07.b's 80万 */
    assert_int_equal(awards[2], 30000000);    /* assessed 30万 */
    int64_t honour[2] = {1, 0};
    const int64_t *hcols[1] = {honour};
    const char *hnames[1] = {"honour"};
    assert_int_equal(dgs_evaluate_batch(dgs_ruleset_find(rs, "OP.02.a"), "2025-06-01", 2, 1, hnames, hcols, NULL,
                                        awards, outcomes, NULL), DGS_OK);
    assert_int_equal(awards[0], 300000000);
    assert_int_equal(awards[1], 300000000);   /* the trademark's ceiling, no assessment */
    /* a bad row is reported as the scalar path reports it */
    int64_t bad[2] = {0, 7};
    const int64_t *bcols[1] = {bad};
    dgs_error e;
    assert_int_equal(dgs_evaluate_batch(dgs_ruleset_find(rs, "OP.02.a"), "2025-06-01", 2, 1, hnames, bcols, NULL,
                                        awards, outcomes, &e), DGS_E_CHOICE);
    assert_int_equal(e.row, 1);
    assert_int_equal(outcomes[1], DGS_OUTCOME_INVALID);
    dgs_result_free(cqa);
    dgs_result_free(tm);
    dgs_result_free(idc);
    dgs_result_free(park);
    dgs_ruleset_free(g);
}

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

/* A batch of an item computed through a branch checks every value as the
 * setters do, also one the branch does not read, and takes each input from one
 * column only: a negative `assessed` beside 中国质量奖's exact 300万 is an
 * invalid row (dgs_case_set_int refuses it), a column given twice an error. */
static void branch_batch_checks_every_value(void **state)
{
    (void)state;
    const dgs_measure *m = dgs_ruleset_find(rs, "OP.02.a");
    int64_t honour[2] = {1, 1}, assessed[2] = {-100, 100};   /* china_quality_award */
    const int64_t *cols[2] = {honour, assessed};
    const char *names[2] = {"honour", "assessed"};
    dgs_fen_t awards[2];
    int32_t outcomes[2];
    dgs_error e;
    assert_int_equal(dgs_evaluate_batch(m, "2025-06-01", 2, 2, names, cols, NULL, awards, outcomes, &e),
                     DGS_E_NEGATIVE);
    assert_int_equal(e.row, 0);
    assert_int_equal(outcomes[0], DGS_OUTCOME_INVALID);
    assert_int_equal(awards[0], 0);
    assert_int_equal(outcomes[1], DGS_OUTCOME_GRANTED);
    assert_int_equal(awards[1], 300000000);   /* 中国质量奖: 300 万元, exact */
    const char *twice[2] = {"honour", "honour"};
    const int64_t *tcols[2] = {honour, honour};
    assert_int_equal(dgs_evaluate_batch(m, "2025-06-01", 2, 2, twice, tcols, NULL, awards, outcomes, &e),
                     DGS_E_INVALID_ARGUMENT);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(same_amount_same_trace_same_group),
        cmocka_unit_test(op_22_b_pays_the_attachment_amounts),
        cmocka_unit_test(the_source_parameters_decide),
        cmocka_unit_test(op_23_c_two_sources),
        cmocka_unit_test(batch_goes_through_the_source),
        cmocka_unit_test(every_restatement_shares_its_sources_group),
        cmocka_unit_test(branches_restate_one_choice),
        cmocka_unit_test(branch_batch_checks_every_value),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
