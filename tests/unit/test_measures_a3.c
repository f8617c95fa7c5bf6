/* SPDX-License-Identifier: MulanPSL-2.0 */
/*
 * 附件3 关于支持生产性服务业发展的若干措施: every measure worked by hand from
 * its clause.  Amounts in the comments are yuan.
 */
#include "measure_helpers.h"

/* ---- A3.06.a ----------------------------------------------------------------
 * 对举办单位按场馆租金实际发生费用给予支持，每个展览会最高支持金额不超过 100 万元。
 * The ratio is not written (R17): up to 100% of the rent, a guideline may lower it. */
MEASURE_TEST(a3_06_a_venue_rent)
{
    /* 100% × 600,000 */
    GRANT(rs, "A3.06.a", DATE, "600000.00", "ratio", {"venue_rent", "600000"});
    /* 100% × 1,500,000 → 1,000,000 per exhibition */
    GRANT(rs, "A3.06.a", DATE, "1000000.00", "cap_per_exhibition", {"venue_rent", "1500000"});
    /* at the cap, and one fen above */
    GRANT(rs, "A3.06.a", DATE, "1000000.00", NULL, {"venue_rent", "1000000"});
    GRANT(rs, "A3.06.a", DATE, "1000000.00", "cap_per_exhibition", {"venue_rent", "1000000.01"});
    /* assessed 400,000 < 600,000 */
    GRANT(rs, "A3.06.a", DATE, "400000.00", "assessed", {"venue_rent", "600000"}, {"assessed", "400000"});
    /* assessed above the cap leaves the cap */
    GRANT(rs, "A3.06.a", DATE, "1000000.00", "cap_per_exhibition", {"venue_rent", "1500000"},
          {"assessed", "1200000"});
    /* a guideline ratio of 50%: 50% × 333.33 = 166.665 → 166.66; 50% × 3,000,000 → cap */
    dgs_ruleset *g = derive(rs, "A3.06.a", "ratio", "50%");
    GRANT(g, "A3.06.a", DATE, "166.66", "ratio", {"venue_rent", "333.33"});
    GRANT(g, "A3.06.a", DATE, "1000000.00", "cap_per_exhibition", {"venue_rent", "3000000"});
    dgs_ruleset_free(g);
}

/* ---- A3.08.b ----------------------------------------------------------------
 * 国家级检验检测平台按照省财政资金 1:3 予以资助，原则上不超过 3000 万元；省级检验检测平台按照
 * 省财政资金 1:1 予以资助，原则上不超过 500 万元。  原则上: a hard cap (R15). */
MEASURE_TEST(a3_08_b_national)
{
    /* 3 × 5,000,000 = 15,000,000 */
    GRANT(rs, "A3.08.b", DATE, "15000000.00", "ratio_national", {"tier", "national"},
          {"provincial_funds", "5000000"});
    /* 3 × 12,000,000 = 36,000,000 → 30,000,000 */
    GRANT(rs, "A3.08.b", DATE, "30000000.00", "cap_national", {"tier", "national"},
          {"provincial_funds", "12000000"});
    /* at the cap: 3 × 10,000,000 */
    GRANT(rs, "A3.08.b", DATE, "30000000.00", NULL, {"tier", "national"},
          {"provincial_funds", "10000000"});
    /* 3 × 10,000,000.01 = 30,000,000.03 → 30,000,000 */
    GRANT(rs, "A3.08.b", DATE, "30000000.00", "cap_national", {"tier", "national"},
          {"provincial_funds", "10000000.01"});
    /* 3 × 333.33 = 999.99 */
    GRANT(rs, "A3.08.b", DATE, "999.99", "ratio_national", {"tier", "national"},
          {"provincial_funds", "333.33"});
}

MEASURE_TEST(a3_08_b_provincial)
{
    /* 1 × 3,000,000 */
    GRANT(rs, "A3.08.b", DATE, "3000000.00", "ratio_provincial", {"tier", "provincial"},
          {"provincial_funds", "3000000"});
    /* 1 × 8,000,000 → 5,000,000 */
    GRANT(rs, "A3.08.b", DATE, "5000000.00", "cap_provincial", {"tier", "provincial"},
          {"provincial_funds", "8000000"});
    /* at the cap */
    GRANT(rs, "A3.08.b", DATE, "5000000.00", NULL, {"tier", "provincial"},
          {"provincial_funds", "5000000"});
    /* a provincial platform with 12,000,000: 5,000,000, not the national 30,000,000 */
    GRANT(rs, "A3.08.b", DATE, "5000000.00", "cap_provincial", {"tier", "provincial"},
          {"provincial_funds", "12000000"});
    /* a guideline ratio of 1:0.5 for provincial platforms: 0.5 × 333.33 = 166.665 → 166.66 */
    dgs_ruleset *g = derive(rs, "A3.08.b", "ratio_provincial", "1:0.5");
    GRANT(g, "A3.08.b", DATE, "166.66", "ratio_provincial", {"tier", "provincial"},
          {"provincial_funds", "333.33"});
    dgs_ruleset_free(g);
}

