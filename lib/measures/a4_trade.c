/* SPDX-License-Identifier: MulanPSL-2.0 */
/*
 * 附件4 关于支持内外贸一体化高质量发展的若干措施 (市商务局).
 */
#include "measures/spec.h"

/* ---- A4.02.1 支持境外参展 -------------------------------------------------------
 * 对以特装展位方式（面积18平方米及以上）参加“粤贸全球”线下展的东莞企业，按实际发生特装布展费的
 * 50%予以支持，最高支持每平方米1500元，每家企业同一展会最高支持总额不超过10万元。 (R3) */
enum { A4_021A_AREA, A4_021A_COST, A4_021A_BOOTH_FEE, A4_021A_OTHER };
static const input_def a4_02_1_a_in[] = {
    IN_AREA("booth_area", true, "特装展位面积", "special-fit booth area"),
    IN_MONEY("build_cost", true, "实际发生特装布展费", "special-booth build cost actually incurred"),
    IN_MONEY("booth_fee", false, "倍增企业：展位费实际支出额（仅用于展位费总额上限的解读）",
             "a doubling enterprise's booth fee actually paid (read only under reading booth_fee_cap)"),
    IN_MONEY("other_fiscal_support", false, "倍增企业：中央、省财政已支持金额（仅用于展位费总额上限的解读）",
             "central and provincial support already received (read only under reading booth_fee_cap)"),
};
static const char *const a4_02_1_a_readings[] = {"alternatives", "booth_fee_cap", NULL};
enum { A4_021A_RATIO, A4_021A_PER_M2, A4_021A_CAP, A4_021A_MIN_AREA, A4_021A_READING };
enum { A4_021A_ALTERNATIVES, A4_021A_BOOTH_FEE_CAP };
static const param_def a4_02_1_a_p[] = {
    P_RATIO("ratio", 1, 2, P_NOT_ABOVE, "按特装布展费支持比例", "share of the build cost", "按实际发生特装布展费的50%予以支持"),
    P_MONEY_MAX("cap_per_m2", YUAN(1500), "yuan per m2", "每平方米最高支持", "limit per m² of booth", "最高支持每平方米1500元"),
    P_MONEY_MAX("cap_per_exhibition", WAN(10), "yuan", "同一展会最高支持总额", "cap per enterprise per exhibition",
            "每家企业同一展会最高支持总额不超过10万元"),
    P_AREA("min_area", M2(18), "特装展位面积不少于", "booth area at least", "面积18平方米及以上"),
    P_SWITCH("reading_doubling_total", A4_021A_ALTERNATIVES, a4_02_1_a_readings,
             "与附件1（九）的关系（择高给予/倍增企业以展位费为总额上限）",
             "with 附件1（九）: alternatives (the higher once) / a doubling enterprise's total capped at its booth fee",
             "参加“粤贸全球”线下展"),
};
/*
 * 附件1（九） gives 倍增 enterprises an award for the same exhibitions with the bound 中央、省、市财政
 * 支持总金额不高于企业展位费的实际支出额.  By default the two are alternatives, the higher paid
 * once (group G-YMQQ): this measure is not capped by the booth fee.  Under the reading
 * `booth_fee_cap` that bound caps the total for a 倍增 enterprise, so this amount is capped at
 * the booth fee less central and provincial support when `booth_fee` is given (a 倍增
 * enterprise); `booth_fee` under the default reading is an error, not silently ignored.
 */
