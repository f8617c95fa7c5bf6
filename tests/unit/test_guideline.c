/* SPDX-License-Identifier: MulanPSL-2.0 */
/* Guidelines: effective-dated changes, unspecified measures made
 * computable, readings set by guideline, and every malformed-file class
 * refused with file, line and parameter while the base stays untouched. */
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

#include <sys/stat.h>
#include <time.h>
#if !defined(_WIN32)
#include <unistd.h>
#endif

#include "dgsubsidy/dgsubsidy.h"
#include "measures/spec.h"

static dgs_ruleset *base;

static int setup(void **state)
{
    (void)state;
    return dgs_ruleset_builtin(&base, NULL);
}

static int teardown(void **state)
{
    (void)state;
    dgs_ruleset_free(base);
    return 0;
}

/* Evaluates `id` in `rs` with name/text pairs; returns the award (fen) and outcome. */
static dgs_fen_t award_of(const dgs_ruleset *rs, const char *id, const char *date, int *outcome, ...)
{
    dgs_case *c;
    dgs_result *r;
    dgs_error e;
    va_list ap;
    assert_int_equal(dgs_case_new(dgs_ruleset_find(rs, id), &c, &e), DGS_OK);
    assert_int_equal(dgs_case_set_date(c, date, &e), DGS_OK);
    va_start(ap, outcome);
    for (const char *name; (name = va_arg(ap, const char *));) {
        const char *text = va_arg(ap, const char *);
        if (dgs_case_set_text(c, name, text, &e))
            fail_msg("%s", e.message);
    }
    va_end(ap);
    assert_int_equal(dgs_evaluate(c, &r, &e), DGS_OK);
    dgs_fen_t award = dgs_result_award(r);
    if (outcome)
        *outcome = dgs_result_outcome(r);
    dgs_result_free(r);
    dgs_case_free(c);
    return award;
}

static int apply(const char *json, dgs_ruleset **out, dgs_error *e)
{
    return dgs_ruleset_apply_guideline(base, json, strlen(json), "g.json", out, e);
}

/* A guideline raises A1.07.a's yearly cap from 150万 to 200万 from 2025-07-01:
 * 5% × 3000万 = 150万 before (the cap binds at 150万 only with more
 * financing counted), so use a raised financing limit too. */
static void cap_changes_mid_year(void **state)
{
    (void)state;
    const char *g = "{\"name\": \"2025 guideline\", \"changes\": [\n"
                    "  {\"measure\": \"A1.07.a\", \"parameter\": \"cap_per_year\", \"value\": \"1000000\",\n"
                    "   \"from\": \"2025-07-01\", \"until\": \"2025-12-31\", \"reference\": \"2025年指南第三条\"}\n]}";
    dgs_ruleset *rs;
    dgs_error e;
    assert_int_equal(apply(g, &rs, &e), DGS_OK);
    /* 2800万 × 5% = 140万, under 150万 before; 100万 binds from July. */
    assert_int_equal(award_of(rs, "A1.07.a", "2025-06-30", NULL, "financed_amount", "28000000", "interest_paid", "2000000", NULL), 140000000);
    assert_int_equal(award_of(rs, "A1.07.a", "2025-07-01", NULL, "financed_amount", "28000000", "interest_paid", "2000000", NULL), 100000000);
    assert_int_equal(award_of(rs, "A1.07.a", "2026-01-01", NULL, "financed_amount", "28000000", "interest_paid", "2000000", NULL), 140000000);
    /* The reference appears in the trace of a result it affects. */
    dgs_case *c;
    dgs_result *r;
    dgs_case_new(dgs_ruleset_find(rs, "A1.07.a"), &c, NULL);
    dgs_case_set_date(c, "2025-08-01", NULL);
    dgs_case_set_text(c, "financed_amount", "28000000", NULL);
    dgs_case_set_text(c, "interest_paid", "2000000", NULL);
    assert_int_equal(dgs_evaluate(c, &r, NULL), DGS_OK);
    assert_string_equal(dgs_result_binding(r), "cap_per_year");
    bool found = false;
    for (size_t i = 0; i < dgs_result_parameter_count(r); i++)
        if (strcmp(dgs_result_parameter_name(r, i), "cap_per_year") == 0)
            found = strcmp(dgs_result_parameter_reference(r, i), "2025年指南第三条") == 0;
    assert_true(found);
    assert_string_equal(dgs_result_fingerprint(r), dgs_ruleset_fingerprint(rs));
    dgs_result_free(r);
    dgs_case_free(c);
    /* The base is untouched. */
    assert_int_equal(award_of(base, "A1.07.a", "2025-08-01", NULL, "financed_amount", "28000000", "interest_paid", "2000000", NULL), 140000000);
    /* The derived ruleset outlives its base's siblings; freeing order is free. */
    dgs_ruleset_free(rs);
}

