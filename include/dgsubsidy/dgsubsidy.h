/* SPDX-License-Identifier: MulanPSL-2.0 */
/*
 * libdgsubsidy — the subsidies of Dongguan's 东府〔2024〕1号, computed exactly.
 *
 * This header is the reference manual of the C API.  Read it top to bottom
 * once; after that each function's comment block says what it takes, what it
 * returns, who owns what, whether it may be called from several threads, and
 * which errors it reports.
 *
 * ---------------------------------------------------------------------------
 * CONCEPTS
 *
 *   ruleset  (dgs_ruleset)  the catalogue of the policy's 202 measures and the
 *            value of every number the policy sets (ratios, caps, thresholds,
 *            tier amounts) and every disputed reading (switches).  The built-in
 *            ruleset is the policy as printed; a guideline (申报指南) derives a
 *            new ruleset whose values change from a date on.  A ruleset is
 *            immutable: share one between any number of threads.
 *   measure  (dgs_measure)  one award clause, e.g. "A1.07.a".  Borrowed from
 *            its ruleset; valid until the ruleset is freed.
 *   case     (dgs_case)     one applicant's inputs for one measure and the
 *            date of the qualifying event.  Owned by one thread at a time.
 *   result   (dgs_result)   the award, the outcome, the binding constraint and
 *            a trace of every step with the clause or parameter it came from.
 *
 * MONEY is an int64_t count of fen (分, 0.01 yuan): never a floating point
 * number.  Areas are int64_t hundredths of a square metre.  Ratios are exact.
 * A ratio's product is floored to the fen, then caps apply by minimum.
 * Every addition and multiplication is checked: overflow is an error.
 *
 * ERRORS.  Every fallible function returns DGS_OK (0) or a negative DGS_E_*
 * code, and fills the caller's dgs_error if one is passed (it may be NULL).
 * The library never aborts, exits or prints.  There is no global or
 * thread-local "last error".  An applicant who does not qualify is not an
 * error: it is an outcome of the result (DGS_OUTCOME_INELIGIBLE).
 *
 * THREADS.  Rulesets and measures are immutable and may be used from any
 * number of threads at once.  A case or a result may be read from several
 * threads but changed by one at a time.  The library has no global state.
 *
 * OWNERSHIP.  Every handle returned through an "out" parameter is owned by
 * the caller and released with its *_free function, which accepts NULL.
 * Strings returned as `const char *` are borrowed from the object they came
 * from.  Strings returned through `char **out` are the caller's and are
 * released with dgs_free().  After a failed call every pointer out parameter
 * (`dgs_ruleset **`, `char **`, `const char **`, …) is NULL, whatever the
 * error, NULL arguments included (the `out` pointer itself may be NULL only
 * where a function says so), so freeing it after an error is always safe.
 * ---------------------------------------------------------------------------
 */
#ifndef DGSUBSIDY_H
#define DGSUBSIDY_H

#include <stddef.h>
#include <stdint.h>

#include "dgsubsidy/version.h"

/*
 * DGS_API marks the library's functions.  On Windows it imports them from
 * dgsubsidy.dll, or, when the library is built, exports them; a program that
 * links the static library defines DGS_STATIC (the CMake target
 * dgsubsidy::dgsubsidy_static does so).  Elsewhere it gives them default
 * visibility, the rest of the library being hidden.
 */
#ifndef DGS_API
#  if defined(_WIN32) || defined(__CYGWIN__)
#    if defined(DGS_BUILDING_LIBRARY)
#      define DGS_API __declspec(dllexport)
#    elif defined(DGS_STATIC)
#      define DGS_API
#    else
#      define DGS_API __declspec(dllimport)
#    endif
#  elif defined(__GNUC__) || defined(__clang__)
#    define DGS_API __attribute__((visibility("default")))
#  else
#    define DGS_API
#  endif
#endif

