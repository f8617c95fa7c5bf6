/* SPDX-License-Identifier: MulanPSL-2.0 */
/*
 * 实施意见 (the main opinion): every measure worked by hand from its clause,
 * and the validity window of the whole document.  Amounts in the comments
 * are yuan.
 */
#include "measure_helpers.h"

/* ---- the validity window ---------------------------------------------------
 * 附件1–5: 本措施自印发之日起实施，有效期三年; 印发 2024-01-16.  R1 (docs/interpretation.md): in force for
 * events dated 2024-01-16 … 2027-01-15 inclusive, the main opinion included. */
MEASURE_TEST(validity_window)
{
    /* one ceiling of each part of the document */
    static const char *const ids[] = {"OP.03.a", "A1.19.a", "A2.01.b", "A3.03.b", "A4.02.1.b", "A5.02.a"};
    static const char *const amounts[] = {"1000000.00", "3000000.00", "10000000.00",
                                          "10000000.00", "200000.00", "500000.00"};
    for (size_t i = 0; i < sizeof ids / sizeof ids[0]; i++) {
        OUTCOME(rs, ids[i], "2024-01-15", DGS_OUTCOME_NOT_IN_FORCE, );
        UP_TO(rs, ids[i], "2024-01-16", amounts[i], );
        UP_TO(rs, ids[i], "2027-01-15", amounts[i], );
        OUTCOME(rs, ids[i], "2027-01-16", DGS_OUTCOME_NOT_IN_FORCE, );
    }
    /* a formula measure: 5% × 28,000,000 = 1,400,000 inside the window, nothing outside */
    OUTCOME(rs, "A1.07.a", "2024-01-15", DGS_OUTCOME_NOT_IN_FORCE, {"financed_amount", "28000000"},
            {"interest_paid", "1500000"});
    GRANT(rs, "A1.07.a", "2024-01-16", "1400000.00", "ratio", {"financed_amount", "28000000"},
          {"interest_paid", "1500000"});
    GRANT(rs, "A1.07.a", "2027-01-15", "1400000.00", "ratio", {"financed_amount", "28000000"},
          {"interest_paid", "1500000"});
    OUTCOME(rs, "A1.07.a", "2027-01-16", DGS_OUTCOME_NOT_IN_FORCE, {"financed_amount", "28000000"},
            {"interest_paid", "1500000"});
    /* the reason names the window */
    dgs_result *r = evaluate(rs, "OP.03.a", "2027-01-16", );
    expect_reason_mentions(r, "2024-01-16");
    expect_reason_mentions(r, "2027-01-15");
    dgs_result_free(r);
}

MEASURE_TEST(validity_window_moved_by_a_guideline)
{
    /* a ruleset-wide parameter: the window ends one day later */
    dgs_ruleset *g = derive(rs, NULL, "validity_end", "2027-01-16");
    UP_TO(g, "OP.03.a", "2027-01-16", "1000000.00", );
    OUTCOME(g, "OP.03.a", "2027-01-17", DGS_OUTCOME_NOT_IN_FORCE, );
    OUTCOME(g, "OP.03.a", "2024-01-15", DGS_OUTCOME_NOT_IN_FORCE, );
    dgs_ruleset_free(g);
}

/* ---- ceilings of the main opinion -------------------------------------------
 * （一）给予最高 100 万元奖励  （二）给予最高 300 万元奖励  （三）给予最高100万元奖励
 * （五）每个项目最高300万元；给予最高100万元  （八）给予最高 1000 万元奖励
 * （十二）最高 100 万元租金补贴；每家企业每年给予最高 100 万元奖励
 * （十三）给予最高500万元奖励  （十四）分阶段给予最高3000万元；每个品种最高 200 万元；每个产品
 * 最高 300 万元；给予最高 1000 万元奖励  （十七）给予最高 50 万元奖励
 * （十九）每家企业每年给予最高300万元奖励  （二十一）给予最高100万元奖励
 * （二十二）对企业出海的给予最高200万元奖励 */
