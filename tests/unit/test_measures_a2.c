/* SPDX-License-Identifier: MulanPSL-2.0 */
/*
 * 附件2 关于强化科技创新赋能产业高质量发展的若干措施: every measure worked by
 * hand from its clause.  Amounts in the comments are yuan.
 */
#include "measure_helpers.h"

/* ---- A2.01.d ----------------------------------------------------------------
 * 分别按照国家和省实际到位资金不超过 1:1 和 1:0.5 的比例给予配套资助，最高额度分别为 1000 万元
 * 和 500 万元。  Each level is matched and capped on its own, then the two are added. */
MEASURE_TEST(a2_01_d_matching)
{
    /* 1 × 3,000,000 + 0.5 × 2,000,000 = 3,000,000 + 1,000,000 = 4,000,000 */
    GRANT(rs, "A2.01.d", DATE, "4000000.00", NULL, {"national_funds", "3000000"},
          {"provincial_funds", "2000000"});
    /* national only: 1 × 6,000,000 */
    GRANT(rs, "A2.01.d", DATE, "6000000.00", "ratio_national", {"national_funds", "6000000"},
          {"provincial_funds", "0"});
    /* provincial only: 0.5 × 6,000,000 = 3,000,000 */
    GRANT(rs, "A2.01.d", DATE, "3000000.00", "ratio_provincial", {"national_funds", "0"},
          {"provincial_funds", "6000000"});
}

MEASURE_TEST(a2_01_d_caps)
{
    /* national 1 × 15,000,000 → 10,000,000; no provincial funds */
    GRANT(rs, "A2.01.d", DATE, "10000000.00", "cap_national", {"national_funds", "15000000"},
          {"provincial_funds", "0"});
    /* provincial 0.5 × 12,000,000 = 6,000,000 → 5,000,000; no national funds */
    GRANT(rs, "A2.01.d", DATE, "5000000.00", "cap_provincial", {"national_funds", "0"},
          {"provincial_funds", "12000000"});
    /* at both caps: 10,000,000 + 0.5 × 10,000,000 = 15,000,000 */
    GRANT(rs, "A2.01.d", DATE, "15000000.00", NULL, {"national_funds", "10000000"},
          {"provincial_funds", "10000000"});
    /* above both: 10,000,000 + 5,000,000 */
    GRANT(rs, "A2.01.d", DATE, "15000000.00", NULL, {"national_funds", "20000000"},
          {"provincial_funds", "20000000"});
    /* the caps are separate, not pooled: min(12,000,000, 10,000,000) + 0.5 × 2,000,000
     * = 11,000,000 (a pooled 15,000,000 cap would give 13,000,000) */
    GRANT(rs, "A2.01.d", DATE, "11000000.00", NULL, {"national_funds", "12000000"},
          {"provincial_funds", "2000000"});
    /* one fen over the national cap */
    GRANT(rs, "A2.01.d", DATE, "10000000.00", "cap_national", {"national_funds", "10000000.01"},
          {"provincial_funds", "0"});
}

MEASURE_TEST(a2_01_d_rounding)
{
    /* 0.5 × 333.33 = 166.665 → 166.66 */
    GRANT(rs, "A2.01.d", DATE, "166.66", "ratio_provincial", {"national_funds", "0"},
          {"provincial_funds", "333.33"});
    /* 1 × 0.01 + 0.5 × 0.01 = 0.01 + 0.00 */
    GRANT(rs, "A2.01.d", DATE, "0.01", NULL, {"national_funds", "0.01"}, {"provincial_funds", "0.01"});
}

/* ---- A2.09.b ----------------------------------------------------------------
 * 市财政按 1:0.5—1:1 比例给予配套资助。  A range: the guideline picks the ratio, 1:1 at most
 * (the default); no cap is written. */
