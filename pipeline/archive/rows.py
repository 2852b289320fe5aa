"""One record as the archive's rows, the same for every backend (named parameters, plain values).

    >>> rows = article_rows(record)          # doctest: +SKIP
    >>> rows.fts["people"]                   # doctest: +SKIP
    'lam duc xuan hoang thi thu trang duong mac kien'
"""
from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from itertools import zip_longest
from typing import Any

from hoinghi.pipeline.archive.fold import fold_words
from hoinghi.schemas import ArticleFacts, Evidence

Row = dict[str, Any]


@dataclass(frozen=True)
class ArticleRows:
    """Rows of one article; ``article_id`` is filled in by the backend once the article row exists."""

    doc_id: str
    record_sha1: str
    article: Row
    meeting: Row
    dates: list[Row] = field(default_factory=list)
    people: list[tuple[Row, list[Row]]] = field(default_factory=list)
    awards: list[Row] = field(default_factory=list)
    percentages: list[Row] = field(default_factory=list)
    quantities: list[Row] = field(default_factory=list)
    fts: Row = field(default_factory=dict)


def record_sha1(record: ArticleFacts) -> str:
    """Identifies the whole record (text and facts): same hash, nothing to re-index."""
    return hashlib.sha1(record.model_dump_json().encode("utf-8")).hexdigest()


def _ev(ev: Evidence | None, prefix: str = "ev") -> Row:
    if ev is None:
        return {f"{prefix}_start": None, f"{prefix}_end": None, f"{prefix}_text": None}
    return {f"{prefix}_start": ev.start, f"{prefix}_end": ev.end, f"{prefix}_text": ev.text}


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)


def record_year(record: ArticleFacts) -> int | None:
    """The article's year: the meeting's, else the publication's."""
    for day in (record.meeting.date, record.meta.published):
        if day and day[:4].isdigit():
            return int(day[:4])
    return None


def facet_words(year: int | None, kinds: Iterable[str]) -> str:
    """The year and the percentage kinds as index words: ``"y2024 kresult ktarget"``."""
    return " ".join(([f"y{year}"] if year else []) + sorted({f"k{kind}" for kind in kinds}))


def article_rows(record: ArticleFacts, *, indexed_at: str | None = None, sha1: str | None = None) -> ArticleRows:
    """Every row the archive keeps for ``record`` (``sha1``: its :func:`record_sha1`, if known); facts keep their evidence."""
    m, meta = record.meeting, record.meta
    article = {
        "doc_id": record.doc_id, "text_sha1": record.text_sha1, "record_sha1": sha1 or record_sha1(record),
        "title": meta.title or m.title, "url": meta.url, "published": meta.published, "source": meta.source,
        "path": meta.path, "encoding": meta.encoding, "year": record_year(record), "text": record.text,
        "facts": record.model_dump_json(exclude={"text"}),
        "indexed_at": indexed_at or dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
    }
    meeting = {"date": m.date, "host": m.host, "host_folded": fold_words(m.host or ""), "title": m.title,
               "date_confidence": m.date_confidence, "host_confidence": m.host_confidence,
               **_ev(m.date_evidence, "date"), **_ev(m.host_evidence, "host"), **_ev(m.title_evidence, "title")}
    for key in ("date_text", "host_text", "title_text"):
        meeting.pop(key)
    dates = [{"ordinal": i, "day": d.day, "month": d.month, "year": d.year, "iso": d.iso, "year_from": d.year_from,
              "is_meeting": int(d.is_meeting), "rule": d.rule, **_ev(d.evidence)} for i, d in enumerate(record.dates)]
    people = []
    for i, p in enumerate(record.people):
        person = {"ordinal": i, "name": p.name, "name_folded": fold_words(p.name), "titles": _json(p.titles),
                  "titles_folded": fold_words(" ; ".join(p.titles)), "roles": _json(p.roles), **_ev(p.evidence[0]),
                  "mentions": _json([[e.start, e.end] for e in p.evidence]), "confidence": p.confidence}
        titles = [{"ordinal": j, "title": t, "title_folded": fold_words(t), **_ev(e)}
                  for j, (t, e) in enumerate(zip_longest(p.titles, p.title_evidence)) if t is not None]
        people.append((person, titles))
    awards = [{"ordinal": i, "title": a.title, "title_folded": fold_words(a.title), "issuer": a.issuer,
               "recipient": a.recipient, "count": a.count, "year": a.year, "rule": a.rule, "confidence": a.confidence,
               **_ev(a.evidence)}
              for i, a in enumerate(record.awards)]
    percentages = [{"ordinal": i, "value": q.value, "numerator": q.numerator, "denominator": q.denominator,
                    "kind": q.kind, "year": q.year, "subject": q.subject, "subject_folded": fold_words(q.subject or ""),
                    "rule": q.rule, "confidence": q.confidence, **_ev(q.evidence)} for i, q in enumerate(record.percentages)]
    quantities = [{"ordinal": i, "value": q.value, "value_text": q.value_text, "unit": q.unit,
                   "base_value": q.base_value, "base_unit": q.base_unit, "bound": q.bound, "kind": q.kind,
                   "year": q.year, "subject": q.subject, "folded": fold_words(f"{q.subject or ''} ; {q.unit}"),
                   "rule": q.rule, "confidence": q.confidence, **_ev(q.evidence)} for i, q in enumerate(record.quantities)]
    bodies = [m.host, *(a.issuer for a in record.awards)]
    fts = {
        "title": fold_words(" ; ".join(dict.fromkeys(t for t in (meta.title, m.title) if t))),
        "text": fold_words(record.text),
        "people": fold_words(" ; ".join(p.name for p in record.people)),
        "titles": fold_words(" ; ".join(t for p in record.people for t in p.titles)),
        "awards": fold_words(" ; ".join(a.title for a in record.awards)),
        "bodies": fold_words(" ; ".join(b for b in bodies if b)),
        "facets": facet_words(article["year"], (q.kind for q in record.percentages)),
    }
    return ArticleRows(record.doc_id, article["record_sha1"], article, meeting, dates, people, awards, percentages,
                      quantities, fts)
