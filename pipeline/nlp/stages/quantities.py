"""Quantities stage: every stated count or amount, its unit, bound, kind, year and subject.

    >>> doc = nlp("Đại hội có 350 đại biểu chính thức, đại diện cho hơn 57.000 đảng viên.")
    >>> [(q.value, doc.text[q.unit[0]:q.unit[1]], q.bound) for q in doc._.quantities]
    [(350.0, 'đại biểu', None), (57000.0, 'đảng viên', 'over')]

The stage runs after the dates, awards and percentages stages and never reads
a number they took: one number, one fact ("khen thưởng 12 đảng viên" is an
award count, not a quantity).
"""
from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass

from spacy.attrs import IDX, IS_SPACE, LENGTH
from spacy.language import Language
from spacy.tokens import Doc

from hoinghi import rules
from hoinghi.pipeline.nlp.facts import PercentFact, QuantityFact, Span
from hoinghi.pipeline.nlp.stages.text import (
    doc_text,
    figure_year,
    lower_same_length,
    lowered,
    parse_decimal,
    sentence_of,
    sentences,
    trim_span,
)
from hoinghi.pipeline.nlp.textmap import normalize

if not Doc.has_extension("quantities"):
    Doc.set_extension("quantities", default=None)

_CLAUSE_MARKS = ";:\n"
_SUBJECT_MARKS = ",;:.()\n\"“”"


@dataclass(frozen=True, slots=True)
class _Word:
    """A token: its text (lowered for lexicon look-ups) and its span in the working text."""

    low: str
    start: int
    end: int
    upper: bool


def _pairs(words: tuple[str, ...]) -> dict[str, str]:
    return dict(_low(w).split("=", 1) for w in words)  # type: ignore[misc]


def _low(word: str) -> str:
    return lower_same_length(normalize(word).text)


