/* SPDX-License-Identifier: MulanPSL-2.0 */
/*
 * 附件1 关于推进“倍增企业”高质量发展的若干措施: every measure worked by hand
 * from its clause.  Amounts in the comments are yuan; a ratio's product is
 * floored to the fen, then caps apply by minimum.
 */
#include "measure_helpers.h"

/* ---- A1.01.a ----------------------------------------------------------------
 * 对国家、省相关项目分别按最高 1:1 和 1:0.5 的比例给予配套资助，
 * 各级财政资金资助总额不超过项目总投资的 50%。
 * match = 1 × national + 0.5 × provincial; room = 50% × investment − (national +
 * provincial + other fiscal funds); award = max(0, min(match, room)). */
MEASURE_TEST(a1_01_a_matching)
{
    /* 1 × 1,000,000 + 0.5 × 600,000 = 1,300,000; room 5,000,000 − 1,600,000 = 3,400,000 */
    GRANT(rs, "A1.01.a", DATE, "1300000.00", NULL, {"national_funds", "1000000"},
          {"provincial_funds", "600000"}, {"total_investment", "10000000"});
    /* national only: 1 × 700,000 = 700,000; room 5,000,000 − 700,000 */
    GRANT(rs, "A1.01.a", DATE, "700000.00", "ratio_national", {"national_funds", "700000"},
          {"provincial_funds", "0"}, {"total_investment", "10000000"});
    /* provincial only: 0.5 × 800,000 = 400,000; room 5,000,000 − 800,000 */
    GRANT(rs, "A1.01.a", DATE, "400000.00", "ratio_provincial", {"national_funds", "0"},
          {"provincial_funds", "800000"}, {"total_investment", "10000000"});
    /* 1:1 of one fen is one fen */
    GRANT(rs, "A1.01.a", DATE, "0.01", NULL, {"national_funds", "0.01"}, {"provincial_funds", "0"},
          {"total_investment", "10000000"});
}

MEASURE_TEST(a1_01_a_total_share_cap)
{
    /* match 2,000,000 + 500,000 = 2,500,000; room 4,000,000 − (2,000,000 + 1,000,000 + 500,000)
     * = 500,000 → 500,000, the 50% share binds */
    GRANT(rs, "A1.01.a", DATE, "500000.00", "total_fiscal_share_cap", {"national_funds", "2000000"},
          {"provincial_funds", "1000000"}, {"other_fiscal_funds", "500000"},
          {"total_investment", "8000000"});
    /* without the other funds: room 4,000,000 − 3,000,000 = 1,000,000 < 2,500,000 */
    GRANT(rs, "A1.01.a", DATE, "1000000.00", "total_fiscal_share_cap", {"national_funds", "2000000"},
          {"provincial_funds", "1000000"}, {"total_investment", "8000000"});
    /* at the cap: match 1,000,000; room 2,000,000 − 1,000,000 = 1,000,000 */
    GRANT(rs, "A1.01.a", DATE, "1000000.00", NULL, {"national_funds", "1000000"},
          {"provincial_funds", "0"}, {"total_investment", "4000000"});
    /* one fen more investment: 50% of 4,000,000.02 = 2,000,000.01; room 1,000,000.01 > match */
    GRANT(rs, "A1.01.a", DATE, "1000000.00", "ratio_national", {"national_funds", "1000000"},
          {"provincial_funds", "0"}, {"total_investment", "4000000.02"});
    /* one fen less: 50% of 3,999,999.98 = 1,999,999.99; room 999,999.99 */
    GRANT(rs, "A1.01.a", DATE, "999999.99", "total_fiscal_share_cap", {"national_funds", "1000000"},
          {"provincial_funds", "0"}, {"total_investment", "3999999.98"});
    /* room used up: 5,000,000 − (3,000,000 + 2,000,000) = 0 */
    GRANT(rs, "A1.01.a", DATE, "0.00", "total_fiscal_share_cap", {"national_funds", "3000000"},
          {"provincial_funds", "2000000"}, {"total_investment", "10000000"});
    /* other funds beyond the share: 4,000,000 − 5,000,000 < 0 → max(0, …) = 0 */
    GRANT(rs, "A1.01.a", DATE, "0.00", "total_fiscal_share_cap", {"national_funds", "3000000"},
          {"provincial_funds", "2000000"}, {"total_investment", "8000000"});
}

MEASURE_TEST(a1_01_a_share_funds_reading)
{
    /* 各级财政资金 read as national and provincial only (R7, the other reading):
     * room 4,000,000 − (2,000,000 + 1,000,000) = 1,000,000 < match 2,500,000; the other
     * 500,000 is not counted */
    dgs_ruleset *g = derive(rs, "A1.01.a", "reading_share_funds", "upstream_only");
    GRANT(g, "A1.01.a", DATE, "1000000.00", "total_fiscal_share_cap", {"national_funds", "2000000"},
          {"provincial_funds", "1000000"}, {"other_fiscal_funds", "500000"},
          {"total_investment", "8000000"});
    /* room 5,000,000 − 1,600,000 = 3,400,000 ≥ 1,300,000 whatever the other funds */
    GRANT(g, "A1.01.a", DATE, "1300000.00", NULL, {"national_funds", "1000000"},
          {"provincial_funds", "600000"}, {"other_fiscal_funds", "3000000"},
          {"total_investment", "10000000"});
    dgs_ruleset_free(g);
    /* the default counts them: room 5,000,000 − 4,600,000 = 400,000 */
    GRANT(rs, "A1.01.a", DATE, "400000.00", "total_fiscal_share_cap", {"national_funds", "1000000"},
          {"provincial_funds", "600000"}, {"other_fiscal_funds", "3000000"},
          {"total_investment", "10000000"});
}

