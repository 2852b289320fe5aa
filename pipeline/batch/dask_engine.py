"""Extraction on a Dask cluster: one task a shard, each reading its inputs and writing its part file.

``hoinghi extract crawl/ -o parts/ --engine dask [--scheduler tcp://HOST:8786]``
calls :func:`run_dask`. Only file names and small summaries travel: a task is
given a :class:`~pipeline.batch.shards.Shard` (paths, byte ranges, hashes) and
the output folder, reads the documents itself, extracts them with the
extractor its worker process loaded once (:class:`ExtractorPlugin`, a Dask
worker plugin; the extractor renews its spaCy memory zone as the local workers
do) and writes ``part-<shard id>.jsonl`` and ``part-<shard id>.errors.jsonl``
under temporary names, renamed when the shard is complete. A shard whose part
is there is skipped, so a killed run carries on where it stopped; a worker
that dies has its shards run again elsewhere, whole. At the end the folder
gets ``manifest.json`` (every shard, its pieces and their hashes) and
``summary.json``::

    >>> summary = run_dask(["corpus/articles"], Path("parts"), workers=2)   # doctest: +SKIP
    >>> summary.docs.extracted, summary.shards_done
    (41, 1)
"""
from __future__ import annotations

import datetime as dt
import hashlib
import json
import logging
import os
import threading
import time
import uuid
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from hoinghi.pipeline.batch.run import Summary, default_jobs
from hoinghi.pipeline.batch.shards import SHARD_DOCS, Listing, Shard, list_shards, shard_documents
from hoinghi.pipeline.batch.workers import (
    Extracted,
    ExtractorFactory,
    Failed,
    Outcome,
    SupportsExtract,
    failed,
    process,
    quiet_gc,
    ready_extractor,
)
from hoinghi.pipeline.errors import HoinghiError
from hoinghi.pipeline.inputs.readers import Article, HtmlPage, ReadError
from hoinghi.schemas import ExtractionError


class DaskError(HoinghiError):
    """The Dask engine cannot run: dask is not installed, the scheduler cannot be reached, no worker joined."""


try:
    from distributed import Client, LocalCluster, as_completed, get_worker
    from distributed.diagnostics.plugin import WorkerPlugin
except ImportError as _missing:  # the engine is an optional extra
    raise DaskError("the Dask engine needs dask and distributed: pip install -e '.[dask]' "
                    f"(or pip install 'dask[distributed]'); {_missing}") from None

MANIFEST = "manifest.json"
SUMMARY = "summary.json"
INPUT_ERRORS = "inputs.errors.jsonl"
_TMP = ".tmp-"
_WORKER_ENV = {"DASK_LOGGING__DISTRIBUTED": "error", "DASK_DISTRIBUTED__WORKER__PROFILE__ENABLED": "False"}
_STUCK_EXIT = 70  # a worker that stopped itself on a document past its time limit


class ExtractorPlugin(WorkerPlugin):
    """Loads the extractor once in each worker process (also in one that joins or replaces a dead one)."""

    idempotent = True  # registered again by a later run on the same cluster: the loaded models stay

    def __init__(self, factory: ExtractorFactory | None = None) -> None:
        self.factory = factory
        self.extractor: SupportsExtract | None = None

    def setup(self, worker: Any) -> None:
        self.extractor = ready_extractor(self.factory)
        quiet_gc()


def plugin_name(factory: ExtractorFactory | None) -> str:
    """``hoinghi-extractor`` for the default extractor; another factory gets a name of its own."""
    if factory is None:
        return "hoinghi-extractor"
    return "hoinghi-extractor-" + hashlib.sha1(repr(factory).encode("utf-8")).hexdigest()[:12]


@dataclass
class ShardDone:
    """What a task sends back: its shard, the summary of its documents, the worker that ran it."""

    shard_id: str
    summary: Summary
    worker: str


