"""Normalise Vietnamese text for matching while keeping the map back to the original.

The working text is NFC, old-style tone placement moved to the new style
(``uỷ`` → ``ủy``, ``hoà`` → ``hòa``), ``ỹ`` → ``ĩ`` (``sỹ``/``sĩ``), odd spaces made
plain and invisible characters dropped. Every working character remembers the
original character it came from, so a span found in the working text is
quoted from the original exactly as written:

    >>> m = normalize("Chánh Văn phòng Tỉnh uỷ")
    >>> m.text
    'Chánh Văn phòng Tỉnh ủy'
    >>> m.original_span(16, 23)
    (16, 23, 'Tỉnh uỷ')
"""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

# old-style tone placement -> new style; both sides are two characters, so offsets hold.
_TONE_PAIRS = {
    "oà": "òa", "oá": "óa", "oả": "ỏa", "oã": "õa", "oạ": "ọa",
    "oè": "òe", "oé": "óe", "oẻ": "ỏe", "oẽ": "õe", "oẹ": "ọe",
    "uỳ": "ùy", "uý": "úy", "uỷ": "ủy", "uỹ": "ũy", "uỵ": "ụy",
}
_TONE_PAIRS.update({k.capitalize(): v.capitalize() for k, v in list(_TONE_PAIRS.items())})
_TONE_PAIRS.update({k.upper(): v.upper() for k, v in list(_TONE_PAIRS.items())})
# only where the pair closes the syllable: "hoà" → "hòa", but "Đoàn", "toàn" stay
_TONE_RE = re.compile("(?:" + "|".join(_TONE_PAIRS) + r")(?![^\W\d_])")
_SINGLE = {"ỹ": "ĩ", "Ỹ": "Ĩ", "\t": " ", "\r": " ", "\u00a0": " ", "\u2007": " ", "\u202f": " ",
           "\u2002": " ", "\u2003": " ", "\u2009": " ", "\u3000": " ", "\u2028": "\n", "\u2029": "\n",
           "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2212": "-"}
_SINGLE.update({"\f": "\n", "\v": "\n"})
# invisible characters and stray control characters (NUL, BEL, ..., DEL, C1): "Hội\x07 nghị" reads "Hội nghị"
_DROP = {"\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad", "\ufffd",
         *(chr(c) for c in range(0x20) if chr(c) not in "\t\n\r\f\v"), *(chr(c) for c in range(0x7f, 0xa0))}
_DROP_RE = re.compile("[" + re.escape("".join(sorted(_DROP))) + "]")


def drop_invisible(text: str) -> str:
    """``text`` without the characters the working text drops: ``"Hội\\x07 nghị" → "Hội nghị"``."""
    return _DROP_RE.sub("", text)


@dataclass(frozen=True)
class TextMap:
    """A working text and, for each of its characters, where it starts in the original."""

    original: str
    text: str
    starts: Sequence[int]  # len(text) + 1 entries, the last len(original); a range when one-to-one

    def original_span(self, start: int, end: int) -> tuple[int, int, str]:
        """Map ``text[start:end]`` to ``(start, end, quote)`` in the original."""
        if not 0 <= start <= end <= len(self.text):
            raise ValueError(f"span {start}:{end} outside text of length {len(self.text)}")
        o_start = self.starts[start]
        # the end is just past the last character's own original, not past what was dropped after it
        o_end = self.starts[end - 1] + 1 if end > start else o_start
        # an end that falls inside a decomposed cluster takes the whole cluster
        while o_end < len(self.original) and unicodedata.combining(self.original[o_end]):
            o_end += 1
        return o_start, o_end, self.original[o_start:o_end]


def _clusters(text: str) -> list[tuple[int, str]]:
    """Split text into (offset, base character + its combining marks)."""
    out: list[tuple[int, str]] = []
    for i, ch in enumerate(text):
        if out and unicodedata.combining(ch):
            start, chunk = out[-1]
            out[-1] = (start, chunk + ch)
        else:
            out.append((i, ch))
    return out


_SINGLE_TABLE = str.maketrans(_SINGLE)
_SINGLE_RE = re.compile("[" + re.escape("".join(_SINGLE)) + "]")  # str.translate is slow: only when needed


def normalize(original: str) -> TextMap:
    """Build the working text of ``original`` with its offset map."""
    if unicodedata.is_normalized("NFC", original) and not _DROP_RE.search(original):
        # the common case: one working character for each original one
        text = original.translate(_SINGLE_TABLE) if _SINGLE_RE.search(original) else original
        text = _TONE_RE.sub(lambda m: _TONE_PAIRS[m.group()], text)
        return TextMap(original=original, text=text, starts=range(len(original) + 1))
    chars: list[str] = []
    starts: list[int] = []
    for offset, cluster in _clusters(original):
        if cluster in _DROP:
            continue
        composed = unicodedata.normalize("NFC", cluster)
        for ch in composed:
            chars.append(_SINGLE.get(ch, ch))
            starts.append(offset)
    text = _TONE_RE.sub(lambda m: _TONE_PAIRS[m.group()], "".join(chars))
    starts.append(len(original))
    return TextMap(original=original, text=text, starts=tuple(starts))
