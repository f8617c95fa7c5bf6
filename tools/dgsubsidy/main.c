#include <stdio.h>

#include "cli.h"

int main(int argc, char **argv)
{
    return dgs_cli_run(argc, argv, stdout, stderr);
}