class QuantitiesStage:
    """Finds counts and amounts (``doc._.quantities``) in one pass over the doc's words."""

    def __init__(self, table: rules.RuleTable) -> None:
        lex = table.lexicon
        self.digits = table.pattern("digits").regex
        # where a number may begin: a digit after no digit, or a number word (on the lowered text)
        # where a number may begin, on the lowered text: a digit that does not continue a number or a date and
        # is no year ("năm 2024"), or a number word that no digit follows ("năm 2024" again); the look-ahead
        # lets the regex engine jump between the characters a match can begin with
        words = sorted((w for w in self.word_values_keys(lex("number_words"))
                        if w not in ("lăm", "mốt", "linh", "lẻ", "tư", "một")), key=len, reverse=True)
        firsts = "".join(sorted({w[0] for w in words}))
        self.candidate = re.compile(rf"(?=[\d{firsts}])(?:(?<![\d.,/\-])(?<!năm )\d"
                                    rf"|(?<!\w)(?:{'|'.join(words)})(?!\w)(?! \d))")
        self.number_words = table.pattern("words").regex
        self.word_values = {k: int(v) for k, v in _pairs(lex("number_words")).items()}
        self.multipliers = {k: float(v) for k, v in _pairs(lex("multipliers")).items()}
        self.bounds = _pairs(lex("bounds"))
        words = {key: frozenset(_low(w) for w in lex(key)) for key in (
            "measures", "counted_nouns", "member_nouns", "not_after", "not_units", "ordinal_before",
            "change_before", "subject_stops", "subject_tail_cuts")}
        self.measures = words["measures"] | {_low(w) for w in ("tỷ đồng", "triệu đồng", "nghìn đồng")}
        self.counted, self.members = words["counted_nouns"], words["member_nouns"]
        self.not_after, self.not_units = words["not_after"], words["not_units"]
        self.ordinal_before, self.change_before = words["ordinal_before"], words["change_before"]
        self.subject_stops, self.tail_cuts = words["subject_stops"], words["subject_tail_cuts"]
        self.not_before_words = frozenset(_low(w) for w in lex("not_before_number_words"))
        self.recipients = frozenset(_low(w) for w in lex("award_recipients"))
        self.award_verb = re.compile(rf"\b{_alternation(lex('award_verbs'))}\b")
        self.award_quality = re.compile(rf"\s+{_alternation(lex('award_qualities'))}\b")
        self.body_head = re.compile(rf"(?<!\w){_body_alternation(lex('body_heads'))}(?!\w)")
        self.into_body = re.compile(rf"[^.;\n]{{0,40}}?\b(?:được bầu vào|bầu vào|vào)\s+(?P<b>{_body_alternation(lex('body_heads'))}"
                                    r"[^.;,\n(]{0,80})")
        self.title_gom = re.compile(rf"(?<!\w)(?P<t>{_body_alternation(lex('member_titles'))}[^\W\d]*(?:\s+[^\W\d]+){{0,4}}?)"
                                    r"\s+gồm(?:\s+có)?\s*:?\s*$")
        self.bodies_of = frozenset(_low(w) for w in lex("bodies_of_places"))
        self.page_counters = frozenset(_low(w) for w in lex("page_counters"))
        self.classifiers = frozenset(_low(w) for w in lex("classifiers"))
        self.generic_units = frozenset(_low(w) for w in lex("generic_units"))
        self.action_re = re.compile(rf"\b{_alternation(lex('action_words'))}\b")
        self.action_after = re.compile(rf"\s+(?P<a>(?:có|bị|phải|đã|được)\s+{_alternation(lex('action_words'))}[^,;.()\n]{{0,40}}?)"
                                       r"(?=\s*[,;.()\n]|\s+(?:và|trong|với)\b|$)")
        self.verb_re = re.compile(rf"\b{_alternation(lex('subject_verbs'))}\b")
        self.both_kinds = re.compile(r"(?i)\s*(?:,|và)\s*(?:cá nhân|tập thể)\b")
        self.target_re = re.compile(rf"\b{_alternation(lex('target_cues'))}\b")
        self.result_re = re.compile(rf"\b{_alternation(lex('result_cues'))}\b")
        self.compare_re = re.compile(rf"\b{_alternation(lex('compare_after'))}\b")
        tails = sorted(self.tail_cuts, key=len, reverse=True)
        self.tail_re = re.compile(r"(?:\s+|^)(?:" + "|".join(re.escape(w) for w in tails) + r")\s*$")

    @staticmethod
    def word_values_keys(entries: tuple[str, ...]) -> list[str]:
        return [_low(e).split("=", 1)[0] for e in entries]

    def __call__(self, doc: Doc) -> Doc:
        text = doc_text(doc)
        low = lowered(doc)
        taken = _taken(doc, text, len(text))
        words = _Words(doc, text, low)
        sents = sentences(doc)
        facts: list[QuantityFact] = []
        after = 0  # words before this index are read
        for m in self.candidate.finditer(low):
            i = words.at(m.start())
            if i is None or i < after:
                continue
            found = self._number(words, i)
            if found is None:
                continue
            value, j, rule = found
            fact = None if any(taken[words[i].start:words[j - 1].end]) else self._fact(text, words, i, j, value, rule)
            if fact is None and facts and rule == "digits" and not any(taken[words[i].start:words[i].end]):
                fact = self._breakdown(text, words, i, facts[-1], sents)
            if fact is not None:
                facts.append(fact)
            after = j
        previous: QuantityFact | None = None
        after_prev = 0  # where the figure before ends: "giảm chi 10.221 tỷ đồng và kiến nghị khác 43.895 tỷ đồng"
        for fact in facts:
            s_start, s_end = sentence_of(sents, fact.number[0])
            if s_start == s_end:
                s_start, s_end = 0, len(text)
            fact.kind = self._kind(low, fact, s_start, s_end)
            if fact.subject is None:
                fact.subject = self._subject(text, low, words, fact, s_start, after_prev)
                fact.subject = self._action(text, low, fact, s_start, previous) or fact.subject
                if fact.subject is None and previous is not None and previous.base_unit == fact.base_unit:
                    fact.subject = previous.subject  # "đạt 2.110 USD/người/năm (năm 2015 là 1.348 USD/người/năm)"
                fact.subject = self._of_bodies(text, words, fact) or fact.subject
            after_prev, previous = fact.span[1], fact
            fact.year = figure_year(text, s_start, s_end, fact.span[0], fact.span[1])
        self._pairs_share(text, low, facts, sents)
        _shares_of_figures(text, facts, doc._.percentages or [])
        doc._.quantities = _drop_repeats(text, facts)
        return doc

    # -- the number and its unit ---------------------------------------------
    def _number(self, words: _Words, i: int) -> tuple[float, int, str] | None:
        """(value, index after the number's words, rule) of a number starting at word ``i``."""
        w = words[i]
        if w.low[:1].isdigit():
            if not self.digits.match(w.low):
                return None
            raw = w.low
            if raw.startswith("0") and len(raw.replace(".", "")) >= 7:
                return None  # a phone number: "0912.345.678"
            return parse_decimal(raw), i + 1, "digits"
        if not self.number_words.match(w.low + " "):
            return None
        j = i + 1
        while j < len(words) and self.number_words.match(words[j].low + " ") and words[j].start - words[j - 1].end <= 1:
            j += 1
        value = _word_value(" ".join(x.low for x in words[i:j]).split(), self.word_values)
        if value is None:
            return None
        return float(value), j, "words"

    def _fact(self, text: str, words: _Words, i: int, j: int, value: float, rule: str) -> QuantityFact | None:
        prev = words[i - 1] if i > 0 else None
        prev2 = f"{words[i - 2].low} {prev.low}" if i > 1 and prev else ""
        if prev is not None and (prev.low in self.ordinal_before or prev2 in self.ordinal_before):
            return None  # "kỳ họp thứ 6", "số 12", "năm 2023"
        if j >= len(words):
            return None
        k = j
        multiplier = 1.0
        unit_word = words[k]
        unit_low, base_start = unit_word.low, unit_word.start
        first, _, rest = unit_low.partition(" ")
        if first in self.multipliers:
            multiplier = self.multipliers[first]
            if rest:  # one token "tỷ đồng"
                unit_low, base_start = rest, unit_word.start + len(first) + 1
            else:
                k += 1
                if k >= len(words) or words[k].start - unit_word.end > 1:
                    return None
                unit_word = words[k]
                unit_low, base_start = unit_word.low, unit_word.start
        for n in (3, 2):  # "95 cấp ủy viên", "3 Phó chủ tịch": a counted noun of words the tokenizer split
            last = k + n - 1
            if last < len(words) and all(words[x + 1].start - words[x].end == 1 for x in range(k, last)):
                phrase = " ".join(words[x].low for x in range(k, last + 1))
                if phrase in self.counted and unit_low not in self.counted:
                    unit_word = _Word(phrase, unit_word.start, words[last].end, unit_word.upper)
                    unit_low, k = phrase, last
                    break
        if not _same_line(text[words[j - 1].end:words[j].start]):
            return None  # "Lượt xem: 118" then a new line: the number stands alone
        if _in_quotes(text, words[i].start):
            return None  # "“5 không, 3 sạch”": a slogan's number, no count
        unit_text = text[unit_word.start:unit_word.end]
        if unit_text.isupper() and not unit_text.isascii() and unit_low not in self.measures:
            return None  # "... 3 SẠCH": a headline in capitals, no unit
        if len(unit_low) < 2 and unit_low not in self.measures:
            return None  # "2x": a letter, no unit
        if value == 1 and prev is not None and prev.low in ("trên", "mỗi", "/"):
            return None  # "trên 1 ha": a figure per unit, not a count
        if unit_low == "lượt" and k + 1 < len(words) and words[k + 1].low in self.page_counters:
            return None  # "412 lượt xem": the page's counter
        if not unit_low or not unit_low[0].isalpha() or unit_low in self.not_units or any(c.isdigit() for c in unit_low):
            return None
        if unit_low in self.not_after or unit_low.split(" ", 1)[0] in self.not_after:
            return None  # "5 năm", "75 tuổi", "3 ngày"
        if rule == "words" and ((unit_low not in self.counted and unit_low not in self.measures)
                                or (prev is not None and prev.low in self.not_before_words)):
            return None  # "ba công khai", "hàng năm chi bộ": a number word counts only before a counted noun
        if unit_low in self.recipients and not self.both_kinds.match(text, unit_word.end) and (
                self.award_verb.search(self._clause_low(text, words[i].start))
                or self.award_quality.match(lower_same_length(text[unit_word.end:unit_word.end + 40]))):
            return None  # "trao thưởng cho 19 đồng chí": an award's count, even one the awards stage left
        if prev is not None and (prev.low[:1].isdigit() or (prev.low in ("-", "–") and (
                prev.end == words[i].start or (i > 1 and words[i - 2].upper)))):
            return None  # "22 12 ...", "Covid-19"
        if self._in_range(words, i, j):
            return None  # "từ 10 đến 15 người"
        if prev is not None and prev.upper and i > 0 and not self._opens_sentence(text, prev) \
                and prev.low not in self.bounds and unit_low not in self.counted and unit_low not in self.members \
                and unit_low not in self.measures:
            return None  # "Quân khu 7 tổ chức": a number inside a name
        end = unit_word.end
        k += 1
        while k + 1 < len(words) and words[k].low == "/" and words[k].start == end \
                and words[k + 1].low[:1].isalpha() and words[k + 1].start == words[k].end:
            end = words[k + 1].end  # "triệu đồng/người/năm"
            k += 2
        if k + 1 < len(words) and words[k].low == "/" and words[k + 1].low[:1].isdigit():
            return None  # "40.975 tỷ đồng/49.940 tỷ đồng": a fraction's parts
        bound, b_start = self._bound(words, i)
        base_unit = text[base_start:end]
        return QuantityFact(
            value=value, unit=(words[j].start, end), multiplier=multiplier, base_unit=base_unit, bound=bound,
            kind="result", rule=f"{rule}/{'measure' if unit_low in self.measures else 'count'}",
            span=(b_start, end), number=(words[i].start, words[j - 1].end),
        )

    def _breakdown(self, text: str, words: _Words, i: int, head: QuantityFact,
                   sents: list[Span]) -> QuantityFact | None:
        """A number without a unit in a bracketed breakdown of the figure before it.

        "kỷ luật 63 đảng viên (khiển trách 15, cảnh cáo 20)" → 15 and 20 "đảng viên".
        """
        w = words[i]
        nxt = words[i + 1].low if i + 1 < len(words) else ""
        prev = words[i - 1] if i > 0 else None
        if nxt not in (",", ")", ";", "và") or prev is None or not prev.low[:1].isalpha() \
                or prev.low in self.not_units or prev.low in self.ordinal_before:
            return None
        s_start, _ = sentence_of(sents, w.start)
        if head.span[1] < s_start or head.span[1] > w.start:
            return None
        opened = text.rfind("(", head.span[1] if "(" in text[head.span[1]:w.start] else s_start, w.start)
        if opened < 0 or ")" in text[opened:w.start]:
            return None
        cut = max(text.rfind(ch, opened, prev.start) for ch in "(,;") + 1
        subject = trim_span(text, cut, prev.end)
        return QuantityFact(
            value=parse_decimal(w.low), unit=head.unit, multiplier=head.multiplier, base_unit=head.base_unit,
            bound=None, kind="result", rule="digits/breakdown", span=(subject[0], w.end), number=(w.start, w.end),
            subject=subject,
        )

    @staticmethod
    def _clause_low(text: str, pos: int) -> str:
        start = max(text.rfind(ch, 0, pos) for ch in ".;\n") + 1
        return lower_same_length(text[max(start, pos - 120):pos])

    @staticmethod
    def _opens_sentence(text: str, word: _Word) -> bool:
        before = text[:word.start].rstrip(" \t")
        return not before or before[-1] in ".\n:;!?-–•*"

    def _bound(self, words: _Words, i: int) -> tuple[str | None, int]:
        """over, under or about from the words before the number, and where they begin."""
        for n in (2, 1):
            if i - n < 0:
                continue
            phrase = " ".join(w.low for w in words[i - n:i])
            if phrase in self.bounds:
                return self.bounds[phrase], words[i - n].start
        return None, words[i].start

    def _in_range(self, words: _Words, i: int, j: int) -> bool:
        nxt = words[j].low if j < len(words) else ""
        after = words[j + 1].low if j + 1 < len(words) else ""
        if nxt in ("-", "–", "đến", "tới", "/") and after[:1].isdigit():
            return True
        if nxt in ("-", "–", "/", "%", ":"):
            return True  # "05-NQ", "14:00", a fraction or a share the other stages read
        prev = words[i - 1].low if i > 0 else ""
        if prev == "/":
            return True  # "đồng/49.940": the whole of a fraction
        before = words[i - 2].low if i > 1 else ""
        return prev in ("-", "–", "đến", "tới", "/", "trong") and before[:1].isdigit()  # "1 trong 3 đơn vị"

    # -- kind, subject -------------------------------------------------------
    def _kind(self, low: str, fact: QuantityFact, s_start: int, s_end: int) -> str:
        """target, result or other, from the words of the figure's clause.

        "tăng 120 hộ" or "... so với năm trước" is other; "phấn đấu thu ngân sách 1.500 tỷ
        đồng" is target unless a result word stands between the cue and the number
        ("kế hoạch đề ra, đã kết nạp 520 hội viên").
        """
        c_start = max(low.rfind(ch, s_start, fact.span[0]) for ch in _CLAUSE_MARKS) + 1 or s_start
        c_start = max(c_start, s_start)
        last = re.findall(r"\w+", low[max(c_start, fact.span[0] - 30):fact.span[0]])[-2:]
        if last and (last[-1] in self.change_before or " ".join(last) in self.change_before):
            return "other"  # "tăng 120 hộ", "(vượt 38 kiến nghị)"
        comma = low.find(",", fact.span[1], s_end)
        post_end = min(p for p in (comma, low.find(";", fact.span[1], s_end), s_end) if p >= 0)
        if self.compare_re.search(low, fact.span[1], min(post_end, fact.span[1] + 60)):
            return "other"
        targets = [m.end() for m in self.target_re.finditer(low, s_start, fact.span[0])
                   if not self.result_re.search(low, max(s_start, m.start() - 25), m.start())]  # "đạt các chỉ tiêu"
        if targets:
            results = [m.start() for m in self.result_re.finditer(low, max(targets), fact.span[0])]
            if not results:
                return "target"
        return "result"

    def _subject(self, text: str, low: str, words: _Words, fact: QuantityFact, s_start: int,
                 after_prev: int) -> Span | None:
        """The shortest phrase saying what is counted.

        A measure ("1.172 tỷ đồng") is about what stands before it in its clause ("thu
        ngân sách đạt" → "thu ngân sách"); members counted for a body ("Ban Chấp hành
        gồm 55 đồng chí", "bầu 15 đồng chí vào Ban Thường vụ") are the body's; else the
        counted noun and the words that describe it ("350 đại biểu chính thức, ...").
        """
        unit_low = low[fact.unit[0]:fact.unit[1]]
        base = low[fact.unit[1] - len(fact.base_unit):fact.unit[1]].split("/", 1)[0]
        if base in self.measures or unit_low in self.measures:
            return self._before(text, low, fact.span[0], max(s_start, after_prev))
        if base in self.members:
            body = self._body(text, low, fact, s_start)
            if body is not None:
                return body
        start, end = fact.unit[1] - len(fact.base_unit), fact.unit[1]
        n = words.first_from(end)
        kept = 0
        while n < len(words) and kept < 5:
            w = words[n]
            gap = text[end:w.start]
            if w.low in ("và", ",") and not gap.strip():
                # "viên chức và người lao động", "nhiệm vụ, mục tiêu cơ bản"; not "8.760 hộ và 2.300 hộ"
                nxt = words[n + 1] if n + 1 < len(words) else None
                if nxt is None or not nxt.low[:1].isalpha() or nxt.upper or nxt.low in self.subject_stops \
                        or nxt.low in self.bounds or self._figure_ahead(words, n + 1):
                    break
                end, n, kept = nxt.end, n + 2, kept + 2
                continue
            if w.low in self.bounds:
                break
            elif gap.strip() or "\n" in gap or w.low in self.subject_stops or not w.low[:1].isalpha():
                break
            end = w.end
            n += 1
            kept += 1
        if end == fact.unit[1] and base in self.classifiers:  # "kiểm sát trực tiếp 231 cuộc": the work it counts
            return self._before(text, low, fact.span[0], max(s_start, after_prev)) or trim_span(text, start, end)
        return trim_span(text, start, end)

    def _action(self, text: str, low: str, fact: QuantityFact, s_start: int,
                previous: QuantityFact | None) -> Span | None:
        """What was done to a bare count of members or bodies, when that is what the figure counts.

        "Ủy ban đã thi hành kỷ luật 12 tổ chức đảng và 40 đảng viên" → both "Ủy ban đã thi hành
        kỷ luật"; "60 đảng viên có vi phạm" → "có vi phạm".
        """
        if fact.subject is None or low[fact.subject[0]:fact.subject[1]] not in self.generic_units:
            return None
        after = self.action_after.match(low, fact.subject[1])
        if after:
            return trim_span(text, after.start("a"), after.end("a"))
        if previous is not None and previous.subject is not None and self._paired(low, previous, fact, s_start):
            return previous.subject  # "... 3.005 tổ chức đảng và 8.982 đảng viên"
        c_start = max(max(low.rfind(ch, s_start, fact.span[0]) for ch in ",;:(\n") + 1, s_start)
        if previous is not None and s_start <= previous.span[1] <= fact.span[0]:
            c_start = max(c_start, (previous.subject[1] if previous.subject and previous.subject[1] < fact.span[0]
                                    else previous.span[1]))
        if not self.action_re.search(low, c_start, fact.span[0]):
            return None
        s, e = trim_span(text, c_start, fact.span[0])
        tail = re.search(r"(?:\s+(?:đối với|với|cho|đến))+\s*$", low[s:e])
        if tail:
            e = s + tail.start()
        lead = re.match(r"(?:trong đó|qua đó|kết quả|riêng)\s+", low[s:e])
        if lead:
            s += lead.end()
        s, e = trim_span(text, s, e)
        if e - s < 3 or len(text[s:e].split()) > 14:
            return None
        return s, e

    def _of_bodies(self, text: str, words: _Words, fact: QuantityFact) -> Span | None:
        """Bodies of each counted place: "Đảng ủy 16 phường" counts the wards' party committees."""
        i = words.at(fact.number[0])
        if not i or fact.bound is not None or fact.subject is None or fact.subject[0] < fact.unit[0]:
            return None
        for n in (2, 1):  # "Đảng ủy" may be one word or two
            if i - n < 0:
                continue
            phrase = " ".join(w.low for w in words[i - n:i])
            if phrase in self.bodies_of and words[i - 1].end + 1 == words[i].start:
                return words[i - n].start, fact.subject[1]
        return None

    @staticmethod
    def _paired(low: str, first: QuantityFact, second: QuantityFact, s_start: int) -> bool:
        """Whether two figures are joined as one pair: "1.200 tổ chức đảng và 5.300 đảng viên"."""
        return first.span[1] >= s_start and re.fullmatch(r"(?:\s+\w+){0,2}\s*(?:,|và)\s*",
                                                         low[first.span[1]:second.span[0]]) is not None

    def _pairs_share(self, text: str, low: str, facts: list[QuantityFact], sents: list[Span]) -> None:
        """The first of a pair takes what was done from the second: "1.200 tổ chức đảng và 5.300 đảng viên có vi phạm"."""
        for first, second in zip(facts, facts[1:]):
            if first.subject is None or second.subject is None or first.subject == second.subject:
                continue
            if low[first.subject[0]:first.subject[1]] not in self.generic_units \
                    or low[second.subject[0]:second.subject[1]] in self.generic_units:
                continue
            s_start, _ = sentence_of(sents, first.number[0])
            if second.subject[0] > second.span[1] and self._paired(low, first, second, s_start):
                first.subject = second.subject

    @staticmethod
    def _figure_ahead(words: _Words, n: int) -> bool:
        """Whether a number comes within a few words, before any punctuation: "và kiến nghị xử lý 67.000"."""
        for w in words[n:n + 7]:
            if w.low[:1].isdigit():
                return True
            if not w.low[:1].isalpha():
                return False
        return False

    def _body(self, text: str, low: str, fact: QuantityFact, s_start: int) -> Span | None:
        """The body members are counted for: "bầu 15 đồng chí vào Ban Thường vụ", "Ban Chấp hành gồm 55 đồng chí"."""
        into = self.into_body.match(text, fact.unit[1])
        if into:
            return self._body_name(text, into.start("b"), into.end("b"))
        title = self.title_gom.search(text, max(0, fact.span[0] - 80), fact.span[0])  # no stop inside it
        if title:  # "Phó Bí thư Tỉnh đoàn gồm 3 đồng chí": the holders of a title
            return trim_span(text, *title.span("t"))
        window = max(s_start, fact.span[0] - 160)
        heads = [m for m in self.body_head.finditer(text, window, fact.span[0])]
        if not heads:
            return None
        head = heads[-1]
        between = low[head.start():fact.span[0]]
        if re.search(r";|\.\s", between) or not re.search(r"(?:gồm(?: có)?|với|là|có)\s*:?\s*$|[^\W\d]\s*$", between):
            return None
        if re.search(r"\b(?:gồm|với)\b", between) is None and not re.search(r"[^\W\d]\s*$", between.rstrip()):
            return None
        cut = re.search(r"\s+(?:khóa|khoá|nhiệm kỳ|gồm|với|là|có)\b|,", text[head.start():fact.span[0]])
        end = head.start() + cut.start() if cut else fact.span[0]
        return self._body_name(text, head.start(), end)

    @staticmethod
    def _body_name(text: str, start: int, end: int) -> Span:
        cut = re.search(r"\s+(?:khóa|khoá|nhiệm kỳ)\b|[,;.(]", text[start:end])
        return trim_span(text, start, start + cut.start() if cut else end)

    def _before(self, text: str, low: str, pos: int, s_start: int) -> Span | None:
        end = pos
        bracket = re.search(r"\s*\([^()]{1,30}\)\s*$", text[s_start:pos])
        if bracket:  # "tăng thu ngân sách nhà nước (NSNN) 7.486 tỷ đồng"
            end = s_start + bracket.start()
        c_start = max(max(low.rfind(ch, s_start, end) for ch in ",;:(\n") + 1, s_start)
        s, e = trim_span(text, c_start, end)
        while e > s:
            m = self.tail_re.search(low, s, e)
            if not m or m.start() == m.end():
                break
            e = m.start()
        s, e = trim_span(text, s, e)
        if e <= s and c_start > s_start and text[c_start - 1] == ",":  # "thu nhập bình quân đầu người đạt cao, trên 71 triệu đồng"
            return self._before(text, low, c_start - 1, s_start)
        lead = re.match(r"(?i)(?:và|trong đó|riêng|ngoài ra|đặc biệt|đồng thời|qua đó|theo đó)\s+", text[s:e])
        if lead:
            s += lead.end()
        joined = low.rfind(" với ", s, e)
        if joined >= 0 and e - (joined + 5) > 2:  # "12 công trình thanh niên với tổng giá trị 1,3 tỷ đồng"
            s = joined + 5
        verb = list(self.verb_re.finditer(low, s, e))
        if verb and len(text[s:e].split()) > 6:  # "phụ nữ toàn huyện đã ủng hộ được tổng số tiền" → "tổng số tiền"
            s = verb[-1].end()
        years = re.match(r"(?i)(?:trong\s+)?năm\s+\d{4}\s*,?\s*", text[s:e])
        if years:
            s += years.end()
        s, e = trim_span(text, s, e)
        if e - s < 2 or len(text[s:e].split()) > 12:
            return None
        return s, e


