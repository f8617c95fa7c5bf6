/* SPDX-License-Identifier: MulanPSL-2.0 */
/*
 * Stacking as administered: ceilings are not payments, 不重复享受 per object
 * and per year, ruleset-wide readings at the claim's date, caps across
 * claims, and stacking in O(n log n).  Every amount is worked by hand from
 * the clause quoted above its test.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <cmocka.h>

#include "dgsubsidy/dgsubsidy.h"
#include "measures/spec.h"
#include "measures/stacking.h"
#include "policy/ruleset.h"

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

/* Evaluates `id` at `date` with name/value text pairs, NULL-terminated. */
static dgs_result *eval_at(const dgs_ruleset *r, const char *id, const char *date, ...)
{
    dgs_case *c;
    dgs_result *res;
    dgs_error e;
    va_list ap;
    assert_int_equal(dgs_case_new(dgs_ruleset_find(r, id), &c, &e), DGS_OK);
    assert_int_equal(dgs_case_set_date(c, date, &e), DGS_OK);
    va_start(ap, date);
    for (const char *name; (name = va_arg(ap, const char *));)
        if (dgs_case_set_text(c, name, va_arg(ap, const char *), &e))
            fail_msg("%s", e.message);
    va_end(ap);
    if (dgs_evaluate(c, &res, &e))
        fail_msg("%s", e.message);
    dgs_case_free(c);
    return res;
}

static dgs_stack *stack(const dgs_ruleset *r, dgs_result **res, const char *const *objects, size_t n,
                        const dgs_fen_t *before)
{
    dgs_stack *s = NULL;
    dgs_error e;
    if (dgs_stack_claims(r, (const dgs_result *const *)res, objects, n, before, &s, &e))
        fail_msg("%s", e.message);
    return s;
}

static void free_all(dgs_result **r, size_t n)
{
    for (size_t i = 0; i < n; i++)
        dgs_result_free(r[i]);
}

static dgs_ruleset *with(const dgs_ruleset *base, const char *measure, const char *name, const char *value,
                         const char *from)
{
    dgs_ruleset *out;
    dgs_error e;
    if (dgs_ruleset_set_parameter(base, measure, name, value, from, NULL, NULL, &out, &e))
        fail_msg("%s", e.message);
    return out;
}

/* ---- ceilings ---------------------------------------------------------------- */

/* The ceilings are data of the measures: every 最高/不超过 X measure whose amount a
 * department assesses — the fixed_cap and tiered_fixed measures of the catalog
 * less the 9 exact amounts — 51 clauses, each with an `assessed` input.  An item
 * that restates one measure as a whole is computed through it, and is a ceiling
 * exactly when that measure is. */
static const measure_meta *meta_of(const char *id)
{
    for (size_t i = 0; i < dgs_catalog_count; i++)
        if (strcmp(dgs_catalog[i].id, id) == 0)
            return &dgs_catalog[i];
    return NULL;
}

static void ceilings_are_data_of_the_measures(void **state)
{
    (void)state;
    size_t clauses = 0, exact = 0;
    for (size_t i = 0; i < dgs_catalog_count; i++) {
        const measure_meta *m = &dgs_catalog[i];
        bool capped = m->kind == DGS_KIND_FIXED_CAP || m->kind == DGS_KIND_TIERED_FIXED;
        exact += m->fixed_amount && !m->restates;
        clauses += capped && !m->fixed_amount;
        bool whole = m->restates && !m->branches;
        if (whole) {
            const measure_meta *src = meta_of(m->restates[0]);
            assert_non_null(src);
            if (m->ceiling != src->ceiling)
                fail_msg("%s restates %s: a ceiling exactly when it is", m->id, src->id);
            continue;
        }
        if (m->ceiling != (capped && !m->fixed_amount))
            fail_msg("%s: the ceiling mark does not follow its kind", m->id);
        if (m->ceiling && (!m->spec || m->spec->in.assessed == NO_INPUT))
            fail_msg("%s: a ceiling must take the department's assessed amount", m->id);
    }
    assert_int_equal(clauses, 51);
    assert_int_equal(exact, 9);
}

/* Every measure, evaluated with its required inputs and no assessment, is up_to
 * exactly when it is a ceiling (or not a grant at all). */
