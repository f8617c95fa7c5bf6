/* SPDX-License-Identifier: MulanPSL-2.0 */
/*
 * Stacking at scale: the input is a list of claims, three bytes each — which
 * of a fixed set of results (granted amounts of grouped and ungrouped
 * measures, a ceiling still to be assessed, yearly caps, two years), the
 * object it is about (or none), what was already granted — up to the whole
 * input (with -max_len 1 MB, some 350,000 claims).  Checks what 就高、从优、
 * 不重复享受 promises: nothing paid is negative or above its award, a
 * ceiling is never paid, the total is the sum of what is paid and never above
 * the sum of the awards, and the work grows no faster than n log n (the
 * fuzzer's -timeout stops a quadratic path).
 */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz_common.h"

enum { KINDS = 12 };
static dgs_ruleset *rs;
static dgs_result *kinds[KINDS];

static dgs_result *eval(const char *id, const char *date, const char *const *kv)
{
    dgs_case *c = NULL;
    dgs_result *r = NULL;
    FUZZ_CHECK(dgs_case_new(dgs_ruleset_find(rs, id), &c, NULL) == DGS_OK);
    FUZZ_CHECK(dgs_case_set_date(c, date, NULL) == DGS_OK);
    for (; kv && kv[0]; kv += 2)
        FUZZ_CHECK(dgs_case_set_text(c, kv[0], kv[1], NULL) == DGS_OK);
    FUZZ_CHECK(dgs_evaluate(c, &r, NULL) == DGS_OK);
    dgs_case_free(c);
    return r;
}

static void setup(void)
{
    FUZZ_CHECK(dgs_ruleset_builtin(&rs, NULL) == DGS_OK);
    static const char *const match1[] = {"national_funds", "6000000", "provincial_funds", "0", "total_investment", "100000000", NULL};
    static const char *const match2[] = {"national_funds", "0", "provincial_funds", "4000000", NULL};
    static const char *const lease[] = {"financed_amount", "28000000", "interest_paid", "1500000", NULL};
    static const char *const first_set[] = {"tier", "key_list", "award_base", "20000000", "base_ratio_bp", "1000",
                                            "base_limit", "5000000", NULL};
    static const char *const booth[] = {"booth_area", "36", "build_cost", "120000", NULL};
    static const char *const platform[] = {"tier", "national", NULL};
    kinds[0] = eval("A1.01.a", "2025-06-01", match1);
    kinds[1] = eval("A2.01.d", "2025-06-01", match2);
    kinds[2] = eval("A1.07.a", "2025-03-01", lease);
    kinds[3] = eval("A1.07.a", "2024-03-01", lease);
    kinds[4] = eval("OP.10.a", "2025-03-01", first_set);
    kinds[5] = eval("OP.10.a", "2026-03-01", first_set);
    kinds[6] = eval("A4.02.1.a", "2025-05-01", booth);
    kinds[7] = eval("A5.04.a", "2025-06-01", platform);   /* a ceiling: up_to */
    kinds[8] = eval("A1.19.a", "2025-01-02", (const char *const[]){"assessed", "2000000", NULL});
    kinds[9] = eval("A1.19.b", "2025-01-02", (const char *const[]){"assessed", "400000", NULL});
    kinds[10] = eval("A5.03.a", "2025-01-02", platform);
    kinds[11] = eval("A4.09.e", "2025-06-01", (const char *const[]){"usage_fee", "100000", NULL});
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc, (void)argv;
    setup();
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    size_t n = size / 3;
    const dgs_result **results = malloc((n ? n : 1) * sizeof *results);
    const char **objects = malloc((n ? n : 1) * sizeof *objects);
    dgs_fen_t *before = malloc((n ? n : 1) * sizeof *before);
    static const char *const names[] = {"", "P1", "P2", "P3", "exhibition-1", "exhibition-2", "2025", "honour"};
    FUZZ_CHECK(results && objects && before);
    for (size_t i = 0; i < n; i++) {
        const uint8_t *c = data + 3 * i;
        results[i] = kinds[c[0] % KINDS];
        objects[i] = names[c[1] % 8];
        before[i] = (dgs_fen_t)c[2] * 10000;   /* up to 2,550 yuan already granted */
    }
    dgs_stack *s = NULL;
    dgs_error e;
    int rc = dgs_stack_claims(rs, (const dgs_result *const *)results, objects, n, before, &s, &e);
    FUZZ_CHECK(rc == DGS_OK || rc == DGS_E_NOMEM);
    if (rc == DGS_OK) {
        dgs_fen_t sum = 0, awards = 0;
        FUZZ_CHECK(dgs_stack_count(s) == n);
        for (size_t i = 0; i < n; i++) {
            dgs_fen_t paid = dgs_stack_paid(s, i);
            FUZZ_CHECK(paid >= 0);
            FUZZ_CHECK(paid <= dgs_result_award(results[i]));
            if (dgs_result_outcome(results[i]) != DGS_OUTCOME_GRANTED)
                FUZZ_CHECK(paid == 0);   /* a ceiling is never paid */
            else
                awards += dgs_result_award(results[i]);
            FUZZ_CHECK(dgs_stack_decision_name(dgs_stack_decision(s, i)) != NULL);
            sum += paid;
        }
        FUZZ_CHECK(sum == dgs_stack_total(s));
        FUZZ_CHECK(dgs_stack_total(s) <= awards);
        FUZZ_CHECK(dgs_stack_up_to_total(s) >= 0);
        if (n <= 64) {   /* rendering is linear too, but costly: small stacks only */
            char *text = NULL;
            rc = dgs_stack_render(s, DGS_FORMAT_JSON, DGS_LANG_EN, &text, &e);
            FUZZ_CHECK(rc == DGS_OK || rc == DGS_E_NOMEM);
            dgs_free(text);
        }
    }
    dgs_stack_free(s);
    free(results);
    free(objects);
    free(before);
    return 0;
}
