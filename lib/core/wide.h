/* SPDX-License-Identifier: MulanPSL-2.0 */
/*
 * Portable wide arithmetic: checked 64-bit addition and multiplication, and
 * the few 128-bit products the library needs (a ratio of an amount, a share
 * of a budget), with or without a compiler's 128-bit integer type.
 *
 * Where the compiler has __int128 and the overflow builtins (gcc, clang),
 * they are used; elsewhere (or when DGS_PORTABLE_ARITH is defined, which a CI
 * build does to run every test over the fallbacks) the same results come from
 * plain C11 on uint64_t halves.  Both give the same answer for every input.
 */
#ifndef DGS_CORE_WIDE_H
#define DGS_CORE_WIDE_H

#include <stdbool.h>
#include <stdint.h>

#if !defined(DGS_PORTABLE_ARITH) && defined(__SIZEOF_INT128__) && (defined(__GNUC__) || defined(__clang__))
#define DGS_HAVE_INT128 1
__extension__ typedef unsigned __int128 dgs_native_u128;
#else
#define DGS_HAVE_INT128 0
#endif

#if !defined(DGS_PORTABLE_ARITH) && (defined(__clang__) || (defined(__GNUC__) && __GNUC__ >= 5))
#define DGS_HAVE_OVERFLOW_BUILTINS 1
#else
#define DGS_HAVE_OVERFLOW_BUILTINS 0
#endif

/* An unsigned 128-bit number as two halves. */
typedef struct dgs_u128 {
    uint64_t hi;
    uint64_t lo;
} dgs_u128;

/* a + b into *out; false on overflow. */
static inline bool dgs_add_checked(int64_t a, int64_t b, int64_t *out)
{
#if DGS_HAVE_OVERFLOW_BUILTINS
    return !__builtin_add_overflow(a, b, out);
#else
    if ((b > 0 && a > INT64_MAX - b) || (b < 0 && a < INT64_MIN - b))
        return false;
    *out = a + b;
    return true;
#endif
}

/* a * b into *out; false on overflow. */
static inline bool dgs_mul_checked(int64_t a, int64_t b, int64_t *out)
{
#if DGS_HAVE_OVERFLOW_BUILTINS
    return !__builtin_mul_overflow(a, b, out);
#else
    if (a > 0) {
        if (b > 0 ? a > INT64_MAX / b : b < INT64_MIN / a)
            return false;
    } else if (a < 0) {
        if (b > 0 ? a < INT64_MIN / b : b < INT64_MAX / a)
            return false;
    }
    *out = a * b;
    return true;
#endif
}

/* The full product a × b. */
static inline dgs_u128 dgs_u128_mul(uint64_t a, uint64_t b)
{
#if DGS_HAVE_INT128
    dgs_native_u128 p = (dgs_native_u128)a * b;
    return (dgs_u128){(uint64_t)(p >> 64), (uint64_t)p};
#else
    uint64_t a0 = a & 0xffffffffu, a1 = a >> 32, b0 = b & 0xffffffffu, b1 = b >> 32;
    uint64_t p00 = a0 * b0, p01 = a0 * b1, p10 = a1 * b0, p11 = a1 * b1;
    uint64_t mid = (p00 >> 32) + (p01 & 0xffffffffu) + (p10 & 0xffffffffu);
    return (dgs_u128){p11 + (p01 >> 32) + (p10 >> 32) + (mid >> 32), (mid << 32) | (p00 & 0xffffffffu)};
#endif
}

/* -1, 0 or 1 as a <, = or > b. */
static inline int dgs_u128_cmp(dgs_u128 a, dgs_u128 b)
{
    if (a.hi != b.hi)
        return a.hi < b.hi ? -1 : 1;
    return (a.lo > b.lo) - (a.lo < b.lo);
}

/* n / d into *q and n mod d into *r, for d > 0; false when the quotient does
 * not fit in 64 bits (n.hi >= d). */
static inline bool dgs_u128_divmod(dgs_u128 n, uint64_t d, uint64_t *q, uint64_t *r)
{
    if (n.hi >= d) {
        *q = *r = 0;
        return false;
    }
#if DGS_HAVE_INT128
    dgs_native_u128 x = ((dgs_native_u128)n.hi << 64) | n.lo;
    *q = (uint64_t)(x / d);
    *r = (uint64_t)(x % d);
#else
    /* Restoring division, one bit at a time: the remainder stays below d. */
    uint64_t rem = n.hi, quot = 0;
    for (int i = 63; i >= 0; i--) {
        bool carry = rem >> 63;
        rem = (rem << 1) | ((n.lo >> i) & 1);
        quot <<= 1;
        if (carry || rem >= d) {
            rem -= d;
            quot |= 1;
        }
    }
    *q = quot;
    *r = rem;
#endif
    return true;
}

#endif
