/* SPDX-License-Identifier: MulanPSL-2.0 */
/*
 * libdgsubsidy — version of the headers.
 *
 * The macros give the version of the headers a program was compiled with;
 * dgs_version_string() and dgs_version_number() (in dgsubsidy.h) give the
 * version of the library it runs with.  A program that wants to be sure may
 * compare the two majors at start-up.
 */
#ifndef DGSUBSIDY_VERSION_H
#define DGSUBSIDY_VERSION_H

#define DGS_VERSION_MAJOR 1
#define DGS_VERSION_MINOR 1
#define DGS_VERSION_PATCH 0
#define DGS_VERSION_STRING "1.1.0"
/** MAJOR * 10000 + MINOR * 100 + PATCH, for #if tests. */
#define DGS_VERSION_NUMBER (DGS_VERSION_MAJOR * 10000 + DGS_VERSION_MINOR * 100 + DGS_VERSION_PATCH)

#endif /* DGSUBSIDY_VERSION_H */
