/* SPDX-License-Identifier: MulanPSL-2.0 */
/*
 * 附件3 关于支持生产性服务业发展的若干措施 (市发展改革局).
 */
#include "measures/spec.h"

/* 一、……制定“一区一策”扶持措施，在企业引进、重点企业培育、服务生态优化等方面予以资金支持 */
UNSPECIFIED_AWARD(spec_A3_01_a);
/* 三、……对经认定的总部企业予以新迁入落户奖励、经营贡献奖励、研发投入补贴……等多项资金扶持政策
 * (≡ OP.21.a, G-HQ) */
UNSPECIFIED_AWARD(spec_A3_03_a);

/* 三、经认定为总部企业后，按照认定的上一年度综合经济规模情况给予最高1000万元的新迁入落户奖励。 */
static const param_def a3_03_b_p[] = {
    P_MONEY_MAX("cap", WAN(1000), "yuan", "新迁入落户奖励最高额", "ceiling of the settlement award", "给予最高1000万元的新迁入落户奖励"),
};
CEILING_ASSESSED(spec_A3_03_b, a3_03_b_p);

/* ---- A3.04 ------------------------------------------------------------------
 * 四、对当年新上规的服务业企业，给予最高5万元奖励。
 * 对当年新上规，并于次年实现营业收入正增长的服务业企业，给予最高5万元奖励。 (正增长: > 0) */
static const param_def a3_04_a_p[] = {
    P_MONEY_MAX("cap", WAN(5), "yuan", "最高奖励", "ceiling", "给予最高5万元奖励"),
};
CEILING_ASSESSED(spec_A3_04_a, a3_04_a_p);
enum { A3_04B_REVENUE, A3_04B_NEXT, A3_04B_ASSESSED };
static const input_def a3_04_b_in[] = {
    IN_MONEY("revenue_year_listed", true, "新上规当年营业收入", "revenue in the year it came above scale"),
    IN_MONEY("revenue_next_year", true, "次年营业收入（须正增长）", "revenue of the next year (must grow)"),
    IN_ASSESSED,
};
enum { A3_04B_CAP };
static const param_def a3_04_b_p[] = {
    P_MONEY_MAX("cap", WAN(5), "yuan", "最高奖励", "ceiling", "给予最高5万元奖励"),
};
FORMULA(a3_04_b)
{
    if (calc_input(c, A3_04B_NEXT) <= calc_input(c, A3_04B_REVENUE)) {   /* 次年实现营业收入正增长 */
        calc_ineligible(c, SRC_INPUT + A3_04B_NEXT, WHY_FLAG);
        return;
    }
    dgs_fen_t award = calc_cap(c, c->p[A3_04B_CAP].num, A3_04B_CAP);
    c->binding = A3_04B_CAP, c->binding_value = award;
    calc_grant(c, calc_cap_by_input(c, award, A3_04B_ASSESSED));
}
SPEC_ASSESSED(spec_A3_04_b, a3_04_b_in, a3_04_b_p, a3_04_b, A3_04B_ASSESSED);

/* ---- A3.05 ------------------------------------------------------------------
 * 五、申请资料经正式受理的，给予一次性 300 万元奖励。 (an exact amount)
 * 企业成功上市后，最高给予企业 700 万元的上市后首发融资奖励。 */
static const param_def a3_05_a_p[] = {
    P_MONEY("amount", WAN(300), "yuan", "一次性奖励", "one-off award", "给予一次性 300 万元奖励"),
};
EXACT_AMOUNT(spec_A3_05_a, a3_05_a_p);
static const param_def a3_05_b_p[] = {
    P_MONEY_MAX("cap", WAN(700), "yuan", "上市后首发融资奖励最高额", "ceiling of the post-listing award", "最高给予企业 700 万元的上市后首发融资奖励"),
};
CEILING_ASSESSED(spec_A3_05_b, a3_05_b_p);

/* ---- A3.06.a ----------------------------------------------------------------
 * 六、对举办单位按场馆租金实际发生费用给予支持，每个展览会最高支持金额不超过 100 万元。
 * The ratio is not stated (R17): 100% of the rent by default, a guideline may lower it. */
