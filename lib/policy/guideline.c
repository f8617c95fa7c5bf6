/* SPDX-License-Identifier: MulanPSL-2.0 */
/*
 * Guidelines (申报指南): JSON files that derive a ruleset whose parameter
 * values change from a date on.  docs/guidelines.md describes the format:
 *
 *   { "name": "2025年申报指南",
 *     "changes": [
 *       { "measure": "A1.07.a", "parameter": "cap_per_year", "value": "2000000",
 *         "from": "2025-01-01", "until": "2025-12-31", "reference": "指南第三条" },
 *       { "parameter": "validity_end", "value": "2027-12-31", "reference": "…" } ] }
 *
 * Every problem is refused with the source, the line and the parameter; the
 * base ruleset is never touched.
 */
#ifdef __linux__
#define _GNU_SOURCE 1 /* statx (below) */
#endif
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <fcntl.h>
#ifdef _WIN32
#include <io.h>
#else
#include <unistd.h>
#endif

#include <jansson.h>

#include "core/error.h"
#include "core/strbuf.h"
#include "policy/ruleset.h"

typedef struct ctx {
    const char *source;
    int line;
    dgs_error *err;
} ctx;

static int refuse(ctx *x, int code, const char *what, const char *fmt, ...) DGS_PRINTF(4, 5);
static int refuse(ctx *x, int code, const char *what, const char *fmt, ...)
{
    char detail[200];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(detail, sizeof detail, fmt, ap);
    va_end(ap);
    (void)code;
    dgs_fail(x->err, DGS_E_GUIDELINE, "%s:%d: %s%s%s", x->source, x->line, what, *what ? ": " : "", detail);
    if (x->err)
        x->err->reason = x->line;
    return DGS_E_GUIDELINE;
}

static bool allowed_key(const char *key, const char *const *keys)
{
    for (; *keys; keys++)
        if (strcmp(key, *keys) == 0)
            return true;
    return false;
}

