"""Pydantic models of what hoinghi writes: one ``ArticleFacts`` record an article.

    >>> from hoinghi.schemas import ArticleFacts
    >>> ArticleFacts.model_validate_json(line).meeting.date
    '2024-01-26'
"""
from hoinghi.schemas.models import (
    UNCERTAIN_BELOW,
    ArticleFacts,
    Award,
    DateMention,
    Evidence,
    ExtractionError,
    Meeting,
    Percentage,
    Person,
    Quantity,
    SourceMeta,
    is_uncertain,
)

__all__ = [
    "UNCERTAIN_BELOW",
    "is_uncertain",
    "ArticleFacts",
    "Award",
    "DateMention",
    "Evidence",
    "ExtractionError",
    "Meeting",
    "Percentage",
    "Person",
    "Quantity",
    "SourceMeta",
]
