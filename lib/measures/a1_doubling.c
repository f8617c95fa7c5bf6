/* SPDX-License-Identifier: MulanPSL-2.0 */
/*
 * 附件1 关于推进“倍增企业”高质量发展的若干措施 (市工业和信息化局).
 *
 * Each measure: the clause, its inputs, its parameters (every number of the
 * clause, as printed), and its formula.  Readings a guideline may switch are
 * parameters too (docs/interpretation.md).
 */
#include "measures/spec.h"

/* ---- A1.01.a ------------------------------------------------------------------
 * 附件1（一）对国家、省相关项目分别按最高 1:1 和 1:0.5 的比例给予配套资助，
 * 各级财政资金资助总额不超过项目总投资的 50%。
 * M = max(0, min(1:1 × national + 1:0.5 × provincial, 50% × investment − all other funds)). */
enum { A1_01_NATIONAL, A1_01_PROVINCIAL, A1_01_OTHER, A1_01_INVESTMENT };
static const input_def a1_01_a_in[] = {
    IN_MONEY("national_funds", true, "国家相关项目资助资金", "national funds for the project"),
    IN_MONEY("provincial_funds", true, "省相关项目资助资金", "provincial funds for the project"),
    IN_MONEY("other_fiscal_funds", false, "其他各级财政资金（镇街、市级其他）",
             "other fiscal funds for the project (town, other municipal)"),
    IN_MONEY("total_investment", true, "项目总投资", "total project investment"),
};
static const char *const a1_01_a_readings[] = {"all_levels", "upstream_only", NULL};
enum { A1_01_RATIO_NATIONAL, A1_01_RATIO_PROVINCIAL, A1_01_SHARE_CAP, A1_01_READING };
static const param_def a1_01_a_p[] = {
    P_RATIO("ratio_national", 1, 1, P_NOT_ABOVE | P_TEXT_MAX, "国家项目配套比例", "matching ratio of national funds", "国家、省相关项目分别按最高 1:1"),
    P_RATIO("ratio_provincial", 1, 2, P_NOT_ABOVE, "省项目配套比例", "matching ratio of provincial funds", "省相关项目……和 1:0.5 的比例"),
    P_RATIO("total_fiscal_share_cap", 1, 2, P_NOT_ABOVE | P_TEXT_MAX, "各级财政资金资助总额占项目总投资上限",
            "all fiscal funds as a share of total investment, at most", "各级财政资金资助总额不超过项目总投资的 50%"),
    P_SWITCH("reading_share_funds", 0, a1_01_a_readings, "50%上限计入的资金（各级/仅国家省）",
             "funds counted in the 50% cap (all levels / national and provincial only)", "各级财政资金资助总额"),
};
FORMULA(a1_01_a)
{
    dgs_fen_t national = calc_input(c, A1_01_NATIONAL);
    dgs_fen_t provincial = calc_input(c, A1_01_PROVINCIAL);
    dgs_fen_t match = calc_sum(c, calc_ratio(c, national, A1_01_RATIO_NATIONAL),    /* 1:1 */
                               calc_ratio(c, provincial, A1_01_RATIO_PROVINCIAL)); /* 1:0.5 */
    /* 各级财政资金资助总额不超过项目总投资的50%: what the other funds leave of that share. */
    dgs_fen_t share = calc_share(c, calc_input(c, A1_01_INVESTMENT), A1_01_SHARE_CAP);
    dgs_fen_t others = calc_sum(c, national, provincial);
    if (calc_reading(c, A1_01_READING) == 0)                                     /* 各级 (R7) */
        others = calc_sum(c, others, calc_input(c, A1_01_OTHER));
    dgs_fen_t room = share > others ? share - others : 0;
    if (room < match) {
        match = room;
        c->binding = A1_01_SHARE_CAP;
        c->binding_value = room;
    }
    calc_step(c, STEP_HEADROOM, A1_01_SHARE_CAP, room, 1, match);
    calc_grant(c, match);
}
SPEC(spec_A1_01_a, a1_01_a_in, a1_01_a_p, a1_01_a);

/* ---- A1.04.a ------------------------------------------------------------------
 * 附件1（四）对符合条件在东莞市中小企业数字化转型公共服务平台采购软件产品服务的倍增企业，
 * 按合同采购额给予不超过 50% 的补贴。 */
