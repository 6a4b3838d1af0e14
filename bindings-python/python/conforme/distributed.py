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
import uuid
from pathlib import Path
from typing import Any, Dict, Iterable, Iterator, List, Optional, Sized, Tuple, Union

from . import _conforme
from ._batch.folder import ReportFolder, resumed_result
from ._batch.items import Item, normalise
from ._batch.progress import Progress, default_enabled
from ._batch.results import STATUSES, FileResult, summary_frame
from ._batch.worker import REMOTE_OPTIONS, installed_version, validate_and_store, validate_item

__all__ = [
    "FileResult",
    "LOCAL_CONFIG",
    "STATUSES",
    "iter_validate",
    "local_client",
    "validate_many",
]

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


LOCAL_CONFIG: Dict[str, Any] = {
    # Dask starts workers with MALLOC_TRIM_THRESHOLD_=65536, which also pins glibc's mmap
    # threshold at 128 kB: every buffer of every file is then mapped afresh and faulted in
    # page by page (1 900 page faults a file of 50 000 rows instead of 40, about +7 % CPU,
    # measured). ``None`` leaves glibc's adaptive defaults (an explicit value in the
    # environment still wins).
    "distributed.nanny.pre-spawn-environ.MALLOC_TRIM_THRESHOLD_": None,
    # The statistical profiler samples every worker thread each 10 ms: 1.6 % of a core per
    # idle worker (measured), and it cannot see inside the native validation anyway.
    "distributed.worker.profile.enabled": False,
    # Each scheduler, nanny and worker checks its event loop's health every 20 ms by
    # default: about 1 % of a core per process, taken from validation on a small machine.
    "distributed.admin.tick.interval": "100ms",
}
"""Dask settings of the clusters ``local_client`` starts (set while they are created, so
they reach the worker processes too)."""


@contextlib.contextmanager
def local_client(n_workers: Optional[int] = None, *, dashboard: bool = True) -> Iterator[Any]:
    """A ``distributed.Client`` of a new ``LocalCluster`` set up for validation, closed on exit.

    ``n_workers`` processes (default: one per core) of one thread each on 127.0.0.1, with
    ``LOCAL_CONFIG`` (glibc's own memory trimming, no statistical profiler, slower event-loop
    health checks: apply it with ``dask.config.set`` before starting a cluster of your own);
    results are fetched from the workers directly, not through the scheduler.
    ``validate_many`` starts one of these when given neither ``client`` nor ``scheduler``;
    start it yourself to reuse it for several runs.
    """
    distributed = _import_distributed()
    import dask

    workers = n_workers if n_workers is not None else (os.cpu_count() or 1)
    with dask.config.set(LOCAL_CONFIG):
        cluster = distributed.LocalCluster(
            n_workers=workers,
            threads_per_worker=1,
            processes=True,
            host="127.0.0.1",
            dashboard_address=":0" if dashboard else None,
        )
    with cluster, distributed.Client(cluster, direct_to_workers=True) as client:
        yield client


@contextlib.contextmanager
def _client_for(
    client: Any, scheduler: Optional[str], n_workers: Optional[int], progress: Progress
) -> Iterator[Any]:
    """The given client, a client of the scheduler at `scheduler`, or a client of a new
    local cluster (``local_client``); what is created here is closed on exit."""
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
    with local_client(n_workers) as local:
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


def _workers_see(client: Any, folder: Path) -> bool:
    """Whether every worker sees `folder` (the same machine, or a shared file system): a
    file made here is looked for there."""
    probe = folder.resolve() / f".conforme-probe-{uuid.uuid4().hex}"
    probe.touch()
    try:
        seen = client.run(os.path.exists, str(probe))
    finally:
        probe.unlink()
    return bool(seen) and all(seen.values())


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


