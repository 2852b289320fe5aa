"""``hoinghi serve`` shows the cross-year report per body at /-/crossyear (in-process Datasette)."""
from __future__ import annotations

import asyncio

import pytest

pytest.importorskip("datasette", reason="datasette is not installed (pip install -e '.[test]')")

from hoinghi.pipeline.archive import index_records  # noqa: E402
from hoinghi.pipeline.web.serve import make_datasette  # noqa: E402
from tests.conftest import ROOT  # noqa: E402
from tests.crossyear.gold_records import gold_records  # noqa: E402


@pytest.fixture(scope="module")
def datasette(tmp_path_factory):
    db = tmp_path_factory.mktemp("web") / "archive.db"
    index_records(gold_records(ROOT / "corpus" / "crossyear"), db)
    return make_datasette(db)


def _get(ds, path: str):
    async def fetch():
        await ds.invoke_startup()
        return await ds.client.get(path)

    return asyncio.run(fetch())


def test_crossyear_page_charts_the_series_of_a_body(datasette):
    page = _get(datasette, "/-/crossyear?body=Nam+%C4%90%E1%BB%8Bnh")
    assert page.status_code == 200
    assert "Thanh tra tỉnh Nam Định" in page.text and "<svg" in page.text
    assert 'class="inconsistent"' in page.text and "1.130" in page.text


def test_crossyear_page_of_every_body_lists_them(datasette):
    page = _get(datasette, "/-/crossyear")
    assert page.status_code == 200
    assert "Kiểm toán Nhà nước" in page.text and "Hội Nông dân tỉnh Quảng Ninh" in page.text
