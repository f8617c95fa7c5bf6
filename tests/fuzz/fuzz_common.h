/* SPDX-License-Identifier: MulanPSL-2.0 */
/*
 * What the harnesses share: evaluating a measure over a few fixed cases
 * (small, typical and extreme figures) through the scalar and the batch
 * path, rendering every result, and checking the two paths agree.
 */
#ifndef DGS_FUZZ_COMMON_H
#define DGS_FUZZ_COMMON_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dgsubsidy/dgsubsidy.h"

#define FUZZ_MAX_INPUTS 16

/* Aborts (a finding) when a library invariant fails. */
#define FUZZ_CHECK(cond)                                                                    \
    do {                                                                                    \
        if (!(cond)) {                                                                      \
            fprintf(stderr, "%s:%d: invariant failed: %s\n", __FILE__, __LINE__, #cond);    \
            abort();                                                                        \
        }                                                                                   \
    } while (0)

/* Reads every accessor of a result and, when `render`, renders it in both formats. */
static inline void fuzz_touch_result(const dgs_result *r, int lang, int render)
{
    FUZZ_CHECK(dgs_outcome_name(dgs_result_outcome(r)) != NULL);
    FUZZ_CHECK(dgs_result_award(r) >= 0);
    /* a ceiling still to be assessed (up_to) holds its ceiling; no other outcome has an award */
    if (dgs_result_outcome(r) != DGS_OUTCOME_GRANTED && dgs_result_outcome(r) != DGS_OUTCOME_UP_TO)
        FUZZ_CHECK(dgs_result_award(r) == 0);
    (void)strlen(dgs_result_measure_id(r));
    (void)strlen(dgs_result_date(r));
    (void)strlen(dgs_result_unit(r));
    (void)strlen(dgs_result_binding(r));
    (void)strlen(dgs_result_reason(r, lang));
    (void)strlen(dgs_result_group(r));
    (void)strlen(dgs_result_fingerprint(r));
    for (size_t i = 0; i < dgs_result_step_count(r); i++) {
        int64_t den;
        (void)strlen(dgs_result_step_label(r, i, lang));
        FUZZ_CHECK(dgs_type_name(dgs_result_step_type(r, i)) != NULL);
        (void)dgs_result_step_value(r, i, &den);
        FUZZ_CHECK(den > 0);
        (void)strlen(dgs_result_step_source(r, i));
        (void)strlen(dgs_result_step_reference(r, i));
    }
    FUZZ_CHECK(dgs_result_step_label(r, dgs_result_step_count(r), lang) == NULL);
    for (size_t i = 0; i < dgs_result_parameter_count(r); i++) {
        (void)strlen(dgs_result_parameter_name(r, i));
        (void)strlen(dgs_result_parameter_reference(r, i));
    }
    for (int format = DGS_FORMAT_TEXT; render && format <= DGS_FORMAT_JSON; format++) {
        char *text = NULL;
        dgs_error e;
        int rc = dgs_result_render(r, format, lang, &text, &e);
        FUZZ_CHECK(rc == DGS_OK || rc == DGS_E_NOMEM);
        if (rc == DGS_OK)
            FUZZ_CHECK(text && strlen(text) > 0);
        dgs_free(text);
    }
}

/* Three cases: 0 = zeros, 1 = typical figures, 2 = the largest values. */
static inline int64_t fuzz_fixed_value(int type, size_t nchoices, int which)
{
    switch (type) {
    case DGS_TYPE_FLAG:
        return which != 0;
    case DGS_TYPE_CHOICE:
        return nchoices ? (int64_t)((size_t)which % nchoices) : 0;
    case DGS_TYPE_COUNT:
        return which == 0 ? 0 : which == 1 ? 2 : INT64_MAX;
    case DGS_TYPE_AREA:
        return which == 0 ? 0 : which == 1 ? 2500000 : INT64_MAX;   /* 25,000 m² */
    default:
        return which == 0 ? 0 : which == 1 ? 123456789 : INT64_MAX;  /* 1,234,567.89 yuan */
    }
}

/*
 * Evaluates measure m at `date` over the three fixed cases, scalar and
 * batch, and checks that both paths give the same outcome and award.
 */
static inline void fuzz_evaluate_fixed(const dgs_measure *m, const char *date)
{
    size_t n = dgs_measure_input_count(m);
    const char *names[FUZZ_MAX_INPUTS];
    int64_t values[FUZZ_MAX_INPUTS][3];
    const int64_t *cols[FUZZ_MAX_INPUTS];
    size_t cols_n = 0;
    int has_list = 0;
    FUZZ_CHECK(n <= FUZZ_MAX_INPUTS);
    for (size_t k = 0; k < n; k++) {
        int type = dgs_measure_input_type(m, k);
        if (type == DGS_TYPE_MONEY_LIST) {
            has_list = 1;
            continue;
        }
        for (int w = 0; w < 3; w++)
            values[cols_n][w] = fuzz_fixed_value(type, dgs_measure_input_choice_count(m, k), w);
        names[cols_n] = dgs_measure_input_name(m, k);
        cols[cols_n] = values[cols_n];
        cols_n++;
    }
    dgs_fen_t awards[3];
    int32_t outcomes[3];
    int brc = DGS_E_NOT_SUPPORTED;
    if (!has_list)
        brc = dgs_evaluate_batch(m, date, 3, cols_n, names, cols, NULL, awards, outcomes, NULL);

    for (int w = 0; w < 3; w++) {
        dgs_case *c = NULL;
        dgs_result *r = NULL;
        if (dgs_case_new(m, &c, NULL))
            return;
        int ok = dgs_case_set_date(c, date, NULL) == DGS_OK;
        for (size_t j = 0; ok && j < cols_n; j++)
            ok = dgs_case_set_int(c, names[j], cols[j][w], NULL) == DGS_OK;
        if (has_list) {
            const int64_t list[] = {100000000, 50000000, 300000000, INT64_MAX / 4};
            for (size_t k = 0; k < n; k++)
                if (dgs_measure_input_type(m, k) == DGS_TYPE_MONEY_LIST)
                    ok = ok && dgs_case_set_list(c, dgs_measure_input_name(m, k), list,
                                                 (size_t)(w + 1), NULL) == DGS_OK;
        }
        FUZZ_CHECK(ok);
        int rc = dgs_evaluate(c, &r, NULL);
        /* DGS_E_RANGE / DGS_E_MISSING_INPUT: inputs that exclude or require each other (two forms
         * of one figure, an input another reading reads), found by the formula. */
        FUZZ_CHECK(rc == DGS_OK || rc == DGS_E_OVERFLOW || rc == DGS_E_NOMEM || rc == DGS_E_RANGE ||
                   rc == DGS_E_MISSING_INPUT);
        if (brc == DGS_OK || (brc < 0 && brc != DGS_E_NOT_SUPPORTED && brc != DGS_E_DATE)) {
            if (rc == DGS_OK) {
                FUZZ_CHECK(outcomes[w] == dgs_result_outcome(r));
                FUZZ_CHECK(awards[w] == dgs_result_award(r));
            } else if (rc == DGS_E_OVERFLOW || rc == DGS_E_RANGE || rc == DGS_E_MISSING_INPUT) {
                FUZZ_CHECK(outcomes[w] == DGS_OUTCOME_INVALID);
            }
        }
        if (r)
            fuzz_touch_result(r, w & 1, 1);
        dgs_result_free(r);
        dgs_case_free(c);
    }
}

#endif
