/* SPDX-License-Identifier: MulanPSL-2.0 */
/*
 * dgsubsidy — the command-line tool: the commands, their options and help.
 * batch.c reads CSV; appfile.c reads application files and stacks them;
 * io.c checks every read and write.
 *
 * Exit codes: 0 success (any outcome), 1 an I/O or runtime failure, 2 bad
 * usage or bad input; every failure prints one line on stderr.
 */
#include "cli.h"

#include <errno.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <jansson.h>

#include "cli_internal.h"

/* ---- commands, options and help ------------------------------------------ */

typedef struct command {
    const char *name;
    unsigned opts; /* the options it takes (OPT_HELP always) */
    bool ruleset;  /* loads the ruleset (and so takes --guideline) */
    int (*run)(cli *c, const opts *o, const dgs_ruleset *rs);
    const char *usage;
    const char *help;
} command;

static int cmd_list(cli *c, const opts *o, const dgs_ruleset *rs);
static int cmd_show(cli *c, const opts *o, const dgs_ruleset *rs);
static int cmd_eval(cli *c, const opts *o, const dgs_ruleset *rs);
static int cmd_allocate(cli *c, const opts *o, const dgs_ruleset *rs);
static int cmd_catalog(cli *c, const opts *o, const dgs_ruleset *rs);

#define EXIT_HELP                                                                              \
    "\nExit status: 0 success (whatever the outcome: granted, ineligible, not in force, …);\n"  \
    "1 a file could not be opened, read or written, or memory ran out; 2 bad usage or bad\n"    \
    "input. Every failure prints one line \"dgsubsidy: …\" on stderr.\n"

