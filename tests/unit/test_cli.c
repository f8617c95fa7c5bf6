/* SPDX-License-Identifier: MulanPSL-2.0 */
/* The command-line tool: each command, its output and its exit codes
 * (0 for any outcome; 1 when a file cannot be opened, read or written; 2
 * with one line on stderr for bad usage or input).  A real process (a closed
 * stdout) is tested by tests/cli/process.sh. */
#include <setjmp.h>
#include <stdarg.h>
#include <errno.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#ifdef _WIN32
#include <direct.h>
#else
#include <fcntl.h>
#include <unistd.h>
#endif

#include <cmocka.h>
#include <jansson.h>

#include "../tools/dgsubsidy/cli.h"
#include "cli_capture.h"

static char out_text[1 << 22], err_text[1 << 16];

static int vrun(FILE *given_out, const char *first, va_list ap)
{
    char *argv[64];
    int argc = 0;
    argv[argc++] = (char *)"dgsubsidy";
    for (const char *a = first; a; a = va_arg(ap, const char *))
        argv[argc++] = strdup(a);
    FILE *out = given_out ? given_out : capture_file(), *err = capture_file();
    int rc = dgs_cli_run(argc, argv, out, err);
    out_text[0] = '\0';
    if (!given_out) {
        rewind(out);
        size_t n = fread(out_text, 1, sizeof out_text - 1, out);
        out_text[n] = '\0';
        fclose(out);
    }
    rewind(err);
    size_t n = fread(err_text, 1, sizeof err_text - 1, err);
    err_text[n] = '\0';
    fclose(err);
    for (int i = 1; i < argc; i++)
        free(argv[i]);
    return rc;
}

/* Runs the tool with the given arguments; fills out_text and err_text. */
static int run(const char *first, ...)
{
    va_list ap;
    va_start(ap, first);
    int rc = vrun(NULL, first, ap);
    va_end(ap);
    return rc;
}

/* Runs the tool with its output going to `out` (e.g. /dev/full). */
static int run_to(FILE *out, const char *first, ...)
{
    va_list ap;
    va_start(ap, first);
    int rc = vrun(out, first, ap);
    va_end(ap);
    return rc;
}

static int count_lines(const char *s)
{
    int n = 0;
    for (; *s; s++)
        n += *s == '\n';
    return n;
}

static char tmpdir[64];

static const char *tmp_path(const char *name)
{
    static char paths[8][256];
    static int next;
    char *p = paths[next++ % 8];
    snprintf(p, sizeof paths[0], "%s/%s", tmpdir, name);
    return p;
}

/* Writes `len` bytes (or strlen) to a file in the test's directory. */
static const char *write_file(const char *name, const char *content, size_t len)
{
    const char *p = tmp_path(name);
    FILE *f = fopen(p, "wb");
    assert_non_null(f);
    fwrite(content, 1, len ? len : strlen(content), f);
    fclose(f);
    return p;
}

#ifdef _WIN32
/* Windows (tests run under wine): a directory in the build tree, left in place. */
static int setup(void **state)
{
    (void)state;
    snprintf(tmpdir, sizeof tmpdir, "%s", "test_cli_files");
    return _mkdir(tmpdir) == 0 || errno == EEXIST ? 0 : -1;
}

static int teardown(void **state)
{
    (void)state;
    return 0;
}
#else
static int setup(void **state)
{
    (void)state;
    snprintf(tmpdir, sizeof tmpdir, "/tmp/dgs_cli_XXXXXX");
    return mkdtemp(tmpdir) ? 0 : -1;
}

static int teardown(void **state)
{
    (void)state;
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", tmpdir);
    return system(cmd) == 0 ? 0 : -1;
}
#endif

#define EXAMPLES DGS_SOURCE_DIR "/examples"
#define GUIDELINE EXAMPLES "/guidelines/2025-doubling-enterprises.json"

/* ---- the commands ------------------------------------------------------------ */

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
    /* --json: an array of every measure, valid JSON. */
    assert_int_equal(run("list", "--json", NULL), 0);
    json_error_t je;
    json_t *arr = json_loads(out_text, 0, &je);
    assert_non_null(arr);
    assert_int_equal(json_array_size(arr), 202);
    bool found = false;
    for (size_t i = 0; i < json_array_size(arr); i++)
        found |= strcmp(json_string_value(json_object_get(json_array_get(arr, i), "id")), "A1.07.a") == 0 &&
                 strcmp(json_string_value(json_object_get(json_array_get(arr, i), "kind")), "formula") == 0;
    assert_true(found);
    json_decref(arr);
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
    assert_string_equal(err_text, "");
    assert_int_equal(run("eval", "A1.07.a", "financed_amount=28000000", "interest_paid=1200000", "--date=2025-03-01",
                         "--lang", "en", NULL), 0);
    assert_non_null(strstr(out_text, "CNY 1,200,000.00"));
    /* Any outcome exits 0. */
    assert_int_equal(run("eval", "OP.01.b", "--date", "2025-03-01", NULL), 0);
    assert_non_null(strstr(out_text, "未规定金额"));
    assert_int_equal(run("eval", "A3.05.a", "--date", "2030-01-01", "--json", NULL), 0);
    assert_non_null(strstr(out_text, "not_in_force"));
    /* date= is the date too: a date outside the policy's window. */
    assert_int_equal(run("eval", "A3.05.a", "date=2030-01-01", "--json", NULL), 0);
    assert_non_null(strstr(out_text, "not_in_force"));
    assert_string_equal(err_text, "");
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
    assert_int_equal(run("--version", NULL), 0);
    assert_non_null(strstr(out_text, "1.1.0"));
}

/* Before: the last of two values silently won. */
static void repeated_options_and_inputs_are_errors(void **state)
{
    (void)state;
    assert_int_equal(run("eval", "A1.07.a", "financed_amount=28000000", "interest_paid=1", "interest_paid=1200000",
                         "--date", "2025-03-01", NULL), 2);
    assert_non_null(strstr(err_text, "input 'interest_paid' is given twice"));
    assert_int_equal(count_lines(err_text), 1);
    assert_string_equal(out_text, "");
    assert_int_equal(run("eval", "A3.05.a", "date=2030-01-01", "--date", "2025-03-01", NULL), 2);
    assert_non_null(strstr(err_text, "the date is given twice"));
    assert_int_equal(run("eval", "A3.05.a", "--date", "2025-03-01", "date=2030-01-01", NULL), 2);
    assert_non_null(strstr(err_text, "the date is given twice"));
    assert_int_equal(run("eval", "A3.05.a", "date=2025-03-01", "date=2030-01-01", NULL), 2);
    assert_non_null(strstr(err_text, "given twice"));
    assert_int_equal(run("allocate", "--budget", "100", "--budget", "200", "5", NULL), 2);
    assert_non_null(strstr(err_text, "--budget is given twice"));
    assert_int_equal(run("eval", "A3.05.a", "--date", "2025-03-01", "--date=2025-03-02", NULL), 2);
    assert_non_null(strstr(err_text, "--date is given twice"));
    assert_int_equal(run("list", "--json", "--json", NULL), 2);
    assert_int_equal(run("list", "--lang", "en", "--lang", "zh", NULL), 2);
}

/* Before: --json and the rest were silently ignored where they mean nothing. */
static void options_a_command_does_not_take_are_errors(void **state)
{
    (void)state;
    assert_int_equal(run("catalog", "--format", "markdown", "--json", NULL), 2);
    assert_non_null(strstr(err_text, "catalog does not take --json"));
    assert_int_equal(count_lines(err_text), 1);
    assert_int_equal(run("list", "--budget", "5", NULL), 2);
    assert_non_null(strstr(err_text, "list does not take --budget"));
    assert_int_equal(run("allocate", "--budget", "100", "--guideline", GUIDELINE, "5", NULL), 2);
    assert_int_equal(run("stack", EXAMPLES "/applications/new-materials.json", "--date", "2025-01-01", NULL), 2);
    assert_int_equal(run("eval", "A1.07.a", "--input", "x.csv", NULL), 2);
    assert_int_equal(run("show", "A1.07.a", "--id", "x", NULL), 2);
    assert_int_equal(run("list", "--frobnicate", NULL), 2);
    assert_non_null(strstr(err_text, "unknown option '--frobnicate'"));
    assert_int_equal(run("list", "--json=yes", NULL), 2);
    assert_int_equal(run("list", "extra", NULL), 2);
    assert_int_equal(run("catalog", "--format", "markdown", "extra", NULL), 2);
}

static void help_for_the_tool_and_every_command(void **state)
{
    (void)state;
    static const char *const cmds[] = {"list", "show", "eval", "batch", "compare", "stack", "allocate", "catalog"};
    assert_int_equal(run("--help", NULL), 0);
    for (size_t i = 0; i < sizeof cmds / sizeof *cmds; i++) {
        char usage[64];
        snprintf(usage, sizeof usage, "dgsubsidy %s", cmds[i]);
        assert_non_null(strstr(out_text, usage));
    }
    assert_non_null(strstr(out_text, "Exit status"));
    assert_string_equal(err_text, "");
    for (size_t i = 0; i < sizeof cmds / sizeof *cmds; i++) {
        char usage[64];
        snprintf(usage, sizeof usage, "usage: dgsubsidy %s", cmds[i]);
        assert_int_equal(run(cmds[i], "--help", NULL), 0);
        assert_true(strncmp(out_text, usage, strlen(usage)) == 0);
        assert_non_null(strstr(out_text, "Exit status: 0 success"));
        assert_non_null(strstr(out_text, "1 a file could not be opened"));
        assert_non_null(strstr(out_text, "2 bad usage or bad"));
        assert_string_equal(err_text, "");
        /* --help wins over the rest of the line; `help CMD` says the same. */
        static char first[1 << 16];
        size_t len = strlen(out_text);
        assert_true(len < sizeof first);
        memcpy(first, out_text, len + 1);
        assert_int_equal(run(cmds[i], "whatever", "--help", NULL), 0);
        assert_string_equal(out_text, first);
        assert_int_equal(run("help", cmds[i], NULL), 0);
        assert_string_equal(out_text, first);
    }
    assert_int_equal(run("help", "nonsense", NULL), 2);
}

