"""What runs on a Dask worker: validate one file, with a per-process cache of compiled schemas.

A worker process validates many files against few schemas: compiling each schema once per
process (not once per file) is what keeps the per-file overhead small. Every failure that
concerns the file or its schema becomes a result with ``status="error"``; only a lost worker
is left to Dask (it reruns the task elsewhere).
"""

from __future__ import annotations

import dataclasses
import json
import os
import re
import socket
import threading
import time
from collections import OrderedDict
from typing import Any, Callable, Dict, Optional, Tuple, Union

from .. import _conforme
from .._exceptions import SchemaError
from .folder import REPORTS_FILE, append_line, report_line
from .items import Item, SchemaSpec, schema_key
from .package import is_package, package_totals, validate_package
from .results import FileResult

CACHE_SIZE = 64
"""Compiled schemas kept per worker process (least recently used ones are dropped)."""

_URL = re.compile(r"^https?://", re.IGNORECASE)
_REFERENCE = re.compile(r"^[\w.-]+/[\w.-]+(@[\w.+-]+)?$")

REMOTE_OPTIONS = ("catalog", "cache_dir", "offline", "timeout", "cache_ttl")
"""Options of ``conforme.validate`` that say where schemas come from: the workers' schema
loaders get them too, so a mirror catalogue or a shared cache applies to compilation."""

_cache: "OrderedDict[str, Tuple[Union[_conforme.Schema, str], Optional[str]]]" = OrderedDict()
_cache_lock = threading.Lock()
_compilations = 0


def _descriptor_version(descriptor: Any) -> Optional[str]:
    version = descriptor.get("version") if isinstance(descriptor, dict) else None
    return None if version is None else str(version)


def _reference_version(text: str) -> Optional[str]:
    """``org/name@1.2.0`` → ``1.2.0`` (catalogue references name their version)."""
    if _REFERENCE.match(text) and "@" in text:
        return text.rsplit("@", 1)[1]
    return None


def _compile(
    spec: SchemaSpec, remote: Dict[str, Any]
) -> Tuple[Union[_conforme.Schema, str], Optional[str]]:
    """The schema to give ``conforme.validate`` and its version.

    Dicts and local files are compiled here. Other strings use the binding's loader for
    their kind when it has one (``Schema.from_url``, ``Schema.from_catalog``); otherwise the
    text goes to ``conforme.validate`` as it is, which accepts or explains it.
    """
    Schema = _conforme.Schema
    if spec is None:
        raise SchemaError("no schema given (only a Data Package is validated without one)")
    if not isinstance(spec, str):
        return Schema.from_dict(dict(spec)), _descriptor_version(spec)
    if os.path.isfile(spec):
        version = None
        try:
            with open(spec, "rb") as f:
                version = _descriptor_version(json.load(f))
        except ValueError:
            pass  # YAML or broken JSON: from_path says what is wrong, or reads the YAML.
        return Schema.from_path(spec), version
    if _URL.match(spec):
        url_options = {k: v for k, v in remote.items() if k != "catalog"}
        compiled: Union[_conforme.Schema, str] = Schema.from_url(spec, **url_options)
    elif _REFERENCE.match(spec):
        compiled = Schema.from_catalog(spec, **remote)
    else:
        compiled = spec
    return compiled, _reference_version(spec)


def compiled_schema(
    spec: SchemaSpec, remote: Optional[Dict[str, Any]] = None
) -> Tuple[Union[_conforme.Schema, str], Optional[str]]:
    """``_compile(spec, remote)``, cached per worker process (thread-safe; errors are not
    cached). ``remote``: the ``REMOTE_OPTIONS`` given to the run."""
    remote = remote or {}
    key = schema_key(spec) + json.dumps(remote, sort_keys=True, default=str)
    with _cache_lock:
        hit = _cache.get(key)
        if hit is not None:
            _cache.move_to_end(key)
            return hit
    value = _compile(spec, remote)
    global _compilations
    with _cache_lock:
        _compilations += 1
        _cache[key] = value
        while len(_cache) > CACHE_SIZE:
            _cache.popitem(last=False)
    return value


def compilations() -> int:
    """How many schemas this process has compiled so far (for tests and diagnostics)."""
    with _cache_lock:
        return _compilations


def _worker_name() -> str:
    try:
        from distributed import get_worker

        return str(get_worker().address)
    except (ImportError, ValueError):
        return f"{socket.gethostname()}:{os.getpid()}"


