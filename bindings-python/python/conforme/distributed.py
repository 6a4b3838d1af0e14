"""Validate thousands of files on a Dask ``distributed`` cluster (``pip install 'conforme-data[dask]'``).

>>> from conforme.distributed import validate_many
>>> summary = validate_many(                                       # doctest: +SKIP
...     [("data/2024.csv", "schema.json"), ("data/2025.csv", "schema.json")],
...     reports="reports/",      # reports.jsonl (one full report per line) + summary.csv
...     timeout=600,             # seconds per file
... )
>>> summary[["source", "status", "error_count", "rows", "worker"]]  # doctest: +SKIP

One task per (source, schema) pair; each worker process compiles a schema once and reuses it
for every file; results come back as files finish (``iter_validate`` yields them). A file
that cannot be read, or whose schema is unusable, is a row with ``status="error"`` and the
reason, not a failed run. A worker that dies mid-file has its tasks rerun on the others by
Dask (up to the scheduler's ``distributed.scheduler.allowed-failures`` times, 3 by default).
With ``reports=``, a later run over the same folder skips the pairs already reported.
Schemas are paths, URLs, descriptor dicts or catalogue references; ``org/name@all`` stands
for every published version of the schema (one pair per version, read from the catalogue
given by the ``catalog``/``cache_dir``/``offline`` options, which also reach the workers'
schema loaders).

Importing this module does not import Dask: that happens when a run starts.
"""

from __future__ import annotations

import contextlib
import dataclasses
import importlib.util
import os
from typing import Any, Dict, Iterable, Iterator, Optional, Sized, Tuple, Union

from . import _conforme
from ._batch.folder import ReportFolder, resumed_result
from ._batch.items import Item, normalise
from ._batch.progress import Progress, default_enabled
from ._batch.results import STATUSES, FileResult, summary_frame
from ._batch.worker import REMOTE_OPTIONS, installed_version, validate_item

__all__ = ["FileResult", "STATUSES", "iter_validate", "validate_many"]

PathLike = Union[str, "os.PathLike[str]"]


def _import_distributed() -> Any:
    try:
        import distributed
    except ImportError as exc:
        raise ImportError(
            "conforme.distributed needs Dask: pip install 'conforme-data[dask]' "
            "(installs dask, distributed and pandas)"
        ) from exc
    return distributed


@contextlib.contextmanager
def _client_for(
    client: Any, scheduler: Optional[str], n_workers: Optional[int], progress: Progress
) -> Iterator[Any]:
    """The given client, a client of the scheduler at `scheduler`, or a client of a new
    ``LocalCluster``; what is created here is closed on exit."""
    if client is not None:
        if scheduler is not None:
            raise ValueError("give client= or scheduler=, not both")
        yield client
        return
    distributed = _import_distributed()
    if scheduler is not None:
        try:
            remote = distributed.Client(scheduler)
        except OSError as exc:
            raise ConnectionError(f"cannot reach the Dask scheduler at {scheduler}: {exc}") from exc
        with remote:
            yield remote
        return
    workers = n_workers if n_workers is not None else (os.cpu_count() or 1)
    with distributed.LocalCluster(
        n_workers=workers,
        threads_per_worker=1,
        processes=True,
        host="127.0.0.1",
        dashboard_address=":0",
    ) as cluster, distributed.Client(cluster) as local:
        if local.dashboard_link and importlib.util.find_spec("bokeh") is not None:
            progress.note(f"Dask dashboard: {local.dashboard_link}")
        yield local


def _check_workers(client: Any) -> int:
    """Checks every worker imports the same conforme; returns the cluster's thread count."""
    try:
        versions = client.run(installed_version)
    except ImportError as exc:
        raise RuntimeError(
            f"a Dask worker cannot import conforme ({exc}); install the same conforme wheel on "
            "every worker"
        ) from exc
    wrong = {w: v for w, v in versions.items() if v != _conforme.__version__}
    if wrong:
        raise RuntimeError(
            f"Dask workers run another conforme version than this client "
            f"({_conforme.__version__}): {wrong}; install the same wheel everywhere"
        )
    return max(1, int(sum(client.nthreads().values())))


def _check_options(options: Dict[str, Any]) -> None:
    """Raises here, once, for options ``conforme.validate`` refuses (not once per file)."""
    _conforme.validate(b"x\n", {"fields": [{"name": "x"}]}, **options)


def _lost(item: Item, exc: BaseException) -> FileResult:
    """The row of a task Dask gave up on (its worker died too often, or retries ran out)."""
    name = type(exc).__name__
    if name == "KilledWorker":
        reason = (
            "KilledWorker: the worker validating this file died repeatedly (out of memory?); "
            "Dask stopped retrying it"
        )
    else:
        reason = f"{name}: {exc}"
    return FileResult(
        source=item.source_label,
        schema=item.schema_label,
        version=None,
        status="error",
        valid=None,
        error=reason,
        key=item.key,
        index=item.index,
    )


