/*
 * Guidelines (申报指南): JSON files that derive a ruleset whose parameter
 * values change from a date on.  docs/guidelines.md describes the format:
 *
 *   { "name": "2025年申报指南",
 *     "changes": [
 *       { "measure": "A1.07.a", "parameter": "cap_per_year", "value": "2000000",
 *         "from": "2025-01-01", "until": "2025-12-31", "reference": "指南第三条" },
 *       { "parameter": "validity_end", "value": "2027-12-31", "reference": "…" } ] }
 *
 * Every problem is refused with the source, the line and the parameter; the
 * base ruleset is never touched.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "core/error.h"
#include "policy/ruleset.h"

/* The line of each object nested at depth 2 (the objects of the "changes"
 * array), in order: jansson reports positions only for syntax errors. */
static size_t change_lines(const char *text, size_t len, int *lines, size_t max)
{
    int depth = 0, line = 1;
    size_t n = 0;
    for (size_t i = 0; i < len; i++) {
        char ch = text[i];
        if (ch == '\n')
            line++;
        else if (ch == '"') {
            for (i++; i < len && text[i] != '"'; i++) {
                if (text[i] == '\\')
                    i++;
                else if (text[i] == '\n')
                    line++;
            }
        } else if (ch == '{' || ch == '[') {
            if (ch == '{' && depth == 2 && n < max)
                lines[n++] = line;
            depth++;
        } else if (ch == '}' || ch == ']')
            depth--;
    }
    return n;
}

typedef struct ctx {
    const char *source;
    int line;
    dgs_error *err;
} ctx;

static int refuse(ctx *x, int code, const char *what, const char *fmt, ...) DGS_PRINTF(4, 5);
static int refuse(ctx *x, int code, const char *what, const char *fmt, ...)
{
    char detail[200];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(detail, sizeof detail, fmt, ap);
    va_end(ap);
    (void)code;
    dgs_fail(x->err, DGS_E_GUIDELINE, "%s:%d: %s%s%s", x->source, x->line, what, *what ? ": " : "", detail);
    if (x->err)
        x->err->reason = x->line;
    return DGS_E_GUIDELINE;
}

static bool allowed_key(const char *key, const char *const *keys)
{
    for (; *keys; keys++)
        if (strcmp(key, *keys) == 0)
            return true;
    return false;
}

/* Reads one change object into c. */
static int read_change(ctx *x, const dgs_ruleset *base, json_t *o, change *c)
{
    static const char *const keys[] = {"measure", "parameter", "value", "from", "until", "reference", "unit", "note", NULL};
    const char *key;
    json_t *v;
    char what[96] = "";
    if (!json_is_object(o))
        return refuse(x, 0, "", "each change must be an object");
    json_object_foreach(o, key, v) {
        if (!allowed_key(key, keys))
            return refuse(x, 0, "", "unknown key '%.40s' (keys: measure, parameter, value, from, until, reference, unit, note)", key);
    }
    json_t *jm = json_object_get(o, "measure"), *jp = json_object_get(o, "parameter");
    json_t *jv = json_object_get(o, "value"), *jr = json_object_get(o, "reference");
    if (jm && !json_is_null(jm) && !json_is_string(jm))
        return refuse(x, 0, "", "\"measure\" must be a measure id (a string)");
    if (!json_is_string(jp))
        return refuse(x, 0, "", "\"parameter\" (a string) is required");
    const char *mid = jm && json_is_string(jm) ? json_string_value(jm) : NULL;
    const char *pname = json_string_value(jp);
    snprintf(what, sizeof what, "%.40s%s%.40s", mid ? mid : "ruleset", ".", pname);

    const dgs_measure *m = NULL;
    size_t np = G_COUNT;
    if (mid) {
        if (!(m = dgs_ruleset_find(base, mid)))
            return refuse(x, 0, what, "unknown measure '%.40s'", mid);
        if (!meta_has_own_params(m->meta))
            return refuse(x, 0, what, "%s restates %s: its amount follows the parameters of %s; change those",
                          mid, m->meta->restates[0], m->meta->restates[0]);
        np = dgs_measure_parameter_count(m);
    }
    int pi = -1;
    for (size_t i = 0; i < np; i++)
        if (strcmp(measure_param(m, i)->name, pname) == 0)
            pi = (int)i;
    if (pi < 0) {
        char list[160] = "";
        for (size_t i = 0; i < np; i++)
            snprintf(list + strlen(list), sizeof list - strlen(list), "%s%s", i ? ", " : "", measure_param(m, i)->name);
        return refuse(x, 0, what, "unknown parameter (parameters: %s)", *list ? list : "none");
    }
    const param_def *p = measure_param(m, (size_t)pi);

    json_t *ju = json_object_get(o, "unit");
    if (ju && (!json_is_string(ju) || strcmp(json_string_value(ju), p->unit) != 0))
        return refuse(x, 0, what, "wrong unit '%.30s': the parameter is in %s", json_is_string(ju) ? json_string_value(ju) : "?", p->unit);

    char text[64];
    if (json_is_string(jv))
        snprintf(text, sizeof text, "%s", json_string_value(jv));
    else if (json_is_integer(jv) && p->type != DGS_TYPE_SWITCH && p->type != DGS_TYPE_DATE)
        snprintf(text, sizeof text, "%lld", (long long)json_integer_value(jv));
    else if (json_is_real(jv))
        return refuse(x, 0, what, "a JSON number with a fraction is not exact: write the value as a string, e.g. \"5%%\" or \"1500000.00\"");
    else
        return refuse(x, 0, what, "\"value\" must be %s", p->type == DGS_TYPE_SWITCH ? "a reading's name (a string)"
                                                         : p->type == DGS_TYPE_DATE ? "a date string YYYY-MM-DD"
                                                                                    : "a string or an integer");
    dgs_error perr = {0};
    if (param_value_parse(p, text, what, &c->v.num, &c->v.den, &perr))
        return refuse(x, 0, "", "%s", perr.message);

    c->measure = m;
    c->param = pi;
    c->v.set = true;
    c->v.from = INT32_MIN;
    c->v.until = INT32_MAX;
    const char *fields[2] = {"from", "until"};
    int32_t *dates[2] = {&c->v.from, &c->v.until};
    for (int k = 0; k < 2; k++) {
        json_t *jd = json_object_get(o, fields[k]);
        if (!jd || json_is_null(jd))
            continue;
        if (!json_is_string(jd) || dgs_date_parse(json_string_value(jd), dates[k]))
            return refuse(x, 0, what, "\"%s\" is not a date YYYY-MM-DD", fields[k]);
    }
    if (c->v.from > c->v.until)
        return refuse(x, 0, what, "\"from\" is after \"until\"");
    if (jr && !json_is_string(jr))
        return refuse(x, 0, what, "\"reference\" must be a string");
    c->v.ref = jr ? json_string_value(jr) : "";
    return DGS_OK;
}

