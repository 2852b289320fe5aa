"""underthesea word segmentation as a spaCy tokenizer, offsets kept.

The tokenizer receives the ORIGINAL article text, builds its working text
(:mod:`pipeline.textmap`), splits it into sentences and words with underthesea
once, and returns a ``Doc`` whose text is the working text character for
character (runs of spaces and newlines become whitespace tokens). The offset
map travels on ``doc._.textmap``:

    >>> doc = nlp("Đồng chí Lâm Đức Xuân– Bí thư Đảng uỷ")
    >>> [t.text for t in doc][:3]
    ['Đồng chí', 'Lâm Đức Xuân', '–']
    >>> doc._.textmap.original_span(doc[4].idx, doc[6].idx + len(doc[6]))[2]
    'Đảng uỷ'
"""
from __future__ import annotations

import re
from collections.abc import Callable

from spacy.tokens import Doc
from spacy.util import registry
from spacy.vocab import Vocab
from underthesea import sent_tokenize, word_tokenize

import rules
from pipeline.textmap import TextMap, normalize

_SPACE = re.compile(r"\s+")
_LINES = re.compile(r"[^\n]+")

if not Doc.has_extension("textmap"):
    Doc.set_extension("textmap", default=None)


class UndertheseaTokenizer:
    """Callable ``text -> Doc``: underthesea sentences and words, original offsets kept."""

    def __init__(self, vocab: Vocab, *, max_sentence_chars: int = 3000,
                 abbreviations: tuple[str, ...] = ()) -> None:
        self.vocab = vocab
        self.max_sentence_chars = max_sentence_chars
        self.abbreviations = frozenset(abbreviations)

    def __call__(self, original: str) -> Doc:
        tmap = normalize(original)
        spans = self._word_spans(tmap.text)
        words: list[str] = []
        spaces: list[bool] = []
        sent_starts: list[bool] = []
        cursor = 0
        text = tmap.text
        for start, end, sent_start in spans:
            gap = text[cursor:start]
            if gap:
                if gap == " " and words and not spaces[-1]:
                    spaces[-1] = True
                else:
                    if words and not spaces[-1] and gap.startswith(" ") and gap != " ":
                        spaces[-1] = True
                        gap = gap[1:]
                    words.append(gap)
                    spaces.append(False)
                    sent_starts.append(False)
            words.append(text[start:end])
            spaces.append(False)
            sent_starts.append(sent_start)
            cursor = end
        if cursor < len(text):
            words.append(text[cursor:])
            spaces.append(False)
            sent_starts.append(False)
        if sent_starts:
            sent_starts[0] = True
        doc = Doc(self.vocab, words=words, spaces=spaces, sent_starts=sent_starts)
        doc._.textmap = tmap
        doc.user_data["hoinghi.words"] = spans  # (start, end, starts_sentence) of underthesea's words
        return doc

    def _word_spans(self, text: str) -> list[tuple[int, int, bool]]:
        """(start, end, starts_sentence) of every underthesea word, in order.

        Words are segmented a line at a time (one CRF call for the line, not one a
        sentence: the same words, less overhead); sentences are underthesea's.
        """
        out: list[tuple[int, int, bool]] = []
        for line in _LINES.finditer(text):
            if not line.group().strip():
                continue
            starts = self._sentence_starts(text, line.start(), line.group())
            for chunk_start, chunk in self._chunks(line.group(), line.start()):
                for start, end in _align(text, word_tokenize(chunk, use_token_normalize=False), chunk_start):
                    opens = bool(starts) and start >= starts[0]
                    while starts and start >= starts[0]:
                        starts.pop(0)
                    out.append((start, end, opens))
        return out

    def _sentence_starts(self, text: str, offset: int, line: str) -> list[int]:
        """Where the line's sentences begin, as offsets into ``text``."""
        starts, cursor = [], 0
        for sentence in self._sentences(line):
            begin = line.find(sentence, cursor)
            if begin < 0:
                continue  # the splitter altered the text: no boundary there
            starts.append(offset + begin)
            cursor = begin + len(sentence)
        return starts or [offset]

    def _sentences(self, line: str) -> list[str]:
        """underthesea's sentences, joined back where one was cut after "TS.", "BSCKII."..."""
        out: list[str] = []
        for sentence in sent_tokenize(line):
            last = out[-1].rsplit(" ", 1)[-1] if out else ""
            if last in self.abbreviations:
                start = line.find(out[-1])
                end = line.find(sentence, start + len(out[-1])) + len(sentence)
                out[-1] = line[start:end]
            else:
                out.append(sentence)
        return out

    def _chunks(self, sentence: str, offset: int) -> list[tuple[int, str]]:
        """Cut an over-long sentence (a table, a list without stops) at spaces."""
        size = self.max_sentence_chars
        if len(sentence) <= size:
            return [(offset, sentence)]
        chunks, start = [], 0
        while start < len(sentence):
            end = min(len(sentence), start + size)
            if end < len(sentence):
                cut = sentence.rfind(" ", start, end)
                end = cut if cut > start else end
            chunks.append((offset + start, sentence[start:end]))
            start = end
        return chunks


def _align(text: str, words: list[str], cursor: int) -> list[tuple[int, int]]:
    """Find each word's syllables in ``text`` from ``cursor``; return (start, end) spans."""
    spans = []
    size = len(text)
    for word in words:
        pos = cursor
        while pos < size and text[pos].isspace():
            pos += 1
        if text.startswith(word, pos):  # the usual case: the word as written, single spaces
            spans.append((pos, pos + len(word)))
            cursor = pos + len(word)
            continue
        start = end = None
        for part in word.split(" "):  # runs of spaces or line breaks inside the word
            if not part:
                continue
            found = text.find(part, cursor)
            if found < 0 or text[cursor:found].strip():
                break  # not where expected: leave the rest to whitespace/gap handling
            if start is None:
                start = found
            end = found + len(part)
            cursor = end
        if start is not None and end is not None:
            spans.append((start, end))
    return spans


@registry.tokenizers("hoinghi.underthesea_tokenizer.v1")
def create_tokenizer() -> Callable[..., UndertheseaTokenizer]:
    """spaCy config hook: ``[nlp.tokenizer] @tokenizers = "hoinghi.underthesea_tokenizer.v1"``."""

    def make(nlp) -> UndertheseaTokenizer:
        return UndertheseaTokenizer(nlp.vocab, abbreviations=rules.load("tokenizer").lexicon("abbreviations"))

    return make


__all__ = ["TextMap", "UndertheseaTokenizer", "create_tokenizer"]
