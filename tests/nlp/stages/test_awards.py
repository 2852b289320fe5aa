import pytest


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


# -- classes seen on unseen articles (issue 13), each on sentences written for the test ---------------
def test_awards_named_body_given_by_an_issuer_counts_one(run):
    doc = run("Trạm Y tế xã Hòa An được Sở Y tế tặng Giấy khen.")
    assert awards(doc) == [("Giấy khen", "collective", 1)]


def test_awards_list_of_bodies_reaching_a_title_counts_its_members(run):
    doc = run("Chi đoàn, Tổ Văn phòng và Công đoàn cơ sở đều đạt danh hiệu Hoàn thành tốt nhiệm vụ.")
    assert awards(doc) == [("Hoàn thành tốt nhiệm vụ", "collective", 3)]


def test_awards_luot_counts_its_recipients(run):
    doc = run("Năm qua có 12 lượt tập thể và 35 lượt cá nhân được Chủ tịch UBND xã tặng Giấy khen.")
    assert awards(doc) == [("Giấy khen", "collective", 12), ("Giấy khen", "individual", 35)]


@pytest.mark.parametrize("sentence, expected", [
    ("Nhân dịp này, nhà trường tặng Giấy khen cho 18 thầy, cô giáo có thành tích xuất sắc.",
     [("Giấy khen", "individual", 18)]),
    ("UBND phường khen thưởng 14 hộ gia đình và 6 thầy cô giáo tiêu biểu.",
     [("khen thưởng", "collective", 14), ("khen thưởng", "individual", 6)]),
    ("Ba đồng chí được Chủ tịch nước tặng Huân chương Lao động hạng Ba.",
     [("Huân chương Lao động hạng Ba", "individual", 3)]),
])
def test_awards_recipients_outside_the_usual_nouns(run, sentence, expected):
    assert awards(run(sentence)) == expected


def test_awards_quoted_name_after_co_and_no_title_from_the_council_name(run):
    doc = run("Hội đồng Thi đua - Khen thưởng huyện đề nghị tặng Cờ “Đơn vị xuất sắc” cho 3 tập thể.")
    assert [(a.title_text, a.recipient, a.count) for a in doc._.awards] == [("Cờ Đơn vị xuất sắc", "collective", 3)]


def test_awards_field_name_thi_dua_khen_thuong_awards_nothing(run):
    doc = run("Hội nghị tổng kết công tác Thi đua - Khen thưởng năm 2023 có sự tham gia của 22 đơn vị trong cụm.")
    assert awards(doc) == []


def test_awards_count_on_the_title(run):
    doc = run("Giám đốc Sở quyết định công nhận 05 danh hiệu Chiến sĩ thi đua cơ sở và 2 danh hiệu Tập thể lao động xuất sắc.")
    assert awards(doc) == [("Chiến sĩ thi đua cơ sở", "individual", 5), ("Tập thể lao động xuất sắc", "collective", 2)]


def test_awards_proposed_khen_thuong_after_de_nghi(run):
    doc = run("Huyện đề nghị khen thưởng 2 tập thể và 4 cá nhân.")
    assert awards(doc) == [("khen thưởng", "collective", 2), ("khen thưởng", "individual", 4)]


def test_awards_rank_ends_the_title(run):
    doc = run("Xã Đông Sơn đón nhận Huân chương Lao động hạng Ba Trường Tiểu học Đông Sơn")
    assert [t for t, _, _ in awards(doc)] == ["Huân chương Lao động hạng Ba"]


def test_awards_list_goes_on_past_a_parenthesis(run):
    doc = run("Bộ trưởng trao Huân chương Lao động hạng Nhì cho ông Hoàng Văn Lợi, nguyên Giám đốc Sở Công Thương "
              "(nay nghỉ hưu) và bà Lò Thị Mến, nguyên Phó Giám đốc Sở.")
    assert awards(doc) == [("Huân chương Lao động hạng Nhì", "individual", 2)]


def test_awards_list_stops_at_a_clause_with_its_own_verb(run):
    doc = run("Chủ tịch tỉnh trao Bằng khen cho Trường THCS Kim Đồng và Giám đốc Sở tặng Giấy khen cho Trường Tiểu học Hòa Bình.")
    assert awards(doc) == [("Bằng khen", "collective", 1), ("Giấy khen", "collective", 1)]


def test_awards_subject_carries_to_later_awards_of_its_sentence(run):
    doc = run("Trường Tiểu học Quang Trung đạt danh hiệu Tập thể lao động xuất sắc, được UBND tỉnh tặng Bằng khen và tặng Cờ thi đua.")
    assert awards(doc) == [("Tập thể lao động xuất sắc", "collective", 1), ("Bằng khen", "collective", 1),
                           ("Cờ thi đua", "collective", 1)]


def test_awards_ceremony_holder_is_no_recipient(run):
    doc = run("Sáng nay, UBND huyện tổ chức Lễ đón nhận Bằng khen của Thủ tướng Chính phủ.")
    assert awards(doc) == []


def test_awards_same_body_told_again_counts_once(run):
    doc = run("Hợp tác xã Tân Phú nhận Cờ thi đua của UBND tỉnh.\n"
              "Tại hội nghị, Hợp tác xã Tân Phú vinh dự nhận Cờ thi đua của UBND tỉnh vì thành tích xuất sắc.")
    assert awards(doc) == [("Cờ thi đua", "collective", 1)]


def test_awards_breakdown_names_a_person_of_the_count(run):
    doc = run("Có 6 cá nhân được tặng Bằng khen (trong đó có đồng chí Lương Văn Tới).")
    assert awards(doc) == [("Bằng khen", "individual", 6), ("Bằng khen", "individual", 1)]


def test_awards_share_reaching_a_title_names_no_body(run):
    doc = run("Năm 2025, Ủy ban Mặt trận xã phấn đấu 95% hộ gia đình đạt danh hiệu Gia đình văn hóa.")
    assert awards(doc) == []


@pytest.mark.parametrize("sentence, expected", [
    ("Dịp này, Thành đoàn tuyên dương 15 đoàn viên tiêu biểu và 6 cán bộ Đoàn xuất sắc.",
     [("đoàn viên tiêu biểu", "individual", 15), ("cán bộ Đoàn xuất sắc", "individual", 6)]),
    ("Hội nghị vinh danh 12 doanh nhân tiêu biểu năm 2024.", [("doanh nhân tiêu biểu", "individual", 12)]),
])
def test_awards_honour_named_in_the_recipient_phrase(run, sentence, expected):
    assert awards(run(sentence)) == expected


def test_awards_honour_after_trao_thuong(run):
    doc = run("Chỉ huy Trung đoàn trao thưởng cho 23 đồng chí HSQ-BS tiêu biểu năm 2024.")
    assert [(a.recipient, a.count) for a in doc._.awards] == [("individual", 23)]
    assert "HSQ-BS tiêu biểu" in awards(doc)[0][0]


def test_awards_count_with_its_own_verb_keeps_out_of_a_later_title(run):
    doc = run("Năm 2025, Hội phấn đấu kết nạp 1.300 hội viên và vận động 450 hộ đạt danh hiệu gia đình văn hóa.")
    assert awards(doc) == [("gia đình văn hóa", "collective", 450)]
