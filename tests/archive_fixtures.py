"""Archive fixtures: hand-written Vietnamese records, a fresh archive per test on each backend.

PostgreSQL runs when ``HOINGHI_TEST_PG`` names a server the tests may create
databases on (``.ci/run`` starts one and sets it), e.g.
``postgresql://hoinghi:hoinghi@127.0.0.1:5432/postgres``; otherwise those
tests skip and say why.
"""
from __future__ import annotations

import os
import time
import uuid
from collections.abc import Iterator
from typing import Any
from urllib.parse import urlsplit, urlunsplit

import pytest

from hoinghi.schemas import ArticleFacts
from hoinghi.schemas.models import text_sha1

PG_ENV = "HOINGHI_TEST_PG"


def _ev(text: str, quote: str, nth: int = 0) -> dict[str, Any]:
    start = -1
    for _ in range(nth + 1):
        start = text.index(quote, start + 1)
    return {"start": start, "end": start + len(quote), "text": quote}


def make_record(doc_id: str, text: str, *, date: str | None = None, date_quote: str | None = None,
                host: str | None = None, title: str | None = None, published: str | None = None,
                people: tuple[tuple[str, list[str], list[str]], ...] = (),
                awards: tuple[tuple[str, str | None, str, int, int | None, str], ...] = (),
                percentages: tuple[tuple[float, str, int | None, str | None, str], ...] = ()) -> ArticleFacts:
    """A valid record whose evidence is found in ``text``.

    people: (name, titles, roles); awards: (title, issuer, recipient, count, year, quote);
    percentages: (value, kind, year, subject, quote).
    """
    meeting: dict[str, Any] = {"date": date, "host": host, "title": title}
    if date_quote:
        meeting["date_evidence"] = _ev(text, date_quote)
    if host:
        meeting["host_evidence"] = _ev(text, host)
    if title:
        meeting["title_evidence"] = _ev(text, title)
    return ArticleFacts.model_validate({
        "doc_id": doc_id, "text": text, "text_sha1": text_sha1(text),
        "meta": {"published": published, "source": "test"},
        "meeting": meeting,
        "people": [{"name": n, "titles": t, "roles": r, "evidence": [_ev(text, n)],
                    "title_evidence": [_ev(text, x) for x in t]} for n, t, r in people],
        "awards": [{"title": t, "issuer": i, "recipient": r, "count": c, "year": y, "rule": "test",
                    "evidence": _ev(text, q)} for t, i, r, c, y, q in awards],
        "percentages": [{"value": v, "kind": k, "year": y, "subject": s, "rule": "test", "evidence": _ev(text, q)}
                        for v, k, y, s, q in percentages],
    })


TINH_UY = ("Sáng ngày 26/01/2024, Văn phòng Tỉnh uỷ tổ chức Hội nghị cán bộ công chức năm 2023.\n"
           "Chủ trì Hội nghị có đồng chí Lâm Đức Xuân – Bí thư Đảng uỷ, Chánh Văn phòng Tỉnh uỷ. "
           "Hội nghị biểu quyết thông qua Nghị quyết với 100% đại biểu tán thành.\n"
           "Dịp này, Văn phòng Tỉnh uỷ tặng danh hiệu “Lao động tiên tiến” cho 65 cá nhân.")
SO_Y_TE = ("Chiều 12/12/2023, Sở Y tế tỉnh Điện Biên tổ chức Hội nghị tổng kết công tác y tế năm 2023.\n"
           "Đồng chí Vàng Thị Mỷ, Phó Giám đốc Sở Y tế, chủ trì hội nghị. Năm 2023, tỷ lệ tiêm chủng đầy đủ "
           "đạt 96,2%. Năm 2024, ngành phấn đấu 98% trạm y tế xã có bác sĩ.\n"
           "Ủy ban nhân dân tỉnh tặng Bằng khen cho 3 tập thể có thành tích xuất sắc.")
