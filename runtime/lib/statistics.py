"""Basic statistics (minipy's own implementation of the common part of
CPython's statistics): mean, fmean, geometric_mean, harmonic_mean, median,
median_low, median_high, mode, multimode, variance, pvariance, stdev,
pstdev, quantiles.

Like CPython, sums are exact: every value is turned into an integer ratio
and accumulated as a rational (a numerator/denominator pair of Python
ints), so mean([1, 2, 3]) is the int 2 and variance of floats is correctly
rounded; the result gets the type of the data (int data giving a float
when the result is not whole).  The standard deviations take a correctly
rounded square root of that exact rational.  fractions/decimal inputs are
not supported (minipy has neither module yet)."""

import math
from collections import Counter
from fractions import Fraction

__all__ = ["StatisticsError", "fmean", "geometric_mean", "harmonic_mean", "mean", "median", "median_grouped",
           "median_high", "median_low", "mode", "multimode", "pstdev", "pvariance", "quantiles", "stdev",
           "variance"]


class StatisticsError(ValueError):
    pass


class _Q:
    """An exact rational n/d (d > 0, in lowest terms)."""
    __slots__ = ("n", "d")

    def __init__(self, n, d=1):
        if d < 0:
            n, d = -n, -d
        g = math.gcd(n, d)
        if g > 1:
            n //= g
            d //= g
        self.n = n
        self.d = d

    def add(self, o):
        return _Q(self.n * o.d + o.n * self.d, self.d * o.d)

    def sub(self, o):
        return _Q(self.n * o.d - o.n * self.d, self.d * o.d)

    def mul(self, o):
        return _Q(self.n * o.n, self.d * o.d)

    def div(self, o):
        return _Q(self.n * o.d, self.d * o.n)


def _exact_ratio(x):
    if type(x) is int or type(x) is bool:
        return int(x), 1
    try:
        return x.as_integer_ratio()
    except AttributeError:
        pass
    except (OverflowError, ValueError):
        # inf or nan: no exact ratio
        return (x, None)
    msg = "can't convert type '%s' to numerator/denominator" % type(x).__name__
    raise TypeError(msg)


def _coerce(T, S):
    if T is S:
        return T
    if S is int or S is bool:
        return T
    if T is int:
        return S
    if issubclass(S, T):
        return S
    if issubclass(T, S):
        return T
    if issubclass(T, int):
        return S
    if issubclass(S, int):
        return T
    if issubclass(T, Fraction) and issubclass(S, float):
        return S
    if issubclass(T, float) and issubclass(S, Fraction):
        return T
    raise TypeError("don't know how to coerce %s and %s" % (T.__name__, S.__name__))


def _exact_terms(data, add):
    """Calls add(n, d) with the exact ratio of each finite item of data;
    returns (type, count, the sum of the non-finite items or None)."""
    count = 0
    T = int
    special = None
    for x in data:
        T = _coerce(T, type(x))
        n, d = _exact_ratio(x)
        count += 1
        if d is None:
            special = x if special is None else special + x
            continue
        add(n, d)
    return T, count, special


def _sum(data):
    """(type, exact total or a non-finite float, count)."""
    partials = {}

    def add(n, d):
        partials[d] = partials.get(d, 0) + n
    T, count, special = _exact_terms(data, add)
    if special is not None:
        return T, special, count
    total = _Q(0)
    for d, n in partials.items():
        total = total.add(_Q(n, d))
    return T, total, count


def _ss(data):
    """(type, exact sum of squared deviations, count)."""
    sx = {}
    sxx = {}

    def add(n, d):
        sx[d] = sx.get(d, 0) + n
        sxx[d] = sxx.get(d, 0) + n * n
    T, count, special = _exact_terms(data, add)
    if special is not None:
        return T, special, count
    if not count:
        return T, _Q(0), 0
    s1 = _Q(0)
    for d, n in sx.items():
        s1 = s1.add(_Q(n, d))
    s2 = _Q(0)
    for d, n in sxx.items():
        s2 = s2.add(_Q(n, d * d))
    ssd = _Q(count).mul(s2).sub(s1.mul(s1)).div(_Q(count))
    return T, ssd, count


def _convert(value, T):
    if not isinstance(value, _Q):
        return T(value) if T is not int else value
    if T is int and value.d != 1:
        T = float
    if T is int or T is bool:
        return value.n
    if T is float:
        return value.n / value.d
    return T(value.n) / T(value.d)


