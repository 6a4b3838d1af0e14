#!/usr/bin/env python3
"""Differential test of the referential checks: conforme's verdicts against frformat's.

For every frformat referential check and vintage (`2023`, `2024`, `latest`), builds a few
hundred values from frformat's own lists (valid values, and the mistakes people make:
other case, no accents, surrounding spaces, truncated codes, postcodes in a commune-code
column, values of another vintage or another list, random codes), asks frformat 0.4.1
(the release validata-table 0.12.5 runs) for its verdict on each, then validates the same
values as a CSV column with the `conforme` command and compares row by row.

    scripts/referentials/differential.py --conforme target/debug/conforme

It runs from scripts/referentials/differential.sh, which builds the command and keeps
frformat in target/venv-frformat. Exit status 1 on any disagreement (listed).
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import subprocess
import sys
import tempfile
from pathlib import Path

try:
    import frformat
except ImportError:  # pragma: no cover
    sys.exit("frformat is not installed in this Python: run scripts/referentials/differential.sh")

VERSIONED = {
    "code-commune-insee": frformat.CodeCommuneInsee,
    "numero-departement": frformat.NumeroDepartement,
    "departement": frformat.Departement,
    "code-region": frformat.CodeRegion,
    "region": frformat.Region,
    "commune": frformat.Commune,
    "canton": frformat.Canton,
    "pays": frformat.Pays,
    "code-pays-iso2": frformat.CodePaysISO2,
    "code-pays-iso3": frformat.CodePaysISO3,
}
PLAIN = {"code-postal": frformat.CodePostal, "code-fantoir": frformat.CodeFantoir}
COGS = ["2023", "2024", "latest"]
PER_CASE = 600


def lists_of(cls) -> list[frozenset]:
    """frformat's own sets for a class (every vintage), read from the closure of its
    __init__ (0.4.1 layout)."""
    from frformat.versioned_set import VersionedSet

    found = []
    for cell in cls.__init__.__closure__ or ():
        value = cell.cell_contents
        if isinstance(value, VersionedSet):
            found += [value.get_data(v.get_id()) for v in value.ls()]
        elif isinstance(value, frozenset):
            found.append(value)
    return found


def fantoir_values() -> list[str]:
    from frformat.geo.code_fantoir_frozenset import PARTIAL_CODE_FANTOIR

    return sorted(PARTIAL_CODE_FANTOIR)


def strip_accents(s: str) -> str:
    table = str.maketrans("éèêëàâäîïôöùûüçÉÈÊÎÔ", "eeeeaaaiioouuucEEEIO")
    return s.translate(table)


def mutations(value: str, rng: random.Random) -> list[str]:
    out = [value.lower(), value.upper(), strip_accents(value), " " + value, value + " ",
           value[1:], value[:-1], value.replace("-", " "), value.replace("'", "’")]
    if value.isdigit():
        out += [str(int(value)), value + "0"]
    return [m for m in out if m.strip() and m != value and rng.random() < 0.5]


def values_for(name: str, pool: list[str], others: list[str], rng: random.Random) -> list[str]:
    values: list[str] = []
    for v in rng.sample(pool, min(len(pool), PER_CASE // 3)):
        values.append(v)
        values += mutations(v, rng)
    values += rng.sample(others, min(len(others), PER_CASE // 6))
    values += ["".join(rng.choice("0123456789") for _ in range(rng.choice([2, 3, 5])))
               for _ in range(PER_CASE // 10)]
    values += ["2A004", "2B033", "20004", "75101", "75120", "75121", "69381", "13201", "97411",
               "97608", "97501", "98735", "01172", "24430", "75001", "75056", "2A", "2a", "971",
               "976", "975", "985", "FR", "fr", "FRA", "AI", "AQ", "XK", "Paris", "paris",
               "Corse", "Île-de-France", "Ile-de-France", "0001A", "0001a", "ZB19Z", "ZB20A",
               "77777", "98000", "0", "NaN", "-", "  ", "ÉÉÉÉÉ"]
    values = [v for v in values if v != "" and "\n" not in v and "\r" not in v]
    return values[: PER_CASE + 60]


def conforme_invalid_rows(binary: str, name: str, cog: str | None, values: list[str],
                          tmp: Path) -> tuple[set[int], list[str]]:
    data = tmp / f"{name}-{cog}.csv"
    with data.open("w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, quoting=csv.QUOTE_ALL)
        w.writerow(["v"])
        for v in values:
            w.writerow([v])
    params = {"column": "v"}
    if cog is not None:
        params["cog"] = cog
    schema = tmp / f"{name}-{cog}.json"
    schema.write_text(json.dumps({
        "fields": [{"name": "v", "type": "string"}],
        "custom_checks": [{"name": name, "params": params}],
    }))
    run = subprocess.run([binary, "validate", str(data), "--schema", str(schema), "--format",
                          "json", "--max-errors", "1000000", "--delimiter", ","],
                         capture_output=True, text=True)
    report = json.loads(run.stdout)
    rows, other = set(), []
    for d in report.get("diagnostics", report.get("errors", [])):
        code = d.get("code") or d.get("type")
        if code == "custom-check-error":
            rows.add(d["row"] if "row" in d else d["rowNumber"])
        elif d.get("severity", "error") == "error":
            other.append(f"{code}: {d.get('message', '')}")
    return rows, other


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--conforme", required=True, help="path of the conforme command")
    parser.add_argument("--seed", type=int, default=19)
    args = parser.parse_args()
    rng = random.Random(args.seed)

    all_values = {name: sorted(set().union(*lists_of(cls))) for name, cls in VERSIONED.items()}
    all_values["code-postal"] = sorted(set().union(*lists_of(frformat.CodePostal)))
    all_values["code-fantoir"] = [p + rng.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
                                  for p in fantoir_values()]

    cases = [(n, c) for n in VERSIONED for c in COGS] + [(n, None) for n in PLAIN]
    total = disagreements = 0
    lines = []
    with tempfile.TemporaryDirectory(prefix="conforme-differential-") as tmp:
        tmp = Path(tmp)
        for name, cog in cases:
            cls = VERSIONED.get(name) or PLAIN[name]
            try:
                validator = cls(cog) if cog is not None else cls()
            except ValueError:
                # frformat has no such vintage (pays 2023): conforme must refuse it too.
                rows, other = conforme_invalid_rows(args.conforme, name, cog, ["x"], tmp)
                refused = any(o.startswith("check-error") for o in other)
                lines.append(f"{name:20} cog {cog!s:7} no frformat data: conforme "
                             f"{'refuses it too' if refused else 'DOES NOT refuse it'}")
                disagreements += 0 if refused else 1
                continue
            others = [v for n, vs in all_values.items() if n != name for v in rng.sample(vs, min(len(vs), 50))]
            values = values_for(name, all_values[name], others, rng)
            expected = {i + 2 for i, v in enumerate(values) if not validator.is_valid(v)}
            got, other = conforme_invalid_rows(args.conforme, name, cog, values, tmp)
            wrong = sorted(expected ^ got)
            total += len(values)
            disagreements += len(wrong) + len(other)
            lines.append(f"{name:20} cog {cog!s:7} {len(values):5} values, "
                         f"{len(expected):4} invalid for frformat, {len(wrong)} disagreements")
            for row in wrong[:10]:
                v = values[row - 2]
                lines.append(f"    row {row} {v!r}: frformat {'invalid' if row in expected else 'valid'}, "
                             f"conforme {'invalid' if row in got else 'valid'}")
            for o in other[:5]:
                lines.append(f"    unexpected diagnostic {o}")
    print("\n".join(lines))
    print(f"total: {total} values, {disagreements} disagreements")
    sys.exit(1 if disagreements else 0)


if __name__ == "__main__":
    main()
