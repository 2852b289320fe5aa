"""An article's text as HTML with each fact's evidence marked, for the web page.

    >>> text = "Đồng chí Lâm Đức Xuân chủ trì hội nghị ngày 26/01/2024."
    >>> spans = [Span(9, 21, "person", "Lâm Đức Xuân — chair", "person-0"),
    ...          Span(44, 54, "date", "ngày họp 2024-01-26", "meeting-date")]
    >>> marked_html(text, spans)  # doctest: +NORMALIZE_WHITESPACE
    'Đồng chí <mark class="f-person" id="person-0" title="Lâm Đức Xuân — chair">Lâm Đức Xuân</mark> chủ trì
     hội nghị ngày <mark class="f-date" id="meeting-date" title="ngày họp 2024-01-26">26/01/2024</mark>.'
"""
from __future__ import annotations

from dataclasses import dataclass
from html import escape

from hoinghi.schemas import ArticleFacts, is_uncertain

KIND_LABELS = {
    "date": "Ngày / date", "host": "Đơn vị tổ chức / host", "title": "Tên hội nghị / meeting",
    "person": "Người / person", "ptitle": "Chức danh / title", "award": "Khen thưởng / award",
    "pct": "Tỷ lệ / percentage",
}


@dataclass(frozen=True)
class Span:
    """One marked stretch of the text: ``text[start:end]`` is a fact's evidence."""

    start: int
    end: int
    kind: str
    label: str
    anchor: str
    uncertain: bool = False  # the fact's confidence is below UNCERTAIN_BELOW: marked as such


def confidence_note(confidence: float | None) -> str:
    """``" — chưa chắc / uncertain (0.79)"`` for an uncertain fact, else ``""``."""
    return f" — chưa chắc / uncertain ({confidence:.2f})" if is_uncertain(confidence) else ""


def fact_spans(record: ArticleFacts) -> list[Span]:
    """Every evidence span of the record, labelled with the fact it supports."""
    m = record.meeting
    spans: list[Span] = []
    if m.date_evidence:
        spans.append(Span(m.date_evidence.start, m.date_evidence.end, "date",
                          f"ngày họp {m.date}" + confidence_note(m.date_confidence), "meeting-date",
                          is_uncertain(m.date_confidence)))
    if m.host_evidence:
        spans.append(Span(m.host_evidence.start, m.host_evidence.end, "host",
                          f"đơn vị tổ chức: {m.host}" + confidence_note(m.host_confidence), "meeting-host",
                          is_uncertain(m.host_confidence)))
    if m.title_evidence:
        spans.append(Span(m.title_evidence.start, m.title_evidence.end, "title", f"hội nghị: {m.title}",
                          "meeting-title"))
    for i, d in enumerate(record.dates):
        if not (m.date_evidence and d.evidence.start == m.date_evidence.start):
            spans.append(Span(d.evidence.start, d.evidence.end, "date", f"ngày {d.iso or d.evidence.text}",
                              f"date-{i}"))
    for i, p in enumerate(record.people):
        label = " — ".join(filter(None, [p.name, "; ".join(p.titles), ", ".join(p.roles)])) + confidence_note(p.confidence)
        for j, ev in enumerate(p.evidence):
            spans.append(Span(ev.start, ev.end, "person", label, f"person-{i}-{j}", is_uncertain(p.confidence)))
        for j, ev in enumerate(p.title_evidence):
            spans.append(Span(ev.start, ev.end, "ptitle", f"chức danh của {p.name}", f"person-{i}-title-{j}"))
    for i, a in enumerate(record.awards):
        who = "tập thể" if a.recipient == "collective" else "cá nhân"
        label = (f"{a.count} {who}: {a.title}" + (f" — {a.issuer}" if a.issuer else "")
                 + (f" ({a.year})" if a.year else "") + confidence_note(a.confidence))
        spans.append(Span(a.evidence.start, a.evidence.end, "award", label, f"award-{i}", is_uncertain(a.confidence)))
    for i, q in enumerate(record.percentages):
        label = (f"{q.value:g}% {q.kind}" + (f": {q.subject}" if q.subject else "") + (f" ({q.year})" if q.year else "")
                 + confidence_note(q.confidence))
        spans.append(Span(q.evidence.start, q.evidence.end, "pct", label, f"pct-{i}", is_uncertain(q.confidence)))
    for i, n in enumerate(record.quantities):
        bound = {"over": "hơn ", "under": "dưới ", "about": "khoảng "}.get(n.bound or "", "")
        label = (f"{bound}{n.value_text} {n.unit} {n.kind}" + (f": {n.subject}" if n.subject else "")
                 + (f" ({n.year})" if n.year else "") + confidence_note(n.confidence))
        spans.append(Span(n.evidence.start, n.evidence.end, "qty", label, f"qty-{i}", is_uncertain(n.confidence)))
    return spans


def nest(spans: list[Span]) -> list[Span]:
    """The spans that nest properly (outer first); a span crossing another's edge is left out."""
    kept: list[Span] = []
    stack: list[Span] = []
    for span in sorted(spans, key=lambda s: (s.start, -s.end)):
        if span.end <= span.start:
            continue
        while stack and stack[-1].end <= span.start:
            stack.pop()
        if stack and span.end > stack[-1].end:
            continue  # crosses the edge of the span it starts in
        kept.append(span)
        stack.append(span)
    return kept


def marked_html(text: str, spans: list[Span]) -> str:
    """``text`` escaped, with ``<mark class="f-KIND" id=ANCHOR title=LABEL>`` around each (nested) span."""
    # (offset, closes first, inner closes first / outer opens first, html)
    events: list[tuple[int, int, int, str]] = []
    for n, span in enumerate(nest(spans)):
        css = f"f-{span.kind} uncertain" if span.uncertain else f"f-{span.kind}"
        events.append((span.start, 1, n, f'<mark class="{css}" id="{escape(span.anchor)}" '
                                         f'title="{escape(span.label)}">'))
        events.append((span.end, 0, -n, "</mark>"))
    out, last = [], 0
    for offset, _, _, tag in sorted(events):
        out.append(escape(text[last:offset], quote=False))
        out.append(tag)
        last = offset
    out.append(escape(text[last:], quote=False))
    return "".join(out)
