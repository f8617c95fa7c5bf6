/*
 * Stacking: 就高、从优、不重复享受.
 *
 * Within an exclusive group (an explicit 从高不重复 clause, or restatements
 * of one benefit: the groups of data/catalog.json) the highest award is paid once; what was
 * already granted in the group is deducted (a top-up).  Outside groups, an
 * amount already granted for the same measure is an upgrade of the same
 * object: the difference is paid (or the full award, by the reading
 * `upgrade_payment`).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "core/error.h"
#include "core/strbuf.h"
#include "engine/engine.h"

typedef struct line {
    const dgs_result *r;
    dgs_fen_t paid;
    int decision;
    size_t winner;
    const char *group;
    char reason_zh[240];
    char reason_en[240];
} line;

struct dgs_stack {
    size_t n;
    dgs_fen_t total;
    line *lines;
};

/* Parts of the document whose text carries the 就高、从优、不重复享受 clause. */
static bool part_has_clause(const char *id)
{
    return id[0] == 'A' && id[1] >= '1' && id[1] <= '4';
}

/* Whether a group applies under the stacking scope in force: with "text",
 * only groups with a member in 附件1–4 (or an item-level clause). */
static bool group_applies(const char *group, int scope)
{
    if (!*group)
        return false;
    if (scope == SCOPE_PACKAGE || strcmp(group, "G-A1.19") == 0)
        return true;
    for (size_t i = 0; i < dgs_catalog_count; i++)
        if (strcmp(dgs_catalog[i].group, group) == 0 && part_has_clause(dgs_catalog[i].id))
            return true;
    return false;
}

/* Whether a group's highest award is paid in full although a lower award of the group was
 * already granted: the measure's own reading `reading_earlier_award` = "full" (a later,
 * higher honour is a new event).  Measures without that reading pay the difference. */
static bool pays_in_full(const dgs_result *r)
{
    const measure_spec *spec = r->m->meta->spec;
    for (size_t k = 0; spec && k < spec->n_params && k < MAX_PARAMS; k++)
        if (spec->params[k].type == DGS_TYPE_SWITCH && strcmp(spec->params[k].name, "reading_earlier_award") == 0)
            return r->params[k].num == 1;
    return false;
}

static const char *const decision_names[] = {"paid",         "top_up",      "superseded",
                                             "not_granted",  "already_paid", "not_a_grant",
                                             "pending_assessment"};

DGS_API const char *dgs_stack_decision_name(int decision)
{
    return decision >= 0 && decision <= DGS_STACK_PENDING_ASSESSMENT ? decision_names[decision] : NULL;
}

