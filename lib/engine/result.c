/* SPDX-License-Identifier: MulanPSL-2.0 */
/*
 * Results: accessors, the explanation of an outcome, and rendering as text
 * (zh or en) and JSON.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "core/error.h"
#include "core/strbuf.h"
#include "engine/engine.h"

static const char *const outcome_names[] = {"granted",        "ineligible", "not_in_force",
                                            "unspecified",    "not_computable", "up_to",
                                            "governed_elsewhere"};

DGS_API const char *dgs_outcome_name(int outcome)
{
    if (outcome == DGS_OUTCOME_INVALID)
        return "invalid";
    if (outcome == DGS_OUTCOME_NOT_CLAIMED)
        return "not_claimed";
    return outcome >= 0 && outcome <= DGS_OUTCOME_GOVERNED_ELSEWHERE ? outcome_names[outcome] : NULL;
}

DGS_API void dgs_result_free(dgs_result *r) { free(r); }
DGS_API const char *dgs_result_measure_id(const dgs_result *r) { return r ? r->m->meta->id : NULL; }
DGS_API const char *dgs_result_date(const dgs_result *r) { return r ? r->date : NULL; }
DGS_API int dgs_result_outcome(const dgs_result *r) { return r ? r->outcome : DGS_OUTCOME_INVALID; }
DGS_API dgs_fen_t dgs_result_award(const dgs_result *r) { return r ? r->award : 0; }
DGS_API const char *dgs_result_unit(const dgs_result *r) { return r ? dgs_measure_unit(r->m) : NULL; }
DGS_API int dgs_result_unit_type(const dgs_result *r) { return r ? r->m->meta->unit : DGS_UNIT_FEN; }
DGS_API const char *dgs_result_computed_by(const dgs_result *r) { return r ? r->via->meta->id : NULL; }

DGS_API const char *dgs_unit_name(int unit_type)
{
    return unit_type == DGS_UNIT_FEN ? "fen" : unit_type == DGS_UNIT_PLACES ? "places" : NULL;
}

DGS_API char *dgs_format_amount(int unit_type, int64_t amount, char *buf, size_t size)
{
    if (!buf || size < 24 || !dgs_unit_name(unit_type))
        return NULL;
    if (unit_type == DGS_UNIT_FEN)
        return dgs_money_format(amount, buf, size);
    snprintf(buf, size, "%lld", (long long)amount);
    return buf;
}

DGS_API const char *dgs_result_binding(const dgs_result *r)
{
    return r ? engine_src_name(r->via, r->binding) : NULL;
}
DGS_API const char *dgs_result_reason(const dgs_result *r, int lang)
{
    return r ? (lang == DGS_LANG_EN ? r->reason_en : r->reason_zh) : NULL;
}
DGS_API const char *dgs_result_group(const dgs_result *r) { return r ? r->group : NULL; }
DGS_API const char *dgs_result_fingerprint(const dgs_result *r) { return r ? r->fingerprint : NULL; }
DGS_API size_t dgs_result_step_count(const dgs_result *r) { return r ? r->n_steps : 0; }

static const step *step_at(const dgs_result *r, size_t i)
{
    return r && i < r->n_steps ? &r->steps[i] : NULL;
}

_Static_assert(MAX_STEPS == 32, "the label of STEP_OMITTED says 32");

/* The plain label of a step: the words of its parameter or input. */
static const char *plain_label(const dgs_result *r, const step *s, bool en)
{
    const measure_spec *spec = r->via->meta->spec;
    switch (s->kind) {
    case STEP_SUM:
        return en ? "sum" : "合计";
    case STEP_HIGHER:
        return en ? "the higher of the alternatives" : "取较高者（就高从优）";
    case STEP_AWARD:
        return en ? "award" : "奖补金额";
    case STEP_PRODUCT:
        return en ? "price per m² × area" : "单价 × 面积";
    case STEP_LIMIT:
        return en ? "award limit after the uplift" : "上浮后的资助限额";
    case STEP_STEPS:
        return en ? "whole area steps above the minimum" : "超出起点面积的整档数";
    case STEP_OMITTED:
        return en ? "steps not shown (the trace holds 32); the amount after them"
                  : "未列出的步骤数（记录至多 32 步）及其后的金额";
    }
    if (s->src >= SRC_INPUT)
        return en ? spec->inputs[s->src - SRC_INPUT].desc_en : spec->inputs[s->src - SRC_INPUT].desc_zh;
    if (s->src >= 0)
        return en ? spec->params[s->src].label_en : spec->params[s->src].label_zh;
    return "";
}

