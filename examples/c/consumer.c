/* SPDX-License-Identifier: MulanPSL-2.0 */
/* A minimal program using the installed library: evaluates A1.07.a and
 * prints the explanation.  Build it with
 *   cc consumer.c $(pkg-config --cflags --libs dgsubsidy)
 * or with CMake: find_package(dgsubsidy CONFIG) and dgsubsidy::dgsubsidy. */
#include <stdio.h>

#include <dgsubsidy/dgsubsidy.h>

int main(void)
{
    dgs_ruleset *rs = NULL;
    dgs_case *c = NULL;
    dgs_result *r = NULL;
    dgs_error err = {0};
    char *text = NULL;
    int rc = 1;

    if (dgs_ruleset_builtin(&rs, &err) || dgs_case_new(dgs_ruleset_find(rs, "A1.07.a"), &c, &err) ||
        dgs_case_set_date(c, "2025-03-01", &err) ||
        dgs_case_set_text(c, "financed_amount", "28000000", &err) ||
        dgs_case_set_text(c, "interest_paid", "1200000", &err) || dgs_evaluate(c, &r, &err) ||
        dgs_result_render(r, DGS_FORMAT_TEXT, DGS_LANG_EN, &text, &err)) {
        fprintf(stderr, "%s: %s\n", dgs_status_name(err.code), err.message);
        goto done;
    }
    fputs(text, stdout);
    rc = dgs_result_award(r) == 120000000 ? 0 : 1;   /* 1,200,000.00 yuan */
done:
    dgs_free(text);
    dgs_result_free(r);
    dgs_case_free(c);
    dgs_ruleset_free(rs);
    return rc;
}