static void unspecified_measure_becomes_computable(void **state)
{
    (void)state;
    int outcome;
    /* OP.06.b: interest subsidy for direct finance leases, no numbers in the text. */
    award_of(base, "OP.06.b", "2025-03-01", &outcome, "financed_amount", "10000000", NULL);
    assert_int_equal(outcome, DGS_OUTCOME_UNSPECIFIED);
    const char *g = "{\"changes\": [\n"
                    " {\"measure\": \"OP.06.b\", \"parameter\": \"ratio\", \"value\": \"3%\", \"reference\": \"细则第5条\"},\n"
                    " {\"measure\": \"OP.06.b\", \"parameter\": \"cap\", \"value\": 500000, \"reference\": \"细则第5条\"}\n]}";
    dgs_ruleset *rs;
    dgs_error e;
    assert_int_equal(apply(g, &rs, &e), DGS_OK);
    /* 3% × 1000万 = 30万 < 50万. */
    assert_int_equal(award_of(rs, "OP.06.b", "2025-03-01", &outcome, "financed_amount", "10000000", NULL), 30000000);
    assert_int_equal(outcome, DGS_OUTCOME_GRANTED);
    /* 3% × 2000万 = 60万 → the cap 50万. */
    assert_int_equal(award_of(rs, "OP.06.b", "2025-03-01", NULL, "financed_amount", "20000000", NULL), 50000000);
    dgs_ruleset_free(rs);
}

static void reading_and_validity_set_by_guideline(void **state)
{
    (void)state;
    const char *g = "{\"changes\": [\n"
                    " {\"measure\": \"A1.07.a\", \"parameter\": \"reading_min_financing\", \"value\": \"limit_range\"},\n"
                    " {\"parameter\": \"validity_end\", \"value\": \"2027-12-31\", \"reference\": \"延期通知\"}\n]}";
    dgs_ruleset *rs;
    dgs_error e;
    int outcome;
    assert_int_equal(apply(g, &rs, &e), DGS_OK);
    /* 300万 of financing: ineligible under the default reading (500万 an entry bar), 15万
     * under the limit_range reading the guideline chose. */
    award_of(base, "A1.07.a", "2025-03-01", &outcome, "financed_amount", "3000000", "interest_paid", "200000", NULL);
    assert_int_equal(outcome, DGS_OUTCOME_INELIGIBLE);
    assert_int_equal(award_of(rs, "A1.07.a", "2025-03-01", &outcome, "financed_amount", "3000000", "interest_paid", "200000", NULL), 15000000);
    assert_int_equal(outcome, DGS_OUTCOME_GRANTED);
    award_of(base, "A3.05.a", "2027-06-01", &outcome, NULL);
    assert_int_equal(outcome, DGS_OUTCOME_NOT_IN_FORCE);
    award_of(rs, "A3.05.a", "2027-06-01", &outcome, NULL);
    assert_int_equal(outcome, DGS_OUTCOME_GRANTED);
    dgs_ruleset_free(rs);
}

static void expect_refused(const char *json, int line, const char *needle)
{
    dgs_ruleset *rs = (dgs_ruleset *)1;
    dgs_error e;
    const char *fp = dgs_ruleset_fingerprint(base);
    char before[17];
    snprintf(before, sizeof before, "%s", fp);
    assert_int_equal(apply(json, &rs, &e), DGS_E_GUIDELINE);
    assert_null(rs);
    assert_int_equal(e.code, DGS_E_GUIDELINE);
    if (line)
        assert_int_equal(e.reason, line);
    assert_non_null(strstr(e.message, "g.json:"));
    if (!strstr(e.message, needle))
        fail_msg("message '%s' lacks '%s'", e.message, needle);
    assert_string_equal(dgs_ruleset_fingerprint(base), before);
}

static void malformed_guidelines_are_refused(void **state)
{
    (void)state;
    expect_refused("{\"changes\": [\n  {\"measure\": \"A1.07.a\",\n   \"parameter\": \"cap_per_year\" \"value\": 1}]}", 3, "malformed JSON");
    expect_refused("[1, 2]", 1, "JSON object");
    expect_refused("{\"chnages\": []}", 1, "unknown key 'chnages'");
    expect_refused("{\"changes\": [\n {\"measure\": \"A9.99.z\", \"parameter\": \"cap\", \"value\": 1}]}", 2, "A9.99.z");
    expect_refused("{\"changes\": [\n\n {\"measure\": \"A1.07.a\", \"parameter\": \"cap_year\", \"value\": 1}]}", 3,
                   "A1.07.a.cap_year: unknown parameter");
    /* wrong unit */
    expect_refused("{\"changes\": [\n {\"measure\": \"A1.07.a\", \"parameter\": \"cap_per_year\", \"value\": \"1\", \"unit\": \"万元\"}]}",
                   2, "wrong unit");
    /* value of the wrong type */
    expect_refused("{\"changes\": [\n {\"measure\": \"A1.07.a\", \"parameter\": \"cap_per_year\", \"value\": true}]}", 2,
                   "cap_per_year");
    expect_refused("{\"changes\": [\n {\"measure\": \"A1.07.a\", \"parameter\": \"ratio\", \"value\": 0.05}]}", 2, "not exact");
    expect_refused("{\"changes\": [\n {\"measure\": \"A1.07.a\", \"parameter\": \"reading_min_financing\", \"value\": \"maybe\"}]}",
                   2, "unknown reading");
    /* overlapping dates */
    expect_refused("{\"changes\": [\n"
                   " {\"measure\": \"A4.09.a\", \"parameter\": \"cap_per_year\", \"value\": 300000, \"from\": \"2025-01-01\", \"until\": \"2025-12-31\"},\n"
                   " {\"measure\": \"A4.09.a\", \"parameter\": \"cap_per_year\", \"value\": 400000, \"from\": \"2025-06-01\"}]}",
                   3, "overlap");
    /* a ratio above 100% where the text says 不超过 */
    expect_refused("{\"changes\": [\n {\"measure\": \"A1.04.a\", \"parameter\": \"ratio\", \"value\": \"120%\"}]}", 2, "不超过");
    /* negative money */
    expect_refused("{\"changes\": [\n {\"measure\": \"A4.09.e\", \"parameter\": \"cap\", \"value\": \"-30000\"}]}", 2, "negative");
    expect_refused("{\"changes\": [\n {\"measure\": \"A4.09.e\", \"parameter\": \"cap\", \"value\": -30000}]}", 2, "negative");
    /* bad dates */
    expect_refused("{\"changes\": [\n {\"measure\": \"A4.09.e\", \"parameter\": \"cap\", \"value\": 1, \"from\": \"2025-02-30\"}]}", 2, "from");
    expect_refused("{\"changes\": [\n {\"measure\": \"A4.09.e\", \"parameter\": \"cap\", \"value\": 1, \"from\": \"2026-01-01\", \"until\": \"2025-01-01\"}]}",
                   2, "after");
    /* duplicate keys are refused by the parser */
    expect_refused("{\"changes\": [], \"changes\": []}", 1, "malformed");
}