static const input_def a1_04_a_in[] = {
    IN_MONEY("contract_amount", true, "平台采购合同金额", "contract purchase amount on the platform"),
};
static const param_def a1_04_a_p[] = {
    P_RATIO("ratio", 1, 2, P_NOT_ABOVE | P_TEXT_MAX, "按合同采购额补贴比例", "share of the contract amount", "按合同采购额给予不超过 50% 的补贴"),
};
RATIO_CAPPED(spec_A1_04_a, a1_04_a_in, a1_04_a_p, 0, NO_INPUT, NO_INPUT);

/* ---- A1.05.a ------------------------------------------------------------------
 * 附件1（五）对经认定的智能工厂、智能车间，分别给予最高 1000 万元、500 万元的资助。 */
static const char *const a1_05_a_tiers[] = {"smart_factory", "smart_workshop", NULL};
static const input_def a1_05_a_in[] = {
    IN_CHOICE("tier", a1_05_a_tiers, true, "认定类别（智能工厂/智能车间）", "category (smart factory / smart workshop)"),
    IN_ASSESSED,
};
static const param_def a1_05_a_p[] = {
    P_MONEY_MAX("cap_smart_factory", WAN(1000), "yuan", "智能工厂最高奖励", "ceiling for a smart factory", "智能工厂……最高 1000 万元"),
    P_MONEY_MAX("cap_smart_workshop", WAN(500), "yuan", "智能车间最高奖励", "ceiling for a smart workshop", "智能车间，分别给予最高 1000 万元、500 万元"),
};
TIERS(spec_A1_05_a, a1_05_a_in, a1_05_a_p, 0, 1);

/* ---- A1.06.a ------------------------------------------------------------------
 * 附件1（六）对倍增企业兼并重组涉及交易额超过 1000 万元的，按企业实施并购银行贷款实付利息的
 * 50% 给予贴息资助，每年贴息总额最高 150 万元，2 年合计最高贴息 300 万元；
 * Both caps are per enterprise (每年贴息总额: the total of the year), the two years counted per
 * deal (`subsidy_year`); docs/interpretation.md R20, R22. */
enum { A1_06A_DEAL, A1_06A_INTEREST, A1_06A_YEAR, A1_06A_THIS_YEAR, A1_06A_TO_DATE };
static const input_def a1_06_a_in[] = {
    IN_MONEY("deal_value", true, "兼并重组交易额", "M&A transaction value"),
    IN_MONEY("interest_paid", true, "并购银行贷款当年实付利息", "M&A bank-loan interest actually paid in the year"),
    IN_COUNT("subsidy_year", "years", true, "贴息年度（第几年）", "subsidy year of this deal (1, 2, …)"),
    IN_GRANTED_THIS_YEAR,
    IN_GRANTED_TO_DATE,
};
enum { A1_06A_THRESHOLD, A1_06A_RATIO, A1_06A_CAP_YEAR, A1_06A_CAP_TWO, A1_06A_YEARS };
static const param_def a1_06_a_p[] = {
    P_MONEY("deal_threshold", WAN(1000), "yuan", "交易额须超过", "transaction value must exceed", "交易额超过 1000 万元"),
    P_RATIO("ratio", 1, 2, P_NOT_ABOVE, "按实付利息贴息比例", "share of the interest paid", "实付利息的 50%"),
    P_MONEY_MAX("cap_per_year", WAN(150), "yuan", "每年贴息总额上限", "yearly cap per enterprise", "每年贴息总额最高 150 万元"),
    P_MONEY_MAX("cap_two_years", WAN(300), "yuan", "2年合计贴息上限", "two-year cap", "2 年合计最高贴息 300 万元"),
    P_COUNT("max_years", 2, "years", "贴息年限", "subsidy years at most", "2 年"),
};
FORMULA(a1_06_a)
{
    if (!calc_more_than(c, calc_input(c, A1_06A_DEAL), A1_06A_THRESHOLD))      /* 超过1000万元 */
        return;
    if (!calc_at_most(c, calc_input(c, A1_06A_YEAR), A1_06A_YEARS))           /* 2年 */
        return;
    dgs_fen_t award = calc_ratio(c, calc_input(c, A1_06A_INTEREST), A1_06A_RATIO); /* 实付利息的50% */
    award = calc_headroom(c, award, A1_06A_CAP_YEAR, A1_06A_THIS_YEAR);        /* 每年最高150万 */
    award = calc_headroom(c, award, A1_06A_CAP_TWO, A1_06A_TO_DATE);           /* 2年合计300万 */
    calc_grant(c, award);
}
SPEC(spec_A1_06_a, a1_06_a_in, a1_06_a_p, a1_06_a);

