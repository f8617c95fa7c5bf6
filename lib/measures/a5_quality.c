/* SPDX-License-Identifier: MulanPSL-2.0 */
/*
 * 附件5 关于全面提升东莞制造业质量标准品牌水平的若干措施 (市市场监管局).  Unlike 附件1–4,
 * 附件5 has no clause on paying the higher of similar awards once: see the ruleset reading
 * `stacking_scope` (docs/interpretation.md R32).
 */
#include "measures/spec.h"

/* 一、向每家卓越绩效管理优秀单位给予 5 万元资助。 (exact) */
static const param_def a5_01_a_p[] = {
    P_MONEY("amount", WAN(5), "yuan", "资助金额", "grant", "给予 5 万元资助"),
};
EXACT_AMOUNT(spec_A5_01_a, a5_01_a_p);

/* 二、对每个产品质量比对提升项目的承接单位给予不超过 50 万元资助。 */
static const param_def a5_02_a_p[] = {
    P_MONEY_MAX("cap", WAN(50), "yuan", "每个项目最高资助", "ceiling per project", "给予不超过 50 万元资助"),
};
CEILING_ASSESSED(spec_A5_02_a, a5_02_a_p);

/* 三、对每个国家级、省级质量标准实验室分别给予不超过 3000 万元、500 万元资助。 */
static const char *const level2[] = {"national", "provincial", NULL};
static const input_def level2_in[] = {
    IN_CHOICE("tier", level2, true, "级别（国家级/省级）", "level (national / provincial)"),
    IN_ASSESSED,
};
static const param_def a5_03_a_p[] = {
    P_MONEY_MAX("cap_national", WAN(3000), "yuan", "国家级最高资助", "national ceiling", "分别给予不超过 3000 万元"),
    P_MONEY("cap_provincial", WAN(500), "yuan", "省级最高资助", "provincial ceiling", "500 万元资助"),
};
TIERS(spec_A5_03_a, level2_in, a5_03_a_p, 0, 1);

/* ---- A5.04 ------------------------------------------------------------------
 * 四、对每个国家级、省级检验检测平台分别给予不超过 3000 万元、500 万元资助 (caps only: no ratio is
 * written here, so 附件3's matching ratio of provincial funds is not imposed on it)……
 * 向每家获得国家强制性产品认证指定实验室授权、实验室认可能力认定的单位分别给予不超过 30 万元、10 万元资助
 * (only the CCC branch restates OP.23.b, group G-CCC)，向每个研究项目的承接单位给予不超过 20 万元资助……
 * 向每家服务站给予 10 万元资助……面向企业发放 1000 万元检测服务券……面向企业研制出重点领域仪器仪表给予资金资助。 */
static const param_def a5_04_a_p[] = {
    P_MONEY_MAX("cap_national", WAN(3000), "yuan", "国家级平台最高资助", "national platform ceiling", "分别给予不超过 3000 万元"),
    P_MONEY("cap_provincial", WAN(500), "yuan", "省级平台最高资助", "provincial platform ceiling", "500 万元资助"),
};
TIERS(spec_A5_04_a, level2_in, a5_04_a_p, 0, 1);
static const char *const a5_04_b_tiers[] = {"ccc_lab", "accreditation", NULL};
static const input_def a5_04_b_in[] = {
    IN_CHOICE("tier", a5_04_b_tiers, true, "资质类别（CCC指定实验室授权/实验室认可能力认定）",
              "qualification (CCC designated laboratory / accreditation capability)"),
    IN_ASSESSED,
};
static const param_def a5_04_b_p[] = {
    P_MONEY_MAX("cap_ccc", WAN(30), "yuan", "CCC指定实验室授权最高资助", "CCC designated-laboratory ceiling", "分别给予不超过 30 万元"),
    P_MONEY("cap_accreditation", WAN(10), "yuan", "实验室认可能力认定最高资助", "accreditation ceiling", "10 万元资助"),
};
const measure_spec spec_A5_04_b = {a5_04_b_in, COUNT_INPUTS(a5_04_b_in), a5_04_b_p, COUNT_PARAMS(a5_04_b_p),
                                   shape_tier, shape_tier_batch, NULL,
                                   {1, NO_INPUT, NO_INPUT, 0, NO_INPUT}, 0, 0, shape_tier_detail};
