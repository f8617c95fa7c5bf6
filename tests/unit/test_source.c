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
        if (!m->spec)
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

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_source_is_read),
        cmocka_unit_test(test_every_clause_is_verbatim),
        cmocka_unit_test(test_every_phrase_is_verbatim),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
