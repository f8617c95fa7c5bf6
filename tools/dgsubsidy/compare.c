/* SPDX-License-Identifier: MulanPSL-2.0 */
/*
 * `dgsubsidy compare`: a reform (the built-in ruleset with a guideline
 * applied) against the baseline (the built-in ruleset) over the rows of a CSV
 * file, for one or more measures of money.
 *
 * The CSV is read by batch.c's reader, a column by its header name.  Every
 * row is evaluated for every measure under both rulesets, each measure
 * reading only its own columns (its inputs, its condition.<id> columns, the
 * date column).  Only a grant counts: a ceiling still to be assessed (outcome
 * up_to) and every other outcome contribute 0 to the baseline, the reform and
 * the totals.  A row claims a measure when it gives at least one of the
 * measure's inputs (as `dgsubsidy population` decides; condition.<id> columns,
 * the date and the id do not count): a row that gives none of them has the
 * outcome `not_claimed`, is paid 0 in both and is not invalid; the summary
 * counts the claims.  A row that cannot be evaluated for a measure under either
 * ruleset is written with outcome `invalid` and its error, reported on stderr
 * with its line, counted in the summary and makes the exit status 2; the rows
 * after it are still compared.
 *
 * Output: one line per row and measure, then a summary per measure (CSV: a
 * second table after an empty line; JSON Lines: objects with "record":
 * "summary").
 */
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "cli_internal.h"

#define MAX_REPORTED 10 /* invalid rows reported one by one on stderr */
#define MAX_MEASURES 64

typedef struct cmp_measure {
    const char *id;
    const dgs_measure *base, *reform;
    dgs_case *base_case, *reform_case;
    unsigned char *reads; /* per column: READ_* */
    int64_t baseline, reformed, gained, lost; /* fen */
    unsigned long gainers, losers, invalid, rows, claims;
} cmp_measure;

enum { READ_NOT = 0, READ_OTHER = 1 /* a condition or the date */, READ_INPUT = 2 /* decides a claim */ };

typedef struct column {
    char *name;
    int role; /* 0 an input or condition, 1 date, 2 id */
} column;

typedef struct compare {
    cli *c;
    const opts *o;
    cmp_measure *ms;
    size_t nms;
    column *cols;
    size_t ncols;
    long id_col;
    bool has_date;
    unsigned long invalid, first_invalid_line;
    bool overflow;
} compare;

/* Parses --measures into cm->ms; 0 or a failure. */
static int read_measures(compare *cm, const dgs_ruleset *base, const dgs_ruleset *reform, char *list)
{
    cli *c = cm->c;
    dgs_error e = {0};
    size_t n = 1;
    for (const char *p = list; *p; p++)
        n += *p == ',';
    if (n > MAX_MEASURES)
        return cli_fail(c, "--measures: more than %d measures", MAX_MEASURES);
    cm->ms = calloc(n, sizeof *cm->ms);
    if (!cm->ms)
        return cli_fail_io(c, "out of memory");
    char *save = list;
    for (size_t i = 0; i < n; i++) {
        char *comma = strchr(save, ',');
        if (comma)
            *comma = '\0';
        const char *id = save;
        save = comma ? comma + 1 : save + strlen(save);
        if (!*id)
            return cli_fail(c, "--measures: an empty measure id in '%.80s' (ids separated by commas, no spaces)",
                            cm->o->measures);
        for (size_t j = 0; j < cm->nms; j++)
            if (strcmp(cm->ms[j].id, id) == 0)
                return cli_fail(c, "--measures: %.40s is given twice", id);
        cmp_measure *m = &cm->ms[cm->nms++];
        m->id = id;
        if (dgs_ruleset_lookup(base, id, &m->base, &e) || dgs_ruleset_lookup(reform, id, &m->reform, &e))
            return cli_fail(c, "--measures: %s", e.message);
        if (dgs_measure_unit_type(m->base) != DGS_UNIT_FEN || dgs_measure_kind(m->base) == DGS_KIND_PRICE_OR_QUOTA)
            return cli_fail(c, "--measures: %s is a %s in %s, not a grant of money: compare measures whose awards are money",
                            id, dgs_kind_name(dgs_measure_kind(m->base)), dgs_measure_unit(m->base));
        if (dgs_case_new(m->base, &m->base_case, &e) || dgs_case_new(m->reform, &m->reform_case, &e))
            return cli_fail_err(c, &e);
    }
    return 0;
}

