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


def test_awards_named_units_and_people_after_cho(run):
    doc = run("Đồng chí Chủ tịch UBND tỉnh trao Bằng khen cho Phòng Cảnh sát kinh tế, Phòng Cảnh sát hình sự "
              "và Trung tá Lê Văn An, Đội trưởng Đội Điều tra.")
    assert awards(doc) == [("Bằng khen", "collective", 2), ("Bằng khen", "individual", 1)]


def test_awards_named_bodies_before_nhan(run):
    doc = run("Tại hội nghị, Hội Cựu chiến binh xã và Hội Nông dân xã nhận Giấy khen của UBND huyện.")
    assert awards(doc) == [("Giấy khen", "collective", 2)]


def test_awards_cong_nhan_is_not_receiving(run):
    doc = run("Năm 2023, Sở Nội vụ công nhận danh hiệu “Tập thể lao động tiên tiến”.")
    assert awards(doc) == []


def test_awards_list_after_a_count_is_not_counted_again(run):
    doc = run("Tỉnh tặng Bằng khen cho 2 đơn vị gồm: Hội Người cao tuổi tỉnh và Hội Chữ thập đỏ tỉnh.")
    assert awards(doc) == [("Bằng khen", "collective", 2)]


def test_awards_unnamed_plural_is_left_out(run):
    doc = run("Đồng chí Bí thư tặng Cờ thi đua cho các đơn vị xuất sắc, dẫn đầu khối thi đua.")
    assert awards(doc) == []


def test_awards_a_rating_without_an_award_verb_is_no_award(run):
    doc = run("Năm qua, 11/11 chi hội hoàn thành tốt nhiệm vụ.")
    assert awards(doc) == []


def test_awards_title_colon_count(run):
    doc = run("Ngoài ra còn có Cờ thi đua của UBND tỉnh: 37 tập thể; Chiến sĩ thi đua cấp tỉnh: 12 cá nhân.")
    assert awards(doc) == [("Cờ thi đua", "collective", 37), ("Chiến sĩ thi đua cấp tỉnh", "individual", 12)]


def test_awards_cho_binds_back_before_va_binds_forward(run):
    doc = run("Hội đồng xét cờ thi đua của Chính phủ cho 5 đơn vị và bằng khen của Chủ tịch UBND tỉnh cho 74 đơn vị.")
    assert awards(doc) == [("cờ thi đua", "collective", 5), ("bằng khen", "collective", 74)]


def test_awards_capital_headline_restating_the_body_is_dropped(run):
    doc = run("TRAO HUY HIỆU ĐẢNG CHO 9 ĐẢNG VIÊN\nChiều 3/2, Đảng ủy xã trao Huy hiệu Đảng cho 9 đảng viên.")
    assert awards(doc) == [("Huy hiệu Đảng", "individual", 9)]


def test_awards_party_badge_years_are_part_of_the_title(run):
    doc = run("Đảng ủy trao Huy hiệu 55 năm tuổi Đảng cho 2 đồng chí.")
    assert awards(doc) == [("Huy hiệu 55 năm tuổi Đảng", "individual", 2)]


def test_awards_households_are_collectives(run):
    doc = run("Có 12 hộ được công nhận danh hiệu “Nông dân sản xuất kinh doanh giỏi” cấp huyện.")
    assert awards(doc) == [("Nông dân sản xuất kinh doanh giỏi", "collective", 12)]


def test_awards_passive_khen_thuong_before_a_breakdown(run):
    doc = run("Dịp này, 20 tập thể và 35 cá nhân được khen thưởng, trong đó UBND huyện tặng Giấy khen cho 5 tập thể.")
    assert awards(doc) == [("khen thưởng", "collective", 20), ("khen thưởng", "individual", 35),
                           ("Giấy khen", "collective", 5)]


def test_awards_military_units_and_villages_are_bodies(run):
    doc = run("Đồng chí Chủ tịch UBND huyện trao Giấy khen cho Trung đội dân quân cơ động xã Ia Lâu, thôn 3 và buôn Ea Sanh.")
    assert awards(doc) == [("Giấy khen", "collective", 3)]