MEASURE_TEST(op_ceilings)
{
    static const ceiling_case rows[] = {
        {"OP.01.a", "creative_design_park", "recognition", "1000000.00", 0},
        {"OP.01.a", "national_design_centre", "recognition", "1000000.00", 0},
        {"OP.02.a", "well_known_trademark", "honour", "3000000.00", 0},
        /* the China Quality Award branch is 附件5（九）'s exact 300万 (test_restatements) */
        {"OP.03.a", NULL, NULL, "1000000.00", 0},
        {"OP.05.a", NULL, NULL, "3000000.00", 0},
        {"OP.05.b", NULL, NULL, "1000000.00", 0},
        {"OP.08.a", NULL, NULL, "10000000.00", 0},
        {"OP.12.a", NULL, NULL, "1000000.00", 0},
        {"OP.12.b", NULL, NULL, "1000000.00", 0},
        {"OP.13.b", NULL, NULL, "5000000.00", 0},
        {"OP.14.a", NULL, NULL, "30000000.00", 0},
        {"OP.14.b", NULL, NULL, "2000000.00", 0},
        {"OP.14.c", NULL, NULL, "3000000.00", 0},
        {"OP.14.d", NULL, NULL, "10000000.00", 0},
        {"OP.17.a", NULL, NULL, "500000.00", 0},
        {"OP.21.b", NULL, NULL, "1000000.00", 0},
        {"OP.22.a", NULL, NULL, "2000000.00", 0},
    };
    expect_ceilings(rs, rows);
}

MEASURE_TEST(op_costs_and_periods)
{
    /* （十二）租金补贴 not above the rent actually paid (R19): 456,789.12 */
    UP_TO(rs, "OP.12.a", DATE, "456789.12", {"rent_paid", "456789.12"});
    UP_TO(rs, "OP.12.a", DATE, "1000000.00", {"rent_paid", "2000000"});
    /* 100万 per enterprise: 300,000 before leaves 700,000 < rent 2,000,000 */
    UP_TO(rs, "OP.12.a", DATE, "700000.00", {"rent_paid", "2000000"},
          {"granted_to_date", "300000"});
    /* clean room: 每年最高100万; cost 650,000; 500,000 this year leaves 500,000 */
    UP_TO(rs, "OP.12.b", DATE, "650000.00", {"build_cost", "650000"});
    UP_TO(rs, "OP.12.b", DATE, "500000.00", {"build_cost", "650000"},
          {"granted_this_year", "500000"});
    /* （十四）new drug, stages together at most 3000万: 18,000,000 before leaves 12,000,000 */
    UP_TO(rs, "OP.14.a", DATE, "12000000.00", {"granted_to_date", "18000000"});
    /* （十九）每年最高300万, restating 附件1（十）'s 1% of new purchases: 1% × 150,000,000 =
     * 1,500,000; 2,000,000 this year leaves 1,000,000 */
    GRANT(rs, "OP.19.a", DATE, "1000000.00", "cap_per_year", {"new_purchases", "150000000"},
          {"granted_this_year", "2000000"});
    /* （三）（二十二） are awards (奖励), not bounded by a cost (R19) */
    assert_int_equal(dgs_measure_input_count(measure(rs, "OP.03.a")), 1);
    assert_int_equal(dgs_measure_input_count(measure(rs, "OP.22.a")), 1);
}

/* ---- OP.10.a ----------------------------------------------------------------
 * （十）对纳入智能机器人产业链关键企业清单的，资助比例和资助限额在基准标准基础上可上浮 5%，对“链主”
 * 企业资助比例和资助限额在基准标准基础上可上浮 10%，每家企业每年最高 500 万元。
 * R2 (docs/interpretation.md): relative (× 1.05 / × 1.10) for both the ratio and the limit by default;
 * percentage points for the ratio is a switch. */
MEASURE_TEST(op_10_a_uplift_relative)
{
    /* key list: 10% × 1.05 = 10.5% × 1,000,000 = 105,000; limit 200,000 × 1.05 = 210,000 */
    GRANT(rs, "OP.10.a", DATE, "105000.00", NULL, {"tier", "key_list"}, {"award_base", "1000000"},
          {"base_ratio_bp", "1000"}, {"base_limit", "200000"});
    /* chain leader: 10% × 1.10 = 11% × 1,000,000 = 110,000; limit 220,000 */
    GRANT(rs, "OP.10.a", DATE, "110000.00", NULL, {"tier", "chain_leader"},
          {"award_base", "1000000"}, {"base_ratio_bp", "1000"}, {"base_limit", "200000"});
    /* the uplifted limit binds: 80,000 × 1.05 = 84,000 < 105,000 */
    GRANT(rs, "OP.10.a", DATE, "84000.00", "base_limit", {"tier", "key_list"},
          {"award_base", "1000000"}, {"base_ratio_bp", "1000"}, {"base_limit", "80000"});
    /* 10.5% × 333.33 = 34.999650 → 34.99 */
    GRANT(rs, "OP.10.a", DATE, "34.99", NULL, {"tier", "key_list"}, {"award_base", "333.33"},
          {"base_ratio_bp", "1000"}, {"base_limit", "1000"});
}

