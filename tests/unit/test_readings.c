/* SPDX-License-Identifier: MulanPSL-2.0 */
/* Every reading switch, with the worked example of each reading that
 * docs/interpretation.md gives. */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
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

/* The ruleset with one reading switched (measure NULL: ruleset-wide). */
static dgs_ruleset *with(const char *measure, const char *param, const char *value)
{
    dgs_ruleset *rs;
    dgs_error e;
    if (dgs_ruleset_set_parameter(base, measure, param, value, NULL, NULL, "test", &rs, &e))
        fail_msg("%s", e.message);
    return rs;
}

/* Evaluates; returns the award in fen, or -1 when the outcome is not a grant. */
static dgs_fen_t award(const dgs_ruleset *rs, const char *id, ...)
{
    dgs_case *c;
    dgs_result *r;
    dgs_error e;
    va_list ap;
    assert_int_equal(dgs_case_new(dgs_ruleset_find(rs, id), &c, &e), DGS_OK);
    assert_int_equal(dgs_case_set_date(c, "2025-06-01", &e), DGS_OK);
    va_start(ap, id);
    for (const char *name; (name = va_arg(ap, const char *));)
        if (dgs_case_set_text(c, name, va_arg(ap, const char *), &e))
            fail_msg("%s", e.message);
    va_end(ap);
    assert_int_equal(dgs_evaluate(c, &r, &e), DGS_OK);
    dgs_fen_t a = dgs_result_outcome(r) == DGS_OUTCOME_GRANTED ? dgs_result_award(r) : -1;
    dgs_result_free(r);
    dgs_case_free(c);
    return a;
}

/* R12: 50% of 0.03 yuan is 0.015 yuan: floor 0.01, half up 0.02. */
static void rounding(void **state)
{
    (void)state;
    dgs_ruleset *half = with(NULL, "rounding", "half_up");
    assert_int_equal(award(base, "A4.09.e", "usage_fee", "0.03", NULL), 1);
    assert_int_equal(award(half, "A4.09.e", "usage_fee", "0.03", NULL), 2);
    dgs_ruleset_free(half);
}

/* R4: 300万 of financing, interest 20万: ineligible when 500万 is an entry bar (the
 * default); 5% × 300万 = 15万 as a limit range.  At 500万 with interest 30万 both readings
 * grant 5% × 500万 = 25万; with interest 20万 both grant the interest, 20万. */
static void a1_07_a_min_financing(void **state)
{
    (void)state;
    dgs_ruleset *lr = with("A1.07.a", "reading_min_financing", "limit_range");
    assert_int_equal(award(base, "A1.07.a", "financed_amount", "3000000", "interest_paid", "200000", NULL), -1);
    assert_int_equal(award(lr, "A1.07.a", "financed_amount", "3000000", "interest_paid", "200000", NULL), 15000000);
    assert_int_equal(award(base, "A1.07.a", "financed_amount", "5000000", "interest_paid", "300000", NULL), 25000000);
    assert_int_equal(award(lr, "A1.07.a", "financed_amount", "5000000", "interest_paid", "300000", NULL), 25000000);
    assert_int_equal(award(base, "A1.07.a", "financed_amount", "5000000", "interest_paid", "200000", NULL), 20000000);
    assert_int_equal(award(lr, "A1.07.a", "financed_amount", "5000000", "interest_paid", "200000", NULL), 20000000);
    dgs_ruleset_free(lr);
}

/* R5: fees 20万, price 2亿: fees basis 10万, price basis 0.5% × 2亿 = 100万. */
static void a1_06_b_either_or(void **state)
{
    (void)state;
    dgs_ruleset *fees = with("A1.06.b", "reading_either_or", "fees");
    dgs_ruleset *price = with("A1.06.b", "reading_either_or", "price");
    assert_int_equal(award(base, "A1.06.b", "intermediary_fees", "200000", "contract_price", "200000000", NULL), 100000000);
    assert_int_equal(award(fees, "A1.06.b", "intermediary_fees", "200000", "contract_price", "200000000", NULL), 10000000);
    assert_int_equal(award(price, "A1.06.b", "intermediary_fees", "200000", "contract_price", "200000000", NULL), 100000000);
    dgs_ruleset_free(fees);
    dgs_ruleset_free(price);
}