FORMULA(a4_02_1_a)
{
    bool fee = calc_has(c, A4_021A_BOOTH_FEE), other = calc_has(c, A4_021A_OTHER);
    if (fee | other) {
        if (calc_reading(c, A4_021A_READING) != A4_021A_BOOTH_FEE_CAP) {    /* read by that reading only */
            calc_input_error(c, DGS_E_RANGE, fee ? A4_021A_BOOTH_FEE : A4_021A_OTHER);
            return;
        }
        if (!fee) {
            calc_input_error(c, DGS_E_MISSING_INPUT, A4_021A_BOOTH_FEE);
            return;
        }
    }
    int64_t area = calc_input(c, A4_021A_AREA);
    if (!calc_at_least(c, area, A4_021A_MIN_AREA))                                 /* 18平方米及以上 */
        return;
    dgs_fen_t award = calc_ratio(c, calc_input(c, A4_021A_COST), A4_021A_RATIO);   /* 布展费的50% */
    award = calc_cap_per_unit(c, award, area, A4_021A_PER_M2, 100);                /* 每平方米1500元 */
    award = calc_cap(c, award, A4_021A_CAP);                                       /* 同一展会最高支持总额不超过10万元 */
    if (fee) {
        /* 中央、省、市财政支持总金额不高于企业展位费的实际支出额: what central and provincial support leave. */
        dgs_fen_t booth = calc_input(c, A4_021A_BOOTH_FEE), before = calc_input(c, A4_021A_OTHER);
        dgs_fen_t room = booth > before ? booth - before : 0;
        if (room < award) {
            award = room;
            c->binding = SRC_INPUT + A4_021A_BOOTH_FEE;
            c->binding_value = room;
        }
        calc_step(c, STEP_HEADROOM, SRC_INPUT + A4_021A_BOOTH_FEE, room, 1, award);
    }
    calc_grant(c, award);
}
SPEC(spec_A4_02_1_a, a4_02_1_a_in, a4_02_1_a_p, a4_02_1_a);

/* 鼓励商协会抱团参加境外展会，每个展会组展奖励最高 20 万元，对由商协会统一承担的展品往返物流费用的
 * 50%给予最高 10 万元补贴。 */
static const param_def a4_02_1_b_p[] = {
    P_MONEY_MAX("cap_per_exhibition", WAN(20), "yuan", "每个展会组展奖励最高", "ceiling per exhibition", "每个展会组展奖励最高 20 万元"),
};
CEILING_ASSESSED(spec_A4_02_1_b, a4_02_1_b_p);
static const input_def a4_02_1_c_in[] = {
    IN_MONEY("logistics_cost", true, "商协会统一承担的展品往返物流费用", "round-trip logistics cost borne by the association"),
};
static const param_def a4_02_1_c_p[] = {
    P_RATIO("ratio", 1, 2, P_NOT_ABOVE, "按物流费用补贴比例", "share of the logistics cost", "物流费用的 50%"),
    P_MONEY_MAX("cap", WAN(10), "yuan", "最高补贴", "cap", "给予最高 10 万元补贴"),
};
RATIO_CAPPED(spec_A4_02_1_c, a4_02_1_c_in, a4_02_1_c_p, 0, NO_INPUT, NO_INPUT);

/* ---- A4.02.2 “东莞制造”展销平台 -------------------------------------------------
 * 对场地租金、场地布置费用按实际发生金额给予支持，每家协会每场新品发布会最高支持不超过 15 万元。 */
static const input_def a4_02_2_a_in[] = {
    IN_MONEY("venue_rent", true, "场地租金实际发生金额", "venue rent actually incurred"),
    IN_MONEY("setup_cost", true, "场地布置费用实际发生金额", "set-up cost actually incurred"),
};
static const param_def a4_02_2_a_p[] = {
    P_RATIO("ratio", 1, 1, P_NOT_ABOVE, "按实际发生金额支持比例", "share of the actual costs", "按实际发生金额给予支持"),
    P_MONEY_MAX("cap_per_launch", WAN(15), "yuan", "每场新品发布会最高支持", "cap per product launch", "每场新品发布会最高支持不超过 15 万元"),
};
RATIO_OF_SUM_CAPPED(spec_A4_02_2_a, a4_02_2_a_in, a4_02_2_a_p, NO_INPUT);

/* 对每个展销平台运营首年场地租金按实际发生金额的 50%给予支持，每平方米最高支持 35 元/月，
 * 全年支持总额不超过 50 万元； */
