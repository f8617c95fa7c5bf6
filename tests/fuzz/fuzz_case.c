/* SPDX-License-Identifier: MulanPSL-2.0 */
/*
 * Case setters: a sequence of set_text / set_int / set_money / set_flag /
 * set_choice / set_list / set_date / unset / clear calls with arbitrary
 * measure ids, input names, values, dates, choices and lists, then
 * evaluation, rendering, stacking and budget allocation of the results.
 *
 * Every call must return DGS_OK or a DGS_E_* code that matches the error it
 * fills; results must hold non-negative awards and render.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz_common.h"
#include "fuzz_input.h"

static dgs_ruleset *rulesets[2];   /* the built-in one; one with every unset number supplied */

/* Supplies every parameter the document leaves unset, so that unspecified
 * measures compute too. */
static dgs_ruleset *fill_unset(dgs_ruleset *rs)
{
    for (size_t i = 0; i < dgs_ruleset_measure_count(rs); i++) {
        const dgs_measure *m = dgs_ruleset_measure_at(rs, i);
        for (size_t k = 0; k < dgs_measure_parameter_count(m); k++) {
            char *text = NULL;
            if (dgs_measure_parameter_text(m, k, NULL, &text, NULL, NULL))
                abort();
            int unset = strcmp(text, "unset") == 0;
            dgs_free(text);
            if (!unset)
                continue;
            int type = dgs_measure_parameter_type(m, k);
            const char *value = type == DGS_TYPE_RATIO ? "30%" : type == DGS_TYPE_MONEY ? "200000.00" : "3";
            dgs_ruleset *next = NULL;
            if (dgs_ruleset_set_parameter(rs, dgs_measure_id(m), dgs_measure_parameter_name(m, k), value,
                                          "2024-06-01", NULL, "fuzz", &next, NULL))
                abort();
            dgs_ruleset_free(rs);
            rs = next;
            m = dgs_ruleset_measure_at(rs, i);
        }
    }
    return rs;
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc, (void)argv;
    dgs_ruleset *rs;
    if (dgs_ruleset_builtin(&rulesets[0], NULL) || dgs_ruleset_builtin(&rs, NULL))
        abort();
    rulesets[1] = fill_unset(rs);
    return 0;
}

static void check_rc(int rc, const dgs_error *e)
{
    FUZZ_CHECK(rc <= 0 && rc >= DGS_E_NOT_SUPPORTED);
    FUZZ_CHECK(e->code == rc);
    FUZZ_CHECK(memchr(e->message, '\0', sizeof e->message) != NULL);
    if (rc)
        FUZZ_CHECK(e->message[0] != '\0');
    else
        FUZZ_CHECK(e->message[0] == '\0');
    FUZZ_CHECK(strcmp(dgs_status_name(rc), "DGS_E_UNKNOWN") != 0);
}

/* An input name: one of the measure's, "date", NULL, or arbitrary bytes. */
static const char *pick_name(fuzz_in *in, const dgs_measure *m, char *buf, size_t size)
{
    uint8_t how = fi_u8(in);
    size_t n = dgs_measure_input_count(m);
    if (how < 200 && n)
        return dgs_measure_input_name(m, fi_below(in, n));
    if (how < 215)
        return "date";
    if (how < 220)
        return NULL;
    if (how < 235 && dgs_measure_condition_count(m)) {   /* condition.<id>, as the command line writes it */
        snprintf(buf, size, "condition.%s", dgs_measure_condition_id(m, fi_below(in, dgs_measure_condition_count(m))));
        return buf;
    }
    return fi_str(in, buf, size);
}

