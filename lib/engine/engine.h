/* The engine: cases, results, and what the scalar and batch paths share. */
#ifndef DGS_ENGINE_ENGINE_H
#define DGS_ENGINE_ENGINE_H

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
};

struct dgs_result {
    const dgs_measure *m;
    char date[11];
    int outcome;
    dgs_fen_t award;
    int16_t binding;
    int16_t failed;
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
};

/* Sets up a calc for measure m at `date` and decides the outcomes that need
 * no formula: not in force, not computable, unspecified (parameters unset).
 * Returns true when the formula must run. */
bool engine_prepare(const dgs_measure *m, int32_t date, resolved *params, calc *c);

/* The group a result falls in (the branch may exclude it). */
const char *engine_group(const dgs_measure *m, const calc *c);

/* Fails with DGS_E_UNKNOWN_INPUT, listing m's inputs. */
int engine_unknown_input(const dgs_measure *m, const char *name, dgs_error *err);

/* The name of a src code (parameter or input) of measure m, or "". */
const char *engine_src_name(const dgs_measure *m, int src);

#endif