HUYEN_DOAN = ("Ngày 20/3/2022, Huyện đoàn Tủa Chùa tổ chức Hội nghị Ban Chấp hành mở rộng.\n"
              "Đồng chí Giàng A Phử, Phó Bí thư Tỉnh đoàn, dự và phát biểu. Đồng chí Lò Thị Xuân làm thư ký "
              "hội nghị; đồng chí Đức chủ trì phần thảo luận về công tác ủy thác.")


@pytest.fixture
def records() -> list[ArticleFacts]:
    """Three articles: a party office (Lâm Đức Xuân, "uỷ"), a health department, a youth union."""
    return [
        make_record("tinh_uy_2024", TINH_UY, date="2024-01-26", date_quote="26/01/2024", host="Văn phòng Tỉnh uỷ",
                    title="Hội nghị cán bộ công chức năm 2023",
                    people=(("Lâm Đức Xuân", ["Bí thư Đảng uỷ", "Chánh Văn phòng Tỉnh uỷ"], ["chair"]),),
                    awards=(("Lao động tiên tiến", "Văn phòng Tỉnh uỷ", "individual", 65, 2023, "65 cá nhân"),),
                    percentages=((100.0, "vote", None, "đại biểu", "100%"),)),
        make_record("so_y_te_2023", SO_Y_TE, date="2023-12-12", date_quote="12/12/2023", host="Sở Y tế tỉnh Điện Biên",
                    title="Hội nghị tổng kết công tác y tế năm 2023",
                    people=(("Vàng Thị Mỷ", ["Phó Giám đốc Sở Y tế"], ["chair"]),),
                    awards=(("Bằng khen", "Ủy ban nhân dân tỉnh", "collective", 3, None, "3 tập thể"),),
                    percentages=((96.2, "result", 2023, "tiêm chủng đầy đủ", "96,2%"),
                                 (98.0, "target", 2024, "trạm y tế xã có bác sĩ", "98%"))),
        make_record("huyen_doan_2022", HUYEN_DOAN, date="2022-03-20", date_quote="20/3/2022",
                    host="Huyện đoàn Tủa Chùa", title="Hội nghị Ban Chấp hành mở rộng",
                    people=(("Giàng A Phử", ["Phó Bí thư Tỉnh đoàn"], ["attendee", "speaker"]),
                            ("Lò Thị Xuân", [], ["other"]))),
    ]


def _pg_admin_url() -> str | None:
    return os.environ.get(PG_ENV) or None


@pytest.fixture
def pg_url() -> Iterator[str]:
    """A fresh, empty PostgreSQL database, dropped after the test."""
    admin = _pg_admin_url()
    if admin is None:
        pytest.skip(f"PostgreSQL backend not tested: set {PG_ENV}=postgresql://USER:PASS@HOST:PORT/postgres "
                    "(a role that may create databases; .ci/run starts one)")
    psycopg = pytest.importorskip("psycopg", reason="psycopg is not installed (pip install -e '.[test]')")
    from psycopg import sql

    name = f"hoinghi_test_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    try:
        yield urlunsplit(urlsplit(admin)._replace(path=f"/{name}"))
    finally:
        _drop_database(psycopg, admin, sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name)))


def _drop_database(psycopg: Any, admin: str, statement: Any, tries: int = 20) -> None:
    """Drop a test database; a backend still closing (a killed indexer's, an autovacuum worker) may hold it a moment."""
    for left in range(tries, 0, -1):
        try:
            with psycopg.connect(admin, autocommit=True) as conn:
                conn.execute(statement)
            return
        except (psycopg.errors.InsufficientPrivilege, psycopg.errors.ObjectInUse):
            if left == 1:
                raise
            time.sleep(0.25)


@pytest.fixture(params=["sqlite", "postgres"])
def archive_url(request: pytest.FixtureRequest, tmp_path) -> str:  # type: ignore[no-untyped-def]
    """A fresh archive location on each backend: an SQLite path, or a new PostgreSQL database."""
    if request.param == "sqlite":
        return str(tmp_path / "archive.db")
    return request.getfixturevalue("pg_url")
