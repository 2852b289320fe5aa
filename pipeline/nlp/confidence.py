"""A confidence on every fact: the measured precision of the rule or path that produced it.

The table is ``rules/confidence.yaml`` (written by ``scripts/calibrate.py`` from the
gold sets). Each fact's path is what the record says produced it:

    >>> [path for field, path, _ in fact_paths(record)]   # doctest: +SKIP
    ['dmy/text', 'host', 'cue', 'count/named_award', 'percent/result_end']
"""
from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from hoinghi import rules
from hoinghi.schemas import ArticleFacts

#: Fields that carry a confidence, as the table names them.
FIELDS = ("meeting_date", "host", "people", "awards", "percentages", "quantities")


def date_path(record: ArticleFacts) -> str | None:
    """The meeting day's path: its rule and where its year came from ("dm_anchored/context")."""
    chosen = next((d for d in record.dates if d.is_meeting and d.iso), None)
    return f"{chosen.rule}/{chosen.year_from}" if chosen else None


def fact_paths(record: ArticleFacts) -> Iterator[tuple[str, str, Any]]:
    """``(field, path, fact)`` for every fact of the record; the meeting's date and host have the meeting as fact."""
    path = date_path(record)
    if record.meeting.date and path:
        yield "meeting_date", path, record.meeting
    if record.meeting.host:
        yield "host", "host", record.meeting
    for p in record.people:
        yield "people", p.rule or "titled", p
    for a in record.awards:
        yield "awards", a.rule, a
    for q in record.percentages:
        yield "percentages", q.rule, q
    for q in record.quantities:
        yield "quantities", f"{q.rule}/{q.kind}", q


def with_confidence(record: ArticleFacts, table: rules.ConfidenceTable) -> ArticleFacts:
    """The record with ``confidence`` set on every fact from ``table`` (the record itself is left as it was)."""
    meeting: dict[str, Any] = {}
    path = date_path(record)
    if record.meeting.date and path:
        meeting["date_confidence"] = table.confidence("meeting_date", path)
    if record.meeting.host:
        meeting["host_confidence"] = table.confidence("host", "host")
    update: dict[str, Any] = {"meeting": record.meeting.model_copy(update=meeting)}
    update["people"] = [p.model_copy(update={"confidence": table.confidence("people", p.rule or "titled")})
                        for p in record.people]
    update["awards"] = [a.model_copy(update={"confidence": table.confidence("awards", a.rule)}) for a in record.awards]
    update["percentages"] = [q.model_copy(update={"confidence": table.confidence("percentages", q.rule)})
                             for q in record.percentages]
    if record.quantities:
        update["quantities"] = [q.model_copy(update={"confidence": table.confidence("quantities", f"{q.rule}/{q.kind}")})
                                for q in record.quantities]
    return record.model_copy(update=update)


def above(record: ArticleFacts, minimum: float) -> ArticleFacts:
    """The record without the facts whose confidence is below ``minimum`` (a fact with none is kept).

    A meeting day left out leaves ``meeting.date`` empty and no date marked as the meeting's.
    """
    def keep(c: float | None) -> bool:
        return c is None or c >= minimum

    update: dict[str, Any] = {}
    meeting: dict[str, Any] = {}
    if record.meeting.date and not keep(record.meeting.date_confidence):
        meeting.update(date=None, date_evidence=None)
        update["dates"] = [d.model_copy(update={"is_meeting": False}) for d in record.dates]
    if record.meeting.host and not keep(record.meeting.host_confidence):
        meeting.update(host=None, host_evidence=None)
    update["meeting"] = record.meeting.model_copy(update=meeting)
    for field in ("people", "awards", "percentages", "quantities"):
        update[field] = [f for f in getattr(record, field) if keep(f.confidence)]
    return record.model_copy(update=update)
