"""underthesea word segmentation of a document's lines, with each word's offsets.

``underthesea.word_tokenize`` takes one string and returns words as strings;
a caller that needs offsets must search for each word again. This class uses
the same parts word_tokenize uses (its regex tokenizer, character
normalisation and CRF model, nothing re-implemented or re-trained) and keeps
where each token stands, so it returns the same words as ``word_tokenize``
line by line, as spans:

    >>> seg = WordSegmenter()
    >>> line = "Bí thư Đảng ủy chủ trì Hội nghị"
    >>> [line[s:e] for s, e in seg.segment([line])[0]]
    ['Bí thư', 'Đảng ủy', 'chủ trì', 'Hội nghị']

Each line is featurized and tagged on its own, as word_tokenize does a
sentence. One featurizer call for a whole document holds some 16,000 feature
strings at once and saved nothing: segmenting alone it measured 3-8% slower
than a call a line, and whole extraction the same.

If a later underthesea release moves those parts, it falls back to calling
``word_tokenize`` a line at a time and finding the words in the line.

Most of a line is plain syllables ("Hội", "nghị"), and underthesea's token
regex spends most of its time proving that each one is not a URL, an e-mail,
a date or an abbreviation. :func:`syllable_tokens` takes such a syllable as the
one token the regex would make of it and runs the regex on everything else.
"""
from __future__ import annotations

import re
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from underthesea import word_tokenize

Span = tuple[int, int]
_WORD_TOKENIZE_MODULE = "underthesea.pipeline.word_tokenize"
_REGEX_MODULE = "underthesea.pipeline.word_tokenize.regex_tokenize"
# a run of letters between spaces ("nghị", "Đảng"), or any other run of non-spaces ("2023,", "TP.HCM")
_PLAIN_OR_OTHER = re.compile(r"(?P<plain>(?!Th)[^\W\d_]+)(?!\S)|\S+")


class WordSegmenter:
    """Callable over a document's lines: each line's words as ``(start, end)`` offsets into that line."""

    def __init__(self) -> None:
        word_tokenize("Hội nghị cán bộ, công chức")  # loads underthesea's CRF model once
        self._parts = _underthesea_parts()

    @property
    def direct(self) -> bool:
        """True when underthesea's parts were found and are called directly (else ``word_tokenize`` is)."""
        return self._parts is not None

    def segment(self, lines: Sequence[str]) -> list[list[Span]]:
        """Word spans of each line, as ``word_tokenize(line)`` splits it."""
        parts = self._parts
        if parts is None:
            return [_by_word_tokenize(line) for line in lines]
        words: list[list[Span]] = []
        for line in lines:
            seen = parts.normalize(line)  # what underthesea reads: "Ðảng" is "Đảng" to it
            if len(seen) != len(line):  # never on NFC text: offsets would not hold
                words.append(_by_word_tokenize(line))
                continue
            tokens = syllable_tokens(parts.regex, seen)
            if not tokens:
                words.append([])
                continue
            features = parts.featurizer.process([[[seen[s:e]] for s, e in tokens]])[0]
            words.append(_merge(tokens, parts.tagger.tag(features)))
        return words


@dataclass(frozen=True)
class _Parts:
    """What ``word_tokenize`` is made of: token regex, character normaliser, CRF featurizer and tagger."""

    regex: re.Pattern[str]
    normalize: Callable[[str], str]
    featurizer: Any
    tagger: Any


def _underthesea_parts() -> _Parts | None:
    """The parts behind ``word_tokenize``, or None if this underthesea keeps them elsewhere."""
    try:
        model = sys.modules[_WORD_TOKENIZE_MODULE].word_tokenize_model
        regex = sys.modules[_REGEX_MODULE]
        # compiled here: underthesea swaps its module-level pattern when called with fixed_words
        return _Parts(re.compile(regex.regex_patterns_combine, re.VERBOSE | re.UNICODE),
                      regex.normalize_characters_in_text, model.featurizer, model.estimator)
    except (KeyError, AttributeError):
        return None


def syllable_tokens(regex: re.Pattern[str], line: str) -> list[Span]:
    """The spans of ``regex.finditer(line)``, underthesea's tokens, with plain syllables taken without it.

        >>> line = "Hội nghị (UBND) TP.HCM"
        >>> [line[s:e] for s, e in syllable_tokens(underthesea_token_regex, line)]
        ['Hội', 'nghị', '(', 'UBND', ')', 'TP.HCM']

    No alternative of underthesea's token regex starts at a space, and the only
    ones that can match inside a run of letters without taking all of it need
    something else in it (".", "-", "@", ":", "'", "&", a digit) or open with
    "Th" ("Th.S" is written unescaped, so its dot is any character). A run of
    letters between spaces that does not open with "Th" is therefore one token
    (the ``word`` alternative), and the regex runs, at the same offsets of the
    same line, on every other run. Should a token it finds there reach past the
    run's end, the whole line is tokenized by the regex instead.
    """
    spans: list[Span] = []
    match = regex.match
    for run in _PLAIN_OR_OTHER.finditer(line):
        if run.lastgroup:
            spans.append(run.span())
            continue
        pos, end = run.span()
        while pos < end:
            token = match(line, pos)  # what finditer finds next: every non-space character starts a token
            if token is None or not pos < token.end() <= end:
                return [m.span() for m in regex.finditer(line)]
            spans.append(token.span())
            pos = token.end()
    return spans


def _merge(tokens: list[Span], tags: Sequence[str]) -> list[Span]:
    """Join tokens tagged ``I-W`` to the word before them, as word_tokenize does."""
    words: list[Span] = []
    for (start, end), tag in zip(tokens, tags):
        if tag == "I-W" and words:
            words[-1] = (words[-1][0], end)
        else:
            words.append((start, end))
    return words


def _by_word_tokenize(line: str) -> list[Span]:
    """``word_tokenize``'s words of the line, found in it."""
    return _find_words(line, word_tokenize(line, use_token_normalize=False))


def _find_words(line: str, words: Sequence[str]) -> list[Span]:
    """Offsets of ``words`` (syllables joined by single spaces) found in order in ``line``."""
    spans: list[Span] = []
    cursor = 0
    for word in words:
        start = end = None
        for part in word.split(" "):
            if not part:
                continue
            found = line.find(part, cursor)
            if found < 0 or line[cursor:found].strip():
                break  # the word was altered: leave the rest of it to the gap
            start = found if start is None else start
            end = cursor = found + len(part)
        if start is not None and end is not None:
            spans.append((start, end))
    return spans


__all__ = ["WordSegmenter", "syllable_tokens"]
