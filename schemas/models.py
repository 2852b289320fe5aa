"""Output records. They import nothing from ``pipeline``; they validate what they hold.

Field names follow ``ANNOTATION.md`` so that the reference scorer reads them:
``meeting.date``, ``people[].name/titles/roles``, ``awards[].title/issuer/
recipient/count/year``, ``percentages[].value/numerator/denominator/kind/
year/subject``. Every fact carries ``evidence``: offsets into the ORIGINAL
text and the quoted words, e.g. ``{"start": 10, "end": 20, "text": "26/01/2024"}``.
"""
from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterator
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

Role = Literal["chair", "attendee", "speaker", "presenter", "recipient", "other"]
Recipient = Literal["collective", "individual"]
Kind = Literal["target", "result", "vote", "other"]
QuantityKind = Literal["target", "result", "other"]
Bound = Literal["over", "under", "about"]
#: The measured precision of the rule or path that produced a fact (``scripts/calibrate.py``), 0..1.
Confidence = float | None
#: A fact below this confidence is shown as uncertain (archive, search, article page).
UNCERTAIN_BELOW = 0.9


def is_uncertain(confidence: Confidence) -> bool:
    """Whether a fact of this confidence is shown as uncertain; one never measured (None) is not."""
    return confidence is not None and confidence < UNCERTAIN_BELOW
SCHEMA_VERSION = 1


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Evidence(_Model):
    """Where a fact was read: ``text == article_text[start:end]``."""

    start: int = Field(ge=0)
    end: int = Field(ge=0)
    text: str

    @model_validator(mode="after")
    def _ordered(self) -> "Evidence":
        if self.end < self.start:
            raise ValueError(f"evidence end {self.end} before start {self.start}")
        if len(self.text) != self.end - self.start:
            raise ValueError("evidence text length differs from end - start")
        return self


def _iso_day(value: str | None) -> str | None:
    if value is not None:
        dt.date.fromisoformat(value)
        if len(value) != 10:
            raise ValueError(f"{value!r} is not YYYY-MM-DD")
    return value


class DateMention(_Model):
    """A date written in the text: ``sáng 15-1`` → day 15, month 1, year from context."""

    day: int = Field(ge=1, le=31)
    month: int = Field(ge=1, le=12)
    year: int | None = Field(default=None, ge=1900, le=2100)
    iso: str | None = None
    year_from: Literal["text", "published", "dateline", "date_line", "context", "none"]
    is_meeting: bool = False
    rule: str
    evidence: Evidence

    @field_validator("iso")
    @classmethod
    def _check_iso(cls, value: str | None) -> str | None:
        return _iso_day(value)


class Meeting(_Model):
    """The reported meeting: its day, host body and title."""

    date: str | None = None
    host: str | None = None
    title: str | None = None
    date_evidence: Evidence | None = None
    host_evidence: Evidence | None = None
    title_evidence: Evidence | None = None
    date_confidence: Confidence = Field(default=None, ge=0, le=1)
    host_confidence: Confidence = Field(default=None, ge=0, le=1)

    @field_validator("date")
    @classmethod
    def _check_date(cls, value: str | None) -> str | None:
        return _iso_day(value)


class Person(_Model):
    """A named participant, e.g. ``Lâm Đức Xuân`` with ``["Bí thư Đảng ủy", ...]``."""

    name: str = Field(min_length=2)
    titles: list[str] = []
    roles: list[Role] = []
    evidence: list[Evidence] = Field(min_length=1)
    title_evidence: list[Evidence] = []
    rule: str | None = None  # what made the name a person: "cue" (đồng chí, ông, a rank), "list", "titled"
    confidence: Confidence = Field(default=None, ge=0, le=1)

    @field_validator("roles")
    @classmethod
    def _unique_roles(cls, roles: list[str]) -> list[str]:
        if len(set(roles)) != len(roles):
            raise ValueError(f"roles listed twice: {roles}")
        return roles


class Award(_Model):
    """One stated count of recipients of an award: 12 individuals, "Lao động tiên tiến"."""

    title: str = Field(min_length=1)
    issuer: str | None = None
    recipient: Recipient
    count: int = Field(ge=0)
    year: int | None = Field(default=None, ge=1900, le=2100)
    rule: str
    evidence: Evidence
    issuer_evidence: Evidence | None = None
    confidence: Confidence = Field(default=None, ge=0, le=1)


