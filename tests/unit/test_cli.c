/* The command-line tool: each command, its output and its exit codes
 * (0 for any outcome; 2 with one line on stderr for bad usage or input). */
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
    FILE *out = tmpfile(), *err = tmpfile();
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

static int count_lines(const char *s)
{
    int n = 0;
    for (; *s; s++)
        n += *s == '\n';
    return n;
}

static void list_shows_every_measure(void **state)
{
    (void)state;
    assert_int_equal(run("list", NULL), 0);
    assert_int_equal(count_lines(out_text), 202);
    assert_non_null(strstr(out_text, "A1.07.a"));
    assert_int_equal(run("list", "--kind", "formula", "--lang", "en", NULL), 0);
    assert_int_equal(count_lines(out_text), 22);
    assert_int_equal(run("list", "--kind", "nonsense", NULL), 2);
    assert_non_null(strstr(err_text, "unknown kind"));
    assert_int_equal(count_lines(err_text), 1);
}

static void show_prints_metadata(void **state)
{
    (void)state;
    assert_int_equal(run("show", "A4.02.1.a", NULL), 0);
    assert_non_null(strstr(out_text, "booth_area"));
    assert_non_null(strstr(out_text, "最高支持每平方米1500元"));
    assert_int_equal(run("show", "A4.02.1.a", "--json", NULL), 0);
    assert_non_null(strstr(out_text, "\"cap_per_m2\""));
    assert_non_null(strstr(out_text, "\"1500.00\""));
    assert_int_equal(run("show", "Z.1", NULL), 2);
    assert_non_null(strstr(err_text, "unknown measure 'Z.1'"));
}

static void eval_computes_and_explains(void **state)
{
    (void)state;
    /* 5% × 2800万 = 140万 < 150万; interest 120万 binds. */
    assert_int_equal(run("eval", "A1.07.a", "financed_amount=28000000", "interest_paid=1200000", "--date", "2025-03-01",
                         "--json", NULL), 0);
    assert_non_null(strstr(out_text, "\"award\": \"1200000.00\""));
    assert_non_null(strstr(out_text, "\"award_fen\": 120000000"));
    assert_non_null(strstr(out_text, "\"binding\": \"interest_paid\""));
    assert_non_null(strstr(out_text, "\"outcome\": \"granted\""));
    assert_non_null(strstr(out_text, "\"date\": \"2025-03-01\""));
    assert_int_equal(run("eval", "A1.07.a", "financed_amount=28000000", "interest_paid=1200000", "--date", "2025-03-01",
                         "--lang", "en", NULL), 0);
    assert_non_null(strstr(out_text, "CNY 1,200,000.00"));
    /* Any outcome exits 0. */
    assert_int_equal(run("eval", "OP.01.b", "--date", "2025-03-01", NULL), 0);
    assert_non_null(strstr(out_text, "未规定金额"));
    assert_int_equal(run("eval", "A3.05.a", "--date", "2030-01-01", "--json", NULL), 0);
    assert_non_null(strstr(out_text, "not_in_force"));
}

static void eval_refuses_bad_input(void **state)
{
    (void)state;
    assert_int_equal(run("eval", "A1.07.a", "financed_amount=-5", "interest_paid=1", "--date", "2025-03-01", NULL), 2);
    assert_non_null(strstr(err_text, "negative"));
    assert_int_equal(count_lines(err_text), 1);
    assert_int_equal(run("eval", "A1.07.a", "financed_amount=1.234", "interest_paid=1", "--date", "2025-03-01", NULL), 2);
    assert_non_null(strstr(err_text, "two decimals"));
    assert_int_equal(run("eval", "A1.07.a", "financed=1", "--date", "2025-03-01", NULL), 2);
    assert_non_null(strstr(err_text, "no input 'financed'"));
    assert_int_equal(run("eval", "A1.07.a", "financed_amount", "--date", "2025-03-01", NULL), 2);
    assert_non_null(strstr(err_text, "name=value"));
    assert_int_equal(run("eval", "A1.07.a", "financed_amount=1", "--date", "2025-03-01", NULL), 2);
    assert_non_null(strstr(err_text, "interest_paid"));
    assert_int_equal(run("eval", "A1.07.a", "--date", "2025-02-29", NULL), 2);
    assert_non_null(strstr(err_text, "2025-02-29"));
    assert_int_equal(run("eval", "A1.07.a", "--lang", "fr", NULL), 2);
    assert_int_equal(run("eval", "A1.07.a", "--date", NULL), 2);
    assert_int_equal(run("eval", NULL), 2);
    assert_int_equal(run("frobnicate", NULL), 2);
    assert_non_null(strstr(err_text, "unknown command"));
    assert_int_equal(run(NULL), 2);
    assert_int_equal(run("--help", NULL), 0);
    assert_int_equal(run("--version", NULL), 0);
    assert_non_null(strstr(out_text, "1.1.0"));
}

