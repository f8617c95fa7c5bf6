/* SPDX-License-Identifier: MulanPSL-2.0 */
/*
 * 附件5 关于推进质量强市建设的若干措施: every measure worked by hand from its
 * clause.  附件5 has no formula measure: its awards are ceilings (不超过 X 万元),
 * ceilings per level (分别给予) and exact amounts (给予 X 万元).
 */
#include "measure_helpers.h"

/* 一、向每家卓越绩效管理优秀单位给予 5 万元资助。 (exact)
 * 二、对每个产品质量比对提升项目的承接单位给予不超过 50 万元资助。
 * 四、向每个研究项目的承接单位给予不超过 20 万元资助；向每家服务站给予 10 万元资助 (exact)。
 * 五、向承担国标委秘书处工作的单位给予不超过 50 万元资助；每个全国企业标准“领跑者”项目给予不超过
 *     5 万元资助。
 * 六、每次……活动承办单位给予不超过 10 万元资助，每个……国际标准制修订项目的单位给予不超过 100 万元
 *     资助；每位……获得奖项的人员给予不超过 30 万元资助。
 * 七、对经认定的知识产权保护重点企业，每家一次性给予不超过 10 万元资助。
 * 八、向每个质量品牌提升示范区给予 50 万元资助 (exact)。
 * 九、每个“东莞优品”给予 10 万元资助，每个“中国精品”给予 30 万元资助 (exact). */
MEASURE_TEST(a5_ceilings_and_amounts)
{
    static const ceiling_case rows[] = {
        {"A5.01.a", NULL, NULL, "50000.00", 1},
        {"A5.02.a", NULL, NULL, "500000.00", 0},
        {"A5.04.c", NULL, NULL, "200000.00", 0},
        {"A5.04.d", NULL, NULL, "100000.00", 1},
        {"A5.05.a", NULL, NULL, "500000.00", 0},
        {"A5.05.c", NULL, NULL, "50000.00", 0},
        {"A5.06.a", NULL, NULL, "100000.00", 0},
        {"A5.06.b", NULL, NULL, "1000000.00", 0},
        {"A5.06.c", NULL, NULL, "300000.00", 0},
        {"A5.07.b", NULL, NULL, "100000.00", 0},
        {"A5.08.a", NULL, NULL, "500000.00", 1},
        {"A5.09.b", NULL, NULL, "100000.00", 1},
        {"A5.09.c", NULL, NULL, "300000.00", 1},
    };
    expect_ceilings(rs, rows);
}

/* 三、对每个国家级、省级质量标准实验室分别给予不超过 3000 万元、500 万元资助。
 * 四、对每个国家级、省级检验检测平台分别给予不超过 3000 万元、500 万元资助；向每家获得国家强制性
 *     产品认证指定实验室授权、实验室认可能力认定的单位分别给予不超过 30 万元、10 万元资助。
 * 五、对每个国家级、省级、市级标准化试点示范项目分别给予不超过 50 万元、30 万元、15 万元资助。
 * 七、对国家知识产权示范企业、优势企业每家分别给予不超过 30 万元、20 万元奖励。
 * 九、对每家中国质量奖、省政府质量奖、市政府质量奖获奖单位分别给予 300 万元、200 万元、100 万元
 *     资助 (exact). */
MEASURE_TEST(a5_tiers)
{
    static const ceiling_case rows[] = {
        {"A5.03.a", "national", NULL, "30000000.00", 0},
        {"A5.03.a", "provincial", NULL, "5000000.00", 0},
        {"A5.04.a", "national", NULL, "30000000.00", 0},
        {"A5.04.a", "provincial", NULL, "5000000.00", 0},
        {"A5.04.b", "ccc_lab", NULL, "300000.00", 0},
        {"A5.04.b", "accreditation", NULL, "100000.00", 0},
        {"A5.05.b", "national", NULL, "500000.00", 0},
        {"A5.05.b", "provincial", NULL, "300000.00", 0},
        {"A5.05.b", "municipal", NULL, "150000.00", 0},
        {"A5.07.a", "demonstration", NULL, "300000.00", 0},
        {"A5.07.a", "advantage", NULL, "200000.00", 0},
        {"A5.09.a", "china", NULL, "3000000.00", 1},
        {"A5.09.a", "provincial", NULL, "2000000.00", 1},
        {"A5.09.a", "municipal", NULL, "1000000.00", 1},
    };
    expect_ceilings(rs, rows);
}