enum { A4_022B_RENT, A4_022B_AREA, A4_022B_MONTHS };
static const input_def a4_02_2_b_in[] = {
    IN_MONEY("first_year_rent", true, "运营首年场地租金实际发生金额", "first-year rent actually incurred"),
    IN_AREA("area", true, "租赁面积", "leased area"),
    IN_COUNT("months", "months", true, "首年中租用的月数", "months of the first operating year"),
};
enum { A4_022B_RATIO, A4_022B_PER_M2_MONTH, A4_022B_CAP, A4_022B_MAX_MONTHS };
static const param_def a4_02_2_b_p[] = {
    P_RATIO("ratio", 1, 2, P_NOT_ABOVE, "按首年租金支持比例", "share of the first-year rent", "按实际发生金额的 50%给予支持"),
    P_MONEY_MAX("cap_per_m2_month", YUAN(35), "yuan per m2 per month", "每平方米每月最高支持", "limit per m² per month",
            "每平方米最高支持 35 元/月"),
    P_MONEY_MAX("cap_year", WAN(50), "yuan", "全年支持总额上限", "yearly cap", "全年支持总额不超过 50 万元"),
    P_COUNT("max_months", 12, "months", "首年月数上限", "months in the first year at most", "运营首年"),
};
FORMULA(a4_02_2_b)
{
    dgs_fen_t award = calc_ratio(c, calc_input(c, A4_022B_RENT), A4_022B_RATIO);       /* 租金的50% */
    int64_t months = calc_clamp(c, calc_input(c, A4_022B_MONTHS), A4_022B_MAX_MONTHS); /* 首年 */
    int64_t area_months;
    if (!dgs_mul_checked(calc_input(c, A4_022B_AREA), months, &area_months)) {
        calc_overflow(c, A4_022B_PER_M2_MONTH);
        return;
    }
    award = calc_cap_per_unit(c, award, area_months, A4_022B_PER_M2_MONTH, 100);      /* 35元/m²/月 */
    award = calc_cap(c, award, A4_022B_CAP);                                           /* 全年50万 */
    calc_grant(c, award);
}
SPEC(spec_A4_02_2_b, a4_02_2_b_in, a4_02_2_b_p, a4_02_2_b);

/* 对展厅整体形象装修费按实际发生金额的 50%给予一次性支持，每平方米最高支持 1000 元，
 * 支持总额不超过 50 万元。 */
enum { A4_022C_COST, A4_022C_AREA };
static const input_def a4_02_2_c_in[] = {
    IN_MONEY("decoration_cost", true, "展厅整体形象装修费实际发生金额", "showroom decoration cost actually incurred"),
    IN_AREA("area", true, "展厅面积", "showroom area"),
};
enum { A4_022C_RATIO, A4_022C_PER_M2, A4_022C_CAP };
static const param_def a4_02_2_c_p[] = {
    P_RATIO("ratio", 1, 2, P_NOT_ABOVE, "按装修费支持比例", "share of the decoration cost", "按实际发生金额的 50%给予一次性支持"),
    P_MONEY_MAX("cap_per_m2", YUAN(1000), "yuan per m2", "每平方米最高支持", "limit per m²", "每平方米最高支持 1000 元"),
    P_MONEY_MAX("cap_total", WAN(50), "yuan", "支持总额上限", "total cap", "支持总额不超过 50 万元"),
};
FORMULA(a4_02_2_c)
{
    dgs_fen_t award = calc_ratio(c, calc_input(c, A4_022C_COST), A4_022C_RATIO);          /* 装修费的50% */
    award = calc_cap_per_unit(c, award, calc_input(c, A4_022C_AREA), A4_022C_PER_M2, 100); /* 每平方米1000元 */
    award = calc_cap(c, award, A4_022C_CAP);                                              /* 总额50万 */
    calc_grant(c, award);
}
SPEC(spec_A4_02_2_c, a4_02_2_c_in, a4_02_2_c_p, a4_02_2_c);

