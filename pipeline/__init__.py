"""hoinghi: validated, evidence-linked facts from Vietnamese meeting news.

    >>> from pipeline import Extractor
    >>> record = Extractor().extract("Sáng ngày 26/01/2024, Văn phòng Tỉnh uỷ tổ chức Hội nghị.", doc_id="x")
    >>> record.meeting.date
    '2024-01-26'
"""
from pipeline.api import Extractor, extract  # noqa: E402

__all__ = ["Extractor", "extract"]
