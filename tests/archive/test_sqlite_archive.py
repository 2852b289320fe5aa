"""What only the SQLite file shows: the bytes on disk after a re-index, a crash, a foreign file."""
from __future__ import annotations

import sqlite3
import subprocess
import sys

import pytest

from hoinghi.pipeline.archive import ArchiveError, index_records, open_archive

CRASH = """
import os, sys
from hoinghi.pipeline.archive import open_archive, rows
from hoinghi.schemas import ArticleFacts

records = [ArticleFacts.model_validate_json(line) for line in open(sys.argv[2], encoding="utf-8")]
real, calls = rows.article_rows, []

def crash_on_last(record, **kw):
    calls.append(record.doc_id)
    if record.doc_id == records[-1].doc_id:
        os._exit(3)  # dies inside the open transaction, after writing the others: no rollback, no close
    return real(record, **kw)

rows.article_rows = crash_on_last
open_archive(sys.argv[1]).index_records(records, batch_size=10)
"""


def _dump(path):
    conn = sqlite3.connect(path)
    try:
        return list(conn.iterdump())
    finally:
        conn.close()


def test_sqlite_reindex_same_records_leaves_every_row_as_it_was(tmp_path, records):
    db = tmp_path / "archive.db"
    index_records(records, db)
    before = _dump(db)
    index_records(records, db)
    assert _dump(db) == before


def test_sqlite_crash_mid_batch_leaves_archive_as_before(tmp_path, records):
    db, source = tmp_path / "archive.db", tmp_path / "facts.jsonl"
    index_records(records[:1], db)
    source.write_text("".join(r.model_dump_json() + "\n" for r in records), encoding="utf-8")
    crashed = subprocess.run([sys.executable, "-c", CRASH, str(db), str(source)], capture_output=True, text=True)
    assert crashed.returncode == 3, crashed.stderr
    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    conn.execute("INSERT INTO articles_fts (articles_fts) VALUES ('integrity-check')")
    assert [r[0] for r in conn.execute("SELECT doc_id FROM articles")] == ["tinh_uy_2024"]
    conn.close()
    with open_archive(db) as archive:
        assert archive.search("dien bien") == []
        assert archive.index_records(records).added == 2


def test_sqlite_foreign_database_is_refused_not_changed(tmp_path):
    db = tmp_path / "notes.db"
    conn = sqlite3.connect(db)
    conn.execute("CREATE TABLE notes (body TEXT)")
    conn.commit()
    conn.close()
    with pytest.raises(ArchiveError, match="notes.db: an SQLite database, but not a hoinghi archive"):
        open_archive(db)
    assert _dump(db)[1:-1] == ["CREATE TABLE notes (body TEXT);"]


def test_sqlite_file_that_is_not_a_database_is_named(tmp_path):
    db = tmp_path / "facts.jsonl"
    db.write_text('{"doc_id": "x"}\n' * 100, encoding="utf-8")
    with pytest.raises(ArchiveError, match="facts.jsonl: not a usable SQLite archive"):
        open_archive(db)


def test_sqlite_missing_archive_is_not_created_for_search(tmp_path):
    with pytest.raises(ArchiveError, match="no such archive"):
        open_archive(tmp_path / "none.db", create=False)
    assert not (tmp_path / "none.db").exists()


def test_sqlite_archive_path_that_cannot_be_opened_is_named(tmp_path):
    with pytest.raises(ArchiveError, match="cannot open"):
        open_archive(tmp_path / "no_such_folder" / "archive.db")
