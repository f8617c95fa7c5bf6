/* SPDX-License-Identifier: MulanPSL-2.0 */
/*
 * Helpers shared by the hand-worked tests of the measures
 * (tests/unit/test_measures_*.c).  Public API only.
 *
 * A case is written as its inputs in text, exactly as the command line
 * writes them:
 *
 *     GRANT(rs, "A1.07.a", DATE, "1400000.00", "ratio",
 *           {"financed_amount", "28000000"}, {"interest_paid", "1400000.50"});
 *
 * A mismatch between the library and the hand-worked amount is reported
 * with the case (measure, date, inputs), what was expected and what came
 * out, and the test goes on with its other cases; a test declared with
 * MEASURE_TEST fails at its end if any of its cases differed.  Errors in
 * setting up a case (an unknown input, a malformed value) stop the test at
 * once: they are mistakes in the test itself.
 */
#ifndef DGS_TESTS_MEASURE_HELPERS_H
#define DGS_TESTS_MEASURE_HELPERS_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "dgsubsidy/dgsubsidy.h"

/* A date well inside the validity window 2024-01-16 … 2027-01-15. */
#define DATE "2025-03-01"

/* One input of a case: its name and its value as text. */
typedef struct kv {
    const char *name;
    const char *text;
} kv;

/* How many cases of the current test differed from their expectation. */
static int measure_test_failures;
/* The last case evaluated, for messages. */
static char measure_test_context[768];

/*
 * MEASURE_TEST(name) { ...cases... } defines a cmocka test `name` that runs
 * every case and fails at the end when any of them differed.
 */
