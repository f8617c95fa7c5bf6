/* SPDX-License-Identifier: MulanPSL-2.0 */
/*
 * The Python overlay of bindings/common/dgsubsidy.i.
 *
 * Builds the private extension module dgsubsidy._native (SWIG -threads: the
 * GIL is released around every call into the library).  The idiomatic API
 * is the hand-written package in src/dgsubsidy/; nothing here is public.
 *
 * Errors: DGS_RAISE asks dgsubsidy._errors.from_code(code, message) for the
 * exception of the C code (UnknownMeasure, InvalidValue, …) and raises it in
 * the same call.
 */
%module(package="dgsubsidy") _native

%{
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <stdlib.h>
#include <string.h>
#include "dgsubsidy/dgsubsidy.h"

#include <stddef.h>

/* Sets the Python exception for a DGS_E_* code.  Requires the GIL.
 * `message` is the message member of a dgs_error (see dgsubsidy.i), so the
 * error's line (guidelines) and row (batches) are reached from it. */
static void dgspy_raise(int code, const char *message)
{
    const dgs_error *e = (const dgs_error *)(const void *)(message - offsetof(dgs_error, message));
    PyObject *text = PyUnicode_DecodeUTF8(message, (Py_ssize_t)strlen(message), "replace");
    PyObject *module = text ? PyImport_ImportModule("dgsubsidy._errors") : NULL;
    /* row: only batch and allocation errors have one (0 is also "none" for the others). */
    PyObject *row = e->row ? PyLong_FromSize_t(e->row) : (Py_INCREF(Py_None), Py_None);
    PyObject *exc = module && row ? PyObject_CallMethod(module, "from_code", "iOiO", code, text, e->reason, row)
                                  : NULL;
    Py_XDECREF(row);
    if (exc) {
        PyErr_SetObject((PyObject *)Py_TYPE(exc), exc);
        Py_DECREF(exc);
    } else if (!PyErr_Occurred()) {
        PyErr_Format(PyExc_SystemError, "dgsubsidy: error %d (%s) could not be raised", code, message);
    }
    Py_XDECREF(module);
    Py_XDECREF(text);
}
%}

%define DGS_RAISE(code, message)
  dgspy_raise(code, message);
  Py_XDECREF(resultobj);
  resultobj = NULL;
  SWIG_fail;
%enddef

/* dgs_case_set_list: any sequence of ints (fen). */
%typemap(in) (const int64_t *fen, size_t n) {
  PyObject *seq_ = PySequence_Fast($input, "a sequence of fen amounts (int) is required");
  Py_ssize_t n_, i_;
  if (!seq_)
    SWIG_fail;
  n_ = PySequence_Fast_GET_SIZE(seq_);
  $1 = ($1_ltype)malloc((size_t)(n_ ? n_ : 1) * sizeof(int64_t));
  if (!$1) {
    Py_DECREF(seq_);
    PyErr_NoMemory();
    SWIG_fail;
  }
  for (i_ = 0; i_ < n_; i_++) {
    PyObject *item_ = PySequence_Fast_GET_ITEM(seq_, i_);
    long long v_;
    if (!PyLong_Check(item_)) {
      Py_DECREF(seq_);
      PyErr_SetString(PyExc_TypeError, "a sequence of fen amounts (int) is required");
      SWIG_fail;
    }
    v_ = PyLong_AsLongLong(item_);
    if (v_ == -1 && PyErr_Occurred()) {
      Py_DECREF(seq_);
      SWIG_fail;
    }
    $1[i_] = v_;
  }
  $2 = (size_t)n_;
  Py_DECREF(seq_);
}
%typemap(freearg) (const int64_t *fen, size_t n) {
  free($1);
}

%include "dgsubsidy.i"

/* ------------------------------------------------------------------------ */
/* Buffer-protocol helpers: batch evaluation and allocation                   */
/* ------------------------------------------------------------------------ */

