/* SPDX-License-Identifier: MulanPSL-2.0 */
/*
 * The language measures are written in.
 *
 * A measure is its metadata (generated from data/catalog.json into
 * catalog.gen.c), its inputs, its parameters (every number of the clause,
 * with its default value as printed), and a formula: a function over a
 * `calc` that reads inputs and parameters through the helpers below, one
 * helper per phrase of the clause.  Each helper also writes its trace step
 * when the evaluation asks for one, so one formula serves the scalar path
 * (with trace) and the batch path (without).
 */
#ifndef DGS_MEASURES_SPEC_H
#define DGS_MEASURES_SPEC_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "core/number.h"
#include "dgsubsidy/dgsubsidy.h"

/* The helpers below are always inlined into the formulas: a formula's batch
 * loop then runs in registers, with no call per phrase and no trace code
 * (the compiler's size heuristics would otherwise stop inlining once a
 * helper grows a branch or two). */
#if defined(__GNUC__) || defined(__clang__)
#define CALC_INLINE static inline __attribute__((always_inline))
#else
#define CALC_INLINE static inline
#endif

/* ---- declarations ------------------------------------------------------ */

typedef struct input_def {
    const char *name;
    int type;                     /* DGS_TYPE_* */
    const char *unit;             /* as written in text: "yuan", "m2", "days", … */
    bool required;
    const char *desc_zh;
    const char *desc_en;
    const char *const *choices;   /* NULL-terminated, for DGS_TYPE_CHOICE */
    const char *not_zh;           /* a condition flag: what its absence means ("未获认定…"), or NULL */
    const char *not_en;
} input_def;

/* Parameter flags. */
#define P_UNSET        0x01  /* no value until a guideline supplies one */
#define P_NOT_ABOVE    0x02  /* a ratio the text bounds (不超过…%): never above 100% */
#define P_OPTIONAL     0x04  /* may stay unset without making the measure unspecified */
#define P_POSITIVE     0x08  /* never 0: a formula divides by it */
#define P_TEXT_MAX     0x10  /* the printed value is the text's own maximum (最高 X, 不超过 X, 不高于 X):
                                a guideline may lower it; a value above it goes beyond the text and is
                                refused unless the change declares it (exceeds_text) */

typedef struct param_def {
    const char *name;
    int type;                     /* DGS_TYPE_MONEY, RATIO, AREA, COUNT, SWITCH, DATE */
    int64_t num;                  /* default: fen, hundredths of m², count, switch index, days */
    int64_t den;                  /* 1 except for ratios */
    const char *unit;
    const char *label_zh;
    const char *label_en;
    const char *phrase;           /* the words of the clause it comes from */
    int flags;
    const char *const *choices;   /* NULL-terminated, for switches */
} param_def;

typedef struct calc calc;

/* Which inputs a shared shape reads (indices, or -1). */
typedef struct shape_inputs {
    int8_t assessed;   /* amount assessed by the department */
    int8_t cost;       /* the actual cost the award subsidises (R19) */
    int8_t granted;    /* already granted in the cap's period */
    int8_t tier;       /* the category */
    int8_t base;       /* the base a ratio applies to */
} shape_inputs;

#define NO_INPUT -1

typedef struct measure_spec {
    const input_def *inputs;
    uint8_t n_inputs;
    const param_def *params;
    uint8_t n_params;
    void (*formula)(calc *c);
    /* The batch loop: the formula inlined into a loop over rows. */
    void (*batch)(calc *c, size_t rows, dgs_fen_t *awards, int32_t *outcomes);
    const char *unit;             /* the unit of the number; NULL = yuan */
    shape_inputs in;
    int8_t branch_input;          /* the group applies only when this choice input … */
    int8_t branch_choice;         /* … has this value (-1: always) */
    /* The batch loop that also writes each row's binding constraint and reason
     * (NULL: the batch runs the formula row by row instead). */
    void (*detail)(calc *c, size_t rows, dgs_fen_t *awards, int32_t *outcomes, int32_t *bindings,
                   int32_t *reasons);
} measure_spec;

/* An eligibility condition of a clause that is not a number (numbers are
 * inputs): 倍增企业, 直租方式, 生产型设备.  A caller declares it met or not
 * met; undeclared, it is assumed met. */
typedef struct condition_def {
    const char *id;               /* short, stable ascii: "direct_lease" */
    const char *phrase;           /* the words of the clause, verbatim */
    const char *text_zh;
    const char *text_en;
} condition_def;

#define MAX_CONDITIONS 8

/* A branch of an item that restates an attachment measure for one value of
 * its choice input: the measure computed through, and the values that
 * measure's own choice inputs take (pairs of input name and choice). */
typedef struct restate_branch {
    const char *choice;
    const char *source;
    const char *const *fixed;     /* NULL, or name, choice, …, NULL */
} restate_branch;

/* The restatement of an item whose choice input says which measure computes
 * a case.  `own`: the choices not listed are computed by the item's own
 * clause (with its own parameters); otherwise the input is generated and
 * every choice is listed. */
typedef struct restatement {
    const char *input;
    bool own;
    uint8_t n;
    const restate_branch *branches;
} restatement;