static bool has_condition(const dgs_measure *m, const char *id)
{
    for (size_t i = 0; i < dgs_measure_condition_count(m); i++)
        if (strcmp(dgs_measure_condition_id(m, i), id) == 0)
            return true;
    return false;
}

static void ids_list(const compare *cm, char *buf, size_t size)
{
    buf[0] = '\0';
    for (size_t i = 0; i < cm->nms; i++)
        snprintf(buf + strlen(buf), size - strlen(buf), "%s%s", i ? (i + 1 == cm->nms ? " or " : ", ") : "",
                 cm->ms[i].id);
}

/* Checks the header, fills cm->cols and each measure's columns; 0 or CLI_USAGE. */
static int read_header(compare *cm, csv *r)
{
    cli *c = cm->c;
    const char *path = cm->o->input;
    char ids[512];
    ids_list(cm, ids, sizeof ids);
    cm->ncols = r->nfields;
    cm->cols = calloc(cm->ncols, sizeof *cm->cols);
    for (size_t i = 0; cm->cols && i < cm->nms; i++)
        if (!(cm->ms[i].reads = calloc(cm->ncols, sizeof *cm->ms[i].reads)))
            return cli_fail_io(c, "out of memory");
    if (!cm->cols)
        return cli_fail_io(c, "out of memory");
    for (size_t k = 0; k < cm->ncols; k++)
        if (!(cm->cols[k].name = strdup(cli_csv_cell(r, k))))
            return cli_fail_io(c, "out of memory");
    cm->id_col = -1;
    if (cm->o->id) {
        static const char *const taken[] = {"row",    "line",           "measure", "baseline_outcome", "baseline",
                                            "reform_outcome", "reform", "difference", "binding", "error",
                                            "record", "date"};
        for (size_t k = 0; k < sizeof taken / sizeof *taken; k++)
            if (strcmp(cm->o->id, taken[k]) == 0)
                return cli_fail(c, "--id %s: '%s' is a column of the output or the date; rename the id column", cm->o->id,
                                taken[k]);
        for (size_t i = 0; i < cm->nms; i++)
            if (dgs_measure_input_index(cm->ms[i].base, cm->o->id) >= 0)
                return cli_fail(c, "--id %.40s: that is an input of %s, not an id", cm->o->id, cm->ms[i].id);
        size_t k = 0;
        while (k < cm->ncols && strcmp(cm->cols[k].name, cm->o->id) != 0)
            k++;
        if (k == cm->ncols)
            return cli_fail(c, "%s:%lu: no column '%.40s' (--id)", path, r->record_line, cm->o->id);
    }
    for (size_t k = 0; k < cm->ncols; k++) {
        const char *name = cm->cols[k].name;
        for (size_t j = 0; j < k; j++)
            if (strcmp(cm->cols[j].name, name) == 0)
                return cli_fail(c, "%s:%lu: column '%.40s' appears twice (columns %zu and %zu)", path, r->record_line,
                                name, j + 1, k + 1);
        if (!*name) {
            if (k == 0)
                return cli_fail(c,
                                "%s:%lu: column 1 has no name: a row index written by pandas? write the file with "
                                "df.to_csv(path, index=False), or name the column and pass --id",
                                path, r->record_line);
            return cli_fail(c, "%s:%lu: column %zu has no name", path, r->record_line, k + 1);
        }
        if (!cli_utf8_valid(name, strlen(name)))
            return cli_fail(c, "%s:%lu: the name of column %zu is not UTF-8 text: save the file as CSV in UTF-8", path,
                            r->record_line, k + 1);
        if (cm->o->id && strcmp(name, cm->o->id) == 0) {
            cm->cols[k].role = 2;
            cm->id_col = (long)k;
            continue;
        }
        bool read = false;
        if (strcmp(name, "date") == 0) {
            if (cm->o->given & OPT_DATE)
                return cli_fail(c, "%s:%lu: the date is given twice: a 'date' column and --date", path,
                                r->record_line);
            cm->cols[k].role = 1;
            cm->has_date = true;
            for (size_t i = 0; i < cm->nms; i++)
                cm->ms[i].reads[k] = READ_OTHER, read = true;
        } else if (strncmp(name, "condition.", 10) == 0) {
            for (size_t i = 0; i < cm->nms; i++)
                if (has_condition(cm->ms[i].base, name + 10))
                    cm->ms[i].reads[k] = READ_OTHER, read = true;
            if (!read)
                return cli_fail(c, "%s:%lu: column '%.60s': %s has no condition '%.40s' (dgsubsidy show ID lists them)",
                                path, r->record_line, name, ids, name + 10);
        } else {
            for (size_t i = 0; i < cm->nms; i++)
                if (dgs_measure_input_index(cm->ms[i].base, name) >= 0)
                    cm->ms[i].reads[k] = READ_INPUT, read = true;
            if (!read)
                return cli_fail(c, "%s:%lu: column '%.40s' is not an input of %s (dgsubsidy show ID lists the inputs)%s",
                                path, r->record_line, name, ids,
                                cm->o->id ? "" : "; a column that names the applicant is passed with --id");
        }
    }
    for (size_t i = 0; i < cm->nms; i++) {
        const dgs_measure *m = cm->ms[i].base;
        for (size_t k = 0; k < dgs_measure_input_count(m); k++) {
            if (!dgs_measure_input_required(m, k))
                continue;
            size_t j = 0;
            while (j < cm->ncols && !(cm->cols[j].role == 0 && strcmp(cm->cols[j].name, dgs_measure_input_name(m, k)) == 0))
                j++;
            if (j == cm->ncols)
                return cli_fail(c, "%s:%lu: no column '%s', a required input of %s", path, r->record_line,
                                dgs_measure_input_name(m, k), cm->ms[i].id);
        }
    }
    if (!cm->has_date && !(cm->o->given & OPT_DATE))
        cli_note(c, "note: no --date given: every row is evaluated at today's date, %s", cm->o->date);
    return 0;
}

