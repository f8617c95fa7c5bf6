/* SPDX-License-Identifier: MulanPSL-2.0 */
/*
 * Evaluating one case: the scalar path, with a trace.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/error.h"
#include "engine/engine.h"

/* ---- cases ---------------------------------------------------------------- */

DGS_API int dgs_case_new(const dgs_measure *m, dgs_case **out, dgs_error *err)
{
    if (out)
        *out = NULL;
    if (!m || !out)
        return dgs_fail(err, DGS_E_INVALID_ARGUMENT, "dgs_case_new: measure and out must not be NULL");
    *out = calloc(1, sizeof **out);
    if (!*out)
        return dgs_fail(err, DGS_E_NOMEM, "out of memory creating a case for %s", m->meta->id);
    (*out)->m = m;
    return dgs_ok(err);
}

DGS_API void dgs_case_clear(dgs_case *c)
{
    if (!c)
        return;
    for (size_t k = 0; k < MAX_INPUTS; k++) {
        free(c->lists[k]);
        c->lists[k] = NULL;
        c->list_len[k] = 0;
        c->present[k] = 0;
        c->values[k] = 0;
    }
    memset(c->conditions, DGS_CONDITION_ASSUMED, sizeof c->conditions);
    c->has_date = false;
}

DGS_API void dgs_case_free(dgs_case *c)
{
    dgs_case_clear(c);
    free(c);
}

DGS_API const dgs_measure *dgs_case_measure(const dgs_case *c)
{
    return c ? c->m : NULL;
}

DGS_API int dgs_case_set_date(dgs_case *c, const char *iso_date, dgs_error *err)
{
    if (!c || !iso_date)
        return dgs_fail(err, DGS_E_INVALID_ARGUMENT, "dgs_case_set_date: case and date must not be NULL");
    if (dgs_date_parse(iso_date, &c->date))
        return dgs_fail(err, DGS_E_DATE, "date '%.40s' is not a valid date YYYY-MM-DD", iso_date);
    c->has_date = true;
    return dgs_ok(err);
}

int engine_unknown_input(const dgs_measure *m, const char *name, dgs_error *err)
{
    char list[200] = "";
    for (size_t j = 0; j < dgs_measure_input_count(m); j++)
        snprintf(list + strlen(list), sizeof list - strlen(list), "%s%s", j ? ", " : "",
                 m->meta->spec->inputs[j].name);
    return dgs_fail(err, DGS_E_UNKNOWN_INPUT, "%s has no input '%.64s' (inputs: %s)", m->meta->id,
                    name, *list ? list : "none");
}

/* Finds input `name` of the case's measure, or fails naming it. */
static int find_input(const dgs_case *c, const char *name, const input_def **in, size_t *k,
                      dgs_error *err)
{
    *in = NULL;
    *k = 0;
    if (!c || !name)
        return dgs_fail(err, DGS_E_INVALID_ARGUMENT, "case and input name must not be NULL");
    long i = dgs_measure_input_index(c->m, name);
    if (i < 0)
        return engine_unknown_input(c->m, name, err);
    *k = (size_t)i;
    *in = &c->m->meta->spec->inputs[i];
    return DGS_OK;
}

/* Checks a value in base units against its input's type. */
static int check_value(const dgs_case *c, const input_def *in, int64_t value, dgs_error *err)
{
    const char *id = c->m->meta->id;
    switch (in->type) {
    case DGS_TYPE_FLAG:
        if (value != 0 && value != 1)
            return dgs_fail(err, DGS_E_RANGE, "%s.%s is a flag: 0 or 1, not %lld", id, in->name,
                            (long long)value);
        break;
    case DGS_TYPE_CHOICE: {
        size_t n = choice_count(in->choices);
        if (value < 0 || (uint64_t)value >= n)
            return dgs_fail(err, DGS_E_CHOICE, "%s.%s: choice index %lld out of range (0..%zu)", id,
                            in->name, (long long)value, n - 1);
        break;
    }
    case DGS_TYPE_MONEY_LIST:
        return dgs_fail(err, DGS_E_TYPE, "%s.%s is a list: use dgs_case_set_list", id, in->name);
    default:
        if (value < 0) {
            char text[32];
            if (in->type == DGS_TYPE_MONEY || in->type == DGS_TYPE_AREA)
                dgs_decimal_format(value, 2, false, text, sizeof text);
            else
                snprintf(text, sizeof text, "%lld", (long long)value);
            return dgs_fail(err, DGS_E_NEGATIVE, "%s.%s: negative %s %s%s is refused", id, in->name,
                            dgs_type_name(in->type), text,
                            in->type == DGS_TYPE_MONEY ? " yuan" : in->type == DGS_TYPE_AREA ? " m²" : "");
        }
    }
    return DGS_OK;
}

