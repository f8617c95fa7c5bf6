/* SPDX-License-Identifier: MulanPSL-2.0 */
/*
 * Populations: several measures over one population, stacked per applicant
 * (dgs_evaluate_population).  Random populations, with one date or a date per
 * row, are checked claim by claim against dgs_evaluate() (each case at its
 * row's date) and dgs_stack_claims() for each applicant; the
 * vectors below them are worked by hand from the clauses quoted above each.
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

static dgs_ruleset *rs;

static int setup(void **state)
{
    (void)state;
    return dgs_ruleset_builtin(&rs, NULL);
}

static int teardown(void **state)
{
    (void)state;
    dgs_ruleset_free(rs);
    return 0;
}

#define WAN 1000000LL   /* 1 万元 in fen */

/* ---- a population in columns ----------------------------------------------------- */

enum {
    C_NATIONAL, C_PROVINCIAL, C_TOTAL_INVESTMENT,     /* A1.01.a, A2.01.d (G-MATCH, about a project) */
    C_FINANCED, C_INTEREST,                           /* A1.07.a (每年最高贴息 150 万元, a cap across claims) */
    C_TIER, C_AWARD_BASE, C_RATIO_BP, C_BASE_LIMIT,   /* OP.10.a (每家企业每年最高 500 万元) */
    C_HONOUR, C_ASSESSED,                             /* OP.02.a (a ceiling; one branch computed through A5.09.a) */
    C_NEW_PURCHASES,                                  /* A1.10.a (G-BZ-PROCURE, about the enterprise, yearly) */
    C_COUNT
};
static const char *const col_names[C_COUNT] = {
    "national_funds", "provincial_funds", "total_investment", "financed_amount", "interest_paid", "tier",
    "award_base",     "base_ratio_bp",    "base_limit",       "honour",          "assessed",      "new_purchases"};
static const char *const all_measures[] = {"A1.01.a", "A2.01.d", "A1.07.a", "OP.10.a", "OP.02.a", "A1.10.a"};
#define N_MEASURES 6

#define MAX_ROWS 64
typedef struct pop {
    size_t rows;
    int64_t values[C_COUNT][MAX_ROWS];
    uint8_t given[C_COUNT][MAX_ROWS];
    int64_t applicant[MAX_ROWS];
    const char *object[MAX_ROWS];
    bool dated;                    /* date[] is the rows' dates (NULL: the call's) */
    const char *date[MAX_ROWS];
} pop;

static void put(pop *p, size_t row, int col, int64_t v)
{
    p->values[col][row] = v;
    p->given[col][row] = 1;
}

typedef struct outputs {
    dgs_fen_t awards[N_MEASURES * MAX_ROWS], paid[N_MEASURES * MAX_ROWS], up_to[N_MEASURES * MAX_ROWS];
    int32_t outcomes[N_MEASURES * MAX_ROWS], decisions[N_MEASURES * MAX_ROWS];
} outputs;

static int run(const pop *p, size_t nm, const char *const *measures, const char *date, bool objects, outputs *o,
               dgs_error *e)
{
    /* The columns the measures read (a column no measure reads is refused). */
    const int64_t *cols[C_COUNT];
    const uint8_t *pres[C_COUNT];
    const char *names[C_COUNT];
    size_t n = 0;
    for (int j = 0; j < C_COUNT; j++) {
        bool read = false;
        for (size_t k = 0; k < nm; k++)
            read |= dgs_measure_input_index(dgs_ruleset_find(rs, measures[k]), col_names[j]) >= 0;
        if (read)
            names[n] = col_names[j], cols[n] = p->values[j], pres[n++] = p->given[j];
    }
    return dgs_evaluate_population(rs, nm, measures, date, p->dated ? p->date : NULL, p->rows, n, names, cols, pres,
                                   p->applicant,
                                   objects ? p->object : NULL, o->awards, o->outcomes, o->paid, o->decisions,
                                   o->up_to, e);
}

/* ---- the population against dgs_evaluate() + dgs_stack_claims() ------------------ */

static uint64_t rng;
static uint64_t next(void)
{
    rng ^= rng << 13;
    rng ^= rng >> 7;
    rng ^= rng << 17;
    return rng;
}
static int64_t pick(int64_t lo, int64_t hi) { return lo + (int64_t)(next() % (uint64_t)(hi - lo + 1)); }

/* A row of one or two kinds of facts (sometimes incomplete: an invalid claim). */
static void random_row(pop *p, size_t i)
{
    int kinds = 1 + (int)(next() % 2);
    for (int t = 0; t < kinds; t++) {
        switch (next() % 7) {
        case 0: /* a national or provincial project (both matching measures claim it) */
            put(p, i, C_NATIONAL, pick(0, 3) * 200 * WAN);
            put(p, i, C_PROVINCIAL, pick(0, 3) * 150 * WAN);
            put(p, i, C_TOTAL_INVESTMENT, pick(1, 40) * 100 * WAN);
            break;
        case 1: /* without the total investment: A1.01.a is claimed but invalid */
            put(p, i, C_NATIONAL, pick(1, 20) * 100 * WAN);
            if (next() % 2)
                put(p, i, C_PROVINCIAL, pick(0, 10) * 100 * WAN);
            break;
        case 2: /* a finance lease */
            put(p, i, C_FINANCED, pick(0, 40) * 100 * WAN);
            if (next() % 8)
                put(p, i, C_INTEREST, pick(0, 300) * WAN);
            break;
        case 3: /* a first-set award uplift */
            put(p, i, C_TIER, pick(0, 1));
            put(p, i, C_AWARD_BASE, pick(100, 3000) * WAN);
            put(p, i, C_RATIO_BP, pick(500, 3000));
            put(p, i, C_BASE_LIMIT, pick(50, 600) * WAN);
            break;
        case 4: /* an honour: a ceiling to be assessed, or assessed */
            put(p, i, C_HONOUR, pick(0, 1));
            if (next() % 2)
                put(p, i, C_ASSESSED, pick(0, 400) * WAN);
            break;
        case 5: /* purchases from SMEs */
            put(p, i, C_NEW_PURCHASES, pick(0, 400) * WAN);
            break;
        default: /* an assessed amount alone: OP.02.a claimed without its honour (invalid) */
            put(p, i, C_ASSESSED, pick(0, 100) * WAN);
            break;
        }
    }
}