class _Tasks:
    """The validation tasks in flight on one client.

    Per file, Dask costs a few milliseconds of event-loop work in the client, the
    scheduler and the worker; on a 2-core machine that competes with validation itself. So
    tasks are submitted in batches (one graph update for many files) and finished results
    are fetched in batches (one gather for all the files that finished meanwhile). With
    `store` (a reports folder the workers see), the workers write the full reports there.
    """

    def __init__(
        self,
        client: Any,
        distributed: Any,
        options: Dict[str, Any],
        timeout: Optional[float],
        keep: bool,
        retries: int,
        store: Optional[str] = None,
    ) -> None:
        self.client = client
        self.stores = store is not None
        self.function: Any = validate_and_store if self.stores else validate_item
        self.arguments: Dict[str, Any] = dict(options=options, timeout=timeout)
        if self.stores:
            self.arguments["reports"] = store
        else:
            self.arguments["keep_report"] = keep
        self.retries = retries
        self.pending: Dict[Any, Tuple[Item, int]] = {}
        self.finished = distributed.as_completed()

    def count(self) -> int:
        """Tasks submitted and not yet delivered."""
        return len(self.pending)

    def submit(self, batch: List[Tuple[Item, int]]) -> None:
        """Submits (item, attempt) pairs as one batch of tasks."""
        if not batch:
            return
        futures = self.client.map(
            self.function,
            [item.located() for item, _ in batch],
            retries=self.retries,
            pure=False,
            **self.arguments,
        )
        for future, pair in zip(futures, batch):
            self.pending[future] = pair
        self.finished.update(futures)

    def results(self) -> Iterator[Tuple[FileResult, bool]]:
        """Yields (result, written to the reports folder by its worker) as tasks finish (and
        for tasks submitted meanwhile)."""
        for batch in self.finished.batches():
            outcomes = self._fetch([f for f in batch if f.status == "finished"])
            for future in batch:
                item, attempt = self.pending.pop(future)
                if future.status == "cancelled" and attempt < self.retries:
                    # Someone restarted the cluster under us: run the task again.
                    self.submit([(item, attempt + 1)])
                    continue
                outcome = outcomes.get(future.key)
                if outcome is None:
                    outcome = self._one(future, item)
                future.release()
                yield outcome

    def _fetch(self, futures: List[Any]) -> Dict[Any, Tuple[FileResult, bool]]:
        """The results of finished futures by key, in one gather; {} when that fails (each
        is then fetched alone, so one lost result does not lose the others)."""
        if not futures:
            return {}
        try:
            values = self.client.gather(futures)
        except Exception:  # noqa: BLE001 - retried one by one
            return {}
        return {future.key: self._outcome(value) for future, value in zip(futures, values)}

    def _outcome(self, value: Any) -> Tuple[FileResult, bool]:
        """(result, written by its worker) from what a task returned."""
        return value if self.stores else (value, False)

    def _one(self, future: Any, item: Item) -> Tuple[FileResult, bool]:
        """The outcome of one task, or the row of a task Dask gave up on."""
        if future.status == "cancelled":
            return _lost(item, RuntimeError("the task was cancelled")), False
        try:
            return self._outcome(future.result())
        except Exception as exc:  # noqa: BLE001 - a row, not a crashed run
            return _lost(item, exc), False

    def cancel(self) -> None:
        """Cancels the tasks still running (the caller closed the stream early)."""
        for future in self.pending:
            future.cancel()


def _flow(
    tasks: _Tasks, stream: Iterator[Item], done: Dict[str, Dict[str, object]], window: int
) -> Iterator[Tuple[FileResult, bool]]:
    """Every item's (result, already in the reports folder): from `done` (an earlier run's
    rows) or from a task, with at most `window` tasks in flight, refilled by halves (one
    graph update for many files)."""

    def refill() -> Iterator[Tuple[FileResult, bool]]:
        batch: List[Item] = []
        while tasks.count() + len(batch) < window:
            item = next(stream, None)
            if item is None:
                break
            row = done.get(item.key)
            if row is None:
                batch.append(item)
            else:
                yield resumed_result(item, row), True
        tasks.submit([(item, 0) for item in batch])

    yield from refill()
    for outcome in tasks.results():
        yield outcome
        if tasks.count() <= window // 2:
            yield from refill()


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
    the end. ``reports``: a folder receiving ``reports.jsonl``, written by the workers
    themselves when they see the folder (same machine or shared file system: full reports
    then never travel back), else by this process; with ``resume`` (default) pairs already
    in it are not validated again and come back with ``resumed=True``; ``resume=False``
    starts the file over. ``timeout``: seconds allowed per file (then ``status="timeout"``).
    ``retries``: reruns of a task that raised unexpectedly. ``with_reports``: also carry each
    full report in ``FileResult.report_json`` (back through Dask, to this process).
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

    def deliver(result: FileResult, stored: bool) -> FileResult:
        if folder is not None and not stored:
            folder.append(result)
        bar.update(result.status)
        if not with_reports:
            # Written to the folder: do not hold every report in memory too.
            result = dataclasses.replace(result, report_json=None)
        return result

    resumed = 0
    try:
        distributed = _import_distributed()
        with _client_for(client, scheduler, n_workers, bar) as c:
            window = max(32, 4 * _check_workers(c))
            # Full reports stay on the workers when they can write the folder themselves;
            # with with_reports they come back anyway, and the client writes them.
            store = None
            if folder is not None and not with_reports and _workers_see(c, folder.path):
                store = str(folder.path.resolve())
            keep = with_reports or (folder is not None and store is None)
            tasks = _Tasks(c, distributed, options, timeout, keep, retries, store)
            try:
                for result, stored in _flow(tasks, stream, done, window):
                    resumed += result.resumed
                    yield deliver(result, stored)
            finally:
                tasks.cancel()
        if resumed:
            bar.note(f"{resumed} files already reported in {reports}: not validated again")
    finally:
        bar.close()


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