/* Reads one change object into c. */
static int read_change(ctx *x, const dgs_ruleset *base, json_t *o, change *c)
{
    static const char *const keys[] = {"measure", "parameter", "value", "from", "until", "reference", "unit", "note",
                                       "exceeds_text", NULL};
    const char *key;
    json_t *v;
    char what[96] = "";
    if (!json_is_object(o))
        return refuse(x, 0, "", "each change must be an object");
    json_object_foreach(o, key, v) {
        if (!allowed_key(key, keys))
            return refuse(x, 0, "", "unknown key '%.40s' (keys: measure, parameter, value, from, until, reference, unit, note, exceeds_text)", key);
    }
    json_t *jm = json_object_get(o, "measure"), *jp = json_object_get(o, "parameter");
    json_t *jv = json_object_get(o, "value"), *jr = json_object_get(o, "reference");
    if (jm && !json_is_null(jm) && !json_is_string(jm))
        return refuse(x, 0, "", "\"measure\" must be a measure id (a string)");
    if (!json_is_string(jp))
        return refuse(x, 0, "", "\"parameter\" (a string) is required");
    const char *mid = jm && json_is_string(jm) ? json_string_value(jm) : NULL;
    const char *pname = json_string_value(jp);
    snprintf(what, sizeof what, "%.40s%s%.40s", mid ? mid : "ruleset", ".", pname);

    const dgs_measure *m = NULL;
    size_t np = G_COUNT;
    if (mid) {
        if (!(m = dgs_ruleset_find(base, mid)))
            return refuse(x, 0, what, "unknown measure '%.40s'", mid);
        if (!meta_has_own_params(m->meta))
            return refuse(x, 0, what, "%s restates %s: its amount follows the parameters of %s; change those",
                          mid, m->meta->restates[0], m->meta->restates[0]);
        np = dgs_measure_parameter_count(m);
    }
    int pi = -1;
    for (size_t i = 0; i < np; i++)
        if (strcmp(measure_param(m, i)->name, pname) == 0)
            pi = (int)i;
    if (pi < 0) {
        char list[160] = "";
        for (size_t i = 0; i < np; i++)
            snprintf(list + strlen(list), sizeof list - strlen(list), "%s%s", i ? ", " : "", measure_param(m, i)->name);
        return refuse(x, 0, what, "unknown parameter (parameters: %s)", *list ? list : "none");
    }
    const param_def *p = measure_param(m, (size_t)pi);

    json_t *ju = json_object_get(o, "unit");
    if (ju && (!json_is_string(ju) || strcmp(json_string_value(ju), p->unit) != 0))
        return refuse(x, 0, what, "wrong unit '%.30s': the parameter is in %s", json_is_string(ju) ? json_string_value(ju) : "?", p->unit);

    /* The value is read whole, whatever its length (a zero-padded number is
     * still the number); a string with a NUL inside is refused. */
    char digits[32];
    const char *text;
    if (json_is_string(jv)) {
        text = json_string_value(jv);
        if (strlen(text) != json_string_length(jv))
            return refuse(x, 0, what, "\"value\" contains a NUL character");
    } else if (json_is_integer(jv) && p->type != DGS_TYPE_SWITCH && p->type != DGS_TYPE_DATE) {
        snprintf(digits, sizeof digits, "%lld", (long long)json_integer_value(jv));
        text = digits;
    } else if (json_is_real(jv))
        return refuse(x, 0, what, "a JSON number with a fraction is not exact: write the value as a string, e.g. \"5%%\" or \"1500000.00\"");
    else
        return refuse(x, 0, what, "\"value\" must be %s", p->type == DGS_TYPE_SWITCH ? "a reading's name (a string)"
                                                         : p->type == DGS_TYPE_DATE ? "a date string YYYY-MM-DD"
                                                                                    : "a string or an integer");
    dgs_error perr = {0};
    if (param_value_parse(p, text, what, &c->v.num, &c->v.den, &perr))
        return refuse(x, 0, "", "%s", perr.message);

    c->measure = m;
    c->param = pi;
    c->v.set = true;
    c->v.from = INT32_MIN;
    c->v.until = INT32_MAX;
    const char *fields[2] = {"from", "until"};
    int32_t *dates[2] = {&c->v.from, &c->v.until};
    for (int k = 0; k < 2; k++) {
        json_t *jd = json_object_get(o, fields[k]);
        if (!jd || json_is_null(jd))
            continue;
        if (!json_is_string(jd) || dgs_date_parse(json_string_value(jd), dates[k]))
            return refuse(x, 0, what, "\"%s\" is not a date YYYY-MM-DD", fields[k]);
    }
    if (c->v.from > c->v.until)
        return refuse(x, 0, what, "\"from\" is after \"until\"");
    if (jr && !json_is_string(jr))
        return refuse(x, 0, what, "\"reference\" must be a string");
    c->v.ref = jr ? json_string_value(jr) : "";

    /* A value above the text's own maximum (最高 X, 不超过 X%) goes beyond the
     * policy: refused unless the change says so, with what authorises it. */
    json_t *jx = json_object_get(o, "exceeds_text");
    if (jx && !json_is_boolean(jx))
        return refuse(x, 0, what, "\"exceeds_text\" must be true or false");
    bool declared = jx && json_is_true(jx), above = param_above_text(p, c->v.num, c->v.den);
    if (above || declared) {
        char given[64], printed[64];
        version pv = {0, 0, p->num, p->den, true, -1, NULL, false};
        param_value_format(p, &c->v, given, sizeof given);
        param_value_format(p, &pv, printed, sizeof printed);
        if (above && !declared)
            return refuse(x, 0, what, "%s is above the text's own limit %s (原文：%s); a guideline that goes beyond "
                          "the text must say \"exceeds_text\": true and give its \"reference\"", given, printed, p->phrase);
        if (!above)
            return refuse(x, 0, what, "\"exceeds_text\" is true but %s is within the text's limit%s%s", given,
                          (p->flags & P_TEXT_MAX) ? " " : " (the text states no maximum for it)",
                          (p->flags & P_TEXT_MAX) ? printed : "");
        if (!*c->v.ref)
            return refuse(x, 0, what, "a value beyond the text (\"exceeds_text\": true) needs its \"reference\"");
    }
    c->v.exceeds = above;
    return DGS_OK;
}

