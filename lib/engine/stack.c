/* SPDX-License-Identifier: MulanPSL-2.0 */
/*
 * Stacking: 就高、从优、不重复享受.
 *
 * 不重复享受 forbids paying the same benefit for the same object twice.  The
 * benefit is an exclusive group (an explicit 从高不重复 clause, or
 * restatements of one benefit); what it is about — a project, a
 * recognition, an exhibition, a contract, the enterprise, and for a 每年
 * award the year — is data of the group (data/groups.json).  Claims compete
 * only when they concern the same benefit for the same object: the highest
 * computed award is paid once, less what was already granted for it (a
 * top-up).  A ceiling still to be assessed (outcome up_to) is never paid: it
 * is pending assessment, and never beats a computed amount.  Outside groups,
 * an amount already granted for the same measure is an upgrade of the same
 * object: the difference is paid (or the full award, by the reading
 * `upgrade_payment`).  Then the caps that hold across claims (a yearly cap,
 * a cap per exhibition shared by two measures) are applied in claim order.
 *
 * Every ruleset-wide reading is read at the date of the claim's result.
 * Claims are ordered by their benefit with one sort (of keys that carry
 * what they are compared by: no global or thread-local state), so stacking n
 * claims takes O(n log n) time and O(n) memory.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "core/error.h"
#include "core/strbuf.h"
#include "engine/engine.h"

/* The most bytes of an object id. */
#define OBJECT_MAX 256

typedef struct line {
    const dgs_result *r;     /* the result claimed (a report), or NULL (a population) */
    const dgs_measure *m;    /* the measure claimed */
    dgs_fen_t award;
    int outcome;
    bool money;              /* the measure's number is money */
    bool full;               /* a granted award of a group paid in full over other honours (pays_in_full) */
    const char *obj;         /* the object id ("" for none) */
    dgs_fen_t before;        /* already granted (for the same object) */
    dgs_fen_t paid;
    dgs_fen_t up_to;         /* what an assessment of a pending ceiling could still add */
    size_t winner;
    size_t object;           /* offset of the object id in the pool */
    size_t reason[2];        /* offsets of the reasons (zh, en) in the pool */
    const char *group;       /* the group applied, or "" */
    const group_def *gd;
    int32_t date;
    int32_t year;
    int decision;
    unsigned flags;
    int cap;                 /* the cross-claim cap it falls under, or -1 */
    int cap_known;           /* that cap when the caller knows it (one measure, one date), or -2 */
    int upgrade;             /* the reading upgrade_payment at its date */
} line;

/* Strings of a report, one allocation. */
typedef struct pool {
    char *p;
    size_t len, cap;
    bool failed;
} pool;

struct dgs_stack {
    size_t n;
    dgs_fen_t total;
    dgs_fen_t up_to_total;
    line *lines;
    pool strings;            /* reasons */
    pool objects;            /* object ids: complete before claims are sorted */
};

static size_t pool_add(pool *pl, const char *text)
{
    size_t n = strlen(text) + 1;
    if (pl->failed)
        return 0;
    if (pl->len + n > pl->cap) {
        size_t cap = pl->cap ? pl->cap : 1024;
        while (cap < pl->len + n)
            cap *= 2;
        char *p = realloc(pl->p, cap);
        if (!p) {
            pl->failed = true;
            return 0;
        }
        pl->p = p;
        pl->cap = cap;
    }
    memcpy(pl->p + pl->len, text, n);
    pl->len += n;
    return pl->len - n;
}

static const char *pool_at(const dgs_stack *s, size_t offset) { return s->strings.p + offset; }
static const char *object_at(const dgs_stack *s, size_t offset) { return s->objects.p + offset; }

static void set_reason(pool *pl, line *l, const char *zh, const char *en)
{
    if (!pl)
        return;
    l->reason[0] = pool_add(pl, zh);
    l->reason[1] = pool_add(pl, en);
}

/* Whether a group's highest award is paid in full although a lower award of the group was
 * already granted: the measure's own reading `reading_earlier_award` = "full" (a later,
 * higher honour is a new event).  Measures without that reading pay the difference. */
static bool pays_in_full(const dgs_measure *m, const resolved *params)
{
    const measure_spec *spec = m->meta->spec;
    for (size_t k = 0; spec && k < spec->n_params && k < MAX_PARAMS; k++)
        if (spec->params[k].type == DGS_TYPE_SWITCH && strcmp(spec->params[k].name, "reading_earlier_award") == 0)
            return params[k].num == 1;
    return false;
}

static const char *const decision_names[] = {"paid",         "top_up",      "superseded",
                                             "not_granted",  "already_paid", "not_a_grant",
                                             "pending_assessment", "capped", "not_claimed", "invalid"};

DGS_API const char *dgs_stack_decision_name(int decision)
{
    return decision >= 0 && decision <= DGS_STACK_INVALID ? decision_names[decision] : NULL;
}

/* Why an object id is refused, or NULL: ids are compared byte for byte, so a
 * stray space or control character would make one object two (and pay it
 * twice); invalid UTF-8 could not be rendered. */
static const char *object_problem(const char *id)
{
    const unsigned char *s = (const unsigned char *)id;
    size_t len = strlen(id);
    if (len > OBJECT_MAX)
        return "is longer than 256 bytes";
    if (len && (s[0] == ' ' || s[len - 1] == ' '))
        return "begins or ends with a space";
    while (*s) {
        if (*s < 0x20 || *s == 0x7f)
            return "contains a control character";
        if (*s < 0x80) {
            s++;
            continue;
        }
        int n;
        unsigned long c;
        if ((*s & 0xe0) == 0xc0)
            n = 1, c = *s & 0x1fu;
        else if ((*s & 0xf0) == 0xe0)
            n = 2, c = *s & 0x0fu;
        else if ((*s & 0xf8) == 0xf0)
            n = 3, c = *s & 0x07u;
        else
            return "is not valid UTF-8";
        s++;
        for (int k = 0; k < n; k++, s++) {
            if ((*s & 0xc0) != 0x80)
                return "is not valid UTF-8";
            c = c << 6 | (*s & 0x3fu);
        }
        if ((n == 1 && c < 0x80) || (n == 2 && (c < 0x800 || (c >= 0xd800 && c <= 0xdfff))) ||
            (n == 3 && (c < 0x10000 || c > 0x10ffff)))
            return "is not valid UTF-8";
    }
    return NULL;
}

/* ---- the data of groups and caps --------------------------------------------- */

static int cmp_group_id(const void *key, const void *g)
{
    return strcmp((const char *)key, ((const group_def *)g)->id);
}

const group_def *group_find(const char *id)
{
    if (!id || !*id)
        return NULL;
    return bsearch(id, dgs_groups, dgs_group_count, sizeof dgs_groups[0], cmp_group_id);
}

bool group_reading_holds(const group_def *g, const ruleset_view *view)
{
    if (!g->reading)
        return true;
    int k = ruleset_global_index(g->reading);
    int value = ruleset_global_choice(k, g->reading_value);
    return k >= 0 && value >= 0 && view->g[k] == value;
}

const char *group_object_name(int object)
{
    static const char *const names[] = {"enterprise", "project", "recognition", "exhibition", "contract"};
    return object >= 0 && object <= OBJECT_CONTRACT ? names[object] : "";
}

/* The same in Chinese, for the reports. */
static const char *group_object_zh(int object)
{
    static const char *const names[] = {"企业", "项目", "认定", "展会", "合同"};
    return object >= 0 && object <= OBJECT_CONTRACT ? names[object] : "";
}

/* A cap of the data, resolved against a ruleset. */
typedef struct cap_ref {
    const cap_def *d;
    const dgs_measure *measure;   /* whose parameter is the cap */
    long param;
} cap_ref;

static long param_index(const dgs_measure *m, const char *name)
{
    if (!m || !m->meta->spec || !name)
        return -1;
    for (size_t i = 0; i < m->meta->spec->n_params; i++)
        if (strcmp(m->meta->spec->params[i].name, name) == 0)
            return (long)i;
    return -1;
}

static long choice_index(const dgs_measure *m, long p, const char *value)
{
    const char *const *choices = p >= 0 ? m->meta->spec->params[p].choices : NULL;
    for (long i = 0; choices && choices[i]; i++)
        if (strcmp(choices[i], value) == 0)
            return i;
    return -1;
}

