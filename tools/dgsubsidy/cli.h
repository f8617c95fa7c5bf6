/* The dgsubsidy command-line tool, as a function (main.c and the fuzz
 * harness call it).  Returns the exit status: 0, or 2 for bad usage or bad
 * input (with one line on `err`). */
#ifndef DGS_CLI_H
#define DGS_CLI_H

#include <stdio.h>

int dgs_cli_run(int argc, char **argv, FILE *out, FILE *err);

#endif
