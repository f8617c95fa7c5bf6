/* SPDX-License-Identifier: MulanPSL-2.0 */
/*
 * dgsubsidy_java.i — the Java overlay of the shared SWIG interface
 * (bindings/common/dgsubsidy.i).
 *
 * It generates org.dgsubsidy.DgsNative (the module class), DgsNativeJNI (the
 * native methods) and the SWIGTYPE_p_* pointer wrappers, all of them
 * package-private: only the hand-written classes of org.dgsubsidy (Ruleset,
 * Measure, Case, Result …) can call them.  A native call with a pointer that
 * is NULL, freed or made up would crash the JVM, and these classes cannot
 * check their pointers; so no code outside the package can reach them, on
 * the module path (the module exports only org.dgsubsidy, and its public
 * types only) or on the class path (the jar seals the package, so no other
 * jar or directory can add a class to it).
 *
 * What is Java-specific:
 *
 *   - DGS_RAISE throws the org.dgsubsidy exception of the C code (built by
 *     org.dgsubsidy.internal.NativeErrors) from the same native call.
 *   - Strings cross the boundary as UTF-8 byte arrays, not through JNI's
 *     "modified UTF-8": characters outside the BMP reach C as real UTF-8 and
 *     come back intact, and a message truncated in the middle of a character
 *     becomes U+FFFD instead of undefined behaviour in NewStringUTF.
 *   - No finalizers: proxies of the helper structs have no finalize().
 *   - Array functions (dgs_evaluate_batch, dgs_allocate) take Java arrays.
 */
%module(jniclassname="DgsNativeJNI") DgsNative

%include <stdint.i>

%{
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <jni.h>
#include "dgsubsidy/dgsubsidy.h"

/* Throws the Java exception for a C error: NativeErrors.create picks the class. */
static void dgsj_raise(JNIEnv *jenv, int code, const char *message, const dgs_error *err)
{
    jclass cls;
    jmethodID create;
    jbyteArray bytes;
    jthrowable ex;
    jsize n;

    if ((*jenv)->ExceptionCheck(jenv))
        return;
    cls = (*jenv)->FindClass(jenv, "org/dgsubsidy/internal/NativeErrors");
    if (!cls)
        return; /* NoClassDefFoundError pending */
    create = (*jenv)->GetStaticMethodID(jenv, cls, "create", "(IIJ[B)Ljava/lang/RuntimeException;");
    if (!create)
        return;
    n = (jsize)strnlen(message, sizeof err->message);
    bytes = (*jenv)->NewByteArray(jenv, n);
    if (!bytes)
        return; /* OutOfMemoryError pending */
    (*jenv)->SetByteArrayRegion(jenv, bytes, 0, n, (const jbyte *)message);
    ex = (jthrowable)(*jenv)->CallStaticObjectMethod(jenv, cls, create, (jint)code,
                                                     (jint)(err ? err->reason : 0),
                                                     (jlong)(err ? err->row : 0), bytes);
    if (ex && !(*jenv)->ExceptionCheck(jenv))
        (*jenv)->Throw(jenv, ex);
    (*jenv)->DeleteLocalRef(jenv, bytes);
    (*jenv)->DeleteLocalRef(jenv, cls);
    if (ex)
        (*jenv)->DeleteLocalRef(jenv, ex);
}

/* The JNI version the wrapper needs (1.8: Java 8 and later). */
JNIEXPORT jint JNICALL JNI_OnLoad(JavaVM *vm, void *reserved)
{
    JNIEnv *env;
    (void)reserved;
    if ((*vm)->GetEnv(vm, (void **)&env, JNI_VERSION_1_8) != JNI_OK)
        return JNI_ERR;
    return JNI_VERSION_1_8;
}

/* NativeLibrary's own native method: the library's version, read by the
 * loader before anything else is called (NativeLibrary is public, this
 * method private, and it takes nothing that could be misused). */
JNIEXPORT jbyteArray JNICALL Java_org_dgsubsidy_internal_NativeLibrary_nativeVersion(JNIEnv *jenv, jclass cls)
{
    const char *v = dgs_version_string();
    jsize n = (jsize)strlen(v);
    jbyteArray a;
    (void)cls;
    a = (*jenv)->NewByteArray(jenv, n);
    if (a)
        (*jenv)->SetByteArrayRegion(jenv, a, 0, n, (const jbyte *)v);
    return a;
}

/* A NUL-terminated C string as a Java byte[] (UTF-8), or null. */
static jbyteArray dgsj_bytes(JNIEnv *jenv, const char *s)
{
    jbyteArray a;
    jsize n;
    if (!s)
        return NULL;
    n = (jsize)strlen(s);
    a = (*jenv)->NewByteArray(jenv, n);
    if (a)
        (*jenv)->SetByteArrayRegion(jenv, a, 0, n, (const jbyte *)s);
    return a;
}
%}