/* The date used when none was given is said on stderr, never on stdout. */
static void eval_and_batch_state_the_default_date(void **state)
{
    (void)state;
    assert_int_equal(run("eval", "A4.02.1.a", "booth_area=36", "build_cost=120000", "--json", NULL), 0);
    assert_non_null(strstr(err_text, "no --date given: evaluated at today's date, "));
    assert_int_equal(count_lines(err_text), 1);
    json_t *j = json_loads(out_text, 0, NULL);
    assert_non_null(j);
    assert_non_null(strstr(err_text, json_string_value(json_object_get(j, "date"))));
    json_decref(j);
    const char *csv = write_file("today.csv", "booth_area,build_cost\n36,120000\n", 0);
    assert_int_equal(run("batch", "A4.02.1.a", "--input", csv, NULL), 0);
    assert_non_null(strstr(err_text, "no --date given: every row is evaluated at today's date"));
    assert_true(strncmp(out_text, "row,line,outcome", 16) == 0);
    assert_int_equal(run("batch", "A4.02.1.a", "--input", csv, "--date", "2025-05-01", NULL), 0);
    assert_string_equal(err_text, "");
}

static void guideline_option(void **state)
{
    (void)state;
    /* The example guideline limits counted financing to 2000万 from 2025-07-01: 5% × 2000万 = 100万. */
    assert_int_equal(run("eval", "A1.07.a", "financed_amount=36000000", "interest_paid=2000000", "--date", "2025-08-01",
                         "--guideline", GUIDELINE, "--json", NULL), 0);
    assert_non_null(strstr(out_text, "\"award\": \"1000000.00\""));
    assert_int_equal(run("show", "OP.06.b", "--date", "2025-08-01", "--guideline", GUIDELINE, NULL), 0);
    assert_non_null(strstr(out_text, "3%"));
    /* A guideline saved with a BOM reads the same. */
    FILE *g = fopen(GUIDELINE, "rb");
    static char text[1 << 16];
    strcpy(text, "\xEF\xBB\xBF");
    size_t n = fread(text + 3, 1, sizeof text - 4, g);
    fclose(g);
    const char *bom = write_file("bom-guideline.json", text, n + 3);
    assert_int_equal(run("eval", "A1.07.a", "financed_amount=36000000", "interest_paid=2000000", "--date", "2025-08-01",
                         "--guideline", bom, "--json", NULL), 0);
    assert_non_null(strstr(out_text, "\"award\": \"1000000.00\""));
    /* A guideline that cannot be opened is an I/O failure; a malformed one bad input. */
    assert_int_equal(run("list", "--guideline", "/nonexistent.json", NULL), 1);
    assert_non_null(strstr(err_text, "/nonexistent.json"));
    assert_int_equal(count_lines(err_text), 1);
    const char *bad = write_file("bad-guideline.json", "{\"changes\": [{\"parameter\": \"nope\"}]}", 0);
    assert_int_equal(run("list", "--guideline", bad, NULL), 2);
    assert_int_equal(count_lines(err_text), 1);
}

