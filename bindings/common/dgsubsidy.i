/* SPDX-License-Identifier: MulanPSL-2.0 */
/*
 * dgsubsidy.i — the one SWIG interface over include/dgsubsidy/dgsubsidy.h,
 * shared by every language binding (SWIG in C mode).
 *
 * A language overlay (bindings/python/dgsubsidy_python.i, bindings/java/…)
 * declares its %module, then, BEFORE %including this file, defines:
 *
 *   DGS_RAISE(code, message)
 *       a SWIG macro (%define … %enddef) that raises the language's
 *       exception for the negative DGS_E_* `code` with the C `message`
 *       (the NUL-terminated UTF-8 `message` member of the dgs_error, so the
 *       error's `reason` and `row` are reachable from it with offsetof if
 *       wanted) and leaves the wrapper function
 *       (Python: SWIG_fail; Java: return $null).  It is expanded inside
 *       typemaps delimited by { }, so $null, $result and the wrapper's local
 *       variables may be used in it.
 *
 * and may supply typemaps for what has no neutral form:
 *
 *   (const int64_t *fen, size_t n)    the list of dgs_case_set_list()
 *                                     (lists may also be set as text with
 *                                     dgs_case_set_text: "100.00,250.50").
 *
 * What this file does, for every language alike:
 *
 *   - `dgs_error *err` disappears from the target signature: a local
 *     dgs_error is passed instead and, when its code is not DGS_OK after the
 *     call, DGS_RAISE(code, message) runs in the same native call.
 *   - Functions that return a handle or a string through an out parameter
 *     (`dgs_ruleset **out`, `const dgs_measure **out`, `dgs_case **out`,
 *     `dgs_result **out`, `dgs_stack **out`, `char **out`, `dgs_fen_t *out`)
 *     are wrapped by functions OF THE SAME NAME that return it; strings from
 *     `char **out` are copied into the language and freed with dgs_free().
 *   - Handles (dgs_ruleset, dgs_measure, dgs_case, dgs_result, dgs_stack) are
 *     opaque pointers.  The caller frees what it owns with the *_free
 *     functions, exactly as in C (the idiomatic layers do this).
 *   - Arrays have no neutral form, so the few array functions get neutral
 *     helpers, prefixed dgsw_ (they live in the wrapper, not in the library):
 *       dgsw_results_*  + dgsw_stack_results   for dgs_stack_results() and
 *       dgsw_results_add_claim + dgsw_stack_claims  dgs_stack_claims() (objects)
 *       dgsw_fens_*     + dgsw_allocate        for dgs_allocate()
 *     dgs_evaluate_batch(), dgs_evaluate_batch_detail() and dgs_evaluate_population() are left to each
 *     overlay (Python uses the buffer protocol; Java its arrays): they are
 *     %ignored here.
 *   - dgs_result_step_value() returns the numerator only; the denominator
 *     of a ratio step is dgsw_result_step_denominator().
 *   - dgs_measure_parameter_text() returns the text only; the reference is
 *     dgsw_measure_parameter_reference().
 *   - dgs_money_format() returns the text (no buffer argument).
 *
 * int64_t is `long` on LP64 platforms (Linux, macOS): run swig with
 * -DSWIGWORDSIZE64 there, so that stdint.i declares it as the C compiler does.
 *
 * Overlays may add blocks guarded by #ifdef SWIGJAVA / #ifdef SWIGPYTHON
 * below; keep everything else language-neutral.
 */

#ifndef DGS_RAISE
#error "define DGS_RAISE(code, message) (see bindings/common/dgsubsidy.i) before %including dgsubsidy.i"
#endif

%include <stdint.i>

%{
#include <stdlib.h>
#include <string.h>
#include "dgsubsidy/dgsubsidy.h"
%}

/* ------------------------------------------------------------------------ */
/* Errors: a hidden local dgs_error, raised after the call                   */
/* ------------------------------------------------------------------------ */