/* Labels are the ruleset's own static texts (a binding may keep them by
 * address): a room-left step has one label of its own, and the text rendering
 * adds the cap it is the room of. */
DGS_API const char *dgs_result_step_label(const dgs_result *r, size_t i, int lang)
{
    const step *s = step_at(r, i);
    bool en = lang == DGS_LANG_EN;
    if (!s)
        return NULL;
    if (s->kind == STEP_HEADROOM)
        return en ? "room left under the cap after earlier grants" : "上限扣除已获后尚余额度";
    return plain_label(r, s, en);
}

/* The type of a quantity the measure computes: money, or a count (places). */
static int amount_type(const dgs_result *r)
{
    return r->m->meta->unit == DGS_UNIT_FEN ? DGS_TYPE_MONEY : DGS_TYPE_COUNT;
}

/* The DGS_TYPE_ of the definition a step's src names (list inputs are money). */
static int src_type(const dgs_result *r, int src)
{
    const measure_spec *spec = r->via->meta->spec;
    if (src >= SRC_INPUT) {
        int type = spec->inputs[src - SRC_INPUT].type;
        return type == DGS_TYPE_MONEY_LIST ? DGS_TYPE_MONEY : type;
    }
    return src >= 0 ? spec->params[src].type : amount_type(r);
}

/* The type of step i's own value (`amount` false) or of the amount after it. */
static int figure_type(const dgs_result *r, const step *s, bool amount)
{
    switch (s->kind) {
    case STEP_INPUT:
    case STEP_THRESHOLD:
    case STEP_TIER:
    case STEP_FIXED:
    case STEP_CAP_INPUT:
        return src_type(r, s->src);
    case STEP_HEADROOM:
    case STEP_CAP:
        /* a cap on the award, or a limit on a quantity (months, a base) */
        return src_type(r, s->src) == DGS_TYPE_RATIO ? amount_type(r) : src_type(r, s->src);
    case STEP_RATIO:
        return amount ? amount_type(r) : DGS_TYPE_RATIO;
    case STEP_PER_UNIT:
        return amount ? amount_type(r) : src_type(r, s->src);
    case STEP_STEPS:
        return DGS_TYPE_COUNT;
    case STEP_OMITTED:
        return amount ? amount_type(r) : DGS_TYPE_COUNT;
    default:
        return amount_type(r);
    }
}

/* The unit word of a figure: the unit of its input or parameter, or the
 * measure's unit for the amount it computes. */
static const char *figure_unit(const dgs_result *r, const step *s, bool amount)
{
    const measure_spec *spec = r->via->meta->spec;
    int type = figure_type(r, s, amount);
    const char *own = type == DGS_TYPE_MONEY ? "yuan" : dgs_measure_unit(r->m);
    if (s->kind == STEP_STEPS)
        return "steps";
    if (s->kind == STEP_OMITTED && !amount)
        return "trace steps";
    /* What the step computes is in the measure's unit ... */
    bool computed = s->kind == STEP_SUM || s->kind == STEP_HIGHER || s->kind == STEP_AWARD ||
                    s->kind == STEP_PRODUCT || s->kind == STEP_LIMIT ||
                    (amount && s->kind != STEP_INPUT && s->kind != STEP_THRESHOLD && s->kind != STEP_CAP_INPUT);
    if (computed && type == amount_type(r))
        return own;
    /* ... its own figure in the unit of its input or parameter. */
    if (s->src >= SRC_INPUT)
        return spec->inputs[s->src - SRC_INPUT].unit;
    if (s->src >= 0)
        return spec->params[s->src].unit;
    return own;
}

DGS_API int dgs_result_step_type(const dgs_result *r, size_t i)
{
    const step *s = step_at(r, i);
    return s ? figure_type(r, s, false) : 0;
}

DGS_API int64_t dgs_result_step_value(const dgs_result *r, size_t i, int64_t *den)
{
    const step *s = step_at(r, i);
    if (den)
        *den = s ? s->den : 1;
    return s ? s->value : 0;
}

DGS_API int64_t dgs_result_step_amount(const dgs_result *r, size_t i)
{
    const step *s = step_at(r, i);
    return s ? s->amount : 0;
}

DGS_API int dgs_result_step_amount_type(const dgs_result *r, size_t i)
{
    const step *s = step_at(r, i);
    return s ? figure_type(r, s, true) : 0;
}

DGS_API const char *dgs_result_step_source(const dgs_result *r, size_t i)
{
    const step *s = step_at(r, i);
    return s ? engine_src_name(r->via, s->src) : NULL;
}

