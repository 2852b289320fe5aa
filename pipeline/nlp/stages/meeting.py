"""Meeting stage: the reported meeting's title and host body.

    >>> doc = nlp("Sáng ngày 26/01/2024, Văn phòng Tỉnh uỷ tổ chức Hội nghị cán bộ công chức năm 2023.")
    >>> m = doc._.meeting
    >>> doc.text[m.host[0]:m.host[1]], doc.text[m.title[0]:m.title[1]]
    ('Văn phòng Tỉnh ủy', 'Hội nghị cán bộ công chức năm 2023')
"""
from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

from hoinghi import rules
from hoinghi.pipeline.nlp.facts import MeetingFact, Span
from hoinghi.pipeline.nlp.stages.text import caseless, doc_text, lowered, sentence_of, sentences, trim_span

if not Doc.has_extension("meeting"):
    Doc.set_extension("meeting", default=None)


# a sentence that may report the meeting, matched on the lowered text (see text.caseless)
_ORGANISED = caseless(r"(?i)\btổ chức\b|\bmở(?= (?:hội nghị|đại hội|kỳ họp))|(?<!kỳ )(?<!cuộc )(?<!buổi )(?<!phiên )\bhọp\b")
_TERM_AFTER = re.compile(r"(?i)(?:,?\s+(?:nhiệm kỳ|lần thứ|kỳ họp|phiên)\b.*)$")
_VERB = re.compile(r"(?i)\b(?:tổ chức|khai mạc|tổng kết|tiến hành|họp|mở(?= (?:hội nghị|đại hội|kỳ họp)))\b")