%{
/* Whether a struct-module format is one native-order item of the kinds in `kinds`. */
static int dgspy_format_is(const char *format, const char *kinds)
{
    if (!format)
        format = "B";
    if (*format == '@' || *format == '=' || *format == '<')
        format++;
    return format[0] && !format[1] && strchr(kinds, format[0]) != NULL;
}

/* Borrows a C-contiguous one-dimensional buffer of `rows` items of
 * `itemsize` bytes whose format is one of `kinds` (signed integers only:
 * a float or unsigned buffer is refused, never reinterpreted). */
static int dgspy_get_buffer(PyObject *obj, Py_buffer *view, Py_ssize_t itemsize, const char *kinds,
                            Py_ssize_t rows, int writable, const char *what, Py_ssize_t index)
{
    int flags = PyBUF_C_CONTIGUOUS | PyBUF_FORMAT | (writable ? PyBUF_WRITABLE : 0);
    if (PyObject_GetBuffer(obj, view, flags) != 0)
        return -1;
    if (view->itemsize != itemsize || view->ndim != 1 || !dgspy_format_is(view->format, kinds)
        || (rows >= 0 && view->shape[0] != rows)) {
        PyErr_Format(PyExc_ValueError,
                     "%s %zd: a one-dimensional buffer of %zd items of format '%s' is required "
                     "(got %d dimension(s), format '%s', item size %zd, %zd bytes)",
                     what, index, rows, kinds, view->ndim, view->format ? view->format : "B",
                     view->itemsize, view->len);
        PyBuffer_Release(view);
        return -1;
    }
    return 0;
}
%}

/* Py_ssize_t is a signed integer as wide as a pointer: convert it as one. */
%apply long { Py_ssize_t };

%nothread dgspy_evaluate_batch;
%nothread dgspy_evaluate_batch_detail;
%nothread dgspy_allocate;
%nothread dgspy_evaluate_population;

