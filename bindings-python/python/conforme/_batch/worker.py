"""What runs on a Dask worker: validate one file, with a per-process cache of compiled schemas.

A worker process validates many files against few schemas: compiling each schema once per
process (not once per file) is what keeps the per-file overhead small. Every failure that
concerns the file or its schema becomes a result with ``status="error"``; only a lost worker
is left to Dask (it reruns the task elsewhere).
"""

from __future__ import annotations

import json
import os
import re
import socket
import threading
import time
from collections import OrderedDict
from typing import Any, Dict, Optional, Tuple, Union

from .. import _conforme
from .items import Item, SchemaSpec, schema_key
from .results import FileResult

CACHE_SIZE = 64
"""Compiled schemas kept per worker process (least recently used ones are dropped)."""

_URL = re.compile(r"^https?://", re.IGNORECASE)
_REFERENCE = re.compile(r"^[\w.-]+/[\w.-]+(@[\w.+-]+)?$")

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


def _compile(spec: SchemaSpec) -> Tuple[Union[_conforme.Schema, str], Optional[str]]:
    """The schema to give ``conforme.validate`` and its version.

    Dicts and local files are compiled here. Other strings use the binding's loader for
    their kind when it has one (``Schema.from_url``, ``Schema.from_catalog``); otherwise the
    text goes to ``conforme.validate`` as it is, which accepts or explains it.
    """
    Schema = _conforme.Schema
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
        loader = getattr(Schema, "from_url", None)
    elif _REFERENCE.match(spec):
        loader = getattr(Schema, "from_catalog", None)
    else:
        loader = None
    compiled = loader(spec) if loader is not None else spec
    return compiled, _reference_version(spec)


def compiled_schema(spec: SchemaSpec) -> Tuple[Union[_conforme.Schema, str], Optional[str]]:
    """``_compile(spec)``, cached per worker process (thread-safe; errors are not cached)."""
    key = schema_key(spec)
    with _cache_lock:
        hit = _cache.get(key)
        if hit is not None:
            _cache.move_to_end(key)
            return hit
    value = _compile(spec)
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


def _validate(item: Item, options: Dict[str, Any]) -> Tuple[Any, Optional[str]]:
    schema, version = compiled_schema(item.schema)
    return _conforme.validate(item.source, schema, **options), version


def _run_with_timeout(
    item: Item, options: Dict[str, Any], timeout: Optional[float]
) -> Tuple[str, Any]:
    """(``"done"``, (report, version)) or (``"failed"``, exception) or (``"timeout"``, None).

    The validation runs in a helper thread so the task can give up after ``timeout``
    seconds; the native call cannot be interrupted, so an abandoned validation finishes in
    the background (its GIL-free work does not block the worker) and is discarded.
    """
    if timeout is None:
        try:
            return "done", _validate(item, options)
        except Exception as exc:  # noqa: BLE001 - every failure becomes a result row
            return "failed", exc
    outcome: Dict[str, Tuple[str, Any]] = {}

    def target() -> None:
        try:
            outcome["value"] = ("done", _validate(item, options))
        except Exception as exc:  # noqa: BLE001
            outcome["value"] = ("failed", exc)

    thread = threading.Thread(target=target, name=f"conforme {item.source}", daemon=True)
    thread.start()
    thread.join(timeout)
    return outcome.get("value", ("timeout", None))


def validate_item(
    item: Item, options: Dict[str, Any], timeout: Optional[float], keep_report: bool
) -> FileResult:
    """Validates one item on this worker; never raises for a bad file or schema.

    `item` comes from ``Item.located()``; the result names it as the user did
    (``FileResult.source`` is the text given, ``schema`` its label).
    """
    start = time.perf_counter()
    state, value = _run_with_timeout(item, options, timeout)
    seconds = time.perf_counter() - start
    common = dict(
        source=item.source_label,
        schema=item.schema_label,
        seconds=seconds,
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
            **common,  # type: ignore[arg-type]
        )
    if state == "failed":
        return FileResult(
            version=_reference_version(item.schema) if isinstance(item.schema, str) else None,
            status="error",
            valid=None,
            error=_describe(value),
            **common,  # type: ignore[arg-type]
        )
    report, version = value
    stats = report.stats
    return FileResult(
        version=version,
        status="valid" if report.valid else "invalid",
        valid=bool(report.valid),
        error_count=stats.error_count,
        warning_count=stats.warning_count,
        rows=stats.rows,
        bytes=stats.bytes,
        error_types=dict(stats.error_types),
        report_json=report.to_json() if keep_report else None,
        **common,  # type: ignore[arg-type]
    )


def installed_version() -> str:
    """The conforme version of this process (the client checks workers run the same)."""
    return str(_conforme.__version__)
