"""hoinghi's own exceptions; each names the document it is about."""
from __future__ import annotations


class HoinghiError(Exception):
    """Base of hoinghi's errors."""


class ExtractError(HoinghiError):
    """A document that could not be extracted: ``ExtractError("A001", "empty", "text is empty")``."""

    def __init__(self, doc_id: str, reason: str, message: str, source: str | None = None) -> None:
        super().__init__(f"{doc_id}: {message}")
        self.doc_id = doc_id
        self.reason = reason
        self.message = f"{doc_id}: {message}"
        self.source = source