DGS_API int dgs_case_set_int(dgs_case *c, const char *input, int64_t value, dgs_error *err)
{
    const input_def *in;
    size_t k;
    int rc;
    if ((rc = find_input(c, input, &in, &k, err)) || (rc = check_value(c, in, value, err)))
        return rc;
    c->values[k] = value;
    c->present[k] = 1;
    return dgs_ok(err);
}

static int set_typed(dgs_case *c, const char *input, int type, int64_t value, dgs_error *err)
{
    const input_def *in;
    size_t k;
    int rc = find_input(c, input, &in, &k, err);
    if (rc)
        return rc;
    if (in->type != type)
        return dgs_fail(err, DGS_E_TYPE, "%s.%s is %s, not %s", c->m->meta->id, in->name,
                        dgs_type_name(in->type), dgs_type_name(type));
    return dgs_case_set_int(c, input, value, err);
}

DGS_API int dgs_case_set_money(dgs_case *c, const char *input, dgs_fen_t fen, dgs_error *err)
{
    return set_typed(c, input, DGS_TYPE_MONEY, fen, err);
}

DGS_API int dgs_case_set_flag(dgs_case *c, const char *input, int value, dgs_error *err)
{
    return set_typed(c, input, DGS_TYPE_FLAG, value, err);
}

DGS_API int dgs_case_set_choice(dgs_case *c, const char *input, const char *value, dgs_error *err)
{
    const input_def *in;
    size_t k;
    int rc = find_input(c, input, &in, &k, err);
    if (rc)
        return rc;
    if (!value)
        return dgs_fail(err, DGS_E_INVALID_ARGUMENT, "%s.%s: choice must not be NULL",
                        c->m->meta->id, in->name);
    if (in->type != DGS_TYPE_CHOICE)
        return dgs_fail(err, DGS_E_TYPE, "%s.%s is %s, not a choice", c->m->meta->id, in->name,
                        dgs_type_name(in->type));
    char list[200] = "";
    for (size_t j = 0; in->choices[j]; j++) {
        if (strcmp(in->choices[j], value) == 0) {
            c->values[k] = (int64_t)j;
            c->present[k] = 1;
            return dgs_ok(err);
        }
        snprintf(list + strlen(list), sizeof list - strlen(list), "%s%s", j ? ", " : "",
                 in->choices[j]);
    }
    return dgs_fail(err, DGS_E_CHOICE, "%s.%s: unknown choice '%.40s' (choices: %s)",
                    c->m->meta->id, in->name, value, list);
}

DGS_API int dgs_case_set_list(dgs_case *c, const char *input, const int64_t *fen, size_t n,
                              dgs_error *err)
{
    const input_def *in;
    size_t k;
    int rc = find_input(c, input, &in, &k, err);
    if (rc)
        return rc;
    if (in->type != DGS_TYPE_MONEY_LIST)
        return dgs_fail(err, DGS_E_TYPE, "%s.%s is %s, not a list", c->m->meta->id, in->name,
                        dgs_type_name(in->type));
    if (n && !fen)
        return dgs_fail(err, DGS_E_INVALID_ARGUMENT, "%s.%s: NULL list with %zu items",
                        c->m->meta->id, in->name, n);
    if (n > 4096)
        return dgs_fail(err, DGS_E_RANGE, "%s.%s: %zu items is more than 4096", c->m->meta->id,
                        in->name, n);
    for (size_t i = 0; i < n; i++)
        if (fen[i] < 0)
            return dgs_fail(err, DGS_E_NEGATIVE, "%s.%s: item %zu is negative money",
                            c->m->meta->id, in->name, i + 1);
    int64_t *copy = NULL;
    if (n) {
        copy = malloc(n * sizeof *copy);
        if (!copy)
            return dgs_fail(err, DGS_E_NOMEM, "out of memory copying %s.%s", c->m->meta->id,
                            in->name);
        memcpy(copy, fen, n * sizeof *copy);
    }
    free(c->lists[k]);
    c->lists[k] = copy;
    c->list_len[k] = n;
    c->values[k] = (int64_t)n;
    c->present[k] = 1;
    return dgs_ok(err);
}

