/*
 * 实施意见: 关于加快推进新型工业化 高质量建设国际科创制造强市的实施意见.
 *
 * The main opinion mostly promises awards 按规定 (per the rules) without
 * numbers: those are UNSPECIFIED_AWARD until a guideline supplies them.
 * Where an attachment states the same benefit with its numbers (catalog §4),
 * the attachment's measure computes it and stacking pays it once.
 */
#include "measures/spec.h"

/* ---- OP.01 ------------------------------------------------------------------
 * （一）对获认定为纺织服装创意设计园区、国家级工业设计中心的，给予最高 100 万元奖励。
 * Only the design-centre branch restates A3.07.b (group G-IDC; README decision 13). */
static const char *const op_01_a_kinds[] = {"creative_design_park", "national_design_centre", NULL};
static const input_def op_01_a_in[] = {
    IN_CHOICE("recognition", op_01_a_kinds, true, "认定类别（创意设计园区/国家级工业设计中心）",
              "recognised as (creative design park / national industrial design centre)"),
    IN_ASSESSED,
};
static const param_def op_01_a_p[] = {
    P_MONEY("cap", WAN(100), "yuan", "最高奖励", "ceiling", "给予最高 100 万元奖励"),
};
const measure_spec spec_OP_01_a = {op_01_a_in, COUNT_OF(op_01_a_in), op_01_a_p, COUNT_OF(op_01_a_p),
                                   shape_ceiling, shape_ceiling_batch, NULL,
                                   {1, NO_INPUT, NO_INPUT, NO_INPUT, NO_INPUT}, 0, 1, shape_ceiling_detail};
/* 推动纺织服装企业数字化转型……按规定给予奖励 */
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
    P_MONEY("cap", WAN(300), "yuan", "最高奖励", "ceiling", "给予最高 300 万元奖励"),
};
const measure_spec spec_OP_02_a = {op_02_a_in, COUNT_OF(op_02_a_in), op_02_a_p, COUNT_OF(op_02_a_p),
                                   shape_ceiling, shape_ceiling_batch, NULL,
                                   {1, NO_INPUT, NO_INPUT, NO_INPUT, NO_INPUT}, 0, 1, shape_ceiling_detail};
/* 支持企业加快创建智能工厂（车间）、国家工信部“数字领航”企业等，对符合条件的按规定给予奖励 */
UNSPECIFIED_AWARD(spec_OP_02_b);

/* ---- OP.03.a ----------------------------------------------------------------
 * （三）对潮玩企业与流量平台、品牌平台合作的……给予最高100万元奖励。
 * An award, not a cost subsidy (README decision 14): no cost bound. */
static const param_def op_03_a_p[] = {
    P_MONEY("cap", WAN(100), "yuan", "最高奖励", "ceiling", "给予最高100万元奖励"),
};
CEILING_ASSESSED(spec_OP_03_a, op_03_a_p);

/* （四）对获评国家级绿色工厂、绿色园区、绿色供应链的……给予奖励 */
UNSPECIFIED_AWARD(spec_OP_04_a);

/* ---- OP.05 ------------------------------------------------------------------
 * （五）对造纸企业节能降碳技术改造项目……每个项目最高 300 万元奖励；
 * 对绩效评价为优秀的废纸回收利用研发平台……给予最高 100 万元奖励。 */
static const param_def op_05_a_p[] = {
    P_MONEY("cap_per_project", WAN(300), "yuan", "每个项目最高奖励", "ceiling per project", "最高 300 万元"),
};
CEILING_ASSESSED(spec_OP_05_a, op_05_a_p);
static const param_def op_05_b_p[] = {
    P_MONEY("cap", WAN(100), "yuan", "最高奖励", "ceiling", "给予最高 100 万元奖励"),
};
CEILING_ASSESSED(spec_OP_05_b, op_05_b_p);

/* ---- OP.06 ------------------------------------------------------------------
 * （六）对获得绿色产品认证满1年以上且产品使用中国环境标志的……给予奖励。
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

/* （七）工业固废综合利用改造项目……给予奖励 */
UNSPECIFIED_AWARD(spec_OP_07_a);

/* （八）对增资扩产项目……最高 1000 万元奖励 */
static const param_def op_08_a_p[] = {
    P_MONEY("cap_per_project", WAN(1000), "yuan", "每个项目最高奖励", "ceiling per project", "最高 1000 万元"),
};
CEILING_ASSESSED(spec_OP_08_a, op_08_a_p);