class MeetingStage:
    """Sets ``doc._.meeting`` from the sentence that reports the meeting."""

    def __init__(self, table: rules.RuleTable) -> None:
        self.title_re = table.pattern("meeting_title").regex
        self.host_re = table.pattern("host_before_verb").regex
        self.host_in_title = table.pattern("host_in_title").regex
        self.reporting_body = table.pattern("reporting_body").regex
        self.named_meeting = re.compile(r"(?:Đại hội|ĐẠI HỘI|Hội nghị|Kỳ họp)\b")
        self.acting = re.compile(r"(?:^|(?<=[.;\n])|(?<=, ))\s*(?P<h>[A-ZĐ][^,;.()\n]{2,60}?)\s+(?:\([^)]{1,12}\)\s+)?"
                                 r"(?:đã|cũng đã|cũng|đang|tiếp tục)\s", re.M)
        self.body_head = re.compile(table.alternation("body_heads") + r"(?!\w)")
        self.prefixes = tuple(sorted(table.lexicon("host_trim_prefixes"), key=len, reverse=True))
        self.continuation = re.compile("(?i)" + table.alternation("host_continuations") + r"\b")
        self.not_host = re.compile(r"(?i)(?:hội nghị|đại hội|kỳ họp|buổi|sau|trong|với|các|những|đồng chí|ông|bà|theo|hội trường)\b")

    def __call__(self, doc: Doc) -> Doc:
        text = doc_text(doc)
        sents = sentences(doc)
        order = self._reporting_sentences(doc, sents)
        fact = MeetingFact()
        for s_start, s_end in order:
            if fact.host is None:
                fact.host = self._host(text, s_start, s_end, [d.span for d in doc._.dates or []])
            if fact.title is None:
                m = self.title_re.search(text, s_start, s_end)
                if m:
                    fact.title = trim_span(text, *m.span("t"))
            if fact.host and fact.title:
                break
        if fact.host is None and fact.title is not None:
            fact.host = self._host_in_title(text, *fact.title)
        if fact.host is None:
            fact.host = self._reporting_body(text)
        if fact.host is None:
            fact.host = self._acting_body(text)
        if fact.host is not None:
            term = _TERM_AFTER.search(text, *fact.host)
            if term and term.start() > fact.host[0]:  # "HĐND xã X khóa X, nhiệm kỳ 2021 - 2026" → "HĐND xã X khóa X"
                fact.host = trim_span(text, fact.host[0], term.start())
        doc._.meeting = fact
        return doc

    def _host_in_title(self, text: str, start: int, end: int) -> Span | None:
        """The body a meeting's name holds: "Đại hội đại biểu Hội Nông dân tỉnh lần thứ IX" → "Hội Nông dân tỉnh",
        "Hội nghị tổng kết công tác năm 2023 của Sở Tư pháp" → "Sở Tư pháp"."""
        m = self.host_in_title.match(text, start, end)
        after = re.match(r"\s*,\s*(?P<h>[^,;.()\n]{3,80}?)(?=\s+(?:nhiệm kỳ|với|đã|diễn ra|tại)\b|\s*[,;.()\n]|$)", text[end:end + 100])
        if m:
            h_start, h_end = trim_span(text, *m.span("h"))
        elif after:  # "Kỳ họp thứ 6, HĐND tỉnh khóa IX (nhiệm kỳ 2016-2021)"
            h_start, h_end = trim_span(text, end + after.start("h"), end + after.end("h"))
        else:
            return None
        host = text[h_start:h_end]
        if len(host) < 3 or len(host.split()) > 12 or self.not_host.match(host) or not self.body_head.match(host):
            return None  # "Hội nghị Viên chức và người lao động": no body named
        return h_start, h_end

    def _reporting_body(self, text: str) -> Span | None:
        """The body that reports at the meeting, or a meeting named with its body, early in the article:
        "Tại Hội nghị ..., Kiểm toán Nhà nước (KTNN) cho biết" → "Kiểm toán Nhà nước"."""
        head = text[:3000]
        for m in self.reporting_body.finditer(head):
            s, e = trim_span(text, *m.span("h"))
            if self.body_head.match(text, s) and not self.not_host.match(text[s:e]):
                return s, e
        for m in self.named_meeting.finditer(head):
            found = self._host_in_title(text, m.start(), min(len(text), m.start() + 160))
            if found:
                return found
        return None

    def _acting_body(self, text: str) -> Span | None:
        """The body the article reports acting, named so at least twice ("Kiểm toán Nhà nước đã ...",
        "Kiểm toán Nhà nước cũng ..."), when nothing says who held the meeting."""
        seen: dict[str, list[Span]] = {}
        for m in self.acting.finditer(text):
            s, e = trim_span(text, *m.span("h"))
            if self.body_head.match(text, s) and not self.not_host.match(text[s:e]):
                seen.setdefault(text[s:e], []).append((s, e))
        named = [spans for spans in seen.values() if len(spans) >= 2]
        return max(named, key=len)[0] if named else None

    def _reporting_sentences(self, doc: Doc, sents: list[Span]) -> list[Span]:
        meeting_dates = [d for d in (doc._.dates or []) if d.is_meeting]
        first = [sentence_of(sents, meeting_dates[0].span[0])] if meeting_dates else []
        low = lowered(doc)
        rest = [s for s in sents if _ORGANISED.search(low, s[0], s[1])]
        return first + [s for s in rest if s not in first]

    def _host(self, text: str, start: int, end: int, dates: list[Span]) -> Span | None:
        """The subject of "tổ chức": "Sáng 30/6/2021, HĐND xã Tân Kiều khóa X, nhiệm kỳ 2021 - 2026 tổ chức"."""
        verb = _VERB.search(text, start, end)  # look for the subject only before the verb
        if not verb:
            return None
        m = self.host_re.search(text, max(start, verb.start() - 200), min(end, verb.end() + 20))
        if not m:
            return None
        h_start, h_end = m.span("h")
        for d_start, d_end in dates:  # what stands before a date is not the host
            if h_start <= d_start < h_end:
                h_start = max(h_start, d_end)
        commas = [c.end() for c in re.finditer(r",\s*", text[h_start:h_end])]
        for cut in reversed(commas):  # the last comma segment, with "nhiệm kỳ", "khóa" carried back
            if not self.continuation.match(text, h_start + cut):
                h_start += cut
                break
        h_end = h_start + len(re.sub(r"\s*\([^()]*\)[\s,]*$", "", text[h_start:h_end]))  # "Huyện đoàn X (Lai Châu)"
        s, e = trim_span(text, h_start, h_end)
        for prefix in self.prefixes:
            if text.startswith(prefix, s):
                s += len(prefix)
        cut = next((c for c in re.finditer(r"\s+(?:và|phối hợp|cùng)\s+", text[s:e])
                    if c.group().strip() != "và" or self.body_head.match(text, s + c.end())), None)
        # "và" joins two bodies ("Sở Tư pháp và Hội Luật gia"), not the words of one ("Sở Khoa học và Công nghệ")
        if cut:
            e = s + cut.start()
        s, e = trim_span(text, s, e)
        host = text[s:e]
        if e - s < 3 or host[0].isdigit() or not any(c.isupper() for c in host) or len(host.split()) > 14:
            return None
        if self.not_host.match(host) or re.search(r"\s(?:đã|luôn|làm|diễn ra|đề nghị|quan tâm)\s", host):
            return None
        return s, e


@Language.factory("hoinghi_meeting", assigns=["doc._.meeting"], requires=["doc._.dates"])
def make_meeting(nlp: Language, name: str) -> MeetingStage:
    """``nlp.add_pipe("hoinghi_meeting")``: the meeting stage over ``rules/meeting.yaml``."""
    return MeetingStage(rules.load("meeting"))
