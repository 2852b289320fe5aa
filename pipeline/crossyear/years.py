"""The year a figure refers to: its own stated year, else the year its meeting reports on.

A year-end review reports on the year reviewed ("tổng kết năm 2022" held on 10/1/2023 → 2022), a
congress on its own year (its term's first year), any other meeting on the year it was held:

    >>> report_year("Hội nghị tổng kết công tác kiểm tra năm 2022", "2023-01-10", None)
    2022
"""
from __future__ import annotations

import datetime as dt
import re
from collections import Counter

from hoinghi import rules

_YEAR = re.compile(r"(?<!\d)(?:năm|Năm)\s+((?:19|20)\d\d)(?!\d)")


def _day(value: str | None) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        try:
            return dt.date(int(value[:4]), 1, 1)
        except ValueError:
            return None


def _named_years(text: str, table: rules.RuleTable) -> Counter[int]:
    """Years written "năm YYYY", less those named as a comparison or a horizon ("so với năm 2020")."""
    years = Counter(int(y) for y in _YEAR.findall(text))
    years.subtract(int(m.group("year")) for m in table.pattern("other_year").regex.finditer(text))
    return +years


def report_year(text: str, meeting_date: str | None, published: str | None, title: str | None = None,
                stated: Counter[int] | None = None) -> int | None:
    """The year the meeting's own figures refer to (None when nothing says); ``stated``: the years
    its figures state, which outweigh the years the text names when no day or meeting kind says."""
    table = rules.load("crossyear")
    head = f"{title or ''}\n{text[:700]}"
    day = _day(meeting_date) or _day(published)
    review = table.pattern("year_end_review").regex.search(head)
    if review:
        return int(review.group("year"))
    plan = table.pattern("plan_year").regex.search(head)
    if plan:
        return int(plan.group("year")) - 1
    term = table.pattern("term").regex.search(f"{title or ''}\n{text}")
    if term:
        return int(term.group("year"))
    years = _named_years(text, table)
    if day is not None:
        if day.month <= 2 and years.get(day.year - 1, 0) > years.get(day.year, 0):
            return day.year - 1
        return day.year
    if stated:
        return stated.most_common(1)[0][0]
    return years.most_common(1)[0][0] if years else None


def meeting_day(meeting_date: str | None, published: str | None, year: int | None) -> dt.date | None:
    """The day that fixes which map of provinces applies: the meeting's, the paper's, else mid-year."""
    return _day(meeting_date) or _day(published) or (dt.date(year, 6, 30) if year else None)
