/* SPDX-License-Identifier: MulanPSL-2.0 */
/*
 * Populations (dgs_evaluate_population): one to four measures chosen from
 * a list whose claims meet in exclusive groups and caps across claims
 * (matching funds, a lease subsidy and an award capped per year, purchases
 * from SMEs, export credit insurance, ceilings to be assessed, exhibitions),
 * up to some 40 rows (now and then past 64, where applicants are sorted by
 * counting), a few applicant codes (dense, negative, the int64 extremes),
 * objects (none, or ids with "" and NULL and repeats), a date per row (none,
 * or dates of three years, one outside the document's validity, NULL for the
 * call's), and the measures' inputs and conditions as columns (absent, 0,
 * negative, near INT64_MAX, choices out of range); under the built-in
 * ruleset, or one whose readings and caps change between the rows' dates.
 *
 * The population must be what the scalar path gives: each claimed (row,
 * measure) is a case set with the row's values at the row's date and
 * evaluated by dgs_evaluate(); the valid claims of each applicant are stacked
 * by dgs_stack_claims() with the same objects (a row without one — no
 * objects, or NULL or "" — a name of its own).  Award, outcome, paid, decision and up_to must agree; a
 * row the population marks invalid must be one the scalar path refuses.  A
 * refusal before any row is written must be one the inputs call for, and
 * must leave the outputs untouched.
 */
#include <inttypes.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/wide.h"
#include "fuzz_common.h"
#include "fuzz_input.h"

#define MAX_MEASURES 4
#define MAX_COLS 48
#define MAX_ROWS 72
#define SENTINEL 0x5a5a5a5a

static dgs_ruleset *builtin, *changed, *rs;

/* Readings and caps that change within the dates of the rows, so that claims of one
 * applicant at two dates are stacked under different readings and caps. */
static const char changes[] =
    "{\"name\": \"fuzz-population\", \"changes\": ["
    "{\"measure\": \"A4.09.a\", \"parameter\": \"reading_cap_scope\", \"value\": \"shared\", \"from\": \"2025-01-01\"},"
    "{\"measure\": \"A4.09.b\", \"parameter\": \"reading_cap_scope\", \"value\": \"shared\", \"from\": \"2025-01-01\"},"
    "{\"parameter\": \"stacking_scope\", \"value\": \"text\", \"from\": \"2026-01-01\"},"
    "{\"measure\": \"A1.10.a\", \"parameter\": \"cap_per_year\", \"value\": \"2000000\", \"from\": \"2025-01-01\", "
    "\"until\": \"2025-12-31\"},"
    "{\"measure\": \"A1.07.a\", \"parameter\": \"cap_per_year\", \"value\": \"1000000\", \"from\": \"2025-06-01\"},"
    "{\"measure\": \"OP.10.a\", \"parameter\": \"cap_per_enterprise_per_year\", \"value\": \"3000000\", "
    "\"from\": \"2024-12-01\"}]}";

static const char *const measure_list[] = {
    "A1.01.a", "A2.01.d",   /* G-MATCH, about a project */
    "A1.07.a",              /* a yearly cap across claims; granted_this_year shared with the next three */
    "A1.10.a",              /* G-BZ-PROCURE, about the enterprise, yearly */
    "A4.09.a", "OP.10.a",   /* export credit insurance; an award capped per enterprise and year */
    "OP.02.a", "A5.09.a",   /* G-CQA: a ceiling (assessed) and a tiered award */
    "A4.03.b", "A4.02.1.a", /* exhibitions */
    "A1.19.a", "A1.19.b",   /* ceilings whose one input is `assessed` */
    "A5.04.a", "A4.09.e",
    "A4.09.b",              /* with A4.09.a under one yearly cap when reading_cap_scope = shared */
    "A4.03.a",              /* with A4.03.b under a cap per exhibition */
    /* restatements, computed through the measure they restate (its group, or its branch's) */
    "OP.19.a", "OP.22.d", "OP.23.b", "A5.04.b", "OP.23.c", "OP.12.a", "A2.07.a", "OP.01.a", "A3.07.b",
};
#define N_LIST (sizeof measure_list / sizeof measure_list[0])

static const char *const call_dates[] = {"2025-06-01", "2024-03-01", "2026-12-31", "2030-01-01",
                                         "2024-01-15", NULL,         "2025-13-01"};