MEASURE_TEST(a1_01_a_rounding)
{
    /* 0.5 × 333.33 = 166.665 → 166.66; room 50,000 − 333.33 */
    GRANT(rs, "A1.01.a", DATE, "166.66", "ratio_provincial", {"national_funds", "0"},
          {"provincial_funds", "333.33"}, {"total_investment", "100000"});
    /* 1 × 100 + 0.5 × 0.01 = 100 + 0.005 → 100.00 (each ratio floored) */
    GRANT(rs, "A1.01.a", DATE, "100.00", NULL, {"national_funds", "100"},
          {"provincial_funds", "0.01"}, {"total_investment", "100000"});
}

/* ---- A1.04.a ----------------------------------------------------------------
 * 按合同采购额给予不超过 50% 的补贴。 No cap. */
MEASURE_TEST(a1_04_a_contract_share)
{
    /* 50% × 1,000,000 = 500,000 */
    GRANT(rs, "A1.04.a", DATE, "500000.00", "ratio", {"contract_amount", "1000000"});
    /* no cap: 50% × 100,000,000 = 50,000,000 */
    GRANT(rs, "A1.04.a", DATE, "50000000.00", "ratio", {"contract_amount", "100000000"});
    /* 50% × 333.33 = 166.665 → 166.66 */
    GRANT(rs, "A1.04.a", DATE, "166.66", "ratio", {"contract_amount", "333.33"});
    /* 50% × 0.01 = 0.005 → 0.00 */
    GRANT(rs, "A1.04.a", DATE, "0.00", NULL, {"contract_amount", "0.01"});
    /* a guideline ratio of 30%: 30% × 1,000,000 = 300,000 */
    dgs_ruleset *g = derive(rs, "A1.04.a", "ratio", "30%");
    GRANT(g, "A1.04.a", DATE, "300000.00", "ratio", {"contract_amount", "1000000"});
    dgs_ruleset_free(g);
}

/* ---- A1.05.a (tiered) -------------------------------------------------------
 * 对经认定的智能工厂、智能车间，分别给予最高 1000 万元、500 万元的资助。 */
MEASURE_TEST(a1_05_a_tiers)
{
    static const ceiling_case rows[] = {
        {"A1.05.a", "smart_factory", NULL, "10000000.00", 0},
        {"A1.05.a", "smart_workshop", NULL, "5000000.00", 0},
    };
    expect_ceilings(rs, rows);
}

/* ---- A1.06.a ----------------------------------------------------------------
 * 对倍增企业兼并重组涉及交易额超过 1000 万元的，按企业实施并购银行贷款实付利息的 50% 给予
 * 贴息资助，每年贴息总额最高 150 万元，2 年合计最高贴息 300 万元；
 * 超过 excludes 1000万; at most 2 subsidy years; 150万 a year and 300万 over the two years
 * per enterprise (每年贴息总额: the total of the year, R22), less what was already granted. */
MEASURE_TEST(a1_06_a_deal_threshold)
{
    /* exactly 10,000,000: 超过 excludes it */
    OUTCOME(rs, "A1.06.a", DATE, DGS_OUTCOME_INELIGIBLE, {"deal_value", "10000000"},
            {"interest_paid", "1000000"}, {"subsidy_year", "1"});
    OUTCOME(rs, "A1.06.a", DATE, DGS_OUTCOME_INELIGIBLE, {"deal_value", "9999999.99"},
            {"interest_paid", "1000000"}, {"subsidy_year", "1"});
    /* 10,000,000.01 > 10,000,000: 50% × 1,000,000 = 500,000 */
    GRANT(rs, "A1.06.a", DATE, "500000.00", "ratio", {"deal_value", "10000000.01"},
          {"interest_paid", "1000000"}, {"subsidy_year", "1"});
    dgs_result *r = evaluate(rs, "A1.06.a", DATE, {"deal_value", "10000000"},
                             {"interest_paid", "1000000"}, {"subsidy_year", "1"});
    expect_reason_mentions(r, "10,000,000");
    dgs_result_free(r);
}

MEASURE_TEST(a1_06_a_caps)
{
    /* 50% × 2,000,000 = 1,000,000 < 1,500,000 */
    GRANT(rs, "A1.06.a", DATE, "1000000.00", "ratio", {"deal_value", "50000000"},
          {"interest_paid", "2000000"}, {"subsidy_year", "1"});
    /* 50% × 4,000,000 = 2,000,000 → yearly cap 1,500,000 */
    GRANT(rs, "A1.06.a", DATE, "1500000.00", "cap_per_year", {"deal_value", "50000000"},
          {"interest_paid", "4000000"}, {"subsidy_year", "1"});
    /* at the yearly cap: 50% × 3,000,000 = 1,500,000 */
    GRANT(rs, "A1.06.a", DATE, "1500000.00", NULL, {"deal_value", "50000000"},
          {"interest_paid", "3000000"}, {"subsidy_year", "1"});
    /* 50% × 3,000,000.02 = 1,500,000.01 → 1,500,000 */
    GRANT(rs, "A1.06.a", DATE, "1500000.00", "cap_per_year", {"deal_value", "50000000"},
          {"interest_paid", "3000000.02"}, {"subsidy_year", "1"});
    /* 50% × 333.33 = 166.665 → 166.66 */
    GRANT(rs, "A1.06.a", DATE, "166.66", "ratio", {"deal_value", "50000000"},
          {"interest_paid", "333.33"}, {"subsidy_year", "1"});
}

