/* SPDX-License-Identifier: MulanPSL-2.0 */
/*
 * The library quotes the document: every clause it carries and every phrase a
 * parameter cites (the reference a trace shows) are found word for word in
 * the text of 东府〔2024〕1号 kept in data/source/, once whitespace is removed
 * (the published layout breaks lines and pages, sometimes inside a word).
 *
 * A quotation may leave words out with "……"; each piece between the
 * ellipses must then be in the text.  A measure's clause and phrases are
 * looked up in the measure's own part (附件N, or the opinion), so a phrase
 * copied from a neighbouring attachment fails too.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "measures/spec.h"
#include "policy/ruleset.h"

/* The parts of the document, in order; the measure ids they hold. */
static const struct {
    const char *file;
    const char *prefix;
} parts[] = {
    {"0-opinion.txt", "OP."},     {"1-attachment1.txt", "A1."}, {"2-attachment2.txt", "A2."},
    {"3-attachment3.txt", "A3."}, {"4-attachment4.txt", "A4."}, {"5-attachment5.txt", "A5."},
    {"6-colophon.txt", NULL},
};
#define N_PARTS (sizeof parts / sizeof parts[0])

static char *text[N_PARTS];   /* each part without whitespace */
static char *whole;           /* all parts, likewise */

/* Whitespace of the text: ASCII blanks, U+3000 (ideographic space), U+00A0. */
static size_t space_len(const char *s)
{
    unsigned char c = (unsigned char)s[0];
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v')
        return 1;
    if (c == 0xE3 && (unsigned char)s[1] == 0x80 && (unsigned char)s[2] == 0x80)
        return 3;
    if (c == 0xC2 && (unsigned char)s[1] == 0xA0)
        return 2;
    return 0;
}

/* A copy of s[0..n) without whitespace. */
static char *squeeze(const char *s, size_t n)
{
    char *out = malloc(n + 1);
    assert_non_null(out);
    size_t k = 0;
    for (size_t i = 0; i < n;) {
        size_t w = space_len(s + i);
        if (w) {
            i += w;
            continue;
        }
        out[k++] = s[i++];
    }
    out[k] = '\0';
    return out;
}

static char *read_part(const char *file)
{
    char path[512];
    snprintf(path, sizeof path, "%s/data/source/%s", DGS_SOURCE_DIR, file);
    FILE *f = fopen(path, "rb");
    if (!f)
        fail_msg("cannot open %s", path);
    char *buf = NULL;
    size_t len = 0, cap = 0;
    for (;;) {
        if (len + 4096 > cap) {
            cap = cap ? cap * 2 : 65536;
            buf = realloc(buf, cap);
            assert_non_null(buf);
        }
        size_t got = fread(buf + len, 1, cap - len, f);
        len += got;
        if (got == 0)
            break;
    }
    fclose(f);
    char *s = squeeze(buf, len);
    free(buf);
    return s;
}

static int setup(void **state)
{
    (void)state;
    size_t total = 1;
    for (size_t i = 0; i < N_PARTS; i++) {
        text[i] = read_part(parts[i].file);
        total += strlen(text[i]);
    }
    whole = malloc(total);
    whole[0] = '\0';
    for (size_t i = 0; i < N_PARTS; i++)
        strcat(whole, text[i]);
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    for (size_t i = 0; i < N_PARTS; i++)
        free(text[i]);
    free(whole);
    return 0;
}

/* The text of the part that holds measure `id` (the whole text for NULL). */
static const char *part_of(const char *id)
{
    if (!id)
        return whole;
    for (size_t i = 0; i < N_PARTS; i++)
        if (parts[i].prefix && strncmp(id, parts[i].prefix, strlen(parts[i].prefix)) == 0)
            return text[i];
    fail_msg("measure %s belongs to no part of the document", id);
    return NULL;
}

static const char ELLIPSIS[] = "\xE2\x80\xA6"; /* U+2026 … */

/*
 * Whether every piece of `quote` between ellipses is in `in`.  On a miss,
 * the missing piece is written to `missing`.
 */
static int quoted(const char *quote, const char *in, char *missing, size_t size)
{
    char *q = squeeze(quote, strlen(quote));
    int ok = 1;
    for (char *p = q; *p && ok;) {
        char *end = strstr(p, ELLIPSIS);
        if (end)
            *end = '\0';
        if (*p && !strstr(in, p)) {
            snprintf(missing, size, "%s", p);
            ok = 0;
        }
        if (!end)
            break;
        p = end;
        do
            p += strlen(ELLIPSIS);
        while (strncmp(p, ELLIPSIS, strlen(ELLIPSIS)) == 0);
    }
    free(q);
    return ok;
}