class _Words:
    """The doc's words, made into ``_Word`` only where the stage looks (around numbers).

    Offsets come from one ``Doc.to_array`` call: a spaCy ``Token`` or a ``_Word`` for
    every word would cost more than the rest of the stage. A word underthesea joined
    to a number ("2.300 hộ") is two words here.
    """

    def __init__(self, doc: Doc, text: str, low: str) -> None:
        self.text, self.low = text, low
        arr = doc.to_array([IDX, LENGTH, IS_SPACE])
        arr = arr[arr[:, 2] == 0]
        starts, ends = arr[:, 0].tolist(), (arr[:, 0] + arr[:, 1]).tolist()
        joined = [k for k, start in enumerate(starts) if low[start].isdigit() and " " in low[start:ends[k]]]
        for k in reversed(joined):
            cut = low.index(" ", starts[k])
            starts.insert(k + 1, cut + 1)
            ends.insert(k, cut)
        self.starts, self.ends = starts, ends
        self.made: dict[int, _Word] = {}

    def __len__(self) -> int:
        return len(self.starts)

    def __getitem__(self, key: int | slice) -> _Word | list[_Word]:
        if isinstance(key, slice):
            return [self[k] for k in range(*key.indices(len(self.starts)))]  # type: ignore[misc]
        if key < 0:
            key += len(self.starts)
        word = self.made.get(key)
        if word is None:
            start, end = self.starts[key], self.ends[key]
            word = self.made[key] = _Word(self.low[start:end], start, end, self.text[start:start + 1].isupper())
        return word

    def at(self, pos: int) -> int | None:
        """The index of the word starting at ``pos``, if one does."""
        k = bisect_left(self.starts, pos)
        return k if k < len(self.starts) and self.starts[k] == pos else None

    def first_from(self, pos: int) -> int:
        """The index of the first word starting at or after ``pos``."""
        return bisect_left(self.starts, pos)


