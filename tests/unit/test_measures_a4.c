/* SPDX-License-Identifier: MulanPSL-2.0 */
/*
 * 附件4 关于支持内外贸一体化高质量发展的若干措施: every measure worked by hand
 * from its clause.  Amounts in the comments are yuan, areas m².
 */
#include "measure_helpers.h"

/* ---- A4.02.1.a --------------------------------------------------------------
 * 对以特装展位方式（面积18平方米及以上）参加“粤贸全球”线下展的东莞企业，按实际发生特装布展费的
 * 50%予以支持，最高支持每平方米1500元，每家企业同一展会最高支持总额不超过10万元。
 * award = min(50% × build cost, 1,500 × area, 100,000); area ≥ 18 m² (及以上 includes 18). */
MEASURE_TEST(a4_02_1_a_area_threshold)
{
    OUTCOME(rs, "A4.02.1.a", DATE, DGS_OUTCOME_INELIGIBLE, {"booth_area", "17.99"},
            {"build_cost", "40000"});
    /* 18 m²: 50% × 40,000 = 20,000 < 1,500 × 18 = 27,000 */
    GRANT(rs, "A4.02.1.a", DATE, "20000.00", "ratio", {"booth_area", "18"}, {"build_cost", "40000"});
    GRANT(rs, "A4.02.1.a", DATE, "20000.00", "ratio", {"booth_area", "18.01"}, {"build_cost", "40000"});
    dgs_result *r = evaluate(rs, "A4.02.1.a", DATE, {"booth_area", "17.99"}, {"build_cost", "40000"});
    expect_reason_mentions(r, "18");
    dgs_result_free(r);
}

MEASURE_TEST(a4_02_1_a_caps)
{
    /* per m²: 50% × 80,000 = 40,000 > 1,500 × 20 = 30,000 */
    GRANT(rs, "A4.02.1.a", DATE, "30000.00", "cap_per_m2", {"booth_area", "20"}, {"build_cost", "80000"});
    /* per m² with a fractional area: 1,500 × 18.33 = 27,495 < 50% × 60,000 = 30,000 */
    GRANT(rs, "A4.02.1.a", DATE, "27495.00", "cap_per_m2", {"booth_area", "18.33"},
          {"build_cost", "60000"});
    /* per exhibition: 50% × 300,000 = 150,000; 1,500 × 100 = 150,000 → 100,000 */
    GRANT(rs, "A4.02.1.a", DATE, "100000.00", "cap_per_exhibition", {"booth_area", "100"},
          {"build_cost", "300000"});
    /* ratio and cap equal: 50% × 200,000 = 100,000 (< 1,500 × 80 = 120,000) = 100,000 */
    GRANT(rs, "A4.02.1.a", DATE, "100000.00", NULL, {"booth_area", "80"}, {"build_cost", "200000"});
    /* 50% × 60,000 = 30,000 = 1,500 × 20 */
    GRANT(rs, "A4.02.1.a", DATE, "30000.00", NULL, {"booth_area", "20"}, {"build_cost", "60000"});
}

MEASURE_TEST(a4_02_1_a_rounding)
{
    /* 50% × 333.33 = 166.665 → 166.66 */
    GRANT(rs, "A4.02.1.a", DATE, "166.66", "ratio", {"booth_area", "18"}, {"build_cost", "333.33"});
}

/* ---- A4.02.1.b, A4.02.1.c ------------------------------------------------------
 * 每个展会组展奖励最高 20 万元，对由商协会统一承担的展品往返物流费用的 50%给予最高 10 万元补贴。 */
MEASURE_TEST(a4_02_1_c_logistics)
{
    /* 50% × 150,000 = 75,000 */
    GRANT(rs, "A4.02.1.c", DATE, "75000.00", "ratio", {"logistics_cost", "150000"});
    /* 50% × 300,000 = 150,000 → 100,000 */
    GRANT(rs, "A4.02.1.c", DATE, "100000.00", "cap", {"logistics_cost", "300000"});
    /* at the cap: 50% × 200,000 */
    GRANT(rs, "A4.02.1.c", DATE, "100000.00", NULL, {"logistics_cost", "200000"});
    /* 50% × 200,000.02 = 100,000.01 → 100,000 */
    GRANT(rs, "A4.02.1.c", DATE, "100000.00", "cap", {"logistics_cost", "200000.02"});
    /* 50% × 333.33 = 166.665 → 166.66 */
    GRANT(rs, "A4.02.1.c", DATE, "166.66", "ratio", {"logistics_cost", "333.33"});
}

/* ---- A4.02.2.a --------------------------------------------------------------
 * 对场地租金、场地布置费用按实际发生金额给予支持，每家协会每场新品发布会最高支持不超过 15 万元。
 * Ratio not written (R17): 100% by default. */
