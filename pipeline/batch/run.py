"""Run the extractor over many inputs with worker processes, writing records and errors as they come.

One broken article never stops the batch: a read or extraction failure, a
document that hangs past the time limit or kills its worker, each goes to the
errors file with its reason and the run goes on. Records are written in input
order, each as one whole line, flushed before the next; Ctrl-C or SIGTERM
leaves every finished record in place, and ``resume=True`` carries on from
there, skipping documents whose doc_id and text are already in the output::

    >>> summary = run_batch(["corpus/articles"], Path("facts.jsonl"), Path("facts.errors.jsonl"), jobs=2)
    >>> summary.extracted, summary.failed_total
    (27, 0)
"""
from __future__ import annotations

import os
import signal
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from types import FrameType

from hoinghi.pipeline.batch.output import LineFile, OutputError, StreamFile, open_outputs, refuse_overwriting_inputs
from hoinghi.pipeline.batch.resume import drop_records, finished_records
from hoinghi.pipeline.batch.workers import (
    FACT_TYPES,
    Extracted,
    ExtractorFactory,
    Failed,
    Outcome,
    Skipped,
    Task,
    WorkerPool,
    failed,
)
from hoinghi.pipeline.errors import HoinghiError
from hoinghi.pipeline.inputs.readers import Article, HtmlPage, ReadError, iter_documents
from hoinghi.schemas.models import text_sha1

_STOP_SIGNALS = (signal.SIGINT, signal.SIGTERM)


@dataclass
class Summary:
    """What a batch did: documents read, extracted, skipped, failed by reason, facts by type, time."""

    read: int = 0
    extracted: int = 0
    skipped: int = 0
    replaced: int = 0  # older records of a changed article, removed from the output by --resume
    failed: Counter[str] = field(default_factory=Counter)
    facts: Counter[str] = field(default_factory=Counter)
    seconds: float = 0.0

    @property
    def failed_total(self) -> int:
        return sum(self.failed.values())

    def add(self, outcome: Outcome) -> None:
        """Count one document's outcome."""
        self.read += 1
        if isinstance(outcome, Extracted):
            self.extracted += 1
            self.facts.update(outcome.facts)
        elif isinstance(outcome, Skipped):
            self.skipped += 1
        else:
            self.failed[outcome.error.reason] += 1

    def lines(self) -> list[str]:
        """``documents read 27, extracted 26, failed 1 in 1.4 s (19.3 docs/s)`` and the breakdowns."""
        rate = self.read / self.seconds if self.seconds else 0.0
        skipped = f", skipped {self.skipped} (already in the output)" if self.skipped else ""
        skipped += f", replaced {self.replaced} older records of changed articles" if self.replaced else ""
        out = [f"documents read {self.read}, extracted {self.extracted}{skipped}, failed {self.failed_total}"
               f" in {self.seconds:.1f} s ({rate:.1f} docs/s)"]
        if self.failed:
            out.append("failed by reason: " + ", ".join(f"{k} {v}" for k, v in sorted(self.failed.items())))
        out.append("facts: " + ", ".join(f"{k} {self.facts[k]}" for k in FACT_TYPES))
        return out


class BatchInterrupted(HoinghiError):
    """The run was stopped by Ctrl-C or SIGTERM; every finished record was written (see ``summary``)."""

    def __init__(self, summary: Summary, signal_name: str) -> None:
        super().__init__(f"stopped by {signal_name} after {summary.read} documents; run again with --resume to finish")
        self.summary = summary
        self.signal_name = signal_name


class _Terminated(BaseException):
    """SIGTERM, raised like KeyboardInterrupt so that the run stops cleanly."""


