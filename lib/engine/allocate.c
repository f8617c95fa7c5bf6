/* SPDX-License-Identifier: MulanPSL-2.0 */
/*
 * Budget: 结合各级年度预算规模 — scaling claims to a budget, exactly to the fen.
 */
#include <stdlib.h>

#include "core/error.h"
#include "core/number.h"
#include "dgsubsidy/dgsubsidy.h"

typedef struct remainder {
    uint64_t rest;     /* (budget × claim) mod total */
    size_t index;
} remainder;

/* Largest remainder first; ties to the lower index (deterministic). */
static int by_remainder(const void *a, const void *b)
{
    const remainder *x = a, *y = b;
    if (x->rest != y->rest)
        return x->rest < y->rest ? 1 : -1;
    return (x->index > y->index) - (x->index < y->index);
}

DGS_API int dgs_allocate(dgs_fen_t budget, const dgs_fen_t *claims, size_t n, int method,
                         dgs_fen_t *out, dgs_error *err)
{
    int64_t total = 0;
    if (n && (!claims || !out))
        return dgs_fail(err, DGS_E_INVALID_ARGUMENT, "dgs_allocate: claims and out must not be NULL");
    if (method != DGS_ALLOCATE_PRO_RATA && method != DGS_ALLOCATE_FIRST_COME)
        return dgs_fail(err, DGS_E_INVALID_ARGUMENT,
                        "dgs_allocate: unknown method %d (DGS_ALLOCATE_PRO_RATA or DGS_ALLOCATE_FIRST_COME)", method);
    if (budget < 0)
        return dgs_fail(err, DGS_E_NEGATIVE, "dgs_allocate: negative budget %lld fen", (long long)budget);
    for (size_t i = 0; i < n; i++) {
        if (claims[i] < 0) {
            dgs_fail(err, DGS_E_NEGATIVE, "dgs_allocate: claim %zu is negative (%lld fen)", i, (long long)claims[i]);
            if (err)
                err->row = i;
            return DGS_E_NEGATIVE;
        }
        if (!dgs_add_checked(total, claims[i], &total))
            return dgs_fail(err, DGS_E_OVERFLOW, "dgs_allocate: the claims sum beyond the largest amount");
    }

    if (method == DGS_ALLOCATE_FIRST_COME || budget >= total) {
        int64_t left = budget;
        for (size_t i = 0; i < n; i++) {
            out[i] = claims[i] < left ? claims[i] : left;
            left -= out[i];
        }
        return dgs_ok(err);
    }

    /* Pro rata: floor(budget × claim / total) each, then the fen left over go
     * one by one to the largest remainders. */
    remainder *rest = malloc(n * sizeof *rest);
    if (!rest)
        return dgs_fail(err, DGS_E_NOMEM, "dgs_allocate: out of memory for %zu claims", n);
    int64_t given = 0;
    for (size_t i = 0; i < n; i++) {
        /* budget < total here, so the quotient is below the claim. */
        uint64_t q, r;
        dgs_u128_divmod(dgs_u128_mul((uint64_t)budget, (uint64_t)claims[i]), (uint64_t)total, &q, &r);
        out[i] = (int64_t)q;
        rest[i] = (remainder){r, i};
        given += out[i];
    }
    int64_t left = budget - given;   /* < n */
    qsort(rest, n, sizeof *rest, by_remainder);
    for (size_t k = 0; k < n && left > 0; k++, left--)
        out[rest[k].index]++;
    free(rest);
    return dgs_ok(err);
}
