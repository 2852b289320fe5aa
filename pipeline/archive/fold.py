"""Folding Vietnamese for search: "Lâm Đức Xuân" and "lam duc xuan" become the same words.

SQLite's ``unicode61 remove_diacritics 2`` strips combining marks but leaves
"Đ/đ" alone (the letter has no decomposition), so the archive indexes a folded
copy and folds every query the same way, on both backends:

    >>> fold_words("Đồng chí Lâm Đức Xuân – Bí thư Đảng uỷ")
    'dong chi lam duc xuan bi thu dang uy'
    >>> fold_words("Ủy ban") == fold_words("uỷ ban") == "uy ban"
    True

A character folds to its letter without marks, lower case ("Ế" → "e",
"Đ" → "d"), to nothing (a combining mark, as in NFD text) or to a space
(punctuation, "_", other spaces); letters of scripts past U+303F are kept.
"""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from functools import cache

_STROKES = {"đ": "d", "ð": "d"}  # a stroke is no combining mark: NFD leaves these letters whole
_COMBINING = re.compile("[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")
# Latin, Vietnamese, combining marks, general punctuation; CJK punctuation; half/full-width forms.
_TABLE_RANGES = ((0, 0x3040), (0xFE00, 0xFFF0))


def _fold_char(ch: str) -> str:
    out = _COMBINING.sub("", unicodedata.normalize("NFD", ch.lower()))
    out = "".join(_STROKES.get(c, c) for c in out)
    if not out:
        return ""
    return out[0] if out[0].isalnum() else " "


@cache
def fold_table() -> dict[int, str | None]:
    """``str.translate`` table of the folding, made once per process (about 13,000 characters)."""
    table: dict[int, str | None] = {}
    for low, high in _TABLE_RANGES:
        for code in range(low, high):
            folded = _fold_char(chr(code))
            if folded != chr(code):
                table[code] = folded or None
    return table


def fold_words(text: str) -> str:
    """The folded words separated by single spaces: ``"26/01/2024, Tỉnh uỷ" → "26 01 2024 tinh uy"``."""
    return " ".join(text.translate(fold_table()).split())


def folded_with_offsets(text: str) -> tuple[str, list[int] | range]:
    """The folded text (non-word characters as spaces) and, per folded character, its index in ``text``.

    Works on NFD text too: a combining mark folds to nothing and the letter
    before it keeps its own offset.
    """
    table = fold_table()
    folded = text.translate(table)
    if len(folded) == len(text):  # nothing dropped: character i folds to character i
        return folded, range(len(text))
    chars: list[str] = []
    owner: list[int] = []
    for i, ch in enumerate(text):
        out = ch.translate(table)
        if out:
            chars.append(out)
            owner.append(i)
    return "".join(chars), owner


def phrase_spans(text: str, phrases: Iterable[str]) -> list[list[tuple[int, int]]]:
    """For each folded phrase, the spans of ``text`` (original offsets) where it occurs as whole words.

    >>> t = "đồng chí Lâm Đức Xuân, Bí thư Đảng uỷ"
    >>> [[t[s:e] for s, e in spans] for spans in phrase_spans(t, ["lam duc xuan", "dang uy"])]
    [['Lâm Đức Xuân'], ['Đảng uỷ']]
    """
    folded, owner = folded_with_offsets(text)
    found = []
    for phrase in phrases:
        words = phrase.split()
        if not words:
            found.append([])
            continue
        pattern = re.compile(r"(?<!\S)" + " +".join(map(re.escape, words)) + r"(?!\S)")
        found.append([(owner[m.start()], _past_marks(text, owner[m.end() - 1] + 1)) for m in pattern.finditer(folded)])
    return found


def _past_marks(text: str, end: int) -> int:
    """Move an end offset past the combining marks of its last letter (NFD text)."""
    while end < len(text) and _COMBINING.match(text, end):
        end += 1
    return end