/* R21: a deal of 800万 with fees 100万: ineligible when the >1000万
 * condition applies; max(50万, 4万) = 50万 when it does not. */
static void a1_06_b_deal_threshold(void **state)
{
    (void)state;
    dgs_ruleset *off = with("A1.06.b", "reading_deal_threshold", "not_applied");
    assert_int_equal(award(base, "A1.06.b", "intermediary_fees", "1000000", "contract_price", "8000000", NULL), -1);
    assert_int_equal(award(off, "A1.06.b", "intermediary_fees", "1000000", "contract_price", "8000000", NULL), 50000000);
    dgs_ruleset_free(off);
}

/* R7: national 1000万, provincial 400万, other 600万, investment 5000万:
 * match 1000万 + 200万 = 1200万; all levels leave 2500万 − 2000万 = 500万;
 * national and provincial only leave 2500万 − 1400万 = 1100万. */
static void a1_01_a_share_funds(void **state)
{
    (void)state;
    dgs_ruleset *up = with("A1.01.a", "reading_share_funds", "upstream_only");
    assert_int_equal(award(base, "A1.01.a", "national_funds", "10000000", "provincial_funds", "4000000",
                           "other_fiscal_funds", "6000000", "total_investment", "50000000", NULL), 500000000);
    assert_int_equal(award(up, "A1.01.a", "national_funds", "10000000", "provincial_funds", "4000000",
                           "other_fiscal_funds", "6000000", "total_investment", "50000000", NULL), 1100000000);
    dgs_ruleset_free(up);
}

/* R8: 17,500 m², not certified: 20万 + 10万 × 1 whole step = 30万; pro rata
 * 20万 + 10万 × 7,500/5,000 = 35万. */
static void a4_03_b_increment(void **state)
{
    (void)state;
    dgs_ruleset *pro = with("A4.03.b", "reading_increment", "pro_rata");
    assert_int_equal(award(base, "A4.03.b", "exhibition_area", "17500", "days", "3", NULL), 30000000);
    assert_int_equal(award(pro, "A4.03.b", "exhibition_area", "17500", "days", "3", NULL), 35000000);
    dgs_ruleset_free(pro);
}

/* R15: national platform with 1500万 of provincial funds: 1:3 gives 4500万;
 * a hard cap pays 3000万, a soft one 4500万. */
static void a3_08_b_in_principle(void **state)
{
    (void)state;
    dgs_ruleset *soft = with("A3.08.b", "reading_in_principle", "soft");
    assert_int_equal(award(base, "A3.08.b", "tier", "national", "provincial_funds", "15000000", NULL), 3000000000);
    assert_int_equal(award(soft, "A3.08.b", "tier", "national", "provincial_funds", "15000000", NULL), 4500000000);
    dgs_ruleset_free(soft);
}

/* R2: key-list enterprise, base 1000万 at 30% with a 500万 limit: relative
 * ×1.05 gives 31.5% → 315万 (limit 525万); percentage points 35% → 350万. */
static void op_10_a_uplift(void **state)
{
    (void)state;
    dgs_ruleset *points = with("OP.10.a", "reading_uplift", "points");
    assert_int_equal(award(base, "OP.10.a", "tier", "key_list", "award_base", "10000000", "base_ratio_bp", "3000",
                           "base_limit", "5000000", NULL), 315000000);
    assert_int_equal(award(points, "OP.10.a", "tier", "key_list", "award_base", "10000000", "base_ratio_bp", "3000",
                           "base_limit", "5000000", NULL), 350000000);
    /* Chain leader, relative: 33% × 2000万 = 660万 → limit 550万 → yearly cap 500万. */
    assert_int_equal(award(base, "OP.10.a", "tier", "chain_leader", "award_base", "20000000", "base_ratio_bp", "3000",
                           "base_limit", "5000000", NULL), 500000000);
    dgs_ruleset_free(points);
}

