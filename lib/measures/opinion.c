/* SPDX-License-Identifier: MulanPSL-2.0 */
/*
 * 关于加快推进新型工业化 高质量建设国际科创制造强市的实施意见 (the opinion itself, 实施意见)
 *
 * The main opinion mostly promises awards 按规定 (per the rules) without
 * numbers: those are UNSPECIFIED_AWARD until a guideline supplies them.
 * Where an attachment states the same benefit with its numbers, the
 * attachment's measure computes it and stacking pays it once (the exclusive
 * groups of data/catalog.json; docs/interpretation.md R11).
 */
#include "measures/spec.h"

/* ---- OP.01 ------------------------------------------------------------------
 * （一）对获认定为纺织服装创意设计园区、国家级工业设计中心的，给予最高 100 万元奖励。
 * Only the design-centre branch restates A3.07.b (group G-IDC): a creative design park has
 * no counterpart in the attachments, so the group binds that branch alone. */
static const char *const op_01_a_kinds[] = {"creative_design_park", "national_design_centre", NULL};
static const input_def op_01_a_in[] = {
    IN_CHOICE("recognition", op_01_a_kinds, true, "认定类别（创意设计园区/国家级工业设计中心）",
              "recognised as (creative design park / national industrial design centre)"),
    IN_ASSESSED,
};
static const param_def op_01_a_p[] = {
    P_MONEY_MAX("cap", WAN(100), "yuan", "最高奖励", "ceiling", "给予最高 100 万元奖励"),
};
const measure_spec spec_OP_01_a = {op_01_a_in, COUNT_OF(op_01_a_in), op_01_a_p, COUNT_OF(op_01_a_p),
                                   shape_ceiling, shape_ceiling_batch, NULL,
                                   {1, NO_INPUT, NO_INPUT, NO_INPUT, NO_INPUT}, 0, 1, shape_ceiling_detail};
/* 支持企业加快数字化转型……对符合条件的按规定给予奖励 */
UNSPECIFIED_AWARD(spec_OP_01_b);

/* ---- OP.02 ------------------------------------------------------------------
 * （二）对获得中国驰名商标、中国质量奖的，给予最高 300 万元奖励。
 * Only the China Quality Award branch restates A5.09.a (group G-CQA). */
static const char *const op_02_a_kinds[] = {"well_known_trademark", "china_quality_award", NULL};
static const input_def op_02_a_in[] = {
    IN_CHOICE("honour", op_02_a_kinds, true, "荣誉类别（中国驰名商标/中国质量奖）",
              "honour (China well-known trademark / China Quality Award)"),
    IN_ASSESSED,
};
static const param_def op_02_a_p[] = {
    P_MONEY_MAX("cap", WAN(300), "yuan", "最高奖励", "ceiling", "给予最高 300 万元奖励"),
};
const measure_spec spec_OP_02_a = {op_02_a_in, COUNT_OF(op_02_a_in), op_02_a_p, COUNT_OF(op_02_a_p),
                                   shape_ceiling, shape_ceiling_batch, NULL,
                                   {1, NO_INPUT, NO_INPUT, NO_INPUT, NO_INPUT}, 0, 1, shape_ceiling_detail};
/* 支持企业加快创建智能工厂（车间）、国家工信部“数字领航”企业等，对符合条件的按规定给予奖励 */
UNSPECIFIED_AWARD(spec_OP_02_b);

/* ---- OP.03.a ----------------------------------------------------------------
 * （三）对潮玩企业与大流量媒体平台、品牌策划机构等合作的，给予最高100万元奖励。
 * An award (奖励), not a subsidy of a cost: the text gives it no cost base, so no cost bounds it. */
static const param_def op_03_a_p[] = {
    P_MONEY_MAX("cap", WAN(100), "yuan", "最高奖励", "ceiling", "给予最高100万元奖励"),
};
CEILING_ASSESSED(spec_OP_03_a, op_03_a_p);

/* （四）对建设国家级绿色工厂、绿色园区、绿色供应链的给予奖励 */
UNSPECIFIED_AWARD(spec_OP_04_a);