/* ---- reading the text --------------------------------------------------------
 *
 * The guideline's top level is read here and each value by jansson, one at a
 * time: a change object is parsed, read into a `change` and freed before the
 * next, so memory follows the number of changes (a few dozen bytes each),
 * not the size of a parsed tree of the whole file (about a kilobyte a change,
 * 1.5 GB for a million).  Lines are counted on the way, so every message names
 * the line of its change. */

typedef struct reader {
    const char *p;
    size_t len, pos;
    int line;
} reader;

static void skip_space(reader *r)
{
    for (; r->pos < r->len; r->pos++) {
        char c = r->p[r->pos];
        if (c == '\n')
            r->line++;
        else if (c != ' ' && c != '\t' && c != '\r')
            break;
    }
}

static char peek(const reader *r)
{
    return r->pos < r->len ? r->p[r->pos] : '\0';
}

/* One JSON value at the reader's position, or NULL with jerr set (its line
 * counted from the start of the text). */
static json_t *read_value(reader *r, json_error_t *jerr)
{
    /* jansson leaves the error's code unset when it fails before parsing
     * (its lexer's first allocation): zero means "not out of memory". */
    memset(jerr, 0, sizeof *jerr);
    json_t *v = json_loadb(r->p + r->pos, r->len - r->pos,
                           JSON_DECODE_ANY | JSON_DISABLE_EOF_CHECK | JSON_REJECT_DUPLICATES, jerr);
    if (!v) {
        jerr->line += r->line - 1;
        return NULL;
    }
    size_t end = r->pos + (size_t)jerr->position;
    for (; r->pos < end; r->pos++)
        r->line += r->p[r->pos] == '\n';
    return v;
}

/* The parse error of jansson, or of the top level, as a refusal. */
static int malformed(ctx *x, const json_error_t *jerr, dgs_error *err)
{
    /* No message at all: the lexer's first allocation failed. */
    if (json_error_code(jerr) == json_error_out_of_memory || !jerr->text[0])
        return dgs_fail(err, DGS_E_NOMEM, "out of memory reading %s", x->source);
    x->line = jerr->line;
    return refuse(x, 0, "", "malformed JSON: %s", jerr->text);
}

static int malformed_at(ctx *x, const reader *r, const char *what)
{
    x->line = r->line;
    return refuse(x, 0, "", "malformed JSON: %s", what);
}

static int by_parameter_then_start(const void *a, const void *b)
{
    const change *x = *(const change *const *)a, *y = *(const change *const *)b;
    int c = change_cmp(x, y);
    return c ? c : (x->v.from > y->v.from) - (x->v.from < y->v.from);
}

/* What has been read: the changes, the line of each, and their references
 * (copied, one buffer: the parsed objects are freed as they are read). */
typedef struct reading {
    change *changes;
    int *lines;
    size_t *ref_at;
    size_t n, cap;
    strbuf refs;
} reading;

static bool reading_grow(reading *g)
{
    if (g->n < g->cap)
        return true;
    size_t cap = g->cap ? g->cap * 2 : 64;
    change *c = realloc(g->changes, cap * sizeof *c);
    if (c)
        g->changes = c;
    int *l = realloc(g->lines, cap * sizeof *l);
    if (l)
        g->lines = l;
    size_t *r = realloc(g->ref_at, cap * sizeof *r);
    if (r)
        g->ref_at = r;
    if (!c || !l || !r)
        return false;
    g->cap = cap;
    return true;
}