MEASURE_TEST(a1_06_a_earlier_grants)
{
    /* 每年贴息总额 per enterprise: 1,200,000 already this year leaves 300,000 of 1,500,000;
     * 50% × 1,000,000 = 500,000 → 300,000 */
    GRANT(rs, "A1.06.a", DATE, "300000.00", "cap_per_year", {"deal_value", "50000000"},
          {"interest_paid", "1000000"}, {"subsidy_year", "1"}, {"granted_this_year", "1200000"});
    /* the yearly cap used up: 0 */
    GRANT(rs, "A1.06.a", DATE, "0.00", "cap_per_year", {"deal_value", "50000000"},
          {"interest_paid", "1000000"}, {"subsidy_year", "1"}, {"granted_this_year", "1500000"});
    /* year 2 after 2,000,000 to date: the two-year cap leaves 1,000,000;
     * 50% × 2,400,000 = 1,200,000 < 1,500,000 a year → 1,000,000 */
    GRANT(rs, "A1.06.a", DATE, "1000000.00", "cap_two_years", {"deal_value", "50000000"},
          {"interest_paid", "2400000"}, {"subsidy_year", "2"}, {"granted_to_date", "2000000"});
    /* year 2 after 1,500,000: 3,000,000 − 1,500,000 = 1,500,000 ≥ 50% × 2,000,000 = 1,000,000 */
    GRANT(rs, "A1.06.a", DATE, "1000000.00", "ratio", {"deal_value", "50000000"},
          {"interest_paid", "2000000"}, {"subsidy_year", "2"}, {"granted_to_date", "1500000"});
    /* the two-year cap used up */
    GRANT(rs, "A1.06.a", DATE, "0.00", "cap_two_years", {"deal_value", "50000000"},
          {"interest_paid", "2000000"}, {"subsidy_year", "2"}, {"granted_to_date", "3000000"});
}

MEASURE_TEST(a1_06_a_two_years)
{
    /* 2 年: years 1 and 2 only */
    GRANT(rs, "A1.06.a", DATE, "100000.00", "ratio", {"deal_value", "20000000"},
          {"interest_paid", "200000"}, {"subsidy_year", "2"});
    OUTCOME(rs, "A1.06.a", DATE, DGS_OUTCOME_INELIGIBLE, {"deal_value", "20000000"},
            {"interest_paid", "200000"}, {"subsidy_year", "3"});
}

/* ---- A1.06.b ----------------------------------------------------------------
 * 对兼并重组过程中发生的中介费用按最高 50% 的比例给予补助或按兼并重组合同价格的 0.5% 给予奖励，
 * 最高资助 200 万元。  或 = the higher (R5: 对倍增企业按最高标准执行); the contract price must
 * exceed 1000万 (the transaction condition of the sentence, R21). */
MEASURE_TEST(a1_06_b_either_or_higher)
{
    /* fees: 50% × 1,000,000 = 500,000; price: 0.5% × 20,000,000 = 100,000 → the fees */
    GRANT(rs, "A1.06.b", DATE, "500000.00", "ratio_fees", {"intermediary_fees", "1000000"},
          {"contract_price", "20000000"});
    /* fees: 50% × 100,000 = 50,000; price: 0.5% × 30,000,000 = 150,000 → the price */
    GRANT(rs, "A1.06.b", DATE, "150000.00", "ratio_price", {"intermediary_fees", "100000"},
          {"contract_price", "30000000"});
    /* equal: 50% × 200,000 = 100,000 = 0.5% × 20,000,000 */
    GRANT(rs, "A1.06.b", DATE, "100000.00", NULL, {"intermediary_fees", "200000"},
          {"contract_price", "20000000"});
}

MEASURE_TEST(a1_06_b_cap)
{
    /* fees: 50% × 5,000,000 = 2,500,000 → 2,000,000 */
    GRANT(rs, "A1.06.b", DATE, "2000000.00", "cap", {"intermediary_fees", "5000000"},
          {"contract_price", "20000000"});
    /* price: 0.5% × 500,000,000 = 2,500,000 → 2,000,000 */
    GRANT(rs, "A1.06.b", DATE, "2000000.00", "cap", {"intermediary_fees", "0"},
          {"contract_price", "500000000"});
    /* at the cap: 50% × 4,000,000 = 2,000,000 */
    GRANT(rs, "A1.06.b", DATE, "2000000.00", NULL, {"intermediary_fees", "4000000"},
          {"contract_price", "20000000"});
}

MEASURE_TEST(a1_06_b_deal_threshold)
{
    /* below and exactly 10,000,000: not 超过 */
    OUTCOME(rs, "A1.06.b", DATE, DGS_OUTCOME_INELIGIBLE, {"intermediary_fees", "200000"},
            {"contract_price", "9999999.99"});
    OUTCOME(rs, "A1.06.b", DATE, DGS_OUTCOME_INELIGIBLE, {"intermediary_fees", "200000"},
            {"contract_price", "10000000"});
    /* 10,000,000.01: fees 0; 0.5% × 10,000,000.01 = 50,000.00005 → 50,000.00 */
    GRANT(rs, "A1.06.b", DATE, "50000.00", "ratio_price", {"intermediary_fees", "0"},
          {"contract_price", "10000000.01"});
    /* the condition switched off: 5,000,000 qualifies; fees 50% × 200,000 = 100,000 >
     * 0.5% × 5,000,000 = 25,000 */
    dgs_ruleset *g = derive(rs, "A1.06.b", "reading_deal_threshold", "not_applied");
    GRANT(g, "A1.06.b", DATE, "100000.00", "ratio_fees", {"intermediary_fees", "200000"},
          {"contract_price", "5000000"});
    dgs_ruleset_free(g);
}

