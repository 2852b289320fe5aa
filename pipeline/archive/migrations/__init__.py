"""The archive's schema, version by version; an archive is migrated forward when it is opened.

Each migration is a module with ``NAME``, ``SQLITE`` and ``POSTGRES``: the same
tables on both backends, side by side for review. A migration is applied in one
transaction together with its row in ``archive_schema``; never edit one that
has been released, add the next.
"""
from __future__ import annotations

from dataclasses import dataclass

from hoinghi.pipeline.archive.migrations import m0001_tables, m0002_year, m0003_quantities, m0004_confidence


@dataclass(frozen=True)
class Migration:
    version: int
    name: str
    sqlite: str
    postgres: str


MIGRATIONS: tuple[Migration, ...] = tuple(
    Migration(version, module.NAME, module.SQLITE, module.POSTGRES)
    for version, module in enumerate((m0001_tables, m0002_year, m0003_quantities, m0004_confidence), start=1)
)
LATEST = MIGRATIONS[-1].version


def statements(script: str) -> list[str]:
    """The statements of a migration script: ``--`` comment lines dropped, split at ``;``.

    Migrations hold no ``;`` inside literals and no triggers, so this is enough.
    """
    code = "\n".join(line for line in script.splitlines() if not line.lstrip().startswith("--"))
    return [stmt.strip() for stmt in code.split(";") if stmt.strip()]