static void only_ceilings_are_up_to(void **state)
{
    (void)state;
    for (size_t i = 0; i < dgs_ruleset_measure_count(rs); i++) {
        const dgs_measure *m = dgs_ruleset_measure_at(rs, i);
        dgs_case *c;
        dgs_result *r;
        assert_int_equal(dgs_case_new(m, &c, NULL), DGS_OK);
        assert_int_equal(dgs_case_set_date(c, "2025-06-01", NULL), DGS_OK);
        for (size_t k = 0; k < dgs_measure_input_count(m); k++) {
            if (!dgs_measure_input_required(m, k))
                continue;
            int type = dgs_measure_input_type(m, k);
            const char *v = type == DGS_TYPE_FLAG     ? "true"
                            : type == DGS_TYPE_CHOICE ? dgs_measure_input_choice(m, k, 0)
                            : type == DGS_TYPE_COUNT  ? "5"
                                                      : "60000000";
            assert_int_equal(dgs_case_set_text(c, dgs_measure_input_name(m, k), v, NULL), DGS_OK);
        }
        const measure_meta *meta = &dgs_catalog[i];
        if (meta->branches) {   /* an item whose branches restate other measures: judged per branch */
            dgs_case_free(c);
            continue;
        }
        if (dgs_evaluate(c, &r, NULL) != DGS_OK) {
            /* a measure whose inputs are alternatives needs one of them: not a ceiling */
            if (meta->ceiling)
                fail_msg("%s: a ceiling that cannot be evaluated with its required inputs", meta->id);
            dgs_case_free(c);
            continue;
        }
        int o = dgs_result_outcome(r);
        if (meta->ceiling && o != DGS_OUTCOME_UP_TO && o != DGS_OUTCOME_INELIGIBLE)
            fail_msg("%s: a ceiling without an assessed amount gave %s", meta->id, dgs_outcome_name(o));
        if (!meta->ceiling && o == DGS_OUTCOME_UP_TO)
            fail_msg("%s: not a ceiling, yet up_to", meta->id);
        dgs_result_free(r);
        dgs_case_free(c);
    }
}

/* 附件5（四）对每个国家级……检验检测平台分别给予不超过 3000 万元……资助:
 * without an assessment, up to 30,000,000 (to be assessed), in text and JSON;
 * assessed at 20,000,000, that is granted. */
static void a_ceiling_is_up_to(void **state)
{
    (void)state;
    dgs_result *r = eval_at(rs, "A5.04.a", "2025-06-01", "tier", "national", NULL);
    assert_int_equal(dgs_result_outcome(r), DGS_OUTCOME_UP_TO);
    assert_int_equal(dgs_result_award(r), 3000000000);
    assert_string_equal(dgs_outcome_name(DGS_OUTCOME_UP_TO), "up_to");
    char *text;
    assert_int_equal(dgs_result_render(r, DGS_FORMAT_TEXT, DGS_LANG_ZH, &text, NULL), DGS_OK);
    assert_non_null(strstr(text, "最高 30,000,000.00 元（待核定）"));
    dgs_free(text);
    assert_int_equal(dgs_result_render(r, DGS_FORMAT_TEXT, DGS_LANG_EN, &text, NULL), DGS_OK);
    assert_non_null(strstr(text, "up to CNY 30,000,000.00 (to be assessed)"));
    dgs_free(text);
    assert_int_equal(dgs_result_render(r, DGS_FORMAT_JSON, DGS_LANG_EN, &text, NULL), DGS_OK);
    assert_non_null(strstr(text, "\"outcome\": \"up_to\""));
    assert_non_null(strstr(text, "\"award\": \"30000000.00\""));
    dgs_free(text);
    dgs_result_free(r);

    r = eval_at(rs, "A5.04.a", "2025-06-01", "tier", "national", "assessed", "20000000", NULL);
    assert_int_equal(dgs_result_outcome(r), DGS_OUTCOME_GRANTED);
    assert_int_equal(dgs_result_award(r), 2000000000);
    dgs_result_free(r);
    /* an exact amount (附件5（一）给予 … 资助) stays a payment */
    r = eval_at(rs, "A3.08.a", "2025-06-01", NULL);
    assert_int_equal(dgs_result_outcome(r), DGS_OUTCOME_GRANTED);
    assert_int_equal(dgs_result_award(r), 10000000);
    dgs_result_free(r);
}

/* The same platform: A5.04.a (≤3000万, not assessed) and A3.08.b (国家级 1:3 of
 * provincial funds 500万 = 1500万).  The computed 1500万 is paid; the ceiling is
 * pending and could add at most 3000万 − 1500万 = 1500万. */
static void a_ceiling_never_beats_a_computed_amount(void **state)
{
    (void)state;
    dgs_result *r[2] = {
        eval_at(rs, "A5.04.a", "2025-06-01", "tier", "national", NULL),
        eval_at(rs, "A3.08.b", "2025-06-01", "tier", "national", "provincial_funds", "5000000", NULL),
    };
    dgs_stack *s = stack(rs, r, NULL, 2, NULL);
    assert_int_equal(dgs_stack_decision(s, 0), DGS_STACK_PENDING_ASSESSMENT);
    assert_string_equal(dgs_stack_decision_name(DGS_STACK_PENDING_ASSESSMENT), "pending_assessment");
    assert_int_equal(dgs_stack_paid(s, 0), 0);
    assert_int_equal(dgs_stack_winner(s, 0), 1);
    assert_int_equal(dgs_stack_decision(s, 1), DGS_STACK_PAID);
    assert_int_equal(dgs_stack_paid(s, 1), 1500000000);
    assert_int_equal(dgs_stack_total(s), 1500000000);
    assert_int_equal(dgs_stack_up_to(s, 0), 1500000000);
    assert_int_equal(dgs_stack_up_to_total(s), 1500000000);
    assert_non_null(strstr(dgs_stack_reason(s, 0, DGS_LANG_EN), "tops up the difference"));
    assert_non_null(strstr(dgs_stack_reason(s, 0, DGS_LANG_ZH), "补足差额"));
    char *json;
    assert_int_equal(dgs_stack_render(s, DGS_FORMAT_JSON, DGS_LANG_EN, &json, NULL), DGS_OK);
    assert_non_null(strstr(json, "\"total\": \"15000000.00\""));
    assert_non_null(strstr(json, "\"up_to_total\": \"15000000.00\""));
    assert_non_null(strstr(json, "\"decision\": \"pending_assessment\""));
    dgs_free(json);
    dgs_stack_free(s);
    free_all(r, 2);
}

