"""A saved news page to its article: text, title, URL and publication date.

The article text is found by trafilatura (menus, related links, comments and
footers left out); the date by htmldate from the page's markup (``<meta
property="article:published_time">``, ``<time datetime>``, JSON-LD, the URL),
never guessed from the article's words; the URL from ``<link rel=canonical>``
or ``og:url``::

    >>> page = read_page(open("hoi-nghi-can-bo.html", encoding="utf-8").read())
    >>> page.title, page.published, page.url
    ('Văn phòng Huyện ủy tổ chức Hội nghị cán bộ, công chức năm 2023', '2024-01-26',
     'https://baodienbien.vn/hoi-nghi-can-bo-cong-chuc-nam-2023')
    >>> page.text.splitlines()[1]
    'Sáng ngày 26/01/2024, Văn phòng Huyện ủy tổ chức Hội nghị cán bộ, công chức năm 2023.'
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from types import MappingProxyType

import trafilatura

_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
# Markup only: a page's own date fields and its URL, not dates read from the article's words.
_DATE_PARAMS = MappingProxyType({"original_date": True, "extensive_search": False, "outputformat": "%Y-%m-%d"})


@dataclass(frozen=True)
class Page:
    """What a news page holds: ``Page("Sáng ngày 26/01/2024, ...", "Hội nghị cán bộ ...", ...)``."""

    text: str
    title: str | None = None
    url: str | None = None
    published: str | None = None
    source: str | None = None

    def meta(self) -> dict[str, str]:
        """The fields that are set, as record metadata: ``{"url": ..., "published": "2024-01-26", ...}``."""
        fields = {"title": self.title, "url": self.url, "published": self.published, "source": self.source}
        return {key: value for key, value in fields.items() if value}


def read_page(html: str) -> Page | None:
    """The article of a page, or None when the page has no article text (a menu, an error page)."""
    document = trafilatura.bare_extraction(
        html,
        with_metadata=True,
        include_comments=False,
        include_images=False,
        include_links=False,
        date_extraction_params=dict(_DATE_PARAMS),
    )
    if document is None or not (document.text or "").strip():
        return None
    published = document.date if document.date and _ISO_DAY.fullmatch(document.date) else None
    return Page(
        text=document.text,
        title=_clean(document.title),
        url=_clean(document.url),
        published=published,
        source=_clean(document.sitename),
    )


def _clean(value: str | None) -> str | None:
    value = (value or "").strip()
    return value or None


__all__ = ["Page", "read_page"]
