"""The archive's errors; each names the database (and the document when there is one)."""
from __future__ import annotations

from hoinghi.pipeline.errors import HoinghiError


class ArchiveError(HoinghiError):
    """An archive that cannot be opened, migrated, written or searched.

    ``ArchiveError("archive.db", "schema version 7 is newer than this hoinghi knows (2)")``
    reads ``archive.db: schema version 7 is newer ...``.
    """

    def __init__(self, where: str, message: str) -> None:
        super().__init__(f"{where}: {message}")
        self.where = where
