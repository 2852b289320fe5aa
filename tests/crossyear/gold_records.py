"""Records built from gold facts (tests only): the checks proven on right facts, apart from extraction.

Each gold quantity, percentage and award is found in its article's text (its number as written,
the unit or "%" after it) so that its evidence is a real slice of the text, as extraction gives.
"""
from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from hoinghi.schemas import ArticleFacts
from hoinghi.schemas.models import text_sha1

_BOUND_WORDS = {"over": r"(?:hơn|trên|vượt)\s+", "under": r"(?:dưới|chưa đến|không quá)\s+",
                "about": r"(?:khoảng|gần|ngót|xấp xỉ|chừng|ước tính|ước)\s+"}


def _written(value: float) -> list[str]:
    """How a number may be written: 67055 → "67.055", "67055"; 17.57 → "17,57"."""
    if float(value).is_integer():
        n = int(value)
        return [f"{n:,}".replace(",", "."), str(n)]
    text = f"{value}".rstrip("0")
    whole, dec = text.split(".")
    return [f"{int(whole):,}".replace(",", ".") + "," + dec, whole + "," + dec, text]


def _find(text: str, value: float, after: str, used: set[int], bound: str | None = None) -> tuple[int, int] | None:
    first = re.escape(after.split()[0]) if after.strip() else ""
    for form in _written(value):
        pattern = r"(?<![\d.,])" + re.escape(form) + r"(?![\d]|[.,]\d)"
        if first:
            pattern += r"\s*(?=" + (first if first != "%" else "%") + ")"
        for m in re.finditer(pattern, text, flags=re.IGNORECASE):
            if m.start() in used:
                continue
            start = m.start()
            if bound in _BOUND_WORDS:
                b = re.search(_BOUND_WORDS[bound] + r"$", text[max(0, start - 15):start], flags=re.IGNORECASE)
                if b:
                    start = start - (len(text[max(0, m.start() - 15):m.start()]) - b.start())
            used.add(m.start())
            return start, m.start() + len(form)
    return None


def _ev(text: str, span: tuple[int, int]) -> dict[str, Any]:
    return {"start": span[0], "end": span[1], "text": text[span[0]:span[1]]}


def record_from_gold(article: dict[str, Any], gold: dict[str, Any]) -> ArticleFacts:
    """An ``ArticleFacts`` whose facts are the gold's, each tied to where the text writes it."""
    text = article["text"]
    used: set[int] = set()
    quantities, percentages, awards = [], [], []
    for q in gold.get("quantities", []):
        span = _find(text, q["value"], q["unit"], used, q.get("bound")) or _find(text, q["value"], "", used, q.get("bound"))
        if span is None:
            continue
        quantities.append({"value": q["value"], "value_text": text[span[0]:span[1]], "unit": q["unit"],
                           "base_value": q["value"], "base_unit": q["unit"], "bound": q.get("bound"),
                           "kind": q["kind"], "year": q.get("year"), "subject": q.get("subject"),
                           "rule": "gold", "evidence": _ev(text, span)})
    for p in gold.get("percentages", []):
        span = _find(text, p["value"], "%", used)
        if span is not None and text[span[1]:span[1] + 1] == "%":
            span = (span[0], span[1] + 1)
        elif span is None and p.get("numerator") is not None and p.get("denominator"):
            # a share written only as its fraction ("247/249 đại biểu")
            m = re.search(rf"(?<!\d){p['numerator']}\s*/\s*{p['denominator']}(?!\d)", text)
            span = m.span() if m else None
        if span is None:
            continue
        percentages.append({"value": p["value"], "numerator": p.get("numerator"), "denominator": p.get("denominator"),
                            "kind": p["kind"], "year": p.get("year"), "subject": p.get("subject"), "rule": "gold",
                            "evidence": _ev(text, span)})
    for a in gold.get("awards", []):
        span = _find(text, a["count"], "", used)
        if span is None:
            continue
        end = min(len(text), span[1] + 60)
        awards.append({"title": a["title"], "issuer": a.get("issuer"), "recipient": a["recipient"], "count": a["count"],
                       "year": a.get("year"), "rule": "gold", "evidence": _ev(text, (span[0], end))})
    meeting = {"date": gold.get("meeting_date"), "host": gold.get("host")}
    return ArticleFacts.model_validate({
        "doc_id": article["id"], "text_sha1": text_sha1(text), "text": text,
        "meta": {"url": article.get("url"), "published": article.get("published"), "source": article.get("source")},
        "meeting": meeting, "quantities": quantities, "percentages": percentages, "awards": awards})


def gold_records(folder: Path) -> list[ArticleFacts]:
    """Every article of ``folder/articles.jsonl`` with ``folder/gold.jsonl``'s facts."""
    gold = {g["doc_id"]: g for g in map(json.loads, (folder / "gold.jsonl").read_text(encoding="utf-8").splitlines()) if g}
    articles = [json.loads(line) for line in (folder / "articles.jsonl").read_text(encoding="utf-8").splitlines() if line]
    return [record_from_gold(a, gold[a["id"]]) for a in articles if a["id"] in gold]
