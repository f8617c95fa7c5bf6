/* SPDX-License-Identifier: MulanPSL-2.0 */
/* The dgsubsidy command-line tool, as a function (main.c, the tests and the
 * fuzz harness call it).  Returns the exit status: 0 success (any outcome),
 * 1 an I/O or runtime failure, 2 bad usage or bad input; every failure
 * leaves one line on `err`.  The output stream is flushed and checked. */
#ifndef DGS_CLI_H
#define DGS_CLI_H

#include <stdio.h>

int dgs_cli_run(int argc, char **argv, FILE *out, FILE *err);

#endif