static void guideline_file_names_the_file(void **state)
{
    (void)state;
    dgs_ruleset *rs;
    dgs_error e;
    assert_int_equal(dgs_ruleset_apply_guideline_file(base, "/nonexistent/g.json", &rs, &e), DGS_E_IO);
    assert_non_null(strstr(e.message, "/nonexistent/g.json"));
    char path[512];
    snprintf(path, sizeof path, "%s/examples/guidelines/2025-doubling-enterprises.json", DGS_SOURCE_DIR);
    assert_int_equal(dgs_ruleset_apply_guideline_file(base, path, &rs, &e), DGS_OK);
    assert_string_not_equal(dgs_ruleset_fingerprint(rs), dgs_ruleset_fingerprint(base));
    dgs_ruleset_free(rs);
}

static void set_parameter_by_code(void **state)
{
    (void)state;
    dgs_ruleset *rs;
    dgs_error e;
    int outcome;
    /* A1.06.b reading 或: fees 20万 and price 2亿 give 10万 (fees) or 100万 (price); higher by default. */
    assert_int_equal(award_of(base, "A1.06.b", "2025-03-01", NULL, "intermediary_fees", "200000", "contract_price", "200000000", NULL), 100000000);
    assert_int_equal(dgs_ruleset_set_parameter(base, "A1.06.b", "reading_either_or", "fees", NULL, NULL, "test", &rs, &e), DGS_OK);
    assert_int_equal(award_of(rs, "A1.06.b", "2025-03-01", &outcome, "intermediary_fees", "200000", "contract_price", "200000000", NULL), 10000000);
    dgs_ruleset_free(rs);
    assert_int_equal(dgs_ruleset_set_parameter(base, "A1.06.b", "nope", "1", NULL, NULL, NULL, &rs, &e), DGS_E_UNKNOWN_PARAMETER);
    assert_int_equal(dgs_ruleset_set_parameter(base, "Z", "cap", "1", NULL, NULL, NULL, &rs, &e), DGS_E_UNKNOWN_MEASURE);
    assert_int_equal(dgs_ruleset_set_parameter(base, "A1.06.b", "cap", "1.001", NULL, NULL, NULL, &rs, &e), DGS_E_VALUE);
    assert_int_equal(dgs_ruleset_set_parameter(base, "A1.06.b", "cap", "-1", NULL, NULL, NULL, &rs, &e), DGS_E_NEGATIVE);
    assert_int_equal(dgs_ruleset_set_parameter(base, "A1.06.b", "ratio_fees", "1:2", NULL, NULL, NULL, &rs, &e), DGS_E_RANGE);
    assert_int_equal(dgs_ruleset_set_parameter(base, "A1.06.b", "cap", "1", "2025-13-01", NULL, NULL, &rs, &e), DGS_E_DATE);
    assert_int_equal(dgs_ruleset_set_parameter(base, NULL, "stacking_scope", "everything", NULL, NULL, NULL, &rs, &e), DGS_E_CHOICE);
}

