"""What the start page of a served archive shows an analyst: totals, meetings and awards by year, articles by
year and body, the latest meetings.

    >>> facts = start_facts(sqlite3.connect("archive.db"))          # doctest: +SKIP
    >>> facts["years"], facts["meetings"], facts["awards"]
    ([2022, 2023, 2024], [1, 1, 1], [0, 1, 1])
"""
from __future__ import annotations

import sqlite3
from typing import Any

LATEST = 10
BODIES = 40

_BY_YEAR = """
select a.year, count(*) as meetings, coalesce(sum(aw.n), 0) as awards
from articles a
left join (select article_id, count(*) as n from awards group by article_id) aw on aw.article_id = a.id
where a.year is not null
group by a.year order by a.year
"""
_BY_BODY = """
select a.year, min(m.host) as body, count(*) as articles
from articles a join meetings m on m.article_id = a.id
where m.host_folded != ''
group by a.year, m.host_folded
order by a.year desc nulls last, articles desc, m.host_folded
limit ?
"""
_LATEST = """
select a.doc_id, m.date, m.host as body, coalesce(m.title, a.title) as title
from articles a left join meetings m on m.article_id = a.id
order by coalesce(m.date, a.published) is null, coalesce(m.date, a.published) desc, a.doc_id
limit ?
"""
_TOTALS = ("articles", "people", "awards", "percentages")


def start_facts(conn: sqlite3.Connection) -> dict[str, Any]:
    """Totals, ``years`` with ``meetings`` and ``awards`` counts, ``bodies`` by year and the ``latest`` meetings."""
    conn.row_factory = sqlite3.Row
    by_year = conn.execute(_BY_YEAR).fetchall()
    return {
        "totals": {table: conn.execute(f"select count(*) from {table}").fetchone()[0] for table in _TOTALS},
        "years": [row["year"] for row in by_year],
        "meetings": [row["meetings"] for row in by_year],
        "awards": [row["awards"] for row in by_year],
        "bodies": [dict(row) for row in conn.execute(_BY_BODY, (BODIES,))],
        "latest": [dict(row) for row in conn.execute(_LATEST, (LATEST,))],
    }


__all__ = ["start_facts"]