class _Watchdog:
    """Stops this worker process when one document takes longer than ``timeout`` s, noting the document first.

    A Python thread cannot be stopped, and a document that hangs would hold its
    worker for good: the note (``part-<id>.jsonl.stuck``, in the shared folder)
    lets the shard's next try, on the worker Dask starts in its place, write the
    document as a ``timeout`` error and go on without it.
    """

    def __init__(self, note: Path, timeout: float) -> None:
        self.note = note
        self.timeout = timeout
        self._current: tuple[int, Failed, float] | None = None
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._watch, name="hoinghi-watchdog", daemon=True)

    def noted(self) -> dict[int, Failed]:
        """The documents earlier tries of the shard stopped on, by their place in the shard."""
        if not self.note.exists():
            return {}
        found = {}
        for line in self.note.read_text(encoding="utf-8").splitlines():
            entry = json.loads(line)
            found[entry["index"]] = Failed(ExtractionError.model_validate(entry["error"]))
        return found

    def __enter__(self) -> "_Watchdog":
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()

    def begin(self, index: int, item: Article | HtmlPage | ReadError) -> None:
        source = item.source if isinstance(item, HtmlPage | ReadError) else item.meta.get("path")
        error = failed(item.doc_id, source, "timeout",
                       f"{item.doc_id}: extraction took longer than {self.timeout:g} s; its worker was stopped "
                       "and the shard went on without it")
        self._current = (index, error, time.monotonic())

    def end(self) -> None:
        self._current = None

    def _watch(self) -> None:
        while not self._stop.wait(min(0.5, self.timeout / 4)):
            current = self._current
            if current is not None and time.monotonic() - current[2] > self.timeout:
                with open(self.note, "a", encoding="utf-8") as fh:
                    fh.write(json.dumps({"index": current[0], "error": current[1].error.model_dump()},
                                        ensure_ascii=False) + "\n")
                    fh.flush()
                    os.fsync(fh.fileno())
                os._exit(_STUCK_EXIT)


def extract_shard(shard: Shard, out_dir: str, plugin: str, timeout: float = 60.0) -> ShardDone:
    """Run on a worker: read the shard's documents, extract them, write its part and errors, renamed when done."""
    worker = get_worker()
    extractor = worker.plugins[plugin].extractor
    out = Path(out_dir)
    tag = f"{_TMP}{os.getpid()}-{uuid.uuid4().hex[:8]}"
    part, errors = out / shard.part_name, out / shard.errors_name
    part_tmp, errors_tmp = out / (shard.part_name + tag), out / (shard.errors_name + tag)
    summary = Summary()
    started = time.perf_counter()
    watchdog = _Watchdog(out / (shard.part_name + ".stuck"), timeout)
    stuck = watchdog.noted()
    with open(part_tmp, "wb") as fh, open(errors_tmp, "wb") as err, watchdog:
        for index, item in enumerate(shard_documents(shard)):
            if index in stuck:
                outcome: Outcome = stuck[index]
            else:
                watchdog.begin(index, item)
                outcome = process(extractor, item)
                watchdog.end()
            summary.add(outcome)
            if isinstance(outcome, Extracted):
                fh.write(outcome.line.encode("utf-8") + b"\n")
            elif isinstance(outcome, Failed):
                err.write(outcome.error.model_dump_json().encode("utf-8") + b"\n")
        for done in (fh, err):
            done.flush()
            os.fsync(done.fileno())
    if summary.failed_total:
        os.replace(errors_tmp, errors)
    else:
        errors_tmp.unlink()
        errors.unlink(missing_ok=True)  # left by an earlier run in which the shard failed
    os.replace(part_tmp, part)  # last: a part that exists is a shard done
    watchdog.note.unlink(missing_ok=True)  # its documents are in the errors file now
    summary.seconds = time.perf_counter() - started
    return ShardDone(shard.id, summary, str(worker.address))


