"""The case of TCVN3 (ABC) letters the bytes cannot tell: capitals with a tone mark.

TCVN3 (VN3) has codes for the lowercase toned letters and for Ă Â Ê Ô Ơ Ư Đ
only; a capital with a tone (Ấ, Ứ, Í ...) was typed with the lowercase code in
the capital font, .VnTimeH. In a plain file that font is gone, so the case is
restored from where the word stands:

- a line typed all in capitals: ``HéI NGHÞ`` → ``HỘI NGHỊ``;
- the first word of a sentence or a line: ``ấn tượng`` → ``Ấn tượng``;
- a name syllable after a name that begins with a surname (surnames and
  places that are not names come from ``rules/people.yaml``, name syllables
  that begin with a toned vowel from ``rules/encodings.yaml``)::

    >>> restore_capitals("Đồng chí Nguyễn Văn ấn, Ngô ích ứng dự.", toned={"ấ", "í", "ứ"},
    ...                  name_syllables={"Ấn", "Ích", "Ứng"}, surnames={"Nguyễn", "Ngô"}, not_names=set())
    'Đồng chí Nguyễn Văn Ấn, Ngô Ích Ứng dự.'
"""
from __future__ import annotations

import re
from collections.abc import Collection

_MAX_NAME = 4  # syllables in a Vietnamese name, surname included
_TOKEN = re.compile(r"\w+|\W+")


def restore_capitals(text: str, *, toned: Collection[str], name_syllables: Collection[str],
                     surnames: Collection[str], not_names: Collection[str]) -> str:
    """``text`` with the capitals restored that TCVN3 typed as lowercase ``toned`` letters."""
    text = re.sub(r"[^\n]+", _upper_if_shouting, text)
    if not toned:
        return text
    letters = "".join(sorted(toned))
    starts = re.compile(rf"(^|[.!?…]\s+|\n)([\"“‘(\[-]?\s*)([{letters}])", re.MULTILINE)
    text = starts.sub(lambda m: m.group(1) + m.group(2) + m.group(3).upper(), text)
    return _restore_names(text, set(toned), name_syllables, surnames, not_names)


def _upper_if_shouting(match: re.Match[str]) -> str:
    """A line with no lowercase ASCII letter and a word of two capitals was typed in capitals: ``Lª Hµ`` stays."""
    line = match.group()
    if any("a" <= c <= "z" for c in line):
        return line
    if not any(sum(c.isupper() for c in word) >= 2 for word in line.split()):
        return line
    return line.upper()


def _restore_names(text: str, toned: set[str], name_syllables: Collection[str], surnames: Collection[str],
                   not_names: Collection[str]) -> str:
    out: list[str] = []
    run: list[str] = []  # capitalised words so far, one space apart
    for token in _TOKEN.findall(text):
        if not token[0].isalnum() and token[0] != "_":
            out.append(token)
            if token != " ":
                run = []
            continue
        word = token
        if word[0] in toned:
            name = _name_so_far(run, surnames)  # "Bà Trần Thị" -> ["Trần", "Thị"]
            capital = word[0].upper() + word[1:]
            if name and capital in name_syllables and " ".join(name).casefold() not in not_names:
                word = capital
        if word[0].isupper():
            run.append(word)
        else:
            run = []
        out.append(word)
    return "".join(out)


def _name_so_far(run: list[str], surnames: Collection[str]) -> list[str]:
    """The end of ``run`` from its last surname, if a name could go on after it; else empty."""
    for start in range(len(run) - 1, max(-1, len(run) - _MAX_NAME - 1), -1):
        if run[start] in surnames:
            return run[start:] if len(run) - start < _MAX_NAME else []
    return []


__all__ = ["restore_capitals"]
