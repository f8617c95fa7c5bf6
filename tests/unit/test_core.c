/* SPDX-License-Identifier: MulanPSL-2.0 */
/* Core: exact money, ratios, dates, status codes — no policy knowledge. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <jansson.h>

#include "core/number.h"
#include "dgsubsidy/dgsubsidy.h"

static void money_parse_reads_yuan_into_fen(void **state)
{
    (void)state;
    dgs_fen_t v;
    dgs_error e;
    assert_int_equal(dgs_money_parse("33333.33", &v, &e), DGS_OK);
    assert_int_equal(v, 3333333);
    assert_int_equal(dgs_money_parse("0", &v, &e), DGS_OK);
    assert_int_equal(v, 0);
    assert_int_equal(dgs_money_parse("0.01", &v, &e), DGS_OK);
    assert_int_equal(v, 1);
    assert_int_equal(dgs_money_parse("1500000", &v, &e), DGS_OK);
    assert_int_equal(v, 150000000);
    assert_int_equal(dgs_money_parse("7.5", &v, &e), DGS_OK);
    assert_int_equal(v, 750);
    /* 2^63 − 1 fen is the largest amount. */
    assert_int_equal(dgs_money_parse("92233720368547758.07", &v, &e), DGS_OK);
    assert_int_equal(v, INT64_MAX);
}

static void money_parse_refuses_what_is_not_exact(void **state)
{
    (void)state;
    dgs_fen_t v = 42;
    dgs_error e;
    assert_int_equal(dgs_money_parse("1.005", &v, &e), DGS_E_VALUE);
    assert_non_null(strstr(e.message, "two decimals"));
    assert_int_equal(dgs_money_parse("-1", &v, &e), DGS_E_NEGATIVE);
    assert_non_null(strstr(e.message, "negative"));
    assert_int_equal(dgs_money_parse("92233720368547758.08", &v, &e), DGS_E_OVERFLOW);
    assert_int_equal(dgs_money_parse("1e6", &v, &e), DGS_E_VALUE);
    assert_int_equal(dgs_money_parse("", &v, &e), DGS_E_VALUE);
    assert_int_equal(dgs_money_parse(".5", &v, &e), DGS_E_VALUE);
    assert_int_equal(dgs_money_parse("5.", &v, &e), DGS_E_VALUE);
    assert_int_equal(dgs_money_parse("1,000", &v, &e), DGS_E_VALUE);
    assert_int_equal(dgs_money_parse(NULL, &v, &e), DGS_E_INVALID_ARGUMENT);
    assert_int_equal(v, 42); /* untouched on failure */
}

static void money_format_writes_two_decimals(void **state)
{
    (void)state;
    char buf[32];
    assert_string_equal(dgs_money_format(3333333, buf, sizeof buf), "33333.33");
    assert_string_equal(dgs_money_format(0, buf, sizeof buf), "0.00");
    assert_string_equal(dgs_money_format(1, buf, sizeof buf), "0.01");
    assert_string_equal(dgs_money_format(INT64_MAX, buf, sizeof buf), "92233720368547758.07");
    assert_string_equal(dgs_decimal_format(150000000, 2, true, buf, sizeof buf), "1,500,000.00");
    assert_string_equal(dgs_decimal_format(-150, 2, true, buf, sizeof buf), "-1.50");
}

static void ratio_parse_is_exact(void **state)
{
    (void)state;
    int64_t n, d;
    assert_int_equal(dgs_ratio_parse("5%", &n, &d), 0);
    assert_int_equal(n, 1), assert_int_equal(d, 20);
    assert_int_equal(dgs_ratio_parse("0.5%", &n, &d), 0);
    assert_int_equal(n, 1), assert_int_equal(d, 200);
    assert_int_equal(dgs_ratio_parse("0.05", &n, &d), 0);
    assert_int_equal(n, 1), assert_int_equal(d, 20);
    /* 1:0.5 — upstream : city, so the city pays half. */
    assert_int_equal(dgs_ratio_parse("1:0.5", &n, &d), 0);
    assert_int_equal(n, 1), assert_int_equal(d, 2);
    assert_int_equal(dgs_ratio_parse("1:3", &n, &d), 0);
    assert_int_equal(n, 3), assert_int_equal(d, 1);
    assert_int_equal(dgs_ratio_parse("1/3", &n, &d), 0);
    assert_int_equal(n, 1), assert_int_equal(d, 3);
    assert_int_equal(dgs_ratio_parse("-5%", &n, &d), DGS_E_NEGATIVE);
    assert_int_equal(dgs_ratio_parse("five", &n, &d), DGS_E_VALUE);
    assert_int_equal(dgs_ratio_parse("0:1", &n, &d), DGS_E_VALUE); /* no upstream funds to match */
    assert_int_equal(dgs_ratio_parse("1/0", &n, &d), DGS_E_VALUE);
    char buf[32];
    assert_string_equal(dgs_ratio_format(1, 200, buf, sizeof buf), "0.5%");
    assert_string_equal(dgs_ratio_format(3, 1, buf, sizeof buf), "300%");
    assert_string_equal(dgs_ratio_format(1, 3, buf, sizeof buf), "1/3");
}