/* Ceilings alone are never paid: A1.19.a's 最高 300 万元 (链主, G-A1.19) with no
 * assessment pays nothing; 300万 is still to be assessed.  Outside groups too
 * (A2.05.a 不超过 3 万元). */
static void ceilings_alone_are_not_paid(void **state)
{
    (void)state;
    dgs_result *r[2] = {
        eval_at(rs, "A1.19.a", "2025-06-01", NULL),
        eval_at(rs, "A2.05.a", "2025-06-01", "recognised", "true", NULL),
    };
    dgs_stack *s = stack(rs, r, NULL, 2, NULL);
    assert_int_equal(dgs_stack_decision(s, 0), DGS_STACK_PENDING_ASSESSMENT);
    assert_int_equal(dgs_stack_decision(s, 1), DGS_STACK_PENDING_ASSESSMENT);
    assert_int_equal(dgs_stack_total(s), 0);
    assert_int_equal(dgs_stack_up_to_total(s), 300000000 + 3000000);
    dgs_stack_free(s);
    free_all(r, 2);
}

/* ---- objects ------------------------------------------------------------------- */

/* G-MATCH is about a project.  A1.01.a for P1 (国家 600万 × 1:1 = 600万) and
 * A2.01.d for P2 (省 400万 × 1:0.5 = 200万): different projects, both paid (800万);
 * for the same project, once, the higher (600万); with no objects, as in 1.0. */
static void different_projects_do_not_compete(void **state)
{
    (void)state;
    dgs_result *r[2] = {
        eval_at(rs, "A1.01.a", "2025-06-01", "national_funds", "6000000", "provincial_funds", "0", "total_investment",
                "100000000", NULL),
        eval_at(rs, "A2.01.d", "2025-06-01", "national_funds", "0", "provincial_funds", "4000000", NULL),
    };
    const char *two[2] = {"P1", "P2"}, *one[2] = {"P1", "P1"};
    dgs_stack *s = stack(rs, r, two, 2, NULL);
    assert_int_equal(dgs_stack_total(s), 800000000);
    assert_string_equal(dgs_stack_object(s, 1), "P2");
    assert_string_equal(dgs_stack_object_kind(s, 1), "project");
    dgs_stack_free(s);
    s = stack(rs, r, one, 2, NULL);
    assert_int_equal(dgs_stack_total(s), 600000000);
    assert_int_equal(dgs_stack_decision(s, 1), DGS_STACK_SUPERSEDED);
    dgs_stack_free(s);
    s = stack(rs, r, NULL, 2, NULL);
    assert_int_equal(dgs_stack_total(s), 600000000);
    assert_string_equal(dgs_stack_object(s, 0), "");
    /* ... and says so: two claims of a benefit per project that name no project were read as one. */
    assert_true(dgs_stack_flags(s, 0) & DGS_STACK_FLAG_NO_OBJECT);
    assert_true(dgs_stack_flags(s, 1) & DGS_STACK_FLAG_NO_OBJECT);
    char *text = NULL;
    assert_int_equal(dgs_stack_render(s, DGS_FORMAT_TEXT, DGS_LANG_EN, &text, NULL), DGS_OK);
    assert_non_null(strstr(text, "[no object named: read as one project with the other claims of G-MATCH"));
    dgs_free(text);
    assert_int_equal(dgs_stack_render(s, DGS_FORMAT_TEXT, DGS_LANG_ZH, &text, NULL), DGS_OK);
    assert_non_null(strstr(text, "〔未填写对象：与 G-MATCH 中其他未填写对象的申报视为同一项目"));
    dgs_free(text);
    assert_int_equal(dgs_stack_render(s, DGS_FORMAT_JSON, DGS_LANG_EN, &text, NULL), DGS_OK);
    assert_non_null(strstr(text, "\"no_object\""));
    dgs_free(text);
    dgs_stack_free(s);
    /* Named, or one claim alone, or a benefit of the enterprise: nothing to say. */
    s = stack(rs, r, two, 2, NULL);
    assert_int_equal(dgs_stack_flags(s, 0) | dgs_stack_flags(s, 1), 0);
    dgs_stack_free(s);
    s = stack(rs, r, NULL, 1, NULL);
    assert_int_equal(dgs_stack_flags(s, 0), 0);
    dgs_stack_free(s);
    free_all(r, 2);
}

/* G-BZ-PROCURE is a 每年 award: A1.10.a 1% of new purchases, 每年最高300万.
 * 2024: 1% × 2亿 = 200万; 2025: 1% × 1亿 = 100万 — two years, 300万; two claims of
 * one year compete (the higher, 200万). */
