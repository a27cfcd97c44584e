"""The heapq module: a binary min-heap kept in a plain list.

minipy's own, frozen into the interpreter (runtime/lib/freeze.sh).  The
five primitives (heappush, heappop, heapify, heapreplace, heappushpop) are
C functions of _heapq (runtime/mod_heapq.c), for speed; merge, nsmallest,
nlargest and the private max-heap helpers are here.  The list contents
after each operation are observable, so both follow the classic scheme
CPython uses: a push bubbles the new item up from the end; a pop moves the
hole at the root all the way down to a leaf along the smaller children and
then bubbles the displaced last item up from there.  Only `<` is used to
compare items.

nsmallest/nlargest are defined by the documentation as equal to
sorted(iterable, key=key)[:n] (reverse=True for nlargest), and are
computed that way: the result, ties included, is the same.
"""

__all__ = ["heappush", "heappop", "heapify", "heapreplace", "merge",
           "nlargest", "nsmallest", "heappushpop"]

from _heapq import heappush, heappop, heapify, heapreplace, heappushpop


def _check(heap, fname, which='argument'):
    if not isinstance(heap, list):
        got = 'None' if heap is None else type(heap).__name__
        raise TypeError('%s() %s must be list, not %s' % (fname, which, got))


# Max-heap versions of the primitives (private in CPython too, but used
# by some programs): the same sifting with the comparisons reversed.
def _sift_up_from_max(heap, root, pos):
    item = heap[pos]
    while pos > root:
        parent = (pos - 1) >> 1
        above = heap[parent]
        if above < item:
            heap[pos] = above
            pos = parent
        else:
            break
    heap[pos] = item


def _sift_down_from_max(heap, pos):
    end = len(heap)
    start = pos
    item = heap[pos]
    child = 2 * pos + 1
    while child < end:
        right = child + 1
        if right < end and not heap[right] < heap[child]:
            child = right
        heap[pos] = heap[child]
        pos = child
        child = 2 * pos + 1
    heap[pos] = item
    _sift_up_from_max(heap, start, pos)


def _heapify_max(x, /):
    _check(x, '_heapify_max')
    for i in range(len(x) // 2 - 1, -1, -1):
        _sift_down_from_max(x, i)


def _heappop_max(heap, /):
    _check(heap, '_heappop_max')
    if not heap:
        raise IndexError('index out of range')
    last = heap.pop()
    if not heap:
        return last
    largest = heap[0]
    heap[0] = last
    _sift_down_from_max(heap, 0)
    return largest


def _heapreplace_max(heap, item, /):
    _check(heap, '_heapreplace_max', 'argument 1')
    if not heap:
        raise IndexError('index out of range')
    largest = heap[0]
    heap[0] = item
    _sift_down_from_max(heap, 0)
    return largest


def merge(*iterables, key=None, reverse=False):
    """Merge sorted iterables into one sorted iterator (stable: among equal
    items, those of earlier iterables come first)."""
    entries = []
    for order, it in enumerate(iterables):
        nxt = iter(it).__next__
        try:
            value = nxt()
        except StopIteration:
            continue
        entries.append([value if key is None else key(value), order, value, nxt])
    if not reverse:
        heapify(entries)
        while len(entries) > 1:
            top = entries[0]
            yield top[2]
            try:
                value = top[3]()
            except StopIteration:
                heappop(entries)
                continue
            top[0] = value if key is None else key(value)
            top[2] = value
            heapreplace(entries, top)
    else:
        # Largest first: pick the best entry by a scan (the number of
        # iterables is small); ties go to the earlier iterable.
        while len(entries) > 1:
            best = 0
            for i in range(1, len(entries)):
                if entries[best][0] < entries[i][0]:
                    best = i
            top = entries[best]
            yield top[2]
            try:
                value = top[3]()
            except StopIteration:
                del entries[best]
                continue
            top[0] = value if key is None else key(value)
            top[2] = value
    if entries:
        top = entries[0]
        yield top[2]
        nxt = top[3]
        while True:
            try:
                value = nxt()
            except StopIteration:
                return
            yield value


def nsmallest(n, iterable, key=None):
    """The n smallest items of iterable: sorted(iterable, key=key)[:n]."""
    if n == 1:
        sentinel = object()
        if key is None:
            result = min(iterable, default=sentinel)
        else:
            result = min(iterable, default=sentinel, key=key)
        return [] if result is sentinel else [result]
    items = list(iterable)
    if n <= 0:
        return []
    return sorted(items, key=key)[:n]


def nlargest(n, iterable, key=None):
    """The n largest items: sorted(iterable, key=key, reverse=True)[:n]."""
    if n == 1:
        sentinel = object()
        if key is None:
            result = max(iterable, default=sentinel)
        else:
            result = max(iterable, default=sentinel, key=key)
        return [] if result is sentinel else [result]
    items = list(iterable)
    if n <= 0:
        return []
    return sorted(items, key=key, reverse=True)[:n]