DGS_API int dgs_case_set_text(dgs_case *c, const char *input, const char *text, dgs_error *err)
{
    const input_def *in;
    size_t k;
    int64_t v;
    int rc;

    if (c && input && text && strcmp(input, "date") == 0)
        return dgs_case_set_date(c, text, err);
    if (c && input && text && strncmp(input, CONDITION_PREFIX, CONDITION_PREFIX_LEN) == 0 &&
        dgs_measure_input_index(c->m, input) < 0) {
        const char *id = input + CONDITION_PREFIX_LEN;
        if (engine_condition_index(c->m, id) < 0)
            return engine_unknown_condition(c->m, id, err);
        if (strcmp(text, "true") == 0 || strcmp(text, "1") == 0)
            return dgs_case_set_condition(c, id, 1, err);
        if (strcmp(text, "false") == 0 || strcmp(text, "0") == 0)
            return dgs_case_set_condition(c, id, 0, err);
        return dgs_fail(err, DGS_E_VALUE, "%s: condition '%s' is declared true or false, not '%.40s'",
                        c->m->meta->id, id, text);
    }
    if ((rc = find_input(c, input, &in, &k, err)))
        return rc;
    if (!text)
        return dgs_fail(err, DGS_E_INVALID_ARGUMENT, "%s.%s: text must not be NULL",
                        c->m->meta->id, in->name);
    const char *id = c->m->meta->id;
    switch (in->type) {
    case DGS_TYPE_CHOICE:
        return dgs_case_set_choice(c, input, text, err);
    case DGS_TYPE_FLAG:
        if (strcmp(text, "true") == 0 || strcmp(text, "1") == 0)
            return dgs_case_set_int(c, input, 1, err);
        if (strcmp(text, "false") == 0 || strcmp(text, "0") == 0)
            return dgs_case_set_int(c, input, 0, err);
        return dgs_fail(err, DGS_E_VALUE, "%s.%s is a flag: write true or false, not '%.40s'", id,
                        in->name, text);
    case DGS_TYPE_MONEY_LIST: {
        int64_t items[4096];
        size_t n = 0;
        const char *s = text;
        while (*s) {
            char one[64];
            size_t len = strcspn(s, ",");
            if (len == 0 || len >= sizeof one || n == 4096)
                return dgs_fail(err, DGS_E_VALUE, "%s.%s: '%.40s' is not a comma-separated list of yuan amounts",
                                id, in->name, text);
            memcpy(one, s, len);
            one[len] = '\0';
            rc = dgs_decimal_parse(one, 2, &items[n]);
            if (rc == DGS_E_NEGATIVE)
                return dgs_fail(err, rc, "%s.%s: negative money '%s' is refused", id, in->name, one);
            if (rc == DGS_E_OVERFLOW)
                return dgs_fail(err, rc, "%s.%s: '%s' is too large", id, in->name, one);
            if (rc)
                return dgs_fail(err, DGS_E_VALUE, "%s.%s: '%s' is not yuan with at most two decimals",
                                id, in->name, one);
            n++;
            s += len;
            if (*s == ',')
                s++;
        }
        return dgs_case_set_list(c, input, items, n, err);
    }
    default:
        rc = dgs_decimal_parse(text, in->type == DGS_TYPE_COUNT ? 0 : 2, &v);
        if (rc == DGS_E_NEGATIVE)
            return dgs_fail(err, rc, "%s.%s: negative %s '%.40s' is refused", id, in->name,
                            dgs_type_name(in->type), text);
        if (rc == DGS_E_OVERFLOW)
            return dgs_fail(err, rc, "%s.%s: '%.40s' is too large (the largest amount is 92233720368547758.07)",
                            id, in->name, text);
        if (rc)
            return dgs_fail(err, DGS_E_VALUE, "%s.%s: '%.40s' is not %s", id, in->name, text,
                            in->type == DGS_TYPE_MONEY  ? "an amount of yuan with at most two decimals"
                            : in->type == DGS_TYPE_AREA ? "an area in m² with at most two decimals"
                                                        : "a whole number");
        return dgs_case_set_int(c, input, v, err);
    }
}

