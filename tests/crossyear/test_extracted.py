"""The checks on what extraction reads: the corpora extracted, then scored; behaviours on written sentences."""
from __future__ import annotations

import json
from functools import lru_cache

import pytest

from hoinghi.pipeline.crossyear.run import analyse
from hoinghi.pipeline.crossyear.series import linked
from tests.conftest import ROOT, SHARED
from tests.crossyear.test_corpus import SCORER, _scorer

CORPUS = ROOT / "corpus" / "crossyear"
needs_scorer = pytest.mark.skipif(not SCORER.exists(), reason="no ../shared/score_crossyear.py beside the checkout")


@lru_cache(maxsize=2)
def _extracted(folder, extractor):
    with open(folder / "articles.jsonl", encoding="utf-8") as f:
        items = [json.loads(line) for line in f if line.strip()]
    return tuple(extractor.extract(a["text"], doc_id=a["id"], meta={k: a.get(k) for k in ("url", "published", "source")})
                 for a in items)


def _score(folder, extractor):
    scorer = _scorer()
    result = analyse(_extracted(folder, extractor))
    return scorer.score(scorer.load(folder / "findings.gold.jsonl"), scorer.load(folder / "series.gold.jsonl"),
                        [f.to_json() for f in result.findings], [s.to_json() for s in linked(result.series)])


def _analyse(extractor, *articles):
    """``(doc_id, url, text)`` extracted and analysed."""
    return analyse([extractor.extract(text, doc_id=d, meta={"url": url}) for d, url, text in articles])


def _flagged(result, check):
    return [f for f in result.findings if f.check == check and f.flags]


@needs_scorer
def test_extracted_corpus_every_planted_finding_found_and_no_control_flagged(extractor):
    r = _score(CORPUS, extractor)
    assert r["missed"] == [] and r["violated"] == []
    assert r["findings_precision"] == 1.0


@needs_scorer
def test_extracted_corpus_series_are_linked(extractor):
    assert _score(CORPUS, extractor)["series_link_rate"] >= 0.9


@pytest.mark.skipif(not (SHARED / "crossyear" / "articles.jsonl").exists(), reason="no ../shared/crossyear")
def test_extracted_real_series_finding_found_controls_kept_series_linked(extractor):
    r = _score(SHARED / "crossyear", extractor)
    assert r["missed"] == [] and r["violated"] == []
    assert r["series_link_rate"] >= 0.9


def test_extracted_figures_named_for_a_whole_system_belong_to_it_not_to_the_host(extractor):
    result = _analyse(extractor, ("A", None, "Sáng 12/1, Ban Bí thư Trung ương Đảng tổ chức hội nghị toàn quốc tổng kết "
                                  "công tác kiểm tra năm 2024. Năm 2024, UBKT các cấp đã kiểm tra 2.140 tổ chức đảng."))
    assert [b.name for b in result.bodies] == ["Ủy ban Kiểm tra Trung ương"]


def test_extracted_new_members_and_the_total_are_two_series(extractor):
    url = "https://baothaibinh.com.vn/hoi-{}.html"
    result = _analyse(
        extractor,
        ("A", url.format(1), "Ngày 18/12, Hội Cựu chiến binh tỉnh tổng kết năm 2023. Năm 2023, Hội kết nạp 910 hội viên, "
                             "nâng tổng số hội viên lên 70.300 hội viên."),
        ("B", url.format(2), "Ngày 17/12, Hội Cựu chiến binh tỉnh tổng kết năm 2024. Năm 2024, Hội kết nạp 870 hội viên; "
                             "tổng số hội viên là 70.950 hội viên."))
    assert sorted(sorted(p.value for p in s.points) for s in linked(result.series)) == [[870, 910], [70300, 70950]]


