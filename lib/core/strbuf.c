/* SPDX-License-Identifier: MulanPSL-2.0 */
/* A growing string. */
#include "core/strbuf.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

void sb_printf(strbuf *b, const char *fmt, ...)
{
    va_list ap;
    if (b->failed)
        return;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n < 0) {
        b->failed = true;   /* nothing may be left out silently */
        return;
    }
    if (b->len + (size_t)n + 1 > b->cap) {
        size_t cap = (b->cap ? b->cap * 2 : 512) + (size_t)n;
        char *p = realloc(b->p, cap);
        if (!p) {
            b->failed = true;
            return;
        }
        b->p = p;
        b->cap = cap;
    }
    va_start(ap, fmt);
    vsnprintf(b->p + b->len, b->cap - b->len, fmt, ap);
    va_end(ap);
    b->len += (size_t)n;
}

int sb_finish(strbuf *b, char **out, const char *what, dgs_error *err)
{
    if (b->failed || !b->p) {
        free(b->p);
        b->p = NULL;
        return dgs_fail(err, DGS_E_NOMEM, "out of memory rendering %s", what);
    }
    *out = b->p;
    b->p = NULL;
    return dgs_ok(err);
}

void sb_append(strbuf *b, const char *p, size_t n)
{
    if (b->failed)
        return;
    if (b->len + n + 1 > b->cap) {
        size_t cap = (b->cap ? b->cap * 2 : 512) + n;
        char *q = realloc(b->p, cap);
        if (!q) {
            b->failed = true;
            return;
        }
        b->p = q;
        b->cap = cap;
    }
    memcpy(b->p + b->len, p, n);
    b->len += n;
    b->p[b->len] = '\0';
}

static int json_chunk(const char *p, size_t n, void *data)
{
    strbuf *b = data;
    sb_append(b, p, n);
    return b->failed ? -1 : 0;
}

int sb_json(const struct json_t *j, char **out, const char *what, dgs_error *err)
{
    strbuf b = {0};
    if (!j || json_dump_callback(j, json_chunk, &b, JSON_INDENT(2) | JSON_PRESERVE_ORDER) != 0)
        b.failed = true;
    if (!b.failed && !b.p)
        sb_append(&b, "", 0);
    if (b.failed) {
        free(b.p);
        return dgs_fail(err, DGS_E_NOMEM, "out of memory rendering %s as JSON", what);
    }
    return sb_finish(&b, out, what, err);
}
