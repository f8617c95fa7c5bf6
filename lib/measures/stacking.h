/* SPDX-License-Identifier: MulanPSL-2.0 */
/*
 * What stacking knows about the policy, as data: the exclusive groups (what
 * "the same benefit" is about, from each group's clause) and the caps that
 * hold across several claims.  Generated from data/groups.json into
 * stacking.gen.c by tools/gen/gen_stacking.py.
 */
#ifndef DGS_MEASURES_STACKING_H
#define DGS_MEASURES_STACKING_H

#include <stdbool.h>
#include <stddef.h>

/* What the benefit of a group is about: claims compete only for the same one. */
enum group_object {
    OBJECT_ENTERPRISE,   /* the applicant itself: every claim of the group competes */
    OBJECT_PROJECT,      /* a project, platform or programme */
    OBJECT_RECOGNITION,  /* a recognition, honour, designation or listing */
    OBJECT_EXHIBITION,   /* an exhibition */
    OBJECT_CONTRACT      /* a contract (a purchase, a lease) */
};

typedef struct group_def {
    const char *id;
    const char *clause;        /* the words that make it one benefit */
    int object;                /* enum group_object */
    bool yearly;               /* 每年: one benefit per year of the claim's date */
    const char *text_clause;   /* the 不重复享受 clause written for it, or NULL: then
                                  only the package reading of stacking_scope applies it */
    const char *reading;       /* NULL, or a ruleset-wide reading the group depends on … */
    const char *reading_value; /* … and the value under which it applies */
} group_def;

/* Over what a cross-claim cap holds. */
enum cap_period { CAP_PER_YEAR, CAP_PER_OBJECT };

#define CAP_MAX_MEMBERS 4
#define CAP_MAX 32          /* caps in data/groups.json, at most (gen_stacking.py checks) */

typedef struct cap_def {
    const char *id;
    const char *members[CAP_MAX_MEMBERS];   /* measure ids, NULL-terminated */
    const char *measure;       /* the measure whose parameter is the cap … */
    const char *parameter;     /* … and that parameter */
    int period;                /* enum cap_period */
    const char *when_parameter;/* NULL, or a switch of a member measure that turns the cap on for it … */
    const char *when_value;    /* … when it has this value (a member without the switch is always under the cap) */
    const char *clause;
} cap_def;

extern const group_def dgs_groups[];
extern const size_t dgs_group_count;
extern const cap_def dgs_caps[];
extern const size_t dgs_cap_count;

/* The name of an object kind ("enterprise", "project", …). */
const char *group_object_name(int object);

#endif
