"""Datasette metadata for an archive: titles, column labels, facets and the canned queries.

    >>> meta = archive_metadata("archive")
    >>> sorted(meta["databases"]["archive"]["queries"])
    ['awards_by_year', 'people_by_body_and_year', 'search', 'targets_vs_results']

Canned queries may call ``hoinghi_fold(text)`` and ``hoinghi_match(query)``,
which the plugin registers on every connection, so "so y te" finds "Sở Y tế".
"""
from __future__ import annotations

from typing import Any

_WORDS = "(' ' || {col} || ' ') LIKE '% ' || hoinghi_fold({param}) || ' %'"

SEARCH_SQL = """
select a.doc_id, m.date, m.host as body, coalesce(m.title, a.title) as title, a.year
from articles_fts f
join articles a on a.id = f.rowid
left join meetings m on m.article_id = a.id
where :q != '' and articles_fts match hoinghi_match(:q)
order by bm25(articles_fts, 3.0, 1.0, 4.0, 2.0, 3.0, 3.0, 0.0), a.doc_id
limit 100
"""

PEOPLE_SQL = f"""
select a.year, m.host as body, p.name, p.titles, p.roles, a.doc_id
from people p
join articles a on a.id = p.article_id
join meetings m on m.article_id = a.id
where (:body = '' or {_WORDS.format(col="m.host_folded || ' ' || p.titles_folded", param=":body")})
  and (:year = '' or a.year = cast(:year as integer))
order by a.year desc, m.host_folded, p.name_folded
limit 1000
"""

AWARDS_SQL = f"""
select coalesce(aw.year, a.year) as year, min(aw.title) as award, aw.recipient,
       sum(aw.count) as recipients, count(distinct a.id) as articles
from awards aw
join articles a on a.id = aw.article_id
where (:award = '' or {_WORDS.format(col="aw.title_folded", param=":award")})
group by coalesce(aw.year, a.year), aw.title_folded, aw.recipient
order by year desc, recipients desc
limit 1000
"""

TARGETS_SQL = f"""
select m.host as body, coalesce(p.year, a.year) as year, min(p.subject) as subject,
       max(case when p.kind = 'target' then p.value end) as target,
       max(case when p.kind = 'result' then p.value end) as result,
       group_concat(p.kind || ': ' || p.ev_text, ' | ') as evidence, a.doc_id
from percentages p
join articles a on a.id = p.article_id
join meetings m on m.article_id = a.id
where p.kind in ('target', 'result')
  and (:body = '' or {_WORDS.format(col="m.host_folded", param=":body")})
group by a.id, coalesce(p.year, a.year), p.subject_folded
order by m.host_folded, year, p.subject_folded
limit 1000
"""

_EVIDENCE = {
    "ev_start": "Evidence start: offset in the article's original text",
    "ev_end": "Evidence end (exclusive)",
    "ev_text": "The quoted words: articles.text[ev_start:ev_end]",
}


def _table(title: str, description: str, columns: dict[str, str], **more: Any) -> dict[str, Any]:
    return {"title": title, "description": description, "columns": columns, **more}


def archive_metadata(database: str) -> dict[str, Any]:
    """The metadata for serving the archive whose Datasette name is ``database``."""
    tables = {
        "archive_schema": {"hidden": True},
        "articles": _table(
            "Bài báo — articles",
            "One row an article: its full text, where it came from, and its record as JSON.",
            {"doc_id": "Document id", "year": "Year of the meeting, else of publication",
             "text": "The article as read (evidence offsets point into it)", "facts": "The record as JSON, less its text",
             "record_sha1": "Hash of the record: re-indexing an unchanged record does nothing"},
            label_column="doc_id", fts_table="articles_fts", fts_pk="id", facets=["year"], sort_desc="year"),
        "meetings": _table(
            "Hội nghị — meetings", "The reported meeting of each article: day, host body and title.",
            {"date": "Meeting day (ISO)", "host": "Đơn vị tổ chức: the host body", "title": "Tên hội nghị",
             "host_folded": "Host without diacritics, for search"},
            facets=["host"], sort_desc="date"),
        "dates": _table("Ngày tháng — dates", "Every date written in the articles, with its resolved year.",
                        {"year_from": "Where the year came from", **_EVIDENCE}, facets=["year", "year_from"]),
        "people": _table(
            "Người — people", "Named participants with their titles and roles (chair, speaker, ...).",
            {"name": "Họ tên", "titles": "Chức danh (JSON list)", "roles": "Vai trò (JSON list)",
             "mentions": "Every mention as [start, end]", **_EVIDENCE},
            facets=[{"array": "roles"}], label_column="name"),
        "person_titles": _table("Chức danh — person titles", "Each title of each person, with its evidence.",
                                {"title": "Chức danh", **_EVIDENCE}),
        "awards": _table(
            "Khen thưởng — awards", "How many collectives or individuals received which award.",
            {"title": "Danh hiệu / hình thức khen thưởng", "issuer": "Cấp khen", "recipient": "collective or individual",
             "count": "Số lượng", **_EVIDENCE},
            facets=["year", "recipient"]),
        "percentages": _table(
            "Tỷ lệ — percentages", "Targets, results and votes as stated percentages.",
            {"value": "Percent", "kind": "target, result, vote or other", "subject": "What the percentage is of",
             **_EVIDENCE},
            facets=["kind", "year"]),
        "quantities": _table(
            "Số lượng — quantities", "Every stated count or amount: delegates, members, work done, money.",
            {"value": "Số as written", "unit": "Unit as written (with its multiplier)",
             "base_value": "The value with the multiplier applied", "base_unit": "Unit without the multiplier",
             "bound": "over, under, about or empty", "kind": "target, result or other",
             "subject": "What is counted", **_EVIDENCE},
            facets=["base_unit", "kind", "year"]),
    }
    queries = {
        "search": {"title": "Tìm kiếm — search", "sql": SEARCH_SQL.strip(),
                   "description": "Full-text search, diacritics optional: q = lam duc xuan. "
                                  "Append .json to the URL for the JSON API."},
        "people_by_body_and_year": {"title": "People by body and year", "sql": PEOPLE_SQL.strip(),
                                    "description": "body: words of the host or of a title (so y te); "
                                                   "year: 2024; leave either empty for all."},
        "awards_by_year": {"title": "Awards by year", "sql": AWARDS_SQL.strip(),
                           "description": "Recipients per award and year; award: words of its title."},
        "targets_vs_results": {"title": "Targets vs results", "sql": TARGETS_SQL.strip(),
                               "description": "Target and result percentages of the same subject side by side."},
    }
    return {
        "title": "hoinghi — lưu trữ tin hội nghị",
        "description_html": ('Meeting news and their facts. <a href="/-/search">Tìm kiếm / search</a> '
                             "by words, person, body, award, year or kind; diacritics optional."),
        "plugins": {"hoinghi": {"database": database}},
        "databases": {database: {"tables": tables, "queries": queries}},
    }
