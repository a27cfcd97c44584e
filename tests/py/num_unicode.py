# int() and float() read Unicode decimal digits and spaces as ASCII.
for s in ["١٢٣", "\u3000 42\u00a0", "１２", "-٣.٥", "𝟓𝟔", "١_٢", "x١", "\u2003-7\u2028", "٣e٢", "١٢٣٤٥٦٧٨٩٠١٢٣٤٥٦٧٨٩٠", "\u00b2", "½", "€"]:
    for f in (int, float):
        try:
            print(repr(s), f.__name__, repr(f(s)))
        except Exception as e:
            print(repr(s), f.__name__, type(e).__name__, e)
print(int("٣٣", 8), int("ff", 16), int("\u0661\u0660", 0))