typedef struct measure_meta {
    const char *id;
    const char *location;
    int kind;
    const char *title_zh;
    const char *title_en;
    const char *clause;
    const char *departments;
    const char *group;
    bool fixed_amount;
    const measure_spec *spec;     /* NULL for qualitative measures */
    int unit;                     /* DGS_UNIT_*: what the number counts (catalog "unit") */
    /* A restatement: the measures whose clause states the amount of this
     * item (catalog "restates"); the item is computed through them, with
     * their parameters. */
    const char *const *restates;  /* NULL-terminated ids, or NULL */
    const restatement *branches;  /* NULL: the whole item restates restates[0] */
    const condition_def *conditions;
    uint8_t n_conditions;
    const char *governed_by_zh;   /* kind governed_elsewhere: the policy that sets the amount */
    const char *governed_by_en;
    bool ceiling;                 /* 最高/不超过 X, the amount assessed by a department:
                                     without `assessed` the result is up_to, not a grant */
    bool yearly;                  /* granted each year (每年) */
} measure_meta;

/* Whether a measure computes with parameters of its own: not an item that
 * restates a measure as a whole, nor one whose every branch restates one. */
static inline bool meta_has_own_params(const measure_meta *meta)
{
    return !meta->restates || (meta->branches && meta->branches->own);
}

/* Whether a measure's number is money (its unit is yuan): the same fact as
 * the catalog's unit (DGS_UNIT_FEN), checked equal by a test. */
static inline bool spec_is_money(const measure_spec *s)
{
    return !s || !s->unit || (s->unit[0] == 'y' && s->unit[1] == 'u');
}

extern const measure_meta dgs_catalog[];
extern const size_t dgs_catalog_count;

/* ---- evaluation state --------------------------------------------------- */

typedef struct resolved {
    int64_t num;
    int64_t den;
    const char *ref;              /* the phrase, or the guideline's reference */
    bool set;
    bool exceeds;                 /* a guideline's value above the text's own maximum (P_TEXT_MAX) */
} resolved;

/* Trace steps: what a helper did. */
enum step_kind {
    STEP_INPUT = 1,   /* an input's value */
    STEP_RATIO,       /* a ratio applied */
    STEP_CAP,         /* a cap applied by min */
    STEP_CAP_INPUT,   /* capped by an input (actual cost, interest) */
    STEP_THRESHOLD,   /* a threshold met */
    STEP_PER_UNIT,    /* a per-unit limit computed */
    STEP_HEADROOM,    /* what a period cap leaves */
    STEP_SUM,         /* a sum */
    STEP_HIGHER,      /* the higher of alternatives */
    STEP_TIER,        /* the amount of a tier */
    STEP_STEPS,       /* whole steps counted */
    STEP_AWARD,       /* the final amount */
    STEP_FIXED,       /* an exact amount */
    STEP_PRODUCT,     /* a price per m² times an area */
    STEP_LIMIT,       /* a limit computed from an input (an uplifted base limit) applied by min */
    STEP_OMITTED      /* steps not kept, the trace being full: value = how many */
};

/*
 * A step of the trace carries two figures, kept apart so that a reader can
 * tell a cap from an amount:
 *   value   the step's own figure: the input as given, the ratio applied
 *           (value/den), the cap or threshold in force, the room a period cap
 *           leaves, the amount of a tier;
 *   amount  the quantity after the step: what the computation carries on (the
 *           amount so far; for an input or a threshold, the quantity read or
 *           tested).
 */
typedef struct step {
    uint8_t kind;
    int16_t src;      /* a parameter index, SRC_INPUT + input index, or -1 */
    int64_t value;
    int64_t den;      /* for ratio values, else 1 */
    int64_t amount;
} step;

#define SRC_INPUT 0x100
#define SRC_NONE (-1)
#define MAX_STEPS 32
/* A full trace keeps its first TRACE_HEAD steps, then one STEP_OMITTED, then the latest steps. */
#define TRACE_HEAD 12
_Static_assert(TRACE_HEAD + 2 < MAX_STEPS, "a full trace keeps a head, the gap and a tail");

/* Why an outcome is not a grant. */
enum why {
    WHY_NONE = 0,
    WHY_BELOW,        /* value < minimum (inclusive threshold failed) */
    WHY_NOT_ABOVE,    /* value <= threshold (strict threshold failed) */
    WHY_ABOVE,        /* value > maximum (e.g. a year beyond the limit) */
    WHY_FLAG,         /* a condition input is false */
    WHY_UNSET,        /* parameters a guideline must supply */
    WHY_NOT_IN_FORCE,
    WHY_QUALITATIVE,
    WHY_READING,      /* the reading in force excludes it */
    WHY_CONDITION,    /* a condition declared not met (failed: its index) */
    WHY_GOVERNED      /* another policy sets the amount */
};