/* ---- OP.05 ------------------------------------------------------------------
 * （五）支持造纸企业实施节能降碳改造……给予最高300万元奖励……
 * 对企业建设研发平台开展国产废纸再生核心技术攻关，且研发平台绩效考核为优秀的，给予最高100万元奖励。 */
static const param_def op_05_a_p[] = {
    P_MONEY_MAX("cap_per_project", WAN(300), "yuan", "每个项目最高奖励", "ceiling per project", "最高 300 万元"),
};
CEILING_ASSESSED(spec_OP_05_a, op_05_a_p);
static const param_def op_05_b_p[] = {
    P_MONEY_MAX("cap", WAN(100), "yuan", "最高奖励", "ceiling", "给予最高 100 万元奖励"),
};
CEILING_ASSESSED(spec_OP_05_b, op_05_b_p);

/* ---- OP.06 ------------------------------------------------------------------
 * （六）对通过绿色产品认证满1年以上，最终产品标明“中国环境标志”字样的给予奖励……
 * 对企业采用直接融资租赁方式购买生产设备的给予贴息支持。 (G-LEASE with A1.07.a) */
UNSPECIFIED_AWARD(spec_OP_06_a);
enum { OP_06B_FINANCED, OP_06B_ASSESSED };
static const input_def op_06_b_in[] = {
    IN_MONEY("financed_amount", true, "融资租赁合同融资额", "financed amount of the direct-lease contract"),
    IN_ASSESSED,
};
static const param_def op_06_b_p[] = {
    {"ratio", DGS_TYPE_RATIO, 0, 1, "ratio", "贴息比例（由申报指南规定）", "interest-subsidy rate (set by the guideline)", "",
     P_UNSET | P_NOT_ABOVE, NULL},
    P_UNSET_MONEY("cap", "yuan", "贴息上限（由申报指南规定）", "interest-subsidy cap (set by the guideline)"),
};
RATIO_CAPPED(spec_OP_06_b, op_06_b_in, op_06_b_p, OP_06B_FINANCED, OP_06B_ASSESSED, NO_INPUT);

/* （七）对符合条件的工业固体废物资源综合利用改造项目给予奖励 */
UNSPECIFIED_AWARD(spec_OP_07_a);

/* （八）对符合条件的增资扩产项目给予最高 1000 万元奖励 */
static const param_def op_08_a_p[] = {
    P_MONEY_MAX("cap_per_project", WAN(1000), "yuan", "每个项目最高奖励", "ceiling per project", "最高 1000 万元"),
};
CEILING_ASSESSED(spec_OP_08_a, op_08_a_p);

/* （九）对企业采购应用国产化核心元器件的给予奖励……汽车电子……给予政策支持 */
UNSPECIFIED_AWARD(spec_OP_09_a);
UNSPECIFIED_AWARD(spec_OP_09_b);

/* ---- OP.10.a ----------------------------------------------------------------
 * （十）对纳入智能机器人产业链关键企业清单的，资助比例和资助限额在基准标准基础上可上浮 5%，
 * 对“链主”企业资助比例和资助限额在基准标准基础上可上浮 10%，每家企业每年最高 500 万元。
 * The base (首台套) policy is external: its ratio, limit and award base are inputs.
 * Reading R2: the uplift is relative (×1.05) by default; percentage points is a switch. */
