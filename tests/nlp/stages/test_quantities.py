"""The quantities stage on sentences written for these tests."""
from __future__ import annotations

import pytest


def qty(doc):
    text = doc._.textmap.text
    return [(q.value * q.multiplier, text[q.unit[0]:q.unit[1]]) for q in doc._.quantities]


def one(doc):
    (q,) = doc._.quantities
    return q


def subject(doc, q):
    return None if q.subject is None else doc._.textmap.text[q.subject[0]:q.subject[1]]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Đại hội có 215 đại biểu chính thức.", [(215, "đại biểu")]),
        ("Toàn tỉnh có 48.306 đảng viên.", [(48306, "đảng viên")]),
        ("Năm qua thu hút 2,5 triệu lượt khách.", [(2_500_000, "triệu lượt")]),
        ("Tổng thu ngân sách đạt 3.418 tỷ đồng.", [(3_418_000_000_000, "tỷ đồng")]),
        ("Thu nhập bình quân 58 triệu đồng/người/năm.", [(58_000_000, "triệu đồng/người/năm")]),
        ("Hội có 36 ngàn hội viên.", [(36_000, "ngàn hội viên")]),
        ("Diện tích lúa đạt 12.540 ha.", [(12540, "ha")]),
        ("Xã đã kết nạp mười hai hội viên mới.", [(12, "hội viên")]),
        ("Đoàn đã tổ chức hai mươi lăm cuộc giám sát.", [(25, "cuộc")]),
        ("Hội nghị thảo luận hai nhiệm vụ trọng tâm.", [(2, "nhiệm vụ")]),
        ("Ban Thường vụ gồm năm đồng chí.", [(5, "đồng chí")]),
        ("Hội cựu chiến binh có ba trăm hội viên.", [(300, "hội viên")]),
        ("Kim ngạch xuất khẩu đạt 1.250 triệu USD.", [(1_250_000_000, "triệu USD")]),
    ],
)
def test_quantities_number_forms(run, text, expected):
    assert qty(run(text)) == expected


def test_quantities_keep_the_value_as_written_and_the_multiplier_apart(run):
    q = one(run("Kiến nghị xử lý tài chính 1.872,5 tỷ đồng."))
    assert (q.value, q.multiplier, q.base_unit) == (1872.5, 1e9, "đồng")


@pytest.mark.parametrize(
    ("text", "bound"),
    [
        ("Toàn huyện có hơn 9.500 hội viên.", "over"),
        ("Hội có trên 2.000 đoàn viên.", "over"),
        ("Mỗi lớp dưới 40 học viên.", "under"),
        ("Đội hình chưa đến 30 người.", "under"),
        ("Kinh phí không quá 200 triệu đồng.", "under"),
        ("Buổi lễ có khoảng 400 khách mời.", "about"),
        ("Lễ hội đón gần 60.000 lượt khách.", "about"),
        ("Sản lượng ước đạt 5.300 tấn.", "about"),
        ("Đường giao thông dài xấp xỉ 14 km.", "about"),
        ("Đại hội có 210 đại biểu.", None),
    ],
)
def test_quantities_bound(run, text, bound):
    assert one(run(text)).bound == bound


@pytest.mark.parametrize(
    "text",
    [
        "Sáng 14/3/2025, hội nghị khai mạc.",
        "Hội nghị tổng kết năm 2024 đã thành công.",
        "Cuộc họp bắt đầu lúc 8 giờ 30 phút.",
        "Ông Nguyễn Văn Bình năm nay 72 tuổi.",
        "Kỳ họp thứ 8 HĐND huyện khóa XX bế mạc.",
        "Đây là lần thứ 3 huyện đăng cai.",
        "Đại hội diễn ra trong 2 ngày.",
        "Hội đã đi qua chặng đường 5 năm.",
        "Thực hiện Nghị quyết số 15-NQ/TU của Tỉnh ủy.",
        "Liên hệ đường dây nóng 0913.456.789 để phản ánh.",
        "Nhà văn hóa số 12 đường Lê Lợi được sửa chữa.",
        "Mỗi tổ từ 10 đến 15 người.",
        "Lực lượng Quân khu 9 tham gia diễn tập.",
        "Dịch Covid-19 được kiểm soát.",
        "Có 28/30 đại biểu có mặt.",
        "Tỷ lệ hộ nghèo còn 2,8%.",
        "Hằng năm chi bộ đều tổ chức sinh hoạt chuyên đề.",
    ],
)
def test_quantities_never_dates_times_ages_ordinals_durations_numbers_ranges_names_fractions(run, text):
    assert qty(run(text)) == []


