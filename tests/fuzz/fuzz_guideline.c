/* SPDX-License-Identifier: MulanPSL-2.0 */
/*
 * Guideline JSON: dgs_ruleset_apply_guideline() on arbitrary bytes.
 *
 * A refused guideline must be refused with DGS_E_GUIDELINE (or NOMEM) and a
 * message; an accepted one must derive a ruleset whose changed measures
 * evaluate (scalar and batch agreeing) and render at the dates the changes
 * take effect, whatever values the guideline set.  The base ruleset is
 * checked unchanged.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/number.h"
#include "fuzz_common.h"
#include "policy/ruleset.h"

static dgs_ruleset *base;
static char base_fingerprint[17];

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc, (void)argv;
    if (dgs_ruleset_builtin(&base, NULL))
        abort();
    memcpy(base_fingerprint, dgs_ruleset_fingerprint(base), sizeof base_fingerprint);
    return 0;
}

/* Evaluates a measure at the start of each value a change gave one of its slots. */
static void evaluate_changed(const dgs_measure *m, int global_changed)
{
    size_t np = dgs_measure_parameter_count(m);
    int changed = global_changed;
    int32_t dates[4];
    size_t nd = 0;
    for (size_t k = 0; k < np; k++) {
        const slot *s = &m->slots[k];
        for (uint32_t i = 1; i < s->n; i++) {
            changed = 1;
            if (nd < 4 && s->v[i].from != INT32_MIN)
                dates[nd++] = s->v[i].from;
            if (nd < 4 && s->v[i].until != INT32_MAX)
                dates[nd++] = s->v[i].until;
        }
        char *text = NULL;
        const char *ref = NULL;
        if (dgs_measure_parameter_text(m, k, NULL, &text, &ref, NULL) == DGS_OK)
            FUZZ_CHECK(text && ref);
        dgs_free(text);
    }
    if (!changed)
        return;
    if (nd == 0)
        dates[nd++] = 20000; /* 2024-10-04 */
    for (size_t i = 0; i < nd; i++) {
        char date[16];
        dgs_date_format(dates[i], date, sizeof date);
        fuzz_evaluate_fixed(m, date);
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    dgs_ruleset *rs = NULL;
    dgs_error err;
    memset(&err, 0x5a, sizeof err);
    int rc = dgs_ruleset_apply_guideline(base, (const char *)data, size, "fuzz.json", &rs, &err);
    FUZZ_CHECK(rc == err.code);
    FUZZ_CHECK(memchr(err.message, '\0', sizeof err.message) != NULL);
    if (rc != DGS_OK) {
        FUZZ_CHECK(rc == DGS_E_GUIDELINE || rc == DGS_E_NOMEM);
        FUZZ_CHECK(rs == NULL);
        FUZZ_CHECK(err.message[0] != '\0');
        return 0;
    }
    FUZZ_CHECK(rs != NULL);
    FUZZ_CHECK(strlen(dgs_ruleset_fingerprint(rs)) == 16);
    int global_changed = 0;
    for (int g = 0; g < G_COUNT; g++)
        global_changed |= rs->global[g].n > 1;
    for (size_t i = 0; i < dgs_ruleset_parameter_count(rs); i++) {
        char *text = NULL;
        if (dgs_ruleset_parameter_text(rs, i, "2025-01-01", &text, NULL) == DGS_OK)
            FUZZ_CHECK(text != NULL);
        dgs_free(text);
    }
    /* A change to a ruleset-wide value (the validity window, the readings)
     * concerns every measure: evaluate a sample of them then. */
    for (size_t i = 0; i < dgs_ruleset_measure_count(rs); i++)
        evaluate_changed(dgs_ruleset_measure_at(rs, i), global_changed && i % 25 == 0);

    /* Applying the same guideline again changes no value, so the
     * fingerprint (a hash of the values as functions of the date, however
     * they were written) must not change. */
    dgs_ruleset *again = NULL;
    if (dgs_ruleset_apply_guideline(rs, (const char *)data, size, NULL, &again, NULL) == DGS_OK)
        FUZZ_CHECK(strcmp(dgs_ruleset_fingerprint(again), dgs_ruleset_fingerprint(rs)) == 0);
    dgs_ruleset_free(again);
    dgs_ruleset_free(rs);
    FUZZ_CHECK(strcmp(dgs_ruleset_fingerprint(base), base_fingerprint) == 0);
    return 0;
}
