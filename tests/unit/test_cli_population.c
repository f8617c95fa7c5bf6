/* SPDX-License-Identifier: MulanPSL-2.0 */
/* `dgsubsidy population`: several measures over the rows of a CSV file, the
 * claims of each applicant stacked; one output line per claim, then the
 * totals; exit status 0, or 2 for bad usage or input (1 for a file that
 * cannot be read).  Amounts are worked by hand from the clauses quoted. */
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

static char out_text[1 << 20], err_text[1 << 16];

static int run(const char *first, ...)
{
    char *argv[32];
    int argc = 0;
    va_list ap;
    argv[argc++] = (char *)"dgsubsidy";
    va_start(ap, first);
    for (const char *a = first; a; a = va_arg(ap, const char *))
        argv[argc++] = strdup(a);
    va_end(ap);
    FILE *out = capture_file(), *err = capture_file();
    int rc = dgs_cli_run(argc, argv, out, err);
    rewind(out);
    out_text[fread(out_text, 1, sizeof out_text - 1, out)] = '\0';
    rewind(err);
    err_text[fread(err_text, 1, sizeof err_text - 1, err)] = '\0';
    fclose(out);
    fclose(err);
    for (int i = 1; i < argc; i++)
        free(argv[i]);
    return rc;
}

static char path[256];

static const char *write_file(const char *content)
{
    static int n;
    snprintf(path, sizeof path, "%s/test_cli_population_%d.csv", DGS_BINARY_DIR, n++);
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    fputs(content, f);
    fclose(f);
    return path;
}

static int count_lines(const char *s)
{
    int n = 0;
    for (; *s; s++)
        n += *s == '\n';
    return n;
}

/* 附件1（一）国家、省相关项目分别按最高 1:1 和 1:0.5 配套 (A1.01.a) and A2.01.d, one group about
 * the project (G-MATCH): 甲's P1 (national 600万) 600万 once, P2 (provincial 400万) 200万 once;
 * 乙's P1 600万.  附件1（七）5% × 2000万 = 100万 (interest 120万 higher) for 甲's lease.
 * 甲 900万, 乙 600万, 1500万 in all. */
static void population_stacks_per_applicant(void **state)
{
    (void)state;
    const char *p = write_file("applicant,object,national_funds,provincial_funds,total_investment,financed_amount,"
                               "interest_paid\r\n"
                               "甲,P1,6000000,0,100000000,,\r\n"
                               "甲,P2,0,4000000,100000000,,\r\n"
                               "乙,P1,6000000,0,100000000,,\r\n"
                               "甲,,,,,20000000,1200000\r\n");
    assert_int_equal(run("population", "--input", p, "--measures", "A1.01.a,A2.01.d,A1.07.a", "--date",
                         "2025-06-01", NULL),
                     0);
    assert_string_equal(out_text,
                        "applicant,object,row,line,measure,outcome,award,unit,paid,decision,up_to,error\n"
                        "甲,P1,1,2,A1.01.a,granted,6000000.00,yuan,6000000.00,paid,0.00,\n"
                        "甲,P1,1,2,A2.01.d,granted,6000000.00,yuan,0.00,superseded,0.00,\n"
                        "甲,P2,2,3,A1.01.a,granted,2000000.00,yuan,2000000.00,paid,0.00,\n"
                        "甲,P2,2,3,A2.01.d,granted,2000000.00,yuan,0.00,superseded,0.00,\n"
                        "乙,P1,3,4,A1.01.a,granted,6000000.00,yuan,6000000.00,paid,0.00,\n"
                        "乙,P1,3,4,A2.01.d,granted,6000000.00,yuan,0.00,superseded,0.00,\n"
                        "甲,,4,5,A1.07.a,granted,1000000.00,yuan,1000000.00,paid,0.00,\n"
                        "甲,,,,,,,,9000000.00,total,0.00,\n"
                        "乙,,,,,,,,6000000.00,total,0.00,\n"
                        ",,,,,,,,15000000.00,total,0.00,\n");
    assert_string_equal(err_text, "");
    assert_int_equal(run("population", "--input", p, "--measures", "A1.01.a,A2.01.d,A1.07.a", "--date",
                         "2025-06-01", "--json", NULL),
                     0);
    assert_int_equal(count_lines(out_text), 7 + 2 + 1);
    assert_non_null(strstr(out_text, "\"applicant\":\"乙\",\"total\":\"6000000.00\",\"total_fen\":600000000"));
    assert_non_null(strstr(out_text, "{\"total\":\"15000000.00\",\"total_fen\":1500000000,"));
    remove(p);
}