DGS_API int dgs_case_unset(dgs_case *c, const char *input, dgs_error *err)
{
    const input_def *in;
    size_t k;
    if (c && input && strncmp(input, CONDITION_PREFIX, CONDITION_PREFIX_LEN) == 0 &&
        dgs_measure_input_index(c->m, input) < 0) {
        long i = engine_condition_index(c->m, input + CONDITION_PREFIX_LEN);
        if (i < 0)
            return engine_unknown_condition(c->m, input + CONDITION_PREFIX_LEN, err);
        c->conditions[i] = DGS_CONDITION_ASSUMED;
        return dgs_ok(err);
    }
    int rc = find_input(c, input, &in, &k, err);
    if (rc)
        return rc;
    free(c->lists[k]);
    c->lists[k] = NULL;
    c->list_len[k] = 0;
    c->present[k] = 0;
    c->values[k] = 0;
    return dgs_ok(err);
}

/* ---- shared by the scalar and batch paths ----------------------------------- */

bool engine_prepare(const dgs_measure *m, int32_t date, resolved *params, calc *c)
{
    const dgs_ruleset *rs = m->rs;
    memset(c, 0, sizeof *c);
    c->meta = m->meta;
    c->spec = m->meta->spec;
    c->p = params;
    ruleset_view view;
    ruleset_view_at(rs, date, &view);
    c->half_up = view.g[G_ROUNDING] == ROUND_HALF_UP;
    calc_reset(c);
    if (date < view.g[G_VALIDITY_START] || date > view.g[G_VALIDITY_END]) {
        c->outcome = DGS_OUTCOME_NOT_IN_FORCE;
        c->why = WHY_NOT_IN_FORCE;
        return false;
    }
    if (!c->spec) {
        c->outcome = DGS_OUTCOME_NOT_COMPUTABLE;
        c->why = WHY_QUALITATIVE;
        return false;
    }
    ruleset_resolve(m, date, params);
    /* The formula still runs, for the thresholds the clause writes; the
     * outcome is then decided by engine_settle(). */
    for (size_t i = 0; i < c->spec->n_params; i++)
        if (!params[i].set && !(c->spec->params[i].flags & P_OPTIONAL))
            c->pending = DGS_OUTCOME_UNSPECIFIED;
    if (c->meta->kind == DGS_KIND_GOVERNED_ELSEWHERE)
        c->pending = DGS_OUTCOME_GOVERNED_ELSEWHERE;
    return true;
}

const char *engine_group(const dgs_measure *m, const calc *c, int32_t date)
{
    const measure_spec *s = m->meta->spec;
    if (s && s->branch_input >= 0) {
        if (!calc_has(c, s->branch_input) || c->cols[s->branch_input][c->row] != s->branch_choice)
            return "";
    }
    /* A group that rests on a reading (e.g. whether two designations are one)
     * applies only where that reading is in force at the case's date. */
    const group_def *g = group_find(m->meta->group);
    if (g && g->reading) {
        ruleset_view view;
        ruleset_view_at(m->rs, date, &view);
        if (!group_reading_holds(g, &view))
            return "";
    }
    return m->meta->group;
}

long engine_branch_input(const dgs_measure *m)
{
    return m->meta->branches ? dgs_measure_input_index(m, m->meta->branches->input) : -1;
}

const restate_branch *engine_branch(const dgs_measure *m, int64_t choice)
{
    const restatement *rt = m->meta->branches;
    long k = engine_branch_input(m);
    if (!rt || k < 0 || choice < 0 || (uint64_t)choice >= choice_count(m->meta->spec->inputs[k].choices))
        return NULL;
    const char *name = m->meta->spec->inputs[k].choices[choice];
    for (size_t i = 0; i < rt->n; i++)
        if (strcmp(rt->branches[i].choice, name) == 0)
            return &rt->branches[i];
    return NULL;
}