MEASURE_TEST(a4_02_2_a_launch)
{
    /* 100% × (60,000 + 40,000) = 100,000 */
    GRANT(rs, "A4.02.2.a", DATE, "100000.00", "ratio", {"venue_rent", "60000"}, {"setup_cost", "40000"});
    /* 100% × (120,000 + 80,000) = 200,000 → 150,000 */
    GRANT(rs, "A4.02.2.a", DATE, "150000.00", "cap_per_launch", {"venue_rent", "120000"},
          {"setup_cost", "80000"});
    /* at the cap */
    GRANT(rs, "A4.02.2.a", DATE, "150000.00", NULL, {"venue_rent", "100000"}, {"setup_cost", "50000"});
    /* 100% × (0.01 + 0.02) = 0.03 */
    GRANT(rs, "A4.02.2.a", DATE, "0.03", "ratio", {"venue_rent", "0.01"}, {"setup_cost", "0.02"});
    /* a guideline ratio of 50%: 50% × (100.01 + 100.01) = 100.01 (summed, then floored once) */
    dgs_ruleset *g = derive(rs, "A4.02.2.a", "ratio", "50%");
    GRANT(g, "A4.02.2.a", DATE, "100.01", "ratio", {"venue_rent", "100.01"}, {"setup_cost", "100.01"});
    dgs_ruleset_free(g);
}

/* ---- A4.02.2.b --------------------------------------------------------------
 * 对每个展销平台运营首年场地租金按实际发生金额的 50%给予支持，每平方米最高支持 35 元/月，全年支持
 * 总额不超过 50 万元；  award = min(50% × rent, 35 × area × months (≤ 12), 500,000). */
MEASURE_TEST(a4_02_2_b_first_year_rent)
{
    /* 50% × 100,000 = 50,000 < 35 × 500 × 12 = 210,000 */
    GRANT(rs, "A4.02.2.b", DATE, "50000.00", "ratio", {"first_year_rent", "100000"}, {"area", "500"},
          {"months", "12"});
    /* per m² per month: 50% × 300,000 = 150,000 > 35 × 200 × 12 = 84,000 */
    GRANT(rs, "A4.02.2.b", DATE, "84000.00", "cap_per_m2_month", {"first_year_rent", "300000"},
          {"area", "200"}, {"months", "12"});
    /* six months: 35 × 200 × 6 = 42,000 < 50% × 100,000 = 50,000 */
    GRANT(rs, "A4.02.2.b", DATE, "42000.00", "cap_per_m2_month", {"first_year_rent", "100000"},
          {"area", "200"}, {"months", "6"});
    /* fractional area: 35 × 100.5 × 12 = 42,210 < 50% × 200,000 = 100,000 */
    GRANT(rs, "A4.02.2.b", DATE, "42210.00", "cap_per_m2_month", {"first_year_rent", "200000"},
          {"area", "100.5"}, {"months", "12"});
    /* the year: 50% × 1,200,000 = 600,000; 35 × 2,000 × 12 = 840,000 → 500,000 */
    GRANT(rs, "A4.02.2.b", DATE, "500000.00", "cap_year", {"first_year_rent", "1200000"},
          {"area", "2000"}, {"months", "12"});
    /* 50% × 333.33 = 166.665 → 166.66 */
    GRANT(rs, "A4.02.2.b", DATE, "166.66", "ratio", {"first_year_rent", "333.33"}, {"area", "100"},
          {"months", "12"});
}

MEASURE_TEST(a4_02_2_b_first_year_only)
{
    /* 首年: at most 12 months count; 13 months → 35 × 200 × 12 = 84,000 < 150,000 */
    GRANT(rs, "A4.02.2.b", DATE, "84000.00", "cap_per_m2_month", {"first_year_rent", "300000"},
          {"area", "200"}, {"months", "13"});
    /* the ratio still sets the amount when the months are clamped:
     * 50% × 100,000 = 50,000 < 35 × 1,000 × 12 = 420,000 */
    GRANT(rs, "A4.02.2.b", DATE, "50000.00", "ratio", {"first_year_rent", "100000"},
          {"area", "1000"}, {"months", "13"});
}

/* ---- A4.02.2.c --------------------------------------------------------------
 * 对展厅整体形象装修费按实际发生金额的 50%给予一次性支持，每平方米最高支持 1000 元，支持总额不超过
 * 50 万元。 */
