/* SPDX-License-Identifier: MulanPSL-2.0 */
/*
 * Arithmetic properties of every formula measure, on random cases (a fixed
 * seed, 20,000 cases per measure), written from the clauses:
 *
 *   - the award is never negative;
 *   - it is never above a cap the clause states (最高 / 不超过 / 不高于): every
 *     money parameter whose name starts with "cap", read with
 *     dgs_measure_parameter_text(); a period cap (每年, 2年合计, 每家企业, 每个
 *     展会) less what was already granted in its period; a cap per category
 *     only for that category; a cap per m² (per month) times the area
 *     (and months);
 *   - it is never above ratio × the subsidised cost (按…的X%), floored to the
 *     fen, and never above what other bounds of the clause leave;
 *   - an unmet condition of the clause (超过 / 以上 / 不少于) gives nothing;
 *   - raising a cost (or another quantity the award grows with) never
 *     lowers it, raising an amount already granted never raises it;
 *   - one fen more of a cost changes it by at most one fen times the
 *     ceiling of the ratio applied to that cost.
 *
 * The table below says, per measure, which inputs are costs, which ratio
 * applies to which cost, which caps are per period, per category or per
 * m², and which conditions the clause states.  Every formula measure of the
 * ruleset must have an entry, and every cap parameter is checked (as a
 * plain ceiling unless the entry says otherwise), so a new measure or cap
 * cannot slip past.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "dgsubsidy/dgsubsidy.h"

/* The oracle computes in the compiler's 128-bit integers, independently of the
 * library's own wide arithmetic. */
__extension__ typedef __int128 wide_int;

#define CASES 20000   /* per measure; DGS_PROPERTY_CASES=n runs fewer (e.g. under valgrind) */
#define MAX_IN 16
#define MAX_LIST 5

/* The clause table below leaves trailing members of its entries zero (no
 * category, no top-n, no month limit): that is what it means. */
#if defined(__clang__)
#pragma clang diagnostic ignored "-Wmissing-field-initializers"
#endif

/* ---- what each clause says ---------------------------------------------------------- */

typedef struct cond {          /* an input value that selects a category */
    const char *input;
    const char *choice;
} cond;

typedef struct ratio_term {    /* floor(ratio × Σ costs) */
    const char *ratio;
    const char *costs[3];
    cond when;                 /* only in this category (input NULL: always) */
    const char *top_n;         /* a count parameter: only the n largest list items count */
} ratio_term;

typedef struct period_cap {    /* award ≤ cap − already granted in its period */
    const char *cap;
    const char *granted;
} period_cap;

typedef struct unit_cap {      /* award ≤ cap × area (m²) [× min(months, max_months)] */
    const char *cap;
    const char *area;
    const char *months;
    const char *max_months;
} unit_cap;

typedef struct threshold {     /* the clause's condition on an input */
    const char *input;
    const char *param;
    enum { AT_LEAST, MORE_THAN, AT_MOST } rel;
} threshold;

struct inputs;

typedef struct clause {
    const char *id;
    const char *costs[4];          /* subsidised costs: award non-decreasing, 1-fen steps bounded */
    const char *up[4];             /* other inputs the award never falls with */
    const char *down[4];           /* inputs the award never rises with (amounts already granted) */
    ratio_term ratios[3];          /* award ≤ Σ terms (terms of other categories count 0) */
    period_cap periods[2];
    unit_cap units[1];
    cond tiers[2];                 /* caps named cap_<choice> apply in that category only */
    const char *part_caps[2];      /* caps of separate parts: award ≤ their sum */
    threshold conditions[3];
    const char *absent[2];         /* inputs never given: another form of an input, or another reading's period */
    const char *given[1];          /* an optional input always given (the form of the figure tested) */
    void (*extra)(const struct clause *cl, const dgs_measure *m, const struct inputs *in, dgs_fen_t award);
} clause;

static void a1_01_a_share(const clause *cl, const dgs_measure *m, const struct inputs *in, dgs_fen_t award);
static void a4_03_b_steps(const clause *cl, const dgs_measure *m, const struct inputs *in, dgs_fen_t award);