static int resolve_caps(const dgs_ruleset *rs, cap_ref *caps, dgs_error *err)
{
    for (size_t c = 0; c < dgs_cap_count; c++) {
        const cap_def *d = &dgs_caps[c];
        caps[c].d = d;
        caps[c].measure = dgs_ruleset_find(rs, d->measure);
        caps[c].param = param_index(caps[c].measure, d->parameter);
        if (caps[c].param < 0)
            return dgs_fail(err, DGS_E_UNKNOWN_PARAMETER, "cross-claim cap %s names a parameter its measure lacks", d->id);
    }
    return DGS_OK;
}

/* The cap a line falls under at its date, or -1: the first cap that has its
 * measure as a member and whose switch (of the line's own measure, if it has
 * it) is on. */
static int line_cap(const cap_ref *caps, const line *l)
{
    const dgs_measure *m = l->m;
    for (size_t c = 0; c < dgs_cap_count; c++) {
        const cap_def *d = caps[c].d;
        bool member = false;
        for (size_t k = 0; k < CAP_MAX_MEMBERS && d->members[k]; k++)
            member |= strcmp(d->members[k], m->meta->id) == 0;
        if (!member)
            continue;
        if (d->when_parameter) {
            /* A member without the switch is always under the cap. */
            long p = param_index(m, d->when_parameter);
            if (p >= 0 && slot_at(&m->slots[p], l->date)->num != choice_index(m, p, d->when_value))
                continue;
        }
        return (int)c;
    }
    return -1;
}

/* ---- ordering claims by their benefit ------------------------------------------ */

/* What a claim is ordered by: the benefit it is about — its family (its group,
 * or its measure), the object within it ("" for a group about the
 * enterprise), the year that makes a yearly benefit another one (or 0) — or
 * the cross-claim cap and period it falls in; then its place in the file. */
typedef struct sort_key {
    int cap;
    int32_t year;
    const char *family;
    const char *object;
    size_t index;
} sort_key;

static sort_key benefit_key(const line *l, size_t index)
{
    bool yearly = l->gd ? l->gd->yearly : l->m->meta->yearly;
    return (sort_key){-1, yearly ? l->year : 0, *l->group ? l->group : l->m->meta->id,
                      l->gd && l->gd->object == OBJECT_ENTERPRISE ? "" : l->obj, index};
}

static sort_key cap_key(const line *l, size_t index)
{
    bool yearly = dgs_caps[l->cap].period == CAP_PER_YEAR;
    return (sort_key){l->cap, yearly ? l->year : 0, "", yearly ? "" : l->obj, index};
}

static int cmp_str(const char *a, const char *b) { return a == b ? 0 : strcmp(a, b); }

/* Whether two keys name the same benefit (or cap period). */
static bool same_key(const sort_key *x, const sort_key *y)
{
    return x->cap == y->cap && x->year == y->year && cmp_str(x->family, y->family) == 0 &&
           cmp_str(x->object, y->object) == 0;
}

static int cmp_key(const void *a, const void *b)
{
    const sort_key *x = a, *y = b;
    int c = (x->cap > y->cap) - (x->cap < y->cap);
    if (!c)
        c = cmp_str(x->family, y->family);
    if (!c)
        c = cmp_str(x->object, y->object);
    if (!c)
        c = (x->year > y->year) - (x->year < y->year);
    if (!c)
        c = (x->index > y->index) - (x->index < y->index);
    return c;
}

static bool is_money(const line *l) { return l->money; }

/* ---- deciding -------------------------------------------------------------------- */

/* A claim in no exclusive group.  Reasons are written only into a pool (pl not NULL). */
static void decide_alone(pool *pl, line *l)
{
    char a[48], b[48], zh[512], en[512];
    if (l->outcome == DGS_OUTCOME_UP_TO) {
        l->decision = DGS_STACK_PENDING_ASSESSMENT;
        /* What an assessment could add: the ceiling, less an earlier grant for the same object. */
        l->up_to = l->upgrade == UPGRADE_FULL ? l->award : l->award > l->before ? l->award - l->before : 0;
        if (pl) {
            dgs_money_format(l->award, a, sizeof a);
            snprintf(zh, sizeof zh, "最高 %s 元（待核定）：主管部门核定后给予，不计入合计", a);
            snprintf(en, sizeof en, "up to %s yuan (to be assessed): paid once the department assesses it; not in the total", a);
            set_reason(pl, l, zh, en);
        }
        return;
    }
    if (l->upgrade == UPGRADE_FULL || l->before == 0) {
        l->paid = l->award;
        l->decision = DGS_STACK_PAID;
        set_reason(pl, l, "不属于不重复享受组，全额给予", "in no exclusive group: paid in full");
        return;
    }
    l->paid = l->award > l->before ? l->award - l->before : 0;
    l->decision = l->paid > 0 ? DGS_STACK_TOP_UP : DGS_STACK_ALREADY_PAID;
    if (pl) {
        dgs_money_format(l->before, b, sizeof b);
        snprintf(zh, sizeof zh, "同一对象已获本项 %s 元，补足差额", b);
        snprintf(en, sizeof en, "%s yuan already granted for the same object: the difference is paid", b);
        set_reason(pl, l, zh, en);
    }
}

/* The claims keys[0..k) about one benefit of one group. */
static void decide_group(pool *pl, line *lines, const sort_key *keys, size_t k)
{
    char a[48], b[48], c[48], zh[512], en[512];
    size_t w = SIZE_MAX, top = SIZE_MAX;       /* the highest computed award; the highest ceiling */
    dgs_fen_t group_before = 0;
    for (size_t j = 0; j < k; j++) {
        const line *l = &lines[keys[j].index];
        /* Saturating: the sum only matters compared with an award. */
        if (!dgs_add_checked(group_before, l->before, &group_before))
            group_before = INT64_MAX;
        if (!is_money(l))
            continue;
        if (l->outcome == DGS_OUTCOME_GRANTED && (w == SIZE_MAX || l->award > lines[w].award))
            w = keys[j].index;
        if (l->outcome == DGS_OUTCOME_UP_TO && (top == SIZE_MAX || l->award > lines[top].award))
            top = keys[j].index;
    }
    if (pl)
        dgs_money_format(group_before, b, sizeof b);
    for (size_t j = 0; j < k; j++) {
        line *l = &lines[keys[j].index];
        if (l->decision != -1)
            continue;
        const char *g = l->group;
        if (pl)
            dgs_money_format(l->award, c, sizeof c);
        if (l->outcome == DGS_OUTCOME_UP_TO) {
            l->decision = DGS_STACK_PENDING_ASSESSMENT;
            if (w != SIZE_MAX) {
                l->winner = w;
                dgs_fen_t base = lines[w].award > group_before ? lines[w].award : group_before;
                if (keys[j].index == top)
                    l->up_to = l->award > base ? l->award - base : 0;
                if (pl) {
                    dgs_money_format(lines[w].award, a, sizeof a);
                    snprintf(zh, sizeof zh, "%s 组：已按 %s（%s 元）给予；本项最高 %s 元待核定，核定金额高于已给予金额的，补足差额",
                             g, lines[w].m->meta->id, a, c);
                    snprintf(en, sizeof en, "%s: %s (%s yuan) is paid; this ceiling of %s yuan awaits assessment, and an assessment above the paid amount tops up the difference",
                             g, lines[w].m->meta->id, a, c);
                }
            } else {
                l->winner = top;
                if (keys[j].index == top)
                    l->up_to = l->award > group_before ? l->award - group_before : 0;
                if (pl) {
                    snprintf(zh, sizeof zh, "%s 组：最高 %s 元（待核定），核定后就高给予一次，不计入合计", g, c);
                    snprintf(en, sizeof en, "%s: up to %s yuan (to be assessed); the highest assessed amount is paid once; not in the total", g, c);
                }
            }
            set_reason(pl, l, zh, en);
            continue;
        }
        l->winner = w;
        if (pl)
            dgs_money_format(lines[w].award, a, sizeof a);
        if (w != keys[j].index) {
            l->decision = DGS_STACK_SUPERSEDED;
            if (pl) {
                snprintf(zh, sizeof zh, "%s 组就高、从优、不重复享受：按 %s（%s 元）给予", g, lines[w].m->meta->id, a);
                snprintf(en, sizeof en, "%s: paid once, the highest — %s (%s yuan) is paid instead", g,
                         lines[w].m->meta->id, a);
                set_reason(pl, l, zh, en);
            }
            continue;
        }
        if (l->full && group_before > l->before) {
            /* A new, higher honour: paid in full, less what this same honour already received. */
            char other[48];
            l->paid = l->award > l->before ? l->award - l->before : 0;
            l->decision = l->paid > 0 ? DGS_STACK_PAID : DGS_STACK_ALREADY_PAID;
            if (pl) {
                dgs_money_format(group_before - l->before, other, sizeof other);
                snprintf(zh, sizeof zh, "%s 组中金额最高；该组其他认定已获 %s 元，按解读全额给予", g, other);
                snprintf(en, sizeof en,
                         "the highest of %s; %s yuan already granted for another honour of the group: paid in full "
                         "under the reading in force", g, other);
                set_reason(pl, l, zh, en);
            }
            continue;
        }
        l->paid = l->award > group_before ? l->award - group_before : 0;
        l->decision = group_before == 0 ? DGS_STACK_PAID : l->paid > 0 ? DGS_STACK_TOP_UP : DGS_STACK_ALREADY_PAID;
        if (!pl)
            continue;
        if (group_before == 0) {
            snprintf(zh, sizeof zh, "%s 组中金额最高，给予", g);
            snprintf(en, sizeof en, "the highest of %s: paid", g);
        } else {
            snprintf(zh, sizeof zh, "%s 组中金额最高；该组已获 %s 元，补足差额", g, b);
            snprintf(en, sizeof en, "the highest of %s; %s yuan already granted in the group: top-up", g, b);
        }
        set_reason(pl, l, zh, en);
    }
}