MEASURE_TEST(a4_02_2_c_decoration)
{
    /* 50% × 200,000 = 100,000 < 1,000 × 300 */
    GRANT(rs, "A4.02.2.c", DATE, "100000.00", "ratio", {"decoration_cost", "200000"}, {"area", "300"});
    /* 50% × 400,000 = 200,000 > 1,000 × 150 = 150,000 */
    GRANT(rs, "A4.02.2.c", DATE, "150000.00", "cap_per_m2", {"decoration_cost", "400000"},
          {"area", "150"});
    /* 1,000 × 150.55 = 150,550 */
    GRANT(rs, "A4.02.2.c", DATE, "150550.00", "cap_per_m2", {"decoration_cost", "400000"},
          {"area", "150.55"});
    /* 50% × 1,500,000 = 750,000; 1,000 × 1,000 = 1,000,000 → 500,000 */
    GRANT(rs, "A4.02.2.c", DATE, "500000.00", "cap_total", {"decoration_cost", "1500000"},
          {"area", "1000"});
    /* 50% × 333.33 = 166.665 → 166.66 */
    GRANT(rs, "A4.02.2.c", DATE, "166.66", "ratio", {"decoration_cost", "333.33"}, {"area", "10"});
}

/* ---- A4.03.b ----------------------------------------------------------------
 * 对当年在我市专业展馆新办或引进展览面积 1 万平方米或以上、展期在 3 天或以上的展会，给予 20 万元
 * 支持。其中，获得国际展览业协会（UFI）认证或由国家行业协会主办的支持标准提高至 30 万元；展览面积
 * 每增加 5000 平方米的，给予 10 万元支持。每个展会支持金额最高不超过 300 万元。
 * award = min(base + 100,000 × floor((area − 10,000) / 5,000), 3,000,000 − granted for the show). */
MEASURE_TEST(a4_03_b_thresholds)
{
    OUTCOME(rs, "A4.03.b", DATE, DGS_OUTCOME_INELIGIBLE, {"exhibition_area", "9999.99"}, {"days", "3"});
    OUTCOME(rs, "A4.03.b", DATE, DGS_OUTCOME_INELIGIBLE, {"exhibition_area", "10000"}, {"days", "2"});
    /* 10,000 m² and 3 days: both 或以上 → 200,000 */
    GRANT(rs, "A4.03.b", DATE, "200000.00", NULL, {"exhibition_area", "10000"}, {"days", "3"});
}

MEASURE_TEST(a4_03_b_steps)
{
    /* 14,999.99 m²: no whole 5,000 m² step → 200,000 */
    GRANT(rs, "A4.03.b", DATE, "200000.00", NULL, {"exhibition_area", "14999.99"}, {"days", "3"});
    /* 15,000 m²: one step → 200,000 + 100,000 */
    GRANT(rs, "A4.03.b", DATE, "300000.00", NULL, {"exhibition_area", "15000"}, {"days", "5"});
    /* 32,000 m²: floor(22,000 / 5,000) = 4 → 200,000 + 400,000 */
    GRANT(rs, "A4.03.b", DATE, "600000.00", NULL, {"exhibition_area", "32000"}, {"days", "4"});
    /* UFI or a national association: 300,000 */
    GRANT(rs, "A4.03.b", DATE, "300000.00", NULL, {"exhibition_area", "10000"}, {"days", "3"},
          {"certified", "true"});
    GRANT(rs, "A4.03.b", DATE, "200000.00", NULL, {"exhibition_area", "10000"}, {"days", "3"},
          {"certified", "false"});
    /* 27,500 m² certified: floor(17,500 / 5,000) = 3 → 300,000 + 300,000 */
    GRANT(rs, "A4.03.b", DATE, "600000.00", NULL, {"exhibition_area", "27500"}, {"days", "3"},
          {"certified", "true"});
}

MEASURE_TEST(a4_03_b_cap)
{
    /* 150,000 m²: 28 steps → 200,000 + 2,800,000 = 3,000,000 (at the cap) */
    GRANT(rs, "A4.03.b", DATE, "3000000.00", NULL, {"exhibition_area", "150000"}, {"days", "3"});
    /* 160,000 m²: 30 steps → 3,200,000 → 3,000,000 */
    GRANT(rs, "A4.03.b", DATE, "3000000.00", "cap_per_exhibition", {"exhibition_area", "160000"},
          {"days", "3"});
    /* certified 145,000 m²: 27 steps → 300,000 + 2,700,000 = 3,000,000 */
    GRANT(rs, "A4.03.b", DATE, "3000000.00", NULL, {"exhibition_area", "145000"}, {"days", "3"},
          {"certified", "true"});
    /* certified 150,000 m²: 28 steps → 3,100,000 → 3,000,000 */
    GRANT(rs, "A4.03.b", DATE, "3000000.00", "cap_per_exhibition", {"exhibition_area", "150000"},
          {"days", "3"}, {"certified", "true"});
    /* the 300万 per exhibition is shared with the rent subsidy (R8): 2,900,000 already
     * granted for the show leaves 100,000 < 200,000 + 2 × 100,000 = 400,000 */
    GRANT(rs, "A4.03.b", DATE, "100000.00", "cap_per_exhibition", {"exhibition_area", "20000"},
          {"days", "3"}, {"granted_to_date", "2900000"});
    GRANT(rs, "A4.03.b", DATE, "0.00", "cap_per_exhibition", {"exhibition_area", "20000"},
          {"days", "3"}, {"granted_to_date", "3000000"});
}

