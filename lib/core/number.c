/* SPDX-License-Identifier: MulanPSL-2.0 */
/* Exact numbers: decimal text in and out, ratios, dates. */
#include "core/number.h"

#include <stdio.h>
#include <string.h>

#include "core/error.h"
#include "dgsubsidy/dgsubsidy.h"

/* As dgs_decimal_parse() over the `n` bytes at text (no terminator needed). */
static int decimal_parse_n(const char *text, size_t n, int scale, int64_t *out)
{
    const char *s = text, *end = text + n;
    int64_t v = 0;
    int decimals = -1;
    bool digits = false;

    if (!s || n == 0)
        return DGS_E_VALUE;
    if (*s == '-')
        return DGS_E_NEGATIVE;
    if (*s == '+')
        s++;
    for (; s < end; s++) {
        if (*s == '.') {
            if (decimals >= 0 || !digits)
                return DGS_E_VALUE;
            decimals = 0;
            continue;
        }
        if (*s < '0' || *s > '9')
            return DGS_E_VALUE;
        digits = true;
        if (decimals >= 0 && ++decimals > scale)
            return DGS_E_VALUE;
        if (!dgs_mul_checked(v, 10, &v) || !dgs_add_checked(v, *s - '0', &v))
            return DGS_E_OVERFLOW;
    }
    if (!digits || decimals == 0)
        return DGS_E_VALUE;
    for (int d = decimals < 0 ? 0 : decimals; d < scale; d++)
        if (!dgs_mul_checked(v, 10, &v))
            return DGS_E_OVERFLOW;
    *out = v;
    return 0;
}

int dgs_decimal_parse(const char *text, int scale, int64_t *out)
{
    return decimal_parse_n(text, text ? strlen(text) : 0, scale, out);
}

static int64_t gcd64(int64_t a, int64_t b)
{
    while (b) {
        int64_t t = a % b;
        a = b;
        b = t;
    }
    return a;
}

/* A decimal with up to 12 decimals (the n bytes at text) as num/10^12, reduced. */
static int decimal_ratio(const char *text, size_t n, int64_t *num, int64_t *den)
{
    int64_t v;
    int rc = decimal_parse_n(text, n, 12, &v);
    if (rc)
        return rc;
    int64_t d = 1000000000000LL;
    int64_t g = gcd64(v, d);
    *num = v / g;
    *den = d / g;
    return 0;
}

/* Reads the ratio text of any length in place: no copy, no limit. */
int dgs_ratio_parse(const char *text, int64_t *num, int64_t *den)
{
    int rc;

    if (!text || !*text)
        return DGS_E_VALUE;
    size_t n = strlen(text);
    if (text[0] == '-')
        return DGS_E_NEGATIVE;

    const char *sep = strpbrk(text, ":/");
    if (sep) {
        /* "a:b" (upstream : city, the document's convention) is b/a; "a/b" is a/b. */
        int64_t an, ad, bn, bd, rn, rd;
        char kind = *sep;
        size_t na = (size_t)(sep - text);
        if ((rc = decimal_ratio(text, na, &an, &ad)) || (rc = decimal_ratio(sep + 1, n - na - 1, &bn, &bd)))
            return rc;
        if (kind == ':') {
            if (an == 0)
                return DGS_E_VALUE;
            /* (bn/bd) / (an/ad) */
            if (!dgs_mul_checked(bn, ad, &rn) || !dgs_mul_checked(bd, an, &rd))
                return DGS_E_OVERFLOW;
        } else {
            if (bn == 0)
                return DGS_E_VALUE;
            if (!dgs_mul_checked(an, bd, &rn) || !dgs_mul_checked(ad, bn, &rd))
                return DGS_E_OVERFLOW;
        }
        int64_t g = gcd64(rn, rd);
        *num = rn / g;
        *den = rd / g;
        return 0;
    }
    if (n > 1 && text[n - 1] == '%') {
        if ((rc = decimal_ratio(text, n - 1, num, den)))
            return rc;
        int64_t d;
        if (!dgs_mul_checked(*den, 100, &d))
            return DGS_E_OVERFLOW;
        int64_t g = gcd64(*num, d);
        *num /= g;
        *den = d / g;
        return 0;
    }
    return decimal_ratio(text, n, num, den);
}

