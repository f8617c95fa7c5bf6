/* SPDX-License-Identifier: MulanPSL-2.0 */
/*
 * `dgsubsidy batch`: one measure over every row of a CSV file.
 *
 * The CSV is read as RFC 4180 says (quoted fields with embedded commas,
 * quotes and line breaks; CRLF or LF; a leading UTF-8 BOM skipped), one
 * record at a time, so memory does not grow with the number of rows.  Each
 * row is evaluated through a case set by dgs_case_set_text(), the parser of
 * `eval`, so a cell means exactly what name=value means on the command line.
 *
 * No row is dropped: a row that cannot be evaluated (wrong number of fields,
 * empty, an invalid value) is written with outcome `invalid` and its error,
 * reported on stderr with its line, and the exit status becomes 2.  Only a
 * break of the CSV structure itself (a quote never closed, text after a
 * closing quote) stops the batch, because the rows after it cannot be told
 * apart; that too is reported with its line and exit status 2.
 */
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "cli_internal.h"

#define MAX_REPORTED 10 /* invalid rows reported one by one on stderr */

static int rd(csv *r)
{
    if (r->pos == r->n) {
        r->n = fread(r->in, 1, sizeof r->in, r->f);
        r->pos = 0;
        if (!r->started) {
            r->started = true;
            if (r->n >= 3 && memcmp(r->in, "\xEF\xBB\xBF", 3) == 0)
                r->pos = 3;
            else if (r->n >= 2 && (memcmp(r->in, "\xFF\xFE", 2) == 0 || memcmp(r->in, "\xFE\xFF", 2) == 0))
                r->utf16 = true;
        }
        if (r->pos == r->n)
            return EOF;
    }
    return r->in[r->pos++];
}

static void unrd(csv *r) { r->pos--; } /* only right after rd() returned a byte */

static int put(csv *r, int ch)
{
    if (r->len + 1 >= r->cap) {
        if (r->cap >= CSV_MAX_RECORD) {
            snprintf(r->msg, sizeof r->msg, "a row longer than %u bytes", CSV_MAX_RECORD);
            return -1;
        }
        size_t ncap = r->cap ? r->cap * 2 : 256;
        char *p = realloc(r->buf, ncap);
        if (!p) {
            snprintf(r->msg, sizeof r->msg, "out of memory");
            return -2;
        }
        r->buf = p;
        r->cap = ncap;
    }
    r->buf[r->len++] = (char)ch;
    return 0;
}

static int new_field(csv *r)
{
    if (r->nfields == r->fcap) {
        if (r->fcap >= CSV_MAX_FIELDS) {
            snprintf(r->msg, sizeof r->msg, "more than %d fields in a row", CSV_MAX_FIELDS);
            return -1;
        }
        size_t ncap = r->fcap ? r->fcap * 2 : 16;
        size_t *p = realloc(r->start, ncap * sizeof *p);
        if (!p) {
            snprintf(r->msg, sizeof r->msg, "out of memory");
            return -2;
        }
        r->start = p;
        r->fcap = ncap;
    }
    r->start[r->nfields++] = r->len;
    return 0;
}

int cli_csv_next(csv *r)
{
    r->len = 0;
    r->nfields = 0;
    r->record_line = r->line;
    int ch = rd(r), rc;
    if (ch == EOF)
        return ferror(r->f) ? -2 : 0;
    for (;;) {
        if ((rc = new_field(r)))
            return rc;
        if (ch == '"') {
            unsigned long opened = r->line;
            for (;;) {
                ch = rd(r);
                if (ch == EOF) {
                    if (ferror(r->f))
                        return -2;
                    r->line = opened;
                    snprintf(r->msg, sizeof r->msg, "a quoted field opened on this line is never closed");
                    return -1;
                }
                if (ch == '"') {
                    ch = rd(r);
                    if (ch != '"')
                        break;
                } else if (ch == '\n') {
                    r->line++;
                } else if (ch == '\0') {
                    snprintf(r->msg, sizeof r->msg, "a NUL byte");
                    return -1;
                }
                if ((rc = put(r, ch)))
                    return rc;
            }
            if (ch != ',' && ch != '\r' && ch != '\n' && ch != EOF) {
                snprintf(r->msg, sizeof r->msg, "text after the closing quote of field %zu", r->nfields);
                return -1;
            }
        } else {
            while (ch != ',' && ch != '\r' && ch != '\n' && ch != EOF) {
                if (ch == '"') {
                    snprintf(r->msg, sizeof r->msg,
                             "a quote inside unquoted field %zu: quote the whole field and double the quote",
                             r->nfields);
                    return -1;
                }
                if (ch == '\0') {
                    snprintf(r->msg, sizeof r->msg, "a NUL byte");
                    return -1;
                }
                if ((rc = put(r, ch)))
                    return rc;
                ch = rd(r);
            }
        }
        if ((rc = put(r, '\0')))
            return rc;
        if (ch == ',') {
            ch = rd(r);
            continue;
        }
        if (ch == '\r') {
            /* CRLF, or a lone CR as old Mac spreadsheets end lines. */
            if ((ch = rd(r)) != '\n' && ch != EOF)
                unrd(r);
            r->line++;
        } else if (ch == '\n') {
            r->line++;
        } else if (ferror(r->f)) {
            return -2;
        }
        return 1;
    }
}