MEASURE_TEST(a4_03_b_pro_rata_reading)
{
    /* 每增加5000平方米 read pro rata (R8, the other reading): 100,000 per 5,000 m²,
     * i.e. 20 yuan per m² above 10,000 m² */
    dgs_ruleset *g = derive(rs, "A4.03.b", "reading_increment", "pro_rata");
    /* 12,500 m²: 200,000 + 100,000 × 2,500 / 5,000 = 250,000 */
    GRANT(g, "A4.03.b", DATE, "250000.00", NULL, {"exhibition_area", "12500"}, {"days", "3"});
    /* 10,000.01 m²: 200,000 + 20 × 0.01 = 200,000.20 */
    GRANT(g, "A4.03.b", DATE, "200000.20", NULL, {"exhibition_area", "10000.01"}, {"days", "3"});
    /* certified 14,999.99 m²: 300,000 + 20 × 4,999.99 = 399,999.80 */
    GRANT(g, "A4.03.b", DATE, "399999.80", NULL, {"exhibition_area", "14999.99"}, {"days", "3"},
          {"certified", "true"});
    /* 150,000.01 m²: 200,000 + 2,800,000.20 → 3,000,000 */
    GRANT(g, "A4.03.b", DATE, "3000000.00", "cap_per_exhibition", {"exhibition_area", "150000.01"},
          {"days", "3"});
    /* the thresholds stay */
    OUTCOME(g, "A4.03.b", DATE, DGS_OUTCOME_INELIGIBLE, {"exhibition_area", "9999.99"}, {"days", "3"});
    dgs_ruleset_free(g);
}

/* ---- A4.03.a, A4.03.c (unspecified, with written thresholds) -------------------
 * 专业展馆、展期 3 天或以上且展览面积 1 万平方米或以上的展会给予场馆租金补贴；非专业展馆、展期
 * 3 天或以上且展览面积 2 万平方米或以上的展会给予宣传费用补贴。  The rate is for a guideline. */
MEASURE_TEST(a4_03_a_c_with_a_guideline_rate)
{
    /* Without a rate the amount is unspecified, but the written thresholds
     * decide first: below 3 days or the area the exhibition is ineligible. */
    dgs_result *r = evaluate(rs, "A4.03.a", DATE, {"exhibition_area", "10000"}, {"days", "3"},
                             {"venue_rent", "400000"});
    expect_outcome(r, DGS_OUTCOME_UNSPECIFIED);
    expect_reason_mentions(r, "ratio");
    dgs_result_free(r);
    r = evaluate(rs, "A4.03.a", DATE, {"exhibition_area", "9999.99"}, {"days", "3"}, {"venue_rent", "400000"});
    expect_outcome(r, DGS_OUTCOME_INELIGIBLE);
    expect_reason_mentions(r, "exhibition area");
    dgs_result_free(r);
    OUTCOME(rs, "A4.03.a", DATE, DGS_OUTCOME_INELIGIBLE, {"exhibition_area", "10000"}, {"days", "2"},
            {"venue_rent", "400000"});
    r = evaluate(rs, "A4.03.c", DATE, {"exhibition_area", "20000"}, {"days", "3"}, {"publicity_cost", "1"});
    expect_outcome(r, DGS_OUTCOME_UNSPECIFIED);
    expect_reason_mentions(r, "ratio");
    dgs_result_free(r);
    OUTCOME(rs, "A4.03.c", DATE, DGS_OUTCOME_INELIGIBLE, {"exhibition_area", "19999.99"}, {"days", "3"},
            {"publicity_cost", "1"});
    OUTCOME(rs, "A4.03.c", DATE, DGS_OUTCOME_INELIGIBLE, {"exhibition_area", "20000"}, {"days", "2"},
            {"publicity_cost", "1"});
    /* Without the figures nothing can fail: still unspecified, not an error. */
    OUTCOME(rs, "A4.03.a", DATE, DGS_OUTCOME_UNSPECIFIED, );
    dgs_ruleset *g1 = derive(rs, "A4.03.a", "ratio", "50%");
    /* 50% × 400,000 = 200,000 */
    GRANT(g1, "A4.03.a", DATE, "200000.00", "ratio", {"exhibition_area", "10000"}, {"days", "3"},
          {"venue_rent", "400000"});
    OUTCOME(g1, "A4.03.a", DATE, DGS_OUTCOME_INELIGIBLE, {"exhibition_area", "9999.99"},
            {"days", "3"}, {"venue_rent", "400000"});
    OUTCOME(g1, "A4.03.a", DATE, DGS_OUTCOME_INELIGIBLE, {"exhibition_area", "10000"},
            {"days", "2"}, {"venue_rent", "400000"});
    /* with a guideline cap of 150,000 as well */
    dgs_ruleset *g2 = derive(g1, "A4.03.a", "cap", "150000");
    GRANT(g2, "A4.03.a", DATE, "150000.00", "cap", {"exhibition_area", "10000"}, {"days", "3"},
          {"venue_rent", "400000"});
    dgs_ruleset_free(g2);
    dgs_ruleset_free(g1);

    dgs_ruleset *g3 = derive(rs, "A4.03.c", "ratio", "30%");
    /* 2 万平方米或以上: 19,999.99 fails; 20,000: 30% × 100,000.10 = 30,000.03 */
    OUTCOME(g3, "A4.03.c", DATE, DGS_OUTCOME_INELIGIBLE, {"exhibition_area", "19999.99"},
            {"days", "3"}, {"publicity_cost", "100000"});
    GRANT(g3, "A4.03.c", DATE, "30000.03", "ratio", {"exhibition_area", "20000"}, {"days", "3"},
          {"publicity_cost", "100000.10"});
    dgs_ruleset_free(g3);
}

