/* SPDX-License-Identifier: MulanPSL-2.0 */
/*
 * Rulesets: the built-in one (the policy as printed), derived ones (a
 * guideline's values from a date on), lookup, parameter values and the
 * fingerprint every result carries.
 */
#include "policy/ruleset.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/error.h"
#include "core/strbuf.h"

static const char *const stacking_scopes[] = {"package", "text", NULL};
static const char *const nqi_readings[] = {"separate", "same", NULL};
static const char *const upgrade_readings[] = {"difference", "full", NULL};
static const char *const rounding_readings[] = {"floor", "half_up", NULL};

/* 附件1–5: 本措施自印发之日起实施，有效期三年 (印发 2024-01-16:
 * in force 2024-01-16 … 2027-01-15 inclusive; docs/interpretation.md R1). */
const param_def dgs_ruleset_params[G_COUNT] = {
    {"validity_start", DGS_TYPE_DATE, 19738, 1, "date", "政策施行之日", "first day in force",
     "本措施自印发之日起实施", 0, NULL},
    {"validity_end", DGS_TYPE_DATE, 20833, 1, "date", "有效期末日", "last day in force",
     "有效期三年", 0, NULL},
    P_SWITCH("stacking_scope", SCOPE_PACKAGE, stacking_scopes, "就高从优不重复的适用范围",
             "parts of the document 就高、从优、不重复享受 covers",
             "按照就高、从优、不重复享受的原则执行"),
    P_SWITCH("nqi_station_group", NQI_SEPARATE, nqi_readings,
             "A3.08.a 与 A5.04.d 是否同一资质", "whether A3.08.a and A5.04.d are one designation",
             "质量基础设施“一站式”服务平台……质量技术综合服务站"),
    P_SWITCH("upgrade_payment", UPGRADE_DIFFERENCE, upgrade_readings, "同一对象升级时的支付方式",
             "how an upgrade of the same object is paid", "从高不重复享受"),
    P_SWITCH("rounding", ROUND_FLOOR, rounding_readings, "比例计算结果取整到分的方式",
             "how a ratio's product is rounded to the fen", "不超过"),
};

const param_def *measure_param(const dgs_measure *m, size_t i)
{
    return m ? &m->meta->spec->params[i] : &dgs_ruleset_params[i];
}

static size_t n_params(const measure_meta *meta)
{
    return meta->spec ? meta->spec->n_params : 0;
}

/* The parameters a measure holds values of: none for a restatement, whose
 * parameters are those of the measure it restates (the same slots). */
static size_t own_params(const measure_meta *meta)
{
    return meta_has_own_params(meta) ? n_params(meta) : 0;
}

void ruleset_resolve(const dgs_measure *m, int32_t date, resolved *out)
{
    size_t n = n_params(m->meta);
    for (size_t i = 0; i < n; i++) {
        const version *v = slot_at(&m->slots[i], date);
        out[i] = (resolved){v->num, v->den, v->ref, v->set, v->exceeds};
    }
}

int64_t ruleset_global(const dgs_ruleset *rs, int g, int32_t date)
{
    return slot_at(&rs->global[g], date)->num;
}

void ruleset_view_at(const dgs_ruleset *rs, int32_t date, ruleset_view *out)
{
    out->date = date;
    for (int g = 0; g < G_COUNT; g++)
        out->g[g] = slot_at(&rs->global[g], date)->num;
}

int ruleset_global_index(const char *name)
{
    for (int g = 0; name && g < G_COUNT; g++)
        if (strcmp(dgs_ruleset_params[g].name, name) == 0)
            return g;
    return -1;
}

int ruleset_global_choice(int g, const char *value)
{
    if (g < 0 || g >= G_COUNT || !value)
        return -1;
    const char *const *choices = dgs_ruleset_params[g].choices;
    for (int i = 0; choices && choices[i]; i++)
        if (strcmp(choices[i], value) == 0)
            return i;
    return -1;
}

/* ---- the value in force, as spans ------------------------------------------ */

