"""A search hit: the article, its date and body, and the sentence that matched with the match marked.

    >>> text = "Sáng 26/01/2024, Văn phòng Tỉnh uỷ tổ chức hội nghị. Đồng chí Lâm Đức Xuân chủ trì."
    >>> hit = make_hit({"doc_id": "a1", "text": text}, needles=["lam duc xuan"])
    >>> hit.marked()
    'Đồng chí «Lâm Đức Xuân» chủ trì.'
"""
from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass
from typing import Any

from hoinghi.pipeline.archive.fold import phrase_spans
from hoinghi.schemas import is_uncertain

_BOUNDARY = re.compile(r"(?<=[.!?…])\s+|\n+")
MAX_SENTENCE = 320


@dataclass(frozen=True)
class Hit:
    """One ranked article; ``marks`` are ``(start, end)`` within ``sentence``."""

    doc_id: str
    date: str | None
    body: str | None
    title: str | None
    url: str | None
    score: float
    sentence: str
    sentence_start: int
    marks: tuple[tuple[int, int], ...]
    date_confidence: float | None = None
    body_confidence: float | None = None
    uncertain: int = 0  # facts of the article below the confidence shown as certain

    def flagged(self, value: str | None, confidence: float | None) -> str | None:
        """``"2024-01-26?"`` when the value is uncertain (``hoinghi.schemas.is_uncertain``)."""
        return f"{value}?" if value and is_uncertain(confidence) else value

    def segments(self) -> list[tuple[str, bool]]:
        """The sentence cut at its marks: ``[("Đồng chí ", False), ("Lâm Đức Xuân", True), (" chủ trì.", False)]``."""
        out, last = [], 0
        for start, end in self.marks:
            out += [(self.sentence[last:start], False), (self.sentence[start:end], True)]
            last = end
        return [seg for seg in out + [(self.sentence[last:], False)] if seg[0]]

    def marked(self, left: str = "«", right: str = "»") -> str:
        """The sentence with each mark wrapped: ``Đồng chí «Lâm Đức Xuân» chủ trì.``"""
        return "".join(f"{left}{text}{right}" if mark else text for text, mark in self.segments())

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["marks"] = [list(m) for m in self.marks]
        data["marked"] = self.marked()
        return data


def sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence (or line) around ``text[start:end]``, at most ``MAX_SENTENCE`` characters."""
    s = 0
    for m in _BOUNDARY.finditer(text, 0, start):
        s = m.end()
    m = _BOUNDARY.search(text, end)
    e = m.start() if m else len(text)
    if e - s > MAX_SENTENCE:
        half = max(0, (MAX_SENTENCE - (end - start)) // 2)
        s, e = max(s, start - half), min(e, end + half)
    return s, e


def _merge(spans: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def make_hit(article: Mapping[str, Any], *, needles: Iterable[str], fallback: tuple[int, int] | None = None,
             score: float = 0.0) -> Hit:
    """Build the hit for a loaded article row (``doc_id``, ``text``, ``date``, ``body``, ``title``, ``url``).

    The sentence is the one holding the first needle found (folded phrases,
    filters first), else ``fallback`` (a fact's evidence), else the first line.
    """
    text: str = article["text"]
    needles = list(needles)
    found = phrase_spans(text, needles)
    spans = _merge(span for spans in found for span in spans)
    first = next((min(spans) for spans in found if spans), None)
    anchor = first or fallback or (0, 0)
    s, e = sentence_bounds(text, *anchor)
    marks = tuple((a - s, b - s) for a, b in spans if a >= s and b <= e)
    if not marks and fallback and first is None:
        marks = ((fallback[0] - s, fallback[1] - s),)
    facts = json.loads(article["facts"]) if article.get("facts") else {}
    meeting = facts.get("meeting") or {}
    listed = [f for key in ("people", "awards", "percentages", "quantities") for f in facts.get(key) or []]
    uncertain = sum(is_uncertain(f.get("confidence")) for f in listed)
    uncertain += sum(is_uncertain(meeting.get(k)) for k in ("date_confidence", "host_confidence"))
    return Hit(doc_id=article["doc_id"], date=article.get("date"), body=article.get("body"),
               title=article.get("title"), url=article.get("url"), score=score,
               sentence=text[s:e], sentence_start=s, marks=marks,
               date_confidence=meeting.get("date_confidence"), body_confidence=meeting.get("host_confidence"),
               uncertain=uncertain)