#ifdef __cplusplus
extern "C" {
#endif

/* ===================================================================== */
/* Basic types                                                            */
/* ===================================================================== */

/** Money: a count of fen (0.01 yuan). */
typedef int64_t dgs_fen_t;

typedef struct dgs_ruleset dgs_ruleset;
typedef struct dgs_measure dgs_measure;
typedef struct dgs_case dgs_case;
typedef struct dgs_result dgs_result;
typedef struct dgs_stack dgs_stack;

/*
 * Status codes.  Append-only: a code once published keeps its number.
 */
#define DGS_OK                     0
#define DGS_E_INVALID_ARGUMENT    -1  /**< a NULL pointer or an argument out of its domain */
#define DGS_E_NOMEM               -2  /**< memory could not be allocated */
#define DGS_E_UNKNOWN_MEASURE     -3  /**< no measure has that id */
#define DGS_E_UNKNOWN_INPUT       -4  /**< the measure has no input of that name */
#define DGS_E_UNKNOWN_PARAMETER   -5  /**< the measure (or ruleset) has no parameter of that name */
#define DGS_E_TYPE                -6  /**< a value of the wrong type for the input or parameter */
#define DGS_E_MISSING_INPUT       -7  /**< a required input (or the date) was not set */
#define DGS_E_NEGATIVE            -8  /**< negative money, area or count */
#define DGS_E_OVERFLOW            -9  /**< a value or an intermediate result exceeds int64 fen */
#define DGS_E_DATE               -10  /**< a malformed or impossible date */
#define DGS_E_CHOICE             -11  /**< a choice that is not one of the input's choices */
#define DGS_E_RANGE              -12  /**< a value outside its allowed range (e.g. a ratio above 100%) */
#define DGS_E_VALUE              -13  /**< a malformed number (e.g. more than two decimals of yuan) */
#define DGS_E_GUIDELINE          -14  /**< a malformed guideline (bad JSON, unknown name, overlap, …) */
#define DGS_E_IO                 -15  /**< a file could not be read */
#define DGS_E_NOT_SUPPORTED      -16  /**< the operation does not apply (e.g. a list input in a batch) */

/**
 * The caller-allocated error.  Pass a pointer to one (or NULL) to every
 * fallible function; on failure it holds the code and a message that names
 * the culprit (the measure, input, parameter, file and line).  On success it
 * is left with code DGS_OK and an empty message.
 */
typedef struct dgs_error {
    int code;            /**< DGS_OK or a DGS_E_* code */
    int reason;          /**< for DGS_E_GUIDELINE: the line in the guideline text (1-based), else 0 */
    size_t row;          /**< for batch functions: the first row in error */
    char message[256];   /**< NUL-terminated UTF-8 message */
    uint32_t reserved[4];
} dgs_error;

/** The symbolic name of a status code ("DGS_E_OVERFLOW"), or "DGS_E_UNKNOWN" for any other int
 *  (INT_MIN included). Never NULL. Thread-safe. */
DGS_API const char *dgs_status_name(int code);

/**
 * Releases a string or buffer the library returned through a `char **out`.
 * NULL is fine.  It is the C library's free(): every such string was
 * allocated by libdgsubsidy with malloc(), never by jansson (a host may give
 * jansson its own allocator with json_set_alloc_funcs(); JSON text is copied
 * into the library's own allocation).  Pass nothing else to it.
 */
DGS_API void dgs_free(void *p);

/** The library's version, e.g. "1.0.0". Thread-safe. */
DGS_API const char *dgs_version_string(void);
/** The library's version as MAJOR*10000 + MINOR*100 + PATCH. Thread-safe. */
DGS_API int dgs_version_number(void);

/* Kinds of measure (append-only). */
#define DGS_KIND_FORMULA         1  /**< computed from the applicant's figures */
#define DGS_KIND_FIXED_CAP       2  /**< one ceiling (or one exact amount) */
#define DGS_KIND_TIERED_FIXED    3  /**< a ceiling (or amount) per category */
#define DGS_KIND_PRICE_OR_QUOTA  4  /**< a non-cash number: price floor, quota, waiver, limit */
#define DGS_KIND_UNSPECIFIED     5  /**< an award without a stated amount: a guideline supplies it */
#define DGS_KIND_QUALITATIVE     6  /**< services and procedures: nothing to compute */
#define DGS_KIND_GOVERNED_ELSEWHERE 7 /**< (1.1) the amount is set by another policy the clause names */

/** "formula", "fixed_cap", …, "governed_elsewhere" for a DGS_KIND_*; NULL for an unknown kind. */
DGS_API const char *dgs_kind_name(int kind);

/* Types of values (inputs, parameters, trace steps). Append-only. */
#define DGS_TYPE_MONEY       1  /**< int64 fen */
#define DGS_TYPE_AREA        2  /**< int64 hundredths of a square metre */
#define DGS_TYPE_COUNT       3  /**< int64 whole units (days, months, persons, years, places) */
#define DGS_TYPE_FLAG        4  /**< 0 or 1 */
#define DGS_TYPE_CHOICE      5  /**< an index into the input's choices (0-based) */
#define DGS_TYPE_MONEY_LIST  6  /**< a list of fen amounts */
#define DGS_TYPE_RATIO       7  /**< an exact ratio num/den (parameters and steps only) */
#define DGS_TYPE_SWITCH      8  /**< a reading: index into the parameter's choices (parameters only) */
#define DGS_TYPE_DATE        9  /**< days since 1970-01-01 (parameters only) */

/** "money", "area", "count", "flag", "choice", "money_list", "ratio", "switch", "date"; NULL if unknown. */
DGS_API const char *dgs_type_name(int type);

/* Outcomes of an evaluation. Append-only. */
#define DGS_OUTCOME_GRANTED         0  /**< an award (possibly 0 when a period cap is used up) */
#define DGS_OUTCOME_INELIGIBLE      1  /**< a condition of the clause fails; the result says which */
#define DGS_OUTCOME_NOT_IN_FORCE    2  /**< the case's date lies outside the validity window */
#define DGS_OUTCOME_UNSPECIFIED     3  /**< the policy promises an award without its numbers */
#define DGS_OUTCOME_NOT_COMPUTABLE  4  /**< a qualitative measure: nothing to compute */
#define DGS_OUTCOME_UP_TO           5  /**< (1.1) a ceiling (最高/不超过 X) with no assessed amount:
                                            the award holds the ceiling, which is never a payment */
#define DGS_OUTCOME_GOVERNED_ELSEWHERE 6 /**< (1.1) another policy, named in the reason, sets the amount */
#define DGS_OUTCOME_INVALID        -1  /**< batch only: the row's inputs are invalid */

/** "granted", "ineligible", "not_in_force", "unspecified", "not_computable", "up_to",
 *  "governed_elsewhere", "invalid", (1.1) "not_claimed" (DGS_OUTCOME_NOT_CLAIMED); NULL if unknown. */
DGS_API const char *dgs_outcome_name(int outcome);

/* Languages and formats of rendered text. */
#define DGS_LANG_ZH 0
#define DGS_LANG_EN 1
#define DGS_FORMAT_TEXT 0
#define DGS_FORMAT_JSON 1

/* ===================================================================== */
/* Rulesets                                                               */
/* ===================================================================== */

/**
 * Builds the ruleset of 东府〔2024〕1号 as printed: all 202 measures, every
 * number at its printed value, every reading at its recommended default, the
 * validity window 2024-01-16 … 2027-01-15.
 *
 * @param out  receives the new ruleset; free it with dgs_ruleset_free().
 * @return DGS_OK, DGS_E_INVALID_ARGUMENT (out is NULL) or DGS_E_NOMEM.
 * Thread-safe.
 */
DGS_API int dgs_ruleset_builtin(dgs_ruleset **out, dgs_error *err);

/** Frees a ruleset and every measure borrowed from it. NULL is fine. Not while another thread uses it. */
DGS_API void dgs_ruleset_free(dgs_ruleset *rs);

/**
 * Derives a new ruleset from `base` by applying a guideline (申报指南) given as
 * JSON text.  The format is described in docs/guidelines.md: parameter
 * changes effective from a date (optionally until a date) each with a
 * `reference`, readings (switches), numbers for unspecified measures, and the
 * validity window.  The base is never modified.
 *
 * @param base    the ruleset to derive from (borrowed).
 * @param json    UTF-8 JSON text, `len` bytes (need not be NUL-terminated).
 * @param source  a name for messages (a file name), or NULL for "<guideline>".
 * A value above the maximum the clause itself states (最高 X, 不超过 X%) is
 * refused unless its change says "exceeds_text": true and gives a reference;
 * results that use such a value show the clause beside the guideline's article
 * and are flagged in JSON ("exceeds_text").  A leading UTF-8 BOM is skipped;
 * values are read whole, whatever their length.
 *
 * @param out     receives the derived ruleset; free with dgs_ruleset_free().
 *                NULL after every error.
 * @return DGS_OK; DGS_E_INVALID_ARGUMENT (base or out NULL, or json NULL with
 *         len > 0); DGS_E_GUIDELINE with err->reason = line and a message
 *         naming the source, line, measure and parameter (every problem of the
 *         text, its values included); DGS_E_NOMEM.
 * Thread-safe (base may be shared).
 */
DGS_API int dgs_ruleset_apply_guideline(const dgs_ruleset *base, const char *json, size_t len,
                                        const char *source, dgs_ruleset **out, dgs_error *err);

/** The largest guideline file dgs_ruleset_apply_guideline_file() reads: 64 MiB. (1.1) */
#define DGS_GUIDELINE_MAX_BYTES 67108864 /* 64 MiB; a plain decimal, so the bindings read it as a constant */

/**
 * As dgs_ruleset_apply_guideline() for the file at `path`.  Only a regular
 * file is read: the file is opened without blocking and examined before any
 * byte is read, so a FIFO, a device (/dev/zero), a socket or a directory is
 * refused at once, never read forever or waited on.  A leading UTF-8 byte
 * order mark is skipped (also by dgs_ruleset_apply_guideline()).
 *
 * @return DGS_OK; DGS_E_INVALID_ARGUMENT (a NULL argument); DGS_E_IO (the
 *         file cannot be opened or read, or is not a regular file);
 *         DGS_E_GUIDELINE (larger than DGS_GUIDELINE_MAX_BYTES, or as
 *         dgs_ruleset_apply_guideline()); DGS_E_NOMEM.  `*out` is NULL on
 *         every error.  Thread-safe (base may be shared).
 */
DGS_API int dgs_ruleset_apply_guideline_file(const dgs_ruleset *base, const char *path,
                                             dgs_ruleset **out, dgs_error *err);

/**
 * Derives a new ruleset in which one parameter (or reading) takes `value`
 * from `from` to `until` (inclusive ISO dates; NULL = unbounded).
 *
 * @param measure_id  the measure, or NULL for a ruleset-wide parameter
 *                    (validity_start, validity_end, stacking_scope, nqi_station_group).
 * @param value       text as in guidelines: money "1500000.00" (yuan), ratio "5%",
 *                    "0.05" or "1:0.5", area "18", count "3", reading by name, date ISO.
 * @param reference   what authorises the change (shown in traces), or NULL.
 * A value above the maximum the clause itself states is accepted here (the
 * path for what-if calculations) but marked as a guideline's would be: every
 * result that uses it shows the clause beside it and "exceeds_text" in JSON.
 * @return DGS_OK; DGS_E_INVALID_ARGUMENT (base, parameter, value or out NULL);
 *         DGS_E_UNKNOWN_MEASURE; DGS_E_UNKNOWN_PARAMETER; DGS_E_VALUE (malformed
 *         number); DGS_E_RANGE (a ratio above 100% where the text says 不超过, or
 *         0 where a formula divides by it); DGS_E_NEGATIVE; DGS_E_OVERFLOW;
 *         DGS_E_CHOICE (unknown reading); DGS_E_DATE (value, from or until);
 *         DGS_E_NOMEM.  `*out` is NULL after every error.
 * Thread-safe (base may be shared).
 */
DGS_API int dgs_ruleset_set_parameter(const dgs_ruleset *base, const char *measure_id,
                                      const char *parameter, const char *value,
                                      const char *from, const char *until, const char *reference,
                                      dgs_ruleset **out, dgs_error *err);

/** A 16-hex-digit fingerprint of every value of the ruleset; borrowed. Thread-safe. */
DGS_API const char *dgs_ruleset_fingerprint(const dgs_ruleset *rs);

/** Number of measures (202 for the built-in ruleset); 0 if rs is NULL. */
DGS_API size_t dgs_ruleset_measure_count(const dgs_ruleset *rs);

/** The i-th measure in document order, or NULL if i is out of range. Borrowed from rs. */
DGS_API const dgs_measure *dgs_ruleset_measure_at(const dgs_ruleset *rs, size_t i);

/** The measure with this id ("A1.07.a"), or NULL if none. Borrowed from rs. Thread-safe. */
DGS_API const dgs_measure *dgs_ruleset_find(const dgs_ruleset *rs, const char *id);

/** As dgs_ruleset_find(), reporting DGS_E_UNKNOWN_MEASURE (message names the id) when none, and
 *  DGS_E_INVALID_ARGUMENT when rs, id or out is NULL; `*out` is NULL after either. */
DGS_API int dgs_ruleset_lookup(const dgs_ruleset *rs, const char *id, const dgs_measure **out,
                               dgs_error *err);

/**
 * Ruleset-wide parameters: validity_start, validity_end, stacking_scope,
 * nqi_station_group, upgrade_payment, rounding (docs/interpretation.md).
 * dgs_ruleset_parameter_count() gives their number (0 if rs is NULL) and
 * dgs_ruleset_parameter_name() the i-th name (NULL if out of range).
 * Borrowed; thread-safe.
 */
DGS_API size_t dgs_ruleset_parameter_count(const dgs_ruleset *rs);
DGS_API const char *dgs_ruleset_parameter_name(const dgs_ruleset *rs, size_t i);
/**
 * The value of ruleset-wide parameter i in force at `date` (ISO; NULL = as
 * printed) as text, into `*out` (the caller's; dgs_free()).
 * @return DGS_OK, DGS_E_INVALID_ARGUMENT (NULL or i out of range), DGS_E_DATE, DGS_E_NOMEM;
 *         `*out` is NULL after every error.
 */
DGS_API int dgs_ruleset_parameter_text(const dgs_ruleset *rs, size_t i, const char *date,
                                       char **out, dgs_error *err);

/* ===================================================================== */
/* Measures                                                               */
/*                                                                        */
/* Every accessor takes a measure borrowed from a ruleset and returns     */
/* strings borrowed from it (valid until the ruleset is freed).  A NULL   */
/* measure or an index out of range gives NULL (strings) or 0 (numbers).  */
/* All are thread-safe.                                                   */
/* ===================================================================== */

/** The measure's public id, e.g. "A1.07.a". */
DGS_API const char *dgs_measure_id(const dgs_measure *m);
/** A DGS_KIND_* value. */
DGS_API int dgs_measure_kind(const dgs_measure *m);
/** Where it stands in the document, e.g. "附件1 （七）提高融资租赁贴息限额". */
DGS_API const char *dgs_measure_location(const dgs_measure *m);
/** The title in DGS_LANG_ZH or DGS_LANG_EN. */
DGS_API const char *dgs_measure_title(const dgs_measure *m, int lang);
/** The verbatim clause text (Chinese). */
DGS_API const char *dgs_measure_clause(const dgs_measure *m);
/** The departments responsible (责任单位), joined by "、"; "" when the text names none. */
DGS_API const char *dgs_measure_departments(const dgs_measure *m);
/** The exclusive group (就高、从优、不重复享受) the measure belongs to, e.g. "G-A1.19", or "". */
DGS_API const char *dgs_measure_group(const dgs_measure *m);
/** 1 when the amounts are exact (给予10万元), 0 when they are ceilings (最高/不超过). */
DGS_API int dgs_measure_fixed_amount(const dgs_measure *m);
/** The unit of the measure's number: "yuan" for money; "places" etc. for quotas. */
DGS_API const char *dgs_measure_unit(const dgs_measure *m);

/** Inputs: the number, then the i-th input's name, type, unit, whether it is required, its description. */
DGS_API size_t dgs_measure_input_count(const dgs_measure *m);
DGS_API const char *dgs_measure_input_name(const dgs_measure *m, size_t i);
/** A DGS_TYPE_* value, or 0 if i is out of range. */
DGS_API int dgs_measure_input_type(const dgs_measure *m, size_t i);
/** The unit in which the input is written in text: "yuan", "m2", "days", … */
DGS_API const char *dgs_measure_input_unit(const dgs_measure *m, size_t i);
/** 1 when evaluation fails with DGS_E_MISSING_INPUT without it. */
DGS_API int dgs_measure_input_required(const dgs_measure *m, size_t i);
DGS_API const char *dgs_measure_input_description(const dgs_measure *m, size_t i, int lang);
/** For choice inputs: the number of choices and the j-th choice's name (its index is j). */
DGS_API size_t dgs_measure_input_choice_count(const dgs_measure *m, size_t i);
DGS_API const char *dgs_measure_input_choice(const dgs_measure *m, size_t i, size_t j);
/** The index of the input called `name`, or -1. */
DGS_API long dgs_measure_input_index(const dgs_measure *m, const char *name);

/** Parameters: every number of the clause and every reading, with its value as printed. */
DGS_API size_t dgs_measure_parameter_count(const dgs_measure *m);
DGS_API const char *dgs_measure_parameter_name(const dgs_measure *m, size_t i);
/** A DGS_TYPE_* value (MONEY, RATIO, AREA, COUNT, SWITCH, DATE). */
DGS_API int dgs_measure_parameter_type(const dgs_measure *m, size_t i);
/** "yuan", "ratio", "m2", "days", "reading", …; and what the parameter is, in `lang`. */
DGS_API const char *dgs_measure_parameter_unit(const dgs_measure *m, size_t i);
DGS_API const char *dgs_measure_parameter_description(const dgs_measure *m, size_t i, int lang);
/** For switches: the readings' names. */
DGS_API size_t dgs_measure_parameter_choice_count(const dgs_measure *m, size_t i);
DGS_API const char *dgs_measure_parameter_choice(const dgs_measure *m, size_t i, size_t j);
/**
 * The parameter's value in force at `date` (ISO; NULL = as printed) as text
 * ("1500000.00", "5%", "higher", "unset"), and the reference that set it.
 * `*out` is the caller's (dgs_free); `reference` (may be NULL) is borrowed.
 * @return DGS_OK; DGS_E_INVALID_ARGUMENT (m or out NULL, or i out of range);
 *         DGS_E_DATE; DGS_E_NOMEM.  `*out` and `*reference` are NULL after every error.
 */
DGS_API int dgs_measure_parameter_text(const dgs_measure *m, size_t i, const char *date,
                                       char **out, const char **reference, dgs_error *err);

/* ---- 1.1: measure conditions -------------------------------------------- */

/*
 * (1.1) Eligibility conditions.  Every measure that is not qualitative lists
 * the conditions its clause writes that are not numbers (numbers are inputs):
 * 倍增企业, 直租方式, 生产型设备, …  Each has a short stable ascii id
 * ("direct_lease"), the clause's words it comes from (verbatim) and a short
 * statement in Chinese and English.
 *
 * A caller declares a condition met or not met on a case
 * (dgs_case_set_condition(), or dgs_case_set_text() with the name
 * "condition.<id>" and "true"/"false"; dgs_case_unset() with that name
 * declares nothing again).  An undeclared condition is assumed met, so
 * amounts do not change for a caller who declares none; every result says
 * which conditions were met, not met and assumed.
 *
 * Order of outcomes: a date outside the validity window gives not_in_force
 * whatever is declared (the clause does not apply then, so its conditions are
 * not judged); otherwise a condition declared not met gives ineligible, with
 * the condition's clause phrase in the reason, before any amount, threshold,
 * unspecified number or other policy is considered.  A missing required input
 * is still an error (DGS_E_MISSING_INPUT).
 *
 * Accessors take a measure borrowed from a ruleset; strings are borrowed from
 * it.  A NULL measure or an index out of range gives NULL or 0.  Thread-safe.
 */

/** The number of conditions of the measure (0 for qualitative measures). */
DGS_API size_t dgs_measure_condition_count(const dgs_measure *m);
/** The id of condition i, e.g. "direct_lease". */
DGS_API const char *dgs_measure_condition_id(const dgs_measure *m, size_t i);
/** The condition stated briefly in DGS_LANG_ZH ("直租方式") or DGS_LANG_EN ("a direct finance lease"). */
DGS_API const char *dgs_measure_condition_text(const dgs_measure *m, size_t i, int lang);
/** The words of the clause the condition comes from, verbatim ("融资租赁直租方式"). */
DGS_API const char *dgs_measure_condition_phrase(const dgs_measure *m, size_t i);
/** The index of the condition with this id, or -1. */
DGS_API long dgs_measure_condition_index(const dgs_measure *m, const char *id);
/**
 * For a measure of kind DGS_KIND_GOVERNED_ELSEWHERE: the policy that sets its
 * amount, in DGS_LANG_ZH or DGS_LANG_EN ("外资大项目奖补政策"); "" for every
 * other measure.
 */
DGS_API const char *dgs_measure_governed_by(const dgs_measure *m, int lang);

/* The status of a condition in a result. A new list; append-only. */
#define DGS_CONDITION_ASSUMED  0  /**< not declared: assumed met */
#define DGS_CONDITION_MET      1  /**< declared met */
#define DGS_CONDITION_NOT_MET  2  /**< declared not met: the result is ineligible */

/** "assumed", "met", "not_met"; NULL if unknown. Thread-safe. */
DGS_API const char *dgs_condition_status_name(int status);

/**
 * Declares condition `id` of the case's measure met (`met` 1) or not met
 * (`met` 0).
 * @return DGS_OK; DGS_E_INVALID_ARGUMENT (NULL case or id);
 *         DGS_E_UNKNOWN_INPUT (the measure has no such condition: the message
 *         names the measure and lists its conditions); DGS_E_RANGE (`met` is
 *         neither 0 nor 1).  On error the case is unchanged.
 * Not thread-safe for one case (as every setter).
 */
DGS_API int dgs_case_set_condition(dgs_case *c, const char *id, int met, dgs_error *err);

/** The number of conditions a result carries: those of its measure, every one. */
DGS_API size_t dgs_result_condition_count(const dgs_result *r);
/** The id of the result's condition i (the measure's order). */
DGS_API const char *dgs_result_condition_id(const dgs_result *r, size_t i);
/** The DGS_CONDITION_* status of condition i; -1 if r is NULL or i out of range. */
DGS_API int dgs_result_condition_status(const dgs_result *r, size_t i);


/* ===================================================================== */
/* Cases                                                                  */
/*                                                                        */
/* Setters return DGS_OK or an error naming the measure and input; on an  */
/* error the case is unchanged.  A case may be changed by one thread at a */
/* time; distinct cases are independent.                                  */
/* ===================================================================== */

/**
 * Creates an empty case for measure `m`.  The case borrows m (and its
 * ruleset): free the case first.  Set the date and the inputs, then evaluate.
 * @return DGS_OK, DGS_E_INVALID_ARGUMENT (m or out NULL), DGS_E_NOMEM; `*out` is NULL after
 *         either.
 */
DGS_API int dgs_case_new(const dgs_measure *m, dgs_case **out, dgs_error *err);
DGS_API void dgs_case_free(dgs_case *c);
/** Unsets every input and the date, so the case can be reused. */
DGS_API void dgs_case_clear(dgs_case *c);
/** The measure the case is for (borrowed). */
DGS_API const dgs_measure *dgs_case_measure(const dgs_case *c);

/** The date of the qualifying event, "YYYY-MM-DD" (years 1900–9999).  DGS_E_DATE if malformed or
 *  impossible; DGS_E_INVALID_ARGUMENT if c or iso_date is NULL. */
DGS_API int dgs_case_set_date(dgs_case *c, const char *iso_date, dgs_error *err);

/**
 * Sets an input to a value in its base unit: fen for money, hundredths of m²
 * for areas, whole units for counts, 0/1 for flags, the choice's index for
 * choices.  Errors: DGS_E_INVALID_ARGUMENT (c or input NULL), DGS_E_UNKNOWN_INPUT,
 * DGS_E_TYPE (a list input), DGS_E_NEGATIVE, DGS_E_CHOICE / DGS_E_RANGE (index or
 * flag out of range).  The typed setters below report the same codes, and
 * DGS_E_TYPE when the input is not of their type.
 */
DGS_API int dgs_case_set_int(dgs_case *c, const char *input, int64_t value, dgs_error *err);
/** As dgs_case_set_int() for a money input (fen); DGS_E_TYPE if the input is not money. */
DGS_API int dgs_case_set_money(dgs_case *c, const char *input, dgs_fen_t fen, dgs_error *err);
/** Sets a flag input (0 or 1). */
DGS_API int dgs_case_set_flag(dgs_case *c, const char *input, int value, dgs_error *err);
/** Sets a choice input by the choice's name ("national"); DGS_E_CHOICE lists the choices;
 *  DGS_E_INVALID_ARGUMENT for a NULL name. */
DGS_API int dgs_case_set_choice(dgs_case *c, const char *input, const char *value, dgs_error *err);
/** Sets a list-of-money input to `n` fen amounts (copied).  DGS_E_INVALID_ARGUMENT (NULL list
 *  with n > 0), DGS_E_RANGE (more than 4096 items), DGS_E_NEGATIVE, DGS_E_TYPE, DGS_E_NOMEM. */
DGS_API int dgs_case_set_list(dgs_case *c, const char *input, const int64_t *fen, size_t n,
                              dgs_error *err);
/**
 * Sets any input from text, as the command line writes it: money in yuan with
 * at most two decimals ("33333.33"), areas in m² with at most two decimals,
 * counts as integers, flags "true"/"false", choices by name, lists
 * comma-separated.  The input "date" sets the date.  DGS_E_VALUE names the
 * input and the text when it cannot be read; also DGS_E_INVALID_ARGUMENT,
 * DGS_E_UNKNOWN_INPUT, DGS_E_NEGATIVE, DGS_E_OVERFLOW, DGS_E_CHOICE, DGS_E_RANGE,
 * DGS_E_DATE (the date), DGS_E_NOMEM (a list), as the setters above.  (1.1) The name
 * "condition.<id>" with "true"/"false" (or "1"/"0") declares a condition of
 * the measure met or not met (see dgs_case_set_condition()); an unknown id is
 * DGS_E_UNKNOWN_INPUT listing the measure's conditions.
 */
DGS_API int dgs_case_set_text(dgs_case *c, const char *input, const char *text, dgs_error *err);
/** Unsets one input; (1.1) with the name "condition.<id>", forgets the condition's declaration (assumed again).
 *  DGS_E_INVALID_ARGUMENT, DGS_E_UNKNOWN_INPUT. */
DGS_API int dgs_case_unset(dgs_case *c, const char *input, dgs_error *err);

/* ===================================================================== */
/* Evaluation and results                                                 */
/* ===================================================================== */

/**
 * Evaluates the case: checks the date against the validity window, resolves
 * every parameter at the case's date, runs the measure's clause, and returns
 * the result with its trace.
 *
 * @param out  receives the result (the caller's; dgs_result_free()).  The
 *             result borrows strings from the case's ruleset: free it before
 *             the ruleset.  NULL on error.
 * @return DGS_OK (whatever the outcome), DGS_E_MISSING_INPUT (names the
 *         input; the date counts as an input; also an input that the inputs
 *         given require, e.g. A1.10.a's purchases_last_year with
 *         purchases_this_year), DGS_E_RANGE (names an input that the inputs
 *         given exclude: two forms of one figure, or an amount granted in a
 *         period the reading in force does not use), DGS_E_OVERFLOW,
 *         DGS_E_NOMEM, DGS_E_INVALID_ARGUMENT.  The case is not changed.
 * Thread-safe for distinct cases; the case may be shared if no one sets it.
 */
DGS_API int dgs_evaluate(const dgs_case *c, dgs_result **out, dgs_error *err);

/*
 * Result accessors: a NULL result or an index out of range gives NULL
 * (strings) or 0.  Strings are borrowed from the result (and, for
 * references, from its ruleset).  Thread-safe: a result is never changed.
 */
/** Frees a result. NULL is fine. */
DGS_API void dgs_result_free(dgs_result *r);
/** The measure's id. */
DGS_API const char *dgs_result_measure_id(const dgs_result *r);
/** The case's date, ISO. */
DGS_API const char *dgs_result_date(const dgs_result *r);
/** A DGS_OUTCOME_* value. */
DGS_API int dgs_result_outcome(const dgs_result *r);
/** The award in fen (0 unless the outcome is granted). For quotas see dgs_result_unit(). */
DGS_API dgs_fen_t dgs_result_award(const dgs_result *r);
/** The unit of the award: "yuan" (then the award is in fen), "places", … */
DGS_API const char *dgs_result_unit(const dgs_result *r);
/** The name of the constraint that set the amount ("cap_per_year", "interest_paid", …), or "". */
DGS_API const char *dgs_result_binding(const dgs_result *r);
/**
 * Why the outcome is what it is, in DGS_LANG_ZH or DGS_LANG_EN: the failed
 * condition, the validity window, the numbers a guideline must supply, or ""
 * for a grant.  Borrowed from r.
 */
DGS_API const char *dgs_result_reason(const dgs_result *r, int lang);
/** The exclusive group the result falls in for stacking (may depend on the case's branch), or "". */
DGS_API const char *dgs_result_group(const dgs_result *r);
/** The fingerprint of the ruleset that produced it. */
DGS_API const char *dgs_result_fingerprint(const dgs_result *r);

/**
 * Number of steps in the trace: at most 32.  (1.1) A longer computation (a
 * formula that loops, such as A4.04.b over the staff a guideline allows)
 * keeps its first 12 steps, then one step that stands for those not shown —
 * its value the number of them (DGS_TYPE_COUNT), its amount the amount after
 * the last of them, its label "steps not shown …" — then its latest 19 steps,
 * which end with the award.  The parameters of steps not shown are still
 * listed by dgs_result_parameter_name().
 */
DGS_API size_t dgs_result_step_count(const dgs_result *r);
/** The label of step i, e.g. "融资额的5%" / "5% of the financed amount". Borrowed. */
DGS_API const char *dgs_result_step_label(const dgs_result *r, size_t i, int lang);
/** The DGS_TYPE_* of step i's value. */
DGS_API int dgs_result_step_type(const dgs_result *r, size_t i);
/**
 * Step i's own value (the input, the ratio applied, the cap or threshold in force, the
 * room a period cap leaves): for ratios *den receives the denominator (1 otherwise; den
 * may be NULL).  The amount after the step is dgs_result_step_amount().
 */
DGS_API int64_t dgs_result_step_value(const dgs_result *r, size_t i, int64_t *den);
/** The parameter or input step i came from ("ratio", "interest_paid"), or "". */
DGS_API const char *dgs_result_step_source(const dgs_result *r, size_t i);
/** The clause phrase or guideline reference behind step i, or "". */
DGS_API const char *dgs_result_step_reference(const dgs_result *r, size_t i);
/**
 * (1.1) Where the clause of step i stands, as a citation: "附件1第七条",
 * "附件4第二条（一）", "实施意见第十九条" (an item that restates another cites the
 * clause it was computed through).  Text and JSON show it beside the step's
 * phrase (「〔附件1第七条：每年最高贴息 150 万元〕」).  Borrowed from r; NULL if i
 * is out of range or r is NULL.
 */
DGS_API const char *dgs_result_step_location(const dgs_result *r, size_t i);

/** Number of distinct parameters the evaluation used (for audit). */
DGS_API size_t dgs_result_parameter_count(const dgs_result *r);
DGS_API const char *dgs_result_parameter_name(const dgs_result *r, size_t i);
/** The reference of the value used: the clause phrase, or the guideline article that set it. */
DGS_API const char *dgs_result_parameter_reference(const dgs_result *r, size_t i);

/**
 * Renders the result as text (DGS_FORMAT_TEXT, an explanation in `lang`) or
 * JSON (DGS_FORMAT_JSON: measure, date, outcome, award (in its unit: yuan with two
 * decimals, or a count such as "12" places), award_fen (the exact integer in that
 * unit), unit, unit_type ("fen" or "places"), binding, reason, group, computed_by (the
 * measure that computed it: its own, or the one it restates), fingerprint, exceeds_text
 * (whether a value used is above the clause's own maximum), steps (each
 * with label, type and value — the step's own figure —, amount_type and amount — the
 * amount after the step —, source, reference), parameters, and (1.1) conditions:
 * [{id, status, text, phrase}]).  The text names the conditions assumed
 * (「假定满足：倍增企业；直租方式；生产型设备」), met and not met.
 * `*out` is the caller's; free with dgs_free().  Text is returned whole or not
 * at all: when memory runs out the call fails and `*out` is NULL.
 * @return DGS_OK; DGS_E_INVALID_ARGUMENT (r or out NULL, unknown format or
 *         language); DGS_E_NOMEM.
 */
DGS_API int dgs_result_render(const dgs_result *r, int format, int lang, char **out,
                              dgs_error *err);

/* ===================================================================== */
/* Batch evaluation                                                       */
/* ===================================================================== */

/**
 * Evaluates `rows` cases of measure `m` at once, without traces.
 *
 * Inputs are given as `cols` columns of int64_t in base units (as
 * dgs_case_set_int()): `names[k]` is the input name of column k and
 * `columns[k]` points to `rows` values.  `present` may be NULL (every value
 * present) or hold, per column, NULL or `rows` bytes (0 = missing value).
 * Missing optional inputs behave as in dgs_evaluate(); a missing required one
 * makes the row invalid.
 * (1.1) A column named "condition.<id>" declares a condition of the measure
 * per row: 1 met, 0 not met, missing (present byte 0) assumed; any other value
 * makes the row invalid (DGS_E_RANGE).  A row with a condition not met is
 * ineligible, as in dgs_evaluate().  An unknown condition is DGS_E_UNKNOWN_INPUT.  List inputs cannot be batched; the date is one per
 * batch (a column named "date" is refused with DGS_E_NOT_SUPPORTED).
 *
 * Writes awards[i] (fen) and outcomes[i] (DGS_OUTCOME_*) for every row.  A row
 * whose inputs are invalid (negative money, overflow, missing required input, inputs
 * that exclude each other (DGS_E_RANGE),
 * choice out of range) gets DGS_OUTCOME_INVALID and award 0; the function then
 * returns the error of the first such row, with err->row set to it, after
 * filling every row.  Rows are checked even when the date alone decides
 * the outcome (not in force, unspecified), as dgs_case_set_*() would check them.
 *
 * @return DGS_OK; DGS_E_INVALID_ARGUMENT, DGS_E_UNKNOWN_INPUT, DGS_E_DATE or
 *         DGS_E_NOT_SUPPORTED before any row is written; or, with every row
 *         written and err->row the first invalid row, DGS_E_MISSING_INPUT,
 *         DGS_E_NEGATIVE, DGS_E_CHOICE, DGS_E_RANGE or DGS_E_OVERFLOW.
 * Thread-safe: several threads may run batches over row ranges of shared
 * columns with one shared measure.
 */
DGS_API int dgs_evaluate_batch(const dgs_measure *m, const char *date, size_t rows, size_t cols,
                               const char *const *names, const int64_t *const *columns,
                               const uint8_t *const *present, dgs_fen_t *awards,
                               int32_t *outcomes, dgs_error *err);

/* ---- 1.1: batch details, populations, reforms ---------------------------- */

/* (1.1) Why a row's outcome is what it is, as a code (dgs_evaluate_batch_detail()).
 * The codes say which kind of reason; dgs_result_reason() gives the full text
 * of one case.  Append-only. */
#define DGS_REASON_NONE          0  /**< granted (or nothing to say) */
#define DGS_REASON_BELOW         1  /**< a value is below an inclusive minimum (以上, 不少于, 不低于) */
#define DGS_REASON_NOT_ABOVE     2  /**< a value does not exceed a strict threshold (超过) */
#define DGS_REASON_ABOVE         3  /**< a value is above a maximum the clause sets as a condition */
#define DGS_REASON_CONDITION     4  /**< a condition given as a flag input is false or not given */
#define DGS_REASON_UNSET         5  /**< numbers a guideline must supply are not set (outcome unspecified) */
#define DGS_REASON_NOT_IN_FORCE  6  /**< the date is outside the document's validity */
#define DGS_REASON_QUALITATIVE   7  /**< the measure states no amount (outcome not computable) */
#define DGS_REASON_READING       8  /**< the reading in force excludes the case */
#define DGS_REASON_DECLARED_NOT_MET 9 /**< an eligibility condition was declared not met */
#define DGS_REASON_GOVERNED     10  /**< another policy sets the amount */
#define DGS_REASON_INVALID      11  /**< batch only: the row's inputs are invalid */

/**
 * (1.1) The name of a DGS_REASON_* code: "none", "below_minimum",
 * "not_above_threshold", "above_maximum", "condition_not_met",
 * "parameters_unset", "not_in_force", "qualitative", "excluded_by_reading",
 * "declared_not_met", "governed_elsewhere", "invalid"; NULL for an unknown
 * code.  Static strings; thread-safe.
 */
DGS_API const char *dgs_reason_name(int reason);

/**
 * (1.1) The constraints that can set a measure's amount, as numbered by
 * dgs_evaluate_batch_detail(): the parameters, then the inputs, of the
 * measure that computes it (the measure itself, or the one it restates as a
 * whole; for a plain measure index i < dgs_measure_parameter_count() is its
 * parameter i and parameter count + k its input k); then, for an item that a
 * choice computes through other measures, the parameters and inputs of
 * those, each name once.  Returns that total; 0 for NULL or a measure
 * without numbers.  Thread-safe.
 */
DGS_API size_t dgs_measure_binding_count(const dgs_measure *m);
/**
 * (1.1) The name of constraint i (a parameter's or an input's name, as
 * dgs_result_binding() names it), or NULL when i is out of range or m is
 * NULL.  Borrowed from the measure's ruleset.  Thread-safe.
 */
DGS_API const char *dgs_measure_binding_name(const dgs_measure *m, size_t i);

/**
 * (1.1) As dgs_evaluate_batch(), over rows [begin, end) of the columns only,
 * also writing each row's binding constraint and reason.
 *
 * The columns, `present`, and the outputs hold `rows` items each; only rows
 * begin..end-1 are read and written, and every row number (err->row, the
 * messages) counts from the start of the columns.  Several threads may run
 * disjoint ranges of one batch at once over the same shared columns and
 * output arrays: splitting a batch into ranges gives exactly the outputs of
 * one call over all rows, and the first invalid row over all ranges is the
 * lowest err->row of the ranges that fail.
 *
 * bindings[i] receives the index (see dgs_measure_binding_name()) of the
 * constraint that set row i's amount, exactly the constraint
 * dgs_result_binding() names for the same case evaluated alone, or -1 when
 * it names none ("") or the row is invalid.  reasons[i] receives a
 * DGS_REASON_* code: DGS_REASON_NONE for a grant (and for a ceiling still to
 * be assessed, DGS_OUTCOME_UP_TO, which its outcome explains), the kind of
 * reason of dgs_result_reason() otherwise, DGS_REASON_INVALID for an invalid
 * row.
 *
 * @param begin, end  the range of rows, begin <= end <= rows.
 * @param bindings, reasons  `rows` int32 each, or both NULL: then only awards
 *         and outcomes are written, by the loop of dgs_evaluate_batch() (which
 *         keeps no account of the binding constraint, and is faster).
 * @return as dgs_evaluate_batch(); DGS_E_INVALID_ARGUMENT also for a range
 *         outside the rows or one of bindings/reasons NULL without the other.
 *         Thread-safe as dgs_evaluate_batch().
 */
DGS_API int dgs_evaluate_batch_detail(const dgs_measure *m, const char *date, size_t rows, size_t cols,
                                      const char *const *names, const int64_t *const *columns,
                                      const uint8_t *const *present, size_t begin, size_t end,
                                      dgs_fen_t *awards, int32_t *outcomes, int32_t *bindings,
                                      int32_t *reasons, dgs_error *err);

/* ===================================================================== */
/* Stacking: 就高、从优、不重复享受                                          */
/* ===================================================================== */

/* What stacking decided for one result. Append-only. */
#define DGS_STACK_PAID         0  /**< paid in full */
#define DGS_STACK_TOP_UP       1  /**< highest of its group; pays the difference over what was already granted */
#define DGS_STACK_SUPERSEDED   2  /**< a lower or equal award of the same group: not paid */
#define DGS_STACK_NOT_GRANTED  3  /**< the outcome was not a grant */
#define DGS_STACK_ALREADY_PAID 4  /**< the highest of its group was fully paid before: nothing more */
#define DGS_STACK_NOT_A_GRANT  5  /**< the number is not a grant (quota, price floor, investment or credit limit) */
#define DGS_STACK_PENDING_ASSESSMENT 6 /**< (1.1) a ceiling still to be assessed (DGS_OUTCOME_UP_TO): not paid */
#define DGS_STACK_CAPPED       7  /**< (1.1) paid less than its award: a cap across claims (a yearly cap, a cap per exhibition) is reached */

/* Flags of a stacked claim (dgs_stack_flags). Append-only. */
#define DGS_STACK_FLAG_REPEATED 0x1  /**< (1.1) one of two or more claims of the same one-off measure, in no
                                          group, about the same object: likely the same benefit claimed twice */
#define DGS_STACK_FLAG_NO_OBJECT 0x2 /**< (1.1) one of two or more claims of a group whose benefit is per
                                          object (a project, a recognition, an exhibition, a contract) that
                                          name no object: they were read as one object and compete; if they
                                          are different objects, give each its object (dgs_stack_claims) */

/**
 * Applies 就高、从优、不重复享受 to the results of one applicant: within an
 * exclusive group (an explicit 从高不重复 clause, or restatements of one
 * benefit: the groups of the measures' data) only the highest award is paid; where a lower award of
 * the group was already granted (`already_granted[i]` > 0, fen) the highest is
 * paid as a top-up.  Which parts of the document the principle covers follows
 * the ruleset's `stacking_scope` reading.
 *
 * @param rs               the ruleset (for its readings); borrowed.
 * @param results          `n` results (borrowed; they may come from rs or a
 *                         ruleset derived from the same base).
 * @param already_granted  NULL, or `n` amounts already granted for each result.
 * @param out              receives the report; free with dgs_stack_free().
 * @return DGS_OK, DGS_E_INVALID_ARGUMENT (rs or out NULL, NULL results with n > 0, a NULL
 *         result), DGS_E_NEGATIVE, DGS_E_NOMEM; `*out` is NULL after every error.
 */
DGS_API int dgs_stack_results(const dgs_ruleset *rs, const dgs_result *const *results, size_t n,
                              const dgs_fen_t *already_granted, dgs_stack **out, dgs_error *err);
/** Frees a report. NULL is fine. Reports are immutable: accessors are thread-safe. */
DGS_API void dgs_stack_free(dgs_stack *s);
/** The number of results judged. */
DGS_API size_t dgs_stack_count(const dgs_stack *s);
/** What is paid now for result i, in fen. */
DGS_API dgs_fen_t dgs_stack_paid(const dgs_stack *s, size_t i);
/** A DGS_STACK_* decision for result i. */
DGS_API int dgs_stack_decision(const dgs_stack *s, size_t i);
/** "paid", "top_up", "superseded", "not_granted", "already_paid", "not_a_grant", "pending_assessment", "capped",
 *  (1.1) "not_claimed", "invalid" (populations only); NULL if unknown. */
DGS_API const char *dgs_stack_decision_name(int decision);
/** The group result i was judged in, or "". */
DGS_API const char *dgs_stack_group(const dgs_stack *s, size_t i);
/** The index of the result that is paid in i's group (i itself when it is paid). */
DGS_API size_t dgs_stack_winner(const dgs_stack *s, size_t i);
/** Why, in DGS_LANG_ZH or DGS_LANG_EN. Borrowed. */
DGS_API const char *dgs_stack_reason(const dgs_stack *s, size_t i, int lang);
/** The total paid now, in fen: payments only (never a ceiling still to be assessed). */
DGS_API dgs_fen_t dgs_stack_total(const dgs_stack *s);
/** Renders the report as text or JSON; `*out` is the caller's (dgs_free), NULL after an error.
 *  DGS_OK, DGS_E_INVALID_ARGUMENT (s or out NULL, unknown format), DGS_E_NOMEM. */
DGS_API int dgs_stack_render(const dgs_stack *s, int format, int lang, char **out, dgs_error *err);

/**
 * (1.1) As dgs_stack_results(), with the object each claim is about.
 * 不重复享受 forbids paying the same benefit for the same object twice: claims
 * of one exclusive group compete only when they concern the same object (the
 * project, recognition, exhibition or contract, as the group's clause says;
 * for a group whose benefit is per enterprise every claim competes) and, for a
 * yearly award (每年), the same year of the result's date.
 *
 * A result with outcome DGS_OUTCOME_UP_TO (a ceiling still to be assessed) is
 * never paid: its decision is DGS_STACK_PENDING_ASSESSMENT; in a group where a
 * computed or assessed amount exists, that amount is paid and the ceiling
 * waits (an assessment above the paid amount tops up the difference).
 * dgs_stack_up_to_total() sums what the ceilings could still add.
 *
 * Caps that hold across claims (data/groups.json: a yearly cap of one
 * measure, a cap per exhibition shared by two measures) are applied after
 * the groups, in claim order: a claim over what is left is paid the rest
 * (DGS_STACK_CAPPED).  Every ruleset-wide reading (stacking_scope,
 * upgrade_payment, …) is read at the date of the claim's result.
 *
 * Time O(n log n), memory O(n).
 *
 * @param rs               the ruleset (for its readings and caps); borrowed.
 * @param results          `n` results; borrowed.
 * @param objects  NULL, or `n` object ids (UTF-8 up to 256 bytes, without
 *                 control characters or a leading or trailing space, compared
 *                 byte for byte, copied; NULL or "" = the claim is about the
 *                 one object of its measure family, as in 1.0).
 * @param already_granted  NULL, or `n` amounts already granted for each claim's benefit (fen).
 * @param out              receives the report (NULL on failure); free with dgs_stack_free().
 * @return DGS_OK; DGS_E_INVALID_ARGUMENT (NULL rs, out, results or result i);
 *         DGS_E_NEGATIVE (a negative already granted amount); DGS_E_RANGE (an
 *         object longer than 256 bytes); DGS_E_VALUE (an object that is not
 *         valid UTF-8, has a control character or a leading or trailing
 *         space); DGS_E_OVERFLOW (a total exceeds
 *         int64 fen); DGS_E_NOMEM.  Thread-safe for distinct outputs.
 */
DGS_API int dgs_stack_claims(const dgs_ruleset *rs, const dgs_result *const *results,
                             const char *const *objects, size_t n,
                             const dgs_fen_t *already_granted, dgs_stack **out, dgs_error *err);
/**
 * (1.1) The sum of what the ceilings still to be assessed could add to the
 * total, in fen: for each benefit, its highest pending ceiling less what is
 * paid (or was granted) for it.  0 for NULL.  Not part of dgs_stack_total().
 */
DGS_API dgs_fen_t dgs_stack_up_to_total(const dgs_stack *s);
/** (1.1) What an assessment of claim i could still add, in fen (0 unless pending); 0 when out of range. */
DGS_API dgs_fen_t dgs_stack_up_to(const dgs_stack *s, size_t i);
/** (1.1) The object id given for claim i ("" for none); NULL when out of range. Borrowed. */
DGS_API const char *dgs_stack_object(const dgs_stack *s, size_t i);
/**
 * (1.1) What the benefit of claim i's group is about: "enterprise", "project",
 * "recognition", "exhibition", "contract"; "" in no group; NULL when out of range.
 */
DGS_API const char *dgs_stack_object_kind(const dgs_stack *s, size_t i);
/** (1.1) DGS_STACK_FLAG_* bits of claim i; 0 when out of range. */
DGS_API unsigned dgs_stack_flags(const dgs_stack *s, size_t i);
/** (1.1) The number of claims flagged DGS_STACK_FLAG_REPEATED. 0 for NULL. */
DGS_API size_t dgs_stack_repeated_count(const dgs_stack *s);

/* ===================================================================== */
/* Budget: 结合各级年度预算规模                                              */
/* ===================================================================== */

#define DGS_ALLOCATE_PRO_RATA     1  /**< proportional; largest remainder to the fen; ties to the lower index */
#define DGS_ALLOCATE_FIRST_COME   2  /**< in the order given, each claim in full while the budget lasts */

/**
 * Scales `n` claims (fen) to a budget (fen), writing the shares to out[0..n).
 * Pro rata: shares sum to min(budget, Σ claims) exactly; no share exceeds its
 * claim.  First come: claims are met in order until the budget runs out (the
 * claim that meets the end gets the rest).
 * @return DGS_OK, DGS_E_INVALID_ARGUMENT (NULL arrays with n > 0, unknown
 *         method), DGS_E_NEGATIVE (a negative claim or budget, err->row = index),
 *         DGS_E_OVERFLOW (Σ claims exceeds int64), DGS_E_NOMEM.  On an error
 *         nothing is written to out.  Thread-safe.
 */
DGS_API int dgs_allocate(dgs_fen_t budget, const dgs_fen_t *claims, size_t n, int method,
                         dgs_fen_t *out, dgs_error *err);

/* ===================================================================== */
/* Money text helpers                                                     */
/* ===================================================================== */

/**
 * Reads a decimal yuan amount ("33333.33", "-0.5" is refused, at most two
 * decimals, no exponent) into fen.  DGS_E_VALUE, DGS_E_NEGATIVE, DGS_E_OVERFLOW,
 * DGS_E_INVALID_ARGUMENT (text or out NULL).  `*out` (a number, not a pointer) is
 * left unchanged on an error.
 */
DGS_API int dgs_money_parse(const char *text, dgs_fen_t *out, dgs_error *err);
/** Writes fen as yuan with two decimals ("33333.33") into buf (≥ 24 bytes); returns buf. */
DGS_API char *dgs_money_format(dgs_fen_t fen, char *buf, size_t size);

/* ===================================================================== */
/* (1.1) Units, restatements and the amount after each trace step          */
/* ===================================================================== */

/*
 * What a measure's number counts (typed data of the measure, from the
 * catalogue): money in fen, or a count of places.  A binding decides from
 * this, never from the text of dgs_measure_unit().
 */
#define DGS_UNIT_FEN     0  /**< money: the number is fen, written as yuan with two decimals */
#define DGS_UNIT_PLACES  1  /**< school places: the number is a whole count */

/** The DGS_UNIT_* of the measure's number; DGS_UNIT_FEN for NULL. Thread-safe. */
DGS_API int dgs_measure_unit_type(const dgs_measure *m);
/** The DGS_UNIT_* of the result's award (that of its measure); DGS_UNIT_FEN for NULL. */
DGS_API int dgs_result_unit_type(const dgs_result *r);
/** "fen" or "places" for a DGS_UNIT_* value; NULL if unknown. */
DGS_API const char *dgs_unit_name(int unit_type);
/**
 * Writes an amount in its unit as plain text into buf: fen as yuan with two
 * decimals ("1234.56"), a count as the whole number ("12").  Returns buf, or
 * NULL (buf untouched) when buf is NULL, size < 24 or unit_type is unknown.
 * Thread-safe.
 */
DGS_API char *dgs_format_amount(int unit_type, int64_t amount, char *buf, size_t size);

/**
 * The id of the i-th measure whose clause states the amount this item
 * restates (an opinion item that repeats an attachment's award), or NULL past
 * the last.  A restatement takes that measure's inputs (by name), is computed
 * through it (its parameters, guideline changes included, and its trace) and
 * is in one exclusive group with it, so the benefit is paid once.  Where an
 * item restates several measures, or one branch of its own clause, a choice
 * input of the item says which computes the case (OP.23.c: `honour`; OP.01.a:
 * `recognition`, whose other choice is the item's own clause).  An item that
 * restates a whole measure has no parameters of its own
 * (dgs_measure_parameter_count() is 0): those of the measure it restates
 * decide, and a guideline changes them there; a change aimed at the item
 * fails with DGS_E_UNKNOWN_PARAMETER (a guideline: DGS_E_GUIDELINE) naming
 * that measure.  Thread-safe.
 */
DGS_API const char *dgs_measure_restates(const dgs_measure *m, size_t i);
/** The id of the measure that computed the result: its own, or the one it restates. */
DGS_API const char *dgs_result_computed_by(const dgs_result *r);

/**
 * The amount after trace step i: the amount so far after a ratio, cap or
 * sum; for an input or a threshold, the quantity read or tested.  Step i's
 * own figure (the input, the ratio, the cap or threshold in force, the room a
 * period cap leaves) is dgs_result_step_value().  0 when r is NULL or i out of
 * range.  Thread-safe.
 */
DGS_API int64_t dgs_result_step_amount(const dgs_result *r, size_t i);
/** The DGS_TYPE_* of dgs_result_step_amount() (money, area or count), or 0. */
DGS_API int dgs_result_step_amount_type(const dgs_result *r, size_t i);

/* ===================================================================== */
/* (1.1) Populations: several measures over one population, stacked       */
/* ===================================================================== */

/* (1.1) The outcome of a measure for a row of a population that gives none of
 * the measure's inputs: the row does not claim it (dgs_evaluate_population();
 * dgs_outcome_name() gives "not_claimed").  Never an outcome of dgs_evaluate(). */
#define DGS_OUTCOME_NOT_CLAIMED    -2

/* (1.1) Decisions of dgs_evaluate_population() only (appended to DGS_STACK_*). */
#define DGS_STACK_NOT_CLAIMED  8  /**< the row gives none of the measure's inputs: no claim, nothing paid */
#define DGS_STACK_INVALID      9  /**< the row's inputs for the measure are invalid: no claim, nothing paid */

/**
 * (1.1) Evaluates `n_measures` measures over one population and stacks, for
 * each applicant, the claims exactly as dgs_stack_claims() stacks the same
 * results (就高、从优、不重复享受, objects, caps across claims): what is paid
 * to each applicant per row and measure.
 *
 * Each row is one object (a project, an exhibition, a contract…) of one
 * applicant.  The `cols` columns are the rows' facts, shared by every measure
 * that names them: a column is given to each measure of which it is an input
 * or (named "condition.<id>") a condition, as in dgs_evaluate_batch() (int64
 * values in base units; `present` NULL, or per column NULL or `rows` bytes,
 * 0 = not given).  A column that is an input or condition of no measure, a
 * column given twice, a column named "date" (the dates are the `date` and
 * `dates` arguments) and a measure none of whose inputs is a column are
 * refused before any row is evaluated.
 *
 * A row claims a measure when it gives at least one of the measure's inputs
 * (conditions do not count).  A row that claims none gets outcome
 * DGS_OUTCOME_NOT_CLAIMED, award 0 and decision DGS_STACK_NOT_CLAIMED, and is
 * never stacked.  A measure without inputs (an exact amount, a qualitative
 * measure) cannot be claimed and is refused (DGS_E_NOT_SUPPORTED); a ceiling
 * whose one input is `assessed` is claimed by rows that give `assessed`.
 *
 * Each row has a date: dates[i], or `date` where `dates` is NULL or
 * dates[i] is NULL.  Each measure is evaluated by dgs_evaluate_batch() over
 * the rows of each date at that date (the rows gathered by date: one sort
 * when they have several), so a row gets exactly what dgs_evaluate() gives
 * its case at its date — the parameters and readings then in force, and
 * DGS_OUTCOME_NOT_IN_FORCE for a date outside the document's validity.
 * Every claim of a row is of the row's date: in the stacking its readings
 * are those of that date and a yearly benefit or cap (每年) is one of the
 * year of that date, so claims of one applicant in two years do not compete
 * for a yearly award, as dgs_stack_claims() stacks results of those dates.
 * A claimed row whose inputs are invalid (some but not all required inputs,
 * a negative amount, inputs that exclude each other, …) gets
 * DGS_OUTCOME_INVALID, award 0 and decision DGS_STACK_INVALID; it is left out
 * of its applicant's stacking, whose other claims are stacked without it.
 *
 * Then the claims of each applicant (rows with equal `applicants[i]`) are
 * stacked together: in claim order, that is the applicant's rows in row order
 * and, within a row, the measures in the order given (the order decides which
 * claim a cap across claims cuts, and which of equal awards is paid).  The
 * object of every claim of row i is objects[i], compared byte for byte as
 * dgs_stack_claims() compares them; a row without an object — every row
 * when `objects` is NULL, or a row whose objects[i] is NULL or "" — is an
 * object of its own, so two rows of one applicant (two projects) never
 * compete as one benefit of one object unless they name the same object —
 * except where the benefit is about the enterprise, or is a cap per year.
 * (dgs_stack_claims() reads a claim without an object as the one object of
 * its measure family; a population's row is one object by definition, and
 * an empty cell of an object column is no evidence that two rows are one.)  Nothing was
 * granted before (already granted amounts are 0).  For each claim,
 * paid/decisions/up_to are what dgs_stack_paid(), dgs_stack_decision() and
 * dgs_stack_up_to() give for the same results stacked by dgs_stack_claims()
 * for that applicant alone.  A ceiling still to be assessed (outcome up_to)
 * is never paid (DGS_STACK_PENDING_ASSESSMENT, paid 0).  An applicant whose
 * claims would be paid more than int64 fen in all (or whose pending ceilings
 * could add more), which dgs_stack_claims() refuses, has its claims refused
 * (DGS_STACK_INVALID, paid 0; a claim that is no grant keeps its decision)
 * and the call returns DGS_E_OVERFLOW with
 * err->row its first row, unless an invalid row comes before it.
 *
 * Outputs are laid out [measure][row]: item k * rows + i is measure k of row
 * i; each array holds n_measures × rows items.
 *
 * Time O(N log N) for N = rows × n_measures (one sort of the rows by
 * applicant, skipped when they come sorted; with several dates, one sort of
 * the rows by date; then each applicant's claims); memory O(rows) besides
 * the outputs, and O(claims of one applicant); with several dates also a
 * copy of the columns in the order of the dates.
 *
 * @param rs          the ruleset; borrowed.
 * @param measures    `n_measures` measure ids of rs, each once (1 … 1024).
 * @param date        the date of every row whose dates[i] is NULL, ISO
 *                    (YYYY-MM-DD); may be NULL only when `dates` is given
 *                    and gives every row a date.
 * @param dates       NULL (every row is of `date`), or `rows` ISO dates,
 *                    one per row (NULL: `date`).  Borrowed.
 * @param applicants  `rows` applicant codes; any int64.
 * @param objects     NULL (each row its own object), or `rows` object ids
 *                    (NULL or "": that row is an object of its own).
 * @param awards, outcomes, paid, decisions  n_measures × rows each.
 * @param up_to       NULL, or n_measures × rows: what an assessment of a
 *                    pending ceiling could still add (dgs_stack_up_to()).
 * @return DGS_OK; before any row is written: DGS_E_INVALID_ARGUMENT (a NULL
 *         argument, no measure, a measure listed twice, a column given
 *         twice), DGS_E_UNKNOWN_MEASURE, DGS_E_UNKNOWN_INPUT (a column no
 *         measure reads), DGS_E_MISSING_INPUT (a measure none of whose inputs
 *         is a column), DGS_E_NOT_SUPPORTED (a measure without inputs, a
 *         column "date", a list input), DGS_E_DATE (`date` is not a date;
 *         or a row's date is not a date, or is NULL without `date`: err->row
 *         is the first such row), DGS_E_RANGE or DGS_E_VALUE (an object
 *         refused as dgs_stack_claims() refuses it; err->row is its row),
 *         DGS_E_NOMEM; or, with every output written and err->row
 *         the first invalid row (the lowest row, then the first measure), the
 *         error of that row as dgs_evaluate_batch() gives it.
 * Thread-safe for distinct outputs.
 */
DGS_API int dgs_evaluate_population(const dgs_ruleset *rs, size_t n_measures, const char *const *measures,
                                    const char *date, const char *const *dates, size_t rows, size_t cols,
                                    const char *const *names, const int64_t *const *columns,
                                    const uint8_t *const *present, const int64_t *applicants,
                                    const char *const *objects, dgs_fen_t *awards, int32_t *outcomes,
                                    dgs_fen_t *paid, int32_t *decisions, dgs_fen_t *up_to, dgs_error *err);

#ifdef __cplusplus
}
#endif

#endif /* DGSUBSIDY_H */