static const char *const object_pool[] = {"P1", "P2", "", NULL};

/* The reference: each applicant's claims evaluated one by one and stacked by dgs_stack_claims(). */
static void check_against_stack(const pop *p, const char *date, bool objects, const outputs *o)
{
    char own[MAX_ROWS][16];
    for (int64_t a = 0; a < 8; a++) {
        dgs_result *res[N_MEASURES * MAX_ROWS];
        const char *obj[N_MEASURES * MAX_ROWS];
        size_t at[N_MEASURES * MAX_ROWS], n = 0;
        for (size_t i = 0; i < p->rows; i++) {
            if (p->applicant[i] != a)
                continue;
            snprintf(own[i], sizeof own[i], "row %zu", i);
            for (size_t k = 0; k < N_MEASURES; k++) {
                size_t x = k * p->rows + i;
                const dgs_measure *m = dgs_ruleset_find(rs, all_measures[k]);
                dgs_case *c;
                dgs_error e;
                assert_int_equal(dgs_case_new(m, &c, &e), DGS_OK);
                const char *row_date = p->dated && p->date[i] ? p->date[i] : date;
                assert_int_equal(dgs_case_set_date(c, row_date, &e), DGS_OK);
                bool claimed = false, set_ok = true;
                for (int j = 0; j < C_COUNT; j++) {
                    if (!p->given[j][i] || dgs_measure_input_index(m, col_names[j]) < 0)
                        continue;
                    claimed = true;
                    set_ok &= dgs_case_set_int(c, col_names[j], p->values[j][i], &e) == DGS_OK;
                }
                dgs_result *r = NULL;
                bool valid = set_ok && dgs_evaluate(c, &r, &e) == DGS_OK;
                dgs_case_free(c);
                if (!claimed) {
                    assert_int_equal(o->outcomes[x], DGS_OUTCOME_NOT_CLAIMED);
                    assert_int_equal(o->decisions[x], DGS_STACK_NOT_CLAIMED);
                    assert_int_equal(o->paid[x], 0);
                    dgs_result_free(r);
                    continue;
                }
                if (!valid) {
                    assert_int_equal(o->outcomes[x], DGS_OUTCOME_INVALID);
                    assert_int_equal(o->decisions[x], DGS_STACK_INVALID);
                    assert_int_equal(o->paid[x], 0);
                    continue;
                }
                assert_int_equal(o->outcomes[x], dgs_result_outcome(r));
                assert_int_equal(o->awards[x], dgs_result_award(r));
                res[n] = r;
                obj[n] = objects && p->object[i] && *p->object[i] ? p->object[i] : own[i];
                at[n++] = x;
            }
        }
        dgs_stack *s = NULL;
        dgs_error e;
        assert_int_equal(dgs_stack_claims(rs, (const dgs_result *const *)res, obj, n, NULL, &s, &e), DGS_OK);
        for (size_t q = 0; q < n; q++) {
            if (o->paid[at[q]] != dgs_stack_paid(s, q) || o->decisions[at[q]] != dgs_stack_decision(s, q))
                fail_msg("applicant %lld, claim %zu (%s): population paid %lld (%s), stack paid %lld (%s)",
                         (long long)a, q, dgs_result_measure_id(res[q]), (long long)o->paid[at[q]],
                         dgs_stack_decision_name(o->decisions[at[q]]), (long long)dgs_stack_paid(s, q),
                         dgs_stack_decision_name(dgs_stack_decision(s, q)));
            assert_int_equal(o->up_to[at[q]], dgs_stack_up_to(s, q));
        }
        dgs_stack_free(s);
        for (size_t q = 0; q < n; q++)
            dgs_result_free(res[q]);
    }
}