static json_t *money_json(int64_t fen)
{
    char v[48];
    return json_string(dgs_money_format(fen, v, sizeof v));
}

/* One output line for a row and a measure: res0/res1 NULL for an invalid row
 * (no amounts) or, with claimed false, for a row that does not claim the
 * measure (outcome not_claimed, amounts 0). */
static int write_row(compare *cm, unsigned long row, unsigned long line, const char *id, const cmp_measure *m,
                     bool claimed, const dgs_result *res0, const dgs_result *res1, int64_t a0, int64_t a1,
                     const char *error)
{
    FILE *f = cm->c->out;
    char v0[48], v1[48], vd[48];
    bool ok = (res0 && res1) || !claimed;
    const char *o0 = !claimed ? dgs_outcome_name(DGS_OUTCOME_NOT_CLAIMED)
                     : ok     ? dgs_outcome_name(dgs_result_outcome(res0))
                              : "invalid";
    const char *o1 = !claimed ? dgs_outcome_name(DGS_OUTCOME_NOT_CLAIMED)
                     : ok     ? dgs_outcome_name(dgs_result_outcome(res1))
                              : "invalid";
    const char *binding = ok && claimed ? dgs_result_binding(res1) : "";
    if (cm->o->json) {
        json_t *o = json_object();
        int bad = !o;
        if (!bad) {
            bad |= json_object_set_new(o, "record", json_string("row"));
            if (cm->id_col >= 0)
                bad |= json_object_set_new(o, cm->cols[cm->id_col].name, json_string(id));
            bad |= json_object_set_new(o, "row", json_integer((json_int_t)row));
            bad |= json_object_set_new(o, "line", json_integer((json_int_t)line));
            bad |= json_object_set_new(o, "measure", json_string(m->id));
            bad |= json_object_set_new(o, "baseline_outcome", json_string(o0));
            bad |= json_object_set_new(o, "baseline", ok ? money_json(a0) : json_null());
            bad |= json_object_set_new(o, "baseline_fen", ok ? json_integer(a0) : json_null());
            bad |= json_object_set_new(o, "reform_outcome", json_string(o1));
            bad |= json_object_set_new(o, "reform", ok ? money_json(a1) : json_null());
            bad |= json_object_set_new(o, "reform_fen", ok ? json_integer(a1) : json_null());
            bad |= json_object_set_new(o, "difference", ok ? money_json(a1 - a0) : json_null());
            bad |= json_object_set_new(o, "difference_fen", ok ? json_integer(a1 - a0) : json_null());
            bad |= json_object_set_new(o, "binding", json_string(binding));
            bad |= json_object_set_new(o, "error", error ? json_string(error) : json_null());
        }
        char *text = bad ? NULL : json_dumps(o, JSON_COMPACT | JSON_PRESERVE_ORDER);
        json_decref(o);
        if (!text)
            return cli_fail_io(cm->c, "out of memory writing row %lu", row);
        fputs(text, f);
        fputc('\n', f);
        free(text);
        return 0;
    }
    if (cm->id_col >= 0) {
        cli_csv_field(f, id);
        fputc(',', f);
    }
    fprintf(f, "%lu,%lu,%s,%s,%s,%s,%s,%s,", row, line, m->id, o0, ok ? dgs_money_format(a0, v0, sizeof v0) : "", o1,
            ok ? dgs_money_format(a1, v1, sizeof v1) : "", ok ? dgs_money_format(a1 - a0, vd, sizeof vd) : "");
    cli_csv_field(f, binding);
    fputc(',', f);
    cli_csv_field(f, error ? error : "");
    fputc('\n', f);
    return 0;
}

