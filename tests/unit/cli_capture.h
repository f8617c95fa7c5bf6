/* SPDX-License-Identifier: MulanPSL-2.0 */
/* The file the command-line tests capture the tool's output in. */
#ifndef DGS_TEST_CLI_CAPTURE_H
#define DGS_TEST_CLI_CAPTURE_H

#include <stdio.h>
#include <stdlib.h>
#ifdef _WIN32
#include <process.h>
#endif

/* A new, empty file open for writing and reading back, removed when closed.
 * The tmpfile() of Windows' C runtime makes its files in the root of the
 * drive under names unique only within one process: two test programs run at
 * once (ctest -j) could open each other's file or get none, and a test read
 * another's output or crashed.  There the file is in the working directory
 * and named by the process id. */
static FILE *capture_file(void)
{
#ifdef _WIN32
    static unsigned long n;
    char name[64];
    snprintf(name, sizeof name, "capture-%d-%lu.tmp", _getpid(), n++);
    FILE *f = fopen(name, "w+bD"); /* D: removed when closed */
#else
    FILE *f = tmpfile();
#endif
    if (!f) {
        fprintf(stderr, "cannot create a file to capture the tool's output\n");
        abort();
    }
    return f;
}

#endif