/* $1 is the dgs_error of the argout typemap that expands this macro; the
 * compiler checks its type (dgsj_raise takes a const dgs_error *).
 *
 * The exception is thrown, and the wrapper then runs to its end instead of
 * returning at once: its freearg code must still release the UTF-8 copies of
 * the string arguments (an early return would leak them on every error).  A
 * failing wrapped function returns NULL or 0, which Java never sees because
 * the exception is pending. */
%define DGS_RAISE(code, message)
  dgsj_raise(jenv, (code), (message), $1);
%enddef

/* ---- strings: UTF-8 byte arrays ------------------------------------------------ */

%typemap(jni) char * "jbyteArray"
%typemap(jtype) char * "byte[]"
%typemap(jstype) char * "String"
%typemap(javain) char * "org.dgsubsidy.internal.Utf8.encode($javainput)"
%typemap(javaout) char * {
    return org.dgsubsidy.internal.Utf8.decode($jnicall);
  }
%typemap(in, noblock=1) char * {
  $1 = NULL;
  if ($input) {
    $1 = ($1_ltype)(*jenv)->GetByteArrayElements(jenv, $input, NULL);
    if (!$1) return $null;
  }
}
%typemap(freearg, noblock=1) char * {
  if ($1) (*jenv)->ReleaseByteArrayElements(jenv, $input, (jbyte *)$1, JNI_ABORT);
}
%typemap(out, noblock=1) char * {
  $result = dgsj_bytes(jenv, (const char *)$1);
}

/* ---- the list of dgs_case_set_list: a long[] of fen ------------------------------- */

%typemap(jni) (const int64_t *fen, size_t n) "jlongArray"
%typemap(jtype) (const int64_t *fen, size_t n) "long[]"
%typemap(jstype) (const int64_t *fen, size_t n) "long[]"
%typemap(javain) (const int64_t *fen, size_t n) "$javainput"
%typemap(in, noblock=1) (const int64_t *fen, size_t n) {
  $1 = NULL;
  $2 = 0;
  if ($input) {
    $2 = (size_t)(*jenv)->GetArrayLength(jenv, $input);
    $1 = (int64_t *)(*jenv)->GetLongArrayElements(jenv, $input, NULL);
    if (!$1) return $null;
  }
}
%typemap(freearg, noblock=1) (const int64_t *fen, size_t n) {
  if ($1) (*jenv)->ReleaseLongArrayElements(jenv, $input, (jlong *)$1, JNI_ABORT);
}

/* ---- no finalizers ------------------------------------------------------------- */

%typemap(javafinalize) SWIGTYPE ""

/* The helper lists are made and freed by their own functions. */
%nodefaultctor dgsw_results;
%nodefaultdtor dgsw_results;
%nodefaultctor dgsw_fens;
%nodefaultdtor dgsw_fens;

/* The header's #define constants are compile-time constants in Java, not JNI calls. */
%javaconst(1);

/* ---- nothing generated is public --------------------------------------------- */

