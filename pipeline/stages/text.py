"""Small text helpers shared by the stages (sentences, clauses, numbers, years)."""
from __future__ import annotations

import re

from spacy.tokens import Doc

from pipeline.facts import Span
from pipeline.textmap import normalize

_YEAR = re.compile(r"\bnăm\s+((?:19|20)\d{2})\b(?!\s*[-–]\s*\d)", re.IGNORECASE)


def doc_text(doc: Doc) -> str:
    """The doc's working text, held by its text map (``doc.text`` rebuilds it from tokens each time)."""
    tmap = doc._.textmap
    return tmap.text if tmap is not None else doc.text


def lowered(doc: Doc) -> str:
    """The working text in lower case, character for character, kept on the doc.

    Python's ``(?i)`` matching of Vietnamese letters is several times slower than
    plain matching, so the case-blind rules run on this text (see :func:`caseless`);
    it has the working text's offsets: "Bằng khen" → "bằng khen".
    """
    cached = doc.user_data.get("hoinghi.lowered")
    if cached is None:
        cached = doc.user_data["hoinghi.lowered"] = lower_same_length(doc_text(doc))
    return cached


def lower_same_length(text: str) -> str:
    """``text.lower()``, leaving the rare letter whose lower case is longer ("İ") as it is."""
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(c if len(c.lower()) != 1 else c.lower() for c in text)


def caseless(pattern: str) -> re.Pattern[str]:
    """Compile a ``(?i)`` pattern to run on lowered text: it matches there where the original matches the text.

    The pattern is lower-cased outside escapes and group names, and its ``(?i)``
    dropped: ``(?i)\\bBằng khen\\b`` → ``\\bbằng khen\\b``, ``[A-ZĐ]`` → ``[a-zđ]``.
    """
    if not pattern.startswith("(?i)") or "(?-i" in pattern:
        raise ValueError(f"not a wholly case-blind pattern: {pattern[:40]!r}")
    source = pattern.removeprefix("(?i)")
    out: list[str] = []
    i = 0
    while i < len(source):
        if source[i] == "\\":
            out.append(source[i:i + 2])  # \S, \D, \W keep their meaning
            i += 2
        elif source.startswith(("(?P<", "(?P="), i):
            close = source.index(">" if source[i + 3] == "<" else ")", i)
            out.append(source[i:close + 1])
            i = close + 1
        else:
            out.append(source[i].lower())
            i += 1
    return re.compile("".join(out))


def sentences(doc: Doc) -> list[Span]:
    """Character spans of the doc's sentences (whitespace trimmed), found once and kept on the doc."""
    cached = doc.user_data.get("hoinghi.sentences")
    if cached is not None:
        return cached
    text = doc_text(doc)
    out = []
    for sent in doc.sents:
        start, end = sent.start_char, sent.end_char
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if end > start:
            out.append((start, end))
    doc.user_data["hoinghi.sentences"] = out
    return out


def sentence_of(sents: list[Span], pos: int) -> Span:
    """The sentence span containing ``pos`` (or a zero span)."""
    for start, end in sents:
        if start <= pos < end:
            return start, end
    return pos, pos


def parse_int(text: str) -> int:
    """``2.072`` → 2072, ``05`` → 5."""
    return int(text.replace(".", "").replace(",", ""))


def parse_decimal(text: str) -> float:
    """``98,5`` → 98.5; ``1.250`` (thousands) → 1250; ``12.5`` → 12.5."""
    if "," in text:
        return float(text.replace(".", "").replace(",", "."))
    if re.fullmatch(r"\d{1,3}(?:\.\d{3})+", text):
        return float(text.replace(".", ""))
    return float(text)


def years_in(text: str) -> list[int]:
    """Years written ``năm YYYY`` in ``text``, in order."""
    return [int(m.group(1)) for m in _YEAR.finditer(text)]


def trim_span(text: str, start: int, end: int, chars: str = " \t\n,.;:-–—()“”\"'") -> Span:
    """Shrink ``[start, end)`` past surrounding punctuation and spaces."""
    while start < end and text[start] in chars:
        start += 1
    while end > start and text[end - 1] in chars:
        end -= 1
    return start, end


def alternation(words: tuple[str, ...]) -> str:
    """Lexicon words as a regex alternation over the working text, longest first."""
    forms = dict.fromkeys(normalize(w).text for w in words)
    return "(?:" + "|".join(re.escape(w) for w in sorted(forms, key=len, reverse=True)) + ")"