static const clause clauses[] = {
    /* 对国家、省相关项目分别按最高1:1和1:0.5的比例给予配套资助，各级财政资金资助总额不超过项目总投资的50%。 */
    {"A1.01.a", .up = {"total_investment"}, .down = {"other_fiscal_funds"},
     .ratios = {{"ratio_national", {"national_funds"}}, {"ratio_provincial", {"provincial_funds"}}},
     .extra = a1_01_a_share},
    /* 按合同采购额给予不超过50%的补贴。 */
    {"A1.04.a", {"contract_amount"}, .ratios = {{"ratio", {"contract_amount"}}}},
    /* 交易额超过1000万元的，按实付利息的50%给予贴息资助，每年贴息总额最高150万元，2年合计最高贴息300万元。 */
    {"A1.06.a", {"interest_paid"}, .up = {"deal_value"}, .down = {"granted_this_year", "granted_to_date"},
     .ratios = {{"ratio", {"interest_paid"}}},
     .periods = {{"cap_per_year", "granted_this_year"}, {"cap_two_years", "granted_to_date"}},
     .conditions = {{"deal_value", "deal_threshold", MORE_THAN}, {"subsidy_year", "max_years", AT_MOST}}},
    /* 中介费用按最高50%的比例给予补助或按兼并重组合同价格的0.5%给予奖励，最高资助200万元
     * (或: the higher; the transaction must exceed 1000万). */
    {"A1.06.b", {"intermediary_fees"}, .up = {"contract_price"},
     .ratios = {{"ratio_fees", {"intermediary_fees"}}, {"ratio_price", {"contract_price"}}},
     .conditions = {{"contract_price", "deal_threshold", MORE_THAN}}},
    /* 按不超过融资额的5%给予一年期贴息…融资额…不高于3000万元，每年最高贴息150万元且不超过企业实际发生利息。 */
    {"A1.07.a", {"financed_amount", "interest_paid"}, .ratios = {{"ratio", {"financed_amount"}}}},
    /* 按交易额1%给予每年最高300万元奖励。 */
    {"A1.10.a", {"new_purchases"}, .down = {"granted_this_year"}, .ratios = {{"ratio", {"new_purchases"}}},
     .periods = {{"cap_per_year", "granted_this_year"}}, .absent = {"purchases_this_year", "purchases_last_year"},
     .given = {"new_purchases"}},
    /* 按照实际投入的场租及会场搭建费用给予不高于50%的资助，每家企业最高资助50万元。 */
    {"A1.11.a", {"venue_rent", "setup_cost"}, .down = {"granted_to_date"},
     .ratios = {{"ratio", {"venue_rent", "setup_cost"}}}, .periods = {{"cap_per_enterprise", "granted_to_date"}},
     .absent = {"granted_this_year"}},
    /* 按国家和省实际到位资金不超过1:1和1:0.5的比例给予配套资助，最高额度分别为1000万元和500万元。 */
    {"A2.01.d", {"national_funds", "provincial_funds"},
     .ratios = {{"ratio_national", {"national_funds"}}, {"ratio_provincial", {"provincial_funds"}}},
     .part_caps = {"cap_national", "cap_provincial"}},
    /* 市财政按1:0.5—1:1比例给予配套资助。 */
    {"A2.09.b", {"upstream_funds"}, .ratios = {{"ratio", {"upstream_funds"}}}},
    /* 按场馆租金实际发生费用给予支持，每个展览会最高支持金额不超过100万元。 */
    {"A3.06.a", {"venue_rent", "assessed"}, .ratios = {{"ratio", {"venue_rent"}}}},
    /* 国家级检验检测平台按照省财政资金1:3予以资助，原则上不超过3000万元；省级按1:1，原则上不超过500万元。 */
    {"A3.08.b", {"provincial_funds"},
     .ratios = {{"ratio_national", {"provincial_funds"}, {"tier", "national"}},
                {"ratio_provincial", {"provincial_funds"}, {"tier", "provincial"}}},
     .tiers = {{"tier", "national"}, {"tier", "provincial"}}},
    /* (面积18平方米及以上)按实际发生特装布展费的50%予以支持，最高支持每平方米1500元，每家企业同一展会最高支持总额不超过10万元。 */
    {"A4.02.1.a", {"build_cost"}, .up = {"booth_area"}, .ratios = {{"ratio", {"build_cost"}}},
     .units = {{"cap_per_m2", "booth_area"}}, .conditions = {{"booth_area", "min_area", AT_LEAST}},
     .absent = {"booth_fee", "other_fiscal_support"}},
    /* 对由商协会统一承担的展品往返物流费用的50%给予最高10万元补贴。 */
    {"A4.02.1.c", {"logistics_cost"}, .ratios = {{"ratio", {"logistics_cost"}}}},
    /* 对场地租金、场地布置费用按实际发生金额给予支持，每家协会每场新品发布会最高支持不超过15万元。 */
    {"A4.02.2.a", {"venue_rent", "setup_cost"}, .ratios = {{"ratio", {"venue_rent", "setup_cost"}}}},
    /* 运营首年场地租金按实际发生金额的50%给予支持，每平方米最高支持35元/月，全年支持总额不超过50万元。 */
    {"A4.02.2.b", {"first_year_rent"}, .up = {"area", "months"}, .ratios = {{"ratio", {"first_year_rent"}}},
     .units = {{"cap_per_m2_month", "area", "months", "max_months"}}},
    /* 展厅整体形象装修费按实际发生金额的50%给予一次性支持，每平方米最高支持1000元，支持总额不超过50万元。 */
    {"A4.02.2.c", {"decoration_cost"}, .up = {"area"}, .ratios = {{"ratio", {"decoration_cost"}}},
     .units = {{"cap_per_m2", "area"}}},
    /* 展览面积1万平方米或以上、展期在3天或以上的展会，给予20万元支持（UFI认证或国家行业协会主办30万元）；
     * 展览面积每增加5000平方米的，给予10万元支持。每个展会支持金额最高不超过300万元。 */
    {"A4.03.b", .up = {"exhibition_area", "days", "certified"}, .down = {"granted_to_date"},
     .periods = {{"cap_per_exhibition", "granted_to_date"}},
     .conditions = {{"exhibition_area", "min_area", AT_LEAST}, {"days", "min_days", AT_LEAST}},
     .extra = a4_03_b_steps},
    /* 对参与企业人员机票及住宿费按不超过80%的比例给予资助…每个单位支持不超过2名工作人员。
     * 每家企业每场活动最高支持金额不超过5万元。 */
    {"A4.04.b", {"travel_costs"}, .ratios = {{"ratio", {"travel_costs"}, .top_n = "max_staff"}}},
    /* 按企业实缴保险费的30%给予支持，每年每家企业累计支持金额不超过50万元。 */
    {"A4.09.a", {"premium_paid"}, .down = {"granted_this_year"}, .ratios = {{"ratio", {"premium_paid"}}},
     .periods = {{"cap_per_year", "granted_this_year"}}},
    /* 按其实缴保险费用不超过30%给予支持，每家企业每年最高支持50万元。 */
    {"A4.09.b", {"premium_paid"}, .down = {"granted_this_year"}, .ratios = {{"ratio", {"premium_paid"}}},
     .periods = {{"cap_per_year", "granted_this_year"}}},
    /* 按照实际建设费用的50%给予一次性支持，每家企业最高支持15万元。 */
    {"A4.09.d", {"build_cost"}, .ratios = {{"ratio", {"build_cost"}}}},
    /* 按照实际使用费用的50%给予一次性支持，每家企业最高支持3万元。 */
    {"A4.09.e", {"usage_fee"}, .ratios = {{"ratio", {"usage_fee"}}}},
};
#define N_CLAUSES (sizeof clauses / sizeof clauses[0])

