/* SPDX-License-Identifier: MulanPSL-2.0 */
/* A growing string, for rendering text and reading files. */
#ifndef DGS_CORE_STRBUF_H
#define DGS_CORE_STRBUF_H

#include <stdbool.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "core/error.h"

typedef struct strbuf {
    char *p;
    size_t len, cap;
    bool failed;       /* an allocation failed: the text is incomplete */
} strbuf;

/* Appends formatted text; on allocation failure sets b->failed. */
void sb_printf(strbuf *b, const char *fmt, ...) DGS_PRINTF(2, 3);
/* Appends n bytes. */
void sb_append(strbuf *b, const char *p, size_t n);
/* Renders a JSON value (indented by 2, keys in order) into memory the
 * library allocates (freed with dgs_free, whatever allocator the host gave
 * jansson), or fails with DGS_E_NOMEM naming `what`: never partial text. */
struct json_t;
int sb_json(const struct json_t *j, char **out, const char *what, dgs_error *err);
/* Hands the text to the caller (*out, to free with dgs_free), or fails with
 * DGS_E_NOMEM naming `what`. */
int sb_finish(strbuf *b, char **out, const char *what, dgs_error *err);

/* A copy of s in memory from malloc(), or NULL (ISO C has no strdup before C23). */
static inline char *sb_strdup(const char *s)
{
    size_t n = strlen(s) + 1;
    char *p = malloc(n);
    return p ? memcpy(p, s, n) : NULL;
}

#endif
