/* SPDX-License-Identifier: MulanPSL-2.0 */
/* Reading a measure's parameter values from the ruleset at run time, so the
 * hand-written loops use exactly the numbers the library uses. */
#ifndef BENCH_PARAMS_H
#define BENCH_PARAMS_H

#include <stdlib.h>
#include <string.h>

#include "common.h"

static inline size_t bench_param_index(const dgs_measure *m, const char *name)
{
    for (size_t i = 0; i < dgs_measure_parameter_count(m); i++)
        if (strcmp(dgs_measure_parameter_name(m, i), name) == 0)
            return i;
    bench_die("%s has no parameter %s", dgs_measure_id(m), name);
}

static inline char *bench_param_text(const dgs_measure *m, const char *name, const char *date)
{
    char *text = NULL;
    dgs_error err;
    bench_check(dgs_measure_parameter_text(m, bench_param_index(m, name), date, &text, NULL, &err),
                &err, name);
    return text;
}

/* Money ("1500000.00" yuan) or area ("18.00" m²) in hundredths; counts as they are. */
static inline int64_t bench_param_int(const dgs_measure *m, const char *name, const char *date)
{
    char *text = bench_param_text(m, name, date);
    int64_t v;
    int type = dgs_measure_parameter_type(m, bench_param_index(m, name));
    if (type == DGS_TYPE_COUNT || type == DGS_TYPE_SWITCH) {
        v = strtoll(text, NULL, 10);
    } else {
        dgs_error err;
        bench_check(dgs_money_parse(text, &v, &err), &err, name);
    }
    dgs_free(text);
    return v;
}

/* A ratio written "5%", "0.5%" or "num/den". */
static inline void bench_param_ratio(const dgs_measure *m, const char *name, const char *date,
                                     int64_t *num, int64_t *den)
{
    char *text = bench_param_text(m, name, date);
    size_t len = strlen(text);
    if (len && text[len - 1] == '%') {
        text[len - 1] = '\0';
        dgs_error err;
        bench_check(dgs_money_parse(text, num, &err), &err, name);   /* hundredths of a percent */
        *den = 10000;
    } else {
        char *slash;
        *num = strtoll(text, &slash, 10);
        *den = *slash == '/' ? strtoll(slash + 1, NULL, 10) : 1;
    }
    dgs_free(text);
}

#endif
