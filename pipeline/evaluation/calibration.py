"""How often each rule or path is right on gold: the confidence table, and its check on other text.

A fact is right when the scorer would count it (``ANNOTATION.md``): the meeting day
equal; the host equal or one containing the other; a person's name among the gold
names; an award matched on count, recipient and title; a percentage matched on its
value and of the right kind; a quantity matched and of the right kind. A path's
confidence is the lower end of the 95% Wilson interval of its precision, so a
path seen twice does not claim 1.0 and one seen often earns its figure; a path
the gold never showed gets its field's:

    >>> round(wilson_lower(right=20, n=20), 3), round(wilson_lower(right=200, n=200), 3)
    (0.839, 0.981)

Why the lower end: precision measured on the articles the rules were tuned on
overstates precision on new ones. On the first score of dev3 (rules never tuned
on it), the plain precision measured on dev put facts at 0.9 or more that were
right 91% of the time; the lower end of the interval held them at 98.8%.
"""
from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from hoinghi import rules
from hoinghi.pipeline.evaluation.scoring import (
    Record,
    _greedy,
    award_same,
    host,
    meeting_date,
    norm,
    pct_key,
    quantity_same,
)
from hoinghi.pipeline.nlp.confidence import FIELDS, fact_paths
from hoinghi.schemas import ArticleFacts


@dataclass(frozen=True)
class Outcome:
    """One predicted fact: its field, the path that produced it, and whether gold holds it."""

    field: str
    path: str
    right: bool


def outcomes(gold: dict[str, Record], predicted: Iterable[ArticleFacts]) -> list[Outcome]:
    """Every predicted fact of the records whose ``doc_id`` gold annotates, judged against gold."""
    out: list[Outcome] = []
    for record in predicted:
        g = gold.get(record.doc_id)
        if g is None:
            continue
        p = record.model_dump(mode="json")
        judged = _judge(g, p)
        for (field, path, _), right in zip(fact_paths(record), judged, strict=True):
            if right is not None:
                out.append(Outcome(field, path, right))
    return out


def _judge(g: Record, p: Record) -> list[bool | None]:
    """Right or wrong (None: not judged) for each fact of ``p``, in the order of :func:`fact_paths`."""
    verdicts: list[bool | None] = []
    if p["meeting"]["date"] and any(d["is_meeting"] and d["iso"] for d in p["dates"]):
        verdicts.append(meeting_date(g) == p["meeting"]["date"])
    if p["meeting"]["host"]:
        gh, ph = norm(host(g)), norm(p["meeting"]["host"])
        verdicts.append(bool(gh) and (gh in ph or ph in gh))
    names = Counter(norm(x["name"]) for x in g.get("people", []))
    for person in p["people"]:
        name = norm(person["name"])
        verdicts.append(names[name] > 0)
        names[name] -= 1
    verdicts += _matched(g.get("awards", []), p["awards"], award_same, kind=False)
    verdicts += _matched(g.get("percentages", []), p["percentages"], lambda a, b: pct_key(a) == pct_key(b), kind=True)
    if "quantities" in g:
        verdicts += _matched(g.get("quantities") or [], p["quantities"], quantity_same, kind=True)
    else:
        verdicts += [None] * len(p["quantities"])  # gold that annotates no quantities judges none
    return verdicts


def _matched(gold: list[Record], pred: list[Record], same: Any, *, kind: bool) -> list[bool]:
    pairs = {id(b): a for a, b in _greedy(gold, pred, same)}
    return [id(b) in pairs and (not kind or pairs[id(b)].get("kind") == b.get("kind")) for b in pred]


def wilson_lower(*, right: int, n: int, z: float = 1.96) -> float:
    """The lower end of the Wilson score interval of ``right / n`` (z = 1.96: the 95% interval)."""
    if n == 0:
        return 0.0
    p = right / n
    centre = p + z * z / (2 * n)
    margin = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n))
    return (centre - margin) / (1 + z * z / n)


def table(results: list[Outcome], *, computed_on: tuple[str, ...], z: float = 1.96) -> dict[str, Any]:
    """The confidence table as ``rules/confidence.yaml`` holds it."""
    fields: dict[str, Any] = {}
    for field in FIELDS:
        mine = [o for o in results if o.field == field]
        right = sum(o.right for o in mine)
        paths: dict[str, Any] = {}
        for path in sorted({o.path for o in mine}):
            these = [o for o in mine if o.path == path]
            r = sum(o.right for o in these)
            paths[path] = {"n": len(these), "right": r, "confidence": round(wilson_lower(right=r, n=len(these), z=z), 3)}
        fields[field] = {"n": len(mine), "right": right,
                         "precision": round(right / len(mine), 3) if mine else None,
                         "confidence": round(wilson_lower(right=right, n=len(mine), z=z), 3) if mine else None,
                         "paths": paths}
    return {
        "version": 1,
        "description": ("The measured precision of each rule or path on the gold sets, written by "
                        "scripts/calibrate.py; do not edit by hand. A fact's confidence is its path's: the "
                        "lower end of the Wilson interval (z) of right/n; a path never seen takes its field's."),
        "computed_on": list(computed_on),
        "z": z,
        "fields": fields,
    }


@dataclass(frozen=True)
class Check:
    """Facts of a set at or above a confidence, and how many of them were right."""

    minimum: float
    n: int
    right: int

    @property
    def precision(self) -> float | None:
        return self.right / self.n if self.n else None


def check(confidence: rules.ConfidenceTable, results: list[Outcome], minimum: float = 0.9) -> Check:
    """How precise the facts are that ``confidence`` (computed elsewhere) puts at ``minimum`` or above."""
    chosen = [o for o in results if (confidence.confidence(o.field, o.path) or 0.0) >= minimum]
    return Check(minimum, len(chosen), sum(o.right for o in chosen))