static void random_populations_equal_evaluate_and_stack(void **state)
{
    (void)state;
    static const char *const dates[] = {"2025-06-01", "2024-03-01", "2026-12-31", "2030-01-01"};
    /* Rows of two or three years; NULL: the call's date (2030-01-01: outside the document's validity). */
    static const char *const row_dates[] = {"2024-06-01", "2025-03-01", "2025-11-30", NULL};
    size_t dated_rows = 0;
    static pop p;
    static outputs o;
    size_t decided[DGS_STACK_INVALID + 1] = {0};
    for (int seed = 1; seed <= 400; seed++) {
        rng = 0x9e3779b97f4a7c15ULL * (uint64_t)seed;
        memset(&p, 0, sizeof p);
        p.rows = 1 + (size_t)(next() % 40);
        for (size_t i = 0; i < p.rows; i++) {
            random_row(&p, i);
            p.applicant[i] = (int64_t)(next() % 5);          /* rows of one applicant scattered */
            p.object[i] = object_pool[next() % 4];           /* NULL, "" or a project */
        }
        /* Two seeds in three: a date per row. */
        p.dated = seed % 3 != 0;
        for (size_t i = 0; p.dated && i < p.rows; i++) {
            p.date[i] = row_dates[next() % (seed % 5 == 0 ? 4 : 3)];
            dated_rows += p.date[i] != NULL;
        }
        bool objects = seed % 2;
        const char *date = dates[seed % 4];
        dgs_error e;
        int rc = run(&p, N_MEASURES, all_measures, date, objects, &o, &e);
        if (rc != DGS_OK) {
            /* An invalid row: every row is written, and the error names the first. */
            size_t first = SIZE_MAX;
            for (size_t x = 0; x < N_MEASURES * p.rows; x++)
                if (o.decisions[x] == DGS_STACK_INVALID && x % p.rows < first)
                    first = x % p.rows;
            assert_int_not_equal(first, SIZE_MAX);
            assert_int_equal(e.row, first);
            assert_int_equal(e.code, rc);
        }
        check_against_stack(&p, date, objects, &o);
        for (size_t x = 0; x < N_MEASURES * p.rows; x++)
            decided[o.decisions[x]]++;
    }
    assert_true(dated_rows > 1000);
    /* The populations reach every decision the test is about. */
    int wanted[] = {DGS_STACK_PAID, DGS_STACK_SUPERSEDED, DGS_STACK_NOT_GRANTED, DGS_STACK_PENDING_ASSESSMENT,
                    DGS_STACK_CAPPED, DGS_STACK_NOT_CLAIMED, DGS_STACK_INVALID};
    for (size_t i = 0; i < sizeof wanted / sizeof wanted[0]; i++)
        if (!decided[wanted[i]])
            fail_msg("no claim was decided %s", dgs_stack_decision_name(wanted[i]));
}

/* ---- hand-worked vectors ----------------------------------------------------------- */

/* 附件1（一）对国家、省相关项目分别按最高 1:1 和 1:0.5 的比例给予配套资助 (A1.01.a), and
 * 附件2 国家、省重大科技任务 按 1:1（最高 1000 万元）和 1:0.5（最高 500 万元）配套 (A2.01.d), in
 * one exclusive group about the project (G-MATCH).  One applicant, two projects:
 *   P1: national 600万, total investment 1亿: A1.01.a 600万 × 1 = 600万 (fiscal total
 *       1200万 ≤ 50% × 1亿); A2.01.d min(600万, 1000万) = 600万 — the same project: paid once;
 *   P2: provincial 400万, total investment 1亿: A1.01.a 400万 × 0.5 = 200万; A2.01.d 200万.
 * Two projects, each paid once: 600万 + 200万 = 800万.  Another applicant's identical
 * project is paid too (600万).  Named as one project ("P1" twice), once: 600万. */
static void two_projects_of_one_applicant_are_two_benefits(void **state)
{
    (void)state;
    static pop p;
    static outputs o;
    memset(&p, 0, sizeof p);
    p.rows = 3;
    put(&p, 0, C_NATIONAL, 600 * WAN), put(&p, 0, C_PROVINCIAL, 0), put(&p, 0, C_TOTAL_INVESTMENT, 10000 * WAN);
    put(&p, 1, C_NATIONAL, 0), put(&p, 1, C_PROVINCIAL, 400 * WAN), put(&p, 1, C_TOTAL_INVESTMENT, 10000 * WAN);
    put(&p, 2, C_NATIONAL, 600 * WAN), put(&p, 2, C_PROVINCIAL, 0), put(&p, 2, C_TOTAL_INVESTMENT, 10000 * WAN);
    p.applicant[0] = 7, p.applicant[1] = 7, p.applicant[2] = -3;
    static const char *const two[] = {"A1.01.a", "A2.01.d"};
    dgs_error e;
    /* rows 0..2 of A1.01.a at 0..2, of A2.01.d at 3..5 */
    assert_int_equal(run(&p, 2, two, "2025-06-01", false, &o, &e), DGS_OK);
    assert_int_equal(o.awards[0], 600 * WAN);
    assert_int_equal(o.awards[3], 600 * WAN);
    assert_int_equal(o.paid[0], 600 * WAN);       /* the first claim of equal awards */
    assert_int_equal(o.decisions[0], DGS_STACK_PAID);
    assert_int_equal(o.paid[3], 0);
    assert_int_equal(o.decisions[3], DGS_STACK_SUPERSEDED);
    assert_int_equal(o.awards[1], 200 * WAN);
    assert_int_equal(o.awards[4], 200 * WAN);
    assert_int_equal(o.paid[1] + o.paid[4], 200 * WAN);
    assert_int_equal(o.paid[0] + o.paid[1] + o.paid[3] + o.paid[4], 800 * WAN);
    assert_int_equal(o.paid[2] + o.paid[5], 600 * WAN);   /* the other applicant */
    /* both projects named P1: one benefit of one object */
    p.object[0] = "P1", p.object[1] = "P1", p.object[2] = "P1";
    assert_int_equal(run(&p, 2, two, "2025-06-01", true, &o, &e), DGS_OK);
    assert_int_equal(o.paid[0] + o.paid[1] + o.paid[3] + o.paid[4], 600 * WAN);
    assert_int_equal(o.decisions[1], DGS_STACK_SUPERSEDED);
    assert_int_equal(o.decisions[4], DGS_STACK_SUPERSEDED);
    /* A row whose object is empty ("" or NULL, a blank cell of an object column) names none: it is
     * an object of its own, never silently the same as another blank row — 800万 again; and no
     * caller's object ("#1") is mistaken for a blank row's. */
    p.object[0] = "", p.object[1] = NULL;
    assert_int_equal(run(&p, 2, two, "2025-06-01", true, &o, &e), DGS_OK);
    assert_int_equal(o.paid[0] + o.paid[1] + o.paid[3] + o.paid[4], 800 * WAN);
    p.object[0] = "#1", p.object[1] = NULL;
    assert_int_equal(run(&p, 2, two, "2025-06-01", true, &o, &e), DGS_OK);
    assert_int_equal(o.paid[0] + o.paid[1] + o.paid[3] + o.paid[4], 800 * WAN);
}