/* The claims keys[0..k) under one cross-claim cap in one period, in claim order. */
static void apply_cap(pool *pl, line *lines, const sort_key *keys, size_t k, const cap_ref *cap)
{
    char a[48], b[48], c[48], zh[512], en[512];
    dgs_fen_t used = 0;
    for (size_t j = 0; j < k; j++) {
        line *l = &lines[keys[j].index];
        dgs_fen_t limit = slot_at(&cap->measure->slots[cap->param], l->date)->num;
        dgs_fen_t room = limit > used ? limit - used : 0;
        if (l->paid > room) {
            if (pl) {
                dgs_money_format(limit, a, sizeof a);
                dgs_money_format(used, b, sizeof b);
                dgs_money_format(room, c, sizeof c);
                snprintf(zh, sizeof zh, "%s（%s 元）：本%s已给予 %s 元，本项给予余额 %s 元", cap->d->clause, a,
                         cap->d->period == CAP_PER_YEAR ? "年度" : "对象", b, c);
                snprintf(en, sizeof en, "cap of %s yuan per %s (%s): %s yuan already paid, %s yuan left is paid",
                         a, cap->d->period == CAP_PER_YEAR ? "year" : "object", cap->d->id, b, c);
                set_reason(pl, l, zh, en);
            }
            l->paid = room;
            l->decision = DGS_STACK_CAPPED;
        }
        used += l->paid;   /* ≤ limit: cannot overflow */
    }
}

/* A claim as the stacking engine sees it: its measure, date, outcome, award
 * and group (the result's), the object and what was already granted.  The
 * readings are those of `v` (the ruleset at the claim's date).  `params`:
 * the parameters the award was computed with (read for a granted award only). */
static void line_init(line *l, size_t index, const ruleset_view *v, const dgs_measure *m, const group_def *gd,
                      int32_t date, int32_t year, int outcome, dgs_fen_t award, const resolved *params,
                      const char *obj, dgs_fen_t before)
{
    memset(l, 0, sizeof *l);
    l->m = m;
    l->award = award;
    l->outcome = outcome;
    l->money = strcmp(dgs_measure_unit(m), "yuan") == 0;
    l->cap_known = -2;
    l->full = outcome == DGS_OUTCOME_GRANTED && params && pays_in_full(m, params);   /* params NULL: set by the caller */
    l->obj = obj;
    l->winner = index;
    l->decision = -1;
    l->cap = -1;
    l->before = before;
    l->date = date;
    l->year = year;
    l->gd = gd;
    /* With the reading "text", only groups whose 不重复享受 clause the text writes. */
    bool applies = l->gd && (v->g[G_STACKING_SCOPE] == SCOPE_PACKAGE || l->gd->text_clause);
    l->group = applies ? l->gd->id : "";
    if (!applies)
        l->gd = NULL;
    l->upgrade = (int)v->g[G_UPGRADE_PAYMENT];
}

/* Decides the claims lines[0..n) of one applicant: the payments of each
 * benefit, then the caps across claims.  `keys` has room for n keys; `pl`
 * receives the reasons, or is NULL (amounts and decisions only). */
static void stack_lines(const cap_ref *caps, pool *pl, line *lines, size_t n, sort_key *keys)
{
    for (size_t i = 0; i < n; i++)
        keys[i] = benefit_key(&lines[i], i);

    /* Outcomes that are not payments, whatever their group. */
    for (size_t i = 0; i < n; i++) {
        line *l = &lines[i];
        char zh[512], en[512];
        if (l->outcome != DGS_OUTCOME_GRANTED && l->outcome != DGS_OUTCOME_UP_TO) {
            l->decision = DGS_STACK_NOT_GRANTED;
            if (pl) {
                snprintf(zh, sizeof zh, "未获给予（%s）", dgs_outcome_name(l->outcome));
                snprintf(en, sizeof en, "not granted (%s)", dgs_outcome_name(l->outcome));
                set_reason(pl, l, zh, en);
            }
        } else if (!is_money(l)) {
            l->decision = DGS_STACK_NOT_A_GRANT;
            if (pl) {
                snprintf(zh, sizeof zh, "不是资金奖补（%s），不计入合计", dgs_measure_unit(l->m));
                snprintf(en, sizeof en, "not a grant (%s): not counted", dgs_measure_unit(l->m));
                set_reason(pl, l, zh, en);
            }
        }
    }

    /* One sort by benefit; then each run of claims about one benefit. */
    if (n > 1)
        qsort(keys, n, sizeof *keys, cmp_key);
    for (size_t a = 0; a < n;) {
        size_t b = a + 1;
        while (b < n && same_key(&keys[a], &keys[b]))
            b++;
        const line *first = &lines[keys[a].index];
        if (*first->group) {
            /* Claims of a benefit per object that name none were read as one object: say so. */
            if (b - a > 1 && !*first->obj && first->gd && first->gd->object != OBJECT_ENTERPRISE)
                for (size_t j = a; j < b; j++)
                    lines[keys[j].index].flags |= DGS_STACK_FLAG_NO_OBJECT;
            decide_group(pl, lines, keys + a, b - a);
        } else {
            /* Two claims of one one-off measure about the same object: likely the same benefit twice. */
            bool twice = b - a > 1 && !first->m->meta->yearly;
            for (size_t j = a; j < b; j++) {
                line *l = &lines[keys[j].index];
                if (twice)
                    l->flags |= DGS_STACK_FLAG_REPEATED;
                if (l->decision == -1)
                    decide_alone(pl, l);
            }
        }
        a = b;
    }

    /* Caps across claims, in claim order within each cap's year or object. */
    size_t m = 0;
    for (size_t i = 0; i < n; i++) {
        line *l = &lines[i];
        if (l->paid > 0 && (l->cap = l->cap_known != -2 ? l->cap_known : line_cap(caps, l)) >= 0)
            keys[m++] = cap_key(l, i);
    }
    if (m > 1)
        qsort(keys, m, sizeof *keys, cmp_key);
    for (size_t a = 0; a < m;) {
        size_t b = a + 1;
        while (b < m && same_key(&keys[a], &keys[b]))
            b++;
        apply_cap(pl, lines, keys + a, b - a, &caps[keys[a].cap]);
        a = b;
    }
}