MEASURE_TEST(a3_08_b_in_principle_reading)
{
    /* 原则上不超过 read as a soft cap (R15, the other reading): the ratio alone */
    dgs_ruleset *g = derive(rs, "A3.08.b", "reading_in_principle", "soft");
    /* 3 × 12,000,000 = 36,000,000 */
    GRANT(g, "A3.08.b", DATE, "36000000.00", "ratio_national", {"tier", "national"},
          {"provincial_funds", "12000000"});
    /* 1 × 8,000,000 = 8,000,000 */
    GRANT(g, "A3.08.b", DATE, "8000000.00", "ratio_provincial", {"tier", "provincial"},
          {"provincial_funds", "8000000"});
    dgs_ruleset_free(g);
}

/* ---- A3.04.b ----------------------------------------------------------------
 * 对当年新上规，并于次年实现营业收入正增长的服务业企业，给予最高5万元奖励。  正增长: > 0. */
MEASURE_TEST(a3_04_b_growth)
{
    UP_TO(rs, "A3.04.b", DATE, "50000.00", {"revenue_year_listed", "20000000"},
          {"revenue_next_year", "20000000.01"});
    OUTCOME(rs, "A3.04.b", DATE, DGS_OUTCOME_INELIGIBLE, {"revenue_year_listed", "20000000"},
            {"revenue_next_year", "20000000"});
    OUTCOME(rs, "A3.04.b", DATE, DGS_OUTCOME_INELIGIBLE, {"revenue_year_listed", "20000000"},
            {"revenue_next_year", "19000000"});
    GRANT(rs, "A3.04.b", DATE, "35000.00", "assessed", {"revenue_year_listed", "20000000"},
          {"revenue_next_year", "25000000"}, {"assessed", "35000"});
}

/* ---- ceilings and exact amounts of 附件3 -------------------------------------
 * 三、给予最高1000万元的新迁入落户奖励。  四、给予最高5万元奖励。
 * 五、给予一次性 300 万元奖励 (exact)；最高给予企业 700 万元的上市后首发融资奖励。
 * 七、给予最高 100 万元奖励 (twice)。  八、一次性给予 10 万元资助 (exact). */
MEASURE_TEST(a3_ceilings)
{
    static const ceiling_case rows[] = {
        {"A3.03.b", NULL, NULL, "10000000.00", 0},
        {"A3.04.a", NULL, NULL, "50000.00", 0},
        {"A3.05.a", NULL, NULL, "3000000.00", 1},
        {"A3.05.b", NULL, NULL, "7000000.00", 0},
        {"A3.07.a", NULL, NULL, "1000000.00", 0},
        {"A3.07.b", NULL, NULL, "1000000.00", 0},
        {"A3.08.a", NULL, NULL, "100000.00", 1},
    };
    expect_ceilings(rs, rows);
}

MEASURE_TEST(a3_exact_amounts_refuse_assessed)
{
    /* 给予…万元 with no 最高/不超过 is an exact amount (R29): no `assessed` input */
    const char *ids[] = {"A3.05.a", "A3.08.a"};
    for (size_t i = 0; i < 2; i++) {
        dgs_case *c = NULL;
        dgs_error err;
        assert_int_equal(dgs_case_new(measure(rs, ids[i]), &c, &err), DGS_OK);
        assert_int_equal(dgs_case_set_text(c, "assessed", "1000", &err), DGS_E_UNKNOWN_INPUT);
        assert_non_null(strstr(err.message, "assessed"));
        dgs_case_free(c);
    }
}

MEASURE_TEST(a3_unspecified)
{
    expect_unspecified(rs, "A3.01.a", "cap");
    expect_unspecified(rs, "A3.03.a", "cap");
    /* a guideline sets the 一区一策 support at 3,000,000 */
    dgs_ruleset *g = derive(rs, "A3.01.a", "cap", "3000000");
    GRANT(g, "A3.01.a", DATE, "3000000.00", NULL, );
    GRANT(g, "A3.01.a", DATE, "2500000.50", "assessed", {"assessed", "2500000.50"});
    dgs_ruleset_free(g);
}

MEASURE_TEST(a3_kinds)
{
    /* data/catalog.json: 附件3 has 2 unspecified and 8 qualitative measures */
    expect_kind_outcome(rs, "A3", DGS_KIND_UNSPECIFIED, 2, DGS_OUTCOME_UNSPECIFIED);
    expect_kind_outcome(rs, "A3", DGS_KIND_QUALITATIVE, 8, DGS_OUTCOME_NOT_COMPUTABLE);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(a3_06_a_venue_rent),
        cmocka_unit_test(a3_08_b_national),
        cmocka_unit_test(a3_08_b_provincial),
        cmocka_unit_test(a3_08_b_in_principle_reading),
        cmocka_unit_test(a3_04_b_growth),
        cmocka_unit_test(a3_ceilings),
        cmocka_unit_test(a3_exact_amounts_refuse_assessed),
        cmocka_unit_test(a3_unspecified),
        cmocka_unit_test(a3_kinds),
    };
    return cmocka_run_group_tests_name("measures of 附件3", tests, setup_ruleset, teardown_ruleset);
}
