/* SPDX-License-Identifier: MulanPSL-2.0 */
/*
 * Shapes shared by many clauses: a ceiling (最高X元, or an exact 给予X元), a
 * ceiling per category (分别给予…), and a ratio of a cost with a cap — the
 * shape of most awards whose numbers a guideline supplies.
 */
#include "measures/spec.h"

/* The award a ceiling allows: the ceiling itself, or less where the
 * department assessed less, the cost actually incurred is lower (R19), or a
 * period cap is partly used.  An exact amount (给予10万元) is paid as it is. */
static inline void ceiling_from(calc *c, int p)
{
    const shape_inputs *in = &c->spec->in;
    dgs_fen_t award = c->p[p].num;

    calc_step(c, c->meta->fixed_amount ? STEP_FIXED : STEP_CAP, p, award, 1, award);
    c->binding = (int16_t)p;
    c->binding_value = award;
    if (!c->meta->fixed_amount) {
        if (in->granted != NO_INPUT)
            award = calc_headroom(c, award, p, in->granted);
        if (in->cost != NO_INPUT)
            award = calc_cap_by_input(c, award, in->cost);
        if (in->assessed != NO_INPUT)
            award = calc_cap_by_input(c, award, in->assessed);
    }
    calc_grant(c, award);
}

FORMULA(shape_ceiling_f)
{
    ceiling_from(c, 0);
}

/* Parameters are declared in the order of the tier input's choices. */
FORMULA(shape_tier_f)
{
    int tier = (int)calc_input(c, c->spec->in.tier);
    calc_step(c, STEP_TIER, tier, c->p[tier].num, 1, c->p[tier].num);
    ceiling_from(c, tier);
}

/* params[0] = ratio, params[1] = cap (optional); inputs: base, assessed. */
FORMULA(shape_ratio_capped_f)
{
    const shape_inputs *in = &c->spec->in;
    dgs_fen_t award = calc_ratio(c, calc_input(c, in->base), 0);
    if (c->spec->n_params > 1 && c->p[1].set)
        award = calc_cap(c, award, 1);
    if (in->granted != NO_INPUT && c->spec->n_params > 1 && c->p[1].set)
        award = calc_headroom(c, award, 1, in->granted);
    if (in->assessed != NO_INPUT)
        award = calc_cap_by_input(c, award, in->assessed);
    calc_grant(c, award);
}

/* inputs[0] + inputs[1] (场租及搭建费用), × params[0], capped by params[1] less earlier grants. */
FORMULA(shape_ratio_of_sum_capped_f)
{
    dgs_fen_t costs = calc_sum(c, calc_input(c, 0), calc_input(c, 1));
    dgs_fen_t award = calc_ratio(c, costs, 0);
    if (c->spec->in.granted != NO_INPUT)
        award = calc_headroom(c, award, 1, c->spec->in.granted);
    else
        award = calc_cap(c, award, 1);
    calc_grant(c, award);
}

/* Another policy sets the amount: the engine gives the outcome. */
FORMULA(shape_governed_f)
{
    calc_grant(c, 0);
}

void shape_governed(calc *c) { shape_governed_f(c); }
void shape_governed_batch(calc *c, size_t rows, dgs_fen_t *awards, int32_t *outcomes)
{
    shape_governed_f_batch(c, rows, awards, outcomes);
}
void shape_governed_detail(calc *c, size_t rows, dgs_fen_t *awards, int32_t *outcomes, int32_t *bindings,
                           int32_t *reasons)
{
    shape_governed_f_detail(c, rows, awards, outcomes, bindings, reasons);
}
void shape_ratio_of_sum_capped(calc *c) { shape_ratio_of_sum_capped_f(c); }
void shape_ratio_of_sum_capped_batch(calc *c, size_t rows, dgs_fen_t *awards, int32_t *outcomes)
{
    shape_ratio_of_sum_capped_f_batch(c, rows, awards, outcomes);
}
void shape_ratio_of_sum_capped_detail(calc *c, size_t rows, dgs_fen_t *awards, int32_t *outcomes, int32_t *bindings,
                                      int32_t *reasons)
{
    shape_ratio_of_sum_capped_f_detail(c, rows, awards, outcomes, bindings, reasons);
}
void shape_ceiling(calc *c) { shape_ceiling_f(c); }
void shape_ceiling_batch(calc *c, size_t rows, dgs_fen_t *awards, int32_t *outcomes)
{
    shape_ceiling_f_batch(c, rows, awards, outcomes);
}
void shape_ceiling_detail(calc *c, size_t rows, dgs_fen_t *awards, int32_t *outcomes, int32_t *bindings,
                          int32_t *reasons)
{
    shape_ceiling_f_detail(c, rows, awards, outcomes, bindings, reasons);
}
void shape_tier(calc *c) { shape_tier_f(c); }
void shape_tier_batch(calc *c, size_t rows, dgs_fen_t *awards, int32_t *outcomes)
{
    shape_tier_f_batch(c, rows, awards, outcomes);
}
void shape_tier_detail(calc *c, size_t rows, dgs_fen_t *awards, int32_t *outcomes, int32_t *bindings,
                       int32_t *reasons)
{
    shape_tier_f_detail(c, rows, awards, outcomes, bindings, reasons);
}
void shape_ratio_capped(calc *c) { shape_ratio_capped_f(c); }
void shape_ratio_capped_batch(calc *c, size_t rows, dgs_fen_t *awards, int32_t *outcomes)
{
    shape_ratio_capped_f_batch(c, rows, awards, outcomes);
}
void shape_ratio_capped_detail(calc *c, size_t rows, dgs_fen_t *awards, int32_t *outcomes, int32_t *bindings,
                               int32_t *reasons)
{
    shape_ratio_capped_f_detail(c, rows, awards, outcomes, bindings, reasons);
}

/* The spec of an item that restates several measures holds only the input
 * that chooses among them: the engine computes it through the one chosen
 * (engine_through(), engine_branch()), so this formula never decides an amount. */
FORMULA(shape_restated_f)
{
    c->outcome = DGS_OUTCOME_NOT_COMPUTABLE;
    c->why = WHY_QUALITATIVE;
}
void shape_restated(calc *c) { shape_restated_f(c); }
void shape_restated_batch(calc *c, size_t rows, dgs_fen_t *awards, int32_t *outcomes)
{
    shape_restated_f_batch(c, rows, awards, outcomes);
}
void shape_restated_detail(calc *c, size_t rows, dgs_fen_t *awards, int32_t *outcomes, int32_t *bindings,
                           int32_t *reasons)
{
    shape_restated_f_detail(c, rows, awards, outcomes, bindings, reasons);
}

const input_def dgs_in_assessed[1] = {IN_ASSESSED};
const param_def dgs_p_unset_cap[1] = {
    P_UNSET_MONEY("cap", "yuan", "奖励金额（文件未规定，由实施细则或申报指南规定）",
                  "amount of the award (not stated; set by the implementing rules or guideline)"),
};