/* A restatement is computed through the measure whose clause states its
 * amount: that measure's formula, parameters and trace. */
const dgs_measure *engine_through(const dgs_measure *m, const restate_branch *b)
{
    if (b)
        return dgs_ruleset_find(m->rs, b->source);
    if (m->meta->restates && !m->meta->branches)
        return dgs_ruleset_find(m->rs, m->meta->restates[0]);
    return m;
}

long engine_input_of(const dgs_measure *m, const dgs_measure *via, const restate_branch *b, size_t j,
                     int64_t *value)
{
    const input_def *in = &via->meta->spec->inputs[j];
    for (size_t f = 0; b && b->fixed && b->fixed[f]; f += 2)
        if (strcmp(b->fixed[f], in->name) == 0)
            for (size_t v = 0; in->choices && in->choices[v]; v++)
                if (strcmp(in->choices[v], b->fixed[f + 1]) == 0) {
                    *value = (int64_t)v;
                    return -2;
                }
    return via == m || via->meta->spec == m->meta->spec ? (long)j : dgs_measure_input_index(m, in->name);
}

const char *engine_src_name(const dgs_measure *m, int src)
{
    const measure_spec *s = m->meta->spec;
    if (!s || src < 0)
        return "";
    if (src >= SRC_INPUT)
        return src - SRC_INPUT < s->n_inputs ? s->inputs[src - SRC_INPUT].name : "";
    return src < s->n_params ? s->params[src].name : "";
}

/* ---- evaluating one case -------------------------------------------------------- */

void result_explain(dgs_result *r);   /* result.c */