/* ---- random cases ----------------------------------------------------------------------- */

static uint64_t rng = 0x9e3779b97f4a7c15ULL;   /* fixed seed: the same cases every run */

static uint64_t next(void)
{
    rng ^= rng >> 12;
    rng ^= rng << 25;
    rng ^= rng >> 27;
    return rng * 2685821657736338717ULL;
}

static uint64_t below(uint64_t n) { return n ? next() % n : 0; }

/* Log-uniform over 1 … 10^digits, with zero now and then. */
static int64_t magnitude(int digits)
{
    if (below(20) == 0)
        return 0;
    int d = (int)below((uint64_t)digits) + 1;
    int64_t p = 1;
    for (int i = 0; i < d; i++)
        p *= 10;
    return (int64_t)below((uint64_t)p);
}

typedef struct inputs {
    const dgs_measure *m;
    const char *date;
    size_t n;
    bool present[MAX_IN];
    int64_t value[MAX_IN];
    int64_t list[MAX_IN][MAX_LIST];
    size_t list_len[MAX_IN];
} inputs;

static long input_index(const dgs_measure *m, const char *name)
{
    long k = dgs_measure_input_index(m, name);
    if (k < 0)
        fail_msg("%s has no input '%s' (the table of clauses is out of date)", dgs_measure_id(m), name);
    return k;
}