def test_extracted_target_framed_by_the_province_meets_its_result(extractor):
    url = "https://baohatinh.vn/thu-ngan-sach-{}.html"
    result = _analyse(
        extractor,
        ("A", url.format(1), "Ngày 20/12, UBND tỉnh tổng kết năm 2023. Năm 2024, tỉnh phấn đấu thu ngân sách 9.000 tỷ đồng."),
        ("B", url.format(2), "Ngày 19/12, UBND tỉnh tổng kết năm 2024. Năm 2024, tổng thu ngân sách nhà nước trên địa bàn "
                             "đạt 9.420 tỷ đồng."))
    assert [(f.check, f.year) for f in result.findings if f.check.startswith("target")] == [("target_met", 2024)]


def test_extracted_part_done_is_no_conflict_with_a_restated_total(extractor):
    url = "https://baothanhhoa.vn/kiem-toan-{}.html"
    result = _analyse(
        extractor,
        ("A", url.format(1), "Ngày 28/12, Kiểm toán Nhà nước tỉnh tổng kết năm 2022. Năm 2022, toàn ngành kiến nghị "
                             "xử lý tài chính 1.600 tỷ đồng, gồm tăng thu 600 tỷ đồng và kiến nghị khác 1.000 tỷ đồng."),
        ("B", url.format(2), "Ngày 27/12, Kiểm toán Nhà nước tỉnh tổng kết năm 2024. Tính đến ngày 20/11, số kiến nghị "
                             "xử lý tài chính năm 2022 đã thực hiện là 1.250 tỷ đồng/1.600 tỷ đồng, đạt 78,1%."))
    assert _flagged(result, "conflict") == []


def test_extracted_parts_after_words_that_follow_the_total_unit_are_summed(extractor):
    result = _analyse(extractor, ("A", "https://baonghean.vn/phu-nu-1.html",
                                  "Ngày 20/12, Hội LHPN tỉnh tổng kết năm 2024. Năm 2024, các cấp Hội hỗ trợ 1.200 hộ "
                                  "phụ nữ nghèo, gồm 700 hộ ở vùng cao và 650 hộ ở vùng thấp."))
    [f] = _flagged(result, "sum_mismatch")
    assert f.recomputed == 1350 and [x.value for x in f.figures] == [1200, 700, 650]


def test_extracted_committee_members_are_told_apart_by_the_figure_they_belong_to(extractor):
    url = "https://baolangson.vn/ky-luat-{}.html"
    result = _analyse(
        extractor,
        ("A", url.format(1), "Ngày 9/1, Tỉnh ủy tổng kết công tác kiểm tra năm 2023. Năm 2023, cấp ủy các cấp đã thi hành "
                             "kỷ luật 410 đảng viên (có 52 đảng viên là cấp ủy viên các cấp). UBKT các cấp đã thi hành "
                             "kỷ luật 230 đảng viên (có 31 đảng viên là cấp ủy viên các cấp)."),
        ("B", url.format(2), "Ngày 8/1, Tỉnh ủy tổng kết công tác kiểm tra năm 2024. Năm 2024, UBKT các cấp đã thi hành "
                             "kỷ luật 241 đảng viên, có 35 cấp ủy viên. Cấp ủy các cấp đã thi hành kỷ luật 398 đảng viên, "
                             "có 49 cấp ủy viên."))
    pairs = sorted(sorted(p.value for p in s.points) for s in linked(result.series) if s.points[0].value < 100)
    assert pairs == [[31, 35], [49, 52]]


def test_extracted_holders_of_a_title_join_the_count_of_that_title(extractor):
    url = "https://baobinhduong.vn/tinh-doan-{}.html"
    result = _analyse(
        extractor,
        ("A", url.format(1), "Ngày 10/10, Đại hội Tỉnh đoàn lần thứ X, nhiệm kỳ 2022-2027 bầu Ban Chấp hành gồm 45 đồng chí. "
                             "Phó Bí thư Tỉnh đoàn gồm 3 đồng chí."),
        ("B", url.format(2), "Ngày 12/11, Đại hội Tỉnh đoàn lần thứ XI, nhiệm kỳ 2027-2032 bầu Ban Chấp hành gồm 47 người; "
                             "trong đó có 4 Phó bí thư."))
    assert [3, 4] in [sorted(p.value for p in s.points) for s in linked(result.series)]