/* ---- A4.04.b ----------------------------------------------------------------
 * 对参与企业人员机票及住宿费按不超过 80%的比例给予资助……每个单位支持不超过 2 名工作人员。
 * 每家企业每场活动最高支持金额不超过 5 万元。  travel_costs: one amount per staff member; the
 * two largest count, summed before the ratio. */
MEASURE_TEST(a4_04_b_travel)
{
    /* 80% × (8,000 + 7,000) = 12,000 */
    GRANT(rs, "A4.04.b", DATE, "12000.00", "ratio", {"travel_costs", "8000,7000"});
    /* three staff: the two largest, 80% × (9,000 + 7,000) = 12,800 */
    GRANT(rs, "A4.04.b", DATE, "12800.00", "ratio", {"travel_costs", "5000,9000,7000"});
    /* one staff: 80% × 3,000 = 2,400 */
    GRANT(rs, "A4.04.b", DATE, "2400.00", "ratio", {"travel_costs", "3000"});
    /* equal amounts: 80% × (5,000 + 5,000) = 8,000 */
    GRANT(rs, "A4.04.b", DATE, "8000.00", "ratio", {"travel_costs", "5000,5000,5000"});
    /* 80% × (40,000 + 35,000) = 60,000 → 50,000 */
    GRANT(rs, "A4.04.b", DATE, "50000.00", "cap_per_event", {"travel_costs", "40000,35000"});
    /* at the cap: 80% × (30,000 + 32,500) = 50,000 */
    GRANT(rs, "A4.04.b", DATE, "50000.00", NULL, {"travel_costs", "30000,32500"});
    /* summed, then floored once: 80% × (333.33 + 0.01) = 266.672 → 266.67
     * (floored one by one it would be 266.66 + 0.00) */
    GRANT(rs, "A4.04.b", DATE, "266.67", "ratio", {"travel_costs", "333.33,0.01"});

    /* A guideline that supports 40 staff (beyond the text's 2) and raises the cap to 500万: 40
     * costs of 1,000 … 1,039 yuan, 80% × 40,780 = 32,624.  The trace of 83 steps (two a person,
     * then the ratio, the cap and the award) keeps its first 12, says that 52 are not shown and
     * that the sum after them is 32,752 (the 32 largest), and ends with the last 19: the
     * steps that set the award are never the ones lost. */
    dgs_ruleset *g40 = derive(rs, "A4.04.b", "max_staff", "40");
    dgs_ruleset *g = derive(g40, "A4.04.b", "cap_per_event", "5000000");
    char costs[512] = "";
    for (int i = 0; i < 40; i++)
        snprintf(costs + strlen(costs), sizeof costs - strlen(costs), "%s%d", i ? "," : "", 1000 + i);
    dgs_result *r = evaluate(g, "A4.04.b", DATE, {"travel_costs", costs});
    expect_granted(r, "32624.00", "ratio");
    assert_int_equal(dgs_result_step_count(r), 32);
    assert_string_equal(dgs_result_step_label(r, 12, DGS_LANG_EN),
                        "steps not shown (the trace holds 32); the amount after them");
    assert_int_equal(dgs_result_step_value(r, 12, NULL), 52);
    assert_int_equal(dgs_result_step_type(r, 12), DGS_TYPE_COUNT);
    assert_int_equal(dgs_result_step_amount(r, 12), 3275200);
    assert_int_equal(dgs_result_step_value(r, 13, NULL), 100700);   /* the 33rd largest, 1,007 */
    assert_string_equal(dgs_result_step_source(r, 29), "ratio");
    assert_string_equal(dgs_result_step_source(r, 30), "cap_per_event");
    assert_int_equal(dgs_result_step_amount(r, 31), 3262400);
    char *text = NULL;
    assert_int_equal(dgs_result_render(r, DGS_FORMAT_TEXT, DGS_LANG_ZH, &text, NULL), DGS_OK);
    assert_non_null(strstr(text, "13. 未列出的步骤数（记录至多 32 步）及其后的金额：52 步 → 32,752.00 元"));
    dgs_free(text);
    dgs_result_free(r);
    dgs_ruleset_free(g);
    dgs_ruleset_free(g40);
}