static int invalid_row(compare *cm, unsigned long row, unsigned long line, const char *id, cmp_measure *m,
                       const char *error)
{
    char msg[512];
    snprintf(msg, sizeof msg, "%s", error);
    cli_utf8_sanitize(msg); /* the message may quote a cell that is not UTF-8 */
    m->invalid++;
    if (!cm->invalid++)
        cm->first_invalid_line = line;
    if (cm->invalid <= MAX_REPORTED)
        cli_note(cm->c, "%s:%lu: row %lu: %s: %s", cm->o->input, line, row, m->id, msg);
    return write_row(cm, row, line, id, m, true, NULL, NULL, 0, 0, msg);
}

static bool add(int64_t *sum, int64_t v) /* v >= 0 */
{
    if (*sum > INT64_MAX - v)
        return false;
    *sum += v;
    return true;
}

/* The amount a result counts for: a grant's award; 0 for any other outcome
 * (a ceiling still to be assessed is not a payment). */
static int64_t counted(const dgs_result *r)
{
    return dgs_result_outcome(r) == DGS_OUTCOME_GRANTED ? dgs_result_award(r) : 0;
}

/* Evaluates one measure for the current record under both rulesets and writes its line. */
static int compare_row(compare *cm, cmp_measure *m, csv *r, unsigned long row, unsigned long line, const char *id)
{
    cli *c = cm->c;
    dgs_error e = {0};
    dgs_case *cases[2] = {m->base_case, m->reform_case};
    dgs_result *res[2] = {NULL, NULL};
    int rc = 0;
    bool claimed = false;
    for (size_t k = 0; k < cm->ncols && !claimed; k++)
        claimed = m->reads[k] == READ_INPUT && *cli_csv_cell(r, k);
    if (!claimed) { /* gives none of the measure's inputs: no claim, 0 in both, not invalid */
        m->rows++;
        return write_row(cm, row, line, id, m, false, NULL, NULL, 0, 0, NULL);
    }
    m->claims++;
    for (int s = 0; s < 2; s++) {
        dgs_case_clear(cases[s]);
        if (!cm->has_date && dgs_case_set_date(cases[s], cm->o->date, &e))
            return cli_fail_err(c, &e);
        for (size_t k = 0; k < cm->ncols; k++) {
            const char *cell = cli_csv_cell(r, k);
            if (!m->reads[k] || !*cell)
                continue;
            if (dgs_case_set_text(cases[s], cm->cols[k].name, cell, &e))
                goto failed;
        }
        if (dgs_evaluate(cases[s], &res[s], &e))
            goto failed;
    }
    int64_t a0 = counted(res[0]), a1 = counted(res[1]);
    m->rows++;
    if (!add(&m->baseline, a0) || !add(&m->reformed, a1) || (a1 > a0 && !add(&m->gained, a1 - a0)) ||
        (a0 > a1 && !add(&m->lost, a0 - a1)))
        cm->overflow = true;
    m->gainers += a1 > a0;
    m->losers += a0 > a1;
    rc = write_row(cm, row, line, id, m, true, res[0], res[1], a0, a1, NULL);
    dgs_result_free(res[0]);
    dgs_result_free(res[1]);
    return rc;
failed:
    dgs_result_free(res[0]);
    dgs_result_free(res[1]);
    if (e.code == DGS_E_NOMEM)
        return cli_fail_err(c, &e);
    return invalid_row(cm, row, line, id, m, e.message);
}