MEASURE_TEST(a1_06_b_readings)
{
    /* 或 read as the fees: 50% × 100,000 = 50,000 although the price gives 150,000 */
    dgs_ruleset *fees = derive(rs, "A1.06.b", "reading_either_or", "fees");
    GRANT(fees, "A1.06.b", DATE, "50000.00", "ratio_fees", {"intermediary_fees", "100000"},
          {"contract_price", "30000000"});
    /* 50% × 5,000,000 = 2,500,000 → cap 2,000,000 */
    GRANT(fees, "A1.06.b", DATE, "2000000.00", "cap", {"intermediary_fees", "5000000"},
          {"contract_price", "30000000"});
    dgs_ruleset_free(fees);
    /* 或 read as the price: 0.5% × 20,000,000 = 100,000 although the fees give 500,000 */
    dgs_ruleset *price = derive(rs, "A1.06.b", "reading_either_or", "price");
    GRANT(price, "A1.06.b", DATE, "100000.00", "ratio_price", {"intermediary_fees", "1000000"},
          {"contract_price", "20000000"});
    dgs_ruleset_free(price);
}

MEASURE_TEST(a1_06_b_rounding)
{
    /* fees: 50% × 333,333.33 = 166,666.665 → 166,666.66 > 0.5% × 20,000,000 = 100,000 */
    GRANT(rs, "A1.06.b", DATE, "166666.66", "ratio_fees", {"intermediary_fees", "333333.33"},
          {"contract_price", "20000000"});
    /* price: 0.5% × 33,333,333.33 = 166,666.66665 → 166,666.66 */
    GRANT(rs, "A1.06.b", DATE, "166666.66", "ratio_price", {"intermediary_fees", "0"},
          {"contract_price", "33333333.33"});
}

/* ---- A1.07.a ----------------------------------------------------------------
 * 按不超过融资租赁合同融资额的 5% 给予一年期贴息，单个企业每年列入贴息的融资额不少于 500 万元且
 * 不高于 3000 万元，每年最高贴息 150 万元且不超过企业实际发生利息。
 * By default 不少于 500 万元 is an entry bar (reading `threshold`): below it the lease is not
 * eligible under this item; counted financing is at most 3000万.  The reading `limit_range`
 * drops the bar (500万–3000万 the range of the limit on counted financing). */
MEASURE_TEST(a1_07_a_ratio_and_interest)
{
    /* 5% × 28,000,000 = 1,400,000 < 1,500,000; interest 1,400,000.50 */
    GRANT(rs, "A1.07.a", DATE, "1400000.00", "ratio", {"financed_amount", "28000000"},
          {"interest_paid", "1400000.50"});
    /* 5% × 10,000,000 = 500,000 → interest actually incurred 300,000 */
    GRANT(rs, "A1.07.a", DATE, "300000.00", "interest_paid", {"financed_amount", "10000000"},
          {"interest_paid", "300000"});
    /* interest exactly 5%: 500,000 */
    GRANT(rs, "A1.07.a", DATE, "500000.00", NULL, {"financed_amount", "10000000"},
          {"interest_paid", "500000"});
    /* interest one fen below: 499,999.99 */
    GRANT(rs, "A1.07.a", DATE, "499999.99", "interest_paid", {"financed_amount", "10000000"},
          {"interest_paid", "499999.99"});
}

MEASURE_TEST(a1_07_a_counted_financing_limit)
{
    /* 40,000,000 counted as 30,000,000 → 5% = 1,500,000 (= the yearly cap as well) */
    GRANT(rs, "A1.07.a", DATE, "1500000.00", NULL, {"financed_amount", "40000000"},
          {"interest_paid", "2000000"});
    /* exactly 30,000,000 → 1,500,000 */
    GRANT(rs, "A1.07.a", DATE, "1500000.00", NULL, {"financed_amount", "30000000"},
          {"interest_paid", "2000000"});
    /* a guideline sets the limit at 20,000,000 (within 500万–3000万): 25,000,000 counted as
     * 20,000,000 → 5% = 1,000,000; the limit on counted financing sets the amount */
    dgs_ruleset *g = derive(rs, "A1.07.a", "max_counted_financing", "20000000");
    GRANT(g, "A1.07.a", DATE, "1000000.00", "max_counted_financing", {"financed_amount", "25000000"},
          {"interest_paid", "2000000"});
    /* below the limit: 5% × 15,000,000 = 750,000 */
    GRANT(g, "A1.07.a", DATE, "750000.00", "ratio", {"financed_amount", "15000000"},
          {"interest_paid", "2000000"});
    dgs_ruleset_free(g);
}

MEASURE_TEST(a1_07_a_yearly_cap)
{
    /* the cap can bind only when the ratio changes: at 6%, 6% × 30,000,000 = 1,800,000 →
     * 1,500,000 */
    dgs_ruleset *g = derive(rs, "A1.07.a", "ratio", "6%");
    GRANT(g, "A1.07.a", DATE, "1500000.00", "cap_per_year", {"financed_amount", "30000000"},
          {"interest_paid", "2000000"});
    /* 6% × 20,000,000 = 1,200,000 */
    GRANT(g, "A1.07.a", DATE, "1200000.00", "ratio", {"financed_amount", "20000000"},
          {"interest_paid", "2000000"});
    dgs_ruleset_free(g);
}

