"""Records into the archive while a batch runs: ``hoinghi extract corpus/articles --db archive.db``.

    >>> with ArchiveWriter("archive.db") as writer:          # doctest: +SKIP
    ...     writer.add_line(record_json_line)
    >>> writer.report
    IndexReport(added=1, replaced=0, unchanged=0)

Records are indexed in batches (each its own transaction); what is pending is
indexed when the writer closes, also after Ctrl-C, so the archive holds every
record the JSONL output holds.
"""
from __future__ import annotations

from pathlib import Path
from types import TracebackType

from hoinghi.pipeline.archive.store import BATCH_SIZE, IndexReport, open_archive
from hoinghi.schemas import ArticleFacts


class ArchiveWriter:
    """Push record lines into an archive (a path or a ``postgresql://`` URL) in batches."""

    def __init__(self, db: str | Path, *, batch_size: int = BATCH_SIZE) -> None:
        self._archive = open_archive(db)
        self._batch_size = batch_size
        self._pending: list[ArticleFacts] = []
        self.report = IndexReport()

    def add_line(self, line: str) -> None:
        """One record, as the JSON line written to the output."""
        self._pending.append(ArticleFacts.model_validate_json(line))
        if len(self._pending) >= self._batch_size:
            self.flush()

    def flush(self) -> None:
        """Index what is pending, in one transaction."""
        if self._pending:
            self.report += self._archive.index_records(self._pending, batch_size=self._batch_size)
            self._pending = []

    def close(self) -> None:
        try:
            self.flush()
        finally:
            self._archive.close()

    def __enter__(self) -> "ArchiveWriter":
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.close()
