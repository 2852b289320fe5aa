"""Turn an annotated ``Doc`` into a validated ``ArticleFacts`` record.

Every span found in the working text is quoted from the ORIGINAL text through
``doc._.textmap``, so ``uỷ`` stays ``uỷ`` and NFD input keeps its offsets.
"""
from __future__ import annotations

import datetime as dt

from spacy.tokens import Doc

from hoinghi.pipeline.nlp.facts import Span
from hoinghi.pipeline.nlp.textmap import drop_invisible
from hoinghi.schemas import ArticleFacts, Award, DateMention, Evidence, Meeting, Percentage, Person, Quantity, SourceMeta
from hoinghi.schemas.models import text_sha1


class _Quoter:
    """Quotes working-text spans from the original text."""

    def __init__(self, doc: Doc) -> None:
        self.tmap = doc._.textmap

    def evidence(self, span: Span) -> Evidence:
        start, end, quote = self.tmap.original_span(*span)
        return Evidence(start=start, end=end, text=quote)

    def text(self, span: Span | None) -> str | None:
        """A fact's value: the original's words (its spelling kept), less stray control and invisible characters."""
        return None if span is None else drop_invisible(self.tmap.original_span(*span)[2]).strip()


def build_record(doc: Doc, *, doc_id: str, meta: dict[str, str] | None = None) -> ArticleFacts:
    """The record of one article; pydantic validates it before it is returned."""
    q = _Quoter(doc)
    dates = [
        DateMention(
            day=d.day, month=d.month, year=d.year,
            iso=dt.date(d.year, d.month, d.day).isoformat() if d.year else None,
            year_from=d.year_from, is_meeting=d.is_meeting, rule=d.rule, evidence=q.evidence(d.span),
        )
        for d in doc._.dates
    ]
    chosen = next((d for d in dates if d.is_meeting), None)
    m = doc._.meeting
    meeting = Meeting(
        date=chosen.iso if chosen else None,
        date_evidence=chosen.evidence if chosen and chosen.iso else None,
        host=q.text(m.host), host_evidence=q.evidence(m.host) if m.host else None,
        title=q.text(m.title), title_evidence=q.evidence(m.title) if m.title else None,
    )
    people = [
        Person(
            name=q.text(p.name_span) or p.name,
            titles=[q.text(t) or "" for t in p.titles],
            roles=list(p.roles),
            evidence=[q.evidence(s) for s in p.mentions],
            title_evidence=[q.evidence(t) for t in p.titles], rule=p.rule,
        )
        for p in doc._.people
    ]
    awards = [
        Award(
            title=a.title_text or q.text(a.title) or "khen thưởng", issuer=q.text(a.issuer),
            recipient=a.recipient, count=a.count, year=a.year, rule=a.rule, evidence=q.evidence(a.span),
            issuer_evidence=q.evidence(a.issuer) if a.issuer else None,
        )
        for a in doc._.awards
    ]
    percentages = [
        Percentage(
            value=p.value, numerator=p.numerator, denominator=p.denominator, kind=p.kind, year=p.year,
            subject=q.text(p.subject), rule=f"{p.rule}/{p.kind_rule}" if p.kind_rule else p.rule,
            evidence=q.evidence(p.span), subject_evidence=q.evidence(p.subject) if p.subject else None,
        )
        for p in doc._.percentages
    ]
    quantities = [
        Quantity(
            value=f.value, value_text=q.text(f.number) or "", unit=q.text(f.unit) or f.base_unit,
            base_value=f.value * f.multiplier,
            base_unit=q.text((f.unit[1] - len(f.base_unit), f.unit[1])) or f.base_unit, bound=f.bound, kind=f.kind, year=f.year,
            subject=q.text(f.subject), rule=f.rule, evidence=q.evidence(f.span),
            subject_evidence=q.evidence(f.subject) if f.subject else None,
        )
        for f in doc._.quantities or []
    ]
    original = doc._.textmap.original
    return ArticleFacts(
        doc_id=doc_id, text_sha1=text_sha1(original), meta=SourceMeta(**(meta or {})), text=original,
        meeting=meeting, dates=dates, people=people, awards=awards, percentages=percentages,
        quantities=quantities,
    )