/* ---- A1.06.b ------------------------------------------------------------------
 * 附件1（六）对兼并重组过程中发生的中介费用按最高 50% 的比例给予补助或按兼并重组合同价格的
 * 0.5% 给予奖励，最高资助 200 万元。
 * The 或 reads as the higher of the two bases (对倍增企业按最高标准执行; R5); the >1000万 transaction
 * condition of the sentence applies to the fees too (R21).  Both are switches. */
enum { A1_06B_FEES, A1_06B_PRICE };
static const input_def a1_06_b_in[] = {
    IN_MONEY("intermediary_fees", true, "兼并重组中介费用", "intermediary fees of the M&A"),
    IN_MONEY("contract_price", true, "兼并重组合同价格（交易额）", "M&A contract price (the transaction value)"),
};
static const char *const a1_06_b_either[] = {"higher", "fees", "price", NULL};
static const char *const a1_06_b_threshold[] = {"applies", "not_applied", NULL};
enum { A1_06B_RATIO_FEES, A1_06B_RATIO_PRICE, A1_06B_CAP, A1_06B_THRESHOLD, A1_06B_EITHER, A1_06B_READ_THRESHOLD };
static const param_def a1_06_b_p[] = {
    P_RATIO("ratio_fees", 1, 2, P_NOT_ABOVE | P_TEXT_MAX, "中介费用补助比例", "share of the intermediary fees", "中介费用按最高 50% 的比例"),
    P_RATIO("ratio_price", 1, 200, P_NOT_ABOVE, "按合同价格奖励比例", "share of the contract price", "兼并重组合同价格的 0.5%"),
    P_MONEY_MAX("cap", WAN(200), "yuan", "最高资助", "ceiling", "最高资助 200 万元"),
    P_MONEY("deal_threshold", WAN(1000), "yuan", "交易额须超过", "transaction value must exceed", "交易额超过 1000 万元"),
    P_SWITCH("reading_either_or", 0, a1_06_b_either, "“或”的解读（取高/中介费/合同价）",
             "reading of 或 (the higher / fees / price)", "补助或……奖励"),
    P_SWITCH("reading_deal_threshold", 0, a1_06_b_threshold, "交易额超过1000万元的条件是否适用",
             "whether the >10M transaction condition applies", "涉及交易额超过 1000 万元的"),
};
FORMULA(a1_06_b)
{
    dgs_fen_t price = calc_input(c, A1_06B_PRICE);
    if (calc_reading(c, A1_06B_READ_THRESHOLD) == 0 && !calc_more_than(c, price, A1_06B_THRESHOLD))
        return;
    int reading = calc_reading(c, A1_06B_EITHER);
    dgs_fen_t award;
    if (reading == 1)                                                                 /* 中介费用50% */
        award = calc_ratio(c, calc_input(c, A1_06B_FEES), A1_06B_RATIO_FEES);
    else if (reading == 2)                                                            /* 合同价格0.5% */
        award = calc_ratio(c, price, A1_06B_RATIO_PRICE);
    else                                                                              /* 或: 就高 */
        award = calc_higher(c, calc_ratio(c, calc_input(c, A1_06B_FEES), A1_06B_RATIO_FEES),
                            calc_ratio(c, price, A1_06B_RATIO_PRICE));
    award = calc_cap(c, award, A1_06B_CAP);                                           /* 最高200万 */
    calc_grant(c, award);
}
SPEC(spec_A1_06_b, a1_06_b_in, a1_06_b_p, a1_06_b);