/* The caps of the data resolved against rs. */
static int caps_of(const dgs_ruleset *rs, cap_ref *caps, dgs_error *err)
{
    if (dgs_cap_count > CAP_MAX)   /* data/groups.json has more caps: a build error the test suite reports */
        return dgs_fail(err, DGS_E_RANGE, "data/groups.json has %zu cross-claim caps, more than %d", dgs_cap_count,
                        CAP_MAX);
    return resolve_caps(rs, caps, err);
}

DGS_API int dgs_stack_claims(const dgs_ruleset *rs, const dgs_result *const *results,
                             const char *const *objects, size_t n,
                             const dgs_fen_t *already_granted, dgs_stack **out, dgs_error *err)
{
    if (out)
        *out = NULL;
    if (!rs || !out || (n && !results))
        return dgs_fail(err, DGS_E_INVALID_ARGUMENT, "dgs_stack_claims: ruleset, results and out must not be NULL");
    if (n > SIZE_MAX / sizeof(line) / 2)
        return dgs_fail(err, DGS_E_RANGE, "dgs_stack_claims: %zu claims is too many", n);
    for (size_t i = 0; i < n; i++) {
        if (!results[i])
            return dgs_fail(err, DGS_E_INVALID_ARGUMENT, "dgs_stack_claims: result %zu is NULL", i);
        if (already_granted && already_granted[i] < 0)
            return dgs_fail(err, DGS_E_NEGATIVE, "dgs_stack_claims: already granted amount %zu is negative", i);
        const char *problem = objects && objects[i] ? object_problem(objects[i]) : NULL;
        if (problem)
            return dgs_fail(err, strstr(problem, "longer") ? DGS_E_RANGE : DGS_E_VALUE,
                            "dgs_stack_claims: the object of claim %zu %s", i, problem);
    }
    cap_ref caps[CAP_MAX];
    int rc = caps_of(rs, caps, err);
    if (rc)
        return rc;

    dgs_stack *s = calloc(1, sizeof *s);
    line *lines = n ? calloc(n, sizeof *lines) : NULL;
    sort_key *keys = n ? malloc(n * sizeof *keys) : NULL;
    if (!s || (n && (!lines || !keys))) {
        free(s);
        free(lines);
        free(keys);
        return dgs_fail(err, DGS_E_NOMEM, "out of memory stacking %zu results", n);
    }
    s->n = n;
    s->lines = lines;
    pool *pl = &s->strings, *ob = &s->objects;
    pool_add(pl, "");   /* offset 0: the empty string */
    pool_add(ob, "");

    ruleset_view v;          /* the readings at the date of the claim before, reused while it holds */
    v.date = INT32_MIN;
    for (size_t i = 0; i < n; i++) {
        const dgs_result *r = results[i];
        int32_t date;
        if (dgs_date_parse(r->date, &date))
            date = 0;
        if (i == 0 || v.date != date)
            ruleset_view_at(rs, date, &v);
        line_init(&lines[i], i, &v, r->m, group_find(r->group), date, (int32_t)strtol(r->date, NULL, 10), r->outcome,
                  r->award, r->params, "", already_granted ? already_granted[i] : 0);
        lines[i].r = r;
        lines[i].object = objects && objects[i] && *objects[i] ? pool_add(ob, objects[i]) : 0;
    }
    if (pl->failed || ob->failed)
        goto nomem;
    for (size_t i = 0; i < n; i++)
        lines[i].obj = ob->p + lines[i].object;   /* the object pool is complete: its addresses hold */

    stack_lines(caps, pl, lines, n, keys);
    if (pl->failed)
        goto nomem;
    free(keys);
    keys = NULL;

    for (size_t i = 0; i < n; i++) {
        if (!dgs_add_checked(s->total, lines[i].paid, &s->total)) {
            dgs_stack_free(s);
            return dgs_fail(err, DGS_E_OVERFLOW, "the stacked total overflows");
        }
        if (!dgs_add_checked(s->up_to_total, lines[i].up_to, &s->up_to_total)) {
            dgs_stack_free(s);
            return dgs_fail(err, DGS_E_OVERFLOW, "the total of the ceilings to be assessed overflows");
        }
    }
    *out = s;
    return dgs_ok(err);

nomem:
    free(keys);
    dgs_stack_free(s);
    return dgs_fail(err, DGS_E_NOMEM, "out of memory stacking %zu results", n);
}

DGS_API int dgs_stack_results(const dgs_ruleset *rs, const dgs_result *const *results, size_t n,
                              const dgs_fen_t *already_granted, dgs_stack **out, dgs_error *err)
{
    return dgs_stack_claims(rs, results, NULL, n, already_granted, out, err);
}

DGS_API void dgs_stack_free(dgs_stack *s)
{
    if (s) {
        free(s->lines);
        free(s->strings.p);
        free(s->objects.p);
    }
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
    return l ? pool_at(s, l->reason[lang == DGS_LANG_EN]) : NULL;
}
DGS_API dgs_fen_t dgs_stack_total(const dgs_stack *s) { return s ? s->total : 0; }
DGS_API dgs_fen_t dgs_stack_up_to_total(const dgs_stack *s) { return s ? s->up_to_total : 0; }
DGS_API dgs_fen_t dgs_stack_up_to(const dgs_stack *s, size_t i)
{
    const line *l = line_at(s, i);
    return l ? l->up_to : 0;
}
DGS_API const char *dgs_stack_object(const dgs_stack *s, size_t i)
{
    const line *l = line_at(s, i);
    return l ? object_at(s, l->object) : NULL;
}
DGS_API const char *dgs_stack_object_kind(const dgs_stack *s, size_t i)
{
    const line *l = line_at(s, i);
    return l ? (l->gd ? group_object_name(l->gd->object) : "") : NULL;
}
DGS_API unsigned dgs_stack_flags(const dgs_stack *s, size_t i)
{
    const line *l = line_at(s, i);
    return l ? l->flags : 0;
}
DGS_API size_t dgs_stack_repeated_count(const dgs_stack *s)
{
    size_t k = 0;
    for (size_t i = 0; s && i < s->n; i++)
        k += (s->lines[i].flags & DGS_STACK_FLAG_REPEATED) != 0;
    return k;
}

static int render_json(const dgs_stack *s, int lang, char **out, dgs_error *err)
{
    char v[48];
    json_t *o = json_object(), *items = json_array();
    int bad = !o || !items;
    for (size_t i = 0; !bad && i < s->n; i++) {
        const line *l = &s->lines[i];
        json_t *j = json_object(), *flags = json_array();
        if (!j || !flags) {
            json_decref(j);
            json_decref(flags);
            bad = 1;
            break;
        }
        if (l->flags & DGS_STACK_FLAG_REPEATED)
            bad |= json_array_append_new(flags, json_string("repeated"));
        if (l->flags & DGS_STACK_FLAG_NO_OBJECT)
            bad |= json_array_append_new(flags, json_string("no_object"));
        bad |= json_object_set_new(j, "measure", json_string(l->r->m->meta->id));
        bad |= json_object_set_new(j, "date", json_string(l->r->date));
        bad |= json_object_set_new(j, "object", json_string(object_at(s, l->object)));
        bad |= json_object_set_new(j, "outcome", json_string(dgs_outcome_name(l->r->outcome)));
        bad |= json_object_set_new(j, "award", json_string(dgs_format_amount(dgs_result_unit_type(l->r), l->r->award, v, sizeof v)));
        bad |= json_object_set_new(j, "unit", json_string(dgs_result_unit(l->r)));
        bad |= json_object_set_new(j, "paid", json_string(dgs_money_format(l->paid, v, sizeof v)));
        bad |= json_object_set_new(j, "paid_fen", json_integer(l->paid));
        bad |= json_object_set_new(j, "up_to", json_string(dgs_money_format(l->up_to, v, sizeof v)));
        bad |= json_object_set_new(j, "decision", json_string(decision_names[l->decision]));
        bad |= json_object_set_new(j, "group", json_string(l->group));
        bad |= json_object_set_new(j, "object_kind", json_string(l->gd ? group_object_name(l->gd->object) : ""));
        bad |= json_object_set_new(j, "flags", flags);
        bad |= json_object_set_new(j, "reason", json_string(pool_at(s, l->reason[lang == DGS_LANG_EN])));
        bad |= json_array_append_new(items, j);
    }
    if (!bad) {
        bad |= json_object_set_new(o, "results", items);
        items = NULL;
        bad |= json_object_set_new(o, "total", json_string(dgs_money_format(s->total, v, sizeof v)));
        bad |= json_object_set_new(o, "total_fen", json_integer(s->total));
        bad |= json_object_set_new(o, "up_to_total", json_string(dgs_money_format(s->up_to_total, v, sizeof v)));
        bad |= json_object_set_new(o, "up_to_total_fen", json_integer(s->up_to_total));
        bad |= json_object_set_new(o, "repeated", json_integer((json_int_t)dgs_stack_repeated_count(s)));
    }
    int rc = sb_json(bad ? NULL : o, out, "the stacking report", err);   /* the library's allocation, not jansson's */
    json_decref(o);
    json_decref(items);
    return rc;
}