/* A version starting (add) or ending (its last day + 1) at a date. */
typedef struct event {
    int64_t date;
    uint32_t index;
    bool add;
} event;

static int event_cmp(const void *a, const void *b)
{
    const event *x = a, *y = b;
    return (x->date > y->date) - (x->date < y->date);
}

/* A max-heap of version indices: the latest version applies. */
static void heap_push(uint32_t *heap, size_t *n, uint32_t v)
{
    size_t i = (*n)++;
    while (i && heap[(i - 1) / 2] < v) {
        heap[i] = heap[(i - 1) / 2];
        i = (i - 1) / 2;
    }
    heap[i] = v;
}

static void heap_pop(uint32_t *heap, size_t *n)
{
    uint32_t last = heap[--*n];
    size_t i = 0;
    for (;;) {
        size_t c = 2 * i + 1;
        if (c >= *n)
            break;
        if (c + 1 < *n && heap[c + 1] > heap[c])
            c++;
        if (heap[c] <= last)
            break;
        heap[i] = heap[c];
        i = c;
    }
    if (*n)
        heap[i] = last;
}

/* Temporary room for the sweep of the largest slot. */
typedef struct sweep {
    event *ev;
    uint32_t *heap;
    bool *ended;
} sweep;

/* Writes the spans of s into `out` (room for 2 × s->n + 1): a sweep over
 * the dates where a version starts or ends, keeping the versions in force
 * in a heap whose top is the latest one.  n log n for n versions. */
static uint32_t slot_spans(const slot *s, span *out, sweep *w)
{
    if (s->n == 1) {
        out[0] = (span){INT32_MIN, 0};
        return 1;
    }
    size_t ne = 0, nh = 0;
    for (uint32_t i = 0; i < s->n; i++) {
        w->ev[ne++] = (event){s->v[i].from, i, true};
        if (s->v[i].until != INT32_MAX)
            w->ev[ne++] = (event){(int64_t)s->v[i].until + 1, i, false};
        w->ended[i] = false;
    }
    qsort(w->ev, ne, sizeof *w->ev, event_cmp);
    uint32_t ns = 0;
    for (size_t e = 0; e < ne;) {
        int64_t date = w->ev[e].date;
        for (; e < ne && w->ev[e].date == date; e++) {
            if (w->ev[e].add)
                heap_push(w->heap, &nh, w->ev[e].index);
            else
                w->ended[w->ev[e].index] = true;
        }
        while (nh && w->ended[w->heap[0]])
            heap_pop(w->heap, &nh);
        uint32_t top = nh ? w->heap[0] : 0;   /* v[0] applies at every date */
        if (ns && out[ns - 1].index == top)
            continue;
        out[ns] = (span){ns ? (int32_t)date : INT32_MIN, top};
        ns++;
    }
    return ns;
}

/* ---- fingerprint ------------------------------------------------------- */

/* Hashes the value of a slot as a function of the date, so that two
 * rulesets with the same values have the same fingerprint however the
 * values were written: one record per date where the value changes. */
static uint64_t hash_slot(uint64_t h, const slot *s)
{
    const version *prev = NULL;
    for (uint32_t i = 0; i < s->ns; i++) {
        const version *v = &s->v[s->s[i].index];
        if (prev && prev->num == v->num && prev->den == v->den && prev->set == v->set)
            continue;
        int64_t rec[3] = {v->set ? v->num : 0, v->set ? v->den : 0, v->set};
        h = dgs_hash_bytes(h, &s->s[i].from, sizeof s->s[i].from);
        h = dgs_hash_bytes(h, rec, sizeof rec);
        prev = v;
    }
    return h;
}

/* Every slot of the ruleset, in a fixed order. */
static size_t n_params(const measure_meta *meta);
#define FOR_EACH_SLOT(rs, sl, body)                                                \
    do {                                                                           \
        for (int g_ = 0; g_ < G_COUNT; g_++) {                                     \
            slot *sl = &(rs)->global[g_];                                          \
            body;                                                                  \
        }                                                                          \
        for (size_t i_ = 0; i_ < (rs)->n_measures; i_++)                           \
            for (size_t p_ = 0; p_ < n_params((rs)->measures[i_].meta); p_++) {    \
                slot *sl = &(rs)->measures[i_].slots[p_];                          \
                body;                                                              \
            }                                                                      \
    } while (0)