%typemap(in, numinputs=0) dgs_error *err (dgs_error dgs_err_local) {
  memset(&dgs_err_local, 0, sizeof dgs_err_local);
  $1 = &dgs_err_local;
}
%typemap(argout, noblock=1) dgs_error *err {
  if ($1->code != DGS_OK) {
    $1->message[sizeof $1->message - 1] = '\0';
    DGS_RAISE($1->code, $1->message);
  }
}

/* The struct itself is not part of any target signature. */
%ignore dgs_error;

/* Strings the library returns as `char *` from the helpers below are the
 * caller's: free them with dgs_free() once copied. */
%typemap(newfree) char * "dgs_free($1);";

/* ------------------------------------------------------------------------ */
/* Out parameters: wrappers of the same name that return the value           */
/* ------------------------------------------------------------------------ */

%ignore dgs_ruleset_builtin;
%ignore dgs_ruleset_apply_guideline;
%ignore dgs_ruleset_apply_guideline_file;
%ignore dgs_ruleset_set_parameter;
%ignore dgs_ruleset_lookup;
%ignore dgs_ruleset_parameter_text;
%ignore dgs_measure_parameter_text;
%ignore dgs_case_new;
%ignore dgs_evaluate;
%ignore dgs_result_render;
%ignore dgs_result_step_value;
%ignore dgs_stack_results;
%ignore dgs_stack_claims;
%ignore dgs_stack_render;
%ignore dgs_allocate;
%ignore dgs_money_parse;
%ignore dgs_money_format;
%ignore dgs_format_amount;   /* a caller buffer; the bindings format from dgs_*_unit_type() */
%ignore dgs_evaluate_batch;
%ignore dgs_evaluate_batch_detail;
%ignore dgs_evaluate_population;   /* buffers: each binding wraps it (Python: dgspy_evaluate_population) */
/* Strings reach the language as copies; nothing to free by hand. */
%ignore dgs_free;

%rename(dgs_ruleset_builtin) dgsw_ruleset_builtin;
%rename(dgs_ruleset_apply_guideline) dgsw_ruleset_apply_guideline;
%rename(dgs_ruleset_apply_guideline_file) dgsw_ruleset_apply_guideline_file;
%rename(dgs_ruleset_set_parameter) dgsw_ruleset_set_parameter;
%rename(dgs_ruleset_lookup) dgsw_ruleset_lookup;
%rename(dgs_ruleset_parameter_text) dgsw_ruleset_parameter_text;
%rename(dgs_measure_parameter_text) dgsw_measure_parameter_text;
%rename(dgs_case_new) dgsw_case_new;
%rename(dgs_evaluate) dgsw_evaluate;
%rename(dgs_result_render) dgsw_result_render;
%rename(dgs_result_step_value) dgsw_result_step_value;
%rename(dgs_stack_render) dgsw_stack_render;
%rename(dgs_money_parse) dgsw_money_parse;
%rename(dgs_money_format) dgsw_money_format;

%newobject dgsw_ruleset_parameter_text;
%newobject dgsw_measure_parameter_text;
%newobject dgsw_result_render;
%newobject dgsw_stack_render;
%newobject dgsw_money_format;
/* dgsw_money_format's string comes from the wrapper's own malloc. */
%typemap(newfree) char *dgsw_money_format "free($1);";

/* The guideline text and its length travel together. */
%apply (const char *STRING, size_t LENGTH) { (const char *json, size_t len) };

