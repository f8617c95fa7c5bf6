/* SPDX-License-Identifier: MulanPSL-2.0 */
/*
 * Runs a cross-built JNI library on its own platform (under qemu-user for
 * linux-aarch64, under wine for windows-x86_64), where no JVM of that
 * platform is at hand: it loads the library as the JVM would (dlopen /
 * LoadLibrary), calls JNI_OnLoad and the JNI functions of one evaluation
 * through a minimal JNIEnv that implements the few functions they use, and
 * checks the answers.  Any other JNI function called ends the run with an
 * error.
 *
 *   jni_smoke LIBRARY VERSION
 *
 * What it checks, on the target:
 *   - the library loads (no missing DLL or shared library) and JNI_OnLoad
 *     asks for JNI 1.8;
 *   - the version the loader reads is VERSION;
 *   - A1.04.a (50 % of the contract amount): 1,001 fen pays 500 fen (500.5,
 *     not a whole fen, is rounded down), and 8,589,934,593 fen (2^33 + 1) pays
 *     4,294,967,296 fen (2^32): a jlong or int64_t that went through a 32-bit
 *     integer anywhere (Windows' `long` is 32 bits) would pay 0 or fail;
 *   - an unknown input raises the Java exception of DGS_E_UNKNOWN_INPUT
 *     through NativeErrors.create(code, reason, row, message).
 */
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jni.h>

#include "dgsubsidy/dgsubsidy.h"

#ifdef _WIN32
#include <windows.h>
static void *open_library(const char *path) { return (void *)LoadLibraryA(path); }
static void *symbol(void *lib, const char *name) { return (void *)GetProcAddress((HMODULE)lib, name); }
#else
#include <dlfcn.h>
static void *open_library(const char *path) { return dlopen(path, RTLD_NOW | RTLD_LOCAL); }
static void *symbol(void *lib, const char *name) { return dlsym(lib, name); }
#endif

static int failures;

#define CHECK(cond, ...)                                                                   \
    do {                                                                                   \
        if (!(cond)) {                                                                     \
            fprintf(stderr, "jni_smoke: FAILED: " __VA_ARGS__);                            \
            fputc('\n', stderr);                                                           \
            failures++;                                                                    \
        }                                                                                  \
    } while (0)

/* ---- a byte[] and the JNIEnv functions the wrapper uses -------------------- */

struct array {
    jsize length;
    jbyte data[];
};

static struct JNINativeInterface_ functions;
static const struct JNINativeInterface_ *env_pointer = &functions;
static JNIEnv *env = &env_pointer;

static int pending_code;      /* the code NativeErrors.create was called with; 0: none */
static jlong pending_row;
static char pending_message[512];
static int thrown;
static const int the_class = 1, the_method = 2, the_exception = 3;

static struct array *array_new(jsize n)
{
    struct array *a = calloc(1, sizeof *a + (size_t)n + 1);
    if (!a) {
        fprintf(stderr, "jni_smoke: out of memory\n");
        exit(2);
    }
    a->length = n;
    return a;
}

/* A Java byte[] holding s and its NUL, as org.dgsubsidy.internal.Utf8 passes names. */
static jbyteArray bytes(const char *s)
{
    size_t n = strlen(s) + 1;
    struct array *a = array_new((jsize)n);
    memcpy(a->data, s, n);
    return (jbyteArray)(void *)a;
}

static jbyteArray JNICALL new_byte_array(JNIEnv *e, jsize n)
{
    (void)e;
    return (jbyteArray)(void *)array_new(n);
}

static void JNICALL set_byte_array_region(JNIEnv *e, jbyteArray a, jsize start, jsize n, const jbyte *buf)
{
    struct array *arr = (struct array *)(void *)a;
    (void)e;
    if (start < 0 || n < 0 || start + n > arr->length) {
        fprintf(stderr, "jni_smoke: SetByteArrayRegion out of bounds\n");
        exit(2);
    }
    memcpy(arr->data + start, buf, (size_t)n);
}

static jbyte *JNICALL get_byte_array_elements(JNIEnv *e, jbyteArray a, jboolean *is_copy)
{
    (void)e;
    if (is_copy)
        *is_copy = JNI_FALSE;
    return ((struct array *)(void *)a)->data;
}

static void JNICALL release_byte_array_elements(JNIEnv *e, jbyteArray a, jbyte *elems, jint mode)
{
    (void)e, (void)a, (void)elems, (void)mode;
}

static jsize JNICALL get_array_length(JNIEnv *e, jarray a)
{
    (void)e;
    return ((struct array *)(void *)a)->length;
}