/* Computes every slot's spans and rs->fingerprint; false when memory runs out. */
static bool finish(dgs_ruleset *rs)
{
    uint32_t most = 0;
    FOR_EACH_SLOT(rs, sl, most = sl->n > most ? sl->n : most);
    size_t room = 2 * rs->n_versions + rs->n_versions;   /* 2n + 1 per slot, n ≥ 1 */
    sweep w = {malloc(2 * (size_t)most * sizeof *w.ev), malloc((size_t)most * sizeof *w.heap),
               malloc((size_t)most * sizeof *w.ended)};
    rs->spans = malloc(room * sizeof *rs->spans);
    bool ok = w.ev && w.heap && w.ended && rs->spans;
    if (ok) {
        size_t used = 0;
        FOR_EACH_SLOT(rs, sl, {
            sl->s = &rs->spans[used];
            sl->ns = slot_spans(sl, sl->s, &w);
            used += sl->ns;
        });
        rs->n_spans = used;
        uint64_t h = DGS_HASH_SEED;
        for (int g = 0; g < G_COUNT; g++)
            h = hash_slot(h, &rs->global[g]);
        for (size_t i = 0; i < rs->n_measures; i++) {
            const dgs_measure *m = &rs->measures[i];
            h = dgs_hash_bytes(h, m->meta->id, strlen(m->meta->id) + 1);
            for (size_t p = 0; p < n_params(m->meta); p++)
                h = hash_slot(h, &m->slots[p]);
        }
        snprintf(rs->fingerprint, sizeof rs->fingerprint, "%016llx", (unsigned long long)h);
    }
    free(w.ev);
    free(w.heap);
    free(w.ended);
    return ok;
}

/* ---- building ------------------------------------------------------------ */

static int cmp_measure_id(const void *a, const void *b)
{
    const dgs_measure *x = *(const dgs_measure *const *)a, *y = *(const dgs_measure *const *)b;
    return strcmp(x->meta->id, y->meta->id);
}

/* Allocates a ruleset with room for `n_versions` values and its measures. */
static dgs_ruleset *ruleset_alloc(size_t n_versions, size_t n_strings)
{
    dgs_ruleset *rs = calloc(1, sizeof *rs);
    if (!rs)
        return NULL;
    size_t n_slots = G_COUNT;
    for (size_t i = 0; i < dgs_catalog_count; i++)
        n_slots += own_params(&dgs_catalog[i]);
    rs->n_measures = dgs_catalog_count;
    rs->measures = calloc(dgs_catalog_count, sizeof *rs->measures);
    rs->by_id = calloc(dgs_catalog_count, sizeof *rs->by_id);
    rs->versions = calloc(n_versions, sizeof *rs->versions);
    slot *slots = calloc(n_slots, sizeof *slots);
    rs->strings = n_strings ? calloc(n_strings, sizeof *rs->strings) : NULL;
    if (!rs->measures || !rs->by_id || !rs->versions || !slots || (n_strings && !rs->strings)) {
        free(slots);
        dgs_ruleset_free(rs);
        return NULL;
    }
    rs->n_versions = n_versions;
    for (size_t i = 0, s = 0; i < dgs_catalog_count; i++) {
        rs->measures[i] = (dgs_measure){&dgs_catalog[i], rs, &slots[s]};
        rs->by_id[i] = &rs->measures[i];
        s += own_params(&dgs_catalog[i]);
    }
    qsort(rs->by_id, rs->n_measures, sizeof *rs->by_id, cmp_measure_id);
    /* An item restating one measure as a whole reads that measure's values
     * (an item with branches has parameters of its own, or none). */
    for (size_t i = 0; i < rs->n_measures; i++) {
        const measure_meta *meta = rs->measures[i].meta;
        if (meta->restates && !meta->branches) {
            const dgs_measure *src = dgs_ruleset_find(rs, meta->restates[0]);
            rs->measures[i].slots = src ? src->slots : NULL;
        }
    }
    return rs;
}

