/* SPDX-License-Identifier: MulanPSL-2.0 */
/*
 * The golden vectors (tests/vectors/vectors.jsonl, described in
 * tests/vectors/README.md): every line is evaluated through the public API
 * and its outcome, award and (where given) binding constraint checked.  A
 * failing vector is printed by name with what was expected and what came
 * out; all vectors are run before the test fails.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <jansson.h>

#include "dgsubsidy/dgsubsidy.h"

#define VECTORS DGS_SOURCE_DIR "/tests/vectors/vectors.jsonl"

static const char *string_member(json_t *o, const char *key)
{
    json_t *v = json_object_get(o, key);
    return json_is_string(v) ? json_string_value(v) : NULL;
}

/* Applies the vector's parameter changes; returns the ruleset to use (base
 * itself when there are none) or NULL after printing why. */
static dgs_ruleset *apply_parameters(const dgs_ruleset *base, json_t *params, const char *name)
{
    dgs_ruleset *rs = NULL;
    size_t i;
    json_t *p;
    if (!params)
        return (dgs_ruleset *)base;
    if (!json_is_array(params)) {
        print_error("vector %s: 'parameters' is not an array\n", name);
        return NULL;
    }
    json_array_foreach(params, i, p) {
        json_t *measure = json_object_get(p, "measure");
        const char *parameter = string_member(p, "parameter");
        const char *value = string_member(p, "value");
        if (!parameter || !value || (measure && !json_is_null(measure) && !json_is_string(measure))) {
            print_error("vector %s: parameter change %zu needs 'parameter' and 'value' strings\n",
                        name, i);
            dgs_ruleset_free(rs);
            return NULL;
        }
        const char *measure_id = json_is_string(measure) ? json_string_value(measure) : NULL;
        dgs_ruleset *next = NULL;
        dgs_error err;
        int rc = dgs_ruleset_set_parameter(rs ? rs : base, measure_id, parameter, value,
                                           string_member(p, "from"), string_member(p, "until"),
                                           "golden vector", &next, &err);
        dgs_ruleset_free(rs);
        if (rc != DGS_OK) {
            print_error("vector %s: setting %s.%s = %s: %s %s\n", name,
                        measure_id ? measure_id : "(ruleset)", parameter, value,
                        dgs_status_name(rc), err.message);
            return NULL;
        }
        rs = next;
    }
    return rs ? rs : (dgs_ruleset *)base;
}

/* Evaluates one vector; returns 1 if it passes, 0 after printing why not. */
static int check_vector(const dgs_ruleset *builtin, json_t *v, size_t line, const char **measure_out)
{
    const char *name = string_member(v, "name");
    const char *id = string_member(v, "measure");
    const char *date = string_member(v, "date");
    json_t *inputs = json_object_get(v, "inputs");
    json_t *expect = json_object_get(v, "expect");
    const char *outcome = expect ? string_member(expect, "outcome") : NULL;
    const char *award = expect ? string_member(expect, "award") : NULL;
    json_t *binding_json = expect ? json_object_get(expect, "binding") : NULL;
    const char *binding = string_member(expect, "binding");
    *measure_out = id;

    if (!name || !id || !date || !json_is_object(inputs) || !outcome || !award ||
        (binding_json && !binding) || !string_member(v, "source")) {
        print_error("vectors.jsonl:%zu (%s): needs name, measure, date, inputs, expect.outcome, "
                    "expect.award and source (binding, if given, a string)\n",
                    line, name ? name : "no name");
        return 0;
    }
    dgs_ruleset *rs = apply_parameters(builtin, json_object_get(v, "parameters"), name);
    if (!rs)
        return 0;

    int ok = 0;
    dgs_case *c = NULL;
    dgs_result *r = NULL;
    dgs_error err;
    const dgs_measure *m = dgs_ruleset_find(rs, id);
    const char *key;
    json_t *value;
    if (!m) {
        print_error("vector %s: no measure %s\n", name, id);
        goto done;
    }
    if (dgs_case_new(m, &c, &err) != DGS_OK || dgs_case_set_date(c, date, &err) != DGS_OK) {
        print_error("vector %s: %s\n", name, err.message);
        goto done;
    }
    json_object_foreach(inputs, key, value) {
        if (!json_is_string(value)) {
            print_error("vector %s: input %s must be a string\n", name, key);
            goto done;
        }
        int rc = dgs_case_set_text(c, key, json_string_value(value), &err);
        if (rc != DGS_OK) {
            print_error("vector %s: input %s=%s: %s %s\n", name, key, json_string_value(value),
                        dgs_status_name(rc), err.message);
            goto done;
        }
    }
    int rc = dgs_evaluate(c, &r, &err);
    if (rc != DGS_OK) {
        print_error("vector %s: dgs_evaluate: %s %s\n", name, dgs_status_name(rc), err.message);
        goto done;
    }

    char got_award[48];
    if (strncmp(dgs_result_unit(r), "yuan", 4) == 0)
        dgs_money_format(dgs_result_award(r), got_award, sizeof got_award);
    else
        snprintf(got_award, sizeof got_award, "%lld", (long long)dgs_result_award(r));
    const char *got_outcome = dgs_outcome_name(dgs_result_outcome(r));
    const char *got_binding = dgs_result_binding(r);
    ok = strcmp(got_outcome, outcome) == 0 && strcmp(got_award, award) == 0 &&
         (!binding || strcmp(got_binding, binding) == 0);
    if (!ok)
        print_error("vector %s (line %zu, %s %s): expected %s %s%s%s, got %s %s (binding '%s')%s%s\n"
                    "    source: %s\n",
                    name, line, id, date, outcome, award, binding ? " binding " : "",
                    binding ? binding : "", got_outcome, got_award, got_binding,
                    *dgs_result_reason(r, DGS_LANG_EN) ? " reason: " : "",
                    dgs_result_reason(r, DGS_LANG_EN), string_member(v, "source"));
done:
    dgs_result_free(r);
    dgs_case_free(c);
    if (rs != builtin)
        dgs_ruleset_free(rs);
    return ok;
}


