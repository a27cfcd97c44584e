/* The `minipy` program.
 *
 * Until the VM exists (issue 3) the program exposes the front end only:
 *   minipy --tokens FILE     the token stream, one token a line
 *   minipy --ast FILE        ast.dump() of the module (--ast-attrs: positions)
 *   minipy --parse FILE      parse only, print nothing (for benchmarks)
 *   minipy --verdict MODE    reads stdin; prints COMPLETE / INCOMPLETE / ERROR
 * Running a program says clearly that execution is not built yet.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "frontend_tool.h"

static int usage(FILE *f, int status)
{
    fprintf(f, "usage: minipy --tokens FILE | --ast FILE | --ast-attrs FILE | --parse FILE |\n"
               "              --verdict exec|single|eval\n"
               "(running Python code needs the VM, which is not built yet)\n");
    return status;
}

int main(int argc, char **argv)
{
    if (argc >= 2 && (strcmp(argv[1], "-h") == 0 || strcmp(argv[1], "--help") == 0))
        return usage(stdout, 0);
    if (argc == 3 && strcmp(argv[1], "--tokens") == 0)
        return mpy_tool_tokens(argv[2]);
    if (argc == 3 && strcmp(argv[1], "--ast") == 0)
        return mpy_tool_ast(argv[2], 0);
    if (argc == 3 && strcmp(argv[1], "--ast-attrs") == 0)
        return mpy_tool_ast(argv[2], 1);
    if (argc == 3 && strcmp(argv[1], "--parse") == 0)
        return mpy_tool_ast(argv[2], -1);
    if (argc == 3 && strcmp(argv[1], "--verdict") == 0)
        return mpy_tool_verdict(argv[2]);
    fprintf(stderr, "minipy: executing Python code is not implemented yet (the VM is issue 3)\n");
    return usage(stderr, 2);
}