def _in_quotes(text: str, pos: int) -> bool:
    """Whether ``pos`` lies inside a short quoted name on its line: "“5 không, 3 sạch”"."""
    line = text.rfind("\n", 0, pos) + 1
    straight = text.count('"', line, pos)
    if straight % 2 == 1 and '"' in text[pos:pos + 40].split("\n", 1)[0]:
        return True  # "Xây dựng gia đình 5 không, 3 sạch"
    opened = text.rfind("“", max(0, pos - 40), pos)
    if opened < 0 or "”" in text[opened:pos] or "\n" in text[opened:pos]:
        return False
    closed = text.find("”", pos, pos + 40)
    return closed >= 0 and "\n" not in text[pos:closed]


def _same_line(gap: str) -> bool:
    """Whether the gap between a number and its unit is no more than spaces on one line."""
    return gap.strip(" ") == "" and len(gap) <= 2


_SHARE_OF = re.compile(r"(?i)\s*,?\s*(?:đạt|chiếm|bằng|tương đương)(?:\s+(?:tỷ lệ|tỉ lệ))?\s*")


def _shares_of_figures(text: str, facts: list[QuantityFact], percentages: list[PercentFact]) -> None:
    """A percentage in brackets right after a figure measures what the figure counts.

    "có 2.105 cấp ủy viên (chiếm 39,3%)": the 39,3% is of "cấp ủy viên". Only a percentage
    whose own words name nothing gets the figure's subject.
    """
    for p in percentages:
        if p.subject is not None:
            continue
        for f in facts:  # "thực hiện kiến nghị 47.530 tỷ đồng, đạt 70,6%"
            end = max(f.span[1], f.subject[1]) if f.subject is not None else f.span[1]
            if f.subject is not None and end <= p.span[0] and _SHARE_OF.fullmatch(text, end, p.span[0]):
                p.subject = f.subject
        if p.subject is not None:
            continue
        opened = text.rfind("(", 0, p.span[0])
        if opened < 0 or ")" in text[opened:p.span[0]] or len(text[opened + 1:p.span[0]].split()) > 3:
            continue
        for f in facts:
            end = max(f.span[1], f.subject[1] if f.subject else 0)
            if f.subject is not None and end <= opened and not text[end:opened].strip():
                p.subject = f.subject
                break