def test_quantities_award_count_is_never_also_a_quantity(run):
    doc = run("Chủ tịch UBND huyện tặng Giấy khen cho 14 tập thể và 27 cá nhân.")
    assert [a.count for a in doc._.awards] == [14, 27]
    assert qty(doc) == []


def test_quantities_award_count_the_awards_stage_left_is_no_quantity(run):
    assert qty(run("Đảng ủy trao thưởng cho 9 đồng chí tiêu biểu.")) == []


def test_quantities_percentage_fraction_parts_are_not_quantities(run):
    doc = run("Có 100% (45/45) chi bộ hoàn thành nhiệm vụ.")
    assert len(doc._.percentages) == 1
    assert qty(doc) == []


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Năm 2025 phấn đấu kết nạp 300 đảng viên mới.", "target"),
        ("Chỉ tiêu thu ngân sách năm tới là 900 tỷ đồng.", "target"),
        ("Năm 2024 đã kết nạp 320 đảng viên mới.", "result"),
        ("Số hộ nghèo giảm 85 hộ so với năm trước.", "other"),
        ("Số hội viên tăng 140 người.", "other"),
        ("Kế hoạch đề ra, huyện đã xây dựng 12 nhà đại đoàn kết.", "result"),
    ],
)
def test_quantities_kind(run, text, kind):
    assert one(run(text)).kind == kind


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Đại hội có 215 đại biểu chính thức, đại diện cho các chi hội.", "đại biểu chính thức"),
        ("Ban Chấp hành Hội gồm 31 đồng chí.", "Ban Chấp hành Hội"),
        ("Năm 2024, tổng thu ngân sách đạt 1.530 tỷ đồng.", "tổng thu ngân sách"),
        ("Đoàn đã tiến hành 46 cuộc kiểm tra chuyên ngành.", "cuộc kiểm tra chuyên ngành"),
    ],
)
def test_quantities_subject(run, text, expected):
    doc = run(text)
    assert subject(doc, one(doc)) == expected


def test_quantities_year_stated_in_its_sentence(run):
    assert one(run("Năm 2023, Hội đã vận động 640 triệu đồng.")).year == 2023


def test_quantities_year_of_another_sentence_is_not_taken(run):
    doc = run("Hội nghị tổng kết công tác năm 2023. Đại hội có 215 đại biểu.")
    assert one(doc).year is None


def test_quantities_compared_year_is_not_the_figures(run):
    assert one(run("Số vụ việc giảm 14 vụ so với năm 2022.")).year is None


def test_quantities_breakdown_takes_the_unit_of_its_figure(run):
    doc = run("Ủy ban đã thi hành kỷ luật 21 đảng viên (khiển trách 12, cảnh cáo 9).")
    assert [(q.value, q.base_unit) for q in doc._.quantities] == [(21, "đảng viên"), (12, "đảng viên"), (9, "đảng viên")]


def test_quantities_same_figure_written_twice_is_one(run):
    doc = run("Hội có 1.200 hội viên. Trong năm, 1.200 hội viên tham gia tập huấn.")
    assert len(doc._.quantities) == 1


@pytest.mark.parametrize("text", ["   ", "\n\n"])
def test_quantities_whitespace_only_text(run, text):
    assert qty(run(text)) == []


def test_quantities_nfd_text_keeps_original_offsets(extractor):
    import unicodedata

    text = unicodedata.normalize("NFD", "Đại hội có 215 đại biểu chính thức.")
    rec = extractor.extract(text, doc_id="nfd")
    (q,) = rec.quantities
    assert text[q.evidence.start:q.evidence.end] == q.evidence.text
    assert unicodedata.normalize("NFC", q.unit) == "đại biểu"


def test_quantities_recipients_qualified_as_an_awards_are_no_quantity(run):
    assert qty(run("Huyện có 4 đơn vị xuất sắc được đề nghị khen thưởng.")) == []