MEASURE_TEST(a2_09_b_matching_range)
{
    /* 1:1 × 2,000,000 */
    GRANT(rs, "A2.09.b", DATE, "2000000.00", "ratio", {"upstream_funds", "2000000"});
    /* no cap: 1:1 × 100,000,000 */
    GRANT(rs, "A2.09.b", DATE, "100000000.00", "ratio", {"upstream_funds", "100000000"});
    /* the lower end 1:0.5: 0.5 × 2,000,000 = 1,000,000; 0.5 × 333.33 = 166.665 → 166.66 */
    dgs_ruleset *low = derive(rs, "A2.09.b", "ratio", "1:0.5");
    GRANT(low, "A2.09.b", DATE, "1000000.00", "ratio", {"upstream_funds", "2000000"});
    GRANT(low, "A2.09.b", DATE, "166.66", "ratio", {"upstream_funds", "333.33"});
    dgs_ruleset_free(low);
    /* 1:0.8: 0.8 × 333.33 = 266.664 → 266.66 */
    dgs_ruleset *mid = derive(rs, "A2.09.b", "ratio", "1:0.8");
    GRANT(mid, "A2.09.b", DATE, "266.66", "ratio", {"upstream_funds", "333.33"});
    dgs_ruleset_free(mid);
    /* above 1:1 the text does not allow */
    dgs_ruleset *bad = NULL;
    dgs_error err;
    assert_int_equal(dgs_ruleset_set_parameter(rs, "A2.09.b", "ratio", "1:2", NULL, NULL, NULL,
                                               &bad, &err),
                     DGS_E_RANGE);
    assert_null(bad);
}

/* ---- A2.05.a ----------------------------------------------------------------
 * 对我市申报高新技术企业的企业给予不超过 3 万元的认定奖励。  Paid on
 * recognition (R14); the switch pays on application. */
MEASURE_TEST(a2_05_a_recognition_award)
{
    UP_TO(rs, "A2.05.a", DATE, "30000.00", {"recognised", "true"});
    GRANT(rs, "A2.05.a", DATE, "29999.99", "assessed", {"recognised", "true"}, {"assessed", "29999.99"});
    GRANT(rs, "A2.05.a", DATE, "30000.00", NULL, {"recognised", "true"}, {"assessed", "45000"});
    OUTCOME(rs, "A2.05.a", DATE, DGS_OUTCOME_INELIGIBLE, {"recognised", "false"});
    OUTCOME(rs, "A2.05.a", DATE, DGS_OUTCOME_INELIGIBLE, );
    dgs_ruleset *g = derive(rs, "A2.05.a", "reading_paid_on", "application");
    UP_TO(g, "A2.05.a", DATE, "30000.00", );
    UP_TO(g, "A2.05.a", DATE, "30000.00", {"recognised", "false"});
    GRANT(g, "A2.05.a", DATE, "12000.00", "assessed", {"assessed", "12000"});
    dgs_ruleset_free(g);
}

/* ---- ceilings of 附件2 -------------------------------------------------------
 * 一、项目群最高资助总额 3000 万元；单个项目最高资助额度 1000 万元；“揭榜挂帅”单个项目最高 500 万元。
 * 五、给予不超过 50 万元奖励。  七、最高不超过 100 万元的补贴；每家企业每年补贴最高不超过 100 万元。
 * 九、每专项每年资助不超过500万元。 */
MEASURE_TEST(a2_ceilings)
{
    static const ceiling_case rows[] = {
        {"A2.01.a", NULL, NULL, "30000000.00", 0},
        {"A2.01.b", NULL, NULL, "10000000.00", 0},
        {"A2.01.c", NULL, NULL, "5000000.00", 0},
        {"A2.05.b", NULL, NULL, "500000.00", 0},
        {"A2.07.a", NULL, NULL, "1000000.00", 0},
        {"A2.07.b", NULL, NULL, "1000000.00", 0},
        {"A2.09.a", NULL, NULL, "5000000.00", 0},
    };
    expect_ceilings(rs, rows);
}

