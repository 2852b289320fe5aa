"""What a figure measures: its subject and unit, compared on normalised words.

Two figures measure the same thing when their units agree and their subjects share their words
(one subject may be the other's shorter form), unless a qualifier tells them apart:

    >>> m = Measures.load()
    >>> m.same("đại biểu chính thức", "đại biểu", "đại biểu", "đại biểu") > 0
    True
    >>> m.same("đại biểu chính thức", "đại biểu", "đại biểu dự khuyết", "đại biểu")
    0.0
"""
from __future__ import annotations

import re
from functools import lru_cache

from rapidfuzz import fuzz

from hoinghi import rules
from hoinghi.pipeline.crossyear.words import norm

#: Subjects this similar (0..100, RapidFuzz) are one measure; below, two.
SUBJECT_SIMILARITY = 70.0


class Measures:
    """Subject and unit keys, and their similarity (rules/crossyear.yaml and rules/bodies.yaml)."""

    def __init__(self, filler: frozenset[str], people: frozenset[str], qualifiers: tuple[tuple[str, ...], ...],
                 abbreviations: tuple[tuple[re.Pattern[str], str], ...], frame: re.Pattern[str] | None = None) -> None:
        self.filler, self.people, self.qualifiers, self.abbreviations = filler, people, qualifiers, abbreviations
        self.frame = frame

    @classmethod
    @lru_cache(maxsize=1)
    def load(cls) -> "Measures":
        cy, bodies = rules.load("crossyear"), rules.load("bodies")
        qualifiers = tuple(tuple(norm(w) for w in group.split("|")) for group in bodies.lexicon("qualifiers"))
        abbr = []
        for entry in bodies.lexicon("abbreviations"):
            short, _, long = entry.partition(" = ")
            abbr.append((re.compile(r"(?<!\w)" + re.escape(short.strip()) + r"(?!\w)"), long.strip()))
        frame = "|".join(re.escape(norm(w)) for w in sorted(cy.lexicon("frame"), key=len, reverse=True))
        lead = "|".join(re.escape(norm(w)) for w in cy.lexicon("subject_lead"))
        return cls(frozenset(norm(w) for w in cy.lexicon("filler")), frozenset(norm(w) for w in cy.lexicon("people")),
                   qualifiers, tuple(abbr), re.compile(rf"^(?:{lead})(?=\s)|(?<!\w)(?:{frame})(?!\w)"))

    def subject_key(self, subject: str) -> str:
        """Normalised words of a subject, abbreviations written out, filler words dropped."""
        for regex, long in self.abbreviations:
            subject = regex.sub(long, subject)
        low = self.frame.sub(" ", norm(subject)) if self.frame else norm(subject)
        return " ".join(w for w in low.split() if w not in self.filler)

    def unit_key(self, unit: str) -> str:
        """ "đồng chí", "người", "ủy viên" count people alike."""
        u = norm(unit)
        return "người" if u in self.people else u

    def units_agree(self, a: str, b: str) -> bool:
        """Same unit, or one the other's first words ("tổ chức" and "tổ chức đảng")."""
        ka, kb = self.unit_key(a), self.unit_key(b)
        return ka == kb or (bool(ka) and bool(kb) and (ka.startswith(kb + " ") or kb.startswith(ka + " ")))

    def _qualified_apart(self, a: str, b: str) -> bool:
        for group in self.qualifiers:
            qa = {w for w in group if re.search(r"(?<!\w)" + re.escape(w) + r"(?!\w)", a)}
            qb = {w for w in group if re.search(r"(?<!\w)" + re.escape(w) + r"(?!\w)", b)}
            if qa and qb and qa != qb:
                return True
        return False

    def _unit_in_subject(self, unit: str, subject: str) -> bool:
        """ "hội viên" counted in "117.556 cán bộ, hội viên": the other figure's unit is among this one's words."""
        u = norm(unit)
        return bool(u) and u not in self.people and re.search(r"(?<!\w)" + re.escape(u) + r"(?!\w)", norm(subject)) is not None

    def same(self, subject_a: str, unit_a: str, subject_b: str, unit_b: str) -> float:
        """0 when two measures differ, else how alike their subjects are (70..100)."""
        if not (self.units_agree(unit_a, unit_b) or self._unit_in_subject(unit_a, subject_b)
                or self._unit_in_subject(unit_b, subject_a)):
            return 0.0
        if (unit_a == "%") != (unit_b == "%"):
            return 0.0
        context = re.compile(r"\s*\([^()]*\)$")  # "cấp ủy viên (UBKT các cấp đã thi hành kỷ luật)": whose part
        if bool(context.search(subject_a)) != bool(context.search(subject_b)):
            subject_a, subject_b = context.sub("", subject_a), context.sub("", subject_b)
        a, b = self.subject_key(subject_a), self.subject_key(subject_b)
        if self._qualified_apart(f"{norm(subject_a)} {norm(unit_a)}", f"{norm(subject_b)} {norm(unit_b)}"):
            return 0.0
        if not a or not b:  # a figure that says nothing of what it measures joins nothing
            return 0.0
        score = 0.6 * fuzz.token_set_ratio(a, b) + 0.4 * fuzz.token_sort_ratio(a, b)
        return score if score >= SUBJECT_SIMILARITY else 0.0