/* R14: an enterprise that applied but is not (yet) recognised. */
static void a2_05_a_paid_on(void **state)
{
    (void)state;
    dgs_ruleset *app = with("A2.05.a", "reading_paid_on", "application");
    assert_int_equal(award(base, "A2.05.a", "recognised", "false", NULL), -1);
    /* a ceiling (不超过 3 万元): the department assesses it at 3万 */
    assert_int_equal(award(base, "A2.05.a", "recognised", "true", "assessed", "30000", NULL), 3000000);
    assert_int_equal(award(app, "A2.05.a", "recognised", "false", "assessed", "30000", NULL), 3000000);
    dgs_ruleset_free(app);
}

/* R26: A3.08.a (10万) and A5.04.d (10万) for one facility. */
static void nqi_station_group(void **state)
{
    (void)state;
    dgs_ruleset *same = with(NULL, "nqi_station_group", "same");
    for (int k = 0; k < 2; k++) {
        const dgs_ruleset *rs = k ? same : base;
        dgs_case *c[2];
        dgs_result *r[2];
        const char *ids[2] = {"A3.08.a", "A5.04.d"};
        for (int i = 0; i < 2; i++) {
            dgs_case_new(dgs_ruleset_find(rs, ids[i]), &c[i], NULL);
            dgs_case_set_date(c[i], "2025-06-01", NULL);
            assert_int_equal(dgs_evaluate(c[i], &r[i], NULL), DGS_OK);
        }
        dgs_stack *s;
        assert_int_equal(dgs_stack_results(rs, (const dgs_result *const *)r, 2, NULL, &s, NULL), DGS_OK);
        assert_int_equal(dgs_stack_total(s), k ? 10000000 : 20000000);
        dgs_stack_free(s);
        for (int i = 0; i < 2; i++) {
            dgs_result_free(r[i]);
            dgs_case_free(c[i]);
        }
    }
    dgs_ruleset_free(same);
}

/* Departures from the analysis, following the text (docs/interpretation.md). */
static void departures(void **state)
{
    (void)state;
    /* A1.12.a: 70% of 1,234.56 yuan × 1 m² = 864.192 → the floor price rounds up: 864.20. */
    assert_int_equal(award(base, "A1.12.a", "benchmark_price", "1234.56", "land_area", "1", NULL), 86420);
    /* A4.02.2.b: 15 months count as the 12 of the first year: 35 × 100 m² × 12 = 42,000 < 50% × 96万. */
    assert_int_equal(award(base, "A4.02.2.b", "first_year_rent", "960000", "area", "100", "months", "15", NULL), 4200000);
    /* A3.04.b: 正增长 is strict: equal revenue is ineligible, one fen more is granted. */
    assert_int_equal(award(base, "A3.04.b", "revenue_year_listed", "1000000", "revenue_next_year", "1000000", NULL), -1);
    assert_int_equal(award(base, "A3.04.b", "revenue_year_listed", "1000000", "revenue_next_year", "1000000.01", "assessed", "50000", NULL), 5000000);
    /* A2.09.b: 1:1 by default; a guideline may choose 1:0.5 within the range, not above 1:1. */
    dgs_ruleset *half = with("A2.09.b", "ratio", "1:0.5");
    assert_int_equal(award(base, "A2.09.b", "upstream_funds", "6000000", NULL), 600000000);
    assert_int_equal(award(half, "A2.09.b", "upstream_funds", "6000000", NULL), 300000000);
    dgs_ruleset_free(half);
    dgs_ruleset *rs;
    dgs_error e;
    assert_int_equal(dgs_ruleset_set_parameter(base, "A2.09.b", "ratio", "1:1.5", NULL, NULL, NULL, &rs, &e), DGS_E_RANGE);
}

