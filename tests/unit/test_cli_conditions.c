/* SPDX-License-Identifier: MulanPSL-2.0 */
/* The command-line tool and eligibility conditions. */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "../tools/dgsubsidy/cli.h"
#include "cli_capture.h"

static char out_text[1 << 20], err_text[4096];

/* Runs the tool with the given arguments; fills out_text and err_text. */
static int run(const char *first, ...)
{
    char *argv[64];
    int argc = 0;
    va_list ap;
    argv[argc++] = (char *)"dgsubsidy";
    va_start(ap, first);
    for (const char *a = first; a; a = va_arg(ap, const char *))
        argv[argc++] = strdup(a);
    va_end(ap);
    FILE *out = capture_file(), *err = capture_file();
    int rc = dgs_cli_run(argc, argv, out, err);
    rewind(out), rewind(err);
    size_t n = fread(out_text, 1, sizeof out_text - 1, out);
    out_text[n] = '\0';
    n = fread(err_text, 1, sizeof err_text - 1, err);
    err_text[n] = '\0';
    fclose(out), fclose(err);
    for (int i = 1; i < argc; i++)
        free(argv[i]);
    return rc;
}

/* The command line and conditions: `show` lists them, `eval` takes
 * condition.<id>=true|false and says what was assumed. */
static void show_lists_conditions(void **state)
{
    (void)state;
    assert_int_equal(run("show", "A1.07.a", NULL), 0);
    assert_non_null(strstr(out_text, "direct_lease"));
    assert_non_null(strstr(out_text, "〔融资租赁直租方式〕"));
    assert_int_equal(run("show", "A1.07.a", "--json", NULL), 0);
    assert_non_null(strstr(out_text, "\"conditions\": ["));
    assert_non_null(strstr(out_text, "\"id\": \"production_equipment\""));
    assert_non_null(strstr(out_text, "\"phrase\": \"生产型设备\""));
    assert_int_equal(run("show", "A4.10.a", "--lang", "en", NULL), 0);
    assert_non_null(strstr(out_text, "amount set by: "));
    assert_int_equal(run("show", "A4.10.a", "--json", NULL), 0);
    assert_non_null(strstr(out_text, "\"governed_by\": \"外资大项目奖补政策\""));
}

static void eval_takes_conditions(void **state)
{
    (void)state;
    assert_int_equal(run("eval", "A1.07.a", "financed_amount=28000000", "interest_paid=1200000", "--date",
                         "2025-03-01", NULL), 0);
    assert_non_null(strstr(out_text, "1,200,000.00"));
    assert_non_null(strstr(out_text, "假定满足：倍增企业；直租方式；生产型设备"));
    assert_int_equal(run("eval", "A1.07.a", "financed_amount=28000000", "interest_paid=1200000",
                         "condition.direct_lease=false", "--date", "2025-03-01", "--json", NULL), 0);
    assert_non_null(strstr(out_text, "\"outcome\": \"ineligible\""));
    assert_non_null(strstr(out_text, "\"status\": \"not_met\""));
    assert_non_null(strstr(out_text, "融资租赁直租方式"));
    assert_int_equal(run("eval", "A1.07.a", "financed_amount=28000000", "interest_paid=1200000",
                         "condition.direct_leas=false", "--date", "2025-03-01", NULL), 2);
    assert_non_null(strstr(err_text, "conditions: doubling_enterprise, direct_lease, production_equipment"));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(show_lists_conditions),
        cmocka_unit_test(eval_takes_conditions),
    };
    return cmocka_run_group_tests_name("command line: conditions", tests, NULL, NULL);
}
