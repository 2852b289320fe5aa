"""The searchable archive of records: SQLite by default, PostgreSQL for a team.

    >>> from hoinghi.pipeline.archive import index_records, open_archive
    >>> index_records(records, "archive.db")                      # doctest: +SKIP
    IndexReport(added=27, replaced=0, unchanged=0)
    >>> with open_archive("archive.db") as archive:               # doctest: +SKIP
    ...     print(archive.search("lam duc xuan")[0].marked())
    Tham dự và chủ trì Hội nghị có đồng chí «Lâm Đức Xuân»– Bí thư Đảng ủy, ...
"""
from hoinghi.pipeline.archive.errors import ArchiveError
from hoinghi.pipeline.archive.hits import Hit
from hoinghi.pipeline.archive.store import Archive, IndexReport, index_records, open_archive

__all__ = ["Archive", "ArchiveError", "Hit", "IndexReport", "index_records", "open_archive"]
