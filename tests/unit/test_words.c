/* SPDX-License-Identifier: MulanPSL-2.0 */
/*
 * The words of results: every refusal says what was found and what the
 * clause requires, with units, in both languages; Chinese output carries no
 * English words; each trace step carries its own value and the amount after
 * it; counts are rendered in their unit on every path.
 *
 * Checks of meaning, not snapshots: for every condition of every measure
 * (each threshold the trace of a passing case shows, and each condition
 * flag), the case is made to fail it and the reason must name the quantity,
 * give its value's digits and the requirement's digits with its unit word,
 * say it once, and in Chinese contain no ASCII letter.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "dgsubsidy/dgsubsidy.h"
#include "engine/engine.h"

static dgs_ruleset *base;

/* The built-in ruleset with every number a guideline must supply set, so
 * that every formula (and every condition in it) runs. */
static dgs_ruleset *supplied(void)
{
    dgs_ruleset *rs = NULL;
    assert_int_equal(dgs_ruleset_builtin(&rs, NULL), DGS_OK);
    for (size_t i = 0; i < dgs_catalog_count; i++) {
        const measure_meta *meta = &dgs_catalog[i];
        if (!meta->spec || meta->restates)
            continue;
        for (size_t p = 0; p < meta->spec->n_params; p++) {
            const param_def *d = &meta->spec->params[p];
            if (!(d->flags & P_UNSET))
                continue;
            const char *v = d->type == DGS_TYPE_RATIO ? "50%" : d->type == DGS_TYPE_MONEY ? "100000" : "1";
            dgs_ruleset *next = NULL;
            dgs_error e;
            if (dgs_ruleset_set_parameter(rs, meta->id, d->name, v, NULL, NULL, "test", &next, &e))
                fail_msg("%s.%s: %s", meta->id, d->name, e.message);
            dgs_ruleset_free(rs);
            rs = next;
        }
    }
    return rs;
}

/* Inputs under which every condition holds: large amounts and areas, 5 days,
 * the first year, conditions met. */
static int64_t passing_value(const input_def *in)
{
    switch (in->type) {
    case DGS_TYPE_MONEY:
        return 10000000000;   /* 1亿元 in fen */
    case DGS_TYPE_AREA:
        return 10000000;      /* 100,000 m² */
    case DGS_TYPE_FLAG:
        return 1;
    case DGS_TYPE_COUNT:
        return strcmp(in->unit, "days") == 0 ? 5 : 1;
    default:
        return 0;
    }
}

static dgs_result *evaluate(const dgs_measure *m, int k, int64_t value)
{
    const measure_spec *spec = m->meta->spec;
    dgs_case *c = NULL;
    dgs_result *r = NULL;
    dgs_error e;
    assert_int_equal(dgs_case_new(m, &c, &e), DGS_OK);
    assert_int_equal(dgs_case_set_date(c, "2025-03-01", &e), DGS_OK);
    for (size_t i = 0; i < spec->n_inputs; i++) {
        const input_def *in = &spec->inputs[i];
        if (in->type == DGS_TYPE_MONEY_LIST) {
            int64_t items[2] = {10000000, 10000000};
            assert_int_equal(dgs_case_set_list(c, in->name, items, 2, &e), DGS_OK);
            continue;
        }
        if (in->type == DGS_TYPE_MONEY && !in->required && strncmp(in->name, "granted", 7) == 0)
            continue;   /* nothing granted before */
        if (in->type == DGS_TYPE_MONEY && strcmp(in->name, "assessed") == 0)
            continue;
        assert_int_equal(dgs_case_set_int(c, in->name, (int)i == k ? value : passing_value(in), &e), DGS_OK);
    }
    /* Inputs that exclude each other (two forms of one figure, an input of a
     * reading not in force): the error names the one to leave out. */
    int rc;
    const char *q;
    while ((rc = dgs_evaluate(c, &r, &e)) == DGS_E_RANGE && (q = strstr(e.message, "input '")) != NULL) {
        char name[64];
        size_t len = strcspn(q + 7, "'");
        assert_true(len < sizeof name);
        memcpy(name, q + 7, len);
        name[len] = '\0';
        if (k >= 0 && strcmp(name, spec->inputs[k].name) == 0)
            break;
        assert_int_equal(dgs_case_unset(c, name, &e), DGS_OK);
    }
    if (rc)
        fail_msg("%s: %s", m->meta->id, e.message);
    dgs_case_free(c);
    return r;
}