DGS_API int dgs_ruleset_builtin(dgs_ruleset **out, dgs_error *err)
{
    if (!out)
        return dgs_fail(err, DGS_E_INVALID_ARGUMENT, "dgs_ruleset_builtin: out must not be NULL");
    *out = NULL;
    size_t n_versions = G_COUNT;
    for (size_t i = 0; i < dgs_catalog_count; i++)
        n_versions += own_params(&dgs_catalog[i]);
    dgs_ruleset *rs = ruleset_alloc(n_versions, 0);
    if (!rs)
        return dgs_fail(err, DGS_E_NOMEM, "out of memory building the built-in ruleset");
    size_t v = 0;
    for (int g = 0; g < G_COUNT; g++) {
        const param_def *p = &dgs_ruleset_params[g];
        rs->versions[v] = (version){INT32_MIN, INT32_MAX, p->num, p->den, true, -1, p->phrase, false};
        rs->global[g] = (slot){&rs->versions[v++], 1, NULL, 0};
    }
    for (size_t i = 0; i < rs->n_measures; i++) {
        dgs_measure *m = &rs->measures[i];
        for (size_t k = 0; k < own_params(m->meta); k++) {
            const param_def *p = &m->meta->spec->params[k];
            rs->versions[v] = (version){INT32_MIN, INT32_MAX, p->num, p->den,
                                        !(p->flags & P_UNSET), -1, p->phrase, false};
            m->slots[k] = (slot){&rs->versions[v++], 1, NULL, 0};
        }
    }
    if (!finish(rs)) {
        dgs_ruleset_free(rs);
        return dgs_fail(err, DGS_E_NOMEM, "out of memory building the built-in ruleset");
    }
    *out = rs;
    return dgs_ok(err);
}

DGS_API void dgs_ruleset_free(dgs_ruleset *rs)
{
    if (!rs)
        return;
    for (size_t i = 0; i < rs->n_strings; i++)
        free(rs->strings[i]);
    free(rs->strings);
    if (rs->measures)
        free(rs->measures[0].slots);
    free(rs->measures);
    free(rs->by_id);
    free(rs->versions);
    free(rs->spans);
    free(rs);
}

int change_cmp(const change *a, const change *b)
{
    /* Ruleset-wide changes (measure NULL) first; measures in document order. */
    uintptr_t ma = a->measure ? (uintptr_t)a->measure + 1 : 0, mb = b->measure ? (uintptr_t)b->measure + 1 : 0;
    if (ma != mb)
        return ma < mb ? -1 : 1;
    return (a->param > b->param) - (a->param < b->param);
}

typedef struct ordered {
    const change *c;
    size_t index;      /* its place among the changes: later overrides earlier */
} ordered;

static int ordered_cmp(const void *a, const void *b)
{
    const ordered *x = a, *y = b;
    int c = change_cmp(x->c, y->c);
    return c ? c : (x->index > y->index) - (x->index < y->index);
}

/* Copies a slot of the base, its references repointed to rs's copies, then
 * appends the changes aimed at it (they come next in `order`). */
static void derive_slot(dgs_ruleset *rs, size_t *v, slot *dst, const slot *src, const dgs_measure *target,
                        int param, const ordered *order, size_t n, size_t *next, size_t first_new)
{
    dst->v = &rs->versions[*v];
    dst->n = 0;
    for (uint32_t i = 0; i < src->n; i++, dst->n++) {
        version *copy = &rs->versions[(*v)++];
        *copy = src->v[i];
        if (copy->owned >= 0)
            copy->ref = rs->strings[copy->owned];
    }
    for (; *next < n && order[*next].c->measure == target && order[*next].c->param == param; (*next)++) {
        version *added = &rs->versions[(*v)++];
        *added = order[*next].c->v;
        added->owned = (int32_t)(first_new + order[*next].index);
        added->ref = rs->strings[added->owned];
        dst->n++;
    }
}

