"""The PostgreSQL archive for a team: the same tables and the same search as SQLite.

    >>> archive = PostgresArchive("postgresql://hoinghi@127.0.0.1/archive")   # doctest: +SKIP
    >>> archive.search("lam duc xuan")[0].doc_id                               # doctest: +SKIP
    '000_b778848fc66e39d6'

Text is folded by the same Python code as for SQLite (``fold.py``) before it is
stored or searched, so both backends see the same words; PostgreSQL's
``'simple'`` text-search configuration then indexes them as they are (no
stemming, no stop words), and a phrase is ``phraseto_tsquery``.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from hoinghi.pipeline.archive import rows as rows_mod
from hoinghi.pipeline.archive.base import RANK_WINDOW, Archive, IndexReport
from hoinghi.pipeline.archive.errors import ArchiveError
from hoinghi.pipeline.archive.migrations import LATEST, MIGRATIONS, statements
from hoinghi.pipeline.archive.query import SearchQuery
from hoinghi.schemas import ArticleFacts

# Advisory lock keys: one migrator at a time, one writer at a time (readers never wait).
_MIGRATE_LOCK = 0x686F696E_0001
_WRITE_LOCK = 0x686F696E_0002
_PHRASE = "phraseto_tsquery('simple', %s)"
# Tables of one row a fact, keyed by article (people and their titles are written apart).
_FACT_TABLES = ("dates", "awards", "percentages", "quantities")


def _insert(table: str, row: dict[str, Any], returning: bool = False) -> str:
    """An INSERT with named parameters; table and column names are ours, never the user's."""
    sql = f"INSERT INTO {table} ({', '.join(row)}) VALUES ({', '.join(f'%({c})s' for c in row)})"
    return sql + (" RETURNING id" if returning else "")


def _redact(url: str) -> str:
    """The URL without its password, for messages."""
    head, sep, tail = url.partition("@")
    if not sep or ":" not in head.split("//", 1)[-1]:
        return url
    scheme, _, user = head.partition("//")
    return f"{scheme}//{user.split(':', 1)[0]}:***@{tail}"


