/* SPDX-License-Identifier: MulanPSL-2.0 */
/* Exact numbers: checked integer arithmetic, exact ratios, decimal text. */
#ifndef DGS_CORE_NUMBER_H
#define DGS_CORE_NUMBER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/wide.h"

/* floor(v * num / den) for v >= 0, num >= 0, den > 0; false on overflow (or
 * outside that domain).  The product is taken in 128 bits, so only the final
 * value can overflow. */
static inline bool dgs_mul_ratio_floor(int64_t v, int64_t num, int64_t den, int64_t *out)
{
    uint64_t q, r;
    if (v < 0 || num < 0 || den <= 0 ||
        !dgs_u128_divmod(dgs_u128_mul((uint64_t)v, (uint64_t)num), (uint64_t)den, &q, &r) || q > INT64_MAX)
        return false;
    *out = (int64_t)q;
    return true;
}

/* round(v * num / den), halves up, for v >= 0, num >= 0, den > 0: the floor,
 * plus one where the remainder is at least half the denominator. */
static inline bool dgs_mul_ratio_half_up(int64_t v, int64_t num, int64_t den, int64_t *out)
{
    uint64_t q, r;
    if (v < 0 || num < 0 || den <= 0 ||
        !dgs_u128_divmod(dgs_u128_mul((uint64_t)v, (uint64_t)num), (uint64_t)den, &q, &r) || q > INT64_MAX)
        return false;
    if (r >= (uint64_t)den - r)
        q++;
    if (q > INT64_MAX)
        return false;
    *out = (int64_t)q;
    return true;
}

/* Reads a non-negative decimal ("1500000", "33333.33") with at most `scale`
 * decimals into an integer in units of 10^-scale.  Returns 0, or DGS_E_VALUE
 * (malformed, too many decimals), DGS_E_NEGATIVE (a leading '-'), DGS_E_OVERFLOW. */
int dgs_decimal_parse(const char *text, int scale, int64_t *out);

/* Reads an exact ratio: "5%", "0.05", "0.5", "1:0.5" (0.5), "1:3" (3), "1/200".
 * Returns 0, DGS_E_VALUE, DGS_E_NEGATIVE or DGS_E_OVERFLOW; num/den reduced. */
int dgs_ratio_parse(const char *text, int64_t *num, int64_t *den);

/* Writes v (in units of 10^-scale) as a decimal with exactly `scale`
 * decimals; `group` puts thousands separators in.  Returns buf. */
char *dgs_decimal_format(int64_t v, int scale, bool group, char *buf, size_t size);

/* Writes a ratio as a percentage when it is one ("5%", "0.5%", "300%"),
 * otherwise as "num/den".  Returns buf. */
char *dgs_ratio_format(int64_t num, int64_t den, char *buf, size_t size);

/* Dates: days since 1970-01-01 (proleptic Gregorian). */
#define DGS_DATE_MIN INT32_MIN
#define DGS_DATE_MAX INT32_MAX
/* Reads exactly "YYYY-MM-DD" (year 1900–9999); 0 or DGS_E_DATE. */
int dgs_date_parse(const char *text, int32_t *days);
/* Writes "YYYY-MM-DD" into buf (>= 11 bytes). */
char *dgs_date_format(int32_t days, char *buf, size_t size);

/* 64-bit FNV-1a, for fingerprints. */
static inline uint64_t dgs_hash_bytes(uint64_t h, const void *p, size_t n)
{
    const unsigned char *b = p;
    for (size_t i = 0; i < n; i++) {
        h ^= b[i];
        h *= 1099511628211ULL;
    }
    return h;
}
#define DGS_HASH_SEED 14695981039346656037ULL

#endif
