/*
 * dgsubsidy — the command-line tool.
 *
 *   dgsubsidy list [--kind K] [--lang zh|en]
 *   dgsubsidy show ID [--json] [--lang zh|en] [--date D]
 *   dgsubsidy eval ID [name=value ...] [--date YYYY-MM-DD] [--json] [--lang zh|en]
 *   dgsubsidy batch ID --input FILE.csv [--date D]
 *   dgsubsidy stack FILE.json ... [--json] [--lang zh|en]
 *   dgsubsidy allocate --budget YUAN [--method pro-rata|first-come] (YUAN ... | --input FILE)
 *   dgsubsidy catalog --format markdown
 *
 * Every command takes --guideline FILE.  Exit 0 for any outcome; 2 with one
 * line on stderr for bad usage or bad input.
 */
#include "cli.h"

#include <stdarg.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <jansson.h>

#include "dgsubsidy/dgsubsidy.h"

#define USAGE                                                                                     \
    "usage: dgsubsidy list [--kind K] [--lang zh|en]\n"                                          \
    "       dgsubsidy show ID [--json] [--lang zh|en] [--date YYYY-MM-DD]\n"                       \
    "       dgsubsidy eval ID [name=value ...] [--date YYYY-MM-DD] [--json] [--lang zh|en]\n"      \
    "       dgsubsidy batch ID --input FILE.csv [--date YYYY-MM-DD]\n"                             \
    "       dgsubsidy stack FILE.json ... [--json] [--lang zh|en]\n"                               \
    "       dgsubsidy allocate --budget YUAN [--method pro-rata|first-come] (YUAN ... | --input FILE)\n" \
    "       dgsubsidy catalog --format markdown\n"                                                 \
    "       (every command takes --guideline FILE)\n"

typedef struct opts {
    int lang;
    bool json;
    const char *date;
    const char *guideline;
    const char *kind;
    const char *format;
    const char *budget;
    const char *method;
    const char *input;
    char **pos;
    int npos;
    char today[16];
} opts;

typedef struct cli {
    FILE *out;
    FILE *err;
} cli;

