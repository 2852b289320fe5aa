"""What an analyst asks, folded once and turned into each backend's full-text query.

    >>> q = SearchQuery.parse('hội nghị "Lâm Đức Xuân"', body="Văn phòng Tỉnh uỷ", year=2024)
    >>> q.terms, q.body
    (('hoi', 'nghi', 'lam duc xuan'), 'van phong tinh uy')
    >>> q.fts5()
    '- {facets} : ("hoi" AND "nghi" AND "lam duc xuan") AND {bodies titles} : "van phong tinh uy" AND facets : "y2024"'
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace

from hoinghi.pipeline.archive.errors import ArchiveError
from hoinghi.pipeline.archive.fold import fold_words

KINDS = ("target", "result", "vote", "other")
# No article has this facet word (facets are y<year> and k<kind>): the MATCH of a query with no words, e.g. '"' or '(*'.
NO_MATCH = 'facets : "knone"'
# Longest search (words and filters together): a 20,000-character query took 11 s and held every other request.
MAX_QUERY_CHARS = 500
_TERM = re.compile(r'"([^"]*)"?|(\S+)')


def parse_terms(text: str) -> tuple[str, ...]:
    """Words and "quoted phrases", folded; a word that folds to several (``26/01/2024``) stays one phrase."""
    terms = (fold_words(m.group(1) if m.group(1) is not None else m.group(2)) for m in _TERM.finditer(text or ""))
    return tuple(t for t in terms if t)


def _phrase(text: str | None) -> str | None:
    folded = fold_words(text or "")
    return folded or None


@dataclass(frozen=True)
class SearchQuery:
    """Folded search words and filters; every term and filter must hold for an article to match."""

    terms: tuple[str, ...] = ()
    person: str | None = None
    body: str | None = None
    award: str | None = None
    year: int | None = None
    kind: str | None = None
    quantity: str | None = None
    limit: int = 20

    @classmethod
    def parse(cls, text: str = "", *, person: str | None = None, body: str | None = None,
              award: str | None = None, year: int | None = None, kind: str | None = None,
              quantity: str | None = None, limit: int = 20) -> "SearchQuery":
        """Fold and check what was typed; raises :class:`ArchiveError` on a bad kind, year or limit, or a query
        longer than ``MAX_QUERY_CHARS``."""
        typed = sum(len(part or "") for part in (text, person, body, award, quantity))
        if typed > MAX_QUERY_CHARS:
            raise ArchiveError("search", f"the query is {typed:,} characters long; a search takes at most "
                                         f"{MAX_QUERY_CHARS} (words, person, body, award and quantity together)")
        if kind is not None and kind not in KINDS:
            raise ArchiveError("search", f"kind {kind!r} is not one of {', '.join(KINDS)}")
        if year is not None and not 1900 <= year <= 2100:
            raise ArchiveError("search", f"year {year} is outside 1900-2100")
        if limit < 1:
            raise ArchiveError("search", f"limit {limit} is below 1")
        return cls(parse_terms(text), _phrase(person), _phrase(body), _phrase(award), year, kind, _phrase(quantity), limit)

    def as_phrase(self) -> "SearchQuery":
        """The same query with its words as one phrase: ``lam duc xuan`` → ``"lam duc xuan"``."""
        return replace(self, terms=(self.whole,)) if self.whole else self

    @property
    def has_text(self) -> bool:
        """Whether the full-text index takes part (words, person, body or award)."""
        return bool(self.terms or self.person or self.body or self.award)

    @property
    def is_empty(self) -> bool:
        return not self.has_text and self.year is None and self.kind is None and self.quantity is None

    @property
    def whole(self) -> str | None:
        """All the words as one phrase, when there are several: articles holding it come first.

        >>> SearchQuery.parse("lam duc xuan").whole
        'lam duc xuan'
        """
        return " ".join(self.terms) if len(self.terms) > 1 else None

    def needles(self) -> tuple[str, ...]:
        """The folded phrases to mark in a hit's sentence, filters first, then the whole phrase, then words."""
        return tuple(p for p in (self.person, self.award, self.body, self.quantity, self.whole, *self.terms) if p)

    def facets(self) -> tuple[str, ...]:
        """The year and kind as the index's facet words: ``year=2024, kind="vote"`` → ``("y2024", "kvote")``."""
        return tuple(f for f in (self.year and f"y{self.year}", self.kind and f"k{self.kind}") if f)

    def quantity_like(self) -> str | None:
        """The ``LIKE`` pattern over ``quantities.folded`` for ``--quantity``: ``"dang vien"`` → ``"%dang vien%"``."""
        return f"%{self.quantity}%" if self.quantity else None

    def fts5(self) -> str | None:
        """The SQLite FTS5 MATCH expression, or None without words, person, body or award.

        Folded words hold only letters and digits, so quoting them is safe;
        words never match the ``facets`` column, which holds the year and kinds.
        """
        if not self.has_text:
            return None
        words = " AND ".join(f'"{t}"' for t in self.terms)
        parts = [f"- {{facets}} : ({words})"] if words else []
        if self.person:
            parts.append(f'people : "{self.person}"')
        if self.body:
            parts.append(f'{{bodies titles}} : "{self.body}"')
        if self.award:
            parts.append(f'awards : "{self.award}"')
        parts += [f'facets : "{f}"' for f in self.facets()]
        return " AND ".join(parts)
