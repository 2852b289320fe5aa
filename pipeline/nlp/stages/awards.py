"""Awards stage: how many collectives and individuals received which award.

    >>> doc = nlp("Đảng uỷ khen thưởng 01 chi bộ và 12 đảng viên đạt danh hiệu “Hoàn thành xuất sắc nhiệm vụ” năm 2023.")
    >>> [(doc.text[a.title[0]:a.title[1]], a.recipient, a.count) for a in doc._.awards]
    [('Hoàn thành xuất sắc nhiệm vụ', 'collective', 1), ('Hoàn thành xuất sắc nhiệm vụ', 'individual', 12)]
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc

from hoinghi import rules
from hoinghi.pipeline.nlp.facts import AwardFact, Span
from hoinghi.pipeline.nlp.stages.text import (
    alternation,
    caseless,
    doc_text,
    figure_year,
    lowered,
    parse_int,
    rule_regex,
    sentence_of,
    sentences,
    trim_span,
    years_in,
)
from hoinghi.pipeline.nlp.textmap import normalize

if not Doc.has_extension("awards"):
    Doc.set_extension("awards", default=None)


@dataclass(frozen=True)
class _Count:
    count: int
    recipient: str
    span: Span


@dataclass(frozen=True)
class _Title:
    span: Span  # the award's name as written
    whole: Span  # the whole match (with "danh hiệu", quotes)
    rule: str



class AwardsStage:
    """Finds award facts (``doc._.awards``): title, issuer, recipient kind, count, year."""

    def __init__(self, table: rules.RuleTable) -> None:
        self.table = table
        individual = table.lexicon("individual_nouns")
        collective = table.lexicon("collective_nouns")
        self.kind_of = {normalize(w).text.casefold(): "individual" for w in individual}
        self.kind_of.update({normalize(w).text.casefold(): "collective" for w in collective})
        number = table.pattern("count_number").pattern.removesuffix("$")
        # "07 lượt tập thể": a count of times given still counts its recipients
        count = rf"(?i){number}(?:lượt[ ]+)?(?P<noun>{alternation(individual + collective)})(?![\w])"
        self.count_re = re.compile(count)
        titles = {w: "collective" for w in table.lexicon("collective_titles")}
        titles.update({w: "individual" for w in table.lexicon("individual_titles")})
        self.title_count_low = caseless(rf"(?i){number}danh hiệu[ ]+[“\"]?(?P<head>{alternation(tuple(titles))})\b")
        self.title_kind = {normalize(w).text.casefold(): k for w, k in titles.items()}
        # what _counts reads, compiled for the lowered text
        self.count_low = caseless(count)
        self.bound_low = caseless(rf"(?i)\b{alternation(table.lexicon('bound_words'))}\s*$")
        self.both_low = caseless(r"(?i)\s*(?:,|và|hoặc)\s*(?:tập thể|cá nhân)\b")
        self.verb_re = re.compile(rf"(?i)\b{alternation(table.lexicon('award_verbs'))}\b")
        self.link_re = re.compile(rf"(?i)\b{alternation(table.lexicon('link_words'))}\b|[ ,:]+")
        self.body_re = re.compile(rf"{alternation(table.lexicon('body_heads'))}\s+\S")
        # a part that is only a head word names a body too when written with its capital: "HTX", "Chi đoàn"
        self.body_words = frozenset(w for w in table.lexicon("body_heads") if w[0].isupper())
        self.numbers = dict(w.split("=") for w in table.lexicon("number_words"))
        # (rule, regex, runs on the lowered text): a case-blind title rule is compiled for the lowered text
        self.title_rules = [rule_regex(p) for p in table.patterns if p.label == "TITLE"]
        self.keywords = caseless(rf"(?i){alternation(table.lexicon('award_keywords'))}")  # on the lowered text

    def __call__(self, doc: Doc) -> Doc:
        text, low = doc_text(doc), lowered(doc)
        people = doc._.people or []
        mentions = [(m, i) for i, p in enumerate(people) for m in p.mentions]
        described = [t for p in people for t in p.titles]
        facts: list[AwardFact] = []
        for s_start, s_end in sentences(doc):
            if not self.keywords.search(low, s_start, s_end):
                continue  # no award word: nothing to find here
            sentence_verb = self._verb(text, s_start, s_end)
            titles = self._titles(text, low, s_start, s_end)
            for c_start, c_end in _clauses(text, s_start, s_end):
                in_clause = [t for t in titles if c_start <= t.whole[0] and t.whole[1] <= c_end]
                facts.extend(self._clause(text, low, c_start, c_end, in_clause, sentence_verb))
            if titles:
                counts = self._counts(low, s_start, s_end)
                lists = _NamedLists(self, text, s_start, s_end, mentions, described)
                named = lists.facts(titles, counts)
                facts.extend(named)
                facts.extend(self._carried(text, titles, named, s_end))
        sents = sentences(doc)
        for a in facts:  # the year its sentence states for it ("Lao động tiên tiến năm 2023")
            s_start, s_end = sentence_of(sents, a.span[0])
            a.year = figure_year(text, s_start, s_end, a.span[0], a.span[1], reach=None)
        doc._.awards = _drop_repeats(text, facts)
        return doc

    def _clause(self, text: str, low: str, start: int, end: int, titles: list[_Title],
                sentence_verb: re.Match[str] | None) -> list[AwardFact]:
        counts = self._counts(low, start, end)
        facts: list[AwardFact] = []
        if not titles and not counts:
            return facts
        verb = self._verb(text, start, end, khen=True)
        for c in counts:
            title = self._bind(text, c, titles, start)
            if title is None:
                title = self._honour(text, c, start)
            if title is None:
                if verb is None:
                    continue
                title = _Title(verb.span(), verb.span(), "verb")
            listed = re.fullmatch(r"\s*:\s*", text[title.whole[1]:c.span[0]]) is not None  # "Title: 280 tập thể"
            if sentence_verb is None and not listed and title.rule in ("bare_title", "verb"):
                continue  # "11/11 Hội hoàn thành tốt nhiệm vụ" rates, it awards nothing
            facts.append(self._fact(text, c, title, start, end, "count"))
        return facts

    def _fact(self, text: str, c: _Count, title: _Title, start: int, end: int, rule: str) -> AwardFact:
        span = (min(c.span[0], title.whole[0]), max(c.span[1], title.whole[1]))
        years = years_in(text[start:end])
        name = text[title.span[0]:title.span[1]]
        unquoted = " ".join(re.sub(r"[“”\"]", " ", name).split()) if re.search(r"[“”\"]", name) else None
        return AwardFact(
            title=title.span, recipient=c.recipient, count=c.count, rule=f"{rule}/{title.rule}",
            span=span, issuer=self._issuer(text, title, start), year=years[0] if years else None,
            title_text=unquoted,  # Cờ “Đơn vị tiêu biểu” → Cờ Đơn vị tiêu biểu
        )

    def _carried(self, text: str, titles: list[_Title], named: list[AwardFact], end: int) -> list[AwardFact]:
        """Awards given later in the sentence to the body or people named as its subject.

        "Trường Tiểu học A đạt danh hiệu Tập thể lao động xuất sắc, được UBND tỉnh tặng
        Bằng khen và tặng Cờ thi đua" → the school's Bằng khen and Cờ thi đua, 1 each.
        """
        subject = next((f for f in named if f.recipients and f.recipients[1] <= f.title[0]), None)
        if subject is None:
            return []
        out: list[AwardFact] = []
        prev = subject.title[1]
        for t in titles:
            if t.whole[0] < prev or any(f.title[0] < t.whole[1] and t.whole[0] < f.title[1] for f in named):
                continue
            stop = min([i for i in (text.find(";", t.whole[1], end), text.find(".", t.whole[1], end)) if i >= 0]
                       or [end])
            gives = _GIVES.search(text, prev, t.whole[0])
            if gives is None or re.search(r"(?i)\bcho\b", text[t.whole[1]:stop]) or self._counts(
                    lowered_slice := text[prev:stop].lower(), 0, len(lowered_slice)):
                break  # another recipient or a count of its own: the subject no longer carries
            out.append(AwardFact(
                title=t.span, recipient=subject.recipient, count=subject.count, rule=f"carried/{t.rule}",
                span=(t.whole[0], t.whole[1]), issuer=self._issuer(text, t, prev), year=subject.year,
                recipients=subject.recipients,
            ))
            prev = t.whole[1]
        return out

    @staticmethod
    def _honour(text: str, c: _Count, start: int) -> _Title | None:
        """The honour named in the recipient phrase after "tuyên dương", "vinh danh", "biểu dương":
        "tuyên dương 27 đội viên tiêu biểu" → "đội viên tiêu biểu", 27 individuals."""
        if not _PRAISE.search(text, max(start, c.span[0] - 40), c.span[0]):
            return None
        honour = _HONOUR.match(text, c.span[1])
        if honour is None:
            return None
        noun = re.match(r"\S+\s+(?:lượt\s+)?", text[c.span[0]:c.span[1]])
        t_start = c.span[0] + (noun.end() if noun else 0)
        return _Title((t_start, honour.end()), (c.span[1], honour.end()), "honour")

    # -- finding -------------------------------------------------------------
    def _verb(self, text: str, start: int, end: int, *, khen: bool = False) -> re.Match[str] | None:
        """The first verb of giving in ``text[start:end]`` (with ``khen``, the first "khen thưởng"),
        not the name of the work it is part of: "Hội đồng Thi đua - Khen thưởng" awards nothing."""
        for m in self.verb_re.finditer(text, start, end):
            if khen and not m.group().lower().startswith("khen"):
                continue
            if not _FIELD_NAME.search(text, max(start, m.start() - 12), m.start()):
                return m
        return None

    def _titles(self, text: str, low: str, start: int, end: int) -> list[_Title]:
        found: list[_Title] = []
        for rule, regex, on_lowered in self.title_rules:
            for m in regex.finditer(low if on_lowered else text, start, end):
                t = trim_span(text, *m.span("t"), chars=" ,.;:“”\"")
                lead = re.match(r"(?i)danh hiệu\s+[“\"]?", text[t[0]:t[1]])
                if lead and t[0] + lead.end() < t[1]:
                    t = (t[0] + lead.end(), t[1])  # the award's own name: "Gia đình văn hóa", not "danh hiệu ..."
                if any(t[0] < f.whole[1] and f.whole[0] < t[1] for f in found):
                    continue
                if rule.id == "named_award" and text[t[0]:t[1]].casefold() == "danh hiệu":
                    continue
                rank = _RANK.search(text, t[0], t[1])
                if rank:
                    t = (t[0], rank.end())  # "Huân chương Lao động hạng Ba", not "... hạng Ba Trường THCS"
                found.append(_Title(t, m.span(), rule.id))
        found.sort(key=lambda t: t.span[0])
        return found

    def _counts(self, low: str, start: int, end: int) -> list[_Count]:
        """Counts of recipients in ``low[start:end]`` (the lowered text): "12 tập thể", "năm cá nhân"."""
        out = []
        for m in self.count_low.finditer(low, start, end):
            if self.bound_low.search(low, max(start, m.start() - 15), m.start()):
                continue
            if self.both_low.match(low, m.end()):
                continue  # one count over both kinds: "122 tập thể, cá nhân"
            raw = m.group("n").lower()
            count = int(self.numbers[raw]) if raw in self.numbers else parse_int(raw)
            kind = self.kind_of[m.group("noun").casefold()]
            out.append(_Count(count, kind, m.span()))
        for m in self.title_count_low.finditer(low, start, end):  # "02 danh hiệu Chiến sĩ thi đua cơ sở"
            if self.bound_low.search(low, max(start, m.start() - 15), m.start()):
                continue
            raw = m.group("n")
            count = int(self.numbers[raw]) if raw in self.numbers else parse_int(raw)
            out.append(_Count(count, self.title_kind[m.group("head")], (m.start(), m.start("head"))))
        out.sort(key=lambda c: c.span[0])
        return out

    # -- binding -------------------------------------------------------------
    def _bind(self, text: str, c: _Count, titles: list[_Title], start: int) -> _Title | None:
        passive = _PASSIVE.match(self.count_re.sub(" ", text[c.span[1]:c.span[1] + 120]))
        if passive:  # "27 tập thể và 45 cá nhân được khen thưởng, trong đó ..."
            verb_start = text.find(passive.group("v"), c.span[1])
            return _Title((verb_start, verb_start + len(passive.group("v"))), (c.span[1], c.span[1]), "verb")
        named_by_noun = [t for t in titles if c.span[0] <= t.whole[0] < c.span[1]]
        if named_by_noun:  # "141 tập thể lao động tiên tiến": the noun opens the title
            return named_by_noun[0]
        after = [t for t in titles if t.whole[0] >= c.span[1]]
        before = [t for t in titles if t.span[1] <= c.span[0]]
        given_to = bool(before) and re.search(r"(?i)\bcho\b", text[before[-1].whole[1]:c.span[0]]) is not None
        if after:
            gap = self.count_re.sub(" ", text[c.span[1]:after[0].whole[0]])
            rest = self.link_re.sub("", gap).strip(" ,“\"")
            attains = re.search(r"(?i)\b(?:đạt|được|nhận|xếp loại|công nhận)\b", gap) is not None
            if not rest and ((attains and "," not in gap) or (not given_to and ("," not in gap or not before))):
                return after[0]
        if before:
            return before[-1]
        nearer = self.count_re.search(text, c.span[1], after[0].whole[0]) if after else None
        if nearer and re.search(r"[^\W\d]", self.link_re.sub("", text[c.span[1]:nearer.start()])):
            return None  # "kết nạp 1.300 hội viên và vận động 450 hộ đạt danh hiệu X": the nearer count's title
        return after[0] if after else None

    def _issuer(self, text: str, title: _Title, start: int) -> Span | None:
        """Who gives the award, as written: a name, never a clause.

        In order: "Bằng khen của Chủ tịch UBND tỉnh", a giver named in the title ("Cờ thi đua
        Chính phủ"), "đề nghị Hội đồng Thi đua tỉnh tặng ...", "được UBND huyện trao tặng ...",
        "thừa ủy quyền của Chủ tịch nước, ... trao", "Hội Nông dân xã đã khen thưởng ...".
        """
        m = _OF_ISSUER.match(text, title.whole[1])
        if m:
            return trim_span(text, *m.span("i"))
        named = _ISSUER_IN_TITLE.search(text, title.span[0], title.span[1])
        if named and named.start("i") > title.span[0]:
            return named.span("i")
        stop = text.rfind(". ", 0, title.whole[0])
        s_start = max(stop + 2 if stop >= 0 else 0, text.rfind("\n", 0, title.whole[0]) + 1)
        head = text[s_start:title.whole[0]]
        verb_title = title.rule == "verb"
        for pattern in (_PROPOSED_TO, _GIVEN_BY, _ON_BEHALF, _GIVER_VERB_TITLE if verb_title else _GIVER):
            found = None
            for found in pattern.finditer(head):
                pass
            if found:
                s, e = trim_span(text, s_start + found.start("i"), s_start + found.end("i"))
                if _is_name(text[s:e]):
                    return s, e
        return None


_NAME_PART = r"(?:[^\W\d_]|\.(?=\w)|-|\s(?=[\w-]))"
_OF_ISSUER = re.compile(r"\s*(?:và\s+(?i:bằng khen|giấy khen|cờ thi đua|huân chương|kỷ niệm chương)\s+)?(?:của|do)\s+(?P<i>[A-ZĐÂÊÔƠƯ]" + _NAME_PART + r"{1,80}?)(?=\s+(?:cho|trao|tặng|vì|năm|đã|về|nhân|đến|và|để|đề nghị|họp|tại)\b|\s*[,;.:()\n]|$)")
_ISSUER_IN_TITLE = re.compile(r"(?P<i>(?:Thủ tướng Chính phủ|Chính [Pp]hủ|Chủ tịch nước|Chủ tịch (?:UBND|Ủy ban nhân dân|Uỷ ban nhân dân)"
                              r"(?: \w+)?|UBND (?:tỉnh|huyện|thành phố|TP|xã|phường|quận)|Bộ [A-ZĐ]\w*(?: \w+){0,3}|"
                              r"Trung ương Đoàn|T\.Ư Đoàn|Tổng Liên đoàn Lao động Việt Nam|Tổng LĐLĐ Việt Nam))\s*$")
_PROPOSED_TO = re.compile(r"(?i:đề nghị|trình)\s+(?P<i>[A-ZĐÂÊÔƠƯ]" + _NAME_PART + r"{1,80}?)\s+(?:khen thưởng|tặng|trao tặng|xét tặng|tặng thưởng)"
                          r"(?:\s+(?:danh hiệu|cho))?\s*$")
_GIVEN_BY = re.compile(r"(?i:được)\s+(?P<i>[A-ZĐÂÊÔƠƯ](?:" + _NAME_PART[3:-1] + r"|,\s(?=[A-ZĐ])){1,80}?)\s+(?:trao tặng|tặng thưởng|khen thưởng|tặng|trao)(?:\s+danh hiệu)?\s*$")
_ON_BEHALF = re.compile(r"(?i:thừa ủy quyền|thừa uỷ quyền|thay mặt)\s+(?:của\s+)?(?P<i>[A-ZĐÂÊÔƠƯ]" + _NAME_PART + r"{1,60}?)(?=\s*,)")
_GIVER = re.compile(r"(?:^|,\s*|\.\s+)(?P<i>[A-ZĐÂÊÔƠƯ]" + _NAME_PART + r"{1,70}?)\s+(?:đã\s+)?(?:tổ chức\s+)?"
                    r"(?:khen thưởng|tặng thưởng|trao tặng|tặng|xếp loại|công nhận|đánh giá, xếp loại)\b")
_GIVER_VERB_TITLE = re.compile(r"(?:^|,\s*|\.\s+)(?P<i>[A-ZĐÂÊÔƠƯ]" + _NAME_PART + r"{1,70}?)\s+(?:đã\s+)?(?:tổ chức\s+)?$")
_NOT_A_NAME = re.compile(r"(?i)^(?:hội nghị|đại hội|kỳ họp|buổi lễ|tại|trong|qua|dịp|nhân dịp|sau|năm|ngoài ra|bên cạnh)\b")


def _is_name(words: str) -> bool:
    """A giver's name: a capitalised body or post of a few words, not a clause ("Sở Nội vụ tổng hợp danh sách")."""
    parts = words.split()
    if not parts or len(parts) > 10 or _NOT_A_NAME.match(words):
        return False
    lower = [p for p in parts if p[:1].islower() and p not in ("và", "nhân", "dân", "tỉnh", "huyện", "xã", "phường",
                                                                    "thành", "phố", "quận", "thị", "trấn", "nước")]
    return len(lower) <= 6 and not re.search(r"\b(?:đã|cũng|tổng hợp|danh sách|các|những|để|đề nghị|tổ chức)\b", words)


class _NamedLists:
    """Awards to bodies and people named one by one, not counted in figures.

    "trao Giấy khen cho Phòng A, Phòng B và Trung tá Lê Văn C" → 2 collectives, 1
    individual; "Hội Luật gia và Hội Nhà báo nhận Bằng khen" → 2 collectives. Named
    people come from the people stage; a person's title ("Phó trưởng Phòng PC02")
    is never counted as a body.
    """

    _AFTER = re.compile(r"(?i)\b(?:cho|gồm(?:\s+có)?|trong đó(?:\s+có)?)\s*:?\s*")
    _BEFORE = re.compile(r"(?i)(?<!\bcông)(?<!\bghi)(?<!\btiếp)(?<!\bxác)\s(?:đều\s+)?(?:đã\s+)?(?:vinh dự\s+)?"
                         r"(?:(?:được\s+)?(?:đón nhận|nhận)|được\s+(?:tặng|trao|công nhận)|đạt danh hiệu"
                         # the giver between "được" and the verb: "được Sở Y tế tặng", "được Chủ tịch nước trao"
                         r"|được\s+(?-i:[A-ZĐ])[^.;:()]{1,60}?\s(?:trao tặng|tặng|trao))\b")
    _STOP = re.compile(r"\s(?:đạt|được|nhận|đón nhận|vì|có thành tích|do|đã|nhân dịp)\b|[.:(]")
    _PARTS = re.compile(r"\s*(?P<sep>[,;]|\s(?:và|cùng)\s)\s*")
    _CEREMONY = re.compile(r"(?i)\b(?:lễ|buổi lễ)\s$")
    _INSIDE = re.compile(r"(?i)\s*(?:trong đó|gồm|có)\b")
    _LEAD = re.compile(r"(?i)(?:các\s+)?(?:tập thể|đơn vị|cơ quan)\s+(?=[A-ZĐ])")
    _CODE = re.compile(r"[A-ZĐ]{1,4}\d{1,3}")
    _NOT_BODY = re.compile(r"(?i)Hội (?:nghị|thảo|trường|thi)\b")

    def __init__(self, stage: "AwardsStage", text: str, start: int, end: int,
                 mentions: list[tuple[Span, int]], described: list[Span]) -> None:
        self.stage, self.text, self.start, self.end = stage, text, start, end
        self.mentions = [(m, i) for m, i in mentions if start <= m[0] < end]
        self.described = [t for t in described if start <= t[0] < end]

    def facts(self, titles: list[_Title], counts: list[_Count]) -> list[AwardFact]:
        out: list[AwardFact] = []
        used: list[Span] = []
        for m in self._AFTER.finditer(self.text, self.start, self.end):
            before = [t for t in titles if t.whole[1] <= m.start()]
            is_cho = m.group().strip().lower().startswith("cho")
            if is_cho and not before:
                continue
            list_end = self._list_end(m.end())
            first_count = min((c.span[0] for c in counts if m.end() <= c.span[0] < list_end), default=list_end)
            after = [t for t in titles if list_end <= t.whole[0] <= list_end + 60]
            clause_start = self.text.rfind(";", self.start, m.start()) + 1
            counted = any(max(clause_start, m.start() - 120) <= c.span[0] < m.start() for c in counts)
            breakdown = m.group().lower().startswith("trong đó")  # "5 cá nhân (trong đó có đồng chí A)"
            if not is_cho and not breakdown and counted and not after:
                continue  # "3 đơn vị gồm: A, B, C" names what the count already counts
            title = after[0] if after and not is_cho else (before[-1] if before else None)
            if title is not None:
                out += self._emit((m.end(), first_count), title, used)
        for m in self._BEFORE.finditer(self.text, self.start, self.end):
            if self._CEREMONY.search(self.text, max(self.start, m.start() - 8), m.start() + 1):
                continue  # "UBND xã tổ chức Lễ đón nhận ...": who holds the ceremony is no recipient
            after = [t for t in titles if m.start() <= t.whole[0] <= m.end() + 60 and t.span[0] >= m.end() - 1]
            if not after:
                continue
            edges = [t.whole[1] for t in titles if t.whole[1] <= m.start()]
            edges += [v.end() for v in self._BEFORE.finditer(self.text, self.start, m.start())]
            list_start = max([self.start, *edges])
            if any(list_start <= c.span[0] < m.start() for c in counts):
                list_start = max(list_start, self.text.rfind(";", list_start, m.start()) + 1)
            if any(list_start <= c.span[0] < m.start() for c in counts):
                continue  # "05/05 tập thể các Ban, Văn phòng Huyện ủy đạt ...": the count says how many
            if _SHARE_OR_AIM.search(self.text, list_start, m.start()):
                continue  # "Mặt trận phường phấn đấu 96% hộ gia đình đạt danh hiệu ...": a share, no one named
            out += self._emit((list_start, m.start()), after[0], used, backward=True)
        return out

    def _list_end(self, start: int) -> int:
        """Where a list after "cho"/"gồm" ends: a verb or reason, a sentence stop (not "ThS."),
        or a semicolon that opens a clause of its own ("...; Kpă Thị Bơ được tặng ...")."""
        pos = start
        while True:
            stop = self._STOP.search(self.text, pos, self.end)
            if stop is None:
                end = self.end
                break
            word = re.search(r"(\S+)$", self.text[start:stop.start()])
            if stop.group() == "." and word and sum(c.isupper() for c in word.group(1)) >= 2:
                pos = stop.end()  # "ThS.", "TS.BS." are no sentence stop
                continue
            close = self.text.find(")", stop.end(), self.end) if stop.group() == "(" else -1
            if close >= 0 and self._PARTS.match(self.text, close + 1) and not self._INSIDE.match(self.text, stop.end()):
                pos = close + 1  # "ông A, nguyên Giám đốc (nay nghỉ hưu) và bà B": the list goes on
                continue
            end = stop.start()
            break
        for join in re.finditer(r"\s(?:và|cùng)\s", self.text[start:end]):
            part = re.match(r"[^,;]*", self.text[start + join.end():end]).group()
            if self.stage.verb_re.search(part):
                return start + join.start()  # "cho Trường A và Giám đốc Sở tặng Giấy khen cho B"
        for semi in re.finditer(";", self.text[start:end]):
            rest_end = self.text.find(";", start + semi.end(), self.end)
            part = (start + semi.end(), rest_end if rest_end >= 0 else self.end)
            if self._BEFORE.search(self.text, *part) or self.stage.verb_re.search(self.text, *part):
                return start + semi.start()
        return end

    def _emit(self, span: Span, title: _Title, used: list[Span], *, backward: bool = False) -> list[AwardFact]:
        start, end = span
        if end <= start:
            return []
        first = re.split(r"[,;]", self.text[start:end].lstrip(" ,;:"), maxsplit=1)[0]
        if not backward and not any(ch.isupper() for ch in first):
            return []  # "cho các đơn vị xuất sắc": neither counted nor named
        parts = self._parts(start, end)
        if backward:
            parts = self._contiguous_tail(parts)
            if not parts:
                return []
            start = parts[0][0][0]
        if any(start < u_end and u_start < end for u_start, u_end in used):
            return []
        bodies, persons, in_person = 0, set(), False
        for (p_start, p_end), sep, last_body in parts:
            if sep == ";":
                in_person = False
            who = {i for (m_start, _), i in self.mentions if p_start <= m_start < p_end}
            if who:
                persons |= who
                in_person = True
            elif not in_person and not self._described(p_start, p_end) and self._is_body(p_start, p_end, last_body):
                bodies += 1
        if not bodies and not persons:
            return []
        used.append((start, end))
        out = []
        for kind, count in (("collective", bodies), ("individual", len(persons))):
            if count:
                c = _Count(count, kind, (start, end))
                fact = self.stage._fact(self.text, c, title, self.start, self.end, "named")
                fact.recipients = (start, end)
                out.append(fact)
        return out

    def _parts(self, start: int, end: int) -> list[tuple[Span, str, bool]]:
        """(span, separator before it, whether the part before was a body)."""
        out, pos, sep, last_body = [], start, ",", False
        for m in [*self._PARTS.finditer(self.text, start, end), None]:
            p_end = m.start() if m else end
            s, e = trim_span(self.text, pos, p_end)
            if e > s:
                out.append(((s, e), sep.strip() or ",", last_body))
                last_body = self._is_body(s, e, last_body)
            if m:
                pos, sep = m.end(), m.group("sep")
        return out

    def _contiguous_tail(self, parts: list[tuple[Span, str, bool]]) -> list[tuple[Span, str, bool]]:
        """The run of members that ends at the verb ("... suy tôn Hội A và Hội B nhận")."""
        kept: list[tuple[Span, str, bool]] = []
        for k in range(len(parts) - 1, -1, -1):
            (p_start, p_end), sep, last_body = parts[k]
            member = (any(p_start <= m[0] < p_end for m, _ in self.mentions) or self._described(p_start, p_end)
                      or self._is_body(p_start, p_end, last_body))
            if not member and k == len(parts) - 1:
                head = self.stage.body_re.search(self.text, p_start, p_end)
                if head and not self._NOT_BODY.match(self.text, head.start()):
                    kept.insert(0, ((head.start(), p_end), sep, False))
                    break
            if not member:
                break
            kept.insert(0, parts[k])
        return kept

    def _described(self, start: int, end: int) -> bool:
        return any(t_start <= start and end <= t_end + 1 for t_start, t_end in self.described)

    def _is_body(self, start: int, end: int, last_body: bool) -> bool:
        lead = self._LEAD.match(self.text, start, end)
        s = lead.end() if lead else start
        if self._NOT_BODY.match(self.text, s):
            return False
        if lead or self.stage.body_re.match(self.text, s, end) or self.text[s:end] in self.stage.body_words:
            return True  # "tập thể Hợp tác xã", "Phòng Bổ trợ tư pháp", "HTX"
        return last_body and self._CODE.fullmatch(self.text, s, end) is not None


_SHARE_OR_AIM = re.compile(r"(?i)\d\s*%|\bphấn đấu\b|\bmục tiêu\b")
_PRAISE = re.compile(r"(?i)\b(?:tuyên dương|biểu dương|vinh danh|trao thưởng)\b[^,;.]*$")
_HONOUR = re.compile(r"(?:\s+[A-ZĐ][\w-]*){0,2}\s+(?:tiêu biểu|xuất sắc|điển hình|tiên tiến)\b")  # "cán bộ Đoàn xuất sắc"
_GIVES = re.compile(r"(?i)\b(?:tặng|trao|nhận|đón nhận)\b")
_RANK = re.compile(r"(?i)\bhạng\s+(?:nhất|nhì|ba|tư|I{1,3}|IV|1|2|3)\b")
_FIELD_NAME = re.compile(r"(?i)\bthi đua\s*(?:[-–,]|và)?\s*$")
_PASSIVE = re.compile(r"(?i)(?:\s*(?:,|và)\s*)*\s+(?:đều\s+)?được\s+(?P<v>khen thưởng|tuyên dương|biểu dương)\b"
                      r"(?!\s*(?:danh hiệu|bằng khen|giấy khen|cờ|huân chương|kỷ niệm chương|huy hiệu))")


def _drop_repeats(text: str, facts: list[AwardFact]) -> list[AwardFact]:
    """Drop a fact that restates another one of the article.

    A headline or a photo caption (a line with no full stop: "Quế Phong: Trao Huy hiệu
    Đảng cho 23 đảng viên") repeats the body; a person named as receiving ("đồng chí A
    nhận Huy hiệu 75 năm tuổi Đảng") is already in the count that states it.
    """
    def title(a: AwardFact) -> str:
        return text[a.title[0]:a.title[1]].casefold().strip("“”\" ")

    def same(a: AwardFact, b: AwardFact) -> bool:
        ta, tb = title(a), title(b)
        return a.recipient == b.recipient and a.count == b.count and (ta in tb or tb in ta)

    def on_display_line(a: AwardFact) -> bool:
        line_start = text.rfind("\n", 0, a.span[0]) + 1
        line_end = text.find("\n", a.span[1])
        line = text[line_start:line_end if line_end >= 0 else len(text)].strip()
        return len(line) <= 200 and not line.endswith((".", "!", "?", "…", ";", ":"))

    def same_names(a: AwardFact, b: AwardFact) -> bool:  # "Hội Nông dân tỉnh X" and "Hội Nông dân X"
        if a.recipients is None or b.recipients is None:
            return False
        wa, wb = (set(text[f.recipients[0]:f.recipients[1]].casefold().split()) for f in (a, b))
        return bool(wa and wb) and len(wa & wb) >= 0.75 * min(len(wa), len(wb))

    kept: list[AwardFact] = []
    for a in facts:
        if any(same(a, b) and same_names(a, b) for b in kept):
            continue  # the same body given the same award, told again (headline, lead, caption)
        body = [b for b in facts if b is not a and not on_display_line(b)]
        if on_display_line(a) and any(same(a, b) for b in body):
            continue
        if a.rule.startswith("named") and any(same(a, b) for b in body if b.rule.startswith("count")):
            continue
        kept.append(a)
    return kept


def _clauses(text: str, start: int, end: int) -> list[Span]:
    out, pos = [], start
    for m in re.finditer(r";", text[start:end]):
        out.append((pos, start + m.start()))
        pos = start + m.end()
    out.append((pos, end))
    return out


@Language.factory("hoinghi_awards", assigns=["doc._.awards"])
def make_awards(nlp: Language, name: str) -> AwardsStage:
    """``nlp.add_pipe("hoinghi_awards")``: the awards stage over ``rules/awards.yaml``."""
    return AwardsStage(rules.load("awards"))