@dataclass
class DaskSummary:
    """A distributed run: its documents (as a local run counts them) and its shards."""

    docs: Summary = field(default_factory=Summary)
    shards: int = 0
    shards_done: int = 0
    shards_skipped: int = 0  # their part was there already
    shards_failed: int = 0
    parts_removed: int = 0  # parts of the earlier run whose inputs changed
    workers: int = 0

    def add(self, done: ShardDone) -> None:
        """Count a finished shard's documents and facts."""
        self.shards_done += 1
        part = done.summary
        self.docs.read += part.read
        self.docs.extracted += part.extracted
        self.docs.failed.update(part.failed)
        self.docs.facts.update(part.facts)

    def lines(self) -> list[str]:
        """The local summary's lines, then ``shards 5: done 4, skipped 1 (part already there), failed 0 on 2 workers``."""
        return [*self.docs.lines(),
                f"shards {self.shards}: done {self.shards_done}, skipped {self.shards_skipped} (part already there), "
                f"failed {self.shards_failed}, on {self.workers} workers"
                + (f"; {self.parts_removed} parts of the last run removed (their inputs changed)"
                   if self.parts_removed else "")]

    def to_json(self) -> dict[str, Any]:
        d = self.docs
        return {"documents": d.read + d.skipped, "read": d.read, "extracted": d.extracted, "skipped": d.skipped,
                "failed": d.failed_total, "failed_by_reason": dict(sorted(d.failed.items())),
                "facts": dict(d.facts), "seconds": round(d.seconds, 3),
                "docs_per_second": round(d.read / d.seconds, 2) if d.seconds else 0.0,
                "shards": self.shards, "shards_done": self.shards_done, "shards_skipped": self.shards_skipped,
                "shards_failed": self.shards_failed, "parts_removed": self.parts_removed, "workers": self.workers}


def run_dask(
    inputs: Iterable[str | Path],
    out_dir: Path,
    *,
    scheduler: str | None = None,
    client: Client | None = None,
    workers: int | None = None,
    shard_docs: int = SHARD_DOCS,
    max_chars: int = 1_000_000,
    timeout: float = 60.0,
    extractor_factory: ExtractorFactory | None = None,
    progress: Callable[[Summary], None] | None = None,
    on_shard: Callable[[ShardDone], None] | None = None,
) -> DaskSummary:
    """Extract every input into part files under ``out_dir``, one Dask task a shard of ``shard_docs`` documents.

    On ``client``, else the cluster at ``scheduler`` (``tcp://HOST:8786``),
    else a LocalCluster of ``workers`` processes (default: the cores), one
    thread each. A document may take ``timeout`` seconds (then its worker is
    restarted and the shard retried without it). ``progress`` gets the running
    document summary after each shard, ``on_shard`` each finished shard.
    """
    started = time.perf_counter()
    out_dir = out_dir.absolute()
    out_dir.mkdir(parents=True, exist_ok=True)
    listing = list_shards(inputs, shard_docs=shard_docs, max_chars=max_chars)
    summary = DaskSummary(shards=len(listing.shards))
    _write_jsonl(out_dir / INPUT_ERRORS, [failed(e.doc_id, e.source, e.reason, e.message).error.model_dump_json()
                                          for e in listing.errors])
    for error in listing.errors:
        summary.docs.add(failed(error.doc_id, error.source, error.reason, error.message))
    todo = []
    for shard in listing.shards:
        if (out_dir / shard.part_name).exists():
            summary.shards_skipped += 1
            summary.docs.skipped += shard.docs
        else:
            todo.append(shard)
    if todo:
        with _connected(client, scheduler, workers) as cluster:
            summary.workers = len(cluster.scheduler_info()["workers"])
            name = plugin_name(extractor_factory)
            cluster.register_plugin(ExtractorPlugin(extractor_factory), name=name)
            run = uuid.uuid4().hex[:8]
            futures = cluster.map(extract_shard, todo, out_dir=str(out_dir), plugin=name, timeout=timeout,
                                  key=[f"hoinghi-shard-{s.id}-{run}" for s in todo])
            by_key = {f.key: shard for f, shard in zip(futures, todo)}
            for future in as_completed(futures):
                shard = by_key[future.key]
                try:
                    done: ShardDone = future.result()
                except Exception as exc:  # the shard's worker died too often, or its output could not be written
                    _shard_failed(out_dir, shard, exc, summary)
                else:
                    summary.add(done)
                    if on_shard is not None:
                        on_shard(done)
                future.release()
                if progress is not None:
                    progress(summary.docs)
    _remove_leftovers(out_dir, {s.id for s in listing.shards})
    summary.parts_removed = _remove_stale_parts(out_dir, listing)
    summary.docs.seconds = time.perf_counter() - started
    _write_json(out_dir / MANIFEST, _manifest(listing, shard_docs, max_chars))
    _write_json(out_dir / SUMMARY, summary.to_json())
    return summary


