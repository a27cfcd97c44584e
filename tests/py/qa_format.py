# QA probe (issue "Breadth"), compared with CPython 3.11 by tests/run_py.sh: format(), f-strings, str.format, % formatting, round
# (f"{x}" on a class with its own __format__ is left out: known difference in vm/interp.c).
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)
# inf/nan with ',' '_' grouping are left out (known difference in format.c)
vals = [0.0, -0.0, 1.0, 1.5, 2.5, -2.5, 0.1, 123456.789, 1e16, 1.23e-5, 1e100, 12345678901234567890.0, 3, -42, 2**70]
for v in [float('inf'), float('-inf'), float('nan')]:
    for s in ['', 'f', '.2f', 'e', 'g', '%', '+', '>8', '=+8', '08', 'E', 'F', 'G', '.0']:
        print(repr(v), repr(s), repr(format(v, s)))
specs = ['', 'f', '.0f', '.2f', 'e', '.3e', 'E', 'g', '.3g', 'G', '%', '.1%', '10.3f', '<10.2f', '>10.2f', '^10.2f', '=10.2f', '+.2f', ' .2f', '-.2f',
         '010.2f', ',.2f', '_.2f', ',', '_', '#.0f', '#g', '.0e', '#.0e', '*^12.3g', '.10g', '.17g', 'n', '015,.2f', 'z.2f', '.20f', '#x', 'd', 'x', 'b', 'o', 'c', 'X', '#o', '#b', ',d', '_x', '08d', '+d']
for v in vals:
    for s in specs:
        try:
            print(repr(v), repr(s), repr(format(v, s)))
        except Exception as e:
            print(repr(v), repr(s), type(e).__name__, e)
for x in [0.5, 1.5, 2.5, 3.5, -0.5, -1.5, 0.125, 0.375, 2.675, 1.005, 12345.5, 5, 15, 25, -25, 2**70 + 5, 1e300]:
    for n in [None, 0, 1, 2, -1, -2]:
        try:
            print(repr(x), n, repr(round(x) if n is None else round(x, n)))
        except Exception as e:
            print(repr(x), n, type(e).__name__, e)
t(lambda: round(float('inf'))); t(lambda: round(float('nan'))); t(lambda: round(float('inf'), 2)); t(lambda: round(1.5, None)); t(lambda: round('a'))
for v in [1e15, 1e16, 1e17, 1.5e-4, 1.5e-5, 0.0001, 123456789012345678.0, 1/3, 2/3, 1e22, 1e-7, 5e-324, 1.7976931348623157e308]:
    print(repr(v), str(v), '%s' % v, '%r' % v, '%g' % v, '%.3f' % v, '%e' % v, f'{v}', f'{v!r}', f'{v:.5}')