/* 实施意见（二）对获得中国驰名商标……的，给予最高 300 万元奖励: a ceiling, to be assessed
 * (「最高 300 万元（待核定）」): never paid, its 300万 only what an assessment could add.
 * Assessed at 120万: 120万 is paid. */
static void a_ceiling_is_not_paid(void **state)
{
    (void)state;
    static pop p;
    static outputs o;
    memset(&p, 0, sizeof p);
    p.rows = 2;
    put(&p, 0, C_HONOUR, 0);                       /* well_known_trademark, not assessed */
    put(&p, 1, C_HONOUR, 0), put(&p, 1, C_ASSESSED, 120 * WAN);
    p.applicant[0] = 1, p.applicant[1] = 2;
    static const char *const one[] = {"OP.02.a"};
    const int64_t *cols[2] = {p.values[C_HONOUR], p.values[C_ASSESSED]};
    const uint8_t *pres[2] = {p.given[C_HONOUR], p.given[C_ASSESSED]};
    const char *names[2] = {"honour", "assessed"};
    dgs_error e;
    assert_int_equal(dgs_evaluate_population(rs, 1, one, "2025-06-01", NULL, 2, 2, names, cols, pres, p.applicant, NULL,
                                             o.awards, o.outcomes, o.paid, o.decisions, o.up_to, &e),
                     DGS_OK);
    assert_int_equal(o.outcomes[0], DGS_OUTCOME_UP_TO);
    assert_int_equal(o.awards[0], 300 * WAN);
    assert_int_equal(o.paid[0], 0);
    assert_int_equal(o.decisions[0], DGS_STACK_PENDING_ASSESSMENT);
    assert_int_equal(o.up_to[0], 300 * WAN);
    assert_int_equal(o.outcomes[1], DGS_OUTCOME_GRANTED);
    assert_int_equal(o.paid[1], 120 * WAN);
    assert_int_equal(o.decisions[1], DGS_STACK_PAID);
    assert_int_equal(o.up_to[1], 0);
}

/* 附件1（一）国家项目按最高 1:1 配套, fiscal funds at most 50% of the project's investment: five
 * projects of applicant 1, each with national funds of 2×10^16 yuan (2×10^18 fen) and an investment
 * of 8×10^16 yuan, are matched 2×10^18 fen each — 10^19 fen in all, beyond int64. The applicant's
 * claims are refused (invalid, nothing paid) with DGS_E_OVERFLOW at its first row, as
 * dgs_stack_claims() refuses such a total; applicant 2's project (100万 matched) is paid. */
static void a_total_beyond_int64_is_refused(void **state)
{
    (void)state;
    enum { N = 6 };
    int64_t national[N], investment[N], provincial[N] = {0}, applicant[N];
    for (size_t i = 0; i < N; i++) {
        national[i] = i < 5 ? INT64_C(2000000000000000000) : 100 * WAN;
        investment[i] = i < 5 ? INT64_C(8000000000000000000) : 400 * WAN;
        applicant[i] = i < 5 ? 1 : 2;
    }
    const int64_t *cols[3] = {national, provincial, investment};
    const char *names[3] = {"national_funds", "provincial_funds", "total_investment"};
    static const char *const one[] = {"A1.01.a"};
    dgs_fen_t awards[N], paid[N], up_to[N];
    int32_t outcomes[N], decisions[N];
    dgs_error e;
    assert_int_equal(dgs_evaluate_population(rs, 1, one, "2025-06-01", NULL, N, 3, names, cols, NULL, applicant, NULL,
                                             awards, outcomes, paid, decisions, up_to, &e),
                     DGS_E_OVERFLOW);
    assert_int_equal(e.row, 0);
    for (size_t i = 0; i < 5; i++) {
        assert_int_equal(outcomes[i], DGS_OUTCOME_GRANTED);
        assert_int_equal(awards[i], INT64_C(2000000000000000000));
        assert_int_equal(paid[i], 0);
        assert_int_equal(decisions[i], DGS_STACK_INVALID);
    }
    assert_int_equal(paid[5], 100 * WAN);
    assert_int_equal(decisions[5], DGS_STACK_PAID);
    /* Four of the five projects fit: 8×10^18 fen is paid. */
    applicant[4] = 3;
    assert_int_equal(dgs_evaluate_population(rs, 1, one, "2025-06-01", NULL, N, 3, names, cols, NULL, applicant, NULL,
                                             awards, outcomes, paid, decisions, up_to, &e),
                     DGS_OK);
    for (size_t i = 0; i < 5; i++)
        assert_int_equal(paid[i], INT64_C(2000000000000000000));
}