DGS_API const char *dgs_result_step_reference(const dgs_result *r, size_t i)
{
    const step *s = step_at(r, i);
    if (!s)
        return NULL;
    if (s->src >= 0 && s->src < SRC_INPUT && s->src < MAX_PARAMS && r->params[s->src].ref)
        return r->params[s->src].ref;
    return "";
}

DGS_API const char *dgs_result_step_location(const dgs_result *r, size_t i)
{
    return step_at(r, i) ? r->location : NULL;
}

DGS_API size_t dgs_result_parameter_count(const dgs_result *r) { return r ? r->n_used : 0; }
DGS_API const char *dgs_result_parameter_name(const dgs_result *r, size_t i)
{
    return r && i < r->n_used ? r->via->meta->spec->params[r->used[i]].name : NULL;
}
DGS_API const char *dgs_result_parameter_reference(const dgs_result *r, size_t i)
{
    if (!r || i >= r->n_used)
        return NULL;
    const char *ref = r->params[r->used[i]].ref;
    return ref ? ref : "";
}

/* ---- formatting values ------------------------------------------------------- */

/* The words of a unit in each language; money units say what follows the
 * amount ("元/平方米"). */
static const struct unit_words {
    const char *unit, *zh, *en;
} unit_words[] = {
    {"yuan", "元", ""},
    {"yuan per m2", "元/平方米", " per m²"},
    {"yuan per m2 per month", "元/平方米/月", " per m² per month"},
    {"yuan per child per year", "元/人/年", " per child per year"},
    {"m2", "平方米", "m²"},
    {"days", "天", "days"},
    {"months", "个月", "months"},
    {"years", "年", "years"},
    {"persons", "人", "persons"},
    {"places", "个学位", "places"},
    {"basis points", "个基点", "basis points"},
    {"steps", "档", "steps"},
    {"trace steps", "步", "steps"},
};

static const struct unit_words *words_of(const char *unit)
{
    for (size_t i = 0; unit && i < sizeof unit_words / sizeof unit_words[0]; i++)
        if (strcmp(unit_words[i].unit, unit) == 0)
            return &unit_words[i];
    return NULL;
}

/* Formats a value of `type` for people, with the words of its unit: money
 * with separators, areas in m², counts with their unit (3 天, 12 places). */
static void format_value(int type, int64_t value, int64_t den, const char *const *choices, const char *unit,
                         bool en, char *buf, size_t size)
{
    char num[48];
    const struct unit_words *w = words_of(unit);
    switch (type) {
    case DGS_TYPE_MONEY:
        dgs_decimal_format(value, 2, true, num, sizeof num);
        if (en)
            snprintf(buf, size, "CNY %s%s", num, w && w->unit[0] == 'y' ? w->en : "");
        else
            snprintf(buf, size, "%s %s", num, w && w->unit[0] == 'y' ? w->zh : "元");
        break;
    case DGS_TYPE_AREA:
        dgs_decimal_format(value, 2, true, num, sizeof num);
        snprintf(buf, size, "%s %s", num, en ? "m²" : "平方米");
        break;
    case DGS_TYPE_RATIO:
        dgs_ratio_format(value, den, buf, size);
        break;
    case DGS_TYPE_FLAG:
        snprintf(buf, size, "%s", value ? (en ? "yes" : "是") : (en ? "no" : "否"));
        break;
    case DGS_TYPE_CHOICE:
    case DGS_TYPE_SWITCH:
        snprintf(buf, size, "%s", choices ? choices[value] : "?");
        break;
    case DGS_TYPE_DATE:
        dgs_date_format((int32_t)value, buf, size);
        break;
    default:
        if (w)
            snprintf(buf, size, "%lld %s", (long long)value, en ? w->en : w->zh);
        else
            snprintf(buf, size, "%lld", (long long)value);
    }
}

/* Step i's own value (amount false) or the amount after it, for people. */
static void format_step(const dgs_result *r, size_t i, bool amount, bool en, char *buf, size_t size)
{
    const step *s = &r->steps[i];
    const measure_spec *spec = r->via->meta->spec;
    const char *const *choices = s->src >= SRC_INPUT ? spec->inputs[s->src - SRC_INPUT].choices
                                 : s->src >= 0        ? spec->params[s->src].choices
                                                      : NULL;
    format_value(figure_type(r, s, amount), amount ? s->amount : s->value, amount ? 1 : s->den, choices,
                 figure_unit(r, s, amount), en, buf, size);
}