#if defined(__MINGW32__)
static int fail(cli *c, const char *fmt, ...) __attribute__((format(gnu_printf, 2, 3)));
#else
static int fail(cli *c, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
#endif
static int fail(cli *c, const char *fmt, ...)
{
    va_list ap;
    fputs("dgsubsidy: ", c->err);
    va_start(ap, fmt);
    vfprintf(c->err, fmt, ap);
    va_end(ap);
    fputc('\n', c->err);
    return 2;
}

/* One line: the message of a library error, without newlines. */
static int fail_err(cli *c, const dgs_error *e)
{
    return fail(c, "%s", e->message[0] ? e->message : dgs_status_name(e->code));
}

static int parse_opts(cli *c, int argc, char **argv, int start, opts *o)
{
    memset(o, 0, sizeof *o);
    o->pos = calloc((size_t)argc + 1, sizeof *o->pos);
    if (!o->pos)
        return fail(c, "out of memory");
    for (int i = start; i < argc; i++) {
        const char *a = argv[i];
        const char **target = NULL;
        if (strcmp(a, "--json") == 0) {
            o->json = true;
            continue;
        }
        if (strcmp(a, "--lang") == 0 || strcmp(a, "--date") == 0 || strcmp(a, "--guideline") == 0 ||
            strcmp(a, "--kind") == 0 || strcmp(a, "--format") == 0 || strcmp(a, "--budget") == 0 ||
            strcmp(a, "--method") == 0 || strcmp(a, "--input") == 0) {
            if (i + 1 >= argc)
                return fail(c, "%s needs a value", a);
            const char *v = argv[++i];
            if (strcmp(a, "--lang") == 0) {
                if (strcmp(v, "zh") == 0)
                    o->lang = DGS_LANG_ZH;
                else if (strcmp(v, "en") == 0)
                    o->lang = DGS_LANG_EN;
                else
                    return fail(c, "--lang takes zh or en, not '%.40s'", v);
                continue;
            }
            target = strcmp(a, "--date") == 0        ? &o->date
                     : strcmp(a, "--guideline") == 0 ? &o->guideline
                     : strcmp(a, "--kind") == 0      ? &o->kind
                     : strcmp(a, "--format") == 0    ? &o->format
                     : strcmp(a, "--budget") == 0    ? &o->budget
                     : strcmp(a, "--method") == 0    ? &o->method
                                                     : &o->input;
            *target = v;
            continue;
        }
        if (a[0] == '-' && a[1] == '-')
            return fail(c, "unknown option '%.40s'", a);
        o->pos[o->npos++] = argv[i];
    }
    if (!o->date) {
        time_t now = time(NULL);
        struct tm tm;
        localtime_r(&now, &tm);
        strftime(o->today, sizeof o->today, "%Y-%m-%d", &tm);
        o->date = o->today;
    }
    return 0;
}

static int load_ruleset(cli *c, const opts *o, dgs_ruleset **rs)
{
    dgs_error e = {0};
    dgs_ruleset *base;
    *rs = NULL;
    if (dgs_ruleset_builtin(&base, &e))
        return fail_err(c, &e);
    if (!o->guideline) {
        *rs = base;
        return 0;
    }
    int rc = dgs_ruleset_apply_guideline_file(base, o->guideline, rs, &e);
    dgs_ruleset_free(base);
    return rc ? fail_err(c, &e) : 0;
}

static const dgs_measure *find_measure(cli *c, const dgs_ruleset *rs, const char *id)
{
    dgs_error e = {0};
    const dgs_measure *m;
    if (dgs_ruleset_lookup(rs, id, &m, &e)) {
        fail_err(c, &e);
        return NULL;
    }
    return m;
}

/* ---- list ---------------------------------------------------------------- */

static int cmd_list(cli *c, const opts *o, const dgs_ruleset *rs)
{
    int kind = 0;
    if (o->kind) {
        for (int k = 1; dgs_kind_name(k); k++)
            if (strcmp(dgs_kind_name(k), o->kind) == 0)
                kind = k;
        if (!kind)
            return fail(c, "unknown kind '%.40s' (formula, fixed_cap, tiered_fixed, price_or_quota, unspecified, qualitative)", o->kind);
    }
    if (o->npos)
        return fail(c, "list takes no arguments");
    for (size_t i = 0; i < dgs_ruleset_measure_count(rs); i++) {
        const dgs_measure *m = dgs_ruleset_measure_at(rs, i);
        if (kind && dgs_measure_kind(m) != kind)
            continue;
        fprintf(c->out, "%-10s %-14s %s\n", dgs_measure_id(m), dgs_kind_name(dgs_measure_kind(m)),
                dgs_measure_title(m, o->lang));
    }
    return 0;
}

/* ---- show ---------------------------------------------------------------- */

static int cmd_show(cli *c, const opts *o, const dgs_ruleset *rs)
{
    if (o->npos != 1)
        return fail(c, "show takes one measure id");
    const dgs_measure *m = find_measure(c, rs, o->pos[0]);
    if (!m)
        return 2;
    dgs_error e = {0};
    json_t *root = json_object(), *inputs = json_array(), *params = json_array();
    bool en = o->lang == DGS_LANG_EN;
    if (!o->json) {
        fprintf(c->out, "%s  %s\n%s\n", dgs_measure_id(m), dgs_measure_title(m, o->lang), dgs_measure_title(m, !o->lang));
        fprintf(c->out, "%s%s\n%s%s\n", en ? "kind: " : "类型：", dgs_kind_name(dgs_measure_kind(m)),
                en ? "location: " : "位置：", dgs_measure_location(m));
        if (*dgs_measure_departments(m))
            fprintf(c->out, "%s%s\n", en ? "departments: " : "责任单位：", dgs_measure_departments(m));
        if (*dgs_measure_group(m))
            fprintf(c->out, "%s%s\n", en ? "exclusive group: " : "不重复享受组：", dgs_measure_group(m));
        for (size_t k = 0; dgs_measure_restates(m, k); k++)
            fprintf(c->out, en ? "restates %s: computed through it\n" : "重述 %s：按该条计算\n", dgs_measure_restates(m, k));
        fprintf(c->out, "%s\n  %s\n", en ? "clause:" : "条款原文：", dgs_measure_clause(m));
        if (dgs_measure_input_count(m))
            fprintf(c->out, "%s\n", en ? "inputs:" : "输入：");
    }
    for (size_t i = 0; i < dgs_measure_input_count(m); i++) {
        char choices[256] = "";
        for (size_t j = 0; j < dgs_measure_input_choice_count(m, i); j++)
            snprintf(choices + strlen(choices), sizeof choices - strlen(choices), "%s%s", j ? "|" : "",
                     dgs_measure_input_choice(m, i, j));
        if (o->json) {
            json_t *j = json_pack("{s:s, s:s, s:s, s:b, s:s, s:s}", "name", dgs_measure_input_name(m, i), "type",
                                  dgs_type_name(dgs_measure_input_type(m, i)), "unit", dgs_measure_input_unit(m, i),
                                  "required", dgs_measure_input_required(m, i), "description",
                                  dgs_measure_input_description(m, i, o->lang), "choices", choices);
            json_array_append_new(inputs, j);
        } else {
            fprintf(c->out, "  %-22s %-10s %-6s %s%s%s%s\n", dgs_measure_input_name(m, i),
                    dgs_type_name(dgs_measure_input_type(m, i)), dgs_measure_input_required(m, i) ? (en ? "req" : "必填") : "",
                    dgs_measure_input_description(m, i, o->lang), *choices ? " [" : "", choices, *choices ? "]" : "");
        }
    }
    if (!o->json && dgs_measure_parameter_count(m))
        fprintf(c->out, "%s\n", en ? "parameters:" : "参数：");
    for (size_t i = 0; i < dgs_measure_parameter_count(m); i++) {
        char *value = NULL;
        const char *ref = NULL;
        if (dgs_measure_parameter_text(m, i, o->date, &value, &ref, &e)) {
            json_decref(root), json_decref(inputs), json_decref(params);
            return fail_err(c, &e);
        }
        if (o->json) {
            json_t *j = json_pack("{s:s, s:s, s:s, s:s, s:s}", "name", dgs_measure_parameter_name(m, i), "value", value,
                                  "unit", dgs_measure_parameter_unit(m, i), "description",
                                  dgs_measure_parameter_description(m, i, o->lang), "reference", ref);
            json_array_append_new(params, j);
        } else {
            fprintf(c->out, "  %-30s %-16s %-10s %s  〔%s〕\n", dgs_measure_parameter_name(m, i), value,
                    dgs_measure_parameter_unit(m, i), dgs_measure_parameter_description(m, i, o->lang), ref);
        }
        dgs_free(value);
    }
    /* The eligibility conditions (declared with condition.<id>=true|false) and the policy that sets the amount. */
    json_t *conds = json_array();
    if (!o->json && dgs_measure_condition_count(m))
        fprintf(c->out, "%s\n", en ? "conditions (condition.<id>=true|false; undeclared: assumed):" : "条件（condition.<id>=true|false；未声明即假定满足）：");
    for (size_t i = 0; i < dgs_measure_condition_count(m); i++) {
        if (o->json)
            json_array_append_new(conds, json_pack("{s:s, s:s, s:s}", "id", dgs_measure_condition_id(m, i), "text",
                                                   dgs_measure_condition_text(m, i, o->lang), "phrase",
                                                   dgs_measure_condition_phrase(m, i)));
        else
            fprintf(c->out, "  %-30s %s  〔%s〕\n", dgs_measure_condition_id(m, i), dgs_measure_condition_text(m, i, o->lang),
                    dgs_measure_condition_phrase(m, i));
    }
    if (!o->json && *dgs_measure_governed_by(m, o->lang))
        fprintf(c->out, "%s%s\n", en ? "amount set by: " : "金额由其他政策规定：", dgs_measure_governed_by(m, o->lang));
    if (!o->json)
        json_decref(conds);
    if (o->json) {
        json_object_set_new(root, "id", json_string(dgs_measure_id(m)));
        json_object_set_new(root, "kind", json_string(dgs_kind_name(dgs_measure_kind(m))));
        json_object_set_new(root, "location", json_string(dgs_measure_location(m)));
        json_object_set_new(root, "title_zh", json_string(dgs_measure_title(m, DGS_LANG_ZH)));
        json_object_set_new(root, "title_en", json_string(dgs_measure_title(m, DGS_LANG_EN)));
        json_object_set_new(root, "clause", json_string(dgs_measure_clause(m)));
        json_object_set_new(root, "departments", json_string(dgs_measure_departments(m)));
        json_object_set_new(root, "group", json_string(dgs_measure_group(m)));
        json_object_set_new(root, "fixed_amount", json_boolean(dgs_measure_fixed_amount(m)));
        json_object_set_new(root, "unit", json_string(dgs_measure_unit(m)));
        json_object_set_new(root, "unit_type", json_string(dgs_unit_name(dgs_measure_unit_type(m))));
        json_t *sources = json_array();
        for (size_t k = 0; dgs_measure_restates(m, k); k++)
            json_array_append_new(sources, json_string(dgs_measure_restates(m, k)));
        json_object_set_new(root, "restates", sources);
        json_object_set_new(root, "inputs", inputs);
        json_object_set_new(root, "parameters", params);
        json_object_set_new(root, "conditions", conds);
        json_object_set_new(root, "governed_by", json_string(dgs_measure_governed_by(m, o->lang)));
        char *text = json_dumps(root, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
        if (!text) {
            json_decref(root);
            return fail(c, "out of memory");
        }
        fprintf(c->out, "%s\n", text);
        free(text);
        json_decref(root);
    } else {
        json_decref(root), json_decref(inputs), json_decref(params);
    }
    return 0;
}

/* ---- eval ---------------------------------------------------------------- */

static int print_result(cli *c, const opts *o, const dgs_result *r)
{
    dgs_error e = {0};
    char *text;
    if (dgs_result_render(r, o->json ? DGS_FORMAT_JSON : DGS_FORMAT_TEXT, o->lang, &text, &e))
        return fail_err(c, &e);
    fprintf(c->out, "%s%s", text, o->json ? "\n" : "");
    dgs_free(text);
    return 0;
}

static int cmd_eval(cli *c, const opts *o, const dgs_ruleset *rs)
{
    if (o->npos < 1)
        return fail(c, "eval takes a measure id and name=value inputs");
    const dgs_measure *m = find_measure(c, rs, o->pos[0]);
    if (!m)
        return 2;
    dgs_error e = {0};
    dgs_case *cs;
    dgs_result *r = NULL;
    int rc = 0;
    if (dgs_case_new(m, &cs, &e))
        return fail_err(c, &e);
    if (dgs_case_set_date(cs, o->date, &e)) {
        rc = fail_err(c, &e);
        goto done;
    }
    for (int i = 1; i < o->npos; i++) {
        char *eq = strchr(o->pos[i], '=');
        if (!eq || eq == o->pos[i]) {
            rc = fail(c, "input '%.60s' is not name=value", o->pos[i]);
            goto done;
        }
        *eq = '\0';
        int bad = dgs_case_set_text(cs, o->pos[i], eq + 1, &e);
        *eq = '=';
        if (bad) {
            rc = fail_err(c, &e);
            goto done;
        }
    }
    if (dgs_evaluate(cs, &r, &e)) {
        rc = fail_err(c, &e);
        goto done;
    }
    rc = print_result(c, o, r);
done:
    dgs_result_free(r);
    dgs_case_free(cs);
    return rc;
}

/* ---- batch: CSV in, CSV out ------------------------------------------------ */

/* Reads one CSV line (no quoting: values are numbers, names and flags). */
static char *next_line(char **p)
{
    char *s = *p;
    if (!*s)
        return NULL;
    char *nl = strchr(s, '\n');
    if (nl) {
        *nl = '\0';
        *p = nl + 1;
    } else {
        *p = s + strlen(s);
    }
    size_t n = strlen(s);
    if (n && s[n - 1] == '\r')
        s[n - 1] = '\0';
    return s;
}

static char *read_file(cli *c, const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        fail(c, "%s: cannot be opened", path);
        return NULL;
    }
    char *text = NULL;
    size_t len = 0, cap = 0;
    for (;;) {
        if (len + 4096 + 1 > cap) {
            char *p = realloc(text, cap = cap * 2 + 4096 + 1);
            if (!p) {
                free(text);
                fclose(f);
                fail(c, "out of memory reading %s", path);
                return NULL;
            }
            text = p;
        }
        size_t got = fread(text + len, 1, cap - len - 1, f);
        len += got;
        if (!got)
            break;
    }
    fclose(f);
    text[len] = '\0';
    if (strlen(text) != len) {
        free(text);
        fail(c, "%s: contains a NUL byte", path);
        return NULL;
    }
    return text;
}

/* A text value of input k as the int64 the batch takes: parsed through a
 * scratch case, so the rules are those of dgs_case_set_text. */
static int cell_value(const dgs_measure *m, size_t k, const char *text, int64_t *v, dgs_error *e)
{
    const char *name = dgs_measure_input_name(m, k);
    switch (dgs_measure_input_type(m, k)) {
    case DGS_TYPE_MONEY:
    case DGS_TYPE_AREA: {
        int rc = dgs_money_parse(text, v, e);
        if (rc)
            snprintf(e->message, sizeof e->message, "%s: '%.40s' is not a number with at most two decimals", name, text);
        return rc;
    }
    case DGS_TYPE_FLAG:
        if (strcmp(text, "true") == 0 || strcmp(text, "1") == 0)
            return *v = 1, 0;
        if (strcmp(text, "false") == 0 || strcmp(text, "0") == 0)
            return *v = 0, 0;
        snprintf(e->message, sizeof e->message, "%s: write true or false, not '%.40s'", name, text);
        return e->code = DGS_E_VALUE;
    case DGS_TYPE_CHOICE:
        for (size_t j = 0; j < dgs_measure_input_choice_count(m, k); j++)
            if (strcmp(dgs_measure_input_choice(m, k, j), text) == 0)
                return *v = (int64_t)j, 0;
        snprintf(e->message, sizeof e->message, "%s: unknown choice '%.40s'", name, text);
        return e->code = DGS_E_CHOICE;
    case DGS_TYPE_COUNT: {
        char *end;
        long long n = strtoll(text, &end, 10);
        if (!*text || *end || n < 0) {
            snprintf(e->message, sizeof e->message, "%s: '%.40s' is not a whole number", name, text);
            return e->code = DGS_E_VALUE;
        }
        return *v = n, 0;
    }
    default:
        snprintf(e->message, sizeof e->message, "%s: list inputs cannot be batched", name);
        return e->code = DGS_E_NOT_SUPPORTED;
    }
}

static int cmd_batch(cli *c, const opts *o, const dgs_ruleset *rs)
{
    if (o->npos != 1 || !o->input)
        return fail(c, "batch takes a measure id and --input FILE.csv");
    const dgs_measure *m = find_measure(c, rs, o->pos[0]);
    if (!m)
        return 2;
    char *text = read_file(c, o->input);
    if (!text)
        return 2;
    int rc = 0;
    size_t cols = 0, rows = 0, cap = 0;
    char *p = text, *header = next_line(&p);
    const char *names[16];
    size_t idx[16];
    int64_t *columns[16] = {0};
    uint8_t *present[16] = {0};
    dgs_fen_t *awards = NULL;
    int32_t *outcomes = NULL;
    dgs_error e = {0};
    if (!header || !*header) {
        rc = fail(c, "%s: no header line of input names", o->input);
        goto done;
    }
    for (char *tok = strtok(header, ","); tok; tok = strtok(NULL, ",")) {
        long k = dgs_measure_input_index(m, tok);
        if (k < 0) {
            rc = fail(c, "%s: %s has no input '%.40s'", o->input, dgs_measure_id(m), tok);
            goto done;
        }
        if (cols == 16) {
            rc = fail(c, "%s: too many columns", o->input);
            goto done;
        }
        names[cols] = tok;
        idx[cols++] = (size_t)k;
    }
    for (char *line; (line = next_line(&p));) {
        if (!*line)
            continue;
        if (rows == cap) {
            cap = cap ? cap * 2 : 1024;
            for (size_t j = 0; j < cols; j++) {
                int64_t *nc = realloc(columns[j], cap * sizeof *nc);
                uint8_t *np = nc ? realloc(present[j], cap) : NULL;
                if (nc)
                    columns[j] = nc;
                if (np)
                    present[j] = np;
                if (!nc || !np) {
                    rc = fail(c, "out of memory");
                    goto done;
                }
            }
        }
        char *cell = line;
        for (size_t j = 0; j < cols; j++) {
            char *comma = strchr(cell, ',');
            if (comma)
                *comma = '\0';
            else if (j + 1 < cols) {
                rc = fail(c, "%s: row %zu has %zu values, the header %zu", o->input, rows + 1, j + 1, cols);
                goto done;
            }
            present[j][rows] = *cell != '\0';
            columns[j][rows] = 0;
            if (*cell && cell_value(m, idx[j], cell, &columns[j][rows], &e)) {
                rc = fail(c, "%s: row %zu: %s", o->input, rows + 1, e.message);
                goto done;
            }
            cell = comma ? comma + 1 : cell + strlen(cell);
        }
        rows++;
    }
    awards = calloc(rows ? rows : 1, sizeof *awards);
    outcomes = calloc(rows ? rows : 1, sizeof *outcomes);
    if (!awards || !outcomes) {
        rc = fail(c, "out of memory");
        goto done;
    }
    int brc = dgs_evaluate_batch(m, o->date, rows, cols, names, (const int64_t *const *)columns,
                                 (const uint8_t *const *)present, awards, outcomes, &e);
    if (brc && brc != DGS_E_NEGATIVE && brc != DGS_E_MISSING_INPUT && brc != DGS_E_OVERFLOW &&
        brc != DGS_E_CHOICE && brc != DGS_E_RANGE) {
        rc = fail_err(c, &e);
        goto done;
    }
    /* The award in the measure's unit: yuan with two decimals, or a count (places). */
    fprintf(c->out, "row,outcome,award,unit\n");
    const char *unit = dgs_measure_unit_type(m) == DGS_UNIT_FEN ? "yuan" : dgs_measure_unit(m);
    for (size_t i = 0; i < rows; i++) {
        char v[32];
        fprintf(c->out, "%zu,%s,%s,%s\n", i + 1, dgs_outcome_name(outcomes[i]),
                dgs_format_amount(dgs_measure_unit_type(m), awards[i], v, sizeof v), unit);
    }
    if (brc)
        rc = fail(c, "%s", e.message);
done:
    for (size_t j = 0; j < 16; j++) {
        free(columns[j]);
        free(present[j]);
    }
    free(awards);
    free(outcomes);
    free(text);
    return rc;
}

/* ---- stack: an application file -------------------------------------------- */

static int json_text(const json_t *v, char *buf, size_t size)
{
    if (json_is_string(v))
        return snprintf(buf, size, "%s", json_string_value(v)) < (int)size ? 0 : -1;
    if (json_is_integer(v))
        return snprintf(buf, size, "%lld", (long long)json_integer_value(v)), 0;
    if (json_is_true(v))
        return snprintf(buf, size, "true"), 0;
    if (json_is_false(v))
        return snprintf(buf, size, "false"), 0;
    return -1;
}

static int stack_file(cli *c, const opts *o, const dgs_ruleset *rs, const char *path)
{
    json_error_t je;
    json_t *root = json_load_file(path, JSON_REJECT_DUPLICATES, &je);
    if (!root)
        return fail(c, "%s:%d: malformed JSON: %s", path, je.line, je.text);
    int rc = 0;
    json_t *claims = json_object_get(root, "claims");
    const char *date = json_string_value(json_object_get(root, "date"));
    const char *applicant = json_string_value(json_object_get(root, "applicant"));
    size_t n = json_array_size(claims);
    dgs_result **results = n ? calloc(n, sizeof *results) : NULL;
    dgs_fen_t *before = n ? calloc(n, sizeof *before) : NULL;
    dgs_stack *s = NULL;
    dgs_error e = {0};
    if (!json_is_array(claims) || !n) {
        rc = fail(c, "%s: \"claims\" must be a non-empty array", path);
        goto done;
    }
    if (!results || !before) {
        rc = fail(c, "out of memory");
        goto done;
    }
    if (!o->json)
        fprintf(c->out, "=== %s%s%s\n\n", path, applicant ? " — " : "", applicant ? applicant : "");
    for (size_t i = 0; i < n; i++) {
        json_t *claim = json_array_get(claims, i), *inputs = json_object_get(claim, "inputs");
        const char *id = json_string_value(json_object_get(claim, "measure"));
        const char *cdate = json_string_value(json_object_get(claim, "date"));
        const dgs_measure *m = id ? find_measure(c, rs, id) : NULL;
        dgs_case *cs = NULL;
        if (!m) {
            rc = id ? 2 : fail(c, "%s: claim %zu has no \"measure\"", path, i + 1);
            goto done;
        }
        if (dgs_case_new(m, &cs, &e) || dgs_case_set_date(cs, cdate ? cdate : date ? date : o->date, &e)) {
            dgs_case_free(cs);
            rc = fail(c, "%s: claim %zu (%s): %s", path, i + 1, id, e.message);
            goto done;
        }
        const char *key;
        json_t *v;
        char text[1024];
        json_object_foreach(inputs, key, v) {
            if (json_text(v, text, sizeof text) || dgs_case_set_text(cs, key, text, &e)) {
                if (json_text(v, text, sizeof text))
                    snprintf(e.message, sizeof e.message, "input '%s' must be a string, integer or boolean", key);
                dgs_case_free(cs);
                rc = fail(c, "%s: claim %zu (%s): %s", path, i + 1, id, e.message);
                goto done;
            }
        }
        json_t *ag = json_object_get(claim, "already_granted");
        if (ag && (json_text(ag, text, sizeof text) || dgs_money_parse(text, &before[i], &e))) {
            dgs_case_free(cs);
            rc = fail(c, "%s: claim %zu (%s): already_granted: %s", path, i + 1, id,
                      e.message[0] ? e.message : "must be yuan as a string");
            goto done;
        }
        int erc = dgs_evaluate(cs, &results[i], &e);
        dgs_case_free(cs);
        if (erc) {
            rc = fail(c, "%s: claim %zu (%s): %s", path, i + 1, id, e.message);
            goto done;
        }
        if (!o->json) {
            if ((rc = print_result(c, o, results[i])))
                goto done;
            fputc('\n', c->out);
        }
    }
    if (dgs_stack_results(rs, (const dgs_result *const *)results, n, before, &s, &e)) {
        rc = fail_err(c, &e);
        goto done;
    }
    char *report;
    if (dgs_stack_render(s, o->json ? DGS_FORMAT_JSON : DGS_FORMAT_TEXT, o->lang, &report, &e)) {
        rc = fail_err(c, &e);
        goto done;
    }
    fprintf(c->out, "%s\n", report);
    dgs_free(report);
done:
    dgs_stack_free(s);
    for (size_t i = 0; results && i < n; i++)
        dgs_result_free(results[i]);
    free(results);
    free(before);
    json_decref(root);
    return rc;
}

static int cmd_stack(cli *c, const opts *o, const dgs_ruleset *rs)
{
    if (o->npos < 1)
        return fail(c, "stack takes one or more application files (JSON)");
    for (int i = 0; i < o->npos; i++) {
        int rc = stack_file(c, o, rs, o->pos[i]);
        if (rc)
            return rc;
    }
    return 0;
}

/* ---- allocate -------------------------------------------------------------- */

static int cmd_allocate(cli *c, const opts *o)
{
    dgs_error e = {0};
    dgs_fen_t budget;
    int method = DGS_ALLOCATE_PRO_RATA;
    if (!o->budget)
        return fail(c, "allocate needs --budget YUAN");
    if (dgs_money_parse(o->budget, &budget, &e))
        return fail(c, "--budget: %s", e.message);
    if (o->method) {
        if (strcmp(o->method, "first-come") == 0)
            method = DGS_ALLOCATE_FIRST_COME;
        else if (strcmp(o->method, "pro-rata") != 0)
            return fail(c, "--method takes pro-rata or first-come, not '%.40s'", o->method);
    }
    char *text = NULL, *p;
    size_t n = 0, cap = (size_t)o->npos + 1;
    if (o->input) {
        if (!(text = read_file(c, o->input)))
            return 2;
        for (p = text; *p; p++)
            cap += *p == '\n';
    }
    dgs_fen_t *claims = calloc(cap, sizeof *claims), *shares = calloc(cap, sizeof *shares);
    int rc = 0;
    if (!claims || !shares) {
        rc = fail(c, "out of memory");
        goto done;
    }
    for (int i = 0; i < o->npos; i++)
        if (dgs_money_parse(o->pos[i], &claims[n++], &e)) {
            rc = fail(c, "claim %d: %s", i + 1, e.message);
            goto done;
        }
    p = text;
    for (char *line; text && (line = next_line(&p));) {
        if (!*line)
            continue;
        if (dgs_money_parse(line, &claims[n++], &e)) {
            rc = fail(c, "%s: line %zu: %s", o->input, n, e.message);
            goto done;
        }
    }
    if (dgs_allocate(budget, claims, n, method, shares, &e)) {
        rc = fail_err(c, &e);
        goto done;
    }
    fprintf(c->out, "claim,requested,allocated\n");
    for (size_t i = 0; i < n; i++) {
        char a[32], b[32];
        fprintf(c->out, "%zu,%s,%s\n", i + 1, dgs_money_format(claims[i], a, sizeof a), dgs_money_format(shares[i], b, sizeof b));
    }
done:
    free(text);
    free(claims);
    free(shares);
    return rc;
}

/* ---- catalog ---------------------------------------------------------------- */

/* Markdown table cells: no pipes or newlines. */
static void md_cell(FILE *f, const char *s)
{
    for (; *s; s++)
        fputs(*s == '|' ? "\\|" : *s == '\n' ? " " : (char[2]){*s, 0}, f);
}

static int cmd_catalog(cli *c, const opts *o, const dgs_ruleset *rs)
{
    if (!o->format || strcmp(o->format, "markdown") != 0)
        return fail(c, "catalog needs --format markdown");
    dgs_error e = {0};
    FILE *f = c->out;
    fprintf(f, "# The measures of 东府〔2024〕1号\n\n");
    fprintf(f, "Generated by `dgsubsidy catalog --format markdown` from the library's own metadata; "
               "a test fails if this file differs from what the library generates.\n\n");
    fprintf(f, "%zu measures. Money in yuan; every number is a parameter a guideline may change.\n\n",
            dgs_ruleset_measure_count(rs));
    fprintf(f, "| id | kind | 标题 | title | group |\n| --- | --- | --- | --- | --- |\n");
    for (size_t i = 0; i < dgs_ruleset_measure_count(rs); i++) {
        const dgs_measure *m = dgs_ruleset_measure_at(rs, i);
        fprintf(f, "| [%s](#%s) | %s | ", dgs_measure_id(m), dgs_measure_id(m), dgs_kind_name(dgs_measure_kind(m)));
        md_cell(f, dgs_measure_title(m, DGS_LANG_ZH));
        fputs(" | ", f);
        md_cell(f, dgs_measure_title(m, DGS_LANG_EN));
        fprintf(f, " | %s |\n", dgs_measure_group(m));
    }
    for (size_t i = 0; i < dgs_ruleset_measure_count(rs); i++) {
        const dgs_measure *m = dgs_ruleset_measure_at(rs, i);
        fprintf(f, "\n## <a id=\"%s\"></a>%s %s\n\n", dgs_measure_id(m), dgs_measure_id(m), dgs_measure_title(m, DGS_LANG_ZH));
        fprintf(f, "*%s* — kind `%s`%s%s%s\n\n", dgs_measure_title(m, DGS_LANG_EN), dgs_kind_name(dgs_measure_kind(m)),
                *dgs_measure_group(m) ? ", group `" : "", dgs_measure_group(m), *dgs_measure_group(m) ? "`" : "");
        fprintf(f, "%s%s%s\n\n> %s\n", dgs_measure_location(m), *dgs_measure_departments(m) ? " · " : "",
                dgs_measure_departments(m), dgs_measure_clause(m));
        for (size_t k = 0; dgs_measure_restates(m, k); k++)
            fprintf(f, "%sRestates [%s](#%s): computed through it, with its parameters (重述附件条款，按该条计算)\n",
                    k ? "" : "\n", dgs_measure_restates(m, k), dgs_measure_restates(m, k));
        if (dgs_measure_input_count(m)) {
            fprintf(f, "\n| input | type | unit | required | description |\n| --- | --- | --- | --- | --- |\n");
            for (size_t k = 0; k < dgs_measure_input_count(m); k++) {
                fprintf(f, "| `%s` | %s | %s | %s | ", dgs_measure_input_name(m, k), dgs_type_name(dgs_measure_input_type(m, k)),
                        dgs_measure_input_unit(m, k), dgs_measure_input_required(m, k) ? "yes" : "no");
                md_cell(f, dgs_measure_input_description(m, k, DGS_LANG_ZH));
                fputs(" / ", f);
                md_cell(f, dgs_measure_input_description(m, k, DGS_LANG_EN));
                for (size_t j = 0; j < dgs_measure_input_choice_count(m, k); j++)
                    fprintf(f, "%s`%s`", j ? ", " : " — ", dgs_measure_input_choice(m, k, j));
                fputs(" |\n", f);
            }
        }
        if (dgs_measure_parameter_count(m)) {
            fprintf(f, "\n| parameter | value | unit | description | clause |\n| --- | --- | --- | --- | --- |\n");
            for (size_t k = 0; k < dgs_measure_parameter_count(m); k++) {
                char *value;
                const char *ref;
                if (dgs_measure_parameter_text(m, k, NULL, &value, &ref, &e))
                    return fail_err(c, &e);
                fprintf(f, "| `%s` | %s | %s | ", dgs_measure_parameter_name(m, k), value, dgs_measure_parameter_unit(m, k));
                dgs_free(value);
                md_cell(f, dgs_measure_parameter_description(m, k, DGS_LANG_ZH));
                fputs(" | ", f);
                md_cell(f, ref);
                fputs(" |\n", f);
            }
        }
    }
    return 0;
}

int dgs_cli_run(int argc, char **argv, FILE *out, FILE *err)
{
    cli c = {out, err};
    opts o;
    dgs_ruleset *rs = NULL;
    int rc;
    if (argc < 2 || strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "help") == 0) {
        fputs(USAGE, argc < 2 ? err : out);
        return argc < 2 ? 2 : 0;
    }
    if (strcmp(argv[1], "--version") == 0) {
        fprintf(out, "dgsubsidy %s\n", dgs_version_string());
        return 0;
    }
    const char *cmd = argv[1];
    if ((rc = parse_opts(&c, argc, argv, 2, &o))) {
        free(o.pos);
        return rc;
    }
    if (strcmp(cmd, "allocate") == 0) {
        rc = cmd_allocate(&c, &o);
        free(o.pos);
        return rc;
    }
    if ((rc = load_ruleset(&c, &o, &rs))) {
        free(o.pos);
        return rc;
    }
    if (strcmp(cmd, "list") == 0)
        rc = cmd_list(&c, &o, rs);
    else if (strcmp(cmd, "show") == 0)
        rc = cmd_show(&c, &o, rs);
    else if (strcmp(cmd, "eval") == 0)
        rc = cmd_eval(&c, &o, rs);
    else if (strcmp(cmd, "batch") == 0)
        rc = cmd_batch(&c, &o, rs);
    else if (strcmp(cmd, "stack") == 0)
        rc = cmd_stack(&c, &o, rs);
    else if (strcmp(cmd, "catalog") == 0)
        rc = cmd_catalog(&c, &o, rs);
    else
        rc = fail(&c, "unknown command '%.40s' (list, show, eval, batch, stack, allocate, catalog)", cmd);
    dgs_ruleset_free(rs);
    free(o.pos);
    return rc;
}
