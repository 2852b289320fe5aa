"""Dates stage: every date expression, years resolved, the meeting's own day chosen.

    >>> doc = nlp("Căn cứ Quyết định số 12 ngày 02/01/2024. Sáng ngày 26/01/2024, Văn phòng Tỉnh uỷ tổ chức Hội nghị.")
    >>> [(d.day, d.month, d.year, d.is_meeting) for d in doc._.dates]
    [(2, 1, 2024, False), (26, 1, 2024, True)]
"""
from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass
from functools import cached_property

from spacy.language import Language
from spacy.tokens import Doc

from hoinghi import rules
from hoinghi.pipeline.nlp.facts import DateFact
from hoinghi.pipeline.nlp.stages.text import caseless, doc_text, lowered, rule_regex, sentence_of, sentences

if not Doc.has_extension("dates"):
    Doc.set_extension("dates", default=None)
if not Doc.has_extension("published"):
    Doc.set_extension("published", default=None)

_DAY_PATTERNS = ("dateline", "verbose", "dm_range", "day_range", "dmy", "dm_anchored")


@dataclass(frozen=True)
class Anchor:
    """A day the article is anchored to (dateline, publication, header line)."""

    date: dt.date
    source: str  # dateline | published | header | date_line


class DatesStage:
    """Finds date expressions (``doc._.dates``) and marks the meeting's day."""

    def __init__(self, table: rules.RuleTable, *, min_meeting_score: float = 1.5) -> None:
        self.table = table
        # case-blind rules run on the lowered text (see pipeline.nlp.stages.text.caseless): (rule, regex, on lowered)
        self.rules = [rule_regex(table.pattern(rule_id)) for rule_id in (*_DAY_PATTERNS, "today", "date_line")]
        self.min_meeting_score = min_meeting_score
        self._meeting = re.compile(table.alternation("meeting_cues"), re.IGNORECASE)
        self._foreign = re.compile(r"\b" + table.alternation("foreign_cues") + r"\b", re.IGNORECASE)
        self._header = re.compile(table.alternation("header_cues"), re.IGNORECASE)
        self._other_event = re.compile(r"(?i)\b" + table.alternation("other_event_cues") + r"\b")
        self._first_session = re.compile(r"(?i)\b" + table.alternation("first_session_cues") + r"\b")
        self._years = _YearRules(
            mention=caseless(table.pattern("year_mention").pattern),
            school=caseless(table.pattern("school_year").pattern),
            term=caseless(table.pattern("term").pattern),
            congress=caseless("(?i)" + table.alternation("congress_cues")),
            review=caseless("(?i)" + table.alternation("review_cues")),
        )

    def __call__(self, doc: Doc) -> Doc:
        text = doc_text(doc)
        found = self.find(text, lowered(doc))
        headers = {m.span() for rule_id, m in found if rule_id == "dmy" and self._is_header(text, m)}
        anchor = self.anchor(found, headers, doc._.published)
        context_year = _ContextYears(self._years, lowered(doc))
        sents = sentences(doc)
        facts: list[DateFact] = []
        for rule_id, m in found:
            if rule_id == "date_line":
                continue  # a year and month, no day: only an anchor
            if rule_id == "today":
                if anchor is not None and anchor.source in ("dateline", "published"):
                    d = anchor.date
                    facts.append(DateFact(d.day, d.month, d.year, anchor.source, rule_id, m.span()))
                continue
            day, month = int(m.group("d")), int(m.group("m"))
            if not (1 <= day <= 31 and 1 <= month <= 12):
                continue
            year_text = m.groupdict().get("y")
            if year_text:
                year, source = int(year_text), "text"
            else:
                year, source = self._resolve_year(day, month, anchor, context_year)
            if year is not None and not _valid(year, month, day):
                continue
            facts.append(DateFact(day, month, year, source, rule_id, m.span()))
        for fact in facts:
            fact.score = self._score(text, fact, sents, fact.span in headers)
        best = max(facts, key=lambda f: f.score, default=None)
        if best is not None and best.score >= self.min_meeting_score:
            best = self._first_day(text, best, facts, sents)
            best.is_meeting = True
        doc._.dates = facts
        return doc

    def _first_day(self, text: str, best: DateFact, facts: list[DateFact], sents: list[tuple[int, int]]) -> DateFact:
        """The meeting's first day when a session before the main day is told after it:
        "Hôm nay (5-3), Đại hội khai mạc ... Sáng 4-3, Đại hội họp phiên trù bị" → 4-3."""
        if best.year is None:
            return best
        main = dt.date(best.year, best.month, best.day)
        for f in facts:
            if f is best or f.year is None or f.span[0] < best.span[0]:
                continue
            days = (main - dt.date(f.year, f.month, f.day)).days
            s_start, s_end = sentence_of(sents, f.span[0])
            if 1 <= days <= 3 and self._first_session.search(text, s_start, s_end):
                return f
        return best

    def find(self, text: str, low: str) -> list[tuple[str, re.Match[str]]]:
        """Every date expression, most specific rule first, none inside another (``low``: the lowered text)."""
        taken = bytearray(len(text) + 1)  # characters already read by a more specific rule
        out: list[tuple[str, re.Match[str]]] = []
        for rule, regex, on_lowered in self.rules:
            target = low if on_lowered else text
            if not rule.may_match(target):
                continue
            for m in regex.finditer(target):
                start, end = m.span()
                if any(taken[start:end]):
                    continue
                taken[start:end] = b"\x01" * (end - start)
                out.append((rule.id, m))
        out.sort(key=lambda item: item[1].start())
        return out

    def anchor(self, found: list[tuple[str, re.Match[str]]], headers: set[tuple[int, int]],
               published: str | None) -> Anchor | None:
        """The day the article is written on, if it says so."""
        if published:
            try:
                return Anchor(dt.date.fromisoformat(published[:10]), "published")
            except ValueError:
                pass
        for rule_id, m in found:
            if rule_id == "dateline" and m.start() < 200:
                d = _date(m)
                if d:
                    return Anchor(d, "dateline")
        yearless = next((m.start() for rule_id, m in found if rule_id in ("dm_anchored", "day_range")
                         and not m.groupdict().get("y")), 400)
        stamps = [m for rule_id, m in found if m.span() in headers and m.start() < max(400, yearless)]
        for m in reversed(stamps):  # the article's own time stamp, after the site's date of today
            d = _date(m)
            if d:
                return Anchor(d, "header")
        line = next((m for rule_id, m in found if rule_id == "date_line" and m.start() < 200), None)
        if line:
            year, month = int(line.group("y")), int(line.group("m"))
            if 1 <= month <= 12:
                return Anchor(dt.date(year, month, 28), "date_line")
        return None

    def _is_header(self, text: str, m: re.Match[str]) -> bool:
        """A full date standing alone on a line, or after "Cập nhật", "Lượt xem"...: publication."""
        line_start = text.rfind("\n", 0, m.start()) + 1
        line_end = text.find("\n", m.end())
        line_end = len(text) if line_end < 0 else line_end
        before, after = text[line_start:m.start()], text[m.end():line_end]
        if self._header.match(before.strip()) and len(before.strip()) <= 30:
            return True  # "Thứ Tư, 21/08/2024", "Cập nhật ngày : 13/01/2022" open their line
        if re.fullmatch(r"[\s|\-–:\d]*", after) and not self._meeting.search(before[-40:].lower()):
            # date closing a headline or standing alone
            return len(before.strip()) == 0 or not re.search(r"(?i)\b(ngày|sáng|chiều|tối)\s*$", before)
        return False

    def _resolve_year(self, day: int, month: int, anchor: Anchor | None,
                      context: "_ContextYears") -> tuple[int | None, str]:
        if anchor is not None and anchor.source == "date_line":
            year = context.year_for(month)  # the years the article reviews beat the crawl's month
            if year is not None and context.term_start is None and context.school is None \
                    and anchor.date.year not in context.years:
                return year, "context"
        if anchor is not None:
            year = anchor.date.year
            if _valid(year, month, day) and dt.date(year, month, day) > anchor.date + dt.timedelta(days=40):
                year -= 1
            return year, anchor.source if anchor.source != "header" else "published"
        year = context.year_for(month)
        return (year, "context") if year is not None else (None, "none")

    def _score(self, text: str, fact: DateFact, sents: list[tuple[int, int]], is_header: bool) -> float:
        """How likely this date is the meeting's own day.

        A time word before it ("Sáng 11/1", "vào lúc") or "Ngày" opening it, a meeting
        word in its sentence and a written year count for it; a decision's or a
        deadline's words before it ("Quyết định số ... ngày"), another event's
        ("Trước đó, ngày 10/7", "Theo kế hoạch, ngày 28/7 ... sẽ"), a header line,
        and lateness in the article count against it.
        """
        start, end = fact.span
        s_start, s_end = sentence_of(sents, start)
        sentence = text[s_start:s_end]
        before = text[max(s_start, start - 60):start]
        matched = text[start:end]
        score = 0.0
        if re.search(r"(?i)\b(sáng|chiều|tối|trưa|vào|hôm nay|hôm qua|lúc|đêm)\b[^.;]{0,25}$", before) or \
                re.match(r"(?i)(sáng|chiều|tối|trưa|hôm|đêm)\b", matched) or fact.rule == "today":
            score += 2.0
        elif re.search(r"(?i)\bngày\s*$", before) or re.match(r"(?i)ngày\b", matched):
            score += 1.5
        if self._meeting.search(sentence):
            score += 1.5
        if fact.year_from == "text":
            score += 0.5
        cue_zone, event_zone = before[-45:], text[s_start:start]
        timed = re.search(r"(?i),\s*(?:sáng|chiều|tối|trưa|hôm nay)\b[^,]*$", cue_zone)
        if timed and re.match(r"(?i)\s*căn cứ\b", sentence):
            # "Căn cứ kế hoạch ..., sáng 12/3, Đảng ủy tổ chức": the document is of the clause before
            cue_zone = event_zone = cue_zone[timed.start():]
        if fact.rule in ("day_range", "dm_range"):
            score += 1.0  # a meeting over several days: its first day
        elif self._foreign.search(cue_zone):
            score -= 4.0
        if _SPAN_OF_YEARS.match(text, end) or re.search(r"\d\s*[-–]\s*$", text[max(0, start - 3):start]):
            score -= 4.0  # one end of an anniversary's span: "(28/8/1945-28/8/2025)"
        if self._other_event.search(event_zone) or re.search(r"(?i)\bsẽ\b", text[end:s_end]):
            score -= 3.0
        if is_header:
            score -= 3.0  # the publication date standing on its own line
        score -= start / max(len(text), 1) * 1.5  # earlier is likelier
        if fact.year is None:
            score -= 0.25
        return score