def test_quantities_a_figure_per_unit_is_no_count(run):
    assert qty(run("Giá trị sản xuất trên 1 ha đạt 210 triệu đồng.")) == [(210_000_000, "triệu đồng")]


def test_quantities_subject_of_a_bare_classifier_is_the_work_before_it(run):
    doc = run("Năm qua, Thanh tra huyện đã thanh tra đột xuất 14 cuộc.")
    assert subject(doc, one(doc)) == "thanh tra đột xuất"


def test_quantities_subject_of_bodies_of_each_place(run):
    doc = run("Quận ủy đã chỉ đạo cấp ủy 9 phường thực hiện nghị quyết.")
    assert subject(doc, one(doc)) == "cấp ủy 9 phường"


def test_quantities_subject_of_members_elected_into_a_body(run):
    doc = run("Đại hội đã bầu 27 đồng chí vào Ban Chấp hành Hội khóa VIII.")
    assert subject(doc, one(doc)) == "Ban Chấp hành Hội"


def test_quantities_pair_shares_what_was_done_to_it(run):
    doc = run("Qua kiểm tra, có 42 tổ chức đảng và 310 đảng viên có vi phạm.")
    assert [subject(doc, q) for q in doc._.quantities] == ["có vi phạm", "có vi phạm"]


def test_quantities_measure_subject_starts_after_the_figure_before(run):
    doc = run("Ngành thuế thu nội địa 2.140 tỷ đồng và thu xuất nhập khẩu 380 tỷ đồng.")
    assert subject(doc, doc._.quantities[1]) == "thu xuất nhập khẩu"


@pytest.mark.parametrize("text", ["Hội phát động cuộc vận động “5 không, 3 sạch” trong toàn xã.",
                                  "TỔNG KẾT CUỘC VẬN ĐỘNG 5 KHÔNG 3 SẠCH"])
def test_quantities_slogan_numbers_are_no_counts(run, text):
    assert qty(run(text)) == []


def test_quantities_page_counter_is_no_figure(run):
    assert qty(run("Ngày đăng: 12/3/2025 | 530 lượt xem")) == []


def test_quantities_straight_quoted_slogan_is_no_count(run):
    assert qty(run('Hội thực hiện cuộc vận động "Xây dựng gia đình 5 không, 3 sạch" trong năm.')) == []


def test_quantities_amount_subject_after_với(run):
    doc = run("Đoàn xã xây dựng 8 công trình thanh niên với tổng giá trị 640 triệu đồng.")
    assert subject(doc, doc._.quantities[1]) == "tổng giá trị"


@pytest.mark.parametrize("text", ["Toàn cảnh hội nghị.\nanh-hoi-nghi-01.jpg (512 KB)\nĐại hội có 210 đại biểu chính thức.",
                                  "Tải về: bao-cao-tong-ket.pdf (1,2 MB). Đại hội có 210 đại biểu chính thức."])
def test_quantities_file_sizes_of_a_page_are_no_quantity(run, text):
    assert qty(run(text)) == [(210, "đại biểu")]


def test_quantities_counted_noun_split_by_the_tokenizer_is_one_unit(run):
    doc = run("Cấp ủy đã kỷ luật 210 đảng viên, có 95 cấp ủy viên; Hội có 3 Phó chủ tịch.")
    assert qty(doc) == [(210, "đảng viên"), (95, "cấp ủy viên"), (3, "Phó chủ tịch")]


def test_quantities_holders_of_a_title_counted_after_gom_have_the_title_as_subject(run):
    doc = run("Đại hội bầu Ban Chấp hành gồm 61 đồng chí. Phó Bí thư Tỉnh đoàn gồm 3 đồng chí: Lê Văn An, Trần Thị Bình.")
    assert [subject(doc, q) for q in doc._.quantities] == ["Ban Chấp hành", "Phó Bí thư Tỉnh đoàn"]


def test_quantities_a_title_without_gom_gives_no_subject_to_a_count(run):
    doc = run("Đồng chí Nguyễn Văn Hải, Phó Chủ tịch UBND tỉnh, cùng 30 đồng chí dự hội nghị.")
    assert [subject(doc, q) for q in doc._.quantities] != ["Phó Chủ tịch UBND tỉnh"]