/* 实施意见（十）每家企业每年最高 500 万元 (OP.10.a): chain leaders' first-set awards
 * uplifted by 10%: 20% × 1.1 = 22% of 1000万 = 220万 (limit 300万 × 1.1 = 330万).
 * Three products of applicant 5 in 2025: 220万 + 220万 + the 60万 left = 500万, the
 * third capped; applicant 6's one product: 220万 in full. */
static void a_yearly_cap_holds_per_applicant(void **state)
{
    (void)state;
    static pop p;
    static outputs o;
    memset(&p, 0, sizeof p);
    p.rows = 4;
    for (size_t i = 0; i < 4; i++) {
        put(&p, i, C_TIER, 1);   /* chain_leader */
        put(&p, i, C_AWARD_BASE, 1000 * WAN);
        put(&p, i, C_RATIO_BP, 2000);
        put(&p, i, C_BASE_LIMIT, 300 * WAN);
    }
    p.applicant[0] = 5, p.applicant[1] = 6, p.applicant[2] = 5, p.applicant[3] = 5;
    static const char *const one[] = {"OP.10.a"};
    dgs_error e;
    assert_int_equal(run(&p, 1, one, "2025-06-01", false, &o, &e), DGS_OK);
    assert_int_equal(o.awards[0], 220 * WAN);
    assert_int_equal(o.paid[0], 220 * WAN);
    assert_int_equal(o.paid[1], 220 * WAN);
    assert_int_equal(o.paid[2], 220 * WAN);
    assert_int_equal(o.paid[3], 60 * WAN);
    assert_int_equal(o.decisions[3], DGS_STACK_CAPPED);
    assert_int_equal(o.decisions[1], DGS_STACK_PAID);
}

/* 附件1（十）对倍增企业面向中小微企业的新增采购按交易额1%给予每年最高300万元奖励 (A1.10.a, in
 * G-BZ-PROCURE: one award per enterprise per year).  Applicant 1 has two rows: new purchases
 * of 8000万 (1% = 80万) and of 2亿 (1% = 200万); applicant 2 one row of 5亿 (1% = 500万, at
 * most 300万 a year: 300万).
 *   both rows of applicant 1 in 2025 (2025-03-01 and 2025-11-30): one award for 2025, the
 *     higher: 200万 paid, the 80万 superseded;
 *   in 2024 (2024-06-01) and 2025 (2025-03-01): an award for each year: 80万 + 200万 = 280万;
 *   the 80万 row dated 2030-01-01, after the document's validity: not in force, nothing paid
 *     for it, the 200万 of 2025 paid;
 *   one date for the call (2025-06-01, dates NULL or every row's date NULL): as in 2025. */
static void a_yearly_award_per_enterprise_is_one_per_year_of_the_row(void **state)
{
    (void)state;
    static pop p;
    static outputs o, u;
    memset(&p, 0, sizeof p);
    p.rows = 3;
    put(&p, 0, C_NEW_PURCHASES, 8000 * WAN);
    put(&p, 1, C_NEW_PURCHASES, 50000 * WAN);
    put(&p, 2, C_NEW_PURCHASES, 20000 * WAN);
    p.applicant[0] = 1, p.applicant[1] = 2, p.applicant[2] = 1;
    static const char *const one[] = {"A1.10.a"};
    dgs_error e;

    /* the same year: paid once, the higher */
    p.dated = true;
    p.date[0] = "2025-03-01", p.date[1] = NULL, p.date[2] = "2025-11-30";
    assert_int_equal(run(&p, 1, one, "2025-06-01", false, &o, &e), DGS_OK);
    assert_int_equal(o.awards[0], 80 * WAN);
    assert_int_equal(o.awards[2], 200 * WAN);
    assert_int_equal(o.paid[0], 0);
    assert_int_equal(o.decisions[0], DGS_STACK_SUPERSEDED);
    assert_int_equal(o.paid[2], 200 * WAN);
    assert_int_equal(o.decisions[2], DGS_STACK_PAID);
    assert_int_equal(o.awards[1], 300 * WAN);
    assert_int_equal(o.paid[1], 300 * WAN);

    /* two years: both paid */
    p.date[0] = "2024-06-01", p.date[1] = "2025-03-01", p.date[2] = "2025-03-01";
    assert_int_equal(run(&p, 1, one, "2025-06-01", false, &o, &e), DGS_OK);
    assert_int_equal(o.paid[0], 80 * WAN);
    assert_int_equal(o.decisions[0], DGS_STACK_PAID);
    assert_int_equal(o.paid[2], 200 * WAN);
    assert_int_equal(o.decisions[2], DGS_STACK_PAID);
    assert_int_equal(o.paid[0] + o.paid[2], 280 * WAN);
    assert_int_equal(o.paid[1], 300 * WAN);
    /* the year is the row's, whichever row comes first: the 2025 row first */
    p.date[0] = "2025-11-30", p.date[2] = "2024-06-01";
    assert_int_equal(run(&p, 1, one, NULL, false, &o, &e), DGS_OK);   /* every row dated: no call date needed */
    assert_int_equal(o.paid[0] + o.paid[2], 280 * WAN);

    /* a row after the document's validity: not in force */
    p.date[0] = "2030-01-01", p.date[2] = "2025-03-01";
    assert_int_equal(run(&p, 1, one, "2025-06-01", false, &o, &e), DGS_OK);
    assert_int_equal(o.outcomes[0], DGS_OUTCOME_NOT_IN_FORCE);
    assert_int_equal(o.decisions[0], DGS_STACK_NOT_GRANTED);
    assert_int_equal(o.paid[0], 0);
    assert_int_equal(o.paid[2], 200 * WAN);
    assert_int_equal(o.decisions[2], DGS_STACK_PAID);

    /* one date: as before, and the same with every row's date NULL or the call's */
    p.dated = false;
    assert_int_equal(run(&p, 1, one, "2025-06-01", false, &o, &e), DGS_OK);
    assert_int_equal(o.paid[0], 0);
    assert_int_equal(o.decisions[0], DGS_STACK_SUPERSEDED);
    assert_int_equal(o.paid[2], 200 * WAN);
    assert_int_equal(o.paid[1], 300 * WAN);
    p.dated = true;
    for (int v = 0; v < 2; v++) {
        for (size_t i = 0; i < 3; i++)
            p.date[i] = v ? "2025-06-01" : NULL;
        memset(&u, 0xa5, sizeof u);
        assert_int_equal(run(&p, 1, one, "2025-06-01", false, &u, &e), DGS_OK);
        for (size_t i = 0; i < 3; i++) {
            assert_int_equal(u.awards[i], o.awards[i]);
            assert_int_equal(u.outcomes[i], o.outcomes[i]);
            assert_int_equal(u.paid[i], o.paid[i]);
            assert_int_equal(u.decisions[i], o.decisions[i]);
            assert_int_equal(u.up_to[i], o.up_to[i]);
        }
    }
}