/* Reads the "changes" array, one change at a time. */
static int read_changes(ctx *x, reader *r, const dgs_ruleset *base, reading *g)
{
    json_error_t jerr;
    r->pos++;   /* '[' */
    skip_space(r);
    if (peek(r) == ']') {
        r->pos++;
        return DGS_OK;
    }
    for (;;) {
        skip_space(r);
        if (!reading_grow(g))
            return dgs_fail(x->err, DGS_E_NOMEM, "out of memory reading %s", x->source);
        int line = r->line;
        /* Parsed twice and compared: jansson's lexer drops a character when
         * growing its token buffer fails (lex_save ignores the failure), so
         * under a passing allocation failure "1500000" could be read as
         * "150000" with no error.  A second parse that differs is the sign. */
        reader again = *r;
        json_t *o = read_value(r, &jerr);
        if (!o)
            return malformed(x, &jerr, x->err);
        json_t *o2 = read_value(&again, &jerr);
        bool same = o2 && json_equal(o, o2);
        json_decref(o2);
        if (!same) {
            json_decref(o);
            /* The same text parsed once: any difference is the allocator's. */
            return o2 ? dgs_fail(x->err, DGS_E_NOMEM, "out of memory reading %s", x->source)
                      : malformed(x, &jerr, x->err);
        }
        x->line = line;
        change *c = &g->changes[g->n];
        int rc = read_change(x, base, o, c);
        if (!rc) {
            g->lines[g->n] = line;
            g->ref_at[g->n] = g->refs.len;
            sb_append(&g->refs, c->v.ref, strlen(c->v.ref) + 1);
            if (g->refs.failed)
                rc = dgs_fail(x->err, DGS_E_NOMEM, "out of memory reading %s", x->source);
            c->v.ref = NULL;   /* in g->refs once all are read */
            g->n++;
        }
        json_decref(o);
        if (rc)
            return rc;
        skip_space(r);
        char ch = peek(r);
        r->pos += ch != '\0';
        if (ch == ']')
            return DGS_OK;
        if (ch != ',')
            return malformed_at(x, r, "',' or ']' expected after a change");
    }
}

/* Reads the guideline's top-level object. */
static int read_guideline(ctx *x, reader *r, const dgs_ruleset *base, reading *g)
{
    static const char *const keys[] = {"name", "description", "issued_by", "reference", "changes", NULL};
    json_error_t jerr;
    bool seen[5] = {false};
    skip_space(r);
    r->pos++;   /* '{' */
    skip_space(r);
    bool first = true;
    for (;;) {
        skip_space(r);
        if (first && peek(r) == '}') {
            r->pos++;
            break;
        }
        first = false;
        if (peek(r) != '"')
            return malformed_at(x, r, "a key (a string) expected");
        int line = r->line;
        json_t *k = read_value(r, &jerr);
        if (!k)
            return malformed(x, &jerr, x->err);
        char key[48];
        snprintf(key, sizeof key, "%s", json_string_value(k));
        json_decref(k);
        x->line = line;
        size_t which = 0;
        while (keys[which] && strcmp(keys[which], key) != 0)
            which++;
        if (!keys[which])
            return refuse(x, 0, "", "unknown key '%.40s' (keys: name, description, issued_by, reference, changes)", key);
        if (seen[which])
            return refuse(x, 0, "", "malformed JSON: duplicate object key '%s'", key);
        seen[which] = true;
        skip_space(r);
        if (peek(r) != ':')
            return malformed_at(x, r, "':' expected after a key");
        r->pos++;
        skip_space(r);
        int rc;
        if (strcmp(key, "changes") == 0) {
            if (peek(r) != '[') {
                x->line = r->line;
                return refuse(x, 0, "", "\"changes\" (an array) is required");
            }
            if ((rc = read_changes(x, r, base, g)))
                return rc;
        } else {
            json_t *v = read_value(r, &jerr);
            if (!v)
                return malformed(x, &jerr, x->err);
            json_decref(v);
        }
        skip_space(r);
        char ch = peek(r);
        r->pos += ch != '\0';
        if (ch == '}')
            break;
        if (ch != ',')
            return malformed_at(x, r, "',' or '}' expected");
    }
    skip_space(r);
    if (r->pos != r->len)
        return malformed_at(x, r, "end of file expected");
    if (!seen[4]) {
        x->line = 1;
        return refuse(x, 0, "", "\"changes\" (an array) is required");
    }
    return DGS_OK;
}