%pragma(java) moduleclassmodifiers="final class"
%pragma(java) jniclassclassmodifiers="final class"
%typemap(javaclassmodifiers) SWIGTYPE, SWIGTYPE *, SWIGTYPE &, SWIGTYPE &&, SWIGTYPE [] "final class"
/* The header's #define constants would make a public constants interface;
 * the hand-written enums and DgsException carry them instead. */
%rename("$ignore", %$isconstant) "";

/* The library is loaded (and its version checked) before any native call. */
%pragma(java) jniclasscode=%{
  static {
    org.dgsubsidy.internal.NativeLibrary.load();
  }
%}

%include "dgsubsidy.i"

/* ---- arrays -------------------------------------------------------------------- */

%{
/* Columns are copied out of the Java arrays, evaluated, and the outputs copied back: only rows
 * begin..end-1 are copied each way, so that threads may run disjoint ranges of one batch over
 * the same Java arrays (dgs_evaluate_batch_detail() numbers rows from the start of the
 * columns, so messages name the row of the whole batch). */
static int dgsj_batch(JNIEnv *jenv, const dgs_measure *m, const char *date, jobjectArray names,
                      jobjectArray columns, jobjectArray present, jint rows, jint begin, jint end,
                      jlongArray awards, jintArray outcomes, jintArray bindings, jintArray reasons,
                      dgs_error *err)
{
    jsize cols = names ? (*jenv)->GetArrayLength(jenv, names) : 0;
    const char **cnames = NULL;
    int64_t **ccols = NULL;
    uint8_t **cpres = NULL;
    int64_t *cawards = NULL;
    int32_t *coutcomes = NULL;
    int32_t *cbindings = NULL, *creasons = NULL;
    int rc = DGS_E_NOMEM;
    jsize k;

    memset(err, 0, sizeof *err);
    if (begin < 0 || end < begin || end > rows) {
        err->code = DGS_E_INVALID_ARGUMENT;
        strcpy(err->message, "batch: the range of rows must lie within the rows");
        return err->code;
    }
    if (rows < 0 || !columns || (*jenv)->GetArrayLength(jenv, columns) != cols ||
        (present && (*jenv)->GetArrayLength(jenv, present) != cols) || !awards || !outcomes ||
        (*jenv)->GetArrayLength(jenv, awards) < rows || (*jenv)->GetArrayLength(jenv, outcomes) < rows ||
        !bindings != !reasons || (bindings && ((*jenv)->GetArrayLength(jenv, bindings) < rows ||
                                               (*jenv)->GetArrayLength(jenv, reasons) < rows))) {
        err->code = DGS_E_INVALID_ARGUMENT;
        strcpy(err->message, "batch: columns, awards and outcomes must hold `rows` values");
        return err->code;
    }
    cnames = (const char **)calloc(cols ? cols : 1, sizeof *cnames);
    ccols = (int64_t **)calloc(cols ? cols : 1, sizeof *ccols);
    cpres = (uint8_t **)calloc(cols ? cols : 1, sizeof *cpres);
    /* Buffers of `end` items: rows 0..end-1, of which only begin..end-1 are read or written. */
    cawards = (int64_t *)malloc((end ? end : 1) * sizeof *cawards);
    coutcomes = (int32_t *)malloc((end ? end : 1) * sizeof *coutcomes);
    if (bindings) {
        cbindings = (int32_t *)malloc((end ? end : 1) * sizeof *cbindings);
        creasons = (int32_t *)malloc((end ? end : 1) * sizeof *creasons);
    }
    if (!cnames || !ccols || !cpres || !cawards || !coutcomes || (bindings && (!cbindings || !creasons)))
        goto nomem;
    for (k = 0; k < cols; k++) {
        jbyteArray name = (jbyteArray)(*jenv)->GetObjectArrayElement(jenv, names, k);
        jlongArray col = (jlongArray)(*jenv)->GetObjectArrayElement(jenv, columns, k);
        jbooleanArray pres = present ? (jbooleanArray)(*jenv)->GetObjectArrayElement(jenv, present, k) : NULL;
        jsize len;
        if (!name || !col || (*jenv)->GetArrayLength(jenv, col) != rows ||
            (pres && (*jenv)->GetArrayLength(jenv, pres) != rows)) {
            err->code = DGS_E_INVALID_ARGUMENT;
            strcpy(err->message, "batch: every column needs a name and `rows` values");
            rc = err->code;
            goto done;
        }
        len = (*jenv)->GetArrayLength(jenv, name);
        if (!(cnames[k] = (const char *)calloc((size_t)len + 1, 1)) ||
            !(ccols[k] = (int64_t *)malloc((end ? end : 1) * sizeof(int64_t))) ||
            (pres && !(cpres[k] = (uint8_t *)malloc(end ? end : 1))))
            goto nomem;
        (*jenv)->GetByteArrayRegion(jenv, name, 0, len, (jbyte *)cnames[k]);
        (*jenv)->GetLongArrayRegion(jenv, col, begin, end - begin, (jlong *)ccols[k] + begin);
        if (pres)
            (*jenv)->GetBooleanArrayRegion(jenv, pres, begin, end - begin, (jboolean *)cpres[k] + begin);
        (*jenv)->DeleteLocalRef(jenv, name);
        (*jenv)->DeleteLocalRef(jenv, col);
        if (pres)
            (*jenv)->DeleteLocalRef(jenv, pres);
    }
    /* The columns hold `end` rows as far as the library reads them. */
    rc = dgs_evaluate_batch_detail(m, date, (size_t)end, (size_t)cols, cnames, (const int64_t *const *)ccols,
                                   present ? (const uint8_t *const *)cpres : NULL, (size_t)begin, (size_t)end, cawards,
                                   coutcomes, cbindings, creasons, err);
    /* Rows are written whatever the code, unless the call failed before any row. */
    if (rc == DGS_OK || rc == DGS_E_MISSING_INPUT || rc == DGS_E_NEGATIVE || rc == DGS_E_CHOICE ||
        rc == DGS_E_RANGE || rc == DGS_E_OVERFLOW) {
        (*jenv)->SetLongArrayRegion(jenv, awards, begin, end - begin, (const jlong *)cawards + begin);
        (*jenv)->SetIntArrayRegion(jenv, outcomes, begin, end - begin, (const jint *)coutcomes + begin);
        if (bindings) {
            (*jenv)->SetIntArrayRegion(jenv, bindings, begin, end - begin, (const jint *)cbindings + begin);
            (*jenv)->SetIntArrayRegion(jenv, reasons, begin, end - begin, (const jint *)creasons + begin);
        }
    }
    goto done;
nomem:
    err->code = rc = DGS_E_NOMEM;
    strcpy(err->message, "out of memory");
done:
    for (k = 0; k < cols && cnames && ccols && cpres; k++) {
        free((void *)cnames[k]);
        free(ccols[k]);
        free(cpres[k]);
    }
    free((void *)cnames);
    free(ccols);
    free(cpres);
    free(cawards);
    free(coutcomes);
    free(cbindings);
    free(creasons);
    return rc;
}
%}