/* （九）采购应用国产核心零部件……给予奖励；汽车电子……政策支持 */
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
    P_MONEY("cap_per_enterprise_per_year", WAN(500), "yuan", "每家企业每年最高", "cap per enterprise per year", "每家企业每年最高 500 万元"),
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
    calc_step(c, STEP_RATIO, up, award, 1);
    calc_step(c, STEP_CAP, up, limit < award ? limit : award, 1);
    if (limit < award) {
        award = limit;
        c->binding = SRC_INPUT + OP_10_BASE_LIMIT;
        c->binding_value = limit;
    }
    dgs_fen_t a = calc_headroom(c, award, OP_10_CAP, OP_10_THIS_YEAR); /* 每年最高500万 */
    calc_grant(c, a);
}
SPEC(spec_OP_10_a, op_10_a_in, op_10_a_p, op_10_a);

/* （十）入选工信部智能制造示范工厂或优秀场景的……给予奖励；（十一）EDA工具、IP……流片验证给予奖励 */
UNSPECIFIED_AWARD(spec_OP_10_b);
UNSPECIFIED_AWARD(spec_OP_11_a);

/* ---- OP.12 ------------------------------------------------------------------
 * （十二）对符合条件的企业使用研发场地和办公场地给予最高 100 万元租金补贴。 (G-NM-RENT)
 * 支持企业建设洁净厂房，每家企业每年给予最高 100 万元奖励。 (G-CLEANROOM)
 * 对实际支付的委托研究费用给予奖励。 */
static const input_def rent_subsidy_in[] = {
    IN_ASSESSED,
    IN_MONEY("rent_paid", false, "实际支付的研发及办公场地租金", "rent actually paid for R&D and office space"),
    IN_GRANTED_TO_DATE,
};
static const param_def op_12_a_p[] = {
    P_MONEY("cap", WAN(100), "yuan", "租金补贴最高额（每家企业累计）", "ceiling per enterprise (cumulative)", "给予最高 100 万元租金补贴"),
};
CEILING(spec_OP_12_a, rent_subsidy_in, op_12_a_p, 0, 1, 2);
static const input_def cleanroom_in[] = {
    IN_ASSESSED,
    IN_MONEY("build_cost", false, "洁净厂房建设实际费用", "clean-room construction cost actually incurred"),
    IN_GRANTED_THIS_YEAR,
};
static const param_def op_12_b_p[] = {
    P_MONEY("cap_per_year", WAN(100), "yuan", "每家企业每年最高", "cap per enterprise per year", "每家企业每年给予最高 100 万元奖励"),
};
CEILING(spec_OP_12_b, cleanroom_in, op_12_b_p, 0, 1, 2);
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
 * （十三）储能新产品取得欧美日韩市场准入认证的……给予奖励；
 * 对新认定的国家级、省级重点实验室……给予最高 500 万元奖励。 */
UNSPECIFIED_AWARD(spec_OP_13_a);
static const param_def op_13_b_p[] = {
    P_MONEY("cap", WAN(500), "yuan", "最高奖励", "ceiling", "给予最高 500 万元奖励"),
};
CEILING_ASSESSED(spec_OP_13_b, op_13_b_p);

/* ---- OP.14 ------------------------------------------------------------------
 * （十四）新药……根据其研发进度分阶段给予最高3000万元奖励；仿制药……每个品种最高 200 万元；
 * 高端医疗器械……每个产品最高 300 万元；购买批件、证件引进重大项目……最高 1000 万元奖励。 */