/* ---- A1.07.a ------------------------------------------------------------------
 * 附件1（七）…按不超过融资租赁合同融资额的 5% 给予一年期贴息，单个企业每年列入贴息的融资额
 * 不少于 500 万元且不高于 3000 万元，每年最高贴息 150 万元且不超过企业实际发生利息。
 * By default 不少于 500 万元 is an entry bar (reading `threshold`): financing below it is not
 * counted for subsidy, so the lease is not eligible under this item (the general lease
 * measure OP.06.b remains).  The reading `limit_range` takes 500万–3000万 as the range in
 * which the yearly limit on counted financing lies (limit 3000万, no bar); both readings are
 * argued in docs/interpretation.md. */
enum { A1_07_FINANCED, A1_07_INTEREST, A1_07_GRANTED };
static const input_def a1_07_a_in[] = {
    IN_MONEY("financed_amount", true, "当年融资租赁合同融资额", "financed amount of the year's direct-lease contracts"),
    IN_MONEY("interest_paid", true, "企业实际发生利息", "interest actually incurred"),
    IN_GRANTED_THIS_YEAR,   /* 每年最高贴息 150 万元: what earlier contracts of the year used */
};
static const char *const a1_07_a_readings[] = {"limit_range", "threshold", NULL};
enum { A1_07_LIMIT_RANGE, A1_07_THRESHOLD };
enum { A1_07_RATIO, A1_07_MIN, A1_07_MAX, A1_07_CAP, A1_07_TERM, A1_07_READING };
static const param_def a1_07_a_p[] = {
    P_RATIO("ratio", 1, 20, P_NOT_ABOVE | P_TEXT_MAX, "按融资额贴息比例", "share of the financed amount", "不超过融资租赁合同融资额的 5%"),
    P_MONEY("min_counted_financing", WAN(500), "yuan", "列入贴息的融资额不少于", "counted financing at least",
            "每年列入贴息的融资额不少于 500 万元"),
    P_MONEY_MAX("max_counted_financing", WAN(3000), "yuan", "每年列入贴息的融资额上限", "yearly limit on counted financing",
            "不高于 3000 万元"),
    P_MONEY_MAX("cap_per_year", WAN(150), "yuan", "每年最高贴息", "yearly cap", "每年最高贴息 150 万元"),
    P_COUNT("subsidy_term", 1, "years", "贴息期限", "subsidy term", "一年期贴息"),
    P_SWITCH("reading_min_financing", 1, a1_07_a_readings, "500万元下限的解读（限额区间/准入门槛）",
             "reading of the 5M bound (range of the limit / entry threshold)", "不少于 500 万元且不高于 3000 万元"),
};
FORMULA(a1_07_a)
{
    dgs_fen_t financed = calc_input(c, A1_07_FINANCED);
    if (calc_reading(c, A1_07_READING) == A1_07_THRESHOLD && !calc_at_least(c, financed, A1_07_MIN))
        return;                                                      /* 不少于 500 万元 */
    dgs_fen_t counted = calc_cap(c, financed, A1_07_MAX);            /* 不高于 3000 万元 */
    dgs_fen_t award = calc_ratio(c, counted, A1_07_RATIO);           /* 融资租赁合同融资额的 5% */
    award = calc_cap(c, award, A1_07_CAP);                           /* 每年最高贴息 150 万元 */
    if (calc_has(c, A1_07_GRANTED))
        award = calc_headroom(c, award, A1_07_CAP, A1_07_GRANTED);   /* less what the year already received */
    award = calc_cap_by_input(c, award, A1_07_INTEREST);             /* 不超过企业实际发生利息 */
    calc_grant(c, award);
}
SPEC(spec_A1_07_a, a1_07_a_in, a1_07_a_p, a1_07_a);

/* ---- A1.09.a ------------------------------------------------------------------
 * 附件1（九）对以特装展位方式参加“粤贸全球”线下展的倍增企业，按参加展会实际发生的费用予以
 * 一定比例的支持，中央、省、市财政支持总金额不高于企业展位费的实际支出额。
 * The ratio (一定比例) is unstated; the booth-fee bound is written. */