/* Fingerprints differ when, and only when, a value differs. */
static void fingerprints_follow_values(void **state)
{
    (void)state;
    dgs_ruleset *same, *same2, *other, *other_later, *again;
    assert_int_equal(dgs_ruleset_builtin(&again, NULL), DGS_OK);
    assert_string_equal(dgs_ruleset_fingerprint(again), dgs_ruleset_fingerprint(base));
    /* Setting a parameter to its printed value changes nothing. */
    assert_int_equal(dgs_ruleset_set_parameter(base, "A1.07.a", "cap_per_year", "1500000", "2025-01-01", NULL, "ref A", &same, NULL), DGS_OK);
    assert_string_equal(dgs_ruleset_fingerprint(same), dgs_ruleset_fingerprint(base));
    assert_int_equal(dgs_ruleset_set_parameter(base, "A1.07.a", "ratio", "0.05", NULL, NULL, "ref B", &same2, NULL), DGS_OK);
    assert_string_equal(dgs_ruleset_fingerprint(same2), dgs_ruleset_fingerprint(base));
    /* A different value, or the same value from another date, differs. */
    assert_int_equal(dgs_ruleset_set_parameter(base, "A1.07.a", "cap_per_year", "1500000.01", "2025-01-01", NULL, NULL, &other, NULL), DGS_OK);
    assert_string_not_equal(dgs_ruleset_fingerprint(other), dgs_ruleset_fingerprint(base));
    assert_int_equal(dgs_ruleset_set_parameter(base, "A1.07.a", "cap_per_year", "1500000.01", "2025-02-01", NULL, NULL, &other_later, NULL), DGS_OK);
    assert_string_not_equal(dgs_ruleset_fingerprint(other_later), dgs_ruleset_fingerprint(other));
    assert_string_equal(strlen(dgs_ruleset_fingerprint(base)) == 16 ? "16" : "?", "16");
    dgs_ruleset_free(again);
    dgs_ruleset_free(same);
    dgs_ruleset_free(same2);
    dgs_ruleset_free(other);
    dgs_ruleset_free(other_later);
}

/* Regressions of findings of the reliability checks (docs/reliability.md). */

/* A parameter a formula divides by cannot be set to 0. */
static void zero_divisor_is_refused(void **state)
{
    (void)state;
    dgs_ruleset *rs;
    dgs_error e;
    assert_int_equal(dgs_ruleset_set_parameter(base, "A4.03.b", "increment_step", "0", NULL, NULL, NULL, &rs, &e), DGS_E_RANGE);
    expect_refused("{\"changes\": [\n {\"measure\": \"A4.03.b\", \"parameter\": \"increment_step\", \"value\": \"0\"}]}",
                   2, "more than 0");
}

/* The fingerprint sees every dated value, however many: 40 monthly changes
 * that differ only in the last. */
static void fingerprint_sees_every_change(void **state)
{
    (void)state;
    char a[8192], b[8192];
    for (int k = 0; k < 2; k++) {
        char *g = k ? b : a;
        size_t len = (size_t)sprintf(g, "{\"changes\": [");
        for (int i = 0; i < 40; i++)
            len += (size_t)sprintf(g + len, "%s{\"measure\": \"A1.10.a\", \"parameter\": \"cap_per_year\", \"value\": %d,"
                                            " \"from\": \"%04d-%02d-01\", \"until\": \"%04d-%02d-28\"}",
                                   i ? "," : "", i == 39 ? (k ? 2700000 : 2500000) : 2000000 + i,
                                   2024 + i / 12, i % 12 + 1, 2024 + i / 12, i % 12 + 1);
        sprintf(g + len, "]}");
    }
    dgs_ruleset *ra, *rb;
    assert_int_equal(apply(a, &ra, NULL), DGS_OK);
    assert_int_equal(apply(b, &rb, NULL), DGS_OK);
    assert_string_not_equal(dgs_ruleset_fingerprint(ra), dgs_ruleset_fingerprint(rb));
    dgs_ruleset_free(ra);
    dgs_ruleset_free(rb);
}

/* A guideline of many changes applies in n log n: 20,000 one-day changes to
 * one parameter, and an overlap among them is still found. */
static void large_guideline(void **state)
{
    (void)state;
    size_t n = 20000, cap = n * 128 + 64;
    char *g = malloc(cap);
    assert_non_null(g);
    size_t len = (size_t)sprintf(g, "{\"changes\": [");
    for (size_t i = 0; i < n; i++) {
        char day[32];
        int32_t d = 19738 + (int32_t)i;
        /* the date text of day d */
        int64_t z = (int64_t)d + 719468, era = z / 146097, doe = z - era * 146097;
        int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365, y = yoe + era * 400;
        int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100), mp = (5 * doy + 2) / 153;
        int dd = (int)(doy - (153 * mp + 2) / 5 + 1), mm = (int)(mp < 10 ? mp + 3 : mp - 9);
        snprintf(day, sizeof day, "%04d-%02d-%02d", (int)(y + (mm <= 2)), mm, dd);
        len += (size_t)snprintf(g + len, cap - len, "%s{\"measure\": \"A4.09.e\", \"parameter\": \"cap\", \"value\": %zu, "
                                                    "\"from\": \"%s\", \"until\": \"%s\"}", i ? ",\n" : "\n", 5000 + i, day, day);
    }
    snprintf(g + len, cap - len, "]}");
    dgs_ruleset *rs;
    dgs_error e;
    assert_int_equal(dgs_ruleset_apply_guideline(base, g, strlen(g), "big.json", &rs, &e), DGS_OK);
    dgs_ruleset_free(rs);
    /* The last change made to overlap the first: refused, naming the later line. */
    char *last = strrchr(g, '{');
    char *until = strstr(last, "\"until\": \"");
    memcpy(until + 10, "2024-01-16", 10);
    memcpy(strstr(last, "\"from\": \"") + 9, "2024-01-16", 10);
    assert_int_equal(dgs_ruleset_apply_guideline(base, g, strlen(g), "big.json", &rs, &e), DGS_E_GUIDELINE);
    assert_non_null(strstr(e.message, "overlap"));
    assert_int_equal(e.reason, 20001);
    free(g);
}

