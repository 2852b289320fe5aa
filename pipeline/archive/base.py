"""What every archive backend shares: the ``Archive`` base, its batching, search ranking and report.

    >>> with open_archive("archive.db") as archive:              # doctest: +SKIP
    ...     archive.index_records(records)
    ...     [h.marked() for h in archive.search("lam duc xuan")]
    IndexReport(added=27, replaced=0, unchanged=0)
    ['Tham dự và chủ trì Hội nghị có đồng chí «Lâm Đức Xuân»– Bí thư Đảng ủy, ...']

A path (``archive.db``) is SQLite, the embedded default; ``postgresql://...``
is a shared PostgreSQL archive with the same tables and the same search.
Records are written in batches, each batch one transaction: an article whose
record changed replaces its old facts inside it, and a crash leaves the
archive as it was before the batch.

Search: every word and filter must hold; articles holding the words as one
phrase come first. Words (with or without year and kind) are ranked by
relevance (bm25 in SQLite, ts_rank in PostgreSQL) among the ``RANK_WINDOW``
last indexed matches; with a person, body or award filter, or for the
articles with the words apart, the newest meeting comes first.
"""
from __future__ import annotations

import json
from abc import ABC, abstractmethod
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from itertools import islice
from pathlib import Path
from types import TracebackType
from typing import Any

from hoinghi.pipeline.archive import rows as rows_mod
from hoinghi.pipeline.archive.hits import Hit, make_hit
from hoinghi.pipeline.archive.load import read_records
from hoinghi.pipeline.archive.query import SearchQuery
from hoinghi.schemas import ArticleFacts

BATCH_SIZE = 500
BULK_BATCH = 5000  # records a transaction when whole files are loaded (hoinghi index parts/)
# Ranking looks at the newest (last indexed) matches only, so that a search for words that are
# everywhere ("hội nghị") stays fast on a large archive; a phrase search runs first (see _ranked).
RANK_WINDOW = 2000


@dataclass(frozen=True)
class IndexReport:
    """What one indexing run did, article by article."""

    added: int = 0
    replaced: int = 0
    unchanged: int = 0

    def __add__(self, other: "IndexReport") -> "IndexReport":
        return IndexReport(self.added + other.added, self.replaced + other.replaced, self.unchanged + other.unchanged)

    def summary(self, where: str) -> str:
        return f"{where}: {self.added} added, {self.replaced} replaced, {self.unchanged} unchanged"