/* The error of an evaluation (DGS_OK when it evaluates); its message names `word`. */
static int error_of(const dgs_ruleset *rs, const char *id, const char *word, ...)
{
    dgs_case *c;
    dgs_result *r = NULL;
    dgs_error e;
    va_list ap;
    assert_int_equal(dgs_case_new(dgs_ruleset_find(rs, id), &c, &e), DGS_OK);
    assert_int_equal(dgs_case_set_date(c, "2025-06-01", &e), DGS_OK);
    va_start(ap, word);
    for (const char *name; (name = va_arg(ap, const char *));)
        if (dgs_case_set_text(c, name, va_arg(ap, const char *), &e))
            fail_msg("%s", e.message);
    va_end(ap);
    int rc = dgs_evaluate(c, &r, &e);
    if (rc != DGS_OK) {
        assert_null(r);
        if (!strstr(e.message, word))
            fail_msg("the message '%s' does not name '%s'", e.message, word);
    }
    dgs_result_free(r);
    dgs_case_free(c);
    return rc;
}

/* R13: 新增采购 given as the year's and the previous year's purchases from SMEs.
 * 1.8亿 this year, 1.2亿 last year: the increase 6000万 × 1% = 60万, as new_purchases 6000万.
 * A decrease is no increase: 1亿 after 1.2亿 gives 0.  3.5亿 after 0: 350万 → the cap 300万;
 * 100万 already granted this year leaves 200万. */
static void a1_10_a_yearly_totals(void **state)
{
    (void)state;
    assert_int_equal(award(base, "A1.10.a", "new_purchases", "60000000", NULL), 60000000);
    assert_int_equal(award(base, "A1.10.a", "purchases_this_year", "180000000", "purchases_last_year", "120000000", NULL),
                     60000000);
    assert_int_equal(award(base, "A1.10.a", "purchases_this_year", "100000000", "purchases_last_year", "120000000", NULL),
                     0);
    assert_int_equal(award(base, "A1.10.a", "purchases_this_year", "120000000", "purchases_last_year", "120000000", NULL),
                     0);
    /* 0.01 more than last year: 1% × 0.01 = 0.0001 → 0.00; 100.00 more: 1.00 */
    assert_int_equal(award(base, "A1.10.a", "purchases_this_year", "120000100", "purchases_last_year", "120000000", NULL),
                     100);
    assert_int_equal(award(base, "A1.10.a", "purchases_this_year", "350000000", "purchases_last_year", "0", NULL),
                     300000000);
    assert_int_equal(award(base, "A1.10.a", "purchases_this_year", "350000000", "purchases_last_year", "0",
                           "granted_this_year", "1000000", NULL),
                     200000000);
    /* both forms, or one total alone, or nothing: an error that names the input */
    assert_int_equal(error_of(base, "A1.10.a", "purchases_this_year", "new_purchases", "60000000",
                              "purchases_this_year", "180000000", "purchases_last_year", "120000000", NULL),
                     DGS_E_RANGE);
    assert_int_equal(error_of(base, "A1.10.a", "purchases_last_year", "new_purchases", "60000000",
                              "purchases_last_year", "120000000", NULL),
                     DGS_E_RANGE);
    assert_int_equal(error_of(base, "A1.10.a", "purchases_last_year", "purchases_this_year", "180000000", NULL),
                     DGS_E_MISSING_INPUT);
    assert_int_equal(error_of(base, "A1.10.a", "purchases_this_year", "purchases_last_year", "120000000", NULL),
                     DGS_E_MISSING_INPUT);
    assert_int_equal(error_of(base, "A1.10.a", "new_purchases", NULL), DGS_E_MISSING_INPUT);
    /* the batch: the same amounts, and a row with both forms invalid, named */
    const char *names[] = {"new_purchases", "purchases_this_year", "purchases_last_year"};
    const int64_t given[] = {6000000000, 0, 0}, now[] = {0, 18000000000, 10000000000},
                  before[] = {0, 12000000000, 12000000000};
    const uint8_t has_given[] = {1, 0, 1}, has_totals[] = {0, 1, 1};
    const int64_t *cols[] = {given, now, before};
    const uint8_t *pres[] = {has_given, has_totals, has_totals};
    dgs_fen_t awards[3];
    int32_t outcomes[3];
    dgs_error e;
    assert_int_equal(dgs_evaluate_batch(dgs_ruleset_find(base, "A1.10.a"), "2025-06-01", 3, 3, names, cols, pres,
                                        awards, outcomes, &e),
                     DGS_E_RANGE);
    assert_int_equal(e.row, 2);
    assert_non_null(strstr(e.message, "purchases_this_year"));
    assert_int_equal(outcomes[0], DGS_OUTCOME_GRANTED);
    assert_int_equal(awards[0], 60000000);
    assert_int_equal(outcomes[1], DGS_OUTCOME_GRANTED);
    assert_int_equal(awards[1], 60000000);
    assert_int_equal(outcomes[2], DGS_OUTCOME_INVALID);
    assert_int_equal(awards[2], 0);
}