static int by_parameter_then_start(const void *a, const void *b)
{
    const change *x = *(const change *const *)a, *y = *(const change *const *)b;
    int c = change_cmp(x, y);
    return c ? c : (x->v.from > y->v.from) - (x->v.from < y->v.from);
}

static int apply(const dgs_ruleset *base, const char *json, size_t len, const char *source,
                 dgs_ruleset **out, dgs_error *err)
{
    ctx x = {source ? source : "<guideline>", 0, err};
    json_error_t jerr = {0};   /* jansson leaves it unset when it fails before parsing */
    json_t *root = json_loadb(json, len, JSON_REJECT_DUPLICATES, &jerr);
    int rc;
    if (!root) {
        if (json_error_code(&jerr) == json_error_out_of_memory)
            return dgs_fail(err, DGS_E_NOMEM, "out of memory reading %s", x.source);
        x.line = jerr.line;
        return refuse(&x, 0, "", "malformed JSON: %s", jerr.text);
    }
    change *changes = NULL;
    const change **order = NULL;
    int *lines = NULL;
    static const char *const keys[] = {"name", "description", "issued_by", "reference", "changes", NULL};
    const char *key;
    json_t *v;
    x.line = 1;
    if (!json_is_object(root)) {
        rc = refuse(&x, 0, "", "a guideline is a JSON object with a \"changes\" array");
        goto done;
    }
    json_object_foreach(root, key, v) {
        if (!allowed_key(key, keys)) {
            rc = refuse(&x, 0, "", "unknown key '%.40s' (keys: name, description, issued_by, reference, changes)", key);
            goto done;
        }
    }
    json_t *arr = json_object_get(root, "changes");
    if (!json_is_array(arr)) {
        rc = refuse(&x, 0, "", "\"changes\" (an array) is required");
        goto done;
    }
    size_t n = json_array_size(arr);
    changes = n ? calloc(n, sizeof *changes) : NULL;
    lines = n ? calloc(n, sizeof *lines) : NULL;
    if (n && (!changes || !lines)) {
        rc = dgs_fail(err, DGS_E_NOMEM, "out of memory reading %s", x.source);
        goto done;
    }
    size_t nl = change_lines(json, len, lines, n);
    for (size_t i = 0; i < n; i++) {
        x.line = i < nl ? lines[i] : 0;
        if ((rc = read_change(&x, base, json_array_get(arr, i), &changes[i])))
            goto done;
    }
    /* Two changes of one parameter in one guideline must not overlap: sorted by
     * parameter and start, only neighbours need comparing (n log n). */
    if (n > 1) {
        if (!(order = malloc(n * sizeof *order))) {
            rc = dgs_fail(err, DGS_E_NOMEM, "out of memory reading %s", x.source);
            goto done;
        }
        for (size_t i = 0; i < n; i++)
            order[i] = &changes[i];
        qsort(order, n, sizeof *order, by_parameter_then_start);
        for (size_t k = 1; k < n; k++) {
            const change *a = order[k - 1], *b = order[k];
            if (change_cmp(a, b) == 0 && b->v.from <= a->v.until) {
                size_t ia = (size_t)(a - changes), ib = (size_t)(b - changes);
                size_t later = ia > ib ? ia : ib, earlier = ia > ib ? ib : ia;
                char what[96];
                snprintf(what, sizeof what, "%s.%s", b->measure ? b->measure->meta->id : "ruleset",
                         measure_param(b->measure, (size_t)b->param)->name);
                x.line = later < nl ? lines[later] : 0;
                rc = refuse(&x, 0, what, "dates overlap the change on line %d", earlier < nl ? lines[earlier] : 0);
                goto done;
            }
        }
    }
    rc = ruleset_derive(base, changes, n, out, err);
done:
    free(order);
    free(changes);
    free(lines);
    json_decref(root);
    return rc;
}

