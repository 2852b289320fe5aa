"""Percentages stage: every stated proportion, its kind, year and subject.

    >>> doc = nlp("100% (32/32) cán bộ đạt danh hiệu; hội nghị nhất trí 100% Nghị quyết năm 2024.")
    >>> [(p.value, p.numerator, p.denominator, p.kind) for p in doc._.percentages]
    [(100.0, 32, 32, 'result'), (100.0, None, None, 'vote')]
"""
from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

from hoinghi import rules
from hoinghi.pipeline.nlp.facts import DateFact, PercentFact, Span
from hoinghi.pipeline.nlp.stages.text import (
    alternation,
    doc_text,
    figure_year,
    parse_decimal,
    parse_int,
    sentence_of,
    sentences,
    trim_span,
)

if not Doc.has_extension("percentages"):
    Doc.set_extension("percentages", default=None)

_ORDER = ("percent_with_fraction", "fraction_with_percent", "percent", "fraction")



class PercentagesStage:
    """Finds proportions (``doc._.percentages``), never dates or document numbers."""

    def __init__(self, table: rules.RuleTable) -> None:
        self.table = table
        self.rules = [table.pattern(rule_id) for rule_id in _ORDER]
        lex = table.lexicon
        self.document_before = re.compile(rf"(?i)\b{alternation(lex('document_cues'))}[ :]*(?:\d+[ ]*(?:và|,|-)[ ]*)?$")
        self.date_after = re.compile(rf"(?i)[ ,]*{alternation(lex('date_followers'))}\b")
        # "nhất trí 100%", "với tỷ lệ 98%", "tỷ lệ phiếu bầu đạt 100%"
        self.vote_before = re.compile(rf"(?i)\b{alternation(lex('vote_before'))}[ ]*(?:với[ ]*)?(?:tỷ lệ[ ]*)?"
                                      r"(?:(?:đạt|là|bằng)[ ]*)?$")
        self.plan_opener = re.compile(rf"(?i)\b{alternation(lex('plan_openers'))}\b")
        self.vote_after = re.compile(rf"(?i)^[ ]*(?:\([^)]*\)[ ]*)?(?:số[ ]+|vị[ ]+)?{alternation(lex('vote_after'))}\b")
        self.vote_verb = re.compile(rf"(?i)\b{alternation(lex('vote_verbs'))}\b")
        self.attendance = table.pattern("attendance").regex
        self.target_bracket = table.pattern("target_in_brackets").regex
        self.target_strong = re.compile(rf"(?i)\b{alternation(lex('target_strong'))}\b")
        self.target_soft = re.compile(rf"(?i)\b{alternation(lex('target_soft'))}\b")
        self.result_verb = re.compile(rf"(?i)\b{alternation(lex('result_verbs'))}\b")
        self.change_end = re.compile(rf"(?i)\b{alternation(lex('change_words'))}(?:[ ]+(?:thêm|khoảng|gần|hơn|trên|xuống|từ))*[ ]*$")
        self.share_end = re.compile(rf"(?i)\b{alternation(lex('share_words'))}[ ]*$")
        self.result_end = re.compile(rf"(?i)\b{alternation(lex('result_end'))}(?:[ ]+(?:trên|gần|khoảng|hơn|dưới))*[ ]*$")
        self.compare_after = re.compile(rf"(?i)^[ ]*(?:\([^)]*\)[ ]*)?(?:[^\d,;.]{{0,40}}?)\b{alternation(lex('compare_after'))}\b")

    def __call__(self, doc: Doc) -> Doc:
        text = doc_text(doc)
        taken = bytearray(len(text) + 1)  # characters already read as a date or a proportion
        for d in doc._.dates or []:
            taken[d.span[0]:d.span[1]] = b"\x01" * (d.span[1] - d.span[0])
        sents = sentences(doc)
        facts: list[PercentFact] = []
        for rule in self.rules:
            if not rule.may_match(text):
                continue  # most articles hold no "%" at all
            for m in rule.regex.finditer(text):
                start, end = m.span()
                if any(taken[start:end]):
                    continue
                fact = self._fact(text, m, rule.id)
                if fact is None:
                    continue
                taken[start:end] = b"\x01" * (end - start)
                facts.append(fact)
        facts.sort(key=lambda f: f.span[0])
        meeting = next((d for d in doc._.dates or [] if d.is_meeting and d.year), None)
        previous: PercentFact | None = None
        for fact in facts:
            s_start, s_end = sentence_of(sents, fact.span[0])
            if s_start == s_end:
                s_start, s_end = 0, len(text)
            fact.kind, fact.kind_rule = self._kind(text, fact.anchor or fact.span, s_start, s_end)
            if fact.kind == "result" and meeting is not None and self._plans_ahead(text, s_start, fact.span[0], meeting):
                fact.kind, fact.kind_rule = "target", "plan_year"
            fact.subject = self._subject(text, fact.span, s_start, s_end)
            if fact.subject is None and previous is not None and previous.subject is not None \
                    and s_start <= previous.span[0] and _DOING.match(text, fact.span[1]):
                fact.subject = previous.subject  # "8,3% đảng viên xếp loại ..., 91,7% hoàn thành tốt"
            previous = fact
            fact.year = figure_year(text, s_start, s_end, fact.span[0], fact.span[1], reach=None)
        doc._.percentages = facts
        return doc

    def _fact(self, text: str, m: re.Match[str], rule_id: str) -> PercentFact | None:
        groups = m.groupdict()
        num = den = None
        if groups.get("n") is not None:
            num, den = parse_int(groups["n"]), parse_int(groups["d"])
            if den == 0 or num > den:
                return None
            if rule_id == "fraction" and not self._is_proportion(text, m, num, den):
                return None
        if groups.get("v") is not None:
            value = parse_decimal(groups["v"])
        else:
            value = round(100.0 * num / den, 2)
        anchor = None  # where the words that decide the kind begin: after the fraction, or after the "%"
        if rule_id == "fraction_with_percent":
            anchor = (m.start(), m.end("d"))  # "209/215 đại biểu tán thành, đạt 97,21%"
        elif rule_id == "percent_with_fraction":
            anchor = (m.start(), text.index("%", m.start()) + 1)  # "98,61% (283/287 đại biểu tán thành)"
        return PercentFact(value=value, numerator=num, denominator=den, kind="other", rule=rule_id, span=m.span(),
                           anchor=anchor)

    def _is_proportion(self, text: str, m: re.Match[str], num: int, den: int) -> bool:
        raw_d = m.group("d")
        if "." not in raw_d and 1900 <= den <= 2100:
            return False  # "98/2023": a document number
        before = text[max(0, m.start() - 25):m.start()]
        if self.document_before.search(before):
            return False
        if num <= 31 and den <= 12 and self.date_after.match(text, m.end()):
            return False
        return True

    def _kind(self, text: str, span: Span, s_start: int, s_end: int) -> tuple[str, str]:
        """vote, target, result or other, from the words around the number, and the cue that decided it.

        In order: a vote ("nhất trí 100%", "100% đại biểu ... tán thành"); attendance
        ("77/86 đại biểu tham dự") is other; a target when the sentence sets targets
        before it ("Năm 2024 phấn đấu ...; 100% ...") or "trở lên" follows; a change or
        a share ("tăng 12%", "chiếm 48,4%", "so với cùng kỳ") is other; a level reached
        ("đạt 98,5%", "còn 2,1%") is a result.
        """
        c_start = _clause_start(text, s_start, span[0])
        pre = text[c_start:span[0]]
        post = text[span[1]:_clause_end(text, span[1], s_end)]
        local = pre[max(pre.rfind(","), pre.rfind(":"), pre.rfind("(")) + 1:]
        before = text[s_start:span[0]]
        votes_after = self.vote_verb.search(post[:100]) is not None
        if self.vote_before.search(pre[-30:]) or re.match(r"(?i)\s*(?:số\s+)?phiếu\b", post):
            return "vote", "vote_before"
        bracket = re.match(r"\s*\(([^)]*)\)", post)
        if bracket and self.vote_after.search(" " + bracket.group(1).split(" ", 1)[-1]) and self.vote_verb.search(bracket.group(1)):
            return "vote", "vote_bracket"  # "với tỷ lệ 98,61% (283/287 đại biểu tán thành)"
        if re.match(r"\s*/\s*năm\b", post):
            return "other", "rate_per_year"  # a rate a year: "bình quân 6,5%/năm", "chia lãi 8%/năm"
        if not votes_after and (self.attendance.search(pre[-60:] + " " + post[:80])
                                or (self.vote_after.match(post) and self.attendance.search(before))):
            return "other", "attendance"  # "Dự kỳ họp có ...; cùng 27/28 đại biểu HĐND xã"
        if self.vote_after.match(post) and votes_after:
            return "vote", "vote_after"
        if self.target_bracket.search(pre) and post.lstrip().startswith(")"):
            return "target", "target_bracket"  # "thấp hơn chỉ tiêu huyện giao (50%)"; not "các chỉ tiêu (4/4 chỉ tiêu)"
        if re.search(r"(?i)\b(?:chỉ tiêu|mức cho phép|định mức)\s*$", local) and not post.lstrip().startswith(("chỉ tiêu",)):
            return "target", "target_before"  # "thấp hơn chỉ tiêu 5% Tổng cục giao"
        if re.search(r"(?i)\bcùng(?:\s+với)?\s*$", local) and self.attendance.search(before):
            return "other", "attendance_with"  # "Đến dự hội nghị có ông A; ... cùng 72/74 cán bộ"
        if self.share_end.search(local) or re.search(r"(?i)\btỷ trọng\b", local):
            return "other", "share"  # "chiếm 48,4%", "tỷ trọng nông nghiệp giảm còn 12%"
        if self._target_frame(before):
            return "target", "target_frame"
        if re.search(r"(?i)\bvượt\s*$", local) and _value_of(text, span) >= 100 \
                and re.match(r"(?i)\s*(?:so với\s+)?(?:chỉ tiêu|kế hoạch|KH|dự toán|mục tiêu)\b", post):
            return "result", "over_target"  # "(vượt 118% chỉ tiêu)": 118% of the target reached
        if (self.change_end.search(local) and not re.search(r"(?i)\b(?:đạt|hoàn thành) và vượt\s*$", local)) \
                or self.compare_after.match(post) or re.search(r"(?i)\bbình quân\b(?!\s+đạt)", local):
            return "other", "change"  # "tăng 12%", "so với cùng kỳ", "bình quân ... là 6,15%/năm"; not "đạt và vượt 11/11"
        if self.result_end.search(local) or self.result_verb.search(pre):
            return "result", "result_end"
        if re.match(r"(?i)^\s*(?:\([^)]*\)\s*)?[^;.]{0,100}?\b(?:đạt|được|hoàn thành|tham gia|có|đã|trúng cử)\b", post):
            return "result", "result_after"
        if not pre.strip() or self.result_verb.search(before):
            return "result", "result_open"  # "98,6% công đoàn cơ sở phối hợp ..." opening its clause states what was done
        return "other", "default"

    def _plans_ahead(self, text: str, s_start: int, start: int, meeting: DateFact) -> bool:
        """Whether the sentence plans the year after the one the meeting reviews.

        "Năm 2026, Hội tiếp tục vận động ..., hoàn thành 100% kế hoạch" at a meeting of
        December 2025 or January 2026 sets a target; "Năm 2025, ... đạt 98%" there is a result.
        """
        opening = _YEAR_OPENING.match(text, s_start, start)
        if opening is None:
            return False
        year = int(opening.group("y"))
        ahead = year > meeting.year or (year == meeting.year and meeting.month <= 3)
        return ahead and self.plan_opener.search(text, opening.end(), start) is not None

    def _target_frame(self, before: str) -> bool:
        """Whether the sentence sets targets before this number and has not turned to results."""
        # "đạt và vượt các chỉ tiêu Nghị quyết Đại hội đề ra: ...": the targets were reached, what follows are results
        strong = [m.end() for m in self.target_strong.finditer(before)
                  if not re.search(r"(?i)\b(?:đạt|vượt|hoàn thành|thực hiện)\b",
                                   before[max(0, m.start() - 60, before.rfind(";", 0, m.start()) + 1):m.start()])
                  and not (m.group()[0].isupper() and _IN_BODY_NAME.search(before, 0, m.start()))]
        soft = [m.end() for m in self.target_soft.finditer(before)
                if not self.result_verb.search(before[max(0, m.start() - 25):m.start()])
                and not (m.group()[0].isupper() and _IN_BODY_NAME.search(before, 0, m.start()))
                and not self.result_verb.search(before[m.end():m.end() + 40].split(":")[0])
                and ":" in before[m.end():]]
        cues = strong + soft
        if not cues:
            return False
        return not re.search(r"(?i)\bđã\b", before[max(cues):])

    @staticmethod
    def _subject(text: str, span: Span, s_start: int, s_end: int) -> Span | None:
        """What the proportion measures: the words after it ("100% đảng viên tham gia" → "đảng viên"),
        else those before it in its clause ("Tổng thu ngân sách đạt 104% dự toán" → "tổng thu ngân
        sách"), never the base it is compared with ("dự toán", "kế hoạch", "so với cùng kỳ")."""
        post = _SUBJECT_AFTER.match(text, span[1], s_end)
        if post and _DOING.match(post.group("s")):
            return None  # "8,3% đảng viên ..., 91,7% hoàn thành tốt nhiệm vụ": the subject is the one before
        if post and not _BASE.match(post.group("s")):
            s = post.start("s")
            lead = _POST_LEAD.match(text, s, post.end("s"))
            if lead:
                s = lead.end()
            words = text[s:post.end("s")].split()
            s, e = trim_span(text, s, s + len(" ".join(words[:6])))
            tail = _POST_TAIL.search(text, s, e)
            return (s, tail.start()) if tail else (s, e)
        c_start = max(max(text.rfind(ch, s_start, span[0]) for ch in ";:(\n") + 1, s_start)
        pre = _SUBJECT_BEFORE.search(text, c_start, span[0])
        if not pre:
            bare = _SUBJECT_BARE.fullmatch(text, c_start, span[0])  # "...; tỷ lệ che phủ rừng 65,2%"
            if not bare:
                return None
            pre = bare
        before = text[max(s_start, pre.start("s") - 12):pre.start("s")]
        s, e = trim_span(text, *pre.span("s"))
        if re.search(r"\d\s*$", before) and not re.search(r"(?i)năm\s+\d{4}\s*$", before):
            comma = text.find(",", pre.start("s"), e)  # the first: the list after it is the subject ("15/12, số A, B đã ...")
            if comma < 0:
                return None  # "47.530 tỷ đồng, đạt 70,6%": a share of the figure before, whose subject it takes
            s = comma + 1  # "14.382 lượt, công suất sử dụng giường bệnh đạt 112,4%"
        lead = _SUBJECT_LEAD.match(text, s, e)
        if lead:
            s = lead.end()
        done = re.search(r"(?i)\s+(?:đã|được)\s+(?:thực hiện|giải quyết|xử lý|khắc phục)$", text[s:e])
        if done:  # "số kiến nghị A, kiến nghị B đã thực hiện là X/Y": a list, not a clause after a comma
            e = s + done.start()
        if len(text[s:e].split()) > 10 and not done:
            comma = text.rfind(",", s, e)
            if comma >= 0:
                s = comma + 1
        period = _SUBJECT_PERIOD.search(text, s, e)
        if period:  # "tổng thu ngân sách năm 2023 đạt": the period is no part of what is measured
            e = period.start()
        like = re.search(r"(?i)\b(?:như|gồm|là)\s+", text[s:e])
        if like:  # "nhiều chỉ tiêu quan trọng như gieo cấy lúa"
            s += like.end()
        s, e = trim_span(text, s, e)
        tail = re.search(r"(?i)(?:\s+(?:thực hiện|ước|đều|cũng|luôn|đã|vẫn))+$", text[s:e])
        if tail:
            e = s + tail.start()
        s, e = trim_span(text, s, e)
        if e - s < 2 or len(text[s:e].split()) > 10:
            return None
        return s, e


