#!/usr/bin/env python3
"""Regenerates the French referential lists embedded in conforme (core/data/referentials/).

The lists are the ones Validata checks against: the frformat package (PyPI) carries
INSEE's Code officiel géographique (one list per vintage), La Poste's postcodes and the
partial FANTOIR codes. This script installs a pinned frformat wheel in a throw-away
virtualenv, asks each of its set formats for its values, and writes one sorted text file
per check, plus `manifest.json` (source, vintages, counts, licence).

    scripts/referentials/generate.py                 # rewrite core/data/referentials/
    scripts/referentials/generate.py --check         # regenerate elsewhere, compare, exit 1 if different
    scripts/referentials/generate.py --out DIR       # write somewhere else

File format (UTF-8, LF, values sorted by code point, which is also byte order):

    #vintages 2023 2024          (absent for lists without vintages)
    75056                        a value present in every vintage
    97501<TAB>2023               a value present in the listed vintages only

Refreshing when INSEE publishes a new vintage: bump FRFORMAT_VERSION and FRFORMAT_SHA256
to a frformat release that carries it, run this script, then the referential tests
(`cargo test -p conforme --lib referentials`) and the differential test
(`scripts/referentials/differential.sh`).
"""

from __future__ import annotations

import argparse
import filecmp
import hashlib
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

# The frformat release validata-table 0.12.5 depends on: its verdicts are the reference.
FRFORMAT_VERSION = "0.4.1"
FRFORMAT_SHA256 = "fe04bac386e3d330b8f00d8d95d8e220df420ac93a7f73cc0de0939eec7b5d98"

# Successors of merged communes: Etalab's @etalab/decoupage-administratif (npm registry),
# built from INSEE's COG and its commune events; each current commune lists the codes of the
# communes merged into it (`anciensCodes`).
DECOUPAGE_VERSION = "6.0.0"
DECOUPAGE_SHA256 = "c189ffd5b33fe40c2f19e1a923ce557f190622f39228745d3195d746dfe00c4a"
DECOUPAGE_URL = (
    "https://registry.npmjs.org/@etalab/decoupage-administratif/-/"
    f"decoupage-administratif-{DECOUPAGE_VERSION}.tgz"
)

REPO = Path(__file__).resolve().parents[2]
DEFAULT_OUT = REPO / "core" / "data" / "referentials"

# Where each list comes from originally (frformat copies them) and under which licence.
ORIGINS = {
    "postal": (
        "La Poste, Base officielle des codes postaux (datanova.laposte.fr, laposte-hexasmal)",
        "Licence Ouverte / Open Licence 2.0 (Etalab)",
    ),
    "fantoir": (
        "DGFiP, Fichier FANTOIR (data.gouv.fr), first four characters of the codes",
        "Licence Ouverte / Open Licence 2.0 (Etalab)",
    ),
    "cog": (
        "INSEE, Code officiel géographique (https://www.insee.fr/fr/information/2560452)",
        "Licence Ouverte / Open Licence 2.0 (Etalab)",
    ),
}

