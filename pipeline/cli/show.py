"""Render one record for a terminal: each fact with its quoted evidence.

    Lâm Đức Xuân  [chair, speaker]  Bí thư Đảng ủy; Chánh Văn phòng Tỉnh uỷ
        @156-168 «Lâm Đức Xuân»
"""
from __future__ import annotations

from hoinghi.schemas import ArticleFacts, Evidence


def _ev(ev: Evidence | None) -> str:
    return "" if ev is None else f"@{ev.start}-{ev.end} «{ev.text}»"


def render(record: ArticleFacts) -> str:
    """A readable, evidence-first view of one article's facts."""
    m = record.meeting
    lines = [f"# {record.doc_id}" + (f"  {record.meta.url}" if record.meta.url else "")]
    lines.append(f"meeting date  {m.date or '—'}  {_ev(m.date_evidence)}")
    lines.append(f"host          {m.host or '—'}  {_ev(m.host_evidence)}")
    lines.append(f"title         {m.title or '—'}")
    lines.append(f"\npeople ({len(record.people)})")
    for p in record.people:
        lines.append(f"  {p.name}  [{', '.join(p.roles)}]  {'; '.join(p.titles)}")
        lines.append(f"      {_ev(p.evidence[0])}")
    lines.append(f"\nawards ({len(record.awards)})")
    for a in record.awards:
        issuer = f" — {a.issuer}" if a.issuer else ""
        year = f" ({a.year})" if a.year else ""
        lines.append(f"  {a.count} {a.recipient}: {a.title}{issuer}{year}")
        lines.append(f"      {_ev(a.evidence)}")
    lines.append(f"\npercentages ({len(record.percentages)})")
    for q in record.percentages:
        frac = f" ({q.numerator}/{q.denominator})" if q.numerator is not None else ""
        lines.append(f"  {q.value:g}%{frac} {q.kind}: {q.subject or '—'}" + (f" ({q.year})" if q.year else ""))
        lines.append(f"      {_ev(q.evidence)}")
    lines.append(f"\nquantities ({len(record.quantities)})")
    bounds = {"over": "hơn ", "under": "dưới ", "about": "khoảng "}
    for n in record.quantities:
        lines.append(f"  {bounds.get(n.bound or '', '')}{n.value_text} {n.unit} {n.kind}: {n.subject or '—'}"
                     + (f" ({n.year})" if n.year else ""))
        lines.append(f"      {_ev(n.evidence)}")
    return "\n".join(lines)