_SUBJECT_AFTER = re.compile(
    r"[ ]*(?:\([^)]*\)[ ]*)?(?P<s>[^\d,;.:()%/“”\"]{2,80}?)(?=\s+(?:đạt|được|có|tham gia|hoàn thành|học tập|biểu quyết|"
    r"nhất trí|tán thành|đều|trở lên|so với|xếp loại|thống nhất|đại diện)\b|\s+(?:và|năm)\s+\d|[,;.:()]|$)")
_BASE = re.compile(r"(?i)\s*(?:KH|kế hoạch|dự toán|so với|so cùng kỳ|cùng kỳ|trở lên|chỉ tiêu|mục tiêu|nghị quyết|NQ|"
                   r"đồng thời|trong tổng số|tổng số|trong đó|năm|tỷ lệ)\b")
_SUBJECT_BEFORE = re.compile(r"(?P<s>(?:[^\d;:()%]|(?<=năm )\d{4}|(?<=đoạn )\d{4}\s*-\s*\d{4}){2,160}?)\s+(?:đạt|chiếm|bằng|là|tăng|giảm|còn|ước đạt|đạt tỷ lệ|đạt tỉ lệ|"
                             r"với tỷ lệ|có tỷ lệ)(?:\s+(?:khoảng|gần|hơn|trên|tỷ lệ|tỉ lệ))*\s*$")