%{
/* The batch over buffers, for dgspy_evaluate_batch() (bindings NULL: the
 * whole batch through dgs_evaluate_batch()) and
 * dgspy_evaluate_batch_detail() (rows [begin, end) through
 * dgs_evaluate_batch_detail()). */
static PyObject *dgspy_batch(const dgs_measure *m, const char *date, Py_ssize_t rows,
                             PyObject *names, PyObject *columns, PyObject *present,
                             PyObject *awards, PyObject *outcomes, Py_ssize_t begin, Py_ssize_t end,
                             PyObject *bindings, PyObject *reasons)
{
    PyObject *names_fast = NULL, *cols_fast = NULL, *pres_fast = NULL, *ret = NULL;
    Py_buffer *views = NULL, *pviews = NULL, aview, oview, bview, rview;
    int have_bindings = 0, have_reasons = 0;
    const char **cnames = NULL;
    const int64_t **ccols = NULL;
    const uint8_t **cpres = NULL;
    Py_ssize_t k, ncols = 0, got = 0, pgot = 0;
    int have_awards = 0, have_outcomes = 0, code;
    dgs_error err;

    memset(&err, 0, sizeof err);
    if (!m || !date) {
        PyErr_SetString(PyExc_ValueError, "measure and date are required");
        return NULL;
    }
    if (rows < 0) {
        PyErr_SetString(PyExc_ValueError, "rows must not be negative");
        return NULL;
    }
    names_fast = PySequence_Fast(names, "names must be a sequence of str");
    cols_fast = names_fast ? PySequence_Fast(columns, "columns must be a sequence of buffers") : NULL;
    pres_fast = cols_fast ? PySequence_Fast(present, "present must be a sequence") : NULL;
    if (!pres_fast)
        goto done;
    ncols = PySequence_Fast_GET_SIZE(names_fast);
    if (PySequence_Fast_GET_SIZE(cols_fast) != ncols || PySequence_Fast_GET_SIZE(pres_fast) != ncols) {
        PyErr_SetString(PyExc_ValueError, "names, columns and present must have the same length");
        goto done;
    }
    views = (Py_buffer *)PyMem_Calloc((size_t)(ncols ? ncols : 1), sizeof *views);
    pviews = (Py_buffer *)PyMem_Calloc((size_t)(ncols ? ncols : 1), sizeof *pviews);
    cnames = (const char **)PyMem_Calloc((size_t)(ncols ? ncols : 1), sizeof *cnames);
    ccols = (const int64_t **)PyMem_Calloc((size_t)(ncols ? ncols : 1), sizeof *ccols);
    cpres = (const uint8_t **)PyMem_Calloc((size_t)(ncols ? ncols : 1), sizeof *cpres);
    if (!views || !pviews || !cnames || !ccols || !cpres) {
        PyErr_NoMemory();
        goto done;
    }
    for (k = 0; k < ncols; k++) {
        PyObject *name = PySequence_Fast_GET_ITEM(names_fast, k);
        PyObject *p = PySequence_Fast_GET_ITEM(pres_fast, k);
        if (!PyUnicode_Check(name)) {
            PyErr_Format(PyExc_TypeError, "column name %zd is not a str", k);
            goto done;
        }
        cnames[k] = PyUnicode_AsUTF8(name); /* borrowed from the str, which names_fast keeps */
        if (!cnames[k])
            goto done;
        if (dgspy_get_buffer(PySequence_Fast_GET_ITEM(cols_fast, k), &views[k], 8, "ql", rows, 0, "column", k))
            goto done;
        got = k + 1;
        ccols[k] = (const int64_t *)views[k].buf;
        if (p != Py_None) {
            if (dgspy_get_buffer(p, &pviews[k], 1, "Bb?", rows, 0, "presence mask", k))
                goto done;
            cpres[k] = (const uint8_t *)pviews[k].buf;
        }
        pgot = k + 1;
    }
    if (dgspy_get_buffer(awards, &aview, 8, "ql", rows, 1, "awards", 0))
        goto done;
    have_awards = 1;
    if (dgspy_get_buffer(outcomes, &oview, 4, "i", rows, 1, "outcomes", 0))
        goto done;
    have_outcomes = 1;
    if (bindings) {
        if (begin < 0 || end < begin || end > rows) {
            PyErr_Format(PyExc_ValueError, "rows %zd..%zd are not within the %zd rows", begin, end, rows);
            goto done;
        }
        if ((bindings == Py_None) != (reasons == Py_None)) {
            PyErr_SetString(PyExc_ValueError, "bindings and reasons are both buffers or both None");
            goto done;
        }
        if (bindings != Py_None) {
            if (dgspy_get_buffer(bindings, &bview, 4, "i", rows, 1, "bindings", 0))
                goto done;
            have_bindings = 1;
            if (dgspy_get_buffer(reasons, &rview, 4, "i", rows, 1, "reasons", 0))
                goto done;
            have_reasons = 1;
        }
        Py_BEGIN_ALLOW_THREADS
        code = dgs_evaluate_batch_detail(m, date, (size_t)rows, (size_t)ncols, cnames, ccols, cpres,
                                         (size_t)begin, (size_t)end, (dgs_fen_t *)aview.buf,
                                         (int32_t *)oview.buf, have_bindings ? (int32_t *)bview.buf : NULL,
                                         have_reasons ? (int32_t *)rview.buf : NULL, &err);
        Py_END_ALLOW_THREADS
    } else {
        Py_BEGIN_ALLOW_THREADS
        code = dgs_evaluate_batch(m, date, (size_t)rows, (size_t)ncols, cnames, ccols, cpres,
                                  (dgs_fen_t *)aview.buf, (int32_t *)oview.buf, &err);
        Py_END_ALLOW_THREADS
    }

    err.message[sizeof err.message - 1] = '\0';
    {
        PyObject *msg = PyUnicode_DecodeUTF8(err.message, (Py_ssize_t)strlen(err.message), "replace");
        if (msg)
            ret = Py_BuildValue("(inN)", code, (Py_ssize_t)err.row, msg);
    }
done:
    if (have_reasons)
        PyBuffer_Release(&rview);
    if (have_bindings)
        PyBuffer_Release(&bview);
    if (have_outcomes)
        PyBuffer_Release(&oview);
    if (have_awards)
        PyBuffer_Release(&aview);
    for (k = 0; k < got; k++)
        PyBuffer_Release(&views[k]);
    for (k = 0; k < pgot; k++)
        if (pviews[k].obj)
            PyBuffer_Release(&pviews[k]);
    PyMem_Free(views);
    PyMem_Free(pviews);
    PyMem_Free((void *)cnames);
    PyMem_Free((void *)ccols);
    PyMem_Free((void *)cpres);
    Py_XDECREF(names_fast);
    Py_XDECREF(cols_fast);
    Py_XDECREF(pres_fast);
    return ret;
}
%}

