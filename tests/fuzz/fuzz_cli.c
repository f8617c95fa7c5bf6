/* SPDX-License-Identifier: MulanPSL-2.0 */
/*
 * The command-line tool: dgs_cli_run() with an argv built from the input.
 *
 * Format of an input: one argument per line (argv[1], argv[2], …), then
 * optionally a line "%%" followed by the content of a file.  An argument
 * "@" (or any argument containing a '/') names that file, so the CSV of
 * `batch`, the application JSON of `stack`, the claims of `allocate` and
 * the guideline of `--guideline` are fuzzed too, and no other file is read.
 *
 * The tool must return 0, 1 (a file it cannot open, e.g. an argument naming
 * a file that does not exist) or 2, never crash, and always leave a line on
 * its error stream when it returns 1 or 2.
 */
/* fmemopen() is POSIX, not ISO C: declare it under -std=c11 (an implicit
 * declaration would return an int, not the FILE *). */
#define _POSIX_C_SOURCE 200809L
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "fuzz_common.h"

#define MAX_ARGS 40

static char path[64];
static FILE *devnull;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc, (void)argv;
    snprintf(path, sizeof path, "/tmp/dgs-fuzz-cli-%ld.txt", (long)getpid());
    devnull = fopen("/dev/null", "w");
    if (!devnull)
        abort();
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *copy = malloc(size + 1);
    char *argv[MAX_ARGS + 2];
    int argc = 0;
    const char *file = NULL;
    size_t file_len = 0;
    int uses_file = 0;
    char errbuf[4096];

    memcpy(copy, data, size);
    copy[size] = '\0';
    argv[argc++] = "dgsubsidy";
    char *p = copy, *end = copy + size;
    while (p < end && argc < MAX_ARGS + 1) {
        char *nl = memchr(p, '\n', (size_t)(end - p));
        char *line_end = nl ? nl : end;
        *line_end = '\0';
        if (strcmp(p, "%%") == 0) {
            file = nl ? nl + 1 : end;
            file_len = (size_t)(end - file);
            break;
        }
        if (strcmp(p, "@") == 0 || strchr(p, '/')) {
            argv[argc++] = path;
            uses_file = 1;
        } else {
            argv[argc++] = p;
        }
        p = line_end + 1;
    }
    argv[argc] = NULL;
    if (uses_file) {
        FILE *f = fopen(path, "wb");
        if (!f)
            abort();
        if (file_len)
            fwrite(file, 1, file_len, f);
        fclose(f);
    }

    FILE *err = fmemopen(errbuf, sizeof errbuf, "w");
    if (!err)
        abort();
    int rc = dgs_cli_run(argc, argv, devnull, err);
    long errlen = ftell(err);
    fclose(err);
    FUZZ_CHECK(rc == 0 || rc == 1 || rc == 2);
    if (rc != 0)
        FUZZ_CHECK(errlen > 0);
    if (uses_file)
        unlink(path);
    free(copy);
    return 0;
}