MEASURE_TEST(a5_06_c_per_person)
{
    /* 每位…人员 (R10): 30万 per person; 120,000 already granted to the person leaves 180,000 */
    UP_TO(rs, "A5.06.c", DATE, "180000.00", {"granted_to_date", "120000"});
    UP_TO(rs, "A5.06.c", DATE, "0.00", {"granted_to_date", "300000"});
    GRANT(rs, "A5.06.c", DATE, "90000.00", "assessed", {"granted_to_date", "120000"},
          {"assessed", "90000"});
}

/* 十、对相关资质、荣誉获评企业最高给予1亿元信贷支持。 — a credit line. */
MEASURE_TEST(a5_10_a_credit_line)
{
    GRANT(rs, "A5.10.a", DATE, "100000000.00", NULL, );
    GRANT(rs, "A5.10.a", DATE, "30000000.00", "assessed", {"assessed", "30000000"});
    dgs_result *r = evaluate(rs, "A5.10.a", DATE, );
    assert_int_equal(strncmp(dgs_result_unit(r), "yuan", 4), 0);
    dgs_result_free(r);
}

MEASURE_TEST(a5_exact_amounts_refuse_assessed)
{
    /* exact amounts (R29) */
    const char *ids[] = {"A5.01.a", "A5.04.d", "A5.08.a", "A5.09.a", "A5.09.b", "A5.09.c"};
    for (size_t i = 0; i < sizeof ids / sizeof ids[0]; i++) {
        dgs_case *c = NULL;
        dgs_error err;
        assert_int_equal(dgs_case_new(measure(rs, ids[i]), &c, &err), DGS_OK);
        assert_int_equal(dgs_case_set_text(c, "assessed", "1000", &err), DGS_E_UNKNOWN_INPUT);
        dgs_case_free(c);
    }
}

MEASURE_TEST(a5_unspecified)
{
    /* 四、面向企业发放 1000 万元检测服务券 (a pool, no amount per enterprise)；
     * 面向企业研制出重点领域仪器仪表给予资金资助。 */
    expect_unspecified(rs, "A5.04.e", "cap");
    expect_unspecified(rs, "A5.04.f", "cap");
    dgs_ruleset *g = derive(rs, "A5.04.f", "cap", "800000");
    GRANT(g, "A5.04.f", DATE, "800000.00", NULL, );
    GRANT(g, "A5.04.f", DATE, "640000.00", "assessed", {"assessed", "640000"});
    dgs_ruleset_free(g);
}

MEASURE_TEST(a5_kinds)
{
    /* data/catalog.json: 附件5 has 2 unspecified and 10 qualitative measures */
    expect_kind_outcome(rs, "A5", DGS_KIND_UNSPECIFIED, 2, DGS_OUTCOME_UNSPECIFIED);
    expect_kind_outcome(rs, "A5", DGS_KIND_QUALITATIVE, 10, DGS_OUTCOME_NOT_COMPUTABLE);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(a5_ceilings_and_amounts),
        cmocka_unit_test(a5_tiers),
        cmocka_unit_test(a5_06_c_per_person),
        cmocka_unit_test(a5_10_a_credit_line),
        cmocka_unit_test(a5_exact_amounts_refuse_assessed),
        cmocka_unit_test(a5_unspecified),
        cmocka_unit_test(a5_kinds),
    };
    return cmocka_run_group_tests_name("measures of 附件5", tests, setup_ruleset, teardown_ruleset);
}