static void ratio_product_floors_to_the_fen(void **state)
{
    (void)state;
    int64_t v;
    /* 5% of 333.33 yuan = 16.6665 → 16.66 (不超过: never a fen more). */
    assert_true(dgs_mul_ratio_floor(33333, 1, 20, &v));
    assert_int_equal(v, 1666);
    /* The product is taken in 128 bits: only the result may overflow. */
    assert_true(dgs_mul_ratio_floor(INT64_MAX, 1, 2, &v));
    assert_int_equal(v, INT64_MAX / 2);
    assert_false(dgs_mul_ratio_floor(INT64_MAX, 3, 1, &v));
    int64_t s;
    assert_false(dgs_add_checked(INT64_MAX, 1, &s));
    assert_false(dgs_mul_checked(INT64_MAX / 2 + 1, 2, &s));
}

static void dates_are_strict(void **state)
{
    (void)state;
    int32_t d;
    char buf[16];
    assert_int_equal(dgs_date_parse("1970-01-01", &d), 0);
    assert_int_equal(d, 0);
    assert_int_equal(dgs_date_parse("2024-01-16", &d), 0);
    assert_int_equal(d, 19738);
    assert_string_equal(dgs_date_format(d, buf, sizeof buf), "2024-01-16");
    assert_int_equal(dgs_date_parse("2027-01-15", &d), 0);
    assert_int_equal(d, 20833);
    assert_int_equal(dgs_date_parse("2024-02-29", &d), 0);       /* leap year */
    assert_int_equal(dgs_date_parse("2025-02-29", &d), DGS_E_DATE);
    assert_int_equal(dgs_date_parse("1900-02-29", &d), DGS_E_DATE);  /* not a leap year */
    assert_int_equal(dgs_date_parse("2000-02-29", &d), 0);           /* a leap year */
    assert_int_equal(dgs_date_parse("2025-13-01", &d), DGS_E_DATE);
    assert_int_equal(dgs_date_parse("2025-04-31", &d), DGS_E_DATE);
    assert_int_equal(dgs_date_parse("2025-4-1", &d), DGS_E_DATE);
    assert_int_equal(dgs_date_parse("20250401", &d), DGS_E_DATE);
    assert_int_equal(dgs_date_parse("2025-04-01T00", &d), DGS_E_DATE);
    assert_int_equal(dgs_date_parse("", &d), DGS_E_DATE);
    assert_int_equal(dgs_date_parse(NULL, &d), DGS_E_DATE);
    for (int32_t x = -800000; x < 3000000; x += 997) {
        dgs_date_format(x, buf, sizeof buf);
        int32_t y;
        if (dgs_date_parse(buf, &y) == 0)
            assert_int_equal(x, y);
    }
}

static void status_codes_have_names(void **state)
{
    (void)state;
    assert_string_equal(dgs_status_name(DGS_OK), "DGS_OK");
    assert_string_equal(dgs_status_name(DGS_E_OVERFLOW), "DGS_E_OVERFLOW");
    assert_string_equal(dgs_status_name(DGS_E_NOT_SUPPORTED), "DGS_E_NOT_SUPPORTED");
    assert_string_equal(dgs_status_name(-999), "DGS_E_UNKNOWN");
    assert_string_equal(dgs_status_name(5), "DGS_E_UNKNOWN");
    assert_string_equal(dgs_outcome_name(DGS_OUTCOME_GRANTED), "granted");
    assert_string_equal(dgs_outcome_name(DGS_OUTCOME_INVALID), "invalid");
    assert_null(dgs_outcome_name(99));
    assert_string_equal(dgs_kind_name(DGS_KIND_PRICE_OR_QUOTA), "price_or_quota");
    assert_null(dgs_kind_name(0));
    assert_string_equal(dgs_type_name(DGS_TYPE_MONEY_LIST), "money_list");
}

static void version_matches_the_headers(void **state)
{
    (void)state;
    assert_string_equal(dgs_version_string(), DGS_VERSION_STRING);
    assert_int_equal(dgs_version_number(), DGS_VERSION_NUMBER);
    assert_int_equal(DGS_VERSION_NUMBER, 10100);
}