DGS_API int dgs_stack_results(const dgs_ruleset *rs, const dgs_result *const *results, size_t n,
                              const dgs_fen_t *already_granted, dgs_stack **out, dgs_error *err)
{
    if (!rs || !out || (n && !results))
        return dgs_fail(err, DGS_E_INVALID_ARGUMENT, "dgs_stack_results: ruleset, results and out must not be NULL");
    *out = NULL;
    for (size_t i = 0; i < n; i++) {
        if (!results[i])
            return dgs_fail(err, DGS_E_INVALID_ARGUMENT, "dgs_stack_results: result %zu is NULL", i);
        if (already_granted && already_granted[i] < 0)
            return dgs_fail(err, DGS_E_NEGATIVE, "dgs_stack_results: already granted amount %zu is negative", i);
    }
    dgs_stack *s = calloc(1, sizeof *s);
    line *lines = n ? calloc(n, sizeof *lines) : NULL;
    if (!s || (n && !lines)) {
        free(s);
        free(lines);
        return dgs_fail(err, DGS_E_NOMEM, "out of memory stacking %zu results", n);
    }
    s->n = n;
    s->lines = lines;
    int scope = (int)ruleset_global(rs, G_STACKING_SCOPE, INT32_MIN);
    int upgrade = (int)ruleset_global(rs, G_UPGRADE_PAYMENT, INT32_MIN);
    char a[48], b[48];

    for (size_t i = 0; i < n; i++) {
        line *l = &lines[i];
        l->r = results[i];
        l->winner = i;
        l->group = group_applies(results[i]->group, scope) ? results[i]->group : "";
    }
    for (size_t i = 0; i < n; i++) {
        line *l = &lines[i];
        const dgs_result *r = l->r;
        dgs_fen_t before = already_granted ? already_granted[i] : 0;
        if (r->outcome != DGS_OUTCOME_GRANTED) {
            l->decision = DGS_STACK_NOT_GRANTED;
            snprintf(l->reason_zh, sizeof l->reason_zh, "未获给予（%s）", dgs_outcome_name(r->outcome));
            snprintf(l->reason_en, sizeof l->reason_en, "not granted (%s)", dgs_outcome_name(r->outcome));
            continue;
        }
        if (strcmp(dgs_result_unit(r), "yuan") != 0) {
            l->decision = DGS_STACK_NOT_A_GRANT;
            snprintf(l->reason_zh, sizeof l->reason_zh, "不是资金奖补（%s），不计入合计", dgs_result_unit(r));
            snprintf(l->reason_en, sizeof l->reason_en, "not a grant (%s): not counted", dgs_result_unit(r));
            continue;
        }
        if (!*l->group) {
            if (upgrade == UPGRADE_FULL || before == 0) {
                l->paid = r->award;
                l->decision = DGS_STACK_PAID;
            } else {
                l->paid = r->award > before ? r->award - before : 0;
                l->decision = l->paid > 0 ? DGS_STACK_TOP_UP : DGS_STACK_ALREADY_PAID;
            }
            dgs_money_format(before, a, sizeof a);
            if (l->decision == DGS_STACK_PAID) {
                snprintf(l->reason_zh, sizeof l->reason_zh, "不属于不重复享受组，全额给予");
                snprintf(l->reason_en, sizeof l->reason_en, "in no exclusive group: paid in full");
            } else {
                snprintf(l->reason_zh, sizeof l->reason_zh, "同一对象已获本项 %s 元，补足差额", a);
                snprintf(l->reason_en, sizeof l->reason_en, "%s yuan already granted for the same object: the difference is paid", a);
            }
            continue;
        }
        /* The group's highest award (ties to the first); what it already received. */
        size_t w = n;
        dgs_fen_t group_before = 0;
        for (size_t j = 0; j < n; j++) {
            if (strcmp(lines[j].group, l->group) != 0)
                continue;
            /* Saturating: the sum only matters compared with an award. */
            if (already_granted && !dgs_add_checked(group_before, already_granted[j], &group_before))
                group_before = INT64_MAX;
            if (lines[j].r->outcome == DGS_OUTCOME_GRANTED && strcmp(dgs_result_unit(lines[j].r), "yuan") == 0 &&
                (w == n || lines[j].r->award > lines[w].r->award))
                w = j;
        }
        l->winner = w;
        dgs_money_format(lines[w].r->award, a, sizeof a);
        dgs_money_format(group_before, b, sizeof b);
        if (w != i) {
            l->decision = DGS_STACK_SUPERSEDED;
            snprintf(l->reason_zh, sizeof l->reason_zh, "%s 组就高、从优、不重复享受：按 %s（%s 元）给予",
                     l->group, lines[w].r->m->meta->id, a);
            snprintf(l->reason_en, sizeof l->reason_en, "%s: paid once, the highest — %s (%s yuan) is paid instead",
                     l->group, lines[w].r->m->meta->id, a);
            continue;
        }
        if (pays_in_full(r) && group_before > before) {
            /* A new, higher honour: paid in full, less what this same honour already received. */
            l->paid = r->award > before ? r->award - before : 0;
            l->decision = l->paid > 0 ? DGS_STACK_PAID : DGS_STACK_ALREADY_PAID;
            dgs_money_format(group_before - before, b, sizeof b);
            snprintf(l->reason_zh, sizeof l->reason_zh, "%s 组中金额最高；该组其他认定已获 %s 元，按解读全额给予",
                     l->group, b);
            snprintf(l->reason_en, sizeof l->reason_en,
                     "the highest of %s; %s yuan already granted for another honour of the group: paid in full "
                     "under the reading in force", l->group, b);
            continue;
        }
        l->paid = r->award > group_before ? r->award - group_before : 0;
        l->decision = group_before == 0 ? DGS_STACK_PAID : l->paid > 0 ? DGS_STACK_TOP_UP : DGS_STACK_ALREADY_PAID;
        if (group_before == 0) {
            snprintf(l->reason_zh, sizeof l->reason_zh, "%s 组中金额最高，给予", l->group);
            snprintf(l->reason_en, sizeof l->reason_en, "the highest of %s: paid", l->group);
        } else {
            snprintf(l->reason_zh, sizeof l->reason_zh, "%s 组中金额最高；该组已获 %s 元，补足差额", l->group, b);
            snprintf(l->reason_en, sizeof l->reason_en, "the highest of %s; %s yuan already granted in the group: top-up",
                     l->group, b);
        }
    }
    for (size_t i = 0; i < n; i++)
        if (!dgs_add_checked(s->total, lines[i].paid, &s->total)) {
            dgs_stack_free(s);
            return dgs_fail(err, DGS_E_OVERFLOW, "the stacked total overflows");
        }
    *out = s;
    return dgs_ok(err);
}

DGS_API void dgs_stack_free(dgs_stack *s)
{
    if (s)
        free(s->lines);
    free(s);
}

static const line *line_at(const dgs_stack *s, size_t i)
{
    return s && i < s->n ? &s->lines[i] : NULL;
}