MEASURE_TEST(a1_07_a_entry_bar_by_default)
{
    /* 不少于 500 万元 (inclusive): 4,999,999.99 financed is below the bar → ineligible, even with
     * interest that would pay 249,999.99 under the other reading */
    OUTCOME(rs, "A1.07.a", DATE, DGS_OUTCOME_INELIGIBLE, {"financed_amount", "4999999.99"},
            {"interest_paid", "300000"});
    /* 3,000,000 financed, interest 200,000: ineligible under this item */
    OUTCOME(rs, "A1.07.a", DATE, DGS_OUTCOME_INELIGIBLE, {"financed_amount", "3000000"},
            {"interest_paid", "200000"});
    /* nothing financed: ineligible, not a grant of 0.00 */
    OUTCOME(rs, "A1.07.a", DATE, DGS_OUTCOME_INELIGIBLE, {"financed_amount", "0"}, {"interest_paid", "0"});
    /* exactly 5,000,000: at the bar; 5% = 250,000 < interest 300,000 */
    GRANT(rs, "A1.07.a", DATE, "250000.00", "ratio", {"financed_amount", "5000000"},
          {"interest_paid", "300000"});
    /* exactly 5,000,000 with interest 200,000: 5% = 250,000 → the interest 200,000 binds */
    GRANT(rs, "A1.07.a", DATE, "200000.00", "interest_paid", {"financed_amount", "5000000"},
          {"interest_paid", "200000"});
    /* the refusal names the bar */
    dgs_result *r = evaluate(rs, "A1.07.a", DATE, {"financed_amount", "4999999.99"},
                             {"interest_paid", "300000"});
    expect_reason_mentions(r, "5,000,000");
    dgs_result_free(r);
    /* a guideline may lower the bar within the text's words: at 400万, 4,000,000 × 5% = 200,000 */
    dgs_ruleset *g = derive(rs, "A1.07.a", "min_counted_financing", "4000000");
    GRANT(g, "A1.07.a", DATE, "200000.00", "ratio", {"financed_amount", "4000000"},
          {"interest_paid", "250000"});
    dgs_ruleset_free(g);
}

MEASURE_TEST(a1_07_a_limit_range_reading)
{
    /* reading 500万–3000万 as the range of the yearly limit: no bar */
    dgs_ruleset *g = derive(rs, "A1.07.a", "reading_min_financing", "limit_range");
    /* 5% × 4,000,000 = 200,000 */
    GRANT(g, "A1.07.a", DATE, "200000.00", "ratio", {"financed_amount", "4000000"},
          {"interest_paid", "250000"});
    /* 5% × 4,999,999.99 = 249,999.9995 → 249,999.99 */
    GRANT(g, "A1.07.a", DATE, "249999.99", "ratio", {"financed_amount", "4999999.99"},
          {"interest_paid", "300000"});
    /* 3,000,000 financed, interest 200,000: 5% = 150,000 */
    GRANT(g, "A1.07.a", DATE, "150000.00", "ratio", {"financed_amount", "3000000"},
          {"interest_paid", "200000"});
    /* above the bar both readings agree: 5% × 28,000,000 = 1,400,000 */
    GRANT(g, "A1.07.a", DATE, "1400000.00", "ratio", {"financed_amount", "28000000"},
          {"interest_paid", "1400000.50"});
    dgs_ruleset_free(g);
}

MEASURE_TEST(a1_07_a_rounding)
{
    /* amounts of a few yuan exist only under the limit_range reading (no 500万 bar) */
    dgs_ruleset *lr = derive(rs, "A1.07.a", "reading_min_financing", "limit_range");
    /* 5% × 333.33 = 16.6665 → 16.66 */
    GRANT(lr, "A1.07.a", DATE, "16.66", "ratio", {"financed_amount", "333.33"},
          {"interest_paid", "100"});
    /* 5% × 0.19 = 0.0095 → 0.00 */
    GRANT(lr, "A1.07.a", DATE, "0.00", NULL, {"financed_amount", "0.19"}, {"interest_paid", "100"});
    /* the rounding reading half_up: 16.6665 → 16.67, 0.0095 → 0.01 */
    dgs_ruleset *g = derive(lr, NULL, "rounding", "half_up");
    GRANT(g, "A1.07.a", DATE, "16.67", "ratio", {"financed_amount", "333.33"}, {"interest_paid", "100"});
    GRANT(g, "A1.07.a", DATE, "0.01", "ratio", {"financed_amount", "0.19"}, {"interest_paid", "100"});
    /* 5% × 0.09 = 0.0045 → 0.00 either way */
    GRANT(g, "A1.07.a", DATE, "0.00", NULL, {"financed_amount", "0.09"}, {"interest_paid", "100"});
    dgs_ruleset_free(g);
    /* under the default reading: 5% × 5,000,000.10 = 250,000.005 → 250,000.00 (floor),
     * 250,000.01 (half up) */
    GRANT(rs, "A1.07.a", DATE, "250000.00", "ratio", {"financed_amount", "5000000.10"},
          {"interest_paid", "300000"});
    dgs_ruleset *h = derive(rs, NULL, "rounding", "half_up");
    GRANT(h, "A1.07.a", DATE, "250000.01", "ratio", {"financed_amount", "5000000.10"},
          {"interest_paid", "300000"});
    dgs_ruleset_free(h);
    dgs_ruleset_free(lr);
}

/* ---- A1.09.a (unspecified) --------------------------------------------------
 * 按参加展会实际发生的费用予以一定比例的支持，中央、省、市财政支持总金额不高于企业展位费的
 * 实际支出额。  The ratio (一定比例) is for a guideline; the booth-fee bound is written. */
MEASURE_TEST(a1_09_a_unspecified_until_a_ratio)
{
    expect_unspecified(rs, "A1.09.a", "ratio");
    dgs_ruleset *g = derive(rs, "A1.09.a", "ratio", "50%");
    /* 50% × 100,000 = 50,000 < booth fee 60,000 */
    GRANT(g, "A1.09.a", DATE, "50000.00", "ratio", {"exhibition_costs", "100000"},
          {"booth_fee", "60000"});
    /* booth fee 40,000 less central and provincial support 15,000 leaves 25,000 < 50,000 */
    GRANT(g, "A1.09.a", DATE, "25000.00", "booth_fee", {"exhibition_costs", "100000"},
          {"booth_fee", "40000"}, {"other_fiscal_support", "15000"});
    /* support already equal to the booth fee: nothing left */
    GRANT(g, "A1.09.a", DATE, "0.00", "booth_fee", {"exhibition_costs", "100000"},
          {"booth_fee", "40000"}, {"other_fiscal_support", "40000"});
    /* assessed 20,000 */
    GRANT(g, "A1.09.a", DATE, "20000.00", "assessed", {"exhibition_costs", "100000"},
          {"booth_fee", "60000"}, {"assessed", "20000"});
    /* 50% × 333.33 = 166.665 → 166.66 */
    GRANT(g, "A1.09.a", DATE, "166.66", "ratio", {"exhibition_costs", "333.33"},
          {"booth_fee", "60000"});
    dgs_ruleset_free(g);
}