/* Long ratio text is read whole (no copy into a fixed buffer). */
static void long_ratio_text_is_read_whole(void **state)
{
    (void)state;
    char text[200];
    int64_t num, den;
    memset(text, '0', 150);
    snprintf(text + 150, sizeof text - 150, "5%%");
    assert_int_equal(dgs_ratio_parse(text, &num, &den), 0);
    assert_int_equal(num, 1);
    assert_int_equal(den, 20);
    memset(text, '0', 150);
    snprintf(text + 150, sizeof text - 150, "1:0.5");
    assert_int_equal(dgs_ratio_parse(text, &num, &den), 0);
    assert_int_equal(num, 1);
    assert_int_equal(den, 2);
}

/* The name of every code, and of codes that are none, INT_MIN included
 * (negating it would overflow). */
static void status_names_of_extreme_codes(void **state)
{
    (void)state;
    assert_string_equal(dgs_status_name(INT_MIN), "DGS_E_UNKNOWN");
    assert_string_equal(dgs_status_name(INT_MIN + 1), "DGS_E_UNKNOWN");
    assert_string_equal(dgs_status_name(INT_MAX), "DGS_E_UNKNOWN");
    assert_string_equal(dgs_status_name(1), "DGS_E_UNKNOWN");
    assert_string_equal(dgs_status_name(DGS_E_NOT_SUPPORTED), "DGS_E_NOT_SUPPORTED");
    assert_string_equal(dgs_status_name(DGS_E_NOT_SUPPORTED - 1), "DGS_E_UNKNOWN");
    assert_string_equal(dgs_status_name(DGS_OK), "DGS_OK");
}

#define SENTINEL ((void *)&sentinel_target)
static int sentinel_target;

/* Every function with an out parameter leaves *out NULL when it fails,
 * NULL arguments included: a caller who frees *out after an error (or who
 * never initialised it) frees nothing. */