static jboolean JNICALL exception_check(JNIEnv *e)
{
    (void)e;
    return thrown ? JNI_TRUE : JNI_FALSE;
}

static jclass JNICALL find_class(JNIEnv *e, const char *name)
{
    (void)e;
    CHECK(strcmp(name, "org/dgsubsidy/internal/NativeErrors") == 0, "FindClass(%s)", name);
    return (jclass)(void *)&the_class;
}

static jmethodID JNICALL get_static_method_id(JNIEnv *e, jclass c, const char *name, const char *sig)
{
    (void)e, (void)c;
    CHECK(strcmp(name, "create") == 0 && strcmp(sig, "(IIJ[B)Ljava/lang/RuntimeException;") == 0,
          "GetStaticMethodID(%s, %s)", name, sig);
    return (jmethodID)(void *)&the_method;
}

/* NativeErrors.create(int code, int reason, long row, byte[] message) */
static jobject JNICALL call_static_object_method(JNIEnv *e, jclass c, jmethodID m, ...)
{
    va_list ap;
    struct array *message;
    (void)e, (void)c, (void)m;
    va_start(ap, m);
    pending_code = (int)va_arg(ap, jint);
    (void)va_arg(ap, jint);
    pending_row = va_arg(ap, jlong);
    message = (struct array *)(void *)va_arg(ap, jbyteArray);
    va_end(ap);
    snprintf(pending_message, sizeof pending_message, "%.*s", (int)message->length, (const char *)message->data);
    return (jobject)(void *)&the_exception;
}

static jint JNICALL throw_(JNIEnv *e, jthrowable t)
{
    (void)e;
    CHECK(t == (jthrowable)(void *)&the_exception, "Throw of an object NativeErrors.create did not make");
    thrown = 1;
    return 0;
}

static void JNICALL delete_local_ref(JNIEnv *e, jobject o)
{
    (void)e, (void)o;
}

static jint JNICALL get_env(JavaVM *vm, void **penv, jint version)
{
    (void)vm;
    *penv = (void *)env;
    return version >= JNI_VERSION_1_1 && version <= JNI_VERSION_1_8 ? JNI_OK : JNI_EVERSION;
}

/* Every other JNIEnv function: say so and stop. */
static void unexpected(void)
{
    fprintf(stderr, "jni_smoke: FAILED: the library called a JNIEnv function this harness does not provide\n");
    exit(2);
}

static void install_env(void)
{
    void (**slots)(void) = (void (**)(void))(void *)&functions;
    size_t i;
    for (i = 0; i < sizeof functions / sizeof(void *); i++)
        slots[i] = unexpected;
    functions.reserved0 = functions.reserved1 = functions.reserved2 = functions.reserved3 = NULL;
    functions.NewByteArray = new_byte_array;
    functions.SetByteArrayRegion = set_byte_array_region;
    functions.GetByteArrayElements = get_byte_array_elements;
    functions.ReleaseByteArrayElements = release_byte_array_elements;
    functions.GetArrayLength = get_array_length;
    functions.ExceptionCheck = exception_check;
    functions.FindClass = find_class;
    functions.GetStaticMethodID = get_static_method_id;
    functions.CallStaticObjectMethod = call_static_object_method;
    functions.Throw = throw_;
    functions.DeleteLocalRef = delete_local_ref;
}

/* ---- the library's entry points ------------------------------------------------- */

typedef jint(JNICALL *on_load_fn)(JavaVM *, void *);
typedef jbyteArray(JNICALL *version_fn)(JNIEnv *, jclass);
typedef jlong(JNICALL *handle_fn)(JNIEnv *, jclass);
typedef jlong(JNICALL *handle_of_fn)(JNIEnv *, jclass, jlong);
typedef jlong(JNICALL *find_fn)(JNIEnv *, jclass, jlong, jbyteArray);
typedef jint(JNICALL *set_text_fn)(JNIEnv *, jclass, jlong, jbyteArray);
typedef jint(JNICALL *set_money_fn)(JNIEnv *, jclass, jlong, jbyteArray, jlong);
typedef void(JNICALL *free_fn)(JNIEnv *, jclass, jlong);

static void *lib;

static void *need(const char *name)
{
    void *p = symbol(lib, name);
    if (!p) {
        fprintf(stderr, "jni_smoke: FAILED: the library does not export %s\n", name);
        exit(1);
    }
    return p;
}

#define JNI(name) "Java_org_dgsubsidy_DgsNativeJNI_" name

