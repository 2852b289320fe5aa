def awards(doc):
    return [(doc.text[a.title[0]:a.title[1]], a.recipient, a.count) for a in doc._.awards]


def test_awards_two_counts_one_title(run):
    doc = run("Ban Thường vụ Huyện ủy khen thưởng 02 chi bộ và 15 đảng viên đạt danh hiệu “Hoàn thành xuất sắc nhiệm vụ” năm 2023.")
    assert awards(doc) == [("Hoàn thành xuất sắc nhiệm vụ", "collective", 2),
                           ("Hoàn thành xuất sắc nhiệm vụ", "individual", 15)]


def test_awards_title_before_counts(run):
    doc = run("Hội nghị trao Bằng khen của Chủ tịch UBND tỉnh cho 03 tập thể, 07 cá nhân.")
    assert awards(doc) == [("Bằng khen", "collective", 3), ("Bằng khen", "individual", 7)]


def test_awards_each_count_its_own_title(run):
    doc = run("Công ty tặng Giấy khen cho 4 tập thể, 21 cá nhân đạt danh hiệu “Chiến sĩ thi đua cơ sở”.")
    assert awards(doc) == [("Giấy khen", "collective", 4), ("Chiến sĩ thi đua cơ sở", "individual", 21)]


def test_awards_bound_is_not_a_count(run):
    doc = run("Xã đã tặng Giấy khen cho hơn 200 hộ gia đình.")
    assert awards(doc) == []


def test_awards_one_count_over_both_kinds_is_left_out(run):
    doc = run("Ban tổ chức trao Giấy khen cho 122 tập thể, cá nhân có thành tích xuất sắc.")
    assert awards(doc) == []


def test_awards_named_bodies_are_counted(run):
    doc = run("Sở tặng Giấy khen cho Phòng Hành chính tư pháp, Phòng Bổ trợ tư pháp vì có thành tích xuất sắc.")
    assert awards(doc) == [("Giấy khen", "collective", 2)]


def test_awards_thousands_dot_count(run):
    doc = run("Có 1.250 cá nhân đạt danh hiệu “Lao động tiên tiến”.")
    assert awards(doc) == [("Lao động tiên tiến", "individual", 1250)]


def test_awards_khen_thuong_without_title(run):
    doc = run("Hội Chữ thập đỏ phường khen thưởng 2 tập thể và 10 cá nhân.")
    assert awards(doc) == [("khen thưởng", "collective", 2), ("khen thưởng", "individual", 10)]


def test_awards_counts_without_award_are_not_awards(run):
    doc = run("Hội nghị có sự tham dự của 87 viên chức và 5 tập thể trực thuộc.")
    assert awards(doc) == []


def test_awards_issuer_after_cua(run):
    doc = run("Trao tặng Bằng khen của Chủ tịch UBND tỉnh cho 02 tập thể.")
    a = doc._.awards[0]
    assert doc.text[a.issuer[0]:a.issuer[1]] == "Chủ tịch UBND tỉnh"


def test_awards_title_opened_by_the_noun(run):
    doc = run("Công ty khen thưởng 36 tập thể lao động tiên tiến và 420 lao động tiên tiến.")
    assert awards(doc) == [("tập thể lao động tiên tiến", "collective", 36), ("lao động tiên tiến", "individual", 420)]