static void out_is_null_after_every_failure(void **state)
{
    (void)state;
    dgs_error e;
    dgs_ruleset *rs = NULL, *derived;
    assert_int_equal(dgs_ruleset_builtin(&rs, &e), DGS_OK);
    const dgs_measure *m = dgs_ruleset_find(rs, "A1.07.a");
    assert_non_null(m);

    /* rulesets */
    derived = SENTINEL;
    assert_int_equal(dgs_ruleset_apply_guideline(NULL, "{}", 2, NULL, &derived, &e), DGS_E_INVALID_ARGUMENT);
    assert_null(derived);
    derived = SENTINEL;
    assert_int_equal(dgs_ruleset_apply_guideline(rs, NULL, 2, NULL, &derived, &e), DGS_E_INVALID_ARGUMENT);
    assert_null(derived);
    derived = SENTINEL;
    assert_int_equal(dgs_ruleset_apply_guideline(rs, "{", 1, NULL, &derived, &e), DGS_E_GUIDELINE);
    assert_null(derived);
    derived = SENTINEL;
    assert_int_equal(dgs_ruleset_apply_guideline_file(NULL, "x.json", &derived, &e), DGS_E_INVALID_ARGUMENT);
    assert_null(derived);
    derived = SENTINEL;
    assert_int_equal(dgs_ruleset_apply_guideline_file(rs, NULL, &derived, &e), DGS_E_INVALID_ARGUMENT);
    assert_null(derived);
    derived = SENTINEL;
    assert_int_equal(dgs_ruleset_apply_guideline_file(rs, "/nonexistent/x.json", &derived, &e), DGS_E_IO);
    assert_null(derived);
    derived = SENTINEL;
    assert_int_equal(dgs_ruleset_set_parameter(NULL, "A1.07.a", "ratio", "4%", NULL, NULL, NULL, &derived, &e),
                     DGS_E_INVALID_ARGUMENT);
    assert_null(derived);
    derived = SENTINEL;
    assert_int_equal(dgs_ruleset_set_parameter(rs, "A1.07.a", NULL, "4%", NULL, NULL, NULL, &derived, &e),
                     DGS_E_INVALID_ARGUMENT);
    assert_null(derived);
    derived = SENTINEL;
    assert_int_equal(dgs_ruleset_set_parameter(rs, "A1.07.a", "ratio", "x", NULL, NULL, NULL, &derived, &e), DGS_E_VALUE);
    assert_null(derived);

    const dgs_measure *found = SENTINEL;
    assert_int_equal(dgs_ruleset_lookup(NULL, "A1.07.a", &found, &e), DGS_E_INVALID_ARGUMENT);
    assert_null(found);
    found = SENTINEL;
    assert_int_equal(dgs_ruleset_lookup(rs, NULL, &found, &e), DGS_E_INVALID_ARGUMENT);
    assert_null(found);
    found = SENTINEL;
    assert_int_equal(dgs_ruleset_lookup(rs, "A9.99.z", &found, &e), DGS_E_UNKNOWN_MEASURE);
    assert_null(found);

    char *text = SENTINEL;
    assert_int_equal(dgs_ruleset_parameter_text(NULL, 0, NULL, &text, &e), DGS_E_INVALID_ARGUMENT);
    assert_null(text);
    text = SENTINEL;
    assert_int_equal(dgs_ruleset_parameter_text(rs, 999, NULL, &text, &e), DGS_E_INVALID_ARGUMENT);
    assert_null(text);
    text = SENTINEL;
    assert_int_equal(dgs_ruleset_parameter_text(rs, 0, "2025-02-30", &text, &e), DGS_E_DATE);
    assert_null(text);
    text = SENTINEL;
    const char *ref = SENTINEL;
    assert_int_equal(dgs_measure_parameter_text(NULL, 0, NULL, &text, &ref, &e), DGS_E_INVALID_ARGUMENT);
    assert_null(text);
    assert_null(ref);
    text = SENTINEL;
    ref = SENTINEL;
    assert_int_equal(dgs_measure_parameter_text(m, 999, NULL, &text, &ref, &e), DGS_E_INVALID_ARGUMENT);
    assert_null(text);
    assert_null(ref);
    text = SENTINEL;
    ref = SENTINEL;
    assert_int_equal(dgs_measure_parameter_text(m, 0, "not a date", &text, &ref, &e), DGS_E_DATE);
    assert_null(text);
    assert_null(ref);

    /* cases and results */
    dgs_case *c = SENTINEL;
    assert_int_equal(dgs_case_new(NULL, &c, &e), DGS_E_INVALID_ARGUMENT);
    assert_null(c);
    dgs_result *r = SENTINEL;
    assert_int_equal(dgs_evaluate(NULL, &r, &e), DGS_E_INVALID_ARGUMENT);
    assert_null(r);
    assert_int_equal(dgs_case_new(m, &c, &e), DGS_OK);
    r = SENTINEL;
    assert_int_equal(dgs_evaluate(c, &r, &e), DGS_E_MISSING_INPUT);   /* no date */
    assert_null(r);
    assert_int_equal(dgs_case_set_date(c, "2025-03-01", &e), DGS_OK);
    r = SENTINEL;
    assert_int_equal(dgs_evaluate(c, &r, &e), DGS_E_MISSING_INPUT);   /* no financed amount */
    assert_null(r);
    assert_int_equal(dgs_case_set_text(c, "financed_amount", "28000000", &e), DGS_OK);
    assert_int_equal(dgs_case_set_text(c, "interest_paid", "1200000", &e), DGS_OK);
    assert_int_equal(dgs_evaluate(c, &r, &e), DGS_OK);
    text = SENTINEL;
    assert_int_equal(dgs_result_render(NULL, DGS_FORMAT_JSON, DGS_LANG_ZH, &text, &e), DGS_E_INVALID_ARGUMENT);
    assert_null(text);
    text = SENTINEL;
    assert_int_equal(dgs_result_render(r, 7, DGS_LANG_ZH, &text, &e), DGS_E_INVALID_ARGUMENT);
    assert_null(text);
    text = SENTINEL;
    assert_int_equal(dgs_result_render(r, DGS_FORMAT_TEXT, 9, &text, &e), DGS_E_INVALID_ARGUMENT);
    assert_null(text);

    /* stacking */
    dgs_stack *s = SENTINEL;
    assert_int_equal(dgs_stack_results(NULL, (const dgs_result *const *)&r, 1, NULL, &s, &e), DGS_E_INVALID_ARGUMENT);
    assert_null(s);
    s = SENTINEL;
    assert_int_equal(dgs_stack_results(rs, NULL, 1, NULL, &s, &e), DGS_E_INVALID_ARGUMENT);
    assert_null(s);
    s = SENTINEL;
    dgs_fen_t negative = -1;
    assert_int_equal(dgs_stack_results(rs, (const dgs_result *const *)&r, 1, &negative, &s, &e), DGS_E_NEGATIVE);
    assert_null(s);
    s = SENTINEL;
    assert_int_equal(dgs_stack_claims(NULL, (const dgs_result *const *)&r, NULL, 1, NULL, &s, &e), DGS_E_INVALID_ARGUMENT);
    assert_null(s);
    assert_int_equal(dgs_stack_results(rs, (const dgs_result *const *)&r, 1, NULL, &s, &e), DGS_OK);
    text = SENTINEL;
    assert_int_equal(dgs_stack_render(NULL, DGS_FORMAT_JSON, DGS_LANG_ZH, &text, &e), DGS_E_INVALID_ARGUMENT);
    assert_null(text);
    text = SENTINEL;
    assert_int_equal(dgs_stack_render(s, 7, DGS_LANG_ZH, &text, &e), DGS_E_INVALID_ARGUMENT);
    assert_null(text);

    dgs_stack_free(s);
    dgs_result_free(r);
    dgs_case_free(c);
    dgs_ruleset_free(rs);
}