static const char *const op_10_a_tiers[] = {"key_list", "chain_leader", NULL};
enum { OP_10_TIER, OP_10_BASE, OP_10_BASE_RATIO_BP, OP_10_BASE_LIMIT, OP_10_THIS_YEAR };
static const input_def op_10_a_in[] = {
    IN_CHOICE("tier", op_10_a_tiers, true, "企业类别（关键企业清单/链主）", "enterprise (key list / chain leader)"),
    IN_MONEY("award_base", true, "首台（套）奖励的计算基数（如设备销售额）", "base of the first-set award (e.g. sales price)"),
    IN_COUNT("base_ratio_bp", "basis points", true, "基准资助比例（万分之一）", "base award ratio in basis points (1/10000)"),
    IN_MONEY("base_limit", true, "基准资助限额", "base award limit"),
    IN_GRANTED_THIS_YEAR,
};
static const char *const op_10_a_readings[] = {"relative", "points", NULL};
enum { OP_10_UP_KEY, OP_10_UP_LEADER, OP_10_CAP, OP_10_READING };
static const param_def op_10_a_p[] = {
    P_RATIO("uplift_key_list", 1, 20, 0, "关键企业上浮幅度", "uplift for key-list enterprises", "可上浮 5%"),
    P_RATIO("uplift_chain_leader", 1, 10, 0, "链主企业上浮幅度", "uplift for chain leaders", "可上浮 10%"),
    P_MONEY_MAX("cap_per_enterprise_per_year", WAN(500), "yuan", "每家企业每年最高", "cap per enterprise per year", "每家企业每年最高 500 万元"),
    P_SWITCH("reading_uplift", 0, op_10_a_readings, "上浮的解读（相对比例/百分点）",
             "reading of the uplift (relative / percentage points)", "在基准标准基础上可上浮"),
};
FORMULA(op_10_a)
{
    int up = calc_input(c, OP_10_TIER) == 1 ? OP_10_UP_LEADER : OP_10_UP_KEY;
    int64_t un = c->p[up].num, ud = c->p[up].den;
    int64_t bp = calc_input(c, OP_10_BASE_RATIO_BP);
    dgs_fen_t base = calc_input(c, OP_10_BASE);
    /* 资助比例上浮: r = r0 × (1 + u), or r0 + u percentage points: num / den. */
    int64_t num, den, t, award, limit;
    bool ok = calc_reading(c, OP_10_READING) == 0
                  ? dgs_add_checked(ud, un, &t) && dgs_mul_checked(bp, t, &num)
                  : dgs_mul_checked(bp, ud, &num) && dgs_mul_checked(un, 10000, &t) && dgs_add_checked(num, t, &num);
    ok = ok && dgs_mul_checked(10000, ud, &den) && dgs_mul_ratio_floor(base, num, den, &award);
    /* 资助限额上浮: L = L0 × (1 + u). */
    ok = ok && dgs_add_checked(ud, un, &t) && dgs_mul_ratio_floor(calc_input(c, OP_10_BASE_LIMIT), t, ud, &limit);
    if (!ok) {
        calc_overflow(c, up);
        return;
    }
    /* Each step shows its own figure: the uplift applied, then the uplifted limit. */
    calc_step(c, STEP_RATIO, up, un, ud, award);
    calc_step(c, STEP_LIMIT, SRC_INPUT + OP_10_BASE_LIMIT, limit, 1, limit < award ? limit : award);
    if (limit < award) {
        award = limit;
        c->binding = SRC_INPUT + OP_10_BASE_LIMIT;
        c->binding_value = limit;
    }
    dgs_fen_t a = calc_headroom(c, award, OP_10_CAP, OP_10_THIS_YEAR); /* 每年最高500万 */
    calc_grant(c, a);
}
SPEC(spec_OP_10_a, op_10_a_in, op_10_a_p, op_10_a);

/* （十）对入选国家工信部智能制造示范工厂和优秀场景的给予奖励 */
UNSPECIFIED_AWARD(spec_OP_10_b);
/* （十一）对半导体及集成电路企业购买 EDA 设计工具软件或 IP 用于高端芯片研发、开展首轮流片验证等的给予奖励 */
UNSPECIFIED_AWARD(spec_OP_11_a);

/* ---- OP.12 ------------------------------------------------------------------
 * （十二）对符合条件的企业使用研发场地和办公场地给予最高 100 万元租金补贴。 (G-NM-RENT)
 * 支持企业建设洁净厂房，每家企业每年给予最高 100 万元奖励。 (G-CLEANROOM)
 * 对实际支付的委托研究费用给予奖励。 */
/* 租金补贴 restates 附件2（七）A2.07.a and 洁净厂房 A2.07.b: computed through them
 * (catalog "restates"), in their groups G-NM-RENT and G-CLEANROOM. */
