"""Running batches: documents from the inputs through worker processes, records and errors written in input order.

    >>> from hoinghi.pipeline.batch.run import run_batch
    >>> run_batch(["crawl/"], Path("facts.jsonl"), Path("facts.errors.jsonl"), jobs=2).extracted   # doctest: +SKIP
    40
"""