static size_t param_index(const dgs_measure *m, const char *name)
{
    for (size_t k = 0; k < dgs_measure_parameter_count(m); k++)
        if (strcmp(dgs_measure_parameter_name(m, k), name) == 0)
            return k;
    fail_msg("%s has no parameter '%s' (the table of clauses is out of date)", dgs_measure_id(m), name);
    return 0;
}

/* A parameter's value at the case's date, read as text the way a caller reads it. */
static char *param_text(const dgs_measure *m, const char *name, const char *date)
{
    char *text = NULL;
    assert_int_equal(dgs_measure_parameter_text(m, param_index(m, name), date, &text, NULL, NULL), DGS_OK);
    return text;
}

/* Money and areas: two decimals → hundredths; counts: integers. */
static int64_t param_units(const dgs_measure *m, const char *name, const char *date)
{
    char *text = param_text(m, name, date);
    int64_t v = 0;
    if (strchr(text, '.'))
        assert_int_equal(dgs_money_parse(text, &v, NULL), DGS_OK);
    else
        v = strtoll(text, NULL, 10);
    dgs_free(text);
    return v;
}

/* A ratio as printed ("5%", "0.5%", "300%", or "num/den") → num/den. */
static void param_ratio(const dgs_measure *m, const char *name, const char *date, int64_t *num, int64_t *den)
{
    char *text = param_text(m, name, date);
    size_t len = strlen(text);
    *den = 1;
    if (len && text[len - 1] == '%') {
        int64_t n = 0, d = 100;
        bool frac = false;
        for (size_t i = 0; i + 1 < len; i++) {
            if (text[i] == '.') {
                frac = true;
                continue;
            }
            n = n * 10 + (text[i] - '0');
            if (frac)
                d *= 10;
        }
        *num = n;
        *den = d;
    } else {
        assert_int_equal(sscanf(text, "%lld/%lld", (long long *)num, (long long *)den), 2);
    }
    dgs_free(text);
}

static bool in_category(const inputs *in, cond c)
{
    if (!c.input)
        return true;
    long k = input_index(in->m, c.input);
    return in->present[k] && strcmp(dgs_measure_input_choice(in->m, (size_t)k, (size_t)in->value[k]), c.choice) == 0;
}

static int64_t value_or_zero(const inputs *in, const char *name)
{
    long k = input_index(in->m, name);
    return in->present[k] ? in->value[k] : 0;
}

static bool listed(const char *const *names, size_t n, const char *name)
{
    for (size_t i = 0; i < n && names[i]; i++)
        if (strcmp(names[i], name) == 0)
            return true;
    return false;
}

