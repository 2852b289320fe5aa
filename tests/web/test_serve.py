"""The Datasette side, in-process: hoinghi's pages, folded table search, canned queries, metadata."""
from __future__ import annotations

import asyncio
import html
import re
from urllib.parse import quote

import pytest

pytest.importorskip("datasette", reason="datasette is not installed (pip install -e '.[test]')")

from hoinghi.pipeline.archive import ArchiveError, index_records  # noqa: E402
from hoinghi.pipeline.web.serve import make_datasette  # noqa: E402


@pytest.fixture
def datasette(tmp_path, records):
    db = tmp_path / "archive.db"
    index_records(records, db)
    return make_datasette(db)


def _get(ds, path: str):
    async def fetch():
        await ds.invoke_startup()
        return await ds.client.get(path)

    return asyncio.run(fetch())


def _text(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def test_serve_search_page_finds_name_typed_without_diacritics(datasette):
    page = _get(datasette, "/-/search?q=lam+duc+xuan")
    assert page.status_code == 200
    assert 'data-doc-id="tinh_uy_2024"' in page.text
    assert "<mark>Lâm Đức Xuân</mark>" in page.text


def test_serve_search_page_applies_filters(datasette):
    page = _get(datasette, "/-/search?q=&body=so+y+te&kind=target")
    assert re.findall(r'data-doc-id="([^"]+)"', page.text) == ["so_y_te_2023"]


def test_serve_search_page_bad_year_is_a_message(datasette):
    page = _get(datasette, "/-/search?q=hoi+nghi&year=nam+ngoai")
    assert page.status_code == 200
    assert "year &#39;nam ngoai&#39; is not a number" in page.text


def test_serve_article_page_highlights_every_kind_of_fact(datasette):
    page = _get(datasette, "/-/article/tinh_uy_2024")
    assert page.status_code == 200
    for kind, words in [("date", "26/01/2024"), ("host", "Văn phòng Tỉnh uỷ"), ("person", "Lâm Đức Xuân"),
                        ("ptitle", "Bí thư Đảng uỷ"), ("pct", "100%"), ("award", "65 cá nhân")]:
        assert re.search(rf'<mark class="f-{kind}"[^>]*>{re.escape(words)}</mark>', page.text), kind
    assert 'title="Lâm Đức Xuân — Bí thư Đảng uỷ; Chánh Văn phòng Tỉnh uỷ — chair"' in page.text


def test_serve_article_page_unknown_doc_is_404(datasette):
    page = _get(datasette, "/-/article/khong_co")
    assert page.status_code == 404
    assert "khong_co: not in the archive archive" in page.text


def test_serve_table_search_folds_the_d_with_stroke(datasette):
    found = {}
    for typed in ("Lâm Đức Xuân", "lam duc xuan", '"lam duc xuan"'):
        rows = _get(datasette, f"/archive/articles.json?_search={quote(typed)}&_shape=array&_col=doc_id").json()
        found[typed] = sorted(r["doc_id"] for r in rows)
    assert found["Lâm Đức Xuân"] == found["lam duc xuan"] == ["huyen_doan_2022", "tinh_uy_2024"]  # all the words
    assert found['"lam duc xuan"'] == ["tinh_uy_2024"]  # the phrase


def test_serve_search_json_is_a_json_api(datasette):
    hits = _get(datasette, "/-/search.json?q=uỷ+ban").json()["hits"]
    assert hits[0]["doc_id"] == "so_y_te_2023" and hits[0]["body"] == "Sở Y tế tỉnh Điện Biên"


@pytest.mark.parametrize("typed", ['"', "*", "(", '"(*)"', "- :"])
def test_serve_table_search_of_only_punctuation_finds_nothing_without_error(datasette, typed):
    page = _get(datasette, f"/archive/articles.json?_search={quote(typed)}&_shape=array")
    assert (page.status_code, page.json()) == (200, [])


@pytest.mark.parametrize("typed", ['"', "*", "("])
def test_serve_search_json_of_only_punctuation_finds_nothing_without_error(datasette, typed):
    page = _get(datasette, f"/-/search.json?q={quote(typed)}")
    assert (page.status_code, page.json()["hits"]) == (200, [])


def test_serve_search_json_ranks_as_the_archive_search_does(tmp_path):
    from hoinghi.pipeline.archive import open_archive
    from tests.archive_fixtures import make_record

    apart = ("Đồng chí Lâm Văn Tư phát biểu. Bà Đức Hạnh tham luận. Ông Xuân Trường, Xuân Lộc, Đức Thọ, "
             "Lâm Hoà và Xuân Mai dự hội nghị tổng kết của Lâm trường Đức Xuân.")
    exact = "Sáng 26/01/2024, đồng chí Lâm Đức Xuân chủ trì hội nghị cán bộ công chức năm 2023 của văn phòng tỉnh uỷ."
    db = tmp_path / "archive.db"
    index_records([make_record("cach_xa", apart), make_record("dung_ten", exact)], db)
    with open_archive(db) as archive:
        cli_order = [hit.doc_id for hit in archive.search("lam duc xuan")]
    web_order = [hit["doc_id"] for hit in _get(make_datasette(db), "/-/search.json?q=lam+duc+xuan").json()["hits"]]
    assert web_order == cli_order == ["dung_ten", "cach_xa"]


@pytest.mark.parametrize("query, params, expected", [
    ("people_by_body_and_year", "body=so+y+te&year=2023", ["Vàng Thị Mỷ"]),
    ("people_by_body_and_year", "body=&year=2024", ["Lâm Đức Xuân"]),
    ("awards_by_year", "award=lao+dong+tien+tien", ["Lao động tiên tiến"]),
])
def test_serve_canned_queries_answer(datasette, query, params, expected):
    rows = _get(datasette, f"/archive/{query}.json?{params}&_shape=array").json()
    column = {"people_by_body_and_year": "name", "awards_by_year": "award", "targets_vs_results": "subject"}[query]
    assert [r[column] for r in rows] == expected


def test_serve_index_page_has_the_search_form_and_queries(datasette):
    page = _get(datasette, "/")
    assert '<form class="hoinghi-form" action="/-/search"' in page.text
    assert "/archive/people_by_body_and_year" in page.text


def test_serve_tables_carry_labels_and_facets(datasette):
    page = _get(datasette, "/archive/people?_facet_array=roles")
    assert "Người — people" in page.text and "Chức danh (JSON list)" in page.text
    assert 'href="/-/article/tinh_uy_2024"' in _get(datasette, "/archive/articles").text


def test_serve_missing_archive_is_named(tmp_path):
    with pytest.raises(ArchiveError, match="none.db: no such archive"):
        make_datasette(tmp_path / "none.db")


@pytest.mark.parametrize("doc_id", ["hội nghị tổng kết", "bai?trang=2", "bai#muc-1", "tinh/2024/bai", "x%20y"])
def test_serve_article_opens_from_its_search_hit_whatever_its_doc_id(tmp_path, doc_id):
    from tests.archive_fixtures import TINH_UY, make_record

    db = tmp_path / "archive.db"
    index_records([make_record(doc_id, TINH_UY, host="Văn phòng Tỉnh uỷ")], db)
    ds = make_datasette(db)
    hits = _get(ds, "/-/search?q=lam+duc+xuan")
    [href] = re.findall(r'class="hoinghi-doc" href="([^"]+)"', hits.text)
    page = _get(ds, href.replace("&amp;", "&"))
    assert page.status_code == 200
    assert f'<p class="hoinghi-meta">{html.escape(doc_id)} ·' in page.text


@pytest.mark.parametrize("path", ["/-/search?q={}", "/-/search.json?q={}", "/archive/articles.json?_search={}",
                                  "/archive/people_by_body_and_year.json?body={}&year="])
def test_serve_query_longer_than_500_characters_is_refused_with_its_length(datasette, path):
    page = _get(datasette, path.format("hoi+nghi+" * 100))
    assert page.status_code == 400
    assert "is 900 characters long; a search takes at most 500" in page.text


KE_HOACH = ("Chiều 20/12/2023, Sở Y tế tỉnh Lai Châu tổ chức hội nghị triển khai nhiệm vụ năm 2024. "
            "Năm 2024, ngành phấn đấu 95% trạm y tế xã có bác sĩ. Hội nghị thống nhất với 100% ý kiến.")
KET_QUA = ("Sáng 18/12/2024, Sở Y tế tỉnh Lai Châu tổng kết công tác năm 2024. Đến nay 92% trạm y tế xã có bác sĩ, "
           "tỷ lệ hộ dùng nước sạch đạt 90%. Kế hoạch đề ra 100% được hoàn thành.")
HUYEN = ("Ngày 10/12/2024, Trung tâm Y tế huyện Sìn Hồ tổng kết năm 2024: 80% trạm y tế xã có bác sĩ.")


@pytest.fixture
def targets_and_results(tmp_path):
    from tests.archive_fixtures import make_record

    records = [
        make_record("ke_hoach_2023", KE_HOACH, date="2023-12-20", host="Sở Y tế tỉnh Lai Châu",
                    percentages=((95.0, "target", 2024, "trạm y tế xã có bác sĩ", "95%"),
                                 (100.0, "target", 2024, None, "100%"))),
        make_record("ket_qua_2024", KET_QUA, date="2024-12-18", host="Sở Y tế tỉnh Lai Châu",
                    percentages=((92.0, "result", 2024, "trạm y tế xã có bác sĩ", "92%"),
                                 (90.0, "result", 2024, "hộ dùng nước sạch", "90%"),
                                 (100.0, "result", 2024, None, "100%"))),
        make_record("huyen_2024", HUYEN, date="2024-12-10", host="Trung tâm Y tế huyện Sìn Hồ",
                    percentages=((80.0, "result", 2024, "trạm y tế xã có bác sĩ", "80%"),)),
    ]
    db = tmp_path / "archive.db"
    index_records(records, db)
    return make_datasette(db)


def test_serve_targets_vs_results_pairs_only_the_same_measure_of_the_same_body(targets_and_results):
    rows = _get(targets_and_results, "/archive/targets_vs_results.json?body=&_shape=array").json()
    assert [(r["body"], r["subject"], r["year"], r["target"], r["result"]) for r in rows] == [
        ("Sở Y tế tỉnh Lai Châu", "trạm y tế xã có bác sĩ", 2024, 95.0, 92.0)]


def test_serve_targets_vs_results_shows_the_evidence_of_both(targets_and_results):
    [row] = _get(targets_and_results, "/archive/targets_vs_results.json?body=lai+chau&_shape=array").json()
    assert (row["target_evidence"], row["target_doc"], row["result_evidence"], row["result_doc"]) == (
        "95%", "ke_hoach_2023", "92%", "ket_qua_2024")


def test_serve_start_page_speaks_to_an_analyst(datasette):
    page = _text(_get(datasette, "/").text)
    assert "rows in" not in page and "3 bài báo / articles" in page
    assert "Hội nghị mới nhất" in page and "Bài báo theo năm và cơ quan" in page


def test_serve_start_page_charts_meetings_and_awards_by_year(datasette):
    page = _get(datasette, "/").text
    bars = re.findall(r'<rect class="bar s(\d)"[^>]*><title>([^<]+)</title>', page)
    assert ("0", "Hội nghị / meetings 2024: 1") in bars and ("1", "Khen thưởng / awards 2023: 1") in bars
    assert "http" not in page[page.index("<svg"):page.index("</svg>")].replace("http://www.w3.org/2000/svg", "")


def test_serve_start_page_lists_the_latest_meetings_newest_first(datasette):
    page = _get(datasette, "/").text
    latest = page[page.index('class="hoinghi-latest"'):]
    assert re.findall(r'href="/-/article/([^"]+)"', latest)[:3] == ["tinh_uy_2024", "so_y_te_2023", "huyen_doan_2022"]


def test_serve_people_query_has_date_body_and_vietnamese_roles(datasette):
    rows = _get(datasette, "/archive/people_by_body_and_year.json?body=&year=&_shape=array").json()
    giang = next(r for r in rows if r["name"] == "Giàng A Phử")
    assert (giang["date"], giang["body"], giang["roles"], giang["titles"]) == (
        "2022-03-20", "Huyện đoàn Tủa Chùa", "dự (attendee), phát biểu (speaker)", "Phó Bí thư Tỉnh đoàn")


def test_serve_people_table_shows_roles_in_vietnamese(datasette):
    assert "chủ trì (chair)" in _get(datasette, "/archive/people").text
