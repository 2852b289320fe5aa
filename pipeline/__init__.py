"""hoinghi's code, one room a concern; a document flows one way through them:

    inputs/      files, pages, JSONL and encodings → (doc_id, text, meta); knows no NLP
    nlp/         text → spaCy Doc → stages → validated record; knows no files, batches, archive or CLI
    batch/       many documents through worker processes, in order, resumable
    archive/     records → SQLite or PostgreSQL, and search; works on records only
    web/         ``hoinghi serve``: Datasette pages over an archive
    evaluation/  records against gold, counted as the reference scorer counts
    cli/         the ``hoinghi`` command: thin commands over the rooms above

Installed as ``hoinghi.pipeline``; the public face is :mod:`hoinghi`.
"""
