"""The NLP core: working text with its map to the original, underthesea tokens in a spaCy ``Doc``,
the registered stages, and the record built from the annotated ``Doc``.

    >>> from hoinghi.pipeline.nlp.extractor import Extractor
    >>> Extractor().extract("Sáng ngày 26/01/2024, Văn phòng Tỉnh uỷ tổ chức Hội nghị.", doc_id="x").meeting.date
    '2024-01-26'

Imports no reader, writer, batch, archive or CLI.
"""