static void years_of_a_yearly_award_do_not_compete(void **state)
{
    (void)state;
    dgs_result *r[3] = {
        eval_at(rs, "A1.10.a", "2024-06-01", "new_purchases", "200000000", NULL),
        eval_at(rs, "A1.10.a", "2025-06-01", "new_purchases", "100000000", NULL),
        eval_at(rs, "A1.10.a", "2024-09-01", "new_purchases", "50000000", NULL),
    };
    dgs_stack *s = stack(rs, r, NULL, 2, NULL);
    assert_int_equal(dgs_stack_total(s), 300000000);
    dgs_stack_free(s);
    /* the third is of 2024 again: superseded by the first */
    s = stack(rs, r, NULL, 3, NULL);
    assert_int_equal(dgs_stack_total(s), 300000000);
    assert_int_equal(dgs_stack_decision(s, 2), DGS_STACK_SUPERSEDED);
    dgs_stack_free(s);
    free_all(r, 3);
}

/* G-A1.19 is about the enterprise (以上从高不重复享受): objects do not split it. */
static void an_enterprise_group_ignores_objects(void **state)
{
    (void)state;
    dgs_result *r[2] = {
        eval_at(rs, "A1.19.a", "2025-06-01", "assessed", "3000000", NULL),
        eval_at(rs, "A1.19.b", "2025-06-01", "assessed", "500000", NULL),
    };
    const char *objects[2] = {"chain leader", "little giant"};
    dgs_stack *s = stack(rs, r, objects, 2, NULL);
    assert_int_equal(dgs_stack_total(s), 300000000);
    assert_string_equal(dgs_stack_object_kind(s, 1), "enterprise");
    dgs_stack_free(s);
    s = stack(rs, r, NULL, 2, NULL);
    assert_int_equal(dgs_stack_flags(s, 0) | dgs_stack_flags(s, 1), 0);
    dgs_stack_free(s);
    free_all(r, 2);
}

/* A4.09.e (一次性支持, in no group) twice for one applicant: flagged; for two
 * objects, not. */

static void one_off_claimed_twice_is_flagged(void **state)
{
    (void)state;
    dgs_result *r[2] = {
        eval_at(rs, "A4.09.e", "2025-06-01", "usage_fee", "10000", NULL),
        eval_at(rs, "A4.09.e", "2025-06-01", "usage_fee", "20000", NULL),
    };
    dgs_stack *s = stack(rs, r, NULL, 2, NULL);
    assert_true(dgs_stack_flags(s, 0) & DGS_STACK_FLAG_REPEATED);
    assert_true(dgs_stack_flags(s, 1) & DGS_STACK_FLAG_REPEATED);
    assert_int_equal(dgs_stack_repeated_count(s), 2);
    char *json;
    assert_int_equal(dgs_stack_render(s, DGS_FORMAT_JSON, DGS_LANG_EN, &json, NULL), DGS_OK);
    assert_non_null(strstr(json, "\"repeated\""));
    dgs_free(json);
    assert_int_equal(dgs_stack_render(s, DGS_FORMAT_TEXT, DGS_LANG_ZH, &json, NULL), DGS_OK);
    assert_non_null(strstr(json, "重复申报"));
    dgs_free(json);
    dgs_stack_free(s);
    const char *objects[2] = {"system A", "system B"};
    s = stack(rs, r, objects, 2, NULL);
    assert_int_equal(dgs_stack_flags(s, 0), 0);
    assert_int_equal(dgs_stack_repeated_count(s), 0);
    dgs_stack_free(s);
    free_all(r, 2);
}

/* Every group of the catalog has its object, clause and scope in the data. */
static void every_group_has_its_object(void **state)
{
    (void)state;
    for (size_t i = 0; i < dgs_catalog_count; i++) {
        const char *g = dgs_catalog[i].group;
        if (!*g)
            continue;
        bool found = false;
        for (size_t k = 0; k < dgs_group_count; k++)
            found |= strcmp(dgs_groups[k].id, g) == 0;
        if (!found)
            fail_msg("%s: group %s has no entry in data/groups.json", dgs_catalog[i].id, g);
    }
    for (size_t k = 0; k < dgs_group_count; k++) {
        assert_true(*dgs_groups[k].clause);
        assert_true(*group_object_name(dgs_groups[k].object));
        if (k)
            assert_true(strcmp(dgs_groups[k - 1].id, dgs_groups[k].id) < 0);
        if (dgs_groups[k].reading) {
            int g = ruleset_global_index(dgs_groups[k].reading);
            assert_true(g >= 0);
            assert_true(ruleset_global_choice(g, dgs_groups[k].reading_value) >= 0);
        }
    }
    /* every cross-claim cap names parameters its measures have */
    for (size_t c = 0; c < dgs_cap_count; c++) {
        const dgs_measure *m = dgs_ruleset_find(rs, dgs_caps[c].measure);
        assert_non_null(m);
        bool has = false;
        for (size_t p = 0; p < dgs_measure_parameter_count(m); p++)
            has |= strcmp(dgs_measure_parameter_name(m, p), dgs_caps[c].parameter) == 0;
        assert_true(has);
        /* a switch that turns a cap on is a switch of at least one member, with that value */
        bool switched = !dgs_caps[c].when_parameter;
        for (size_t k = 0; k < CAP_MAX_MEMBERS && dgs_caps[c].members[k]; k++) {
            const dgs_measure *member = dgs_ruleset_find(rs, dgs_caps[c].members[k]);
            assert_non_null(member);
            for (size_t p = 0; dgs_caps[c].when_parameter && p < dgs_measure_parameter_count(member); p++) {
                if (strcmp(dgs_measure_parameter_name(member, p), dgs_caps[c].when_parameter) != 0)
                    continue;
                bool value = false;
                for (size_t j = 0; j < dgs_measure_parameter_choice_count(member, p); j++)
                    value |= strcmp(dgs_measure_parameter_choice(member, p, j), dgs_caps[c].when_value) == 0;
                assert_true(value);
                switched = true;
            }
        }
        if (!switched)
            fail_msg("cap %s: no member has the switch %s", dgs_caps[c].id, dgs_caps[c].when_parameter);
    }
}

