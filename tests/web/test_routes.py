"""Every route of the served archive answers as it should: pages 200, unknown URLs 404, writes refused, never 500."""
from __future__ import annotations

import asyncio

import pytest

pytest.importorskip("datasette", reason="datasette is not installed (pip install -e '.[test]')")

from hoinghi.pipeline.archive import index_records  # noqa: E402
from hoinghi.pipeline.web.metadata import archive_metadata  # noqa: E402
from hoinghi.pipeline.web.serve import make_datasette  # noqa: E402


@pytest.fixture
def datasette(tmp_path, records):
    db = tmp_path / "archive.db"
    index_records(records, db)
    return make_datasette(db)


def _status(ds, method: str, path: str, **kwargs) -> int:
    async def fetch():
        await ds.invoke_startup()
        return (await getattr(ds.client, method)(path, **kwargs)).status_code

    return asyncio.run(fetch())


def _pages() -> list[str]:
    meta = archive_metadata("archive")["databases"]["archive"]
    tables = [f"/archive/{table}" for table in meta["tables"]]
    queries = [f"/archive/{query}" for query in meta["queries"]]
    return ["/", "/archive", "/-/search", "/-/search?q=lam+duc+xuan", "/-/article/tinh_uy_2024",
            *tables, *(f"{t}.json" for t in tables), *queries, *(f"{q}.json" for q in queries)]


@pytest.mark.parametrize("path", _pages())
def test_routes_every_page_of_the_archive_answers_200(datasette, path):
    assert _status(datasette, "get", path) == 200


@pytest.mark.parametrize("path", ["/khong-co", "/-/khong-co", "/-/khong/co/dau", "/archive/khong_co_bang",
                                  "/archive/articles/999999", "/-/article/khong_co_bai", "/a/b/c/d/e",
                                  "/khong-co.json"])
def test_routes_unknown_url_is_404(datasette, path):
    assert _status(datasette, "get", path) == 404


@pytest.mark.parametrize("path", ["/archive/articles/-/insert", "/archive/-/create", "/archive/articles/1/-/delete",
                                  "/-/search", "/archive/articles"])
def test_routes_post_is_refused_not_a_server_error(datasette, path):
    status = _status(datasette, "post", path, json={"row": {"doc_id": "moi", "text": "Hội nghị"}})
    assert 400 <= status < 500
