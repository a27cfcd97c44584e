"""Rational numbers (minipy's own implementation of CPython's
fractions.Fraction): exact arithmetic on Python ints, kept in lowest terms
with the sign on the numerator.  Mixed with an int the result is a
Fraction, with a float it is a float, as in CPython.  Decimal inputs are not
supported (minipy has no decimal module)."""

import math
import operator
import sys

__all__ = ["Fraction"]

_HASH_MODULUS = 2 ** 61 - 1
_HASH_INF = 314159


def _parse(text):
    """'3/4', '-1.5e2', ' 7 ' -> (numerator, denominator); None if invalid."""
    s = text.strip()
    if not s:
        return None
    sign = 1
    if s[0] in "+-":
        if s[0] == "-":
            sign = -1
        s = s[1:]
    if "/" in s:
        num, _, den = s.partition("/")
        if not _is_digits(num) or not _is_digits(den):
            return None
        return sign * int(num), int(den)
    mantissa, exp = s, 0
    for e in "eE":
        if e in s:
            mantissa, _, exps = s.partition(e)
            if exps[:1] in "+-" and exps[:1]:
                body = exps[1:]
            else:
                body = exps
            if not _is_digits(body):
                return None
            exp = int(exps)
            break
    whole, dot, frac = mantissa.partition(".")
    if not whole and not frac:
        return None
    if (whole and not _is_digits(whole)) or (frac and not _is_digits(frac)):
        return None
    num = int(whole + frac) if whole + frac else 0
    den = 10 ** len(frac)
    if exp >= 0:
        num *= 10 ** exp
    else:
        den *= 10 ** -exp
    return sign * num, den


def _is_digits(s):
    if not s or s[0] == "_" or s[-1] == "_" or "__" in s:
        return False
    return all(c in "0123456789_" for c in s)


