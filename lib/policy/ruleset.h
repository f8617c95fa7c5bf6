/* SPDX-License-Identifier: MulanPSL-2.0 */
/* Rulesets: the catalogue plus effective-dated parameter values. */
#ifndef DGS_POLICY_RULESET_H
#define DGS_POLICY_RULESET_H

#include "measures/spec.h"

/* One value of a parameter, in force from `from` to `until` (days, inclusive). */
typedef struct version {
    int32_t from;
    int32_t until;
    int64_t num;
    int64_t den;
    bool set;
    int32_t owned;     /* index of ref in the ruleset's strings, or -1 for a static phrase */
    const char *ref;   /* the clause phrase (static) or a guideline's reference (ruleset-owned) */
    bool exceeds;      /* above the limit the text itself states (P_TEXT_MAX), declared so */
} version;

/* From `from` on (until the next span's start) the value in force is v[index]. */
typedef struct span {
    int32_t from;
    uint32_t index;
} span;

/* A parameter's values, the later ones overriding the earlier where both
 * apply (v[0] applies at every date), and the value in force as spans sorted
 * by date, so that a lookup is a binary search however many values there are. */
typedef struct slot {
    version *v;
    uint32_t n;
    span *s;
    uint32_t ns;
} slot;

struct dgs_measure {
    const measure_meta *meta;
    const dgs_ruleset *rs;
    slot *slots;                 /* one per parameter of meta->spec */
};

/* Ruleset-wide parameters. */
enum {
    G_VALIDITY_START,
    G_VALIDITY_END,
    G_STACKING_SCOPE,
    G_NQI_STATION_GROUP,
    G_UPGRADE_PAYMENT,
    G_ROUNDING,
    G_COUNT
};
extern const param_def dgs_ruleset_params[G_COUNT];

/* Readings of G_STACKING_SCOPE and G_UPGRADE_PAYMENT. */
enum { SCOPE_PACKAGE = 0, SCOPE_TEXT = 1 };
enum { NQI_SEPARATE = 0, NQI_SAME = 1 };
enum { UPGRADE_DIFFERENCE = 0, UPGRADE_FULL = 1 };
enum { ROUND_FLOOR = 0, ROUND_HALF_UP = 1 };

struct dgs_ruleset {
    dgs_measure *measures;
    size_t n_measures;
    const dgs_measure **by_id;   /* sorted by id, for lookup */
    slot global[G_COUNT];
    version *versions;           /* every slot's values, one allocation */
    size_t n_versions;
    span *spans;                 /* every slot's spans, one allocation */
    size_t n_spans;
    char **strings;              /* references owned by the ruleset */
    size_t n_strings;
    char fingerprint[17];
};

/* The number of names in a NULL-terminated list of choices (NULL: none). */
static inline size_t choice_count(const char *const *choices)
{
    size_t n = 0;
    while (choices && choices[n])
        n++;
    return n;
}

/* The value of a slot at `date`: the last span that starts on or before it
 * (the first span starts at the earliest date). */
static inline const version *slot_at(const slot *s, int32_t date)
{
    uint32_t lo = 0, hi = s->ns;
    while (hi - lo > 1) {
        uint32_t mid = lo + (hi - lo) / 2;
        if (s->s[mid].from <= date)
            lo = mid;
        else
            hi = mid;
    }
    return &s->v[s->ns ? s->s[lo].index : 0];
}

/* The ruleset-wide readings in force at one date: built once per case (or
 * batch, or claim) and read by every formula and stacking rule, so that no
 * code can read a reading at another date than the case's. */
typedef struct ruleset_view {
    int32_t date;
    int64_t g[G_COUNT];
} ruleset_view;

/* The view of rs at `date`. */
void ruleset_view_at(const dgs_ruleset *rs, int32_t date, ruleset_view *out);

/* The index of the ruleset-wide parameter `name` and of its choice `value`
 * (a switch), or -1. */
int ruleset_global_index(const char *name);
int ruleset_global_choice(int g, const char *value);

/* Resolves every parameter of m at `date` into out[0..n_params). */
void ruleset_resolve(const dgs_measure *m, int32_t date, resolved *out);
/* The value in force of a ruleset-wide parameter. */
int64_t ruleset_global(const dgs_ruleset *rs, int g, int32_t date);

/* A change to apply: one new version of one slot. */
typedef struct change {
    const dgs_measure *measure;  /* NULL: ruleset-wide */
    int param;
    version v;                   /* v.ref not yet owned */
} change;

/* Orders changes by slot (ruleset-wide first, then measures and parameters
 * in document order), keeping their given order within a slot. */
int change_cmp(const change *a, const change *b);

/* Derives a ruleset from base with `n` changes; copies every string.  Within
 * one slot, a later change overrides an earlier one where their dates meet. */
int ruleset_derive(const dgs_ruleset *base, const change *changes, size_t n, dgs_ruleset **out,
                   dgs_error *err);

/* Reads a parameter value from text, checking type, range and sign.
 * `what` names it in messages ("A1.07.a.cap_per_year"). */
int param_value_parse(const param_def *p, const char *text, const char *what, int64_t *num,
                      int64_t *den, dgs_error *err);
/* Whether num/den is above the maximum the text itself states for p
 * (P_TEXT_MAX: 最高 X, 不超过 X); false for every other parameter. */
bool param_above_text(const param_def *p, int64_t num, int64_t den);
/* Writes a value as text ("1500000.00", "5%", "higher", "2024-01-16", "unset"). */
void param_value_format(const param_def *p, const version *v, char *buf, size_t size);

/* The definition of parameter i of a measure (or of the ruleset when m is NULL). */
const param_def *measure_param(const dgs_measure *m, size_t i);

#endif