static int write_summary(compare *cm)
{
    FILE *f = cm->c->out;
    char v[5][48];
    if (!cm->o->json)
        fputs("\nmeasure,rows,baseline,reform,difference,gainers,gained,losers,lost,invalid,claims\n", f);
    for (size_t i = 0; i < cm->nms; i++) {
        const cmp_measure *m = &cm->ms[i];
        int64_t diff = m->reformed - m->baseline; /* both within [0, INT64_MAX] */
        if (!cm->o->json) {
            fprintf(f, "%s,%lu,%s,%s,%s,%lu,%s,%lu,%s,%lu,%lu\n", m->id, m->rows,
                    dgs_money_format(m->baseline, v[0], 48), dgs_money_format(m->reformed, v[1], 48),
                    dgs_money_format(diff, v[2], 48), m->gainers, dgs_money_format(m->gained, v[3], 48), m->losers,
                    dgs_money_format(m->lost, v[4], 48), m->invalid, m->claims);
            continue;
        }
        json_t *o = json_object();
        int bad = !o;
        if (!bad) {
            bad |= json_object_set_new(o, "record", json_string("summary"));
            bad |= json_object_set_new(o, "measure", json_string(m->id));
            bad |= json_object_set_new(o, "rows", json_integer((json_int_t)m->rows));
            bad |= json_object_set_new(o, "baseline", money_json(m->baseline));
            bad |= json_object_set_new(o, "baseline_fen", json_integer(m->baseline));
            bad |= json_object_set_new(o, "reform", money_json(m->reformed));
            bad |= json_object_set_new(o, "reform_fen", json_integer(m->reformed));
            bad |= json_object_set_new(o, "difference", money_json(diff));
            bad |= json_object_set_new(o, "difference_fen", json_integer(diff));
            bad |= json_object_set_new(o, "gainers", json_integer((json_int_t)m->gainers));
            bad |= json_object_set_new(o, "gained", money_json(m->gained));
            bad |= json_object_set_new(o, "gained_fen", json_integer(m->gained));
            bad |= json_object_set_new(o, "losers", json_integer((json_int_t)m->losers));
            bad |= json_object_set_new(o, "lost", money_json(m->lost));
            bad |= json_object_set_new(o, "lost_fen", json_integer(m->lost));
            bad |= json_object_set_new(o, "invalid", json_integer((json_int_t)m->invalid));
            bad |= json_object_set_new(o, "claims", json_integer((json_int_t)m->claims));
        }
        char *text = bad ? NULL : json_dumps(o, JSON_COMPACT | JSON_PRESERVE_ORDER);
        json_decref(o);
        if (!text)
            return cli_fail_io(cm->c, "out of memory writing the summary");
        fputs(text, f);
        fputc('\n', f);
        free(text);
    }
    return 0;
}