/* An empty cell of the object column names no object: the row is an object of its own, as every
 * row is without the column.  Two matched projects of 甲 whose cells are blank (A1.01.a: national
 * 1000万 → 1000万, then 500万 → 500万) are both paid, 1500万; read as one object they would
 * have paid 1000万 and dropped the other without a word.  Rows naming P1 twice are one object. */
static void a_blank_object_is_its_rows_own(void **state)
{
    (void)state;
    const char *p = write_file("applicant,object,national_funds,provincial_funds,total_investment\n"
                               "甲,,10000000,0,100000000\n"
                               "甲,,5000000,0,100000000\n"
                               "乙,P1,10000000,0,100000000\n"
                               "乙,P1,5000000,0,100000000\n");
    assert_int_equal(run("population", "--input", p, "--measures", "A1.01.a", "--date", "2025-06-01", NULL), 0);
    assert_string_equal(out_text,
                        "applicant,object,row,line,measure,outcome,award,unit,paid,decision,up_to,error\n"
                        "甲,,1,2,A1.01.a,granted,10000000.00,yuan,10000000.00,paid,0.00,\n"
                        "甲,,2,3,A1.01.a,granted,5000000.00,yuan,5000000.00,paid,0.00,\n"
                        "乙,P1,3,4,A1.01.a,granted,10000000.00,yuan,10000000.00,paid,0.00,\n"
                        "乙,P1,4,5,A1.01.a,granted,5000000.00,yuan,0.00,superseded,0.00,\n"
                        "甲,,,,,,,,15000000.00,total,0.00,\n"
                        "乙,,,,,,,,10000000.00,total,0.00,\n"
                        ",,,,,,,,25000000.00,total,0.00,\n");
    remove(p);
}

/* 实施意见（二）中国驰名商标 最高 300 万元: a ceiling to be assessed is not paid; its 300万 is
 * only what an assessment could add (up_to), in no total of payments. */
static void a_ceiling_is_not_a_payment(void **state)
{
    (void)state;
    const char *p = write_file("applicant,honour,assessed\nA,well_known_trademark,\nB,well_known_trademark,1200000\n");
    assert_int_equal(run("population", "--input", p, "--measures", "OP.02.a", "--date", "2025-06-01", NULL), 0);
    assert_non_null(strstr(out_text, "A,,1,2,OP.02.a,up_to,3000000.00,yuan,0.00,pending_assessment,3000000.00,\n"));
    assert_non_null(strstr(out_text, "B,,2,3,OP.02.a,granted,1200000.00,yuan,1200000.00,paid,0.00,\n"));
    assert_non_null(strstr(out_text, "A,,,,,,,,0.00,total,3000000.00,\n"));
    assert_non_null(strstr(out_text, "\n,,,,,,,,1200000.00,total,3000000.00,\n"));
    remove(p);
}

/* Invalid rows and cells are written with decision `invalid` and make the exit status 2;
 * the other rows are still evaluated. */
static void invalid_rows_are_written_and_reported(void **state)
{
    (void)state;
    const char *p = write_file("applicant,financed_amount,interest_paid\n"
                               "A,20000000,1200000\n"
                               "A,5,\n"
                               "B,1.234,100\n"
                               "C,1\n"
                               ",1,1\n");
    assert_int_equal(run("population", "--input", p, "--measures", "A1.07.a", "--date", "2025-06-01", NULL), 2);
    assert_non_null(strstr(out_text, "A,,1,2,A1.07.a,granted,1000000.00,yuan,1000000.00,paid,0.00,\n"));
    assert_non_null(strstr(out_text, "A,,2,3,A1.07.a,invalid,,yuan,0.00,invalid,0.00,A1.07.a: required input 'interest_paid' is not set\n"));
    assert_non_null(strstr(out_text, "B,,3,4,A1.07.a,invalid,,yuan,0.00,invalid,0.00,"));
    assert_non_null(strstr(out_text, "two decimals"));
    assert_non_null(strstr(out_text, ",,4,5,,invalid,,,0.00,invalid,0.00,\"2 fields, the header has 3\"\n"));
    assert_non_null(strstr(out_text, ",,5,6,,invalid,,,0.00,invalid,0.00,no applicant\n"));
    assert_non_null(strstr(out_text, "A,,,,,,,,1000000.00,total,0.00,\n"));
    assert_non_null(strstr(err_text, "4 invalid claims or rows, the first on line 3"));
    remove(p);
}

/* 附件1（十）新增采购按交易额1%给予每年最高300万元奖励 — per enterprise per year: "E1" and "E1 "
 * would be two enterprises, each paid up to the cap, so an applicant id with a leading or trailing
 * space (or a control character) is refused, not taken as another applicant. */