/* ---- A1.10.a ----------------------------------------------------------------
 * 对倍增企业面向中小微企业的新增采购按交易额1%给予每年最高300万元奖励。 */
MEASURE_TEST(a1_10_a_new_purchases)
{
    /* 1% × 100,000,000 = 1,000,000 */
    GRANT(rs, "A1.10.a", DATE, "1000000.00", "ratio", {"new_purchases", "100000000"});
    /* 1% × 400,000,000 = 4,000,000 → 3,000,000 */
    GRANT(rs, "A1.10.a", DATE, "3000000.00", "cap_per_year", {"new_purchases", "400000000"});
    /* at the cap: 1% × 300,000,000 = 3,000,000 */
    GRANT(rs, "A1.10.a", DATE, "3000000.00", NULL, {"new_purchases", "300000000"});
    /* 1% × 300,000,100 = 3,000,001 → 3,000,000 */
    GRANT(rs, "A1.10.a", DATE, "3000000.00", "cap_per_year", {"new_purchases", "300000100"});
    /* 1% × 333.33 = 3.3333 → 3.33; 1% × 99.99 = 0.9999 → 0.99 */
    GRANT(rs, "A1.10.a", DATE, "3.33", "ratio", {"new_purchases", "333.33"});
    GRANT(rs, "A1.10.a", DATE, "0.99", "ratio", {"new_purchases", "99.99"});
}

MEASURE_TEST(a1_10_a_earlier_grants_this_year)
{
    /* 2,500,000 already this year leaves 500,000; 1% × 100,000,000 = 1,000,000 → 500,000 */
    GRANT(rs, "A1.10.a", DATE, "500000.00", "cap_per_year", {"new_purchases", "100000000"},
          {"granted_this_year", "2500000"});
    /* 1,000,000 already: 2,000,000 left ≥ 1,000,000 */
    GRANT(rs, "A1.10.a", DATE, "1000000.00", "ratio", {"new_purchases", "100000000"},
          {"granted_this_year", "1000000"});
    /* used up, and more than used up */
    GRANT(rs, "A1.10.a", DATE, "0.00", "cap_per_year", {"new_purchases", "100000000"},
          {"granted_this_year", "3000000"});
    GRANT(rs, "A1.10.a", DATE, "0.00", "cap_per_year", {"new_purchases", "100000000"},
          {"granted_this_year", "3500000"});
}

/* ---- A1.11.a ----------------------------------------------------------------
 * 按照实际投入的场租及会场搭建费用给予不高于50%的资助，每家企业最高资助50万元。
 * The cap per enterprise counts what was already granted (granted_to_date). */
MEASURE_TEST(a1_11_a_rent_and_setup)
{
    /* 50% × (300,000 + 200,000) = 250,000 */
    GRANT(rs, "A1.11.a", DATE, "250000.00", "ratio", {"venue_rent", "300000"}, {"setup_cost", "200000"});
    /* 50% × (800,000 + 400,000) = 600,000 → 500,000 */
    GRANT(rs, "A1.11.a", DATE, "500000.00", "cap_per_enterprise", {"venue_rent", "800000"},
          {"setup_cost", "400000"});
    /* at the cap: 50% × 1,000,000 = 500,000 */
    GRANT(rs, "A1.11.a", DATE, "500000.00", NULL, {"venue_rent", "600000"}, {"setup_cost", "400000"});
    /* the costs are summed, then floored once: 50% × (100.01 + 100.01) = 100.01
     * (floored separately it would be 50.00 + 50.00) */
    GRANT(rs, "A1.11.a", DATE, "100.01", "ratio", {"venue_rent", "100.01"}, {"setup_cost", "100.01"});
    /* 50% × (333.33 + 0) = 166.665 → 166.66 */
    GRANT(rs, "A1.11.a", DATE, "166.66", "ratio", {"venue_rent", "333.33"}, {"setup_cost", "0"});
}

MEASURE_TEST(a1_11_a_granted_to_date)
{
    /* 400,000 granted before leaves 100,000; 50% × 500,000 = 250,000 → 100,000 */
    GRANT(rs, "A1.11.a", DATE, "100000.00", "cap_per_enterprise", {"venue_rent", "300000"},
          {"setup_cost", "200000"}, {"granted_to_date", "400000"});
    /* 200,000 before leaves 300,000 ≥ 250,000 */
    GRANT(rs, "A1.11.a", DATE, "250000.00", "ratio", {"venue_rent", "300000"},
          {"setup_cost", "200000"}, {"granted_to_date", "200000"});
    /* 500,000 before: nothing left */
    GRANT(rs, "A1.11.a", DATE, "0.00", "cap_per_enterprise", {"venue_rent", "300000"},
          {"setup_cost", "200000"}, {"granted_to_date", "500000"});
}

/* ---- A1.12.a (price) --------------------------------------------------------
 * 土地出让底价可按不低于地块所在地级别基准地价的70%执行。  The lowest reserve price:
 * 70% × benchmark × area, never a fen below 70% (rounded up to the fen). */
