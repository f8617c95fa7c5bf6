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
        static const char *const taken[] = {"row",  "line",     "outcome", "award", "award_fen", "unit",
                                              "paid", "paid_fen", "binding", "error", "date"};
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
    /* What is paid: the award of a grant, 0 otherwise (a ceiling still to be assessed is no payment). */
    dgs_fen_t paid_fen = res && dgs_result_outcome(res) == DGS_OUTCOME_GRANTED ? dgs_result_award(res) : 0;
    char pv[48];
    const char *paid = res ? cli_award_text(b->m, paid_fen, pv, sizeof pv) : "";
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
            bad |= json_object_set_new(o, "paid", res ? json_string(paid) : json_null());
            bad |= json_object_set_new(o, "paid_fen", res ? json_integer(paid_fen) : json_null());
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
    fprintf(f, ",%s,", paid);
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
        fputs("row,line,outcome,award,unit,paid,binding,error\n", c->out);
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

/* ---- `dgsubsidy population`: several measures over the rows, stacked per applicant ---- */

/* Text kept for the output, one allocation: offsets into it. */
typedef struct text_pool {
    char *p;
    size_t len, cap;
} text_pool;

static long pool_keep(text_pool *t, const char *s)
{
    size_t n = strlen(s) + 1;
    if (t->len + n > t->cap) {
        size_t cap = t->cap ? t->cap : 4096;
        while (cap < t->len + n)
            cap *= 2;
        char *p = realloc(t->p, cap);
        if (!p)
            return -1;
        t->p = p;
        t->cap = cap;
    }
    memcpy(t->p + t->len, s, n);
    t->len += n;
    return (long)(t->len - n);
}

typedef struct pop_col {
    const char *name;
    int type;                /* DGS_TYPE_* of the input (DGS_TYPE_FLAG for a condition) */
    const dgs_measure *m;    /* the first measure that reads it */
    long input;              /* its index there, or -1 for a condition */
    int64_t *values;
    uint8_t *present;
} pop_col;

typedef struct pop_file {
    size_t rows, cap;
    unsigned long *line;
    long *applicant;         /* offsets of the texts */
    long *object;
    long *error;             /* the row's first error (a cell, the fields), or -1 */
    long *date;              /* the row's date (a `date` cell), or -1: --date */
} pop_file;

static int pop_grow(pop_file *f, pop_col *cols, size_t ncols)
{
    if (f->rows < f->cap)
        return 0;
    size_t cap = f->cap ? f->cap * 2 : 1024;
    void *p;
    if (!(p = realloc(f->line, cap * sizeof *f->line)))
        return -1;
    f->line = p;
    if (!(p = realloc(f->applicant, cap * sizeof *f->applicant)))
        return -1;
    f->applicant = p;
    if (!(p = realloc(f->object, cap * sizeof *f->object)))
        return -1;
    f->object = p;
    if (!(p = realloc(f->error, cap * sizeof *f->error)))
        return -1;
    f->error = p;
    if (!(p = realloc(f->date, cap * sizeof *f->date)))
        return -1;
    f->date = p;
    for (size_t k = 0; k < ncols; k++) {
        if (!(p = realloc(cols[k].values, cap * sizeof *cols[k].values)))
            return -1;
        cols[k].values = p;
        if (!(p = realloc(cols[k].present, cap)))
            return -1;
        cols[k].present = p;
    }
    f->cap = cap;
    return 0;
}

/* A cell read exactly as `eval` reads name=value (checked through a case of
 * the first measure that reads the column), as a base-unit value. */
static int pop_cell(dgs_case *cs, const pop_col *col, const char *cell, int64_t *v, dgs_error *e)
{
    int rc = dgs_case_set_text(cs, col->name, cell, e);
    if (rc)
        return rc;
    switch (col->type) {
    case DGS_TYPE_MONEY:
    case DGS_TYPE_AREA:
        return dgs_money_parse(cell, v, e);   /* two decimals: fen, or hundredths of m² */
    case DGS_TYPE_COUNT:
        errno = 0;
        *v = strtoll(cell, NULL, 10);   /* digits only: set_text has checked it */
        return errno ? DGS_E_OVERFLOW : DGS_OK;
    case DGS_TYPE_FLAG:
        *v = strcmp(cell, "true") == 0 || strcmp(cell, "1") == 0;
        return DGS_OK;
    case DGS_TYPE_CHOICE:
        for (size_t j = 0; j < dgs_measure_input_choice_count(col->m, (size_t)col->input); j++)
            if (strcmp(dgs_measure_input_choice(col->m, (size_t)col->input, j), cell) == 0) {
                *v = (int64_t)j;
                return DGS_OK;
            }
        return DGS_E_CHOICE;
    default:
        snprintf(e->message, sizeof e->message, "%s is a list: a population takes no list input", col->name);
        return e->code = DGS_E_NOT_SUPPORTED;
    }
}

