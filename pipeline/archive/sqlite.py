"""The SQLite archive: one file, WAL journal, FTS5 over the folded copy of each article.

    >>> archive = SQLiteArchive(Path("archive.db"))           # doctest: +SKIP
    >>> archive.search("uy ban", year=2023)[0].marked()     # doctest: +SKIP
    '(BTN-05/12/2023) Sáng nay (5/12), «Ủy ban» MTTQ xã Phú Đình (huyện Định Hóa) tổ chức Hội nghị ...'
"""
from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from hoinghi.pipeline.archive import rows as rows_mod
from hoinghi.pipeline.archive.base import RANK_WINDOW, Archive, IndexReport
from hoinghi.pipeline.archive.errors import ArchiveError
from hoinghi.pipeline.archive.fold import fold_words
from hoinghi.pipeline.archive.migrations import LATEST, MIGRATIONS, statements
from hoinghi.pipeline.archive.query import SearchQuery
from hoinghi.schemas import ArticleFacts

# bm25 weights per FTS column: title, text, people, titles, awards, bodies, facets.
_BM25 = "bm25(articles_fts, 3.0, 1.0, 4.0, 2.0, 3.0, 3.0, 0.0)"


def _insert(table: str, row: dict[str, Any]) -> str:
    """An INSERT with named parameters; table and column names are ours, never the user's."""
    return f"INSERT INTO {table} ({', '.join(row)}) VALUES ({', '.join(':' + c for c in row)})"


def register_functions(conn: sqlite3.Connection) -> None:
    """``hoinghi_fold(text)`` in SQL, as the index folds: ``hoinghi_fold('Đảng uỷ') = 'dang uy'``."""
    conn.create_function("hoinghi_fold", 1, lambda v: None if v is None else fold_words(str(v)), deterministic=True)


