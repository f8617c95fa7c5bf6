/* SPDX-License-Identifier: MulanPSL-2.0 */
/*
 * 附件2 关于强化科技创新赋能产业高质量发展的 的若干措施 (市科学技术局; the title as printed).
 */
#include "measures/spec.h"

/* ---- A2.01 ------------------------------------------------------------------
 * 一、……对单个全产业链条式集成攻关项目群最高资助总额 3000 万元……支持科技型企业集中资源有针对性地
 * 持续开展技术攻关，实现核心技术自主可控，单个项目最高资助额度 1000 万元……以“揭榜挂帅”方式向全社会
 * 发榜公布……单个项目最高资助额度 500 万元。 */
static const input_def per_group_in[] = {IN_ASSESSED, IN_GRANTED_TO_DATE};
static const param_def a2_01_a_p[] = {
    P_MONEY_MAX("cap_per_group", WAN(3000), "yuan", "每个项目群资助总额上限", "cap per project group (all its projects)",
            "项目群最高资助总额 3000 万元"),
};
CEILING(spec_A2_01_a, per_group_in, a2_01_a_p, 0, NO_INPUT, 1);
static const param_def a2_01_b_p[] = {
    P_MONEY_MAX("cap_per_project", WAN(1000), "yuan", "每个项目最高资助", "ceiling per project", "单个项目最高资助额度 1000 万元"),
};
CEILING_ASSESSED(spec_A2_01_b, a2_01_b_p);
static const param_def a2_01_c_p[] = {
    P_MONEY_MAX("cap_per_project", WAN(500), "yuan", "每个项目最高资助", "ceiling per project", "单个项目最高资助额度 500 万元"),
};
CEILING_ASSESSED(spec_A2_01_c, a2_01_c_p);

/* ---- A2.01.d ----------------------------------------------------------------
 * 对符合配套资助要求的项目，分别按照国家和省实际到位资金不超过 1:1 和 1:0.5 的比例给予配套资助，
 * 最高额度分别为 1000 万元和 500 万元。  Each level capped separately, then summed. */
enum { A2_01D_NATIONAL, A2_01D_PROVINCIAL };
static const input_def a2_01_d_in[] = {
    IN_MONEY("national_funds", true, "国家实际到位资金", "national funds actually received"),
    IN_MONEY("provincial_funds", true, "省实际到位资金", "provincial funds actually received"),
};
enum { A2_01D_RATIO_N, A2_01D_CAP_N, A2_01D_RATIO_P, A2_01D_CAP_P };
static const param_def a2_01_d_p[] = {
    P_RATIO("ratio_national", 1, 1, P_NOT_ABOVE | P_TEXT_MAX, "国家资金配套比例", "matching ratio of national funds", "国家……不超过 1:1"),
    P_MONEY_MAX("cap_national", WAN(1000), "yuan", "国家项目配套最高额度", "cap on the national match", "最高额度分别为 1000 万元"),
    P_RATIO("ratio_provincial", 1, 2, P_NOT_ABOVE, "省资金配套比例", "matching ratio of provincial funds", "省实际到位资金……和 1:0.5 的比例"),
    P_MONEY("cap_provincial", WAN(500), "yuan", "省项目配套最高额度", "cap on the provincial match", "和 500 万元"),
};
FORMULA(a2_01_d)
{
    dgs_fen_t national = calc_ratio(c, calc_input(c, A2_01D_NATIONAL), A2_01D_RATIO_N);   /* 1:1 */
    national = calc_cap(c, national, A2_01D_CAP_N);                                      /* 1000万 */
    dgs_fen_t provincial = calc_ratio(c, calc_input(c, A2_01D_PROVINCIAL), A2_01D_RATIO_P); /* 1:0.5 */
    provincial = calc_cap(c, provincial, A2_01D_CAP_P);                                    /* 500万 */
    calc_grant(c, calc_sum(c, national, provincial));
}
SPEC(spec_A2_01_d, a2_01_d_in, a2_01_d_p, a2_01_d);