struct calc {
    const measure_meta *meta;
    const measure_spec *spec;
    const int64_t *const *cols;   /* input k at row: cols[k][row] */
    const uint8_t *const *present;/* NULL, or per input NULL / bytes */
    uint32_t absent;              /* batch only: bit k set when input k's column is not given at all
                                   * (then present may stay NULL, keeping the loop free of masks) */
    size_t row;
    const int64_t *const *lists;  /* list inputs (scalar path) */
    const size_t *list_len;
    const resolved *p;            /* parameters at the case's date */
    const struct divisor *div;    /* batch only: each ratio's denominator prepared, or NULL */
    bool trace;
    bool half_up;                 /* rounding reading: half up instead of floor */
    uint8_t n_steps;
    step *steps;
    uint32_t omitted_params;      /* the parameters of steps a full trace did not keep (bit per index) */
    /* outputs */
    dgs_fen_t award;
    int outcome;
    int16_t binding;              /* what set the amount (src code) */
    int64_t binding_value;        /* the amount it set */
    int16_t failed;               /* the failed condition (src code) */
    int16_t tested;               /* the input last read: what a threshold tests */
    int64_t failed_value;         /* the value that failed a threshold */
    uint8_t why;
    int error;                    /* DGS_E_OVERFLOW, … */
    int16_t error_src;
    /* The outcome once the formula has checked the clause's thresholds and
     * found none failing: DGS_OUTCOME_UNSPECIFIED while a number is unset,
     * DGS_OUTCOME_GOVERNED_ELSEWHERE; 0 when the formula decides. */
    int pending;
};

/*
 * A denominator prepared once per batch, so that the quotient of each row is a
 * multiplication instead of a division (Granlund & Montgomery, "Division by
 * invariant integers using multiplication", 1994, theorem 4.2 with N = 63):
 * for den ≥ 2, l = ⌈log2 den⌉ and magic = ⌈2^(63+l) / den⌉ < 2^64, every
 * 0 ≤ n < 2^63 has floor(n / den) = (n × magic) >> (63 + l).  Exact: the same
 * quotient as the division, for every non-negative int64.
 */
typedef struct divisor {
    uint64_t magic;               /* 0: not prepared, divide */
    unsigned shift;               /* l − 1: the shift after the high 64 bits */
} divisor;

static inline divisor divisor_of(int64_t den)
{
    if (den < 2 || !DGS_HAVE_INT128)
        return (divisor){0, 0};   /* not prepared: the batch divides */
    unsigned l = 0;
    while (l < 64 && ((uint64_t)den - 1) >> l)
        l++;                      /* l = ⌈log2 den⌉ */
    /* magic = ⌈2^(63+l) / den⌉: 2^(63+l) is (hi, lo) = (2^(l-1), 0). */
    uint64_t q, r;
    dgs_u128_divmod((dgs_u128){(uint64_t)1 << (l - 1), 0}, (uint64_t)den, &q, &r);
    return (divisor){q + (r != 0), l - 1};
}

/* floor(n / den) for n ≥ 0 with a prepared denominator. */
CALC_INLINE int64_t divisor_apply(divisor d, int64_t n)
{
    return (int64_t)(dgs_u128_mul(d.magic, (uint64_t)n).hi >> d.shift);
}

/* ---- helpers: one per phrase ------------------------------------------- */

/* t ? a : b without a jump (masks): the batch loops take these on every row
 * with data-dependent conditions, where a mispredicted jump costs more than
 * the whole row.  Compilers turn a plain ?: on several values back into jumps. */
CALC_INLINE int64_t calc_select(bool t, int64_t a, int64_t b)
{
    int64_t m = -(int64_t)t;
    return (a & m) | (b & ~m);
}

/* Records that constraint `src` set the amount to `value` when `t` holds. */
CALC_INLINE void calc_bind_if(calc *c, bool t, int src, int64_t value)
{
    c->binding = (int16_t)calc_select(t, src, c->binding);
    c->binding_value = calc_select(t, value, c->binding_value);
}

/* The trace is full (a formula that loops, such as A4.04.b over the staff a guideline allows):
 * the first TRACE_HEAD steps stay, the step after them says how many steps are not shown and the
 * amount after the last of them, and the latest steps follow, so that the trace still ends with
 * the steps that set the award.  The parameters of the steps not kept stay on the audit list. */
static inline void calc_trace_omit(calc *c, const step *s)
{
    if (s->src >= 0 && s->src < SRC_INPUT && s->src < 32)   /* a parameter (at most 24) */
        c->omitted_params |= 1u << s->src;
}

static inline void calc_trace_full(calc *c, step s)
{
    step *gap = &c->steps[TRACE_HEAD];
    if (gap->kind != STEP_OMITTED) {
        calc_trace_omit(c, gap);
        *gap = (step){STEP_OMITTED, SRC_NONE, 1, 1, gap->amount};
    }
    const step *next = &c->steps[TRACE_HEAD + 1];   /* not kept either */
    calc_trace_omit(c, next);
    gap->value++;
    gap->amount = next->amount;
    memmove(&c->steps[TRACE_HEAD + 1], &c->steps[TRACE_HEAD + 2], (MAX_STEPS - TRACE_HEAD - 2) * sizeof(step));
    c->steps[MAX_STEPS - 1] = s;
}

CALC_INLINE void calc_step(calc *c, int kind, int src, int64_t value, int64_t den, int64_t amount)
{
    if (!c->trace)
        return;
    step s = {(uint8_t)kind, (int16_t)src, value, den, amount};
    if (c->n_steps < MAX_STEPS)
        c->steps[c->n_steps++] = s;
    else
        calc_trace_full(c, s);
}

CALC_INLINE bool calc_has(const calc *c, int k)
{
    if (c->absent >> k & 1u)
        return false;
    return !c->present || !c->present[k] || c->present[k][c->row];
}