DGS_API int dgs_stack_render(const dgs_stack *s, int format, int lang, char **out, dgs_error *err)
{
    if (out)
        *out = NULL;
    if (!s || !out)
        return dgs_fail(err, DGS_E_INVALID_ARGUMENT, "dgs_stack_render: report and out must not be NULL");
    if (format == DGS_FORMAT_JSON)
        return render_json(s, lang, out, err);
    if (format != DGS_FORMAT_TEXT)
        return dgs_fail(err, DGS_E_INVALID_ARGUMENT, "unknown format %d", format);
    bool en = lang == DGS_LANG_EN;
    strbuf b = {0};
    char award[64], paid[48];
    sb_printf(&b, "%s\n", en ? "Stacking (就高、从优、不重复享受):" : "就高、从优、不重复享受：");
    for (size_t i = 0; i < s->n; i++) {
        const line *l = &s->lines[i];
        if (l->r->outcome == DGS_OUTCOME_UP_TO) {
            char m[48];
            dgs_money_format(l->r->award, m, sizeof m);
            snprintf(award, sizeof award, en ? "up to %s" : "最高 %s", m);
        } else if (spec_is_money(l->r->m->meta->spec)) {
            dgs_money_format(l->r->award, award, sizeof award);
        } else {
            snprintf(award, sizeof award, "%lld %s", (long long)l->r->award, dgs_result_unit(l->r));
        }
        sb_printf(&b, "  %-10s %16s → %14s  %-18s %s", l->r->m->meta->id, award,
                  dgs_money_format(l->paid, paid, sizeof paid), decision_names[l->decision],
                  pool_at(s, l->reason[en]));
        if (*object_at(s, l->object))
            sb_printf(&b, en ? " [object: %s]" : "〔对象：%s〕", object_at(s, l->object));
        if (l->flags & DGS_STACK_FLAG_REPEATED)
            sb_printf(&b, "%s", en ? " [claimed twice for the same object: check it is not the same benefit]"
                                   : "〔同一对象重复申报本项：请核实是否同一事项〕");
        if (l->flags & DGS_STACK_FLAG_NO_OBJECT) {
            if (en)
                sb_printf(&b, " [no object named: read as one %s with the other claims of %s that name none; "
                              "if they are different, give each its object]",
                          group_object_name(l->gd->object), l->group);
            else
                sb_printf(&b, "〔未填写对象：与 %s 中其他未填写对象的申报视为同一%s；如非同一，请分别填写对象〕",
                          l->group, group_object_zh(l->gd->object));
        }
        sb_printf(&b, "\n");
    }
    sb_printf(&b, en ? "  total paid: %s yuan\n" : "  合计给予：%s 元\n", dgs_money_format(s->total, paid, sizeof paid));
    if (s->up_to_total)
        sb_printf(&b, en ? "  ceilings to be assessed: up to %s yuan more\n" : "  待核定的最高额：至多另计 %s 元\n",
                  dgs_money_format(s->up_to_total, paid, sizeof paid));
    return sb_finish(&b, out, "the stacking report", err);
}

/* ---- populations: several measures over one population, stacked per applicant ---- */

/* The most branches of an item computed through other measures a population handles. */
#define POP_BRANCHES 8
/* The dates whose targets a measure keeps at once (the dates of one applicant's claims). */
#define POP_DAY_SLOTS 4

/* What decides the group and the reading of a row computed through one branch
 * (or the measure's own clause): as dgs_evaluate() gives them. */
typedef struct pop_target {
    bool ready;
    int32_t day;              /* the date it holds for */
    const dgs_measure *via;   /* the measure that computes the row */
    bool full;                /* pays_in_full() with the parameters at the date */
    bool reading_ok;          /* the reading a group rests on holds at the date */
    int by_col;               /* the column of via's branch input, -1 absent; -2 a value the branch fixes */
    int64_t by_value;         /* that fixed value */
    int64_t by_choice;        /* the value that puts the row in the group */
    bool by_any;              /* via's group applies to one value of its branch input only */
    const group_def *gd;      /* via's group (NULL: none) */
} pop_target;

typedef struct pop_measure {
    const dgs_measure *m;
    size_t n;                                 /* its columns: inputs and conditions */
    const char *names[MAX_INPUTS + MAX_CONDITIONS];
    const int64_t *cols[MAX_INPUTS + MAX_CONDITIONS];
    const uint8_t *pres[MAX_INPUTS + MAX_CONDITIONS];
    size_t col_of[MAX_INPUTS + MAX_CONDITIONS];   /* the population column of each */
    int input_col[MAX_INPUTS];                /* the population column of input k, or -1 */
    int branch_col;                           /* the column of the branch input of an item with branches, or -1 */
    int cap;                                  /* the cross-claim cap of its claims at the date, or -1 */
    bool money;
    /* [t][d % POP_DAY_SLOTS]: target t ([0] the own clause, or the one measure restated) at date d */
    pop_target targets[POP_BRANCHES + 1][POP_DAY_SLOTS];
} pop_measure;

/* A distinct date of the rows: its day, year and the readings in force. */
typedef struct pop_date {
    const char *text;
    int32_t day, year;
    ruleset_view v;
} pop_date;

/* A row and its date, to order the rows by date. */
typedef struct pop_day {
    int32_t day;
    size_t row;
} pop_day;

static int cmp_pop_day(const void *a, const void *b)
{
    const pop_day *x = a, *y = b;
    if (x->day != y->day)
        return x->day < y->day ? -1 : 1;
    return (x->row > y->row) - (x->row < y->row);
}

#if defined(__GNUC__) || defined(__clang__)
#define POP_PREFETCH(p) __builtin_prefetch(p)
#else
#define POP_PREFETCH(p) ((void)(p))
#endif
#define POP_AHEAD 16

/* A row with claims to stack: its applicant and its claims (claims[first … first + count)). */
typedef struct pop_row {
    int64_t applicant;
    size_t first;
    uint32_t count;
} pop_row;

/* A claim to stack, copied from the outputs and written back to them. */
typedef struct pop_claim {
    dgs_fen_t award, paid, up_to;
    size_t row;
    int32_t outcome, decision;
    uint32_t k;               /* the measure */
} pop_claim;

static int cmp_pop_row(const void *a, const void *b)
{
    const pop_row *x = a, *y = b;
    if (x->applicant != y->applicant)
        return x->applicant < y->applicant ? -1 : 1;
    return (x->first > y->first) - (x->first < y->first);   /* claims are numbered in row order */
}

static bool pop_has(const uint8_t *const *present, int j, size_t row)
{
    return j >= 0 && (!present || !present[j] || present[j][row]);
}

static const pop_target *pop_target_of(pop_measure *pm, size_t t, const restate_branch *b, size_t d, int32_t day,
                                       const ruleset_view *v)
{
    pop_target *x = &pm->targets[t][d % POP_DAY_SLOTS];
    if (x->ready && x->day == day)
        return x;
    x->ready = true;
    x->day = day;
    x->via = engine_through(pm->m, b);
    resolved params[MAX_PARAMS];
    memset(params, 0, sizeof params);
    calc c;
    bool run = engine_prepare(x->via, day, params, &c);
    x->full = run && pays_in_full(pm->m, params);
    const group_def *g = group_find(x->via->meta->group);
    x->gd = g;
    x->reading_ok = !(g && g->reading) || group_reading_holds(g, v);
    const measure_spec *vs = x->via->meta->spec;
    x->by_any = vs && vs->branch_input >= 0;
    x->by_col = -1;
    if (x->by_any) {
        x->by_choice = vs->branch_choice;
        long k = engine_input_of(pm->m, x->via, b, (size_t)vs->branch_input, &x->by_value);
        x->by_col = k == -2 ? -2 : k >= 0 && k < MAX_INPUTS ? pm->input_col[k] : -1;
    }
    return x;
}