/* ---- A4.09.a, A4.09.b ---------------------------------------------------------
 * 按企业实缴保险费的 30% 给予支持，每年每家企业累计支持金额不超过 50 万元 (A4.09.a)；按其实缴
 * 保险费用不超过 30% 给予支持，每家企业每年最高支持 50 万元 (A4.09.b; its own cap, R16). */
MEASURE_TEST(a4_09_a_b_premiums)
{
    const char *ids[] = {"A4.09.a", "A4.09.b"};
    for (size_t i = 0; i < 2; i++) {
        /* 30% × 1,000,000 = 300,000 */
        GRANT(rs, ids[i], DATE, "300000.00", "ratio", {"premium_paid", "1000000"});
        /* 30% × 2,000,000 = 600,000 → 500,000 */
        GRANT(rs, ids[i], DATE, "500000.00", "cap_per_year", {"premium_paid", "2000000"});
        /* at the cap: 30% × 1,666,666.67 = 500,000.001 → 500,000.00 */
        GRANT(rs, ids[i], DATE, "500000.00", NULL, {"premium_paid", "1666666.67"});
        /* 30% × 1,666,666.66 = 499,999.998 → 499,999.99 */
        GRANT(rs, ids[i], DATE, "499999.99", "ratio", {"premium_paid", "1666666.66"});
        /* 400,000 already this year leaves 100,000 < 300,000 */
        GRANT(rs, ids[i], DATE, "100000.00", "cap_per_year", {"premium_paid", "1000000"},
              {"granted_this_year", "400000"});
        /* 100,000 already leaves 400,000 ≥ 300,000 */
        GRANT(rs, ids[i], DATE, "300000.00", "ratio", {"premium_paid", "1000000"},
              {"granted_this_year", "100000"});
        GRANT(rs, ids[i], DATE, "0.00", "cap_per_year", {"premium_paid", "1000000"},
              {"granted_this_year", "500000"});
        /* 30% × 333.33 = 99.999 → 99.99 */
        GRANT(rs, ids[i], DATE, "99.99", "ratio", {"premium_paid", "333.33"});
    }
}

/* ---- A4.09.c (exact tiers), A4.09.d, A4.09.e ------------------------------------
 * 按照数字化平台企业、示范企业、成长型企业三种类别分别给予一次性 8 万元、6 万元、3 万元的奖励。
 * 按照实际建设费用的 50% 给予一次性支持，每家企业最高支持 15 万元。
 * 按照实际使用费用的 50% 给予一次性支持，每家企业最高支持 3 万元。 */
MEASURE_TEST(a4_09_c_tiers)
{
    static const ceiling_case rows[] = {
        {"A4.09.c", "digital_platform", NULL, "80000.00", 1},
        {"A4.09.c", "demonstration", NULL, "60000.00", 1},
        {"A4.09.c", "growth", NULL, "30000.00", 1},
    };
    expect_ceilings(rs, rows);
}

MEASURE_TEST(a4_09_d_build_cost)
{
    /* 50% × 200,000 = 100,000 */
    GRANT(rs, "A4.09.d", DATE, "100000.00", "ratio", {"build_cost", "200000"});
    /* 50% × 400,000 = 200,000 → 150,000 */
    GRANT(rs, "A4.09.d", DATE, "150000.00", "cap", {"build_cost", "400000"});
    /* at the cap: 50% × 300,000 */
    GRANT(rs, "A4.09.d", DATE, "150000.00", NULL, {"build_cost", "300000"});
    /* 50% × 333.33 = 166.665 → 166.66 */
    GRANT(rs, "A4.09.d", DATE, "166.66", "ratio", {"build_cost", "333.33"});
}