MEASURE_TEST(op_10_a_yearly_cap)
{
    /* chain leader: 50% × 1.10 = 55% × 100,000,000 = 55,000,000; limit 110,000,000 → 5,000,000 */
    GRANT(rs, "OP.10.a", DATE, "5000000.00", "cap_per_enterprise_per_year", {"tier", "chain_leader"},
          {"award_base", "100000000"}, {"base_ratio_bp", "5000"}, {"base_limit", "100000000"});
    /* 4,000,000 already this year leaves 1,000,000 < 10.5% × 20,000,000 = 2,100,000 */
    GRANT(rs, "OP.10.a", DATE, "1000000.00", "cap_per_enterprise_per_year", {"tier", "key_list"},
          {"award_base", "20000000"}, {"base_ratio_bp", "1000"}, {"base_limit", "10000000"},
          {"granted_this_year", "4000000"});
}

MEASURE_TEST(op_10_a_uplift_in_points)
{
    dgs_ruleset *g = derive(rs, "OP.10.a", "reading_uplift", "points");
    /* key list: 10% + 5 points = 15% × 1,000,000 = 150,000; limit 210,000 */
    GRANT(g, "OP.10.a", DATE, "150000.00", NULL, {"tier", "key_list"}, {"award_base", "1000000"},
          {"base_ratio_bp", "1000"}, {"base_limit", "200000"});
    /* chain leader: 10% + 10 points = 20% → 200,000; limit 220,000 */
    GRANT(g, "OP.10.a", DATE, "200000.00", NULL, {"tier", "chain_leader"},
          {"award_base", "1000000"}, {"base_ratio_bp", "1000"}, {"base_limit", "200000"});
    /* the limit stays relative: 15% × 1,000,000 = 150,000 against the limit
     * 140,000 × 1.05 = 147,000 → 147,000 */
    GRANT(g, "OP.10.a", DATE, "147000.00", "base_limit", {"tier", "key_list"},
          {"award_base", "1000000"}, {"base_ratio_bp", "1000"}, {"base_limit", "140000"});
    dgs_ruleset_free(g);
}

/* （二十四）对符合条件的天使期项目最高投资1000万元 — an equity investment. */
MEASURE_TEST(op_24_a_investment)
{
    GRANT(rs, "OP.24.a", DATE, "10000000.00", NULL, );
    GRANT(rs, "OP.24.a", DATE, "5000000.00", "assessed", {"assessed", "5000000"});
}

/* ---- unspecified measures made computable --------------------------------------
 * （六）对企业采用直接融资租赁方式购买生产设备的给予贴息支持。
 * （十二）对实际支付的委托研究费用给予奖励。
 * （十五）市镇联动给予不超过 3 年租金补贴。 */
MEASURE_TEST(op_unspecified_with_a_guideline)
{
    expect_unspecified(rs, "OP.06.b", "ratio", "cap");
    expect_unspecified(rs, "OP.12.c", "ratio", "cap");
    expect_unspecified(rs, "OP.15.a", "ratio");
    expect_unspecified(rs, "OP.01.b", "cap");

    /* OP.06.b: a rate alone is not enough, the cap is still missing */
    dgs_ruleset *g1 = derive(rs, "OP.06.b", "ratio", "2%");
    expect_unspecified(g1, "OP.06.b", "cap");
    dgs_ruleset *g2 = derive(g1, "OP.06.b", "cap", "500000");
    /* 2% × 10,000,000 = 200,000; 2% × 30,000,000 = 600,000 → 500,000 */
    GRANT(g2, "OP.06.b", DATE, "200000.00", "ratio", {"financed_amount", "10000000"});
    GRANT(g2, "OP.06.b", DATE, "500000.00", "cap", {"financed_amount", "30000000"});
    GRANT(g2, "OP.06.b", DATE, "150000.00", "assessed", {"financed_amount", "10000000"},
          {"assessed", "150000"});
    dgs_ruleset_free(g2);
    dgs_ruleset_free(g1);

    /* OP.12.c: 20% of the fees, at most 300,000 */
    dgs_ruleset *g3 = derive(rs, "OP.12.c", "ratio", "20%");
    dgs_ruleset *g4 = derive(g3, "OP.12.c", "cap", "300000");
    GRANT(g4, "OP.12.c", DATE, "200000.00", "ratio", {"fees_paid", "1000000"});
    GRANT(g4, "OP.12.c", DATE, "300000.00", "cap", {"fees_paid", "2000000"});
    /* 20% × 333.33 = 66.666 → 66.66 */
    GRANT(g4, "OP.12.c", DATE, "66.66", "ratio", {"fees_paid", "333.33"});
    dgs_ruleset_free(g4);
    dgs_ruleset_free(g3);

    /* OP.15.a: 50% of the rent, for at most 3 years (不超过 3 年 includes year 3) */
    dgs_ruleset *g5 = derive(rs, "OP.15.a", "ratio", "50%");
    GRANT(g5, "OP.15.a", DATE, "120000.00", "ratio", {"rent_paid", "240000"}, {"subsidy_year", "1"});
    GRANT(g5, "OP.15.a", DATE, "120000.00", "ratio", {"rent_paid", "240000"}, {"subsidy_year", "3"});
    OUTCOME(g5, "OP.15.a", DATE, DGS_OUTCOME_INELIGIBLE, {"rent_paid", "240000"}, {"subsidy_year", "4"});
    /* with a yearly cap of 100,000 */
    dgs_ruleset *g6 = derive(g5, "OP.15.a", "cap_per_year", "100000");
    GRANT(g6, "OP.15.a", DATE, "100000.00", "cap_per_year", {"rent_paid", "240000"},
          {"subsidy_year", "2"});
    dgs_ruleset_free(g6);
    dgs_ruleset_free(g5);

    /* OP.01.b: a guideline amount of 200,000 */
    dgs_ruleset *g7 = derive(rs, "OP.01.b", "cap", "200000");
    GRANT(g7, "OP.01.b", DATE, "200000.00", NULL, );
    GRANT(g7, "OP.01.b", DATE, "150000.00", "assessed", {"assessed", "150000"});
    dgs_ruleset_free(g7);
}

