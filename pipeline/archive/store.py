"""The archive, whichever database holds it: ``open_archive(url)`` and ``index_records(records, db)``.

    >>> with open_archive("archive.db") as archive:              # doctest: +SKIP
    ...     archive.index_records(records)
    IndexReport(added=27, replaced=0, unchanged=0)

A path (``archive.db``) is SQLite, the embedded default; ``postgresql://...``
is a shared PostgreSQL archive with the same tables and the same search. The
backends build on :mod:`hoinghi.pipeline.archive.base`; only this module picks one.
"""
from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from hoinghi.pipeline.archive.base import BATCH_SIZE, Archive, IndexReport
from hoinghi.pipeline.archive.sqlite import SQLiteArchive
from hoinghi.schemas import ArticleFacts

__all__ = ["BATCH_SIZE", "Archive", "IndexReport", "index_records", "is_postgres", "open_archive"]


def is_postgres(url: str | Path) -> bool:
    return str(url).startswith(("postgresql://", "postgres://"))


def open_archive(url: str | Path, *, create: bool = True) -> Archive:
    """Open (and migrate forward) the archive at a path or ``postgresql://`` URL.

    ``create=False`` refuses an SQLite path that does not exist yet (for searching).
    """
    if is_postgres(url):
        from hoinghi.pipeline.archive.postgres import PostgresArchive

        return PostgresArchive(str(url))
    return SQLiteArchive(Path(url), create=create)


def index_records(records: Iterable[ArticleFacts], db: str | Path, *, batch_size: int = BATCH_SIZE) -> IndexReport:
    """Index records into the archive ``db`` (a path or ``postgresql://`` URL), creating it if needed."""
    with open_archive(db) as archive:
        return archive.index_records(records, batch_size=batch_size)