/* The value of input k (0 when an optional input is absent). */
CALC_INLINE int64_t calc_input(calc *c, int k)
{
    if (!calc_has(c, k))
        return 0;
    int64_t v = c->cols[k][c->row];
    c->tested = (int16_t)(SRC_INPUT + k);
    calc_step(c, STEP_INPUT, SRC_INPUT + k, v, 1, v);
    return v;
}

CALC_INLINE int64_t calc_param(const calc *c, int p)
{
    return c->p[p].num;
}

/* The reading (switch) in force. */
CALC_INLINE int calc_reading(const calc *c, int p)
{
    return (int)c->p[p].num;
}

CALC_INLINE void calc_overflow(calc *c, int src)
{
    if (!c->error) {
        c->error = DGS_E_OVERFLOW;
        c->error_src = (int16_t)src;
    }
}

/* A caller's mistake found by the formula: input k is missing (DGS_E_MISSING_INPUT) or
 * given together with an input it excludes (DGS_E_RANGE: outside the inputs allowed).  The evaluation
 * fails with that error, naming the input; a batch row becomes invalid. */
CALC_INLINE void calc_input_error(calc *c, int code, int k)
{
    if (!c->error) {
        c->error = code;
        c->error_src = (int16_t)(SRC_INPUT + k);
    }
}

/* floor(v × num / den), exactly as dgs_mul_ratio_floor(): when v × num fits in
 * 64 bits (every real amount) the quotient is taken with a 64-bit division,
 * which costs a fraction of the 128-bit one (a libgcc call); otherwise in 128
 * bits.  Both truncate, so the results are the same for every input. */
CALC_INLINE bool calc_mul_floor(int64_t v, int64_t num, int64_t den, int64_t *out)
{
    int64_t product;
    if (dgs_mul_checked(v, num, &product)) {
        *out = den == 1 ? product : product / den;
        return true;
    }
    return dgs_mul_ratio_floor(v, num, den, out);
}

/* floor(v × ratio p) as calc_mul_floor(), dividing by multiplication where the
 * batch prepared the denominator (same quotient, see divisor_of()). */
CALC_INLINE bool calc_mul_ratio(const calc *c, int64_t v, int p, int64_t *out)
{
    int64_t product;
    if (c->div && c->div[p].magic && dgs_mul_checked(v, c->p[p].num, &product) && product >= 0) {
        *out = divisor_apply(c->div[p], product);
        return true;
    }
    return calc_mul_floor(v, c->p[p].num, c->p[p].den, out);
}

/* base × ratio, floored to the fen (不超过 means never a fen more); the
 * ruleset reading `rounding` may round half up instead. */
CALC_INLINE dgs_fen_t calc_ratio(calc *c, dgs_fen_t base, int p)
{
    int64_t v;
    bool ok = c->half_up ? dgs_mul_ratio_half_up(base, c->p[p].num, c->p[p].den, &v)
                         : calc_mul_ratio(c, base, p, &v);
    if (!ok) {
        calc_overflow(c, p);
        return 0;
    }
    /* The ratio sets the amount unless a larger term or a cap already does
     * (selects, not jumps: the batch loop stays free of data-dependent jumps). */
    calc_bind_if(c, (c->binding == SRC_NONE) | (v >= c->binding_value), p, v);
    calc_step(c, STEP_RATIO, p, c->p[p].num, c->p[p].den, v);
    return v;
}

/* base × ratio, rounded up to the fen: a floor price (不低于…%) is never a fen less. */
CALC_INLINE dgs_fen_t calc_ratio_up(calc *c, dgs_fen_t base, int p)
{
    int64_t v;
    if (!calc_mul_ratio(c, base, p, &v)) {
        calc_overflow(c, p);
        return 0;
    }
    if (dgs_u128_cmp(dgs_u128_mul((uint64_t)v, (uint64_t)c->p[p].den),
                     dgs_u128_mul((uint64_t)base, (uint64_t)c->p[p].num)) < 0)
        v++;
    calc_step(c, STEP_RATIO, p, c->p[p].num, c->p[p].den, v);
    return v;
}

/* min(value, cap): 最高 / 不超过 / 不高于. */
CALC_INLINE dgs_fen_t calc_cap(calc *c, dgs_fen_t value, int p)
{
    dgs_fen_t cap = c->p[p].num;
    bool lower = cap < value;
    value = lower ? cap : value;
    calc_bind_if(c, lower, p, cap);
    calc_step(c, STEP_CAP, p, cap, 1, value);
    return value;
}

/* base × ratio for a limit (各级财政资金…不超过总投资的50%): floored, a
 * step of the trace, never itself the binding constraint. */
CALC_INLINE dgs_fen_t calc_share(calc *c, dgs_fen_t base, int p)
{
    int16_t binding = c->binding;
    int64_t value = c->binding_value;
    dgs_fen_t v = calc_ratio(c, base, p);
    c->binding = binding;
    c->binding_value = value;
    return v;
}

/* min(value, limit) on a quantity that is not the award (months counted,
 * a base before its ratio): a step of the trace, not a binding constraint. */
CALC_INLINE int64_t calc_clamp(calc *c, int64_t value, int p)
{
    if (c->p[p].num < value)
        value = c->p[p].num;
    calc_step(c, STEP_CAP, p, c->p[p].num, 1, value);
    return value;
}

