"""Reading inputs: .txt, saved pages, JSONL, gzip, folders and legacy encodings → documents or read errors.

    >>> from hoinghi.pipeline.inputs.readers import iter_documents
    >>> [doc.doc_id for doc in iter_documents(["corpus/articles"])][:1]      # doctest: +SKIP
    ['000_b778848fc66e39d6']

Knows nothing of NLP, records or the archive.
"""
