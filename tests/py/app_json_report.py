# Build a sales report, save it as JSON, read it back: a newcomer's script.
import json

sales = [
    ("2024-01-03", "north", "widget", 3, 4.99),
    ("2024-01-03", "south", "gadget", 1, 19.5),
    ("2024-01-04", "north", "gadget", 2, 19.5),
    ("2024-01-05", "east", "widget", 10, 4.75),
    ("2024-01-05", "north", "doohickey", 1, 120.0),
    ("2024-01-06", "south", "widget", 4, 4.99),
    ("2024-01-07", "east", "gadget", 5, 18.0),
    ("2024-01-07", "west", "widget", 7, 5.25),
]

report = {"title": "Sales – January", "currency": "EUR", "regions": {}, "products": {}, "days": []}
for day, region, product, qty, price in sales:
    amount = round(qty * price, 2)
    r = report["regions"].setdefault(region, {"orders": 0, "total": 0.0})
    r["orders"] += 1
    r["total"] = round(r["total"] + amount, 2)
    p = report["products"].setdefault(product, {"units": 0, "revenue": 0.0, "prices": []})
    p["units"] += qty
    p["revenue"] = round(p["revenue"] + amount, 2)
    if price not in p["prices"]:
        p["prices"].append(price)
    if day not in report["days"]:
        report["days"].append(day)

report["grand_total"] = round(sum(r["total"] for r in report["regions"].values()), 2)
report["best_region"] = max(report["regions"], key=lambda k: report["regions"][k]["total"])
report["notes"] = None
report["complete"] = True

text = json.dumps(report, indent=2, sort_keys=True)
print(text)
print("characters:", len(text))

compact = json.dumps(report, separators=(",", ":"), ensure_ascii=False)
print(compact[:60])

loaded = json.loads(text)
print("round trip ok:", loaded == report)
print("regions:", ", ".join(sorted(loaded["regions"])))
for name, info in sorted(loaded["products"].items(), key=lambda kv: -kv[1]["revenue"]):
    print(f"  {name:10} {info['units']:3d} units  {info['revenue']:8.2f} {loaded['currency']}")
print("grand total:", loaded["grand_total"], "best:", loaded["best_region"])
print("days covered:", len(loaded["days"]), "first:", loaded["days"][0], "last:", loaded["days"][-1])

try:
    json.loads(text.replace('"complete": true', '"complete": yes'))
except json.JSONDecodeError as e:
    print("broken file:", e.msg, "at line", e.lineno, "column", e.colno)

try:
    json.dumps({"when": {2024, 1}})
except TypeError as e:
    print("cannot save:", e)