/* min(value, input k) where the input is given: 不超过实际发生… */
CALC_INLINE dgs_fen_t calc_cap_by_input(calc *c, dgs_fen_t value, int k)
{
    if (!calc_has(c, k))
        return value;
    dgs_fen_t cap = c->cols[k][c->row];
    bool lower = cap < value;
    value = lower ? cap : value;
    calc_bind_if(c, lower, SRC_INPUT + k, cap);
    calc_step(c, STEP_CAP_INPUT, SRC_INPUT + k, cap, 1, value);
    return value;
}

CALC_INLINE void calc_ineligible(calc *c, int src, int why)
{
    c->outcome = DGS_OUTCOME_INELIGIBLE;
    c->failed = (int16_t)src;
    c->why = (uint8_t)why;
    c->award = 0;
}

/* value ≥ minimum: 以上 / 不少于 / 不低于 / 及以上 (inclusive). */
CALC_INLINE bool calc_at_least(calc *c, int64_t value, int p)
{
    if (value < c->p[p].num) {
        calc_ineligible(c, p, WHY_BELOW);
        c->failed_value = value;
        return false;
    }
    calc_step(c, STEP_THRESHOLD, p, c->p[p].num, 1, value);
    return true;
}

/* value > threshold: 超过 (strict). */
CALC_INLINE bool calc_more_than(calc *c, int64_t value, int p)
{
    if (value <= c->p[p].num) {
        calc_ineligible(c, p, WHY_NOT_ABOVE);
        c->failed_value = value;
        return false;
    }
    calc_step(c, STEP_THRESHOLD, p, c->p[p].num, 1, value);
    return true;
}

/* value ≤ maximum, as a condition (e.g. at most two subsidy years). */
CALC_INLINE bool calc_at_most(calc *c, int64_t value, int p)
{
    if (value > c->p[p].num) {
        calc_ineligible(c, p, WHY_ABOVE);
        c->failed_value = value;
        return false;
    }
    calc_step(c, STEP_THRESHOLD, p, c->p[p].num, 1, value);
    return true;
}

/* A condition given as a flag input. */
CALC_INLINE bool calc_require(calc *c, int k)
{
    if (calc_has(c, k) && c->cols[k][c->row])
        return true;
    calc_ineligible(c, SRC_INPUT + k, WHY_FLAG);
    return false;
}

/* quantity × per-unit limit: 每平方米最高1500元 (areas in hundredths of m²,
 * so `scale` is 100 for areas and 1 for counts). */
CALC_INLINE dgs_fen_t calc_per_unit(calc *c, int64_t quantity, int p, int64_t scale)
{
    int64_t v;
    if (!calc_mul_floor(quantity, c->p[p].num, scale, &v)) {
        calc_overflow(c, p);
        return 0;
    }
    calc_step(c, STEP_PER_UNIT, p, c->p[p].num, 1, v);
    return v;
}

/* min(value, per-unit limit) in one phrase. */
CALC_INLINE dgs_fen_t calc_cap_per_unit(calc *c, dgs_fen_t value, int64_t quantity, int p,
                                          int64_t scale)
{
    int64_t limit;
    if (!calc_mul_floor(quantity, c->p[p].num, scale, &limit)) {
        calc_overflow(c, p);
        return 0;
    }
    bool lower = limit < value;
    value = lower ? limit : value;
    calc_bind_if(c, lower, p, limit);
    calc_step(c, STEP_PER_UNIT, p, c->p[p].num, 1, value);
    return value;
}

/* A price per m² (fen) times an area (hundredths of m²), floored to the fen. */
CALC_INLINE dgs_fen_t calc_times_area(calc *c, dgs_fen_t per_m2, int64_t area)
{
    int64_t v;
    if (!calc_mul_floor(per_m2, area, 100, &v)) {
        calc_overflow(c, SRC_NONE);
        return 0;
    }
    calc_step(c, STEP_PRODUCT, SRC_NONE, v, 1, v);
    return v;
}

/* What a period cap leaves after earlier grants (input k) — min(value, cap − granted). */
CALC_INLINE dgs_fen_t calc_headroom(calc *c, dgs_fen_t value, int p, int k)
{
    int64_t granted = calc_has(c, k) ? c->cols[k][c->row] : 0;
    int64_t room = c->p[p].num - granted;
    if (room < 0)
        room = 0;
    bool lower = room < value;
    value = lower ? room : value;
    calc_bind_if(c, lower, p, room);
    calc_step(c, STEP_HEADROOM, p, room, 1, value);
    return value;
}

CALC_INLINE dgs_fen_t calc_sum(calc *c, dgs_fen_t a, dgs_fen_t b)
{
    int64_t v;
    if (!dgs_add_checked(a, b, &v)) {
        calc_overflow(c, SRC_NONE);
        return 0;
    }
    calc_step(c, STEP_SUM, SRC_NONE, v, 1, v);
    return v;
}

/* The higher of two alternatives (或, read as 就高). */
CALC_INLINE dgs_fen_t calc_higher(calc *c, dgs_fen_t a, dgs_fen_t b)
{
    dgs_fen_t v = a > b ? a : b;
    calc_step(c, STEP_HIGHER, SRC_NONE, v, 1, v);
    return v;
}

/* The amount is paid — or, for a ceiling (最高/不超过 X) whose amount the
 * department has not yet assessed, it is only the most that can be paid:
 * "up to X, to be assessed", never a payment. */
