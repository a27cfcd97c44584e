# string constants, capwords, Template; keyword lists.
import string
import keyword

print(string.ascii_letters)
print(string.ascii_lowercase, string.ascii_uppercase)
print(string.digits, string.hexdigits, string.octdigits)
print(string.punctuation)
print(repr(string.whitespace), repr(string.printable))
print(string.capwords("hello   wORLD  foo"), string.capwords(" a-b c-d ", "-"), repr(string.capwords("")))
t = string.Template("$who likes ${what}s, $$5")
print(t.substitute(who="tim", what="kung pao"), t.substitute({"who": "al", "what": "pie"}))
print(t.safe_substitute(who="x"), t.template)
try:
    t.substitute(who="x")
except KeyError as e:
    print("KeyError", e)
try:
    string.Template("bad $ here").substitute()
except ValueError as e:
    print("ValueError", e)
print(string.Template("bad $ here").safe_substitute())
print(string.Template("$a$b ${c}d").get_identifiers(), string.Template("$1").is_valid())
print(keyword.kwlist)
print(keyword.softkwlist)
print(keyword.iskeyword("for"), keyword.iskeyword("print"), keyword.iskeyword("match"))
print(keyword.issoftkeyword("match"), keyword.issoftkeyword("_"), keyword.issoftkeyword("if"))
print(len(keyword.kwlist), all(keyword.iskeyword(k) for k in keyword.kwlist))
try:
    keyword.iskeyword([])
except TypeError as e:
    print("TypeError", e)


class Percent(string.Template):
    delimiter = "%"


print(Percent("%who owes %{amt}%% now").substitute(who="al", amt=5))
print(string.Template("${x}y $x.z $$x").safe_substitute({"x": 1}), string.Template("$").safe_substitute())