/* ---- A4.03 鼓励市内招展办展 -------------------------------------------------------
 * 对经商务部门备案，在我市专业展馆举办、展期 3 天或以上且展览面积 1 万平方米或以上的展会给予场馆
 * 租金补贴……在我市非专业展馆举办、展期 3 天或以上且展览面积 2 万平方米或以上的展会给予宣传费用补贴。
 * The thresholds are written; the subsidy's numbers are not (a guideline supplies ratio and cap). */
enum { EXPO_AREA, EXPO_DAYS, EXPO_COST, EXPO_ASSESSED };
enum { EXPO_MIN_DAYS, EXPO_MIN_AREA, EXPO_RATIO, EXPO_CAP };
FORMULA(expo_cost_subsidy)
{
    if (!calc_at_least(c, calc_input(c, EXPO_DAYS), EXPO_MIN_DAYS))     /* 展期3天或以上 */
        return;
    if (!calc_at_least(c, calc_input(c, EXPO_AREA), EXPO_MIN_AREA))     /* 展览面积 1 万平方米或以上 (2万 for A4.03.c) */
        return;
    dgs_fen_t award = calc_ratio(c, calc_input(c, EXPO_COST), EXPO_RATIO);
    if (c->p[EXPO_CAP].set)
        award = calc_cap(c, award, EXPO_CAP);
    calc_grant(c, calc_cap_by_input(c, award, EXPO_ASSESSED));
}
#define EXPO_PARAMS(min_area, area_phrase, what_zh, what_en)                                          \
    P_COUNT("min_days", 3, "days", "展期不少于", "exhibition days at least", "展期 3 天或以上"),          \
    P_AREA("min_area", M2(min_area), "展览面积不少于", "exhibition area at least", area_phrase),          \
    {"ratio", DGS_TYPE_RATIO, 0, 1, "ratio", what_zh "补贴比例（由申报指南规定）",                        \
     what_en " subsidy rate (set by the guideline)", "", P_UNSET | P_NOT_ABOVE, NULL},                    \
    {"cap", DGS_TYPE_MONEY, 0, 1, "yuan", what_zh "补贴上限（由申报指南规定）", what_en " subsidy cap (set by the guideline)", \
     "", P_UNSET | P_OPTIONAL, NULL}
static const input_def a4_03_a_in[] = {
    IN_AREA("exhibition_area", true, "展览面积", "exhibition area"),
    IN_COUNT("days", "days", true, "展期天数", "exhibition days"),
    IN_MONEY("venue_rent", true, "场馆租金", "venue rent"),
    IN_ASSESSED,
};
/* 每个展会支持金额最高不超过 300 万元 closes the item that grants both the venue-rent subsidy and the
 * new-exhibition support: one cap for both per exhibition (applied by stacking across the claims, the
 * reading that cannot pay more than the text grants), or A4.03.b's cap alone (a switch). */
static const char *const a4_03_a_cap_readings[] = {"shared", "own", NULL};
static const param_def a4_03_a_p[] = {
    EXPO_PARAMS(10000, "展览面积 1 万平方米或以上", "场馆租金", "venue-rent"),
    P_SWITCH("reading_exhibition_cap", 0, a4_03_a_cap_readings, "每个展会 300 万元上限是否含场馆租金补贴（共用/仅新办展会支持）",
             "whether the 3M cap per exhibition covers the venue-rent subsidy (shared / the new-exhibition support only)",
             "每个展会支持金额最高不超过 300 万元"),
};
SPEC(spec_A4_03_a, a4_03_a_in, a4_03_a_p, expo_cost_subsidy);
static const input_def a4_03_c_in[] = {
    IN_AREA("exhibition_area", true, "展览面积", "exhibition area"),
    IN_COUNT("days", "days", true, "展期天数", "exhibition days"),
    IN_MONEY("publicity_cost", true, "宣传费用", "publicity cost"),
    IN_ASSESSED,
};
static const param_def a4_03_c_p[] = {EXPO_PARAMS(20000, "展览面积 2 万平方米或以上", "宣传费用", "publicity")};
SPEC(spec_A4_03_c, a4_03_c_in, a4_03_c_p, expo_cost_subsidy);