/* The group of a row whose formula ran (granted or up_to), as engine_group() gives it: NULL for none. */
static const group_def *pop_group(const pop_target *x, const int64_t *const *columns, const uint8_t *const *present,
                             size_t row)
{
    if (!x->reading_ok)
        return NULL;
    if (x->by_any) {
        bool has = x->by_col == -2 || pop_has(present, x->by_col, row);
        int64_t value = x->by_col == -2 ? x->by_value : has ? columns[x->by_col][row] : 0;
        if (!has || value != x->by_choice)
            return NULL;
    }
    return x->gd;
}

/* The rows in order of applicant, then row: a counting sort when the codes are
 * dense (as codes numbered 0, 1, 2, … are), else a comparison sort. */
static int pop_sort(pop_row *order, size_t n)
{
    int64_t lo = INT64_MAX, hi = INT64_MIN;
    for (size_t i = 0; i < n; i++) {
        lo = order[i].applicant < lo ? order[i].applicant : lo;
        hi = order[i].applicant > hi ? order[i].applicant : hi;
    }
    uint64_t range = n ? (uint64_t)hi - (uint64_t)lo : 0;
    if (n < 64 || range > 4 * (uint64_t)n) {
        qsort(order, n, sizeof *order, cmp_pop_row);
        return DGS_OK;
    }
    size_t *count = calloc((size_t)range + 2, sizeof *count);
    pop_row *tmp = malloc(n * sizeof *tmp);
    if (!count || !tmp) {
        free(count);
        free(tmp);
        return DGS_E_NOMEM;
    }
    for (size_t i = 0; i < n; i++)
        count[(uint64_t)order[i].applicant - (uint64_t)lo + 1]++;
    for (size_t c = 1; c <= (size_t)range + 1; c++)
        count[c] += count[c - 1];
    for (size_t i = 0; i < n; i++)   /* stable: the rows of an applicant stay in row order */
        tmp[count[(uint64_t)order[i].applicant - (uint64_t)lo]++] = order[i];
    memcpy(order, tmp, n * sizeof *tmp);
    free(count);
    free(tmp);
    return DGS_OK;
}

/* " #<row>", the object of a row that names none: a name no other row has, and no caller's
 * object can be (those never begin with a space). */
static const char *row_name(char buf[24], size_t row)
{
    char digits[24];
    size_t n = 0;
    do {
        digits[n++] = (char)('0' + row % 10);
        row /= 10;
    } while (row);
    buf[0] = ' ';
    buf[1] = '#';
    for (size_t k = 0; k < n; k++)
        buf[2 + k] = digits[n - 1 - k];
    buf[2 + n] = '\0';
    return buf;
}

/* Whether a batch error is one of a row (the batch wrote every row). */
static bool pop_row_code(int rc)
{
    return rc == DGS_E_MISSING_INPUT || rc == DGS_E_NEGATIVE || rc == DGS_E_CHOICE || rc == DGS_E_RANGE ||
           rc == DGS_E_OVERFLOW;
}