enum { A1_09_COSTS, A1_09_BOOTH_FEE, A1_09_OTHER, A1_09_ASSESSED };
static const input_def a1_09_a_in[] = {
    IN_MONEY("exhibition_costs", true, "参展实际发生费用", "exhibition costs actually incurred"),
    IN_MONEY("booth_fee", true, "展位费实际支出额", "booth fee actually paid"),
    IN_MONEY("other_fiscal_support", false, "中央、省财政已支持金额", "central and provincial support already received"),
    IN_ASSESSED,
};
enum { A1_09_RATIO };
static const param_def a1_09_a_p[] = {
    {"ratio", DGS_TYPE_RATIO, 0, 1, "ratio", "按参展费用支持比例", "share of the exhibition costs", "予以一定比例的支持",
     P_UNSET | P_NOT_ABOVE, NULL},
};
FORMULA(a1_09_a)
{
    dgs_fen_t award = calc_ratio(c, calc_input(c, A1_09_COSTS), A1_09_RATIO);  /* 一定比例 */
    /* 中央、省、市财政支持总金额不高于展位费: what central and provincial support leave of it. */
    dgs_fen_t fee = calc_input(c, A1_09_BOOTH_FEE), other = calc_input(c, A1_09_OTHER);
    dgs_fen_t room = fee > other ? fee - other : 0;
    if (room < award) {
        award = room;
        c->binding = SRC_INPUT + A1_09_BOOTH_FEE;
        c->binding_value = room;
    }
    calc_step(c, STEP_HEADROOM, SRC_INPUT + A1_09_BOOTH_FEE, room, 1, award);
    award = calc_cap_by_input(c, award, A1_09_ASSESSED);
    calc_grant(c, award);
}
SPEC(spec_A1_09_a, a1_09_a_in, a1_09_a_p, a1_09_a);

/* ---- A1.10.a ------------------------------------------------------------------
 * 附件1（十）对倍增企业面向中小微企业的新增采购按交易额1%给予每年最高300万元奖励。
 * The 新增采购 is the year's increase: given as `new_purchases`, or computed from the year's
 * and the previous year's purchases from SMEs (a decrease is no increase: 0).  One form or
 * the other; both, or one total alone, is an error naming the input. */
enum { A1_10_NEW, A1_10_GRANTED, A1_10_THIS_YEAR, A1_10_LAST_YEAR };
static const input_def a1_10_a_in[] = {
    IN_MONEY("new_purchases", false, "面向中小微企业的新增采购交易额",
             "new purchases from SMEs in the year (or give the two yearly totals)"),
    IN_GRANTED_THIS_YEAR,
    IN_MONEY("purchases_this_year", false, "当年面向中小微企业的采购交易额",
             "purchases from SMEs in the year (with purchases_last_year, instead of new_purchases)"),
    IN_MONEY("purchases_last_year", false, "上年面向中小微企业的采购交易额",
             "purchases from SMEs in the previous year (with purchases_this_year)"),
};
enum { A1_10_RATIO, A1_10_CAP };
static const param_def a1_10_a_p[] = {
    P_RATIO("ratio", 1, 100, 0, "按新增采购交易额奖励比例", "share of the new purchases", "按交易额1%"),
    P_MONEY_MAX("cap_per_year", WAN(300), "yuan", "每年最高奖励", "yearly cap", "每年最高300万元奖励"),
};
FORMULA(a1_10_a)
{
    bool given = calc_has(c, A1_10_NEW), this_year = calc_has(c, A1_10_THIS_YEAR),
         last_year = calc_has(c, A1_10_LAST_YEAR);
    if (given && (this_year || last_year)) {
        calc_input_error(c, DGS_E_RANGE, this_year ? A1_10_THIS_YEAR : A1_10_LAST_YEAR);
        return;
    }
    if (!given && !(this_year && last_year)) {
        calc_input_error(c, DGS_E_MISSING_INPUT,
                         this_year ? A1_10_LAST_YEAR : last_year ? A1_10_THIS_YEAR : A1_10_NEW);
        return;
    }
    dgs_fen_t added;
    if (given) {
        added = calc_input(c, A1_10_NEW);
    } else {                                                            /* 新增采购 */
        dgs_fen_t now = calc_input(c, A1_10_THIS_YEAR), before = calc_input(c, A1_10_LAST_YEAR);
        added = now > before ? now - before : 0;
        calc_step(c, STEP_INPUT, SRC_INPUT + A1_10_NEW, added, 1, added);
    }
    dgs_fen_t award = calc_ratio(c, added, A1_10_RATIO);               /* 按交易额1% */
    award = calc_cap(c, award, A1_10_CAP);                              /* 每年最高300万元奖励 */
    award = calc_headroom(c, award, A1_10_CAP, A1_10_GRANTED);
    calc_grant(c, award);
}
SPEC(spec_A1_10_a, a1_10_a_in, a1_10_a_p, a1_10_a);