/* 对当年在我市专业展馆新办或引进展览面积 1 万平方米或以上、展期在 3 天或以上的展会，给予 20 万元
 * 支持。其中，获得国际展览业协会（UFI）认证或由国家行业协会主办的支持标准提高至 30 万元；展览面积
 * 每增加 5000 平方米的，给予 10 万元支持。每个展会支持金额最高不超过 300 万元。
 * R8: whole 5000 m² steps; the 300万 cap is per exhibition, shared with A4.03.a (granted_to_date). */
enum { A4_03B_AREA, A4_03B_DAYS, A4_03B_CERTIFIED, A4_03B_TO_DATE };
static const input_def a4_03_b_in[] = {
    IN_AREA("exhibition_area", true, "展览面积", "exhibition area"),
    IN_COUNT("days", "days", true, "展期天数", "exhibition days"),
    IN_FLAG("certified", false, "获UFI认证或由国家行业协会主办", "UFI-certified or hosted by a national industry association"),
    IN_MONEY("granted_to_date", false, "本展会已获支持（含场馆租金补贴）", "already granted for this exhibition (incl. A4.03.a)"),
};
static const char *const a4_03_b_readings[] = {"whole_steps", "pro_rata", NULL};
enum { A4_03B_BASE, A4_03B_BASE_UFI, A4_03B_INCREMENT, A4_03B_STEP, A4_03B_MIN_AREA, A4_03B_MIN_DAYS, A4_03B_CAP,
       A4_03B_READING };
static const param_def a4_03_b_p[] = {
    P_MONEY("base", WAN(20), "yuan", "基础支持", "base support", "给予 20 万元支持"),
    P_MONEY("base_ufi_or_national_association", WAN(30), "yuan", "UFI认证或国家行业协会主办的支持标准",
            "base for UFI-certified or national-association shows", "支持标准提高至 30 万元"),
    P_MONEY("increment", WAN(10), "yuan", "每增加一档面积的支持", "support per further step", "给予 10 万元支持"),
    {"increment_step", DGS_TYPE_AREA, M2(5000), 1, "m2", "面积每增加", "area step", "展览面积每增加 5000 平方米",
     P_POSITIVE, NULL},
    P_AREA("min_area", M2(10000), "展览面积不少于", "exhibition area at least", "展览面积 1 万平方米或以上"),
    P_COUNT("min_days", 3, "days", "展期不少于", "exhibition days at least", "展期在 3 天或以上"),
    P_MONEY_MAX("cap_per_exhibition", WAN(300), "yuan", "每个展会支持金额上限", "cap per exhibition", "每个展会支持金额最高不超过 300 万元"),
    P_SWITCH("reading_increment", 0, a4_03_b_readings, "面积增量计算（整档/按比例）",
             "area increments (whole steps / pro rata)", "展览面积每增加 5000 平方米的，给予 10 万元支持"),
};
FORMULA(a4_03_b)
{
    int64_t area = calc_input(c, A4_03B_AREA);
    if (!calc_at_least(c, area, A4_03B_MIN_AREA) ||                           /* 1万平方米或以上 */
        !calc_at_least(c, calc_input(c, A4_03B_DAYS), A4_03B_MIN_DAYS))       /* 3天或以上 */
        return;
    int base = calc_has(c, A4_03B_CERTIFIED) && calc_input(c, A4_03B_CERTIFIED) ? A4_03B_BASE_UFI : A4_03B_BASE;
    dgs_fen_t award = c->p[base].num;                                          /* 20万 / 30万 */
    calc_step(c, STEP_TIER, base, award, 1, award);
    int64_t above = area - c->p[A4_03B_MIN_AREA].num;
    dgs_fen_t extra;
    if (calc_reading(c, A4_03B_READING) == 0) {                                /* 每增加5000平方米 (R8) */
        int64_t steps = above / c->p[A4_03B_STEP].num;
        calc_step(c, STEP_STEPS, A4_03B_STEP, steps, 1, steps);
        extra = calc_per_unit(c, steps, A4_03B_INCREMENT, 1);                  /* 给予10万元 */
    } else {
        extra = calc_per_unit(c, above, A4_03B_INCREMENT, c->p[A4_03B_STEP].num);
    }
    award = calc_sum(c, award, extra);
    award = calc_headroom(c, award, A4_03B_CAP, A4_03B_TO_DATE);                /* 最高300万 */
    calc_grant(c, award);
}
SPEC(spec_A4_03_b, a4_03_b_in, a4_03_b_p, a4_03_b);

