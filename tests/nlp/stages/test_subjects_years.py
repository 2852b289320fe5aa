"""What ties a figure to its meaning: percentage subjects, the one year rule, award issuers, hosts.

Sentences written for these tests.
"""
from __future__ import annotations

import pytest


def quote(doc, span):
    return None if span is None else doc._.textmap.text[span[0]:span[1]]


@pytest.mark.parametrize(
    ("text", "subject"),
    [
        ("Năm 2024, tổng thu ngân sách trên địa bàn đạt 112,4% dự toán.", "tổng thu ngân sách trên địa bàn"),
        ("Có 98,5% đoàn viên tham gia các hoạt động tình nguyện.", "đoàn viên"),
        ("Trong đó tội phạm về trật tự xã hội, kinh tế chiếm 41,2%; còn lại là ma túy.", "tội phạm về trật tự xã hội, kinh tế"),
        ("Tỷ lệ hộ dùng nước sạch đạt 96% so với cùng kỳ.", "hộ dùng nước sạch"),
        ("Chi bộ có 10% đảng viên xếp loại xuất sắc, 90% hoàn thành tốt nhiệm vụ.", "đảng viên"),
    ],
)
def test_percentage_subject_is_what_is_measured_not_its_base(run, text, subject):
    doc = run(text)
    assert quote(doc, doc._.percentages[-1].subject) == subject


def test_percentage_subject_of_a_share_in_brackets_is_the_figures(run):
    doc = run("Hội đã kết nạp 1.240 hội viên mới (chiếm 12,5%).")
    assert quote(doc, doc._.percentages[0].subject) == "hội viên mới"


def test_percentage_subject_of_a_share_after_an_amount_is_the_amounts(run):
    doc = run("Toàn ngành đã thu hồi nợ đọng 1.850 tỷ đồng, đạt 82,3%.")
    assert quote(doc, doc._.percentages[0].subject) == "thu hồi nợ đọng"


@pytest.mark.parametrize(
    ("text", "year"),
    [
        ("Năm 2024 phấn đấu 100% thôn có nhà văn hóa.", 2024),
        ("Số vụ tai nạn giảm 12,5% so với năm 2023.", None),
        ("Hội nghị tổng kết năm 2024 ghi nhận 95% hộ đạt gia đình văn hóa.", None),
        ("Nhiệm kỳ 2020-2025, Đảng bộ có 98% chi bộ trong sạch vững mạnh.", None),
        ("Hội nghị đã diễn ra. Có 97% hội viên tham gia sinh hoạt.", None),
    ],
)
def test_percentage_year_is_stated_for_the_figure_in_its_sentence(run, text, year):
    assert run(text)._.percentages[0].year == year


@pytest.mark.parametrize(
    ("text", "issuer"),
    [
        ("Đơn vị được tặng Bằng khen của Chủ tịch UBND tỉnh cho 3 tập thể.", "Chủ tịch UBND tỉnh"),
        ("Khối thi đua đề nghị Hội đồng Thi đua - Khen thưởng tỉnh tặng Cờ thi đua cho 2 tập thể.",
         "Hội đồng Thi đua - Khen thưởng tỉnh"),
        ("Dịp này, 8 tập thể và 15 cá nhân đã được UBND huyện trao tặng Giấy khen.", "UBND huyện"),
        ("Thừa ủy quyền của Chủ tịch nước, ông Lê Văn Tâm đã trao Huân chương Lao động hạng ba cho 2 cá nhân.",
         "Chủ tịch nước"),
        ("Bên cạnh đó, Hội Cựu chiến binh xã đã khen thưởng 6 hội viên.", "Hội Cựu chiến binh xã"),
    ],
)
def test_award_issuer_is_a_name(run, text, issuer):
    doc = run(text)
    assert quote(doc, doc._.awards[0].issuer) == issuer


def test_award_issuer_is_never_a_clause(run):
    doc = run("Văn phòng tổng hợp danh sách đề nghị khen thưởng 4 tập thể.")
    assert all(a.issuer is None for a in doc._.awards)