class SQLiteArchive(Archive):
    """An archive in one SQLite file, made or migrated forward when opened."""

    def __init__(self, path: Path, *, create: bool = True) -> None:
        super().__init__(str(path))
        self._owns_conn = True
        if not create and not path.exists():
            raise ArchiveError(self.where, f"no such archive (make one with: hoinghi index facts.jsonl --db {path})")
        try:
            self.conn = sqlite3.connect(path, isolation_level=None)  # transactions are ours: BEGIN ... COMMIT
        except sqlite3.Error as exc:
            raise ArchiveError(self.where, f"cannot open ({exc})") from exc
        try:
            self.conn.execute("PRAGMA foreign_keys = ON")
            self.conn.execute("PRAGMA busy_timeout = 10000")
            self.conn.execute("PRAGMA journal_mode = WAL")  # readers (hoinghi serve) go on while a batch is written
            self.conn.execute("PRAGMA synchronous = NORMAL")
            register_functions(self.conn)
            self._migrate()
        except sqlite3.DatabaseError as exc:
            self.conn.close()
            raise ArchiveError(self.where, f"not a usable SQLite archive ({exc})") from exc
        except BaseException:
            self.conn.close()
            raise

    @classmethod
    def on_connection(cls, conn: sqlite3.Connection, where: str) -> "SQLiteArchive":
        """Search through a connection someone else opened (Datasette's); it must be at the latest schema."""
        archive = cls.__new__(cls)
        Archive.__init__(archive, where)
        archive.conn, archive._owns_conn = conn, False
        version = archive.schema_version()
        if version != LATEST:
            raise ArchiveError(where, f"schema version {version}, this hoinghi reads {LATEST}")
        return archive

    # -- schema -------------------------------------------------------------------------------
    def schema_version(self) -> int:
        known = self.conn.execute(
            "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'archive_schema'").fetchone()[0]
        if not known:
            return 0
        return self.conn.execute("SELECT coalesce(max(version), 0) FROM archive_schema").fetchone()[0]

    def _migrate(self) -> None:
        version = self.schema_version()
        if version == 0 and self.conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]:
            raise ArchiveError(self.where, "an SQLite database, but not a hoinghi archive (no archive_schema table)")
        if version > LATEST:
            raise ArchiveError(self.where, f"schema version {version} is newer than this hoinghi knows ({LATEST}); "
                               "upgrade hoinghi")
        for migration in MIGRATIONS[version:]:
            with self._transaction(f"migration {migration.version} ({migration.name}) failed"):
                if self.schema_version() < migration.version:  # another process may have just done it
                    for stmt in statements(migration.sqlite):
                        self.conn.execute(stmt)
                    self.conn.execute("INSERT INTO archive_schema (version, name, applied_at) VALUES (?, ?, ?)",
                                      (migration.version, migration.name, _now()))

    @contextmanager
    def _transaction(self, failure: str) -> Iterator[None]:
        """One ``BEGIN IMMEDIATE`` transaction: committed, or rolled back with an SQLite error as "failure: ..."."""
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield
            self.conn.execute("COMMIT")
        except BaseException as exc:
            self.conn.execute("ROLLBACK")
            if isinstance(exc, sqlite3.Error):
                raise ArchiveError(self.where, f"{failure}: {exc}") from exc
            raise

    # -- writing ------------------------------------------------------------------------------
    def _write_batch(self, batch: list[ArticleFacts]) -> IndexReport:
        with self._transaction(f"indexing a batch from {batch[0].doc_id} failed, batch rolled back"):
            return self._store(batch)

    def _stored(self, doc_id: str) -> tuple[int, str] | None:
        return self.conn.execute("SELECT id, record_sha1 FROM articles WHERE doc_id = ?", (doc_id,)).fetchone()

    def _delete_article(self, article_id: int) -> None:
        self.conn.execute("DELETE FROM articles_fts WHERE rowid = ?", (article_id,))
        self.conn.execute("DELETE FROM articles WHERE id = ?", (article_id,))

    def _insert_rows(self, rows: rows_mod.ArticleRows) -> None:
        c = self.conn
        article_id = c.execute(_insert("articles", rows.article), rows.article).lastrowid
        meeting = {"article_id": article_id, **rows.meeting}
        c.execute(_insert("meetings", meeting), meeting)
        for table, items in (("dates", rows.dates), ("awards", rows.awards), ("percentages", rows.percentages),
                            ("quantities", rows.quantities)):
            if items:
                c.executemany(_insert(table, {"article_id": 0, **items[0]}),
                              [{"article_id": article_id, **item} for item in items])
        for person, titles in rows.people:
            person_id = c.execute(_insert("people", {"article_id": 0, **person}),
                                  {"article_id": article_id, **person}).lastrowid
            if titles:
                c.executemany(_insert("person_titles", {"person_id": 0, "article_id": 0, **titles[0]}),
                              [{"person_id": person_id, "article_id": article_id, **t} for t in titles])
        c.execute(_insert("articles_fts", {"rowid": 0, **rows.fts}), {"rowid": article_id, **rows.fts})

    # -- reading ------------------------------------------------------------------------------
    def _match(self, query: SearchQuery, *, by_relevance: bool = True) -> list[tuple[str, float]]:
        match = query.fts5()
        like = query.quantity_like()
        has_q = " AND EXISTS (SELECT 1 FROM quantities q WHERE q.article_id = articles_fts.rowid AND q.folded LIKE ?)" if like else ""
        if match and by_relevance:
            sql = (f"SELECT a.doc_id, -w.score FROM (SELECT rowid AS id, {_BM25} AS score FROM articles_fts "
                   f"WHERE articles_fts MATCH ?{has_q} ORDER BY rowid DESC LIMIT ?) w JOIN articles a ON a.id = w.id "
                   "ORDER BY w.score, a.doc_id LIMIT ?")
            params: tuple[Any, ...] = (match, *([like] if like else []), RANK_WINDOW, query.limit)
        elif match:
            sql = ("SELECT a.doc_id, 0.0 FROM (SELECT rowid AS id FROM articles_fts WHERE articles_fts MATCH ?"
                   f"{has_q} ORDER BY rowid DESC LIMIT ?) w JOIN articles a ON a.id = w.id "
                   "LEFT JOIN meetings m ON m.article_id = a.id "
                   "ORDER BY coalesce(m.date, a.published) DESC, a.doc_id LIMIT ?")
            params = (match, *([like] if like else []), RANK_WINDOW, query.limit)
        else:
            where, values = [], []
            if query.year is not None:
                where.append("a.year = ?")
                values.append(query.year)
            if query.kind is not None:
                where.append("EXISTS (SELECT 1 FROM percentages p WHERE p.article_id = a.id AND p.kind = ?)")
                values.append(query.kind)
            if like:
                where.append("EXISTS (SELECT 1 FROM quantities q WHERE q.article_id = a.id AND q.folded LIKE ?)")
                values.append(like)
            sql = ("SELECT a.doc_id, 0.0 FROM articles a LEFT JOIN meetings m ON m.article_id = a.id "
                   f"WHERE {' AND '.join(where)} ORDER BY coalesce(m.date, a.published) DESC, a.doc_id LIMIT ?")
            params = (*values, query.limit)
        try:
            return [(r[0], float(r[1])) for r in self.conn.execute(sql, params)]
        except sqlite3.Error as exc:
            raise ArchiveError(self.where, f"search failed: {exc}") from exc

    def _articles(self, doc_ids: list[str]) -> dict[str, dict[str, Any]]:
        if not doc_ids:
            return {}
        marks = ", ".join("?" for _ in doc_ids)
        sql = ("SELECT a.doc_id, a.text, coalesce(m.date, a.published) AS date, m.host AS body, "
               "coalesce(m.title, a.title) AS title, a.url, a.facts FROM articles a "
               f"LEFT JOIN meetings m ON m.article_id = a.id WHERE a.doc_id IN ({marks})")
        cur = self.conn.execute(sql, doc_ids)
        names = [d[0] for d in cur.description]
        return {r[0]: dict(zip(names, r)) for r in cur}

    def doc_ids(self) -> list[str]:
        return [r[0] for r in self.conn.execute("SELECT doc_id FROM articles ORDER BY doc_id")]

    def counts(self) -> dict[str, int]:
        tables = ("articles", "meetings", "dates", "people", "person_titles", "awards", "percentages", "quantities")
        return {t: self.conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in tables}

    def close(self) -> None:
        if self._owns_conn:
            self.conn.close()


def _now() -> str:
    return dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")