%typemap(in, numinputs=0) JNIEnv *jenv_ "$1 = jenv;"

%inline %{
/**
 * dgs_evaluate_batch over Java arrays: `names` holds NUL-terminated UTF-8
 * names (byte[]), `columns` long[] of `rows` values, `present` null or
 * boolean[] (null per column = all present).  Evaluates rows begin..end-1 only
 * (0 and rows for all; threads may run disjoint ranges over the same arrays).
 * Fills those rows of awards and outcomes (and,
 * unless both are null, each row's binding code and reason code: see
 * dgs_evaluate_batch_detail()) and returns the C code; `status` (byte[] of 256) receives the message and
 * `where` (long[2]) the row of the first error and the reason.  Never throws
 * for the C library's errors: the caller decides.
 */
static int dgsj_evaluate_batch(JNIEnv *jenv_, const dgs_measure *m, const char *date,
                               jobjectArray names, jobjectArray columns, jobjectArray present,
                               jint rows, jint begin, jint end, jlongArray awards, jintArray outcomes,
                               jintArray bindings, jintArray reasons,
                               jbyteArray status, jlongArray where)
{
    dgs_error e;
    jlong w[2];
    int rc = dgsj_batch(jenv_, m, date, names, columns, present, rows, begin, end, awards, outcomes, bindings,
                        reasons, &e);
    if ((*jenv_)->ExceptionCheck(jenv_))
        return rc;
    if (rc != DGS_OK) {
        jsize n = (jsize)strnlen(e.message, sizeof e.message);
        if (status && (*jenv_)->GetArrayLength(jenv_, status) >= n + 1) {
            e.message[n] = '\0';
            (*jenv_)->SetByteArrayRegion(jenv_, status, 0, n + 1, (const jbyte *)e.message);
        }
        w[0] = (jlong)e.row;
        w[1] = (jlong)e.reason;
        if (where && (*jenv_)->GetArrayLength(jenv_, where) >= 2)
            (*jenv_)->SetLongArrayRegion(jenv_, where, 0, 2, w);
    }
    return rc;
}

/**
 * dgs_allocate over Java arrays: the shares of `claims` (fen) in a budget
 * (fen), written into `shares` (same length).  Raises on error.
 */
static void dgsj_allocate(JNIEnv *jenv_, dgs_fen_t budget, jlongArray claims, int method,
                          jlongArray shares, dgs_error *err)
{
    jsize n;
    int64_t *c = NULL, *s = NULL;
    if (!claims || !shares ||
        (n = (*jenv_)->GetArrayLength(jenv_, claims)) != (*jenv_)->GetArrayLength(jenv_, shares)) {
        err->code = DGS_E_INVALID_ARGUMENT;
        strcpy(err->message, "allocate: claims and shares must have the same length");
        return;
    }
    c = (int64_t *)malloc((n ? n : 1) * sizeof *c);
    s = (int64_t *)malloc((n ? n : 1) * sizeof *s);
    if (!c || !s) {
        free(c);
        free(s);
        err->code = DGS_E_NOMEM;
        strcpy(err->message, "out of memory");
        return;
    }
    (*jenv_)->GetLongArrayRegion(jenv_, claims, 0, n, (jlong *)c);
    if (dgs_allocate(budget, c, (size_t)n, method, s, err) == DGS_OK)
        (*jenv_)->SetLongArrayRegion(jenv_, shares, 0, n, (const jlong *)s);
    free(c);
    free(s);
}
%}