CALC_INLINE void calc_grant(calc *c, dgs_fen_t award)
{
    int k = c->spec->in.assessed;
    c->outcome = c->meta->ceiling && (k == NO_INPUT || !calc_has(c, k)) ? DGS_OUTCOME_UP_TO : DGS_OUTCOME_GRANTED;
    c->award = award;
    calc_step(c, STEP_AWARD, c->binding, award, 1, award);
}

/* ---- the batch loop ------------------------------------------------------ */

/* Resets a calc's outputs before a row. */
CALC_INLINE void calc_reset(calc *c)
{
    c->award = 0;
    c->outcome = DGS_OUTCOME_GRANTED;
    c->binding = SRC_NONE;
    c->binding_value = 0;
    c->failed = SRC_NONE;
    c->tested = SRC_NONE;
    c->failed_value = 0;
    c->why = WHY_NONE;
    c->error = 0;
    c->error_src = SRC_NONE;
    c->n_steps = 0;
}

/*
 * FORMULA(name) defines `name` (the formula, run once per case) and
 * `name##_batch` (the same formula inlined into a loop over rows), so each
 * formula is written once and the batch path has no indirect call per row.
 *
 * The batch loop runs the body on a private copy of the calc with the trace
 * off: the body is always inlined, so the compiler keeps the copy in
 * registers, drops every trace step, and hoists the columns and parameters
 * out of the loop (`restrict`: the outputs alias nothing the formula reads).
 * Without the copy, each row would store and reload the calc through memory
 * that the award stores might alias.
 */
#define FORMULA_ROWS(name)                                                               \
    for (size_t i = 0; i < rows; i++) {                                                  \
        row.row = i;                                                                     \
        calc_reset(&row);                                                                \
        name##_body(&row);                                                               \
        awards[i] = row.error ? 0 : row.award;                                           \
        outcomes[i] = row.error ? DGS_OUTCOME_INVALID : row.outcome;                     \
    }
/* The public code of what set the amount: a parameter's index, or the
 * number of parameters plus an input's index (dgs_measure_binding_name()); -1
 * for nothing. */
CALC_INLINE int32_t calc_binding_code(const calc *c)
{
    int32_t b = c->binding; /* -1, a parameter index, or SRC_INPUT + an input index */
    return b - (b >= SRC_INPUT) * (SRC_INPUT - (int32_t)c->spec->n_params);
}

/* As FORMULA_ROWS, also writing each row's binding code and reason (the
 * scalar path's binding and `why`; an invalid row has none and DGS_REASON_INVALID). */
#define FORMULA_DETAIL_ROWS(name)                                                        \
    const int32_t shift = SRC_INPUT - (int32_t)row.spec->n_params; /* see calc_binding_code() */ \
    for (size_t i = 0; i < rows; i++) {                                                  \
        row.row = i;                                                                     \
        calc_reset(&row);                                                                \
        name##_body(&row);                                                               \
        awards[i] = row.error ? 0 : row.award;                                           \
        outcomes[i] = row.error ? DGS_OUTCOME_INVALID : row.outcome;                     \
        bindings[i] = row.error ? -1 : row.binding - (row.binding >= SRC_INPUT) * shift; \
        reasons[i] = row.error ? DGS_REASON_INVALID : row.why;                           \
    }
#define FORMULA(name)                                                                    \
    CALC_INLINE void name##_body(calc *c);                                               \
    static void name(calc *c) { name##_body(c); }                                        \
    static void name##_batch(calc *c, size_t rows, dgs_fen_t *restrict awards,           \
                             int32_t *restrict outcomes)                                 \
    {                                                                                    \
        calc row = *c;                                                                   \
        row.trace = false;                                                               \
        if (!row.present && !row.half_up) {                                              \
            /* The common case, as constants: no presence tests, floor rounding. */      \
            row.present = NULL;                                                          \
            row.half_up = false;                                                         \
            FORMULA_ROWS(name)                                                           \
        } else {                                                                         \
            FORMULA_ROWS(name)                                                           \
        }                                                                                \
    }                                                                                    \
    static void name##_detail(calc *c, size_t rows, dgs_fen_t *restrict awards,          \
                              int32_t *restrict outcomes, int32_t *restrict bindings,    \
                              int32_t *restrict reasons)                                 \
    {                                                                                    \
        calc row = *c;                                                                   \
        row.trace = false;                                                               \
        if (!row.present && !row.half_up) {                                              \
            row.present = NULL;                                                          \
            row.half_up = false;                                                         \
            FORMULA_DETAIL_ROWS(name)                                                    \
        } else {                                                                         \
            FORMULA_DETAIL_ROWS(name)                                                    \
        }                                                                                \
    }                                                                                    \
    static inline void name##_body(calc *c)

/* ---- declaring inputs and parameters ------------------------------------ */

#define YUAN(y) ((int64_t)(y) * 100)
#define M2(a) ((int64_t)(a) * 100)
#define WAN(w) ((int64_t)(w) * 1000000) /* 万元 in fen */

