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

import rules
from pipeline.facts import AwardFact, Span
from pipeline.stages.text import alternation, parse_int, sentences, trim_span, years_in
from pipeline.textmap import normalize

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
        self.count_re = re.compile(rf"(?i){number}(?P<noun>{alternation(individual + collective)})(?![\w])")
        self.bound_re = re.compile(rf"(?i)\b{alternation(table.lexicon('bound_words'))}\s*$")
        self.both_re = re.compile(r"(?i)\s*(?:,|và|hoặc)\s*(?:tập thể|cá nhân)\b")
        self.verb_re = re.compile(rf"(?i)\b{alternation(table.lexicon('award_verbs'))}\b")
        self.link_re = re.compile(rf"(?i)\b{alternation(table.lexicon('link_words'))}\b|[ ,:]+")
        self.body_re = re.compile(rf"{alternation(table.lexicon('body_heads'))}\s+\S")
        self.numbers = dict(w.split("=") for w in table.lexicon("number_words"))
        self.title_rules = [p for p in table.patterns if p.label == "TITLE"]

    def __call__(self, doc: Doc) -> Doc:
        text = doc.text
        facts: list[AwardFact] = []
        for s_start, s_end in sentences(doc):
            for c_start, c_end in _clauses(text, s_start, s_end):
                facts.extend(self._clause(text, c_start, c_end))
        doc._.awards = facts
        return doc

    def _clause(self, text: str, start: int, end: int) -> list[AwardFact]:
        titles = self._titles(text, start, end)
        counts = self._counts(text, start, end)
        facts: list[AwardFact] = []
        if not titles and not counts:
            return facts
        verb = self.verb_re.search(text, start, end)
        for c in counts:
            title = self._bind(text, c, titles, start)
            if title is None:
                if verb is None or not verb.group().lower().startswith("khen"):
                    continue
                title = _Title(verb.span(), verb.span(), "verb")
            if not titles and verb is None:
                continue
            facts.append(self._fact(text, c, title, start, end, "count"))
        facts.extend(self._named_lists(text, start, end, titles, counts))
        return facts

    def _fact(self, text: str, c: _Count, title: _Title, start: int, end: int, rule: str) -> AwardFact:
        span = (min(c.span[0], title.whole[0]), max(c.span[1], title.whole[1]))
        years = years_in(text[start:end])
        return AwardFact(
            title=title.span, recipient=c.recipient, count=c.count, rule=f"{rule}/{title.rule}",
            span=span, issuer=self._issuer(text, title, start), year=years[0] if years else None,
        )

    # -- finding -------------------------------------------------------------
    def _titles(self, text: str, start: int, end: int) -> list[_Title]:
        found: list[_Title] = []
        for rule in self.title_rules:
            for m in rule.regex.finditer(text, start, end):
                t = trim_span(text, *m.span("t"), chars=" ,.;:“”\"")
                if any(t[0] < f.whole[1] and f.whole[0] < t[1] for f in found):
                    continue
                if rule.id == "named_award" and text[t[0]:t[1]].casefold() == "danh hiệu":
                    continue
                found.append(_Title(t, m.span(), rule.id))
        found.sort(key=lambda t: t.span[0])
        return found

    def _counts(self, text: str, start: int, end: int) -> list[_Count]:
        out = []
        for m in self.count_re.finditer(text, start, end):
            if self.bound_re.search(text, max(start, m.start() - 15), m.start()):
                continue
            if self.both_re.match(text, m.end()):
                continue  # one count over both kinds: "122 tập thể, cá nhân"
            raw = m.group("n").lower()
            count = int(self.numbers[raw]) if raw in self.numbers else parse_int(raw)
            kind = self.kind_of[m.group("noun").casefold()]
            out.append(_Count(count, kind, m.span()))
        return out

    # -- binding -------------------------------------------------------------
    def _bind(self, text: str, c: _Count, titles: list[_Title], start: int) -> _Title | None:
        named_by_noun = [t for t in titles if c.span[0] <= t.whole[0] < c.span[1]]
        if named_by_noun:  # "141 tập thể lao động tiên tiến": the noun opens the title
            return named_by_noun[0]
        after = [t for t in titles if t.whole[0] >= c.span[1]]
        before = [t for t in titles if t.span[1] <= c.span[0]]
        if after:
            gap = self.count_re.sub(" ", text[c.span[1]:after[0].whole[0]])
            rest = self.link_re.sub("", gap).strip(" ,“\"")
            if not rest and ("," not in gap or not before):
                return after[0]
        if before:
            return before[-1]
        return after[0] if after else None

    def _named_lists(self, text: str, start: int, end: int, titles: list[_Title],
                     counts: list[_Count]) -> list[AwardFact]:
        """Awards to named bodies: "cho Phòng A, Phòng B" → 2 collectives."""
        facts = []
        for m in re.finditer(r"(?i)\b(?:cho|trong đó|gồm)\s+", text[start:end]):
            list_start = start + m.end()
            stop = re.search(r"(?i)\s(?:đạt|được|nhận|vì|có thành tích|do|đã)\b|[;:.]|\s\d", text[list_start:end])
            list_end = list_start + stop.start() if stop else end
            chunk = text[list_start:list_end]
            if any(list_start <= c.span[0] < list_end for c in counts) or not self.body_re.match(chunk):
                continue
            members = [p for p in re.split(r"\s*,\s*|\s+và\s+", chunk) if self.body_re.match(p)]
            if not members:
                continue
            title = _nearest(titles, list_start, list_end)
            if title is None:
                continue
            c = _Count(len(members), "collective", (list_start, list_end))
            facts.append(self._fact(text, c, title, start, end, "named"))
        return facts

    def _issuer(self, text: str, title: _Title, start: int) -> Span | None:
        m = re.match(r"\s*(?:của|do)\s+([^,;.()]{2,80}?)(?=\s+(?:cho|trao|tặng|vì|năm|đã|về)\b|[,;.(]|$)",
                     text[title.whole[1]:title.whole[1] + 120])
        if m:
            s = title.whole[1] + m.start(1)
            return (s, s + len(m.group(1)))
        head = text[start:title.whole[0]]
        v = re.search(r"^(.{3,80}?)\s+(?:đã\s+)?(?:khen thưởng|tặng|trao tặng|công nhận|xếp loại|đánh giá, xếp loại)\b", head)
        if v and v.group(1)[0].isupper():
            return trim_span(text, start, start + len(v.group(1)))
        return None


def _nearest(titles: list[_Title], start: int, end: int) -> _Title | None:
    after = [t for t in titles if t.whole[0] >= end]
    before = [t for t in titles if t.whole[1] <= start]
    if after and after[0].whole[0] - end < 40:
        return after[0]
    return before[-1] if before else None


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