/* The test itself reads the text right: the opening and closing words. */
static void test_source_is_read(void **state)
{
    (void)state;
    assert_non_null(strstr(whole, "东府〔2024〕1号"));
    assert_non_null(strstr(text[1], "（七）提高融资租赁贴息限额。"));
    /* a word broken by a page break is whole again */
    assert_non_null(strstr(text[0], "给予最高300万元奖励。支持企业加快创建智能工厂"));
    char missing[256];
    assert_true(quoted("不少于 500 万元……不高于 3000 万元", text[1], missing, sizeof missing));
    assert_false(quoted("不少于 500 万元……不高于 4000 万元", text[1], missing, sizeof missing));
    assert_string_equal(missing, "不高于4000万元");
    assert_false(quoted("（七）提高融资租赁贴息限额", text[2], missing, sizeof missing));
}

/* Every measure's clause (the text `show` prints) is the document's. */
static void test_every_clause_is_verbatim(void **state)
{
    (void)state;
    int bad = 0;
    char missing[1024];
    for (size_t i = 0; i < dgs_catalog_count; i++) {
        const measure_meta *m = &dgs_catalog[i];
        if (!quoted(m->clause, part_of(m->id), missing, sizeof missing)) {
            print_message("%s: clause not in its part of the text: %s\n", m->id, missing);
            bad++;
        }
    }
    assert_int_equal(bad, 0);
}

/* Every parameter's phrase (the reference a trace step cites) is the
 * document's, in the measure's own part; a reading's phrase names the words
 * it reads. */
static void test_every_phrase_is_verbatim(void **state)
{
    (void)state;
    int bad = 0, seen = 0;
    char missing[512];
    for (size_t i = 0; i < dgs_catalog_count; i++) {
        const measure_meta *m = &dgs_catalog[i];
        /* An item restating a measure as a whole computes with that measure's
         * parameters, whose phrases are checked in its own part. */
        if (!m->spec || (m->restates && !m->branches))
            continue;
        for (size_t k = 0; k < m->spec->n_params; k++) {
            const param_def *p = &m->spec->params[k];
            if (!p->phrase || !*p->phrase) {
                /* only a number a guideline supplies has no words of its own */
                if (!(p->flags & P_UNSET)) {
                    print_message("%s.%s: no phrase\n", m->id, p->name);
                    bad++;
                }
                continue;
            }
            seen++;
            if (!quoted(p->phrase, part_of(m->id), missing, sizeof missing)) {
                print_message("%s.%s: phrase not in its part of the text: %s\n", m->id, p->name, missing);
                bad++;
            }
        }
    }
    for (size_t k = 0; k < G_COUNT; k++) {
        seen++;
        if (!quoted(dgs_ruleset_params[k].phrase, whole, missing, sizeof missing)) {
            print_message("ruleset %s: phrase not in the text: %s\n", dgs_ruleset_params[k].name, missing);
            bad++;
        }
    }
    print_message("%d phrases checked\n", seen);
    assert_true(seen > 150);
    assert_int_equal(bad, 0);
}

/* ---- every figure of a computed clause is a parameter ---------------------------- */

/* A figure of a clause: money in fen, or a ratio num/den. */
typedef struct figure {
    bool ratio;
    int64_t num, den;          /* money: num fen, den 1 */
    char text[48];
} figure;

static bool starts(const char *s, const char *word)
{
    return strncmp(s, word, strlen(word)) == 0;
}

/*
 * The next figure in `s` (whitespace removed) from *at: N万元, N亿元, N元 (also per m² or
 * per month), N%, 1:N.  Other numbers (areas, days, years, counts, US dollars) are not
 * money of this document's awards and are skipped.
 */
static bool next_figure(const char *s, size_t *at, figure *f)
{
    for (size_t i = *at; s[i]; i++) {
        if (s[i] < '0' || s[i] > '9' || (i > 0 && ((s[i - 1] >= '0' && s[i - 1] <= '9') || s[i - 1] == '.')))
            continue;
        int64_t whole = 0, frac = 0, scale = 1;
        size_t j = i;
        while (s[j] >= '0' && s[j] <= '9')
            whole = whole * 10 + (s[j++] - '0');
        if (s[j] == '.' && s[j + 1] >= '0' && s[j + 1] <= '9') {
            j++;
            while (s[j] >= '0' && s[j] <= '9')
                frac = frac * 10 + (s[j++] - '0'), scale *= 10;
        }
        const char *u = s + j;
        memset(f, 0, sizeof *f);
        f->den = 1;
        size_t len = 0;
        if (starts(u, "万美元") || starts(u, "美元")) {
            *at = j;
            continue;
        } else if (starts(u, "万元")) {
            f->num = (whole * scale + frac) * 1000000 / scale, len = strlen("万元");
        } else if (starts(u, "亿元")) {
            f->num = (whole * scale + frac) * 10000000000 / scale, len = strlen("亿元");
        } else if (starts(u, "元")) {
            f->num = (whole * scale + frac) * 100 / scale, len = strlen("元");
        } else if (u[0] == '%') {
            f->ratio = true, f->num = whole * scale + frac, f->den = 100 * scale, len = 1;
        } else if (u[0] == ':' && whole == 1 && u[1] >= '0' && u[1] <= '9') {
            /* 1:N — N of the city's per 1 upstream */
            int64_t n = 0, sc = 1, fr = 0;
            size_t k = 1;
            while (u[k] >= '0' && u[k] <= '9')
                n = n * 10 + (u[k++] - '0');
            if (u[k] == '.')
                for (k++; u[k] >= '0' && u[k] <= '9'; k++)
                    fr = fr * 10 + (u[k] - '0'), sc *= 10;
            f->ratio = true, f->num = n * sc + fr, f->den = sc, len = k;
        } else {
            continue;
        }
        snprintf(f->text, sizeof f->text, "%.*s", (int)(j - i + len), s + i);
        *at = j + len;
        return true;
    }
    return false;
}

