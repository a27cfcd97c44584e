import statistics as st
for data in ([1, 2, 3, 4], [1, 2, 3], [2.5, 3.25, 5.5, 11.25], [1, 1, 2, 3, 3, 3, 7], [0.1] * 7 + [0.3], [10**20, 1, -5], [True, False, True, 3]):
    print(st.mean(data), st.fmean(data), st.median(data), st.median_low(data), st.median_high(data), st.mode(data))
    print(st.variance(data), st.pvariance(data), st.stdev(data), st.pstdev(data))
print(st.multimode('aabbbcccd'), st.multimode([]), st.mode(['red', 'blue', 'red']))
print(st.quantiles([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]), st.quantiles(range(1, 101), n=10), st.quantiles([1, 5, 9], method='inclusive'))
print(st.geometric_mean([54, 24, 36]), st.harmonic_mean([40, 60]), st.harmonic_mean([2.5, 3, 10]))
print(st.median_grouped([52, 52, 53, 54]), st.median_grouped([1, 3, 3, 5, 7], interval=2))
print(st.stdev([1.5, 2.5, 2.5, 2.75, 3.25, 4.75]), st.pstdev([0.0, 0.25, 0.25, 1.25, 1.5, 1.75, 2.75, 3.25]))
print(st.variance([0, 0, 0, 1]), st.mean([0.5, 1]), type(st.mean([1, 3])), st.mean([1, 2]))
for f, arg in ((st.mean, []), (st.median, []), (st.variance, [1]), (st.stdev, [1]), (st.pvariance, []), (st.quantiles, [1])):
    try: f(arg)
    except st.StatisticsError as e: print(type(e).__name__, e)
print(issubclass(st.StatisticsError, ValueError))
try: st.mean(['a'])
except TypeError as e: print(e)
print(st.fmean([3.5, 4.0, 5.25]), st.fmean([1, 2, 3], weights=[3, 2, 1]))
from fractions import Fraction as F
print(repr(st.mean([F(1, 2), F(1, 3), 1])), repr(st.median([F(1, 2), F(1, 3)])), repr(st.variance([F(1, 2), F(1, 3), F(1)])))
import statistics
from fractions import Fraction
print(statistics.mean([1.5, 2, Fraction(1, 3)]), statistics.mean([Fraction(1, 3), 0.5]))
print(statistics.variance([1, 2, float('inf')]), statistics.pvariance([1.0, float('inf')]))
print(statistics.variance([1, float('-inf'), float('inf')]), statistics.pvariance([float('nan')]))
print(statistics.median([1, 2.5, Fraction(1, 2)]), statistics.fmean([Fraction(1, 2), 1.5]))
try:
    print(statistics.stdev([1, 2, float('nan')]))
except AttributeError as e:
    print("AttributeError", e)
try:
    print(statistics.pstdev([float('inf')]))
except AttributeError as e:
    print("AttributeError", e)
