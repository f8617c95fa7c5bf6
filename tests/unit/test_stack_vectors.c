/* SPDX-License-Identifier: MulanPSL-2.0 */
/*
 * The stacking vectors (tests/vectors/stack.jsonl, described in
 * tests/vectors/README.md): each line is one applicant's claims, evaluated
 * and stacked through the public API; the total, what the ceilings could
 * still add, and each claim's decision, payment and flags are checked.
 * Every vector runs before the test fails; a failing one is printed by name.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <jansson.h>

#include "dgsubsidy/dgsubsidy.h"

#define VECTORS DGS_SOURCE_DIR "/tests/vectors/stack.jsonl"
#define MAX_CLAIMS 16

static const char *str(json_t *o, const char *key)
{
    json_t *v = json_object_get(o, key);
    return json_is_string(v) ? json_string_value(v) : NULL;
}

static dgs_ruleset *apply_parameters(const dgs_ruleset *base, json_t *params, const char *name)
{
    dgs_ruleset *rs = NULL;
    size_t i;
    json_t *p;
    if (!params)
        return (dgs_ruleset *)base;
    json_array_foreach(params, i, p) {
        json_t *measure = json_object_get(p, "measure");
        dgs_ruleset *next = NULL;
        dgs_error err;
        int rc = dgs_ruleset_set_parameter(rs ? rs : base, json_is_string(measure) ? json_string_value(measure) : NULL,
                                           str(p, "parameter"), str(p, "value"), str(p, "from"), str(p, "until"),
                                           "stack vector", &next, &err);
        dgs_ruleset_free(rs);
        if (rc != DGS_OK) {
            print_error("vector %s: parameter %zu: %s\n", name, i, err.message);
            return NULL;
        }
        rs = next;
    }
    return rs ? rs : (dgs_ruleset *)base;
}

static dgs_result *evaluate_claim(const dgs_ruleset *rs, json_t *claim, const char *date, const char *name)
{
    const char *id = str(claim, "measure"), *key;
    json_t *value;
    dgs_case *c = NULL;
    dgs_result *r = NULL;
    dgs_error err;
    const dgs_measure *m = id ? dgs_ruleset_find(rs, id) : NULL;
    if (!m || dgs_case_new(m, &c, &err) || dgs_case_set_date(c, str(claim, "date") ? str(claim, "date") : date, &err)) {
        print_error("vector %s: claim %s cannot be set up\n", name, id ? id : "(no measure)");
        dgs_case_free(c);
        return NULL;
    }
    json_object_foreach(json_object_get(claim, "inputs"), key, value) {
        if (!json_is_string(value) || dgs_case_set_text(c, key, json_string_value(value), &err)) {
            print_error("vector %s: %s.%s: %s\n", name, id, key, json_is_string(value) ? err.message : "not a string");
            dgs_case_free(c);
            return NULL;
        }
    }
    if (dgs_evaluate(c, &r, &err)) {
        print_error("vector %s: %s: %s\n", name, id, err.message);
        r = NULL;
    }
    dgs_case_free(c);
    return r;
}

/* Runs one vector; 1 if it passes. */
static int check(const dgs_ruleset *base, json_t *v)
{
    const char *name = str(v, "name"), *date = str(v, "date");
    json_t *claims = json_object_get(v, "claims"), *expect = json_object_get(v, "expect");
    json_t *decisions = json_object_get(expect, "claims");
    size_t n = json_array_size(claims);
    if (!name || !date || !n || n > MAX_CLAIMS || json_array_size(decisions) != n || !str(expect, "total") ||
        !str(expect, "up_to_total") || !str(v, "source")) {
        print_error("vector %s: needs name, date, source, 1..%d claims and as many expected decisions, total, up_to_total\n",
                    name ? name : "(no name)", MAX_CLAIMS);
        return 0;
    }
    dgs_ruleset *rs = apply_parameters(base, json_object_get(v, "parameters"), name);
    if (!rs)
        return 0;
    dgs_result *r[MAX_CLAIMS] = {0};
    const char *objects[MAX_CLAIMS] = {0};
    dgs_fen_t before[MAX_CLAIMS] = {0};
    int ok = 1;
    dgs_stack *s = NULL;
    char got[48];
    for (size_t i = 0; i < n; i++) {
        json_t *claim = json_array_get(claims, i);
        objects[i] = str(claim, "object");
        if (str(claim, "already_granted") && dgs_money_parse(str(claim, "already_granted"), &before[i], NULL))
            ok = 0;
        if (!(r[i] = evaluate_claim(rs, claim, date, name)))
            ok = 0;
    }
    dgs_error err;
    if (ok && dgs_stack_claims(rs, (const dgs_result *const *)r, objects, n, before, &s, &err)) {
        print_error("vector %s: %s\n", name, err.message);
        ok = 0;
    }
    if (ok) {
        if (strcmp(dgs_money_format(dgs_stack_total(s), got, sizeof got), str(expect, "total")) != 0) {
            print_error("vector %s: total %s, expected %s\n", name, got, str(expect, "total"));
            ok = 0;
        }
        if (strcmp(dgs_money_format(dgs_stack_up_to_total(s), got, sizeof got), str(expect, "up_to_total")) != 0) {
            print_error("vector %s: up_to_total %s, expected %s\n", name, got, str(expect, "up_to_total"));
            ok = 0;
        }
        for (size_t i = 0; i < n; i++) {
            json_t *d = json_array_get(decisions, i), *flags = json_object_get(d, "flags");
            const char *decision = dgs_stack_decision_name(dgs_stack_decision(s, i));
            dgs_money_format(dgs_stack_paid(s, i), got, sizeof got);
            if (!str(d, "decision") || strcmp(decision, str(d, "decision")) != 0 || !str(d, "paid") ||
                strcmp(got, str(d, "paid")) != 0) {
                print_error("vector %s: claim %zu (%s): %s %s, expected %s %s — %s\n", name, i,
                            dgs_result_measure_id(r[i]), decision, got, str(d, "decision"), str(d, "paid"),
                            dgs_stack_reason(s, i, DGS_LANG_EN));
                ok = 0;
            }
            if (str(d, "outcome") && strcmp(str(d, "outcome"), dgs_outcome_name(dgs_result_outcome(r[i]))) != 0) {
                print_error("vector %s: claim %zu: outcome %s, expected %s\n", name, i,
                            dgs_outcome_name(dgs_result_outcome(r[i])), str(d, "outcome"));
                ok = 0;
            }
            if (flags) {
                unsigned want = 0;
                size_t k;
                json_t *f;
                json_array_foreach(flags, k, f) {
                    if (json_is_string(f) && strcmp(json_string_value(f), "repeated") == 0)
                        want |= DGS_STACK_FLAG_REPEATED;
                    else if (json_is_string(f) && strcmp(json_string_value(f), "no_object") == 0)
                        want |= DGS_STACK_FLAG_NO_OBJECT;
                    else
                        ok = 0;
                }
                if (dgs_stack_flags(s, i) != want) {
                    print_error("vector %s: claim %zu: flags %u, expected %u\n", name, i, dgs_stack_flags(s, i), want);
                    ok = 0;
                }
            }
        }
    }
    dgs_stack_free(s);
    for (size_t i = 0; i < n; i++)
        dgs_result_free(r[i]);
    if (rs != base)
        dgs_ruleset_free(rs);
    return ok;
}

static void stack_vectors(void **state)
{
    (void)state;
    dgs_ruleset *base;
    assert_int_equal(dgs_ruleset_builtin(&base, NULL), DGS_OK);
    FILE *f = fopen(VECTORS, "r");
    assert_non_null(f);
    char line[16384];
    size_t run = 0, failed = 0;
    while (fgets(line, sizeof line, f)) {
        json_error_t je;
        json_t *v = json_loads(line, 0, &je);
        if (!v) {
            print_error("stack.jsonl:%zu: %s\n", run + 1, je.text);
            failed++;
        } else if (!check(base, v)) {
            failed++;
        }
        json_decref(v);
        run++;
    }
    fclose(f);
    dgs_ruleset_free(base);
    print_message("%zu stack vectors, %zu failed\n", run, failed);
    assert_true(run >= 15);
    assert_int_equal(failed, 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {cmocka_unit_test(stack_vectors)};
    return cmocka_run_group_tests(tests, NULL, NULL);
}