static void format_param(const dgs_result *r, int p, bool en, char *buf, size_t size)
{
    const param_def *d = &r->via->meta->spec->params[p];
    format_value(d->type, r->params[p].num, r->params[p].den, d->choices, d->unit, en, buf, size);
}

/* Appends to a fixed buffer. */
static void append(char *buf, size_t size, const char *fmt, ...) DGS_PRINTF(3, 4);
static void append(char *buf, size_t size, const char *fmt, ...)
{
    size_t len = strlen(buf);
    va_list ap;
    if (len + 1 >= size)
        return;
    va_start(ap, fmt);
    vsnprintf(buf + len, size - len, fmt, ap);
    va_end(ap);
}

/* Writes the reason of a result that is not a grant, in both languages. */
void result_explain(dgs_result *r)
{
    const measure_spec *spec = r->via->meta->spec;
    const dgs_ruleset *rs = r->m->rs;
    char zh[320] = "", en[320] = "", v[64], vz[64];
    switch (r->why) {
    case WHY_BELOW:
    case WHY_NOT_ABOVE:
    case WHY_ABOVE: {
        /* What was found, then what the clause requires, each with its unit:
         * 展期天数 2 天，须不少于 3 天. */
        const param_def *p = &spec->params[r->failed];
        char fz[64], fe[64];
        const input_def *in = r->tested >= SRC_INPUT ? &spec->inputs[r->tested - SRC_INPUT] : NULL;
        format_param(r, r->failed, false, vz, sizeof vz);
        format_param(r, r->failed, true, v, sizeof v);
        format_value(p->type, r->failed_value, 1, NULL, p->unit, false, fz, sizeof fz);
        format_value(p->type, r->failed_value, 1, NULL, p->unit, true, fe, sizeof fe);
        const char *rel_zh = r->why == WHY_BELOW ? "不少于" : r->why == WHY_NOT_ABOVE ? "超过" : "不超过";
        const char *rel_en = r->why == WHY_BELOW ? "at least" : r->why == WHY_NOT_ABOVE ? "more than" : "at most";
        snprintf(zh, sizeof zh, "不符合条件：%s %s，须%s %s", in ? in->desc_zh : p->label_zh, fz, rel_zh, vz);
        snprintf(en, sizeof en, "condition not met: %s of %s; %s %s required", in ? in->desc_en : p->label_en, fe,
                 rel_en, v);
        break;
    }
    case WHY_FLAG: {
        /* What was found (the condition's absence), then what is required. */
        const input_def *in = &spec->inputs[r->failed - SRC_INPUT];
        if (in->not_zh) {
            snprintf(zh, sizeof zh, "不符合条件：%s（须%s）", in->not_zh, in->desc_zh);
            snprintf(en, sizeof en, "condition not met: %s (required: %s)", in->not_en, in->desc_en);
        } else {
            snprintf(zh, sizeof zh, "不符合条件：“%s”申报为否（须为是）", in->desc_zh);
            snprintf(en, sizeof en, "condition not met: \"%s\" is given as no (required: yes)", in->desc_en);
        }
        break;
    }
    case WHY_READING: {
        const param_def *p = &spec->params[r->failed];
        snprintf(zh, sizeof zh, "按现行解读（%s = %s）不予支持", p->label_zh, p->choices[r->params[r->failed].num]);
        snprintf(en, sizeof en, "excluded under the reading in force (%s = %s)", p->label_en,
                 p->choices[r->params[r->failed].num]);
        break;
    }
    case WHY_UNSET:
        snprintf(zh, sizeof zh, "文件未规定金额或比例，须由申报指南提供：");
        snprintf(en, sizeof en, "the document states no amount; a guideline must supply: ");
        for (size_t i = 0, n = 0; i < spec->n_params; i++)
            if (!r->params[i].set && !(spec->params[i].flags & P_OPTIONAL)) {
                append(zh, sizeof zh, "%s%s（%s）", n ? "、" : "", spec->params[i].name, spec->params[i].label_zh);
                append(en, sizeof en, "%s%s (%s)", n ? ", " : "", spec->params[i].name, spec->params[i].label_en);
                n++;
            }
        break;
    case WHY_NOT_IN_FORCE: {
        char from[16], to[16];
        int32_t d;
        dgs_date_parse(r->date, &d);
        dgs_date_format((int32_t)ruleset_global(rs, G_VALIDITY_START, d), from, sizeof from);
        dgs_date_format((int32_t)ruleset_global(rs, G_VALIDITY_END, d), to, sizeof to);
        snprintf(zh, sizeof zh, "日期 %s 不在政策有效期（%s 至 %s）内", r->date, from, to);
        snprintf(en, sizeof en, "the date %s is outside the validity window %s … %s", r->date, from, to);
        break;
    }
    case WHY_NONE:
        if (r->outcome == DGS_OUTCOME_UP_TO) {
            dgs_money_format(r->award, v, sizeof v);
            snprintf(zh, sizeof zh, "最高 %s 元（待核定）：文件只规定上限，金额由主管部门核定（输入 assessed）", v);
            snprintf(en, sizeof en, "up to %s yuan (to be assessed): the text states a ceiling; the department assesses the amount (input assessed)", v);
        }
        break;
    case WHY_CONDITION: {
        const condition_def *d = &r->m->meta->conditions[r->failed];
        snprintf(zh, sizeof zh, "不符合条件：未满足“%s”（条款原文：%s）", d->text_zh, d->phrase);
        snprintf(en, sizeof en, "condition not met: %s (clause: %s)", d->text_en, d->phrase);
        break;
    }
    case WHY_GOVERNED:
        snprintf(zh, sizeof zh, "金额由其他政策规定：%s", dgs_measure_governed_by(r->m, DGS_LANG_ZH));
        snprintf(en, sizeof en, "the amount is set by another policy: %s", dgs_measure_governed_by(r->m, DGS_LANG_EN));
        break;
    case WHY_QUALITATIVE:
        snprintf(zh, sizeof zh, "本条为定性措施（服务、程序或目标），无可计算的金额");
        snprintf(en, sizeof en, "a qualitative measure (services, procedures or targets): no amount to compute");
        break;
    default:
        break;
    }
    memcpy(r->reason_zh, zh, sizeof zh);
    memcpy(r->reason_en, en, sizeof en);
}

