"""The library API: ``Extractor().extract(text, doc_id=...) -> ArticleFacts``.

    >>> ex = Extractor()
    >>> rec = ex.extract("Sáng 15-1, Sở Tư pháp tổ chức Hội nghị.", doc_id="a1", meta={"published": "2024-01-15"})
    >>> rec.meeting.date
    '2024-01-15'
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import ExitStack

from spacy.language import Language

from hoinghi import rules
from hoinghi.pipeline.errors import ExtractError
from hoinghi.pipeline.nlp.confidence import above, with_confidence
from hoinghi.pipeline.nlp.language import build_nlp
from hoinghi.pipeline.nlp.record import build_record
from hoinghi.schemas import ArticleFacts

_META_KEYS = ("path", "url", "published", "source", "encoding", "title")


class Extractor:
    """Holds one loaded pipeline (underthesea, spaCy, rules); reuse it for many articles.

    spaCy keeps every new word of every document in its vocabulary, so a worker
    that reads tens of thousands of articles would grow without end (names and
    numbers keep coming). On a pipeline of its own, documents are extracted
    inside a spaCy memory zone that is closed, and its words dropped, every
    ``zone_docs`` documents: memory stays flat, and common words are added back
    once a zone rather than once a document (a zone a document costs about
    1 ms). A pipeline passed in may be shared, and zones must not nest, so it
    gets none.

    Every fact gets the confidence of its path (``rules/confidence.yaml``; none with
    ``calibrated=False``); with ``min_confidence`` the facts below it are left out.
    """

    def __init__(self, nlp: Language | None = None, *, zone_docs: int = 1000,
                 min_confidence: float | None = None, calibrated: bool = True) -> None:
        if zone_docs < 1:
            raise ValueError(f"zone_docs must be at least 1, got {zone_docs}")
        if min_confidence is not None and not 0 <= min_confidence <= 1:
            raise ValueError(f"min_confidence must be between 0 and 1, got {min_confidence}")
        self.nlp = nlp if nlp is not None else build_nlp()
        # calibrated=False: no confidence at all (scripts/calibrate.py, which writes the table, reads none)
        self.confidence = rules.load_confidence() if calibrated else None
        self.min_confidence = min_confidence
        self.zone_docs = zone_docs if nlp is None else None
        self._zone = ExitStack()
        self._zone_left = 0  # documents the open zone still takes

    def extract(self, text: str, *, doc_id: str, meta: dict[str, str] | None = None) -> ArticleFacts:
        """Facts of one article; raises :class:`ExtractError` naming the document."""
        if not text or not text.strip():
            raise ExtractError(doc_id, "empty", "text is empty")
        meta = {k: v for k, v in (meta or {}).items() if k in _META_KEYS and v}
        self._next_zone_slot()
        doc = self.nlp.make_doc(text)
        doc._.published = meta.get("published")
        for _, component in self.nlp.pipeline:
            doc = component(doc)
        record = build_record(doc, doc_id=doc_id, meta=meta)
        if self.confidence is not None:
            record = with_confidence(record, self.confidence)
        return record if self.min_confidence is None else above(record, self.min_confidence)

    def _next_zone_slot(self) -> None:
        """Open a fresh memory zone when the current one has taken ``zone_docs`` documents (no Doc outlives it)."""
        if self.zone_docs is None:
            return
        if self._zone_left == 0:
            self._zone.close()  # drops the words the last zone's documents added
            self._zone = ExitStack()
            self._zone.enter_context(self.nlp.memory_zone())
            self._zone_left = self.zone_docs
        self._zone_left -= 1

    def extract_many(self, items: Iterable[tuple[str, str, dict[str, str]]]) -> Iterator[ArticleFacts | ExtractError]:
        """``(doc_id, text, meta)`` in, a record or the document's error out, in order."""
        for doc_id, text, meta in items:
            try:
                yield self.extract(text, doc_id=doc_id, meta=meta)
            except ExtractError as exc:
                yield exc


def extract(text: str, *, doc_id: str = "doc", meta: dict[str, str] | None = None) -> ArticleFacts:
    """One-off convenience: loads a pipeline and extracts one article (use ``Extractor`` for many)."""
    return Extractor().extract(text, doc_id=doc_id, meta=meta)