MEASURE_TEST(a2_costs_and_periods)
{
    /* 项目群资助总额不超过3000万: 25,000,000 granted to the group's projects leaves 5,000,000 */
    UP_TO(rs, "A2.01.a", DATE, "5000000.00", {"granted_to_date", "25000000"});
    UP_TO(rs, "A2.01.a", DATE, "0.00", {"granted_to_date", "30000000"});
    /* rent subsidy not above the rent actually paid: 640,000.80 < 1,000,000 */
    UP_TO(rs, "A2.07.a", DATE, "640000.80", {"rent_paid", "640000.80"});
    UP_TO(rs, "A2.07.a", DATE, "1000000.00", {"rent_paid", "1800000"});
    /* 100万 per enterprise: 700,000 before leaves 300,000 < rent 640,000 */
    UP_TO(rs, "A2.07.a", DATE, "300000.00", {"rent_paid", "640000"},
          {"granted_to_date", "700000"});
    /* clean room: cost 420,000 < 1,000,000 a year */
    UP_TO(rs, "A2.07.b", DATE, "420000.00", {"build_cost", "420000"});
    /* 800,000 this year leaves 200,000 < cost 420,000 */
    UP_TO(rs, "A2.07.b", DATE, "200000.00", {"build_cost", "420000"},
          {"granted_this_year", "800000"});
    /* 每专项每年 500万: 4,500,000 this year leaves 500,000 */
    UP_TO(rs, "A2.09.a", DATE, "500000.00", {"granted_this_year", "4500000"});
}

/* ---- A2.04 (investment room, tolerated loss) -----------------------------------
 * 对单个企业的累计投资总金额最高1000万元；设置40%容亏比例。 */
MEASURE_TEST(a2_04_investment)
{
    GRANT(rs, "A2.04.a", DATE, "10000000.00", NULL, );
    /* 4,000,000 invested before leaves 6,000,000 */
    GRANT(rs, "A2.04.a", DATE, "6000000.00", NULL, {"invested_to_date", "4000000"});
    GRANT(rs, "A2.04.a", DATE, "0.00", NULL, {"invested_to_date", "12000000"});
    /* 40% × 50,000,000 = 20,000,000; 40% × 333.33 = 133.332 → 133.33 */
    GRANT(rs, "A2.04.b", DATE, "20000000.00", NULL, {"invested_capital", "50000000"});
    GRANT(rs, "A2.04.b", DATE, "133.33", NULL, {"invested_capital", "333.33"});
}

MEASURE_TEST(a2_unspecified)
{
    expect_unspecified(rs, "A2.02.a", "cap");
    expect_unspecified(rs, "A2.03.a", "cap");
    /* a guideline sets the award for an excellent pilot base at 2,000,000 */
    dgs_ruleset *g = derive(rs, "A2.02.a", "cap", "2000000");
    GRANT(g, "A2.02.a", DATE, "2000000.00", NULL, );
    GRANT(g, "A2.02.a", DATE, "1500000.00", "assessed", {"assessed", "1500000"});
    /* before the guideline's date the measure stays unspecified */
    dgs_ruleset *later = derive_from(rs, "A2.02.a", "cap", "2000000", "2025-01-01");
    OUTCOME(later, "A2.02.a", "2024-12-31", DGS_OUTCOME_UNSPECIFIED, );
    GRANT(later, "A2.02.a", "2025-01-01", "2000000.00", NULL, );
    dgs_ruleset_free(later);
    dgs_ruleset_free(g);
}

MEASURE_TEST(a2_kinds)
{
    /* data/catalog.json: 附件2 has 2 unspecified and 9 qualitative measures */
    expect_kind_outcome(rs, "A2", DGS_KIND_UNSPECIFIED, 2, DGS_OUTCOME_UNSPECIFIED);
    expect_kind_outcome(rs, "A2", DGS_KIND_QUALITATIVE, 9, DGS_OUTCOME_NOT_COMPUTABLE);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(a2_01_d_matching),
        cmocka_unit_test(a2_01_d_caps),
        cmocka_unit_test(a2_01_d_rounding),
        cmocka_unit_test(a2_09_b_matching_range),
        cmocka_unit_test(a2_05_a_recognition_award),
        cmocka_unit_test(a2_ceilings),
        cmocka_unit_test(a2_costs_and_periods),
        cmocka_unit_test(a2_04_investment),
        cmocka_unit_test(a2_unspecified),
        cmocka_unit_test(a2_kinds),
    };
    return cmocka_run_group_tests_name("measures of 附件2", tests, setup_ruleset, teardown_ruleset);
}