%inline %{
/*
 * Runs dgs_evaluate_batch() once over buffers: `names` a sequence of str,
 * `columns` a sequence of int64 buffers, `present` a sequence of None or
 * uint8 buffers (0 = missing), `awards` a writable int64 buffer and
 * `outcomes` a writable int32 buffer, all of `rows` items.  The GIL is
 * released during the computation.  Returns (code, row, message): code is 0,
 * or the error of the first invalid row (every row is filled all the same),
 * or an error raised before any row was written.
 */
static PyObject *dgspy_evaluate_batch(const dgs_measure *m, const char *date, Py_ssize_t rows,
                                      PyObject *names, PyObject *columns, PyObject *present,
                                      PyObject *awards, PyObject *outcomes)
{
    return dgspy_batch(m, date, rows, names, columns, present, awards, outcomes, 0, rows, NULL, NULL);
}

/*
 * As dgspy_evaluate_batch(), over rows [begin, end) only, through
 * dgs_evaluate_batch_detail(): also fills the writable int32 buffers
 * `bindings` and `reasons` (of `rows` items) there, unless both are None.  The GIL is released
 * during the computation, so threads may run disjoint ranges of one batch at
 * once.  Row numbers count from the start of the columns.
 */
static PyObject *dgspy_evaluate_batch_detail(const dgs_measure *m, const char *date, Py_ssize_t rows,
                                             PyObject *names, PyObject *columns, PyObject *present,
                                             Py_ssize_t begin, Py_ssize_t end, PyObject *awards,
                                             PyObject *outcomes, PyObject *bindings, PyObject *reasons)
{
    return dgspy_batch(m, date, rows, names, columns, present, awards, outcomes, begin, end, bindings, reasons);
}

/*
 * dgs_allocate() over buffers: `claims` an int64 buffer of n fen amounts,
 * `shares` a writable int64 buffer of the same length.  Raises the mapped
 * error (DGS_E_NEGATIVE with the index in the message, DGS_E_OVERFLOW, …).
 * Returns None.
 */
static PyObject *dgspy_allocate(dgs_fen_t budget, PyObject *claims, int method, PyObject *shares,
                                dgs_error *err)
{
    Py_buffer cview, sview;
    Py_ssize_t n;
    if (dgspy_get_buffer(claims, &cview, 8, "ql", -1, 0, "claims", 0))
        return NULL;
    n = cview.shape[0];
    if (dgspy_get_buffer(shares, &sview, 8, "ql", n, 1, "shares", 0)) {
        PyBuffer_Release(&cview);
        return NULL;
    }
    Py_BEGIN_ALLOW_THREADS
    (void)dgs_allocate(budget, (const dgs_fen_t *)cview.buf, (size_t)n, method,
                       (dgs_fen_t *)sview.buf, err);
    Py_END_ALLOW_THREADS
    PyBuffer_Release(&sview);
    PyBuffer_Release(&cview);
    Py_RETURN_NONE;
}
%}

%{
/* The UTF-8 of each str of a sequence (NULL for None when `none_ok`), borrowed
 * from the strs the sequence `fast` keeps; a str with a NUL is refused (C would
 * read it cut short). */
static int dgspy_strings(PyObject *fast, const char **out, int none_ok, const char *what)
{
    Py_ssize_t k, n = PySequence_Fast_GET_SIZE(fast);
    for (k = 0; k < n; k++) {
        PyObject *o = PySequence_Fast_GET_ITEM(fast, k);
        Py_ssize_t len;
        if (o == Py_None && none_ok) {
            out[k] = NULL;
            continue;
        }
        if (!PyUnicode_Check(o)) {
            PyErr_Format(PyExc_TypeError, "%s %zd is not a str", what, k);
            return -1;
        }
        out[k] = PyUnicode_AsUTF8AndSize(o, &len);
        if (!out[k])
            return -1;
        if ((size_t)len != strlen(out[k])) {
            PyErr_Format(PyExc_ValueError, "%s %zd contains a NUL character", what, k);
            return -1;
        }
    }
    return 0;
}
%}