# Runs inside the virtualenv: prints {check name: {"vintages": {id: [values]}} | {"values": [values]}}.
# frformat 0.4.1 keeps each list in the closure of its class's __init__ (a VersionedSet for
# the COG lists, a frozenset for the postcodes); 0.5 keeps them as class attributes.
EXTRACT = r'''
import json, re, sys
import frformat
from frformat.versioned_set import VersionedSet

def kebab(name):
    # Validata's own rule (validata_core/infrastructure/fr_formats.py).
    name = re.sub("(.)([A-Z][a-z]+)", r"\1-\2", name)
    return re.sub("([a-z0-9])([A-Z])", r"\1-\2", name).lower()

def lists_of(cls):
    found = []
    if isinstance(getattr(cls, "_versioned_valid_values", None), VersionedSet):
        found.append(cls._versioned_valid_values)
    elif getattr(cls, "_valid_values", None):
        found.append(cls._valid_values)
    for cell in getattr(cls.__init__, "__closure__", None) or ():
        value = cell.cell_contents
        if isinstance(value, (VersionedSet, frozenset)):
            found.append(value)
    return found

def vintage_ids(versioned):
    return [v.get_id() for v in versioned.ls() if v.get_id() != "latest"]

out = {}
for cls in frformat.all_formats:
    name = kebab(cls.__name__)
    if name == "code-fantoir":
        module = sys.modules[cls.__module__]
        out[name] = {"values": sorted(module.PARTIAL_CODE_FANTOIR)}
        continue
    found = lists_of(cls)
    if not found:
        continue  # not a list (siret, gps coordinates, nomenclature...)
    assert len(found) == 1, (name, found)
    data = found[0]
    if isinstance(data, VersionedSet):
        out[name] = {"vintages": {i: sorted(data.get_data(i)) for i in vintage_ids(data)}}
    else:
        out[name] = {"values": sorted(data)}
json.dump({"frformat": getattr(frformat, "__version__", None), "lists": out}, sys.stdout, ensure_ascii=False)
'''


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def run(*cmd: str | os.PathLike) -> str:
    return subprocess.run(
        [str(c) for c in cmd], check=True, capture_output=True, text=True
    ).stdout


def extract(version: str, expected_sha: str | None) -> tuple[dict, str, str]:
    """Installs frformat `version` in a temporary virtualenv; returns its lists, the wheel
    file name and its sha256."""
    with tempfile.TemporaryDirectory(prefix="conforme-referentials-") as tmp:
        tmp = Path(tmp)
        run(sys.executable, "-m", "venv", tmp / "venv")
        python = tmp / "venv" / "bin" / "python"
        pip = [python, "-m", "pip", "--disable-pip-version-check", "--quiet"]
        run(*pip, "download", "--no-deps", "--only-binary=:all:",
            f"frformat=={version}", "-d", tmp / "wheel")
        wheel = next((tmp / "wheel").glob("frformat-*.whl"))
        digest = sha256(wheel)
        if expected_sha is not None and digest != expected_sha:
            sys.exit(
                f"frformat {version}: the wheel's sha256 is {digest}, expected {expected_sha}.\n"
                "If you are moving to a new release on purpose, pass --accept-sha or update "
                "FRFORMAT_SHA256 in this script."
            )
        run(*pip, "install", wheel)
        lists = json.loads(run(python, "-c", EXTRACT))["lists"]
        return lists, wheel.name, digest


def extract_successors(expected_sha: str | None) -> tuple[list[tuple[str, str, str]], str]:
    """(old code, current code, current name) for every commune code that merged into a
    current commune, from the pinned decoupage-administratif tarball; and its sha256."""
    import io
    import tarfile
    import urllib.request

    with urllib.request.urlopen(DECOUPAGE_URL, timeout=60) as answer:
        tarball = answer.read()
    digest = hashlib.sha256(tarball).hexdigest()
    if expected_sha is not None and digest != expected_sha:
        sys.exit(
            f"decoupage-administratif {DECOUPAGE_VERSION}: sha256 {digest}, expected "
            f"{expected_sha}. Pass --accept-sha or update DECOUPAGE_SHA256 on purpose."
        )
    with tarfile.open(fileobj=io.BytesIO(tarball), mode="r:gz") as tar:
        member = tar.extractfile("package/data/communes.json")
        communes = json.load(member)
    successors = {}
    for commune in communes:
        if commune.get("type") != "commune-actuelle":
            continue
        for old in commune.get("anciensCodes", []):
            # Mergers happen within a département; a code from another one is a
            # renumbering (Seine and Seine-et-Oise in 1968, Corsica in 1976), whose old
            # codes are now other communes' or postcodes (75001 was Alfortville's).
            if old != commune["code"] and old[:2] == commune["code"][:2]:
                successors[old] = (commune["code"], commune["nom"])
    rows = [(old, new, name) for old, (new, name) in sorted(successors.items())]
    for row in rows:
        for value in row:
            check_value("commune-successors", value)
    return rows, digest


