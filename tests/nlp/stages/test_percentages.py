import pytest


def pcts(doc):
    return [(p.value, p.numerator, p.denominator) for p in doc._.percentages]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Thu ngân sách đạt 98,5% dự toán.", [(98.5, None, None)]),
        ("Hoàn thành 4/4 chỉ tiêu đề ra.", [(100.0, 4, 4)]),
        ("Có 100% (32/32) cán bộ đạt danh hiệu.", [(100.0, 32, 32)]),
        ("Tham dự có 45/46 viên chức.", [(97.83, 45, 46)]),
        ("Đã kết nạp 1.872/2.080 hộ, đạt 90%.", [(90.0, 1872, 2080)]),
    ],
)
def test_percentages_values(run, text, expected):
    assert pcts(run(text)) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Sáng ngày 26/01/2024, hội nghị khai mạc.",
        "Thực hiện Nghị quyết 98/2023/QH15 của Quốc hội.",
        "Nhiệm kỳ 2022-2027 đã qua một năm.",
        "Căn cứ hướng dẫn số 17/HD-LĐLĐ của Liên đoàn.",
        "Chiều 4/1, hội nghị bế mạc.",
        "Trường Mầm non 19/5 tổ chức hội nghị.",
    ],
)
def test_percentages_never_dates_periods_or_numbers(run, text):
    assert pcts(run(text)) == []


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Hội nghị nhất trí 100% thông qua Nghị quyết năm 2024.", "vote"),
        ("Thỏa ước được 100% đại biểu biểu quyết tán thành.", "vote"),
        ("Năm 2024 phấn đấu 100% đoàn viên tham gia phong trào thi đua.", "target"),
        ("Hội nghị thông qua các chỉ tiêu: 100% tổ công đoàn hoàn thành tốt nhiệm vụ.", "target"),
        ("Năm 2023, thu ngân sách đạt 108,6% dự toán.", "result"),
        ("Tổng dư nợ tăng 12,5% so với cùng kỳ.", "other"),
        ("Kỳ họp có 77/80 đại biểu tham dự.", "other"),
        ("Tỷ lệ khám phá án đạt 88%, thấp hơn chỉ tiêu tỉnh giao (90%).", "result,target"),
        ("Ngân sách tỉnh chiếm 40% tổng vốn đầu tư.", "other"),
        ("Tội phạm ma túy giảm 7,5% so với năm trước.", "other"),
        ("Dự kỳ họp có ông Lò Văn Khánh, Bí thư Đảng ủy xã; cùng 25/27 đại biểu HĐND xã.", "other"),
        ("Ông Lò Văn Sáng được bầu làm Chủ tịch với tỷ lệ 97,1% số phiếu.", "vote"),
        ("Năm 2023, tỷ lệ hộ nghèo giảm còn 2,1%.", "result"),
        ("Nhiều chỉ tiêu đạt và vượt kế hoạch, như: sản lượng lúa đạt 101,2% kế hoạch.", "result"),
        ("Năm 2024, huyện phấn đấu 95% hộ tham gia bảo hiểm y tế; 100% trạm y tế đạt chuẩn.", "target,target"),
        ("Xã kết nạp 20 đảng viên, đạt 105% chỉ tiêu đề ra; 98% hộ dùng nước sạch.", "result,result"),
        ("Công suất giường bệnh đạt 96%; tổng thu tăng 10% so với năm 2022.", "result,other"),
        ("Năm 2024, công ty phấn đấu doanh thu tăng 8% so với năm 2023.", "target"),
        ("Năm 2025, Công ty đặt chỉ tiêu doanh thu tăng 6%, 100% người lao động có việc làm.", "target,target"),
        ("Hợp tác xã chia lãi theo vốn góp với mức 7%/năm.", "other"),
        ("Quy chế được thông qua với tỷ lệ 96,5% (165/171 đại biểu tán thành).", "vote"),
        ("Thỏa ước được thông qua với 201/208 đại biểu tán thành, đạt 96,63%.", "vote"),
        ("Năm 2023, xã thực hiện đạt và vượt 12/14 chỉ tiêu nghị quyết đề ra.", "result"),
        ("Tỷ lệ án bị hủy là 0,4%, thấp hơn chỉ tiêu của Quốc hội (không quá 1,5%).", "result,target"),
        ("Giám đốc Sở Kế hoạch và Đầu tư cho biết: tăng trưởng kinh tế ước đạt 6,5%.", "result"),
        ("Năm học qua, 60/62 giáo viên được đánh giá chuẩn nghề nghiệp mức khá trở lên.", "result"),
        ("Tỷ lệ che phủ rừng duy trì ở mức 41,5%.", "result"),
        ("Năm 2024, tỉnh hoàn thành và vượt 20/24 chỉ tiêu chủ yếu.", "result"),
        ("Nợ thuế chiếm 4,8% tổng thu, thấp hơn chỉ tiêu 5% Tổng cục giao.", "other,target"),
        ("Tỷ lệ hộ nghèo giảm từ 2,1% xuống 1,5%.", "other,result"),
        ("Dự thảo được lấy ý kiến, kết quả có 96,2% NLĐ biểu quyết tán thành.", "vote"),
        ("Đến dự có ông Phạm Nhân, Trưởng phòng; đại diện Công đoàn cùng 72/74 cán bộ, giáo viên.", "other"),
        ("Giám đốc công nhận danh hiệu Tập thể lao động tiên tiến cho 19/21 khoa, phòng.", "result"),
    ],
)
def test_percentages_kind(run, text, kind):
    assert ",".join(p.kind for p in run(text)._.percentages) == kind


