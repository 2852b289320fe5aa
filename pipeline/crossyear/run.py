"""The cross-year analysis of a set of records: bodies, figures, series and findings.

    >>> result = analyse(records)                                  # doctest: +SKIP
    >>> result.bodies[0].name, len(result.series)                   # doctest: +SKIP
    ('Kiểm toán Nhà nước', 9)
"""
from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from hoinghi.pipeline.crossyear.bodies import Body, BodyNames, Pins
from hoinghi.pipeline.crossyear.checks import Finding, run_checks
from hoinghi.pipeline.crossyear.figures import Figure, figures_of, sentence_of
from hoinghi.pipeline.crossyear.measures import Measures
from hoinghi.pipeline.crossyear.series import Series, build_series
from hoinghi.pipeline.crossyear.words import norm
from hoinghi.pipeline.crossyear.years import meeting_day, report_year
from hoinghi.schemas import ArticleFacts


@dataclass
class BodyEntry:
    """A canonical body with the names it was written under and its articles."""

    key: str
    name: str
    body: Body
    aliases: Counter[str] = field(default_factory=Counter)
    doc_ids: list[str] = field(default_factory=list)

    def to_json(self) -> dict[str, object]:
        place = self.body.place
        return {"body": self.name, "type": self.body.type, "level": self.body.level,
                "place": place.name if place else None, "place_era": place.era if place else None,
                "successor": place.successor.label if place and place.successor else None,
                "predecessors": list(place.predecessors) if place else [],
                "aliases": dict(self.aliases.most_common()), "articles": len(self.doc_ids), "doc_ids": self.doc_ids}


@dataclass
class Analysis:
    """What ``hoinghi bodies``, ``series``, ``check`` and ``report`` print."""

    bodies: list[BodyEntry]
    figures: list[Figure]
    series: list[Series]
    findings: list[Finding]
    years: dict[str, int | None]


def resolve_body(names: BodyNames, record: ArticleFacts, year: int | None) -> tuple[str, Body]:
    """The record's host as written (or the first body its text names) and its canonical body."""
    # no host given: the body its figures' sentences name ("UBKT các cấp đã kiểm tra 3.005 ..."), else its text's
    sentences = " . ".join(sentence_of(record.text, q.evidence.start, q.evidence.end).text
                           for q in (*record.quantities, *record.percentages))
    named = names.host_in_text(sentences) if sentences else None
    host = record.meeting.host or named or names.host_in_text(record.text) or "(không rõ)"
    when = meeting_day(record.meeting.date, record.meta.published, year)
    body = names.resolve(host, url=record.meta.url, source=record.meta.source, text=record.text, when=when)
    if record.meeting.host and named and named.endswith(" các cấp"):
        # the Secretariat holds the review, the figures are "UBKT các cấp"'s: a whole system's totals
        theirs = names.resolve(named, url=record.meta.url, source=record.meta.source, text=record.text, when=when)
        if norm(theirs.type) != norm(body.type):
            return named, theirs
    return host, body


def _matches(entry: BodyEntry, wanted: str | None) -> bool:
    return wanted is None or norm(wanted) in norm(entry.name) or any(norm(wanted) in norm(a) for a in entry.aliases)


def analyse(records: Iterable[ArticleFacts], *, pins: Pins | None = None, body: str | None = None) -> Analysis:
    """Resolve bodies, gather figures, build series and run every check (``body``: words of a body's name)."""
    names = BodyNames.load(pins)
    measures = Measures.load()
    entries: dict[str, BodyEntry] = {}
    figures: list[Figure] = []
    years: dict[str, int | None] = {}
    resolved: list[tuple[ArticleFacts, str, Body, int | None]] = []
    for record in records:
        stated = Counter(f.year for f in (*record.quantities, *record.percentages) if f.year and f.kind == "result")
        year = report_year(record.text, record.meeting.date, record.meta.published, record.meta.title, stated)
        host, b = resolve_body(names, record, year)
        resolved.append((record, host, b, year))
    joined = names.merge_similar([b for _, _, b, _ in resolved])
    for record, host, b, year in resolved:
        key = joined.get(b.key, b.key)
        pinned = names.pins.pins.get(norm(host))
        entry = entries.setdefault(key, BodyEntry(key, pinned or b.name, b))
        entry.aliases[host] += 1
        entry.doc_ids.append(record.doc_id)
        years[record.doc_id] = year
        figures.extend(figures_of(record, b, year))
    body_of = {b.key: joined.get(b.key, b.key) for _, _, b, _ in resolved}
    chosen = {k for k, e in entries.items() if _matches(e, body)}
    figures = [f for f in figures if body_of.get(f.body.key, f.body.key) in chosen]
    series = build_series(figures, measures, body_of)
    for s in series:
        s.body_name = entries[s.body_key].name
    findings = run_checks(figures, series, measures)
    bodies = sorted((e for k, e in entries.items() if k in chosen), key=lambda e: (-len(e.doc_ids), e.name))
    return Analysis(bodies, figures, series, findings, years)


def by_body(items: Iterable[Series]) -> dict[str, list[Series]]:
    """Series grouped under their body's name."""
    out: dict[str, list[Series]] = defaultdict(list)
    for s in items:
        out[s.body_name].append(s)
    return out