%inline %{
/** Builds the ruleset of 东府〔2024〕1号 as printed (see dgs_ruleset_builtin). Free with dgs_ruleset_free(). */
static dgs_ruleset *dgsw_ruleset_builtin(dgs_error *err)
{
    dgs_ruleset *out = NULL;
    return dgs_ruleset_builtin(&out, err) ? NULL : out;
}

/** Derives a ruleset from guideline JSON text (see dgs_ruleset_apply_guideline). Free with dgs_ruleset_free(). */
static dgs_ruleset *dgsw_ruleset_apply_guideline(const dgs_ruleset *base, const char *json, size_t len,
                                                 const char *source, dgs_error *err)
{
    dgs_ruleset *out = NULL;
    return dgs_ruleset_apply_guideline(base, json, len, source, &out, err) ? NULL : out;
}

/** Derives a ruleset from a guideline file (see dgs_ruleset_apply_guideline_file). Free with dgs_ruleset_free(). */
static dgs_ruleset *dgsw_ruleset_apply_guideline_file(const dgs_ruleset *base, const char *path,
                                                      dgs_error *err)
{
    dgs_ruleset *out = NULL;
    return dgs_ruleset_apply_guideline_file(base, path, &out, err) ? NULL : out;
}

/** Derives a ruleset with one parameter changed (see dgs_ruleset_set_parameter). Free with dgs_ruleset_free(). */
static dgs_ruleset *dgsw_ruleset_set_parameter(const dgs_ruleset *base, const char *measure_id,
                                               const char *parameter, const char *value,
                                               const char *from, const char *until,
                                               const char *reference, dgs_error *err)
{
    dgs_ruleset *out = NULL;
    return dgs_ruleset_set_parameter(base, measure_id, parameter, value, from, until, reference,
                                     &out, err) ? NULL : out;
}

/** The measure with this id; raises DGS_E_UNKNOWN_MEASURE when none (see dgs_ruleset_lookup). Borrowed. */
static const dgs_measure *dgsw_ruleset_lookup(const dgs_ruleset *rs, const char *id, dgs_error *err)
{
    const dgs_measure *out = NULL;
    return dgs_ruleset_lookup(rs, id, &out, err) ? NULL : out;
}

/** A ruleset-wide parameter's value at `date` (ISO, NULL = first) as text. */
static char *dgsw_ruleset_parameter_text(const dgs_ruleset *rs, size_t i, const char *date,
                                         dgs_error *err)
{
    char *out = NULL;
    return dgs_ruleset_parameter_text(rs, i, date, &out, err) ? NULL : out;
}

/** A measure parameter's value at `date` (ISO, NULL = as printed) as text. */
static char *dgsw_measure_parameter_text(const dgs_measure *m, size_t i, const char *date,
                                         dgs_error *err)
{
    char *out = NULL;
    return dgs_measure_parameter_text(m, i, date, &out, NULL, err) ? NULL : out;
}

/** The reference that set a measure parameter's value in force at `date` (borrowed), or "". */
static const char *dgsw_measure_parameter_reference(const dgs_measure *m, size_t i,
                                                    const char *date, dgs_error *err)
{
    char *text = NULL;
    const char *reference = NULL;
    if (dgs_measure_parameter_text(m, i, date, &text, &reference, err))
        return NULL;
    dgs_free(text);
    return reference ? reference : "";
}

/** Creates an empty case for measure m (see dgs_case_new). Free with dgs_case_free() before the ruleset. */
static dgs_case *dgsw_case_new(const dgs_measure *m, dgs_error *err)
{
    dgs_case *out = NULL;
    return dgs_case_new(m, &out, err) ? NULL : out;
}

/** Evaluates the case (see dgs_evaluate). Free the result with dgs_result_free(). */
static dgs_result *dgsw_evaluate(const dgs_case *c, dgs_error *err)
{
    dgs_result *out = NULL;
    return dgs_evaluate(c, &out, err) ? NULL : out;
}

/** Renders the result as text or JSON (see dgs_result_render). */
static char *dgsw_result_render(const dgs_result *r, int format, int lang, dgs_error *err)
{
    char *out = NULL;
    return dgs_result_render(r, format, lang, &out, err) ? NULL : out;
}

/** Step i's value; for a ratio step the numerator (see dgsw_result_step_denominator). */
static int64_t dgsw_result_step_value(const dgs_result *r, size_t i)
{
    return dgs_result_step_value(r, i, NULL);
}

/** Step i's denominator: the ratio's for a ratio step, 1 otherwise. */
static int64_t dgsw_result_step_denominator(const dgs_result *r, size_t i)
{
    int64_t den = 1;
    (void)dgs_result_step_value(r, i, &den);
    return den;
}

/** Renders a stacking report as text or JSON (see dgs_stack_render). */
static char *dgsw_stack_render(const dgs_stack *s, int format, int lang, dgs_error *err)
{
    char *out = NULL;
    return dgs_stack_render(s, format, lang, &out, err) ? NULL : out;
}

/** Reads a decimal yuan amount into fen (see dgs_money_parse). */
static dgs_fen_t dgsw_money_parse(const char *text, dgs_error *err)
{
    dgs_fen_t out = 0;
    return dgs_money_parse(text, &out, err) ? 0 : out;
}

/** Writes fen as yuan with two decimals, "33333.33" (see dgs_money_format). */
static char *dgsw_money_format(dgs_fen_t fen)
{
    char buf[48];
    size_t n;
    char *out;
    dgs_money_format(fen, buf, sizeof buf);
    n = strlen(buf) + 1;
    out = (char *)malloc(n);
    if (out)
        memcpy(out, buf, n);
    return out;
}
%}