@dataclass(frozen=True)
class _YearRules:
    """The case-blind patterns :class:`_ContextYears` reads, compiled for the lowered text."""

    mention: re.Pattern[str]
    school: re.Pattern[str]
    term: re.Pattern[str]
    congress: re.Pattern[str]
    review: re.Pattern[str]


_SPAN_OF_YEARS = re.compile(r"\s*[-–]\s*\d{1,2}\s?[/.\-]\s?\d{1,2}\s?[/.\-]\s?(?:19|20)\d{2}")
_YEAR_WORD = re.compile(r"năm\s+((?:19|20)\d{2})")


class _ContextYears:
    """Years the article talks about, to date a day-month with no year; read only when one is asked for.

    "Hội nghị ... năm 2023" held 12/12 is 2023; held 4/1, with nothing said of
    2024, it is the January after; a congress of "nhiệm kỳ 2023-2028" is in 2023.
    """

    def __init__(self, patterns: _YearRules, low: str) -> None:
        self.patterns = patterns
        self.low = low  # the lowered working text

    @cached_property
    def years(self) -> Counter[int]:
        return Counter(int(m.group("y")) for m in self.patterns.mention.finditer(self.low)
                       if not self.low.endswith("sinh ", 0, m.start()))  # "sinh năm 1945" dates nothing

    @cached_property
    def school(self) -> tuple[int, int] | None:
        school = self.patterns.school.search(self.low)
        return (int(school.group("y")), int(school.group("y2"))) if school else None

    @cached_property
    def term_start(self) -> int | None:
        term = self.patterns.term.search(self.low)
        return int(term.group("y")) if term and self.patterns.congress.search(self.low) else None

    @cached_property
    def reviewed(self) -> int | None:
        for m in _YEAR_WORD.finditer(self.low):
            if self.patterns.review.search(self.low, max(0, m.start() - 80), m.start()):
                return int(m.group(1))
        return None

    def year_for(self, month: int) -> int | None:
        if self.term_start is not None:
            return self.term_start
        if self.school is not None:
            return self.school[0] if month >= 8 else self.school[1]
        if not self.years:
            return None
        latest = max(self.years)
        if month <= 3:
            if latest - 1 not in self.years and self.reviewed == latest:
                return latest + 1  # "tổng kết năm 2024" on 4/1, nothing said of 2025
            return latest  # reviews 2023 and plans 2024: held in early 2024
        if month >= 10 and latest - 1 in self.years:
            return latest - 1
        return self.years.most_common(1)[0][0] if month < 10 else latest


def _valid(year: int, month: int, day: int) -> bool:
    try:
        dt.date(year, month, day)
    except ValueError:
        return False
    return True


def _date(m: re.Match[str]) -> dt.date | None:
    try:
        return dt.date(int(m.group("y")), int(m.group("m")), int(m.group("d")))
    except (ValueError, TypeError, IndexError):
        return None


@Language.factory("hoinghi_dates", assigns=["doc._.dates"], default_config={"min_meeting_score": 1.5})
def make_dates(nlp: Language, name: str, *, min_meeting_score: float) -> DatesStage:
    """``nlp.add_pipe("hoinghi_dates")``: the dates stage over ``rules/dates.yaml``."""
    return DatesStage(rules.load("dates"), min_meeting_score=min_meeting_score)