int ruleset_derive(const dgs_ruleset *base, const change *changes, size_t n, dgs_ruleset **out,
                   dgs_error *err)
{
    *out = NULL;
    dgs_ruleset *rs = ruleset_alloc(base->n_versions + n, base->n_strings + n);
    ordered *order = n ? malloc(n * sizeof *order) : NULL;
    if (!rs || (n && !order))
        goto nomem;
    /* Own every reference: the base's (which may be freed first) and the new ones. */
    for (size_t i = 0; i < base->n_strings; i++) {
        if (!(rs->strings[rs->n_strings] = sb_strdup(base->strings[i])))
            goto nomem;
        rs->n_strings++;
    }
    for (size_t i = 0; i < n; i++) {
        if (!(rs->strings[rs->n_strings] = sb_strdup(changes[i].v.ref ? changes[i].v.ref : "")))
            goto nomem;
        rs->n_strings++;
        order[i] = (ordered){&changes[i], i};
    }
    if (n > 1)
        qsort(order, n, sizeof *order, ordered_cmp);
    /* Slots in the same order as the sorted changes: one pass over both. */
    size_t v = 0, next = 0;
    for (int g = 0; g < G_COUNT; g++)
        derive_slot(rs, &v, &rs->global[g], &base->global[g], NULL, g, order, n, &next, base->n_strings);
    for (size_t i = 0; i < rs->n_measures; i++) {
        const dgs_measure *bm = &base->measures[i];
        for (size_t k = 0; k < own_params(bm->meta); k++)
            derive_slot(rs, &v, &rs->measures[i].slots[k], &bm->slots[k], bm, (int)k, order, n, &next,
                        base->n_strings);
    }
    free(order);
    order = NULL;
    if (!finish(rs))
        goto nomem;
    *out = rs;
    return dgs_ok(err);
nomem:
    free(order);
    dgs_ruleset_free(rs);
    return dgs_fail(err, DGS_E_NOMEM, "out of memory deriving a ruleset");
}

/* ---- parameter values as text -------------------------------------------- */

int param_value_parse(const param_def *p, const char *text, const char *what, int64_t *num,
                      int64_t *den, dgs_error *err)
{
    int rc = 0;
    *den = 1;
    switch (p->type) {
    case DGS_TYPE_MONEY:
        rc = dgs_decimal_parse(text, 2, num);
        break;
    case DGS_TYPE_AREA:
        rc = dgs_decimal_parse(text, 2, num);
        break;
    case DGS_TYPE_COUNT:
        rc = dgs_decimal_parse(text, 0, num);
        break;
    case DGS_TYPE_RATIO:
        rc = dgs_ratio_parse(text, num, den);
        if (!rc && (p->flags & P_NOT_ABOVE) && *num > *den)
            return dgs_fail(err, DGS_E_RANGE,
                            "%s: ratio %s is above 100%%, where the text says 不超过", what, text);
        break;
    case DGS_TYPE_DATE: {
        int32_t d;
        if (dgs_date_parse(text, &d))
            return dgs_fail(err, DGS_E_DATE, "%s: '%.40s' is not a date YYYY-MM-DD", what, text);
        *num = d;
        return dgs_ok(err);
    }
    case DGS_TYPE_SWITCH:
        for (size_t i = 0; p->choices[i]; i++)
            if (strcmp(p->choices[i], text) == 0) {
                *num = (int64_t)i;
                return dgs_ok(err);
            }
        {
            char list[160] = "";
            for (size_t i = 0; p->choices[i]; i++)
                snprintf(list + strlen(list), sizeof list - strlen(list), "%s%s", i ? ", " : "",
                         p->choices[i]);
            return dgs_fail(err, DGS_E_CHOICE, "%s: unknown reading '%.40s' (readings: %s)", what,
                            text, list);
        }
    default:
        return dgs_fail(err, DGS_E_TYPE, "%s: parameter of unknown type", what);
    }
    if (!rc && (p->flags & P_POSITIVE) && *num == 0)
        return dgs_fail(err, DGS_E_RANGE, "%s: must be more than 0 (the clause divides by it)", what);
    if (rc == DGS_E_NEGATIVE)
        return dgs_fail(err, rc, "%s: negative value '%.40s' is refused", what, text);
    if (rc == DGS_E_OVERFLOW)
        return dgs_fail(err, rc, "%s: value '%.40s' is too large", what, text);
    if (rc)
        return dgs_fail(err, DGS_E_VALUE, "%s: '%.40s' is not a valid %s (%s)", what, text,
                        dgs_type_name(p->type),
                        p->type == DGS_TYPE_RATIO   ? "write \"5%\", \"0.05\" or \"1:0.5\""
                        : p->type == DGS_TYPE_COUNT ? "a whole number"
                                                    : "at most two decimals");
    return dgs_ok(err);
}

