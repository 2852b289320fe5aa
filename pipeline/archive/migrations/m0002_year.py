"""Version 2: the ``--year`` and ``--kind`` filters.

``articles.year`` (the meeting's year, else the publication's), backfilled,
and a ``facets`` column in the full-text index holding ``y2024 kresult
ktarget``, so year and kind narrow a search inside the index. SQLite cannot
add a column to an FTS5 table: the index is copied into a new one.
"""

NAME = "year"

SQLITE = """
ALTER TABLE articles ADD COLUMN year INTEGER;
UPDATE articles SET year = CAST(substr(coalesce((SELECT date FROM meetings WHERE article_id = articles.id), published), 1, 4) AS INTEGER)
  WHERE coalesce((SELECT date FROM meetings WHERE article_id = articles.id), published) GLOB '[0-9][0-9][0-9][0-9]*';
CREATE INDEX articles_year ON articles(year);
CREATE VIRTUAL TABLE articles_fts_v2 USING fts5(
  title, text, people, titles, awards, bodies, facets,
  tokenize = 'unicode61 remove_diacritics 2'
);
INSERT INTO articles_fts_v2 (rowid, title, text, people, titles, awards, bodies, facets)
  SELECT f.rowid, f.title, f.text, f.people, f.titles, f.awards, f.bodies,
         trim(coalesce('y' || a.year, '') || ' '
              || coalesce((SELECT group_concat(DISTINCT 'k' || p.kind) FROM percentages p WHERE p.article_id = a.id), ''))
  FROM articles_fts f JOIN articles a ON a.id = f.rowid;
DROP TABLE articles_fts;
ALTER TABLE articles_fts_v2 RENAME TO articles_fts;
"""

POSTGRES = """
ALTER TABLE articles ADD COLUMN year INTEGER;
UPDATE articles SET year = CAST(substr(coalesce((SELECT date FROM meetings WHERE article_id = articles.id), published), 1, 4) AS INTEGER)
  WHERE coalesce((SELECT date FROM meetings WHERE article_id = articles.id), published) ~ '^[0-9]{4}';
CREATE INDEX articles_year ON articles(year);
ALTER TABLE articles_fts ADD COLUMN facets TEXT NOT NULL DEFAULT '';
UPDATE articles_fts f SET facets = trim(coalesce('y' || a.year, '') || ' '
    || coalesce((SELECT string_agg(DISTINCT 'k' || p.kind, ' ') FROM percentages p WHERE p.article_id = a.id), ''))
  FROM articles a WHERE a.id = f.article_id;
ALTER TABLE articles_fts ADD COLUMN facets_tsv tsvector GENERATED ALWAYS AS (to_tsvector('simple', facets)) STORED;
CREATE INDEX articles_fts_facets ON articles_fts USING gin(facets_tsv);
"""
