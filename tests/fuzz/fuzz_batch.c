/* SPDX-License-Identifier: MulanPSL-2.0 */
/*
 * Batch evaluation with arbitrary columns: names (the measure's inputs,
 * "date", duplicates, unknown names, NULL), values, presence masks, row
 * counts on both sides of the 4096-row chunk, and dates.
 *
 * Each row of the batch must agree with the scalar path: where the same
 * values set on a case evaluate, the batch gives the same outcome and award;
 * where the scalar path refuses a value or overflows, the row is invalid.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz_common.h"
#include "fuzz_input.h"

#define MAX_COLS 20
#define CHECKED_ROWS 4  /* rows compared with the scalar path */

static dgs_ruleset *rs;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc, (void)argv;
    if (dgs_ruleset_builtin(&rs, NULL))
        abort();
    return 0;
}

static const char *const dates[] = {"2024-01-15", "2024-01-16", "2025-06-30", "2027-01-15", "2027-01-16", "2024-02-30"};

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fuzz_in in = {data, size};
    const dgs_measure *m = dgs_ruleset_measure_at(rs, fi_below(&in, dgs_ruleset_measure_count(rs)));
    size_t n_inputs = dgs_measure_input_count(m);
    char datebuf[32], namebuf[MAX_COLS][32], condbuf[MAX_COLS][64];
    const char *date = fi_u8(&in) < 240 ? dates[fi_u8(&in) % 6] : fi_str(&in, datebuf, sizeof datebuf);

    size_t cols = fi_u8(&in) % (MAX_COLS + 1);
    /* Mostly a few rows; now and then a count around the 4096-row chunk. */
    size_t rows = fi_u8(&in) < 8 ? 4080 + fi_u8(&in) % 32 : fi_u8(&in) % 40;
    const char *names[MAX_COLS];
    int64_t *columns[MAX_COLS];
    uint8_t *present[MAX_COLS];
    for (size_t j = 0; j < cols; j++) {
        uint8_t how = fi_u8(&in);
        if (how < 230 && n_inputs)
            names[j] = dgs_measure_input_name(m, fi_below(&in, n_inputs));
        else if (how < 240)
            names[j] = "date";
        else if (how < 242)
            names[j] = NULL;
        else if (how < 250 && dgs_measure_condition_count(m)) {   /* a condition column */
            snprintf(condbuf[j], sizeof condbuf[j], "condition.%s",
                     dgs_measure_condition_id(m, fi_below(&in, dgs_measure_condition_count(m))));
            names[j] = condbuf[j];
        }
        else
            names[j] = fi_str(&in, namebuf[j], sizeof namebuf[j]);
        /* Values cycle through a small pool per column; masks likewise. */
        int64_t pool[4];
        uint8_t mask = fi_u8(&in);
        for (int i = 0; i < 4; i++)
            pool[i] = fi_i64(&in);
        columns[j] = malloc((rows ? rows : 1) * sizeof *columns[j]);
        present[j] = mask & 0x80 ? NULL : malloc(rows ? rows : 1);
        for (size_t i = 0; i < rows; i++) {
            columns[j][i] = pool[(i * 7 + j) % 4];
            if (present[j])
                present[j][i] = (mask >> (i % 7)) & 1;
        }
    }
    int with_present = fi_u8(&in) & 1;
    dgs_fen_t *awards = malloc((rows ? rows : 1) * sizeof *awards);
    int32_t *outcomes = malloc((rows ? rows : 1) * sizeof *outcomes);
    for (size_t i = 0; i < rows; i++)
        awards[i] = -7, outcomes[i] = 99;

    dgs_error e;
    int rc = dgs_evaluate_batch(m, date, rows, cols, names, (const int64_t *const *)columns,
                                with_present ? (const uint8_t *const *)present : NULL, awards, outcomes, &e);
    FUZZ_CHECK(rc <= 0 && rc >= DGS_E_NOT_SUPPORTED && rc == e.code);
    int before_rows = rc == DGS_E_INVALID_ARGUMENT || rc == DGS_E_UNKNOWN_INPUT || rc == DGS_E_DATE ||
                      rc == DGS_E_NOT_SUPPORTED;
    if (rc)
        FUZZ_CHECK(e.message[0] != '\0');
    if (!before_rows) {
        size_t first_invalid = rows;
        for (size_t i = 0; i < rows; i++) {
            FUZZ_CHECK(dgs_outcome_name(outcomes[i]) != NULL);
            FUZZ_CHECK(awards[i] >= 0);
            /* a ceiling still to be assessed (up_to) holds its ceiling; no other outcome has an award */
            if (outcomes[i] != DGS_OUTCOME_GRANTED && outcomes[i] != DGS_OUTCOME_UP_TO)
                FUZZ_CHECK(awards[i] == 0);
            if (outcomes[i] == DGS_OUTCOME_INVALID && first_invalid == rows)
                first_invalid = i;
        }
        /* The error is the first invalid row's. */
        FUZZ_CHECK((rc == DGS_OK) == (first_invalid == rows));
        if (rc)
            FUZZ_CHECK(e.row == first_invalid);
    }

    /* The scalar path on the first rows. */
    for (size_t i = 0; !before_rows && i < rows && i < CHECKED_ROWS; i++) {
        dgs_case *c = NULL;
        dgs_result *r = NULL;
        if (dgs_case_new(m, &c, NULL))
            abort();
        int ok = dgs_case_set_date(c, date, NULL) == DGS_OK;
        FUZZ_CHECK(ok);
        for (size_t j = 0; ok && j < cols; j++) {
            if (strcmp(names[j], "date") == 0)
                continue;
            if (with_present && present[j] && !present[j][i])
                continue;
            if (strncmp(names[j], "condition.", 10) == 0 && dgs_measure_input_index(m, names[j]) < 0) {
                /* a condition column: 1 met, 0 not met, anything else refused */
                int64_t v = columns[j][i];
                ok = (v == 0 || v == 1) &&
                     dgs_case_set_condition(c, names[j] + 10, (int)v, NULL) == DGS_OK;
                continue;
            }
            ok = dgs_case_set_int(c, names[j], columns[j][i], NULL) == DGS_OK;
        }
        if (ok) {
            int erc = dgs_evaluate(c, &r, NULL);
            if (erc == DGS_OK) {
                FUZZ_CHECK(outcomes[i] == dgs_result_outcome(r));
                FUZZ_CHECK(awards[i] == dgs_result_award(r));
            } else {
                /* a missing input, an overflow, or inputs that exclude each other (two
                 * forms of one figure, an input of a reading not in force): DGS_E_RANGE */
                FUZZ_CHECK(erc == DGS_E_MISSING_INPUT || erc == DGS_E_OVERFLOW || erc == DGS_E_RANGE);
                FUZZ_CHECK(outcomes[i] == DGS_OUTCOME_INVALID);
            }
        } else {
            /* A value the setters refuse: an invalid row, unless the measure
             * computes nothing at that date (then no row is looked at). */
            FUZZ_CHECK(outcomes[i] == DGS_OUTCOME_INVALID || outcomes[i] == DGS_OUTCOME_NOT_IN_FORCE ||
                       outcomes[i] == DGS_OUTCOME_UNSPECIFIED || outcomes[i] == DGS_OUTCOME_NOT_COMPUTABLE);
        }
        dgs_result_free(r);
        dgs_case_free(c);
    }

    for (size_t j = 0; j < cols; j++) {
        free(columns[j]);
        free(present[j]);
    }
    free(awards);
    free(outcomes);
    return 0;
}
