"""The figures of one record, each with what a check needs: value as written, unit, bound, year, evidence.

    >>> figs = figures_of(record, body, year=2022)                      # doctest: +SKIP
    >>> figs[0].value, figs[0].unit, figs[0].bound                      # doctest: +SKIP
    (55900.0, 'tỷ đồng', 'over')
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from typing import Any

from hoinghi import rules
from hoinghi.pipeline.crossyear.bodies import Body
from hoinghi.pipeline.crossyear.units import in_series_unit
from hoinghi.schemas import ArticleFacts, Evidence

_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=\S)|\n+")


@dataclass(frozen=True)
class Figure:
    """One number of one article: ``Figure("S1", "quantity", 55900, "trên 55.900", "tỷ đồng", ...)``."""

    doc_id: str
    source: str                  # quantity, percentage, numerator, denominator, award
    value: float                 # as written, in ``unit`` ("24 nghìn đảng viên" → 24000 đảng viên)
    value_text: str
    unit: str
    bound: str | None
    kind: str                    # result, target, other
    year: int | None             # the year the figure refers to
    stated_year: int | None
    subject: str
    evidence: Evidence
    sentence: Evidence
    url: str | None
    body: Body
    numerator: float | None = None
    denominator: float | None = None
    index: int = 0               # the fact's place in its record's list
    article_year: int | None = None  # the year its article reports on
    extra: dict[str, Any] = field(default_factory=dict, compare=False)

    def to_json(self) -> dict[str, Any]:
        """The figure as a finding or a series point prints it."""
        return {"doc_id": self.doc_id, "value": self.value, "value_text": self.value_text, "unit": self.unit,
                "bound": self.bound, "kind": self.kind, "year": self.year, "source": self.source,
                "subject": self.subject,
                "evidence": {"start": self.evidence.start, "end": self.evidence.end, "text": self.evidence.text},
                "sentence": {"start": self.sentence.start, "end": self.sentence.end, "text": self.sentence.text},
                "url": self.url}


def sentence_of(text: str, start: int, end: int) -> Evidence:
    """The sentence holding ``text[start:end]``, as evidence into the same text."""
    left = 0
    for m in _SENTENCE_END.finditer(text, 0, start):
        left = m.end()
    nxt = _SENTENCE_END.search(text, end)
    right = nxt.start() if nxt else len(text)
    return Evidence(start=left, end=right, text=text[left:right])


def _number_in(text: str, value: float) -> re.Match[str] | None:
    """Where ``value`` is written in ``text`` ("40.975", "40975", "0,5")."""
    for m in re.finditer(r"\d[\d.,]*\d|\d", text):
        raw = m.group()
        try:
            parsed = float(raw.replace(".", "").replace(",", ".")) if "," in raw or raw.count(".") != 1 or \
                len(raw.split(".")[1]) == 3 else float(raw)
        except ValueError:
            continue
        if abs(parsed - value) < 1e-9:
            return m
    return None


_UNIT_AFTER = re.compile(r"\s*((?:nghìn |ngàn |triệu |tỷ |tỉ )?[^\W\d]+(?: [^\W\d]+)?)")


def _base_subject(subject: str) -> str:
    """A fraction's base is the whole, not the part done: "kiến nghị đã thực hiện" → "kiến nghị"."""
    words = sorted(rules.load("crossyear").lexicon("cumulative"), key=len, reverse=True)
    out = subject
    for w in words:
        out = re.sub(r"(?i)(?<!\w)" + re.escape(w) + r"(?!\w)", " ", out)
    return " ".join(out.split()).strip(" ,") or subject


def _done_subject(subject: str, before: str) -> str:
    """A fraction's part is the work done when the words before it say so ("A đã thực hiện là 40/50"):
    its subject keeps them, so a restated total is never read as the part done."""
    low = subject.lower()
    for w in sorted(rules.load("crossyear").lexicon("cumulative"), key=len, reverse=True):
        pat = r"(?<!\w)" + re.escape(w) + r"(?!\w)"
        if re.search(pat, low):
            return subject
        if re.search(pat, before.lower()):
            return f"{subject} {w}".strip()
    return subject


def _counted(subject: str, unit: str, clause: str) -> str:
    """A subject that is only its unit, told by the verb before it: "kết nạp 1.405 đảng viên" →
    "đảng viên mới", "nâng tổng số hội viên lên 118.240 hội viên" → "tổng số hội viên"."""
    if subject.strip().lower() != unit.strip().lower():
        return subject
    table = rules.load("crossyear")
    low = clause.lower()
    hits = [(m.start(), side) for side in ("counted_new", "counted_total") for w in table.lexicon(side)
            for m in re.finditer(r"(?<!\w)" + re.escape(w) + r"(?!\w)", low)]
    if not hits:
        return subject
    return f"{subject} mới" if max(hits)[1] == "counted_new" else f"tổng số {subject}"


