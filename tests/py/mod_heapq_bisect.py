# heapq (exact list contents after each operation) and bisect.
import heapq
import bisect


def err(f):
    try:
        r = f()
        print("ok", r)
    except Exception as e:
        print(type(e).__name__, e)


h = []
for x in [5, 3, 8, 1, 9, 2, 7, 3, 0, 6]:
    heapq.heappush(h, x)
    print(h)
out = []
while h:
    out.append(heapq.heappop(h))
    print(h)
print(out)
data = [9, 8, 7, 6, 5, 4, 3, 2, 1, 0, 11, 15, 13]
heapq.heapify(data)
print(data)
print(heapq.heapreplace(data, 10), data)
print(heapq.heappushpop(data, -1), data)
print(heapq.heappushpop(data, 12), data)
print(heapq.nlargest(3, [5, 1, 8, 3, 9, 2]), heapq.nsmallest(3, [5, 1, 8, 3, 9, 2]))
print(heapq.nlargest(2, ["bb", "a", "ccc", "dd"], key=len), heapq.nsmallest(2, ["bb", "a", "ccc", "dd"], key=len))
print(heapq.nlargest(1, [3, 1, 4]), heapq.nsmallest(1, []), heapq.nlargest(0, [1]), heapq.nsmallest(10, [3, 1, 2]))
print(list(heapq.merge([1, 4, 7], [2, 5, 8], [3, 6, 9])))
print(list(heapq.merge([1, 3], [], [2, 2, 10])))
print(list(heapq.merge(["a", "ccc"], ["bb", "dddd"], key=len)))
print(list(heapq.merge([9, 5, 1], [8, 4], reverse=True)))
tasks = []
heapq.heappush(tasks, (2, "write"))
heapq.heappush(tasks, (1, "plan"))
heapq.heappush(tasks, (3, "test"))
heapq.heappush(tasks, (1, "coffee"))
print([heapq.heappop(tasks) for _ in range(4)])
err(lambda: heapq.heappop([]))
err(lambda: heapq.heapreplace([], 1))
err(lambda: heapq.heappush((), 1))
err(lambda: heapq.heapify(None))
# Dijkstra
graph = {"a": {"b": 7, "c": 9, "f": 14}, "b": {"c": 10, "d": 15}, "c": {"d": 11, "f": 2},
         "d": {"e": 6}, "e": {}, "f": {"e": 9}}
dist = {"a": 0}
pq = [(0, "a")]
while pq:
    d, u = heapq.heappop(pq)
    if d > dist.get(u, float("inf")):
        continue
    for v, w in graph[u].items():
        if d + w < dist.get(v, float("inf")):
            dist[v] = d + w
            heapq.heappush(pq, (d + w, v))
print(sorted(dist.items()))
big = list(range(100, 0, -3))
heapq.heapify(big)
print(big[:12])

# bisect
a = [1, 2, 4, 4, 4, 7, 9]
print(bisect.bisect_left(a, 4), bisect.bisect_right(a, 4), bisect.bisect(a, 4), bisect.bisect(a, 0), bisect.bisect(a, 10))
print(bisect.bisect_left(a, 4, 3), bisect.bisect_right(a, 4, 0, 4), bisect.bisect_left(a, 5, hi=3))
b = []
for x in [5, 1, 4, 1, 5, 9, 2, 6]:
    bisect.insort(b, x)
print(b)
bisect.insort_left(b, 5)
bisect.insort_right(b, 3)
print(b)
recs = [("a", 1), ("b", 3), ("c", 5)]
print(bisect.bisect_left(recs, 3, key=lambda r: r[1]), bisect.bisect_right(recs, 3, key=lambda r: r[1]))
bisect.insort(recs, ("x", 4), key=lambda r: r[1])
bisect.insort_left(recs, ("y", 3), key=lambda r: r[1])
print(recs)
err(lambda: bisect.bisect([1], 1, -1))
grades = "FDCBA"
print([grades[bisect.bisect([60, 70, 80, 90], s)] for s in [33, 99, 77, 70, 89, 90, 100]])
mx = [3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5]
heapq._heapify_max(mx)
print(mx, heapq._heappop_max(mx), mx, heapq._heapreplace_max(mx, 0), mx)
err(lambda: heapq.heappop())
err(lambda: heapq.heapify())
err(lambda: heapq.heapreplace([]))
err(lambda: heapq.heappushpop([1]))
err(lambda: heapq.heappush([], 1, 2))
err(lambda: heapq.heappush([], item=1))
err(lambda: heapq.heappop(()))
print(heapq.heappushpop([], 5), heapq.heappushpop([1], 0))


class Evil:
    def __init__(self, heap):
        self.heap = heap

    def __lt__(self, other):
        self.heap.clear()
        return False


eh = [1, 2, 3]
err(lambda: heapq.heappush(eh, Evil(eh)))


class Rev(list):
    pass


rh = Rev([5, 4, 3, 2, 1])
heapq.heapify(rh)
print(rh, type(rh).__name__)