def test_percentages_year_of_its_clause(run):
    doc = run("Năm 2023, tỷ lệ hộ nghèo giảm còn 3,2%.")
    assert doc._.percentages[0].year == 2023


# -- kinds seen on unseen articles (issue 13), on sentences written for the test ----------------------------
def kinds(doc):
    return [(p.value, p.kind) for p in doc._.percentages]


def test_percentages_results_after_reached_targets_are_results(run):
    doc = run("Nhiệm kỳ qua, Đảng bộ đạt và vượt các chỉ tiêu Nghị quyết Đại hội đề ra: tỷ lệ hộ nghèo còn 2,4%; "
              "96% hộ dân được dùng điện lưới.")
    assert kinds(doc) == [(2.4, "result"), (96.0, "result")]


def test_percentages_next_years_plan_with_a_result_verb_is_a_target(run):
    doc = run("Sáng 20/12/2025, Hội Nông dân huyện tổ chức hội nghị tổng kết. Năm 2026, Hội tiếp tục vận động "
              "hội viên, hoàn thành 100% kế hoạch trồng rừng. Năm 2025, Hội đã hoàn thành 98% kế hoạch.")
    assert kinds(doc) == [(100.0, "target"), (98.0, "result")]


def test_percentages_vote_cue_after_its_subject(run):
    assert kinds(run("Toàn thể 100% viên chức nhất trí với dự thảo nội quy cơ quan.")) == [(100.0, "vote")]


def test_percentages_vote_share_reached_is_a_vote(run):
    doc = run("Ông Tòng Văn Phiêng được bầu làm Chủ tịch Hội với tỷ lệ phiếu bầu đạt 97,5%.")
    assert kinds(doc) == [(97.5, "vote")]


@pytest.mark.parametrize("sentence, value", [
    ("Năng suất lúa bình quân đạt 92% so với kế hoạch năm.", 92.0),
    ("Viện kiểm sát bảo đảm kiểm sát 100% hồ sơ vụ án hình sự.", 100.0),
    ("Thu ngân sách đạt 9.400 tỷ đồng (vượt 112% chỉ tiêu).", 112.0),
])
def test_percentages_achievements_outside_the_list_are_results(run, sentence, value):
    assert kinds(run(sentence)) == [(value, "result")]


def test_percentages_weight_in_the_economy_is_other(run):
    assert kinds(run("Tỷ trọng ngành nông nghiệp giảm xuống còn 18,2%.")) == [(18.2, "other")]


def test_percentages_upper_end_of_a_range_is_none(run):
    assert kinds(run("Đến năm 2030 có 70-75% số hộ dùng nước sạch.")) == []


def test_percentages_money_fraction_with_units_on_both_sides(run):
    doc = run("Năm 2023, huyện giải ngân vốn đầu tư công 12.480 tỷ đồng/15.600 tỷ đồng, đạt tỷ lệ 80%.")
    assert pcts(doc) == [(80.0, 12480, 15600)]


def test_percentages_subject_keeps_a_list_after_a_date(run):
    doc = run("Tính đến ngày 20/11, số kiến nghị thu hồi, kiến nghị giảm chi đã thực hiện là "
              "1.250 tỷ đồng/1.600 tỷ đồng, đạt 78,1%.")
    (p,) = doc._.percentages
    assert doc.text[p.subject[0]:p.subject[1]] == "số kiến nghị thu hồi, kiến nghị giảm chi"
