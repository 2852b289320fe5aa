"""What the stages find, in working-text offsets, before records are built.

Stages write these on the ``Doc`` (``doc._.dates``, ``doc._.people`` ...);
:mod:`pipeline.nlp.record` maps every span back to the original text.
"""
from __future__ import annotations

from dataclasses import dataclass, field

Span = tuple[int, int]


@dataclass
class DateFact:
    """``sáng 15-1`` → day 15, month 1, year resolved from context or ``None``."""

    day: int
    month: int
    year: int | None
    year_from: str
    rule: str
    span: Span
    score: float = 0.0
    is_meeting: bool = False


@dataclass
class PersonFact:
    """A named participant: name span, title spans, roles and every mention."""

    name: str
    name_span: Span
    titles: list[Span] = field(default_factory=list)
    roles: list[str] = field(default_factory=list)
    mentions: list[Span] = field(default_factory=list)
    rule: str = "titled"  # what made the name a person: "cue" (đồng chí, ông, a rank), "list", "titled"


@dataclass
class AwardFact:
    """``12 đảng viên đạt danh hiệu “Hoàn thành xuất sắc nhiệm vụ”``."""

    title: Span
    recipient: str
    count: int
    rule: str
    span: Span
    issuer: Span | None = None
    year: int | None = None
    title_text: str | None = None  # set when the title is completed from a total's
    recipients: Span | None = None  # the named recipients, when named rather than counted


@dataclass
class PercentFact:
    """``100% (32/32) cán bộ`` → value 100, 32/32, its kind, year and subject."""

    value: float
    numerator: int | None
    denominator: int | None
    kind: str
    rule: str
    span: Span
    year: int | None = None
    subject: Span | None = None
    anchor: Span | None = None  # the words whose surroundings decide the kind, when not the whole span
    kind_rule: str = ""  # the cue that decided the kind ("vote_before", "target_frame", "result_end" ...)


@dataclass
class MeetingFact:
    """The reported meeting's host and title spans."""

    host: Span | None = None
    title: Span | None = None


@dataclass
class QuantityFact:
    """``hơn 57.000 đảng viên`` → 57000 "đảng viên", bound over; ``67.055 tỷ đồng`` → base 6.7055e13 "đồng"."""

    value: float
    unit: Span  # the unit as written, multiplier included ("tỷ đồng")
    multiplier: float
    base_unit: str
    bound: str | None
    kind: str
    rule: str
    span: Span  # the bound, the number and the unit
    number: Span  # the number alone, as written
    year: int | None = None
    subject: Span | None = None
