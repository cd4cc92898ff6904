#!/usr/bin/env python3
"""Derives the gazetteer the project ships from the reference list of Belgian municipalities.

Source: ../shared/data/belgian-municipalities-2020.csv -- Statbel's geographical classification
(REFNIS, open data), compiled by the public repository vandenbroucke/belgian_municipalities
(data/2020); the municipalities as they stood from 2019 to 2024. Only the Flemish Region and the
Brussels-Capital Region are kept, with NIS code, Dutch name, arrondissement and province
(Brussels counts as its own "province", as the advice does).

Usage: python3 tools/make_gazetteer.py [source.csv] [out.csv]
The output is byte-identical on every run.
"""
import csv
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
SRC = sys.argv[1] if len(sys.argv) > 1 else os.path.join(HERE, "..", "..", "..", "shared", "data", "belgian-municipalities-2020.csv")
OUT = sys.argv[2] if len(sys.argv) > 2 else os.path.join(HERE, "..", "src", "main", "resources", "be", "serv", "advies", "geo", "municipalities.csv")

rows = []
with open(SRC, encoding="utf-8", newline="") as f:
    for r in csv.DictReader(f):
        region = r["region_NL"]
        if region == "Vlaams Gewest":
            province = r["province_NL"]
        elif region.startswith("Brussels"):
            province = "Brussel"
        else:
            continue
        rows.append((r["NIS_code"], r["municipality_NL"], r["municipality_FR"], r["arrondissement_NL"], province))
rows.sort(key=lambda x: int(x[0]))
assert len(rows) == 319, len(rows)
with open(OUT, "w", encoding="utf-8", newline="") as f:
    f.write("# Derived by tools/make_gazetteer.py from Statbel's REFNIS (via vandenbroucke/belgian_municipalities, data/2020)\n")
    f.write("nis;name;name_fr;arrondissement;province\n")
    for r in rows:
        f.write(";".join(r) + "\n")
print("wrote %s: %d municipalities" % (OUT, len(rows)))