/* R10 for A1.11.a: 每家企业最高资助50万元 has no 每年.  Rent 60万 and set-up 40万 a year:
 * 50% × 100万 = 50万.  Per enterprise over the term (default): 30万 granted before leaves
 * 20万.  Per year: 30万 granted this year leaves 20万; nothing yet this year (whatever was
 * granted in earlier years) gives 50万 again. */
static void a1_11_a_cap_period(void **state)
{
    (void)state;
    dgs_ruleset *yearly = with("A1.11.a", "reading_cap_period", "per_year");
    assert_int_equal(award(base, "A1.11.a", "venue_rent", "600000", "setup_cost", "400000", NULL), 50000000);
    assert_int_equal(award(base, "A1.11.a", "venue_rent", "600000", "setup_cost", "400000", "granted_to_date", "300000",
                           NULL),
                     20000000);
    assert_int_equal(award(yearly, "A1.11.a", "venue_rent", "600000", "setup_cost", "400000", "granted_this_year",
                           "300000", NULL),
                     20000000);
    assert_int_equal(award(yearly, "A1.11.a", "venue_rent", "600000", "setup_cost", "400000", NULL), 50000000);
    /* the amount granted is given for the period of the reading in force */
    assert_int_equal(error_of(base, "A1.11.a", "granted_this_year", "venue_rent", "600000", "setup_cost", "400000",
                              "granted_this_year", "300000", NULL),
                     DGS_E_RANGE);
    assert_int_equal(error_of(yearly, "A1.11.a", "granted_to_date", "venue_rent", "600000", "setup_cost", "400000",
                              "granted_to_date", "300000", NULL),
                     DGS_E_RANGE);
    dgs_ruleset_free(yearly);
}

/* R33: A1.19 以上从高不重复享受.  A little giant paid 50万 (A1.19.b) becomes a chain leader
 * (A1.19.a, 300万): the difference 250万 by default; 300万 under the reading `full`.  The same
 * honour is never paid twice: with 300万 already paid for it, nothing more under either. */
static void a1_19_earlier_award(void **state)
{
    (void)state;
    dgs_ruleset *full = with("A1.19.a", "reading_earlier_award", "full");
    for (int reading = 0; reading < 2; reading++) {
        const dgs_ruleset *rs = reading ? full : base;
        dgs_case *c[2];
        dgs_result *r[2];
        dgs_error e;
        const char *ids[2] = {"A1.19.b", "A1.19.a"};
        const char *assessed[2] = {"500000", "3000000"};   /* 最高 50 万 / 300 万, assessed at the ceiling */
        for (int i = 0; i < 2; i++) {
            assert_int_equal(dgs_case_new(dgs_ruleset_find(rs, ids[i]), &c[i], &e), DGS_OK);
            assert_int_equal(dgs_case_set_date(c[i], "2025-06-01", &e), DGS_OK);
            assert_int_equal(dgs_case_set_text(c[i], "assessed", assessed[i], &e), DGS_OK);
            assert_int_equal(dgs_evaluate(c[i], &r[i], &e), DGS_OK);
            dgs_case_free(c[i]);
        }
        dgs_fen_t before[2] = {50000000, 0};   /* 50万 for the little giant */
        dgs_stack *s;
        assert_int_equal(dgs_stack_results(rs, (const dgs_result *const *)r, 2, before, &s, &e), DGS_OK);
        assert_int_equal(dgs_stack_paid(s, 1), reading ? 300000000 : 250000000);
        assert_int_equal(dgs_stack_decision(s, 1), reading ? DGS_STACK_PAID : DGS_STACK_TOP_UP);
        assert_int_equal(dgs_stack_paid(s, 0), 0);
        assert_int_equal(dgs_stack_total(s), reading ? 300000000 : 250000000);
        dgs_stack_free(s);
        dgs_fen_t same[2] = {50000000, 300000000};   /* the chain leader's 300万 already paid too */
        assert_int_equal(dgs_stack_results(rs, (const dgs_result *const *)r, 2, same, &s, &e), DGS_OK);
        assert_int_equal(dgs_stack_total(s), 0);
        assert_int_equal(dgs_stack_decision(s, 1), DGS_STACK_ALREADY_PAID);
        dgs_stack_free(s);
        dgs_result_free(r[0]);
        dgs_result_free(r[1]);
    }
    dgs_ruleset_free(full);
}

