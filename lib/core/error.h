/* SPDX-License-Identifier: MulanPSL-2.0 */
/* Errors: filling the caller's dgs_error. */
#ifndef DGS_CORE_ERROR_H
#define DGS_CORE_ERROR_H

#include "dgsubsidy/dgsubsidy.h"

#if defined(__MINGW32__)
#define DGS_PRINTF(a, b) __attribute__((format(gnu_printf, a, b)))   /* mingw-w64's C99 printf */
#elif defined(__GNUC__)
#define DGS_PRINTF(a, b) __attribute__((format(printf, a, b)))
#else
#define DGS_PRINTF(a, b)
#endif

/* Sets err (if not NULL) to `code` with a formatted message; returns code. */
int dgs_fail(dgs_error *err, int code, const char *fmt, ...) DGS_PRINTF(3, 4);
/* Marks err (if not NULL) as success; returns DGS_OK. */
int dgs_ok(dgs_error *err);

#endif
