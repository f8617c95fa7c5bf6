/* SPDX-License-Identifier: MulanPSL-2.0 */
/* Errors: the caller-allocated dgs_error and the names of status codes. */
#include "core/error.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The length of the valid UTF-8 sequence at s (1–4), or 0 if invalid. */
static size_t utf8_sequence(const unsigned char *s)
{
    size_t n = s[0] < 0x80 ? 1 : (s[0] & 0xE0) == 0xC0 ? 2 : (s[0] & 0xF0) == 0xE0 ? 3 : (s[0] & 0xF8) == 0xF0 ? 4 : 0;
    if (n == 2 && s[0] < 0xC2)
        return 0;
    for (size_t i = 1; i < n; i++)
        if ((s[i] & 0xC0) != 0x80)
            return 0;
    return n;
}

/* Messages quote what callers sent, cut to a length: a cut may split a
 * character, and the text may not have been UTF-8 at all.  Every byte that
 * is not part of a valid sequence becomes '?', so a message is always valid
 * UTF-8 for the bindings to decode. */
static void utf8_sanitize(char *s)
{
    unsigned char *p = (unsigned char *)s;
    while (*p) {
        size_t n = utf8_sequence(p);
        if (n == 0) {
            *p++ = '?';
            continue;
        }
        p += n;
    }
}

int dgs_fail(dgs_error *err, int code, const char *fmt, ...)
{
    if (err) {
        va_list ap;
        err->code = code;
        err->reason = 0;
        err->row = 0;
        va_start(ap, fmt);
        vsnprintf(err->message, sizeof err->message, fmt, ap);
        va_end(ap);
        utf8_sanitize(err->message);
    }
    return code;
}

int dgs_ok(dgs_error *err)
{
    if (err) {
        err->code = DGS_OK;
        err->reason = 0;
        err->row = 0;
        err->message[0] = '\0';
    }
    return DGS_OK;
}

DGS_API const char *dgs_status_name(int code)
{
    static const char *const names[] = {
        "DGS_OK", "DGS_E_INVALID_ARGUMENT", "DGS_E_NOMEM", "DGS_E_UNKNOWN_MEASURE",
        "DGS_E_UNKNOWN_INPUT", "DGS_E_UNKNOWN_PARAMETER", "DGS_E_TYPE", "DGS_E_MISSING_INPUT",
        "DGS_E_NEGATIVE", "DGS_E_OVERFLOW", "DGS_E_DATE", "DGS_E_CHOICE", "DGS_E_RANGE",
        "DGS_E_VALUE", "DGS_E_GUIDELINE", "DGS_E_IO", "DGS_E_NOT_SUPPORTED",
    };
    /* Compared before negating: -INT_MIN does not exist. */
    if (code > 0 || code <= -(int)(sizeof names / sizeof names[0]))
        return "DGS_E_UNKNOWN";
    return names[-code];
}

DGS_API void dgs_free(void *p)
{
    free(p);
}

DGS_API const char *dgs_version_string(void)
{
    return DGS_VERSION_STRING;
}

DGS_API int dgs_version_number(void)
{
    return DGS_VERSION_NUMBER;
}