/* A bad date of a row is refused before anything is written; err->row names the row. */
static void bad_row_dates(void **state)
{
    (void)state;
    static pop p;
    static outputs o;
    memset(&p, 0, sizeof p);
    p.rows = 3;
    for (size_t i = 0; i < 3; i++)
        put(&p, i, C_NEW_PURCHASES, 100 * WAN), p.applicant[i] = 1;
    static const char *const one[] = {"A1.10.a"};
    dgs_error e;
    p.dated = true;
    const char *bad[] = {"2025-02-29", "2025-6-1", "", "2025-06-01 ", "20250601"};
    for (size_t b = 0; b < sizeof bad / sizeof *bad; b++) {
        p.date[0] = "2025-03-01", p.date[1] = NULL, p.date[2] = bad[b];
        memset(&o, 0xa5, sizeof o);
        assert_int_equal(run(&p, 1, one, "2025-06-01", false, &o, &e), DGS_E_DATE);
        assert_int_equal(e.row, 2);
        assert_non_null(strstr(e.message, "row 2"));
        assert_int_equal(o.decisions[0], (int32_t)0xa5a5a5a5);   /* nothing written */
    }
    /* a row without a date, and no date for the call */
    p.date[2] = "2025-03-01";
    assert_int_equal(run(&p, 1, one, NULL, false, &o, &e), DGS_E_DATE);
    assert_int_equal(e.row, 1);
    /* the call's date, bad, even where every row is dated */
    p.date[1] = "2025-03-01";
    assert_int_equal(run(&p, 1, one, "2025-13-01", false, &o, &e), DGS_E_DATE);
    /* neither */
    p.dated = false;
    assert_int_equal(run(&p, 1, one, NULL, false, &o, &e), DGS_E_INVALID_ARGUMENT);
    /* no rows, dates without a date: nothing to do */
    p.dated = true;
    p.rows = 0;
    assert_int_equal(run(&p, 1, one, NULL, false, &o, &e), DGS_OK);
}

/* A row claims a measure by giving one of its inputs: a lease row does not claim
 * the matching measures.  A row giving national funds without the total investment
 * claims A1.01.a but is invalid (a required input missing): the error names it. */
static void claims_and_invalid_rows(void **state)
{
    (void)state;
    static pop p;
    static outputs o;
    memset(&p, 0, sizeof p);
    p.rows = 3;
    /* 附件1（七）5% × 2000万 = 100万, the interest 120万 higher: 100万 */
    put(&p, 0, C_FINANCED, 2000 * WAN), put(&p, 0, C_INTEREST, 120 * WAN);
    put(&p, 1, C_NATIONAL, 300 * WAN), put(&p, 1, C_PROVINCIAL, 0);
    put(&p, 2, C_FINANCED, 2000 * WAN), put(&p, 2, C_INTEREST, 120 * WAN);
    p.applicant[0] = 1, p.applicant[1] = 1, p.applicant[2] = 2;
    static const char *const three[] = {"A1.01.a", "A2.01.d", "A1.07.a"};
    dgs_error e;
    assert_int_equal(run(&p, 3, three, "2025-06-01", false, &o, &e), DGS_E_MISSING_INPUT);
    assert_int_equal(e.row, 1);
    assert_non_null(strstr(e.message, "total_investment"));
    /* A1.01.a: row 0 not claimed, row 1 invalid; A2.01.d: row 1 300万 × 1 = 300万 */
    assert_int_equal(o.decisions[0], DGS_STACK_NOT_CLAIMED);
    assert_int_equal(o.outcomes[0], DGS_OUTCOME_NOT_CLAIMED);
    assert_string_equal(dgs_outcome_name(DGS_OUTCOME_NOT_CLAIMED), "not_claimed");
    assert_string_equal(dgs_stack_decision_name(DGS_STACK_NOT_CLAIMED), "not_claimed");
    assert_string_equal(dgs_stack_decision_name(DGS_STACK_INVALID), "invalid");
    assert_null(dgs_stack_decision_name(DGS_STACK_INVALID + 1));
    assert_int_equal(o.outcomes[1], DGS_OUTCOME_INVALID);
    assert_int_equal(o.decisions[1], DGS_STACK_INVALID);
    assert_int_equal(o.paid[3 + 1], 300 * WAN);
    assert_int_equal(o.decisions[3 + 1], DGS_STACK_PAID);
    /* A1.07.a: rows 0 and 2, two applicants, 100万 each; row 1 not claimed */
    assert_int_equal(o.paid[6 + 0], 100 * WAN);
    assert_int_equal(o.paid[6 + 2], 100 * WAN);
    assert_int_equal(o.decisions[6 + 1], DGS_STACK_NOT_CLAIMED);
    /* the rows of two dates (the invalid row alone in 2024): the same row named, the same outputs */
    static outputs u;
    p.dated = true;
    p.date[0] = "2025-03-01", p.date[1] = "2024-06-01", p.date[2] = "2025-03-01";
    assert_int_equal(run(&p, 3, three, "2025-06-01", false, &u, &e), DGS_E_MISSING_INPUT);
    assert_int_equal(e.row, 1);
    assert_non_null(strstr(e.message, "total_investment"));
    for (size_t x = 0; x < 3 * 3; x++) {
        assert_int_equal(u.decisions[x], o.decisions[x]);
        assert_int_equal(u.paid[x], o.paid[x]);
    }
}