/* Whether s holds an ASCII letter. */
static bool has_ascii_letter(const char *s)
{
    for (; *s; s++)
        if ((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z'))
            return true;
    return false;
}

static size_t count_of(const char *s, const char *what)
{
    size_t n = 0;
    for (const char *p = s; (p = strstr(p, what)); p += strlen(what))
        n++;
    return n;
}

/* The digits of a value as people read it: 10,000,000.00 for money (yuan,
 * grouped), 12,000.00 for an area, 3 for a count.  Written here, not taken
 * from the library. */
static void digits(int type, int64_t v, char *buf, size_t size)
{
    if (type == DGS_TYPE_COUNT) {
        snprintf(buf, size, "%lld", (long long)v);
        return;
    }
    char plain[24], grouped[32];
    snprintf(plain, sizeof plain, "%lld", (long long)(v / 100));
    size_t n = strlen(plain), o = 0;
    for (size_t i = 0; i < n; i++) {
        if (i && (n - i) % 3 == 0)
            grouped[o++] = ',';
        grouped[o++] = plain[i];
    }
    grouped[o] = '\0';
    snprintf(buf, size, "%s.%02lld", grouped, (long long)(v % 100));
}

static const char *unit_zh(int type, const char *unit)
{
    if (type == DGS_TYPE_MONEY)
        return "元";
    if (type == DGS_TYPE_AREA)
        return "平方米";
    return strcmp(unit, "days") == 0 ? "天" : strcmp(unit, "years") == 0 ? "年" : strcmp(unit, "months") == 0 ? "个月" : "人";
}

static const char *unit_en(int type, const char *unit)
{
    return type == DGS_TYPE_MONEY ? "CNY" : type == DGS_TYPE_AREA ? "m²" : unit;
}

/* Checks the reason of a failed threshold: the quantity's name, the value
 * found and the requirement, each with its unit, said once. */
static void check_threshold_reason(const dgs_result *r, const input_def *in, int64_t found)
{
    const measure_spec *spec = r->via->meta->spec;
    const param_def *p = &spec->params[r->failed];
    const char *zh = dgs_result_reason(r, DGS_LANG_ZH), *en = dgs_result_reason(r, DGS_LANG_EN);
    char f[64], req[64], want[128];
    digits(in->type, found, f, sizeof f);
    digits(p->type, r->params[r->failed].num, req, sizeof req);
    if (!strstr(zh, in->desc_zh) || !strstr(en, in->desc_en))
        fail_msg("%s: the reason does not name %s: %s / %s", r->m->meta->id, in->name, zh, en);
    snprintf(want, sizeof want, "%s %s", f, unit_zh(in->type, in->unit));
    if (!strstr(zh, want))
        fail_msg("%s: the reason does not give the value found '%s': %s", r->m->meta->id, want, zh);
    snprintf(want, sizeof want, "%s %s", req, unit_zh(p->type, p->unit));
    if (!strstr(zh, want))
        fail_msg("%s: the reason does not give the requirement '%s': %s", r->m->meta->id, want, zh);
    if (!strstr(en, f) || !strstr(en, req) || !strstr(en, unit_en(p->type, p->unit)) || !strstr(en, "required"))
        fail_msg("%s: the English reason lacks the value, requirement or unit: %s", r->m->meta->id, en);
    if (has_ascii_letter(zh))
        fail_msg("%s: English in the Chinese reason: %s", r->m->meta->id, zh);
    if (count_of(zh, "须") != 1 || count_of(zh, "不少于") + count_of(zh, "超过") > 1)
        fail_msg("%s: the requirement is said more than once: %s", r->m->meta->id, zh);
}

/* Checks every threshold a passing case of m shows, and every condition flag of m. */
static void check_conditions(const dgs_measure *m, size_t *thresholds, size_t *flags)
{
    const measure_spec *spec = m->meta->spec;
    /* The thresholds a passing case's trace shows, and the input each tests. */
    dgs_result *pass = evaluate(m, -1, 0);
    for (size_t s = 0; s < pass->n_steps; s++) {
        const step *st = &pass->steps[s];
        if (st->kind != STEP_THRESHOLD || s == 0 || pass->steps[s - 1].kind != STEP_INPUT)
            continue;
        int k = pass->steps[s - 1].src - SRC_INPUT;
        const input_def *in = &spec->inputs[k];
        /* Fail it: just below an inclusive minimum, at a strict one, above a maximum. */
        int64_t tries[3] = {st->value - 1, st->value, st->value + 1};
        bool failed = false;
        for (int t = 0; t < 3 && !failed; t++) {
            if (tries[t] < 0)
                continue;
            dgs_result *r = evaluate(m, k, tries[t]);
            if (r->outcome == DGS_OUTCOME_INELIGIBLE && r->failed == st->src) {
                check_threshold_reason(r, in, tries[t]);
                failed = true;
            }
            dgs_result_free(r);
        }
        if (!failed)
            fail_msg("%s: no value of %s fails its threshold %s", m->meta->id, in->name,
                     spec->params[st->src].name);
        (*thresholds)++;
    }
    dgs_result_free(pass);
    /* Condition flags: absent or false must refuse with the words of the absence. */
    for (size_t k = 0; k < spec->n_inputs; k++) {
        const input_def *in = &spec->inputs[k];
        if (in->type != DGS_TYPE_FLAG)
            continue;
        dgs_result *r = evaluate(m, (int)k, 0);
        if (r->why == WHY_FLAG) {
            const char *zh = dgs_result_reason(r, DGS_LANG_ZH), *en = dgs_result_reason(r, DGS_LANG_EN);
            if (!in->not_zh || !in->not_en)
                fail_msg("%s.%s: a condition must say what its absence is (IN_CONDITION)", m->meta->id, in->name);
            if (!strstr(zh, in->not_zh) || !strstr(zh, in->desc_zh) || strstr(zh, in->desc_zh) < strstr(zh, "须"))
                fail_msg("%s: the reason must say the condition is not met, then what is required: %s",
                         m->meta->id, zh);
            if (!strstr(en, in->not_en) || !strstr(en, "required"))
                fail_msg("%s: %s", m->meta->id, en);
            if (has_ascii_letter(zh))
                fail_msg("%s: English in the Chinese reason: %s", m->meta->id, zh);
            (*flags)++;
        }
        dgs_result_free(r);
    }
}

/* Every threshold and condition flag of every measure, under every reading
 * of the measure (a reading may add a condition: A1.07.a's entry bar). */
static void every_condition_says_what_was_found_and_required(void **state)
{
    (void)state;
    dgs_ruleset *rs = supplied();
    size_t thresholds = 0, flags = 0, readings = 0;
    for (size_t i = 0; i < dgs_ruleset_measure_count(rs); i++) {
        const dgs_measure *m = dgs_ruleset_measure_at(rs, i);
        const measure_spec *spec = m->meta->spec;
        if (!spec || m->meta->restates)
            continue;
        check_conditions(m, &thresholds, &flags);
        for (size_t p = 0; p < spec->n_params; p++) {
            const param_def *d = &spec->params[p];
            if (d->type != DGS_TYPE_SWITCH)
                continue;
            for (size_t v = 0; d->choices[v]; v++) {
                dgs_ruleset *g = NULL;
                dgs_error e;
                if (dgs_ruleset_set_parameter(rs, m->meta->id, d->name, d->choices[v], NULL, NULL, "test", &g, &e))
                    fail_msg("%s.%s=%s: %s", m->meta->id, d->name, d->choices[v], e.message);
                check_conditions(dgs_ruleset_find(g, m->meta->id), &thresholds, &flags);
                dgs_ruleset_free(g);
                readings++;
            }
        }
    }
    print_message("%zu thresholds, %zu condition flags checked (defaults and %zu readings)\n", thresholds, flags,
                  readings);
    /* A1.06.a (2), A1.06.b, A1.07.a (its entry bar), A4.02.1.a, A4.03.a, A4.03.c, A4.03.b (2 each), OP.15.a. */
    assert_true(thresholds >= 12);
    /* A2.05.a recognised, A4.08.a no problem found, and any added since. */
    assert_true(flags >= 2);
    dgs_ruleset_free(rs);
}

/* For every measure (with every number a guideline must supply set), each
 * step's own value is the figure of its source: a ratio step shows the ratio
 * in force, a cap, threshold, tier or per-unit step the parameter in force;
 * amounts are money, areas or counts; the last amount is the award. */
static void every_step_shows_its_own_figure(void **state)
{
    (void)state;
    dgs_ruleset *rs = supplied();
    size_t checked = 0;
    for (size_t i = 0; i < dgs_ruleset_measure_count(rs); i++) {
        const dgs_measure *m = dgs_ruleset_measure_at(rs, i);
        if (!m->meta->spec || !m->meta->spec->n_inputs || (m->meta->branches && !m->meta->branches->own))
            continue;
        dgs_result *r = evaluate(m, -1, 0);
        const measure_spec *spec = r->via->meta->spec;
        for (size_t k = 0; k < dgs_result_step_count(r); k++) {
            const step *st = &r->steps[k];
            int vt = dgs_result_step_type(r, k), at = dgs_result_step_amount_type(r, k);
            if (st->kind == STEP_INPUT ? at != vt : at != DGS_TYPE_MONEY && at != DGS_TYPE_AREA && at != DGS_TYPE_COUNT)
                fail_msg("%s step %zu: an amount of type %d", m->meta->id, k, at);
            if (vt == DGS_TYPE_RATIO && !(st->src >= 0 && st->src < SRC_INPUT &&
                                          spec->params[st->src].type == DGS_TYPE_RATIO &&
                                          st->value * r->params[st->src].den == r->params[st->src].num * st->den))
                fail_msg("%s step %zu: a ratio value that is not its parameter's", m->meta->id, k);
            bool param_figure = st->kind == STEP_CAP || st->kind == STEP_THRESHOLD || st->kind == STEP_TIER ||
                                st->kind == STEP_FIXED || st->kind == STEP_PER_UNIT || st->kind == STEP_RATIO;
            if (param_figure && st->src >= 0 && st->src < SRC_INPUT && st->value != r->params[st->src].num)
                fail_msg("%s step %zu (%s): value %lld is not the parameter's %lld", m->meta->id, k,
                         spec->params[st->src].name, (long long)st->value, (long long)r->params[st->src].num);
            if (st->kind == STEP_HEADROOM && st->amount > st->value)
                fail_msg("%s step %zu: more than the room left", m->meta->id, k);
        }
        size_t n = dgs_result_step_count(r);
        if (r->outcome == DGS_OUTCOME_GRANTED && n && dgs_result_step_amount(r, n - 1) != dgs_result_award(r))
            fail_msg("%s: the last amount is not the award", m->meta->id);
        char *json = NULL;
        assert_int_equal(dgs_result_render(r, DGS_FORMAT_JSON, DGS_LANG_ZH, &json, NULL), DGS_OK);
        if (n && (!strstr(json, "\"value\":") || !strstr(json, "\"amount\":")))
            fail_msg("%s: JSON steps without value and amount", m->meta->id);
        dgs_free(json);
        checked += n;
        dgs_result_free(r);
    }
    assert_true(checked > 300);
    dgs_ruleset_free(rs);
}

/* The two conditions the words used to turn round. */
static void negative_conditions_are_not_turned_round(void **state)
{
    (void)state;
    const dgs_measure *m = dgs_ruleset_find(base, "A2.05.a");
    int k = (int)dgs_measure_input_index(m, "recognised");
    dgs_result *r = evaluate(m, k, 0);
    assert_string_equal(dgs_result_reason(r, DGS_LANG_ZH), "不符合条件：未获认定为高新技术企业（须已获认定为高新技术企业）");
    assert_non_null(strstr(dgs_result_reason(r, DGS_LANG_EN), "not recognised"));
    dgs_result_free(r);
    m = dgs_ruleset_find(base, "A4.08.a");
    r = evaluate(m, (int)dgs_measure_input_index(m, "no_problem_found"), 0);
    assert_non_null(strstr(dgs_result_reason(r, DGS_LANG_ZH), "现场海关查验发现问题"));
    assert_true(strstr(dgs_result_reason(r, DGS_LANG_ZH), "发现问题") < strstr(dgs_result_reason(r, DGS_LANG_ZH), "须"));
    dgs_result_free(r);
}

/* Renders into *out (the caller frees it with dgs_free). */
#define RENDER(out, r, format, lang) assert_int_equal(dgs_result_render((r), (format), (lang), &(out), NULL), DGS_OK)

/* A1.07.a, financed 2800万, interest 150万: the cap step shows the cap (150万),
 * the interest step the interest (150万); the amounts after them 140万. */
static void steps_carry_their_value_and_the_amount_after(void **state)
{
    (void)state;
    const dgs_measure *m = dgs_ruleset_find(base, "A1.07.a");
    dgs_case *c;
    dgs_result *r;
    assert_int_equal(dgs_case_new(m, &c, NULL), DGS_OK);
    assert_int_equal(dgs_case_set_text(c, "date", "2025-03-01", NULL), DGS_OK);
    assert_int_equal(dgs_case_set_text(c, "financed_amount", "28000000", NULL), DGS_OK);
    assert_int_equal(dgs_case_set_text(c, "interest_paid", "1500000", NULL), DGS_OK);
    assert_int_equal(dgs_evaluate(c, &r, NULL), DGS_OK);
    assert_int_equal(dgs_result_award(r), 140000000);
    bool cap = false, interest = false;
    for (size_t i = 0; i < dgs_result_step_count(r); i++) {
        const char *src = dgs_result_step_source(r, i);
        if (strcmp(src, "cap_per_year") == 0) {
            cap = true;
            assert_int_equal(dgs_result_step_value(r, i, NULL), 150000000);
            assert_int_equal(dgs_result_step_amount(r, i), 140000000);
        }
        if (strcmp(src, "interest_paid") == 0) {
            interest = true;
            assert_int_equal(dgs_result_step_value(r, i, NULL), 150000000);
            assert_int_equal(dgs_result_step_amount(r, i), 140000000);
        }
    }
    assert_true(cap && interest);
    char *zh = NULL, *json = NULL;
    RENDER(zh, r, DGS_FORMAT_TEXT, DGS_LANG_ZH);
    RENDER(json, r, DGS_FORMAT_JSON, DGS_LANG_EN);
    assert_non_null(strstr(zh, "每年最高贴息：1,500,000.00 元 → 1,400,000.00 元"));
    /* a cap by an input is said as one */
    assert_non_null(strstr(zh, "不超过企业实际发生利息：1,500,000.00 元 → 1,400,000.00 元"));
    /* 起决定作用的限制 in Chinese words, not an identifier */
    char *b = strstr(zh, "起决定作用的限制：");
    assert_non_null(b);
    *strchr(b, '\n') = '\0';
    assert_false(has_ascii_letter(b));
    assert_non_null(strstr(json, "\"value\": \"1500000.00\""));
    assert_non_null(strstr(json, "\"amount\": \"1400000.00\""));
    assert_non_null(strstr(json, "\"value\": \"5%\""));
    dgs_free(zh);
    dgs_free(json);
    dgs_result_free(r);
    dgs_case_free(c);
}

/* A room-left step is labelled as the room, and shows the room, not the cap. */
static void headroom_is_labelled_as_room_left(void **state)
{
    (void)state;
    const dgs_measure *m = dgs_ruleset_find(base, "A4.03.b");
    dgs_case *c;
    dgs_result *r;
    assert_int_equal(dgs_case_new(m, &c, NULL), DGS_OK);
    assert_int_equal(dgs_case_set_text(c, "date", "2025-03-01", NULL), DGS_OK);
    assert_int_equal(dgs_case_set_text(c, "exhibition_area", "22000", NULL), DGS_OK);
    assert_int_equal(dgs_case_set_text(c, "days", "4", NULL), DGS_OK);
    assert_int_equal(dgs_case_set_text(c, "granted_to_date", "2900000", NULL), DGS_OK);
    assert_int_equal(dgs_evaluate(c, &r, NULL), DGS_OK);
    /* 20万 + 2 × 10万 = 40万; 300万 − 290万 leaves 10万 */
    assert_int_equal(dgs_result_award(r), 10000000);
    bool room = false;
    for (size_t i = 0; i < dgs_result_step_count(r); i++)
        if (strcmp(dgs_result_step_source(r, i), "cap_per_exhibition") == 0 && strstr(dgs_result_step_label(r, i, DGS_LANG_ZH), "尚余额度")) {
            /* the label is the library's own static text, the same for every result */
            assert_ptr_equal(dgs_result_step_label(r, i, DGS_LANG_ZH), dgs_result_step_label(r, i, DGS_LANG_ZH));
            room = true;
            assert_int_equal(dgs_result_step_value(r, i, NULL), 10000000);
            assert_non_null(strstr(dgs_result_step_label(r, i, DGS_LANG_EN), "room left"));
        }
    assert_true(room);
    char *zh = NULL;
    RENDER(zh, r, DGS_FORMAT_TEXT, DGS_LANG_ZH);
    assert_non_null(strstr(zh, "上限扣除已获后尚余额度（每个展会支持金额上限）：100,000.00 元"));
    dgs_free(zh);
    dgs_result_free(r);
    dgs_case_free(c);
}

/* A1.16.a base_quota=6: 12 places, on the result, in text and JSON, batch and stack. */
static void counts_render_in_their_unit(void **state)
{
    (void)state;
    const dgs_measure *m = dgs_ruleset_find(base, "A1.16.a");
    assert_int_equal(dgs_measure_unit_type(m), DGS_UNIT_PLACES);
    assert_int_equal(dgs_measure_unit_type(dgs_ruleset_find(base, "A1.07.a")), DGS_UNIT_FEN);
    dgs_case *c;
    dgs_result *r;
    assert_int_equal(dgs_case_new(m, &c, NULL), DGS_OK);
    assert_int_equal(dgs_case_set_text(c, "date", "2025-03-01", NULL), DGS_OK);
    assert_int_equal(dgs_case_set_text(c, "base_quota", "6", NULL), DGS_OK);
    assert_int_equal(dgs_evaluate(c, &r, NULL), DGS_OK);
    assert_int_equal(dgs_result_award(r), 12);
    assert_int_equal(dgs_result_unit_type(r), DGS_UNIT_PLACES);
    char *json = NULL, *zh = NULL, *en = NULL;
    RENDER(json, r, DGS_FORMAT_JSON, DGS_LANG_ZH);
    RENDER(zh, r, DGS_FORMAT_TEXT, DGS_LANG_ZH);
    RENDER(en, r, DGS_FORMAT_TEXT, DGS_LANG_EN);
    assert_non_null(strstr(json, "\"award\": \"12\""));
    assert_non_null(strstr(json, "\"unit\": \"places\""));
    assert_null(strstr(json, "0.12"));
    assert_non_null(strstr(zh, "12 个学位"));
    assert_null(strstr(zh, "places"));
    assert_non_null(strstr(en, "12 places"));
    dgs_stack *s;
    const dgs_result *rr[1] = {r};
    assert_int_equal(dgs_stack_results(base, rr, 1, NULL, &s, NULL), DGS_OK);
    char *sj = NULL;
    assert_int_equal(dgs_stack_render(s, DGS_FORMAT_JSON, DGS_LANG_EN, &sj, NULL), DGS_OK);
    assert_non_null(strstr(sj, "\"award\": \"12\""));
    assert_null(strstr(sj, "\"award\": \"0.12\""));
    dgs_free(sj);
    dgs_stack_free(s);
    char buf[32];
    assert_string_equal(dgs_format_amount(DGS_UNIT_PLACES, 12, buf, sizeof buf), "12");
    assert_string_equal(dgs_format_amount(DGS_UNIT_FEN, 12, buf, sizeof buf), "0.12");
    assert_null(dgs_format_amount(7, 12, buf, sizeof buf));
    assert_null(dgs_format_amount(DGS_UNIT_FEN, 12, buf, 4));
    assert_string_equal(dgs_unit_name(DGS_UNIT_PLACES), "places");
    dgs_free(json);
    dgs_free(zh);
    dgs_free(en);
    dgs_result_free(r);
    dgs_case_free(c);
}

/* The unit of the catalogue and the unit of the formula agree for every measure. */
static void unit_type_agrees_with_the_formula(void **state)
{
    (void)state;
    for (size_t i = 0; i < dgs_catalog_count; i++) {
        const measure_meta *meta = &dgs_catalog[i];
        bool money = meta->unit == DGS_UNIT_FEN;
        if (money != spec_is_money(meta->spec))
            fail_msg("%s: catalogue unit %d, formula unit %s", meta->id, meta->unit, meta->spec->unit);
    }
}

/* Chinese text output has no English words (ids and the fingerprint aside). */
static void chinese_text_has_no_english_words(void **state)
{
    (void)state;
    const char *ids[] = {"A1.07.a", "A4.02.1.a", "A1.16.a", "A1.06.a", NULL};
    for (size_t i = 0; ids[i]; i++) {
        const dgs_measure *m = dgs_ruleset_find(base, ids[i]);
        dgs_result *r = evaluate(m, -1, 0);
        char *zh = NULL;
        RENDER(zh, r, DGS_FORMAT_TEXT, DGS_LANG_ZH);
        for (char *line = strtok(zh, "\n"); line; line = strtok(NULL, "\n")) {
            if (strstr(line, "规则集：") || strstr(line, "不重复享受组：") || line == zh)
                continue;   /* the fingerprint, the group id, the id in the title line */
            if (has_ascii_letter(line))
                fail_msg("%s: English in '%s'", ids[i], line);
        }
        dgs_free(zh);
        dgs_result_free(r);
    }
}

static int setup(void **state)
{
    (void)state;
    return dgs_ruleset_builtin(&base, NULL);
}

static int teardown(void **state)
{
    (void)state;
    dgs_ruleset_free(base);
    return 0;
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(every_condition_says_what_was_found_and_required),
        cmocka_unit_test(negative_conditions_are_not_turned_round),
        cmocka_unit_test(every_step_shows_its_own_figure),
        cmocka_unit_test(steps_carry_their_value_and_the_amount_after),
        cmocka_unit_test(headroom_is_labelled_as_room_left),
        cmocka_unit_test(counts_render_in_their_unit),
        cmocka_unit_test(unit_type_agrees_with_the_formula),
        cmocka_unit_test(chinese_text_has_no_english_words),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