/* ---- A1.11.a ------------------------------------------------------------------
 * 附件1（十一）…按照实际投入的场租及会场搭建费用给予不高于50%的资助，每家企业最高资助50万元。
 * The cap 每家企业最高资助50万元 has no 每年: by default the 50万 is per enterprise over the policy's
 * term (`granted_to_date`); the reading `per_year` makes it a yearly cap
 * (`granted_this_year`).  The amount already granted is given for the period of the
 * reading in force; the other period's input is an error. */
enum { A1_11_RENT, A1_11_SETUP, A1_11_TO_DATE, A1_11_THIS_YEAR };
static const input_def a1_11_a_in[] = {
    IN_MONEY("venue_rent", true, "实际投入的场租", "venue rent actually paid"),
    IN_MONEY("setup_cost", true, "会场搭建费用", "set-up cost actually paid"),
    IN_GRANTED_TO_DATE,
    IN_GRANTED_THIS_YEAR,
};
static const char *const a1_11_a_periods[] = {"per_enterprise", "per_year", NULL};
enum { A1_11_RATIO, A1_11_CAP, A1_11_PERIOD };
enum { A1_11_PER_ENTERPRISE, A1_11_PER_YEAR };
static const param_def a1_11_a_p[] = {
    P_RATIO("ratio", 1, 2, P_NOT_ABOVE | P_TEXT_MAX, "场租及搭建费用资助比例", "share of rent and set-up", "给予不高于50%的资助"),
    P_MONEY_MAX("cap_per_enterprise", WAN(50), "yuan", "每家企业最高资助", "cap per enterprise", "每家企业最高资助50万元"),
    P_SWITCH("reading_cap_period", A1_11_PER_ENTERPRISE, a1_11_a_periods, "50万元上限的期间（每家企业累计/每年）",
             "period of the 500k cap (per enterprise over the term / per year)", "每家企业最高资助50万元"),
};
FORMULA(a1_11_a)
{
    bool yearly = calc_reading(c, A1_11_PERIOD) == A1_11_PER_YEAR;
    int granted = yearly ? A1_11_THIS_YEAR : A1_11_TO_DATE, other = yearly ? A1_11_TO_DATE : A1_11_THIS_YEAR;
    if (calc_has(c, other)) {
        calc_input_error(c, DGS_E_RANGE, other);
        return;
    }
    dgs_fen_t costs = calc_sum(c, calc_input(c, A1_11_RENT), calc_input(c, A1_11_SETUP)); /* 场租及会场搭建费用 */
    dgs_fen_t award = calc_ratio(c, costs, A1_11_RATIO);                                 /* 不高于50% */
    award = calc_headroom(c, award, A1_11_CAP, granted);                                 /* 每家企业最高资助50万元 */
    calc_grant(c, award);
}
SPEC(spec_A1_11_a, a1_11_a_in, a1_11_a_p, a1_11_a);

/* ---- A1.12.a ------------------------------------------------------------------
 * 附件1（十二）对符合条件的倍增企业项目，土地出让底价可按不低于地块所在地级别基准地价的70%执行。
 * The number: the lowest reserve price the clause allows. */
enum { A1_12_PRICE, A1_12_AREA };
static const input_def a1_12_a_in[] = {
    IN_MONEY("benchmark_price", true, "地块所在地级别基准地价（元/平方米）", "grade benchmark land price (yuan per m²)"),
    IN_AREA("land_area", true, "地块面积", "parcel area"),
};
enum { A1_12_RATIO };
static const param_def a1_12_a_p[] = {
    P_RATIO("min_reserve_ratio", 7, 10, P_NOT_ABOVE, "出让底价不低于基准地价的比例", "reserve price at least this share of the benchmark",
            "不低于地块所在地级别基准地价的70%"),
};
/*
 * The lowest reserve price: ⌈price × area × 70%⌉, from the exact product.  The price is
 * in fen per m² and the area in hundredths of m², so the product is in hundredths of a
 * fen; it is rounded once, upwards, after the ratio, so the floor price is never below
 * 70% of the exact benchmark value (0.01 yuan/m² on 0.01 m² gives 0.01, not 0.00).  The
 * benchmark value (the trace's product step) and the floor price must each fit in the
 * money range; otherwise the evaluation fails with DGS_E_OVERFLOW.
 */