bool param_above_text(const param_def *p, int64_t num, int64_t den)
{
    if (!(p->flags & P_TEXT_MAX) || (p->flags & P_UNSET))
        return false;
    /* num/den > p->num/p->den, all non-negative, compared as exact 128-bit products. */
    return dgs_u128_cmp(dgs_u128_mul((uint64_t)num, (uint64_t)p->den), dgs_u128_mul((uint64_t)p->num, (uint64_t)den)) > 0;
}

void param_value_format(const param_def *p, const version *v, char *buf, size_t size)
{
    if (!v->set) {
        snprintf(buf, size, "unset");
        return;
    }
    switch (p->type) {
    case DGS_TYPE_MONEY:
    case DGS_TYPE_AREA:
        dgs_decimal_format(v->num, 2, false, buf, size);
        break;
    case DGS_TYPE_RATIO:
        dgs_ratio_format(v->num, v->den, buf, size);
        break;
    case DGS_TYPE_DATE:
        dgs_date_format((int32_t)v->num, buf, size);
        break;
    case DGS_TYPE_SWITCH:
        snprintf(buf, size, "%s", p->choices[v->num]);
        break;
    default:
        snprintf(buf, size, "%lld", (long long)v->num);
    }
}

/* ---- public accessors ------------------------------------------------------ */

DGS_API const char *dgs_ruleset_fingerprint(const dgs_ruleset *rs)
{
    return rs ? rs->fingerprint : "";
}

DGS_API size_t dgs_ruleset_measure_count(const dgs_ruleset *rs)
{
    return rs ? rs->n_measures : 0;
}

DGS_API const dgs_measure *dgs_ruleset_measure_at(const dgs_ruleset *rs, size_t i)
{
    return rs && i < rs->n_measures ? &rs->measures[i] : NULL;
}

DGS_API const dgs_measure *dgs_ruleset_find(const dgs_ruleset *rs, const char *id)
{
    if (!rs || !id)
        return NULL;
    size_t lo = 0, hi = rs->n_measures;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        int c = strcmp(rs->by_id[mid]->meta->id, id);
        if (c == 0)
            return rs->by_id[mid];
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return NULL;
}

DGS_API int dgs_ruleset_lookup(const dgs_ruleset *rs, const char *id, const dgs_measure **out,
                               dgs_error *err)
{
    if (out)
        *out = NULL;
    if (!rs || !id || !out)
        return dgs_fail(err, DGS_E_INVALID_ARGUMENT,
                        "dgs_ruleset_lookup: ruleset, id and out must not be NULL");
    *out = dgs_ruleset_find(rs, id);
    if (!*out)
        return dgs_fail(err, DGS_E_UNKNOWN_MEASURE, "unknown measure '%.64s'", id);
    return dgs_ok(err);
}

DGS_API size_t dgs_ruleset_parameter_count(const dgs_ruleset *rs)
{
    return rs ? G_COUNT : 0;
}

