/* SPDX-License-Identifier: MulanPSL-2.0 */
/*
 * The plain C11 fallbacks of lib/core/wide.h, checked against the compiler's
 * 128-bit integers on edge values and a million pseudo-random ones.  The
 * fallbacks are compiled here whatever the build uses, so they are tested on
 * every build; a build with DGS_PORTABLE_ARITH then runs every other test
 * over them too.
 */
#define DGS_PORTABLE_ARITH 1
#include "core/wide.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

__extension__ typedef unsigned __int128 oracle_u128;
__extension__ typedef __int128 oracle_i128;

static uint64_t state = 0x9E3779B97F4A7C15u;
static uint64_t next(void)   /* xorshift64*: reproducible */
{
    state ^= state >> 12;
    state ^= state << 25;
    state ^= state >> 27;
    return state * 2685821657736338717u;
}

/* Values that make carries and borrows: 0, 1, powers of two and their neighbours, extremes. */
static uint64_t edge(size_t i)
{
    static const uint64_t v[] = {0, 1, 2, 3, 0xffffffffu, 0x100000000u, 0x100000001u, INT64_MAX,
                                 (uint64_t)INT64_MAX + 1, UINT64_MAX - 1, UINT64_MAX, 10000, 100,
                                 0x8000000080000000u, 0x7fffffff80000000u};
    return v[i % (sizeof v / sizeof v[0])];
}

/* A random value of random bit length, so small and large numbers both occur. */
static uint64_t random_value(void)
{
    unsigned bits = (unsigned)(next() % 64) + 1;
    return bits == 64 ? next() : next() & (((uint64_t)1 << bits) - 1);
}

static void check_mul_divmod(uint64_t a, uint64_t b, uint64_t d)
{
    oracle_u128 p = (oracle_u128)a * b;
    dgs_u128 w = dgs_u128_mul(a, b);
    assert_true(w.hi == (uint64_t)(p >> 64) && w.lo == (uint64_t)p);
    if (d == 0)
        return;
    uint64_t q, r;
    bool fits = (p / d) >> 64 == 0;
    assert_int_equal(dgs_u128_divmod(w, d, &q, &r), fits);
    if (fits) {
        assert_true(q == (uint64_t)(p / d));
        assert_true(r == (uint64_t)(p % d));
    }
}

static void check_checked(int64_t a, int64_t b)
{
    oracle_i128 s = (oracle_i128)a + b, m = (oracle_i128)a * b;
    int64_t out = 12345;
    assert_int_equal(dgs_add_checked(a, b, &out), s >= INT64_MIN && s <= INT64_MAX);
    if (s >= INT64_MIN && s <= INT64_MAX)
        assert_true(out == (int64_t)s);
    out = 12345;
    assert_int_equal(dgs_mul_checked(a, b, &out), m >= INT64_MIN && m <= INT64_MAX);
    if (m >= INT64_MIN && m <= INT64_MAX)
        assert_true(out == (int64_t)m);
}

static void edges(void **state_)
{
    (void)state_;
    assert_false(DGS_HAVE_INT128);
    assert_false(DGS_HAVE_OVERFLOW_BUILTINS);
    for (size_t i = 0; i < 15; i++)
        for (size_t j = 0; j < 15; j++)
            for (size_t k = 0; k < 15; k++) {
                check_mul_divmod(edge(i), edge(j), edge(k));
                check_checked((int64_t)edge(i), (int64_t)edge(j));
                check_checked(-(int64_t)(edge(i) >> 1), (int64_t)edge(j));
                check_checked(INT64_MIN + (int64_t)(edge(i) >> 1), -(int64_t)(edge(k) >> 1));
            }
}

static void random_values(void **state_)
{
    (void)state_;
    for (int i = 0; i < 1000000; i++) {
        uint64_t a = random_value(), b = random_value(), d = random_value();
        check_mul_divmod(a, b, d);
        check_checked((int64_t)a, (int64_t)b);
    }
}

static void compare(void **state_)
{
    (void)state_;
    assert_int_equal(dgs_u128_cmp((dgs_u128){1, 0}, (dgs_u128){0, UINT64_MAX}), 1);
    assert_int_equal(dgs_u128_cmp((dgs_u128){0, 5}, (dgs_u128){0, 7}), -1);
    assert_int_equal(dgs_u128_cmp((dgs_u128){3, 9}, (dgs_u128){3, 9}), 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(edges),
        cmocka_unit_test(random_values),
        cmocka_unit_test(compare),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