#define MEASURE_TEST(name)                                                               \
    static void name##_cases(void);                                                      \
    static void name(void **state)                                                       \
    {                                                                                    \
        (void)state;                                                                     \
        measure_test_failures = 0;                                                       \
        name##_cases();                                                                  \
        if (measure_test_failures)                                                       \
            fail_msg("%d case(s) in %s differ from the hand-worked expectation",        \
                     measure_test_failures, #name);                                      \
    }                                                                                    \
    static void name##_cases(void)

static inline void measure_test_mismatch(const char *file, int line, const char *fmt, ...)
    CMOCKA_PRINTF_ATTRIBUTE(3, 4);
static inline void measure_test_mismatch(const char *file, int line, const char *fmt, ...)
{
    char what[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(what, sizeof what, fmt, ap);
    va_end(ap);
    print_error("%s:%d: MISMATCH %s\n    case: %s\n", file, line, what, measure_test_context);
    measure_test_failures++;
}

/* ---- rulesets ------------------------------------------------------------ */

static inline dgs_ruleset *builtin_ruleset(void)
{
    dgs_ruleset *rs = NULL;
    dgs_error err;
    int rc = dgs_ruleset_builtin(&rs, &err);
    if (rc != DGS_OK)
        print_error("dgs_ruleset_builtin: %s\n", err.message);
    assert_int_equal(rc, DGS_OK);
    assert_non_null(rs);
    return rs;
}

/* The built-in ruleset every test of a measure file uses: the group's fixture. */
static dgs_ruleset *rs;

static inline int setup_ruleset(void **state)
{
    (void)state;
    rs = builtin_ruleset();
    return 0;
}

static inline int teardown_ruleset(void **state)
{
    (void)state;
    dgs_ruleset_free(rs);
    return 0;
}

/* A ruleset derived from `base` with one parameter (or reading) changed
 * from `from` to `until` (NULL = unbounded). */
static inline dgs_ruleset *derive_at(const char *file, int line, const dgs_ruleset *base,
                                     const char *measure_id, const char *parameter,
                                     const char *value, const char *from, const char *until)
{
    dgs_ruleset *rs = NULL;
    dgs_error err;
    int rc = dgs_ruleset_set_parameter(base, measure_id, parameter, value, from, until,
                                       "test", &rs, &err);
    if (rc != DGS_OK)
        print_error("%s:%d: setting %s.%s = %s failed: %s %s\n", file, line,
                    measure_id ? measure_id : "(ruleset)", parameter, value,
                    dgs_status_name(rc), err.message);
    _assert_int_equal((uintmax_t)rc, (uintmax_t)DGS_OK, file, line);
    return rs;
}
#define derive(base, id, parameter, value) \
    derive_at(__FILE__, __LINE__, (base), (id), (parameter), (value), NULL, NULL)
#define derive_from(base, id, parameter, value, from) \
    derive_at(__FILE__, __LINE__, (base), (id), (parameter), (value), (from), NULL)

static inline const dgs_measure *measure_at(const char *file, int line, const dgs_ruleset *rs,
                                            const char *id)
{
    const dgs_measure *m = dgs_ruleset_find(rs, id);
    if (!m)
        print_error("%s:%d: no measure %s\n", file, line, id);
    _assert_true((uintmax_t)(m != NULL), "measure exists", file, line);
    return m;
}
#define measure(rs, id) measure_at(__FILE__, __LINE__, (rs), (id))

/* ---- evaluating a case ----------------------------------------------------- */

/* Evaluates measure `id` at `date` with the inputs given as text; the
 * caller frees the result. */
static inline dgs_result *evaluate_at(const char *file, int line, const dgs_ruleset *rs,
                                      const char *id, const char *date, const kv *pairs, size_t n)
{
    const dgs_measure *m = measure_at(file, line, rs, id);
    dgs_case *c = NULL;
    dgs_result *r = NULL;
    dgs_error err;
    size_t len;

    snprintf(measure_test_context, sizeof measure_test_context, "%s %s", id, date);
    for (size_t i = 0; i < n; i++) {
        len = strlen(measure_test_context);
        snprintf(measure_test_context + len, sizeof measure_test_context - len, " %s=%s",
                 pairs[i].name, pairs[i].text);
    }
    _assert_int_equal((uintmax_t)dgs_case_new(m, &c, &err), (uintmax_t)DGS_OK, file, line);
    int rc = dgs_case_set_date(c, date, &err);
    if (rc != DGS_OK)
        print_error("%s:%d: %s: %s\n", file, line, measure_test_context, err.message);
    _assert_int_equal((uintmax_t)rc, (uintmax_t)DGS_OK, file, line);
    for (size_t i = 0; i < n; i++) {
        rc = dgs_case_set_text(c, pairs[i].name, pairs[i].text, &err);
        if (rc != DGS_OK)
            print_error("%s:%d: %s: setting %s: %s %s\n", file, line, measure_test_context,
                        pairs[i].name, dgs_status_name(rc), err.message);
        _assert_int_equal((uintmax_t)rc, (uintmax_t)DGS_OK, file, line);
    }
    rc = dgs_evaluate(c, &r, &err);
    if (rc != DGS_OK)
        print_error("%s:%d: %s: dgs_evaluate: %s %s\n", file, line, measure_test_context,
                    dgs_status_name(rc), err.message);
    _assert_int_equal((uintmax_t)rc, (uintmax_t)DGS_OK, file, line);
    dgs_case_free(c);
    return r;
}

/* evaluate(rs, id, date, {name, text}, …) — zero or more inputs. */
#define evaluate(rs, id, date, ...)                                                        \
    evaluate_at(__FILE__, __LINE__, (rs), (id), (date), (const kv[]){{NULL, NULL}, __VA_ARGS__} + 1, \
                sizeof((const kv[]){{NULL, NULL}, __VA_ARGS__}) / sizeof(kv) - 1)

/* The award as yuan text with two decimals. */
static inline const char *award_text(const dgs_result *r, char *buf, size_t size)
{
    return dgs_money_format(dgs_result_award(r), buf, size);
}

/* Expects a grant of `award` yuan ("1400000.00"); `binding` is the
 * constraint that set the amount, or NULL where more than one gives the
 * same amount (then it is not checked). */
static inline void expect_granted_at(const char *file, int line, const dgs_result *r,
                                     const char *award, const char *binding)
{
    char got[48];
    award_text(r, got, sizeof got);
    int outcome = dgs_result_outcome(r);
    const char *b = dgs_result_binding(r);
    if (outcome != DGS_OUTCOME_GRANTED || strcmp(got, award) != 0 ||
        (binding && strcmp(b ? b : "", binding) != 0))
        measure_test_mismatch(file, line,
                              "expected granted %s (binding %s), got %s %s (binding '%s')%s%s",
                              award, binding ? binding : "not checked",
                              dgs_outcome_name(outcome), got, b ? b : "(null)",
                              *dgs_result_reason(r, DGS_LANG_EN) ? " reason: " : "",
                              dgs_result_reason(r, DGS_LANG_EN));
}

/* Expects a ceiling still to be assessed: outcome up_to, the award holding the
 * ceiling `award`, and reasons in both languages that say so. */
static inline void expect_up_to_at(const char *file, int line, const dgs_result *r, const char *award)
{
    char got[48];
    award_text(r, got, sizeof got);
    const char *en = dgs_result_reason(r, DGS_LANG_EN), *zh = dgs_result_reason(r, DGS_LANG_ZH);
    if (dgs_result_outcome(r) != DGS_OUTCOME_UP_TO || strcmp(got, award) != 0 || !strstr(en, "to be assessed") ||
        !strstr(zh, "待核定"))
        measure_test_mismatch(file, line, "expected up_to %s (to be assessed), got %s %s reason: %s / %s", award,
                              dgs_outcome_name(dgs_result_outcome(r)), got, en, zh);
}

/* UP_TO(rs, id, date, ceiling, inputs…): a ceiling that the department has not assessed. */
#define UP_TO(rs, id, date, award, ...)                                                    \
    do {                                                                                   \
        dgs_result *up_to_r_ = evaluate((rs), (id), (date), __VA_ARGS__);                 \
        expect_up_to_at(__FILE__, __LINE__, up_to_r_, (award));                           \
        dgs_result_free(up_to_r_);                                                         \
    } while (0)

/* Expects an outcome other than a grant; the award is then 0. */
static inline void expect_outcome_at(const char *file, int line, const dgs_result *r, int outcome)
{
    char got[48];
    award_text(r, got, sizeof got);
    if (dgs_result_outcome(r) != outcome || dgs_result_award(r) != 0)
        measure_test_mismatch(file, line, "expected %s (award 0.00), got %s %s%s%s",
                              dgs_outcome_name(outcome), dgs_outcome_name(dgs_result_outcome(r)),
                              got, *dgs_result_reason(r, DGS_LANG_EN) ? " reason: " : "",
                              dgs_result_reason(r, DGS_LANG_EN));
}

/* Expects the reason (in English) to mention `word`. */
static inline void expect_reason_mentions_at(const char *file, int line, const dgs_result *r,
                                             const char *word)
{
    const char *en = dgs_result_reason(r, DGS_LANG_EN);
    const char *zh = dgs_result_reason(r, DGS_LANG_ZH);
    if (!en || !strstr(en, word) || !zh || !*zh)
        measure_test_mismatch(file, line, "expected the reason to name '%s', got '%s' / '%s'", word,
                              en ? en : "(null)", zh ? zh : "(null)");
}

#define expect_granted(r, award, binding) expect_granted_at(__FILE__, __LINE__, (r), (award), (binding))
#define expect_outcome(r, outcome) expect_outcome_at(__FILE__, __LINE__, (r), (outcome))
#define expect_reason_mentions(r, word) expect_reason_mentions_at(__FILE__, __LINE__, (r), (word))

/* GRANT(rs, id, date, award, binding, inputs…): one hand-worked case. */
#define GRANT(rs, id, date, award, binding, ...)                                           \
    do {                                                                                   \
        dgs_result *grant_r_ = evaluate((rs), (id), (date), __VA_ARGS__);                 \
        expect_granted_at(__FILE__, __LINE__, grant_r_, (award), (binding));              \
        dgs_result_free(grant_r_);                                                         \
    } while (0)

/* OUTCOME(rs, id, date, DGS_OUTCOME_…, inputs…): a case that is not a grant. */
#define OUTCOME(rs, id, date, outcome, ...)                                                \
    do {                                                                                   \
        dgs_result *outcome_r_ = evaluate((rs), (id), (date), __VA_ARGS__);               \
        expect_outcome_at(__FILE__, __LINE__, outcome_r_, (outcome));                     \
        dgs_result_free(outcome_r_);                                                       \
    } while (0)

/* ---- measures by kind ---------------------------------------------------- */

/* Whether measure id starts with `part` followed by '.' ("A1" matches "A1.07.a"). */
static inline int measure_in_part(const dgs_measure *m, const char *part)
{
    const char *id = dgs_measure_id(m);
    size_t n = strlen(part);
    return strncmp(id, part, n) == 0 && id[n] == '.';
}

/* The input an error message names ("… input 'new_purchases' …") into buf;
 * false when the message names none. */
static inline int error_input_name(const char *message, char *buf, size_t size)
{
    const char *q = strstr(message, "input '");
    if (!q)
        return 0;
    size_t n = strcspn(q + 7, "'");
    assert_true(n < size);
    memcpy(buf, q + 7, n);
    buf[n] = '\0';
    return 1;
}

/* Sets every required input of a case to a plausible value, so that a
 * measure can be evaluated whatever its inputs. */
static inline void fill_required_inputs(dgs_case *c)
{
    const dgs_measure *m = dgs_case_measure(c);
    dgs_error err;
    for (size_t i = 0; i < dgs_measure_input_count(m); i++) {
        if (!dgs_measure_input_required(m, i))
            continue;
        const char *name = dgs_measure_input_name(m, i);
        const char *text;
        switch (dgs_measure_input_type(m, i)) {
        case DGS_TYPE_FLAG:
            text = "true";
            break;
        case DGS_TYPE_CHOICE:
            text = dgs_measure_input_choice(m, i, 0);
            break;
        case DGS_TYPE_COUNT:
            text = "1";
            break;
        default:
            text = "100000";
        }
        int rc = dgs_case_set_text(c, name, text, &err);
        if (rc != DGS_OK)
            print_error("%s: setting %s=%s: %s\n", dgs_measure_id(m), name, text, err.message);
        assert_int_equal(rc, DGS_OK);
    }
    /* An input that is optional alone but required without its alternative
     * (A1.10.a's new_purchases, unless both yearly totals are given): the error
     * names it; give it the plain value. */
    for (int tries = 0; tries < 4; tries++) {
        dgs_result *r = NULL;
        if (dgs_evaluate(c, &r, &err) != DGS_E_MISSING_INPUT) {
            dgs_result_free(r);
            return;
        }
        char name[64];
        assert_true(error_input_name(err.message, name, sizeof name));
        assert_int_equal(dgs_case_set_text(c, name, "100000", &err), DGS_OK);
    }
}

/* Evaluates measure m at `date` with its required inputs filled in. */
static inline dgs_result *evaluate_filled(const dgs_measure *m, const char *date)
{
    dgs_case *c = NULL;
    dgs_result *r = NULL;
    dgs_error err;
    snprintf(measure_test_context, sizeof measure_test_context, "%s %s (required inputs filled in)",
             dgs_measure_id(m), date);
    assert_int_equal(dgs_case_new(m, &c, &err), DGS_OK);
    assert_int_equal(dgs_case_set_date(c, date, &err), DGS_OK);
    fill_required_inputs(c);
    int rc = dgs_evaluate(c, &r, &err);
    if (rc != DGS_OK)
        print_error("%s: dgs_evaluate: %s\n", measure_test_context, err.message);
    assert_int_equal(rc, DGS_OK);
    dgs_case_free(c);
    return r;
}

/* Whether the measure has an input called `name`. */
static inline int has_input(const dgs_measure *m, const char *name)
{
    return dgs_measure_input_index(m, name) >= 0;
}

/* Whether the measure has a parameter called `name`. */
static inline int has_parameter(const dgs_measure *m, const char *name)
{
    for (size_t i = 0; i < dgs_measure_parameter_count(m); i++)
        if (strcmp(dgs_measure_parameter_name(m, i), name) == 0)
            return 1;
    return 0;
}

/*
 * Checks every measure of `kind` in `part` ("OP", "A1", …): there must be
 * `expected_count` of them (the count of each kind in data/catalog.json), each evaluated with its required
 * inputs filled in must give `outcome`.  Returns how many were checked.
 */
static inline size_t expect_kind_outcome_at(const char *file, int line, const dgs_ruleset *rs,
                                            const char *part, int kind, size_t expected_count,
                                            int outcome)
{
    size_t seen = 0;
    for (size_t i = 0; i < dgs_ruleset_measure_count(rs); i++) {
        const dgs_measure *m = dgs_ruleset_measure_at(rs, i);
        if (!measure_in_part(m, part) || dgs_measure_kind(m) != kind)
            continue;
        seen++;
        /* A restatement is computed through the measure it restates (tested there). */
        if (dgs_measure_restates(m, 0))
            continue;
        dgs_result *r = evaluate_filled(m, DATE);
        expect_outcome_at(file, line, r, outcome);
        if (!*dgs_result_reason(r, DGS_LANG_EN) || !*dgs_result_reason(r, DGS_LANG_ZH))
            measure_test_mismatch(file, line, "%s: a %s outcome must say why", dgs_measure_id(m),
                                  dgs_outcome_name(outcome));
        dgs_result_free(r);
    }
    if (seen != expected_count) {
        snprintf(measure_test_context, sizeof measure_test_context, "part %s, kind %s", part,
                 dgs_kind_name(kind));
        measure_test_mismatch(file, line, "expected %zu measures of this kind, found %zu",
                              expected_count, seen);
    }
    return seen;
}
#define expect_kind_outcome(rs, part, kind, count, outcome) \
    expect_kind_outcome_at(__FILE__, __LINE__, (rs), (part), (kind), (count), (outcome))

/*
 * A ceiling (or exact amount) checked the same way for many measures:
 * the measure, the choice of its tier input (or NULL), and the amount the
 * clause prints.
 */
typedef struct ceiling_case {
    const char *id;
    const char *tier;     /* value of the "tier" (or other choice) input, or NULL */
    const char *choice_input; /* name of that choice input; NULL means "tier" */
    const char *amount;   /* yuan, two decimals */
    int exact;            /* 1: 给予X元 (exact, no `assessed`); 0: 最高/不超过 X元 */
} ceiling_case;

/*
 * For each row: the award with no `assessed` is the printed amount; for a
 * ceiling, `assessed` one fen below lowers it to that (binding "assessed")
 * and `assessed` above it leaves the ceiling; for an exact amount,
 * `assessed` is not an input at all.
 */
static inline void expect_ceilings_at(const char *file, int line, const dgs_ruleset *rs,
                                      const ceiling_case *rows, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        const ceiling_case *row = &rows[i];
        const char *choice = row->choice_input ? row->choice_input : "tier";
        const dgs_measure *m = measure_at(file, line, rs, row->id);
        dgs_fen_t amount;
        char below[48], above[48];
        _assert_int_equal((uintmax_t)dgs_money_parse(row->amount, &amount, NULL), 0, file, line);
        dgs_money_format(amount - 1, below, sizeof below);
        dgs_money_format(amount + 100, above, sizeof above);

        kv pairs[2];
        size_t np = 0;
        if (row->tier)
            pairs[np++] = (kv){choice, row->tier};

        /* the printed amount: paid when exact; for a ceiling, only "up to" until assessed */
        dgs_result *r = evaluate_at(file, line, rs, row->id, DATE, pairs, np);
        if (row->exact)
            expect_granted_at(file, line, r, row->amount, NULL);
        else
            expect_up_to_at(file, line, r, row->amount);
        if (dgs_measure_fixed_amount(m) != row->exact)
            measure_test_mismatch(file, line, "%s: fixed_amount %d, the clause says %s",
                                  row->id, dgs_measure_fixed_amount(m),
                                  row->exact ? "an exact amount (给予)" : "a ceiling (最高/不超过)");
        /* (a restatement's parameters are those of the measure it computed through) */
        if (!has_parameter(dgs_ruleset_find(rs, dgs_result_computed_by(r)), dgs_result_binding(r)))
            measure_test_mismatch(file, line, "%s: binding '%s' is not one of its parameters",
                                  row->id, dgs_result_binding(r));
        dgs_result_free(r);

        if (row->exact) {
            if (has_input(m, "assessed"))
                measure_test_mismatch(file, line, "%s is an exact amount: 'assessed' must not be an input",
                                      row->id);
            continue;
        }
        /* assessed below the ceiling lowers it; above, the ceiling stays */
        pairs[np] = (kv){"assessed", below};
        r = evaluate_at(file, line, rs, row->id, DATE, pairs, np + 1);
        expect_granted_at(file, line, r, below, "assessed");
        dgs_result_free(r);
        pairs[np] = (kv){"assessed", above};
        r = evaluate_at(file, line, rs, row->id, DATE, pairs, np + 1);
        expect_granted_at(file, line, r, row->amount, NULL);
        dgs_result_free(r);
    }
}
#define expect_ceilings(rs, rows) \
    expect_ceilings_at(__FILE__, __LINE__, (rs), (rows), sizeof(rows) / sizeof((rows)[0]))

/*
 * For an unspecified measure: the outcome is 'unspecified' and the reason
 * names each parameter a guideline must supply.
 */
static inline void expect_unspecified_at(const char *file, int line, const dgs_ruleset *rs,
                                         const char *id, const char *const *names)
{
    dgs_result *r = evaluate_filled(measure_at(file, line, rs, id), DATE);
    expect_outcome_at(file, line, r, DGS_OUTCOME_UNSPECIFIED);
    for (size_t i = 0; names[i]; i++)
        expect_reason_mentions_at(file, line, r, names[i]);
    dgs_result_free(r);
}
#define expect_unspecified(rs, id, ...) \
    expect_unspecified_at(__FILE__, __LINE__, (rs), (id), (const char *const[]){__VA_ARGS__, NULL})

#endif