def default_jobs() -> int:
    """The cores this process may use."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


def run_batch(
    inputs: Iterable[str | Path],
    out: Path | None,
    errors: Path,
    *,
    jobs: int | None = None,
    timeout: float = 60.0,
    resume: bool = False,
    max_chars: int = 1_000_000,
    extractor_factory: ExtractorFactory | None = None,
    window: int | None = None,
    progress: Callable[[Summary], None] | None = None,
    on_record: Callable[[str], None] | None = None,
) -> Summary:
    """Extract every input into ``out`` (JSONL, one record a line; None or ``-``: stdout) and ``errors``.

    ``jobs`` worker processes (default: the cores) each build their extractor
    once with ``extractor_factory`` (default :class:`pipeline.nlp.extractor.Extractor`);
    a document may take ``timeout`` seconds; at most ``window`` documents are
    in flight. ``progress`` is called with the running summary after each
    document; ``on_record`` with each record's JSON line once it is written
    (``--db`` indexes them), and with ``resume`` first with each record the
    output already holds, so that it sees every record of the output. Raises :class:`BatchInterrupted` on Ctrl-C/SIGTERM,
    :class:`OverwritesInputError` before reading when an output is an input,
    and :class:`OutputError` when an output cannot be opened or written.
    """
    to_stdout = out is None or str(out) == "-"
    if resume and to_stdout:
        raise HoinghiError("--resume needs an output file (-o facts.jsonl), not standard output")
    inputs = list(inputs)
    refuse_overwriting_inputs(inputs, [None if to_stdout else out, errors])
    try:
        done = finished_records(out) if resume and out is not None else {}
    except OSError as exc:
        raise OutputError(f"{out}: cannot resume from it: {exc.strerror or exc}") from None
    if done and on_record is not None and out is not None:
        _replay(out, on_record)  # what an interrupted run wrote but had not yet indexed
    seen: dict[str, set[str]] = {}  # text hashes met in this run, for doc_ids the output already had
    summary = Summary()
    started = time.perf_counter()
    with ExitStack() as stack:
        fh, err = stack.enter_context(open_outputs([None if to_stdout else out, errors], append=[resume, False]))
        stack.enter_context(_sigterm_raises())
        pool = stack.enter_context(WorkerPool(jobs or default_jobs(), timeout=timeout, factory=extractor_factory,
                                              window=window))
        try:
            for outcome in pool.run(_work(iter_documents(inputs, max_chars=max_chars), done)):
                _write(outcome, fh, err, summary, on_record)
                if isinstance(outcome, Extracted | Skipped) and outcome.doc_id in done:
                    seen.setdefault(outcome.doc_id, set()).add(outcome.text_sha1)
                if progress is not None:
                    progress(summary)
        except (KeyboardInterrupt, _Terminated) as exc:
            for outcome in pool.finished():
                _write(outcome, fh, err, summary, on_record)
            summary.seconds = time.perf_counter() - started
            raise BatchInterrupted(summary, "SIGINT" if isinstance(exc, KeyboardInterrupt) else "SIGTERM") from None
    stale = {doc_id: done[doc_id] - hashes for doc_id, hashes in seen.items() if done[doc_id] - hashes}
    if stale and out is not None:  # an article whose text changed: its new record replaces the old one
        try:
            summary.replaced = drop_records(out, stale)
        except OSError as exc:
            raise OutputError(f"{out}: cannot remove the older records of changed articles: "
                              f"{exc.strerror or exc}; the output holds both versions") from None
    summary.seconds = time.perf_counter() - started
    return summary


def _replay(out: Path, on_record: Callable[[str], None]) -> None:
    """Hand each record line of ``out`` (whole lines only, as :func:`finished_records` left it) to ``on_record``."""
    with open(out, encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                on_record(line.rstrip("\n"))


def _work(items: Iterator[Article | ReadError | HtmlPage], done: dict[str, frozenset[str]]) -> Iterator[Task | Outcome]:
    """A task for each document a worker must see; read errors and finished texts are settled here."""
    for item in items:
        if isinstance(item, ReadError):
            yield failed(item.doc_id, item.source, item.reason, item.message)
            continue
        skip = done.get(item.doc_id, frozenset())
        if isinstance(item, HtmlPage):
            yield Task(item, skip)  # its text, and so its hash, is known once the worker has parsed it
        elif skip and text_sha1(item.text) in skip:
            yield Skipped(item.doc_id, text_sha1(item.text))
        else:
            yield Task(item)


def _write(outcome: Outcome, fh: LineFile | StreamFile, err: LineFile | StreamFile, summary: Summary,
           on_record: Callable[[str], None] | None = None) -> None:
    """Write an outcome's whole line, then count it; Ctrl-C and SIGTERM wait until both are done."""
    with _signals_held():
        if isinstance(outcome, Extracted):
            fh.write_line(outcome.line.encode("utf-8"))
            if on_record is not None:
                on_record(outcome.line)
        elif isinstance(outcome, Failed):
            err.write_line(outcome.error.model_dump_json().encode("utf-8"))
        summary.add(outcome)


@contextmanager
def _signals_held() -> Iterator[None]:
    """Hold Ctrl-C and SIGTERM back (they arrive right after) where the OS allows it: Unix, main thread."""
    if not hasattr(signal, "pthread_sigmask") or threading.current_thread() is not threading.main_thread():
        yield
        return
    signal.pthread_sigmask(signal.SIG_BLOCK, _STOP_SIGNALS)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_UNBLOCK, _STOP_SIGNALS)


@contextmanager
def _sigterm_raises() -> Iterator[None]:
    """While the batch runs, SIGTERM stops it like Ctrl-C (only the main thread can set handlers)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def stop(signum: int, frame: FrameType | None) -> None:
        raise _Terminated()

    previous = signal.signal(signal.SIGTERM, stop)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


__all__ = ["BatchInterrupted", "Summary", "default_jobs", "run_batch"]
