/* SPDX-License-Identifier: MulanPSL-2.0 */
/*
 * `dgsubsidy stack`: application files (docs/application-format.md).
 *
 *   { "applicant": "…", "date": "2025-06-30",
 *     "claims": [ { "measure": "A1.07.a", "date": "…", "object": "…",
 *                   "inputs": { "financed_amount": "36000000.00", … },
 *                   "already_granted": "500000.00" }, … ] }
 *
 * Strict: an unknown key, a value of the wrong JSON type, a missing
 * required field is refused with the file, the line and the key, because a
 * key the tool does not understand (a misspelt "already_granted") would
 * otherwise change the amount paid without a word.  jansson reports the
 * position of syntax errors; for keys of a well-formed file the line is
 * found by a small scan of the text along the key's path.
 */
#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "cli_internal.h"

/* ---- the line of a key ------------------------------------------------------- */

/* One step of a path: an object key, or (key NULL) an array index. */
typedef struct jstep {
    const char *key;
    size_t index;
} jstep;

typedef struct scan {
    const char *p, *end;
    unsigned long line;
} scan;

static void ws(scan *s)
{
    while (s->p < s->end && (*s->p == ' ' || *s->p == '\t' || *s->p == '\n' || *s->p == '\r')) {
        if (*s->p == '\n')
            s->line++;
        s->p++;
    }
}

static void skip_string(scan *s)
{
    s->p++; /* the opening quote */
    while (s->p < s->end && *s->p != '"') {
        if (*s->p == '\\')
            s->p++;
        s->p++;
    }
    s->p++;
}

static void skip_value(scan *s)
{
    if (s->p >= s->end)
        return;
    if (*s->p == '"') {
        skip_string(s);
        return;
    }
    if (*s->p == '{' || *s->p == '[') {
        int depth = 0;
        while (s->p < s->end) {
            char ch = *s->p;
            if (ch == '"') {
                skip_string(s);
                continue;
            }
            if (ch == '{' || ch == '[') {
                depth++;
            } else if (ch == '}' || ch == ']') {
                if (--depth == 0) {
                    s->p++;
                    return;
                }
            } else if (ch == '\n') {
                s->line++;
            }
            s->p++;
        }
        return;
    }
    while (s->p < s->end && !strchr(",}] \t\r\n", *s->p))
        s->p++;
}

/* Whether the JSON string at s->p (a key) is `key`. */
static bool key_is(const scan *s, const char *key)
{
    const char *q = s->p + 1, *close = q;
    bool escaped = false;
    while (close < s->end && *close != '"') {
        if (*close == '\\')
            escaped = true, close++;
        close++;
    }
    if (!escaped)
        return (size_t)(close - q) == strlen(key) && memcmp(q, key, strlen(key)) == 0;
    json_t *v = json_loadb(s->p, (size_t)(close - s->p + 1), JSON_DECODE_ANY, NULL);
    bool same = v && json_is_string(v) && strcmp(json_string_value(v), key) == 0;
    json_decref(v);
    return same;
}

/* The line where the last step of `path` starts in the (well-formed) JSON
 * text: the key's line for an object member, the value's for an element. */
static unsigned long path_line(const char *text, size_t len, const jstep *path, size_t n)
{
    scan s = {text, text + len, 1};
    unsigned long found = 1;
    ws(&s);
    for (size_t i = 0; i < n; i++) {
        if (s.p >= s.end || (*s.p != (path[i].key ? '{' : '[')))
            return found;
        s.p++;
        for (size_t k = 0;; k++) {
            ws(&s);
            if (s.p >= s.end || *s.p == '}' || *s.p == ']')
                return found;
            if (path[i].key) {
                bool match = key_is(&s, path[i].key);
                unsigned long key_line = s.line;
                skip_string(&s);
                ws(&s);
                s.p++; /* ':' */
                ws(&s);
                if (match) {
                    found = key_line;
                    break;
                }
            } else if (k == path[i].index) {
                found = s.line;
                break;
            }
            skip_value(&s);
            ws(&s);
            if (s.p < s.end && *s.p == ',')
                s.p++;
        }
    }
    return found;
}

/* ---- reading an application ---------------------------------------------------- */

