/* SPDX-License-Identifier: MulanPSL-2.0 */
/*
 * Eligibility conditions: the measure's list (generated from
 * data/conditions.json), what a case declares, what a result carries, and
 * the outcomes a formula leaves open (unspecified numbers, amounts another
 * policy sets).
 */
#include <stdio.h>
#include <string.h>

#include "core/error.h"
#include "engine/engine.h"

/* ---- the measure's conditions -------------------------------------------- */

static const condition_def *condition_at(const dgs_measure *m, size_t i)
{
    return m && i < m->meta->n_conditions ? &m->meta->conditions[i] : NULL;
}

DGS_API size_t dgs_measure_condition_count(const dgs_measure *m)
{
    return m ? m->meta->n_conditions : 0;
}

DGS_API const char *dgs_measure_condition_id(const dgs_measure *m, size_t i)
{
    const condition_def *d = condition_at(m, i);
    return d ? d->id : NULL;
}

DGS_API const char *dgs_measure_condition_text(const dgs_measure *m, size_t i, int lang)
{
    const condition_def *d = condition_at(m, i);
    return d ? (lang == DGS_LANG_EN ? d->text_en : d->text_zh) : NULL;
}

DGS_API const char *dgs_measure_condition_phrase(const dgs_measure *m, size_t i)
{
    const condition_def *d = condition_at(m, i);
    return d ? d->phrase : NULL;
}

long engine_condition_index(const dgs_measure *m, const char *id)
{
    if (!m || !id)
        return -1;
    for (size_t i = 0; i < m->meta->n_conditions; i++)
        if (strcmp(m->meta->conditions[i].id, id) == 0)
            return (long)i;
    return -1;
}

DGS_API long dgs_measure_condition_index(const dgs_measure *m, const char *id)
{
    return engine_condition_index(m, id);
}

DGS_API const char *dgs_measure_governed_by(const dgs_measure *m, int lang)
{
    if (!m)
        return NULL;
    const char *text = lang == DGS_LANG_EN ? m->meta->governed_by_en : m->meta->governed_by_zh;
    return text ? text : "";
}

DGS_API const char *dgs_condition_status_name(int status)
{
    static const char *const names[] = {"assumed", "met", "not_met"};
    return status >= DGS_CONDITION_ASSUMED && status <= DGS_CONDITION_NOT_MET ? names[status] : NULL;
}

int engine_unknown_condition(const dgs_measure *m, const char *id, dgs_error *err)
{
    char list[400] = "";
    for (size_t i = 0; i < m->meta->n_conditions; i++)
        snprintf(list + strlen(list), sizeof list - strlen(list), "%s%s", i ? ", " : "",
                 m->meta->conditions[i].id);
    return dgs_fail(err, DGS_E_UNKNOWN_INPUT, "%s has no condition '%.64s' (conditions: %s)", m->meta->id,
                    id, *list ? list : "none");
}

/* ---- cases -------------------------------------------------------------------- */

DGS_API int dgs_case_set_condition(dgs_case *c, const char *id, int met, dgs_error *err)
{
    if (!c || !id)
        return dgs_fail(err, DGS_E_INVALID_ARGUMENT, "dgs_case_set_condition: case and id must not be NULL");
    long i = engine_condition_index(c->m, id);
    if (i < 0)
        return engine_unknown_condition(c->m, id, err);
    if (met != 0 && met != 1)
        return dgs_fail(err, DGS_E_RANGE, "%s: condition '%s' is declared met (1) or not met (0), not %d",
                        c->m->meta->id, id, met);
    c->conditions[i] = met ? DGS_CONDITION_MET : DGS_CONDITION_NOT_MET;
    return dgs_ok(err);
}

/* ---- results ------------------------------------------------------------------ */

DGS_API size_t dgs_result_condition_count(const dgs_result *r)
{
    return r ? r->m->meta->n_conditions : 0;
}

DGS_API const char *dgs_result_condition_id(const dgs_result *r, size_t i)
{
    return r ? dgs_measure_condition_id(r->m, i) : NULL;
}

DGS_API int dgs_result_condition_status(const dgs_result *r, size_t i)
{
    return r && i < r->m->meta->n_conditions ? r->conditions[i] : -1;
}

/* ---- outcomes the formula leaves open ------------------------------------------ */

void engine_settle(calc *c, bool ran)
{
    if (!c->pending)
        return;
    /* A threshold the clause writes, failing, decides before an amount that is
     * not stated or that another policy sets.  A failure counts only when it
     * compares with a number in force or with an input: an unset parameter
     * (0 until a guideline supplies it) decides nothing. */
    if (ran && !c->error && c->outcome == DGS_OUTCOME_INELIGIBLE &&
        (c->failed >= SRC_INPUT || (c->failed >= 0 && c->p[c->failed].set)))
        return;
    uint8_t kept = 0;
    for (uint8_t i = 0; i < c->n_steps; i++)
        if (c->steps[i].kind == STEP_INPUT || c->steps[i].kind == STEP_THRESHOLD || c->steps[i].kind == STEP_OMITTED)
            c->steps[kept++] = c->steps[i];
    c->n_steps = kept;
    c->outcome = c->pending;
    c->why = c->pending == DGS_OUTCOME_GOVERNED_ELSEWHERE ? WHY_GOVERNED : WHY_UNSET;
    c->award = 0;
    c->binding = SRC_NONE;
    c->binding_value = 0;
    c->failed = SRC_NONE;
    c->error = 0;
    c->error_src = SRC_NONE;
}
