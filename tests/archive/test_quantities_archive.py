"""Quantities in the archive, on both backends: their rows and ``search --quantity``."""
from __future__ import annotations

import pytest

from hoinghi.pipeline.archive import index_records, open_archive

_CONGRESS = ("Sáng 12/10/2025, Hội Nông dân huyện Tân Phước tổ chức Đại hội đại biểu lần thứ X. "
             "Đại hội có 180 đại biểu chính thức, đại diện cho hơn 9.400 hội viên nông dân.")
_REVIEW = ("Chiều 20/12/2024, Sở Tài chính tổ chức Hội nghị tổng kết. "
           "Năm 2024, thu ngân sách trên địa bàn đạt 1.250 tỷ đồng.")


@pytest.fixture
def archive(archive_url, extractor):
    records = [extractor.extract(_CONGRESS, doc_id="nong_dan_2025"), extractor.extract(_REVIEW, doc_id="tai_chinh_2024")]
    index_records(records, archive_url)
    with open_archive(archive_url) as opened:
        yield opened


def test_archive_quantities_are_rows(archive):
    assert archive.counts()["quantities"] == 3


def test_search_quantity_finds_the_article_without_diacritics(archive):
    assert [h.doc_id for h in archive.search(quantity="hoi vien")] == ["nong_dan_2025"]


def test_search_quantity_with_words_narrows_them(archive):
    assert [h.doc_id for h in archive.search("ngan sach", quantity="ty dong")] == ["tai_chinh_2024"]
    assert archive.search("ngan sach", quantity="hoi vien") == []