static void guideline_option(void **state)
{
    (void)state;
    /* The example guideline limits counted financing to 2000万 from 2025-07-01: 5% × 2000万 = 100万. */
    assert_int_equal(run("eval", "A1.07.a", "financed_amount=36000000", "interest_paid=2000000", "--date", "2025-08-01",
                         "--guideline", DGS_SOURCE_DIR "/examples/guidelines/2025-doubling-enterprises.json", "--json", NULL), 0);
    assert_non_null(strstr(out_text, "\"award\": \"1000000.00\""));
    assert_int_equal(run("show", "OP.06.b", "--date", "2025-08-01",
                         "--guideline", DGS_SOURCE_DIR "/examples/guidelines/2025-doubling-enterprises.json", NULL), 0);
    assert_non_null(strstr(out_text, "3%"));
    assert_int_equal(run("list", "--guideline", "/nonexistent.json", NULL), 2);
    assert_non_null(strstr(err_text, "/nonexistent.json"));
}

static void stack_and_allocate(void **state)
{
    (void)state;
    assert_int_equal(run("stack", DGS_SOURCE_DIR "/examples/applications/precision-machinery.json", "--json", NULL), 0);
    /* A1.19.a 300万 tops up the 50万 already paid under A1.19.b: 250万. */
    assert_non_null(strstr(out_text, "\"decision\": \"top_up\""));
    assert_non_null(strstr(out_text, "\"paid\": \"2500000.00\""));
    assert_int_equal(run("stack", "/nonexistent.json", NULL), 2);
    assert_int_equal(run("allocate", "--budget", "100", "100", "100", "100", NULL), 0);
    assert_non_null(strstr(out_text, "1,100.00,33.34"));
    assert_non_null(strstr(out_text, "3,100.00,33.33"));
    assert_int_equal(run("allocate", "--budget", "100", "--method", "first-come", "60", "60", NULL), 0);
    assert_non_null(strstr(out_text, "2,60.00,40.00"));
    assert_int_equal(run("allocate", "--budget", "-1", "5", NULL), 2);
    assert_int_equal(run("allocate", "--budget", "100", "--method", "lottery", "5", NULL), 2);
}

static void batch_reads_csv(void **state)
{
    (void)state;
    char path[] = "/tmp/dgs_batch_XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    FILE *f = fdopen(fd, "w");
    fputs("booth_area,build_cost\n17.99,10000\n18,60000\n36,120000\n", f);
    fclose(f);
    assert_int_equal(run("batch", "A4.02.1.a", "--input", path, "--date", "2025-05-01", NULL), 0);
    assert_non_null(strstr(out_text, "1,ineligible,0.00"));
    assert_non_null(strstr(out_text, "2,granted,27000.00"));
    assert_non_null(strstr(out_text, "3,granted,54000.00"));
    f = fopen(path, "w");
    fputs("booth_area,cost\n18,1\n", f);
    fclose(f);
    assert_int_equal(run("batch", "A4.02.1.a", "--input", path, NULL), 2);
    assert_non_null(strstr(err_text, "'cost'"));
    remove(path);
}

static void catalog_matches_the_committed_file(void **state)
{
    (void)state;
    assert_int_equal(run("catalog", "--format", "markdown", NULL), 0);
    FILE *f = fopen(DGS_SOURCE_DIR "/docs/measures.md", "rb");
    assert_non_null(f);
    static char committed[1 << 20];
    size_t n = fread(committed, 1, sizeof committed - 1, f);
    committed[n] = '\0';
    fclose(f);
    if (strcmp(committed, out_text) != 0)
        fail_msg("docs/measures.md differs from `dgsubsidy catalog --format markdown`: regenerate it");
    assert_int_equal(run("catalog", NULL), 2);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(list_shows_every_measure),
        cmocka_unit_test(show_prints_metadata),
        cmocka_unit_test(eval_computes_and_explains),
        cmocka_unit_test(eval_refuses_bad_input),
        cmocka_unit_test(guideline_option),
        cmocka_unit_test(stack_and_allocate),
        cmocka_unit_test(batch_reads_csv),
        cmocka_unit_test(catalog_matches_the_committed_file),
    };
    return cmocka_run_group_tests_name("cli", tests, NULL, NULL);
}