static const command commands[] = {
    {"list", OPT_KIND | OPT_LANG | OPT_JSON | OPT_GUIDELINE, true, cmd_list,
     "dgsubsidy list [--kind KIND] [--lang zh|en] [--json] [--guideline FILE]",
     "Lists every measure: id, kind and title (in --lang, Chinese by default).\n"
     "\n"
     "  --kind KIND       only measures of this kind (formula, fixed_cap, tiered_fixed,\n"
     "                    price_or_quota, unspecified, qualitative, governed_elsewhere)\n"
     "  --lang zh|en      the language of the titles\n"
     "  --json            a JSON array of {id, kind, title_zh, title_en, group}\n"
     "  --guideline FILE  apply a guideline (docs/guidelines.md) first\n"},
    {"show", OPT_JSON | OPT_LANG | OPT_DATE | OPT_GUIDELINE, true, cmd_show,
     "dgsubsidy show ID [--date YYYY-MM-DD] [--json] [--lang zh|en] [--guideline FILE]",
     "Shows one measure: clause, inputs (name, type, unit, required) and parameters with the\n"
     "values in force at --date (today by default) and the reference that set each one.\n"
     "\n"
     "  --date YYYY-MM-DD the date whose parameter values are shown\n"
     "  --json            one JSON object\n"
     "  --lang zh|en      the language of titles and descriptions\n"
     "  --guideline FILE  apply a guideline first\n"},
    {"eval", OPT_JSON | OPT_LANG | OPT_DATE | OPT_GUIDELINE, true, cmd_eval,
     "dgsubsidy eval ID [name=value ...] [--date YYYY-MM-DD] [--json] [--lang zh|en] [--guideline FILE]",
     "Evaluates one measure for one applicant and explains the result step by step.\n"
     "\n"
     "Inputs are name=value: money in yuan with at most two decimals (33333.33), areas in m2\n"
     "with at most two decimals, counts as whole numbers, flags true/false, choices by name,\n"
     "lists comma-separated. `dgsubsidy show ID` lists a measure's inputs. Each input at most\n"
     "once. The date of the qualifying event is --date or the input date=, not both; when\n"
     "neither is given, today's date is used and a note on stderr says so.\n"
     "\n"
     "  --date YYYY-MM-DD the date of the qualifying event\n"
     "  --json            the result as JSON (docs/schemas/result.schema.json)\n"
     "  --lang zh|en      the language of the explanation\n"
     "  --guideline FILE  apply a guideline first\n"},
    {"batch", OPT_INPUT | OPT_DATE | OPT_ID | OPT_JSON | OPT_GUIDELINE, true, cmd_batch,
     "dgsubsidy batch ID --input FILE.csv [--date YYYY-MM-DD] [--id COLUMN] [--json] [--guideline FILE]",
     "Evaluates one measure for every row of a CSV file (RFC 4180: quoted fields, CRLF or LF,\n"
     "an optional UTF-8 BOM), streamed in constant memory.\n"
     "\n"
     "The header names the columns: each is an input of the measure, a condition.<id> (true\n"
     "or false, as eval takes it), the column named by --id (echoed in the output), or `date`\n"
     "(a date per row, instead of --date). Any other\n"
     "column, an unnamed column (a pandas index: write with to_csv(index=False)) and a\n"
     "repeated column are refused. Each cell is read exactly as `eval` reads name=value; an\n"
     "empty cell is an input not given. A row whose fields do not match the header, an empty\n"
     "row and a row with an invalid value are written with outcome `invalid` and the error,\n"
     "reported on stderr with their line, and make the exit status 2; the other rows are\n"
     "still evaluated, so the output has one line per input row.\n"
     "\n"
     "Output (CSV): [ID,]row,line,outcome,award,unit,paid,binding,error; with --json one JSON\n"
     "object per line (JSON Lines). paid is the award of a grant, 0 otherwise: a ceiling still\n"
     "to be assessed (outcome up_to) is in award, never in paid. Without --date or a date\n"
     "column, today's date is used and a note on stderr says so.\n"
     "\n"
     "  --input FILE.csv  the rows (a regular file)\n"
     "  --date YYYY-MM-DD the date of every row\n"
     "  --id COLUMN       the column that identifies the applicant\n"
     "  --json            JSON Lines instead of CSV\n"
     "  --guideline FILE  apply a guideline first\n"},
    {"compare", OPT_GUIDELINE | OPT_INPUT | OPT_MEASURES | OPT_DATE | OPT_ID | OPT_JSON, true, cmd_compare,
     "dgsubsidy compare --guideline FILE --input FILE.csv --measures ID[,ID...] [--date YYYY-MM-DD] [--id COLUMN] [--json]",
     "Compares a reform with the baseline over a population: the baseline is the built-in\n"
     "ruleset, the reform the built-in ruleset with the guideline applied. Every row of the\n"
     "CSV file is evaluated for every measure under both.\n"
     "\n"
     "The CSV is read as batch reads it (RFC 4180, columns by header name). Each column is\n"
     "an input of one of the measures, a condition.<id> of one of them, the column named by\n"
     "--id, or `date`; each measure reads its own columns. Any other column, an unnamed or\n"
     "repeated column and a missing required input are refused. Only measures whose awards\n"
     "are money are compared. Only a grant counts: a ceiling still to be assessed (outcome\n"
     "up_to) and every other outcome count 0.\n"
     "\n"
     "A row claims a measure when it gives at least one of the measure's inputs (as for\n"
     "population; condition.<id>, date and --id columns do not count). A row that gives\n"
     "none is still written for that measure, with outcome not_claimed under both and\n"
     "amounts 0.00: it is paid nothing, is not invalid and does not change the exit\n"
     "status. A row that gives some but not all required inputs of a measure is invalid,\n"
     "and so is a row whose every field is empty (as for batch).\n"
     "\n"
     "Output (CSV): one line per row and measure,\n"
     "  [ID,]row,line,measure,baseline_outcome,baseline,reform_outcome,reform,difference,binding,error\n"
     "(yuan with two decimals; difference = reform - baseline; binding is the reform's\n"
     "binding constraint), then an empty line and one summary line per measure,\n"
     "  measure,rows,baseline,reform,difference,gainers,gained,losers,lost,invalid,claims\n"
     "(totals of the rows compared; gainers/losers: rows paid more/less under the reform,\n"
     "gained/lost: by how much in all; claims: rows that claim the measure, the invalid\n"
     "ones among them). With --json, JSON Lines: one object per row and\n"
     "measure (\"record\": \"row\"), then one per measure (\"record\": \"summary\"), amounts\n"
     "also in fen (baseline_fen, ...). A row that cannot be evaluated is written with outcome\n"
     "`invalid` and its error, reported on stderr with its line, counted as invalid in the\n"
     "summary and makes the exit status 2; the other rows are still compared.\n"
     "\n"
     "  --guideline FILE  the reform (docs/guidelines.md)\n"
     "  --input FILE.csv  the population (a regular file)\n"
     "  --measures IDS    the measures, comma-separated (A1.07.a,OP.06.b)\n"
     "  --date YYYY-MM-DD the date of every row (or a date column; today by default)\n"
     "  --id COLUMN       the column that identifies the applicant\n"
     "  --json            JSON Lines instead of CSV\n"},
    {"population", OPT_INPUT | OPT_MEASURES | OPT_DATE | OPT_JSON | OPT_GUIDELINE, true, cmd_population,
     "dgsubsidy population --input FILE.csv --measures ID,ID,... [--date YYYY-MM-DD] [--json] [--guideline FILE]",
     "Evaluates several measures over every row of a CSV file and applies 就高、从优、不重复享受\n"
     "to the claims of each applicant: what is paid per claim, per applicant and in all.\n"
     "\n"
     "Each row is one object (a project, an exhibition, a contract...) of one applicant. The\n"
     "header names the columns: `applicant` (required: the applicant's id, any text), `object`\n"
     "(optional: the object's id; without it, or where its cell is empty, a row is an object of\n"
     "its own: rows are one object only when they name the same id), and inputs or\n"
     "condition.<id> columns of the measures, shared by every measure that names them. Any other\n"
     "column and a repeated column are refused. A `date` column (optional) gives each row's\n"
     "date (YYYY-MM-DD; --date for an empty cell; a bad date makes the row invalid). Cells are\n"
     "read exactly as `eval` reads name=value (CSV as for batch); an empty cell is an input not\n"
     "given. A row claims a measure when it gives one of the measure's inputs; the claims of one\n"
     "applicant are stacked together as `stack` stacks them (a ceiling still to be assessed is never paid;\n"
     "caps across claims hold per applicant), in row order and the order of --measures. Every\n"
     "claim of a row is of the row's date: a yearly award or cap is one per year of that date.\n"
     "The file is read whole (an applicant's rows may be anywhere).\n"
     "\n"
     "Output (CSV): applicant,object,row,line,measure,outcome,award,unit,paid,decision,up_to,error,\n"
     "one line per claim; then one line per applicant (decision `total`, its total paid and what\n"
     "pending ceilings could add) and a last line with an empty applicant, the file's total.\n"
     "With --json, JSON Lines: the claims, then {applicant, total, ...} objects, then {total, ...}.\n"
     "A claim or row that is invalid is written with decision `invalid` and its error, reported\n"
     "on stderr, and makes the exit status 2.\n"
     "\n"
     "  --input FILE.csv  the rows (a regular file)\n"
     "  --measures IDS    the measures, comma-separated, each once\n"
     "  --date YYYY-MM-DD the date of every row without a date cell (today by default)\n"
     "  --json            JSON Lines instead of CSV\n"
     "  --guideline FILE  apply a guideline first\n"},
    {"stack", OPT_JSON | OPT_LANG | OPT_GUIDELINE, true, cmd_stack,
     "dgsubsidy stack FILE.json ... [--json] [--lang zh|en] [--guideline FILE]",
     "Evaluates every claim of an application file and applies 就高、从优、不重复享受: what is\n"
     "paid, what is superseded, the total. The file format is in docs/application-format.md\n"
     "(schema docs/schemas/application.schema.json); unknown keys, wrong types and missing\n"
     "fields are refused with the file, line and key.\n"
     "\n"
     "  --json            the stack report as JSON (docs/schemas/stack.schema.json), one\n"
     "                    object per file\n"
     "  --lang zh|en      the language of the explanation\n"
     "  --guideline FILE  apply a guideline first\n"},
    {"allocate", OPT_BUDGET | OPT_METHOD | OPT_INPUT | OPT_JSON, false, cmd_allocate,
     "dgsubsidy allocate --budget YUAN [--method pro-rata|first-come] (YUAN ... | --input FILE) [--json]",
     "Scales claims (yuan) to a budget: pro rata (largest remainder to the fen) or first come.\n"
     "The claims are the arguments or, with --input, a file of one amount per line (no empty\n"
     "lines), not both.\n"
     "\n"
     "  --budget YUAN     the budget\n"
     "  --method M        pro-rata (default) or first-come\n"
     "  --input FILE      the claims, one per line\n"
     "  --json            one JSON object instead of CSV\n"},
    {"catalog", OPT_FORMAT | OPT_GUIDELINE, true, cmd_catalog,
     "dgsubsidy catalog --format markdown [--guideline FILE]",
     "Writes the catalogue of every measure (clause, inputs, parameters as printed) as\n"
     "Markdown; docs/measures.md is this output.\n"
     "\n"
     "  --format markdown the format (only markdown)\n"
     "  --guideline FILE  apply a guideline first\n"},
};
#define N_COMMANDS (sizeof commands / sizeof commands[0])

