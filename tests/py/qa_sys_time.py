# QA probe (issue "Breadth"), compared with CPython 3.11 by tests/run_py.sh: sys and time basics
# (struct_time from a short sequence left out: known difference).
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)
import sys, time
t(lambda: sys.maxsize); t(lambda: sys.version_info[:2]); t(lambda: sys.version_info >= (3, 8)); t(lambda: sys.version_info.major); t(lambda: type(sys.version)); t(lambda: sys.argv[1:]); t(lambda: sys.byteorder)
t(lambda: sys.getrecursionlimit()); t(lambda: sys.setrecursionlimit(2000)); t(lambda: sys.getrecursionlimit()); t(lambda: sys.setrecursionlimit(0)); t(lambda: sys.setrecursionlimit('a')); t(lambda: sys.platform)
t(lambda: sys.stdout.write('abc\n')); t(lambda: sys.float_info.max); t(lambda: sys.float_info.epsilon); t(lambda: sys.float_info.dig); t(lambda: sys.int_info.bits_per_digit > 0); t(lambda: sys.maxunicode); t(lambda: 'sys' in sys.modules)
t(lambda: type(sys.path)); t(lambda: sys.getsizeof(1) > 0); t(lambda: callable(sys.exc_info)); t(lambda: sys.exc_info()); t(lambda: sys.implementation.name in ('cpython', 'minipy')); t(lambda: sys.stdin is not None); t(lambda: sys.stderr.write('') )
def ei():
    try:
        raise KeyError(1)
    except KeyError:
        a = sys.exc_info()
        return a[0], a[1], a[2] is not None
t(ei)
def ex():
    try:
        sys.exit(5)
    except SystemExit as e:
        return e.code, e.args
t(ex)
t(lambda: type(time.time())); t(lambda: time.time() > 1e9); t(lambda: type(time.perf_counter())); t(lambda: time.sleep(0)); t(lambda: time.sleep(-1)); t(lambda: time.sleep('a')); t(lambda: type(time.monotonic()))
t(lambda: time.gmtime(0)); t(lambda: time.gmtime(0).tm_year); t(lambda: time.strftime('%Y-%m-%d %H:%M:%S', time.gmtime(86400 * 365))); t(lambda: time.mktime(time.localtime(1000)) == 1000.0); t(lambda: len(time.gmtime(0))); t(lambda: tuple(time.gmtime(10**9)))
t(lambda: time.struct_time((2020, 1, 2, 3, 4, 5, 6, 7, 0))); t(lambda: time.gmtime(0)[0]); t(lambda: time.gmtime(0)[:3]); t(lambda: time.asctime(time.gmtime(0))); t(lambda: time.strftime('%a %b %d %j', time.gmtime(10**9)))
t(lambda: type(time.time_ns())); t(lambda: time.gmtime(1.5).tm_sec); t(lambda: time.gmtime(-1).tm_year); t(lambda: time.strftime('%%')); t(lambda: time.ctime(0)[:3] in ('Thu', 'Wed'))
