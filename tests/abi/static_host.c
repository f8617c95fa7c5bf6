/* SPDX-License-Identifier: MulanPSL-2.0 */
/* A host program that defines functions whose names the library uses
 * internally.  It links against libdgsubsidy.a only because the archive
 * keeps those names local; the build failing is the test failing. */
#include <stdio.h>
#include <string.h>

#include "dgsubsidy/dgsubsidy.h"

int change_cmp(const void *a, const void *b);
void sb_printf(const char *text);
int param_value_parse(void);
int ruleset_derive(void);
int engine_prepare(void);
int result_explain(void);

int change_cmp(const void *a, const void *b) { return a == b ? 0 : 1; }
void sb_printf(const char *text) { (void)text; }
int param_value_parse(void) { return 7; }
int ruleset_derive(void) { return 8; }
int engine_prepare(void) { return 9; }
int result_explain(void) { return 10; }

int main(void)
{
    dgs_ruleset *rs;
    if (dgs_ruleset_builtin(&rs, NULL) != DGS_OK)
        return 1;
    /* The host's own functions are the ones called. */
    int ok = param_value_parse() == 7 && ruleset_derive() == 8 && engine_prepare() == 9 &&
             result_explain() == 10 && change_cmp(rs, rs) == 0 && dgs_ruleset_measure_count(rs) > 0;
    dgs_ruleset_free(rs);
    puts(ok ? "ok" : "FAIL");
    return ok ? 0 : 1;
}
