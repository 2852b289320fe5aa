"""Explain scoring errors with the sentence each came from, for error analysis.

    [awards extra] B023  bằng khen · collective · 5
        «... cờ thi đua của Chính phủ cho 5 đơn vị và bằng khen của Chủ tịch UBND tỉnh ...»

A false positive is shown with the sentence of its evidence; a miss with the
sentence of the article where its words (a name, a count, a value) stand.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from hoinghi.pipeline.evaluation.scoring import _TONE, Record, pct_key
from hoinghi.pipeline.nlp.textmap import normalize

_STOPS = re.compile(r"[.!?\n]")


def sentence_at(text: str, pos: int, width: int = 220) -> str:
    """The sentence of ``text`` around ``pos``, trimmed to ``width`` characters."""
    starts = [m.end() for m in _STOPS.finditer(text, 0, pos)]
    start = starts[-1] if starts else 0
    stop = _STOPS.search(text, pos)
    end = stop.end() if stop else len(text)
    sentence = " ".join(text[start:end].split())
    return sentence if len(sentence) <= width else sentence[: width - 1] + "…"


def _fold(text: str) -> str:
    """Case and tone placement folded as the scorer folds them, keeping every offset."""
    text = text.casefold().replace("ỹ", "ĩ")
    for old, new in _TONE.items():
        text = text.replace(old, new)
    return text


def _find(text: str, needle: str) -> int | None:
    """Where ``needle`` stands in ``text`` (an offset into ``text``), compared as the scorer compares."""
    if not needle:
        return None
    tmap = normalize(text)
    hay = _fold(tmap.text)
    pos = hay.find(_fold(normalize(needle).text))
    return None if pos < 0 else tmap.starts[pos]


def _evidence_pos(items: list[Record], same: Any) -> int | None:
    for item in items:
        if same(item):
            ev = item.get("evidence")
            if isinstance(ev, list):
                ev = ev[0] if ev else None
            if ev:
                return int(ev["start"])
    return None


def explain(errors: list[tuple[Any, ...]], pred: dict[str, Record]) -> Iterator[str]:
    """Lines for each error: a header, then the sentence it came from (when found)."""
    for err in sorted(errors, key=lambda e: (str(e[1]), str(e[0]))):
        doc_id, field = str(err[0]), str(err[1])
        rec = pred.get(doc_id, {})
        text = rec.get("text") or ""
        yield f"[{field}] {doc_id}  " + " · ".join(str(x) for x in err[2:])
        for pos in _positions(field, err, rec, text):
            yield f"    «{sentence_at(text, pos)}»"


def _positions(field: str, err: tuple[Any, ...], rec: Record, text: str) -> list[int]:
    if not text:
        return []
    found: list[int | None] = []
    if field == "meeting_date":
        ev = (rec.get("meeting") or {}).get("date_evidence")
        found.append(ev["start"] if ev else None)
    elif field in ("people", "chairs"):
        for name in [*err[2], *err[3]]:
            found.append(_find(text, name))
    elif field == "titles":
        found.append(_find(text, str(err[2])))
    elif field in ("awards extra", "awards missed"):
        title, recipient, count = err[2], err[3], err[4]
        if field == "awards extra":
            found.append(_evidence_pos(rec.get("awards") or [], lambda a: (a.get("title"), a.get("recipient"),
                                                                          a.get("count")) == (title, recipient, count)))
        else:
            found.append(_find(text, str(title)))
    elif field in ("percentages", "percentage kind"):
        keys = [err[2]] if field == "percentage kind" else [*err[2], *err[3]]
        for key in keys:
            found.append(_evidence_pos(rec.get("percentages") or [], lambda p, k=key: str(pct_key(p)) == str(k)))
    return sorted({p for p in found if p is not None})
