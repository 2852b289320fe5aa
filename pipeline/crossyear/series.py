"""A body's figures grouped by measure, one point a year and article.

    >>> series = build_series(figures, Measures.load())                     # doctest: +SKIP
    >>> [(p.year, p.value) for p in series[0].points]                       # doctest: +SKIP
    [(2021, 67055.0), (2021, 67000.0), (2022, 55900.0)]
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from hoinghi.pipeline.crossyear.figures import Figure
from hoinghi.pipeline.crossyear.measures import Measures

#: Where a figure comes from, in order of trust: a stated quantity before a fraction's part.
_SOURCE_RANK = {"quantity": 0, "award": 0, "percentage": 0, "denominator": 4, "numerator": 6}


@dataclass
class Series:
    """One body's one measure across years: its figures, one an article."""

    body_key: str
    body_name: str
    subject: str
    unit: str
    points: list[Figure] = field(default_factory=list)

    @property
    def crosses_merger(self) -> bool:
        """The points' places differ in era: before and after the July 2025 mergers."""
        return len({p.body.place.key for p in self.points if p.body.place}) > 1

    @property
    def kind(self) -> str:
        """``target`` for a series of targets set, else ``result``."""
        return "target" if self.points and self.points[0].kind == "target" else "result"

    @property
    def years(self) -> list[int]:
        return sorted({p.year for p in self.points if p.year is not None})

    def to_json(self) -> dict[str, Any]:
        """One line of ``hoinghi series --json`` (format of shared/crossyear/README.md)."""
        places = sorted({p.body.place.label for p in self.points if p.body.place})
        return {"body": self.body_name, "subject": self.subject, "unit": self.unit, "kind": self.kind,
                "crosses_merger": self.crosses_merger, "places": places,
                "points": [{**p.to_json(), "body": p.body.name} for p in sorted(self.points, key=_order)]}


def _order(f: Figure) -> tuple[int, str, int]:
    return (f.year or 0, f.doc_id, f.evidence.start)


def _similarity(measures: Measures, fig: Figure, series: Series) -> float:
    best = 0.0
    for p in series.points:
        if (p.source == "percentage") != (fig.source == "percentage") or p.kind != fig.kind:
            continue
        best = max(best, measures.same(fig.subject, fig.unit, p.subject, p.unit))
    return best - _SOURCE_RANK.get(fig.source, 0)


def build_series(figures: list[Figure], measures: Measures, body_of: dict[str, str] | None = None) -> list[Series]:
    """Series of every body; an article's figures join the most alike series, one figure each."""
    body_of = body_of or {}
    by_body: dict[str, list[Figure]] = defaultdict(list)
    for f in figures:
        if f.kind == "other" or not f.unit:
            continue
        by_body[body_of.get(f.body.key, f.body.key)].append(f)
    out: list[Series] = []
    for key, figs in by_body.items():
        mine: list[Series] = []
        docs: dict[str, list[Figure]] = defaultdict(list)
        for f in figs:
            docs[f.doc_id].append(f)
        order = sorted(docs, key=lambda d: (min((f.year or 0) for f in docs[d]), d))
        for doc in order:
            candidates = sorted(docs[doc], key=lambda f: (_SOURCE_RANK.get(f.source, 0), f.evidence.start))
            pairs = sorted(((_similarity(measures, f, s), i, j) for i, f in enumerate(candidates)
                            for j, s in enumerate(mine)), reverse=True)
            used_f: set[int] = set()
            used_s: set[tuple[int, int | None]] = set()
            for score, i, j in pairs:
                if score <= 0 or i in used_f or (j, candidates[i].year) in used_s:
                    continue
                if any(p.year == candidates[i].year and p.doc_id == doc for p in mine[j].points):
                    continue
                mine[j].points.append(candidates[i])
                used_f.add(i)
                used_s.add((j, candidates[i].year))
            for i, f in enumerate(candidates):
                if i in used_f or f.source in ("numerator", "denominator"):
                    continue
                mine.append(Series(key, f.body.name, f.subject, f.unit, [f]))
        out.extend(mine)
    return out


def linked(series: list[Series]) -> list[Series]:
    """Series of two or more points: what a person compares."""
    return [s for s in series if len(s.points) >= 2]