/* ---- rendering ------------------------------------------------------------------- */

/* Whether a step uses a guideline's value above the text's own maximum. */
static bool step_exceeds(const dgs_result *r, const step *s)
{
    return s->src >= 0 && s->src < SRC_INPUT && s->src < MAX_PARAMS && r->params[s->src].exceeds;
}

/* Whether any value the result used is above the text's own maximum. */
static bool result_exceeds(const dgs_result *r)
{
    for (size_t i = 0; i < r->n_used; i++)
        if (r->params[r->used[i]].exceeds)
            return true;
    return false;
}

/* The words of the constraint that set the amount: its label in Chinese
 * (the name is an identifier), the name and label in English. */
static void binding_words(const dgs_result *r, bool en, char *buf, size_t size)
{
    const measure_spec *spec = r->via->meta->spec;
    const char *name = dgs_result_binding(r);
    const char *label = r->binding >= SRC_INPUT ? (en ? spec->inputs[r->binding - SRC_INPUT].desc_en
                                                      : spec->inputs[r->binding - SRC_INPUT].desc_zh)
                        : r->binding >= 0 ? (en ? spec->params[r->binding].label_en : spec->params[r->binding].label_zh)
                                          : "";
    if (en)
        snprintf(buf, size, "%s (%s)", name, label);
    else
        snprintf(buf, size, "%s", *label ? label : name);
}

/* Whether a step's amount says something its value does not. */
static bool shows_amount(const dgs_result *r, const step *s)
{
    return s->amount != s->value || s->den != 1 || figure_type(r, s, true) != figure_type(r, s, false) ||
           s->kind == STEP_CAP || s->kind == STEP_CAP_INPUT || s->kind == STEP_HEADROOM || s->kind == STEP_THRESHOLD;
}

/* Where a clause stands, as a citation: "附件1第七条" from "附件1 （七）提高融资租赁贴息
 * 限额", "附件4第二条（一）" from "附件4 二、（一）支持境外参展", "实施意见第十九条" —
 * what a trace step cites beside its phrase. */
