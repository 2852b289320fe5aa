"""Worker processes: each loads the extractor once and extracts one document at a time.

A document that hangs past the time limit, or that kills its worker, becomes
a ``timeout`` or ``crash`` error and the worker is replaced; results come
back in input order, with a bounded number of documents in flight::

    with WorkerPool(jobs=2, timeout=60) as pool:
        for outcome in pool.run([Task(Article("w1_03", "Sáng ngày 26/01/2024, Văn phòng Huyện ủy ...")), ...]):
            ...  # Extracted("w1_03", '{"schema_version":1,"doc_id":"w1_03",...}', "3f1c...", {...}), Failed(...), Skipped(...)

:func:`process` is what a worker does with one document; it runs in-process too.
"""
from __future__ import annotations

import ctypes
import gc
import multiprocessing as mp
import os
import signal
import sys
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from multiprocessing.connection import Connection, wait
from multiprocessing.process import BaseProcess
from typing import Any, Protocol

from pydantic import ValidationError

from hoinghi.pipeline.errors import ExtractError, HoinghiError
from hoinghi.pipeline.inputs.readers import Article, HtmlPage, ReadError
from hoinghi.schemas import ArticleFacts, ExtractionError
from hoinghi.schemas.models import text_sha1

FACT_TYPES = ("meeting_date", "people", "awards", "percentages", "quantities")
_WARM_UP = Article("warm-up", "Sáng ngày 26/01/2024, Văn phòng Huyện ủy tổ chức Hội nghị cán bộ, công chức năm 2023.")
_PR_SET_PDEATHSIG = 1


class WorkerError(HoinghiError):
    """Worker processes could not run at all, e.g. the models failed to load in them."""


class SupportsExtract(Protocol):
    """What a worker needs: :class:`pipeline.nlp.extractor.Extractor` or a stand-in with the same ``extract``."""

    def extract(self, text: str, *, doc_id: str, meta: dict[str, str] | None = None) -> ArticleFacts: ...


ExtractorFactory = Callable[[], SupportsExtract]


# --------------------------------------------------------------------------- what goes in and out

@dataclass(frozen=True)
class Task:
    """A document for a worker; ``skip``: text hashes already in the output for this doc_id (pages are hashed there)."""

    item: Article | HtmlPage
    skip: frozenset[str] = frozenset()

    @property
    def doc_id(self) -> str:
        return self.item.doc_id

    @property
    def source(self) -> str | None:
        return self.item.source if isinstance(self.item, HtmlPage) else self.item.meta.get("path")


@dataclass(frozen=True)
class Extracted:
    """A record as its JSON line, the hash of its text, and how many facts of each type it holds."""

    doc_id: str
    line: str
    text_sha1: str
    facts: dict[str, int] = field(default_factory=dict)


@dataclass(frozen=True)
class Failed:
    """A document that could not be read or extracted."""

    error: ExtractionError


@dataclass(frozen=True)
class Skipped:
    """A document already in the output (same doc_id and text): ``--resume`` leaves it alone."""

    doc_id: str
    text_sha1: str


Outcome = Extracted | Failed | Skipped


def failed(doc_id: str, source: str | None, reason: str, message: str) -> Failed:
    """``failed("w1_03", "in/w1_03.txt", "timeout", "w1_03: took longer than 60 s ...")``."""
    return Failed(ExtractionError(doc_id=doc_id, source=source, reason=reason, message=message))


def process(extractor: SupportsExtract, item: Article | HtmlPage | ReadError, skip: frozenset[str] = frozenset()) -> Outcome:
    """One document start to end: parse a page, skip a finished text, extract, serialise; never raises."""
    if isinstance(item, ReadError):
        return failed(item.doc_id, item.source, item.reason, item.message)
    source = item.source if isinstance(item, HtmlPage) else item.meta.get("path")
    try:
        article = item.load() if isinstance(item, HtmlPage) else item
        if isinstance(article, ReadError):
            return failed(article.doc_id, article.source, article.reason, article.message)
        if skip and text_sha1(article.text) in skip:
            return Skipped(article.doc_id, text_sha1(article.text))
        record = extractor.extract(article.text, doc_id=article.doc_id, meta=article.meta)
        return Extracted(record.doc_id, record.model_dump_json(), record.text_sha1, count_facts(record))
    except ExtractError as exc:
        return failed(item.doc_id, source, exc.reason, exc.message)
    except ValidationError as exc:
        first = exc.errors()[0]
        return failed(item.doc_id, source, "invalid_record", f"{item.doc_id}: record failed validation: {first['msg']}")
    except Exception as exc:  # a bug met on one article is reported, and the batch goes on
        return failed(item.doc_id, source, "crash", f"{item.doc_id}: extraction failed: {type(exc).__name__}: {exc}")