%inline %{
/*
 * Runs dgs_evaluate_population() over buffers: `measures` a sequence of
 * measure ids, `date` an ISO date or None, `dates` None or a sequence of
 * `rows` ISO dates or None (the row's date; None: `date`),
 * `names`/`columns`/`present` as for dgspy_evaluate_batch(), `applicants` an int64 buffer of `rows` codes, `objects` None or a sequence
 * of `rows` str or None, and the writable outputs `awards`, `paid`, `up_to`
 * (int64) and `outcomes`, `decisions` (int32), of n_measures × rows items
 * each.  The GIL is released during the computation.  Returns (code, row,
 * message), as dgspy_evaluate_batch().
 */
static PyObject *dgspy_evaluate_population(const dgs_ruleset *rs, PyObject *measures, const char *date,
                                           PyObject *dates, Py_ssize_t rows, PyObject *names, PyObject *columns,
                                           PyObject *present, PyObject *applicants, PyObject *objects,
                                           PyObject *awards, PyObject *outcomes, PyObject *paid,
                                           PyObject *decisions, PyObject *up_to)
{
    PyObject *ms_fast = NULL, *names_fast = NULL, *cols_fast = NULL, *pres_fast = NULL, *obj_fast = NULL;
    PyObject *dates_fast = NULL;
    PyObject *ret = NULL;
    Py_buffer *views = NULL, *pviews = NULL, apview, out[5];
    int have_ap = 0, have_out = 0;
    const char **cms = NULL, **cnames = NULL, **cobj = NULL, **cdates = NULL;
    const int64_t **ccols = NULL;
    const uint8_t **cpres = NULL;
    Py_ssize_t k, nm = 0, ncols = 0, got = 0, pgot = 0, cells;
    int code;
    dgs_error err;

    memset(&err, 0, sizeof err);
    if (!rs || (!date && dates == Py_None)) {
        PyErr_SetString(PyExc_ValueError, "ruleset and date (or dates) are required");
        return NULL;
    }
    if (rows < 0) {
        PyErr_SetString(PyExc_ValueError, "rows must not be negative");
        return NULL;
    }
    ms_fast = PySequence_Fast(measures, "measures must be a sequence of str");
    names_fast = ms_fast ? PySequence_Fast(names, "names must be a sequence of str") : NULL;
    cols_fast = names_fast ? PySequence_Fast(columns, "columns must be a sequence of buffers") : NULL;
    pres_fast = cols_fast ? PySequence_Fast(present, "present must be a sequence") : NULL;
    if (!pres_fast)
        goto done;
    if (objects != Py_None) {
        obj_fast = PySequence_Fast(objects, "objects must be None or a sequence of str or None");
        if (!obj_fast)
            goto done;
        if (PySequence_Fast_GET_SIZE(obj_fast) != rows) {
            PyErr_SetString(PyExc_ValueError, "objects must have one item per row");
            goto done;
        }
    }
    if (dates != Py_None) {
        dates_fast = PySequence_Fast(dates, "dates must be None or a sequence of str or None");
        if (!dates_fast)
            goto done;
        if (PySequence_Fast_GET_SIZE(dates_fast) != rows) {
            PyErr_SetString(PyExc_ValueError, "dates must have one item per row");
            goto done;
        }
    }
    nm = PySequence_Fast_GET_SIZE(ms_fast);
    ncols = PySequence_Fast_GET_SIZE(names_fast);
    if (PySequence_Fast_GET_SIZE(cols_fast) != ncols || PySequence_Fast_GET_SIZE(pres_fast) != ncols) {
        PyErr_SetString(PyExc_ValueError, "names, columns and present must have the same length");
        goto done;
    }
    if (nm && rows > PY_SSIZE_T_MAX / 8 / nm) {
        PyErr_SetString(PyExc_ValueError, "too many rows");
        goto done;
    }
    cells = nm * rows;
    views = (Py_buffer *)PyMem_Calloc((size_t)(ncols ? ncols : 1), sizeof *views);
    pviews = (Py_buffer *)PyMem_Calloc((size_t)(ncols ? ncols : 1), sizeof *pviews);
    cms = (const char **)PyMem_Calloc((size_t)(nm ? nm : 1), sizeof *cms);
    cnames = (const char **)PyMem_Calloc((size_t)(ncols ? ncols : 1), sizeof *cnames);
    ccols = (const int64_t **)PyMem_Calloc((size_t)(ncols ? ncols : 1), sizeof *ccols);
    cpres = (const uint8_t **)PyMem_Calloc((size_t)(ncols ? ncols : 1), sizeof *cpres);
    cobj = obj_fast ? (const char **)PyMem_Calloc((size_t)(rows ? rows : 1), sizeof *cobj) : NULL;
    cdates = dates_fast ? (const char **)PyMem_Calloc((size_t)(rows ? rows : 1), sizeof *cdates) : NULL;
    if (!views || !pviews || !cms || !cnames || !ccols || !cpres || (obj_fast && !cobj) || (dates_fast && !cdates)) {
        PyErr_NoMemory();
        goto done;
    }
    if (dgspy_strings(ms_fast, cms, 0, "measure") || dgspy_strings(names_fast, cnames, 0, "column name") ||
        (obj_fast && dgspy_strings(obj_fast, cobj, 1, "object")) ||
        (dates_fast && dgspy_strings(dates_fast, cdates, 1, "date")))
        goto done;
    for (k = 0; k < ncols; k++) {
        PyObject *p = PySequence_Fast_GET_ITEM(pres_fast, k);
        if (dgspy_get_buffer(PySequence_Fast_GET_ITEM(cols_fast, k), &views[k], 8, "ql", rows, 0, "column", k))
            goto done;
        got = k + 1;
        ccols[k] = (const int64_t *)views[k].buf;
        if (p != Py_None) {
            if (dgspy_get_buffer(p, &pviews[k], 1, "Bb?", rows, 0, "presence mask", k))
                goto done;
            cpres[k] = (const uint8_t *)pviews[k].buf;
        }
        pgot = k + 1;
    }
    if (dgspy_get_buffer(applicants, &apview, 8, "ql", rows, 0, "applicants", 0))
        goto done;
    have_ap = 1;
    {
        PyObject *outs[5] = {awards, outcomes, paid, decisions, up_to};
        static const Py_ssize_t sizes[5] = {8, 4, 8, 4, 8};
        static const char *const kinds[5] = {"ql", "i", "ql", "i", "ql"};
        static const char *const what[5] = {"awards", "outcomes", "paid", "decisions", "up_to"};
        for (k = 0; k < 5; k++) {
            if (dgspy_get_buffer(outs[k], &out[k], sizes[k], kinds[k], cells, 1, what[k], 0))
                goto done;
            have_out = (int)k + 1;
        }
    }
    Py_BEGIN_ALLOW_THREADS
    code = dgs_evaluate_population(rs, (size_t)nm, cms, date, cdates, (size_t)rows, (size_t)ncols, cnames, ccols, cpres,
                                   (const int64_t *)apview.buf, cobj, (dgs_fen_t *)out[0].buf,
                                   (int32_t *)out[1].buf, (dgs_fen_t *)out[2].buf, (int32_t *)out[3].buf,
                                   (dgs_fen_t *)out[4].buf, &err);
    Py_END_ALLOW_THREADS
    err.message[sizeof err.message - 1] = '\0';
    {
        PyObject *msg = PyUnicode_DecodeUTF8(err.message, (Py_ssize_t)strlen(err.message), "replace");
        if (msg)
            ret = Py_BuildValue("(inN)", code, (Py_ssize_t)err.row, msg);
    }
done:
    for (k = 0; k < have_out; k++)
        PyBuffer_Release(&out[k]);
    if (have_ap)
        PyBuffer_Release(&apview);
    for (k = 0; k < got; k++)
        PyBuffer_Release(&views[k]);
    for (k = 0; k < pgot; k++)
        if (pviews[k].obj)
            PyBuffer_Release(&pviews[k]);
    PyMem_Free(views);
    PyMem_Free(pviews);
    PyMem_Free((void *)cms);
    PyMem_Free((void *)cnames);
    PyMem_Free((void *)ccols);
    PyMem_Free((void *)cpres);
    PyMem_Free((void *)cobj);
    PyMem_Free((void *)cdates);
    Py_XDECREF(dates_fast);
    Py_XDECREF(ms_fast);
    Py_XDECREF(names_fast);
    Py_XDECREF(cols_fast);
    Py_XDECREF(pres_fast);
    Py_XDECREF(obj_fast);
    return ret;
}
%}