/* ---- readings at the claim's date ------------------------------------------------ */

/* A guideline changes each ruleset-wide reading from 2025-01-01: a 2025 claim
 * follows it, a 2024 claim does not. */
static void readings_are_read_at_the_claims_date(void **state)
{
    (void)state;
    /* stacking_scope "text" from 2025: G-CQA (实施意见 and 附件5, whose text has
     * no 不重复享受 clause) pays both 300万 awards in 2025, one in 2024. */
    dgs_ruleset *text = with(rs, NULL, "stacking_scope", "text", "2025-01-01");
    for (int y = 0; y < 2; y++) {
        const char *date = y ? "2025-06-01" : "2024-06-01";
        dgs_result *r[2] = {
            eval_at(text, "OP.02.a", date, "honour", "china_quality_award", "assessed", "3000000", NULL),
            eval_at(text, "A5.09.a", date, "tier", "china", NULL),
        };
        dgs_stack *s = stack(text, r, NULL, 2, NULL);
        assert_int_equal(dgs_stack_total(s), y ? 600000000 : 300000000);
        dgs_stack_free(s);
        free_all(r, 2);
    }
    dgs_ruleset_free(text);

    /* nqi_station_group "same" from 2025: A3.08.a and A5.04.d (10万 each) are one
     * designation in 2025 (10万), two in 2024 (20万). */
    dgs_ruleset *same = with(rs, NULL, "nqi_station_group", "same", "2025-01-01");
    for (int y = 0; y < 2; y++) {
        const char *date = y ? "2025-06-01" : "2024-06-01";
        dgs_result *r[2] = {eval_at(same, "A3.08.a", date, NULL), eval_at(same, "A5.04.d", date, NULL)};
        assert_string_equal(dgs_result_group(r[0]), y ? "G-NQI-STATION" : "");
        dgs_stack *s = stack(same, r, NULL, 2, NULL);
        assert_int_equal(dgs_stack_total(s), y ? 10000000 : 20000000);
        dgs_stack_free(s);
        free_all(r, 2);
    }
    dgs_ruleset_free(same);

    /* upgrade_payment "full" from 2025: A5.05.b national assessed 50万 after a
     * provincial 30万 pays 50万 in 2025, the difference 20万 in 2024. */
    dgs_ruleset *full = with(rs, NULL, "upgrade_payment", "full", "2025-01-01");
    for (int y = 0; y < 2; y++) {
        dgs_result *r[1] = {eval_at(full, "A5.05.b", y ? "2025-06-01" : "2024-06-01", "tier", "national", "assessed",
                                    "500000", NULL)};
        dgs_fen_t before[1] = {30000000};
        dgs_stack *s = stack(full, r, NULL, 1, before);
        assert_int_equal(dgs_stack_total(s), y ? 50000000 : 20000000);
        dgs_stack_free(s);
        free_all(r, 1);
    }
    dgs_ruleset_free(full);

    /* rounding "half_up" from 2025: A4.09.e 50% of 0.03 yuan = 0.015: 0.02 in 2025, 0.01 in 2024. */
    dgs_ruleset *half = with(rs, NULL, "rounding", "half_up", "2025-01-01");
    for (int y = 0; y < 2; y++) {
        dgs_result *r = eval_at(half, "A4.09.e", y ? "2025-06-01" : "2024-06-01", "usage_fee", "0.03", NULL);
        assert_int_equal(dgs_result_award(r), y ? 2 : 1);
        dgs_result_free(r);
    }
    dgs_ruleset_free(half);

    /* validity_end moved to 2025-03-31 from 2025-01-01: a 2025-06 claim is out of
     * force, a 2024-06 claim is not (the window read at each claim's date). */
    dgs_ruleset *end = with(rs, NULL, "validity_end", "2025-03-31", "2025-01-01");
    dgs_result *r = eval_at(end, "A4.09.e", "2025-06-01", "usage_fee", "10000", NULL);
    assert_int_equal(dgs_result_outcome(r), DGS_OUTCOME_NOT_IN_FORCE);
    dgs_result_free(r);
    r = eval_at(end, "A4.09.e", "2024-06-01", "usage_fee", "10000", NULL);
    assert_int_equal(dgs_result_outcome(r), DGS_OUTCOME_GRANTED);
    dgs_result_free(r);
    dgs_ruleset_free(end);
}