static int apply(const dgs_ruleset *base, const char *json, size_t len, const char *source,
                 dgs_ruleset **out, dgs_error *err)
{
    ctx x = {source ? source : "<guideline>", 0, err};
    /* A UTF-8 byte order mark (as Windows editors write) is not part of the JSON. */
    if (len >= 3 && memcmp(json, "\xEF\xBB\xBF", 3) == 0) {
        json += 3;
        len -= 3;
    }
    reader r = {json, len, 0, 1};
    skip_space(&r);
    if (peek(&r) != '{') {
        /* Not an object: jansson says what is wrong with it, or it is JSON of another shape. */
        json_error_t jerr = {0};
        json_t *root = json_loadb(json, len, JSON_DECODE_ANY | JSON_REJECT_DUPLICATES, &jerr);
        if (!root)
            return malformed(&x, &jerr, err);
        json_decref(root);
        x.line = r.line;
        return refuse(&x, 0, "", "a guideline is a JSON object with a \"changes\" array");
    }
    reading g = {0};
    const change **order = NULL;
    int rc = read_guideline(&x, &r, base, &g);
    if (rc)
        goto done;
    size_t n = g.n;
    for (size_t i = 0; i < n; i++)
        g.changes[i].v.ref = g.refs.p + g.ref_at[i];
    /* Two changes of one parameter in one guideline must not overlap: sorted by
     * parameter and start, only neighbours need comparing (n log n). */
    if (n > 1) {
        if (!(order = malloc(n * sizeof *order))) {
            rc = dgs_fail(err, DGS_E_NOMEM, "out of memory reading %s", x.source);
            goto done;
        }
        for (size_t i = 0; i < n; i++)
            order[i] = &g.changes[i];
        qsort(order, n, sizeof *order, by_parameter_then_start);
        for (size_t k = 1; k < n; k++) {
            const change *a = order[k - 1], *b = order[k];
            if (change_cmp(a, b) == 0 && b->v.from <= a->v.until) {
                size_t ia = (size_t)(a - g.changes), ib = (size_t)(b - g.changes);
                size_t later = ia > ib ? ia : ib, earlier = ia > ib ? ib : ia;
                char what[96];
                snprintf(what, sizeof what, "%s.%s", b->measure ? b->measure->meta->id : "ruleset",
                         measure_param(b->measure, (size_t)b->param)->name);
                x.line = g.lines[later];
                rc = refuse(&x, 0, what, "dates overlap the change on line %d", g.lines[earlier]);
                goto done;
            }
        }
    }
    rc = ruleset_derive(base, g.changes, n, out, err);
done:
    free(order);
    free(g.changes);
    free(g.lines);
    free(g.ref_at);
    free(g.refs.p);
    return rc;
}

DGS_API int dgs_ruleset_apply_guideline(const dgs_ruleset *base, const char *json, size_t len,
                                        const char *source, dgs_ruleset **out, dgs_error *err)
{
    if (out)
        *out = NULL;
    if (!base || (!json && len) || !out)
        return dgs_fail(err, DGS_E_INVALID_ARGUMENT, "dgs_ruleset_apply_guideline: base, json and out must not be NULL");
    return apply(base, json ? json : "", len, source, out, err);
}

/* Files: POSIX, or the Windows C runtime's equivalents.  O_NONBLOCK: opening
 * a FIFO that has no writer returns at once instead of waiting for one. */