static const struct {
    const char *name;
    unsigned bit;
    bool value;
} options[] = {
    {"--json", OPT_JSON, false},     {"--lang", OPT_LANG, true},         {"--date", OPT_DATE, true},
    {"--guideline", OPT_GUIDELINE, true}, {"--kind", OPT_KIND, true},   {"--format", OPT_FORMAT, true},
    {"--budget", OPT_BUDGET, true},  {"--method", OPT_METHOD, true},     {"--input", OPT_INPUT, true},
    {"--id", OPT_ID, true},          {"--help", OPT_HELP, false},        {"--measures", OPT_MEASURES, true},
};

static void usage_all(FILE *f)
{
    fputs("usage:", f);
    for (size_t i = 0; i < N_COMMANDS; i++)
        fprintf(f, "%s%s\n", i ? "       " : " ", commands[i].usage);
    fputs("       dgsubsidy COMMAND --help | dgsubsidy --help | dgsubsidy --version\n", f);
}

static void help_all(FILE *f)
{
    fputs("dgsubsidy — the subsidies of Dongguan's 东府〔2024〕1号, computed exactly.\n\n", f);
    usage_all(f);
    fputs("\nCommands:\n"
          "  list      the measures\n"
          "  show      one measure: clause, inputs, parameters\n"
          "  eval      evaluate one measure for one applicant\n"
          "  batch     evaluate one measure for every row of a CSV file\n"
          "  compare   a guideline's reform against the baseline over a CSV population\n"
          "  population several measures over a CSV file, stacked per applicant\n"
          "  stack     evaluate an application's claims and apply 就高、从优、不重复享受\n"
          "  allocate  scale claims to a budget\n"
          "  catalog   the catalogue as Markdown\n"
          "\n`dgsubsidy COMMAND --help` describes a command; `man dgsubsidy` all of them.\n"
          "Options take their value as the next argument or after '=' (--date=2025-03-01);\n"
          "each option at most once.\n",
          f);
    fputs(EXIT_HELP, f);
}