/* ---- A4.04 --------------------------------------------------------------------
 * 持续对电子信息、高端装备制造、五金制品等投资并购项目实施政策性保险支持
 * The clause continues an existing policy-insurance support: that scheme, not
 * this document, sets the amount (kind governed_elsewhere). */
GOVERNED_ELSEWHERE(spec_A4_04_a);

/* 对参与企业人员机票及住宿费按不超过 80%的比例给予资助。其中，人员差旅费仅限经济舱机票、标准间住宿，
 * 每个单位支持不超过 2 名工作人员。每家企业每场活动最高支持金额不超过 5 万元。
 * travel_costs: one eligible (economy airfare + standard room) amount per person; the two
 * largest count. */
enum { A4_04B_COSTS };
static const input_def a4_04_b_in[] = {
    IN_LIST("travel_costs", true, "每名工作人员的经济舱机票及标准间住宿费", "eligible airfare + room cost per staff member"),
};
enum { A4_04B_RATIO, A4_04B_MAX_STAFF, A4_04B_CAP };
static const param_def a4_04_b_p[] = {
    P_RATIO("ratio", 4, 5, P_NOT_ABOVE | P_TEXT_MAX, "机票及住宿费资助比例", "share of airfare and hotel", "按不超过 80%的比例给予资助"),
    P_COUNT_MAX("max_staff", 2, "persons", "每个单位支持人数上限", "staff per unit at most", "每个单位支持不超过 2 名工作人员"),
    P_MONEY_MAX("cap_per_event", WAN(5), "yuan", "每场活动最高支持", "cap per enterprise per event", "每家企业每场活动最高支持金额不超过 5 万元"),
};
FORMULA(a4_04_b)
{
    const int64_t *costs = c->lists ? c->lists[A4_04B_COSTS] : NULL;
    size_t n = c->list_len ? c->list_len[A4_04B_COSTS] : 0;
    /* The largest max_staff amounts (不超过2名), summed before the ratio (one flooring). */
    int64_t staff = c->p[A4_04B_MAX_STAFF].num;
    dgs_fen_t counted = 0;
    size_t prev = n;   /* the last one taken: ordered by amount, then by position */
    for (int64_t s = 0; s < staff; s++) {
        size_t best = n;
        for (size_t i = 0; i < n; i++) {
            bool after_prev = prev == n || costs[i] < costs[prev] || (costs[i] == costs[prev] && i > prev);
            if (after_prev && (best == n || costs[i] > costs[best]))
                best = i;
        }
        if (best == n)
            break;
        prev = best;
        calc_step(c, STEP_INPUT, SRC_INPUT + A4_04B_COSTS, costs[best], 1, costs[best]);
        counted = calc_sum(c, counted, costs[best]);
    }
    dgs_fen_t award = calc_ratio(c, counted, A4_04B_RATIO);   /* 不超过80% */
    award = calc_cap(c, award, A4_04B_CAP);                  /* 每场最高5万 */
    calc_grant(c, award);
}
SPEC(spec_A4_04_b, a4_04_b_in, a4_04_b_p, a4_04_b);

/* ---- A4.08.a ------------------------------------------------------------------
 * 对进入车检场开展查验业务的外贸企业现场海关查验没有问题的货物，免除查验工作直接相关装卸服务费。 */