CALC_INLINE dgs_fen_t a1_12_a_floor_price(calc *c, dgs_fen_t per_m2, int64_t area)
{
    const int64_t num = c->p[A1_12_RATIO].num, den = c->p[A1_12_RATIO].den;
    /* P = price × area, in hundredths of a fen (128 bits); the benchmark value P / 100 must be money. */
    dgs_u128 product = dgs_u128_mul((uint64_t)per_m2, (uint64_t)area);
    uint64_t benchmark, rest;
    int64_t by;                                          /* 100 × den: P × num / by is the floor */
    if (per_m2 < 0 || area < 0 || num < 0 || den <= 0 || !dgs_u128_divmod(product, 100, &benchmark, &rest) ||
        benchmark > (uint64_t)INT64_MAX || !dgs_mul_checked(den, 100, &by)) {
        calc_overflow(c, A1_12_RATIO);
        return 0;
    }
    calc_step(c, STEP_PRODUCT, SRC_NONE, (int64_t)benchmark, 1, (int64_t)benchmark);          /* 基准地价 × 面积 */
    /* ⌈P × num / by⌉ exactly: P = q·by + r, so P × num / by = q·num + (r × num) / by. */
    uint64_t q, r, q2, r2;
    int64_t whole, v;
    if (!dgs_u128_divmod(product, (uint64_t)by, &q, &r) || q > (uint64_t)INT64_MAX ||
        !dgs_mul_checked((int64_t)q, num, &whole) ||
        !dgs_u128_divmod(dgs_u128_mul(r, (uint64_t)num), (uint64_t)by, &q2, &r2) || q2 > (uint64_t)INT64_MAX ||
        !dgs_add_checked(whole, (int64_t)q2 + (r2 != 0), &v)) {
        calc_overflow(c, A1_12_RATIO);
        return 0;
    }
    calc_step(c, STEP_RATIO, A1_12_RATIO, num, den, v);                        /* 不低于……70% */
    return v;
}

FORMULA(a1_12_a)
{
    calc_grant(c, a1_12_a_floor_price(c, calc_input(c, A1_12_PRICE), calc_input(c, A1_12_AREA)));
}
const measure_spec spec_A1_12_a = {a1_12_a_in, COUNT_OF(a1_12_a_in), a1_12_a_p, COUNT_OF(a1_12_a_p),
                                   a1_12_a, a1_12_a_batch, "yuan (lowest reserve price)", NO_SHAPE, -1, -1, a1_12_a_detail};

/* ---- A1.16.a ------------------------------------------------------------------
 * 附件1（十六）为倍增企业翻倍配置义务教育公办学校学位指标； */
static const input_def a1_16_a_in[] = {
    IN_COUNT("base_quota", "places", true, "按标准配置的学位指标", "school places under the standard allocation"),
};
static const param_def a1_16_a_p[] = {
    P_RATIO("multiplier", 2, 1, 0, "学位指标倍数", "multiple of the standard quota", "翻倍配置"),
};
const measure_spec spec_A1_16_a = {a1_16_a_in, COUNT_OF(a1_16_a_in), a1_16_a_p, COUNT_OF(a1_16_a_p),
                                   shape_ratio_capped, shape_ratio_capped_batch, "places",
                                   {NO_INPUT, NO_INPUT, NO_INPUT, NO_INPUT, 0}, -1, -1, shape_ratio_capped_detail};

/* ---- A1.16.b ------------------------------------------------------------------
 * 附件1（十六）对入读民办学校的倍增企业骨干人员子女每人每年按一定标准给予补贴。 */