static void an_applicant_written_two_ways_is_refused(void **state)
{
    (void)state;
    const char *p = write_file("applicant,new_purchases\n"
                               "E1,200000000\n"
                               "\"E1 \",200000000\n"
                               "\" E1\",200000000\n"
                               "\"E\t1\",200000000\n");
    assert_int_equal(run("population", "--input", p, "--measures", "A1.10.a", "--date", "2025-06-01", NULL), 2);
    assert_non_null(strstr(out_text, "E1,,1,2,A1.10.a,granted,2000000.00,yuan,2000000.00,paid,0.00,\n"));
    assert_non_null(strstr(out_text, ",,2,3,,invalid,,,0.00,invalid,0.00,\"the applicant begins or ends with a space"));
    assert_non_null(strstr(out_text, ",,3,4,,invalid,"));
    assert_non_null(strstr(out_text, ",,4,5,,invalid,"));
    /* 2,000,000 paid in all: one applicant, one claim. */
    assert_non_null(strstr(out_text, ",,,,,,,,2000000.00,total,0.00,\n"));
    assert_non_null(strstr(err_text, "3 invalid claims or rows, the first on line 3"));
    remove(p);
}

/* 附件1（十）新增采购按交易额1%给予每年最高300万元奖励 (A1.10.a; G-BZ-PROCURE: one award per
 * enterprise per year), with a `date` column.  E1: 8000万 (1% = 80万) on 2025-03-01 and 2亿
 * (200万) on 2025-11-30, one year: the higher, 200万, paid once.  E2: 80万 on 2024-06-01 and 200万
 * on --date (2025-06-01, its cell empty): two years, 280万.  E3 on 2030-01-01: after the
 * document's validity, not in force.  4,800,000.00 in all.  Without --date the empty cell makes
 * its row invalid; a date that is no date (2025-11-31) too, the other rows still evaluated. */
static void a_date_column_dates_each_row(void **state)
{
    (void)state;
    const char *p = write_file("applicant,date,new_purchases\n"
                               "E1,2025-03-01,80000000\n"
                               "E1,2025-11-30,200000000\n"
                               "E2,2024-06-01,80000000\n"
                               "E2,,200000000\n"
                               "E3,2030-01-01,80000000\n");
    assert_int_equal(run("population", "--input", p, "--measures", "A1.10.a", "--date", "2025-06-01", NULL), 0);
    assert_string_equal(out_text,
                        "applicant,object,row,line,measure,outcome,award,unit,paid,decision,up_to,error\n"
                        "E1,,1,2,A1.10.a,granted,800000.00,yuan,0.00,superseded,0.00,\n"
                        "E1,,2,3,A1.10.a,granted,2000000.00,yuan,2000000.00,paid,0.00,\n"
                        "E2,,3,4,A1.10.a,granted,800000.00,yuan,800000.00,paid,0.00,\n"
                        "E2,,4,5,A1.10.a,granted,2000000.00,yuan,2000000.00,paid,0.00,\n"
                        "E3,,5,6,A1.10.a,not_in_force,0.00,yuan,0.00,not_granted,0.00,\n"
                        "E1,,,,,,,,2000000.00,total,0.00,\n"
                        "E2,,,,,,,,2800000.00,total,0.00,\n"
                        "E3,,,,,,,,0.00,total,0.00,\n"
                        ",,,,,,,,4800000.00,total,0.00,\n");
    assert_string_equal(err_text, "");
    /* no --date: the row without a date is invalid; E2 is paid its 2024 award */
    assert_int_equal(run("population", "--input", p, "--measures", "A1.10.a", NULL), 2);
    assert_non_null(strstr(out_text, "E2,,4,5,,invalid,,,0.00,invalid,0.00,\"no date: give it in the date column"));
    assert_non_null(strstr(out_text, "E2,,,,,,,,800000.00,total,0.00,\n"));
    assert_non_null(strstr(out_text, "\n,,,,,,,,2800000.00,total,0.00,\n"));
    assert_non_null(strstr(err_text, ":5: row 4: no date"));
    assert_null(strstr(err_text, "today"));
    /* a date that is no date: the row is invalid; E1's other row is paid alone */
    p = write_file("applicant,date,new_purchases\n"
                   "E1,2025-03-01,80000000\n"
                   "E1,2025-11-31,200000000\n");
    assert_int_equal(run("population", "--input", p, "--measures", "A1.10.a", "--date", "2025-06-01", "--json", NULL),
                     2);
    assert_non_null(strstr(out_text, "\"row\":1,\"line\":2,\"measure\":\"A1.10.a\",\"outcome\":\"granted\","
                                     "\"award\":\"800000.00\",\"award_fen\":80000000,\"unit\":\"yuan\","
                                     "\"paid\":\"800000.00\""));
    assert_non_null(strstr(out_text, "\"row\":2,\"line\":3,\"measure\":null,\"outcome\":\"invalid\","
                                     "\"error\":\"date '2025-11-31' is not a valid date"));
    assert_non_null(strstr(err_text, ":3: row 2: date '2025-11-31'"));
    remove(p);
}

