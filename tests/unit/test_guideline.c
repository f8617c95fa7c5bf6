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

#include "dgsubsidy/dgsubsidy.h"

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
                   " {\"measure\": \"A4.09.a\", \"parameter\": \"cap_per_year\", \"value\": 600000, \"from\": \"2025-01-01\", \"until\": \"2025-12-31\"},\n"
                   " {\"measure\": \"A4.09.a\", \"parameter\": \"cap_per_year\", \"value\": 700000, \"from\": \"2025-06-01\"}]}",
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
                                   i ? "," : "", i == 39 ? (k ? 7000000 : 5000000) : 3000000 + i,
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
                                                    "\"from\": \"%s\", \"until\": \"%s\"}", i ? ",\n" : "\n", 30000 + i, day, day);
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
    };
    return cmocka_run_group_tests_name("guideline", tests, setup, teardown);
}
