/* SPDX-License-Identifier: MulanPSL-2.0 */
/* The engine: cases, results, and what the scalar and batch paths share. */
#ifndef DGS_ENGINE_ENGINE_H
#define DGS_ENGINE_ENGINE_H

#include "measures/stacking.h"
#include "policy/ruleset.h"

/* What a case and a result hold; every spec table is checked against these
 * when it is compiled (COUNT_INPUTS, COUNT_PARAMS in measures/spec.h). */
#define MAX_INPUTS SPEC_MAX_INPUTS
#define MAX_PARAMS SPEC_MAX_PARAMS
/* The parameters a result used are collected in a 32-bit set; steps are counted in a uint8_t. */
_Static_assert(MAX_PARAMS <= 32, "the set of used parameters is a uint32_t");
_Static_assert(MAX_STEPS <= UINT8_MAX, "n_steps is a uint8_t");

struct dgs_case {
    const dgs_measure *m;
    int32_t date;
    bool has_date;
    int64_t values[MAX_INPUTS];
    uint8_t present[MAX_INPUTS];
    int64_t *lists[MAX_INPUTS];
    size_t list_len[MAX_INPUTS];
    uint8_t conditions[MAX_CONDITIONS];   /* DGS_CONDITION_*, by the measure's order */
};

struct dgs_result {
    const dgs_measure *m;
    const dgs_measure *via;      /* the measure that computed it: m, or the one m restates */
    char date[11];
    int outcome;
    dgs_fen_t award;
    int16_t binding;
    int16_t failed;
    int16_t tested;              /* the input a failed threshold tested, or SRC_NONE */
    int64_t failed_value;        /* the value that failed it */
    uint8_t why;
    const char *group;
    char fingerprint[17];
    uint8_t n_steps;
    step steps[MAX_STEPS];
    resolved params[MAX_PARAMS];
    uint8_t n_used;
    uint8_t used[MAX_PARAMS];
    char reason_zh[320];
    char reason_en[320];
    uint8_t conditions[MAX_CONDITIONS];   /* as declared on the case */
};

/* Sets up a calc for measure m at `date` and decides the outcomes that need
 * no formula: not in force, not computable, unspecified (parameters unset).
 * Returns true when the formula must run. */
bool engine_prepare(const dgs_measure *m, int32_t date, resolved *params, calc *c);

/* The group a result falls in at `date` (the branch, or a reading in force, may exclude it). */
const char *engine_group(const dgs_measure *m, const calc *c, int32_t date);

/* The entry of data/groups.json for group `id`, or NULL ("" or unknown). */
const group_def *group_find(const char *id);
/* Whether the reading a group rests on (if any) holds in `view`. */
bool group_reading_holds(const group_def *g, const ruleset_view *view);

/* Fails with DGS_E_UNKNOWN_INPUT, listing m's inputs. */
int engine_unknown_input(const dgs_measure *m, const char *name, dgs_error *err);

/* The index of condition `id` of m, or -1. */
long engine_condition_index(const dgs_measure *m, const char *id);

/* Fails with DGS_E_UNKNOWN_INPUT, listing m's conditions. */
int engine_unknown_condition(const dgs_measure *m, const char *id, dgs_error *err);

/* The prefix of condition columns and of dgs_case_set_text() names: "condition.<id>". */
#define CONDITION_PREFIX "condition."
#define CONDITION_PREFIX_LEN 10

/* Decides what the formula left open: a measure whose numbers are unset, or
 * whose amount another policy sets, gets that outcome (c->pending) unless the
 * formula found a written threshold failing.  Called after the formula, or
 * instead of it (`ran` false: a required input was not given). */
void engine_settle(calc *c, bool ran);

/* Restatements (an item computed through the measure whose clause states its
 * amount).  The index of m's input that picks a branch, or -1. */
long engine_branch_input(const dgs_measure *m);
/* The branch the value `choice` of that input takes, or NULL (m's own clause). */
const restate_branch *engine_branch(const dgs_measure *m, int64_t choice);
/* The measure that computes a case of m taking branch b (NULL: none): b's
 * source, the measure m restates as a whole, or m itself. */
const dgs_measure *engine_through(const dgs_measure *m, const restate_branch *b);
/* Where input j of `via` comes from in a case of m: m's input index, -2 for
 * a value the branch fixes (*value: the choice's index), or -1 (absent). */
long engine_input_of(const dgs_measure *m, const dgs_measure *via, const restate_branch *b, size_t j,
                     int64_t *value);

/* The name of a src code (parameter or input) of measure m, or "". */
const char *engine_src_name(const dgs_measure *m, int src);

#endif