/* The text of day d (days since 1970-01-01). */
static void day_text(int32_t d, char *day, size_t size)
{
    int64_t z = (int64_t)d + 719468, era = z / 146097, doe = z - era * 146097;
    int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365, y = yoe + era * 400;
    int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100), mp = (5 * doy + 2) / 153;
    int dd = (int)(doy - (153 * mp + 2) / 5 + 1), mm = (int)(mp < 10 ? mp + 3 : mp - 9);
    snprintf(day, size, "%04d-%02d-%02d", (int)(y + (mm <= 2)), mm, dd);
}

/* The value of A1.07.a's parameter `name` in force at `date`, as text. */
static void value_at(const dgs_ruleset *rs, const char *name, const char *date, char *buf, size_t size)
{
    const dgs_measure *m = dgs_ruleset_find(rs, "A1.07.a");
    for (size_t i = 0; i < dgs_measure_parameter_count(m); i++)
        if (strcmp(dgs_measure_parameter_name(m, i), name) == 0) {
            char *text = NULL;
            assert_int_equal(dgs_measure_parameter_text(m, i, date, &text, NULL, NULL), DGS_OK);
            snprintf(buf, size, "%s", text);
            dgs_free(text);
            return;
        }
    fail_msg("no parameter %s", name);
}

static double seconds_since(const struct timespec *t0)
{
    struct timespec t1;
    clock_gettime(CLOCK_MONOTONIC, &t1);
    return (double)(t1.tv_sec - t0->tv_sec) + (double)(t1.tv_nsec - t0->tv_nsec) / 1e9;
}

/* A guideline of n one-day changes of A1.07.a's cap_per_year, values under
 * the text's 150 万元. */
static char *one_day_changes(size_t n)
{
    size_t cap = n * 160 + 64;
    char *g = malloc(cap);
    assert_non_null(g);
    size_t len = (size_t)snprintf(g, cap, "{\"changes\": [");
    for (size_t i = 0; i < n; i++) {
        char day[32];
        day_text(19738 + (int32_t)i, day, sizeof day);
        len += (size_t)snprintf(g + len, cap - len, "%s{\"measure\": \"A1.07.a\", \"parameter\": \"cap_per_year\", "
                                "\"value\": \"%zu\", \"from\": \"%s\", \"until\": \"%s\"}", i ? ",\n" : "\n",
                                1000000 + i % 1000, day, day);
    }
    snprintf(g + len, cap - len, "]}");
    return g;
}

/* Seconds to apply g to base, best of `runs`. */
static double apply_seconds(const char *g, int runs, dgs_ruleset **out)
{
    double best = 1e9;
    for (int k = 0; k < runs; k++) {
        dgs_ruleset *rs;
        dgs_error e;
        struct timespec t0;
        clock_gettime(CLOCK_MONOTONIC, &t0);
        if (dgs_ruleset_apply_guideline(base, g, strlen(g), "big.json", &rs, &e) != DGS_OK)
            fail_msg("%s", e.message);
        double s = seconds_since(&t0);
        best = s < best ? s : best;
        if (out && k == runs - 1)
            *out = rs;
        else
            dgs_ruleset_free(rs);
    }
    return best;
}

/* 100,000 one-day changes of one parameter apply in time proportional to
 * their number (160,000 once took 15 s in a quadratic fingerprint): against
 * 1,000 changes on the same machine, 100 times the changes must take less
 * than 1,000 times as long (linear is 100, n log n about 170, quadratic
 * 10,000), which holds under valgrind and sanitizers too.  Every day then
 * has its own value, and the day after the last change is back to the
 * printed value. */
static void hundred_thousand_changes(void **state)
{
    (void)state;
    const size_t n = 100000;
    char *small = one_day_changes(1000), *g = one_day_changes(n);
    double t_small = apply_seconds(small, 5, NULL);
    dgs_ruleset *rs = NULL;
    double took = apply_seconds(g, 1, &rs);
    print_message("guideline: 1,000 changes %.4f s, 100,000 changes %.3f s (×%.0f)\n", t_small, took, took / t_small);
    if (took > 1000 * t_small && took > 1.0)
        fail_msg("applying %zu changes took %.3f s, %.0f times the %.4f s of 1,000", n, took, took / t_small, t_small);
    if (took > 600)
        fail_msg("applying %zu changes took %.1f s", n, took);
    char day[32], v[64], want[64];
    for (size_t i = 0; i < n; i += 997) {
        day_text(19738 + (int32_t)i, day, sizeof day);
        value_at(rs, "cap_per_year", day, v, sizeof v);
        snprintf(want, sizeof want, "%zu.00", 1000000 + i % 1000);
        assert_string_equal(v, want);
    }
    value_at(rs, "cap_per_year", "2024-01-15", v, sizeof v);
    assert_string_equal(v, "1500000.00");
    day_text(19738 + (int32_t)n, day, sizeof day);
    value_at(rs, "cap_per_year", day, v, sizeof v);
    assert_string_equal(v, "1500000.00");
    /* Evaluation reads the day's value: 28,000,000 financed, 5% = 1,400,000, capped at the day's cap. */
    int outcome;
    day_text(19738 + 5, day, sizeof day);
    assert_int_equal(award_of(rs, "A1.07.a", day, &outcome, "financed_amount", "28000000", "interest_paid", "2000000", NULL),
                     100000500);
    dgs_ruleset_free(rs);
    free(g);
    free(small);
}