def _word_value(parts: list[str], values: dict[str, int]) -> int | None:
    """``hai mươi lăm`` → 25, ``mười hai`` → 12, ``hai trăm`` → 200, ``ba chục`` → 30."""
    total, current = 0, 0
    for part in parts:
        if part == "trăm":
            current = (current or 1) * 100
            total, current = total + current, 0
        elif part in ("mươi", "chục"):
            current = (current or 1) * 10
        elif part == "mười":
            current += 10
        elif part in values:
            current += values[part]
        else:
            return None
    value = total + current
    return value or None


def _body_alternation(words: tuple[str, ...]) -> str:
    """Body heads as written (case kept): "Ban Chấp hành", "Ủy ban Kiểm tra"."""
    forms = dict.fromkeys(normalize(w).text for w in words)
    return "(?:" + "|".join(re.escape(w) for w in sorted(forms, key=len, reverse=True)) + ")"


def _alternation(words: tuple[str, ...]) -> str:
    forms = dict.fromkeys(_low(w) for w in words)
    return "(?:" + "|".join(re.escape(w) for w in sorted(forms, key=len, reverse=True)) + ")"


def _taken(doc: Doc, text: str, size: int) -> bytearray:
    """Characters another stage read as a date, a proportion or an award count."""
    taken = bytearray(size + 1)
    for d in doc._.dates or []:
        taken[d.span[0]:d.span[1]] = b"\x01" * (d.span[1] - d.span[0])
    for p in doc._.percentages or []:
        taken[p.span[0]:p.span[1]] = b"\x01" * (p.span[1] - p.span[0])
    for a in doc._.awards or []:
        for m in re.finditer(r"\d+(?:\.\d{3})*|\b\w+\b", text[a.span[0]:a.span[1]]):
            raw = m.group()
            if (raw[0].isdigit() and int(raw.replace(".", "")) == a.count) or raw.lower() in _COUNT_WORDS.get(a.count, ()):
                s = a.span[0] + m.start()
                taken[s:s + len(raw)] = b"\x01" * len(raw)
                break
    return taken


_COUNT_WORDS = {1: ("một",), 2: ("hai",), 3: ("ba",), 4: ("bốn",), 5: ("năm",), 6: ("sáu",), 7: ("bảy",),
                8: ("tám",), 9: ("chín",), 10: ("mười",)}


def _drop_repeats(text: str, facts: list[QuantityFact]) -> list[QuantityFact]:
    """A figure written twice with the same value, unit and bound is one fact (the first)."""
    seen: set[tuple[float, str, str | None]] = set()
    out = []
    for f in facts:
        key = (f.value * f.multiplier, text[f.unit[0]:f.unit[1]].lower().split(" ")[-1], f.bound)
        if key in seen and not f.rule.endswith("breakdown"):
            continue
        seen.add(key)
        out.append(f)
    return out


@Language.factory("hoinghi_quantities", assigns=["doc._.quantities", "doc._.percentages"],
                  requires=["doc._.dates", "doc._.awards", "doc._.percentages"])
def make_quantities(nlp: Language, name: str) -> QuantitiesStage:
    """``nlp.add_pipe("hoinghi_quantities")``: the quantities stage over ``rules/quantities.yaml``."""
    return QuantitiesStage(rules.load("quantities"))