static void random_inputs(const clause *cl, const dgs_measure *m, inputs *in)
{
    static const char *const dates[] = {"2024-01-16", "2024-09-30", "2025-06-15", "2026-03-01", "2027-01-15"};
    memset(in, 0, sizeof *in);
    in->m = m;
    in->date = dates[below(5)];
    in->n = dgs_measure_input_count(m);
    assert_true(in->n <= MAX_IN);
    for (size_t k = 0; k < in->n; k++) {
        in->present[k] = dgs_measure_input_required(m, k) || below(4) != 0;
        switch (dgs_measure_input_type(m, k)) {
        case DGS_TYPE_FLAG:
            in->value[k] = (int64_t)below(2);
            break;
        case DGS_TYPE_CHOICE:
            in->value[k] = (int64_t)below(dgs_measure_input_choice_count(m, k));
            break;
        case DGS_TYPE_COUNT:
            in->value[k] = (int64_t)below(below(5) ? 5 : 40);
            break;
        case DGS_TYPE_AREA:
            in->value[k] = magnitude(8);           /* up to a million m² */
            break;
        case DGS_TYPE_MONEY_LIST:
            in->list_len[k] = (size_t)below(MAX_LIST + 1);
            for (size_t i = 0; i < in->list_len[k]; i++)
                in->list[k][i] = magnitude(10);
            break;
        default:
            in->value[k] = magnitude(12);          /* up to ten billion yuan */
        }
    }
    for (size_t a = 0; a < 2 && cl->absent[a]; a++)
        in->present[input_index(m, cl->absent[a])] = false;
    if (cl->given[0])
        in->present[input_index(m, cl->given[0])] = true;
    /* Now and then an input right at the threshold of a condition. */
    for (size_t t = 0; t < 3 && cl->conditions[t].input; t++) {
        if (below(4) != 0)
            continue;
        long k = input_index(m, cl->conditions[t].input);
        int64_t at = param_units(m, cl->conditions[t].param, in->date);
        in->value[k] = at + (int64_t)below(3) - 1;
        if (in->value[k] < 0)
            in->value[k] = 0;
        in->present[k] = true;
    }
}

/* Evaluates; returns false (and counts) on an overflow, which is an error, not an award. */
static long overflows;

static bool evaluate(const inputs *in, int *outcome, dgs_fen_t *award)
{
    dgs_case *c = NULL;
    dgs_result *r = NULL;
    assert_int_equal(dgs_case_new(in->m, &c, NULL), DGS_OK);
    assert_int_equal(dgs_case_set_date(c, in->date, NULL), DGS_OK);
    for (size_t k = 0; k < in->n; k++) {
        if (!in->present[k])
            continue;
        const char *name = dgs_measure_input_name(in->m, k);
        if (dgs_measure_input_type(in->m, k) == DGS_TYPE_MONEY_LIST)
            assert_int_equal(dgs_case_set_list(c, name, in->list[k], in->list_len[k], NULL), DGS_OK);
        else
            assert_int_equal(dgs_case_set_int(c, name, in->value[k], NULL), DGS_OK);
    }
    dgs_error e;
    int rc = dgs_evaluate(c, &r, &e);
    dgs_case_free(c);
    if (rc == DGS_E_OVERFLOW) {
        overflows++;
        return false;
    }
    if (rc != DGS_OK)
        fail_msg("%s: %s", dgs_measure_id(in->m), e.message);
    *outcome = dgs_result_outcome(r);
    *award = dgs_result_award(r);
    dgs_result_free(r);
    return true;
}

/* ---- the bounds ------------------------------------------------------------------------ */