const char *engine_citation(const char *location, char *buf, size_t size)
{
    static const char open_full[] = "（", close_full[] = "）", comma[] = "、";
    const char *space = strchr(location, ' ');
    size_t n = space ? (size_t)(space - location) : strlen(location);
    const char *p = space ? space : location + n;
    while (*p == ' ')
        p++;
    const char *num = p, *num_end = NULL, *sub = NULL, *sub_end = NULL;
    if (strncmp(p, open_full, 3) == 0 || *p == '(') {
        num = p + (*p == '(' ? 1 : 3);
        const char *c1 = strstr(num, close_full), *c2 = strchr(num, ')');
        num_end = c1 && (!c2 || c1 < c2) ? c1 : c2;
    } else if ((num_end = strstr(p, comma)) != NULL) {
        const char *q = num_end + 3;
        if (strncmp(q, open_full, 3) == 0 && (sub_end = strstr(q + 3, close_full)) != NULL)
            sub = q + 3;
    }
    if (!num_end || n + 64 > size) {   /* no number: the whole location */
        snprintf(buf, size, "%s", location);
        return buf;
    }
    snprintf(buf, size, "%.*s第%.*s条", (int)n, location, (int)(num_end - num), num);
    if (sub)
        snprintf(buf + strlen(buf), size - strlen(buf), "（%.*s）", (int)(sub_end - sub), sub);
    return buf;
}

static int render_text(const dgs_result *r, int lang, char **out, dgs_error *err)
{
    bool en = lang == DGS_LANG_EN;
    const measure_meta *meta = r->m->meta;
    strbuf b = {0};
    char v[96], a[96];
    static const char *const outcome_zh[] = {"给予",         "不符合条件", "不在有效期内",    "未规定金额",
                                             "无可计算金额", "最高额待核定", "由其他政策规定"};
    int outcome = r->outcome >= 0 && r->outcome <= DGS_OUTCOME_GOVERNED_ELSEWHERE ? r->outcome : 0;

    sb_printf(&b, "%s %s\n", meta->id, en ? meta->title_en : meta->title_zh);
    sb_printf(&b, "%s%s\n", en ? "Clause: " : "条款：", meta->location);
    if (r->via != r->m)
        sb_printf(&b, en ? "Restates %s (%s), whose clause states the amount: computed through it\n"
                         : "本条重述 %s（%s）的奖补，按该条计算\n",
                  r->via->meta->id, r->via->meta->location);
    sb_printf(&b, en ? "Date: %s    Outcome: %s\n" : "日期：%s　结果：%s\n", r->date,
              en ? dgs_outcome_name(r->outcome) : outcome_zh[outcome]);
    if (r->outcome == DGS_OUTCOME_UP_TO) {
        format_value(DGS_TYPE_MONEY, r->award, 1, NULL, "yuan", en, v, sizeof v);
        sb_printf(&b, en ? "Award: up to %s (to be assessed)\n" : "金额：最高 %s（待核定）\n", v);
    } else if (r->outcome == DGS_OUTCOME_GRANTED) {
        bool money = meta->unit == DGS_UNIT_FEN;
        format_value(money ? DGS_TYPE_MONEY : DGS_TYPE_COUNT, r->award, 1, NULL, money ? "yuan" : dgs_result_unit(r),
                     en, v, sizeof v);
        if (money && strcmp(dgs_result_unit(r), "yuan") != 0)
            sb_printf(&b, en ? "Award: %s (%s)\n" : "金额：%s（%s）\n", v, dgs_result_unit(r));
        else
            sb_printf(&b, en ? "Award: %s\n" : money ? "金额：%s\n" : "数量：%s\n", v);
    }
    if (*dgs_result_reason(r, lang))
        sb_printf(&b, en ? "Reason: %s\n" : "原因：%s\n", dgs_result_reason(r, lang));
    /* The conditions, by status: what was assumed is said as plainly as what was declared. */
    static const char *const status_zh[] = {"假定满足", "已声明满足", "未满足"};
    static const char *const status_en[] = {"Assumed", "Declared met", "Not met"};
    for (int st = DGS_CONDITION_ASSUMED; st <= DGS_CONDITION_NOT_MET; st++) {
        size_t n = 0;
        for (size_t i = 0; i < meta->n_conditions; i++) {
            if (r->conditions[i] != st)
                continue;
            if (n++ == 0)
                sb_printf(&b, "%s%s", en ? status_en[st] : status_zh[st], en ? ": " : "：");
            else
                sb_printf(&b, "%s", en ? "; " : "；");
            sb_printf(&b, "%s", en ? meta->conditions[i].text_en : meta->conditions[i].text_zh);
        }
        if (n)
            sb_printf(&b, "\n");
    }
    if (r->n_steps)
        sb_printf(&b, "%s\n", en ? "Steps (value → amount after the step):" : "计算步骤（本步数值 → 本步后的数额）：");
    const char *where = r->location;
    for (size_t i = 0; i < r->n_steps; i++) {
        const char *ref = dgs_result_step_reference(r, i);
        const step *st = &r->steps[i];
        format_step(r, i, false, en, v, sizeof v);
        if (st->kind == STEP_HEADROOM)       /* the room, and the cap it is the room of */
            sb_printf(&b, en ? "  %zu. %s (%s)" : "  %zu. %s（%s）", i + 1, dgs_result_step_label(r, i, lang),
                      plain_label(r, st, en));
        else if (st->kind == STEP_CAP_INPUT) /* a cap set by an input */
            sb_printf(&b, en ? "  %zu. at most: %s" : "  %zu. 不超过%s", i + 1, plain_label(r, st, en));
        else
            sb_printf(&b, "  %zu. %s", i + 1, dgs_result_step_label(r, i, lang));
        sb_printf(&b, en ? ": %s" : "：%s", v);
        if (shows_amount(r, st)) {
            format_step(r, i, true, en, a, sizeof a);
            if (st->kind == STEP_THRESHOLD)
                sb_printf(&b, en ? "; found %s: met" : "；实际 %s，满足", a);
            else
                sb_printf(&b, " → %s", a);
        }
        if (step_exceeds(r, st)) {
            /* Beyond the text: the original clause beside the guideline's article. */
            char pv[64];
            format_param(r, st->src, en, pv, sizeof pv);
            sb_printf(&b, en ? "    [beyond the text — original: %s; %s: %s]" : "　〔超出原文——原文：%s；%s：%s〕",
                      r->via->meta->spec->params[st->src].phrase, *ref ? ref : (en ? "guideline" : "指南"), pv);
        } else if (*ref) {
            sb_printf(&b, en ? "    [%s: %s]" : "　〔%s：%s〕", where, ref);
        } else {
            sb_printf(&b, en ? "    [%s]" : "　〔%s〕", where);
        }
        sb_printf(&b, "\n");
    }
    if (*dgs_result_binding(r)) {
        binding_words(r, en, v, sizeof v);
        sb_printf(&b, en ? "Binding constraint: %s\n" : "起决定作用的限制：%s\n", v);
    }
    if (*r->group)
        sb_printf(&b, en ? "Exclusive group: %s (就高、从优、不重复享受)\n" : "不重复享受组：%s\n", r->group);
    sb_printf(&b, en ? "Ruleset: %s\n" : "规则集：%s\n", r->fingerprint);
    return sb_finish(&b, out, meta->id, err);
}