def _describe(exc: BaseException) -> str:
    """``SourceError: …``/``SchemaError: …``: the class tells which side is at fault."""
    return f"{type(exc).__name__}: {exc}"


def _table(item: Item, options: Dict[str, Any], keep_report: bool) -> Dict[str, Any]:
    """Validates a table file; the result fields of its report."""
    remote = {k: options[k] for k in REMOTE_OPTIONS if k in options}
    schema, version = compiled_schema(item.schema, remote)
    report = _conforme.validate(item.source, schema, **options)
    stats = report.stats
    return dict(
        version=version,
        valid=bool(report.valid),
        error_count=stats.error_count,
        warning_count=stats.warning_count,
        rows=stats.rows,
        bytes=stats.bytes,
        error_types=dict(stats.error_types),
        report_json=report.to_json() if keep_report else None,
    )


def _package(item: Item, options: Dict[str, Any], keep_report: bool) -> Dict[str, Any]:
    """Validates a Data Package natively."""
    report = validate_package(item.source, options)
    return dict(
        version=None,
        valid=bool(report["valid"]),
        report_json=json.dumps(report, ensure_ascii=False) if keep_report else None,
        **package_totals(report),
    )


def _within(
    work: Callable[[], Dict[str, Any]], timeout: Optional[float], name: str
) -> Tuple[str, Any]:
    """(``"done"``, fields) or (``"failed"``, exception) or (``"timeout"``, None).

    With a timeout the work runs in a helper thread so the task can give up; the native
    call cannot be interrupted, so an abandoned validation finishes in the background (its
    GIL-free work does not block the worker) and is discarded.
    """
    if timeout is None:
        try:
            return "done", work()
        except Exception as exc:  # noqa: BLE001 - every failure becomes a result row
            return "failed", exc
    outcome: Dict[str, Tuple[str, Any]] = {}

    def target() -> None:
        try:
            outcome["value"] = ("done", work())
        except Exception as exc:  # noqa: BLE001
            outcome["value"] = ("failed", exc)

    thread = threading.Thread(target=target, name=name, daemon=True)
    thread.start()
    thread.join(timeout)
    return outcome.get("value", ("timeout", None))


def _run(
    item: Item, options: Dict[str, Any], timeout: Optional[float], keep_report: bool
) -> Tuple[str, Any]:
    if item.schema is None and is_package(item.source):
        return _within(
            lambda: _package(item, options, keep_report), timeout, f"conforme {item.source}"
        )
    return _within(lambda: _table(item, options, keep_report), timeout, f"conforme {item.source}")


def validate_item(
    item: Item, options: Dict[str, Any], timeout: Optional[float], keep_report: bool
) -> FileResult:
    """Validates one item (a table file, or a Data Package when its schema is ``None``) on
    this worker; never raises for a bad file, package or schema.

    `item` comes from ``Item.located()``; the result names it as the user did
    (``FileResult.source`` is the text given, ``schema`` its label).
    """
    start = time.perf_counter()
    state, fields = _run(item, options, timeout, keep_report)
    common: Dict[str, Any] = dict(
        source=item.source_label,
        schema=item.schema_label,
        seconds=time.perf_counter() - start,
        worker=_worker_name(),
        key=item.key,
        index=item.index,
    )
    if state == "timeout":
        return FileResult(
            version=None,
            status="timeout",
            valid=None,
            error=f"timed out after {timeout:g} s (per-file timeout)",
            **common,
        )
    if state == "failed":
        return FileResult(
            version=_reference_version(item.schema) if isinstance(item.schema, str) else None,
            status="error",
            valid=None,
            error=_describe(fields),
            **common,
        )
    return FileResult(status="valid" if fields["valid"] else "invalid", **fields, **common)


def validate_and_store(
    item: Item, options: Dict[str, Any], timeout: Optional[float], reports: str
) -> Tuple[FileResult, bool]:
    """``validate_item``, whose line (full report included) this worker appends to the
    reports folder `reports` itself, so that only the compact result travels back:
    (the result without its report, True). When this worker cannot write there: (the result
    with its report, False), for the client to write.
    """
    result = validate_item(item, options, timeout, True)
    try:
        append_line(os.path.join(reports, REPORTS_FILE), report_line(result))
    except OSError:
        return result, False
    return dataclasses.replace(result, report_json=None), True


def installed_version() -> str:
    """The conforme version of this process (the client checks workers run the same)."""
    return str(_conforme.__version__)