def test_awards_nam_is_five_before_a_recipient_noun(run):
    doc = run("Đồng chí Bí thư trao Huy hiệu Đảng cho năm đảng viên.")
    assert awards(doc) == [("Huy hiệu Đảng", "individual", 5)]


def test_awards_named_recipient_after_a_clause_with_counts(run):
    doc = run("Giám đốc trao Bằng khen cho 5 tập thể; Phòng Cảnh sát hình sự vinh dự được tặng Cờ thi đua của Bộ Công an.")
    assert awards(doc) == [("Bằng khen", "collective", 5), ("Cờ thi đua", "collective", 1)]


def test_awards_list_of_names_after_counted_title_is_not_counted_again(run):
    doc = run("Huyện đoàn tuyên dương ba cá nhân đạt danh hiệu “Gương mặt trẻ tiêu biểu” năm 2023, gồm: anh Nông Văn Tiến, "
              "Bí thư Đoàn xã; chị Sầm Thị Mỵ, giáo viên.")
    assert awards(doc) == [("Gương mặt trẻ tiêu biểu", "individual", 3)]


def test_awards_a_semicolon_clause_with_its_own_verb_ends_the_list(run):
    doc = run("Đồng chí Vi Thị Lan trao Bằng khen cho Hội LHPN xã Cốc Pài và chị Hà Thị Mỷ, Chi hội trưởng; "
              "Ban Thường vụ Hội LHPN tỉnh tặng Giấy khen cho 3 tập thể.")
    assert awards(doc) == [("Giấy khen", "collective", 3), ("Bằng khen", "collective", 1), ("Bằng khen", "individual", 1)]


def test_awards_degree_full_stop_does_not_end_the_list(run):
    doc = run("Ông Y Wơn Byă trao Bằng khen cho Khoa Nhi; ThS.BS. Kpă Thị Hoa, Phó Trưởng khoa Nội được tặng "
              "danh hiệu Chiến sĩ thi đua cấp tỉnh.")
    assert sorted(awards(doc)) == [("Bằng khen", "collective", 1), ("Chiến sĩ thi đua cấp tỉnh", "individual", 1)]


def test_awards_abbreviated_body_alone(run):
    doc = run("Hội Nông dân huyện tặng Giấy khen cho HTX và 5 thành viên.")
    assert awards(doc) == [("Giấy khen", "individual", 5), ("Giấy khen", "collective", 1)]


def test_awards_rating_verb_earlier_in_the_sentence(run):
    doc = run("Có 3 chi bộ được xếp loại hoàn thành xuất sắc nhiệm vụ; 28 đảng viên hoàn thành xuất sắc nhiệm vụ.")
    assert awards(doc) == [("hoàn thành xuất sắc nhiệm vụ", "collective", 3), ("hoàn thành xuất sắc nhiệm vụ", "individual", 28)]


def test_awards_duoc_cong_nhan_a_named_person(run):
    doc = run("Thẩm phán Đinh Công Thạch, Phó Chánh tòa Hình sự được công nhận danh hiệu Chiến sĩ thi đua ngành Tòa án.")
    assert awards(doc) == [("Chiến sĩ thi đua ngành Tòa án", "individual", 1)]


def test_awards_caption_repeating_the_body_is_dropped(run):
    doc = run("Bà Lò Thị Hạnh vinh dự được nhận Kỷ niệm chương “Vì sự nghiệp phát triển của phụ nữ Việt Nam”.\n"
              "Bà Đàng Thị Hạnh trao Kỷ niệm chương cho bà Lò Thị Hạnh\n")
    assert awards(doc) == [("Kỷ niệm chương “Vì sự nghiệp phát triển của phụ nữ Việt Nam", "individual", 1)]


def test_awards_fraction_count_with_thousands(run):
    doc = run("Năm 2023, phường có 3.126/3.274 hộ đạt danh hiệu Gia đình văn hóa, được UBND phường công nhận.")
    assert awards(doc) == [("Gia đình văn hóa", "collective", 3126)]


def test_awards_count_with_its_own_verb_keeps_out_of_a_later_title(run):
    doc = run("Năm 2025, Hội phấn đấu kết nạp 1.300 hội viên và vận động 450 hộ đạt danh hiệu gia đình văn hóa.")
    assert awards(doc) == [("gia đình văn hóa", "collective", 450)]
