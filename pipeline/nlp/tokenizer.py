"""underthesea word segmentation as a spaCy tokenizer, offsets kept.

The tokenizer receives the ORIGINAL article text, builds its working text
(:mod:`pipeline.nlp.textmap`), splits it into sentences and words with underthesea
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
from collections.abc import Callable, Iterable

import numpy
from spacy.attrs import SENT_START
from spacy.tokens import Doc
from spacy.util import registry
from spacy.vocab import Vocab
from underthesea import sent_tokenize

from hoinghi import rules
from hoinghi.pipeline.nlp.segmenter import WordSegmenter
from hoinghi.pipeline.nlp.textmap import TextMap, normalize

_LINES = re.compile(r"[^\n]+")
_STOPS = ".?!"  # the only marks underthesea's sent_tokenize ends a sentence at
_STOP_INSIDE = re.compile(r"[?!]|(?<!\d)\.|\.(?!\d)")  # never at a dot between digits: "1.500", "15.12.2025"

if not Doc.has_extension("textmap"):
    Doc.set_extension("textmap", default=None)


class UndertheseaTokenizer:
    """Callable ``text -> Doc``: underthesea sentences and words, original offsets kept."""

    def __init__(self, vocab: Vocab, *, max_sentence_chars: int = 3000,
                 abbreviations: tuple[str, ...] = ()) -> None:
        self.vocab = vocab
        self.segmenter = WordSegmenter()
        self.max_sentence_chars = max_sentence_chars
        self.abbreviations = frozenset(abbreviations)

    def __call__(self, original: str) -> Doc:
        tmap = normalize(original)
        text = tmap.text
        chunks, starts = self._lines(text)
        # one pass over underthesea's words: the Doc's words (and the gaps between them), and where sentences open
        words: list[str] = []
        spaces: list[bool] = []
        sent_starts: list[bool] = []
        spans: list[tuple[int, int, bool]] = []
        cursor = next_start = 0
        beyond = len(text) + 1
        next_open = starts[0] if starts else beyond  # where the next sentence begins
        for (offset, _), line_spans in zip(chunks, self.segmenter.segment([chunk for _, chunk in chunks])):
            for start, end in line_spans:
                start += offset
                end += offset
                if start != cursor:
                    if start - cursor == 1 and text[cursor] == " " and spaces and not spaces[-1]:
                        spaces[-1] = True
                    else:
                        gap = text[cursor:start]
                        if spaces and not spaces[-1] and gap.startswith(" ") and gap != " ":
                            spaces[-1] = True
                            gap = gap[1:]
                        words.append(gap)
                        spaces.append(False)
                        sent_starts.append(False)
                opens = start >= next_open  # the first word at or after a sentence's start opens it
                if opens:
                    while next_start < len(starts) and start >= starts[next_start]:
                        next_start += 1
                    next_open = starts[next_start] if next_start < len(starts) else beyond
                words.append(text[start:end])
                spaces.append(False)
                sent_starts.append(opens)
                spans.append((start, end, opens))
                cursor = end
        if cursor < len(text):
            words.append(text[cursor:])
            spaces.append(False)
            sent_starts.append(False)
        doc = Doc(self.vocab, words=words, spaces=spaces)
        if words:
            sent_starts[0] = True
            doc.from_array([SENT_START], numpy.where(numpy.array(sent_starts), 1, -1).astype("int64").view("uint64"))
        doc._.textmap = tmap
        doc.user_data["hoinghi.words"] = spans  # (start, end, starts_sentence) of underthesea's words
        opened = [0] + [s for s, _, opens in spans if opens and s]
        doc.user_data["hoinghi.sentences"] = trimmed_spans(text, zip(opened, [*opened[1:], len(text)]))
        return doc

    def _lines(self, text: str) -> tuple[list[tuple[int, str]], list[int]]:
        """The text's lines as ``(offset, chunk)`` for the segmenter, and where its sentences begin, in order.

        The segmenter gives each line the words ``word_tokenize`` gives it;
        sentences are underthesea's.
        """
        chunks: list[tuple[int, str]] = []
        starts: list[int] = []
        for line in _LINES.finditer(text):
            if line.group().strip():
                starts += self._sentence_starts(text, line.start(), line.group())
                chunks += self._chunks(line.group(), line.start())
        return chunks, starts

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
        if not _STOP_INSIDE.search(line.rstrip().rstrip(_STOPS)):
            return [line.strip()]  # what sent_tokenize returns when only the line's end can close a sentence
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


def trimmed_spans(text: str, bounds: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """``bounds`` with spaces trimmed off both ends, the empty ones dropped: ``(0, 9)`` over " Hội nghị" → (1, 9)."""
    out = []
    for begin, end in bounds:
        while begin < end and text[begin].isspace():
            begin += 1
        while end > begin and text[end - 1].isspace():
            end -= 1
        if end > begin:
            out.append((begin, end))
    return out


@registry.tokenizers("hoinghi.underthesea_tokenizer.v1")
def create_tokenizer() -> Callable[..., UndertheseaTokenizer]:
    """spaCy config hook: ``[nlp.tokenizer] @tokenizers = "hoinghi.underthesea_tokenizer.v1"``."""

    def make(nlp) -> UndertheseaTokenizer:
        return UndertheseaTokenizer(nlp.vocab, abbreviations=rules.load("tokenizer").lexicon("abbreviations"))

    return make


__all__ = ["TextMap", "UndertheseaTokenizer", "create_tokenizer", "trimmed_spans"]
