"""The checks on records written for the purpose: each verdict, its recomputed value and its evidence."""
from __future__ import annotations

from hoinghi.pipeline.crossyear.rounding import interval
from hoinghi.pipeline.crossyear.run import analyse
from tests.crossyear.marked import record

QNAM = "https://baoquangnam.vn/bai-{}.html"


def _found(records, check):
    return [f for f in analyse(records).findings if f.check == check]


def test_rounding_bounded_figure_allows_one_rounding_unit():
    assert interval(67000, "hơn 67.000", "over") == (67000.0, 68000.0)
    assert interval(7500, "gần 7.500", "about") == (7400.0, 7600.0)


def test_rounding_rate_keeps_its_written_decimals():
    assert interval(98.6, "98,6%", None, rate=True) == (98.55, 98.65)
    assert interval(98.6, "98,60%", None, rate=True) == (98.595, 98.605)


def test_fraction_mismatch_is_raised_with_the_recomputed_value():
    r = record("A", "Năm 2023, Sở đạt [[P|95|19|21|chỉ tiêu|result|2023]] (19/21 chỉ tiêu).", host="Sở Tư pháp tỉnh Nam Định")
    [f] = _found([r], "fraction_mismatch")
    assert f.status == "inconsistent" and round(f.recomputed, 2) == 90.48
    assert [x.source for x in f.figures] == ["percentage", "numerator", "denominator"]
    assert f.figures[0].sentence.text.startswith("Năm 2023, Sở đạt 95%")


def test_fraction_consistent_only_by_rounding_says_so():
    r = record("A", "Năm 2024, xử lý đúng hạn [[P|98,6|69|70|hồ sơ|result|2024]] (69/70) hồ sơ.", host="Sở Nội vụ tỉnh Nam Định")
    [f] = _found([r], "fraction_mismatch")
    assert f.status == "consistent_by_rounding" and not f.flags


def test_fraction_exact_is_consistent():
    r = record("A", "Hoàn thành [[P|100|32|32|nhiệm vụ|result|2022]] (32/32) nhiệm vụ.", host="Sở Y tế tỉnh Nam Định")
    assert _found([r], "fraction_mismatch")[0].status == "consistent"


def test_sum_parts_over_their_total_are_raised():
    r = record("A", "Năm 2023, Hội hỗ trợ [[Q|3.600|hộ|hộ nghèo|result||2023]], gồm [[Q|2.150|hộ|hộ nghèo miền núi|result]] "
               "và [[Q|1.720|hộ|hộ nghèo đồng bằng|result]].", host="Hội LHPN tỉnh Nghệ An")
    [f] = _found([r], "sum_mismatch")
    assert f.status == "inconsistent" and f.recomputed == 3870


def test_sum_parts_below_a_trong_do_total_are_no_finding():
    r = record("A", "Năm 2022, Hội kết nạp [[Q|4.210|hội viên|hội viên mới|result||2022]], trong đó "
               "[[Q|1.350|hội viên|hội viên dân tộc thiểu số|result]] và [[Q|980|hội viên|hội viên công nhân|result]].",
               host="Hội LHPN tỉnh Nghệ An")
    assert not any(f.flags for f in _found([r], "sum_mismatch"))


def test_growth_matching_its_two_figures_is_consistent():
    a = record("A", "Năm 2022, toàn Đảng bộ kết nạp [[Q|1.405|đảng viên|đảng viên mới|result||2022]].",
               host="Tỉnh ủy Lâm Đồng", date="2023-01-12")
    b = record("B", "Năm 2023, toàn Đảng bộ kết nạp [[Q|1.520|đảng viên|đảng viên mới|result||2023]], tăng "
               "[[P|8,2|||đảng viên mới|other]] so với năm 2022.", host="Tỉnh ủy Lâm Đồng", date="2024-01-10")
    [f] = _found([a, b], "growth_mismatch")
    assert f.status == "consistent_by_rounding" and round(f.recomputed, 2) == 8.19


def test_growth_against_other_figures_is_raised():
    a = record("A", "Năm 2023, toàn Đảng bộ kết nạp [[Q|1.520|đảng viên|đảng viên mới|result||2023]].",
               host="Tỉnh ủy Lâm Đồng", date="2024-01-10")
    b = record("B", "Năm 2024, toàn Đảng bộ kết nạp [[Q|1.640|đảng viên|đảng viên mới|result||2024]], tăng "
               "[[P|12,5|||đảng viên mới|other]] so với năm 2023.", host="Tỉnh ủy Lâm Đồng", date="2025-01-09")
    [f] = _found([a, b], "growth_mismatch")
    assert f.status == "inconsistent" and {(x.doc_id, x.value) for x in f.figures} == {("B", 12.5), ("B", 1640), ("A", 1520)}


def test_growth_without_the_earlier_figure_is_not_checkable():
    b = record("B", "Năm 2024 kết nạp [[Q|1.640|đảng viên|đảng viên mới|result||2024]], tăng "
               "[[P|12,5|||đảng viên mới|other]] so với năm 2023.", host="Tỉnh ủy Lâm Đồng", date="2025-01-09")
    [f] = _found([b], "growth_mismatch")
    assert f.status == "not_checkable" and "2023" in f.why


def test_conflict_between_two_papers_is_raised():
    a = record("A", "Năm 2024, ngành thực hiện [[Q|1.310|cuộc|thanh tra hành chính|result||2024]].",
               host="Thanh tra tỉnh Nam Định", date="2025-01-08")
    b = record("B", "Năm 2024, đã tiến hành [[Q|1.130|cuộc|thanh tra hành chính|result||2024]].",
               host="Thanh tra tỉnh Nam Định", date="2025-01-08")
    [f] = _found([a, b], "conflict")
    assert f.status == "inconsistent" and f.year == 2024