/* ------------------------------------------------------------------------ */
/* Stacking: a list of (result, already granted) built one by one            */
/* ------------------------------------------------------------------------ */

%{
struct dgsw_results {
    size_t n, cap;
    const dgs_result **results;
    dgs_fen_t *granted;
    char **objects;              /* owned copies, NULL for none; NULL until an object is added */
};
typedef struct dgsw_results dgsw_results;
%}
/** A growable list of borrowed results and what was already granted for each (opaque). */
typedef struct dgsw_results dgsw_results;

%inline %{
/** An empty list for dgsw_stack_results(); free with dgsw_results_free(). */
static dgsw_results *dgsw_results_new(dgs_error *err)
{
    dgsw_results *l = (dgsw_results *)calloc(1, sizeof(dgsw_results));
    if (!l && err) {
        err->code = DGS_E_NOMEM;
        strcpy(err->message, "out of memory");
    }
    return l;
}

static void dgsw_results_free(dgsw_results *l)
{
    if (!l)
        return;
    for (size_t i = 0; l->objects && i < l->n; i++)
        free(l->objects[i]);
    free(l->objects);
    free(l->results);
    free(l->granted);
    free(l);
}

static size_t dgsw_results_count(const dgsw_results *l)
{
    return l ? l->n : 0;
}

/** Appends a result (borrowed: keep it alive until the stack is built) and the amount already granted (fen). */
static int dgsw_results_add(dgsw_results *l, const dgs_result *r, dgs_fen_t already_granted,
                            dgs_error *err)
{
    if (!l || !r) {
        if (err) {
            err->code = DGS_E_INVALID_ARGUMENT;
            strcpy(err->message, "dgsw_results_add: list and result must not be NULL");
        }
        return DGS_E_INVALID_ARGUMENT;
    }
    if (l->n == l->cap) {
        size_t cap = l->cap ? 2 * l->cap : 8;
        const dgs_result **rs = (const dgs_result **)realloc((void *)l->results, cap * sizeof *rs);
        if (rs)
            l->results = rs;
        dgs_fen_t *gs = rs ? (dgs_fen_t *)realloc(l->granted, cap * sizeof *gs) : NULL;
        if (gs)
            l->granted = gs;
        char **os = gs ? (char **)realloc(l->objects, cap * sizeof *os) : NULL;
        if (os) {
            for (size_t i = l->n; i < cap; i++)
                os[i] = NULL;
            l->objects = os;
        }
        if (!rs || !gs || !os) {
            if (err) {
                err->code = DGS_E_NOMEM;
                strcpy(err->message, "out of memory");
            }
            return DGS_E_NOMEM;
        }
        l->cap = cap;
    }
    l->results[l->n] = r;
    l->granted[l->n] = already_granted;
    l->n++;
    return DGS_OK;
}

/** Applies 就高、从优、不重复享受 to the listed results (see dgs_stack_results). Free with dgs_stack_free(). */
static dgs_stack *dgsw_stack_results(const dgs_ruleset *rs, const dgsw_results *l, dgs_error *err)
{
    dgs_stack *out = NULL;
    if (!l) {
        if (err) {
            err->code = DGS_E_INVALID_ARGUMENT;
            strcpy(err->message, "dgsw_stack_results: the list must not be NULL");
        }
        return NULL;
    }
    return dgs_stack_claims(rs, l->results, (const char *const *)l->objects, l->n, l->granted, &out, err) ? NULL : out;
}

/** As dgsw_results_add(), with the object the claim is about (copied; NULL or "" for none). */
static int dgsw_results_add_claim(dgsw_results *l, const dgs_result *r, dgs_fen_t already_granted,
                                  const char *object, dgs_error *err)
{
    char *copy = NULL;
    if (object && *object) {
        copy = (char *)malloc(strlen(object) + 1);
        if (!copy) {
            if (err) {
                err->code = DGS_E_NOMEM;
                strcpy(err->message, "out of memory");
            }
            return DGS_E_NOMEM;
        }
        strcpy(copy, object);
    }
    int rc = dgsw_results_add(l, r, already_granted, err);
    if (rc) {
        free(copy);
        return rc;
    }
    l->objects[l->n - 1] = copy;
    return DGS_OK;
}

/** Applies 就高、从优、不重复享受 per object to the listed claims (see dgs_stack_claims). Free with dgs_stack_free(). */
static dgs_stack *dgsw_stack_claims(const dgs_ruleset *rs, const dgsw_results *l, dgs_error *err)
{
    return dgsw_stack_results(rs, l, err);
}
%}