def write_successors(rows: list[tuple[str, str, str]], digest: str, out: Path) -> dict:
    text = "".join(f"{old}\t{new}\t{name}\n" for old, new, name in rows)
    (out / "commune-successors.txt").write_text(text, encoding="utf-8", newline="\n")
    return {
        "file": "commune-successors.txt",
        "bytes": len(text.encode("utf-8")),
        "count": len(rows),
        "source": "Etalab, @etalab/decoupage-administratif (npm), from INSEE's COG and its "
        "commune events: the codes merged into each current commune (anciensCodes)",
        "package": {"version": DECOUPAGE_VERSION, "sha256": digest},
        "licence": "data: Licence Ouverte / Open Licence 2.0 (INSEE); package: MIT",
    }


def origin(name: str) -> tuple[str, str]:
    if name == "code-postal":
        return ORIGINS["postal"]
    if name == "code-fantoir":
        return ORIGINS["fantoir"]
    return ORIGINS["cog"]


def check_value(name: str, value: str) -> None:
    if value == "" or any(c in value for c in "\t\n\r") or value.startswith("#"):
        sys.exit(f"{name}: the value {value!r} cannot be written in the line format")


def write(lists: dict, wheel: str, digest: str, successors, out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    manifest = {
        "generator": "scripts/referentials/generate.py",
        "frformat": {"version": FRFORMAT_VERSION, "wheel": wheel, "sha256": digest},
        "lists": {},
        "successors": write_successors(*successors, out),
    }
    for name in sorted(lists):
        entry = lists[name]
        lines = []
        if "vintages" in entry:
            vintages = sorted(entry["vintages"])
            members: dict[str, list[str]] = {}
            for v in vintages:
                for value in entry["vintages"][v]:
                    members.setdefault(value, []).append(v)
            lines.append("#vintages " + " ".join(vintages))
            for value in sorted(members):
                check_value(name, value)
                present = members[value]
                lines.append(value if present == vintages else value + "\t" + ",".join(present))
            counts = {v: len(entry["vintages"][v]) for v in vintages}
        else:
            for value in entry["values"]:
                check_value(name, value)
            lines.extend(sorted(entry["values"]))
            counts = {"-": len(entry["values"])}
        text = "\n".join(lines) + "\n"
        (out / f"{name}.txt").write_text(text, encoding="utf-8", newline="\n")
        source, licence = origin(name)
        manifest["lists"][name] = {
            "file": f"{name}.txt",
            "bytes": len(text.encode("utf-8")),
            "counts": counts,
            "source": source,
            "licence": licence,
        }
    (out / "manifest.json").write_text(
        json.dumps(manifest, ensure_ascii=False, indent=2, sort_keys=True) + "\n",
        encoding="utf-8", newline="\n",
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    parser.add_argument("--check", action="store_true",
                        help="regenerate in a temporary directory and compare with --out")
    parser.add_argument("--accept-sha", action="store_true",
                        help="do not insist on the pinned wheel checksum")
    args = parser.parse_args()

    lists, wheel, digest = extract(FRFORMAT_VERSION, None if args.accept_sha else FRFORMAT_SHA256)
    successors = extract_successors(None if args.accept_sha else DECOUPAGE_SHA256)
    if not args.check:
        write(lists, wheel, digest, successors, args.out)
        print(f"wrote {len(lists)} lists to {args.out}")
        return
    with tempfile.TemporaryDirectory(prefix="conforme-referentials-check-") as tmp:
        write(lists, wheel, digest, successors, Path(tmp))
        names = sorted(p.name for p in Path(tmp).iterdir())
        committed = sorted(p.name for p in args.out.iterdir() if p.suffix in (".txt", ".json"))
        _, mismatch, errors = filecmp.cmpfiles(tmp, args.out, names, shallow=False)
        if mismatch or errors or names != committed:
            sys.exit(f"differ from {args.out}: {mismatch + errors} (files: {names} vs {committed})")
        print(f"{len(names)} files identical to {args.out}")


if __name__ == "__main__":
    main()
