/* SPDX-License-Identifier: MulanPSL-2.0 */
/* What the files of the command-line tool share: the output and error
 * streams, the parsed options, the exit codes and the checked file reader. */
#ifndef DGS_CLI_INTERNAL_H
#define DGS_CLI_INTERNAL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "dgsubsidy/dgsubsidy.h"

/* printf-style checking of the message functions (mingw-w64's C99 printf). */
#if defined(__MINGW32__)
#define CLI_PRINTF(a, b) __attribute__((format(gnu_printf, a, b)))
#elif defined(__GNUC__)
#define CLI_PRINTF(a, b) __attribute__((format(printf, a, b)))
#else
#define CLI_PRINTF(a, b)
#endif

/* Exit codes: 0 success (whatever the outcome), 1 an I/O or runtime failure
 * (a file that cannot be opened or read, output that cannot be written, no
 * memory), 2 bad usage or bad input. */
#define CLI_OK 0
#define CLI_IO 1
#define CLI_USAGE 2

/* The largest JSON file (application, guideline) or claims list read whole. */
#define CLI_MAX_FILE (64u * 1024u * 1024u)
#define CLI_MAX_FILE_TEXT "64 MiB"

typedef struct cli {
    FILE *out;
    FILE *err;
    bool out_failed; /* the failure of the output was reported */
} cli;

/* Options, each at most once; `given` says which were given. */
enum {
    OPT_JSON = 1 << 0,
    OPT_LANG = 1 << 1,
    OPT_DATE = 1 << 2,
    OPT_GUIDELINE = 1 << 3,
    OPT_KIND = 1 << 4,
    OPT_FORMAT = 1 << 5,
    OPT_BUDGET = 1 << 6,
    OPT_METHOD = 1 << 7,
    OPT_INPUT = 1 << 8,
    OPT_ID = 1 << 9,
    OPT_HELP = 1 << 10,
    OPT_MEASURES = 1 << 11,
};

typedef struct opts {
    unsigned given;
    int lang;
    bool json;
    const char *date; /* --date, or today's date when not given */
    const char *guideline;
    const char *kind;
    const char *format;
    const char *budget;
    const char *method;
    const char *input;
    const char *id;
    const char *measures; /* --measures ID[,ID...] */
    char **pos;
    int npos;
    char today[16];
} opts;

/* One line "dgsubsidy: …" on the error stream; return CLI_USAGE / CLI_IO. */
int cli_fail(cli *c, const char *fmt, ...) CLI_PRINTF(2, 3);
int cli_fail_io(cli *c, const char *fmt, ...) CLI_PRINTF(2, 3);
/* A library error: CLI_IO for DGS_E_IO and DGS_E_NOMEM, else CLI_USAGE. */
int cli_fail_err(cli *c, const dgs_error *e);
/* A note (not a failure) on the error stream. */
void cli_note(cli *c, const char *fmt, ...) CLI_PRINTF(2, 3);

/* CLI_IO (with the message) once the output stream has failed, else 0. */
int cli_check_out(cli *c);

/* Opens `path` for reading without blocking on a FIFO; refuses what is not a
 * regular file (CLI_USAGE) and what cannot be opened (CLI_IO). */
int cli_open_regular(cli *c, const char *path, FILE **f);
/* Reads a whole regular file of at most CLI_MAX_FILE bytes into a
 * NUL-terminated buffer (the caller frees it), without a leading UTF-8 BOM. */
int cli_read_file(cli *c, const char *path, char **text, size_t *len);

/* Writes `s` as one CSV field (RFC 4180 quoting when needed). */
void cli_csv_field(FILE *f, const char *s);
/* 1 when s is valid UTF-8. */
bool cli_utf8_valid(const char *s, size_t n);
/* Replaces every byte that is not part of valid UTF-8 by '?'. */
void cli_utf8_sanitize(char *s);
/* An award as text in the measure's unit (yuan with two decimals, or a
 * whole count), and the name of that unit ("yuan", "places"). */
const char *cli_award_text(const dgs_measure *m, dgs_fen_t award, char *buf, size_t size);
const char *cli_award_unit(const dgs_measure *m);

/* The RFC 4180 reader of batch.c (quoted fields with commas, quotes and line
 * breaks; CRLF, LF or CR; a leading UTF-8 BOM skipped), one record at a time. */
#define CSV_MAX_RECORD (1u << 20) /* bytes of one row */
#define CSV_MAX_FIELDS 4096

typedef struct csv {
    FILE *f;
    unsigned char in[1 << 16];
    size_t pos, n;
    bool started;
    bool utf16; /* a UTF-16 byte order mark: not read */
    unsigned long line;        /* the physical line being read, 1-based */
    unsigned long record_line; /* the line the current record starts on */
    char *buf;                 /* the fields of the record, each NUL-terminated */
    size_t len, cap;
    size_t *start;
    size_t nfields, fcap;
    char msg[160];
} csv;

/* Reads one record: 1, 0 at the end of the file, -1 for a CSV error
 * (r->msg, r->line), -2 for a read error or no memory. */
int cli_csv_next(csv *r);
/* Field i (< r->nfields) of the record just read, NUL-terminated. */
const char *cli_csv_cell(const csv *r, size_t i);

int cmd_batch(cli *c, const opts *o, const dgs_ruleset *rs);
int cmd_compare(cli *c, const opts *o, const dgs_ruleset *rs);
int cmd_stack(cli *c, const opts *o, const dgs_ruleset *rs);
int cmd_population(cli *c, const opts *o, const dgs_ruleset *rs);

#endif