static const char *const row_dates[] = {"2024-03-01", "2024-12-31", "2025-01-01", "2025-06-30",
                                        "2026-02-15", "2030-01-01", "2024-01-16", NULL};
static const char *const objects_pool[] = {"P1", "P2", "", NULL, "#1", "展会-2025"};
static const int64_t applicant_pool[] = {0, 1, 2, 3, -1, INT64_MAX, INT64_MIN, 1000000007};

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc, (void)argv;
    dgs_error e;
    if (dgs_ruleset_builtin(&builtin, &e) ||
        dgs_ruleset_apply_guideline(builtin, changes, strlen(changes), "fuzz", &changed, &e)) {
        fprintf(stderr, "%s\n", e.message);
        abort();
    }
    rs = builtin;
    return 0;
}

/* A column value: mostly small integers (choices, flags, conditions), else an edge or amount. */
static int64_t pick_value(fuzz_in *in)
{
    uint8_t t = fi_u8(in);
    if (t < 80)
        return (int64_t)(t % 5) - 1;
    return fi_i64(in);
}

static int valid_date(const char *s)
{
    dgs_case *c = NULL;
    int ok = dgs_case_new(dgs_ruleset_find(rs, "A1.07.a"), &c, NULL) == DGS_OK &&
             dgs_case_set_date(c, s, NULL) == DGS_OK;
    dgs_case_free(c);
    return ok;
}

static int is_condition_of(const dgs_measure *m, const char *name)
{
    if (strncmp(name, "condition.", 10) != 0)
        return 0;
    for (size_t q = 0; q < dgs_measure_condition_count(m); q++)
        if (strcmp(dgs_measure_condition_id(m, q), name + 10) == 0)
            return 1;
    return 0;
}

typedef struct pop_in {
    size_t nm, rows, cols;
    const char *measures[MAX_MEASURES];
    const dgs_measure *m[MAX_MEASURES];
    const char *date;
    const char *dates[MAX_ROWS];
    int with_dates, with_objects, with_present, with_up_to;
    const char *names[MAX_COLS];
    char cond_names[MAX_COLS][64];
    int64_t values[MAX_COLS][MAX_ROWS];
    uint8_t given[MAX_COLS][MAX_ROWS];
    int col_all_given[MAX_COLS];   /* its present array is NULL */
    int64_t applicants[MAX_ROWS];
    const char *objects[MAX_ROWS];
} pop_in;

static pop_in P;

static void report(const char *what, size_t row, size_t k, long long got, long long want)
{
    fprintf(stderr, "population: %s differs at row %zu, measure %s (applicant %" PRId64 ", date %s, object %s): "
                    "population %lld, scalar %lld\n",
            what, row, P.measures[k], P.applicants[row],
            P.with_dates && P.dates[row] ? P.dates[row] : P.date ? P.date : "(none)",
            P.with_objects ? (P.objects[row] ? P.objects[row] : "(NULL)") : "(own)", got, want);
    for (size_t j = 0; j < P.cols; j++)
        if (P.with_present && !P.col_all_given[j] && !P.given[j][row])
            fprintf(stderr, "  %s: absent\n", P.names[j]);
        else
            fprintf(stderr, "  %s = %" PRId64 "\n", P.names[j], P.values[j][row]);
}

#define SAME(what, row, k, got, want)                                                                         \
    do {                                                                                                        \
        long long g_ = (long long)(got), w_ = (long long)(want);                                                \
        if (g_ != w_) {                                                                                         \
            report(what, row, k, g_, w_);                                                                       \
            abort();                                                                                            \
        }                                                                                                       \
    } while (0)