MEASURE_TEST(a4_09_e_usage_fee)
{
    /* 50% × 50,000 = 25,000 */
    GRANT(rs, "A4.09.e", DATE, "25000.00", "ratio", {"usage_fee", "50000"});
    /* 50% × 80,000 = 40,000 → 30,000 */
    GRANT(rs, "A4.09.e", DATE, "30000.00", "cap", {"usage_fee", "80000"});
    /* at the cap: 50% × 60,000 */
    GRANT(rs, "A4.09.e", DATE, "30000.00", NULL, {"usage_fee", "60000"});
    /* 50% × 0.03 = 0.015 → 0.01 */
    GRANT(rs, "A4.09.e", DATE, "0.01", "ratio", {"usage_fee", "0.03"});
    /* the rounding reading half_up (R12): 0.015 → 0.02 */
    dgs_ruleset *g = derive(rs, NULL, "rounding", "half_up");
    GRANT(g, "A4.09.e", DATE, "0.02", "ratio", {"usage_fee", "0.03"});
    /* 50% × 0.01 = 0.005 → 0.01 (floor: 0.00) */
    GRANT(g, "A4.09.e", DATE, "0.01", "ratio", {"usage_fee", "0.01"});
    GRANT(rs, "A4.09.e", DATE, "0.00", NULL, {"usage_fee", "0.01"});
    /* 30% × 333.33 = 99.999 → 100.00 under A4.09.a */
    GRANT(g, "A4.09.a", DATE, "100.00", "ratio", {"premium_paid", "333.33"});
    dgs_ruleset_free(g);
    /* no condition the text does not write for it (R28: no tax-compliance input) */
    assert_int_equal(dgs_measure_input_count(measure(rs, "A4.09.e")), 1);
}

MEASURE_TEST(a4_09_e_guideline_from_a_date)
{
    /* a guideline raises the cap to 50,000 from 2025-01-01: 50% × 200,000 = 100,000 */
    dgs_ruleset *g = derive_from(rs, "A4.09.e", "cap", "50000", "2025-01-01");
    GRANT(g, "A4.09.e", "2024-12-31", "30000.00", "cap", {"usage_fee", "200000"});
    GRANT(g, "A4.09.e", "2025-01-01", "50000.00", "cap", {"usage_fee", "200000"});
    dgs_ruleset_free(g);
}

/* ---- A4.02.1.b, A4.08.a -----------------------------------------------------
 * 每个展会组展奖励最高 20 万元。  对……现场海关查验没有问题的货物，免除查验工作直接相关装卸服务费。 */
MEASURE_TEST(a4_ceiling_and_waiver)
{
    static const ceiling_case rows[] = {
        {"A4.02.1.b", NULL, NULL, "200000.00", 0},
    };
    expect_ceilings(rs, rows);
    /* the whole fee is waived when the inspection found no problem */
    GRANT(rs, "A4.08.a", DATE, "1234.56", NULL, {"handling_fees", "1234.56"},
          {"no_problem_found", "true"});
    OUTCOME(rs, "A4.08.a", DATE, DGS_OUTCOME_INELIGIBLE, {"handling_fees", "1234.56"},
            {"no_problem_found", "false"});
}

MEASURE_TEST(a4_kinds)
{
    /* 附件4 has 2 unspecified measures (A4.03.a, A4.03.c: the filled-in 1 day is
     * below their 3 days), 4 whose amount another policy sets, 8 qualitative */
    expect_kind_outcome(rs, "A4", DGS_KIND_UNSPECIFIED, 2, DGS_OUTCOME_INELIGIBLE);
    expect_kind_outcome(rs, "A4", DGS_KIND_QUALITATIVE, 8, DGS_OUTCOME_NOT_COMPUTABLE);
}

/* ---- A4.04.a, A4.10.a–c: amounts another policy sets ---------------------------
 * 持续对……投资并购项目实施政策性保险支持；贯彻落实外资大项目奖补政策；可按规定享受省市两级外资
 * 财政资金支持；对经省认定为跨国公司地区总部/总部型机构且年新增实际外资金额合计达 1000 万美元及
 * 以上的项目，按照省市相关政策予以财政支持。 */