static const input_def a3_06_a_in[] = {
    IN_MONEY("venue_rent", true, "场馆租金实际发生费用", "venue rent actually incurred"),
    IN_ASSESSED,
};
static const param_def a3_06_a_p[] = {
    P_RATIO("ratio", 1, 1, P_NOT_ABOVE, "按场馆租金支持比例", "share of the venue rent", "按场馆租金实际发生费用给予支持"),
    P_MONEY_MAX("cap_per_exhibition", WAN(100), "yuan", "每个展览会最高支持", "cap per exhibition", "每个展览会最高支持金额不超过 100 万元"),
};
RATIO_CAPPED(spec_A3_06_a, a3_06_a_in, a3_06_a_p, 0, 1, NO_INPUT);

/* ---- A3.07 ------------------------------------------------------------------
 * 七、对获认定为国家级、省级服务型制造示范企业（平台）的，给予最高 100 万元奖励 (G-SOM)……
 * 对获认定为国家级、省级工业设计中心（工业设计研究院）的，给予最高 100 万元奖励 (G-IDC)。 */
static const param_def a3_07_a_p[] = {
    P_MONEY_MAX("cap", WAN(100), "yuan", "最高奖励", "ceiling", "给予最高 100 万元奖励"),
};
CEILING_ASSESSED(spec_A3_07_a, a3_07_a_p);
static const param_def a3_07_b_p[] = {
    P_MONEY_MAX("cap", WAN(100), "yuan", "最高奖励", "ceiling", "给予最高 100 万元奖励"),
};
CEILING_ASSESSED(spec_A3_07_b, a3_07_b_p);

/* ---- A3.08 ------------------------------------------------------------------
 * 八、对首次获得东莞市质量基础设施“一站式”服务平台一次性给予 10 万元资助……
 * 国家级检验检测平台按照省财政资金 1:3 予以资助，原则上不超过 3000 万元；
 * 省级检验检测平台按照省财政资金 1:1 予以资助，原则上不超过 500 万元。 (原则上: a hard cap, R15) */
static const param_def a3_08_a_p[] = {
    P_MONEY("amount", WAN(10), "yuan", "一次性资助", "one-off grant", "一次性给予 10 万元资助"),
};
EXACT_AMOUNT(spec_A3_08_a, a3_08_a_p);
static const char *const platform_tiers[] = {"national", "provincial", NULL};
enum { A3_08B_TIER, A3_08B_FUNDS };
static const input_def a3_08_b_in[] = {
    IN_CHOICE("tier", platform_tiers, true, "平台级别（国家级/省级）", "platform level (national / provincial)"),
    IN_MONEY("provincial_funds", true, "省财政资金", "provincial fiscal funds granted to the platform"),
};
static const char *const a3_08_b_readings[] = {"hard", "soft", NULL};
enum { A3_08B_RATIO_N, A3_08B_CAP_N, A3_08B_RATIO_P, A3_08B_CAP_P, A3_08B_READING };
static const param_def a3_08_b_p[] = {
    P_RATIO("ratio_national", 3, 1, 0, "国家级平台按省财政资金资助比例", "national platform: multiple of provincial funds", "按照省财政资金 1:3 予以资助"),
    P_MONEY_MAX("cap_national", WAN(3000), "yuan", "国家级平台资助上限", "national platform cap", "原则上不超过 3000 万元"),
    P_RATIO("ratio_provincial", 1, 1, 0, "省级平台按省财政资金资助比例", "provincial platform: multiple of provincial funds", "按照省财政资金 1:1 予以资助"),
    P_MONEY_MAX("cap_provincial", WAN(500), "yuan", "省级平台资助上限", "provincial platform cap", "原则上不超过 500 万元"),
    P_SWITCH("reading_in_principle", 0, a3_08_b_readings, "“原则上不超过”的解读（硬上限/可突破）",
             "reading of 原则上不超过 (hard cap / soft cap)", "原则上不超过"),
};
FORMULA(a3_08_b)
{
    bool national = calc_input(c, A3_08B_TIER) == 0;
    dgs_fen_t funds = calc_input(c, A3_08B_FUNDS);
    dgs_fen_t award = calc_ratio(c, funds, national ? A3_08B_RATIO_N : A3_08B_RATIO_P);   /* 1:3 / 1:1 */
    if (calc_reading(c, A3_08B_READING) == 0)                                             /* 原则上 (R15) */
        award = calc_cap(c, award, national ? A3_08B_CAP_N : A3_08B_CAP_P);              /* 3000万 / 500万 */
    calc_grant(c, award);
}
SPEC(spec_A3_08_b, a3_08_b_in, a3_08_b_p, a3_08_b);