static const input_def op_12_c_in[] = {
    IN_MONEY("fees_paid", true, "实际支付的委托研究费用", "commissioned research fees actually paid"),
    IN_ASSESSED,
};
static const param_def op_12_c_p[] = {
    {"ratio", DGS_TYPE_RATIO, 0, 1, "ratio", "按委托研究费用奖励比例（由申报指南规定）", "share of the fees (set by the guideline)", "",
     P_UNSET | P_NOT_ABOVE, NULL},
    P_UNSET_MONEY("cap", "yuan", "奖励上限（由申报指南规定）", "cap (set by the guideline)"),
};
RATIO_CAPPED(spec_OP_12_c, op_12_c_in, op_12_c_p, 0, 1, NO_INPUT);

/* ---- OP.13 ------------------------------------------------------------------
 * （十三）对储能企业新产品取得欧美、日韩等市场准入认证的给予奖励……
 * 对获得国家级、省级重点实验室……给予最高500万元奖励。 */
UNSPECIFIED_AWARD(spec_OP_13_a);
static const param_def op_13_b_p[] = {
    P_MONEY_MAX("cap", WAN(500), "yuan", "最高奖励", "ceiling", "给予最高 500 万元奖励"),
};
CEILING_ASSESSED(spec_OP_13_b, op_13_b_p);

/* ---- OP.14 ------------------------------------------------------------------
 * （十四）……新药，根据其研发进度分阶段给予最高3000万元奖励……仿制药……每个品种给予最高 200 万元奖励……
 * 高端医疗器械产品……每个产品给予最高 300 万元奖励……购买药品、医疗器械等批件（证件）引进重大项目……
 * 给予最高 1000 万元奖励。 */
static const input_def per_drug_in[] = {IN_ASSESSED, IN_GRANTED_TO_DATE};
static const param_def op_14_a_p[] = {
    P_MONEY_MAX("cap_per_drug", WAN(3000), "yuan", "每个新药各阶段合计最高奖励", "cap per new drug over all stages",
            "分阶段给予最高3000万元奖励"),
};
CEILING(spec_OP_14_a, per_drug_in, op_14_a_p, 0, NO_INPUT, 1);
static const param_def op_14_b_p[] = {
    P_MONEY_MAX("cap_per_variety", WAN(200), "yuan", "每个品种最高奖励", "ceiling per variety", "每个品种给予最高 200 万元奖励"),
};
CEILING_ASSESSED(spec_OP_14_b, op_14_b_p);
static const param_def op_14_c_p[] = {
    P_MONEY_MAX("cap_per_product", WAN(300), "yuan", "每个产品最高奖励", "ceiling per product", "每个产品给予最高 300 万元奖励"),
};
CEILING_ASSESSED(spec_OP_14_c, op_14_c_p);
static const param_def op_14_d_p[] = {
    P_MONEY_MAX("cap", WAN(1000), "yuan", "最高奖励", "ceiling", "给予最高 1000 万元奖励"),
};
CEILING_ASSESSED(spec_OP_14_d, op_14_d_p);

/* ---- OP.15.a ----------------------------------------------------------------
 * （十五）对新入驻市级数字产业集聚试点园区的企业，市镇联动给予不超过 3 年租金补贴。 */
enum { OP_15_RENT, OP_15_YEAR, OP_15_ASSESSED };
static const input_def op_15_a_in[] = {
    IN_MONEY("rent_paid", true, "当年实际支付租金", "rent actually paid in the year"),
    IN_COUNT("subsidy_year", "years", true, "入驻后第几年", "year since entry (1, 2, …)"),
    IN_ASSESSED,
};
enum { OP_15_RATIO, OP_15_CAP, OP_15_YEARS };
static const param_def op_15_a_p[] = {
    {"ratio", DGS_TYPE_RATIO, 0, 1, "ratio", "租金补贴比例（由申报指南规定）", "share of the rent (set by the guideline)", "",
     P_UNSET | P_NOT_ABOVE, NULL},
    {"cap_per_year", DGS_TYPE_MONEY, 0, 1, "yuan", "每年补贴上限（由申报指南规定）", "yearly cap (set by the guideline)", "",
     P_UNSET | P_OPTIONAL, NULL},
    P_COUNT_MAX("max_duration", 3, "years", "补贴年限", "subsidy years at most", "不超过 3 年租金补贴"),
};
FORMULA(op_15_a)
{
    if (!calc_at_most(c, calc_input(c, OP_15_YEAR), OP_15_YEARS))         /* 不超过3年 */
        return;
    dgs_fen_t award = calc_ratio(c, calc_input(c, OP_15_RENT), OP_15_RATIO);
    if (c->p[OP_15_CAP].set)
        award = calc_cap(c, award, OP_15_CAP);
    award = calc_cap_by_input(c, award, OP_15_ASSESSED);
    calc_grant(c, award);
}
SPEC(spec_OP_15_a, op_15_a_in, op_15_a_p, op_15_a);