enum { A4_08_FEES, A4_08_CLEAR };
static const input_def a4_08_a_in[] = {
    IN_MONEY("handling_fees", true, "查验直接相关装卸服务费", "handling fees directly related to the inspection"),
    IN_CONDITION("no_problem_found", true, "现场海关查验没有问题", "the inspection found no problem",
                 "现场海关查验发现问题", "the inspection found a problem"),
};
static const param_def a4_08_a_p[] = {
    P_RATIO("waiver_share", 1, 1, P_NOT_ABOVE, "免除装卸服务费的比例", "share of the fees waived", "免除查验工作直接相关装卸服务费"),
};
FORMULA(a4_08_a)
{
    if (!calc_require(c, A4_08_CLEAR))                                 /* 查验没有问题 */
        return;
    calc_grant(c, calc_ratio(c, calc_input(c, A4_08_FEES), 0));     /* 免除 */
}
const measure_spec spec_A4_08_a = {a4_08_a_in, COUNT_INPUTS(a4_08_a_in), a4_08_a_p, COUNT_PARAMS(a4_08_a_p),
                                   a4_08_a, a4_08_a_batch, "yuan (fees waived)", NO_SHAPE, -1, -1, a4_08_a_detail};

/* ---- A4.09 提升内外贸全流程服务 ----------------------------------------------------
 * 按企业实缴保险费的 30% 给予支持，每年每家企业累计支持金额不超过 50 万元。 (A4.09.a)
 * 按其实缴保险费用不超过 30% 给予支持，每家企业每年最高支持 50 万元。 (A4.09.b; a separate cap, R16) */
static const input_def premium_in[] = {
    IN_MONEY("premium_paid", true, "实缴保险费", "premium actually paid"),
    IN_GRANTED_THIS_YEAR,
};
/* Whether the two 50万 caps are one (R16): read by stacking, which applies the
 * yearly caps across claims (data/groups.json); separate by default, as the
 * two sentences state two caps of two supports. */
static const char *const a4_09_cap_scopes[] = {"separate", "shared", NULL};
#define A4_09_CAP_SCOPE(phrase)                                                                           \
    P_SWITCH("reading_cap_scope", 0, a4_09_cap_scopes, "两项 50 万元上限的解读（各自/共用）",            \
             "reading of the two 500,000 caps (separate / shared)", phrase)
static const param_def a4_09_a_p[] = {
    P_RATIO("ratio", 3, 10, P_NOT_ABOVE, "按实缴保险费支持比例", "share of the premium", "按企业实缴保险费的 30% 给予支持"),
    P_MONEY_MAX("cap_per_year", WAN(50), "yuan", "每年每家企业累计支持上限", "yearly cap per enterprise", "每年每家企业累计支持金额不超过 50 万元"),
    A4_09_CAP_SCOPE("每年每家企业累计支持金额不超过 50 万元"),
};
RATIO_CAPPED(spec_A4_09_a, premium_in, a4_09_a_p, 0, NO_INPUT, 1);
static const param_def a4_09_b_p[] = {
    P_RATIO("ratio", 3, 10, P_NOT_ABOVE | P_TEXT_MAX, "按实缴保险费支持比例", "share of the premium", "按其实缴保险费用不超过 30% 给予支持"),
    P_MONEY_MAX("cap_per_year", WAN(50), "yuan", "每家企业每年最高支持", "yearly cap per enterprise", "每家企业每年最高支持 50 万元"),
    A4_09_CAP_SCOPE("每家企业每年最高支持 50 万元"),
};
RATIO_CAPPED(spec_A4_09_b, premium_in, a4_09_b_p, 0, NO_INPUT, 1);

/* 按照数字化平台企业、示范企业、成长型企业三种类别分别给予一次性 8 万元、6 万元、3 万元的奖励。 */
static const char *const a4_09_c_tiers[] = {"digital_platform", "demonstration", "growth", NULL};
static const input_def a4_09_c_in[] = {
    IN_CHOICE("tier", a4_09_c_tiers, true, "名单类别（数字化平台/示范/成长型）", "category (digital platform / demonstration / growth)"),
};
static const param_def a4_09_c_p[] = {
    P_MONEY("digital_platform", WAN(8), "yuan", "数字化平台企业奖励", "digital-platform enterprise", "一次性 8 万元"),
    P_MONEY("demonstration", WAN(6), "yuan", "示范企业奖励", "demonstration enterprise", "6 万元"),
    P_MONEY("growth", WAN(3), "yuan", "成长型企业奖励", "growth enterprise", "3 万元"),
};
TIERS(spec_A4_09_c, a4_09_c_in, a4_09_c_p, 0, NO_INPUT);

