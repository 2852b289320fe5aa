"""hoinghi: validated, evidence-linked facts from Vietnamese meeting news.

    >>> from hoinghi import Extractor
    >>> record = Extractor().extract("Sáng ngày 26/01/2024, Văn phòng Tỉnh uỷ tổ chức Hội nghị.", doc_id="x")
    >>> record.meeting.date
    '2024-01-26'

The public face; the rooms behind it are ``hoinghi.pipeline`` (inputs, nlp, batch, archive, web,
evaluation, cli), ``hoinghi.rules`` (the rule tables) and ``hoinghi.schemas`` (the records).
"""
from hoinghi.pipeline.archive import index_records, open_archive
from hoinghi.pipeline.batch.run import run_batch
from hoinghi.pipeline.evaluation.scoring import score
from hoinghi.pipeline.nlp.extractor import Extractor, extract
from hoinghi.schemas import ArticleFacts

__all__ = ["ArticleFacts", "Extractor", "extract", "index_records", "open_archive", "run_batch", "score"]
