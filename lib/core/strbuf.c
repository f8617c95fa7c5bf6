/* A growing string. */
#include "core/strbuf.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

void sb_printf(strbuf *b, const char *fmt, ...)
{
    va_list ap;
    if (b->failed)
        return;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n < 0)
        return;
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