/* 二、……概念验证中心（中试基地)……对经认定后考核优秀的给予奖励补贴 */
UNSPECIFIED_AWARD(spec_A2_02_a);
/* 三、……对来莞硕、博士研究生给予生活补助及科研津贴 */
UNSPECIFIED_AWARD(spec_A2_03_a);

/* ---- A2.04 ------------------------------------------------------------------
 * 四、对单个企业的累计投资总金额最高1000万元 (the remaining room);
 * 对天使投资母基金实行整体考核，设置40%容亏比例 (the tolerated loss). */
static const input_def a2_04_a_in[] = {
    IN_MONEY("invested_to_date", false, "母基金体系已对该企业累计投资", "already invested in the enterprise by the fund system"),
};
static const param_def a2_04_a_p[] = {
    P_MONEY_MAX("max_cumulative_investment", WAN(1000), "yuan", "对单个企业累计投资上限", "cumulative investment in one enterprise at most",
            "对单个企业的累计投资总金额最高1000万元"),
};
const measure_spec spec_A2_04_a = {a2_04_a_in, COUNT_OF(a2_04_a_in), a2_04_a_p, COUNT_OF(a2_04_a_p),
                                   shape_ceiling, shape_ceiling_batch, "yuan (investment room)",
                                   {NO_INPUT, NO_INPUT, 0, NO_INPUT, NO_INPUT}, -1, -1, shape_ceiling_detail};
static const input_def a2_04_b_in[] = {
    IN_MONEY("invested_capital", true, "母基金已投资金额", "capital the mother fund has invested"),
};
static const param_def a2_04_b_p[] = {
    P_RATIO("loss_tolerance", 2, 5, P_NOT_ABOVE, "容亏比例", "tolerated loss as a share of invested capital", "设置40%容亏比例"),
};
const measure_spec spec_A2_04_b = {a2_04_b_in, COUNT_OF(a2_04_b_in), a2_04_b_p, COUNT_OF(a2_04_b_p),
                                   shape_ratio_capped, shape_ratio_capped_batch, "yuan (tolerated loss)",
                                   {NO_INPUT, NO_INPUT, NO_INPUT, NO_INPUT, 0}, -1, -1, shape_ratio_capped_detail};

/* ---- A2.05.a ----------------------------------------------------------------
 * 五、对我市申报高新技术企业的企业给予不超过 3 万元的认定奖励。
 * The subject is the enterprise that applies (申报), the award is named for recognition (认定奖励):
 * paid on recognition by default, the reading that cannot pay for an application that fails;
 * paying on application is the switch (docs/interpretation.md R14). */
enum { A2_05_RECOGNISED, A2_05_ASSESSED };
static const input_def a2_05_a_in[] = {
    IN_CONDITION("recognised", false, "已获认定为高新技术企业", "recognised as a high-tech enterprise",
                 "未获认定为高新技术企业", "not recognised as a high-tech enterprise"),
    IN_ASSESSED,
};
static const char *const a2_05_a_readings[] = {"recognition", "application", NULL};
enum { A2_05_CAP, A2_05_READING };
static const param_def a2_05_a_p[] = {
    P_MONEY_MAX("cap", WAN(3), "yuan", "认定奖励最高额", "ceiling", "给予不超过 3 万元的认定奖励"),
    P_SWITCH("reading_paid_on", 0, a2_05_a_readings, "奖励条件（获认定/申报）", "paid on (recognition / application)",
             "对我市申报高新技术企业的企业给予……认定奖励"),
};
FORMULA(a2_05_a)
{
    if (calc_reading(c, A2_05_READING) == 0 && !calc_require(c, A2_05_RECOGNISED))   /* 认定奖励 */
        return;
    dgs_fen_t award = calc_cap(c, c->p[A2_05_CAP].num, A2_05_CAP);
    c->binding = A2_05_CAP, c->binding_value = award;
    award = calc_cap_by_input(c, award, A2_05_ASSESSED);
    calc_grant(c, award);
}
SPEC_ASSESSED(spec_A2_05_a, a2_05_a_in, a2_05_a_p, a2_05_a, A2_05_ASSESSED);