_DOING = re.compile(r"(?i)\s*(?:hoàn thành|đạt|được|tham gia|xếp loại|có)\b")
_POST_LEAD = re.compile(r"(?i)\s*(?:các đồng chí|các|những|toàn bộ|tất cả)\s+(?=\w)")
_POST_TAIL = re.compile(r"(?i)(?:\s+(?:trong|tại|của|với|và|cho|ở))+$")
_SUBJECT_BARE = re.compile(r"\s*(?P<s>(?i:tỷ lệ|tỉ lệ|tốc độ|tổng|mức|số)\s[^\d;:()%,]{2,80}?)\s*")
_SUBJECT_LEAD = re.compile(r"(?i)\s*(?:(?:trong đó|riêng|ngoài ra|đặc biệt|qua đó|theo đó|tỷ lệ|tỉ lệ|ước|phấn đấu|"
                           r"mục tiêu)\s+)+")
_SUBJECT_PERIOD = re.compile(r"(?i)\s+(?:trong\s+)?(?:năm\s+\d{4}|giai đoạn\s+\d{4}\s*-\s*\d{4})\b.*$")


_YEAR_OPENING = re.compile(r"\s*(?:Trong\s+|Bước sang\s+)?[Nn]ăm\s+(?P<y>(?:19|20)\d{2})\b[^.;:]{0,20}?,")
_IN_BODY_NAME = re.compile(r"\b(?:Sở|Phòng|Ban|Vụ|Bộ|Cục|Trung tâm|Viện)\s*$")  # "Sở Kế hoạch và Đầu tư"


def _value_of(text: str, span: Span) -> float:
    """The number a percentage's span opens with: "118%" → 118.0."""
    m = re.match(r"\d{1,3}(?:[.,]\d{1,3})?", text[span[0]:span[1]])
    return parse_decimal(m.group()) if m else 0.0


def _clause_start(text: str, s_start: int, pos: int) -> int:
    cut = max(text.rfind(";", s_start, pos), text.rfind("\n", s_start, pos))
    return cut + 1 if cut >= 0 else s_start


def _clause_end(text: str, pos: int, s_end: int) -> int:
    ends = [p for p in (text.find(";", pos, s_end), text.find("\n", pos, s_end)) if p >= 0]
    return min(ends) if ends else s_end


@Language.factory("hoinghi_percentages", assigns=["doc._.percentages"], requires=["doc._.dates"])
def make_percentages(nlp: Language, name: str) -> PercentagesStage:
    """``nlp.add_pipe("hoinghi_percentages")``: the percentages stage over ``rules/percentages.yaml``."""
    return PercentagesStage(rules.load("percentages"))
