/* Command-line access to the front end (tokens, AST dumps, verdicts), used by
 * tests and by people debugging the grammar. */
#ifndef MPY_FRONTEND_TOOL_H
#define MPY_FRONTEND_TOOL_H

int mpy_tool_tokens(const char *path);
int mpy_tool_ast(const char *path, int attributes);
int mpy_tool_verdict(const char *mode);

#endif