DGS_API int dgs_evaluate_population(const dgs_ruleset *rs, size_t n_measures, const char *const *measures,
                                    const char *date, const char *const *dates, size_t rows, size_t cols,
                                    const char *const *names, const int64_t *const *columns,
                                    const uint8_t *const *present, const int64_t *applicants,
                                    const char *const *objects, dgs_fen_t *awards, int32_t *outcomes,
                                    dgs_fen_t *paid, int32_t *decisions, dgs_fen_t *up_to, dgs_error *err)
{
    if (!rs || !measures || (!date && !dates) || (cols && (!names || !columns)) ||
        (rows && (!applicants || !awards || !outcomes || !paid || !decisions)))
        return dgs_fail(err, DGS_E_INVALID_ARGUMENT,
                        "dgs_evaluate_population: ruleset, measures, date (or dates), names, columns, applicants, "
                        "awards, outcomes, paid and decisions must not be NULL");
    if (n_measures == 0)
        return dgs_fail(err, DGS_E_INVALID_ARGUMENT, "dgs_evaluate_population: no measure is given");
    if (n_measures > 1024)
        return dgs_fail(err, DGS_E_RANGE, "dgs_evaluate_population: %zu measures is too many (at most 1024)",
                        n_measures);
    if (rows && n_measures > SIZE_MAX / sizeof(line) / rows)
        return dgs_fail(err, DGS_E_RANGE, "dgs_evaluate_population: %zu rows of %zu measures is too many", rows,
                        n_measures);
    int32_t day = 0;
    if (date && dgs_date_parse(date, &day))
        return dgs_fail(err, DGS_E_DATE, "date '%.40s' is not a valid date YYYY-MM-DD", date);
    /* The date of each row: dates[i], or `date` where it is NULL. */
    for (size_t i = 0; dates && i < rows; i++) {
        int32_t d;
        const char *text = dates[i] ? dates[i] : date;
        if (!text || dgs_date_parse(text, &d)) {
            int rc = text ? dgs_fail(err, DGS_E_DATE, "dgs_evaluate_population: the date '%.40s' of row %zu is not a "
                                                      "valid date YYYY-MM-DD", text, i)
                          : dgs_fail(err, DGS_E_DATE, "dgs_evaluate_population: row %zu has no date and no date "
                                                      "is given for such rows", i);
            if (err)
                err->row = i;
            return rc;
        }
    }

    pop_measure *pm = calloc(n_measures, sizeof *pm);
    if (!pm)
        return dgs_fail(err, DGS_E_NOMEM, "out of memory evaluating a population");
    int rc = DGS_OK;
    pop_date *pd = NULL;         /* the distinct dates, in order */
    size_t nd = 0;
    uint32_t *row_date = NULL;   /* the index in pd of each row's date; NULL: every row has pd[0] */
    size_t *by_date = NULL;      /* the rows in order of date, then row; NULL with one date */
    size_t *date_start = NULL;   /* the rows of pd[d] are by_date[date_start[d] … date_start[d + 1]) */
    int64_t **dcols = NULL;      /* the columns in that order */
    uint8_t **dpres = NULL;
    dgs_fen_t *daw = NULL;       /* a measure's outputs in that order */
    int32_t *doc = NULL;
    pop_row *order = NULL;
    line *lines = NULL;
    sort_key *keys = NULL;
    size_t *where = NULL;
    char(*own)[24] = NULL;   /* the objects of rows without objects */
    pop_claim *claims = NULL;

    /* The measures: each once, each with inputs a row can give. */
    for (size_t k = 0; k < n_measures; k++) {
        if (!measures[k]) {
            rc = dgs_fail(err, DGS_E_INVALID_ARGUMENT, "dgs_evaluate_population: measure %zu is NULL", k);
            goto done;
        }
        rc = dgs_ruleset_lookup(rs, measures[k], &pm[k].m, err);
        if (rc)
            goto done;
        for (size_t q = 0; q < k; q++)
            if (pm[q].m == pm[k].m) {
                rc = dgs_fail(err, DGS_E_INVALID_ARGUMENT, "dgs_evaluate_population: measure %s is listed twice",
                              measures[k]);
                goto done;
            }
        const measure_meta *meta = pm[k].m->meta;
        if (!meta->spec || meta->spec->n_inputs == 0) {
            rc = dgs_fail(err, DGS_E_NOT_SUPPORTED,
                          "%s has no inputs: a row claims a measure by giving one of its inputs, so no row can claim it",
                          meta->id);
            goto done;
        }
        if (meta->branches && meta->branches->n > POP_BRANCHES) {
            rc = dgs_fail(err, DGS_E_NOT_SUPPORTED, "%s is computed through %u measures; a population takes at most %d",
                          meta->id, (unsigned)meta->branches->n, POP_BRANCHES);
            goto done;
        }
        for (size_t i = 0; i < MAX_INPUTS; i++)
            pm[k].input_col[i] = -1;
        pm[k].branch_col = -1;
    }

    /* The dates: one (pd[0]), or the distinct dates of the rows, in order, each with its rows
     * (by_date, in row order), and the columns in that order, for the batch of each date. */
    {
        pop_day *days = dates ? malloc((rows ? rows : 1) * sizeof *days) : NULL;
        if (dates && !days)
            goto nomem;
        bool one = true;
        for (size_t i = 0; days && i < rows; i++) {
            dgs_date_parse(dates[i] ? dates[i] : date, &days[i].day);   /* checked above */
            days[i].row = i;
            one &= days[i].day == days[0].day;
        }
        if (one) {
            const char *text = dates && rows ? (dates[0] ? dates[0] : date) : date;
            free(days);
            if (!(pd = malloc(sizeof *pd)))
                goto nomem;
            nd = 1;
            pd[0].text = text;
            if (text)
                dgs_date_parse(text, &pd[0].day);
            else
                pd[0].day = 0;
            pd[0].year = text ? (int32_t)strtol(text, NULL, 10) : 0;
        } else {
            qsort(days, rows, sizeof *days, cmp_pop_day);
            pd = malloc(rows * sizeof *pd);
            row_date = malloc(rows * sizeof *row_date);
            by_date = malloc(rows * sizeof *by_date);
            date_start = malloc((rows + 1) * sizeof *date_start);
            dcols = calloc(cols ? cols : 1, sizeof *dcols);
            dpres = calloc(cols ? cols : 1, sizeof *dpres);
            daw = malloc(rows * sizeof *daw);
            doc = malloc(rows * sizeof *doc);
            if (!pd || !row_date || !by_date || !date_start || !dcols || !dpres || !daw || !doc) {
                free(days);
                goto nomem;
            }
            for (size_t p = 0; p < rows; p++) {
                size_t i = days[p].row;
                if (p == 0 || days[p].day != days[p - 1].day) {
                    const char *text = dates[i] ? dates[i] : date;
                    pd[nd] = (pop_date){text, days[p].day, (int32_t)strtol(text, NULL, 10), {0}};
                    date_start[nd++] = p;
                }
                row_date[i] = (uint32_t)(nd - 1);
                by_date[p] = i;
            }
            date_start[nd] = rows;
            free(days);
            for (size_t j = 0; j < cols; j++) {
                if (!columns[j])
                    continue;   /* refused below */
                if (!(dcols[j] = malloc(rows * sizeof **dcols)))
                    goto nomem;
                for (size_t p = 0; p < rows; p++)
                    dcols[j][p] = columns[j][by_date[p]];
                if (present && present[j]) {
                    if (!(dpres[j] = malloc(rows)))
                        goto nomem;
                    for (size_t p = 0; p < rows; p++)
                        dpres[j][p] = present[j][by_date[p]];
                }
            }
        }
        for (size_t d = 0; d < nd; d++)
            ruleset_view_at(rs, pd[d].day, &pd[d].v);
    }

    /* The columns: each read by at least one measure (as an input or a condition), each once. */
    for (size_t j = 0; j < cols; j++) {
        if (!names[j] || (rows && !columns[j])) {
            rc = dgs_fail(err, DGS_E_INVALID_ARGUMENT, "dgs_evaluate_population: column %zu has a NULL name or data", j);
            goto done;
        }
        for (size_t q = 0; q < j; q++)
            if (strcmp(names[q], names[j]) == 0) {
                rc = dgs_fail(err, DGS_E_INVALID_ARGUMENT, "dgs_evaluate_population: column '%.60s' given twice",
                              names[j]);
                goto done;
            }
        if (strcmp(names[j], "date") == 0) {
            rc = dgs_fail(err, DGS_E_NOT_SUPPORTED,
                          "the dates of a population are the date and dates arguments; a column 'date' is not read");
            goto done;
        }
        bool used = false;
        bool condition = strncmp(names[j], CONDITION_PREFIX, CONDITION_PREFIX_LEN) == 0;
        for (size_t k = 0; k < n_measures; k++) {
            const dgs_measure *m = pm[k].m;
            long i = condition ? engine_condition_index(m, names[j] + CONDITION_PREFIX_LEN)
                               : dgs_measure_input_index(m, names[j]);
            if (i < 0)
                continue;
            used = true;
            pop_measure *x = &pm[k];
            x->names[x->n] = names[j];
            /* The batch reads the columns in the order of the dates (when the rows have several). */
            x->col_of[x->n] = j;
            x->cols[x->n] = dcols ? dcols[j] : columns[j];
            x->pres[x->n++] = dcols ? dpres[j] : present ? present[j] : NULL;
            if (!condition && i < MAX_INPUTS)
                x->input_col[i] = (int)j;
        }
        if (!used) {
            strbuf b = {0};
            for (size_t k = 0; k < n_measures; k++)
                sb_printf(&b, "%s%s", k ? ", " : "", pm[k].m->meta->id);
            rc = dgs_fail(err, DGS_E_UNKNOWN_INPUT,
                          "column '%.60s' is not %s of any measure given (%.120s)", names[j],
                          condition ? "a condition" : "an input", b.p ? b.p : "");
            free(b.p);
            goto done;
        }
    }
    for (size_t k = 0; k < n_measures; k++) {
        bool any = false;
        for (size_t i = 0; i < MAX_INPUTS; i++)
            any |= pm[k].input_col[i] >= 0;
        if (!any) {
            rc = dgs_fail(err, DGS_E_MISSING_INPUT, "%s: none of its inputs is a column, so no row can claim it",
                          pm[k].m->meta->id);
            goto done;
        }
        long bk = engine_branch_input(pm[k].m);
        pm[k].branch_col = bk >= 0 && bk < MAX_INPUTS ? pm[k].input_col[bk] : -1;
    }

    /* Objects: as dgs_stack_claims() takes them. */
    for (size_t i = 0; objects && i < rows; i++) {
        const char *problem = objects[i] ? object_problem(objects[i]) : NULL;
        if (problem) {
            rc = dgs_fail(err, strstr(problem, "longer") ? DGS_E_RANGE : DGS_E_VALUE,
                          "dgs_evaluate_population: the object of row %zu %s", i, problem);
            if (err)
                err->row = i;
            goto done;
        }
    }

    cap_ref caps[CAP_MAX];
    rc = caps_of(rs, caps, err);
    if (rc)
        goto done;
    for (size_t k = 0; k < n_measures; k++) {
        line probe = {0};   /* the cap of a claim depends only on its measure and date */
        probe.m = pm[k].m;
        probe.date = pd[0].day;
        pm[k].cap = nd == 1 ? line_cap(caps, &probe) : -2;   /* several dates: each claim's at its date */
        pm[k].money = strcmp(dgs_measure_unit(pm[k].m), "yuan") == 0;
    }

    /* Each measure over every row, by the batch; then what no row claims. */
    size_t bad_row = SIZE_MAX, bad_k = 0;
    size_t over_row = SIZE_MAX;   /* the first row of an applicant whose total overflows */
    for (size_t k = 0; k < n_measures; k++) {
        pop_measure *x = &pm[k];
        dgs_fen_t *aw = awards + k * rows;
        int32_t *oc = outcomes + k * rows;
        dgs_error e;
        if (nd == 1 && rows) {
            int brc = dgs_evaluate_batch(x->m, pd[0].text, rows, x->n, x->names, x->cols, x->pres, aw, oc, &e);
            if (brc && !pop_row_code(brc)) {
                rc = dgs_fail(err, brc, "%s", e.message);
                goto done;
            }
        } else if (nd > 1) {
            /* The rows of each date, as one batch at that date; then back in row order. */
            for (size_t d = 0; d < nd; d++) {
                int brc = dgs_evaluate_batch_detail(x->m, pd[d].text, rows, x->n, x->names, x->cols, x->pres,
                                                    date_start[d], date_start[d + 1], daw, doc, NULL, NULL, &e);
                if (brc && !pop_row_code(brc)) {
                    rc = dgs_fail(err, brc, "%s", e.message);
                    goto done;
                }
            }
            for (size_t p = 0; p < rows; p++) {
                aw[by_date[p]] = daw[p];
                oc[by_date[p]] = doc[p];
            }
        }
        for (size_t i = 0; i < rows; i++) {
            bool claimed = false;
            for (size_t q = 0; q < MAX_INPUTS && !claimed; q++)
                claimed = pop_has(present, x->input_col[q], i);
            size_t at = k * rows + i;
            paid[at] = 0;
            if (up_to)
                up_to[at] = 0;
            if (!claimed) {
                aw[i] = 0;
                oc[i] = DGS_OUTCOME_NOT_CLAIMED;
                decisions[at] = DGS_STACK_NOT_CLAIMED;
            } else if (oc[i] == DGS_OUTCOME_INVALID) {
                decisions[at] = DGS_STACK_INVALID;
                if (i < bad_row)
                    bad_row = i, bad_k = k;
            } else if (oc[i] != DGS_OUTCOME_GRANTED && oc[i] != DGS_OUTCOME_UP_TO) {
                decisions[at] = DGS_STACK_NOT_GRANTED;
            } else if (!x->money) {
                decisions[at] = DGS_STACK_NOT_A_GRANT;
            } else {
                decisions[at] = -1;   /* to be stacked */
            }
        }
    }

    /* The claims to stack, in row order, copied into one array (read in order, then written back
     * in order), and the rows that make them, by applicant (in row order within one). */
    size_t n_claims = 0;
    for (size_t k = 0; k < n_measures; k++)
        for (size_t i = 0; i < rows; i++)
            n_claims += decisions[k * rows + i] == -1;
    order = malloc((rows ? rows : 1) * sizeof *order);
    claims = malloc((n_claims ? n_claims : 1) * sizeof *claims);
    if (!order || !claims)
        goto nomem;
    size_t n_order = 0, c = 0;
    bool sorted = true;
    for (size_t i = 0; i < rows; i++) {
        size_t first = c;
        for (size_t k = 0; k < n_measures; k++) {
            size_t at = k * rows + i;
            if (decisions[at] == -1)
                claims[c++] = (pop_claim){awards[at], 0, 0, i, outcomes[at], -1, (uint32_t)k};
        }
        if (c == first)
            continue;
        sorted &= n_order == 0 || order[n_order - 1].applicant <= applicants[i];
        order[n_order++] = (pop_row){applicants[i], first, (uint32_t)(c - first)};
    }
    if (!sorted && (rc = pop_sort(order, n_order)) != DGS_OK)
        goto nomem;

    size_t room = 0;
    for (size_t a = 0; a < n_order;) {
        size_t b = a + 1, need = order[a].count;
        while (b < n_order && order[b].applicant == order[a].applicant)
            need += order[b++].count;
        if (need > room) {
            size_t grow = need > 2 * room ? need : 2 * room;
            line *nl = realloc(lines, grow * sizeof *lines);
            if (nl)
                lines = nl;
            sort_key *nk = realloc(keys, grow * sizeof *keys);
            if (nk)
                keys = nk;
            size_t *nw = realloc(where, grow * sizeof *where);
            if (nw)
                where = nw;
            char(*no)[24] = realloc(own, grow * sizeof *own);
            if (no)
                own = no;
            if (!nl || !nk || !nw || !no)
                goto nomem;
            room = grow;
        }
        /* The applicant's claims in claim order: its rows in order, the measures in the order given. */
        size_t n = 0;
        for (size_t r = a; r < b; r++) {
            /* The claims of rows a little ahead: their rows are scattered, and the wait for each
             * would otherwise be most of the time. */
            if (r + POP_AHEAD < n_order)
                POP_PREFETCH(&claims[order[r + POP_AHEAD].first]);
            const pop_claim *cl = &claims[order[r].first];
            size_t i = cl->row;
            /* A row without an object (no objects, or NULL or "" for it) is an object of its own. */
            const char *obj = objects && objects[i] && *objects[i] ? objects[i] : row_name(own[r - a], i);
            for (size_t q = 0; q < order[r].count; q++, cl++) {
                pop_measure *x = &pm[cl->k];
                size_t t = 0;
                const restate_branch *br = NULL;
                if (x->m->meta->branches && x->branch_col >= 0) {
                    br = engine_branch(x->m, columns[x->branch_col][i]);
                    t = br ? (size_t)(br - x->m->meta->branches->branches) + 1 : 0;
                }
                size_t d = row_date ? row_date[i] : 0;   /* the claim's date */
                const pop_target *tg = pop_target_of(x, t, br, d, pd[d].day, &pd[d].v);
                line_init(&lines[n], n, &pd[d].v, x->m, pop_group(tg, columns, present, i), pd[d].day, pd[d].year,
                          cl->outcome, cl->award, NULL, obj, 0);
                lines[n].full = lines[n].outcome == DGS_OUTCOME_GRANTED && tg->full;
                lines[n].cap_known = x->cap;
                where[n++] = order[r].first + q;
            }
        }
        stack_lines(caps, NULL, lines, n, keys);
        /* What the applicant is paid must be a sum that exists: dgs_stack_claims() refuses a total
         * beyond int64 fen, and here its claims are refused with it (invalid, nothing paid), the
         * error that of its first row, rather than totals that wrap in the caller's sums. */
        dgs_fen_t sum = 0, pending = 0;
        bool over = false;
        for (size_t q = 0; q < n && !over; q++)
            over = !dgs_add_checked(sum, lines[q].paid, &sum) || !dgs_add_checked(pending, lines[q].up_to, &pending);
        for (size_t q = 0; q < n; q++) {
            pop_claim *cl = &claims[where[q]];
            cl->paid = over ? 0 : lines[q].paid;
            cl->up_to = over ? 0 : lines[q].up_to;
            cl->decision = over ? DGS_STACK_INVALID : lines[q].decision;
            if (over && cl->row < over_row)
                over_row = cl->row;
        }
        a = b;
    }
    for (size_t q = 0; q < n_claims; q++) {
        size_t at = claims[q].k * rows + claims[q].row;
        paid[at] = claims[q].paid;
        decisions[at] = claims[q].decision;
        if (up_to)
            up_to[at] = claims[q].up_to;
    }

    if (over_row < bad_row) {
        rc = dgs_fail(err, DGS_E_OVERFLOW, "row %zu: what its applicant is paid in all (or could still be paid on "
                      "assessment) exceeds the int64 range of fen; the applicant's claims are not paid", over_row);
        if (err)
            err->row = over_row;
        goto done;
    }
    if (bad_row != SIZE_MAX) {
        /* The first invalid row says why, as the batch of its measure says it. */
        pop_measure *x = &pm[bad_k];
        const char *bad_date = pd[row_date ? row_date[bad_row] : 0].text;
        const int64_t *bc[MAX_INPUTS + MAX_CONDITIONS];   /* its columns in row order */
        const uint8_t *bp[MAX_INPUTS + MAX_CONDITIONS];
        for (size_t q = 0; q < x->n; q++) {
            bc[q] = columns[x->col_of[q]];
            bp[q] = present ? present[x->col_of[q]] : NULL;
        }
        rc = dgs_evaluate_batch_detail(x->m, bad_date, rows, x->n, x->names, bc, bp, bad_row, bad_row + 1,
                                       awards + bad_k * rows, outcomes + bad_k * rows, NULL, NULL, err);
        if (rc == DGS_OK)   /* cannot happen: the row was invalid a moment ago */
            rc = dgs_fail(err, DGS_E_INVALID_ARGUMENT, "%s: row %zu is invalid", x->m->meta->id, bad_row);
        if (err)
            err->row = bad_row;
        goto done;
    }
    rc = dgs_ok(err);
    goto done;

nomem:
    rc = dgs_fail(err, DGS_E_NOMEM, "out of memory evaluating a population of %zu rows", rows);
done:
    free(pm);
    free(order);
    free(lines);
    free(keys);
    free(where);
    free(own);
    free(claims);
    free(pd);
    free(row_date);
    free(by_date);
    free(date_start);
    for (size_t j = 0; dcols && j < cols; j++)
        free(dcols[j]);
    for (size_t j = 0; dpres && j < cols; j++)
        free(dpres[j]);
    free(dcols);
    free(dpres);
    free(daw);
    free(doc);
    return rc;
}