/* A figure for JSON: money and areas as decimal strings, ratios as text
 * ("5%"), other values as integers. */
static json_t *json_figure(int type, int64_t value, int64_t den)
{
    char v[48];
    if (type == DGS_TYPE_MONEY || type == DGS_TYPE_AREA)
        return json_string(dgs_decimal_format(value, 2, false, v, sizeof v));
    if (type == DGS_TYPE_RATIO)
        return json_string(dgs_ratio_format(value, den, v, sizeof v));
    return json_integer(value);
}

/* json_t helpers that tolerate allocation failure: a NULL child makes the
 * whole object fail at the end (json_object_set_new returns -1). */
static int render_json(const dgs_result *r, int lang, char **out, dgs_error *err)
{
    char v[64];
    json_t *o = json_object(), *steps = json_array(), *params = json_array();
    int bad = !o || !steps || !params;
    dgs_format_amount(r->m->meta->unit, r->award, v, sizeof v);
    if (!bad) {
        bad |= json_object_set_new(o, "measure", json_string(r->m->meta->id));
        bad |= json_object_set_new(o, "date", json_string(r->date));
        bad |= json_object_set_new(o, "outcome", json_string(dgs_outcome_name(r->outcome)));
        bad |= json_object_set_new(o, "award", json_string(v));
        bad |= json_object_set_new(o, "award_fen", json_integer(r->award));
        bad |= json_object_set_new(o, "unit", json_string(dgs_result_unit(r)));
        bad |= json_object_set_new(o, "unit_type", json_string(dgs_unit_name(r->m->meta->unit)));
        bad |= json_object_set_new(o, "binding", json_string(dgs_result_binding(r)));
        bad |= json_object_set_new(o, "reason", json_string(dgs_result_reason(r, lang)));
        bad |= json_object_set_new(o, "group", json_string(r->group));
        bad |= json_object_set_new(o, "computed_by", json_string(r->via->meta->id));
        bad |= json_object_set_new(o, "fingerprint", json_string(r->fingerprint));
        bad |= json_object_set_new(o, "exceeds_text", json_boolean(result_exceeds(r)));
    }
    for (size_t i = 0; !bad && i < r->n_steps; i++) {
        const step *s = &r->steps[i];
        json_t *j = json_object();
        int type = dgs_result_step_type(r, i);
        if (!j) {
            bad = 1;
            break;
        }
        bad |= json_object_set_new(j, "label", json_string(dgs_result_step_label(r, i, lang)));
        bad |= json_object_set_new(j, "type", json_string(dgs_type_name(type)));
        bad |= json_object_set_new(j, "value", json_figure(type, s->value, s->den));
        bad |= json_object_set_new(j, "amount_type", json_string(dgs_type_name(figure_type(r, s, true))));
        bad |= json_object_set_new(j, "amount", json_figure(figure_type(r, s, true), s->amount, 1));
        bad |= json_object_set_new(j, "source", json_string(dgs_result_step_source(r, i)));
        bad |= json_object_set_new(j, "reference", json_string(dgs_result_step_reference(r, i)));
        bad |= json_object_set_new(j, "location", json_string(dgs_result_step_location(r, i)));
        if (step_exceeds(r, s)) {   /* beyond the text: the clause it goes beyond */
            bad |= json_object_set_new(j, "exceeds_text", json_true());
            bad |= json_object_set_new(j, "text", json_string(r->via->meta->spec->params[s->src].phrase));
        }
        bad |= json_array_append_new(steps, j);
    }
    for (size_t i = 0; !bad && i < r->n_used; i++) {
        json_t *j = json_object();
        if (!j) {
            bad = 1;
            break;
        }
        bad |= json_object_set_new(j, "name", json_string(dgs_result_parameter_name(r, i)));
        format_param(r, r->used[i], true, v, sizeof v);
        bad |= json_object_set_new(j, "value", json_string(v));
        bad |= json_object_set_new(j, "reference", json_string(dgs_result_parameter_reference(r, i)));
        if (r->params[r->used[i]].exceeds) {
            const param_def *d = &r->via->meta->spec->params[r->used[i]];
            version printed = {0, 0, d->num, d->den, true, -1, NULL, false};
            param_value_format(d, &printed, v, sizeof v);
            bad |= json_object_set_new(j, "exceeds_text", json_true());
            bad |= json_object_set_new(j, "text", json_string(d->phrase));
            bad |= json_object_set_new(j, "text_value", json_string(v));
        }
        bad |= json_array_append_new(params, j);
    }
    json_t *conditions = bad ? NULL : json_array();
    bad |= !conditions;
    for (size_t i = 0; !bad && i < r->m->meta->n_conditions; i++) {
        const condition_def *d = &r->m->meta->conditions[i];
        json_t *j = json_object();
        if (!j) {
            bad = 1;
            break;
        }
        bad |= json_object_set_new(j, "id", json_string(d->id));
        bad |= json_object_set_new(j, "status", json_string(dgs_condition_status_name(r->conditions[i])));
        bad |= json_object_set_new(j, "text", json_string(lang == DGS_LANG_EN ? d->text_en : d->text_zh));
        bad |= json_object_set_new(j, "phrase", json_string(d->phrase));
        bad |= json_array_append_new(conditions, j);
    }
    if (!bad) {
        bad |= json_object_set_new(o, "conditions", conditions);
        conditions = NULL;
    }
    json_decref(conditions);
    if (!bad) {
        bad |= json_object_set_new(o, "steps", steps);
        steps = NULL;
        bad |= json_object_set_new(o, "parameters", params);
        params = NULL;
    }
    /* The text is copied into the library's own allocation: jansson may use
     * an allocator the host set (json_set_alloc_funcs), which dgs_free is not. */
    int rc = sb_json(bad ? NULL : o, out, r->m->meta->id, err);
    json_decref(o);
    json_decref(steps);
    json_decref(params);
    return rc;
}

DGS_API int dgs_result_render(const dgs_result *r, int format, int lang, char **out, dgs_error *err)
{
    if (out)
        *out = NULL;
    if (!r || !out)
        return dgs_fail(err, DGS_E_INVALID_ARGUMENT, "dgs_result_render: result and out must not be NULL");
    if (lang != DGS_LANG_ZH && lang != DGS_LANG_EN)
        return dgs_fail(err, DGS_E_INVALID_ARGUMENT, "unknown language %d (DGS_LANG_ZH or DGS_LANG_EN)", lang);
    if (format == DGS_FORMAT_TEXT)
        return render_text(r, lang, out, err);
    if (format == DGS_FORMAT_JSON)
        return render_json(r, lang, out, err);
    return dgs_fail(err, DGS_E_INVALID_ARGUMENT, "unknown format %d (DGS_FORMAT_TEXT or DGS_FORMAT_JSON)", format);
}