static int given_at(size_t j, size_t i)
{
    return !P.with_present || P.col_all_given[j] || P.given[j][i];
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fuzz_in in = {data, size};
    memset(&P, 0, sizeof P);
    uint8_t which = fi_u8(&in);
    rs = which & 1 ? changed : builtin;
    int refuse_argument = 0, refuse_unknown = 0, refuse_missing = 0, refuse_unsupported = 0, refuse_date = 0,
        refuse_object = 0;

    /* The measures: distinct, unless the byte asks for a repeat (refused). */
    P.nm = 1 + fi_u8(&in) % MAX_MEASURES;
    int chosen[N_LIST] = {0};
    for (size_t k = 0; k < P.nm; k++) {
        uint8_t b = fi_u8(&in);
        size_t idx = b % N_LIST;
        if (b < 250)
            while (chosen[idx])
                idx = (idx + 1) % N_LIST;
        refuse_argument |= chosen[idx];
        chosen[idx] = 1;
        P.measures[k] = measure_list[idx];
        P.m[k] = dgs_ruleset_find(rs, P.measures[k]);
        FUZZ_CHECK(P.m[k] != NULL && dgs_measure_input_count(P.m[k]) > 0);
    }
    uint8_t flags = fi_u8(&in);
    P.with_objects = flags & 1;
    P.with_dates = (flags >> 1) & 1;
    P.with_present = !((flags >> 2) & 1);
    P.with_up_to = !((flags >> 3) & 1);
    P.date = call_dates[fi_u8(&in) % (sizeof call_dates / sizeof call_dates[0])];
    uint8_t r = fi_u8(&in);
    P.rows = r < 250 ? r % 41 : 64 + r % 8;
    uint8_t extra = fi_u8(&in);
    int64_t pools[MAX_COLS][4];
    memset(pools, 0, sizeof pools);

    /* The columns: the inputs, then the conditions, of the measures in order, each once. */
    for (size_t k = 0; k < P.nm; k++) {
        const dgs_measure *m = P.m[k];
        size_t ni = dgs_measure_input_count(m), nc = dgs_measure_condition_count(m);
        for (size_t q = 0; q < ni + nc && P.cols < MAX_COLS - 1; q++) {
            const char *name;
            if (q < ni) {
                name = dgs_measure_input_name(m, q);
            } else {
                snprintf(P.cond_names[P.cols], sizeof P.cond_names[P.cols], "condition.%s",
                         dgs_measure_condition_id(m, q - ni));
                name = P.cond_names[P.cols];
            }
            int dup = 0;
            for (size_t j = 0; j < P.cols; j++)
                dup |= strcmp(P.names[j], name) == 0;
            if (dup)
                continue;
            uint8_t how = fi_u8(&in);
            /* an input is left out one time in eight, a condition one in two */
            if (q < ni ? how % 8 == 0 : how % 2 == 0)
                continue;
            P.names[P.cols] = name;
            P.col_all_given[P.cols] = (how >> 3) & 1;
            for (int v = 0; v < 4; v++)   /* the values the rows pick from */
                pools[P.cols][v] = pick_value(&in);
            P.cols++;
        }
    }
    /* Now and then a column that must be refused. */
    if (extra >= 244 && P.cols < MAX_COLS) {
        if (extra < 248)
            P.names[P.cols++] = "no_such_input", refuse_unknown = 1;
        else if (extra < 252)
            P.names[P.cols++] = "date", refuse_unsupported = 1;
        else if (P.cols)
            P.names[P.cols] = P.names[0], P.cols++, refuse_argument = 1;
    }
    for (size_t k = 0; k < P.nm; k++) {
        int any = 0;
        for (size_t j = 0; j < P.cols; j++)
            any |= dgs_measure_input_index(P.m[k], P.names[j]) >= 0;
        refuse_missing |= !any;
    }

    /* The rows. */
    for (size_t i = 0; i < P.rows; i++) {
        uint8_t a = fi_u8(&in), o = fi_u8(&in), d = fi_u8(&in);
        uint32_t sel = (uint32_t)fi_u16(&in) | (uint32_t)fi_u16(&in) << 16;
        uint8_t absent = fi_u8(&in);
        P.applicants[i] = applicant_pool[a % 8];
        if (o < 250) {
            P.objects[i] = objects_pool[o % 6];
        } else {
            P.objects[i] = o & 1 ? "P1 " : "\x01P";   /* refused as dgs_stack_claims() refuses it */
            refuse_object |= P.with_objects;
        }
        if (d < 252) {
            P.dates[i] = row_dates[d % 8];
        } else {
            P.dates[i] = "2025-02-30";
            refuse_date |= P.with_dates;
        }
        if (P.with_dates && !P.dates[i] && !P.date)
            refuse_date = 1;
        for (size_t j = 0; j < P.cols; j++) {
            P.values[j][i] = pools[j][(sel >> (2 * (j % 16))) & 3];
            P.given[j][i] = !((absent >> (j % 8)) & 1);
        }
    }
    if (P.date && !valid_date(P.date))
        refuse_date = 1;
    if (!P.date && !P.with_dates)
        refuse_argument = 1;

    /* The call. */
    size_t n = P.nm * P.rows;
    size_t alloc = n ? n : 1;
    dgs_fen_t *awards = malloc(alloc * sizeof *awards), *paid = malloc(alloc * sizeof *paid),
              *up_to = malloc(alloc * sizeof *up_to);
    int32_t *outcomes = malloc(alloc * sizeof *outcomes), *decisions = malloc(alloc * sizeof *decisions);
    FUZZ_CHECK(awards && paid && up_to && outcomes && decisions);
    memset(awards, 0x5a, alloc * sizeof *awards);
    memset(paid, 0x5a, alloc * sizeof *paid);
    memset(up_to, 0x5a, alloc * sizeof *up_to);
    memset(outcomes, 0x5a, alloc * sizeof *outcomes);
    memset(decisions, 0x5a, alloc * sizeof *decisions);
    const int64_t *cols[MAX_COLS];
    const uint8_t *pres[MAX_COLS];
    for (size_t j = 0; j < P.cols; j++) {
        cols[j] = P.values[j];
        pres[j] = P.col_all_given[j] ? NULL : P.given[j];
    }
    dgs_error e;
    memset(&e, 0, sizeof e);
    int rc = dgs_evaluate_population(rs, P.nm, P.measures, P.date, P.with_dates ? P.dates : NULL, P.rows, P.cols,
                                     P.names, cols, P.with_present ? pres : NULL, P.applicants,
                                     P.with_objects ? P.objects : NULL, awards, outcomes, paid, decisions,
                                     P.with_up_to ? up_to : NULL, &e);
    FUZZ_CHECK(rc == e.code);
    FUZZ_CHECK(rc != DGS_E_NOMEM);

    int refused = refuse_argument || refuse_unknown || refuse_missing || refuse_unsupported || refuse_date ||
                  refuse_object;
    if (refused) {
        /* Refused before any row is written, for a reason the inputs give. */
        int expected = (refuse_argument && rc == DGS_E_INVALID_ARGUMENT) || (refuse_unknown && rc == DGS_E_UNKNOWN_INPUT) ||
                       (refuse_missing && rc == DGS_E_MISSING_INPUT) ||
                       (refuse_unsupported && rc == DGS_E_NOT_SUPPORTED) || (refuse_date && rc == DGS_E_DATE) ||
                       (refuse_object && (rc == DGS_E_VALUE || rc == DGS_E_RANGE));
        if (!expected)
            fprintf(stderr, "population: rc %d (%s); refusals expected: argument %d unknown %d missing %d "
                            "unsupported %d date %d object %d\n",
                    rc, e.message, refuse_argument, refuse_unknown, refuse_missing, refuse_unsupported, refuse_date,
                    refuse_object);
        FUZZ_CHECK(expected);
        FUZZ_CHECK(e.message[0] != '\0');
        for (size_t x = 0; x < n; x++) {
            FUZZ_CHECK(outcomes[x] == SENTINEL && decisions[x] == SENTINEL);
            FUZZ_CHECK(paid[x] == (dgs_fen_t)0x5a5a5a5a5a5a5a5aLL && awards[x] == (dgs_fen_t)0x5a5a5a5a5a5a5a5aLL);
        }
        goto out;
    }
    if (rc != DGS_OK) {
        if (!(rc == DGS_E_MISSING_INPUT || rc == DGS_E_NEGATIVE || rc == DGS_E_CHOICE || rc == DGS_E_RANGE ||
              rc == DGS_E_OVERFLOW))
            fprintf(stderr, "population: unexpected rc %d: %s\n", rc, e.message);
        FUZZ_CHECK(rc == DGS_E_MISSING_INPUT || rc == DGS_E_NEGATIVE || rc == DGS_E_CHOICE || rc == DGS_E_RANGE ||
                   rc == DGS_E_OVERFLOW);
    }

    /* Every output written; the error names the first invalid row. */
    size_t first_invalid = SIZE_MAX;
    for (size_t x = 0; x < n; x++) {
        FUZZ_CHECK(dgs_outcome_name(outcomes[x]) != NULL);
        FUZZ_CHECK(dgs_stack_decision_name(decisions[x]) != NULL);
        FUZZ_CHECK(awards[x] >= 0 && paid[x] >= 0 && paid[x] <= awards[x]);
        if (P.with_up_to)
            FUZZ_CHECK(up_to[x] >= 0);
        if (decisions[x] == DGS_STACK_INVALID && x % P.rows < first_invalid)
            first_invalid = x % P.rows;
    }
    FUZZ_CHECK((rc == DGS_OK) == (first_invalid == SIZE_MAX));
    if (rc != DGS_OK)
        FUZZ_CHECK(e.row == first_invalid && e.message[0] != '\0');

    /* Each applicant, in order of its first row: its claims one by one, then stacked. */
    {
        static dgs_result *res[MAX_MEASURES * MAX_ROWS];
        static const char *obj[MAX_MEASURES * MAX_ROWS];
        static size_t at[MAX_MEASURES * MAX_ROWS];
        static char own[MAX_ROWS][32];
        static int done[MAX_ROWS];
        memset(done, 0, sizeof done);
        for (size_t first = 0; first < P.rows; first++) {
            if (done[first])
                continue;
            int64_t a = P.applicants[first];
            size_t nr = 0;
            for (size_t i = first; i < P.rows; i++) {
                if (P.applicants[i] != a)
                    continue;
                done[i] = 1;
                snprintf(own[i], sizeof own[i], "row %zu", i);
                const char *row_date = P.with_dates && P.dates[i] ? P.dates[i] : P.date;
                for (size_t k = 0; k < P.nm; k++) {
                    size_t x = k * P.rows + i;
                    const dgs_measure *m = P.m[k];
                    dgs_case *c = NULL;
                    FUZZ_CHECK(dgs_case_new(m, &c, NULL) == DGS_OK);
                    FUZZ_CHECK(dgs_case_set_date(c, row_date, NULL) == DGS_OK);
                    int claimed = 0, set_ok = 1;
                    for (size_t j = 0; j < P.cols; j++) {
                        if (!given_at(j, i))
                            continue;
                        int64_t v = P.values[j][i];
                        if (dgs_measure_input_index(m, P.names[j]) >= 0) {
                            claimed = 1;
                            set_ok &= dgs_case_set_int(c, P.names[j], v, NULL) == DGS_OK;
                        } else if (is_condition_of(m, P.names[j])) {
                            /* a condition column: 1 met, 0 not met, anything else refused */
                            set_ok &= (v == 0 || v == 1) &&
                                      dgs_case_set_condition(c, P.names[j] + 10, (int)v, NULL) == DGS_OK;
                        }
                    }
                    dgs_result *rr = NULL;
                    int erc = set_ok ? dgs_evaluate(c, &rr, NULL) : DGS_E_VALUE;
                    dgs_case_free(c);
                    if (!claimed) {
                        SAME("outcome (not claimed)", i, k, outcomes[x], DGS_OUTCOME_NOT_CLAIMED);
                        SAME("decision (not claimed)", i, k, decisions[x], DGS_STACK_NOT_CLAIMED);
                        SAME("award (not claimed)", i, k, awards[x], 0);
                        SAME("paid (not claimed)", i, k, paid[x], 0);
                        dgs_result_free(rr);
                        continue;
                    }
                    if (!set_ok) {
                        /* A value the setters refuse: invalid, unless the measure computes nothing at
                         * that date (then no row is looked at, and nothing is stacked). */
                        if (outcomes[x] != DGS_OUTCOME_INVALID && outcomes[x] != DGS_OUTCOME_NOT_IN_FORCE &&
                            outcomes[x] != DGS_OUTCOME_UNSPECIFIED && outcomes[x] != DGS_OUTCOME_NOT_COMPUTABLE)
                            SAME("outcome (a value refused)", i, k, outcomes[x], DGS_OUTCOME_INVALID);
                        SAME("decision (a value refused)", i, k, decisions[x],
                             outcomes[x] == DGS_OUTCOME_INVALID ? DGS_STACK_INVALID : DGS_STACK_NOT_GRANTED);
                        SAME("paid (a value refused)", i, k, paid[x], 0);
                        continue;
                    }
                    if (erc != DGS_OK) {
                        FUZZ_CHECK(erc == DGS_E_MISSING_INPUT || erc == DGS_E_OVERFLOW || erc == DGS_E_RANGE);
                        SAME("outcome (scalar refuses)", i, k, outcomes[x], DGS_OUTCOME_INVALID);
                        SAME("decision (scalar refuses)", i, k, decisions[x], DGS_STACK_INVALID);
                        SAME("paid (scalar refuses)", i, k, paid[x], 0);
                        continue;
                    }
                    SAME("outcome", i, k, outcomes[x], dgs_result_outcome(rr));
                    SAME("award", i, k, awards[x], dgs_result_award(rr));
                    res[nr] = rr;
                    obj[nr] = P.with_objects && P.objects[i] && *P.objects[i] ? P.objects[i] : own[i];
                    at[nr++] = x;
                }
            }
            dgs_stack *s = NULL;
            int src = dgs_stack_claims(rs, (const dgs_result *const *)res, obj, nr, NULL, &s, NULL);
            if (src == DGS_E_OVERFLOW) {
                /* The applicant's total (or its ceilings' total) is beyond int64 fen: dgs_stack_claims()
                 * refuses the report, and a population refuses the applicant's claims (invalid,
                 * nothing paid; the call's error is DGS_E_OVERFLOW or an earlier invalid row's). A claim
                 * that is no grant keeps its decision (not granted, not a grant): it is paid nothing anyway. */
                size_t refused = 0;
                for (size_t q = 0; q < nr; q++) {
                    size_t x = at[q], i = x % P.rows, k = x / P.rows;
                    refused += decisions[x] == DGS_STACK_INVALID;
                    if (decisions[x] != DGS_STACK_NOT_GRANTED && decisions[x] != DGS_STACK_NOT_A_GRANT)
                        SAME("decision (the applicant's total overflows)", i, k, decisions[x], DGS_STACK_INVALID);
                    SAME("paid (the applicant's total overflows)", i, k, paid[x], 0);
                    if (P.with_up_to)
                        SAME("up_to (the applicant's total overflows)", i, k, up_to[x], 0);
                }
                FUZZ_CHECK(rc != DGS_OK && refused > 0);
                for (size_t q = 0; q < nr; q++)
                    dgs_result_free(res[q]);
                continue;
            }
            FUZZ_CHECK(src == DGS_OK);
            for (size_t q = 0; q < nr; q++) {
                size_t x = at[q], i = x % P.rows, k = x / P.rows;
                if (paid[x] != dgs_stack_paid(s, q) || decisions[x] != dgs_stack_decision(s, q) ||
                    (P.with_up_to && up_to[x] != dgs_stack_up_to(s, q))) {
                    fprintf(stderr, "population: applicant %" PRId64 ", %zu claims stacked:\n", a, nr);
                    for (size_t w = 0; w < nr; w++)
                        fprintf(stderr, "  claim %zu: row %zu %s %s object '%s' outcome %s award %" PRId64
                                        " | population paid %" PRId64 " %s up_to %" PRId64
                                        " | stack paid %" PRId64 " %s up_to %" PRId64 "\n",
                                w, at[w] % P.rows, dgs_result_measure_id(res[w]), dgs_result_date(res[w]),
                                obj[w] ? obj[w] : "(NULL)", dgs_outcome_name(dgs_result_outcome(res[w])),
                                dgs_result_award(res[w]), paid[at[w]], dgs_stack_decision_name(decisions[at[w]]),
                                P.with_up_to ? up_to[at[w]] : 0, dgs_stack_paid(s, w),
                                dgs_stack_decision_name(dgs_stack_decision(s, w)), dgs_stack_up_to(s, w));
                }
                SAME("paid", i, k, paid[x], dgs_stack_paid(s, q));
                SAME("decision", i, k, decisions[x], dgs_stack_decision(s, q));
                if (P.with_up_to)
                    SAME("up_to", i, k, up_to[x], dgs_stack_up_to(s, q));
            }
            dgs_stack_free(s);
            for (size_t q = 0; q < nr; q++)
                dgs_result_free(res[q]);
        }
    }

out:
    free(awards);
    free(paid);
    free(up_to);
    free(outcomes);
    free(decisions);
    return 0;
}