/* Reads one line (any length) into *text; false at the end of the file. */
static bool read_line(FILE *f, char **text, size_t *cap)
{
    size_t len = 0;
    for (;;) {
        if (*cap - len < 2) {
            *cap = *cap ? *cap * 2 : 4096;
            *text = realloc(*text, *cap);
            assert_non_null(*text);
        }
        if (!fgets(*text + len, (int)(*cap - len), f))
            return len > 0;
        len += strlen(*text + len);
        if (len && (*text)[len - 1] == '\n')
            return true;
    }
}

static void golden_vectors(void **state)
{
    (void)state;
    dgs_ruleset *builtin = NULL;
    assert_int_equal(dgs_ruleset_builtin(&builtin, NULL), DGS_OK);

    FILE *f = fopen(VECTORS, "r");
    if (!f)
        fail_msg("cannot open %s", VECTORS);
    char *text = NULL;
    size_t cap = 0, line = 0, count = 0, failed = 0;
    /* the measures the vectors cover, to check that every formula measure is among them */
    const char **covered = NULL;
    size_t n_covered = 0;
    json_t *names = json_object();

    while (read_line(f, &text, &cap)) {
        line++;
        json_error_t jerr;
        json_t *v = json_loads(text, 0, &jerr);
        count++;
        if (!v || !json_is_object(v)) {
            print_error("vectors.jsonl:%zu: not a JSON object: %s\n", line, v ? "" : jerr.text);
            json_decref(v);
            failed++;
            continue;
        }
        const char *name = string_member(v, "name");
        if (name && json_object_get(names, name)) {
            print_error("vectors.jsonl:%zu: the name %s is used twice\n", line, name);
            failed++;
        } else if (name) {
            json_object_set_new(names, name, json_true());
        }
        const char *measure = NULL;
        if (!check_vector(builtin, v, line, &measure))
            failed++;
        if (measure) {
            const char **grown = realloc(covered, (n_covered + 1) * sizeof *covered);
            assert_non_null(grown);
            covered = grown;
            covered[n_covered] = strdup(measure);
            assert_non_null(covered[n_covered]);
            n_covered++;
        }
        json_decref(v);
    }
    free(text);
    fclose(f);
    json_decref(names);

    /* every formula measure has at least one vector */
    size_t missing = 0;
    for (size_t i = 0; i < dgs_ruleset_measure_count(builtin); i++) {
        const dgs_measure *m = dgs_ruleset_measure_at(builtin, i);
        if (dgs_measure_kind(m) != DGS_KIND_FORMULA)
            continue;
        size_t k = 0;
        while (k < n_covered && strcmp(covered[k], dgs_measure_id(m)) != 0)
            k++;
        if (k == n_covered) {
            print_error("no golden vector for the formula measure %s\n", dgs_measure_id(m));
            missing++;
        }
    }
    for (size_t k = 0; k < n_covered; k++)
        free((void *)covered[k]);
    free(covered);
    dgs_ruleset_free(builtin);

    print_message("%zu golden vectors, %zu failed\n", count, failed);
    if (count < 60)
        fail_msg("only %zu golden vectors; at least 60 are expected", count);
    if (failed || missing)
        fail_msg("%zu of %zu golden vectors failed; %zu formula measures have none", failed, count,
                 missing);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(golden_vectors),
    };
    return cmocka_run_group_tests_name("golden vectors", tests, NULL, NULL);
}