/* 对辅导服务效果突出的服务机构给予不超过 50 万元奖励。 (No 每年: the cap is per qualifying
 * evaluation, not per year; docs/interpretation.md R10.) */
static const param_def a2_05_b_p[] = {
    P_MONEY_MAX("cap", WAN(50), "yuan", "最高奖励（每次评价）", "ceiling per evaluation", "给予不超过 50 万元奖励"),
};
CEILING_ASSESSED(spec_A2_05_b, a2_05_b_p);

/* ---- A2.07 ------------------------------------------------------------------
 * 七、对符合条件企业的研发场地和办公场地的租金给予最高不超过 100 万元的补贴 (G-NM-RENT)……
 * 对符合条件的企业建设百级、千级、万级洁净厂房的，每家企业每年补贴最高不超过 100 万元 (G-CLEANROOM)。 */
static const input_def a2_07_a_in[] = {
    IN_ASSESSED,
    IN_MONEY("rent_paid", false, "实际支付的研发及办公场地租金", "rent actually paid for R&D and office space"),
    IN_GRANTED_TO_DATE,
};
static const param_def a2_07_a_p[] = {
    P_MONEY_MAX("cap", WAN(100), "yuan", "租金补贴最高额（每家企业累计）", "ceiling per enterprise (cumulative)",
            "给予最高不超过 100 万元的补贴"),
};
CEILING(spec_A2_07_a, a2_07_a_in, a2_07_a_p, 0, 1, 2);
static const input_def a2_07_b_in[] = {
    IN_ASSESSED,
    IN_MONEY("build_cost", false, "洁净厂房建设实际费用", "clean-room construction cost actually incurred"),
    IN_GRANTED_THIS_YEAR,
};
static const param_def a2_07_b_p[] = {
    P_MONEY_MAX("cap_per_year", WAN(100), "yuan", "每家企业每年最高补贴", "cap per enterprise per year", "每家企业每年补贴最高不超过 100 万元"),
};
CEILING(spec_A2_07_b, a2_07_b_in, a2_07_b_p, 0, 1, 2);

/* ---- A2.09 ------------------------------------------------------------------
 * 九、通过制定专项莞港澳合作实施方案给予支持，每专项每年资助不超过500万元……
 * 对获国家和省有关港澳的科技合作项目或研发平台建设等立项……市财政按 1:0.5—1:1 比例给予配套资助。
 * Reading R9: the ratio lies in the range; the guideline picks it (default the maximum, 1:1). */
static const input_def per_programme_in[] = {IN_ASSESSED, IN_GRANTED_THIS_YEAR};
static const param_def a2_09_a_p[] = {
    P_MONEY_MAX("cap_per_programme_year", WAN(500), "yuan", "每专项每年资助上限", "cap per programme per year", "每专项每年资助不超过500万元"),
};
CEILING(spec_A2_09_a, per_programme_in, a2_09_a_p, 0, NO_INPUT, 1);
static const input_def a2_09_b_in[] = {
    IN_MONEY("upstream_funds", true, "国家和省立项资助资金", "national and provincial funds for the approved project"),
};
static const param_def a2_09_b_p[] = {
    P_RATIO("ratio", 1, 1, P_NOT_ABOVE, "市财政配套比例（1:0.5—1:1）", "municipal matching ratio (1:0.5 to 1:1)", "按 1:0.5—1:1 比例给予配套资助"),
};
RATIO_CAPPED(spec_A2_09_b, a2_09_b_in, a2_09_b_p, 0, NO_INPUT, NO_INPUT);