def _counted_as(unit: str, after: str) -> str | None:
    """ "2.896 đảng viên là cấp ủy viên các cấp" counts committee members: the noun after "là"."""
    m = re.match(r"\s+là\s+([^\W\d]+(?:\s+[^\W\d]+){0,4})", after)
    if not m:
        return None
    low = m.group(1).lower()
    nouns = sorted(rules.load("quantities").lexicon("counted_nouns"), key=len, reverse=True)
    noun = next((n for n in nouns if low == n or low.startswith(n + " ")), None)
    return noun if noun and noun != unit.lower() else None


def _clause_before(text: str, sent_start: int, start: int) -> str:
    """The words of a figure's clause before it ("Trong năm, các cấp Hội đã kết nạp" → "các cấp Hội đã kết nạp")."""
    head = text[sent_start:start]
    cut = max(head.rfind(ch) for ch in ",;:(")
    return head[cut + 1:]


def figures_of(record: ArticleFacts, body: Body, year: int | None) -> list[Figure]:
    """Every quantity, percentage (with its fraction's parts) and award count of the record."""
    return [replace(f, article_year=year) for f in _figures(record, body, year)]


def _figures(record: ArticleFacts, body: Body, year: int | None) -> list[Figure]:
    text, url = record.text, record.meta.url
    out: list[Figure] = []
    units = sorted({q.unit for q in record.quantities}, key=len, reverse=True)
    for i, q in enumerate(record.quantities):
        value, unit = in_series_unit(q.value, q.unit)
        fig_year = q.year or (year + 1 if q.kind == "target" and year else year)
        sent = sentence_of(text, q.evidence.start, q.evidence.end)
        lead = _clause_before(text, sent.start, q.evidence.start)
        subject = _counted(q.subject or q.unit, q.unit, lead)
        noun = _counted_as(q.unit, text[q.evidence.end:q.evidence.end + 60]) if subject == (q.subject or q.unit) else None
        if noun:
            value, unit, subject = q.value, noun, noun
        if subject.strip().lower() == unit.strip().lower() and lead.strip().lower() in ("có", "trong đó có", "trong đó"):
            # "(có 2.105 cấp ủy viên)": part of the figure before it, told apart by what that one counts
            parent = next((f for f in reversed(out) if f.source == "quantity" and f.sentence.start == sent.start
                           and f.subject.lower() != f.unit.lower()), None)
            if parent is not None:
                subject = f"{subject} ({parent.subject})"
        out.append(Figure(record.doc_id, "quantity", value, q.value_text, unit, q.bound, q.kind, fig_year, q.year,
                          subject, q.evidence, sent, url, body, index=i))
    for i, p in enumerate(record.percentages):
        sent = sentence_of(text, p.evidence.start, p.evidence.end)
        fig_year = p.year or (year + 1 if p.kind == "target" and year else year)
        subject = p.subject or ""
        out.append(Figure(record.doc_id, "percentage", p.value, p.evidence.text, "%", None, p.kind, fig_year, p.year,
                          subject, p.evidence, sent, url, body, p.numerator, p.denominator, index=i))
        for part, number in (("numerator", p.numerator), ("denominator", p.denominator)):
            if number is None:
                continue
            where = _number_in(sent.text, float(number))
            if where is None:
                continue
            start, end = sent.start + where.start(), sent.start + where.end()
            after = text[end:end + 40]
            unit = next((u for u in units if after.lstrip().startswith(u)), None)
            if unit is None:
                m = _UNIT_AFTER.match(after)
                unit = m.group(1) if m else ""
            value, series_unit = in_series_unit(float(number), unit) if unit else (float(number), "")
            part_kind = "target" if p.kind == "target" else "result"  # a fraction's parts are counts as stated
            out.append(Figure(record.doc_id, part, value, where.group(), series_unit, None, part_kind, fig_year, p.year,
                              _base_subject(subject) if part == "denominator"
                              else _done_subject(subject, text[max(sent.start, start - 60):start]), Evidence(start=start, end=end, text=text[start:end]), sent, url, body,
                              index=i))
    for i, a in enumerate(record.awards):
        m = re.match(r"\D*?(\d[\d.]*)\s+([^\W\d]+(?: [^\W\d]+)?)", a.evidence.text)
        unit = m.group(2) if m and m.group(2).split()[0] in ("đơn", "tập", "cá", "lượt", "người") else a.recipient
        if unit.startswith(("đơn vị", "tập thể", "cá nhân")):
            unit = " ".join(unit.split()[:2])
        subject = f"{a.title} {a.issuer or ''}".strip()
        sent = sentence_of(text, a.evidence.start, a.evidence.end)
        planned = rules.load("crossyear").pattern("target").regex.search(text, sent.start, a.evidence.start)
        kind = "target" if planned else "result"
        fig_year = a.year or (year + 1 if kind == "target" and year else year)
        out.append(Figure(record.doc_id, "award", float(a.count), str(a.count), unit, None, kind, fig_year,
                          a.year, subject, a.evidence, sent, url,
                          body, index=i))
    return out