#ifdef _WIN32
typedef struct _stat64 file_stat;
#define open_read_only(path) _open(path, _O_RDONLY | _O_BINARY)
#define file_fstat _fstat64
#define file_read(fd, buf, n) _read(fd, buf, (unsigned)(n))
#define file_close _close
#define FILE_IS_REGULAR(m) (((m) & _S_IFMT) == _S_IFREG)
#define FILE_IS_DIRECTORY(m) (((m) & _S_IFMT) == _S_IFDIR)
#elif defined(__GLIBC__) && (__GLIBC__ > 2 || (__GLIBC__ == 2 && __GLIBC_MINOR__ >= 28))
/* glibc: statx (glibc 2.28), not fstat, whose symbol is of glibc 2.33: the
 * library then loads where glibc is 2.28 (Kylin V10, UOS 20, RHEL 8), and so
 * do the Python wheels and the Java jar built with it.  A kernel before 4.11
 * (or a sandbox) without statx: the size from lseek, which fails on a FIFO or
 * a socket; a device or a directory is then caught by the read. */
typedef struct file_stat {
    mode_t st_mode;
    off_t st_size;
} file_stat;
#define open_read_only(path) open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
static int file_fstat(int fd, file_stat *st)
{
    struct statx sx;
    if (statx(fd, "", AT_EMPTY_PATH, STATX_TYPE | STATX_SIZE, &sx) == 0) {
        st->st_mode = sx.stx_mode;
        st->st_size = (off_t)sx.stx_size;
        return 0;
    }
    if (errno != ENOSYS && errno != EPERM)
        return -1;
    off_t end = lseek(fd, 0, SEEK_END);
    if (end < 0 || lseek(fd, 0, SEEK_SET) != 0)
        return -1;
    st->st_mode = S_IFREG;
    st->st_size = end;
    return 0;
}
#define file_read read
#define file_close close
#define FILE_IS_REGULAR(m) S_ISREG(m)
#define FILE_IS_DIRECTORY(m) S_ISDIR(m)
#else
typedef struct stat file_stat;
#define open_read_only(path) open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
#define file_fstat fstat
#define file_read read
#define file_close close
#define FILE_IS_REGULAR(m) S_ISREG(m)
#define FILE_IS_DIRECTORY(m) S_ISDIR(m)
#endif

/* Reads the whole regular file at `path` (at most DGS_GUIDELINE_MAX_BYTES)
 * into *text.  The file is opened without blocking (a FIFO with no writer
 * would block an ordinary open) and checked with fstat before a byte is read:
 * a FIFO, a device such as /dev/zero, a socket or a directory is refused, as
 * is a file over the limit, so reading always ends. */
static int read_file(const char *path, char **text, size_t *len, dgs_error *err)
{
    *text = NULL;
    *len = 0;
    int fd = open_read_only(path);
    if (fd < 0)
        return dgs_fail(err, DGS_E_IO, "%s: cannot be opened (%s)", path, strerror(errno));
    file_stat st;
    if (file_fstat(fd, &st) != 0) {
        int e = errno;
        file_close(fd);
        return dgs_fail(err, DGS_E_IO, "%s: cannot be examined (%s)", path, strerror(e));
    }
    bool regular = FILE_IS_REGULAR(st.st_mode), directory = FILE_IS_DIRECTORY(st.st_mode);
    if (!regular) {
        file_close(fd);
        return dgs_fail(err, DGS_E_IO, "%s: %s, not a regular file: a guideline is read from a file", path,
                        directory ? "a directory" : "a FIFO, device or socket");
    }
    if ((uint64_t)st.st_size > DGS_GUIDELINE_MAX_BYTES) {
        file_close(fd);
        return dgs_fail(err, DGS_E_GUIDELINE, "%s: %llu bytes, over the limit of %llu bytes (64 MiB) for a guideline file",
                        path, (unsigned long long)st.st_size, (unsigned long long)DGS_GUIDELINE_MAX_BYTES);
    }
    /* Room for the size fstat gave and one byte more, to see a file that grew. */
    size_t cap = (size_t)st.st_size + 1;
    char *buf = malloc(cap);
    if (!buf) {
        file_close(fd);
        return dgs_fail(err, DGS_E_NOMEM, "out of memory reading %s", path);
    }
    size_t got = 0;
    for (;;) {
        long n = (long)file_read(fd, buf + got, cap - got);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            free(buf);
            file_close(fd);
            return dgs_fail(err, DGS_E_IO, "%s: read error", path);
        }
        if (n == 0)
            break;
        got += (size_t)n;
        if (got == cap) {
            free(buf);
            file_close(fd);
            return dgs_fail(err, DGS_E_IO, "%s: the file grew while it was read", path);
        }
    }
    file_close(fd);
    *text = buf;
    *len = got;
    return DGS_OK;
}