def _sqrt_frac(n, m):
    """sqrt(n/m) correctly rounded to a float, for ints n >= 0, m > 0."""
    if n <= 0:
        return 0.0
    # scale so that the integer square root has 56+ bits; the last bit is
    # made sticky when inexact so that float() rounds correctly
    q = n.bit_length() - m.bit_length() - 112
    if q % 2:
        q -= 1
    if q < 0:
        num, den = n << -q, m
    else:
        num, den = n, m << q
    quot, rem = divmod(num, den)
    root = math.isqrt(quot)
    if rem or root * root != quot:
        root |= 1
    return math.ldexp(float(root), q // 2)


def mean(data):
    T, total, n = _sum(data)
    if n < 1:
        raise StatisticsError("mean requires at least one data point")
    if isinstance(total, _Q):
        return _convert(total.div(_Q(n)), T)
    return _convert(total / n, T)


def fmean(data, weights=None):
    data = list(data)
    if weights is None:
        n = len(data)
        if not n:
            raise StatisticsError("fmean requires at least one data point")
        return math.fsum(data) / n
    weights = list(weights)
    if len(weights) != len(data):
        raise StatisticsError("data and weights must be the same length")
    num = math.fsum(x * w for x, w in zip(data, weights))
    den = math.fsum(weights)
    if not den:
        raise StatisticsError("sum of weights must be non-zero")
    return num / den


def geometric_mean(data):
    try:
        return math.exp(fmean(math.log(x) for x in data))
    except ValueError:
        raise StatisticsError("geometric mean requires a non-empty dataset containing positive numbers") \
            from None


def harmonic_mean(data, weights=None):
    data = list(data)
    errmsg = "harmonic mean does not support negative values"
    n = len(data)
    if n < 1:
        raise StatisticsError("harmonic_mean requires at least one data point")
    elif n == 1 and weights is None:
        x = data[0]
        if isinstance(x, (int, float)):
            if x < 0:
                raise StatisticsError(errmsg)
            return x
        raise TypeError("unsupported type")
    if weights is None:
        weights = [1] * n
    else:
        weights = list(weights)
        if len(weights) != n:
            raise StatisticsError("Number of weights does not match data size")
    for x in data:
        if x < 0:
            raise StatisticsError(errmsg)
        if x == 0:
            return 0
    T, total, _ = _sum(w / x if w else 0 for w, x in zip(weights, data))
    wt, wsum, _ = _sum(weights)
    if isinstance(total, _Q):
        if total.n <= 0:
            raise StatisticsError("Weighted sum must be positive")
        return _convert(wsum.div(total), T)
    return _convert(wsum.n / wsum.d / total, T)


def _sorted_data(data):
    """The data sorted, for the medians; there must be some."""
    data = sorted(data)
    if not data:
        raise StatisticsError("no median for empty data")
    return data


def median(data):
    data = _sorted_data(data)
    n = len(data)
    if n % 2 == 1:
        return data[n // 2]
    i = n // 2
    return (data[i - 1] + data[i]) / 2


def median_low(data):
    data = _sorted_data(data)
    n = len(data)
    if n % 2 == 1:
        return data[n // 2]
    return data[n // 2 - 1]


def median_high(data):
    data = _sorted_data(data)
    n = len(data)
    return data[n // 2]


def median_grouped(data, interval=1):
    data = _sorted_data(data)
    n = len(data)
    x = data[n // 2]
    # the interpolation of CPython's median_grouped, over the run of x
    lo = 0
    while lo < n and data[lo] < x:
        lo += 1
    hi = lo
    while hi < n and data[hi] == x:
        hi += 1
    try:
        interval = float(interval)
        x = float(x)
    except ValueError:
        raise TypeError("Value cannot be converted to a float")
    L = x - interval / 2
    cf = lo
    f = hi - lo
    return L + interval * (n / 2 - cf) / f


def mode(data):
    pairs = Counter(iter(data)).most_common(1)
    try:
        return pairs[0][0]
    except IndexError:
        raise StatisticsError("no mode for empty data") from None


def multimode(data):
    counts = Counter(iter(data))
    if not counts:
        return []
    maxcount = max(counts.values())
    return [value for value, count in counts.items() if count == maxcount]


def _mean_square(data, ddof, name):
    """(type, the exact sum of squared deviations / (n - ddof)) for the
    variances and deviations; when data holds a non-finite value, that
    value's sum / (n - ddof), a float.  ddof 1 (sample) needs two data
    points, ddof 0 one."""
    T, ss, n = _ss(data)
    if n <= ddof:
        raise StatisticsError(name + (" requires at least two data points" if ddof
                                      else " requires at least one data point"))
    if not isinstance(ss, _Q):
        return T, ss / (n - ddof)
    return T, ss.div(_Q(n - ddof))


def variance(data, xbar=None):
    T, mss = _mean_square(data, 1, "variance")
    return _convert(mss, T)


def pvariance(data, mu=None):
    T, mss = _mean_square(data, 0, "pvariance")
    return _convert(mss, T)


def stdev(data, xbar=None):
    T, mss = _mean_square(data, 1, "stdev")
    if not isinstance(mss, _Q):
        # As CPython 3.11 does: a non-finite float has no numerator.
        return _sqrt_frac(mss.numerator, mss.denominator)
    return _sqrt_frac(mss.n, mss.d)


def pstdev(data, mu=None):
    T, mss = _mean_square(data, 0, "pstdev")
    if not isinstance(mss, _Q):
        # As CPython 3.11 does: a non-finite float has no numerator.
        return _sqrt_frac(mss.numerator, mss.denominator)
    return _sqrt_frac(mss.n, mss.d)


def quantiles(data, *, n=4, method="exclusive"):
    if n < 1:
        raise StatisticsError("n must be at least 1")
    data = sorted(data)
    ld = len(data)
    if ld < 2:
        raise StatisticsError("must have at least two data points")
    if method == "inclusive":
        m = ld - 1
        result = []
        for i in range(1, n):
            j, delta = divmod(i * m, n)
            interpolated = (data[j] * (n - delta) + data[j + 1] * delta) / n
            result.append(interpolated)
        return result
    if method == "exclusive":
        m = ld + 1
        result = []
        for i in range(1, n):
            j = i * m // n
            j = 1 if j < 1 else ld - 1 if j > ld - 1 else j
            delta = i * m - j * n
            interpolated = (data[j - 1] * (n - delta) + data[j] * delta) / n
            result.append(interpolated)
        return result
    raise ValueError("Unknown method: %r" % (method,))
