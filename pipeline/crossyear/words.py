"""Word-level normalising of Vietnamese names and subjects, tone marks placed one way.

    >>> norm("Văn phòng Tỉnh uỷ")
    'văn phòng tỉnh ủy'
    >>> fold("Quảng Nam") == fold("quang nam")
    True
"""
from __future__ import annotations

import re
import unicodedata

from hoinghi.pipeline.archive.fold import fold_words

# Old-style tone placement ("uỷ", "hoà") to the new one ("ủy", "hòa"): the same word either way.
_OLD_TONES = {
    "uỳ": "ùy", "uý": "úy", "uỷ": "ủy", "uỹ": "ũy", "uỵ": "ụy",
    "oà": "òa", "oá": "óa", "oả": "ỏa", "oã": "õa", "oạ": "ọa",
    "oè": "òe", "oé": "óe", "oẻ": "ỏe", "oẽ": "õe", "oẹ": "ọe",
}
# Only where the pair ends the syllable ("hoà", "thuỷ"; not "toán"), and not the "u" of "qu" ("quý").
_OLD_RE = re.compile("(?<!q)(?:" + "|".join(_OLD_TONES) + r")(?!\w)")
_WORD = re.compile(r"\w+", re.UNICODE)


def norm(text: str) -> str:
    """Lower case, NFC, new-style tone marks, single spaces, punctuation as spaces (marks kept)."""
    text = unicodedata.normalize("NFC", text).lower()
    text = _OLD_RE.sub(lambda m: _OLD_TONES[m.group()], text)
    return " ".join(_WORD.findall(text))


def fold(text: str) -> str:
    """Without marks, for places and site names: "Bến Tre" → "ben tre"."""
    return fold_words(text)


def squeeze(text: str) -> str:
    """Folded with no spaces, as site names write places: "Kon Tum" → "kontum"."""
    return fold(text).replace(" ", "")