const char *cli_csv_cell(const csv *r, size_t i) { return r->buf + r->start[i]; }

/* ---- the command -------------------------------------------------------------- */

typedef struct column {
    const char *name; /* an input name, "date", or the id column's name */
    int role;         /* 0 input, 1 date, 2 id */
} column;

typedef struct batch {
    cli *c;
    const opts *o;
    const dgs_measure *m;
    column *cols;
    size_t ncols;
    long id_col;
    bool has_date;    /* a date column */
    bool names_owned; /* the names were copied by keep_names() */
    unsigned long invalid, first_invalid_line;
} batch;

static void inputs_list(const dgs_measure *m, char *buf, size_t size)
{
    buf[0] = '\0';
    for (size_t k = 0; k < dgs_measure_input_count(m); k++)
        snprintf(buf + strlen(buf), size - strlen(buf), "%s%s", k ? ", " : "", dgs_measure_input_name(m, k));
}

/* Checks the header and fills b->cols; 0 or CLI_USAGE. */
static int read_header(batch *b, csv *r)
{
    cli *c = b->c;
    const char *path = b->o->input;
    char list[512];
    inputs_list(b->m, list, sizeof list);
    b->ncols = r->nfields;
    b->cols = calloc(b->ncols, sizeof *b->cols);
    if (!b->cols)
        return cli_fail_io(c, "out of memory");
    b->id_col = -1;
    if (b->o->id) {
        /* An id that is also an input would silently stop being read as one;
         * one named like an output column would be confused with it. */
        static const char *const taken[] = {"row", "line", "outcome", "award", "award_fen", "unit", "binding", "error", "date"};
        for (size_t k = 0; k < sizeof taken / sizeof *taken; k++)
            if (strcmp(b->o->id, taken[k]) == 0)
                return cli_fail(c, "--id %s: '%s' is a column of the output or the date; rename the id column", b->o->id,
                                taken[k]);
        if (dgs_measure_input_index(b->m, b->o->id) >= 0)
            return cli_fail(c, "--id %.40s: that is an input of %s, not an id", b->o->id, dgs_measure_id(b->m));
        size_t k = 0;
        while (k < r->nfields && strcmp(cli_csv_cell(r, k), b->o->id) != 0)
            k++;
        if (k == r->nfields)
            return cli_fail(c, "%s:%lu: no column '%.40s' (--id)", path, r->record_line, b->o->id);
    }
    for (size_t k = 0; k < r->nfields; k++) {
        const char *name = cli_csv_cell(r, k);
        for (size_t j = 0; j < k; j++)
            if (strcmp(cli_csv_cell(r, j), name) == 0)
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
        b->cols[k].name = name;
        if (b->o->id && strcmp(name, b->o->id) == 0) {
            b->cols[k].role = 2;
            b->id_col = (long)k;
        } else if (strcmp(name, "date") == 0) {
            if (b->o->given & OPT_DATE)
                return cli_fail(c, "%s:%lu: the date is given twice: a 'date' column and --date", path,
                                r->record_line);
            b->cols[k].role = 1;
            b->has_date = true;
        } else if (strncmp(name, "condition.", 10) == 0) {
            /* condition.<id>: an eligibility condition declared true or false, as in eval. */
            size_t i = 0;
            while (i < dgs_measure_condition_count(b->m) && strcmp(dgs_measure_condition_id(b->m, i), name + 10) != 0)
                i++;
            if (i == dgs_measure_condition_count(b->m))
                return cli_fail(c, "%s:%lu: column '%.60s': %s has no condition '%.40s' (dgsubsidy show %s lists them)",
                                path, r->record_line, name, dgs_measure_id(b->m), name + 10, dgs_measure_id(b->m));
        } else if (dgs_measure_input_index(b->m, name) < 0) {
            return cli_fail(c, "%s:%lu: column '%.40s' is not an input of %s (inputs: %s)%s", path, r->record_line, name,
                            dgs_measure_id(b->m), *list ? list : "none",
                            b->o->id ? "" : "; a column that names the applicant is passed with --id");
        }
    }
    for (size_t k = 0; k < dgs_measure_input_count(b->m); k++) {
        if (!dgs_measure_input_required(b->m, k))
            continue;
        size_t j = 0;
        while (j < b->ncols && !(b->cols[j].role == 0 && strcmp(b->cols[j].name, dgs_measure_input_name(b->m, k)) == 0))
            j++;
        if (j == b->ncols)
            return cli_fail(c, "%s:%lu: no column '%s', a required input of %s", path, r->record_line,
                            dgs_measure_input_name(b->m, k), dgs_measure_id(b->m));
    }
    if (!b->has_date && !(b->o->given & OPT_DATE))
        cli_note(c, "note: no --date given: every row is evaluated at today's date, %s", b->o->date);
    return 0;
}