/* The date-resolved view holds every reading of the date. */
static void the_view_of_a_date(void **state)
{
    (void)state;
    dgs_ruleset *text = with(rs, NULL, "stacking_scope", "text", "2025-01-01");
    ruleset_view v;
    int32_t d;
    assert_int_equal(dgs_date_parse("2024-12-31", &d), 0);
    ruleset_view_at(text, d, &v);
    assert_int_equal(v.g[G_STACKING_SCOPE], SCOPE_PACKAGE);
    ruleset_view_at(text, d + 1, &v);
    assert_int_equal(v.g[G_STACKING_SCOPE], SCOPE_TEXT);
    assert_int_equal(v.g[G_UPGRADE_PAYMENT], UPGRADE_DIFFERENCE);
    dgs_ruleset_free(text);
}

/* ---- caps across claims ------------------------------------------------------------ */

/* OP.10.a 每家企业每年最高 500 万元: three chain-leader claims of 2025, each
 * 20% × 1.1 = 22% of 1000万 = 220万 (limit 300万 × 1.1 = 330万): 220 + 220 + 60 = 500万.
 * A claim of 2026 is another year: its 220万 is paid. */
static void a_yearly_cap_across_claims(void **state)
{
    (void)state;
    dgs_result *r[4];
    for (int i = 0; i < 4; i++)
        r[i] = eval_at(rs, "OP.10.a", i == 3 ? "2026-06-01" : "2025-06-01", "tier", "chain_leader", "award_base",
                       "10000000", "base_ratio_bp", "2000", "base_limit", "3000000", NULL);
    assert_int_equal(dgs_result_award(r[0]), 220000000);
    dgs_stack *s = stack(rs, r, NULL, 4, NULL);
    assert_int_equal(dgs_stack_paid(s, 0), 220000000);
    assert_int_equal(dgs_stack_paid(s, 1), 220000000);
    assert_int_equal(dgs_stack_paid(s, 2), 60000000);
    assert_int_equal(dgs_stack_decision(s, 2), DGS_STACK_CAPPED);
    assert_string_equal(dgs_stack_decision_name(DGS_STACK_CAPPED), "capped");
    assert_non_null(strstr(dgs_stack_reason(s, 2, DGS_LANG_ZH), "每家企业每年最高 500 万元"));
    assert_int_equal(dgs_stack_paid(s, 3), 220000000);
    assert_int_equal(dgs_stack_total(s), 720000000);
    dgs_stack_free(s);
    free_all(r, 4);
}

/* 附件4（三）每个展会支持金额最高不超过 300 万元, for the venue-rent subsidy
 * (A4.03.a, a guideline ratio of 50%: 50% × 500万 = 250万) and the new-exhibition
 * support (A4.03.b: UFI 30万 + 5 steps of 5000 m² × 10万 = 80万) of one exhibition:
 * 80万 + 220万 = 300万; for two exhibitions, 330万. */
static void a_cap_per_exhibition_shared_by_two_measures(void **state)
{
    (void)state;
    dgs_ruleset *g = with(rs, "A4.03.a", "ratio", "50%", NULL);
    dgs_result *r[2] = {
        eval_at(g, "A4.03.b", "2025-06-01", "exhibition_area", "36500", "days", "4", "certified", "true", NULL),
        eval_at(g, "A4.03.a", "2025-06-01", "exhibition_area", "36500", "days", "4", "venue_rent", "5000000", NULL),
    };
    assert_int_equal(dgs_result_award(r[0]), 80000000);
    assert_int_equal(dgs_result_award(r[1]), 250000000);
    const char *one[2] = {"Expo 2025", "Expo 2025"}, *two[2] = {"Expo 2025", "Fair 2025"};
    dgs_stack *s = stack(g, r, one, 2, NULL);
    assert_int_equal(dgs_stack_paid(s, 0), 80000000);
    assert_int_equal(dgs_stack_paid(s, 1), 220000000);
    assert_int_equal(dgs_stack_decision(s, 1), DGS_STACK_CAPPED);
    assert_int_equal(dgs_stack_total(s), 300000000);
    dgs_stack_free(s);
    s = stack(g, r, two, 2, NULL);
    assert_int_equal(dgs_stack_total(s), 330000000);
    dgs_stack_free(s);
    free_all(r, 2);
    /* the other reading: the 300万 is the new-exhibition support's own cap */
    dgs_ruleset *own = with(g, "A4.03.a", "reading_exhibition_cap", "own", NULL);
    r[0] = eval_at(own, "A4.03.b", "2025-06-01", "exhibition_area", "36500", "days", "4", "certified", "true", NULL);
    r[1] = eval_at(own, "A4.03.a", "2025-06-01", "exhibition_area", "36500", "days", "4", "venue_rent", "5000000", NULL);
    s = stack(own, r, one, 2, NULL);
    assert_int_equal(dgs_stack_total(s), 330000000);
    dgs_stack_free(s);
    free_all(r, 2);
    dgs_ruleset_free(own);
    dgs_ruleset_free(g);
}

/* 附件1（七）每年最高贴息 150 万元: A1.07.a takes what the year already received.
 * 5% × 2800万 = 140万; 100万 already this year leaves 50万.  Two contracts of one
 * year in one stack: 140万 + 10万 (the same contract twice would be one benefit). */
