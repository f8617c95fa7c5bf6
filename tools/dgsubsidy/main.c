/* SPDX-License-Identifier: MulanPSL-2.0 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#ifndef _WIN32
#include <fcntl.h>
#endif

#include "cli.h"

int main(int argc, char **argv)
{
#ifndef _WIN32
    /* A closed standard output (`dgsubsidy … >&-`) cannot take the result. */
    if (fcntl(1, F_GETFD) < 0) {
        fprintf(stderr, "dgsubsidy: cannot write the output: standard output is closed\n");
        return 1;
    }
#endif
    int rc = dgs_cli_run(argc, argv, stdout, stderr);
    if (fclose(stdout) != 0 && rc != 1) {
        fprintf(stderr, "dgsubsidy: cannot write the output: %s\n", strerror(errno));
        rc = 1;
    }
    return rc;
}