def test_award_year_after_the_award_in_its_sentence(run):
    doc = run("Hội đã khen thưởng 3 tập thể và 7 cá nhân có thành tích xuất sắc trong công tác năm 2024.")
    assert [a.year for a in doc._.awards] == [2024, 2024]


def test_award_year_of_another_sentence_is_not_taken(run):
    doc = run("Hội nghị tổng kết công tác năm 2024. Tại đây, UBND xã tặng Giấy khen cho 5 tập thể.")
    assert [a.year for a in doc._.awards] == [None]


@pytest.mark.parametrize(
    ("text", "host"),
    [
        ("Sáng 8/1, Sở Giáo dục và Đào tạo tổ chức hội nghị tổng kết năm học.", "Sở Giáo dục và Đào tạo"),
        ("Sáng 8/1, Sở Nội vụ và Hội Cựu chiến binh tỉnh tổ chức hội nghị.", "Sở Nội vụ"),
        ("Chiều 12/3, Hội đồng Thi đua - Khen thưởng huyện họp phiên thứ nhất.", "Hội đồng Thi đua - Khen thưởng huyện"),
        ("Ngày 5/10, Đại hội đại biểu Hội Liên hiệp Phụ nữ huyện lần thứ XV, nhiệm kỳ 2025-2030 khai mạc.",
         "Hội Liên hiệp Phụ nữ huyện"),
        ("Sáng 9/1, Viện Kiểm sát nhân dân huyện mở hội nghị triển khai công tác năm 2025.",
         "Viện Kiểm sát nhân dân huyện"),
        ("Tại Hội nghị triển khai nhiệm vụ năm 2025, Giám đốc Lê Văn An cho biết đã hoàn thành kế hoạch.", None),
        ("Tại Hội nghị triển khai nhiệm vụ năm 2025, Sở Tài chính cho biết đã hoàn thành kế hoạch.", "Sở Tài chính"),
        ("Sáng 3/7, Kỳ họp thứ 7, HĐND huyện khóa XX đã khai mạc.", "HĐND huyện khóa XX"),
    ],
)
def test_meeting_host_is_the_body_whole_without_its_term(run, text, host):
    doc = run(text)
    assert quote(doc, doc._.meeting.host) == host


def test_meeting_host_is_the_body_reported_acting_when_none_held_it(run):
    doc = run("Năm 2024, Thanh tra Chính phủ đã ban hành 12 kết luận. Thanh tra Chính phủ cũng đã kiến nghị "
              "thu hồi 1.200 tỷ đồng. Các bộ đã thực hiện kiến nghị.")
    assert quote(doc, doc._.meeting.host) == "Thanh tra Chính phủ"


def test_meeting_host_named_acting_once_is_not_taken(run):
    doc = run("Năm 2024, Sở Tài chính đã ban hành 12 văn bản. Các sở đã thực hiện kiến nghị.")
    assert doc._.meeting.host is None


def test_percentage_subject_without_a_verb_in_a_list_of_targets(run):
    doc = run("Năm 2025 đề ra các chỉ tiêu: tăng trưởng đạt 7% trở lên; tỷ lệ che phủ rừng 48,5%.")
    assert quote(doc, doc._.percentages[1].subject) == "che phủ rừng"


def test_percentage_subject_after_a_figure_and_a_comma_is_its_own(run):
    doc = run("Bệnh viện khám 52.300 lượt, công suất sử dụng giường bệnh đạt 104,2%.")
    assert quote(doc, doc._.percentages[0].subject) == "công suất sử dụng giường bệnh"


def test_percentage_share_of_a_count_with_words_after_it(run):
    doc = run("Đảng bộ kết nạp 96 đảng viên mới, đạt 120% kế hoạch.")
    assert quote(doc, doc._.percentages[0].subject) == "đảng viên mới"


def test_percentage_year_of_the_meeting_named_after_it(run):
    doc = run("97% đại biểu biểu quyết thông qua Nghị quyết Hội nghị người lao động của Công ty năm 2024.")
    assert doc._.percentages[0].year == 2024