/* ---- string keys --------------------------------------------------------------
 * The address of a string a result borrows: a step's label, source and
 * reference, a parameter's name and reference.  Each is static text or owned
 * by the result's ruleset, so one address is always one text while the
 * ruleset lives: org.dgsubsidy.Ruleset decodes each text once and finds it
 * again by its address, instead of copying the same labels out of C for
 * every result.  The address is never dereferenced on the Java side. */
%inline %{
static int64_t dgsw_step_label_key(const dgs_result *r, size_t i, int lang)
{
    return (int64_t)(intptr_t)dgs_result_step_label(r, i, lang);
}
static int64_t dgsw_step_source_key(const dgs_result *r, size_t i)
{
    return (int64_t)(intptr_t)dgs_result_step_source(r, i);
}
static int64_t dgsw_step_reference_key(const dgs_result *r, size_t i)
{
    return (int64_t)(intptr_t)dgs_result_step_reference(r, i);
}
static int64_t dgsw_parameter_name_key(const dgs_result *r, size_t i)
{
    return (int64_t)(intptr_t)dgs_result_parameter_name(r, i);
}
static int64_t dgsw_parameter_reference_key(const dgs_result *r, size_t i)
{
    return (int64_t)(intptr_t)dgs_result_parameter_reference(r, i);
}
%}