typedef struct app {
    cli *c;
    const char *path;
    const char *text;
    size_t len;
} app;

/* Fails with "FILE:LINE: claim N (ID): …" for the path. */
static int refuse(const app *a, const jstep *path, size_t n, const char *fmt, ...) CLI_PRINTF(4, 5);
static int refuse(const app *a, const jstep *path, size_t n, const char *fmt, ...)
{
    char msg[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    return cli_fail(a->c, "%s:%lu: %s", a->path, path_line(a->text, a->len, path, n), msg);
}

static const char *type_name(const json_t *v)
{
    switch (json_typeof(v)) {
    case JSON_OBJECT:
        return "an object";
    case JSON_ARRAY:
        return "an array";
    case JSON_STRING:
        return "a string";
    case JSON_INTEGER:
        return "an integer";
    case JSON_REAL:
        return "a number with a fraction";
    case JSON_TRUE:
    case JSON_FALSE:
        return "a boolean";
    default:
        return "null";
    }
}

/* The text of an input value, as `eval` would take it after name=; the
 * caller frees it.  NULL with *why set when the JSON type cannot be one. */
static char *input_text(const json_t *v, const char **why)
{
    char num[32];
    *why = NULL;
    switch (json_typeof(v)) {
    case JSON_STRING:
        return strdup(json_string_value(v));
    case JSON_INTEGER:
        snprintf(num, sizeof num, "%lld", (long long)json_integer_value(v));
        return strdup(num);
    case JSON_TRUE:
        return strdup("true");
    case JSON_FALSE:
        return strdup("false");
    case JSON_ARRAY: {
        size_t size = 1, i;
        json_t *e;
        json_array_foreach(v, i, e) {
            if (json_is_string(e)) {
                if (strchr(json_string_value(e), ',')) {
                    *why = "an element of a list contains a comma";
                    return NULL;
                }
                size += strlen(json_string_value(e)) + 1;
            } else if (json_is_integer(e)) {
                size += 24;
            } else {
                *why = "the elements of a list must be strings or integers";
                return NULL;
            }
        }
        char *out = malloc(size);
        if (!out)
            return NULL;
        out[0] = '\0';
        json_array_foreach(v, i, e) {
            if (i)
                strcat(out, ",");
            if (json_is_string(e))
                strcat(out, json_string_value(e));
            else
                sprintf(out + strlen(out), "%lld", (long long)json_integer_value(e));
        }
        return out;
    }
    case JSON_REAL:
        *why = "a JSON number with a fraction is not exact: write it as a string, e.g. \"36.5\"";
        return NULL;
    default:
        *why = "write a string, an integer or a boolean";
        return NULL;
    }
}

static bool key_in(const char *key, const char *const *keys)
{
    for (; *keys; keys++)
        if (strcmp(key, *keys) == 0)
            return true;
    return false;
}

typedef struct claims {
    size_t n;
    dgs_result **results;
    const char **objects;
    dgs_fen_t *before;
} claims;

static void claims_free(claims *cl)
{
    for (size_t i = 0; cl->results && i < cl->n; i++)
        dgs_result_free(cl->results[i]);
    free(cl->results);
    free(cl->objects);
    free(cl->before);
}

/* Evaluates claim i of the application. */
static int read_claim(const app *a, const dgs_ruleset *rs, const json_t *claim, size_t i, const char *file_date,
                      claims *cl)
{
    static const char *const keys[] = {"measure", "date", "object", "inputs", "already_granted", NULL};
    jstep path[4] = {{"claims", 0}, {NULL, i}, {NULL, 0}, {NULL, 0}};
    if (!json_is_object(claim))
        return refuse(a, path, 2, "claim %zu must be an object, not %s", i + 1, type_name(claim));
    const char *key;
    json_t *v;
    json_object_foreach((json_t *)claim, key, v) {
        path[2].key = key;
        if (!key_in(key, keys))
            return refuse(a, path, 3, "claim %zu: unknown key '%.60s' (a claim takes measure, date, object, inputs, already_granted)",
                          i + 1, key);
        bool ok = strcmp(key, "inputs") == 0            ? json_is_object(v)
                  : strcmp(key, "already_granted") == 0 ? json_is_string(v) || json_is_integer(v)
                                                        : json_is_string(v);
        if (!ok)
            return refuse(a, path, 3, "claim %zu: \"%s\" must be %s, not %s", i + 1, key,
                          strcmp(key, "inputs") == 0            ? "an object of name: value"
                          : strcmp(key, "already_granted") == 0 ? "yuan as a string (\"500000.00\") or an integer"
                          : strcmp(key, "date") == 0            ? "a string \"YYYY-MM-DD\""
                                                                : "a string",
                          type_name(v));
    }
    json_t *jm = json_object_get(claim, "measure");
    if (!jm)
        return refuse(a, path, 2, "claim %zu: \"measure\" (a measure id) is required", i + 1);
    const char *id = json_string_value(jm);
    dgs_error e = {0};
    const dgs_measure *m;
    path[2].key = "measure";
    if (dgs_ruleset_lookup(rs, id, &m, &e))
        return refuse(a, path, 3, "claim %zu: %s", i + 1, e.message);
    const char *date = json_string_value(json_object_get(claim, "date"));
    if (!date && !(date = file_date))
        return refuse(a, path, 2, "claim %zu (%s): no date: give \"date\" in the claim or at the top of the file", i + 1,
                      id);
    dgs_case *cs;
    if (dgs_case_new(m, &cs, &e))
        return cli_fail_err(a->c, &e);
    path[2].key = json_object_get(claim, "date") ? "date" : NULL;
    if (dgs_case_set_date(cs, date, &e)) {
        dgs_case_free(cs);
        if (path[2].key)
            return refuse(a, path, 3, "claim %zu (%s): %s", i + 1, id, e.message);
        jstep top = {"date", 0};
        return refuse(a, &top, 1, "%s", e.message);
    }
    path[2].key = "inputs";
    json_object_foreach(json_object_get(claim, "inputs"), key, v) {
        path[3].key = key;
        if (strcmp(key, "date") == 0) {
            dgs_case_free(cs);
            return refuse(a, path, 4, "claim %zu (%s): the date is a key of the claim, not an input", i + 1, id);
        }
        const char *why;
        char *text = input_text(v, &why);
        if (!text) {
            dgs_case_free(cs);
            if (!why)
                return cli_fail_io(a->c, "out of memory");
            return refuse(a, path, 4, "claim %zu (%s): input '%.60s' is %s: %s", i + 1, id, key, type_name(v), why);
        }
        int bad = dgs_case_set_text(cs, key, text, &e);
        free(text);
        if (bad) {
            dgs_case_free(cs);
            if (e.code == DGS_E_NOMEM)
                return cli_fail_err(a->c, &e);
            return refuse(a, path, 4, "claim %zu (%s): %s", i + 1, id, e.message);
        }
    }
    json_t *ag = json_object_get(claim, "already_granted");
    if (ag) {
        const char *why;
        char *text = input_text(ag, &why);
        int bad = !text || dgs_money_parse(text, &cl->before[i], &e);
        free(text);
        if (bad) {
            dgs_case_free(cs);
            path[2].key = "already_granted";
            return refuse(a, path, 3, "claim %zu (%s): already_granted: %s", i + 1, id,
                          e.message[0] ? e.message : "out of memory");
        }
    }
    cl->objects[i] = json_string_value(json_object_get(claim, "object"));
    int rc = dgs_evaluate(cs, &cl->results[i], &e);
    dgs_case_free(cs);
    if (rc) {
        if (e.code == DGS_E_NOMEM)
            return cli_fail_err(a->c, &e);
        return refuse(a, path, 2, "claim %zu (%s): %s", i + 1, id, e.message);
    }
    return 0;
}

static int stack_file(cli *c, const opts *o, const dgs_ruleset *rs, const char *path)
{
    char *text;
    size_t len;
    int rc = cli_read_file(c, path, &text, &len);
    if (rc)
        return rc;
    app a = {c, path, text, len};
    json_error_t je;
    json_t *root = json_loadb(text, len, JSON_REJECT_DUPLICATES, &je);
    claims cl = {0, NULL, NULL, NULL};
    dgs_stack *s = NULL;
    char *report = NULL, **texts = NULL;
    dgs_error e = {0};
    if (!root) {
        rc = cli_fail(c, "%s:%d: malformed JSON: %s", path, je.line, je.text);
        goto done;
    }
    static const char *const keys[] = {"$schema", "applicant", "date", "claims", NULL};
    jstep at[1] = {{NULL, 0}};
    if (!json_is_object(root)) {
        rc = cli_fail(c, "%s:1: an application is a JSON object with \"claims\", not %s", path, type_name(root));
        goto done;
    }
    const char *key;
    json_t *v;
    json_object_foreach(root, key, v) {
        at[0].key = key;
        if (!key_in(key, keys)) {
            rc = refuse(&a, at, 1, "unknown key '%.60s' (an application takes applicant, date, claims, $schema)", key);
            goto done;
        }
        bool ok = strcmp(key, "claims") == 0 ? json_is_array(v) : json_is_string(v);
        if (!ok) {
            rc = refuse(&a, at, 1, "\"%s\" must be %s, not %s", key,
                        strcmp(key, "claims") == 0 ? "an array of claims"
                        : strcmp(key, "date") == 0 ? "a string \"YYYY-MM-DD\""
                                                   : "a string",
                        type_name(v));
            goto done;
        }
    }
    json_t *jc = json_object_get(root, "claims");
    if (!jc || !json_array_size(jc)) {
        at[0].key = jc ? "claims" : NULL;
        rc = refuse(&a, at, jc ? 1 : 0, "\"claims\" (a non-empty array of claims) is required");
        goto done;
    }
    const char *file_date = json_string_value(json_object_get(root, "date"));
    const char *applicant = json_string_value(json_object_get(root, "applicant"));
    cl.n = json_array_size(jc);
    cl.results = calloc(cl.n, sizeof *cl.results);
    cl.objects = calloc(cl.n, sizeof *cl.objects);
    cl.before = calloc(cl.n, sizeof *cl.before);
    if (!cl.results || !cl.objects || !cl.before) {
        rc = cli_fail_io(c, "out of memory");
        goto done;
    }
    for (size_t i = 0; i < cl.n; i++)
        if ((rc = read_claim(&a, rs, json_array_get(jc, i), i, file_date, &cl)))
            goto done;
    if (dgs_stack_claims(rs, (const dgs_result *const *)cl.results, cl.objects, cl.n, cl.before, &s, &e)) {
        rc = cli_fail_err(c, &e);
        goto done;
    }
    if (dgs_stack_render(s, o->json ? DGS_FORMAT_JSON : DGS_FORMAT_TEXT, o->lang, &report, &e)) {
        rc = cli_fail_err(c, &e);
        goto done;
    }
    if (!o->json) {
        /* Render every result before writing anything. */
        if (!(texts = calloc(cl.n, sizeof *texts))) {
            rc = cli_fail_io(c, "out of memory");
            goto done;
        }
        for (size_t i = 0; i < cl.n; i++)
            if (dgs_result_render(cl.results[i], DGS_FORMAT_TEXT, o->lang, &texts[i], &e)) {
                rc = cli_fail_err(c, &e);
                goto done;
            }
        fprintf(c->out, "=== %s%s%s\n\n", path, applicant ? " — " : "", applicant ? applicant : "");
        for (size_t i = 0; i < cl.n; i++)
            fprintf(c->out, "%s\n", texts[i]);
    }
    fprintf(c->out, "%s\n", report);
done:
    for (size_t i = 0; texts && i < cl.n; i++)
        dgs_free(texts[i]);
    free(texts);
    dgs_free(report);
    dgs_stack_free(s);
    claims_free(&cl);
    json_decref(root);
    free(text);
    return rc;
}

int cmd_stack(cli *c, const opts *o, const dgs_ruleset *rs)
{
    if (o->npos < 1)
        return cli_fail(c, "stack takes one or more application files (JSON)");
    for (int i = 0; i < o->npos; i++) {
        int rc = stack_file(c, o, rs, o->pos[i]);
        if (rc)
            return rc;
        if ((rc = cli_check_out(c)))
            return rc;
    }
    return 0;
}