class Percentage(_Model):
    """A stated proportion: ``98,5%``, ``4/4 chỉ tiêu`` or ``100% (32/32)``."""

    value: float = Field(ge=0)
    numerator: int | None = Field(default=None, ge=0)
    denominator: int | None = Field(default=None, gt=0)
    kind: Kind
    year: int | None = Field(default=None, ge=1900, le=2100)
    subject: str | None = None
    rule: str
    evidence: Evidence
    subject_evidence: Evidence | None = None
    confidence: Confidence = Field(default=None, ge=0, le=1)

    @model_validator(mode="after")
    def _fraction_whole(self) -> "Percentage":
        if (self.numerator is None) != (self.denominator is None):
            raise ValueError("numerator and denominator go together")
        return self


class Quantity(_Model):
    """A stated count or amount: ``hơn 57.000 đảng viên``, ``67.055 tỷ đồng``, ``Ban Chấp hành gồm 55 đồng chí``.

    ``value`` is the number as written (``67.055`` → 67055, ``1,5`` → 1.5, ``hai`` → 2) and
    ``unit`` the words after it with their multiplier (``tỷ đồng``); ``base_value`` and
    ``base_unit`` apply the multiplier (6.7055e13, ``đồng``).
    """

    value: float = Field(ge=0)
    value_text: str = Field(min_length=1)
    unit: str = Field(min_length=1)
    base_value: float = Field(ge=0)
    base_unit: str = Field(min_length=1)
    bound: Bound | None = None
    kind: QuantityKind
    year: int | None = Field(default=None, ge=1900, le=2100)
    subject: str | None = None
    rule: str
    evidence: Evidence
    subject_evidence: Evidence | None = None
    confidence: Confidence = Field(default=None, ge=0, le=1)


class SourceMeta(_Model):
    """Where the article came from."""

    path: str | None = None
    url: str | None = None
    published: str | None = None
    source: str | None = None
    encoding: str | None = None
    title: str | None = None


class ArticleFacts(_Model):
    """Every fact of one article, each tied to the words it came from."""

    schema_version: Literal[1] = SCHEMA_VERSION
    doc_id: str = Field(min_length=1)
    text_sha1: str = Field(pattern=r"^[0-9a-f]{40}$")
    meta: SourceMeta = SourceMeta()
    text: str
    meeting: Meeting = Meeting()
    dates: list[DateMention] = []
    people: list[Person] = []
    awards: list[Award] = []
    percentages: list[Percentage] = []
    quantities: list[Quantity] = []

    @model_validator(mode="after")
    def _evidence_in_text(self) -> "ArticleFacts":
        if hashlib.sha1(self.text.encode("utf-8")).hexdigest() != self.text_sha1:
            raise ValueError(f"{self.doc_id}: text_sha1 does not match the text")
        for where, ev in self.evidence():
            if ev.end > len(self.text) or self.text[ev.start:ev.end] != ev.text:
                raise ValueError(
                    f"{self.doc_id}: {where} evidence {ev.start}:{ev.end} {ev.text!r} "
                    "is not that slice of the text"
                )
        return self

    def evidence(self) -> Iterator[tuple[str, Evidence]]:
        """Every evidence span of the record, with where it sits."""
        m = self.meeting
        for name in ("date_evidence", "host_evidence", "title_evidence"):
            ev = getattr(m, name)
            if ev is not None:
                yield f"meeting.{name}", ev
        for i, d in enumerate(self.dates):
            yield f"dates[{i}]", d.evidence
        for i, p in enumerate(self.people):
            for ev in (*p.evidence, *p.title_evidence):
                yield f"people[{i}]", ev
        for i, a in enumerate(self.awards):
            yield f"awards[{i}]", a.evidence
            if a.issuer_evidence is not None:
                yield f"awards[{i}].issuer", a.issuer_evidence
        for field_name in ("percentages", "quantities"):
            for i, q in enumerate(getattr(self, field_name)):
                yield f"{field_name}[{i}]", q.evidence
                if q.subject_evidence is not None:
                    yield f"{field_name}[{i}].subject", q.subject_evidence


class ExtractionError(_Model):
    """A document that could not be read or extracted, in the errors file."""

    doc_id: str
    source: str | None = None
    reason: str
    message: str


def text_sha1(text: str) -> str:
    """The hash that identifies an article's text (resume, re-index)."""
    return hashlib.sha1(text.encode("utf-8")).hexdigest()