x = 42; s = 'hi'; f = 3.14159; L = [1, 2]; d = {'k': 'v'}
t(lambda: f'{x}'); t(lambda: f'{x!r:>5}'); t(lambda: f'{s!r}'); t(lambda: f'{s!s:^6}'); t(lambda: f'{s!a}'); t(lambda: f'{"é"!a}'); t(lambda: f'{x=}'); t(lambda: f'{x = }'); t(lambda: f'{f=:.2f}')
t(lambda: f'{x:{5}}'); t(lambda: f'{f:{8}.{3}}'); t(lambda: f'{{}}'); t(lambda: f'{L[0]}{d["k"]}'); t(lambda: f'{x:#x}{x:#o}{x:#b}'); t(lambda: f'{x:_b}'); t(lambda: f'{1e6:,.0f}')
t(lambda: f'{s:>{x//7}}'); t(lambda: f'{x:c}'); t(lambda: f'{s:d}'); t(lambda: f'{x:s}'); t(lambda: f'{None}'); t(lambda: f'{None:>5}'); t(lambda: f'{L}'); t(lambda: f'{L:5}')
t(lambda: f'{True}'); t(lambda: f'{True:d}'); t(lambda: f'{True:>5}'); t(lambda: f'{x!r:}'); t(lambda: f'{3.0:g}'); t(lambda: f'{0.00001:g}'); t(lambda: f'{1e-5}'); t(lambda: f'{-0.0:+}')
t(lambda: f'{"a" "b"}'); t(lambda: f'{x:=^9}'); t(lambda: f'{-x:=9}'); t(lambda: f'{x:09}'); t(lambda: f'{-x:09}'); t(lambda: f'{x:+09}'); t(lambda: f'{s:09}'); t(lambda: f'{s:<09}')
t(lambda: '{} {}'.format(1, 2)); t(lambda: '{1} {0}'.format(1, 2)); t(lambda: '{a} {b}'.format(a=1, b=2)); t(lambda: '{0[1]} {1[k]}'.format(L, d)); t(lambda: '{0.real}'.format(x)); t(lambda: '{} {1}'.format(1, 2))
t(lambda: '{}'.format()); t(lambda: '{1}'.format(1)); t(lambda: '{a}'.format()); t(lambda: '{'.format()); t(lambda: '}'.format()); t(lambda: '{0:{1}}'.format(3, 5)); t(lambda: '{!x}'.format(1)); t(lambda: '{:>{w}.{p}f}'.format(f, w=10, p=2))
t(lambda: '{0!r:>10}'.format('a')); t(lambda: '{:%}'.format(0.25)); t(lambda: '{:,}'.format(1234567)); t(lambda: '{:.3}'.format('abcdef')); t(lambda: '{:x}'.format(255.0)); t(lambda: '{:d}'.format(1.0)); t(lambda: '{:.2f}'.format('a'))
t(lambda: '{0}{0}'.format('ab')); t(lambda: '{:*<6}'.format('ab')); t(lambda: '{:^}'.format('ab')); t(lambda: '{0[0]}'.format('xyz')); t(lambda: '{0[-1]}'.format([1])); t(lambda: '{0.nope}'.format(1)); t(lambda: '{:,s}'.format('a'))
t(lambda: '{:=5}'.format('a')); t(lambda: '{:+}'.format('a')); t(lambda: '{:#}'.format('a')); t(lambda: '{:05}'.format(1.5)); t(lambda: '{:.0}'.format(12.5)); t(lambda: '{:.1}'.format(0.05)); t(lambda: format(5)); t(lambda: format(5, ''))
t(lambda: format('a', 'z')); t(lambda: format(1, 'z')); t(lambda: format(1.5, 'd')); t(lambda: format([], 'x')); t(lambda: format(object(), '')[:8]); t(lambda: format(object(), 'x'))
t(lambda: 'a%sb' % 1); t(lambda: '%d %i %u' % (1, 2, 3)); t(lambda: '%5.2f|%-5d|%05d|%+d|% d' % (f, 3, 4, 5, 6)); t(lambda: '%x %X %o %#x %#o' % (255, 255, 8, 255, 8)); t(lambda: '%e %E %g %G' % (f, f, 1e-10, 1e20))
t(lambda: '%s %r %a' % ('é', 'é', 'é')); t(lambda: '%c%c' % (65, 'b')); t(lambda: '%%'  % ()); t(lambda: '%(a)s-%(b)d' % {'a': 1, 'b': 2}); t(lambda: '%*d|%-*d' % (5, 1, 4, 2)); t(lambda: '%.*f' % (2, 1.2345))
t(lambda: '%s' % (1, 2)); t(lambda: '%s %s' % (1,)); t(lambda: '%d' % 'a'); t(lambda: '%d' % 1.7); t(lambda: '%x' % 1.5); t(lambda: '%c' % 'ab'); t(lambda: '%z' % 1); t(lambda: '%s' % [1]); t(lambda: '%s' % ((1,),))
t(lambda: '%(a)s' % 1); t(lambda: '%' % 1); t(lambda: 'x' % 1); t(lambda: 'x' % ()); t(lambda: 'x' % []); t(lambda: 'x' % {}); t(lambda: '%s' % ()); t(lambda: '%.3s' % 'abcdef'); t(lambda: '%5s|%-5s' % ('a', 'b'))
t(lambda: '%d' % 2**70); t(lambda: '%x' % -2**70); t(lambda: '%.2f' % 2**70); t(lambda: '%s' % None); t(lambda: '%i' % True); t(lambda: '%r' % True); t(lambda: '%f' % float('inf')); t(lambda: '%05.1f' % -float('nan'))
t(lambda: '%#.3g' % 1.0); t(lambda: '%g' % 100000); t(lambda: '%g' % 1000000); t(lambda: '%10.4e' % 12345.678); t(lambda: '%-+8.2f|' % 3.14159); t(lambda: '% 05d' % 42); t(lambda: '%c' % 0x110000); t(lambda: '%c' % -1)
t(lambda: b'%s %d' % (b'a', 1)); t(lambda: b'%x' % 255); t(lambda: f'{b"ab"}'); t(lambda: f'{x:{"" if x else "x"}}'); t(lambda: f"{'nested' + f'{x}'}"); t(lambda: f'{x:>{x}}'.count(' ')); t(lambda: f'{3:{"+"}{5}d}')
t(lambda: '{:g}'.format(1e16)); t(lambda: '{:g}'.format(123456789)); t(lambda: '{:n}'.format(1234)); t(lambda: '{:.2n}'.format(1234.5)); t(lambda: '{:e}'.format(0)); t(lambda: '{:f}'.format(2**70)); t(lambda: '{:.2%}'.format(2))
t(lambda: '{:<5d}|{:^5d}|{:>5d}'.format(1, 2, 3)); t(lambda: '{:c}'.format(9731)); t(lambda: '{:#_b}'.format(255)); t(lambda: '{:_o}'.format(8**6)); t(lambda: '{:,x}'.format(1)); t(lambda: '{:,.2e}'.format(1e6)); t(lambda: '{:-^+10,.1f}'.format(12345.67))
class C:
    def __format__(self, spec): return 'C<' + spec + '>'
    def __str__(self): return 'Cstr'
    def __repr__(self): return 'Crepr'
t(lambda: '{0:x}{0!s:>6}'.format(C())); t(lambda: '%s %r' % (C(), C())); t(lambda: format(C(), 'q'))
class D:
    def __format__(self, spec): return 5
t(lambda: format(D()))
x = 3.14159; n = 42; s = 'str'; d = {'k': [1, 2]}
print(f'{x=:.2f}', f'{n=!r:>6}', f'{ n = }', f'{d["k"][1]}', f"{d['k']!r}")
print(f'{n:{"x"}}', f'{n:#{10}x}', f'{x:{n % 10}.{2}f}', f'{"{"}', f'{"}"}', f'{{n}}', f'{{{n}}}')
print(f'''multi
{n}
line''', f'{n!s:^{n // 6}}|', f'{(lambda y: y * 2)(n)}', f'{[i for i in range(3)]}', f'{n if n else 0}', f'{n:,}', f'{-n:+}')
print(f'{3 + 4}', f'{"nested {}".format(1)}', f'{f"{n}"}', F'{n}', rf'\n{n}', fr'{n}\t')
print(f'{x!r:^20}', f'{s:*>10}', f'{n:b}', f'{n:o}', f'{n:X}', f'{n:e}', f'{n:%}', f'{1e-10:g}', f'{123456789:_}')