/* Whether measure m has a parameter whose printed value is figure f. */
static bool has_value(const measure_meta *m, const figure *f)
{
    for (size_t k = 0; m->spec && k < m->spec->n_params; k++) {
        const param_def *p = &m->spec->params[k];
        if (p->flags & P_UNSET)
            continue;
        if (f->ratio && p->type == DGS_TYPE_RATIO && p->num >= 0 && p->den > 0 &&
            dgs_u128_cmp(dgs_u128_mul((uint64_t)p->num, (uint64_t)f->den),
                         dgs_u128_mul((uint64_t)f->num, (uint64_t)p->den)) == 0)
            return true;
        if (!f->ratio && p->type == DGS_TYPE_MONEY && p->num == f->num)
            return true;
    }
    return false;
}

/*
 * Every money figure, percentage and ratio in the clause of a measure the library computes
 * is the default value of a parameter of that measure, or of another computed measure whose
 * clause states the same figure in the same words (clauses that share a sentence).  A figure
 * of the text that no parameter carries would be an amount the library silently ignores.
 */
static void test_every_figure_is_a_parameter(void **state)
{
    /* Figures that are deliberately no parameter, each with its reason. */
    static const struct {
        const char *id, *figure, *reason;
    } not_parameters[] = {
        {"A2.09.b", "1:0.5", "the lower end of the range 1:0.5—1:1 within which a guideline sets the one "
                             "ratio (default the upper end, 1:1); see docs/interpretation.md R9"},
    };
    (void)state;
    int bad = 0, checked = 0, excused_count = 0;
    for (size_t i = 0; i < dgs_catalog_count; i++) {
        const measure_meta *m = &dgs_catalog[i];
        if (!m->spec || m->kind == DGS_KIND_UNSPECIFIED || m->kind == DGS_KIND_QUALITATIVE)
            continue;
        char *clause = squeeze(m->clause, strlen(m->clause));
        figure f;
        for (size_t at = 0; next_figure(clause, &at, &f);) {
            checked++;
            if (has_value(m, &f))
                continue;
            bool excused = false;
            for (size_t x = 0; x < sizeof not_parameters / sizeof not_parameters[0]; x++)
                excused |= strcmp(not_parameters[x].id, m->id) == 0 && strcmp(not_parameters[x].figure, f.text) == 0;
            if (excused) {
                excused_count++;
                continue;
            }
            /* the same words around the figure in another computed measure's clause */
            char around[96];
            size_t end = at, start = end > 30 ? end - 30 : 0;
            while (start > 0 && ((unsigned char)clause[start] & 0xC0) == 0x80)
                start--;
            snprintf(around, sizeof around, "%.*s", (int)(end - start), clause + start);
            bool found = false;
            for (size_t j = 0; j < dgs_catalog_count && !found; j++) {
                const measure_meta *o = &dgs_catalog[j];
                if (o == m || !o->spec || o->kind == DGS_KIND_UNSPECIFIED || o->kind == DGS_KIND_QUALITATIVE)
                    continue;
                char *oc = squeeze(o->clause, strlen(o->clause));
                found = strstr(oc, around) && has_value(o, &f);
                free(oc);
            }
            if (!found) {
                print_message("%s: the figure %s of its clause is no parameter's value\n", m->id, f.text);
                bad++;
            }
        }
        free(clause);
    }
    print_message("%d figures of computed clauses checked\n", checked);
    assert_true(checked > 100);
    /* every excuse is still needed */
    assert_int_equal(excused_count, (int)(sizeof not_parameters / sizeof not_parameters[0]));
    assert_int_equal(bad, 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_source_is_read),
        cmocka_unit_test(test_every_clause_is_verbatim),
        cmocka_unit_test(test_every_phrase_is_verbatim),
        cmocka_unit_test(test_every_figure_is_a_parameter),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