class Archive(ABC):
    """An open archive. Backends write batches and match queries; the rest is shared here."""

    #: Whether :meth:`index_files` keeps each file's records to transactions of their own.
    batch_per_file = False

    def __init__(self, where: str) -> None:
        self.where = where

    # -- what a backend provides --------------------------------------------------------------
    @abstractmethod
    def _write_batch(self, batch: list[ArticleFacts]) -> IndexReport:
        """Write one batch in one transaction (with :meth:`_store`); roll it back and re-raise on any error."""

    @abstractmethod
    def _stored(self, doc_id: str) -> tuple[int, str] | None:
        """``(article id, record_sha1)`` of the archived record of ``doc_id``, if any."""

    @abstractmethod
    def _delete_article(self, article_id: int) -> None:
        """Remove an article and all its facts."""

    @abstractmethod
    def _insert_rows(self, rows: rows_mod.ArticleRows) -> None:
        """Insert one article's rows."""

    def _store(self, batch: list[ArticleFacts]) -> IndexReport:
        """Add each record, replace an older one of the same doc_id, or leave an identical one; inside a transaction."""
        added = replaced = unchanged = 0
        for record in batch:
            old = self._stored(record.doc_id)
            sha1 = rows_mod.record_sha1(record)
            if old is not None and old[1] == sha1:
                unchanged += 1
                continue
            rows = rows_mod.article_rows(record, sha1=sha1)
            if old is not None:
                self._delete_article(old[0])
                replaced += 1
            else:
                added += 1
            self._insert_rows(rows)
        return IndexReport(added, replaced, unchanged)

    @abstractmethod
    def _match(self, query: SearchQuery, *, by_relevance: bool = True) -> list[tuple[str, float]]:
        """``(doc_id, score)`` best first, higher is better, at most ``query.limit``.

        With words, person, body or award: the ``RANK_WINDOW`` last indexed
        matching articles, ranked by relevance, or with ``by_relevance=False``
        newest meeting first (score 0); with only year or kind: newest meeting first.
        """

    @abstractmethod
    def _articles(self, doc_ids: list[str]) -> dict[str, dict[str, Any]]:
        """doc_id → ``{doc_id, text, date, body, title, url, facts}`` (``facts``: the record JSON less its text)."""

    @abstractmethod
    def doc_ids(self) -> list[str]:
        """Every article's doc_id, in order."""

    def records(self, batch_size: int = 200) -> Iterator[ArticleFacts]:
        """Every stored record, validated (the cross-year checks read the whole archive)."""
        ids = self.doc_ids()
        for i in range(0, len(ids), batch_size):
            chunk = ids[i:i + batch_size]
            found = self._articles(chunk)
            for doc_id in chunk:
                row = found[doc_id]
                yield ArticleFacts.model_validate({**json.loads(row["facts"]), "text": row["text"]})

    @abstractmethod
    def schema_version(self) -> int:
        """The archive's schema version (``archive_schema``)."""

    @abstractmethod
    def counts(self) -> dict[str, int]:
        """Rows per table: articles, people, awards, percentages, ..."""

    @abstractmethod
    def close(self) -> None:
        """Close the connection."""

    # -- shared -------------------------------------------------------------------------------
    def index_records(self, records: Iterable[ArticleFacts], *, batch_size: int = BATCH_SIZE) -> IndexReport:
        """Add new articles, replace changed ones (same doc_id, new record), skip unchanged ones."""
        report = IndexReport()
        for batch in _batches(iter(records), batch_size):
            report += self._write_batch(batch)
        return report

    def index_files(self, paths: Iterable[Path], *, on_error: Callable[[str], None],
                    batch_size: int | None = None) -> IndexReport:
        """Every record of many JSONL files (the parts of ``hoinghi extract --engine dask``), in large transactions.

        ``batch_size`` records a transaction (default ``BULK_BATCH``); on a
        backend with ``batch_per_file`` (PostgreSQL) a transaction never spans
        two files, so a part is one transaction. Bad lines go to ``on_error``.
        """
        size = batch_size or BULK_BATCH
        if not self.batch_per_file:
            return self.index_records(read_records(paths, on_error=on_error), batch_size=size)
        report = IndexReport()
        for path in paths:
            report += self.index_records(read_records([path], on_error=on_error), batch_size=size)
        return report

    def search(self, text: str = "", *, person: str | None = None, body: str | None = None,
               award: str | None = None, year: int | None = None, kind: str | None = None,
               quantity: str | None = None, limit: int = 20) -> list[Hit]:
        """Ranked hits for words of the text and filters, diacritics optional: ``search("lam duc xuan")``."""
        query = SearchQuery.parse(text, person=person, body=body, award=award, year=year, kind=kind, quantity=quantity,
                                  limit=limit)
        if query.is_empty:
            return []
        ranked = self._ranked(query)
        articles = self._articles([doc_id for doc_id, _ in ranked])
        return [make_hit(articles[doc_id], needles=query.needles(), score=score,
                         fallback=_fallback(articles[doc_id]["facts"], query.kind))
                for doc_id, score in ranked if doc_id in articles]

    def _ranked(self, query: SearchQuery) -> list[tuple[str, float]]:
        """Articles with all the words as one phrase first, then those with the words apart.

        Words alone are ranked by relevance (the second group newest meeting
        first: ranking it would take a second pass over words common on their
        own, as the syllables of names are). With a person, body or award the
        hits come newest meeting first: those phrases of common syllables
        would make the relevance pass slow on a large archive.
        """
        by_relevance = bool(query.terms) and not (query.person or query.body or query.award)
        first = self._match(query.as_phrase(), by_relevance=by_relevance) if query.whole else []
        if len(first) >= query.limit:
            return first
        seen = {doc_id for doc_id, _ in first}
        more = replace(query, limit=query.limit + len(first))
        rest = self._match(more, by_relevance=by_relevance and not query.whole)
        return (first + [(doc_id, score) for doc_id, score in rest if doc_id not in seen])[: query.limit]

    def record(self, doc_id: str) -> ArticleFacts | None:
        """The stored record of one article, validated as when it was written."""
        found = self._articles([doc_id]).get(doc_id)
        if found is None:
            return None
        return ArticleFacts.model_validate({**json.loads(found["facts"]), "text": found["text"]})

    def __enter__(self) -> "Archive":
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.close()


def _batches(records: Iterator[ArticleFacts], size: int) -> Iterator[list[ArticleFacts]]:
    while batch := list(islice(records, size)):
        yield batch


def _fallback(facts_json: str, kind: str | None) -> tuple[int, int] | None:
    """Where to show a hit found by filters alone: the first percentage of the kind, else the meeting date."""
    facts = json.loads(facts_json)
    evidence = [q["evidence"] for q in facts.get("percentages", []) if kind and q["kind"] == kind]
    evidence.append(facts.get("meeting", {}).get("date_evidence"))
    ev = next((e for e in evidence if e), None)
    return (ev["start"], ev["end"]) if ev else None