DGS_API const char *dgs_ruleset_parameter_name(const dgs_ruleset *rs, size_t i)
{
    return rs && i < G_COUNT ? dgs_ruleset_params[i].name : NULL;
}

static int value_text(const param_def *p, const slot *s, const char *date, char **out,
                      const char **reference, dgs_error *err)
{
    int32_t d = INT32_MIN;
    char buf[64];
    if (date && dgs_date_parse(date, &d))
        return dgs_fail(err, DGS_E_DATE, "'%.40s' is not a date YYYY-MM-DD", date);
    const version *v = slot_at(s, d);
    param_value_format(p, v, buf, sizeof buf);
    if (!(*out = sb_strdup(buf)))
        return dgs_fail(err, DGS_E_NOMEM, "out of memory");
    if (reference)
        *reference = v->ref ? v->ref : "";
    return dgs_ok(err);
}

DGS_API int dgs_ruleset_parameter_text(const dgs_ruleset *rs, size_t i, const char *date,
                                       char **out, dgs_error *err)
{
    if (out)
        *out = NULL;
    if (!rs || !out || i >= G_COUNT)
        return dgs_fail(err, DGS_E_INVALID_ARGUMENT,
                        "dgs_ruleset_parameter_text: NULL argument or index out of range");
    return value_text(&dgs_ruleset_params[i], &rs->global[i], date, out, NULL, err);
}

/* ---- measures ----------------------------------------------------------- */

DGS_API const char *dgs_kind_name(int kind)
{
    static const char *const names[] = {NULL,           "formula",     "fixed_cap",  "tiered_fixed",
                                        "price_or_quota", "unspecified", "qualitative", "governed_elsewhere"};
    return kind >= 1 && kind <= DGS_KIND_GOVERNED_ELSEWHERE ? names[kind] : NULL;
}

DGS_API const char *dgs_type_name(int type)
{
    static const char *const names[] = {NULL,         "money", "area",   "count", "flag",
                                        "choice",     "money_list", "ratio", "switch", "date"};
    return type >= 1 && type <= 9 ? names[type] : NULL;
}

DGS_API const char *dgs_measure_id(const dgs_measure *m) { return m ? m->meta->id : NULL; }
DGS_API int dgs_measure_kind(const dgs_measure *m) { return m ? m->meta->kind : 0; }
DGS_API const char *dgs_measure_location(const dgs_measure *m) { return m ? m->meta->location : NULL; }
DGS_API const char *dgs_measure_title(const dgs_measure *m, int lang)
{
    return m ? (lang == DGS_LANG_EN ? m->meta->title_en : m->meta->title_zh) : NULL;
}
DGS_API const char *dgs_measure_clause(const dgs_measure *m) { return m ? m->meta->clause : NULL; }
DGS_API const char *dgs_measure_departments(const dgs_measure *m)
{
    return m ? m->meta->departments : NULL;
}
DGS_API const char *dgs_measure_group(const dgs_measure *m) { return m ? m->meta->group : NULL; }
DGS_API int dgs_measure_fixed_amount(const dgs_measure *m) { return m ? m->meta->fixed_amount : 0; }
DGS_API int dgs_measure_unit_type(const dgs_measure *m) { return m ? m->meta->unit : DGS_UNIT_FEN; }

DGS_API const char *dgs_measure_restates(const dgs_measure *m, size_t i)
{
    if (!m || !m->meta->restates)
        return NULL;
    for (size_t k = 0; k <= i; k++)
        if (!m->meta->restates[k])
            return NULL;
    return m->meta->restates[i];
}

DGS_API const char *dgs_measure_unit(const dgs_measure *m)
{
    if (!m)
        return NULL;
    return m->meta->spec && m->meta->spec->unit ? m->meta->spec->unit : "yuan";
}

static const input_def *input_at(const dgs_measure *m, size_t i)
{
    return m && m->meta->spec && i < m->meta->spec->n_inputs ? &m->meta->spec->inputs[i] : NULL;
}