static void a1_07_a_yearly_cap(void **state)
{
    (void)state;
    dgs_result *r[2] = {
        eval_at(rs, "A1.07.a", "2025-06-01", "financed_amount", "28000000", "interest_paid", "1500000",
                "granted_this_year", "1000000", NULL),
        NULL,
    };
    assert_int_equal(dgs_result_outcome(r[0]), DGS_OUTCOME_GRANTED);
    assert_int_equal(dgs_result_award(r[0]), 50000000);
    dgs_result_free(r[0]);
    r[0] = eval_at(rs, "A1.07.a", "2025-03-01", "financed_amount", "28000000", "interest_paid", "1500000", NULL);
    r[1] = eval_at(rs, "A1.07.a", "2025-09-01", "financed_amount", "28000000", "interest_paid", "1500000", NULL);
    /* two lease contracts (G-LEASE is about a contract; without objects they would be one) */
    const char *contracts[2] = {"lease 1", "lease 2"};
    dgs_stack *s = stack(rs, r, contracts, 2, NULL);
    assert_int_equal(dgs_stack_paid(s, 0), 140000000);
    assert_int_equal(dgs_stack_paid(s, 1), 10000000);
    assert_int_equal(dgs_stack_decision(s, 1), DGS_STACK_CAPPED);
    assert_int_equal(dgs_stack_total(s), 150000000);
    dgs_stack_free(s);
    free_all(r, 2);
}

/* 附件4（九）A4.09.a 每年每家企业累计支持金额不超过 50 万元 and A4.09.b 每家企业每年最高
 * 支持 50 万元: 30% of 150万 = 45万 each.  Separate caps (default): 90万; read as one
 * cap (reading_cap_scope = shared): 45万 + 5万 = 50万. */
static void a4_09_cap_scope_is_a_reading(void **state)
{
    (void)state;
    dgs_ruleset *a = with(rs, "A4.09.a", "reading_cap_scope", "shared", NULL);
    dgs_ruleset *shared = with(a, "A4.09.b", "reading_cap_scope", "shared", NULL);
    dgs_ruleset_free(a);
    for (int k = 0; k < 2; k++) {
        const dgs_ruleset *g = k ? shared : rs;
        dgs_result *r[2] = {
            eval_at(g, "A4.09.a", "2025-06-01", "premium_paid", "1500000", NULL),
            eval_at(g, "A4.09.b", "2025-06-01", "premium_paid", "1500000", NULL),
        };
        dgs_stack *s = stack(g, r, NULL, 2, NULL);
        assert_int_equal(dgs_stack_total(s), k ? 50000000 : 90000000);
        dgs_stack_free(s);
        free_all(r, 2);
    }
    dgs_ruleset_free(shared);
}

/* ---- errors and size ---------------------------------------------------------------- */

static void stacking_claims_errors(void **state)
{
    (void)state;
    dgs_result *r[1] = {eval_at(rs, "A4.09.e", "2025-06-01", "usage_fee", "100", NULL)};
    char longer[300];
    memset(longer, 'x', sizeof longer - 1);
    longer[sizeof longer - 1] = '\0';
    const char *objects[1] = {longer};
    dgs_stack *s = (dgs_stack *)1;
    dgs_error e;
    assert_int_equal(dgs_stack_claims(rs, (const dgs_result *const *)r, objects, 1, NULL, &s, &e), DGS_E_RANGE);
    assert_null(s);
    assert_non_null(strstr(e.message, "object"));
    /* one object written two ways would be two objects: refused instead */
    static const char *const bad[] = {"P1 ", " P1", "P\t1", "P\xff", "P\xc0\x81", "\xed\xa0\x80"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        objects[0] = bad[i];
        s = (dgs_stack *)1;
        assert_int_equal(dgs_stack_claims(rs, (const dgs_result *const *)r, objects, 1, NULL, &s, &e), DGS_E_VALUE);
        assert_null(s);
    }
    objects[0] = "项目 P1（二期）";
    assert_int_equal(dgs_stack_claims(rs, (const dgs_result *const *)r, objects, 1, NULL, &s, &e), DGS_OK);
    assert_string_equal(dgs_stack_object(s, 0), "项目 P1（二期）");
    dgs_stack_free(s);
    assert_int_equal(dgs_stack_claims(NULL, (const dgs_result *const *)r, NULL, 1, NULL, &s, &e), DGS_E_INVALID_ARGUMENT);
    assert_null(s);
    assert_int_equal(dgs_stack_up_to_total(NULL), 0);
    assert_null(dgs_stack_object(NULL, 0));
    assert_int_equal(dgs_stack_flags(NULL, 0), 0);
    free_all(r, 1);
}

/* The longest reasons (amounts of 20 digits, the longest clause) are whole: the
 * JSON report renders (a reason cut inside a character would not). */
