# The time module: clocks (checked for sanity only, never printed) and
# the calendar conversions on fixed timestamps.
import time

t1 = time.time()
p1, m1, c1 = time.perf_counter(), time.monotonic(), time.process_time()
time.sleep(0.01)
time.sleep(0)
print(time.time() >= t1, time.perf_counter() - p1 >= 0.009, time.monotonic() >= m1, time.process_time() >= c1)
print(type(time.time_ns()).__name__, time.time_ns() > 1_600_000_000 * 10**9, type(time.perf_counter_ns()).__name__)
g = time.gmtime(0)
print(g)
print(g.tm_year, g.tm_mon, g.tm_mday, g.tm_wday, g.tm_yday, g[0], len(g), tuple(g)[:3], isinstance(g, tuple))
g2 = time.gmtime(1700000000.75)
print(tuple(g2), type(g2).__name__)
print(time.strftime("%Y-%m-%d %H:%M:%S %a %b %j", g2))
print(time.strftime("%%", g2), repr(time.strftime("", g2)))
print(time.asctime(g2), time.asctime((2024, 2, 29, 13, 5, 9, 3, 60, 0)))
print(time.strftime("%A %d/%m/%y", (2000, 1, 1, 0, 0, 0, 5, 1, 0)))
lt = time.localtime()
print(type(lt).__name__, len(lt), time.mktime(time.localtime(1700000000)) == 1700000000.0)
print(type(time.ctime()).__name__, len(time.ctime(0)))
for expr in ["time.sleep()", "time.sleep(-1)", "time.sleep('a')", "time.time(1)", "time.strftime()",
             "time.strftime(1)", "time.gmtime(1, 2)", "time.asctime((1, 2))"]:
    try:
        print(expr, "->", eval(expr))
    except Exception as e:
        print(expr, "->", type(e).__name__ + ":", e)