char *dgs_decimal_format(int64_t v, int scale, bool group, char *buf, size_t size)
{
    char digits[32], out[48];
    bool neg = v < 0;
    uint64_t u = neg ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
    int n = 0, o = 0;

    do {
        digits[n++] = (char)('0' + u % 10);
        u /= 10;
    } while (u || n <= scale);
    /* digits[] holds the number backwards; emit forwards. */
    if (neg)
        out[o++] = '-';
    for (int i = n - 1; i >= 0; i--) {
        out[o++] = digits[i];
        if (i == scale && scale > 0)
            out[o++] = '.';
        else if (group && i > scale && (i - scale) % 3 == 0)
            out[o++] = ',';
    }
    out[o] = '\0';
    snprintf(buf, size, "%s", out);
    return buf;
}

char *dgs_ratio_format(int64_t num, int64_t den, char *buf, size_t size)
{
    /* A percentage with at most four decimals when exact. */
    for (int scale = 0; scale <= 4; scale++) {
        int64_t p = 100, m;
        for (int i = 0; i < scale; i++)
            p *= 10;
        if (dgs_mul_checked(num, p, &m) && m % den == 0) {
            char tmp[40];
            dgs_decimal_format(m / den, scale, false, tmp, sizeof tmp);
            snprintf(buf, size, "%s%%", tmp);
            return buf;
        }
    }
    snprintf(buf, size, "%lld/%lld", (long long)num, (long long)den);
    return buf;
}

/* Days from civil date (H. Hinnant's algorithm). */
static int64_t days_from_civil(int64_t y, int m, int d)
{
    y -= m <= 2;
    int64_t era = (y >= 0 ? y : y - 399) / 400;
    int64_t yoe = y - era * 400;
    int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

int dgs_date_parse(const char *text, int32_t *days)
{
    static const int mdays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    int y = 0, m = 0, d = 0;

    if (!text || strlen(text) != 10 || text[4] != '-' || text[7] != '-')
        return DGS_E_DATE;
    for (int i = 0; i < 10; i++) {
        if (i == 4 || i == 7)
            continue;
        if (text[i] < '0' || text[i] > '9')
            return DGS_E_DATE;
    }
    y = (text[0] - '0') * 1000 + (text[1] - '0') * 100 + (text[2] - '0') * 10 + (text[3] - '0');
    m = (text[5] - '0') * 10 + (text[6] - '0');
    d = (text[8] - '0') * 10 + (text[9] - '0');
    if (y < 1900 || m < 1 || m > 12 || d < 1)
        return DGS_E_DATE;
    bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    if (d > mdays[m - 1] + (m == 2 && leap))
        return DGS_E_DATE;
    *days = (int32_t)days_from_civil(y, m, d);
    return 0;
}

char *dgs_date_format(int32_t days, char *buf, size_t size)
{
    int64_t z = (int64_t)days + 719468;
    int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    int64_t doe = z - era * 146097;
    int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    int64_t y = yoe + era * 400;
    int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    int64_t mp = (5 * doy + 2) / 153;
    int d = (int)(doy - (153 * mp + 2) / 5 + 1);
    int m = (int)(mp < 10 ? mp + 3 : mp - 9);
    y += m <= 2;
    snprintf(buf, size, "%04lld-%02d-%02d", (long long)y, m, d);
    return buf;
}

DGS_API int dgs_money_parse(const char *text, dgs_fen_t *out, dgs_error *err)
{
    int64_t v;
    int rc;
    if (!text || !out)
        return dgs_fail(err, DGS_E_INVALID_ARGUMENT, "dgs_money_parse: text and out must not be NULL");
    rc = dgs_decimal_parse(text, 2, &v);
    if (rc == DGS_E_NEGATIVE)
        return dgs_fail(err, rc, "negative money '%.64s' is refused", text);
    if (rc == DGS_E_OVERFLOW)
        return dgs_fail(err, rc, "money '%.64s' exceeds the largest amount (92233720368547758.07 yuan)", text);
    if (rc)
        return dgs_fail(err, rc, "'%.64s' is not an amount of yuan with at most two decimals", text);
    *out = v;
    return dgs_ok(err);
}
DGS_API char *dgs_money_format(dgs_fen_t fen, char *buf, size_t size)
{
    if (!buf || size == 0)
        return buf;
    return dgs_decimal_format(fen, 2, false, buf, size);
}