/* 对委托第三方建设外贸综合服务平台的企业，按照实际建设费用的 50% 给予一次性支持，每家企业最高支持
 * 15 万元。对使用现有第三方外贸综合服务系统的企业，按照实际使用费用的 50% 给予一次性支持，每家企业
 * 最高支持 3 万元。 */
static const input_def a4_09_d_in[] = {
    IN_MONEY("build_cost", true, "实际建设费用", "actual build cost"),
};
static const param_def a4_09_d_p[] = {
    P_RATIO("ratio", 1, 2, P_NOT_ABOVE, "按建设费用支持比例", "share of the build cost", "按照实际建设费用的 50%"),
    P_MONEY_MAX("cap", WAN(15), "yuan", "每家企业最高支持", "cap per enterprise", "每家企业最高支持 15 万元"),
};
RATIO_CAPPED(spec_A4_09_d, a4_09_d_in, a4_09_d_p, 0, NO_INPUT, NO_INPUT);
static const input_def a4_09_e_in[] = {
    IN_MONEY("usage_fee", true, "实际使用费用", "actual usage fees"),
};
static const param_def a4_09_e_p[] = {
    P_RATIO("ratio", 1, 2, P_NOT_ABOVE, "按使用费用支持比例", "share of the usage fees", "按照实际使用费用的 50%"),
    P_MONEY_MAX("cap", WAN(3), "yuan", "每家企业最高支持", "cap per enterprise", "每家企业最高支持 3 万元"),
};
RATIO_CAPPED(spec_A4_09_e, a4_09_e_in, a4_09_e_p, 0, NO_INPUT, NO_INPUT);

/* ---- A4.10 外资 ----------------------------------------------------------------
 * 贯彻落实外资大项目奖补政策。
 * ……符合条件的外商投资企业利润再投资项目，可按规定享受省市两级外资财政资金支持。
 * Each names the policy that sets the amount (kind governed_elsewhere). */
GOVERNED_ELSEWHERE(spec_A4_10_a);
GOVERNED_ELSEWHERE(spec_A4_10_b);

/* 对经省认定为跨国公司地区总部/总部型机构且年新增实际外资金额合计达 1000 万美元及以上的项目，
 * 按照省市相关政策予以财政支持。
 * The amount is the provincial and municipal policies'; the clause's own
 * threshold is checked here.  The foreign investment is counted in whole US
 * dollars as the clause writes it (not converted to yuan: the clause names no
 * rate), an integer count, not money. */
enum { A4_10C_NEW_FDI };
static const input_def a4_10_c_in[] = {
    IN_COUNT("new_foreign_investment_usd", "USD", true, "年新增实际外资金额合计（美元，整数，不足1美元舍去）",
             "new foreign investment actually received in the year (whole US dollars, cents dropped)"),
};
enum { A4_10C_MIN_FDI };
static const param_def a4_10_c_p[] = {
    P_COUNT("min_new_foreign_investment", 10000000, "USD", "年新增实际外资金额合计（美元）不少于",
            "new foreign investment in the year (US dollars) at least", "年新增实际外资金额合计达 1000 万美元及以上"),
};
FORMULA(a4_10_c)
{
    if (!calc_at_least(c, calc_input(c, A4_10C_NEW_FDI), A4_10C_MIN_FDI))   /* 达1000万美元及以上 */
        return;
    calc_grant(c, 0);                                                       /* 按照省市相关政策 */
}
SPEC(spec_A4_10_c, a4_10_c_in, a4_10_c_p, a4_10_c);