#define IN_MONEY(name, req, zh, en) {name, DGS_TYPE_MONEY, "yuan", req, zh, en, NULL, NULL, NULL}
#define IN_AREA(name, req, zh, en) {name, DGS_TYPE_AREA, "m2", req, zh, en, NULL, NULL, NULL}
#define IN_COUNT(name, unit, req, zh, en) {name, DGS_TYPE_COUNT, unit, req, zh, en, NULL, NULL, NULL}
#define IN_FLAG(name, req, zh, en) {name, DGS_TYPE_FLAG, "", req, zh, en, NULL, NULL, NULL}
/* A condition flag with the words of its absence, for the reason of a refusal. */
#define IN_CONDITION(name, req, zh, en, not_zh, not_en) {name, DGS_TYPE_FLAG, "", req, zh, en, NULL, not_zh, not_en}
#define IN_CHOICE(name, choices, req, zh, en) {name, DGS_TYPE_CHOICE, "", req, zh, en, choices, NULL, NULL}
#define IN_LIST(name, req, zh, en) {name, DGS_TYPE_MONEY_LIST, "yuan", req, zh, en, NULL, NULL, NULL}

#define IN_ASSESSED IN_MONEY("assessed", false, "主管部门核定的金额", "amount assessed by the department")
#define IN_GRANTED_THIS_YEAR \
    IN_MONEY("granted_this_year", false, "本年度已获本项奖补", "already granted under this measure this year")
#define IN_GRANTED_TO_DATE \
    IN_MONEY("granted_to_date", false, "已获本项奖补累计", "already granted under this measure to date")

#define P_MONEY(name, fen, unit, zh, en, phrase) {name, DGS_TYPE_MONEY, fen, 1, unit, zh, en, phrase, 0, NULL}
#define P_RATIO(name, num, den, flags, zh, en, phrase) \
    {name, DGS_TYPE_RATIO, num, den, "ratio", zh, en, phrase, flags, NULL}
/* The same, for a value the text states as a maximum (P_TEXT_MAX). */
#define P_MONEY_MAX(name, fen, unit, zh, en, phrase) {name, DGS_TYPE_MONEY, fen, 1, unit, zh, en, phrase, P_TEXT_MAX, NULL}
#define P_COUNT_MAX(name, n, unit, zh, en, phrase) {name, DGS_TYPE_COUNT, n, 1, unit, zh, en, phrase, P_TEXT_MAX, NULL}
#define P_AREA(name, a, zh, en, phrase) {name, DGS_TYPE_AREA, a, 1, "m2", zh, en, phrase, 0, NULL}
#define P_COUNT(name, n, unit, zh, en, phrase) {name, DGS_TYPE_COUNT, n, 1, unit, zh, en, phrase, 0, NULL}
#define P_SWITCH(name, deflt, choices, zh, en, phrase) \
    {name, DGS_TYPE_SWITCH, deflt, 1, "reading", zh, en, phrase, 0, choices}
#define P_UNSET_MONEY(name, unit, zh, en) {name, DGS_TYPE_MONEY, 0, 1, unit, zh, en, "", P_UNSET, NULL}
#define P_UNSET_RATIO(name, zh, en) {name, DGS_TYPE_RATIO, 0, 1, "ratio", zh, en, "", P_UNSET, NULL}

#define COUNT_OF(a) ((uint8_t)(sizeof(a) / sizeof((a)[0])))
/* The number of a spec's inputs or parameters, checked when the table is
 * compiled against what a case and a result hold (engine.h): a table with
 * more entries does not compile (a bit-field of negative width). */
#define SPEC_MAX_INPUTS 16
#define SPEC_MAX_PARAMS 24
#define COUNT_CHECKED(a, max, what)                                                         \
    ((uint8_t)(sizeof(a) / sizeof((a)[0]) +                                                  \
               0 * sizeof(struct { int what : sizeof(a) / sizeof((a)[0]) <= (max) ? 1 : -1; })))
#define COUNT_INPUTS(a) COUNT_CHECKED(a, SPEC_MAX_INPUTS, more_than_16_inputs)
#define COUNT_PARAMS(a) COUNT_CHECKED(a, SPEC_MAX_PARAMS, more_than_24_parameters)
#define NO_SHAPE {NO_INPUT, NO_INPUT, NO_INPUT, NO_INPUT, NO_INPUT}