static void long_reasons_render(void **state)
{
    (void)state;
    dgs_ruleset *g = with(rs, "A5.04.a", "cap_national", "92233720368547758.07", NULL);
    dgs_ruleset *shared = with(g, "A4.09.a", "reading_cap_scope", "shared", NULL);
    dgs_ruleset *both = with(shared, "A4.09.b", "reading_cap_scope", "shared", NULL);
    dgs_result *r[4] = {
        eval_at(both, "A5.04.a", "2025-06-01", "tier", "national", NULL),
        eval_at(both, "A3.08.b", "2025-06-01", "tier", "national", "provincial_funds", "5000000", NULL),
        eval_at(both, "A4.09.a", "2025-06-01", "premium_paid", "1500000", NULL),
        eval_at(both, "A4.09.b", "2025-06-01", "premium_paid", "1500000", NULL),
    };
    dgs_stack *s = stack(both, r, NULL, 4, NULL);
    assert_int_equal(dgs_stack_decision(s, 0), DGS_STACK_PENDING_ASSESSMENT);
    assert_int_equal(dgs_stack_decision(s, 3), DGS_STACK_CAPPED);
    assert_non_null(strstr(dgs_stack_reason(s, 0, DGS_LANG_EN), "tops up the difference"));
    assert_non_null(strstr(dgs_stack_reason(s, 3, DGS_LANG_EN), "left is paid"));
    for (int lang = DGS_LANG_ZH; lang <= DGS_LANG_EN; lang++) {
        char *json;
        assert_int_equal(dgs_stack_render(s, DGS_FORMAT_JSON, lang, &json, NULL), DGS_OK);
        assert_non_null(strstr(json, "92233720368547758.07"));
        dgs_free(json);
    }
    dgs_stack_free(s);
    free_all(r, 4);
    dgs_ruleset_free(both);
    dgs_ruleset_free(shared);
    dgs_ruleset_free(g);
}

static double seconds(void)
{
#if defined(TIME_UTC)
    struct timespec t;
    timespec_get(&t, TIME_UTC);
    return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
#else   /* a C library without C11's timespec_get (mingw-w64's msvcrt): processor time */
    return (double)clock() / CLOCKS_PER_SEC;
#endif
}

/* 10^5 claims (groups, objects, years, caps, ceilings) stack in well under the
 * bound: quadratic stacking took 14.6 s for 2·10^4 claims.  The totals are
 * checked against what each benefit pays. */
static void a_hundred_thousand_claims(void **state)
{
    (void)state;
    enum { N = 100000, OBJECTS = 1000 };
    dgs_result *kinds[4] = {
        eval_at(rs, "A1.01.a", "2025-06-01", "national_funds", "6000000", "provincial_funds", "0", "total_investment",
                "100000000", NULL),                                                           /* 600万, G-MATCH */
        eval_at(rs, "A2.01.d", "2025-06-01", "national_funds", "0", "provincial_funds", "4000000", NULL), /* 200万 */
        eval_at(rs, "A4.09.e", "2025-06-01", "usage_fee", "10000", NULL),                      /* 5,000, no group */
        eval_at(rs, "A5.04.a", "2025-06-01", "tier", "national", NULL),                        /* up to 3000万 */
    };
    dgs_result **r = malloc(N * sizeof *r);
    const char **objects = malloc(N * sizeof *objects);
    char (*names)[16] = malloc(OBJECTS * sizeof *names);
    assert_non_null(r);
    assert_non_null(objects);
    assert_non_null(names);
    for (int k = 0; k < OBJECTS; k++)
        snprintf(names[k], sizeof names[k], "P%d", k);
    for (int i = 0; i < N; i++) {
        r[i] = kinds[i % 4];
        objects[i] = names[(i / 4) % OBJECTS];
    }
    double t0 = seconds();
    dgs_stack *s = stack(rs, r, objects, N, NULL);
    double t = seconds() - t0;
    print_message("stacked %d claims in %.3f s\n", N, t);
    assert_true(t < 20.0);
    /* each of 1000 projects: G-MATCH pays 600万 once; A4.09.e is paid on every claim */
    assert_int_equal(dgs_stack_total(s), (dgs_fen_t)OBJECTS * 600000000 + (dgs_fen_t)(N / 4) * 500000);
    /* each project's ceiling (G-TEST-PLATFORM, the same project) is pending once: 3000万 */
    assert_int_equal(dgs_stack_up_to_total(s), (dgs_fen_t)OBJECTS * 3000000000);
    dgs_stack_free(s);
    free(r);
    free(objects);
    free(names);
    free_all(kinds, 4);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(ceilings_are_data_of_the_measures),
        cmocka_unit_test(only_ceilings_are_up_to),
        cmocka_unit_test(a_ceiling_is_up_to),
        cmocka_unit_test(a_ceiling_never_beats_a_computed_amount),
        cmocka_unit_test(ceilings_alone_are_not_paid),
        cmocka_unit_test(different_projects_do_not_compete),
        cmocka_unit_test(years_of_a_yearly_award_do_not_compete),
        cmocka_unit_test(an_enterprise_group_ignores_objects),
        cmocka_unit_test(one_off_claimed_twice_is_flagged),
        cmocka_unit_test(every_group_has_its_object),
        cmocka_unit_test(readings_are_read_at_the_claims_date),
        cmocka_unit_test(the_view_of_a_date),
        cmocka_unit_test(a_yearly_cap_across_claims),
        cmocka_unit_test(a_cap_per_exhibition_shared_by_two_measures),
        cmocka_unit_test(a1_07_a_yearly_cap),
        cmocka_unit_test(a4_09_cap_scope_is_a_reading),
        cmocka_unit_test(stacking_claims_errors),
        cmocka_unit_test(long_reasons_render),
        cmocka_unit_test(a_hundred_thousand_claims),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