static const param_def a5_04_c_p[] = {
    P_MONEY_MAX("cap", WAN(20), "yuan", "每个研究项目最高资助", "ceiling per research project", "给予不超过 20 万元资助"),
};
CEILING_ASSESSED(spec_A5_04_c, a5_04_c_p);
static const param_def a5_04_d_p[] = {
    P_MONEY("amount", WAN(10), "yuan", "每家服务站资助", "grant per station", "向每家服务站给予 10 万元资助"),
};
EXACT_AMOUNT(spec_A5_04_d, a5_04_d_p);
UNSPECIFIED_AWARD(spec_A5_04_e);
UNSPECIFIED_AWARD(spec_A5_04_f);

/* ---- A5.05 ------------------------------------------------------------------
 * 五、向承担国标委秘书处工作的单位给予不超过 50 万元资助……对每个国家级、省级、市级标准化试点示范
 * 项目分别给予不超过 50 万元、30 万元、15 万元资助……对每个全国企业标准“领跑者”项目给予不超过 5 万元资助。 */
static const param_def a5_05_a_p[] = {
    P_MONEY_MAX("cap", WAN(50), "yuan", "最高资助", "ceiling", "给予不超过 50 万元资助"),
};
CEILING_ASSESSED(spec_A5_05_a, a5_05_a_p);
static const char *const level3[] = {"national", "provincial", "municipal", NULL};
static const input_def level3_in[] = {
    IN_CHOICE("tier", level3, true, "级别（国家级/省级/市级）", "level (national / provincial / municipal)"),
    IN_ASSESSED,
};
static const param_def a5_05_b_p[] = {
    P_MONEY_MAX("cap_national", WAN(50), "yuan", "国家级最高资助", "national ceiling", "分别给予不超过 50 万元"),
    P_MONEY("cap_provincial", WAN(30), "yuan", "省级最高资助", "provincial ceiling", "30 万元"),
    P_MONEY("cap_municipal", WAN(15), "yuan", "市级最高资助", "municipal ceiling", "15 万元资助"),
};
TIERS(spec_A5_05_b, level3_in, a5_05_b_p, 0, 1);
static const param_def a5_05_c_p[] = {
    P_MONEY_MAX("cap", WAN(5), "yuan", "每个项目最高资助", "ceiling per project", "给予不超过 5 万元资助"),
};
CEILING_ASSESSED(spec_A5_05_c, a5_05_c_p);

/* ---- A5.06 ------------------------------------------------------------------
 * 六、对每次在东莞开展的重要国际标准化活动承办单位给予不超过 10 万元资助，对每个主导或参与国际标准
 * 制修订项目的单位给予不超过 100 万元资助 (每个…单位: per unit per project)……对每位在国际标准化组织中
 * 获得奖项的人员给予不超过 30 万元资助 (每位…人员: per person, however many awards). */
static const param_def a5_06_a_p[] = {
    P_MONEY_MAX("cap", WAN(10), "yuan", "每次活动最高资助", "ceiling per event", "给予不超过 10 万元资助"),
};
CEILING_ASSESSED(spec_A5_06_a, a5_06_a_p);
static const param_def a5_06_b_p[] = {
    P_MONEY_MAX("cap", WAN(100), "yuan", "每个单位每个项目最高资助", "ceiling per unit per project", "给予不超过 100 万元资助"),
};
CEILING_ASSESSED(spec_A5_06_b, a5_06_b_p);
static const input_def per_person_in[] = {IN_ASSESSED, IN_GRANTED_TO_DATE};
static const param_def a5_06_c_p[] = {
    P_MONEY_MAX("cap_per_person", WAN(30), "yuan", "每位人员最高资助", "ceiling per person", "对每位……人员给予不超过 30 万元资助"),
};
CEILING(spec_A5_06_c, per_person_in, a5_06_c_p, 0, NO_INPUT, 1);