def iter_validate(
    items: Iterable[Tuple[Any, Any]],
    *,
    client: Any = None,
    scheduler: Optional[str] = None,
    n_workers: Optional[int] = None,
    reports: Optional[PathLike] = None,
    resume: bool = True,
    timeout: Optional[float] = None,
    retries: int = 2,
    with_reports: bool = False,
    progress: Optional[bool] = None,
    **options: Any,
) -> Iterator[FileResult]:
    """Validates every (source, schema) pair on a Dask cluster, yielding results as they finish.

    ``items``: (source, schema) pairs, read lazily; a source is a path (str or ``os.PathLike``)
    or any text ``conforme.validate`` accepts; a schema is such a text or a descriptor dict
    (``None`` for a ``datapackage.json`` source: the package is validated with its own
    schemas, foreign keys included). Repeated pairs are validated once; relative paths that exist here are made absolute
    for the workers. ``client``: a ``distributed.Client``; or ``scheduler``: the address
    of a running scheduler (``tcp://host:8786``); with neither, a ``LocalCluster`` of
    ``n_workers`` processes (default: one per core) is started on 127.0.0.1 and closed at
    the end. ``reports``: a folder receiving ``reports.jsonl``; with ``resume`` (default) pairs already in it are not validated again and come back with
    ``resumed=True``; ``resume=False`` starts the file over. ``timeout``: seconds allowed per
    file (then ``status="timeout"``). ``retries``: reruns of a task that raised unexpectedly.
    ``with_reports``: also carry each full report in ``FileResult.report_json``.
    ``progress``: a progress bar on stderr (``tqdm`` when installed; default: when stderr is a
    terminal). Other keyword arguments go to ``conforme.validate`` on the workers
    (``max_errors``, ``lang``, ``profile``…; ``threads`` defaults to 1 as the cluster runs
    files in parallel).

    Closing the generator early cancels the tasks still running.
    """
    options = {"threads": 1, **options}
    _check_options(options)
    remote = {k: options[k] for k in REMOTE_OPTIONS if k in options}
    stream: Iterator[Item] = normalise(items, remote)
    total: Optional[int] = None
    if isinstance(items, Sized):  # already in memory: check it all now, count distinct pairs
        listed = list(stream)
        total, stream = len(listed), iter(listed)
    bar = Progress(default_enabled() if progress is None else progress, total)
    folder = ReportFolder(reports) if reports is not None else None
    done: Dict[str, Dict[str, object]] = {}
    if folder is not None:
        if resume:
            done = folder.done()
        elif folder.reports.exists():
            folder.reports.unlink()
    keep = with_reports or folder is not None
    pending: Dict[Any, Tuple[Item, int]] = {}
    try:
        distributed = _import_distributed()
        with _client_for(client, scheduler, n_workers, bar) as c:
            window = max(32, 4 * _check_workers(c))
            finished = distributed.as_completed()
            resumed = 0

            def submit(item: Item, attempt: int) -> None:
                future = c.submit(
                    validate_item,
                    item.located(),
                    options,
                    timeout,
                    keep,
                    retries=retries,
                    pure=False,
                )
                pending[future] = (item, attempt)
                finished.add(future)

            def refill() -> Iterator[FileResult]:
                nonlocal resumed
                while len(pending) < window:
                    item = next(stream, None)
                    if item is None:
                        return
                    row = done.get(item.key)
                    if row is None:
                        submit(item, 0)
                    else:
                        resumed += 1
                        yield resumed_result(item, row)

            def deliver(result: FileResult) -> FileResult:
                if folder is not None and not result.resumed:
                    folder.append(result)
                bar.update(result.status)
                if keep and not with_reports:
                    # Written to the folder: do not hold every report in memory too.
                    result = dataclasses.replace(result, report_json=None)
                return result

            for result in refill():
                yield deliver(result)
            for future in finished:
                item, attempt = pending.pop(future)
                if future.status == "cancelled":
                    if attempt < retries:
                        # Someone restarted the cluster under us: run the task again.
                        submit(item, attempt + 1)
                        continue
                    result = _lost(item, RuntimeError("the task was cancelled"))
                else:
                    try:
                        result = future.result()
                    except Exception as exc:  # noqa: BLE001 - a row, not a crashed run
                        result = _lost(item, exc)
                future.release()
                yield deliver(result)
                for more in refill():
                    yield deliver(more)
            if resumed:
                bar.note(f"{resumed} files already reported in {reports}: not validated again")
    finally:
        for future in pending:
            future.cancel()
        bar.close()
        if folder is not None:
            folder.close()


def validate_many(
    items: Iterable[Tuple[Any, Any]],
    *,
    client: Any = None,
    scheduler: Optional[str] = None,
    n_workers: Optional[int] = None,
    reports: Optional[PathLike] = None,
    resume: bool = True,
    timeout: Optional[float] = None,
    retries: int = 2,
    progress: Optional[bool] = None,
    **options: Any,
) -> Any:
    """Validates every (source, schema) pair on a Dask cluster; returns the summary table.

    The arguments are those of ``iter_validate``. The result is a ``pandas.DataFrame`` with
    one row per distinct pair, in the order given: ``source``, ``schema``, ``version``,
    ``status`` (``valid``, ``invalid``, ``error``, ``timeout``), ``valid``, ``error_count``,
    ``warning_count``, ``rows``, ``bytes``, ``seconds``, ``worker``, ``error`` (why a file could
    not be validated), ``resumed``, then one count column per error type (``type-error``…).
    With ``reports``, the table is also written there as ``summary.csv``.
    """
    results = list(
        iter_validate(
            items,
            client=client,
            scheduler=scheduler,
            n_workers=n_workers,
            reports=reports,
            resume=resume,
            timeout=timeout,
            retries=retries,
            progress=progress,
            **options,
        )
    )
    frame = summary_frame(results)
    if reports is not None:
        ReportFolder(reports).write_summary(frame)
    return frame