DGS_API size_t dgs_stack_count(const dgs_stack *s) { return s ? s->n : 0; }
DGS_API dgs_fen_t dgs_stack_paid(const dgs_stack *s, size_t i)
{
    const line *l = line_at(s, i);
    return l ? l->paid : 0;
}
DGS_API int dgs_stack_decision(const dgs_stack *s, size_t i)
{
    const line *l = line_at(s, i);
    return l ? l->decision : -1;
}
DGS_API const char *dgs_stack_group(const dgs_stack *s, size_t i)
{
    const line *l = line_at(s, i);
    return l ? l->group : NULL;
}
DGS_API size_t dgs_stack_winner(const dgs_stack *s, size_t i)
{
    const line *l = line_at(s, i);
    return l ? l->winner : i;
}
DGS_API const char *dgs_stack_reason(const dgs_stack *s, size_t i, int lang)
{
    const line *l = line_at(s, i);
    return l ? (lang == DGS_LANG_EN ? l->reason_en : l->reason_zh) : NULL;
}
DGS_API dgs_fen_t dgs_stack_total(const dgs_stack *s) { return s ? s->total : 0; }

static int render_json(const dgs_stack *s, int lang, char **out, dgs_error *err)
{
    char v[48];
    json_t *o = json_object(), *items = json_array();
    int bad = !o || !items;
    for (size_t i = 0; !bad && i < s->n; i++) {
        const line *l = &s->lines[i];
        json_t *j = json_object();
        if (!j) {
            bad = 1;
            break;
        }
        bad |= json_object_set_new(j, "measure", json_string(l->r->m->meta->id));
        bad |= json_object_set_new(j, "outcome", json_string(dgs_outcome_name(l->r->outcome)));
        bad |= json_object_set_new(j, "award", json_string(dgs_format_amount(dgs_result_unit_type(l->r), l->r->award, v, sizeof v)));
        bad |= json_object_set_new(j, "unit", json_string(dgs_result_unit(l->r)));
        bad |= json_object_set_new(j, "paid", json_string(dgs_money_format(l->paid, v, sizeof v)));
        bad |= json_object_set_new(j, "paid_fen", json_integer(l->paid));
        bad |= json_object_set_new(j, "decision", json_string(decision_names[l->decision]));
        bad |= json_object_set_new(j, "group", json_string(l->group));
        bad |= json_object_set_new(j, "reason", json_string(lang == DGS_LANG_EN ? l->reason_en : l->reason_zh));
        bad |= json_array_append_new(items, j);
    }
    if (!bad) {
        bad |= json_object_set_new(o, "results", items);
        items = NULL;
        bad |= json_object_set_new(o, "total", json_string(dgs_money_format(s->total, v, sizeof v)));
        bad |= json_object_set_new(o, "total_fen", json_integer(s->total));
    }
    char *text = bad ? NULL : json_dumps(o, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
    json_decref(o);
    json_decref(items);
    if (!text)
        return dgs_fail(err, DGS_E_NOMEM, "out of memory rendering the stacking report");
    *out = text;
    return dgs_ok(err);
}

DGS_API int dgs_stack_render(const dgs_stack *s, int format, int lang, char **out, dgs_error *err)
{
    if (!s || !out)
        return dgs_fail(err, DGS_E_INVALID_ARGUMENT, "dgs_stack_render: report and out must not be NULL");
    *out = NULL;
    if (format == DGS_FORMAT_JSON)
        return render_json(s, lang, out, err);
    if (format != DGS_FORMAT_TEXT)
        return dgs_fail(err, DGS_E_INVALID_ARGUMENT, "unknown format %d", format);
    bool en = lang == DGS_LANG_EN;
    strbuf b = {0};
    char award[48], paid[48];
    sb_printf(&b, "%s\n", en ? "Stacking (就高、从优、不重复享受):" : "就高、从优、不重复享受：");
    for (size_t i = 0; i < s->n; i++) {
        const line *l = &s->lines[i];
        if (spec_is_money(l->r->m->meta->spec))
            dgs_money_format(l->r->award, award, sizeof award);
        else
            snprintf(award, sizeof award, "%lld %s", (long long)l->r->award, dgs_result_unit(l->r));
        sb_printf(&b, "  %-10s %14s → %14s  %-12s %s\n", l->r->m->meta->id, award,
                  dgs_money_format(l->paid, paid, sizeof paid), decision_names[l->decision],
                  en ? l->reason_en : l->reason_zh);
    }
    sb_printf(&b, en ? "  total paid: %s yuan\n" : "  合计给予：%s 元\n", dgs_money_format(s->total, paid, sizeof paid));
    return sb_finish(&b, out, "the stacking report", err);
}

/* Objects are not yet told apart: every claim is about its measure family's one object. */
DGS_API int dgs_stack_claims(const dgs_ruleset *rs, const dgs_result *const *results,
                             const char *const *objects, size_t n,
                             const dgs_fen_t *already_granted, dgs_stack **out, dgs_error *err)
{
    (void)objects;
    return dgs_stack_results(rs, results, n, already_granted, out, err);
}