class PostgresArchive(Archive):
    """An archive in a PostgreSQL database (tables made and migrated on open); batches are written with COPY."""

    batch_per_file = True  # hoinghi index parts/: a part, one transaction

    def __init__(self, url: str) -> None:
        super().__init__(_redact(url))
        try:
            import psycopg
        except ImportError as exc:
            raise ArchiveError(self.where, "PostgreSQL needs psycopg: pip install -e '.[archive]'") from exc
        self._psycopg = psycopg
        try:
            self.conn = psycopg.connect(url, autocommit=True)
        except psycopg.Error as exc:
            raise ArchiveError(self.where, f"cannot connect ({str(exc).strip()})") from exc
        try:
            self._migrate()
        except BaseException:
            self.conn.close()
            raise

    # -- schema -------------------------------------------------------------------------------
    def schema_version(self) -> int:
        if self.conn.execute("SELECT to_regclass('archive_schema')").fetchone()[0] is None:
            return 0
        return self.conn.execute("SELECT coalesce(max(version), 0) FROM archive_schema").fetchone()[0]

    def _migrate(self) -> None:
        version = self.schema_version()
        if version > LATEST:
            raise ArchiveError(self.where, f"schema version {version} is newer than this hoinghi knows ({LATEST}); "
                               "upgrade hoinghi")
        for migration in MIGRATIONS[version:]:
            try:
                with self.conn.transaction():
                    self.conn.execute("SELECT pg_advisory_xact_lock(%s)", (_MIGRATE_LOCK,))
                    if self.schema_version() < migration.version:
                        for stmt in statements(migration.postgres):
                            self.conn.execute(stmt)
                        self.conn.execute("INSERT INTO archive_schema (version, name, applied_at) VALUES (%s, %s, %s)",
                                          (migration.version, migration.name, _now()))
            except self._psycopg.Error as exc:
                raise ArchiveError(self.where, f"migration {migration.version} ({migration.name}) failed: "
                                   f"{str(exc).strip()}") from exc

    # -- writing ------------------------------------------------------------------------------
    def _write_batch(self, batch: list[ArticleFacts]) -> IndexReport:
        try:
            with self.conn.transaction():
                self.conn.execute("SELECT pg_advisory_xact_lock(%s)", (_WRITE_LOCK,))
                return self._copy(batch)
        except self._psycopg.Error as exc:
            raise ArchiveError(self.where, f"indexing a batch from {batch[0].doc_id} failed, batch rolled back: "
                               f"{str(exc).strip()}") from exc

    def _copy(self, batch: list[ArticleFacts]) -> IndexReport:
        """The batch through COPY, inside the caller's transaction: as :meth:`_store` does it, a statement a table.

        One query finds the records already there unchanged (left out, their
        rows never made); the others go to a staging table, from which one
        statement deletes the older version of each (its facts cascade) and
        one inserts them all; their facts are then copied straight into their
        tables, under ids drawn from the tables' own sequences. Of a doc_id
        twice in the batch the last record counts.
        """
        newest: dict[str, tuple[ArticleFacts, str]] = {}
        replaced = unchanged = 0
        for record in batch:
            sha1 = rows_mod.record_sha1(record)
            before = newest.get(record.doc_id)
            if before is not None and before[1] == sha1:
                unchanged += 1
                continue
            replaced += before is not None
            newest[record.doc_id] = (record, sha1)
        c = self.conn
        stored = dict(c.execute("SELECT doc_id, record_sha1 FROM articles WHERE doc_id = ANY(%s)",
                                (list(newest),)).fetchall())
        latest = {doc_id: rows_mod.article_rows(record, sha1=sha1) for doc_id, (record, sha1) in newest.items()
                  if stored.get(doc_id) != sha1}  # the rows of unchanged articles are never made
        unchanged += len(newest) - len(latest)
        if not latest:
            return IndexReport(0, replaced, unchanged)
        ids = dict(zip(latest, self._reserve("articles", len(latest))))
        stage_cols = ["id", *next(iter(latest.values())).article]
        cols = ", ".join(stage_cols)
        c.execute(f"CREATE TEMP TABLE hoinghi_stage ON COMMIT DROP AS SELECT {cols} FROM articles WITH NO DATA")
        self._copy_rows("hoinghi_stage", stage_cols, ([ids[d], *r.article.values()] for d, r in latest.items()))
        gone = c.execute("DELETE FROM articles a USING hoinghi_stage s WHERE a.doc_id = s.doc_id").rowcount  # cascades
        inserted = c.execute(f"INSERT INTO articles ({cols}) SELECT {cols} FROM hoinghi_stage ORDER BY id").rowcount
        c.execute("DROP TABLE hoinghi_stage")
        self._copy_facts(latest, ids)
        return IndexReport(inserted - gone, replaced + gone, unchanged)

    def _copy_facts(self, latest: dict[str, rows_mod.ArticleRows], ids: dict[str, int]) -> None:
        """Every fact row of the new articles, a COPY a table."""
        tables: dict[str, list[list[Any]]] = {}
        columns: dict[str, list[str]] = {}

        def add(table: str, row: dict[str, Any]) -> None:
            columns.setdefault(table, list(row))
            tables.setdefault(table, []).append(list(row.values()))

        people = sum(len(r.people) for r in latest.values())
        person_ids = iter(self._reserve("people", people))
        for doc_id, rows in latest.items():
            article_id = ids[doc_id]
            add("meetings", {"article_id": article_id, **rows.meeting})
            for table in _FACT_TABLES:
                for item in getattr(rows, table):
                    add(table, {"article_id": article_id, **item})
            for person, titles in rows.people:
                person_id = next(person_ids)
                add("people", {"id": person_id, "article_id": article_id, **person})
                for title in titles:
                    add("person_titles", {"person_id": person_id, "article_id": article_id, **title})
            add("articles_fts", {"article_id": article_id, **rows.fts})
        for table, values in tables.items():
            self._copy_rows(table, columns[table], values)

    def _reserve(self, table: str, n: int) -> list[int]:
        """``n`` new ids from the table's identity sequence."""
        if n == 0:
            return []
        return [r[0] for r in self.conn.execute(
            "SELECT nextval(pg_get_serial_sequence(%s, 'id')) FROM generate_series(1, %s)", (table, n))]

    def _copy_rows(self, table: str, cols: list[str], values: Iterable[list[Any]]) -> None:
        with self.conn.cursor() as cur, cur.copy(f"COPY {table} ({', '.join(cols)}) FROM STDIN") as copy:
            for row in values:
                copy.write_row(row)

    def _stored(self, doc_id: str) -> tuple[int, str] | None:
        return self.conn.execute("SELECT id, record_sha1 FROM articles WHERE doc_id = %s", (doc_id,)).fetchone()

    def _delete_article(self, article_id: int) -> None:
        self.conn.execute("DELETE FROM articles WHERE id = %s", (article_id,))  # facts cascade

    def _insert_rows(self, rows: rows_mod.ArticleRows) -> None:
        c = self.conn
        article_id = c.execute(_insert("articles", rows.article, returning=True), rows.article).fetchone()[0]
        meeting = {"article_id": article_id, **rows.meeting}
        c.execute(_insert("meetings", meeting), meeting)
        with c.cursor() as cur:
            for table, items in (("dates", rows.dates), ("awards", rows.awards), ("percentages", rows.percentages),
                                ("quantities", rows.quantities)):
                if items:
                    cur.executemany(_insert(table, {"article_id": 0, **items[0]}),
                                    [{"article_id": article_id, **item} for item in items])
            for person, titles in rows.people:
                row = {"article_id": article_id, **person}
                person_id = cur.execute(_insert("people", row, returning=True), row).fetchone()[0]
                if titles:
                    cur.executemany(_insert("person_titles", {"person_id": 0, "article_id": 0, **titles[0]}),
                                    [{"person_id": person_id, "article_id": article_id, **t} for t in titles])
        fts = {"article_id": article_id, **rows.fts}
        c.execute(_insert("articles_fts", fts), fts)

    # -- reading ------------------------------------------------------------------------------
    def _match(self, query: SearchQuery, *, by_relevance: bool = True) -> list[tuple[str, float]]:
        where: list[str] = []
        params: list[Any] = []
        for term in query.terms:
            where.append(f"f.doc @@ {_PHRASE}")
            params.append(term)
        if query.person:
            where.append(f"f.people_tsv @@ {_PHRASE}")
            params.append(query.person)
        if query.body:
            where.append(f"(f.bodies_tsv @@ {_PHRASE} OR f.titles_tsv @@ {_PHRASE})")
            params += [query.body, query.body]
        if query.award:
            where.append(f"f.awards_tsv @@ {_PHRASE}")
            params.append(query.award)
        like = query.quantity_like()
        if query.has_text:
            if like:
                where.append("EXISTS (SELECT 1 FROM quantities q WHERE q.article_id = f.article_id AND q.folded LIKE %s)")
                params.append(like)
            for facet in query.facets():
                where.append(f"f.facets_tsv @@ {_PHRASE}")
                params.append(facet)
            window = (f"SELECT f.article_id FROM articles_fts f WHERE {' AND '.join(where)} "
                      "ORDER BY f.article_id DESC LIMIT %s")
            if by_relevance:
                phrases = [*query.terms, *(p for p in (query.person, query.body, query.award) if p)]
                rank = "ts_rank(f.doc, " + " && ".join(_PHRASE for _ in phrases) + ")"
                sql = (f"SELECT a.doc_id, {rank} AS score FROM ({window}) w "
                       "JOIN articles_fts f ON f.article_id = w.article_id JOIN articles a ON a.id = w.article_id "
                       "ORDER BY score DESC, a.doc_id LIMIT %s")
                params = [*phrases, *params, RANK_WINDOW]
            else:
                sql = (f"SELECT a.doc_id, 0.0 AS score FROM ({window}) w JOIN articles a ON a.id = w.article_id "
                       "LEFT JOIN meetings m ON m.article_id = a.id "
                       "ORDER BY coalesce(m.date, a.published) DESC NULLS LAST, a.doc_id LIMIT %s")
                params = [*params, RANK_WINDOW]
        else:
            if query.year is not None:
                where.append("a.year = %s")
                params.append(query.year)
            if query.kind is not None:
                where.append("EXISTS (SELECT 1 FROM percentages p WHERE p.article_id = a.id AND p.kind = %s)")
                params.append(query.kind)
            if like:
                where.append("EXISTS (SELECT 1 FROM quantities q WHERE q.article_id = a.id AND q.folded LIKE %s)")
                params.append(like)
            sql = ("SELECT a.doc_id, 0.0 AS score FROM articles a LEFT JOIN meetings m ON m.article_id = a.id "
                   f"WHERE {' AND '.join(where)} ORDER BY coalesce(m.date, a.published) DESC NULLS LAST, a.doc_id "
                   "LIMIT %s")
        try:
            return [(r[0], float(r[1])) for r in self.conn.execute(sql, (*params, query.limit))]
        except self._psycopg.Error as exc:
            raise ArchiveError(self.where, f"search failed: {str(exc).strip()}") from exc

    def _articles(self, doc_ids: list[str]) -> dict[str, dict[str, Any]]:
        if not doc_ids:
            return {}
        sql = ("SELECT a.doc_id, a.text, coalesce(m.date, a.published) AS date, m.host AS body, "
               "coalesce(m.title, a.title) AS title, a.url, a.facts FROM articles a "
               "LEFT JOIN meetings m ON m.article_id = a.id WHERE a.doc_id = ANY(%s)")
        cur = self.conn.execute(sql, (doc_ids,))
        names = [d.name for d in cur.description]
        return {r[0]: dict(zip(names, r)) for r in cur}

    def doc_ids(self) -> list[str]:
        return [r[0] for r in self.conn.execute("SELECT doc_id FROM articles ORDER BY doc_id")]

    def counts(self) -> dict[str, int]:
        tables = ("articles", "meetings", "dates", "people", "person_titles", "awards", "percentages", "quantities")
        return {t: self.conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in tables}

    def close(self) -> None:
        self.conn.close()


def _now() -> str:
    return dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")
