#!/usr/bin/env python3
"""Writes a large GeoJSON FeatureCollection for measuring `conforme validate` on big JSON.

    scripts/gen_featurecollection.py TEMPLATE.json SIZE_MB OUT.geojson [--bad-every N]

The features of TEMPLATE (a FeatureCollection, e.g. a schema's valid example) are repeated,
with shifted coordinates, until OUT reaches SIZE_MB megabytes. With --bad-every N, one
feature in N gets a string where the schema expects a number (`largeur_d`), so the run also
measures error reporting. Never commit the output: it is big on purpose.
"""
import argparse
import copy
import json


def shift(coords, k):
    if isinstance(coords, list) and coords and isinstance(coords[0], (int, float)):
        return [round(coords[0] + k * 1e-5, 7), round(coords[1] + k * 1e-5, 7)] + coords[2:]
    return [shift(c, k) for c in coords]


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("template")
    p.add_argument("size_mb", type=float)
    p.add_argument("out")
    p.add_argument("--bad-every", type=int, default=0)
    a = p.parse_args()
    with open(a.template, encoding="utf-8") as f:
        doc = json.load(f)
    features = doc.pop("features")
    target = int(a.size_mb * 1_000_000)
    head = json.dumps(doc, ensure_ascii=False)[:-1]
    with open(a.out, "w", encoding="utf-8") as out:
        out.write(head + (', ' if len(doc) else '') + '"features": [\n')
        written, k = 0, 0
        while written < target:
            feat = copy.deepcopy(features[k % len(features)])
            if feat.get("geometry"):
                feat["geometry"]["coordinates"] = shift(feat["geometry"]["coordinates"], k)
            if a.bad_every and k % a.bad_every == a.bad_every - 1:
                feat.setdefault("properties", {})["largeur_d"] = "trois"
            text = ("" if k == 0 else ",\n") + json.dumps(feat, ensure_ascii=False)
            out.write(text)
            written += len(text.encode("utf-8"))
            k += 1
        out.write("\n]}\n")
    print(f"{a.out}: {k} features, {written / 1e6:.0f} MB")


if __name__ == "__main__":
    main()