class Fraction:
    __slots__ = ("_numerator", "_denominator")

    def __new__(cls, numerator=0, denominator=None, *, _normalize=True):
        self = object.__new__(cls)
        if denominator is None:
            if type(numerator) is int or isinstance(numerator, int):
                self._numerator = int(numerator)
                self._denominator = 1
                return self
            if isinstance(numerator, Fraction):
                self._numerator = numerator._numerator
                self._denominator = numerator._denominator
                return self
            if isinstance(numerator, float):
                n, d = numerator.as_integer_ratio()
                self._numerator = n
                self._denominator = d
                return self
            if isinstance(numerator, str):
                parsed = _parse(numerator)
                if parsed is None:
                    raise ValueError("Invalid literal for Fraction: %r" % numerator)
                numerator, denominator = parsed
                if denominator == 0:
                    raise ZeroDivisionError("Fraction(%s, 0)" % numerator)
            elif hasattr(numerator, "numerator") and hasattr(numerator, "denominator"):
                numerator, denominator = numerator.numerator, numerator.denominator
            else:
                raise TypeError("argument should be a string or a Rational instance")
        elif isinstance(numerator, int) and isinstance(denominator, int):
            numerator, denominator = int(numerator), int(denominator)
        elif isinstance(numerator, (int, Fraction)) and isinstance(denominator, (int, Fraction)):
            a = Fraction(numerator)
            b = Fraction(denominator)
            numerator = a._numerator * b._denominator
            denominator = a._denominator * b._numerator
        else:
            raise TypeError("both arguments should be Rational instances")
        if denominator == 0:
            raise ZeroDivisionError("Fraction(%s, 0)" % numerator)
        if _normalize:
            g = math.gcd(numerator, denominator)
            if denominator < 0:
                g = -g
            numerator //= g
            denominator //= g
        self._numerator = numerator
        self._denominator = denominator
        return self

    @classmethod
    def from_float(cls, f):
        if isinstance(f, int):
            return cls(f)
        if not isinstance(f, float):
            raise TypeError("%s.from_float() only takes floats, not %r (%s)" % (cls.__name__, f, type(f).__name__))
        return cls(*f.as_integer_ratio())

    @classmethod
    def from_decimal(cls, dec):
        raise NotImplementedError("Fraction.from_decimal: minipy has no decimal module")

    def as_integer_ratio(self):
        return (self._numerator, self._denominator)

    def limit_denominator(self, max_denominator=1000000):
        """The closest Fraction with denominator at most max_denominator
        (continued fraction convergents, then the better of the last
        convergent and the best semiconvergent)."""
        if max_denominator < 1:
            raise ValueError("max_denominator should be at least 1")
        if self._denominator <= max_denominator:
            return Fraction(self)
        p0, q0, p1, q1 = 0, 1, 1, 0
        n, d = self._numerator, self._denominator
        while True:
            a = n // d
            q2 = q0 + a * q1
            if q2 > max_denominator:
                break
            p0, q0, p1, q1 = p1, q1, p0 + a * p1, q2
            n, d = d, n - a * d
        k = (max_denominator - q0) // q1
        # the semiconvergent wins only when strictly closer (ties go to the convergent)
        if 2 * d * (q0 + k * q1) <= self._denominator:
            return Fraction(p1, q1, _normalize=False)
        return Fraction(p0 + k * p1, q0 + k * q1, _normalize=False)

    @property
    def numerator(self):
        return self._numerator

    @property
    def denominator(self):
        return self._denominator

    def __repr__(self):
        return "%s(%s, %s)" % (self.__class__.__name__, self._numerator, self._denominator)

    def __str__(self):
        if self._denominator == 1:
            return str(self._numerator)
        return "%s/%s" % (self._numerator, self._denominator)

    # -- arithmetic: each operator accepts int/Fraction (exact) and float

    def _operands(self, other):
        if isinstance(other, Fraction):
            return other._numerator, other._denominator
        if isinstance(other, int):
            return int(other), 1
        return None

    def _binary(self, other, exact, inexact, reflected=False):
        pair = self._operands(other)
        if pair is not None:
            if reflected:
                return exact(pair[0], pair[1], self._numerator, self._denominator)
            return exact(self._numerator, self._denominator, pair[0], pair[1])
        if isinstance(other, float):
            if reflected:
                return inexact(other, float(self))
            return inexact(float(self), other)
        if isinstance(other, complex) if "complex" in dir(__builtins__) else False:
            if reflected:
                return inexact(other, complex(float(self)))
            return inexact(complex(float(self)), other)
        return NotImplemented

    def __add__(self, other):
        return self._binary(other, lambda na, da, nb, db: Fraction(na * db + nb * da, da * db), operator.add)

    def __radd__(self, other):
        return self._binary(other, lambda na, da, nb, db: Fraction(na * db + nb * da, da * db), operator.add, True)

    def __sub__(self, other):
        return self._binary(other, lambda na, da, nb, db: Fraction(na * db - nb * da, da * db), operator.sub)

    def __rsub__(self, other):
        return self._binary(other, lambda na, da, nb, db: Fraction(na * db - nb * da, da * db), operator.sub, True)

    def __mul__(self, other):
        return self._binary(other, lambda na, da, nb, db: Fraction(na * nb, da * db), operator.mul)

    def __rmul__(self, other):
        return self._binary(other, lambda na, da, nb, db: Fraction(na * nb, da * db), operator.mul, True)

    def __truediv__(self, other):
        return self._binary(other, _div, operator.truediv)

    def __rtruediv__(self, other):
        return self._binary(other, _div, operator.truediv, True)

    def __floordiv__(self, other):
        return self._binary(other, lambda na, da, nb, db: (na * db) // (da * nb), operator.floordiv)

    def __rfloordiv__(self, other):
        return self._binary(other, lambda na, da, nb, db: (na * db) // (da * nb), operator.floordiv, True)

    def __mod__(self, other):
        return self._binary(other, lambda na, da, nb, db: Fraction((na * db) % (nb * da), da * db), operator.mod)

    def __rmod__(self, other):
        return self._binary(other, lambda na, da, nb, db: Fraction((na * db) % (nb * da), da * db),
                            operator.mod, True)

    def __divmod__(self, other):
        return self._binary(other, _divmod, divmod)

    def __rdivmod__(self, other):
        return self._binary(other, _divmod, divmod, True)

    def __pow__(self, b):
        if isinstance(b, int) or (isinstance(b, Fraction) and b._denominator == 1):
            power = int(b) if isinstance(b, int) else b._numerator
            if power >= 0:
                return Fraction(self._numerator ** power, self._denominator ** power, _normalize=False)
            if self._numerator == 0:
                raise ZeroDivisionError("Fraction(%s, 0)" % (self._denominator ** -power))
            if self._numerator > 0:
                return Fraction(self._denominator ** -power, self._numerator ** -power, _normalize=False)
            return Fraction((-self._denominator) ** -power, (-self._numerator) ** -power, _normalize=False)
        if isinstance(b, (float, Fraction)):
            return float(self) ** float(b)
        return NotImplemented

    def __rpow__(self, a):
        if self._denominator == 1 and self._numerator >= 0:
            return a ** self._numerator
        if isinstance(a, int):
            return Fraction(a) ** self
        if self._denominator == 1:
            return a ** self._numerator
        return a ** float(self)

    def __pos__(self):
        return Fraction(self._numerator, self._denominator, _normalize=False)

    def __neg__(self):
        return Fraction(-self._numerator, self._denominator, _normalize=False)

    def __abs__(self):
        return Fraction(abs(self._numerator), self._denominator, _normalize=False)

    def __int__(self):
        if self._numerator < 0:
            return -(-self._numerator // self._denominator)
        return self._numerator // self._denominator

    __trunc__ = __int__

    def __index__(self):
        raise TypeError("'Fraction' object cannot be interpreted as an integer")

    def __float__(self):
        return self._numerator / self._denominator

    def __floor__(self):
        return self._numerator // self._denominator

    def __ceil__(self):
        return -(-self._numerator // self._denominator)

    def __round__(self, ndigits=None):
        if ndigits is None:
            floor, remainder = divmod(self._numerator, self._denominator)
            if remainder * 2 < self._denominator:
                return floor
            if remainder * 2 > self._denominator:
                return floor + 1
            return floor if floor % 2 == 0 else floor + 1
        shift = 10 ** abs(ndigits)
        if ndigits > 0:
            return Fraction(round(self * shift), shift)
        return Fraction(round(self / shift) * shift)

    def __hash__(self):
        # equal to hash() of an equal int or float, as in CPython
        try:
            dinv = pow(self._denominator, -1, _HASH_MODULUS)
        except ValueError:
            h = _HASH_INF
        else:
            h = hash(hash(abs(self._numerator)) * dinv)
        if self._numerator < 0:
            h = -h
        return -2 if h == -1 else h

    def __eq__(self, b):
        if isinstance(b, Fraction):
            return self._numerator == b._numerator and self._denominator == b._denominator
        if isinstance(b, int):
            return self._numerator == b and self._denominator == 1
        if isinstance(b, float):
            if b != b or b in (float("inf"), float("-inf")):
                return 0.0 == b
            return self == Fraction(b)
        return NotImplemented

    def _compare(self, other, op):
        if isinstance(other, (int, Fraction)):
            o = Fraction(other)
            return op(self._numerator * o._denominator, o._numerator * self._denominator)
        if isinstance(other, float):
            if other != other or other in (float("inf"), float("-inf")):
                return op(0.0, other)
            return self._compare(Fraction(other), op)
        return NotImplemented

    def __lt__(self, other):
        return self._compare(other, operator.lt)

    def __gt__(self, other):
        return self._compare(other, operator.gt)

    def __le__(self, other):
        return self._compare(other, operator.le)

    def __ge__(self, other):
        return self._compare(other, operator.ge)

    def __bool__(self):
        return bool(self._numerator)

    def __reduce__(self):
        return (self.__class__, (self._numerator, self._denominator))

    def __copy__(self):
        if type(self) is Fraction:
            return self
        return self.__class__(self._numerator, self._denominator)

    def __deepcopy__(self, memo):
        if type(self) is Fraction:
            return self
        return self.__class__(self._numerator, self._denominator)


def _div(na, da, nb, db):
    if nb == 0:
        raise ZeroDivisionError("Fraction(%s, 0)" % (na * db))
    return Fraction(na * db, da * nb)


def _divmod(na, da, nb, db):
    q, r = divmod(na * db, da * nb)
    return q, Fraction(r, da * db)