static void stack_and_allocate(void **state)
{
    (void)state;
    assert_int_equal(run("stack", EXAMPLES "/applications/precision-machinery.json", "--json", NULL), 0);
    /* A1.19.a 300万 tops up the 50万 already paid under A1.19.b: 250万. */
    assert_non_null(strstr(out_text, "\"decision\": \"top_up\""));
    assert_non_null(strstr(out_text, "\"paid\": \"2500000.00\""));
    assert_int_equal(run("stack", "/nonexistent.json", NULL), 1);
    assert_int_equal(run("allocate", "--budget", "100", "100", "100", "100", NULL), 0);
    assert_non_null(strstr(out_text, "1,100.00,33.34"));
    assert_non_null(strstr(out_text, "3,100.00,33.33"));
    assert_int_equal(run("allocate", "--budget", "100", "--method", "first-come", "60", "60", NULL), 0);
    assert_non_null(strstr(out_text, "2,60.00,40.00"));
    assert_int_equal(run("allocate", "--budget", "-1", "5", NULL), 2);
    assert_int_equal(run("allocate", "--budget", "100", "--method", "lottery", "5", NULL), 2);
    /* --json: the shares sum to the budget. */
    assert_int_equal(run("allocate", "--budget", "100", "100", "100", "100", "--json", NULL), 0);
    json_t *j = json_loads(out_text, 0, NULL);
    assert_non_null(j);
    assert_string_equal(json_string_value(json_object_get(j, "allocated")), "100.00");
    assert_int_equal(json_integer_value(json_object_get(json_array_get(json_object_get(j, "claims"), 0), "allocated_fen")),
                     3334);
    json_decref(j);
    /* Claims from a file: CRLF read; an empty line is refused with its line, not skipped. */
    const char *claims = write_file("claims.txt", "100\r\n100\r\n100\r\n", 0);
    assert_int_equal(run("allocate", "--budget", "100", "--input", claims, NULL), 0);
    assert_non_null(strstr(out_text, "3,100.00,33.33"));
    claims = write_file("claims-gap.txt", "100\n\n100\n", 0);
    assert_int_equal(run("allocate", "--budget", "100", "--input", claims, NULL), 2);
    assert_non_null(strstr(err_text, "claims-gap.txt:2: an empty line"));
    assert_int_equal(run("allocate", "--budget", "100", "--input", claims, "5", NULL), 2);
    assert_non_null(strstr(err_text, "not both"));
    claims = write_file("claims-bad.txt", "100\n1,200\n", 0);
    assert_int_equal(run("allocate", "--budget", "100", "--input", claims, NULL), 2);
    assert_non_null(strstr(err_text, "claims-bad.txt:2:"));
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

/* ---- checked I/O: every command --------------------------------------------- */

/* Every command's output to a full device: exit 1 and one line, where the
 * tool used to report success. */
static void output_that_cannot_be_written_is_a_failure(void **state)
{
    (void)state;
#ifdef _WIN32
    skip(); /* no /dev/full; tests/cli/process.sh covers the program on Linux */
#endif
    const char *csv = write_file("full.csv", "booth_area,build_cost\n36,120000\n18,60000\n", 0);
    /* Enough rows to fill stdio's buffer many times over. */
    const char *big = tmp_path("big.csv");
    FILE *f = fopen(big, "w");
    fputs("booth_area,build_cost\n", f);
    for (int i = 0; i < 20000; i++)
        fprintf(f, "%d,%d\n", 18 + i % 30, 60000 + i);
    fclose(f);
    const char *runs[][12] = {
        {"list", NULL},
        {"list", "--json", NULL},
        {"show", "A1.07.a", NULL},
        {"show", "A1.07.a", "--json", NULL},
        {"eval", "A1.07.a", "financed_amount=28000000", "interest_paid=1200000", "--date", "2025-03-01", NULL},
        {"eval", "A1.07.a", "financed_amount=28000000", "interest_paid=1200000", "--date", "2025-03-01", "--json", NULL},
        {"batch", "A4.02.1.a", "--input", csv, "--date", "2025-05-01", NULL},
        {"batch", "A4.02.1.a", "--input", big, "--date", "2025-05-01", NULL},
        {"batch", "A4.02.1.a", "--input", big, "--date", "2025-05-01", "--json", NULL},
        {"compare", "--guideline", GUIDELINE, "--input", csv, "--measures", "A4.02.1.a", "--date", "2025-05-01", NULL},
        {"compare", "--guideline", GUIDELINE, "--input", big, "--measures", "A4.02.1.a", "--date", "2025-05-01", NULL},
        {"compare", "--guideline", GUIDELINE, "--input", big, "--measures", "A4.02.1.a", "--date", "2025-05-01", "--json",
         NULL},
        {"stack", EXAMPLES "/applications/precision-machinery.json", NULL},
        {"stack", EXAMPLES "/applications/precision-machinery.json", "--json", NULL},
        {"allocate", "--budget", "100", "60", "60", NULL},
        {"allocate", "--budget", "100", "60", "60", "--json", NULL},
        {"catalog", "--format", "markdown", NULL},
        {"--help", NULL},
        {"eval", "--help", NULL},
        {"--version", NULL},
    };
    for (size_t i = 0; i < sizeof runs / sizeof *runs; i++) {
        FILE *full = fopen("/dev/full", "w");
        assert_non_null(full);
        const char *const *a = runs[i];
        int rc = run_to(full, a[0], a[1], a[2], a[3], a[4], a[5], a[6], a[7], a[8], a[9], a[10], a[11]);
        fclose(full);
        if (rc != 1 || count_lines(err_text) != 1 || !strstr(err_text, "cannot write the output"))
            fail_msg("%s %s: exit %d, stderr '%s'", a[0], a[1] ? a[1] : "", rc, err_text);
    }
}

/* An input that cannot be opened or read: exit 1, one line naming it.  What
 * is not a regular file is refused (exit 2) without waiting or reading
 * forever. */
static void unreadable_inputs(void **state)
{
    (void)state;
    const char *missing = tmp_path("missing");
    assert_int_equal(run("list", "--guideline", missing, NULL), 1);
    assert_non_null(strstr(err_text, "missing: cannot be opened"));
    assert_int_equal(count_lines(err_text), 1);
    assert_int_equal(run("show", "A1.07.a", "--guideline", missing, NULL), 1);
    assert_int_equal(run("eval", "A1.07.a", "--guideline", missing, NULL), 1);
    assert_int_equal(run("catalog", "--format", "markdown", "--guideline", missing, NULL), 1);
    assert_int_equal(run("batch", "A1.07.a", "--input", missing, "--date", "2025-03-01", NULL), 1);
    assert_int_equal(count_lines(err_text), 1);
    assert_int_equal(run("compare", "--guideline", GUIDELINE, "--input", missing, "--measures", "A1.07.a", "--date",
                         "2025-03-01", NULL), 1);
    assert_non_null(strstr(err_text, "missing: cannot be opened"));
    assert_int_equal(count_lines(err_text), 1);
    assert_int_equal(run("compare", "--guideline", missing, "--input", GUIDELINE, "--measures", "A1.07.a", "--date",
                         "2025-03-01", NULL), 1);
    assert_int_equal(count_lines(err_text), 1);
    assert_int_equal(run("stack", missing, NULL), 1);
    assert_int_equal(count_lines(err_text), 1);
    assert_int_equal(run("allocate", "--budget", "5", "--input", missing, NULL), 1);
    assert_int_equal(count_lines(err_text), 1);

#ifndef _WIN32
    const char *fifo = tmp_path("fifo");
    assert_int_equal(mkfifo(fifo, 0600), 0);
    const char *specials[] = {fifo, "/dev/zero", tmpdir};
    for (size_t i = 0; i < 3; i++) {
        assert_int_equal(run("stack", specials[i], NULL), 2);
        assert_non_null(strstr(err_text, "not a regular file"));
        assert_int_equal(run("batch", "A1.07.a", "--input", specials[i], "--date", "2025-03-01", NULL), 2);
        assert_non_null(strstr(err_text, "not a regular file"));
        assert_int_equal(run("allocate", "--budget", "5", "--input", specials[i], NULL), 2);
        assert_int_equal(run("compare", "--guideline", GUIDELINE, "--input", specials[i], "--measures", "A1.07.a",
                             "--date", "2025-03-01", NULL), 2);
        assert_non_null(strstr(err_text, "not a regular file"));
        assert_int_equal(run("list", "--guideline", specials[i], NULL), 2);
        assert_int_equal(count_lines(err_text), 1);
    }
    /* Over the stated size (a sparse file: nothing is written). */
    const char *huge = tmp_path("huge.json");
    int fd = open(huge, O_WRONLY | O_CREAT | O_TRUNC, 0600);
    assert_true(fd >= 0);
    assert_int_equal(ftruncate(fd, 65 * 1024 * 1024), 0);
    close(fd);
    assert_int_equal(run("stack", huge, NULL), 2);
    assert_non_null(strstr(err_text, "larger than 64 MiB"));
    assert_int_equal(run("list", "--guideline", huge, NULL), 2);
    assert_non_null(strstr(err_text, "larger than 64 MiB"));
#else
    /* A directory is not a regular file. */
    assert_int_equal(run("stack", tmpdir, NULL), 2);
    assert_non_null(strstr(err_text, "not a regular file"));
    assert_int_equal(run("batch", "A1.07.a", "--input", tmpdir, "--date", "2025-03-01", NULL), 2);
#endif
}

/* ---- batch: real CSV ----------------------------------------------------------- */

static void batch_reads_csv(void **state)
{
    (void)state;
    const char *path = write_file("b.csv", "booth_area,build_cost\n17.99,10000\n18,60000\n36,120000\n", 0);
    assert_int_equal(run("batch", "A4.02.1.a", "--input", path, "--date", "2025-05-01", NULL), 0);
    assert_string_equal(out_text, "row,line,outcome,award,unit,paid,binding,error\n"
                                  "1,2,ineligible,0.00,yuan,0.00,,\n"
                                  "2,3,granted,27000.00,yuan,27000.00,cap_per_m2,\n"
                                  "3,4,granted,54000.00,yuan,54000.00,cap_per_m2,\n");
    /* Columns by name, in any order. */
    path = write_file("b2.csv", "build_cost,booth_area\n120000,36\n", 0);
    assert_int_equal(run("batch", "A4.02.1.a", "--input", path, "--date", "2025-05-01", NULL), 0);
    assert_non_null(strstr(out_text, "1,2,granted,54000.00,"));
    path = write_file("b3.csv", "booth_area,cost\n18,1\n", 0);
    assert_int_equal(run("batch", "A4.02.1.a", "--input", path, NULL), 2);
    assert_non_null(strstr(err_text, "column 'cost' is not an input of A4.02.1.a (inputs: booth_area, build_cost"));
    assert_non_null(strstr(err_text, "--id"));
    assert_int_equal(count_lines(err_text), 1);
    path = write_file("b4.csv", "booth_area,build_cost,booth_area\n18,1,18\n", 0);
    assert_int_equal(run("batch", "A4.02.1.a", "--input", path, NULL), 2);
    assert_non_null(strstr(err_text, "appears twice"));
    path = write_file("b5.csv", "booth_area\n18\n", 0);
    assert_int_equal(run("batch", "A4.02.1.a", "--input", path, NULL), 2);
    assert_non_null(strstr(err_text, "no column 'build_cost', a required input"));
    path = write_file("b6.csv", "", 0);
    assert_int_equal(run("batch", "A4.02.1.a", "--input", path, NULL), 2);
    assert_non_null(strstr(err_text, "empty"));
}

/* A BOM, CRLF, quoted fields with commas, quotes and line breaks: as Excel saves. */
static void batch_reads_rfc4180(void **state)
{
    (void)state;
    const char *path = write_file("excel.csv",
                                  "\xEF\xBB\xBF"
                                  "企业,booth_area,build_cost\r\n"
                                  "\"东莞某公司, 展位A\",36,\"120000\"\r\n"
                                  "\"He said \"\"hi\"\"\",18,60000\r\n"
                                  "\"two\r\nlines\",36,120000\r\n"
                                  "last,18,60000",
                                  0);
    assert_int_equal(run("batch", "A4.02.1.a", "--input", path, "--date", "2025-05-01", "--id", "企业", NULL), 0);
    assert_string_equal(out_text, "企业,row,line,outcome,award,unit,paid,binding,error\n"
                                  "\"东莞某公司, 展位A\",1,2,granted,54000.00,yuan,54000.00,cap_per_m2,\n"
                                  "\"He said \"\"hi\"\"\",2,3,granted,27000.00,yuan,27000.00,cap_per_m2,\n"
                                  "\"two\r\nlines\",3,4,granted,54000.00,yuan,54000.00,cap_per_m2,\n"
                                  "last,4,6,granted,27000.00,yuan,27000.00,cap_per_m2,\n");
    assert_string_equal(err_text, "");
    /* A lone CR ends a line too (old spreadsheets). */
    path = write_file("cr.csv", "booth_area,build_cost\r36,120000\r18,60000\r", 0);
    assert_int_equal(run("batch", "A4.02.1.a", "--input", path, "--date", "2025-05-01", NULL), 0);
    assert_non_null(strstr(out_text, "2,3,granted,27000.00"));
    /* Broken structure stops with the line: the rows after cannot be told apart. */
    path = write_file("open.csv", "booth_area,build_cost\n36,120000\n\"36,120000\n18,1\n", 0);
    assert_int_equal(run("batch", "A4.02.1.a", "--input", path, "--date", "2025-05-01", NULL), 2);
    assert_non_null(strstr(err_text, "open.csv:3: not valid CSV: a quoted field opened on this line is never closed"));
    path = write_file("after.csv", "booth_area,build_cost\n\"36\"x,120000\n", 0);
    assert_int_equal(run("batch", "A4.02.1.a", "--input", path, "--date", "2025-05-01", NULL), 2);
    assert_non_null(strstr(err_text, "after.csv:2: not valid CSV: text after the closing quote"));
    path = write_file("mid.csv", "booth_area,build_cost\n3\"6,120000\n", 0);
    assert_int_equal(run("batch", "A4.02.1.a", "--input", path, "--date", "2025-05-01", NULL), 2);
    assert_non_null(strstr(err_text, "mid.csv:2: not valid CSV: a quote inside unquoted field 1"));
    /* Excel in a Chinese locale saves CSV in GBK: a GBK header is named, not misread. */
    path = write_file("gbk.csv", "\xC6\xF3\xD2\xB5,booth_area,build_cost\n1,36,120000\n", 0); /* 企业 in GBK */
    assert_int_equal(run("batch", "A4.02.1.a", "--input", path, "--date", "2025-05-01", NULL), 2);
    assert_non_null(strstr(err_text, "column 1 is not UTF-8"));
    /* A cell that is not UTF-8: the row is invalid and the JSON Lines stay valid JSON. */
    path = write_file("latin1.csv", "tier\nnational\nnation\xE4l\n", 0);
    assert_int_equal(run("batch", "A5.03.a", "--input", path, "--date", "2025-05-01", "--json", NULL), 2);
    assert_int_equal(count_lines(out_text), 2);
    json_t *j = json_loads(strchr(out_text, '\n') + 1, 0, NULL);
    assert_non_null(j);
    assert_string_equal(json_string_value(json_object_get(j, "outcome")), "invalid");
    json_decref(j);
    /* Excel's "Unicode Text" is UTF-16: named, not misread. */
    path = write_file("utf16.csv", "\xFF\xFE" "b\0o\0", 6);
    assert_int_equal(run("batch", "A4.02.1.a", "--input", path, "--date", "2025-05-01", NULL), 2);
    assert_non_null(strstr(err_text, "UTF-16"));
    path = write_file("nul-byte.csv", "booth_area,build_cost\n36,12\0" "0000\n", 30);
    assert_int_equal(run("batch", "A4.02.1.a", "--input", path, "--date", "2025-05-01", NULL), 2);
    assert_non_null(strstr(err_text, "NUL"));
}

/* The misreadings of the old reader, each now an invalid row with its line;
 * the rows around it are still evaluated and numbered as in the file. */
static void batch_never_misreads_or_drops_a_row(void **state)
{
    (void)state;
    const char *path = write_file("bad.csv",
                                  "financed_amount,interest_paid\n"
                                  "28000000,1200000\n"       /* line 2: granted 1,200,000 */
                                  "28000000,1,200,000\n"     /* line 3: 4 fields (was read as interest 1) */
                                  "\n"                       /* line 4: empty (was dropped) */
                                  ",\n"                      /* line 5: only empty cells (was dropped) */
                                  "28000000,\"1,200,000\"\n" /* line 6: malformed number */
                                  "\" 28000000\",1200000\n"  /* line 7: a space, refused as eval refuses it */
                                  "28000000,1200000.001\n"   /* line 8: three decimals */
                                  "28000000\n"               /* line 9: 1 field */
                                  "36000000,1620000\n",      /* line 10: 5% of at most 3000万 counted: 1,500,000 */
                                  0);
    assert_int_equal(run("batch", "A1.07.a", "--input", path, "--date", "2025-03-01", NULL), 2);
    assert_int_equal(count_lines(out_text), 10);
    assert_non_null(strstr(out_text, "1,2,granted,1200000.00,yuan,1200000.00,interest_paid,\n"));
    assert_non_null(strstr(out_text, "2,3,invalid,,,,,\"4 fields, the header has 2\"\n"));
    assert_non_null(strstr(out_text, "3,4,invalid,,,,,an empty row\n"));
    assert_non_null(strstr(out_text, "4,5,invalid,,,,,an empty row\n"));
    assert_non_null(strstr(out_text, "5,6,invalid,,,,,\"A1.07.a.interest_paid: '1,200,000'"));
    assert_non_null(strstr(out_text, "6,7,invalid,,,,,A1.07.a.financed_amount: ' 28000000'"));
    assert_non_null(strstr(out_text, "7,8,invalid,,,,,"));
    assert_non_null(strstr(out_text, "8,9,invalid,,,,,\"1 fields, the header has 2\"\n"));
    assert_non_null(strstr(out_text, "9,10,granted,1500000.00,yuan,"));
    assert_non_null(strstr(err_text, "bad.csv:3: row 2: 4 fields, the header has 2\n"));
    assert_non_null(strstr(err_text, "bad.csv:4: row 3: an empty row\n"));
    assert_non_null(strstr(err_text, "bad.csv: 7 invalid rows, the first on line 3"));
    /* A count too large for int64 is refused, not clamped (strtoll gave INT64_MAX). */
    path = write_file("count.csv", "deal_value,interest_paid,subsidy_year\n80000000,2400000,1\n"
                                   "80000000,2400000,99999999999999999999\n80000000,2400000,\" 5\"\n", 0);
    assert_int_equal(run("batch", "A1.06.a", "--input", path, "--date", "2025-03-01", NULL), 2);
    assert_non_null(strstr(out_text, "1,2,granted,"));
    assert_non_null(strstr(out_text, "2,3,invalid,,,,,"));
    assert_non_null(strstr(out_text, "3,4,invalid,,,,,"));
    assert_non_null(strstr(err_text, "99999999999999999999"));
    /* Eval refuses the same cells. */
    assert_int_equal(run("eval", "A1.06.a", "deal_value=80000000", "interest_paid=2400000",
                         "subsidy_year=99999999999999999999", "--date", "2025-03-01", NULL), 2);
    assert_int_equal(run("eval", "A1.06.a", "deal_value=80000000", "interest_paid=2400000", "subsidy_year= 5", "--date",
                         "2025-03-01", NULL), 2);
    /* More than the first ten invalid rows: one summary line, every row still written. */
    static char many[1 << 16];
    strcpy(many, "booth_area,build_cost\n");
    for (int i = 0; i < 25; i++)
        strcat(many, i % 2 ? "36,120000\n" : "-1,120000\n");
    path = write_file("many.csv", many, 0);
    assert_int_equal(run("batch", "A4.02.1.a", "--input", path, "--date", "2025-05-01", NULL), 2);
    assert_int_equal(count_lines(out_text), 26);
    assert_non_null(strstr(err_text, "3 more invalid rows"));
    assert_non_null(strstr(err_text, "13 invalid rows, the first on line 2"));
    assert_int_equal(count_lines(err_text), 12);
}

static void batch_id_and_date_columns(void **state)
{
    (void)state;
    const char *path = write_file("id.csv", "booth_area,applicant,build_cost\n36,E1,120000\n18,E2,60000\n", 0);
    assert_int_equal(run("batch", "A4.02.1.a", "--input", path, "--date", "2025-05-01", "--id", "applicant", NULL), 0);
    assert_string_equal(out_text, "applicant,row,line,outcome,award,unit,paid,binding,error\n"
                                  "E1,1,2,granted,54000.00,yuan,54000.00,cap_per_m2,\n"
                                  "E2,2,3,granted,27000.00,yuan,27000.00,cap_per_m2,\n");
    assert_int_equal(run("batch", "A4.02.1.a", "--input", path, "--date", "2025-05-01", "--id", "enterprise", NULL), 2);
    assert_non_null(strstr(err_text, "no column 'enterprise' (--id)"));
    /* An input is not an id (it would stop being read as an input), nor an output column's name. */
    assert_int_equal(run("batch", "A4.02.1.a", "--input", path, "--date", "2025-05-01", "--id", "build_cost", NULL), 2);
    assert_non_null(strstr(err_text, "that is an input of A4.02.1.a"));
    assert_int_equal(run("batch", "A4.02.1.a", "--input", path, "--date", "2025-05-01", "--id", "award", NULL), 2);
    assert_int_equal(run("batch", "A4.02.1.a", "--input", path, "--date", "2025-05-01", "--id", "date", NULL), 2);
    /* JSON Lines: one object per row, the id under its column's name. */
    assert_int_equal(run("batch", "A4.02.1.a", "--input", path, "--date", "2025-05-01", "--id", "applicant", "--json", NULL), 0);
    assert_int_equal(count_lines(out_text), 2);
    json_t *j = json_loadb(out_text, (size_t)(strchr(out_text, '\n') - out_text), 0, NULL);
    assert_non_null(j);
    assert_string_equal(json_string_value(json_object_get(j, "applicant")), "E1");
    assert_string_equal(json_string_value(json_object_get(j, "award")), "54000.00");
    assert_int_equal(json_integer_value(json_object_get(j, "award_fen")), 5400000);
    assert_true(json_is_null(json_object_get(j, "error")));
    json_decref(j);
    /* A date per row; a date column with --date is the date given twice. */
    path = write_file("date.csv", "date,booth_area,build_cost\n2025-05-01,36,120000\n2030-01-01,36,120000\n,36,120000\n"
                                  "2025-02-29,36,120000\n", 0);
    assert_int_equal(run("batch", "A4.02.1.a", "--input", path, NULL), 2);
    assert_non_null(strstr(out_text, "1,2,granted,54000.00"));
    assert_non_null(strstr(out_text, "2,3,not_in_force,"));
    assert_non_null(strstr(out_text, "3,4,invalid,"));
    assert_non_null(strstr(out_text, "4,5,invalid,"));
    assert_null(strstr(err_text, "today"));
    assert_int_equal(run("batch", "A4.02.1.a", "--input", path, "--date", "2025-05-01", NULL), 2);
    assert_non_null(strstr(err_text, "the date is given twice"));
    assert_string_equal(out_text, "");
}

/* A ceiling is not a payment: the award column shows it, the paid column does not pay it.
 * OP.01.a (获认定为纺织服装创意设计园区、国家级工业设计中心的，给予最高 100 万元奖励): without
 * the department's assessed amount the row is up to 100万, paid 0; with 80万 assessed, 80万 paid. */
static void batch_pays_no_ceiling(void **state)
{
    (void)state;
    const char *path = write_file("ceiling-batch.csv", "recognition,assessed\ncreative_design_park,\n"
                                                       "national_design_centre,800000\n", 0);
    assert_int_equal(run("batch", "OP.01.a", "--input", path, "--date", "2025-03-01", NULL), 0);
    assert_string_equal(out_text, "row,line,outcome,award,unit,paid,binding,error\n"
                                  "1,2,up_to,1000000.00,yuan,0.00,cap,\n"
                                  "2,3,granted,800000.00,yuan,800000.00,assessed,\n");
    assert_int_equal(run("batch", "OP.01.a", "--input", path, "--date", "2025-03-01", "--json", NULL), 0);
    json_t *j = json_loadb(out_text, (size_t)(strchr(out_text, '\n') - out_text), 0, NULL);
    assert_non_null(j);
    assert_string_equal(json_string_value(json_object_get(j, "outcome")), "up_to");
    assert_int_equal(json_integer_value(json_object_get(j, "award_fen")), 100000000);
    assert_string_equal(json_string_value(json_object_get(j, "paid")), "0.00");
    assert_int_equal(json_integer_value(json_object_get(j, "paid_fen")), 0);
    json_decref(j);
    /* The output's own column names are not ids. */
    assert_int_equal(run("batch", "OP.01.a", "--input", path, "--date", "2025-03-01", "--id", "paid", NULL), 2);
    assert_non_null(strstr(err_text, "is a column of the output"));
}

/* Amounts in their unit; eligibility conditions as columns, as eval takes condition.<id>=. */
static void batch_units_and_condition_columns(void **state)
{
    (void)state;
    /* A1.16.a: a quota of school places, not money ("0.12" yuan was the old misreading). */
    const char *path = write_file("quota.csv", "base_quota\n6\n", 0);
    assert_int_equal(run("batch", "A1.16.a", "--input", path, "--date", "2025-03-01", NULL), 0);
    assert_non_null(strstr(out_text, "1,2,granted,12,places,12,"));
    path = write_file("cond.csv", "financed_amount,interest_paid,condition.doubling_enterprise\n"
                                  "28000000,1200000,false\n28000000,1200000,true\n28000000,1200000,\n28000000,1200000,maybe\n", 0);
    assert_int_equal(run("batch", "A1.07.a", "--input", path, "--date", "2025-03-01", NULL), 2);
    assert_non_null(strstr(out_text, "1,2,ineligible,0.00,yuan,"));
    assert_non_null(strstr(out_text, "2,3,granted,1200000.00,yuan,1200000.00,interest_paid,"));
    assert_non_null(strstr(out_text, "3,4,granted,1200000.00,yuan,1200000.00,interest_paid,")); /* not declared: assumed */
    assert_non_null(strstr(out_text, "4,5,invalid,"));
    path = write_file("nocond.csv", "financed_amount,interest_paid,condition.nope\n1,1,true\n", 0);
    assert_int_equal(run("batch", "A1.07.a", "--input", path, "--date", "2025-03-01", NULL), 2);
    assert_non_null(strstr(err_text, "A1.07.a has no condition 'nope'"));
}

/* pandas' default df.to_csv() writes its index as an unnamed first column. */
static void batch_refuses_an_unnamed_column(void **state)
{
    (void)state;
    const char *path = write_file("pandas.csv", ",booth_area,build_cost\n0,36,120000\n1,18,60000\n", 0);
    assert_int_equal(run("batch", "A4.02.1.a", "--input", path, "--date", "2025-05-01", NULL), 2);
    assert_non_null(strstr(err_text, "column 1 has no name"));
    assert_non_null(strstr(err_text, "index=False"));
    assert_int_equal(count_lines(err_text), 1);
    assert_string_equal(out_text, "");
    path = write_file("gap.csv", "booth_area,,build_cost\n36,,120000\n", 0);
    assert_int_equal(run("batch", "A4.02.1.a", "--input", path, "--date", "2025-05-01", NULL), 2);
    assert_non_null(strstr(err_text, "column 2 has no name"));
}

/* Random rows through `eval` and `batch`: the same outcome and amount, or
 * both refuse the row. */
static void batch_agrees_with_eval(void **state)
{
    (void)state;
    static const struct {
        const char *measure;
        const char *inputs[4];
        int kind[4]; /* 0 money, 1 area, 2 count, 3 flag, 4 choice */
    } ms[] = {
        {"A1.07.a", {"financed_amount", "interest_paid"}, {0, 0}},
        {"A4.02.1.a", {"booth_area", "build_cost"}, {1, 0}},
        {"A4.03.b", {"exhibition_area", "days", "certified"}, {1, 2, 3}},
        {"A5.03.a", {"tier", "assessed"}, {4, 0}},
        {"A1.06.a", {"deal_value", "interest_paid", "subsidy_year"}, {0, 0, 2}},
    };
    static const char *const odd[] = {"-1", "1.234", " 5", "5 ", "1e3", "abc", "99999999999999999999", "0x10", "+5",
                                      "1,000", "", "0", "00012", "92233720368547758.07", "true", "2"};
    srand(20261202);
    char cell[4][160], line[512];
    for (size_t mi = 0; mi < sizeof ms / sizeof *ms; mi++) {
        size_t nin = 0;
        while (nin < 4 && ms[mi].inputs[nin])
            nin++;
        static char rows[200][4][64];
        const char *path = tmp_path("diff.csv");
        FILE *f = fopen(path, "w");
        for (size_t k = 0; k < nin; k++)
            fprintf(f, "%s%s", k ? "," : "", ms[mi].inputs[k]);
        fputc('\n', f);
        for (int r = 0; r < 200; r++) {
            for (size_t k = 0; k < nin; k++) {
                int roll = rand() % 20;
                if (roll == 0) {
                    snprintf(rows[r][k], 64, "%s", odd[rand() % (int)(sizeof odd / sizeof *odd)]);
                } else {
                    switch (ms[mi].kind[k]) {
                    case 0:
                        snprintf(rows[r][k], 64, "%d.%02d", rand() % 60000000, rand() % 100);
                        break;
                    case 1:
                        snprintf(rows[r][k], 64, "%d.%d", rand() % 60000, rand() % 10);
                        break;
                    case 2:
                        snprintf(rows[r][k], 64, "%d", rand() % 6);
                        break;
                    case 3:
                        snprintf(rows[r][k], 64, "%s", rand() % 2 ? "true" : "false");
                        break;
                    default:
                        snprintf(rows[r][k], 64, "%s", rand() % 2 ? "national" : "provincial");
                    }
                }
                /* Quote every cell that needs it. */
                if (strpbrk(rows[r][k], ",\" "))
                    fprintf(f, "%s\"%s\"", k ? "," : "", rows[r][k]);
                else
                    fprintf(f, "%s%s", k ? "," : "", rows[r][k]);
            }
            fputc('\n', f);
        }
        fclose(f);
        int brc = run("batch", ms[mi].measure, "--input", path, "--date", "2025-06-01", NULL);
        assert_true(brc == 0 || brc == 2);
        static char batch_out[1 << 20];
        strcpy(batch_out, out_text);
        char *p = strchr(batch_out, '\n');
        assert_non_null(p); /* the header */
        p++;
        for (int r = 0; r < 200; r++) {
            char *nl = strchr(p, '\n');
            assert_non_null(nl);
            *nl = '\0';
            char outcome[32] = "", award[64] = "";
            /* row,line,outcome,award,... */
            sscanf(p, "%*[^,],%*[^,],%31[^,],%63[^,]", outcome, award);
            for (size_t k = 0; k < nin; k++)
                snprintf(cell[k], sizeof cell[k], "%.60s=%.63s", ms[mi].inputs[k], rows[r][k]);
            /* An empty cell is an input not given, as omitting name=value. */
            const char *args[4] = {NULL, NULL, NULL, NULL};
            size_t na = 0;
            for (size_t k = 0; k < nin; k++)
                if (rows[r][k][0])
                    args[na++] = cell[k];
            int erc = run("eval", ms[mi].measure, "--date", "2025-06-01", "--json", na > 0 ? args[0] : NULL,
                          na > 1 ? args[1] : NULL, na > 2 ? args[2] : NULL, NULL);
            bool all_empty = na == 0;
            if (strcmp(outcome, "invalid") == 0) {
                if (erc != 2 && !all_empty)
                    fail_msg("%s row %d (%s): batch invalid, eval exit %d", ms[mi].measure, r + 1, p, erc);
            } else {
                assert_false(all_empty);
                if (erc != 0)
                    fail_msg("%s row %d (%s): batch %s, eval exit %d: %s", ms[mi].measure, r + 1, p, outcome, erc,
                             err_text);
                json_t *j = json_loads(out_text, 0, NULL);
                assert_non_null(j);
                snprintf(line, sizeof line, "%s", json_string_value(json_object_get(j, "award")));
                if (strcmp(json_string_value(json_object_get(j, "outcome")), outcome) != 0 || strcmp(line, award) != 0)
                    fail_msg("%s row %d (%s): batch %s %s, eval %s %s", ms[mi].measure, r + 1, p, outcome, award,
                             json_string_value(json_object_get(j, "outcome")), line);
                json_decref(j);
            }
            p = nl + 1;
        }
    }
}

/* ---- stack: strict application files ------------------------------------------- */

static const char *app(const char *name, const char *json) { return write_file(name, json, 0); }

static void stack_refuses_what_it_does_not_understand(void **state)
{
    (void)state;
    /* A misspelt already_granted was ignored: 820,000 paid instead of 520,000. */
    const char *p = app("typo.json", "{\n"
                                     "  \"date\": \"2025-09-15\",\n"
                                     "  \"claims\": [\n"
                                     "    {\"measure\": \"A2.07.a\", \"inputs\": {\"rent_paid\": \"820000.00\"},\n"
                                     "     \"alredy_granted\": \"300000.00\"}\n"
                                     "  ]\n"
                                     "}\n");
    assert_int_equal(run("stack", p, NULL), 2);
    assert_non_null(strstr(err_text, "typo.json:5: claim 1: unknown key 'alredy_granted'"));
    assert_int_equal(count_lines(err_text), 1);
    assert_string_equal(out_text, "");
    /* A date as a number was replaced by today: 3,000,000 granted instead of not_in_force. */
    p = app("numdate.json", "{\"applicant\": \"x\",\n \"date\": 20240101,\n \"claims\": [{\"measure\": \"A1.19.a\", "
                            "\"inputs\": {\"assessed\": \"3000000\"}}]}");
    assert_int_equal(run("stack", p, NULL), 2);
    assert_non_null(strstr(err_text, "numdate.json:2: \"date\" must be a string \"YYYY-MM-DD\", not an integer"));
    p = app("top.json", "{\"date\": \"2025-01-01\", \"claim\": []}");
    assert_int_equal(run("stack", p, NULL), 2);
    assert_non_null(strstr(err_text, "top.json:1: unknown key 'claim'"));
    p = app("noclaims.json", "{\"date\": \"2025-01-01\"}");
    assert_int_equal(run("stack", p, NULL), 2);
    assert_non_null(strstr(err_text, "\"claims\" (a non-empty array of claims) is required"));
    p = app("nomeasure.json", "{\"date\": \"2025-01-01\",\n\"claims\": [\n{\"inputs\": {}}]}");
    assert_int_equal(run("stack", p, NULL), 2);
    assert_non_null(strstr(err_text, "nomeasure.json:3: claim 1: \"measure\" (a measure id) is required"));
    p = app("nodate.json", "{\"claims\": [{\"measure\": \"A1.19.b\"}]}");
    assert_int_equal(run("stack", p, NULL), 2);
    assert_non_null(strstr(err_text, "no date"));
    p = app("real.json", "{\"date\": \"2025-05-01\", \"claims\": [\n {\"measure\": \"A4.02.1.a\", \"inputs\": {\n"
                         "   \"booth_area\": 36.5,\n   \"build_cost\": 120000}}]}");
    assert_int_equal(run("stack", p, NULL), 2);
    assert_non_null(strstr(err_text, "real.json:3: claim 1 (A4.02.1.a): input 'booth_area' is a number with a fraction"));
    p = app("badinput.json", "{\"date\": \"2025-05-01\", \"claims\": [\n {\"measure\": \"A4.02.1.a\", \"inputs\": {\n"
                             "   \"booth_area\": \"36\",\n   \"booth_aera\": 12}}]}");
    assert_int_equal(run("stack", p, NULL), 2);
    assert_non_null(strstr(err_text, "badinput.json:4: claim 1 (A4.02.1.a):"));
    assert_non_null(strstr(err_text, "booth_aera"));
    p = app("wrongtype.json", "{\"date\": \"2025-05-01\", \"claims\": [{\"measure\": \"A4.02.1.a\", \"inputs\": [1]}]}");
    assert_int_equal(run("stack", p, NULL), 2);
    assert_non_null(strstr(err_text, "\"inputs\" must be an object of name: value, not an array"));
    p = app("ag.json", "{\"date\": \"2025-05-01\", \"claims\": [{\"measure\": \"A1.19.b\", \"already_granted\": true}]}");
    assert_int_equal(run("stack", p, NULL), 2);
    assert_non_null(strstr(err_text, "\"already_granted\" must be yuan"));
    p = app("dup.json", "{\"date\": \"2025-05-01\", \"date\": \"2025-05-02\", \"claims\": []}");
    assert_int_equal(run("stack", p, NULL), 2);
    assert_non_null(strstr(err_text, "dup.json:1: malformed JSON: duplicate object key"));
    p = app("unknownmeasure.json", "{\"date\": \"2025-05-01\",\n\"claims\": [{\"measure\": \"A9.99.z\"}]}");
    assert_int_equal(run("stack", p, NULL), 2);
    assert_non_null(strstr(err_text, "unknownmeasure.json:2: claim 1: unknown measure 'A9.99.z'"));
    /* A key written with an escape is still found on its line. */
    p = app("escaped.json", "{\"date\": \"2025-05-01\",\n\"claims\": [{\"measure\": \"A1.19.b\",\n"
                            "\"\\u006fbjekt\": \"P1\"}]}");
    assert_int_equal(run("stack", p, NULL), 2);
    assert_non_null(strstr(err_text, "escaped.json:3: claim 1: unknown key 'objekt'"));
}

static void stack_reads_what_it_should(void **state)
{
    (void)state;
    /* A BOM; an object per claim; a value longer than any fixed buffer (2,000
     * leading zeros) read whole, never cut. */
    static char text[8192];
    char zeros[2001];
    memset(zeros, '0', 2000);
    zeros[2000] = '\0';
    snprintf(text, sizeof text,
             "\xEF\xBB\xBF{\"$schema\": \"../docs/schemas/application.schema.json\", \"date\": \"2025-09-15\",\n"
             " \"claims\": [\n"
             "  {\"measure\": \"A2.07.a\", \"object\": \"P1\", \"inputs\": {\"rent_paid\": \"%s820000.00\"},\n"
             "   \"already_granted\": 300000}]}\n",
             zeros);
    const char *p = app("bom.json", text);
    assert_int_equal(run("stack", p, "--json", NULL), 0);
    json_t *j = json_loads(out_text, 0, NULL);
    assert_non_null(j);
    /* A2.07.a's 820,000 is a ceiling still to be assessed, 300,000 of it already granted:
     * 520,000 up to, nothing paid yet; the object reaches the report. */
    json_t *r0 = json_array_get(json_object_get(j, "results"), 0);
    assert_string_equal(json_string_value(json_object_get(r0, "award")), "820000.00");
    assert_string_equal(json_string_value(json_object_get(r0, "up_to")), "520000.00");
    assert_string_equal(json_string_value(json_object_get(r0, "paid")), "0.00");
    assert_string_equal(json_string_value(json_object_get(r0, "object")), "P1");
    json_decref(j);
    /* Objects: A1.01.a for project P1 (national funds 600万, 1:1 → 600万) and A2.01.d for project
     * P2 (provincial 400万, 1:0.5 → 200万) are different benefits: 800万. For one project: 600万. */
    static const char *const objects[2][2] = {{"P1", "P2"}, {"P1", "P1"}};
    static const char *const totals[2] = {"8000000.00", "6000000.00"};
    for (int k = 0; k < 2; k++) {
        snprintf(text, sizeof text,
                 "{\"date\": \"2025-09-15\", \"claims\": [\n"
                 " {\"measure\": \"A1.01.a\", \"object\": \"%s\", \"inputs\": {\"national_funds\": \"6000000\", "
                 "\"provincial_funds\": \"0\", \"total_investment\": \"60000000\"}},\n"
                 " {\"measure\": \"A2.01.d\", \"object\": \"%s\", \"inputs\": {\"national_funds\": \"0\", "
                 "\"provincial_funds\": \"4000000\"}}]}\n",
                 objects[k][0], objects[k][1]);
        p = app("objects.json", text);
        assert_int_equal(run("stack", p, "--json", NULL), 0);
        json_t *o = json_loads(out_text, 0, NULL);
        assert_non_null(o);
        assert_string_equal(json_string_value(json_object_get(o, "total")), totals[k]);
        json_decref(o);
    }
    /* The date of a claim overrides the file's. */
    p = app("claimdate.json", "{\"date\": \"2025-09-15\", \"claims\": [{\"measure\": \"A1.19.a\", \"date\": \"2030-01-01\", "
                              "\"inputs\": {\"assessed\": \"3000000\"}}]}");
    assert_int_equal(run("stack", p, "--json", NULL), 0);
    assert_non_null(strstr(out_text, "not_in_force"));
    /* Every example file reads. */
    static const char *const examples[] = {"exhibition-organiser", "new-materials", "precision-machinery"};
    for (size_t i = 0; i < 3; i++) {
        char path[256];
        snprintf(path, sizeof path, "%s/applications/%s.json", EXAMPLES, examples[i]);
        assert_int_equal(run("stack", path, NULL), 0);
        assert_int_equal(run("stack", path, "--json", NULL), 0);
        json_t *k = json_loads(out_text, 0, NULL);
        assert_non_null(k);
        assert_non_null(json_object_get(k, "total"));
        json_decref(k);
    }
}

/* ---- compare: a reform against the baseline ------------------------------------ */

/* A guideline that lowers A1.07.a's yearly cap (每年最高贴息 150 万元) to 100万 and supplies
 * OP.06.b's numbers (3% of the financed amount, at most 50万), both from 2025-01-01. */
#define REFORM_GUIDELINE                                                                                        \
    "{\"name\": \"reform\", \"changes\": [\n"                                                                   \
    " {\"measure\": \"A1.07.a\", \"parameter\": \"cap_per_year\", \"value\": \"1000000.00\", \"from\": "         \
    "\"2025-01-01\", \"reference\": \"指南第三条\"},\n"                                                          \
    " {\"measure\": \"OP.06.b\", \"parameter\": \"ratio\", \"value\": \"3%\", \"from\": \"2025-01-01\", "         \
    "\"reference\": \"指南第四条\"},\n"                                                                          \
    " {\"measure\": \"OP.06.b\", \"parameter\": \"cap\", \"value\": \"500000.00\", \"from\": \"2025-01-01\", "    \
    "\"reference\": \"指南第四条\"}]}\n"

/* Worked by hand from 附件1（七） (min(5% × financed counted up to 3000万, 150万, interest), nothing
 * below 500万 counted) and the guideline (cap 100万; OP.06.b 3%, at most 50万; baseline: unspecified). */
static void compare_reform_against_baseline(void **state)
{
    (void)state;
    const char *g = write_file("reform.json", REFORM_GUIDELINE, 0);
    const char *pop = write_file("pop.csv",
                                 "financed_amount,interest_paid\n"
                                 "28000000,1200000\n" /* A1.07.a 5% = 140万, interest 120万 binds; reform cap 100万 */
                                 "10000000,800000\n"  /* 5% = 50万 both; OP.06.b 3% = 30万 */
                                 "36000000,2000000\n" /* 3000万 counted: 150万; reform 100万; OP.06.b 108万 → 50万 */
                                 "4000000,100000\n"   /* under 500万: ineligible both; OP.06.b 3% = 12万 */
                                 "28000000\n"         /* one field: invalid for both measures */
                                 "28000000,abc\n",    /* invalid for A1.07.a only: OP.06.b does not read interest */
                                 0);
    assert_int_equal(run("compare", "--guideline", g, "--input", pop, "--measures", "A1.07.a,OP.06.b", "--date",
                         "2025-03-01", NULL), 2);
    assert_string_equal(out_text,
        "row,line,measure,baseline_outcome,baseline,reform_outcome,reform,difference,binding,error\n"
        "1,2,A1.07.a,granted,1200000.00,granted,1000000.00,-200000.00,cap_per_year,\n"
        "1,2,OP.06.b,unspecified,0.00,granted,500000.00,500000.00,cap,\n"
        "2,3,A1.07.a,granted,500000.00,granted,500000.00,0.00,ratio,\n"
        "2,3,OP.06.b,unspecified,0.00,granted,300000.00,300000.00,ratio,\n"
        "3,4,A1.07.a,granted,1500000.00,granted,1000000.00,-500000.00,cap_per_year,\n"
        "3,4,OP.06.b,unspecified,0.00,granted,500000.00,500000.00,cap,\n"
        "4,5,A1.07.a,ineligible,0.00,ineligible,0.00,0.00,,\n"
        "4,5,OP.06.b,unspecified,0.00,granted,120000.00,120000.00,ratio,\n"
        "5,6,A1.07.a,invalid,,invalid,,,,\"1 fields, the header has 2\"\n"
        "5,6,OP.06.b,invalid,,invalid,,,,\"1 fields, the header has 2\"\n"
        "6,7,A1.07.a,invalid,,invalid,,,,A1.07.a.interest_paid: 'abc' is not an amount of yuan with at most two decimals\n"
        "6,7,OP.06.b,unspecified,0.00,granted,500000.00,500000.00,cap,\n"
        "\n"
        "measure,rows,baseline,reform,difference,gainers,gained,losers,lost,invalid,claims\n"
        /* 120万 + 50万 + 150万 = 320万 against 100万 + 50万 + 100万 = 250万: two losers, 70万 lost.
         * Every row claims both (each gives financed_amount; the short row 5 is taken as a claim). */
        "A1.07.a,4,3200000.00,2500000.00,-700000.00,0,0.00,2,700000.00,2,6\n"
        /* 50万 + 30万 + 50万 + 12万 + 50万 = 192万, all gained. */
        "OP.06.b,5,0.00,1920000.00,1920000.00,5,1920000.00,0,0.00,1,6\n");
    assert_non_null(strstr(err_text, "pop.csv:6: row 5: A1.07.a: 1 fields, the header has 2\n"));
    assert_non_null(strstr(err_text, "pop.csv:7: row 6: A1.07.a: A1.07.a.interest_paid: 'abc'"));
    assert_non_null(strstr(err_text, "pop.csv: 3 invalid rows (counting each measure), the first on line 6"));
    assert_int_equal(count_lines(err_text), 4);

    /* Only the valid rows: exit 0, nothing on stderr; JSON Lines with amounts in fen too. */
    pop = write_file("pop-ok.csv", "applicant,financed_amount,interest_paid\nE1,28000000,1200000\n", 0);
    assert_int_equal(run("compare", "--guideline", g, "--input", pop, "--measures", "A1.07.a", "--date", "2025-03-01",
                         "--id", "applicant", "--json", NULL), 0);
    assert_string_equal(err_text, "");
    assert_int_equal(count_lines(out_text), 2);
    json_t *j = json_loadb(out_text, (size_t)(strchr(out_text, '\n') - out_text), 0, NULL);
    assert_non_null(j);
    assert_string_equal(json_string_value(json_object_get(j, "record")), "row");
    assert_string_equal(json_string_value(json_object_get(j, "applicant")), "E1");
    assert_string_equal(json_string_value(json_object_get(j, "baseline")), "1200000.00");
    assert_int_equal(json_integer_value(json_object_get(j, "reform_fen")), 100000000);
    assert_int_equal(json_integer_value(json_object_get(j, "difference_fen")), -20000000);
    assert_string_equal(json_string_value(json_object_get(j, "difference")), "-200000.00");
    assert_string_equal(json_string_value(json_object_get(j, "binding")), "cap_per_year");
    json_decref(j);
    j = json_loads(strchr(out_text, '\n') + 1, 0, NULL);
    assert_non_null(j);
    assert_string_equal(json_string_value(json_object_get(j, "record")), "summary");
    assert_string_equal(json_string_value(json_object_get(j, "lost")), "200000.00");
    assert_int_equal(json_integer_value(json_object_get(j, "losers")), 1);
    assert_int_equal(json_integer_value(json_object_get(j, "gainers")), 0);
    json_decref(j);

    /* The date matters: before the guideline's 2025-01-01 nothing changes. */
    assert_int_equal(run("compare", "--guideline", g, "--input", pop, "--measures", "A1.07.a", "--date", "2024-06-01",
                         "--id", "applicant", NULL), 0);
    assert_non_null(strstr(out_text, "E1,1,2,A1.07.a,granted,1200000.00,granted,1200000.00,0.00,interest_paid,\n"));
    /* A date column instead of --date. */
    pop = write_file("pop-date.csv", "date,financed_amount,interest_paid\n2024-06-01,28000000,1200000\n"
                                     "2025-06-01,28000000,1200000\n", 0);
    assert_int_equal(run("compare", "--guideline", g, "--input", pop, "--measures", "A1.07.a", NULL), 0);
    assert_non_null(strstr(out_text, "1,2,A1.07.a,granted,1200000.00,granted,1200000.00,0.00,"));
    assert_non_null(strstr(out_text, "2,3,A1.07.a,granted,1200000.00,granted,1000000.00,-200000.00,"));
    assert_non_null(strstr(out_text, "A1.07.a,2,2400000.00,2200000.00,-200000.00,0,0.00,1,200000.00,0,2\n"));
}

/* Only a grant counts: a ceiling still to be assessed (up_to) is 0 in both, never a payment.
 * OP.01.a (获认定为纺织服装创意设计园区、国家级工业设计中心的，给予最高 100 万元奖励): a row
 * that gives the recognition claims it, with or without an assessed amount.  (OP.03.a, whose one
 * input is the assessed amount, cannot show a claim still to be assessed: a row without the
 * amount does not claim it.) */
static void compare_counts_only_grants(void **state)
{
    (void)state;
    /* The ceiling, 100万, lowered to 60万: OP.01.a restates A3.07.b and is computed by its numbers,
     * so the guideline changes A3.07.b's cap. */
    const char *g = write_file("ceiling.json",
                               "{\"name\": \"c\", \"changes\": [{\"measure\": \"A3.07.b\", \"parameter\": \"cap\", "
                               "\"value\": \"600000.00\", \"from\": \"2025-01-01\", \"reference\": \"指南第五条\"}]}",
                               0);
    /* E1 is recognised but has no assessed amount: up to 100万 (baseline) or 60万 (reform), to be
     * assessed.  E4 gives neither input: it does not claim the award. */
    const char *pop = write_file("ceiling.csv",
                                 "applicant,recognition,assessed\nE1,creative_design_park,\n"
                                 "E2,national_design_centre,800000\nE3,creative_design_park,500000\nE4,,\n",
                                 0);
    assert_int_equal(run("compare", "--guideline", g, "--input", pop, "--measures", "OP.01.a", "--date", "2025-03-01",
                         "--id", "applicant", NULL), 0);
    assert_string_equal(out_text,
        "applicant,row,line,measure,baseline_outcome,baseline,reform_outcome,reform,difference,binding,error\n"
        "E1,1,2,OP.01.a,up_to,0.00,up_to,0.00,0.00,cap,\n"
        "E2,2,3,OP.01.a,granted,800000.00,granted,600000.00,-200000.00,cap,\n"
        "E3,3,4,OP.01.a,granted,500000.00,granted,500000.00,0.00,assessed,\n"
        "E4,4,5,OP.01.a,not_claimed,0.00,not_claimed,0.00,0.00,,\n"
        "\n"
        "measure,rows,baseline,reform,difference,gainers,gained,losers,lost,invalid,claims\n"
        "OP.01.a,4,1300000.00,1100000.00,-200000.00,0,0.00,1,200000.00,0,3\n");
}

/* A population of several measures: each enterprise claims the measures whose inputs it gives.
 * A1.07.a (附件1（七）): min(5% × the financed amount counted (500万–3000万), 150万 a year, the
 * interest paid).  A4.09.a (附件4 九): 30% of the premium paid, at most 50万 a year; the guideline
 * raises the 30% to 40%.  Worked by hand:
 *   E1 A1.07.a: 5% × 2800万 = 140万, interest 120万 binds: 120万 in both; gives no premium.
 *   E2 A4.09.a: 30% × 100万 = 30万; 40%: 40万 (+10万); gives nothing of A1.07.a.
 *   E3 A1.07.a: 5% × 2500万 = 125万 (under 150万 and the 200万 interest) in both;
 *      A4.09.a: 30% × 200万 = 60万, capped 50万; 40%: 80万, capped 50万 (no change).
 *   E4 A4.09.a: 30% × 150万 = 45万; 40%: 60万, capped 50万 (+5万).
 *   E5 gives no input at all: claims neither.
 * A1.07.a: 120万 + 125万 = 245万 in both, 2 claims.  A4.09.a: 30万 + 50万 + 45万 = 125万 against
 * 40万 + 50万 + 50万 = 140万: +15万, 2 gainers, 3 claims. */
static void compare_counts_only_claims(void **state)
{
    (void)state;
    const char *g = write_file("eci.json",
                               "{\"name\": \"eci\", \"changes\": [{\"measure\": \"A4.09.a\", \"parameter\": \"ratio\", "
                               "\"value\": \"40%\", \"from\": \"2025-01-01\", \"reference\": \"指南第七条\"}]}",
                               0);
    const char *head = "applicant,financed_amount,interest_paid,premium_paid\n";
    const char *rows = "E1,28000000,1200000,\n"
                       "E2,,,1000000\n"
                       "E3,25000000,2000000,2000000\n"
                       "E4,,,1500000\n"
                       "E5,,,\n";
    char text[512];
    snprintf(text, sizeof text, "%s%s", head, rows);
    const char *pop = write_file("claims.csv", text, 0);
    assert_int_equal(run("compare", "--guideline", g, "--input", pop, "--measures", "A1.07.a,A4.09.a", "--date",
                         "2025-03-01", "--id", "applicant", NULL), 0);
    assert_string_equal(err_text, "");
    assert_string_equal(out_text,
        "applicant,row,line,measure,baseline_outcome,baseline,reform_outcome,reform,difference,binding,error\n"
        "E1,1,2,A1.07.a,granted,1200000.00,granted,1200000.00,0.00,interest_paid,\n"
        "E1,1,2,A4.09.a,not_claimed,0.00,not_claimed,0.00,0.00,,\n"
        "E2,2,3,A1.07.a,not_claimed,0.00,not_claimed,0.00,0.00,,\n"
        "E2,2,3,A4.09.a,granted,300000.00,granted,400000.00,100000.00,ratio,\n"
        "E3,3,4,A1.07.a,granted,1250000.00,granted,1250000.00,0.00,ratio,\n"
        "E3,3,4,A4.09.a,granted,500000.00,granted,500000.00,0.00,cap_per_year,\n"
        "E4,4,5,A1.07.a,not_claimed,0.00,not_claimed,0.00,0.00,,\n"
        "E4,4,5,A4.09.a,granted,450000.00,granted,500000.00,50000.00,cap_per_year,\n"
        "E5,5,6,A1.07.a,not_claimed,0.00,not_claimed,0.00,0.00,,\n"
        "E5,5,6,A4.09.a,not_claimed,0.00,not_claimed,0.00,0.00,,\n"
        "\n"
        "measure,rows,baseline,reform,difference,gainers,gained,losers,lost,invalid,claims\n"
        "A1.07.a,5,2450000.00,2450000.00,0.00,0,0.00,0,0.00,0,2\n"
        "A4.09.a,5,1250000.00,1400000.00,150000.00,2,150000.00,0,0.00,0,3\n");

    /* JSON Lines: an unclaimed row has amounts 0, no binding and no error; the summary counts claims. */
    assert_int_equal(run("compare", "--guideline", g, "--input", pop, "--measures", "A1.07.a,A4.09.a", "--date",
                         "2025-03-01", "--id", "applicant", "--json", NULL), 0);
    json_t *j = json_loadb(out_text, (size_t)(strchr(out_text, '\n') - out_text), 0, NULL); /* E1, A1.07.a */
    assert_non_null(j);
    assert_string_equal(json_string_value(json_object_get(j, "baseline_outcome")), "granted");
    json_decref(j);
    const char *second = strchr(out_text, '\n') + 1; /* E1, A4.09.a */
    j = json_loadb(second, (size_t)(strchr(second, '\n') - second), 0, NULL);
    assert_non_null(j);
    assert_string_equal(json_string_value(json_object_get(j, "baseline_outcome")), "not_claimed");
    assert_string_equal(json_string_value(json_object_get(j, "reform_outcome")), "not_claimed");
    assert_int_equal(json_integer_value(json_object_get(j, "baseline_fen")), 0);
    assert_string_equal(json_string_value(json_object_get(j, "difference")), "0.00");
    assert_string_equal(json_string_value(json_object_get(j, "binding")), "");
    assert_true(json_is_null(json_object_get(j, "error")));
    json_decref(j);
    const char *last = strrchr(out_text, '\n');
    while (last > out_text && last[-1] != '\n')
        last--; /* the last summary: A4.09.a */
    j = json_loads(last, 0, NULL);
    assert_non_null(j);
    assert_string_equal(json_string_value(json_object_get(j, "measure")), "A4.09.a");
    assert_int_equal(json_integer_value(json_object_get(j, "claims")), 3);
    assert_int_equal(json_integer_value(json_object_get(j, "invalid")), 0);
    assert_int_equal(json_integer_value(json_object_get(j, "reform_fen")), 140000000);
    json_decref(j);

    /* E6 gives a financed amount but no interest paid: it claims A1.07.a and that claim is
     * invalid (exit 2); its A4.09.a claim, 30% × 50万 = 15万 → 40%: 20万, is still compared. */
    snprintf(text, sizeof text, "%s%sE6,28000000,,500000\n", head, rows);
    pop = write_file("claims-bad.csv", text, 0);
    assert_int_equal(run("compare", "--guideline", g, "--input", pop, "--measures", "A1.07.a,A4.09.a", "--date",
                         "2025-03-01", "--id", "applicant", NULL), 2);
    assert_non_null(strstr(out_text, "E6,6,7,A1.07.a,invalid,,invalid,,,,"));
    assert_non_null(strstr(out_text, "E6,6,7,A4.09.a,granted,150000.00,granted,200000.00,50000.00,ratio,\n"));
    assert_non_null(strstr(out_text, "\nA1.07.a,5,2450000.00,2450000.00,0.00,0,0.00,0,0.00,1,3\n"));
    assert_non_null(strstr(out_text, "\nA4.09.a,6,1400000.00,1600000.00,200000.00,3,200000.00,0,0.00,0,4\n"));
    assert_non_null(strstr(err_text, "claims-bad.csv:7: row 6: A1.07.a: "));
    assert_non_null(strstr(err_text, "interest_paid"));
    assert_non_null(strstr(err_text, "claims-bad.csv: 1 invalid row (counting each measure), the first on line 7"));

    /* A row whose every field is empty is invalid, as for batch (a row without an applicant is
     * unclaimed only when it names one: E5 above); it is taken as a claim of each measure. */
    snprintf(text, sizeof text, "%s,,,\nE5,,,\n", head);
    pop = write_file("claims-empty.csv", text, 0);
    assert_int_equal(run("compare", "--guideline", g, "--input", pop, "--measures", "A1.07.a,A4.09.a", "--date",
                         "2025-03-01", "--id", "applicant", NULL), 2);
    assert_non_null(strstr(out_text, "\n,1,2,A1.07.a,invalid,,invalid,,,,an empty row\n"));
    assert_non_null(strstr(out_text, "\n,1,2,A4.09.a,invalid,,invalid,,,,an empty row\n"));
    assert_non_null(strstr(out_text, "\nE5,2,3,A4.09.a,not_claimed,0.00,not_claimed,0.00,0.00,,\n"));
    assert_non_null(strstr(out_text, "\nA1.07.a,1,0.00,0.00,0.00,0,0.00,0,0.00,1,1\n"));
    assert_non_null(strstr(out_text, "\nA4.09.a,1,0.00,0.00,0.00,0,0.00,0,0.00,1,1\n"));
}

static void compare_refuses_what_it_cannot_compare(void **state)
{
    (void)state;
    const char *g = write_file("reform2.json", REFORM_GUIDELINE, 0);
    const char *pop = write_file("pop2.csv", "financed_amount,interest_paid\n28000000,1200000\n", 0);
#define COMPARE(...) run("compare", "--guideline", g, "--input", pop, "--date", "2025-03-01", __VA_ARGS__, NULL)
    assert_int_equal(run("compare", "--input", pop, "--measures", "A1.07.a", "--date", "2025-03-01", NULL), 2);
    assert_non_null(strstr(err_text, "compare needs --guideline FILE"));
    assert_int_equal(run("compare", "--guideline", g, "--input", pop, "--date", "2025-03-01", NULL), 2);
    assert_non_null(strstr(err_text, "compare needs --measures"));
    assert_int_equal(run("compare", "--guideline", g, "--measures", "A1.07.a", NULL), 2);
    assert_non_null(strstr(err_text, "compare needs --input"));
    assert_int_equal(COMPARE("--measures", "A9.99.z"), 2);
    assert_non_null(strstr(err_text, "unknown measure 'A9.99.z'"));
    assert_int_equal(COMPARE("--measures", "A1.07.a,A1.07.a"), 2);
    assert_non_null(strstr(err_text, "A1.07.a is given twice"));
    assert_int_equal(run("compare", "--guideline", g, "--input", pop, "--date", "2025-02-30", "--measures", "A1.07.a",
                         NULL), 2);
    assert_non_null(strstr(err_text, "2025-02-30"));
    assert_string_equal(out_text, "");
    assert_int_equal(COMPARE("--measures", "A1.07.a,"), 2);
    assert_non_null(strstr(err_text, "an empty measure id"));
    /* School places are not money. */
    assert_int_equal(COMPARE("--measures", "A1.16.a"), 2);
    assert_non_null(strstr(err_text, "A1.16.a is a price_or_quota in places, not a grant of money"));
    assert_int_equal(COMPARE("--measures", "A1.07.a", "A1.07.a"), 2);
    assert_non_null(strstr(err_text, "compare takes no arguments"));
    /* A column no measure reads and a missing required input are refused before any row. */
    assert_int_equal(COMPARE("--measures", "OP.06.b"), 2);
    assert_non_null(strstr(err_text, "column 'interest_paid' is not an input of OP.06.b"));
    assert_string_equal(out_text, "");
    pop = write_file("pop3.csv", "interest_paid\n1200000\n", 0);
    assert_int_equal(COMPARE("--measures", "A1.07.a"), 2);
    assert_non_null(strstr(err_text, "no column 'financed_amount', a required input of A1.07.a"));
    pop = write_file("pop4.csv", "financed_amount,condition.nope\n1,true\n", 0);
    assert_int_equal(COMPARE("--measures", "A1.07.a"), 2);
    assert_non_null(strstr(err_text, "A1.07.a has no condition 'nope'"));
    pop = write_file("pop5.csv", "date,financed_amount,interest_paid\n2025-03-01,1,1\n", 0);
    assert_int_equal(COMPARE("--measures", "A1.07.a"), 2);
    assert_non_null(strstr(err_text, "the date is given twice"));
    pop = write_file("pop6.csv", "financed_amount,interest_paid\n\"28000000,1200000\n", 0);
    assert_int_equal(COMPARE("--measures", "A1.07.a"), 2);
    assert_non_null(strstr(err_text, "pop6.csv:2: not valid CSV"));
    /* A condition column is read by every measure that has the condition, and only by them. */
    pop = write_file("pop7.csv", "financed_amount,interest_paid,condition.doubling_enterprise\n28000000,1200000,false\n", 0);
    assert_int_equal(COMPARE("--measures", "A1.07.a,OP.06.b"), 0);
    assert_non_null(strstr(out_text, "1,2,A1.07.a,ineligible,0.00,ineligible,0.00,0.00,"));
    assert_non_null(strstr(out_text, "1,2,OP.06.b,unspecified,0.00,granted,500000.00,500000.00,cap,"));
    /* A guideline that is not a guideline. */
    g = write_file("bad-reform.json", "{\"changes\": [{\"parameter\": \"nope\"}]}", 0);
    assert_int_equal(COMPARE("--measures", "A1.07.a"), 2);
    assert_int_equal(count_lines(err_text), 1);
#undef COMPARE
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(list_shows_every_measure),
        cmocka_unit_test(show_prints_metadata),
        cmocka_unit_test(eval_computes_and_explains),
        cmocka_unit_test(eval_refuses_bad_input),
        cmocka_unit_test(repeated_options_and_inputs_are_errors),
        cmocka_unit_test(options_a_command_does_not_take_are_errors),
        cmocka_unit_test(help_for_the_tool_and_every_command),
        cmocka_unit_test(eval_and_batch_state_the_default_date),
        cmocka_unit_test(guideline_option),
        cmocka_unit_test(stack_and_allocate),
        cmocka_unit_test(catalog_matches_the_committed_file),
        cmocka_unit_test(output_that_cannot_be_written_is_a_failure),
        cmocka_unit_test(unreadable_inputs),
        cmocka_unit_test(batch_reads_csv),
        cmocka_unit_test(batch_reads_rfc4180),
        cmocka_unit_test(batch_never_misreads_or_drops_a_row),
        cmocka_unit_test(batch_id_and_date_columns),
        cmocka_unit_test(batch_pays_no_ceiling),
        cmocka_unit_test(batch_units_and_condition_columns),
        cmocka_unit_test(batch_refuses_an_unnamed_column),
        cmocka_unit_test(batch_agrees_with_eval),
        cmocka_unit_test(compare_reform_against_baseline),
        cmocka_unit_test(compare_counts_only_grants),
        cmocka_unit_test(compare_counts_only_claims),
        cmocka_unit_test(compare_refuses_what_it_cannot_compare),
        cmocka_unit_test(stack_refuses_what_it_does_not_understand),
        cmocka_unit_test(stack_reads_what_it_should),
    };
    return cmocka_run_group_tests_name("cli", tests, setup, teardown);
}