enum { A1_16B_CHILDREN };
static const input_def a1_16_b_in[] = {
    IN_COUNT("children", "persons", true, "入读民办学校的骨干人员子女人数", "children of key staff at private schools"),
};
static const param_def a1_16_b_p[] = {
    P_UNSET_MONEY("amount_per_child", "yuan per child per year", "每人每年补贴标准", "subsidy per child per year"),
};
FORMULA(a1_16_b)
{
    calc_grant(c, calc_per_unit(c, calc_input(c, A1_16B_CHILDREN), 0, 1)); /* 每人每年按一定标准 */
}
SPEC(spec_A1_16_b, a1_16_b_in, a1_16_b_p, a1_16_b);

/* ---- A1.18.a ------------------------------------------------------------------
 * 附件1（十八）实施倍增企业产业创新人才奖励，符合条件的每人每年最高奖励 100 万元。 */
static const input_def per_person_year_in[] = {IN_ASSESSED, IN_GRANTED_THIS_YEAR};
static const param_def a1_18_a_p[] = {
    P_MONEY_MAX("cap_per_person_year", WAN(100), "yuan", "每人每年最高奖励", "cap per person per year", "每人每年最高奖励 100 万元"),
};
CEILING(spec_A1_18_a, per_person_year_in, a1_18_a_p, 0, NO_INPUT, 1);

/* ---- A1.18.b ------------------------------------------------------------------
 * 附件1（十八）对倍增企业高管参加各类非政府部门组织的培训的，给予每人每年最高 5 万元补贴。 */
static const input_def a1_18_b_in[] = {
    IN_ASSESSED,
    IN_MONEY("training_fees", false, "实际支付的培训费用", "training fees actually paid"),
    IN_GRANTED_THIS_YEAR,
};
static const param_def a1_18_b_p[] = {
    P_MONEY_MAX("cap_per_person_year", WAN(5), "yuan", "每人每年最高补贴", "cap per person per year", "每人每年最高 5 万元补贴"),
};
CEILING(spec_A1_18_b, a1_18_b_in, a1_18_b_p, 0, 1, 2);

/* ---- A1.19.a, A1.19.b ------------------------------------------------------------
 * 附件1（十九）对获认定省级重点产业链“链主”、国家级制造业单项冠军的企业分别一次性给予最高 300 万元
 * 奖励，对新认定的国家级专精特新“小巨人”企业一次性给予最高 50 万元奖励（以上从高不重复享受市级
 * 奖补政策）。  The group G-A1.19 pays the higher once (lib/engine/stack.c).  When a lower award
 * of the item was already paid, the higher one pays the difference by default (从高: the
 * enterprise ends with the highest award once); the reading `full` (the later honour is a new
 * event) pays it in full, less only what was already paid for that same honour. */
static const char *const a1_19_readings[] = {"top_up", "full", NULL};
#define A1_19_EARLIER_AWARD                                                                                \
    P_SWITCH("reading_earlier_award", 0, a1_19_readings, "已获较低奖励后获更高认定（补差/全额）",              \
             "after a lower award of the item (pay the difference / pay in full)", "以上从高不重复享受市级奖补政策")
static const param_def a1_19_a_p[] = {
    P_MONEY_MAX("cap", WAN(300), "yuan", "一次性最高奖励", "one-off ceiling", "分别一次性给予最高 300 万元奖励"),
    A1_19_EARLIER_AWARD,
};
CEILING_ASSESSED(spec_A1_19_a, a1_19_a_p);
static const param_def a1_19_b_p[] = {
    P_MONEY_MAX("cap", WAN(50), "yuan", "一次性最高奖励", "one-off ceiling", "一次性给予最高 50 万元奖励"),
    A1_19_EARLIER_AWARD,
};
CEILING_ASSESSED(spec_A1_19_b, a1_19_b_p);

/* ---- A1.20.a ------------------------------------------------------------------
 * 附件1（二十）根据评价结果分档对企业核心团队给予最高 200 万元的奖励。 */
static const param_def a1_20_a_p[] = {
    P_MONEY_MAX("cap", WAN(200), "yuan", "核心团队最高奖励", "ceiling", "分档对企业核心团队给予最高 200 万元的奖励"),
};
CEILING_ASSESSED(spec_A1_20_a, a1_20_a_p);