/* ------------------------------------------------------------------------ */
/* Allocation: an int64 vector of fen                                        */
/* ------------------------------------------------------------------------ */

%{
struct dgsw_fens {
    size_t n;
    dgs_fen_t *v;
};
typedef struct dgsw_fens dgsw_fens;
%}
/** A vector of fen amounts, claims or shares (opaque). */
typedef struct dgsw_fens dgsw_fens;

%inline %{
/** A vector of n zeros; raises DGS_E_NOMEM if it cannot be allocated. */
static dgsw_fens *dgsw_fens_new(size_t n, dgs_error *err)
{
    dgsw_fens *f = (dgsw_fens *)calloc(1, sizeof *f);
    if (f && n) {
        f->v = (dgs_fen_t *)calloc(n, sizeof *f->v);
        if (!f->v) {
            free(f);
            f = NULL;
        }
    }
    if (!f) {
        if (err) {
            err->code = DGS_E_NOMEM;
            strcpy(err->message, "out of memory");
        }
        return NULL;
    }
    f->n = n;
    return f;
}

static void dgsw_fens_free(dgsw_fens *f)
{
    if (f) {
        free(f->v);
        free(f);
    }
}

static size_t dgsw_fens_count(const dgsw_fens *f)
{
    return f ? f->n : 0;
}

/** Element i; DGS_E_INVALID_ARGUMENT if i is out of range. */
static dgs_fen_t dgsw_fens_get(const dgsw_fens *f, size_t i, dgs_error *err)
{
    if (!f || i >= f->n) {
        if (err) {
            err->code = DGS_E_INVALID_ARGUMENT;
            strcpy(err->message, "dgsw_fens_get: index out of range");
        }
        return 0;
    }
    return f->v[i];
}

/** Sets element i; DGS_E_INVALID_ARGUMENT if i is out of range. */
static void dgsw_fens_set(dgsw_fens *f, size_t i, dgs_fen_t value, dgs_error *err)
{
    if (!f || i >= f->n) {
        if (err) {
            err->code = DGS_E_INVALID_ARGUMENT;
            strcpy(err->message, "dgsw_fens_set: index out of range");
        }
        return;
    }
    f->v[i] = value;
}

/**
 * Scales the claims to the budget (see dgs_allocate), writing the shares
 * into `shares`, which must have as many elements as `claims`.
 */
static void dgsw_allocate(dgs_fen_t budget, const dgsw_fens *claims, int method, dgsw_fens *shares,
                          dgs_error *err)
{
    if (!claims || !shares || claims->n != shares->n) {
        if (err) {
            err->code = DGS_E_INVALID_ARGUMENT;
            strcpy(err->message, "dgsw_allocate: claims and shares must have the same length");
        }
        return;
    }
    (void)dgs_allocate(budget, claims->v, claims->n, method, shares->v, err);
}
%}

/* ------------------------------------------------------------------------ */
/* The API itself                                                             */
/* ------------------------------------------------------------------------ */

%include "dgsubsidy/version.h"
%include "dgsubsidy/dgsubsidy.h"