/* Text for set_text: a number, a list, a date, a choice or arbitrary bytes. */
static const char *pick_text(fuzz_in *in, const dgs_measure *m, char *buf, size_t size)
{
    uint8_t how = fi_u8(in);
    switch (how % 8) {
    case 0:
        snprintf(buf, size, "%lld", (long long)fi_i64(in));
        return buf;
    case 1:
        snprintf(buf, size, "%lld.%02u", (long long)fi_i64(in), fi_u8(in) % 100);
        return buf;
    case 2: {
        size_t o = 0, items = fi_u8(in) % 8;
        buf[0] = '\0';
        for (size_t i = 0; i < items && o + 24 < size; i++)
            o += (size_t)snprintf(buf + o, size - o, "%s%lld", i ? "," : "", (long long)(fi_i64(in) / 100));
        return buf;
    }
    case 3:
        snprintf(buf, size, "%04u-%02u-%02u", 1890 + fi_u8(in) % 200, fi_u8(in) % 14, fi_u8(in) % 33);
        return buf;
    case 4: {
        size_t k = fi_below(in, dgs_measure_input_count(m) ? dgs_measure_input_count(m) : 1);
        size_t nc = dgs_measure_input_choice_count(m, k);
        if (nc)
            return dgs_measure_input_choice(m, k, fi_below(in, nc));
        return "true";
    }
    case 5:
        return NULL;
    default:
        return fi_str(in, buf, size);
    }
}