/* （十七）对通过数据管理能力成熟度（DCMM）的给予最高 50 万元奖励 */
static const param_def op_17_a_p[] = {
    P_MONEY_MAX("cap", WAN(50), "yuan", "最高奖励", "ceiling", "给予最高 50 万元奖励"),
};
CEILING_ASSESSED(spec_OP_17_a, op_17_a_p);

/* （十九）对倍增企业开展产业链供应链合作的，给予每家企业每年最高 300 万元奖励: restates
 * 附件1（十）A1.10.a (1% of new purchases from SMEs, 每年最高300万): computed through it. */

/* （二十）对新取得军工资质的企业给予奖励……纳入中小企业数字化转型公共服务平台，对在平台采购相关产品
 * 服务的企业和平台运营主体给予奖励 */
UNSPECIFIED_AWARD(spec_OP_20_a);
/* 在平台采购相关产品服务的……给予奖励: restates 附件1（四）A1.04.a (computed through it). */

/* （二十一）总部企业……落户奖励: restates 附件3（三）A3.03.b, the one part of the package
 * whose amount is written (最高1000万元); 服务型制造示范 restates A3.07.a. Both computed through them. */

/* ---- OP.22 ------------------------------------------------------------------
 * （二十二）对企业出海的给予最高200万元奖励 (an award: no cost bound)；外贸综合服务企业名单、
 * 展会支持、出口信用保险：see A4.09.c, A4.02–A4.03, A4.09.a. */
static const param_def op_22_a_p[] = {
    P_MONEY_MAX("cap", WAN(200), "yuan", "最高奖励", "ceiling", "对企业出海的给予最高200万元奖励"),
};
CEILING_ASSESSED(spec_OP_22_a, op_22_a_p);
/* 入选省外贸综合服务企业重点培育名单 restates A4.09.c, 出口信用保险 restates A4.09.a: computed through them. */
UNSPECIFIED_AWARD(spec_OP_22_c);

/* ---- OP.23 ------------------------------------------------------------------
 * （二十三）2024年发放1000万元检验检测服务券 / 对获得国家强制性产品认证指定实验室授权的给予奖励 /
 * 对通过市级“先进标准+认证”、获得“中国精品”的产品分别给予奖励 / 对经认定的知识产权保护重点企业给予奖励
 * (amounts in 附件5: A5.04.e, A5.04.b, A5.09.b/c, A5.07.b). */
/* Each restates its attachment measure and is computed through it (catalog "restates"): the
 * service vouchers A5.04.e, the designated CCC laboratories A5.04.b, 东莞优品 or 中国精品 A5.09.b or
 * A5.09.c (an input says which), the key IP-protection enterprises A5.07.b. */

/* （二十四）对符合条件的天使期项目最高投资1000万元 (an equity investment, not a grant). */
static const param_def op_24_a_p[] = {
    P_MONEY_MAX("max_investment_angel_project", WAN(1000), "yuan", "天使期项目最高投资", "largest equity investment in an angel-stage project",
            "对符合条件的天使期项目最高投资1000万元"),
};
const measure_spec spec_OP_24_a = {dgs_in_assessed, 1, op_24_a_p, COUNT_OF(op_24_a_p), shape_ceiling,
                                   shape_ceiling_batch, "yuan (equity investment)",
                                   {0, NO_INPUT, NO_INPUT, NO_INPUT, NO_INPUT}, -1, -1, shape_ceiling_detail};
