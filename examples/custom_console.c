/* A console whose write() is captured into a buffer, as custom_console.py
 * does with a subclass of code.InteractiveConsole:
 *
 *     class BufferingConsole(code.InteractiveConsole):
 *         def write(self, data):
 *             self.output.write(data)
 *     console = BufferingConsole(locals={})
 *     console.runsource("1 / 0")
 *     print(console.output.getvalue())
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <minipy/vm.h>

typedef struct text {
    char *data;
    size_t len;
} text;

static void buffer_write(mpy_repl *r, const char *s, size_t len, void *user_data)
{
    (void)r;
    text *t = user_data;
    char *p = realloc(t->data, t->len + len + 1);
    if (!p) return;
    memcpy(p + t->len, s, len);
    t->data = p;
    t->len += len;
    p[t->len] = 0;
}

int main(void)
{
    mpy_vm *vm = mpy_vm_new(NULL);
    if (!vm) return 1;
    text out = {NULL, 0};
    mpy_repl_hooks hooks = {.write = buffer_write, .user_data = &out};
    mpy_handle ns = mpy_new_dict(vm);
    mpy_repl *console = ns ? mpy_repl_new(vm, ns, NULL, &hooks) : NULL;
    if (!console) {
        mpy_print_exception(vm);
        return 1;
    }
    mpy_repl_runsource(console, "1 / 0", NULL, MPY_EXEC_SINGLE);
    printf("%s\n", out.data ? out.data : "");
    free(out.data);
    mpy_repl_free(console);
    mpy_handle_release(vm, ns);
    mpy_vm_free(vm);
    return 0;
}