int cmd_compare(cli *c, const opts *o, const dgs_ruleset *reform)
{
    if (!o->guideline)
        return cli_fail(c, "compare needs --guideline FILE: the reform is the built-in ruleset with that guideline");
    if (!o->measures)
        return cli_fail(c, "compare needs --measures ID[,ID...]: the measures to compare");
    if (!o->input)
        return cli_fail(c, "compare needs --input FILE.csv: the population");
    if (o->npos)
        return cli_fail(c, "compare takes no arguments, not '%.40s' (the measures are given with --measures)", o->pos[0]);
    dgs_error e = {0};
    dgs_ruleset *base = NULL;
    compare cm;
    memset(&cm, 0, sizeof cm);
    cm.c = c;
    cm.o = o;
    cm.id_col = -1;
    csv r;
    memset(&r, 0, sizeof r);
    r.line = 1;
    char *list = strdup(o->measures);
    int rc, got = 0;
    if (!list)
        return cli_fail_io(c, "out of memory");
    if (dgs_ruleset_builtin(&base, &e)) {
        rc = cli_fail_err(c, &e);
        goto done;
    }
    if ((rc = read_measures(&cm, base, reform, list)))
        goto done;
    if ((rc = cli_open_regular(c, o->input, &r.f)))
        goto done;
    got = cli_csv_next(&r);
    if (r.utf16) {
        rc = cli_fail(c, "%s: UTF-16 text: save the file as CSV in UTF-8 (Excel: \"CSV UTF-8\")", o->input);
        goto done;
    }
    if (got == 0) {
        rc = cli_fail(c, "%s: empty: the first line must name the columns", o->input);
        goto done;
    }
    if (got < 0)
        goto csv_error;
    if ((rc = read_header(&cm, &r)))
        goto done;
    /* A bad --date is refused before any output. */
    for (size_t i = 0; !cm.has_date && i < cm.nms; i++)
        if (dgs_case_set_date(cm.ms[i].base_case, o->date, &e) || dgs_case_set_date(cm.ms[i].reform_case, o->date, &e)) {
            rc = cli_fail_err(c, &e);
            goto done;
        }
    if (!o->json) {
        if (cm.id_col >= 0) {
            cli_csv_field(c->out, cm.cols[cm.id_col].name);
            fputc(',', c->out);
        }
        fputs("row,line,measure,baseline_outcome,baseline,reform_outcome,reform,difference,binding,error\n", c->out);
    }
    char msg[320];
    for (unsigned long row = 1;; row++) {
        if ((rc = cli_check_out(c)))
            goto done;
        got = cli_csv_next(&r);
        if (got == 0)
            break;
        if (got < 0)
            goto csv_error;
        unsigned long line = r.record_line;
        const char *id = cm.id_col >= 0 && (size_t)cm.id_col < r.nfields ? cli_csv_cell(&r, (size_t)cm.id_col) : "";
        const char *problem = NULL;
        bool empty = true;
        for (size_t k = 0; k < r.nfields && empty; k++)
            empty = !*cli_csv_cell(&r, k);
        if (!cli_utf8_valid(id, strlen(id))) {
            id = "";
            problem = "the id is not valid UTF-8";
        }
        if (empty) {
            problem = "an empty row";
        } else if (r.nfields != cm.ncols) {
            snprintf(msg, sizeof msg, "%zu fields, the header has %zu", r.nfields, cm.ncols);
            problem = msg;
        }
        for (size_t i = 0; i < cm.nms; i++) {
            if (problem) /* a row that cannot be read is taken as a claim, an invalid one */
                cm.ms[i].claims++;
            rc = problem ? invalid_row(&cm, row, line, id, &cm.ms[i], problem)
                         : compare_row(&cm, &cm.ms[i], &r, row, line, id);
            if (rc)
                goto done;
        }
    }
    if (cm.overflow) {
        rc = cli_fail(c, "%s: a total exceeds the largest amount this tool sums (%lld fen): split the file",
                      o->input, (long long)INT64_MAX);
        goto done;
    }
    if ((rc = write_summary(&cm)) || (rc = cli_check_out(c)))
        goto done;
    if (cm.invalid) {
        if (cm.invalid > MAX_REPORTED)
            cli_note(c, "%s: %lu more invalid rows (the error column of the output names each)", o->input,
                     cm.invalid - MAX_REPORTED);
        rc = cli_fail(c,
                      "%s: %lu invalid row%s (counting each measure), the first on line %lu: every row is in the "
                      "output, invalid ones with outcome 'invalid', and counted in the summary",
                      o->input, cm.invalid, cm.invalid == 1 ? "" : "s", cm.first_invalid_line);
    }
    goto done;
csv_error:
    if (got == -2)
        rc = r.msg[0] ? cli_fail_io(c, "%s", r.msg)
                      : cli_fail_io(c, "%s: cannot be read: %s", o->input, strerror(errno));
    else
        rc = cli_fail(c, "%s:%lu: not valid CSV: %s; the rows from this line on were not compared", o->input, r.line,
                      r.msg);
done:
    if (r.f)
        fclose(r.f);
    free(r.buf);
    free(r.start);
    for (size_t i = 0; cm.ms && i < cm.nms; i++) {
        dgs_case_free(cm.ms[i].base_case);
        dgs_case_free(cm.ms[i].reform_case);
        free(cm.ms[i].reads);
    }
    free(cm.ms);
    for (size_t k = 0; cm.cols && k < cm.ncols; k++)
        free(cm.cols[k].name);
    free(cm.cols);
    dgs_ruleset_free(base);
    free(list);
    return rc;
}