def count_facts(record: ArticleFacts) -> dict[str, int]:
    """``{"meeting_date": 1, "people": 3, "awards": 2, "percentages": 4, "quantities": 6}``."""
    return {"meeting_date": int(record.meeting.date is not None), "people": len(record.people),
            "awards": len(record.awards), "percentages": len(record.percentages),
            "quantities": len(record.quantities)}


# --------------------------------------------------------------------------- the worker process

def _worker_main(conn: Connection, factory: ExtractorFactory | None, parent: int, inherited: list[Connection]) -> None:
    """Load once, say ready, then extract each ``(seq, item, skip)`` received until ``None`` or the pipe closes."""
    for other in inherited:  # a forked worker holds copies of the pool's ends of its siblings' pipes
        other.close()
    signal.signal(signal.SIGINT, signal.SIG_IGN)   # Ctrl-C is the pool's to handle
    signal.signal(signal.SIGTERM, signal.SIG_DFL)  # not the parent's handler, inherited by fork
    _die_with(parent)
    try:
        extractor = ready_extractor(factory)
    except Exception as exc:  # reported to the pool, which stops the batch with this message
        conn.send(("failed", f"{type(exc).__name__}: {exc}"))
        return
    quiet_gc()
    try:
        conn.send(("ready", os.getpid()))
        while True:
            message = conn.recv()
            if message is None:
                return
            seq, item, skip = message
            conn.send(("done", seq, process(extractor, item, skip)))
    except (EOFError, BrokenPipeError, ConnectionResetError):
        return  # the pool is gone: there is no one left to report to


def ready_extractor(factory: ExtractorFactory | None = None) -> SupportsExtract:
    """Build the extractor (default :class:`pipeline.nlp.extractor.Extractor`) and warm it up on one sentence.

    underthesea loads some models on first use; doing it here keeps that off
    the first document's clock. Raises :class:`WorkerError` if the warm-up fails.
    """
    if factory is None:
        from hoinghi.pipeline.nlp.extractor import Extractor

        factory = Extractor
    extractor = factory()
    warm = process(extractor, _WARM_UP)
    if isinstance(warm, Failed):
        raise WorkerError(warm.error.message)
    return extractor


def quiet_gc() -> None:
    """Keep the cyclic garbage collector off the worker's hot path.

    Once the models are loaded their objects are frozen out of its sight, and
    the young generation is collected every 50,000 allocations instead of 700:
    a document makes thousands of short-lived lists (underthesea's CRF features)
    and almost no reference cycles, and with the defaults the collector cost
    about 0.15 ms a document, measured with ``gc.callbacks``.
    """
    gc.freeze()
    gc.set_threshold(50_000, 20, 20)


def _die_with(parent: int) -> None:
    """On Linux, have the kernel kill this worker when the pool's process dies, even if a document hangs."""
    if sys.platform.startswith("linux"):
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    if os.getppid() != parent:
        os._exit(1)  # the pool died before the line above ran


# --------------------------------------------------------------------------- the pool

@dataclass(eq=False)
class _Worker:
    process: BaseProcess
    conn: Connection
    born: float
    ready: bool = False
    queue: deque[tuple[int, Task]] = field(default_factory=deque)  # sent, in order; the first is being extracted
    started: float = 0.0  # when the first of ``queue`` was begun: sent to an idle worker, or its predecessor done