/* 附件1（一）国家项目按最高 1:1 配套: five projects of A matched 2×10^16 yuan each exceed int64 fen in
 * all: A's claims are invalid, with the reason, and only B's 100万 is paid. */
static void a_total_beyond_int64_is_refused(void **state)
{
    (void)state;
    const char *p = write_file("applicant,national_funds,provincial_funds,total_investment\n"
                               "A,20000000000000000,0,80000000000000000\n"
                               "A,20000000000000000,0,80000000000000000\n"
                               "A,20000000000000000,0,80000000000000000\n"
                               "A,20000000000000000,0,80000000000000000\n"
                               "A,20000000000000000,0,80000000000000000\n"
                               "B,1000000,0,4000000\n");
    assert_int_equal(run("population", "--input", p, "--measures", "A1.01.a", "--date", "2025-06-01", NULL), 2);
    assert_non_null(strstr(out_text, "A,,1,2,A1.01.a,granted,,yuan,0.00,invalid,0.00,its applicant's claims would be "
                                     "paid more than the int64 range of fen in all\n"));
    assert_non_null(strstr(out_text, "B,,6,7,A1.01.a,granted,1000000.00,yuan,1000000.00,paid,0.00,\n"));
    assert_non_null(strstr(out_text, "\n,,,,,,,,1000000.00,total,0.00,\n"));
    assert_non_null(strstr(err_text, "5 invalid claims or rows, the first on line 2"));
    remove(p);
}

static void refusals(void **state)
{
    (void)state;
    const char *p = write_file("applicant,financed_amount,interest_paid,interest_payed\nA,1,1,1\n");
    assert_int_equal(run("population", "--input", p, "--measures", "A1.07.a", NULL), 2);
    assert_non_null(strstr(err_text, "column 'interest_payed' is neither an input nor a condition"));
    assert_int_equal(count_lines(err_text), 1);
    p = write_file("financed_amount,interest_paid\n1,1\n");
    assert_int_equal(run("population", "--input", p, "--measures", "A1.07.a", "--date", "2025-06-01", NULL), 2);
    assert_non_null(strstr(err_text, "no column 'applicant'"));
    p = write_file("applicant,financed_amount,interest_paid\nA,1,1\n");
    assert_int_equal(run("population", "--input", p, "--measures", "A1.07.a,A1.07.a", "--date", "2025-06-01", NULL),
                     2);
    assert_non_null(strstr(err_text, "listed twice"));
    assert_int_equal(run("population", "--input", p, "--measures", "A9.99.z", "--date", "2025-06-01", NULL), 2);
    assert_int_equal(run("population", "--input", p, "--date", "2025-06-01", NULL), 2);
    assert_int_equal(run("population", "--input", p, "--measures", "A1.07.a,A4.09.e", "--date", "2025-06-01", NULL),
                     2);
    assert_non_null(strstr(err_text, "A4.09.e"));
    assert_int_equal(run("population", "--input", p, "--measures", "A1.07.a", "--id", "x", NULL), 2);
    /* an object with a trailing space would make one contract two */
    p = write_file("applicant,object,financed_amount,interest_paid\nA,C1,1,1\nA,\"C1 \",1,1\n");
    assert_int_equal(run("population", "--input", p, "--measures", "A1.07.a", "--date", "2025-06-01", NULL), 2);
    assert_non_null(strstr(err_text, ":3: row 2: the object begins or ends with a space"));
    assert_string_equal(out_text, "");
    assert_int_equal(run("population", "--input", "/nonexistent/pop.csv", "--measures", "A1.07.a", NULL), 1);
    assert_int_equal(run("population", "--help", NULL), 0);
    assert_true(strncmp(out_text, "usage: dgsubsidy population", 27) == 0);
    assert_non_null(strstr(out_text, "Exit status: 0 success"));
    remove(p);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(population_stacks_per_applicant),
        cmocka_unit_test(a_blank_object_is_its_rows_own),
        cmocka_unit_test(a_ceiling_is_not_a_payment),
        cmocka_unit_test(invalid_rows_are_written_and_reported),
        cmocka_unit_test(an_applicant_written_two_ways_is_refused),
        cmocka_unit_test(a_date_column_dates_each_row),
        cmocka_unit_test(a_total_beyond_int64_is_refused),
        cmocka_unit_test(refusals),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