/* Rows in any order: the same decisions as rows sorted by applicant. */
static void order_of_rows_does_not_matter_between_applicants(void **state)
{
    (void)state;
    static pop p, q;
    static outputs o, u;
    memset(&p, 0, sizeof p);
    rng = 12345;
    p.rows = 40;
    for (size_t i = 0; i < p.rows; i++) {
        put(&p, i, C_TIER, pick(0, 1));
        put(&p, i, C_AWARD_BASE, pick(100, 3000) * WAN);
        put(&p, i, C_RATIO_BP, pick(500, 3000));
        put(&p, i, C_BASE_LIMIT, pick(50, 600) * WAN);
        p.applicant[i] = (int64_t)(i % 4);
    }
    /* q: p's rows grouped by applicant, each applicant's rows in their order */
    q = p;
    size_t r = 0, from[40];
    for (int64_t a = 0; a < 4; a++)
        for (size_t i = 0; i < p.rows; i++)
            if (p.applicant[i] == a) {
                from[r] = i;
                for (int j = 0; j < C_COUNT; j++)
                    q.values[j][r] = p.values[j][i], q.given[j][r] = p.given[j][i];
                q.applicant[r++] = a;
            }
    static const char *const one[] = {"OP.10.a"};
    dgs_error e;
    assert_int_equal(run(&p, 1, one, "2025-06-01", false, &o, &e), DGS_OK);
    assert_int_equal(run(&q, 1, one, "2025-06-01", false, &u, &e), DGS_OK);
    size_t capped = 0;
    for (size_t i = 0; i < 40; i++) {
        assert_int_equal(u.paid[i], o.paid[from[i]]);
        assert_int_equal(u.decisions[i], o.decisions[from[i]]);
        capped += u.decisions[i] == DGS_STACK_CAPPED;
    }
    assert_true(capped > 0);
}

/* Dense applicant codes (0, 1, 2, …: sorted by counting) and sparse ones (any int64: sorted by
 * comparison) give the same decisions; so do rows already sorted by applicant. */
static void dense_and_sparse_applicant_codes_agree(void **state)
{
    (void)state;
    enum { R = 3000 };
    static int64_t tier[R], base[R], bp[R], limit[R], dense[R], sparse[R], sorted_codes[R];
    static dgs_fen_t aw[3][R], pd[3][R], up[3][R];
    static int32_t oc[3][R], dc[3][R];
    rng = 777;
    for (size_t i = 0; i < R; i++) {
        tier[i] = pick(0, 1), base[i] = pick(100, 3000) * WAN, bp[i] = pick(500, 3000), limit[i] = pick(50, 600) * WAN;
        dense[i] = pick(0, 499);
        sparse[i] = (dense[i] - 250) * 1000000007LL * 1000;   /* negative and positive, far apart */
    }
    const char *names[4] = {"tier", "award_base", "base_ratio_bp", "base_limit"};
    const int64_t *cols[4] = {tier, base, bp, limit};
    static const char *const one[] = {"OP.10.a"};
    dgs_error e;
    const int64_t *codes[2] = {dense, sparse};
    for (int v = 0; v < 2; v++)
        assert_int_equal(dgs_evaluate_population(rs, 1, one, "2025-06-01", NULL, R, 4, names, cols, NULL, codes[v], NULL,
                                                 aw[v], oc[v], pd[v], dc[v], up[v], &e),
                         DGS_OK);
    size_t capped = 0;
    for (size_t i = 0; i < R; i++) {
        assert_int_equal(pd[0][i], pd[1][i]);
        assert_int_equal(dc[0][i], dc[1][i]);
        capped += dc[0][i] == DGS_STACK_CAPPED;
    }
    assert_true(capped > 0);
    /* The same rows grouped by applicant, each applicant's rows in their order: the same claims. */
    static int64_t t2[R], b2[R], p2[R], l2[R];
    static size_t from[R];
    size_t r = 0;
    for (int64_t a = 0; a < 500; a++)
        for (size_t i = 0; i < R; i++)
            if (dense[i] == a) {
                from[r] = i, sorted_codes[r] = a;
                t2[r] = tier[i], b2[r] = base[i], p2[r] = bp[i], l2[r++] = limit[i];
            }
    const int64_t *cols2[4] = {t2, b2, p2, l2};
    assert_int_equal(dgs_evaluate_population(rs, 1, one, "2025-06-01", NULL, R, 4, names, cols2, NULL, sorted_codes, NULL,
                                             aw[2], oc[2], pd[2], dc[2], up[2], &e),
                     DGS_OK);
    for (size_t i = 0; i < R; i++) {
        assert_int_equal(pd[2][i], pd[0][from[i]]);
        assert_int_equal(dc[2][i], dc[0][from[i]]);
    }
}