/* A later guideline overrides an earlier one only where its dates apply:
 * 2025 at 1,200,000, then June 2025 at 1,000,000 on top of it. */
static void later_guideline_overrides_where_it_applies(void **state)
{
    (void)state;
    dgs_ruleset *g1, *g2;
    dgs_error e;
    const char *a = "{\"changes\": [{\"measure\": \"A1.07.a\", \"parameter\": \"cap_per_year\", \"value\": \"1200000\","
                    " \"from\": \"2025-01-01\", \"until\": \"2025-12-31\"}]}";
    const char *b = "{\"changes\": [{\"measure\": \"A1.07.a\", \"parameter\": \"cap_per_year\", \"value\": \"1000000\","
                    " \"from\": \"2025-06-01\", \"until\": \"2025-06-30\"}]}";
    assert_int_equal(dgs_ruleset_apply_guideline(base, a, strlen(a), "a.json", &g1, &e), DGS_OK);
    assert_int_equal(dgs_ruleset_apply_guideline(g1, b, strlen(b), "b.json", &g2, &e), DGS_OK);
    static const char *const cases[][2] = {
        {"2024-12-31", "1500000.00"}, {"2025-01-01", "1200000.00"}, {"2025-05-31", "1200000.00"},
        {"2025-06-01", "1000000.00"}, {"2025-06-30", "1000000.00"}, {"2025-07-01", "1200000.00"},
        {"2025-12-31", "1200000.00"}, {"2026-01-01", "1500000.00"},
    };
    char v[64];
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        value_at(g2, "cap_per_year", cases[i][0], v, sizeof v);
        assert_string_equal(v, cases[i][1]);
    }
    dgs_ruleset_free(g1);
    dgs_ruleset_free(g2);
}

/* A value is read whole, however long: 80 zeros before 1500000 are still
 * 1,500,000 (once cut at 63 bytes to 0.00), and a long ratio is 5%. */
static void long_values_are_read_whole(void **state)
{
    (void)state;
    char g[1024], zeros[81], v[64];
    memset(zeros, '0', 80);
    zeros[80] = '\0';
    snprintf(g, sizeof g, "{\"changes\": [{\"measure\": \"A1.07.a\", \"parameter\": \"cap_per_year\", \"value\": \"%s1400000\"},"
             " {\"measure\": \"A1.07.a\", \"parameter\": \"ratio\", \"value\": \"%s4%%\"}]}", zeros, zeros);
    dgs_ruleset *rs;
    dgs_error e;
    assert_int_equal(apply(g, &rs, &e), DGS_OK);
    value_at(rs, "cap_per_year", "2025-01-01", v, sizeof v);
    assert_string_equal(v, "1400000.00");
    value_at(rs, "ratio", "2025-01-01", v, sizeof v);
    assert_string_equal(v, "4%");
    dgs_ruleset_free(rs);
    /* A NUL inside the value is refused, not read up to the NUL. */
    expect_refused("{\"changes\": [\n {\"measure\": \"A1.07.a\", \"parameter\": \"cap_per_year\", \"value\": \"1\\u00009\"}]}", 2,
                   "NUL");
}

#if !defined(_WIN32)   /* FIFOs, /dev/zero, alarm(): POSIX */
static void expect_file_refused(const char *path, int code, const char *needle)
{
    dgs_ruleset *rs = (dgs_ruleset *)1;
    dgs_error e;
    alarm(20);   /* a read that blocks or never ends fails the test */
    assert_int_equal(dgs_ruleset_apply_guideline_file(base, path, &rs, &e), code);
    alarm(0);
    assert_null(rs);
    if (!strstr(e.message, needle))
        fail_msg("message '%s' lacks '%s'", e.message, needle);
}