MEASURE_TEST(a4_governed_elsewhere)
{
    static const struct {
        const char *id, *policy_zh, *policy_en;
    } rows[] = {
        {"A4.04.a", "政策性保险", "policy-insurance"},
        {"A4.10.a", "外资大项目奖补政策", "large foreign-investment projects"},
        {"A4.10.b", "省市两级外资财政资金支持", "foreign-investment fiscal support"},
    };
    for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
        const dgs_measure *m = dgs_ruleset_find(rs, rows[i].id);
        assert_int_equal(dgs_measure_kind(m), DGS_KIND_GOVERNED_ELSEWHERE);
        assert_string_equal(dgs_kind_name(dgs_measure_kind(m)), "governed_elsewhere");
        assert_non_null(strstr(dgs_measure_governed_by(m, DGS_LANG_ZH), rows[i].policy_zh));
        dgs_result *r = evaluate(rs, rows[i].id, DATE, );
        expect_outcome(r, DGS_OUTCOME_GOVERNED_ELSEWHERE);
        assert_string_equal(dgs_outcome_name(dgs_result_outcome(r)), "governed_elsewhere");
        assert_int_equal(dgs_result_award(r), 0);
        expect_reason_mentions(r, rows[i].policy_en);
        assert_non_null(strstr(dgs_result_reason(r, DGS_LANG_ZH), rows[i].policy_zh));
        /* not "waiting for a guideline" */
        assert_null(strstr(dgs_result_reason(r, DGS_LANG_EN), "guideline"));
        dgs_result_free(r);
        /* a guideline cannot set an amount this document does not own */
        dgs_ruleset *g = NULL;
        dgs_error err;
        assert_int_equal(dgs_ruleset_set_parameter(rs, rows[i].id, "cap", "100000", NULL, NULL, NULL, &g, &err),
                         DGS_E_UNKNOWN_PARAMETER);
    }
    assert_string_equal(dgs_measure_governed_by(dgs_ruleset_find(rs, "A4.09.a"), DGS_LANG_ZH), "");

    /* A4.10.c: 达 1000 万美元及以上, counted in whole US dollars (inclusive) */
    const dgs_measure *m = dgs_ruleset_find(rs, "A4.10.c");
    assert_int_equal(dgs_measure_kind(m), DGS_KIND_GOVERNED_ELSEWHERE);
    assert_string_equal(dgs_measure_input_unit(m, 0), "USD");
    assert_int_equal(dgs_measure_input_type(m, 0), DGS_TYPE_COUNT);
    dgs_result *r = evaluate(rs, "A4.10.c", DATE, {"new_foreign_investment_usd", "10000000"});
    expect_outcome(r, DGS_OUTCOME_GOVERNED_ELSEWHERE);
    assert_non_null(strstr(dgs_result_reason(r, DGS_LANG_ZH), "跨国公司地区总部"));
    dgs_result_free(r);
    r = evaluate(rs, "A4.10.c", DATE, {"new_foreign_investment_usd", "9999999"});
    expect_outcome(r, DGS_OUTCOME_INELIGIBLE);
    expect_reason_mentions(r, "US dollars");
    dgs_result_free(r);
    /* not money: "10000000.50" is refused, not read as yuan */
    dgs_case *c = NULL;
    dgs_error err;
    assert_int_equal(dgs_case_new(m, &c, &err), DGS_OK);
    assert_int_equal(dgs_case_set_text(c, "new_foreign_investment_usd", "10000000.50", &err), DGS_E_VALUE);
    assert_int_equal(dgs_case_set_text(c, "condition.provincial_regional_hq", "false", &err), DGS_OK);
    assert_int_equal(dgs_case_set_text(c, "new_foreign_investment_usd", "20000000", &err), DGS_OK);
    assert_int_equal(dgs_case_set_date(c, DATE, &err), DGS_OK);
    assert_int_equal(dgs_evaluate(c, &r, &err), DGS_OK);
    expect_outcome(r, DGS_OUTCOME_INELIGIBLE);
    assert_non_null(strstr(dgs_result_reason(r, DGS_LANG_ZH), "经省认定为跨国公司地区总部/总部型机构"));
    dgs_result_free(r);
    dgs_case_free(c);
    /* out of force first */
    OUTCOME(rs, "A4.10.c", "2027-01-16", DGS_OUTCOME_NOT_IN_FORCE, {"new_foreign_investment_usd", "9999999"});
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(a4_02_1_a_area_threshold),
        cmocka_unit_test(a4_02_1_a_caps),
        cmocka_unit_test(a4_02_1_a_rounding),
        cmocka_unit_test(a4_02_1_c_logistics),
        cmocka_unit_test(a4_02_2_a_launch),
        cmocka_unit_test(a4_02_2_b_first_year_rent),
        cmocka_unit_test(a4_02_2_b_first_year_only),
        cmocka_unit_test(a4_02_2_c_decoration),
        cmocka_unit_test(a4_03_b_thresholds),
        cmocka_unit_test(a4_03_b_steps),
        cmocka_unit_test(a4_03_b_cap),
        cmocka_unit_test(a4_03_b_pro_rata_reading),
        cmocka_unit_test(a4_03_a_c_with_a_guideline_rate),
        cmocka_unit_test(a4_04_b_travel),
        cmocka_unit_test(a4_09_a_b_premiums),
        cmocka_unit_test(a4_09_c_tiers),
        cmocka_unit_test(a4_09_d_build_cost),
        cmocka_unit_test(a4_09_e_usage_fee),
        cmocka_unit_test(a4_09_e_guideline_from_a_date),
        cmocka_unit_test(a4_ceiling_and_waiver),
        cmocka_unit_test(a4_kinds),
        cmocka_unit_test(a4_governed_elsewhere),
    };
    return cmocka_run_group_tests_name("measures of 附件4", tests, setup_ruleset, teardown_ruleset);
}