def test_conflict_rounded_bound_inside_the_exact_figure_is_consistent():
    a = record("A", "Năm 2023 kiến nghị xử lý tài chính [[Q|21.430|tỷ đồng|kiến nghị xử lý tài chính|result||2023]].",
               host="Kiểm toán Nhà nước")
    b = record("B", "Năm 2023 kiến nghị xử lý tài chính [[Q|hơn 21.400|tỷ đồng|kiến nghị xử lý tài chính|result|over|2023]].",
               host="KTNN")
    [f] = _found([a, b], "conflict")
    assert f.status == "consistent_by_rounding" and not f.flags


def test_conflict_needs_one_body_not_two_similar_provinces():
    a = record("A", "Năm 2022 kết nạp [[Q|2.415|hội viên|hội viên mới|result||2022]].", host="Hội Nông dân tỉnh",
               url=QNAM.format(1), date="2022-12-20")
    b = record("B", "Năm 2022 kết nạp [[Q|2.398|hội viên|hội viên mới|result||2022]].", host="Hội Nông dân tỉnh",
               url="https://baoquangninh.vn/bai-2.html", date="2022-12-15")
    assert _found([a, b], "conflict") == []


def test_conflict_never_across_measures_with_similar_names():
    a = record("A", "Có [[Q|350|đại biểu|đại biểu chính thức|result||2024]] dự đại hội.", host="Đảng bộ tỉnh Lâm Đồng")
    b = record("B", "Tổng số [[Q|370|đại biểu|tổng số đại biểu|result||2024]] được triệu tập.", host="Đảng bộ tỉnh Lâm Đồng")
    assert _found([a, b], "conflict") == []


def test_target_met_and_missed():
    a = record("A", "Năm 2023, Hội phấn đấu kết nạp [[Q|2.500|hội viên|hội viên mới|target||2023]].",
               host="Hội Nông dân tỉnh Quảng Nam", date="2022-12-20")
    b = record("B", "Năm 2023, toàn tỉnh kết nạp [[Q|2.812|hội viên|hội viên mới|result||2023]]. Chỉ tiêu năm 2024 "
               "kết nạp [[Q|3.000|hội viên|hội viên mới|target||2024]].", host="Hội Nông dân tỉnh Quảng Nam", date="2023-12-22")
    c = record("C", "Năm 2024, Hội kết nạp [[Q|2.640|hội viên|hội viên mới|result||2024]].",
               host="Hội Nông dân tỉnh Quảng Nam", date="2024-12-19")
    found = analyse([a, b, c]).findings
    assert {(f.check, f.year) for f in found if f.check.startswith("target")} == {("target_met", 2023), ("target_missed", 2024)}


def test_merger_series_is_not_compared_across_territories():
    a = record("A", "Năm 2024, phát triển [[Q|3.610|đoàn viên|đoàn viên mới|result||2024]].",
               host="Liên đoàn Lao động tỉnh Bến Tre", date="2024-12-26")
    b = record("B", "Năm 2025, phát triển [[Q|9.870|đoàn viên|đoàn viên mới|result||2025]], tăng "
               "[[P|8,3|||đoàn viên mới|other]] so với năm 2024.", host="Liên đoàn Lao động tỉnh Vĩnh Long",
               date="2025-12-24")
    result = analyse([a, b])
    assert not any(f.flags for f in result.findings)
    assert len({s.body_key for s in result.series}) == 2


def test_series_crossing_a_merger_of_a_kept_name_is_marked():
    a = record("A", "Năm 2024, phát triển [[Q|2.100|đoàn viên|đoàn viên mới|result||2024]].",
               host="Liên đoàn Lao động tỉnh Vĩnh Long", date="2024-12-20")
    b = record("B", "Năm 2025, phát triển [[Q|2.300|đoàn viên|đoàn viên mới|result||2025]].",
               host="Liên đoàn Lao động tỉnh Vĩnh Long", date="2025-12-24")
    [s] = [s for s in analyse([a, b]).series if len(s.points) == 2]
    assert s.crosses_merger and s.to_json()["crosses_merger"] is True


def test_finding_json_carries_every_figures_evidence():
    a = record("A", "Năm 2024, ngành thực hiện [[Q|1.310|cuộc|thanh tra hành chính|result||2024]].",
               host="Thanh tra tỉnh Nam Định", url="https://baonamdinh.vn/a.html")
    b = record("B", "Năm 2024, đã tiến hành [[Q|1.130|cuộc|thanh tra hành chính|result||2024]].", host="Thanh tra tỉnh Nam Định")
    out = _found([a, b], "conflict")[0].to_json()
    fig = out["figures"][0]
    assert set(fig) >= {"doc_id", "value", "value_text", "unit", "bound", "year", "evidence", "sentence", "url"}
    assert fig["evidence"]["text"] == "1.310 cuộc" and out["recomputed"] is not None and out["tolerance"] is not None


def test_host_missing_is_the_body_its_figures_name():
    from hoinghi.pipeline.crossyear.bodies import BodyNames
    from hoinghi.pipeline.crossyear.run import resolve_body

    r = record("A", "Tại điểm cầu tỉnh Hà Giang, Bí thư Tỉnh ủy dự hội nghị. Năm 2024, Ủy ban Kiểm tra các cấp đã kiểm tra "
               "[[Q|3.120|tổ chức đảng|Ủy ban Kiểm tra các cấp đã kiểm tra|result||2024]].")
    host, body = resolve_body(BodyNames.load(), r, 2024)
    assert host == "Ủy ban Kiểm tra các cấp" and (body.level, body.place) == ("trung ương", None)