static const command *find_command(const char *name)
{
    for (size_t i = 0; i < N_COMMANDS; i++)
        if (strcmp(commands[i].name, name) == 0)
            return &commands[i];
    return NULL;
}

static int parse_opts(cli *c, const command *cmd, int argc, char **argv, int start, opts *o)
{
    o->pos = calloc((size_t)argc + 1, sizeof *o->pos);
    if (!o->pos)
        return cli_fail_io(c, "out of memory");
    unsigned takes = cmd->opts | OPT_HELP;
    for (int i = start; i < argc; i++) {
        char *a = argv[i];
        if (strcmp(a, "--") == 0) {
            while (++i < argc)
                o->pos[o->npos++] = argv[i];
            break;
        }
        if (a[0] != '-' || a[1] != '-') {
            o->pos[o->npos++] = a;
            continue;
        }
        const char *eq = strchr(a, '=');
        size_t nlen = eq ? (size_t)(eq - a) : strlen(a);
        size_t k = 0;
        while (k < sizeof options / sizeof options[0] &&
               !(strlen(options[k].name) == nlen && strncmp(options[k].name, a, nlen) == 0))
            k++;
        if (k == sizeof options / sizeof options[0])
            return cli_fail(c, "unknown option '%.*s' (dgsubsidy %s --help lists its options)", (int)(nlen > 40 ? 40 : nlen),
                            a, cmd->name);
        unsigned bit = options[k].bit;
        if (!(takes & bit))
            return cli_fail(c, "%s does not take %s (dgsubsidy %s --help lists its options)", cmd->name,
                            options[k].name, cmd->name);
        if (o->given & bit)
            return cli_fail(c, "%s is given twice", options[k].name);
        o->given |= bit;
        const char *v = NULL;
        if (options[k].value) {
            if (eq)
                v = eq + 1;
            else if (i + 1 < argc)
                v = argv[++i];
            else
                return cli_fail(c, "%s needs a value", options[k].name);
        } else if (eq) {
            return cli_fail(c, "%s takes no value", options[k].name);
        }
        switch (bit) {
        case OPT_JSON:
            o->json = true;
            break;
        case OPT_HELP:
            break;
        case OPT_LANG:
            if (strcmp(v, "zh") == 0)
                o->lang = DGS_LANG_ZH;
            else if (strcmp(v, "en") == 0)
                o->lang = DGS_LANG_EN;
            else
                return cli_fail(c, "--lang takes zh or en, not '%.40s'", v);
            break;
        case OPT_DATE:
            o->date = v;
            break;
        case OPT_GUIDELINE:
            o->guideline = v;
            break;
        case OPT_KIND:
            o->kind = v;
            break;
        case OPT_FORMAT:
            o->format = v;
            break;
        case OPT_BUDGET:
            o->budget = v;
            break;
        case OPT_METHOD:
            o->method = v;
            break;
        case OPT_INPUT:
            o->input = v;
            break;
        case OPT_ID:
            o->id = v;
            break;
        case OPT_MEASURES:
            o->measures = v;
            break;
        }
    }
    if (!o->date) {
        time_t now = time(NULL);
        struct tm tm;
#ifdef _WIN32
        localtime_s(&tm, &now);
#else
        localtime_r(&now, &tm);
#endif
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
        return cli_fail_err(c, &e);
    if (!o->guideline) {
        *rs = base;
        return 0;
    }
    char *text;
    size_t len;
    int rc = cli_read_file(c, o->guideline, &text, &len);
    if (rc) {
        dgs_ruleset_free(base);
        return rc;
    }
    rc = dgs_ruleset_apply_guideline(base, text, len, o->guideline, rs, &e);
    free(text);
    dgs_ruleset_free(base);
    return rc ? cli_fail_err(c, &e) : 0;
}

static const dgs_measure *find_measure(cli *c, const dgs_ruleset *rs, const char *id)
{
    dgs_error e = {0};
    const dgs_measure *m;
    if (dgs_ruleset_lookup(rs, id, &m, &e)) {
        cli_fail_err(c, &e);
        return NULL;
    }
    return m;
}

/* Prints a jansson value (consumed) and a newline; 1 when out of memory. */
static int print_json(cli *c, json_t *root, size_t flags)
{
    char *text = root ? json_dumps(root, flags) : NULL;
    json_decref(root);
    if (!text)
        return cli_fail_io(c, "out of memory");
    fputs(text, c->out);
    fputc('\n', c->out);
    free(text);
    return 0;
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
            return cli_fail(c,
                            "unknown kind '%.40s' (formula, fixed_cap, tiered_fixed, price_or_quota, unspecified, "
                            "qualitative, governed_elsewhere)",
                            o->kind);
    }
    if (o->npos)
        return cli_fail(c, "list takes no arguments, not '%.40s'", o->pos[0]);
    json_t *arr = o->json ? json_array() : NULL;
    if (o->json && !arr)
        return cli_fail_io(c, "out of memory");
    for (size_t i = 0; i < dgs_ruleset_measure_count(rs); i++) {
        const dgs_measure *m = dgs_ruleset_measure_at(rs, i);
        if (kind && dgs_measure_kind(m) != kind)
            continue;
        if (o->json) {
            json_t *j = json_pack("{s:s, s:s, s:s, s:s, s:s}", "id", dgs_measure_id(m), "kind",
                                  dgs_kind_name(dgs_measure_kind(m)), "title_zh", dgs_measure_title(m, DGS_LANG_ZH),
                                  "title_en", dgs_measure_title(m, DGS_LANG_EN), "group", dgs_measure_group(m));
            if (json_array_append_new(arr, j)) {
                json_decref(arr);
                return cli_fail_io(c, "out of memory");
            }
        } else {
            fprintf(c->out, "%-10s %-14s %s\n", dgs_measure_id(m), dgs_kind_name(dgs_measure_kind(m)),
                    dgs_measure_title(m, o->lang));
        }
    }
    return o->json ? print_json(c, arr, JSON_INDENT(2) | JSON_PRESERVE_ORDER) : 0;
}