MEASURE_TEST(a1_12_a_reserve_price)
{
    /* 70% × 1,000 × 10,000 = 7,000,000 */
    GRANT(rs, "A1.12.a", DATE, "7000000.00", NULL, {"benchmark_price", "1000"},
          {"land_area", "10000"});
    /* 70% × 1,000.01 × 3 = 70% × 3,000.03 = 2,100.021 → not below: 2,100.03 */
    GRANT(rs, "A1.12.a", DATE, "2100.03", NULL, {"benchmark_price", "1000.01"}, {"land_area", "3"});
    /* 70% × 1,000 × 2.5 = 1,750 */
    GRANT(rs, "A1.12.a", DATE, "1750.00", NULL, {"benchmark_price", "1000"}, {"land_area", "2.5"});
    dgs_result *r = evaluate(rs, "A1.12.a", DATE, {"benchmark_price", "1000"}, {"land_area", "1"});
    assert_string_equal(dgs_result_unit(r), dgs_measure_unit(measure(rs, "A1.12.a")));
    assert_int_equal(strncmp(dgs_result_unit(r), "yuan", 4), 0);
    dgs_result_free(r);
}

/* The floor is 70% of the exact product, rounded up once: never a fen below it, even when
 * the product itself has fractions of a fen. */
MEASURE_TEST(a1_12_a_floor_of_the_exact_product)
{
    /* 0.01 yuan/m² × 0.01 m² = 0.0001 yuan; 70% = 0.00007 yuan → the lowest price in fen
     * not below it: 0.01 (rounding the product down first would give 0.00) */
    GRANT(rs, "A1.12.a", DATE, "0.01", NULL, {"benchmark_price", "0.01"}, {"land_area", "0.01"});
    /* 0.01 yuan/m² × 1.43 m² = 0.0143 yuan; 70% = 0.01001 yuan → 0.02 (the product floored
     * to 0.01 first would give 70% × 0.01 = 0.007 → 0.01, below 70% of the benchmark value) */
    GRANT(rs, "A1.12.a", DATE, "0.02", NULL, {"benchmark_price", "0.01"}, {"land_area", "1.43"});
    /* 0.03 yuan/m² × 0.33 m² = 0.0099 yuan; 70% = 0.00693 → 0.01 */
    GRANT(rs, "A1.12.a", DATE, "0.01", NULL, {"benchmark_price", "0.03"}, {"land_area", "0.33"});
    /* exact: 1,234.56 × 1 = 1,234.56; 70% = 864.192 → 864.20 */
    GRANT(rs, "A1.12.a", DATE, "864.20", NULL, {"benchmark_price", "1234.56"}, {"land_area", "1"});
    /* a product that is exact in fen and a 70% that is exact: no rounding up
     * (100 yuan/m² × 0.1 m² = 10 yuan; 70% = 7.00) */
    GRANT(rs, "A1.12.a", DATE, "7.00", NULL, {"benchmark_price", "100"}, {"land_area", "0.1"});
    /* nothing: a zero area gives a zero floor */
    GRANT(rs, "A1.12.a", DATE, "0.00", NULL, {"benchmark_price", "1234.56"}, {"land_area", "0"});
    /* a huge plot: 10,000 yuan/m² × 1,000,000,000 m² = 10,000,000,000,000 yuan; 70% =
     * 7,000,000,000,000.00 */
    GRANT(rs, "A1.12.a", DATE, "7000000000000.00", NULL, {"benchmark_price", "10000"},
          {"land_area", "1000000000"});
    /* the largest benchmark value: 92,233,720,368,547,758.07 yuan on 1 m²; 70% =
     * 64,563,604,257,983,430.649 yuan → 64,563,604,257,983,430.65 */
    GRANT(rs, "A1.12.a", DATE, "64563604257983430.65", NULL, {"benchmark_price", "92233720368547758.07"},
          {"land_area", "1"});
    /* benchmark values beyond the money range (92,233,720,368,547,758.07 yuan × 1.01, …) */
    const char *const big[][2] = {{"92233720368547758.07", "1.01"}, {"92233720368547758.07", "92233720368547758.07"},
                                  {"1.01", "92233720368547758.07"}};
    for (size_t i = 0; i < sizeof big / sizeof big[0]; i++) {
        dgs_case *c;
        dgs_result *r = NULL;
        dgs_error e;
        assert_int_equal(dgs_case_new(measure(rs, "A1.12.a"), &c, &e), DGS_OK);
        assert_int_equal(dgs_case_set_date(c, DATE, &e), DGS_OK);
        assert_int_equal(dgs_case_set_text(c, "benchmark_price", big[i][0], &e), DGS_OK);
        int rc = dgs_case_set_text(c, "land_area", big[i][1], &e);
        if (rc == DGS_OK) {
            assert_int_equal(dgs_evaluate(c, &r, &e), DGS_E_OVERFLOW);
            assert_null(r);
            assert_non_null(strstr(e.message, "A1.12.a"));
        } else {
            /* an area beyond the range of areas is refused when it is set */
            assert_int_equal(rc, DGS_E_OVERFLOW);
        }
        dgs_case_free(c);
    }
    /* the batch path: the same floors, and the overflow an invalid row, not a wrap */
    const char *names[] = {"benchmark_price", "land_area"};
    const int64_t price[] = {1, 1, 3, 123456, INT64_MAX, INT64_MAX};
    const int64_t area[] = {1, 143, 33, 100, 100, 101};
    const int64_t *cols[] = {price, area};
    dgs_fen_t awards[6];
    int32_t outcomes[6];
    dgs_error e;
    assert_int_equal(dgs_evaluate_batch(measure(rs, "A1.12.a"), DATE, 6, 2, names, cols, NULL, awards, outcomes, &e),
                     DGS_E_OVERFLOW);
    assert_int_equal(e.row, 5);
    const dgs_fen_t want[] = {1, 2, 1, 86420, 6456360425798343065, 0};
    for (int i = 0; i < 5; i++) {
        assert_int_equal(outcomes[i], DGS_OUTCOME_GRANTED);
        assert_int_equal(awards[i], want[i]);
    }
    assert_int_equal(outcomes[5], DGS_OUTCOME_INVALID);
    assert_int_equal(awards[5], 0);
}