/* A measure with its own formula. */
#define SPEC(name, inputs, params, fn) \
    const measure_spec name = {inputs, COUNT_INPUTS(inputs), params, COUNT_PARAMS(params), fn, fn##_batch, NULL, NO_SHAPE, -1, -1, fn##_detail}

/* A measure with its own formula that reads the department's assessed amount (input `assessed`). */
#define SPEC_ASSESSED(name, inputs, params, fn, assessed)                                    \
    const measure_spec name = {inputs, COUNT_OF(inputs), params, COUNT_OF(params), fn, fn##_batch, NULL, \
                               {assessed, NO_INPUT, NO_INPUT, NO_INPUT, NO_INPUT}, -1, -1, fn##_detail}

/* Shared shapes (lib/measures/shapes.c). */
extern const input_def dgs_in_assessed[1];   /* { assessed } */
extern const param_def dgs_p_unset_cap[1];   /* { cap: unset } */

void shape_ceiling(calc *c);          /* min(cap − granted, assessed, cost); exact amounts as they are */
void shape_ceiling_batch(calc *c, size_t rows, dgs_fen_t *awards, int32_t *outcomes);
void shape_ceiling_detail(calc *c, size_t rows, dgs_fen_t *awards, int32_t *outcomes, int32_t *bindings,
                          int32_t *reasons);
void shape_tier(calc *c);             /* the tier's ceiling (or amount), then as shape_ceiling */
void shape_tier_batch(calc *c, size_t rows, dgs_fen_t *awards, int32_t *outcomes);
void shape_tier_detail(calc *c, size_t rows, dgs_fen_t *awards, int32_t *outcomes, int32_t *bindings,
                       int32_t *reasons);
void shape_ratio_of_sum_capped(calc *c); /* min(ratio × (input0 + input1), cap − granted) */
void shape_ratio_of_sum_capped_batch(calc *c, size_t rows, dgs_fen_t *awards, int32_t *outcomes);
void shape_ratio_of_sum_capped_detail(calc *c, size_t rows, dgs_fen_t *awards, int32_t *outcomes, int32_t *bindings,
                                      int32_t *reasons);
void shape_ratio_capped(calc *c);     /* min(ratio × base, cap, assessed) */
void shape_ratio_capped_batch(calc *c, size_t rows, dgs_fen_t *awards, int32_t *outcomes);
void shape_ratio_capped_detail(calc *c, size_t rows, dgs_fen_t *awards, int32_t *outcomes, int32_t *bindings,
                               int32_t *reasons);

void shape_restated(calc *c);         /* an item restating several measures: computed through one */
void shape_restated_batch(calc *c, size_t rows, dgs_fen_t *awards, int32_t *outcomes);
void shape_restated_detail(calc *c, size_t rows, dgs_fen_t *awards, int32_t *outcomes, int32_t *bindings,
                           int32_t *reasons);

/* A ceiling (or exact amount) params[0]; inputs by index or NO_INPUT. */
#define CEILING(name, inputs, params, assessed, cost, granted)                                    \
    const measure_spec name = {inputs, COUNT_INPUTS(inputs), params, COUNT_PARAMS(params), shape_ceiling, \
                               shape_ceiling_batch, NULL, {assessed, cost, granted, NO_INPUT, NO_INPUT}, -1, -1, shape_ceiling_detail}
/* A ceiling with the one optional input `assessed`. */
#define CEILING_ASSESSED(name, params)                                                         \
    const measure_spec name = {dgs_in_assessed, 1, params, COUNT_PARAMS(params), shape_ceiling,   \
                               shape_ceiling_batch, NULL, {0, NO_INPUT, NO_INPUT, NO_INPUT, NO_INPUT}, -1, -1, shape_ceiling_detail}
/* An exact amount (给予X元): no inputs. */
#define EXACT_AMOUNT(name, params)                                                              \
    const measure_spec name = {NULL, 0, params, COUNT_PARAMS(params), shape_ceiling, shape_ceiling_batch, \
                               NULL, NO_SHAPE, -1, -1, shape_ceiling_detail}
/* A ceiling per category: params in the order of the tier input's choices. */
#define TIERS(name, inputs, params, tier, assessed)                                              \
    const measure_spec name = {inputs, COUNT_INPUTS(inputs), params, COUNT_PARAMS(params), shape_tier,  \
                               shape_tier_batch, NULL, {assessed, NO_INPUT, NO_INPUT, tier, NO_INPUT}, -1, -1, shape_tier_detail}
/* min(ratio × base, cap − granted, assessed): params[0] ratio, params[1] cap (optional). */
#define RATIO_CAPPED(name, inputs, params, base, assessed, granted)                                 \
    const measure_spec name = {inputs, COUNT_INPUTS(inputs), params, COUNT_PARAMS(params), shape_ratio_capped, \
                               shape_ratio_capped_batch, NULL, {assessed, NO_INPUT, granted, NO_INPUT, base}, -1, -1, shape_ratio_capped_detail}

/* min(ratio × (inputs[0] + inputs[1]), cap − granted): params[0] ratio, params[1] cap. */
#define RATIO_OF_SUM_CAPPED(name, inputs, params, granted)                                              \
    const measure_spec name = {inputs, COUNT_INPUTS(inputs), params, COUNT_PARAMS(params), shape_ratio_of_sum_capped, \
                               shape_ratio_of_sum_capped_batch, NULL, {NO_INPUT, NO_INPUT, granted, NO_INPUT, 0}, -1, -1, shape_ratio_of_sum_capped_detail}

/* An amount another policy sets (kind governed_elsewhere): nothing to
 * compute; a formula of its own only where the clause writes a threshold. */
void shape_governed(calc *c);
void shape_governed_batch(calc *c, size_t rows, dgs_fen_t *awards, int32_t *outcomes);
void shape_governed_detail(calc *c, size_t rows, dgs_fen_t *awards, int32_t *outcomes, int32_t *bindings,
                           int32_t *reasons);
#define GOVERNED_ELSEWHERE(name) \
    const measure_spec name = {NULL, 0, NULL, 0, shape_governed, shape_governed_batch, NULL, NO_SHAPE, -1, -1, \
                               shape_governed_detail}

/* An award the document promises without its numbers (按规定给予奖励): a
 * ceiling `cap` that a guideline supplies, then as CEILING_ASSESSED. */
#define UNSPECIFIED_AWARD(name)                                                                  \
    const measure_spec name = {dgs_in_assessed, 1, dgs_p_unset_cap, 1, shape_ceiling,          \
                               shape_ceiling_batch, NULL, {0, NO_INPUT, NO_INPUT, NO_INPUT, NO_INPUT}, -1, -1, shape_ceiling_detail}

#endif