#define MAX_RESULTS 6

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fuzz_in in = {data, size};
    const dgs_ruleset *rs = rulesets[fi_u8(&in) & 1];
    dgs_error e;
    char idbuf[64], name[64], text[256];

    /* The measure: by position, or by an arbitrary id. */
    const dgs_measure *m;
    if (fi_u8(&in) < 16) {
        const char *id = fi_str(&in, idbuf, sizeof idbuf);
        int rc = dgs_ruleset_lookup(rs, id, &m, &e);
        check_rc(rc, &e);
        if (rc)
            return 0;
    } else {
        m = dgs_ruleset_measure_at(rs, fi_below(&in, dgs_ruleset_measure_count(rs)));
    }
    FUZZ_CHECK(m != NULL);

    dgs_case *c = NULL;
    int rc = dgs_case_new(m, &c, &e);
    check_rc(rc, &e);
    if (rc)
        return 0;
    FUZZ_CHECK(dgs_case_measure(c) == m);

    dgs_result *results[MAX_RESULTS] = {0};
    size_t nres = 0;
    for (int op = 0; op < 48 && in.n; op++) {
        const char *nm = pick_name(&in, m, name, sizeof name);
        switch (fi_u8(&in) % 11) {
        case 0:
        case 1:
            rc = dgs_case_set_text(c, nm, pick_text(&in, m, text, sizeof text), &e);
            break;
        case 2:
            rc = dgs_case_set_int(c, nm, fi_i64(&in), &e);
            break;
        case 3:
            rc = dgs_case_set_money(c, nm, fi_i64(&in), &e);
            break;
        case 4:
            rc = dgs_case_set_flag(c, nm, (int)(int8_t)fi_u8(&in), &e);
            break;
        case 5:
            rc = dgs_case_set_choice(c, nm, pick_text(&in, m, text, sizeof text), &e);
            break;
        case 6: {
            /* Lists up to past the 4096-item limit; items cycle through a small pool. */
            int64_t pool[8];
            for (int i = 0; i < 8; i++)
                pool[i] = fi_i64(&in);
            size_t n = fi_u8(&in) < 8 ? 4090 + fi_u8(&in) % 10 : fi_u8(&in) % 12;
            int64_t *items = n ? malloc(n * sizeof *items) : NULL;
            for (size_t i = 0; i < n; i++)
                items[i] = pool[i % 8];
            rc = dgs_case_set_list(c, nm, fi_u8(&in) < 4 ? NULL : items, n, &e);
            free(items);
            break;
        }
        case 7:
            rc = dgs_case_set_date(c, pick_text(&in, m, text, sizeof text), &e);
            break;
        case 8:
            rc = dgs_case_unset(c, nm, &e);
            break;
        case 9:
            dgs_case_clear(c);
            continue;
        default: {
            dgs_result *r = NULL;
            rc = dgs_evaluate(c, &r, &e);
            if (rc == DGS_OK) {
                FUZZ_CHECK(r != NULL);
                fuzz_touch_result(r, op & 1, (op & 3) == 0);   /* rendering is costly: one in four */
                if (nres < MAX_RESULTS)
                    results[nres++] = r;
                else
                    dgs_result_free(r);
            } else {
                FUZZ_CHECK(r == NULL);
            }
            break;
        }
        }
        check_rc(rc, &e);
    }

    dgs_result *r = NULL;
    rc = dgs_evaluate(c, &r, &e);
    check_rc(rc, &e);
    if (rc == DGS_OK) {
        fuzz_touch_result(r, DGS_LANG_EN, 1);
        if (nres < MAX_RESULTS)
            results[nres++] = r, r = NULL;
    }
    dgs_result_free(r);
    dgs_case_free(c);

    /* Stacking and budget over what was evaluated. */
    dgs_fen_t before[MAX_RESULTS], claims[MAX_RESULTS], shares[MAX_RESULTS];
    for (size_t i = 0; i < nres; i++) {
        before[i] = fi_u8(&in) < 128 ? 0 : fi_i64(&in);
        claims[i] = dgs_result_award(results[i]);
    }
    /* The object of each claim: none, one of two names, or bytes of the input
     * (which may be refused: a control character, invalid UTF-8, spaces at the ends). */
    char raw[MAX_RESULTS][9];
    const char *objects[MAX_RESULTS];
    for (size_t i = 0; i < nres; i++) {
        uint8_t how = fi_u8(&in) % 4;
        size_t len = fi_below(&in, sizeof raw[i]);
        for (size_t k = 0; k < len; k++)
            raw[i][k] = (char)(fi_u8(&in) | 1);
        raw[i][len] = '\0';
        objects[i] = how == 0 ? NULL : how == 1 ? "P1" : how == 2 ? "P2" : raw[i];
    }
    dgs_stack *s = NULL;
    rc = dgs_stack_claims(rs, (const dgs_result *const *)results, fi_u8(&in) & 1 ? objects : NULL, nres,
                          fi_u8(&in) & 1 ? before : NULL, &s, &e);
    check_rc(rc, &e);
    if (rc == DGS_OK) {
        dgs_fen_t total = 0;
        FUZZ_CHECK(dgs_stack_count(s) == nres);
        FUZZ_CHECK(dgs_stack_up_to_total(s) >= 0);
        for (size_t i = 0; i < nres; i++) {
            FUZZ_CHECK(dgs_stack_paid(s, i) >= 0);
            FUZZ_CHECK(dgs_stack_paid(s, i) <= dgs_result_award(results[i]));
            /* only a grant is paid: never a ceiling still to be assessed */
            if (dgs_result_outcome(results[i]) != DGS_OUTCOME_GRANTED)
                FUZZ_CHECK(dgs_stack_paid(s, i) == 0);
            FUZZ_CHECK(dgs_stack_up_to(s, i) >= 0);
            (void)strlen(dgs_stack_object(s, i));
            FUZZ_CHECK(dgs_stack_decision_name(dgs_stack_decision(s, i)) != NULL);
            FUZZ_CHECK(dgs_stack_winner(s, i) < nres);
            (void)strlen(dgs_stack_group(s, i));
            (void)strlen(dgs_stack_reason(s, i, (int)(i & 1)));
            total += dgs_stack_paid(s, i);
        }
        FUZZ_CHECK(total == dgs_stack_total(s));
        for (int format = DGS_FORMAT_TEXT; format <= DGS_FORMAT_JSON; format++) {
            char *out = NULL;
            rc = dgs_stack_render(s, format, format, &out, &e);
            check_rc(rc, &e);
            dgs_free(out);
        }
    }
    dgs_stack_free(s);

    dgs_fen_t budget = fi_i64(&in);
    int method = fi_u8(&in) % 3;
    rc = dgs_allocate(budget, claims, nres, method, shares, &e);
    check_rc(rc, &e);
    if (rc == DGS_OK) {
        dgs_fen_t sum = 0, want = 0;
        for (size_t i = 0; i < nres; i++) {
            FUZZ_CHECK(shares[i] >= 0 && shares[i] <= claims[i]);
            sum += shares[i];
            want += claims[i];
        }
        FUZZ_CHECK(sum == (want < budget ? want : budget));
    }
    for (size_t i = 0; i < nres; i++)
        dgs_result_free(results[i]);
    return 0;
}