static const input_def per_drug_in[] = {IN_ASSESSED, IN_GRANTED_TO_DATE};
static const param_def op_14_a_p[] = {
    P_MONEY("cap_per_drug", WAN(3000), "yuan", "每个新药各阶段合计最高奖励", "cap per new drug over all stages",
            "分阶段给予最高3000万元奖励"),
};
CEILING(spec_OP_14_a, per_drug_in, op_14_a_p, 0, NO_INPUT, 1);
static const param_def op_14_b_p[] = {
    P_MONEY("cap_per_variety", WAN(200), "yuan", "每个品种最高奖励", "ceiling per variety", "每个品种给予最高 200 万元奖励"),
};
CEILING_ASSESSED(spec_OP_14_b, op_14_b_p);
static const param_def op_14_c_p[] = {
    P_MONEY("cap_per_product", WAN(300), "yuan", "每个产品最高奖励", "ceiling per product", "每个产品给予最高 300 万元奖励"),
};
CEILING_ASSESSED(spec_OP_14_c, op_14_c_p);
static const param_def op_14_d_p[] = {
    P_MONEY("cap", WAN(1000), "yuan", "最高奖励", "ceiling", "给予最高 1000 万元奖励"),
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
    P_COUNT("max_duration", 3, "years", "补贴年限", "subsidy years at most", "不超过 3 年租金补贴"),
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

/* （十七）通过数据管理能力成熟度评估（DCMM）的……给予最高 50 万元奖励 */
static const param_def op_17_a_p[] = {
    P_MONEY("cap", WAN(50), "yuan", "最高奖励", "ceiling", "给予最高 50 万元奖励"),
};
CEILING_ASSESSED(spec_OP_17_a, op_17_a_p);

/* （十九）对倍增企业开展产业链供应链合作的，给予每家企业每年最高 300 万元奖励 (≡ A1.10.a) */
static const input_def per_year_in[] = {IN_ASSESSED, IN_GRANTED_THIS_YEAR};
static const param_def op_19_a_p[] = {
    P_MONEY("cap_per_year", WAN(300), "yuan", "每家企业每年最高奖励", "cap per enterprise per year", "每年最高 300 万元奖励"),
};
CEILING(spec_OP_19_a, per_year_in, op_19_a_p, 0, NO_INPUT, 1);

/* （二十）新取得军工资质的……给予奖励；在中小企业数字化转型公共服务平台采购的……给予奖励 */
UNSPECIFIED_AWARD(spec_OP_20_a);
UNSPECIFIED_AWARD(spec_OP_20_b);

/* （二十一）总部企业……给予支持 (≡ A3.03.a)；国家级、省级服务型制造示范……最高 100 万元奖励 */
UNSPECIFIED_AWARD(spec_OP_21_a);
static const param_def op_21_b_p[] = {
    P_MONEY("cap", WAN(100), "yuan", "最高奖励", "ceiling", "给予最高 100 万元奖励"),
};
CEILING_ASSESSED(spec_OP_21_b, op_21_b_p);

/* ---- OP.22 ------------------------------------------------------------------
 * （二十二）对企业出海的给予最高200万元奖励 (an award: no cost bound)；外贸综合服务企业名单、
 * 展会支持、出口信用保险：see A4.09.c, A4.02–A4.03, A4.09.a. */
static const param_def op_22_a_p[] = {
    P_MONEY("cap", WAN(200), "yuan", "最高奖励", "ceiling", "对企业出海的给予最高200万元奖励"),
};
CEILING_ASSESSED(spec_OP_22_a, op_22_a_p);
UNSPECIFIED_AWARD(spec_OP_22_b);
UNSPECIFIED_AWARD(spec_OP_22_c);
UNSPECIFIED_AWARD(spec_OP_22_d);

/* ---- OP.23 ------------------------------------------------------------------
 * （二十三）2024年发放检验检测服务券1000万元；CCC指定实验室、东莞优品/中国精品、知识产权保护
 * 重点企业……给予奖励 (amounts in 附件5: A5.04.e, A5.04.b, A5.09.b/c, A5.07.b). */
UNSPECIFIED_AWARD(spec_OP_23_a);
UNSPECIFIED_AWARD(spec_OP_23_b);
UNSPECIFIED_AWARD(spec_OP_23_c);
UNSPECIFIED_AWARD(spec_OP_23_d);

/* （二十四）对符合条件的天使期项目最高投资1000万元 — an equity investment, not a grant. */
static const param_def op_24_a_p[] = {
    P_MONEY("max_investment_angel_project", WAN(1000), "yuan", "天使期项目最高投资", "largest equity investment in an angel-stage project",
            "对符合条件的天使期项目最高投资1000万元"),
};
const measure_spec spec_OP_24_a = {dgs_in_assessed, 1, op_24_a_p, COUNT_OF(op_24_a_p), shape_ceiling,
                                   shape_ceiling_batch, "yuan (equity investment)",
                                   {0, NO_INPUT, NO_INPUT, NO_INPUT, NO_INPUT}, -1, -1, shape_ceiling_detail};