DGS_API size_t dgs_measure_input_count(const dgs_measure *m)
{
    return m && m->meta->spec ? m->meta->spec->n_inputs : 0;
}
DGS_API const char *dgs_measure_input_name(const dgs_measure *m, size_t i)
{
    const input_def *in = input_at(m, i);
    return in ? in->name : NULL;
}
DGS_API int dgs_measure_input_type(const dgs_measure *m, size_t i)
{
    const input_def *in = input_at(m, i);
    return in ? in->type : 0;
}
DGS_API const char *dgs_measure_input_unit(const dgs_measure *m, size_t i)
{
    const input_def *in = input_at(m, i);
    return in ? in->unit : NULL;
}
DGS_API int dgs_measure_input_required(const dgs_measure *m, size_t i)
{
    const input_def *in = input_at(m, i);
    return in ? in->required : 0;
}
DGS_API const char *dgs_measure_input_description(const dgs_measure *m, size_t i, int lang)
{
    const input_def *in = input_at(m, i);
    return in ? (lang == DGS_LANG_EN ? in->desc_en : in->desc_zh) : NULL;
}
DGS_API size_t dgs_measure_input_choice_count(const dgs_measure *m, size_t i)
{
    const input_def *in = input_at(m, i);
    return in ? choice_count(in->choices) : 0;
}
DGS_API const char *dgs_measure_input_choice(const dgs_measure *m, size_t i, size_t j)
{
    return j < dgs_measure_input_choice_count(m, i) ? input_at(m, i)->choices[j] : NULL;
}
DGS_API long dgs_measure_input_index(const dgs_measure *m, const char *name)
{
    if (!name)
        return -1;
    for (size_t i = 0; i < dgs_measure_input_count(m); i++)
        if (strcmp(m->meta->spec->inputs[i].name, name) == 0)
            return (long)i;
    return -1;
}

/* A restatement has no parameters of its own: those of the measure it
 * restates decide its amount (dgs_measure_restates()). */
static const param_def *param_at(const dgs_measure *m, size_t i)
{
    return m && i < own_params(m->meta) ? &m->meta->spec->params[i] : NULL;
}

DGS_API size_t dgs_measure_parameter_count(const dgs_measure *m)
{
    return m ? own_params(m->meta) : 0;
}
DGS_API const char *dgs_measure_parameter_name(const dgs_measure *m, size_t i)
{
    const param_def *p = param_at(m, i);
    return p ? p->name : NULL;
}
DGS_API int dgs_measure_parameter_type(const dgs_measure *m, size_t i)
{
    const param_def *p = param_at(m, i);
    return p ? p->type : 0;
}
DGS_API const char *dgs_measure_parameter_unit(const dgs_measure *m, size_t i)
{
    const param_def *p = param_at(m, i);
    return p ? p->unit : NULL;
}
DGS_API const char *dgs_measure_parameter_description(const dgs_measure *m, size_t i, int lang)
{
    const param_def *p = param_at(m, i);
    return p ? (lang == DGS_LANG_EN ? p->label_en : p->label_zh) : NULL;
}
DGS_API size_t dgs_measure_parameter_choice_count(const dgs_measure *m, size_t i)
{
    const param_def *p = param_at(m, i);
    return p ? choice_count(p->choices) : 0;
}
DGS_API const char *dgs_measure_parameter_choice(const dgs_measure *m, size_t i, size_t j)
{
    return j < dgs_measure_parameter_choice_count(m, i) ? param_at(m, i)->choices[j] : NULL;
}
DGS_API int dgs_measure_parameter_text(const dgs_measure *m, size_t i, const char *date,
                                       char **out, const char **reference, dgs_error *err)
{
    const param_def *p = param_at(m, i);
    if (out)
        *out = NULL;
    if (reference)
        *reference = NULL;
    if (!p || !out)
        return dgs_fail(err, DGS_E_INVALID_ARGUMENT,
                        "dgs_measure_parameter_text: NULL argument or index out of range");
    return value_text(p, &m->slots[i], date, out, reference, err);
}