/* ---- A1.16.a (quota), A1.16.b (unspecified) ---------------------------------
 * 为倍增企业翻倍配置义务教育公办学校学位指标；对入读民办学校的倍增企业骨干人员子女每人每年按
 * 一定标准给予补贴。 */
MEASURE_TEST(a1_16_school_places)
{
    /* 翻倍: 2 × 3 = 6 places */
    dgs_result *r = evaluate(rs, "A1.16.a", DATE, {"base_quota", "3"});
    assert_int_equal(dgs_result_outcome(r), DGS_OUTCOME_GRANTED);
    assert_int_equal(dgs_result_award(r), 6);
    assert_string_equal(dgs_result_unit(r), "places");
    dgs_result_free(r);
    r = evaluate(rs, "A1.16.a", DATE, {"base_quota", "0"});
    assert_int_equal(dgs_result_award(r), 0);
    dgs_result_free(r);

    expect_unspecified(rs, "A1.16.b", "amount_per_child");
    /* a guideline standard of 5,000 a child a year: 3 children → 15,000 */
    dgs_ruleset *g = derive(rs, "A1.16.b", "amount_per_child", "5000");
    GRANT(g, "A1.16.b", DATE, "15000.00", NULL, {"children", "3"});
    dgs_ruleset_free(g);
}

/* ---- ceilings of 附件1 -------------------------------------------------------
 * （十八）每人每年最高奖励 100 万元；每人每年最高 5 万元补贴（培训）。
 * （十九）分别一次性给予最高 300 万元；一次性给予最高 50 万元。
 * （二十）给予最高 200 万元的奖励。 */
MEASURE_TEST(a1_ceilings)
{
    static const ceiling_case rows[] = {
        {"A1.18.a", NULL, NULL, "1000000.00", 0},
        {"A1.18.b", NULL, NULL, "50000.00", 0},
        {"A1.19.a", NULL, NULL, "3000000.00", 0},
        {"A1.19.b", NULL, NULL, "500000.00", 0},
        {"A1.20.a", NULL, NULL, "2000000.00", 0},
    };
    expect_ceilings(rs, rows);
}

MEASURE_TEST(a1_18_period_and_cost)
{
    /* 每人每年最高100万: 600,000 already this year leaves 400,000 */
    UP_TO(rs, "A1.18.a", DATE, "400000.00", {"granted_this_year", "600000"});
    UP_TO(rs, "A1.18.a", DATE, "0.00", {"granted_this_year", "1000000"});
    /* training fees actually paid 32,000.50 < 50,000 */
    UP_TO(rs, "A1.18.b", DATE, "32000.50", {"training_fees", "32000.50"});
    /* fees 80,000 > 50,000: the ceiling */
    UP_TO(rs, "A1.18.b", DATE, "50000.00", {"training_fees", "80000"});
    /* 20,000 already this year leaves 30,000 < fees 40,000 */
    UP_TO(rs, "A1.18.b", DATE, "30000.00", {"training_fees", "40000"},
          {"granted_this_year", "20000"});
    /* assessed 10,000 below all */
    GRANT(rs, "A1.18.b", DATE, "10000.00", "assessed", {"training_fees", "40000"},
          {"assessed", "10000"});
}

MEASURE_TEST(a1_kinds)
{
    /* data/catalog.json: 附件1 has 2 unspecified and 15 qualitative measures */
    expect_kind_outcome(rs, "A1", DGS_KIND_UNSPECIFIED, 2, DGS_OUTCOME_UNSPECIFIED);
    expect_kind_outcome(rs, "A1", DGS_KIND_QUALITATIVE, 15, DGS_OUTCOME_NOT_COMPUTABLE);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(a1_01_a_matching),
        cmocka_unit_test(a1_01_a_total_share_cap),
        cmocka_unit_test(a1_01_a_share_funds_reading),
        cmocka_unit_test(a1_01_a_rounding),
        cmocka_unit_test(a1_04_a_contract_share),
        cmocka_unit_test(a1_05_a_tiers),
        cmocka_unit_test(a1_06_a_deal_threshold),
        cmocka_unit_test(a1_06_a_caps),
        cmocka_unit_test(a1_06_a_earlier_grants),
        cmocka_unit_test(a1_06_a_two_years),
        cmocka_unit_test(a1_06_b_either_or_higher),
        cmocka_unit_test(a1_06_b_cap),
        cmocka_unit_test(a1_06_b_deal_threshold),
        cmocka_unit_test(a1_06_b_readings),
        cmocka_unit_test(a1_06_b_rounding),
        cmocka_unit_test(a1_07_a_ratio_and_interest),
        cmocka_unit_test(a1_07_a_counted_financing_limit),
        cmocka_unit_test(a1_07_a_yearly_cap),
        cmocka_unit_test(a1_07_a_entry_bar_by_default),
        cmocka_unit_test(a1_07_a_limit_range_reading),
        cmocka_unit_test(a1_07_a_rounding),
        cmocka_unit_test(a1_09_a_unspecified_until_a_ratio),
        cmocka_unit_test(a1_10_a_new_purchases),
        cmocka_unit_test(a1_10_a_earlier_grants_this_year),
        cmocka_unit_test(a1_11_a_rent_and_setup),
        cmocka_unit_test(a1_11_a_granted_to_date),
        cmocka_unit_test(a1_12_a_reserve_price),
        cmocka_unit_test(a1_12_a_floor_of_the_exact_product),
        cmocka_unit_test(a1_16_school_places),
        cmocka_unit_test(a1_ceilings),
        cmocka_unit_test(a1_18_period_and_cost),
        cmocka_unit_test(a1_kinds),
    };
    return cmocka_run_group_tests_name("measures of 附件1", tests, setup_ruleset, teardown_ruleset);
}