/* The names of the header, copied (the record buffer is reused). */
static int keep_names(batch *b)
{
    for (size_t k = 0; k < b->ncols; k++)
        if (!(b->cols[k].name = strdup(b->cols[k].name))) {
            for (size_t j = 0; j < k; j++)
                free((char *)b->cols[j].name);
            return cli_fail_io(b->c, "out of memory");
        }
    b->names_owned = true;
    return 0;
}

/* Writes one output row; CLI_IO when memory runs out building its JSON. */
static int write_row(batch *b, unsigned long row, unsigned long line, const char *id, const dgs_result *res,
                     const char *error)
{
    FILE *f = b->c->out;
    char v[48];
    const char *outcome = res ? dgs_outcome_name(dgs_result_outcome(res)) : "invalid";
    const char *unit = res ? cli_award_unit(b->m) : "";
    const char *award = res ? cli_award_text(b->m, dgs_result_award(res), v, sizeof v) : "";
    const char *binding = res ? dgs_result_binding(res) : "";
    if (b->o->json) {
        json_t *o = json_object();
        int bad = !o;
        if (!bad && b->id_col >= 0)
            bad |= json_object_set_new(o, b->cols[b->id_col].name, json_string(id));
        if (!bad) {
            bad |= json_object_set_new(o, "row", json_integer((json_int_t)row));
            bad |= json_object_set_new(o, "line", json_integer((json_int_t)line));
            bad |= json_object_set_new(o, "outcome", json_string(outcome));
            bad |= json_object_set_new(o, "award", res ? json_string(award) : json_null());
            bad |= json_object_set_new(o, "award_fen", res ? json_integer(dgs_result_award(res)) : json_null());
            bad |= json_object_set_new(o, "unit", res ? json_string(unit) : json_null());
            bad |= json_object_set_new(o, "binding", json_string(binding));
            bad |= json_object_set_new(o, "error", error ? json_string(error) : json_null());
        }
        char *text = bad ? NULL : json_dumps(o, JSON_COMPACT | JSON_PRESERVE_ORDER);
        json_decref(o);
        if (!text) /* every string was checked to be UTF-8: only memory can fail */
            return cli_fail_io(b->c, "out of memory writing row %lu", row);
        fputs(text, f);
        fputc('\n', f);
        free(text);
        return 0;
    }
    if (b->id_col >= 0) {
        cli_csv_field(f, id);
        fputc(',', f);
    }
    fprintf(f, "%lu,%lu,%s,%s,", row, line, outcome, award);
    cli_csv_field(f, unit);
    fputc(',', f);
    cli_csv_field(f, binding);
    fputc(',', f);
    cli_csv_field(f, error ? error : "");
    fputc('\n', f);
    return 0;
}

static int invalid_row(batch *b, unsigned long row, unsigned long line, const char *id, const char *error)
{
    char msg[512];
    snprintf(msg, sizeof msg, "%s", error);
    cli_utf8_sanitize(msg); /* the message may quote a cell that is not UTF-8 */
    if (!b->invalid++)
        b->first_invalid_line = line;
    if (b->invalid <= MAX_REPORTED)
        cli_note(b->c, "%s:%lu: row %lu: %s", b->o->input, line, row, msg);
    return write_row(b, row, line, id, NULL, msg);
}