DGS_API int dgs_ruleset_apply_guideline_file(const dgs_ruleset *base, const char *path,
                                             dgs_ruleset **out, dgs_error *err)
{
    if (out)
        *out = NULL;
    if (!base || !path || !out)
        return dgs_fail(err, DGS_E_INVALID_ARGUMENT, "dgs_ruleset_apply_guideline_file: base, path and out must not be NULL");
    char *text;
    size_t len;
    int rc = read_file(path, &text, &len, err);
    if (rc)
        return rc;
    rc = apply(base, text, len, path, out, err);
    free(text);
    return rc;
}

DGS_API int dgs_ruleset_set_parameter(const dgs_ruleset *base, const char *measure_id,
                                      const char *parameter, const char *value, const char *from,
                                      const char *until, const char *reference, dgs_ruleset **out,
                                      dgs_error *err)
{
    if (out)
        *out = NULL;
    if (!base || !parameter || !value || !out)
        return dgs_fail(err, DGS_E_INVALID_ARGUMENT,
                        "dgs_ruleset_set_parameter: base, parameter, value and out must not be NULL");
    const dgs_measure *m = NULL;
    if (measure_id && !(m = dgs_ruleset_find(base, measure_id)))
        return dgs_fail(err, DGS_E_UNKNOWN_MEASURE, "unknown measure '%.64s'", measure_id);
    if (m && !meta_has_own_params(m->meta))
        return dgs_fail(err, DGS_E_UNKNOWN_PARAMETER,
                        "%s restates %s: its amount follows the parameters of %s; change those", measure_id,
                        m->meta->restates[0], m->meta->restates[0]);
    size_t np = m ? dgs_measure_parameter_count(m) : G_COUNT;
    change c = {m, -1, {INT32_MIN, INT32_MAX, 0, 1, true, -1, reference ? reference : "", false}};
    for (size_t i = 0; i < np; i++)
        if (strcmp(measure_param(m, i)->name, parameter) == 0)
            c.param = (int)i;
    char what[96];
    snprintf(what, sizeof what, "%.40s.%.40s", measure_id ? measure_id : "ruleset", parameter);
    if (c.param < 0)
        return dgs_fail(err, DGS_E_UNKNOWN_PARAMETER, "%s: unknown parameter", what);
    int rc = param_value_parse(measure_param(m, (size_t)c.param), value, what, &c.v.num, &c.v.den, err);
    if (rc)
        return rc;
    if ((from && dgs_date_parse(from, &c.v.from)) || (until && dgs_date_parse(until, &c.v.until)))
        return dgs_fail(err, DGS_E_DATE, "%s: from/until must be dates YYYY-MM-DD", what);
    if (c.v.from > c.v.until)
        return dgs_fail(err, DGS_E_DATE, "%s: from is after until", what);
    /* Accepted above the text's own maximum (this is the what-if path), but
     * marked: every result that uses it shows the original clause beside it. */
    c.v.exceeds = param_above_text(measure_param(m, (size_t)c.param), c.v.num, c.v.den);
    return ruleset_derive(base, &c, 1, out, err);
}
