"""An archive written by release 1 (schema 1: no ``articles.year``) opens, migrated, in this one."""
from __future__ import annotations

import sqlite3

from hoinghi.pipeline.archive import open_archive
from hoinghi.pipeline.archive.migrations import LATEST, MIGRATIONS, statements
from hoinghi.pipeline.archive.rows import article_rows
from hoinghi.pipeline.archive.store import is_postgres


def _write_schema_1_archive(url: str, record) -> None:
    """Schema 1 and one article, as release 1 wrote them."""
    rows = article_rows(record)
    article = {k: v for k, v in rows.article.items() if k != "year"}
    fts = {k: v for k, v in rows.fts.items() if k != "facets"}
    newer = {"date_confidence", "host_confidence", "confidence"}  # schema 4
    meeting = {k: v for k, v in rows.meeting.items() if k not in newer}
    percentages = [{k: v for k, v in row.items() if k not in newer} for row in rows.percentages]
    if is_postgres(url):
        import psycopg

        conn, script, mark = psycopg.connect(url, autocommit=True), MIGRATIONS[0].postgres, "%({})s"
    else:
        conn, script, mark = sqlite3.connect(url, isolation_level=None), MIGRATIONS[0].sqlite, ":{}"

    def insert(table, row, returning=""):
        cols, values = ", ".join(row), ", ".join(mark.format(c) for c in row)
        return conn.execute(f"INSERT INTO {table} ({cols}) VALUES ({values}) {returning}", row)

    for stmt in statements(script):
        conn.execute(stmt)
    insert("archive_schema", {"version": 1, "name": "tables", "applied_at": "2024-02-01T00:00:00+00:00"})
    article_id = insert("articles", article, "RETURNING id").fetchone()[0]
    insert("meetings", {"article_id": article_id, **meeting})
    for row in percentages:
        insert("percentages", {"article_id": article_id, **row})
    insert("articles_fts", {"rowid" if not is_postgres(url) else "article_id": article_id, **fts})
    conn.close()


def test_migration_schema_1_archive_opens_at_latest(archive_url, records):
    _write_schema_1_archive(archive_url, records[0])
    with open_archive(archive_url) as archive:
        assert archive.schema_version() == LATEST == 4
        assert [h.doc_id for h in archive.search("lam duc xuan", year=2024, kind="vote")] == ["tinh_uy_2024"]
        assert archive.search("lam duc xuan", kind="target") == []
        assert archive.record("tinh_uy_2024") == records[0]


def test_migration_then_index_replaces_old_article(archive_url, records):
    _write_schema_1_archive(archive_url, records[0])
    with open_archive(archive_url) as archive:
        report = archive.index_records(records)
    assert (report.added, report.unchanged) == (2, 1)
