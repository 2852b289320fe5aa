"""Run the extractor over many inputs, writing records and errors as they come.

One broken article never stops the batch: a read or extraction failure goes
to the errors file with its reason and the run goes on; every record is
validated by pydantic and written (and flushed) before the next is read.

    >>> summary = run_batch(["corpus/articles"], Path("facts.jsonl"), Path("facts.errors.jsonl"))
    >>> summary.extracted, summary.failed
    (27, 0)
"""
from __future__ import annotations

import sys
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

from pydantic import ValidationError

from pipeline.api import Extractor
from pipeline.errors import ExtractError
from pipeline.readers import Article, ReadError, read_inputs
from schemas import ArticleFacts, ExtractionError


@dataclass
class Summary:
    """What a batch did: documents read, extracted, failed by reason, facts by type, time."""

    read: int = 0
    extracted: int = 0
    failed: Counter[str] = field(default_factory=Counter)
    facts: Counter[str] = field(default_factory=Counter)
    seconds: float = 0.0

    @property
    def failed_total(self) -> int:
        return sum(self.failed.values())

    def lines(self) -> list[str]:
        rate = self.read / self.seconds if self.seconds else 0.0
        out = [f"documents read {self.read}, extracted {self.extracted}, failed {self.failed_total}"
               f" in {self.seconds:.1f} s ({rate:.1f} docs/s)"]
        if self.failed:
            out.append("failed by reason: " + ", ".join(f"{k} {v}" for k, v in sorted(self.failed.items())))
        out.append("facts: " + ", ".join(f"{k} {self.facts[k]}" for k in
                                         ("meeting_date", "people", "awards", "percentages")))
        return out


def extract_items(extractor: Extractor, items: Iterable[Article | ReadError]) -> Iterator[ArticleFacts | ExtractionError]:
    """A record for each article, or its error (read, empty, invalid), in input order."""
    for item in items:
        if isinstance(item, ReadError):
            yield ExtractionError(doc_id=item.doc_id, source=item.source, reason=item.reason, message=item.message)
            continue
        source = item.meta.get("path")
        try:
            yield extractor.extract(item.text, doc_id=item.doc_id, meta=item.meta)
        except ExtractError as exc:
            yield ExtractionError(doc_id=item.doc_id, source=source, reason=exc.reason, message=exc.message)
        except ValidationError as exc:
            first = exc.errors()[0]
            yield ExtractionError(doc_id=item.doc_id, source=source, reason="invalid_record",
                                  message=f"{item.doc_id}: record failed validation: {first['msg']}")
        except Exception as exc:  # a bug met on one article is reported, and the batch goes on
            yield ExtractionError(doc_id=item.doc_id, source=source, reason="crash",
                                  message=f"{item.doc_id}: extraction failed: {type(exc).__name__}: {exc}")


@contextmanager
def _open_out(path: Path | None) -> Iterator[IO[str]]:
    if path is None or str(path) == "-":
        yield sys.stdout
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", encoding="utf-8") as fh:
        yield fh


def run_batch(inputs: Iterable[str], out: Path | None, errors: Path, *, extractor: Extractor | None = None,
              max_chars: int = 1_000_000, progress: Callable[[Iterator[Article | ReadError]], Iterator[Article | ReadError]] | None = None,
              ) -> Summary:
    """Extract every input into ``out`` (JSONL, one record a line) and ``errors`` (JSONL)."""
    extractor = extractor or Extractor()
    summary = Summary()
    started = time.perf_counter()
    items: Iterator[Article | ReadError] = read_inputs(inputs, max_chars=max_chars)
    if progress is not None:
        items = progress(items)
    with _open_out(out) as fh, open(errors, "w", encoding="utf-8") as err:
        for result in extract_items(extractor, items):
            summary.read += 1
            if isinstance(result, ExtractionError):
                summary.failed[result.reason] += 1
                err.write(result.model_dump_json() + "\n")
                err.flush()
                continue
            summary.extracted += 1
            summary.facts["meeting_date"] += result.meeting.date is not None
            summary.facts["people"] += len(result.people)
            summary.facts["awards"] += len(result.awards)
            summary.facts["percentages"] += len(result.percentages)
            fh.write(result.model_dump_json() + "\n")
            fh.flush()
    summary.seconds = time.perf_counter() - started
    return summary