/* a += b for amounts that are not negative; false on overflow. */
static bool add_fen(dgs_fen_t *a, dgs_fen_t b)
{
    if (b > INT64_MAX - *a)
        return false;
    *a += b;
    return true;
}

typedef struct app_code {
    const char *text;
    size_t row;
} app_code;

static int cmp_app(const void *a, const void *b)
{
    const app_code *x = a, *y = b;
    int c = strcmp(x->text, y->text);
    return c ? c : (x->row > y->row) - (x->row < y->row);
}

/* An id that differs from another only by a space or a control character would
 * split one applicant in two (each under its own yearly caps): refused. */
static bool id_spaced(const char *id)
{
    size_t n = strlen(id);
    if (n && (id[0] == ' ' || id[n - 1] == ' ' || id[0] == '\t' || id[n - 1] == '\t'))
        return true;
    for (const unsigned char *p = (const unsigned char *)id; *p; p++)
        if (*p < 0x20 || *p == 0x7f)
            return true;
    return false;
}

int cmd_population(cli *c, const opts *o, const dgs_ruleset *rs)
{
    if (o->npos != 0 || !o->input || !o->measures)
        return cli_fail(c, "population takes --input FILE.csv and --measures ID,ID,… (no other arguments)");
    dgs_error e = {0};
    int rc = CLI_OK;
    /* The measures, comma-separated, each once. */
    char *mlist = strdup(o->measures);
    const char **ms = calloc(strlen(o->measures) + 1, sizeof *ms);
    const dgs_measure **mp = calloc(strlen(o->measures) + 1, sizeof *mp);
    size_t nm = 0;
    csv r;
    memset(&r, 0, sizeof r);
    r.line = 1;
    pop_col *cols = NULL;
    size_t ncols = 0;
    long app_col = -1, obj_col = -1, date_col = -1;
    pop_file f = {0};
    text_pool t = {0};
    dgs_case **cases = NULL;
    app_code *ac = NULL;
    int64_t *codes = NULL;
    dgs_fen_t *awards = NULL, *paid = NULL, *up_to = NULL;
    int32_t *outcomes = NULL, *decisions = NULL;
    const char **names = NULL, **objects = NULL, **dates = NULL;
    const int64_t **cv = NULL;
    const uint8_t **cp = NULL;
    unsigned long invalid = 0, first_invalid_line = 0;
    if (!mlist || !ms || !mp) {
        rc = cli_fail_io(c, "out of memory");
        goto done;
    }
    for (char *s = mlist;;) {
        char *comma = strchr(s, ',');
        if (comma)
            *comma = '\0';
        if (!*s) {
            rc = cli_fail(c, "--measures '%.60s': an empty measure id", o->measures);
            goto done;
        }
        if (dgs_ruleset_lookup(rs, s, &mp[nm], &e)) {
            rc = cli_fail_err(c, &e);
            goto done;
        }
        for (size_t k = 0; k < nm; k++)
            if (mp[k] == mp[nm]) {
                rc = cli_fail(c, "--measures: %s is listed twice", s);
                goto done;
            }
        ms[nm++] = s;
        if (!comma)
            break;
        s = comma + 1;
    }
    if ((rc = cli_open_regular(c, o->input, &r.f)))
        goto done;
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
    /* The header: `applicant`, an optional `object`, and inputs or conditions of the measures. */
    size_t nfields = r.nfields;
    cols = calloc(nfields, sizeof *cols);
    long *role = calloc(nfields, sizeof *role);   /* the column of each field, or -1 / -2 / -3 */
    if (!cols || !role) {
        free(role);
        rc = cli_fail_io(c, "out of memory");
        goto done;
    }
    for (size_t k = 0; k < nfields; k++) {
        const char *name = cli_csv_cell(&r, k);
        for (size_t j = 0; j < k; j++)
            if (strcmp(cli_csv_cell(&r, j), name) == 0) {
                free(role);
                rc = cli_fail(c, "%s:%lu: column '%.40s' appears twice (columns %zu and %zu)", o->input,
                              r.record_line, name, j + 1, k + 1);
                goto done;
            }
        if (!*name || !cli_utf8_valid(name, strlen(name))) {
            free(role);
            rc = cli_fail(c, "%s:%lu: column %zu has no name or a name that is not UTF-8", o->input, r.record_line,
                          k + 1);
            goto done;
        }
        if (strcmp(name, "applicant") == 0) {
            role[k] = -2, app_col = (long)k;
            continue;
        }
        if (strcmp(name, "object") == 0) {
            role[k] = -3, obj_col = (long)k;
            continue;
        }
        if (strcmp(name, "date") == 0) {
            role[k] = -4, date_col = (long)k;   /* each row's date; --date for an empty cell */
            continue;
        }
        pop_col *col = &cols[ncols];
        for (size_t q = 0; q < nm && !col->m; q++) {
            if (strncmp(name, "condition.", 10) == 0) {
                for (size_t i = 0; i < dgs_measure_condition_count(mp[q]); i++)
                    if (strcmp(dgs_measure_condition_id(mp[q], i), name + 10) == 0)
                        col->m = mp[q], col->input = -1, col->type = DGS_TYPE_FLAG;
            } else if (dgs_measure_input_index(mp[q], name) >= 0) {
                col->m = mp[q];
                col->input = dgs_measure_input_index(mp[q], name);
                col->type = dgs_measure_input_type(mp[q], (size_t)col->input);
            }
        }
        if (!col->m) {
            free(role);
            rc = cli_fail(c, "%s:%lu: column '%.40s' is neither an input nor a condition of %s", o->input,
                          r.record_line, name, o->measures);
            goto done;
        }
        /* A column read by several measures must mean the same to each (the same type and choices). */
        for (size_t q = 0; q < nm; q++) {
            long i = col->input >= 0 ? dgs_measure_input_index(mp[q], name) : -1;
            if (i < 0)
                continue;
            bool same = dgs_measure_input_type(mp[q], (size_t)i) == col->type &&
                        dgs_measure_input_choice_count(mp[q], (size_t)i) ==
                            dgs_measure_input_choice_count(col->m, (size_t)col->input);
            for (size_t j = 0; same && j < dgs_measure_input_choice_count(mp[q], (size_t)i); j++)
                same = strcmp(dgs_measure_input_choice(mp[q], (size_t)i, j),
                              dgs_measure_input_choice(col->m, (size_t)col->input, j)) == 0;
            if (!same) {
                free(role);
                rc = cli_fail(c, "%s:%lu: column '%.40s' is an input of %s and of %s of different types or choices: "
                              "evaluate them in separate files", o->input, r.record_line, name,
                              dgs_measure_id(col->m), dgs_measure_id(mp[q]));
                goto done;
            }
        }
        if (!(col->name = strdup(name))) {
            free(role);
            rc = cli_fail_io(c, "out of memory");
            goto done;
        }
        role[k] = (long)ncols++;
    }
    if (app_col < 0) {
        free(role);
        rc = cli_fail(c, "%s:%lu: no column 'applicant': each row is one object of one applicant", o->input,
                      r.record_line);
        goto done;
    }
    if (!(o->given & OPT_DATE) && date_col < 0)
        cli_note(c, "note: no --date given: every claim is evaluated at today's date, %s", o->date);
    cases = calloc(nm, sizeof *cases);
    if (!cases) {
        free(role);
        rc = cli_fail_io(c, "out of memory");
        goto done;
    }
    for (size_t q = 0; q < nm; q++)
        if (dgs_case_new(mp[q], &cases[q], &e) || dgs_case_set_date(cases[q], o->date, &e)) {
            free(role);
            rc = cli_fail_err(c, &e);
            goto done;
        }
    /* The rows, whole: an applicant's rows may be anywhere in the file. */
    for (;;) {
        got = cli_csv_next(&r);
        if (got == 0)
            break;
        if (got < 0) {
            free(role);
            goto csv_error;
        }
        if (pop_grow(&f, cols, ncols)) {
            free(role);
            rc = cli_fail_io(c, "out of memory");
            goto done;
        }
        size_t i = f.rows++;
        f.line[i] = r.record_line;
        f.error[i] = -1;
        f.date[i] = -1;
        for (size_t k = 0; k < ncols; k++)
            cols[k].values[i] = 0, cols[k].present[i] = 0;
        const char *problem = NULL;
        char msg[320];
        if (r.nfields != nfields) {
            snprintf(msg, sizeof msg, "%zu fields, the header has %zu", r.nfields, nfields);
            problem = msg;
        }
        const char *app = !problem ? cli_csv_cell(&r, (size_t)app_col) : "";
        const char *obj = !problem && obj_col >= 0 ? cli_csv_cell(&r, (size_t)obj_col) : "";
        if (!problem && (!*app || !cli_utf8_valid(app, strlen(app))))
            problem = *app ? "the applicant is not UTF-8 text" : "no applicant";
        if (!problem && id_spaced(app))
            problem = "the applicant begins or ends with a space or holds a control character: "
                      "one applicant written two ways would be two applicants, each under its own caps";
        if (!problem && !cli_utf8_valid(obj, strlen(obj)))
            problem = "the object is not UTF-8 text";
        /* The row's date: its cell (read as `batch` reads a date column), or --date for an empty one. */
        const char *day = !problem && date_col >= 0 ? cli_csv_cell(&r, (size_t)date_col) : "";
        bool dated = false, bad_date = false;
        if (!problem && *day) {
            if (dgs_case_set_date(cases[0], day, &e)) {
                snprintf(msg, sizeof msg, "%s", e.message);
                cli_utf8_sanitize(msg);
                problem = msg, bad_date = true;
            } else {
                dated = true;
            }
        } else if (!problem && date_col >= 0 && !(o->given & OPT_DATE)) {
            problem = "no date: give it in the date column, or --date for the rows without one";
            bad_date = true;
        }
        f.applicant[i] = pool_keep(&t, problem && !bad_date ? "" : app);   /* a row without a date is still its applicant's */
        f.object[i] = pool_keep(&t, problem && !bad_date ? "" : obj);
        if (dated && (f.date[i] = pool_keep(&t, day)) < 0) {
            free(role);
            rc = cli_fail_io(c, "out of memory");
            goto done;
        }
        for (size_t k = 0; !problem && k < nfields; k++) {
            const char *cell = cli_csv_cell(&r, k);
            if (role[k] < 0 || !*cell)
                continue;
            pop_col *col = &cols[role[k]];
            size_t q = 0;
            while (mp[q] != col->m)
                q++;
            int64_t v = 0;
            if (pop_cell(cases[q], col, cell, &v, &e)) {
                if (e.code == DGS_E_NOMEM) {
                    free(role);
                    rc = cli_fail_err(c, &e);
                    goto done;
                }
                snprintf(msg, sizeof msg, "%s", e.message);
                cli_utf8_sanitize(msg);
                problem = msg;
                /* -1 is refused by every type: the row is invalid for each measure reading the column. */
                col->values[i] = -1, col->present[i] = 1;
                break;
            }
            col->values[i] = v, col->present[i] = 1;
        }
        if (problem) {
            f.error[i] = pool_keep(&t, problem);
            if (!invalid++)
                first_invalid_line = f.line[i];
            if (invalid <= MAX_REPORTED)
                cli_note(c, "%s:%lu: row %zu: %s", o->input, f.line[i], i + 1, problem);
            if (r.nfields != nfields || !*app || bad_date)   /* not one applicant's row, or of no date: claims nothing */
                for (size_t k = 0; k < ncols; k++)
                    cols[k].present[i] = 0;
        }
        if (f.applicant[i] < 0 || f.object[i] < 0 || (problem && f.error[i] < 0)) {
            free(role);
            rc = cli_fail_io(c, "out of memory");
            goto done;
        }
    }
    free(role);
    size_t rows = f.rows;
    /* Applicants as codes: equal texts, equal codes (one sort). */
    ac = malloc((rows ? rows : 1) * sizeof *ac);
    codes = malloc((rows ? rows : 1) * sizeof *codes);
    objects = malloc((rows ? rows : 1) * sizeof *objects);
    dates = malloc((rows ? rows : 1) * sizeof *dates);
    names = malloc((ncols ? ncols : 1) * sizeof *names);
    cv = malloc((ncols ? ncols : 1) * sizeof *cv);
    cp = malloc((ncols ? ncols : 1) * sizeof *cp);
    size_t cells = nm * (rows ? rows : 1);
    awards = malloc(cells * sizeof *awards);
    paid = malloc(cells * sizeof *paid);
    up_to = malloc(cells * sizeof *up_to);
    outcomes = malloc(cells * sizeof *outcomes);
    decisions = malloc(cells * sizeof *decisions);
    if (!ac || !codes || !objects || !dates || !names || !cv || !cp || !awards || !paid || !up_to || !outcomes || !decisions) {
        rc = cli_fail_io(c, "out of memory");
        goto done;
    }
    for (size_t i = 0; i < rows; i++) {
        ac[i] = (app_code){t.p + f.applicant[i], i};
        objects[i] = t.p + f.object[i];
        dates[i] = f.date[i] >= 0 ? t.p + f.date[i] : NULL;
    }
    qsort(ac, rows, sizeof *ac, cmp_app);
    for (size_t i = 0, code = 0; i < rows; i++) {
        if (i && strcmp(ac[i].text, ac[i - 1].text) != 0)
            code++;
        codes[ac[i].row] = (int64_t)code;
    }
    for (size_t k = 0; k < ncols; k++)
        names[k] = cols[k].name, cv[k] = cols[k].values, cp[k] = cols[k].present;
    for (size_t x = 0; x < cells; x++)
        decisions[x] = -100;   /* not written */
    int prc = dgs_evaluate_population(rs, nm, ms, o->date, date_col >= 0 ? dates : NULL, rows, ncols, names, cv, cp, codes,
                                      obj_col >= 0 ? objects : NULL, awards, outcomes, paid, decisions, up_to, &e);
    if (prc && (prc == DGS_E_NOMEM || !rows || decisions[0] == -100)) {
        /* Refused before any row was written; an object refused names its row's line. */
        const char *what = strstr(e.message, "the object of row ");
        if ((prc == DGS_E_VALUE || prc == DGS_E_RANGE) && rows && e.row < rows && what) {
            what += strlen("the object of row ");
            what += strspn(what, "0123456789 ");   /* the library counts rows from 0; the file from 1 */
            rc = cli_fail(c, "%s:%lu: row %zu: the object %s", o->input, f.line[e.row], e.row + 1, what);
        } else
            rc = cli_fail_err(c, &e);
        goto done;
    }
    /* The claims, in row order and the order of the measures; then the totals. */
    FILE *out = c->out;
    if (!o->json)
        fputs("applicant,object,row,line,measure,outcome,award,unit,paid,decision,up_to,error\n", out);
    for (size_t i = 0; i < rows; i++) {
        if ((rc = cli_check_out(c)))
            goto done;
        for (size_t q = 0; q < nm; q++) {
            size_t at = q * rows + i;
            if (decisions[at] == DGS_STACK_NOT_CLAIMED)
                continue;
            char err_text[320] = "";
            if (decisions[at] == DGS_STACK_INVALID) {
                if (f.error[i] >= 0) {
                    snprintf(err_text, sizeof err_text, "%s", t.p + f.error[i]);
                } else {
                    /* Why, as `eval` says it for the row's cells. */
                    dgs_error why = {0};
                    dgs_case *cs = NULL;
                    dgs_result *res = NULL;
                    int erc = dgs_case_new(mp[q], &cs, &why);
                    if (!erc)
                        erc = dgs_case_set_date(cs, dates[i] ? dates[i] : o->date, &why);
                    for (size_t k = 0; !erc && k < ncols; k++)
                        if (cols[k].present[i] && (cols[k].input < 0 ? false : dgs_measure_input_index(mp[q], cols[k].name) >= 0))
                            erc = dgs_case_set_int(cs, cols[k].name, cols[k].values[i], &why);
                    if (!erc)
                        erc = dgs_evaluate(cs, &res, &why);
                    /* A claim that evaluates alone is refused with its applicant's total. */
                    snprintf(err_text, sizeof err_text, "%s",
                             erc ? why.message
                                 : "its applicant's claims would be paid more than the int64 range of fen in all");
                    dgs_result_free(res);
                    dgs_case_free(cs);
                    cli_utf8_sanitize(err_text);
                    if (!invalid++ || f.line[i] < first_invalid_line)
                        first_invalid_line = f.line[i];
                    if (invalid <= MAX_REPORTED)
                        cli_note(c, "%s:%lu: row %zu: %s", o->input, f.line[i], i + 1, err_text);
                }
            }
            char a[48], p[48], u[48];
            bool ok = decisions[at] != DGS_STACK_INVALID;
            const char *award = ok ? cli_award_text(mp[q], awards[at], a, sizeof a) : "";
            dgs_money_format(paid[at], p, sizeof p);
            dgs_money_format(up_to[at], u, sizeof u);
            if (o->json) {
                json_t *j = json_object();
                int bad = !j;
                if (!bad) {
                    bad |= json_object_set_new(j, "applicant", json_string(t.p + f.applicant[i]));
                    bad |= json_object_set_new(j, "object", json_string(objects[i]));
                    bad |= json_object_set_new(j, "row", json_integer((json_int_t)(i + 1)));
                    bad |= json_object_set_new(j, "line", json_integer((json_int_t)f.line[i]));
                    bad |= json_object_set_new(j, "measure", json_string(ms[q]));
                    bad |= json_object_set_new(j, "outcome", json_string(dgs_outcome_name(outcomes[at])));
                    bad |= json_object_set_new(j, "award", ok ? json_string(award) : json_null());
                    bad |= json_object_set_new(j, "award_fen", ok ? json_integer(awards[at]) : json_null());
                    bad |= json_object_set_new(j, "unit", json_string(cli_award_unit(mp[q])));
                    bad |= json_object_set_new(j, "paid", json_string(p));
                    bad |= json_object_set_new(j, "paid_fen", json_integer(paid[at]));
                    bad |= json_object_set_new(j, "decision", json_string(dgs_stack_decision_name(decisions[at])));
                    bad |= json_object_set_new(j, "up_to", json_string(u));
                    bad |= json_object_set_new(j, "error", *err_text ? json_string(err_text) : json_null());
                }
                char *text = bad ? NULL : json_dumps(j, JSON_COMPACT | JSON_PRESERVE_ORDER);
                json_decref(j);
                if (!text) {
                    rc = cli_fail_io(c, "out of memory writing row %zu", i + 1);
                    goto done;
                }
                fputs(text, out);
                fputc('\n', out);
                free(text);
            } else {
                cli_csv_field(out, t.p + f.applicant[i]);
                fputc(',', out);
                cli_csv_field(out, objects[i]);
                fprintf(out, ",%zu,%lu,%s,%s,%s,", i + 1, f.line[i], ms[q], dgs_outcome_name(outcomes[at]), award);
                cli_csv_field(out, cli_award_unit(mp[q]));
                fprintf(out, ",%s,%s,%s,", p, dgs_stack_decision_name(decisions[at]), u);
                cli_csv_field(out, err_text);
                fputc('\n', out);
            }
        }
        if (f.error[i] >= 0) {
            bool listed = false;   /* a row no measure's claim reports: one line of its own */
            for (size_t q = 0; q < nm; q++)
                listed |= decisions[q * rows + i] == DGS_STACK_INVALID;
            if (!listed) {
                if (o->json) {
                    json_t *j = json_pack("{s:s,s:s,s:I,s:I,s:n,s:s,s:s}", "applicant", t.p + f.applicant[i],
                                          "object", objects[i], "row", (json_int_t)(i + 1), "line",
                                          (json_int_t)f.line[i], "measure", "outcome", "invalid", "error",
                                          t.p + f.error[i]);
                    char *text = j ? json_dumps(j, JSON_COMPACT | JSON_PRESERVE_ORDER) : NULL;
                    json_decref(j);
                    if (!text) {
                        rc = cli_fail_io(c, "out of memory writing row %zu", i + 1);
                        goto done;
                    }
                    fputs(text, out);
                    fputc('\n', out);
                    free(text);
                } else {
                    cli_csv_field(out, t.p + f.applicant[i]);
                    fputc(',', out);
                    cli_csv_field(out, objects[i]);
                    fprintf(out, ",%zu,%lu,,invalid,,,0.00,invalid,0.00,", i + 1, f.line[i]);
                    cli_csv_field(out, t.p + f.error[i]);
                    fputc('\n', out);
                }
            }
        }
    }
    /* Totals: per applicant (in the order of their first row), then the whole file. */
    {
        dgs_fen_t *tp = calloc(rows ? rows : 1, sizeof *tp), *tu = calloc(rows ? rows : 1, sizeof *tu);
        size_t *first = malloc((rows ? rows : 1) * sizeof *first);
        if (!tp || !tu || !first) {
            free(tp), free(tu), free(first);
            rc = cli_fail_io(c, "out of memory");
            goto done;
        }
        for (size_t i = 0; i < rows; i++)
            first[i] = SIZE_MAX;
        dgs_fen_t all = 0, all_up = 0;
        bool overflow = false;
        for (size_t i = 0; i < rows; i++) {
            size_t a = (size_t)codes[i];
            if (first[a] == SIZE_MAX)
                first[a] = i;
            for (size_t q = 0; q < nm; q++) {
                size_t at = q * rows + i;
                overflow |= !add_fen(&tp[a], paid[at]) || !add_fen(&tu[a], up_to[at]) || !add_fen(&all, paid[at]) ||
                            !add_fen(&all_up, up_to[at]);
            }
        }
        if (overflow) {
            free(tp), free(tu), free(first);
            rc = cli_fail(c, "%s: the total paid exceeds the largest amount", o->input);
            goto done;
        }
        for (size_t i = 0; i < rows; i++) {
            size_t a = (size_t)codes[i];
            if (first[a] != i || !*(t.p + f.applicant[i]))
                continue;
            char p[48], u[48];
            dgs_money_format(tp[a], p, sizeof p);
            dgs_money_format(tu[a], u, sizeof u);
            if (o->json) {
                json_t *j = json_pack("{s:s,s:s,s:I,s:s,s:I}", "applicant", t.p + f.applicant[i], "total", p,
                                      "total_fen", (json_int_t)tp[a], "up_to_total", u, "up_to_total_fen",
                                      (json_int_t)tu[a]);
                char *text = j ? json_dumps(j, JSON_COMPACT | JSON_PRESERVE_ORDER) : NULL;
                json_decref(j);
                if (text)
                    fputs(text, out), fputc('\n', out);
                free(text);
            } else {
                cli_csv_field(out, t.p + f.applicant[i]);
                fprintf(out, ",,,,,,,,%s,total,%s,\n", p, u);
            }
        }
        char p[48], u[48];
        dgs_money_format(all, p, sizeof p);
        dgs_money_format(all_up, u, sizeof u);
        if (o->json)
            fprintf(out, "{\"total\":\"%s\",\"total_fen\":%lld,\"up_to_total\":\"%s\",\"up_to_total_fen\":%lld}\n", p,
                    (long long)all, u, (long long)all_up);
        else
            fprintf(out, ",,,,,,,,%s,total,%s,\n", p, u);
        free(tp), free(tu), free(first);
    }
    if ((rc = cli_check_out(c)))
        goto done;
    if (invalid) {
        if (invalid > MAX_REPORTED)
            cli_note(c, "%s: %lu more invalid claims (the error column of the output names each)", o->input,
                     invalid - MAX_REPORTED);
        rc = cli_fail(c, "%s: %lu invalid claim%s or row%s, the first on line %lu: each is in the output with decision 'invalid'",
                      o->input, invalid, invalid == 1 ? "" : "s", invalid == 1 ? "" : "s", first_invalid_line);
    }
    goto done;
csv_error:
    if (got == -2)
        rc = r.msg[0] ? cli_fail_io(c, "%s", r.msg) : cli_fail_io(c, "%s: cannot be read: %s", o->input, strerror(errno));
    else
        rc = cli_fail(c, "%s:%lu: not valid CSV: %s; nothing was evaluated", o->input, r.line, r.msg);
done:
    for (size_t q = 0; cases && q < nm; q++)
        dgs_case_free(cases[q]);
    free(cases);
    if (r.f)
        fclose(r.f);
    for (size_t k = 0; k < ncols; k++) {
        free((char *)cols[k].name);
        free(cols[k].values);
        free(cols[k].present);
    }
    free(cols);
    free(r.buf);
    free(r.start);
    free(f.line), free(f.applicant), free(f.object), free(f.error), free(f.date);
    free(t.p);
    free(ac), free(codes), free(objects), free(dates), free(names), free(cv), free(cp);
    free(awards), free(paid), free(up_to), free(outcomes), free(decisions);
    free(mlist), free(ms), free(mp);
    return rc;
}
