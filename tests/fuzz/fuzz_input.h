/* SPDX-License-Identifier: MulanPSL-2.0 */
/*
 * Reading a fuzzer's bytes as a sequence of choices: small integers, 64-bit
 * values (biased towards the edges that break arithmetic), and strings.
 * When the bytes run out every read returns zeros and empty strings, so a
 * harness never reads past the input.
 */
#ifndef DGS_FUZZ_INPUT_H
#define DGS_FUZZ_INPUT_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

typedef struct fuzz_in {
    const uint8_t *p;
    size_t n;
} fuzz_in;

static inline uint8_t fi_u8(fuzz_in *in)
{
    if (!in->n)
        return 0;
    in->n--;
    return *in->p++;
}

static inline uint16_t fi_u16(fuzz_in *in)
{
    uint16_t v = fi_u8(in);
    return (uint16_t)(v | (uint16_t)fi_u8(in) << 8);
}

static inline uint64_t fi_u64(fuzz_in *in)
{
    uint64_t v = 0;
    for (int i = 0; i < 8; i++)
        v |= (uint64_t)fi_u8(in) << (8 * i);
    return v;
}

/* A value in [0, n); 0 when n is 0. */
static inline size_t fi_below(fuzz_in *in, size_t n)
{
    return n ? fi_u16(in) % n : 0;
}

/* An int64 chosen from the values that matter to money arithmetic. */
static inline int64_t fi_i64(fuzz_in *in)
{
    static const int64_t edges[] = {
        0, 1, 2, -1, INT64_MAX, INT64_MIN, INT64_MAX - 1, INT64_MIN + 1, INT64_MAX / 2,
        INT64_MAX / 100, 100, 1800, 500000000, 1000000, 3000000000LL, 92233720368547758LL,
        (int64_t)1 << 62, (int64_t)1 << 32, 999999, 1000000000,
    };
    uint8_t how = fi_u8(in);
    switch (how & 3) {
    case 0:
        return edges[(how >> 2) % (sizeof edges / sizeof edges[0])];
    case 1:
        return (int64_t)fi_u8(in) * 100;                 /* small yuan amounts */
    case 2:
        return (int64_t)(fi_u64(in) % 100000000000ULL);  /* up to a billion yuan */
    default:
        return (int64_t)fi_u64(in);                      /* anything */
    }
}

/* A NUL-terminated string of up to `max` - 1 bytes into buf (may contain any byte but NUL). */
static inline const char *fi_str(fuzz_in *in, char *buf, size_t max)
{
    size_t len = fi_u8(in);
    if (len >= max)
        len = max - 1;
    if (len > in->n)
        len = in->n;
    size_t o = 0;
    for (size_t i = 0; i < len; i++)
        if (in->p[i])
            buf[o++] = (char)in->p[i];
    buf[o] = '\0';
    in->p += len;
    in->n -= len;
    return buf;
}

#endif