int cmd_batch(cli *c, const opts *o, const dgs_ruleset *rs)
{
    if (o->npos != 1 || !o->input)
        return cli_fail(c, "batch takes a measure id and --input FILE.csv");
    dgs_error e = {0};
    const dgs_measure *m;
    if (dgs_ruleset_lookup(rs, o->pos[0], &m, &e))
        return cli_fail_err(c, &e);
    csv r;
    memset(&r, 0, sizeof r);
    r.line = 1;
    int rc = cli_open_regular(c, o->input, &r.f);
    if (rc)
        return rc;
    batch b = {c, o, m, NULL, 0, -1, false, false, 0, 0};
    dgs_case *cs = NULL;
    int got = cli_csv_next(&r);
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
    if ((rc = read_header(&b, &r)) || (rc = keep_names(&b)))
        goto done;
    if (dgs_case_new(m, &cs, &e) || (!b.has_date && dgs_case_set_date(cs, o->date, &e))) {
        rc = cli_fail_err(c, &e);
        goto done;
    }
    if (!o->json) {
        if (b.id_col >= 0) {
            cli_csv_field(c->out, b.cols[b.id_col].name);
            fputc(',', c->out);
        }
        fputs("row,line,outcome,award,unit,binding,error\n", c->out);
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
        const char *id = b.id_col >= 0 && (size_t)b.id_col < r.nfields ? cli_csv_cell(&r, (size_t)b.id_col) : "";
        if (!cli_utf8_valid(id, strlen(id)))
            id = "";
        bool empty = true;
        for (size_t k = 0; k < r.nfields && empty; k++)
            empty = !*cli_csv_cell(&r, k);
        if (empty) {
            if ((rc = invalid_row(&b, row, line, id, "an empty row")))
                goto done;
            continue;
        }
        if (r.nfields != b.ncols) {
            snprintf(msg, sizeof msg, "%zu fields, the header has %zu", r.nfields, b.ncols);
            if ((rc = invalid_row(&b, row, line, id, msg)))
                goto done;
            continue;
        }
        if (b.id_col >= 0 && !cli_utf8_valid(cli_csv_cell(&r, (size_t)b.id_col), strlen(cli_csv_cell(&r, (size_t)b.id_col)))) {
            if ((rc = invalid_row(&b, row, line, "", "the id is not valid UTF-8")))
                goto done;
            continue;
        }
        dgs_case_clear(cs);
        bool bad = false;
        if (!b.has_date && dgs_case_set_date(cs, o->date, &e)) {
            rc = cli_fail_err(c, &e);
            goto done;
        }
        for (size_t k = 0; k < b.ncols && !bad; k++) {
            const char *cell = cli_csv_cell(&r, k);
            if (b.cols[k].role == 2 || !*cell)
                continue;
            if (dgs_case_set_text(cs, b.cols[k].name, cell, &e)) {
                if (e.code == DGS_E_NOMEM) {
                    rc = cli_fail_err(c, &e);
                    goto done;
                }
                if ((rc = invalid_row(&b, row, line, id, e.message)))
                    goto done;
                bad = true;
            }
        }
        if (bad)
            continue;
        dgs_result *res = NULL;
        if (dgs_evaluate(cs, &res, &e)) {
            if (e.code == DGS_E_NOMEM) {
                rc = cli_fail_err(c, &e);
                goto done;
            }
            if ((rc = invalid_row(&b, row, line, id, e.message)))
                goto done;
            continue;
        }
        rc = write_row(&b, row, line, id, res, NULL);
        dgs_result_free(res);
        if (rc)
            goto done;
    }
    if ((rc = cli_check_out(c)))
        goto done;
    if (b.invalid) {
        if (b.invalid > MAX_REPORTED)
            cli_note(c, "%s: %lu more invalid rows (the error column of the output names each)", o->input,
                     b.invalid - MAX_REPORTED);
        rc = cli_fail(c, "%s: %lu invalid row%s, the first on line %lu: every row is in the output, invalid ones with outcome 'invalid'",
                      o->input, b.invalid, b.invalid == 1 ? "" : "s", b.first_invalid_line);
    }
    goto done;
csv_error:
    if (got == -2)
        rc = r.msg[0] ? cli_fail_io(c, "%s", r.msg)
                      : cli_fail_io(c, "%s: cannot be read: %s", o->input, strerror(errno));
    else
        rc = cli_fail(c, "%s:%lu: not valid CSV: %s; the rows from this line on were not evaluated", o->input, r.line,
                      r.msg);
done:
    dgs_case_free(cs);
    fclose(r.f);
    for (size_t k = 0; b.names_owned && k < b.ncols; k++)
        free((char *)b.cols[k].name);
    free(r.buf);
    free(r.start);
    free(b.cols);
    return rc;
}