static void refusals(void **state)
{
    (void)state;
    static pop p;
    static outputs o;
    memset(&p, 0, sizeof p);
    p.rows = 1;
    put(&p, 0, C_FINANCED, 2000 * WAN), put(&p, 0, C_INTEREST, 120 * WAN);
    dgs_error e;
    const int64_t *cols[2] = {p.values[C_FINANCED], p.values[C_INTEREST]};
    const char *names[2] = {"financed_amount", "interest_paid"};
    static const char *const lease[] = {"A1.07.a"}, *const twice[] = {"A1.07.a", "A1.07.a"},
                             *const unknown[] = {"A9.99.z"}, *const none[] = {"A3.05.a"},
                             *const qualitative[] = {"A1.02.a"}, *const other[] = {"A1.07.a", "A4.09.e"};
#define POP(nm, ms, date, ncols, nms)                                                                          \
    dgs_evaluate_population(rs, nm, ms, date, NULL, 1, ncols, nms, cols, NULL, p.applicant, NULL, o.awards, o.outcomes, \
                            o.paid, o.decisions, NULL, &e)
    assert_int_equal(POP(2, twice, "2025-06-01", 2, names), DGS_E_INVALID_ARGUMENT);
    assert_non_null(strstr(e.message, "listed twice"));
    assert_int_equal(POP(1, unknown, "2025-06-01", 2, names), DGS_E_UNKNOWN_MEASURE);
    assert_int_equal(POP(0, lease, "2025-06-01", 2, names), DGS_E_INVALID_ARGUMENT);
    assert_int_equal(POP(1, none, "2025-06-01", 2, names), DGS_E_NOT_SUPPORTED);
    assert_non_null(strstr(e.message, "A3.05.a"));
    assert_int_equal(POP(1, qualitative, "2025-06-01", 2, names), DGS_E_NOT_SUPPORTED);
    assert_int_equal(POP(1, lease, "2025-13-01", 2, names), DGS_E_DATE);
    /* a column no measure reads is refused, never ignored */
    const char *typo[2] = {"financed_amount", "interest_payed"};
    assert_int_equal(POP(1, lease, "2025-06-01", 2, typo), DGS_E_UNKNOWN_INPUT);
    assert_non_null(strstr(e.message, "interest_payed"));
    const char *dup[2] = {"financed_amount", "financed_amount"};
    assert_int_equal(POP(1, lease, "2025-06-01", 2, dup), DGS_E_INVALID_ARGUMENT);
    const char *dated[2] = {"financed_amount", "date"};
    assert_int_equal(POP(1, lease, "2025-06-01", 2, dated), DGS_E_NOT_SUPPORTED);
    /* A4.09.e's input is no column: no row could claim it */
    assert_int_equal(POP(2, other, "2025-06-01", 2, names), DGS_E_MISSING_INPUT);
    assert_non_null(strstr(e.message, "A4.09.e"));
    /* an object with a trailing space would make one project two */
    const char *bad[1] = {"P1 "};
    assert_int_equal(dgs_evaluate_population(rs, 1, lease, "2025-06-01", NULL, 1, 2, names, cols, NULL, p.applicant, bad,
                                             o.awards, o.outcomes, o.paid, o.decisions, NULL, &e),
                     DGS_E_VALUE);
    assert_int_equal(e.row, 0);
    assert_int_equal(dgs_evaluate_population(rs, 1, lease, "2025-06-01", NULL, 1, 2, names, cols, NULL, NULL, NULL,
                                             o.awards, o.outcomes, o.paid, o.decisions, NULL, &e),
                     DGS_E_INVALID_ARGUMENT);
    /* and the call itself works: 100万 */
    assert_int_equal(POP(1, lease, "2025-06-01", 2, names), DGS_OK);
    assert_int_equal(o.paid[0], 100 * WAN);
#undef POP
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(random_populations_equal_evaluate_and_stack),
        cmocka_unit_test(two_projects_of_one_applicant_are_two_benefits),
        cmocka_unit_test(a_ceiling_is_not_paid),
        cmocka_unit_test(a_total_beyond_int64_is_refused),
        cmocka_unit_test(a_yearly_cap_holds_per_applicant),
        cmocka_unit_test(a_yearly_award_per_enterprise_is_one_per_year_of_the_row),
        cmocka_unit_test(bad_row_dates),
        cmocka_unit_test(claims_and_invalid_rows),
        cmocka_unit_test(order_of_rows_does_not_matter_between_applicants),
        cmocka_unit_test(dense_and_sparse_applicant_codes_agree),
        cmocka_unit_test(refusals),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