DGS_API int dgs_evaluate(const dgs_case *cs, dgs_result **out, dgs_error *err)
{
    if (out)
        *out = NULL;
    if (!cs || !out)
        return dgs_fail(err, DGS_E_INVALID_ARGUMENT, "dgs_evaluate: case and out must not be NULL");
    const dgs_measure *m = cs->m;
    const measure_spec *spec = m->meta->spec;
    if (!cs->has_date)
        return dgs_fail(err, DGS_E_MISSING_INPUT, "%s: the date of the qualifying event is not set",
                        m->meta->id);

    dgs_result *r = malloc(sizeof *r);
    if (!r)
        return dgs_fail(err, DGS_E_NOMEM, "out of memory evaluating %s", m->meta->id);
    r->m = m;
    dgs_date_format(cs->date, r->date, sizeof r->date);
    memcpy(r->fingerprint, m->rs->fingerprint, sizeof r->fingerprint);

    const int64_t *cols[MAX_INPUTS];
    const uint8_t *present[MAX_INPUTS];
    calc c;
    /* A restatement: the measure that states the amount computes it (with
     * several, the one the case's choice names). */
    const restate_branch *b = NULL;
    long bk = engine_branch_input(m);
    if (m->meta->branches) {
        if (bk < 0 || !cs->present[bk]) {
            free(r);
            return dgs_fail(err, DGS_E_MISSING_INPUT, "%s: required input '%s' is not set", m->meta->id,
                            m->meta->branches->input);
        }
        b = engine_branch(m, cs->values[bk]);
        if (!b && !m->meta->branches->own) {   /* an index set through dgs_case_set_int */
            free(r);
            return dgs_fail(err, DGS_E_CHOICE, "%s.%s: no measure for choice %lld", m->meta->id,
                            m->meta->branches->input, (long long)cs->values[bk]);
        }
    }
    const dgs_measure *via = engine_through(m, b);
    const measure_spec *vspec = via->meta->spec;
    r->via = via;
    engine_citation(via->meta->location, r->location, sizeof r->location);
    int64_t fixed[MAX_INPUTS], none = 0;
    static const uint8_t given = 1, absent = 0;
    const int64_t *lists[MAX_INPUTS];
    size_t list_len[MAX_INPUTS];
    bool run = engine_prepare(via, cs->date, r->params, &c);
    if (run) {
        /* Without a number of its own (unspecified, governed elsewhere), a
         * measure needs its inputs only to check the clause's thresholds. */
        bool complete = true;
        for (size_t k = 0; k < spec->n_inputs; k++)
            if (spec->inputs[k].required && !cs->present[k]) {
                if (c.pending) {
                    complete = false;
                    continue;
                }
                free(r);
                return dgs_fail(err, DGS_E_MISSING_INPUT, "%s: required input '%s' is not set",
                                m->meta->id, spec->inputs[k].name);
            }
        /* The case's inputs, by name, as the inputs of the measure computed through. */
        for (size_t j = 0; j < vspec->n_inputs; j++) {
            long k = engine_input_of(m, via, b, j, &fixed[j]);
            cols[j] = k >= 0 ? &cs->values[k] : k == -2 ? &fixed[j] : &none;
            present[j] = k >= 0 ? &cs->present[k] : k == -2 ? &given : &absent;
            lists[j] = k >= 0 ? cs->lists[k] : NULL;
            list_len[j] = k >= 0 ? cs->list_len[k] : 0;
            if (vspec->inputs[j].required && !*present[j]) {
                if (c.pending) {
                    complete = false;
                    continue;
                }
                free(r);
                return dgs_fail(err, DGS_E_MISSING_INPUT, "%s: required input '%s' (of %s, which it restates) is not set",
                                m->meta->id, vspec->inputs[j].name, via->meta->id);
            }
        }
        c.cols = cols;
        c.present = present;
        c.lists = lists;
        c.list_len = list_len;
        c.trace = true;
        c.steps = r->steps;
        long not_met = -1;
        for (size_t i = 0; i < m->meta->n_conditions && not_met < 0; i++)
            if (cs->conditions[i] == DGS_CONDITION_NOT_MET)
                not_met = (long)i;
        if (not_met >= 0) {
            /* A condition declared not met: ineligible, whatever the figures. */
            calc_ineligible(&c, (int)not_met, WHY_CONDITION);
        } else {
            if (complete)
                vspec->formula(&c);
            if (c.error && !c.pending) {
                free(r);
                const char *at = *engine_src_name(via, c.error_src) ? engine_src_name(via, c.error_src) : "a sum";
                if (c.error == DGS_E_MISSING_INPUT)
                    return dgs_fail(err, c.error, "%s: input '%s' is not set (required with the inputs given)",
                                    m->meta->id, at);
                if (c.error == DGS_E_RANGE)
                    return dgs_fail(err, c.error, "%s: input '%s' cannot be given with the inputs given "
                                    "(two forms of one figure, or a period the reading in force does not use)",
                                    m->meta->id, at);
                return dgs_fail(err, c.error, "%s: the amount overflows at %s (inputs too large)", m->meta->id, at);
            }
            engine_settle(&c, complete);
        }
    }
    memcpy(r->conditions, cs->conditions, sizeof r->conditions);
    r->outcome = c.outcome;
    /* A ceiling still to be assessed keeps its ceiling as the award ("up to"). */
    r->award = c.outcome == DGS_OUTCOME_GRANTED || c.outcome == DGS_OUTCOME_UP_TO ? c.award : 0;
    r->binding = c.binding;
    r->failed = c.failed;
    r->tested = c.tested;
    r->failed_value = c.failed_value;
    r->why = c.why;
    r->n_steps = c.n_steps;
    /* A restatement falls in the group of the measure it computed through
     * (its own: the catalog puts both in one group). */
    r->group = run ? engine_group(via, &c, cs->date) : via->meta->group;
    /* The parameters the evaluation used, for audit. */
    r->n_used = 0;
    uint32_t seen = 0;
    for (size_t i = 0; i <= r->n_steps; i++) {
        int src = i < r->n_steps ? r->steps[i].src : r->why == WHY_CONDITION ? SRC_NONE : r->failed;
        if (src >= 0 && src < SRC_INPUT && src < MAX_PARAMS && !(seen & (1u << src))) {
            seen |= 1u << src;
            r->used[r->n_used++] = (uint8_t)src;
        }
    }
    /* ... and those of steps a full trace did not keep. */
    for (int p = 0; p < MAX_PARAMS; p++)
        if ((c.omitted_params >> p & 1u) && !(seen & (1u << p))) {
            seen |= 1u << p;
            r->used[r->n_used++] = (uint8_t)p;
        }
    result_explain(r);
    *out = r;
    return dgs_ok(err);
}