DGS_API int dgs_ruleset_apply_guideline(const dgs_ruleset *base, const char *json, size_t len,
                                        const char *source, dgs_ruleset **out, dgs_error *err)
{
    if (!base || (!json && len) || !out)
        return dgs_fail(err, DGS_E_INVALID_ARGUMENT, "dgs_ruleset_apply_guideline: base, json and out must not be NULL");
    *out = NULL;
    return apply(base, json ? json : "", len, source, out, err);
}

DGS_API int dgs_ruleset_apply_guideline_file(const dgs_ruleset *base, const char *path,
                                             dgs_ruleset **out, dgs_error *err)
{
    if (!base || !path || !out)
        return dgs_fail(err, DGS_E_INVALID_ARGUMENT, "dgs_ruleset_apply_guideline_file: base, path and out must not be NULL");
    *out = NULL;
    FILE *f = fopen(path, "rb");
    if (!f)
        return dgs_fail(err, DGS_E_IO, "%s: cannot be opened", path);
    char *text = NULL;
    size_t len = 0, cap = 0;
    for (;;) {
        if (len + 4096 > cap) {
            if (cap > (64u << 20)) {
                free(text);
                fclose(f);
                return dgs_fail(err, DGS_E_GUIDELINE, "%s: larger than 64 MiB", path);
            }
            char *p = realloc(text, cap = cap * 2 + 4096);
            if (!p) {
                free(text);
                fclose(f);
                return dgs_fail(err, DGS_E_NOMEM, "out of memory reading %s", path);
            }
            text = p;
        }
        size_t got = fread(text + len, 1, cap - len, f);
        len += got;
        if (got == 0)
            break;
    }
    bool bad = ferror(f);
    fclose(f);
    if (bad) {
        free(text);
        return dgs_fail(err, DGS_E_IO, "%s: read error", path);
    }
    int rc = apply(base, text, len, path, out, err);
    free(text);
    return rc;
}

DGS_API int dgs_ruleset_set_parameter(const dgs_ruleset *base, const char *measure_id,
                                      const char *parameter, const char *value, const char *from,
                                      const char *until, const char *reference, dgs_ruleset **out,
                                      dgs_error *err)
{
    if (!base || !parameter || !value || !out)
        return dgs_fail(err, DGS_E_INVALID_ARGUMENT,
                        "dgs_ruleset_set_parameter: base, parameter, value and out must not be NULL");
    *out = NULL;
    const dgs_measure *m = NULL;
    if (measure_id && !(m = dgs_ruleset_find(base, measure_id)))
        return dgs_fail(err, DGS_E_UNKNOWN_MEASURE, "unknown measure '%.64s'", measure_id);
    if (m && !meta_has_own_params(m->meta))
        return dgs_fail(err, DGS_E_UNKNOWN_PARAMETER,
                        "%s restates %s: its amount follows the parameters of %s; change those", measure_id,
                        m->meta->restates[0], m->meta->restates[0]);
    size_t np = m ? dgs_measure_parameter_count(m) : G_COUNT;
    change c = {m, -1, {INT32_MIN, INT32_MAX, 0, 1, true, -1, reference ? reference : ""}};
    for (size_t i = 0; i < np; i++)
        if (strcmp(measure_param(m, i)->name, parameter) == 0)
            c.param = (int)i;
    char what[96];
    snprintf(what, sizeof what, "%.40s.%.40s", measure_id ? measure_id : "ruleset", parameter);
    if (c.param < 0)
        return dgs_fail(err, DGS_E_UNKNOWN_PARAMETER, "%s: unknown parameter", what);
    int rc = param_value_parse(measure_param(m, (size_t)c.param), value, what, &c.v.num, &c.v.den, err);
    if (rc)
        return rc;
    if ((from && dgs_date_parse(from, &c.v.from)) || (until && dgs_date_parse(until, &c.v.until)))
        return dgs_fail(err, DGS_E_DATE, "%s: from/until must be dates YYYY-MM-DD", what);
    if (c.v.from > c.v.until)
        return dgs_fail(err, DGS_E_DATE, "%s: from is after until", what);
    return ruleset_derive(base, &c, 1, out, err);
}
