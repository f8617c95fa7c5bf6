/* Core: exact money, ratios, dates, status codes — no policy knowledge. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

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
    };
    return cmocka_run_group_tests_name("core", tests, NULL, NULL);
}
