"""``hoinghi serve archive.db``: Datasette over the archive, with hoinghi's metadata, templates and plugin.

    >>> ds = make_datasette(Path("archive.db"))                 # doctest: +SKIP
    >>> uvicorn.run(ds.app(), host="127.0.0.1", port=8001)      # doctest: +SKIP
    # then open http://127.0.0.1:8001/-/search?q=lam+duc+xuan
"""
from __future__ import annotations

from pathlib import Path
from typing import Any

from hoinghi.pipeline.archive.errors import ArchiveError
from hoinghi.pipeline.archive.store import is_postgres, open_archive
from hoinghi.pipeline.web.metadata import archive_metadata

TEMPLATES = Path(__file__).resolve().parent / "templates"
_DEFAULT_ERROR_HANDLER = "datasette.handle_exception"
SETTINGS = {"truncate_cells_html": 200, "default_page_size": 50, "sql_time_limit_ms": 3000}


def _register_plugin() -> None:
    """hoinghi's plugin in, and Datasette's default error handler out (the plugin's own replaces it: it crashed
    on every URL no route matches, see ``datasette_plugin.handle_exception``)."""
    from datasette.plugins import pm

    from hoinghi.pipeline.web import datasette_plugin

    if pm.get_plugin(_DEFAULT_ERROR_HANDLER) is not None:
        pm.unregister(name=_DEFAULT_ERROR_HANDLER)
    if not pm.is_registered(datasette_plugin):
        pm.register(datasette_plugin, name="hoinghi")


def make_datasette(db: str | Path) -> Any:
    """A ``Datasette`` serving the archive ``db`` (migrated first, so the read-only server sees the schema)."""
    if is_postgres(db):
        raise ArchiveError(str(db), "hoinghi serve shows an SQLite archive; Datasette does not read PostgreSQL")
    try:
        from datasette.app import Datasette
    except ImportError as exc:
        raise ArchiveError(str(db), "hoinghi serve needs Datasette: pip install -e '.[archive]'") from exc
    if not (TEMPLATES / "hoinghi_search.html").is_file():
        raise ArchiveError(str(TEMPLATES), "hoinghi's page templates are missing from this install")
    with open_archive(db, create=False):
        pass
    _register_plugin()
    return Datasette([str(db)], metadata=archive_metadata(Path(db).stem), template_dir=str(TEMPLATES),
                     settings=SETTINGS)