MEASURE_TEST(op_kinds)
{
    /* data/catalog.json: the main opinion has 23 unspecified and 25 qualitative measures */
    expect_kind_outcome(rs, "OP", DGS_KIND_UNSPECIFIED, 23, DGS_OUTCOME_UNSPECIFIED);
    expect_kind_outcome(rs, "OP", DGS_KIND_QUALITATIVE, 25, DGS_OUTCOME_NOT_COMPUTABLE);
    /* the whole catalogue (data/catalog.json): 22 formula, 52 fixed_cap, 8 tiered_fixed,
     * 8 price_or_quota, 37 unspecified, 75 qualitative; of the 37, four name
     * another policy that sets the amount (governed_elsewhere) */
    size_t per_kind[8] = {0};
    for (size_t i = 0; i < dgs_ruleset_measure_count(rs); i++) {
        int kind = dgs_measure_kind(dgs_ruleset_measure_at(rs, i));
        assert_in_range(kind, DGS_KIND_FORMULA, DGS_KIND_GOVERNED_ELSEWHERE);
        per_kind[kind]++;
    }
    assert_int_equal(dgs_ruleset_measure_count(rs), 202);
    assert_int_equal(per_kind[DGS_KIND_FORMULA], 22);
    assert_int_equal(per_kind[DGS_KIND_FIXED_CAP], 52);
    assert_int_equal(per_kind[DGS_KIND_TIERED_FIXED], 8);
    assert_int_equal(per_kind[DGS_KIND_PRICE_OR_QUOTA], 8);
    assert_int_equal(per_kind[DGS_KIND_UNSPECIFIED], 33);
    assert_int_equal(per_kind[DGS_KIND_GOVERNED_ELSEWHERE], 4);
    assert_int_equal(per_kind[DGS_KIND_QUALITATIVE], 75);
    /* the 22 formula measures, by name */
    static const char *const formulas[] = {
        "A1.01.a", "A1.04.a", "A1.06.a", "A1.06.b", "A1.07.a", "A1.10.a", "A1.11.a", "A2.01.d",
        "A2.09.b", "A3.06.a", "A3.08.b", "A4.02.1.a", "A4.02.1.c", "A4.02.2.a", "A4.02.2.b",
        "A4.02.2.c", "A4.03.b", "A4.04.b", "A4.09.a", "A4.09.b", "A4.09.d", "A4.09.e",
    };
    for (size_t i = 0; i < sizeof formulas / sizeof formulas[0]; i++)
        assert_int_equal(dgs_measure_kind(measure(rs, formulas[i])), DGS_KIND_FORMULA);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(validity_window),
        cmocka_unit_test(validity_window_moved_by_a_guideline),
        cmocka_unit_test(op_ceilings),
        cmocka_unit_test(op_costs_and_periods),
        cmocka_unit_test(op_10_a_uplift_relative),
        cmocka_unit_test(op_10_a_yearly_cap),
        cmocka_unit_test(op_10_a_uplift_in_points),
        cmocka_unit_test(op_24_a_investment),
        cmocka_unit_test(op_unspecified_with_a_guideline),
        cmocka_unit_test(op_kinds),
    };
    return cmocka_run_group_tests_name("measures of the main opinion", tests, setup_ruleset, teardown_ruleset);
}
