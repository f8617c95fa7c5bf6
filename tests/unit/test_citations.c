/* SPDX-License-Identifier: MulanPSL-2.0 */
/*
 * Every trace step cites where its clause stands (附件N（X）, 实施意见（X）) and,
 * where it has one, the clause's own phrase: in the text (〔附件1第七条：每年最高
 * 贴息 150 万元〕) and in the JSON (`location`, `reference`), for every measure
 * that computes, an item restating another citing the clause it computes
 * through.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <jansson.h>

#include "measure_helpers.h"

/* The citation of a location, worked from the catalogue's wording. */
static const struct {
    const char *id, *cite;
} CITES[] = {
    {"A1.07.a", "附件1第七条"},   {"A1.17.a", "附件1第十七条"},   {"A2.01.a", "附件2第一条"},
    {"A4.02.1.a", "附件4第二条（一）"}, {"A4.02.2.a", "附件4第二条（二）"}, {"OP.19.a", "实施意见第十九条"},
    {"A5.09.b", "附件5第九条"},   {"A3.08.b", "附件3第八条"},
};

static const char *expected_location(const char *id)
{
    for (size_t i = 0; i < sizeof CITES / sizeof CITES[0]; i++)
        if (strcmp(CITES[i].id, id) == 0)
            return CITES[i].cite;
    return NULL;
}

static void a1_07_a_cites_its_clause(void **state)
{
    (void)state;
    dgs_result *r = evaluate(rs, "A1.07.a", DATE, {"financed_amount", "28000000"}, {"interest_paid", "1500000"});
    char *text = NULL;
    assert_int_equal(dgs_result_render(r, DGS_FORMAT_TEXT, DGS_LANG_ZH, &text, NULL), DGS_OK);
    /* the yearly cap: its own figure, the amount after it, where it stands and its words */
    assert_non_null(strstr(text, "1,500,000.00 元 → 1,400,000.00 元　〔附件1第七条：每年最高贴息 150 万元〕"));
    /* a step with no phrase of its own (a cap set by an input) still says where it stands */
    assert_non_null(strstr(text, "不超过企业实际发生利息：1,500,000.00 元 → 1,400,000.00 元　〔附件1第七条〕"));
    dgs_free(text);
    dgs_result_free(r);
}

static void every_step_of_every_measure_cites_its_clause(void **state)
{
    (void)state;
    size_t steps = 0, measures = 0, checked = 0;
    for (size_t i = 0; i < dgs_ruleset_measure_count(rs); i++) {
        const dgs_measure *m = dgs_ruleset_measure_at(rs, i);
        int kind = dgs_measure_kind(m);
        if (kind == DGS_KIND_QUALITATIVE || kind == DGS_KIND_GOVERNED_ELSEWHERE)
            continue;
        dgs_result *r = evaluate_filled(m, DATE);
        const dgs_measure *via = dgs_ruleset_find(rs, dgs_result_computed_by(r));
        assert_non_null(via);
        const char *where = expected_location(dgs_measure_id(via));
        char *json = NULL, *text = NULL;
        assert_int_equal(dgs_result_render(r, DGS_FORMAT_JSON, DGS_LANG_ZH, &json, NULL), DGS_OK);
        assert_int_equal(dgs_result_render(r, DGS_FORMAT_TEXT, DGS_LANG_ZH, &text, NULL), DGS_OK);
        json_t *o = json_loads(json, 0, NULL);
        assert_non_null(o);
        json_t *array = json_object_get(o, "steps");
        for (size_t k = 0; k < json_array_size(array); k++) {
            json_t *st = json_array_get(array, k);
            const char *loc = json_string_value(json_object_get(st, "location"));
            const char *ref = json_string_value(json_object_get(st, "reference"));
            /* 第…条, of the attachment or the opinion the clause stands in */
            if (!loc || !strstr(loc, "第") || !strstr(loc, "条") ||
                strncmp(loc, dgs_measure_location(via), strcspn(dgs_measure_location(via), " ")) != 0)
                fail_msg("%s step %zu: location '%s' for '%s'", dgs_measure_id(m), k, loc ? loc : "(none)",
                         dgs_measure_location(via));
            if (where && strcmp(loc, where) != 0)
                fail_msg("%s step %zu: location '%s', expected '%s'", dgs_measure_id(m), k, loc, where);
            if (where)
                checked++;
            char cite[512];
            snprintf(cite, sizeof cite, *ref ? "〔%s：%s〕" : "〔%s〕", loc, ref);
            if (!strstr(text, cite))
                fail_msg("%s step %zu: the text does not cite %s", dgs_measure_id(m), k, cite);
            steps++;
        }
        measures += json_array_size(array) > 0;
        json_decref(o);
        dgs_free(json);
        dgs_free(text);
        dgs_result_free(r);
    }
    print_message("%zu steps of %zu measures cite their clause\n", steps, measures);
    assert_true(measures >= 100);
    assert_true(checked >= 20);   /* the worked citations were met */
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(a1_07_a_cites_its_clause),
        cmocka_unit_test(every_step_of_every_measure_cites_its_clause),
    };
    return cmocka_run_group_tests_name("citations", tests, setup_ruleset, teardown_ruleset);
}