/* ---- show ---------------------------------------------------------------- */

static int cmd_show(cli *c, const opts *o, const dgs_ruleset *rs)
{
    if (o->npos != 1)
        return cli_fail(c, "show takes one measure id");
    const dgs_measure *m = find_measure(c, rs, o->pos[0]);
    if (!m)
        return CLI_USAGE;
    dgs_error e = {0};
    json_t *root = json_object(), *inputs = json_array(), *params = json_array();
    bool en = o->lang == DGS_LANG_EN;
    if (!root || !inputs || !params) {
        json_decref(root), json_decref(inputs), json_decref(params);
        return cli_fail_io(c, "out of memory");
    }
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
        char choices[1024] = "";
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
            return cli_fail_err(c, &e);
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
    json_t *conds = o->json ? json_array() : NULL;
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
    if (!o->json) {
        json_decref(root), json_decref(inputs), json_decref(params);
        return 0;
    }
    json_t *sources = json_array();
    for (size_t k = 0; sources && dgs_measure_restates(m, k); k++)
        json_array_append_new(sources, json_string(dgs_measure_restates(m, k)));
    int bad = !conds || !sources;
    bad |= json_object_set_new(root, "id", json_string(dgs_measure_id(m)));
    bad |= json_object_set_new(root, "kind", json_string(dgs_kind_name(dgs_measure_kind(m))));
    bad |= json_object_set_new(root, "location", json_string(dgs_measure_location(m)));
    bad |= json_object_set_new(root, "title_zh", json_string(dgs_measure_title(m, DGS_LANG_ZH)));
    bad |= json_object_set_new(root, "title_en", json_string(dgs_measure_title(m, DGS_LANG_EN)));
    bad |= json_object_set_new(root, "clause", json_string(dgs_measure_clause(m)));
    bad |= json_object_set_new(root, "departments", json_string(dgs_measure_departments(m)));
    bad |= json_object_set_new(root, "group", json_string(dgs_measure_group(m)));
    bad |= json_object_set_new(root, "fixed_amount", json_boolean(dgs_measure_fixed_amount(m)));
    bad |= json_object_set_new(root, "unit", json_string(dgs_measure_unit(m)));
    bad |= json_object_set_new(root, "unit_type", json_string(dgs_unit_name(dgs_measure_unit_type(m))));
    bad |= json_object_set_new(root, "restates", sources);
    bad |= json_object_set_new(root, "inputs", inputs);
    bad |= json_object_set_new(root, "parameters", params);
    bad |= json_object_set_new(root, "conditions", conds);
    bad |= json_object_set_new(root, "governed_by", json_string(dgs_measure_governed_by(m, o->lang)));
    bad |= json_array_size(inputs) != dgs_measure_input_count(m) ||
           json_array_size(params) != dgs_measure_parameter_count(m) ||
           json_array_size(conds) != dgs_measure_condition_count(m);
    if (bad) {
        json_decref(root);
        return cli_fail_io(c, "out of memory");
    }
    return print_json(c, root, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
}

/* ---- eval ---------------------------------------------------------------- */

static int cmd_eval(cli *c, const opts *o, const dgs_ruleset *rs)
{
    if (o->npos < 1)
        return cli_fail(c, "eval takes a measure id and name=value inputs");
    const dgs_measure *m = find_measure(c, rs, o->pos[0]);
    if (!m)
        return CLI_USAGE;
    dgs_error e = {0};
    dgs_case *cs;
    dgs_result *r = NULL;
    char *text = NULL;
    bool dated = (o->given & OPT_DATE) != 0;
    int rc = 0;
    if (dgs_case_new(m, &cs, &e))
        return cli_fail_err(c, &e);
    if (dgs_case_set_date(cs, o->date, &e)) {
        rc = cli_fail_err(c, &e);
        goto done;
    }
    for (int i = 1; i < o->npos; i++) {
        char *eq = strchr(o->pos[i], '=');
        if (!eq || eq == o->pos[i]) {
            rc = cli_fail(c, "input '%.60s' is not name=value", o->pos[i]);
            goto done;
        }
        size_t nlen = (size_t)(eq - o->pos[i]);
        for (int j = 1; j < i; j++)
            if (strncmp(o->pos[j], o->pos[i], nlen + 1) == 0) {
                rc = cli_fail(c, "input '%.*s' is given twice", (int)(nlen > 60 ? 60 : nlen), o->pos[i]);
                goto done;
            }
        if (nlen == 4 && strncmp(o->pos[i], "date", 4) == 0) {
            if (o->given & OPT_DATE) {
                rc = cli_fail(c, "the date is given twice: date=%.20s and --date %.20s", eq + 1, o->date);
                goto done;
            }
            dated = true;
        }
        *eq = '\0';
        int bad = dgs_case_set_text(cs, o->pos[i], eq + 1, &e);
        *eq = '=';
        if (bad) {
            rc = cli_fail_err(c, &e);
            goto done;
        }
    }
    if (dgs_evaluate(cs, &r, &e)) {
        rc = cli_fail_err(c, &e);
        goto done;
    }
    if (dgs_result_render(r, o->json ? DGS_FORMAT_JSON : DGS_FORMAT_TEXT, o->lang, &text, &e)) {
        rc = cli_fail_err(c, &e);
        goto done;
    }
    if (!dated)
        cli_note(c, "note: no --date given: evaluated at today's date, %s", o->date);
    fprintf(c->out, "%s%s", text, o->json ? "\n" : "");
done:
    dgs_free(text);
    dgs_result_free(r);
    dgs_case_free(cs);
    return rc;
}

/* ---- allocate -------------------------------------------------------------- */

static int cmd_allocate(cli *c, const opts *o, const dgs_ruleset *rs)
{
    (void)rs;
    dgs_error e = {0};
    dgs_fen_t budget;
    int method = DGS_ALLOCATE_PRO_RATA;
    if (!o->budget)
        return cli_fail(c, "allocate needs --budget YUAN");
    if (dgs_money_parse(o->budget, &budget, &e))
        return cli_fail(c, "--budget: %s", e.message);
    if (o->method) {
        if (strcmp(o->method, "first-come") == 0)
            method = DGS_ALLOCATE_FIRST_COME;
        else if (strcmp(o->method, "pro-rata") != 0)
            return cli_fail(c, "--method takes pro-rata or first-come, not '%.40s'", o->method);
    }
    if (o->input && o->npos)
        return cli_fail(c, "give the claims either as arguments or with --input, not both");
    if (!o->input && !o->npos)
        return cli_fail(c, "allocate needs claims: YUAN ... or --input FILE");
    char *text = NULL;
    size_t len = 0, cap = (size_t)o->npos + 1, n = 0;
    if (o->input) {
        int rc = cli_read_file(c, o->input, &text, &len);
        if (rc)
            return rc;
        if (strlen(text) != len) {
            free(text);
            return cli_fail(c, "%s: contains a NUL byte", o->input);
        }
        for (size_t i = 0; i < len; i++)
            cap += text[i] == '\n';
    }
    dgs_fen_t *claims = calloc(cap, sizeof *claims), *shares = calloc(cap, sizeof *shares);
    int rc = 0;
    if (!claims || !shares) {
        rc = cli_fail_io(c, "out of memory");
        goto done;
    }
    for (int i = 0; i < o->npos; i++)
        if (dgs_money_parse(o->pos[i], &claims[n++], &e)) {
            rc = cli_fail(c, "claim %d: %s", i + 1, e.message);
            goto done;
        }
    if (text) {
        size_t line = 0;
        for (char *p = text; *p;) {
            char *nl = strchr(p, '\n'), *next = nl ? nl + 1 : p + strlen(p);
            if (nl)
                *nl = '\0';
            size_t l = strlen(p);
            if (l && p[l - 1] == '\r')
                p[l - 1] = '\0';
            line++;
            if (!*p) {
                rc = cli_fail(c, "%s:%zu: an empty line: write one amount in yuan per line", o->input, line);
                goto done;
            }
            if (dgs_money_parse(p, &claims[n++], &e)) {
                rc = cli_fail(c, "%s:%zu: %s", o->input, line, e.message);
                goto done;
            }
            p = next;
        }
        if (!n) {
            rc = cli_fail(c, "%s: no claims", o->input);
            goto done;
        }
    }
    if (dgs_allocate(budget, claims, n, method, shares, &e)) {
        rc = cli_fail_err(c, &e);
        goto done;
    }
    char a[32], b[32];
    if (o->json) {
        json_t *root = json_object(), *arr = json_array();
        dgs_fen_t requested = 0, allocated = 0;
        int bad = !root || !arr;
        for (size_t i = 0; !bad && i < n; i++) {
            requested += claims[i]; /* dgs_allocate refused an overflowing sum */
            allocated += shares[i];
            bad |= json_array_append_new(arr, json_pack("{s:I, s:s, s:I, s:s, s:I}", "claim", (json_int_t)(i + 1),
                                                        "requested", dgs_money_format(claims[i], a, sizeof a),
                                                        "requested_fen", (json_int_t)claims[i], "allocated",
                                                        dgs_money_format(shares[i], b, sizeof b), "allocated_fen",
                                                        (json_int_t)shares[i]));
        }
        if (!bad) {
            bad |= json_object_set_new(root, "budget", json_string(dgs_money_format(budget, a, sizeof a)));
            bad |= json_object_set_new(root, "budget_fen", json_integer(budget));
            bad |= json_object_set_new(root, "method",
                                       json_string(method == DGS_ALLOCATE_FIRST_COME ? "first-come" : "pro-rata"));
            bad |= json_object_set_new(root, "requested", json_string(dgs_money_format(requested, a, sizeof a)));
            bad |= json_object_set_new(root, "requested_fen", json_integer(requested));
            bad |= json_object_set_new(root, "allocated", json_string(dgs_money_format(allocated, a, sizeof a)));
            bad |= json_object_set_new(root, "allocated_fen", json_integer(allocated));
            bad |= json_object_set_new(root, "claims", arr);
            arr = NULL;
        }
        json_decref(arr);
        if (bad) {
            json_decref(root);
            rc = cli_fail_io(c, "out of memory");
            goto done;
        }
        rc = print_json(c, root, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
        goto done;
    }
    fprintf(c->out, "claim,requested,allocated\n");
    for (size_t i = 0; i < n && !ferror(c->out); i++)
        fprintf(c->out, "%zu,%s,%s\n", i + 1, dgs_money_format(claims[i], a, sizeof a),
                dgs_money_format(shares[i], b, sizeof b));
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
        return cli_fail(c, "catalog needs --format markdown");
    if (o->npos)
        return cli_fail(c, "catalog takes no arguments, not '%.40s'", o->pos[0]);
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
    for (size_t i = 0; i < dgs_ruleset_measure_count(rs) && !ferror(f); i++) {
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
                    return cli_fail_err(c, &e);
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

/* ---- the program ------------------------------------------------------------ */

static int run(cli *c, int argc, char **argv)
{
    if (argc < 2) {
        usage_all(c->err);
        return CLI_USAGE;
    }
    const char *name = argv[1];
    if (strcmp(name, "--help") == 0 || strcmp(name, "-h") == 0) {
        if (argc > 2)
            return cli_fail(c, "--help takes no arguments (dgsubsidy COMMAND --help describes a command)");
        help_all(c->out);
        return 0;
    }
    if (strcmp(name, "--version") == 0) {
        if (argc > 2)
            return cli_fail(c, "--version takes no arguments");
        fprintf(c->out, "dgsubsidy %s\n", dgs_version_string());
        return 0;
    }
    if (strcmp(name, "help") == 0) {
        if (argc == 2) {
            help_all(c->out);
            return 0;
        }
        const command *cmd = argc == 3 ? find_command(argv[2]) : NULL;
        if (!cmd)
            return cli_fail(c, "help takes one command name (list, show, eval, batch, compare, stack, allocate, catalog)");
        fprintf(c->out, "usage: %s\n\n%s", cmd->usage, cmd->help);
        fputs(EXIT_HELP, c->out);
        return 0;
    }
    const command *cmd = find_command(name);
    if (!cmd)
        return cli_fail(c, "unknown command '%.40s' (list, show, eval, batch, compare, stack, allocate, catalog; dgsubsidy --help)",
                        name);
    opts o;
    memset(&o, 0, sizeof o);
    int rc = parse_opts(c, cmd, argc, argv, 2, &o);
    if (!rc && (o.given & OPT_HELP)) {
        fprintf(c->out, "usage: %s\n\n%s", cmd->usage, cmd->help);
        fputs(EXIT_HELP, c->out);
    } else if (!rc) {
        dgs_ruleset *rs = NULL;
        if (!cmd->ruleset || !(rc = load_ruleset(c, &o, &rs)))
            rc = cmd->run(c, &o, rs);
        dgs_ruleset_free(rs);
    }
    free(o.pos);
    return rc;
}

int dgs_cli_run(int argc, char **argv, FILE *out, FILE *err)
{
    cli c = {out, err, false};
    errno = 0;
    int rc = run(&c, argc, argv);
    /* Output that could not be written is a failure, whatever came before. */
    if (fflush(out) != 0 || ferror(out)) {
        int saved = errno;
        if (!c.out_failed)
            cli_fail_io(&c, "cannot write the output: %s", saved ? strerror(saved) : "write error");
        rc = CLI_IO;
    }
    return rc;
}