static void fail_case(const inputs *in, dgs_fen_t award, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
static void fail_case(const inputs *in, dgs_fen_t award, const char *fmt, ...)
{
    char why[256], vals[512] = "";
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(why, sizeof why, fmt, ap);
    va_end(ap);
    for (size_t k = 0; k < in->n; k++) {
        size_t len = strlen(vals);
        if (!in->present[k])
            continue;
        if (dgs_measure_input_type(in->m, k) == DGS_TYPE_MONEY_LIST) {
            snprintf(vals + len, sizeof vals - len, " %s=[%zu items]", dgs_measure_input_name(in->m, k), in->list_len[k]);
        } else {
            snprintf(vals + len, sizeof vals - len, " %s=%lld", dgs_measure_input_name(in->m, k), (long long)in->value[k]);
        }
    }
    fail_msg("%s on %s, award %lld fen:%s: %s", dgs_measure_id(in->m), in->date, (long long)award, vals, why);
}

/* The sum of the inputs named (a list counts its n largest items, n = -1: all). */
static wide_int cost_sum(const inputs *in, const char *const *names, int64_t top_n)
{
    wide_int sum = 0;
    for (size_t i = 0; i < 3 && names[i]; i++) {
        long k = input_index(in->m, names[i]);
        if (!in->present[k])
            continue;
        if (dgs_measure_input_type(in->m, (size_t)k) != DGS_TYPE_MONEY_LIST) {
            sum += in->value[k];
            continue;
        }
        int64_t items[MAX_LIST];
        size_t n = in->list_len[k];
        memcpy(items, in->list[k], n * sizeof items[0]);
        for (size_t a = 0; a < n; a++)           /* largest first */
            for (size_t b = a + 1; b < n; b++)
                if (items[b] > items[a]) {
                    int64_t t = items[a];
                    items[a] = items[b];
                    items[b] = t;
                }
        for (size_t a = 0; a < n && (top_n < 0 || (int64_t)a < top_n); a++)
            sum += items[a];
    }
    return sum;
}

static void check_bounds(const clause *cl, const inputs *in, int outcome, dgs_fen_t award)
{
    const dgs_measure *m = in->m;
    if (award < 0)
        fail_case(in, award, "negative award");
    if (outcome != DGS_OUTCOME_GRANTED && award != 0)
        fail_case(in, award, "award without a grant (outcome %s)", dgs_outcome_name(outcome));

    /* Conditions: unmet → nothing. */
    for (size_t t = 0; t < 3 && cl->conditions[t].input; t++) {
        const threshold *th = &cl->conditions[t];
        int64_t v = value_or_zero(in, th->input), p = param_units(m, th->param, in->date);
        bool met = th->rel == AT_LEAST ? v >= p : th->rel == MORE_THAN ? v > p : v <= p;
        if (!met && (award != 0 || outcome != DGS_OUTCOME_INELIGIBLE))
            fail_case(in, award, "%s = %lld fails the condition on %s (%lld) but the outcome is %s", th->input,
                      (long long)v, th->param, (long long)p, dgs_outcome_name(outcome));
    }

    /* Caps: every money parameter named cap…, by the rule the clause gives it. */
    wide_int part_sum = 0;
    size_t parts = 0;
    for (size_t k = 0; k < dgs_measure_parameter_count(m); k++) {
        const char *name = dgs_measure_parameter_name(m, k);
        if (strncmp(name, "cap", 3) != 0 || dgs_measure_parameter_type(m, k) != DGS_TYPE_MONEY)
            continue;
        int64_t cap = param_units(m, name, in->date);
        bool per_unit = false, tier_cap = false, applies = true;
        for (size_t u = 0; u < 1 && cl->units[u].cap; u++)
            if (strcmp(cl->units[u].cap, name) == 0) {
                const unit_cap *uc = &cl->units[u];
                wide_int limit = (wide_int)cap * value_or_zero(in, uc->area);
                if (uc->months) {
                    int64_t months = value_or_zero(in, uc->months), max = param_units(m, uc->max_months, in->date);
                    limit *= months < max ? months : max;
                }
                limit /= 100;   /* areas are hundredths of m² */
                if (award > limit)
                    fail_case(in, award, "above %s × area = %lld", name, (long long)limit);
                per_unit = true;
            }
        if (per_unit)
            continue;
        for (size_t t = 0; t < 2 && cl->tiers[t].input; t++)
            if (strncmp(name, "cap_", 4) == 0 && strcmp(name + 4, cl->tiers[t].choice) == 0) {
                tier_cap = true;
                applies = in_category(in, cl->tiers[t]);
            }
        if (tier_cap && !applies)
            continue;
        if (listed(cl->part_caps, 2, name)) {
            part_sum += cap;
            parts++;
            continue;
        }
        if (award > cap)
            fail_case(in, award, "above %s = %lld", name, (long long)cap);
        for (size_t p = 0; p < 2 && cl->periods[p].cap; p++)
            if (strcmp(cl->periods[p].cap, name) == 0) {
                int64_t room = cap - value_or_zero(in, cl->periods[p].granted);
                if (room < 0)
                    room = 0;
                if (award > room)
                    fail_case(in, award, "above %s less %s = %lld", name, cl->periods[p].granted, (long long)room);
            }
    }
    if (parts && award > part_sum)
        fail_case(in, award, "above the sum of the part caps = %lld", (long long)part_sum);

    /* Ratio of the subsidised cost, floored to the fen. */
    if (cl->ratios[0].ratio) {
        wide_int bound = 0;
        for (size_t t = 0; t < 3 && cl->ratios[t].ratio; t++) {
            const ratio_term *rt = &cl->ratios[t];
            if (!in_category(in, rt->when))
                continue;
            int64_t num, den;
            param_ratio(m, rt->ratio, in->date, &num, &den);
            int64_t top = rt->top_n ? param_units(m, rt->top_n, in->date) : -1;
            bound += cost_sum(in, rt->costs, top) * num / den;
        }
        if (award > bound)
            fail_case(in, award, "above ratio × cost = %lld", (long long)bound);
    }
    if (cl->extra)
        cl->extra(cl, m, in, award);
}

/* 各级财政资金资助总额不超过项目总投资的50%: the award and the other fiscal
 * funds together stay within the share (the reading in force says which
 * funds count). */
static void a1_01_a_share(const clause *cl, const dgs_measure *m, const inputs *in, dgs_fen_t award)
{
    (void)cl;
    int64_t num, den;
    param_ratio(m, "total_fiscal_share_cap", in->date, &num, &den);
    char *reading = param_text(m, "reading_share_funds", in->date);
    wide_int others = (wide_int)value_or_zero(in, "national_funds") + value_or_zero(in, "provincial_funds");
    if (strcmp(reading, "all_levels") == 0)
        others += value_or_zero(in, "other_fiscal_funds");
    dgs_free(reading);
    wide_int room = (wide_int)value_or_zero(in, "total_investment") * num / den - others;
    if (room < 0)
        room = 0;
    if (award > room)
        fail_case(in, award, "the fiscal funds exceed %lld/%lld of the investment", (long long)num, (long long)den);
}

/* 20万元 (30万 with UFI or a national association) and 10万元 per further
 * 5000 m²: never more than the higher base plus the increments the area
 * reaches, counted pro rata (the most any reading gives). */
static void a4_03_b_steps(const clause *cl, const dgs_measure *m, const inputs *in, dgs_fen_t award)
{
    (void)cl;
    int64_t base = param_units(m, "base", in->date), ufi = param_units(m, "base_ufi_or_national_association", in->date);
    int64_t inc = param_units(m, "increment", in->date), step = param_units(m, "increment_step", in->date);
    int64_t above = value_or_zero(in, "exhibition_area") - param_units(m, "min_area", in->date);
    if (above < 0 || step <= 0)
        return;
    wide_int most = (wide_int)(base > ufi ? base : ufi) + (wide_int)above * inc / step;
    if (award > most)
        fail_case(in, award, "above the base and the increments of the area (%lld)", (long long)most);
    if (!value_or_zero(in, "certified") && award > base + (wide_int)above * inc / step)
        fail_case(in, award, "above the 20万 base and its increments without UFI certification");
}

/* ---- monotonicity and one-fen steps --------------------------------------------------- */

static int64_t ratio_ceiling(const clause *cl, const dgs_measure *m, const char *cost, const char *date)
{
    int64_t ceiling = 1;
    for (size_t t = 0; t < 3 && cl->ratios[t].ratio; t++)
        if (listed(cl->ratios[t].costs, 3, cost)) {
            int64_t num, den;
            param_ratio(m, cl->ratios[t].ratio, date, &num, &den);
            int64_t c = (num + den - 1) / den;
            if (c > ceiling)
                ceiling = c;
        }
    return ceiling;
}

/* Adds `delta` to input `name` (to one item of a list), making it present. */
static void bump(inputs *in, const char *name, int64_t delta)
{
    long k = input_index(in->m, name);
    if (dgs_measure_input_type(in->m, (size_t)k) == DGS_TYPE_MONEY_LIST) {
        if (in->list_len[k] == 0)
            in->list[k][in->list_len[k]++] = 0;
        in->list[k][below(in->list_len[k])] += delta;
    } else if (dgs_measure_input_type(in->m, (size_t)k) == DGS_TYPE_FLAG) {
        in->value[k] = in->present[k] ? 1 : 0;   /* false → true, absent → false */
    } else {
        in->value[k] += delta;
    }
    in->present[k] = true;
}

typedef struct tally {
    long cases, granted, capped, compared;
} tally;

static long cases_per_measure(void)
{
    const char *env = getenv("DGS_PROPERTY_CASES");
    long n = env ? strtol(env, NULL, 10) : CASES;
    return n > 0 ? n : CASES;
}

static void check_measure(const clause *cl, const dgs_measure *m, tally *t)
{
    long cases = cases_per_measure();
    for (long n = 0; n < cases; n++) {
        inputs in;
        int outcome;
        dgs_fen_t award;
        random_inputs(cl, m, &in);
        if (!evaluate(&in, &outcome, &award))
            continue;
        t->cases++;
        t->granted += outcome == DGS_OUTCOME_GRANTED && award > 0;
        check_bounds(cl, &in, outcome, award);

        /* A cost one fen higher, or much higher.  (An optional cost left out
         * is not a cost of zero where it bounds the award, e.g. `assessed`.) */
        for (size_t i = 0; i < 4 && cl->costs[i]; i++) {
            if (!in.present[input_index(m, cl->costs[i])])
                continue;
            inputs more = in;
            int o2;
            dgs_fen_t a2;
            bool one_fen = below(2) == 0;
            bump(&more, cl->costs[i], one_fen ? 1 : magnitude(9));
            if (!evaluate(&more, &o2, &a2))
                continue;
            check_bounds(cl, &more, o2, a2);
            t->compared++;
            if (a2 < award)
                fail_case(&more, a2, "raising %s lowered the award from %lld", cl->costs[i], (long long)award);
            int64_t step = ratio_ceiling(cl, m, cl->costs[i], in.date);
            if (one_fen && a2 - award > step)
                fail_case(&more, a2, "one fen more of %s raised the award by %lld fen (ratio ceiling %lld) from %lld",
                          cl->costs[i], (long long)(a2 - award), (long long)step, (long long)award);
            t->capped += one_fen && a2 == award && award > 0;
        }
        for (size_t i = 0; i < 4 && cl->up[i]; i++) {
            inputs more = in;
            int o2;
            dgs_fen_t a2;
            bump(&more, cl->up[i], below(2) ? 1 : magnitude(7));
            if (evaluate(&more, &o2, &a2) && a2 < award)
                fail_case(&more, a2, "raising %s lowered the award from %lld", cl->up[i], (long long)award);
        }
        for (size_t i = 0; i < 4 && cl->down[i]; i++) {
            inputs more = in;
            int o2;
            dgs_fen_t a2;
            long k = input_index(m, cl->down[i]);
            if (!more.present[k])
                more.value[k] = 0;
            bump(&more, cl->down[i], below(2) ? 1 : magnitude(9));
            if (evaluate(&more, &o2, &a2) && a2 > award)
                fail_case(&more, a2, "raising %s raised the award from %lld", cl->down[i], (long long)award);
        }
    }
}

static void every_formula_measure_keeps_its_clause(void **state)
{
    (void)state;
    dgs_ruleset *rs = NULL;
    size_t checked = 0;
    assert_int_equal(dgs_ruleset_builtin(&rs, NULL), DGS_OK);
    for (size_t i = 0; i < dgs_ruleset_measure_count(rs); i++) {
        const dgs_measure *m = dgs_ruleset_measure_at(rs, i);
        if (dgs_measure_kind(m) != DGS_KIND_FORMULA)
            continue;
        const clause *cl = NULL;
        for (size_t c = 0; c < N_CLAUSES; c++)
            if (strcmp(clauses[c].id, dgs_measure_id(m)) == 0)
                cl = &clauses[c];
        if (!cl)
            fail_msg("formula measure %s has no entry in the table of clauses", dgs_measure_id(m));
        tally t = {0};
        overflows = 0;
        check_measure(cl, m, &t);
        print_message("%-10s %5ld cases, %5ld granted, %6ld cost changes compared, %5ld flat at +1 fen%s\n",
                      dgs_measure_id(m), t.cases, t.granted, t.compared, t.capped,
                      overflows ? " (some overflowed: an error, not an award)" : "");
        /* The random cases must reach grants and the caps, or they test nothing. */
        assert_true(t.cases > cases_per_measure() / 2);
        if (t.granted <= cases_per_measure() / 20)
            fail_msg("%s: only %ld of the random cases are granted", dgs_measure_id(m), t.granted);
        checked++;
    }
    assert_int_equal(checked, N_CLAUSES);
    dgs_ruleset_free(rs);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(every_formula_measure_keeps_its_clause),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