/* Only regular files are read, up to the stated size; a BOM is accepted. */
static void guideline_files_are_regular_and_bounded(void **state)
{
    (void)state;
    char fifo[64], big[64], bom[64];
    snprintf(fifo, sizeof fifo, "/tmp/dgs-test-fifo-%ld", (long)getpid());
    snprintf(big, sizeof big, "/tmp/dgs-test-big-%ld.json", (long)getpid());
    snprintf(bom, sizeof bom, "/tmp/dgs-test-bom-%ld.json", (long)getpid());
    unlink(fifo);
    assert_int_equal(mkfifo(fifo, 0600), 0);
    expect_file_refused(fifo, DGS_E_IO, "not a regular file");
    unlink(fifo);
    expect_file_refused("/dev/zero", DGS_E_IO, "not a regular file");
    expect_file_refused("/tmp", DGS_E_IO, "a directory");
    /* One byte over the limit (a sparse file: nothing is written). */
    FILE *f = fopen(big, "wb");
    assert_non_null(f);
    assert_int_equal(ftruncate(fileno(f), (off_t)DGS_GUIDELINE_MAX_BYTES + 1), 0);
    fclose(f);
    expect_file_refused(big, DGS_E_GUIDELINE, "over the limit");
    unlink(big);
    f = fopen(bom, "wb");
    assert_non_null(f);
    fputs("\xEF\xBB\xBF{\"changes\": [{\"measure\": \"A1.07.a\", \"parameter\": \"cap_per_year\", \"value\": \"1000000\"}]}", f);
    fclose(f);
    dgs_ruleset *rs;
    dgs_error e;
    assert_int_equal(dgs_ruleset_apply_guideline_file(base, bom, &rs, &e), DGS_OK);
    char v[64];
    value_at(rs, "cap_per_year", NULL, v, sizeof v);
    assert_string_equal(v, "1000000.00");
    dgs_ruleset_free(rs);
    unlink(bom);
}
#else
static void guideline_files_are_regular_and_bounded(void **state)
{
    (void)state;
    skip();
}
#endif

/* A value above the text's own maximum (不超过 5%, 最高 150 万元) is refused
 * unless the change declares it with its reference; a result that uses it
 * shows the original clause beside the guideline's article, and its JSON
 * says so. */
static void beyond_the_text_only_when_declared(void **state)
{
    (void)state;
    expect_refused("{\"changes\": [\n {\"measure\": \"A1.07.a\", \"parameter\": \"ratio\", \"value\": \"6%\", \"reference\": \"指南第三条\"}]}",
                   2, "原文：不超过融资租赁合同融资额的 5%");
    expect_refused("{\"changes\": [\n {\"measure\": \"A1.07.a\", \"parameter\": \"cap_per_year\", \"value\": \"2000000\"}]}",
                   2, "exceeds_text");
    expect_refused("{\"changes\": [\n {\"measure\": \"A1.07.a\", \"parameter\": \"ratio\", \"value\": \"6%\", \"exceeds_text\": true}]}",
                   2, "needs its \"reference\"");
    expect_refused("{\"changes\": [\n {\"measure\": \"A1.07.a\", \"parameter\": \"ratio\", \"value\": \"4%\", \"reference\": \"r\", \"exceeds_text\": true}]}",
                   2, "within the text's limit");
    expect_refused("{\"changes\": [\n {\"measure\": \"A1.07.a\", \"parameter\": \"ratio\", \"value\": \"6%\", \"reference\": \"r\", \"exceeds_text\": \"yes\"}]}",
                   2, "true or false");
    /* At the printed value or below: no declaration needed. */
    dgs_ruleset *rs;
    dgs_error e;
    assert_int_equal(apply("{\"changes\": [{\"measure\": \"A1.07.a\", \"parameter\": \"ratio\", \"value\": \"5%\"},"
                           " {\"measure\": \"A1.07.a\", \"parameter\": \"cap_per_year\", \"value\": \"1000000\"}]}", &rs, &e), DGS_OK);
    dgs_ruleset_free(rs);

    /* Declared: 10,000,000 financed × 6% = 600,000 (the text's 5% gives 500,000). */
    assert_int_equal(apply("{\"changes\": [{\"measure\": \"A1.07.a\", \"parameter\": \"ratio\", \"value\": \"6%\","
                           " \"from\": \"2025-01-01\", \"reference\": \"指南第三条\", \"exceeds_text\": true}]}", &rs, &e), DGS_OK);
    assert_int_equal(award_of(rs, "A1.07.a", "2025-03-01", NULL, "financed_amount", "10000000", "interest_paid", "1000000", NULL),
                     60000000);
    dgs_case *c;
    dgs_result *r;
    char *text;
    assert_int_equal(dgs_case_new(dgs_ruleset_find(rs, "A1.07.a"), &c, &e), DGS_OK);
    assert_int_equal(dgs_case_set_date(c, "2025-03-01", &e), DGS_OK);
    assert_int_equal(dgs_case_set_text(c, "financed_amount", "10000000", &e), DGS_OK);
    assert_int_equal(dgs_case_set_text(c, "interest_paid", "1000000", &e), DGS_OK);
    assert_int_equal(dgs_evaluate(c, &r, &e), DGS_OK);
    assert_int_equal(dgs_result_render(r, DGS_FORMAT_TEXT, DGS_LANG_ZH, &text, &e), DGS_OK);
    if (!strstr(text, "原文：不超过融资租赁合同融资额的 5%；指南第三条：6%"))
        fail_msg("%s", text);
    dgs_free(text);
    assert_int_equal(dgs_result_render(r, DGS_FORMAT_JSON, DGS_LANG_ZH, &text, &e), DGS_OK);
    json_t *j = json_loads(text, 0, NULL), *ratio_step = NULL, *steps = json_object_get(j, "steps");
    assert_non_null(j);
    assert_true(json_is_true(json_object_get(j, "exceeds_text")));   /* the result */
    for (size_t k = 0; k < json_array_size(steps); k++) {
        json_t *st = json_array_get(steps, k);
        if (strcmp(json_string_value(json_object_get(st, "source")), "ratio") == 0)
            ratio_step = st;
        else   /* the other steps used the text's own values */
            assert_null(json_object_get(st, "exceeds_text"));
    }
    assert_non_null(ratio_step);
    assert_true(json_is_true(json_object_get(ratio_step, "exceeds_text")));
    assert_string_equal(json_string_value(json_object_get(ratio_step, "reference")), "指南第三条");
    assert_string_equal(json_string_value(json_object_get(ratio_step, "text")), "不超过融资租赁合同融资额的 5%");
    json_decref(j);
    dgs_free(text);
    dgs_result_free(r);
    /* Before the change's date the text's 5% applies, unflagged. */
    assert_int_equal(dgs_case_set_date(c, "2024-12-31", &e), DGS_OK);
    assert_int_equal(dgs_evaluate(c, &r, &e), DGS_OK);
    assert_int_equal(dgs_result_award(r), 50000000);
    assert_int_equal(dgs_result_render(r, DGS_FORMAT_JSON, DGS_LANG_ZH, &text, &e), DGS_OK);
    j = json_loads(text, 0, NULL);
    assert_non_null(j);
    assert_true(json_is_false(json_object_get(j, "exceeds_text")));
    assert_null(strstr(text, "\"exceeds_text\": true"));
    json_decref(j);
    dgs_free(text);
    dgs_result_free(r);
    dgs_case_free(c);
    dgs_ruleset_free(rs);

    /* The what-if path accepts it, and marks it the same way. */
    assert_int_equal(dgs_ruleset_set_parameter(base, "A1.07.a", "cap_per_year", "2000000", NULL, NULL, "reform", &rs, &e), DGS_OK);
    assert_int_equal(dgs_case_new(dgs_ruleset_find(rs, "A1.07.a"), &c, &e), DGS_OK);
    assert_int_equal(dgs_case_set_date(c, "2025-03-01", &e), DGS_OK);
    assert_int_equal(dgs_case_set_text(c, "financed_amount", "30000000", &e), DGS_OK);
    assert_int_equal(dgs_case_set_text(c, "interest_paid", "3000000", &e), DGS_OK);
    assert_int_equal(dgs_evaluate(c, &r, &e), DGS_OK);
    assert_int_equal(dgs_result_award(r), 150000000);   /* 5% of 30,000,000 = 1,500,000 under the raised cap */
    assert_int_equal(dgs_result_render(r, DGS_FORMAT_TEXT, DGS_LANG_EN, &text, &e), DGS_OK);
    if (!strstr(text, "original: 每年最高贴息 150 万元; reform: CNY 2,000,000.00"))
        fail_msg("%s", text);
    dgs_free(text);
    dgs_result_free(r);
    dgs_case_free(c);
    dgs_ruleset_free(rs);
}