/* ---- A5.07 ------------------------------------------------------------------
 * 七、对国家知识产权示范企业、优势企业每家分别给予不超过 30 万元、20 万元奖励……
 * 对经认定的知识产权保护重点企业，每家一次性给予不超过 10 万元资助。 (G-IPKEY) */
static const char *const a5_07_a_tiers[] = {"demonstration", "advantage", NULL};
static const input_def a5_07_a_in[] = {
    IN_CHOICE("tier", a5_07_a_tiers, true, "类别（示范企业/优势企业）", "category (demonstration / advantage)"),
    IN_ASSESSED,
};
static const param_def a5_07_a_p[] = {
    P_MONEY_MAX("cap_demonstration", WAN(30), "yuan", "示范企业最高奖励", "demonstration ceiling", "分别给予不超过 30 万元"),
    P_MONEY("cap_advantage", WAN(20), "yuan", "优势企业最高奖励", "advantage ceiling", "20 万元奖励"),
};
TIERS(spec_A5_07_a, a5_07_a_in, a5_07_a_p, 0, 1);
static const param_def a5_07_b_p[] = {
    P_MONEY_MAX("cap", WAN(10), "yuan", "一次性最高资助", "one-off ceiling", "每家一次性给予不超过 10 万元资助"),
};
CEILING_ASSESSED(spec_A5_07_b, a5_07_b_p);

/* 八、向每个质量品牌提升示范区给予 50 万元资助。 (exact) */
static const param_def a5_08_a_p[] = {
    P_MONEY("amount", WAN(50), "yuan", "每个示范区资助", "grant per zone", "给予 50 万元资助"),
};
EXACT_AMOUNT(spec_A5_08_a, a5_08_a_p);

/* ---- A5.09 ------------------------------------------------------------------
 * 九、对每家中国质量奖、省政府质量奖、市政府质量奖获奖单位分别给予 300 万元、200 万元、100 万元资助……
 * 对每个通过市级“先进标准+认证”的“东莞优品”给予 10 万元资助，对每个“中国精品”给予 30 万元资助。 (all exact) */
static const char *const a5_09_a_tiers[] = {"china", "provincial", "municipal", NULL};
static const input_def a5_09_a_in[] = {
    IN_CHOICE("tier", a5_09_a_tiers, true, "奖项（中国质量奖/省政府质量奖/市政府质量奖）",
              "award (China / provincial / municipal quality award)"),
};
static const param_def a5_09_a_p[] = {
    P_MONEY("china_quality_award", WAN(300), "yuan", "中国质量奖资助", "China Quality Award", "分别给予 300 万元"),
    P_MONEY("provincial_quality_award", WAN(200), "yuan", "省政府质量奖资助", "provincial quality award", "200 万元"),
    P_MONEY("municipal_quality_award", WAN(100), "yuan", "市政府质量奖资助", "municipal quality award", "100 万元资助"),
};
TIERS(spec_A5_09_a, a5_09_a_in, a5_09_a_p, 0, NO_INPUT);
static const param_def a5_09_b_p[] = {
    P_MONEY("amount", WAN(10), "yuan", "每个“东莞优品”资助", "grant per Dongguan Premium Product", "给予 10 万元资助"),
};
EXACT_AMOUNT(spec_A5_09_b, a5_09_b_p);
static const param_def a5_09_c_p[] = {
    P_MONEY("amount", WAN(30), "yuan", "每个“中国精品”资助", "grant per China Boutique product", "给予 30 万元资助"),
};
EXACT_AMOUNT(spec_A5_09_c, a5_09_c_p);

/* 十、对相关资质、荣誉获评企业最高给予1亿元信贷支持。 (a credit line, not a grant) */
static const param_def a5_10_a_p[] = {
    P_MONEY_MAX("max_credit", WAN(10000), "yuan", "最高信贷支持", "largest credit line", "最高给予1亿元信贷支持"),
};
const measure_spec spec_A5_10_a = {dgs_in_assessed, 1, a5_10_a_p, COUNT_PARAMS(a5_10_a_p), shape_ceiling,
                                   shape_ceiling_batch, "yuan (credit line)",
                                   {0, NO_INPUT, NO_INPUT, NO_INPUT, NO_INPUT}, -1, -1, shape_ceiling_detail};