@contextmanager
def _connected(client: Client | None, scheduler: str | None, workers: int | None) -> Iterator[Client]:
    """The given client, a client of the scheduler, or a LocalCluster's client closed afterwards."""
    if client is not None:
        yield client
        return
    if scheduler is not None:
        try:
            own = Client(scheduler, timeout="30s")
        except (OSError, TimeoutError) as exc:
            raise DaskError(f"cannot reach the Dask scheduler at {scheduler} ({exc})") from exc
        with own:
            try:
                own.wait_for_workers(1, timeout=120)
            except TimeoutError as exc:
                raise DaskError(f"no worker joined the scheduler at {scheduler} within 120 s "
                                "(start some with: dask worker " + scheduler + ")") from exc
            yield own
        return
    with _quiet_logs(), LocalCluster(n_workers=workers or default_jobs(), threads_per_worker=1, processes=True,
                                     dashboard_address=None, silence_logs=logging.ERROR) as cluster:
        with Client(cluster) as own:
            yield own


@contextmanager
def _quiet_logs() -> Iterator[None]:
    """A LocalCluster's settings: errors only from its scheduler (in this process) and workers, no worker profiler.

    The workers are spawned and read their settings from the environment.
    Dask's statistical profiler walks every thread's stack each 10 ms, a cost
    on the extraction's thread for a picture nobody looks at here.
    """
    logger = logging.getLogger("distributed")
    level = logger.level
    saved = {name: os.environ.get(name) for name in _WORKER_ENV}
    logger.setLevel(logging.ERROR)
    os.environ.update(_WORKER_ENV)
    try:
        yield
    finally:
        logger.setLevel(level)
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


def _shard_failed(out_dir: Path, shard: Shard, exc: BaseException, summary: DaskSummary) -> None:
    """A shard that could not be done: one error line beside where its part would be; the next run tries it again."""
    first = shard.pieces[0].path if shard.pieces else None
    message = (f"shard {shard.id}: its {shard.docs} documents (from {first}) were not extracted: "
               f"{type(exc).__name__}: {exc}; run again to retry the shard")
    _write_jsonl(out_dir / shard.errors_name,
                 [failed(f"shard-{shard.id}", first, "shard_failed", message).error.model_dump_json()])
    summary.shards_failed += 1
    summary.docs.read += shard.docs
    summary.docs.failed["shard_failed"] += shard.docs


def _remove_stale_parts(out_dir: Path, listing: Listing) -> int:
    """Parts of the folder's earlier manifest that this listing no longer has (their inputs changed), with their errors.

    Without this, an article whose file changed would be in two parts, the old
    record and the new. Parts no manifest names are left alone.
    """
    try:
        before = json.loads((out_dir / MANIFEST).read_text(encoding="utf-8"))
        names = {shard["part"] for shard in before["shards"]}
    except (OSError, ValueError, KeyError, TypeError):
        return 0
    removed = 0
    for name in names - {s.part_name for s in listing.shards}:
        part = out_dir / Path(name).name
        if part.exists():
            part.unlink()
            removed += 1
        part.with_name(part.name.removesuffix(".jsonl") + ".errors.jsonl").unlink(missing_ok=True)
    return removed


def _remove_leftovers(out_dir: Path, ids: set[str]) -> None:
    """Temporary files of this run's shards left by workers that died while writing them."""
    with os.scandir(out_dir) as entries:
        for entry in entries:
            if _TMP in entry.name and entry.name.startswith("part-") and entry.name[5:21] in ids:
                Path(entry.path).unlink(missing_ok=True)


def _manifest(listing: Listing, shard_docs: int, max_chars: int) -> dict[str, Any]:
    return {"format": 1, "written": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
            "shard_docs": shard_docs, "max_chars": max_chars, "documents": listing.docs,
            "shards": [s.to_json() for s in listing.shards],
            "input_errors": [{"doc_id": e.doc_id, "source": e.source, "reason": e.reason} for e in listing.errors]}


def _write_json(path: Path, value: dict[str, Any]) -> None:
    tmp = path.with_name(path.name + _TMP + uuid.uuid4().hex[:8])
    tmp.write_text(json.dumps(value, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    os.replace(tmp, path)


def _write_jsonl(path: Path, lines: list[str]) -> None:
    if not lines:
        path.unlink(missing_ok=True)
        return
    tmp = path.with_name(path.name + _TMP + uuid.uuid4().hex[:8])
    tmp.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
    os.replace(tmp, path)


__all__ = ["DaskError", "DaskSummary", "ExtractorPlugin", "ShardDone", "extract_shard", "plugin_name", "run_dask"]
