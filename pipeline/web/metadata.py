"""Datasette metadata for an archive: titles, column labels, facets and the canned queries.

    >>> meta = archive_metadata("archive")
    >>> sorted(meta["databases"]["archive"]["queries"])
    ['awards_by_year', 'people_by_body_and_year', 'targets_vs_results']

Canned queries may call ``hoinghi_fold(text)`` and ``hoinghi_match(query)``,
which the plugin registers on every connection, so "so y te" finds "Sở Y tế".
Search itself is not a canned query: ``/-/search`` and ``/-/search.json`` run
the archive's own ranked search, the one ``hoinghi search`` runs.
"""
from __future__ import annotations

from typing import Any

from hoinghi.schemas import UNCERTAIN_BELOW

_WORDS = "(' ' || {col} || ' ') LIKE '% ' || hoinghi_fold({param}) || ' %'"

PEOPLE_SQL = f"""
select p.name, (select group_concat(value, '; ') from json_each(p.titles)) as titles,
       hoinghi_vi(p.roles) as roles, m.date, m.host as body, coalesce(m.title, a.title) as meeting, a.doc_id
from people p
join articles a on a.id = p.article_id
join meetings m on m.article_id = a.id
where (:body = '' or {_WORDS.format(col="m.host_folded || ' ' || p.titles_folded", param=":body")})
  and (:year = '' or a.year = cast(:year as integer))
order by m.date is null, m.date desc, m.host_folded, p.ordinal
limit 1000
"""

AWARDS_SQL = f"""
select coalesce(aw.year, a.year) as year, min(aw.title) as award, hoinghi_vi(aw.recipient) as recipient,
       sum(aw.count) as recipients, count(distinct a.id) as articles
from awards aw
join articles a on a.id = aw.article_id
where (:award = '' or {_WORDS.format(col="aw.title_folded", param=":award")})
group by coalesce(aw.year, a.year), aw.title_folded, aw.recipient
order by year desc, recipients desc
limit 1000
"""

# A target and a result pair only as the same measure of the same body: the same folded subject (never
# none), the same host body, the same year the figures are for; each side keeps its evidence and article.
TARGETS_SQL = f"""
select tm.host as body, t.subject, coalesce(t.year, ta.year) as year,
       t.value as target, r.value as result,
       t.ev_text as target_evidence, ta.doc_id as target_doc,
       r.ev_text as result_evidence, ra.doc_id as result_doc
from percentages t
join articles ta on ta.id = t.article_id
join meetings tm on tm.article_id = ta.id
join percentages r on r.kind = 'result' and r.subject_folded = t.subject_folded
join articles ra on ra.id = r.article_id
join meetings rm on rm.article_id = ra.id and rm.host_folded = tm.host_folded
where t.kind = 'target' and t.subject_folded != '' and tm.host_folded != ''
  and coalesce(r.year, ra.year) = coalesce(t.year, ta.year)
  and (:body = '' or {_WORDS.format(col="tm.host_folded", param=":body")})
order by tm.host_folded, year, t.subject_folded, ta.doc_id, ra.doc_id
limit 1000
"""

_CONFIDENCE = ("measured precision of the rule that found it (scripts/calibrate.py); "
               f"below {UNCERTAIN_BELOW} the fact is shown as uncertain")
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
             "host_folded": "Host without diacritics, for search",
             "date_confidence": "Confidence of the day: " + _CONFIDENCE, "host_confidence": "Confidence of the host: " + _CONFIDENCE},
            facets=["host"], sort_desc="date"),
        "dates": _table("Ngày tháng — dates", "Every date written in the articles, with its resolved year.",
                        {"year_from": "Where the year came from", **_EVIDENCE}, facets=["year", "year_from"]),
        "people": _table(
            "Người — people", "Named participants with their titles and roles (chair, speaker, ...).",
            {"name": "Họ tên", "titles": "Chức danh (JSON list)", "roles": "Vai trò (JSON list)",
             "mentions": "Every mention as [start, end]", "confidence": _CONFIDENCE, **_EVIDENCE},
            facets=[{"array": "roles"}], label_column="name"),
        "person_titles": _table("Chức danh — person titles", "Each title of each person, with its evidence.",
                                {"title": "Chức danh", **_EVIDENCE}),
        "awards": _table(
            "Khen thưởng — awards", "How many collectives or individuals received which award.",
            {"title": "Danh hiệu / hình thức khen thưởng", "issuer": "Cấp khen", "recipient": "collective or individual",
             "count": "Số lượng", "confidence": _CONFIDENCE, **_EVIDENCE},
            facets=["year", "recipient"]),
        "percentages": _table(
            "Tỷ lệ — percentages", "Targets, results and votes as stated percentages.",
            {"value": "Percent", "kind": "target, result, vote or other", "subject": "What the percentage is of",
             "confidence": _CONFIDENCE, **_EVIDENCE},
            facets=["kind", "year"]),
        "quantities": _table(
            "Số lượng — quantities", "Every stated count or amount: delegates, members, work done, money.",
            {"value": "Số as written", "unit": "Unit as written (with its multiplier)",
             "base_value": "The value with the multiplier applied", "base_unit": "Unit without the multiplier",
             "bound": "over, under, about or empty", "kind": "target, result or other",
             "subject": "What is counted", "confidence": _CONFIDENCE, **_EVIDENCE},
            facets=["base_unit", "kind", "year"]),
    }
    queries = {
        "people_by_body_and_year": {"title": "Người dự hội nghị — people at meetings", "sql": PEOPLE_SQL.strip(),
                                    "description": "Each person with the date, host body and title of the meeting, "
                                                   "titles and roles written out (chủ trì = chair). body: words of "
                                                   "the host or of a title (so y te); year: 2024; leave either "
                                                   "empty for all.",
                                    "hide_sql": True},
        "awards_by_year": {"title": "Khen thưởng theo năm — awards by year", "hide_sql": True, "sql": AWARDS_SQL.strip(),
                           "description": "Recipients per award and year; award: words of its title."},
        "targets_vs_results": {"title": "Chỉ tiêu và kết quả — targets vs results", "hide_sql": True, "sql": TARGETS_SQL.strip(),
                               "description": "A target and a result side by side only when they are the same "
                                              "measure of the same body: the same subject (figures with none are "
                                              "left out), the same host body, the same year; with the words "
                                              "of each and its article. body: words of the host (so y te)."},
    }
    return {
        "title": "hoinghi — lưu trữ tin hội nghị",
        "description_html": ('Meeting news and their facts. <a href="/-/search">Tìm kiếm / search</a> '
                             "by words, person, body, award, year or kind; diacritics optional."),
        "plugins": {"hoinghi": {"database": database}},
        "databases": {database: {"tables": tables, "queries": queries}},
    }