class WorkerPool:
    """``jobs`` worker processes, a per-document ``timeout`` (seconds), at most ``window`` documents in flight.

    Each worker is sent its next document while it extracts one (``depth`` 2),
    so it never waits for the pool between documents. A document's time limit
    runs from when its worker begins it; a document still waiting behind one
    that hangs or crashes goes to another worker, unharmed.
    """

    def __init__(self, jobs: int, *, timeout: float = 60.0, factory: ExtractorFactory | None = None,
                 window: int | None = None, start_timeout: float = 300.0, depth: int = 2) -> None:
        if jobs < 1:
            raise ValueError(f"jobs must be at least 1, got {jobs}")
        if depth < 1:
            raise ValueError(f"depth must be at least 1, got {depth}")
        self.jobs = jobs
        self.timeout = timeout
        self.factory = factory
        self.window = window or 256 * jobs
        self.start_timeout = start_timeout
        self.depth = depth
        self.restarts = 0
        self._ctx = mp.get_context("fork" if sys.platform.startswith("linux") else "spawn")
        self._workers: list[_Worker] = []
        self._done: dict[int, Outcome] = {}
        self._pending: deque[tuple[int, Task]] = deque()  # taken from the input or given back by a lost worker

    def __enter__(self) -> WorkerPool:
        for _ in range(self.jobs):
            self._workers.append(self._start())  # one at a time: each fork closes its siblings' pipes
        return self

    def __exit__(self, exc_type: object, exc: object, tb: object) -> None:
        self.close(graceful=exc_type is None)

    # ------------------------------------------------------------------ running

    def run(self, work: Iterable[Task | Outcome]) -> Iterator[Outcome]:
        """Outcomes in the order of ``work``; a ready ``Outcome`` in ``work`` is passed through in its place."""
        if not self._workers:
            raise RuntimeError("WorkerPool.run() outside a `with WorkerPool(...)` block")
        source = iter(work)
        taken = next_seq = 0
        exhausted = False
        while True:
            while True:  # ready outcomes settle at once; a task waits until a worker can take it
                if self._pending:
                    worker = self._free_worker()
                    if worker is None:
                        break
                    self._send(worker, *self._pending.popleft())
                    continue
                if exhausted or taken - next_seq >= self.window:
                    break
                try:
                    item = next(source)
                except StopIteration:
                    exhausted = True
                    break
                taken += 1
                if isinstance(item, Task):
                    self._pending.append((taken - 1, item))
                else:
                    self._done[taken - 1] = item
            while next_seq in self._done:
                yield self._done.pop(next_seq)
                next_seq += 1
            if exhausted and not self._pending and next_seq == taken:
                return
            if self._busy():  # otherwise the window was full of ready outcomes, now handed out: take more
                self._wait()

    def finished(self) -> list[Outcome]:
        """Outcomes done but not yet handed out (waiting for an earlier document), in input order; for a stop."""
        outcomes = [self._done[seq] for seq in sorted(self._done)]
        self._done.clear()
        return outcomes

    def close(self, *, graceful: bool = True) -> None:
        """Stop the workers: idle ones are asked to finish when ``graceful``; the others are killed at once."""
        asked = []
        for worker in self._workers:
            if graceful and worker.ready and not worker.queue:
                try:
                    worker.conn.send(None)
                    asked.append(worker)
                except OSError:
                    pass  # already gone: the join below reaps it
        deadline = time.monotonic() + 2.0
        for worker in self._workers:
            if worker in asked:
                worker.process.join(max(0.0, deadline - time.monotonic()))
            if worker.process.is_alive():
                worker.process.kill()
            worker.process.join()
            worker.conn.close()
        self._workers = []

    # ------------------------------------------------------------------ inside

    def _busy(self) -> bool:
        """Whether some worker has a document or is still loading: only then is there an answer to wait for."""
        return any(w.queue or not w.ready for w in self._workers)

    def _free_worker(self) -> _Worker | None:
        """The ready worker with the fewest documents, if it can take one more."""
        ready = [w for w in self._workers if w.ready and len(w.queue) < self.depth]
        return min(ready, key=lambda w: len(w.queue), default=None)

    def _start(self) -> _Worker:
        parent_end, child_end = self._ctx.Pipe(duplex=True)
        forked = self._ctx.get_start_method() == "fork"
        inherited = [w.conn for w in self._workers if not w.conn.closed] + [parent_end] if forked else []
        proc = self._ctx.Process(target=_worker_main, name="hoinghi-worker", daemon=True,
                                 args=(child_end, self.factory, os.getpid(), inherited))
        proc.start()
        child_end.close()
        return _Worker(proc, parent_end, born=time.monotonic())

    def _send(self, worker: _Worker, seq: int, task: Task) -> None:
        if not worker.queue:
            worker.started = time.monotonic()
        worker.queue.append((seq, task))
        try:
            worker.conn.send((seq, task.item, task.skip))
        except OSError:  # it died before it could take the document, which goes to the next worker
            worker.queue.pop()
            self._pending.appendleft((seq, task))
            self._on_death(worker)

    def _wait(self) -> None:
        """Block until a worker answers, dies, or runs out of time; record what happened."""
        now = time.monotonic()
        deadlines = [w.started + self.timeout for w in self._workers if w.queue]
        deadlines += [w.born + self.start_timeout for w in self._workers if not w.ready]
        wait_for = max(0.0, min(deadlines) - now) if deadlines else None
        ready = set(wait([obj for w in self._workers for obj in (w.conn, w.process.sentinel)], wait_for))
        for worker in list(self._workers):
            if worker.conn in ready:
                self._receive(worker)
            elif worker.process.sentinel in ready:
                self._on_death(worker)
        now = time.monotonic()
        for worker in list(self._workers):
            if worker.queue and now - worker.started > self.timeout:
                self._on_timeout(worker)
            elif not worker.ready and now - worker.born > self.start_timeout:
                raise WorkerError(f"a worker process did not load the models within {self.start_timeout:g} s")

    def _receive(self, worker: _Worker) -> None:
        try:
            message: tuple[Any, ...] = worker.conn.recv()
        except (EOFError, OSError):
            self._on_death(worker)
            return
        kind = message[0]
        if kind == "ready":
            worker.ready = True
        elif kind == "failed":
            raise WorkerError(f"a worker process could not load the extractor: {message[1]}")
        elif kind == "done" and worker.queue and message[1] == worker.queue[0][0]:
            self._done[message[1]] = message[2]
            worker.queue.popleft()
            worker.started = time.monotonic()  # the next document, already sent, is begun now

    def _on_death(self, worker: _Worker) -> None:
        worker.process.join(1.0)
        how = _exit_description(worker.process.exitcode)
        if not worker.ready:
            raise WorkerError(f"a worker process died while loading the models ({how})")
        if worker.queue:
            seq, task = worker.queue.popleft()
            self._done[seq] = failed(
                task.doc_id, task.source, "crash",
                f"{task.doc_id}: the worker process died while extracting it ({how}); a new worker took its place")
        self._replace(worker)

    def _on_timeout(self, worker: _Worker) -> None:
        seq, task = worker.queue.popleft()
        self._done[seq] = failed(
            task.doc_id, task.source, "timeout",
            f"{task.doc_id}: extraction took longer than {self.timeout:g} s; the worker was stopped and replaced")
        worker.process.kill()
        worker.process.join()
        self._replace(worker)

    def _replace(self, worker: _Worker) -> None:
        """A new worker in place of a lost one; the documents it had not begun are sent again, first."""
        self._pending.extendleft(reversed(worker.queue))
        worker.queue.clear()
        worker.conn.close()
        index = self._workers.index(worker)
        self._workers[index] = self._start()
        self.restarts += 1


def _exit_description(code: int | None) -> str:
    """``-9`` -> ``"killed by SIGKILL"``; ``3`` -> ``"exit code 3"``."""
    if code is None:
        return "still running"
    if code < 0:
        try:
            return f"killed by {signal.Signals(-code).name}"
        except ValueError:
            return f"killed by signal {-code}"
    return f"exit code {code}"


__all__ = ["FACT_TYPES", "Extracted", "ExtractorFactory", "Failed", "Outcome", "Skipped", "SupportsExtract", "Task",
           "WorkerError", "WorkerPool", "count_facts", "failed", "process", "quiet_gc", "ready_extractor"]
