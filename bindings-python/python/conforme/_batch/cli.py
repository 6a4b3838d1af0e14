"""``conforme batch MANIFEST.csv``: validate every file a manifest lists, on a Dask cluster.

Exit status: 0 when every file is valid, 1 when one is invalid or could not be validated
(unreadable, unusable schema, timeout), 2 for a usage error or an unusable manifest.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path
from typing import Any, Dict, List, Optional

from .manifest import ManifestError, read_manifest

TEXT: Dict[str, Dict[str, str]] = {
    "fr": {
        "reports": "rapports : {path}",
        "total": "{n} fichiers en {seconds:.1f} s : {valid} valides, {invalid} invalides, "
        "{error} en erreur, {timeout} hors délai ({resumed} déjà validés lors d'un précédent "
        "passage)",
        "invalid": "invalide",
        "error": "erreur",
        "timeout": "hors délai",
        "errors": "{n} erreurs",
    },
    "en": {
        "reports": "reports: {path}",
        "total": "{n} files in {seconds:.1f} s: {valid} valid, {invalid} invalid, "
        "{error} errors, {timeout} timed out ({resumed} already validated by an earlier run)",
        "invalid": "invalid",
        "error": "error",
        "timeout": "timeout",
        "errors": "{n} errors",
    },
}


def parser() -> argparse.ArgumentParser:
    """The ``conforme batch`` arguments."""
    p = argparse.ArgumentParser(
        prog="conforme batch",
        description=(
            "Validate every file listed in MANIFEST.csv (columns source,schema) on a Dask "
            "cluster: a local one of --workers processes, or the scheduler at --scheduler. "
            "Needs the dask extra: pip install 'conforme-data[dask]'."
        ),
    )
    p.add_argument("manifest", type=Path, help="CSV file with columns source,schema")
    p.add_argument("--workers", type=int, default=None, metavar="N",
                   help="worker processes of the local cluster (default: one per core)")
    p.add_argument("--scheduler", metavar="ADDRESS",
                   help="address of a running Dask scheduler (tcp://host:8786) instead of a local cluster")
    p.add_argument("--schema", help="schema of the rows whose schema cell is empty (or of every row)")
    p.add_argument("--out", type=Path, metavar="FOLDER",
                   help="reports folder: reports.jsonl + summary.csv (default: MANIFEST-reports "
                   "beside the manifest)")
    p.add_argument("--no-resume", action="store_true",
                   help="validate everything again instead of skipping files already in the reports")
    p.add_argument("--timeout", type=float, metavar="SECONDS", help="time allowed per file")
    p.add_argument("--retries", type=int, default=2, help="reruns of a task that failed unexpectedly")
    p.add_argument("--max-errors", type=int, metavar="N", help="errors kept per file")
    p.add_argument("--profile", help="validation profile (as in conforme validate)")
    p.add_argument("--lang", choices=("fr", "en"), default="fr", help="language of messages")
    bar = p.add_mutually_exclusive_group()
    bar.add_argument("--progress", dest="progress", action="store_true", default=None,
                     help="show a progress bar (default: when stderr is a terminal)")
    bar.add_argument("--no-progress", dest="progress", action="store_false")
    return p


def _options(args: argparse.Namespace) -> Dict[str, Any]:
    options: Dict[str, Any] = {"lang": args.lang}
    if args.max_errors is not None:
        options["max_errors"] = args.max_errors
    if args.profile is not None:
        options["profile"] = args.profile
    return options


def _print_summary(frame: Any, seconds: float, out: Path, lang: str) -> None:
    text = TEXT[lang]
    for row in frame.itertuples(index=False):
        if row.status == "valid":
            continue
        detail = row.error if row.status in ("error", "timeout") else text["errors"].format(
            n=row.error_count
        )
        print(f"{text[row.status]}\t{row.source}\t{row.schema}\t{detail}")
    counts = frame["status"].value_counts()
    print(
        text["total"].format(
            n=len(frame),
            seconds=seconds,
            resumed=int(frame["resumed"].sum()),
            **{s: int(counts.get(s, 0)) for s in ("valid", "invalid", "error", "timeout")},
        )
    )
    print(text["reports"].format(path=out))


def main(argv: Optional[List[str]] = None) -> int:
    """Runs ``conforme batch`` with `argv` (without the program and ``batch`` words)."""
    args = parser().parse_args(argv)
    if args.workers is not None and args.workers < 1:
        print("conforme batch: --workers must be at least 1", file=sys.stderr)
        return 2
    if args.workers is not None and args.scheduler is not None:
        print("conforme batch: give --workers (local cluster) or --scheduler, not both",
              file=sys.stderr)
        return 2
    try:
        pairs = read_manifest(args.manifest, args.schema)
    except ManifestError as exc:
        print(f"conforme batch: {exc}", file=sys.stderr)
        return 2
    try:
        from ..distributed import _import_distributed, validate_many

        _import_distributed()
    except ImportError as exc:
        print(f"conforme batch: {exc}", file=sys.stderr)
        return 2
    out = args.out or args.manifest.with_name(f"{args.manifest.stem}-reports")
    start = time.perf_counter()
    try:
        frame = validate_many(
            pairs,
            scheduler=args.scheduler,
            n_workers=args.workers,
            reports=out,
            resume=not args.no_resume,
            timeout=args.timeout,
            retries=args.retries,
            progress=args.progress,
            **_options(args),
        )
    except (TypeError, ValueError, ConnectionError) as exc:
        print(f"conforme batch: {exc}", file=sys.stderr)
        return 2
    _print_summary(frame, time.perf_counter() - start, out, args.lang)
    return 0 if bool((frame["status"] == "valid").all()) else 1