/* Which parameters have a maximum in the text is data: the flag is set
 * exactly where the clause's phrase says 最高, 不超过, 不高于 or 上限. */
static void text_maxima_are_marked_where_the_phrase_says_so(void **state)
{
    (void)state;
    size_t marked = 0;
    for (size_t i = 0; i < dgs_catalog_count; i++) {
        const measure_spec *spec = dgs_catalog[i].spec;
        for (size_t k = 0; spec && k < spec->n_params; k++) {
            const param_def *p = &spec->params[k];
            bool says = strstr(p->phrase, "最高") || strstr(p->phrase, "不超过") || strstr(p->phrase, "不高于") ||
                        strstr(p->phrase, "上限");
            bool numeric = p->type == DGS_TYPE_MONEY || p->type == DGS_TYPE_RATIO || p->type == DGS_TYPE_COUNT ||
                           p->type == DGS_TYPE_AREA;
            bool flagged = (p->flags & P_TEXT_MAX) != 0;
            if (flagged != (says && numeric && !(p->flags & P_UNSET)))
                fail_msg("%s.%s: P_TEXT_MAX %s, phrase '%s'", dgs_catalog[i].id, p->name, flagged ? "set" : "not set", p->phrase);
            marked += flagged;
        }
    }
    assert_true(marked >= 80);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(cap_changes_mid_year),
        cmocka_unit_test(unspecified_measure_becomes_computable),
        cmocka_unit_test(reading_and_validity_set_by_guideline),
        cmocka_unit_test(malformed_guidelines_are_refused),
        cmocka_unit_test(guideline_file_names_the_file),
        cmocka_unit_test(set_parameter_by_code),
        cmocka_unit_test(fingerprints_follow_values),
        cmocka_unit_test(zero_divisor_is_refused),
        cmocka_unit_test(fingerprint_sees_every_change),
        cmocka_unit_test(large_guideline),
        cmocka_unit_test(hundred_thousand_changes),
        cmocka_unit_test(later_guideline_overrides_where_it_applies),
        cmocka_unit_test(long_values_are_read_whole),
        cmocka_unit_test(guideline_files_are_regular_and_bounded),
        cmocka_unit_test(beyond_the_text_only_when_declared),
        cmocka_unit_test(text_maxima_are_marked_where_the_phrase_says_so),
    };
    return cmocka_run_group_tests_name("guideline", tests, setup, teardown);
}