/* A host allocator for jansson: each block carries a header the C library's
 * free() does not know, so freeing such a block with free() aborts. */
#define HOST_MAGIC 0x686f7374u
static size_t host_blocks;
static void *host_malloc(size_t n)
{
    unsigned char *p = malloc(n + 16);
    if (!p)
        return NULL;
    memcpy(p, &(uint32_t){HOST_MAGIC}, 4);
    host_blocks++;
    return p + 16;
}
static void host_free(void *q)
{
    if (!q)
        return;
    unsigned char *p = (unsigned char *)q - 16;
    uint32_t magic;
    memcpy(&magic, p, 4);
    if (magic != HOST_MAGIC)
        abort();
    host_blocks--;
    free(p);
}

/* dgs_free() frees only the library's own allocations: JSON text is the
 * library's even when the host gave jansson its own allocator. */
static void dgs_free_with_a_host_allocator_for_jansson(void **state)
{
    (void)state;
    dgs_ruleset *rs;
    dgs_case *c;
    dgs_result *r;
    dgs_stack *s;
    char *text;
    assert_int_equal(dgs_ruleset_builtin(&rs, NULL), DGS_OK);
    assert_int_equal(dgs_case_new(dgs_ruleset_find(rs, "A1.07.a"), &c, NULL), DGS_OK);
    assert_int_equal(dgs_case_set_date(c, "2025-03-01", NULL), DGS_OK);
    assert_int_equal(dgs_case_set_text(c, "financed_amount", "28000000", NULL), DGS_OK);
    assert_int_equal(dgs_case_set_text(c, "interest_paid", "1200000", NULL), DGS_OK);
    assert_int_equal(dgs_evaluate(c, &r, NULL), DGS_OK);
    assert_int_equal(dgs_stack_results(rs, (const dgs_result *const *)&r, 1, NULL, &s, NULL), DGS_OK);

    json_set_alloc_funcs(host_malloc, host_free);
    host_blocks = 0;
    assert_int_equal(dgs_result_render(r, DGS_FORMAT_JSON, DGS_LANG_EN, &text, NULL), DGS_OK);
    assert_non_null(strstr(text, "\"award\": \"1200000.00\""));
    dgs_free(text);
    assert_int_equal(dgs_stack_render(s, DGS_FORMAT_JSON, DGS_LANG_EN, &text, NULL), DGS_OK);
    assert_non_null(strstr(text, "\"total_fen\": 120000000"));
    dgs_free(text);
    const char *g = "{\"changes\": [{\"measure\": \"A1.07.a\", \"parameter\": \"ratio\", \"value\": \"4%\"}]}";
    dgs_ruleset *derived;
    assert_int_equal(dgs_ruleset_apply_guideline(rs, g, strlen(g), NULL, &derived, NULL), DGS_OK);
    dgs_ruleset_free(derived);
    assert_int_equal(host_blocks, 0);   /* jansson gave back all it took */
    json_set_alloc_funcs(malloc, free);

    dgs_stack_free(s);
    dgs_result_free(r);
    dgs_case_free(c);
    dgs_ruleset_free(rs);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(money_parse_reads_yuan_into_fen),
        cmocka_unit_test(money_parse_refuses_what_is_not_exact),
        cmocka_unit_test(money_format_writes_two_decimals),
        cmocka_unit_test(ratio_parse_is_exact),
        cmocka_unit_test(ratio_product_floors_to_the_fen),
        cmocka_unit_test(dates_are_strict),
        cmocka_unit_test(status_codes_have_names),
        cmocka_unit_test(version_matches_the_headers),
        cmocka_unit_test(long_ratio_text_is_read_whole),
        cmocka_unit_test(status_names_of_extreme_codes),
        cmocka_unit_test(out_is_null_after_every_failure),
        cmocka_unit_test(dgs_free_with_a_host_allocator_for_jansson),
    };
    return cmocka_run_group_tests_name("core", tests, NULL, NULL);
}
