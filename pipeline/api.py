"""The library API: ``Extractor().extract(text, doc_id=...) -> ArticleFacts``.

    >>> ex = Extractor()
    >>> rec = ex.extract("Sáng 15-1, Sở Tư pháp tổ chức Hội nghị.", doc_id="a1", meta={"published": "2024-01-15"})
    >>> rec.meeting.date
    '2024-01-15'
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator

from spacy.language import Language

from pipeline.errors import ExtractError
from pipeline.nlp import build_nlp
from pipeline.record import build_record
from schemas import ArticleFacts

_META_KEYS = ("path", "url", "published", "source", "encoding", "title")


class Extractor:
    """Holds one loaded pipeline (underthesea, spaCy, rules); reuse it for many articles."""

    def __init__(self, nlp: Language | None = None) -> None:
        self.nlp = nlp if nlp is not None else build_nlp()

    def extract(self, text: str, *, doc_id: str, meta: dict[str, str] | None = None) -> ArticleFacts:
        """Facts of one article; raises :class:`ExtractError` naming the document."""
        if not text or not text.strip():
            raise ExtractError(doc_id, "empty", "text is empty")
        meta = {k: v for k, v in (meta or {}).items() if k in _META_KEYS and v}
        doc = self.nlp.make_doc(text)
        doc._.published = meta.get("published")
        for _, component in self.nlp.pipeline:
            doc = component(doc)
        return build_record(doc, doc_id=doc_id, meta=meta)

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