/* R23: A1.09.a with A4.02.1.a.  Build cost 30万, 60 m², booth fee 4万, no central or
 * provincial support: min(50% × 30万, 1,500 × 60, 10万) = min(15万, 9万, 10万) = 9万 for any
 * enterprise by default (the two measures are alternatives, the higher paid once).  Under
 * the reading booth_fee_cap a 倍增 enterprise's total is capped at its booth fee: 4万; with
 * 1.5万 of provincial support, 4万 − 1.5万 = 2.5万; a booth fee above the amount does not
 * bind (booth fee 12万: 9万).  An enterprise that gives no booth fee (not 倍增) gets 9万. */
static void a4_02_1_a_booth_fee_total(void **state)
{
    (void)state;
    dgs_ruleset *cap = with("A4.02.1.a", "reading_doubling_total", "booth_fee_cap");
    assert_int_equal(award(base, "A4.02.1.a", "booth_area", "60", "build_cost", "300000", NULL), 9000000);
    assert_int_equal(award(cap, "A4.02.1.a", "booth_area", "60", "build_cost", "300000", NULL), 9000000);
    assert_int_equal(award(cap, "A4.02.1.a", "booth_area", "60", "build_cost", "300000", "booth_fee", "40000", NULL),
                     4000000);
    assert_int_equal(award(cap, "A4.02.1.a", "booth_area", "60", "build_cost", "300000", "booth_fee", "40000",
                           "other_fiscal_support", "15000", NULL),
                     2500000);
    assert_int_equal(award(cap, "A4.02.1.a", "booth_area", "60", "build_cost", "300000", "booth_fee", "40000",
                           "other_fiscal_support", "50000", NULL),
                     0);
    assert_int_equal(award(cap, "A4.02.1.a", "booth_area", "60", "build_cost", "300000", "booth_fee", "120000", NULL),
                     9000000);
    /* the booth fee is read only under that reading: given under the default, an error */
    assert_int_equal(error_of(base, "A4.02.1.a", "booth_fee", "booth_area", "60", "build_cost", "300000", "booth_fee",
                              "40000", NULL),
                     DGS_E_RANGE);
    assert_int_equal(error_of(cap, "A4.02.1.a", "booth_fee", "booth_area", "60", "build_cost", "300000",
                              "other_fiscal_support", "15000", NULL),
                     DGS_E_MISSING_INPUT);
    dgs_ruleset_free(cap);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(rounding),
        cmocka_unit_test(a1_07_a_min_financing),
        cmocka_unit_test(a1_06_b_either_or),
        cmocka_unit_test(a1_06_b_deal_threshold),
        cmocka_unit_test(a1_01_a_share_funds),
        cmocka_unit_test(a4_03_b_increment),
        cmocka_unit_test(a3_08_b_in_principle),
        cmocka_unit_test(op_10_a_uplift),
        cmocka_unit_test(a2_05_a_paid_on),
        cmocka_unit_test(nqi_station_group),
        cmocka_unit_test(departures),
        cmocka_unit_test(a1_10_a_yearly_totals),
        cmocka_unit_test(a1_11_a_cap_period),
        cmocka_unit_test(a1_19_earlier_award),
        cmocka_unit_test(a4_02_1_a_booth_fee_total),
    };
    return cmocka_run_group_tests_name("readings", tests, setup, teardown);
}
