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
    """The sentence of ``text`` around ``pos``; a longer one is cut to about ``width`` characters
    around ``pos``, between words, with ``…`` where it was cut."""
    starts = [m.end() for m in _STOPS.finditer(text, 0, pos)]
    start = starts[-1] if starts else 0
    stop = _STOPS.search(text, pos)
    end = stop.end() if stop else len(text)
    if end - start > width:
        left = max(start, pos - width // 2)
        right = min(end, left + width)
        left = max(start, right - width)
        if left > start:
            space = text.find(" ", left, pos)
            left = space + 1 if space >= 0 else left
        if right < end:
            space = text.rfind(" ", pos, right)
            right = space if space > pos else right
        return ("…" if left > start else "") + " ".join(text[left:right].split()) + ("…" if right < end else "")
    return " ".join(text[start:end].split())


def _find_value(text: str, key: str) -> int | None:
    """Where a percentage ``(96.2, None, None)`` is written in ``text``: ``96,2%``, ``96.2 %``, ``96,20%``."""
    match = re.match(r"\(?(-?\d+(?:\.\d+)?)", key)
    if match is None:
        return None
    whole, _, frac = match.group(1).partition(".")
    frac = frac.rstrip("0")
    number = re.escape(whole) + (rf"[,.]{frac}0*" if frac else r"(?:[,.]0+)?")
    found = re.search(rf"(?<![\d,.]){number}\s?%", text)
    return found.start() if found else None


def _find_date(text: str, iso: str) -> int | None:
    """Where a date ``2024-01-26`` is written: ``26/01/2024``, ``26-1-2024``, ``ngày 26 tháng 1 năm 2024``."""
    match = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", iso or "")
    if match is None:
        return None
    year, month, day = match.group(1), int(match.group(2)), int(match.group(3))
    found = re.search(rf"(?<!\d)0?{day}\s*[/.-]\s*0?{month}(?:\s*[/.-]\s*{year})?(?!\d)"
                      rf"|ngày\s+0?{day}\s+tháng\s+0?{month}", text)
    return found.start() if found else None


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
        positions = _positions(field, err, rec, text)
        for pos in positions:
            yield f"    «{sentence_at(text, pos)}»"
        if not positions:
            yield "    (no sentence: " + ("the record has no text)" if not text else
                                        "its words are not written so in the article)")


def _positions(field: str, err: tuple[Any, ...], rec: Record, text: str) -> list[int]:
    if not text:
        return []
    found: list[int | None] = []
    if field == "meeting_date":
        ev = (rec.get("meeting") or {}).get("date_evidence")
        found.append(ev["start"] if ev else _find_date(text, str(err[2])))
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
            pos = _evidence_pos(rec.get("percentages") or [], lambda p, k=key: str(pct_key(p)) == str(k))
            found.append(pos if pos is not None else _find_value(text, str(key)))
    return sorted({p for p in found if p is not None})