int main(int argc, char **argv)
{
    on_load_fn on_load;
    version_fn version;
    handle_fn ruleset_builtin;
    find_fn ruleset_find;
    handle_of_fn case_new, evaluate, result_award;
    set_text_fn set_date;
    set_money_fn set_money;
    free_fn result_free, case_free, ruleset_free;
    struct JNIInvokeInterface_ vm_functions;
    const struct JNIInvokeInterface_ *vm_pointer = &vm_functions;
    JavaVM *vm = &vm_pointer;
    jlong rs, m, c, r;
    struct array *v;
    static const struct { jlong contract, award; } cases[] = {
        {1001, 500},
        {INT64_C(8589934593), INT64_C(4294967296)},
    };
    size_t i;

    if (argc != 3) {
        fprintf(stderr, "usage: jni_smoke LIBRARY VERSION\n");
        return 2;
    }
    lib = open_library(argv[1]);
    if (!lib) {
        fprintf(stderr, "jni_smoke: FAILED: cannot load %s\n", argv[1]);
        return 1;
    }
    install_env();
    memset(&vm_functions, 0, sizeof vm_functions);
    vm_functions.GetEnv = get_env;

    on_load = (on_load_fn)need("JNI_OnLoad");
    CHECK(on_load(vm, NULL) == JNI_VERSION_1_8, "JNI_OnLoad does not ask for JNI 1.8");

    version = (version_fn)need("Java_org_dgsubsidy_internal_NativeLibrary_nativeVersion");
    v = (struct array *)(void *)version(env, NULL);
    CHECK(v && (size_t)v->length == strlen(argv[2]) && memcmp(v->data, argv[2], strlen(argv[2])) == 0,
          "nativeVersion is not %s", argv[2]);

    ruleset_builtin = (handle_fn)need(JNI("dgs_1ruleset_1builtin"));
    ruleset_find = (find_fn)need(JNI("dgs_1ruleset_1find"));
    case_new = (handle_of_fn)need(JNI("dgs_1case_1new"));
    set_date = (set_text_fn)need(JNI("dgs_1case_1set_1date"));
    set_money = (set_money_fn)need(JNI("dgs_1case_1set_1money"));
    evaluate = (handle_of_fn)need(JNI("dgs_1evaluate"));
    result_award = (handle_of_fn)need(JNI("dgs_1result_1award"));
    result_free = (free_fn)need(JNI("dgs_1result_1free"));
    case_free = (free_fn)need(JNI("dgs_1case_1free"));
    ruleset_free = (free_fn)need(JNI("dgs_1ruleset_1free"));

    rs = ruleset_builtin(env, NULL);
    CHECK(rs != 0 && !thrown, "dgs_ruleset_builtin");
    m = ruleset_find(env, NULL, rs, bytes("A1.04.a"));
    CHECK(m != 0, "A1.04.a not found");
    if (failures)
        return 1;
    for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        c = case_new(env, NULL, m);
        CHECK(c != 0 && !thrown, "dgs_case_new");
        if (!c)
            return 1;
        set_date(env, NULL, c, bytes("2025-03-01"));
        set_money(env, NULL, c, bytes("contract_amount"), cases[i].contract);
        CHECK(!thrown, "setting contract_amount = %lld fen: error %d %s", (long long)cases[i].contract,
              pending_code, pending_message);
        r = evaluate(env, NULL, c);
        CHECK(r != 0 && !thrown, "evaluating contract_amount = %lld fen: error %d %s", (long long)cases[i].contract,
              pending_code, pending_message);
        if (r) {
            jlong award = result_award(env, NULL, r);
            CHECK(award == cases[i].award, "contract %lld fen: award %lld fen, not %lld",
                  (long long)cases[i].contract, (long long)award, (long long)cases[i].award);
            result_free(env, NULL, r);
        }
        thrown = 0;
        case_free(env, NULL, c);
    }

    /* An unknown input: the Java exception of DGS_E_UNKNOWN_INPUT, naming the input. */
    c = case_new(env, NULL, m);
    CHECK(set_money(env, NULL, c, bytes("no_such_input"), 1) != DGS_OK, "an unknown input is accepted");
    CHECK(thrown && pending_code == DGS_E_UNKNOWN_INPUT, "an unknown input raises code %d, not %d", pending_code,
          DGS_E_UNKNOWN_INPUT);
    CHECK(strstr(pending_message, "no_such_input") != NULL, "the message does not name the input: %s",
          pending_message);
    thrown = 0;
    case_free(env, NULL, c);
    ruleset_free(env, NULL, rs);

    if (failures)
        return 1;
    printf("jni_smoke: %s: loaded, JNI_OnLoad, version %s, A1.04.a awards (2^32 fen too), an error raised: ok\n",
           argv[1], argv[2]);
    return 0;
}
