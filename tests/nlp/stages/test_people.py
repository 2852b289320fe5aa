import pytest


def people(doc):
    return {p.name: ([doc.text[s:e] for s, e in p.titles], p.roles) for p in doc._.people}


def test_people_title_chain_after_name(run):
    doc = run("Tham dự có đồng chí Lò Văn Pánh – Bí thư Đảng ủy, Giám đốc Bệnh viện.")
    assert people(doc)["Lò Văn Pánh"][0] == ["Bí thư Đảng ủy", "Giám đốc Bệnh viện"]


def test_people_degree_is_not_a_title(run):
    doc = run("BSCKII. Nguyễn Văn Hòa, Giám đốc Trung tâm phát biểu khai mạc hội nghị.")
    assert people(doc)["Nguyễn Văn Hòa"][0] == ["Giám đốc Trung tâm"]


def test_people_rank_before_name_is_a_title(run):
    doc = run("Thượng tá Hoàng Văn Lợi, Chính ủy Lữ đoàn chủ trì hội nghị.")
    assert people(doc)["Hoàng Văn Lợi"][0] == ["Thượng tá", "Chính ủy Lữ đoàn"]


def test_people_body_name_with_comma_stays_whole(run):
    doc = run("Dự hội nghị có bà Đinh Thị Mai, Phó Giám đốc Sở Văn hóa, Thể thao và Du lịch.")
    assert people(doc)["Đinh Thị Mai"][0] == ["Phó Giám đốc Sở Văn hóa, Thể thao và Du lịch"]


def test_people_kiem_splits_titles(run):
    doc = run("Ông Trần Quang Vinh, Chủ tịch Hội đồng thành viên kiêm Tổng Giám đốc phát biểu.")
    assert people(doc)["Trần Quang Vinh"][0] == ["Chủ tịch Hội đồng thành viên", "Tổng Giám đốc"]


def test_people_tham_du_va_chu_tri_is_chair_only(run):
    doc = run("Tham dự và chủ trì hội nghị có đồng chí Vàng A Chứ, Bí thư Đảng ủy xã.")
    assert people(doc)["Vàng A Chứ"][1] == ["chair"]


def test_people_attendee_and_speaker(run):
    doc = run("Đến dự và chỉ đạo hội nghị có đồng chí Ma Thị Nhung - Phó Chủ tịch UBND huyện.")
    assert people(doc)["Ma Thị Nhung"][1] == ["attendee", "speaker"]


def test_people_doan_chu_tich_members_chair(run):
    doc = run("Đoàn Chủ tịch hội nghị gồm các đồng chí: Lê Văn Tám, Hiệu trưởng; Phạm Thị Hoa, Chủ tịch Công đoàn.")
    assert {n: r for n, (_, r) in people(doc).items()} == {"Lê Văn Tám": ["chair"], "Phạm Thị Hoa": ["chair"]}


def test_people_presenter_before_trao(run):
    doc = run("Đồng chí Đặng Văn Hùng, Chủ tịch Công đoàn đã trao Giấy khen cho 5 tập thể.")
    assert people(doc)["Đặng Văn Hùng"][1] == ["presenter"]


def test_people_no_cue_no_person(run):
    doc = run("Trường THCS Lương Thế Vinh tổ chức hội nghị viên chức.")
    assert doc._.people == []


def test_people_photo_credit_is_not_a_person(run):
    doc = run("Các đại biểu biểu quyết thông qua nghị quyết. Ảnh: Nguyễn Minh Hải")
    assert doc._.people == []


def test_people_title_before_name(run):
    doc = run("Tại điểm cầu huyện, PCT UBND huyện Hoàng Văn Sử dự hội nghị.")
    assert people(doc)["Hoàng Văn Sử"] == (["PCT UBND huyện"], ["attendee"])


def test_people_repeated_title_in_other_words_is_kept_once(run):
    doc = run("Đồng chí Lê Thị Hằng, Phó Bí thư Thường trực Huyện ủy dự hội nghị. "
              "Đồng chí Lê Thị Hằng, Bí thư Thường trực Huyện ủy phát biểu.")
    assert people(doc)["Lê Thị Hằng"][0] == ["Phó Bí thư Thường trực Huyện ủy"]


def test_people_chair_cue_after_a_semicolon_list(run):
    doc = run("Các đồng chí Lương Văn Hải- Bí thư Huyện ủy; Ksor Nham- Phó Bí thư Huyện ủy chủ trì hội nghị.")
    assert {n: r for n, (_, r) in people(doc).items()} == {"Lương Văn Hải": ["chair"], "Ksor Nham": ["chair"]}


def test_people_du_va_chu_tri_after_the_name(run):
    doc = run("Trung tá Đinh Văn Pứa, Chính ủy Trung đoàn dự và chủ trì hội nghị.")
    assert people(doc)["Đinh Văn Pứa"] == (["Trung tá", "Chính ủy Trung đoàn"], ["chair"])


def test_people_a_role_word_inside_a_title_is_no_role(run):
    doc = run("Dự hội nghị có ông Trần Văn Khải, Giám đốc điều hành công ty.")
    assert people(doc)["Trần Văn Khải"] == (["Giám đốc điều hành công ty"], ["attendee"])


def test_people_cue_after_another_cue_is_not_theirs(run):
    doc = run("Đồng chí Hà Thị Khiết phát biểu khai mạc, đồng chí Lê Văn Tú trao Giấy khen.")
    roles = {n: r for n, (_, r) in people(doc).items()}
    assert roles == {"Hà Thị Khiết": ["speaker"], "Lê Văn Tú": ["presenter"]}


def test_people_household_named_in_passing_is_left_out(run):
    doc = run("Nhiều mô hình hiệu quả như hộ ông Nguyễn Văn Thành nuôi cá lồng.")
    assert doc._.people == []


def test_people_name_after_a_body_written_in_capitals(run):
    doc = run("Chủ tịch Tổng LĐLĐ Việt Nam Nguyễn Văn Hùng trao Cờ thi đua cho các đơn vị.")
    assert list(people(doc)) == ["Nguyễn Văn Hùng"]


def test_people_source_typo_in_the_last_syllable_is_kept(run):
    doc = run("Hội nghị do đồng chí Trần Thu giang, Phó Chủ tịch UBND tỉnh chủ trì.")
    assert list(people(doc)) == ["Trần Thu giang"]


def test_people_line_opening_theo_a_source_is_a_credit(run):
    doc = run("Hội nghị thành công tốt đẹp.\nTheo Báo Lai Châu Nguyễn Minh Hải")
    assert doc._.people == []


def test_people_theo_bao_cao_is_not_a_credit(run):
    doc = run("Theo báo cáo do đồng chí Hoàng Văn Tỉnh, Phó Chủ tịch Liên đoàn Lao động huyện trình bày.")
    assert list(people(doc)) == ["Hoàng Văn Tỉnh"]


def test_people_signature_line_at_the_end_is_a_byline(run):
    doc = run("Hội nghị đã bế mạc trong không khí phấn khởi.\n\nNguyễn Thu Hằng, Phòng Văn hóa huyện\n\n  \n")
    assert doc._.people == []


def test_people_title_ends_before_va_and_the_next_person(run):
    doc = run("Chủ trì có BSCKII. Giàng A Lử, Giám đốc Bệnh viện và ThS. Hà Văn Tú, Phó Giám đốc.")
    assert people(doc)["Giàng A Lử"][0] == ["Giám đốc Bệnh viện"]


def test_people_va_inside_a_body_name_stays(run):
    doc = run("Dự có ông Tòng Văn Hặc, Phó Trưởng phòng Giáo dục và Đào tạo huyện.")
    assert people(doc)["Tòng Văn Hặc"][0] == ["Phó Trưởng phòng Giáo dục và Đào tạo huyện"]


def test_people_body_name_with_comma_and_va_stays_whole(run):
    doc = run("Bà Lục Thị Chiến, Giám đốc Trung tâm Văn hóa, Thể thao và Truyền thông huyện phát biểu.")
    assert people(doc)["Lục Thị Chiến"][0] == ["Giám đốc Trung tâm Văn hóa, Thể thao và Truyền thông huyện"]


def test_people_cue_introducing_a_later_list_in_the_clause(run):
    doc = run("Phó Chủ tịch UBND tỉnh Lương Đức Trọng chủ trì hội nghị; cùng chủ trì có ông Phạm Văn Thắng, Giám đốc Sở.")
    assert people(doc)["Phạm Văn Thắng"][1] == ["chair"]


def test_people_ede_names_with_apostrophe(run):
    doc = run("Chủ tọa kỳ họp gồm: ông Y Bhin Niê, Bí thư Huyện ủy; bà H’Nhi Mlô, Phó Chủ tịch HĐND huyện.")
    assert {n: r for n, (_, r) in people(doc).items()} == {"Y Bhin Niê": ["chair"], "H’Nhi Mlô": ["chair"]}


def test_people_all_titles_of_one_chain_are_kept(run):
    doc = run("Dự hội nghị có Đ/c Ma Thị Xuân – UVBTV Huyện ủy, Trưởng BDV Huyện ủy.")
    assert people(doc)["Ma Thị Xuân"][0] == ["UVBTV Huyện ủy", "Trưởng BDV Huyện ủy"]


def test_people_a_later_cue_takes_over_the_list(run):
    doc = run("Dưới sự chủ trì của ông Vi Đức Hạnh, Cục trưởng Cục Hải quan tỉnh, hội nghị có sự tham dự của "
              "ông Lưu Mạnh Tường, Phó Tổng cục trưởng và bà Hà Thị Yến, PCT UBND tỉnh.")
    assert {n: r for n, (_, r) in people(doc).items()} == {
        "Vi Đức Hạnh": ["chair"], "Lưu Mạnh Tường": ["attendee"], "Hà Thị Yến": ["attendee"]}


def test_people_names_listed_after_a_shared_title(run):
    doc = run("Cùng chủ trì có các Thứ trưởng: TS. Lê Thị Bích Ngọc, Nguyễn Văn Toản, Hoàng Minh Sơn.")
    assert people(doc) == {n: (["Thứ trưởng"], ["chair"]) for n in ("Lê Thị Bích Ngọc", "Nguyễn Văn Toản", "Hoàng Minh Sơn")}


def test_people_shared_title_is_read_whatever_its_case(run):
    doc = run("Dự hội nghị có CÁC PHÓ CHỦ TỊCH UBND TỈNH: Nguyễn Văn An, Trần Thị Bình.")
    assert {n: t for n, (t, _) in people(doc).items()} == {
        n: ["PHÓ CHỦ TỊCH UBND TỈNH"] for n in ("Nguyễn Văn An", "Trần Thị Bình")}


def test_people_list_continues_after_a_cue_with_colon(run):
    doc = run("Đoàn Chủ tịch đại hội gồm các đồng chí: Rơ Mah Thanh, Ksor Blưk, Nguyễn Văn Hòa.")
    assert {n: r for n, (_, r) in people(doc).items()} == {n: ["chair"] for n in ("Rơ Mah Thanh", "Ksor Blưk", "Nguyễn Văn Hòa")}


def test_people_a_title_is_not_a_name(run):
    doc = run("Về thi đua, ThS. Lê Thị Thu Hằng, Phó Hiệu trưởng, Thường trực Hội đồng Thi đua công bố kết quả.")
    assert list(people(doc)) == ["Lê Thị Thu Hằng"]


def test_people_rank_before_name_after_other_words(run):
    doc = run("Báo cáo tổng kết do Trung tá Nguyễn Văn Hậu, Phó Trưởng Công an huyện trình bày.")
    assert people(doc)["Nguyễn Văn Hậu"][0] == ["Trung tá", "Phó Trưởng Công an huyện"]


def test_people_body_with_dash_stays_whole(run):
    doc = run("Bà Thào Thị Mai, Trưởng Ban Kinh tế - Xã hội HĐND huyện cho biết Ban thống nhất.")
    assert people(doc)["Thào Thị Mai"][0] == ["Trưởng Ban Kinh tế - Xã hội HĐND huyện"]


def test_people_body_after_a_title_is_kept(run):
    doc = run("Về dự có bà Trần Thị Kim Oanh, Phó Trưởng phòng Giáo dục Trung học, Sở GD&ĐT; ông Lò Văn Pao.")
    assert people(doc)["Trần Thị Kim Oanh"][0] == ["Phó Trưởng phòng Giáo dục Trung học", "Sở GD&ĐT"]


def test_people_ban_dai_dien_is_part_of_a_title(run):
    doc = run("Bà Đặng Thị Lệ, Trưởng Ban đại diện HĐQT NHCSXH tỉnh chủ trì hội nghị.")
    assert people(doc)["Đặng Thị Lệ"][0] == ["Trưởng Ban đại diện HĐQT NHCSXH tỉnh"]


def test_people_ede_name_with_a_stop_word_after_a_letter(run):
    doc = run("Chủ tọa hội nghị gồm BSCKII. Y Thim Ê Ban – Giám đốc bệnh viện.")
    assert list(people(doc)) == ["Y Thim Ê Ban"]


def test_people_list_roles_are_shared_per_mention(run):
    doc = run("Chủ trì có các Thứ trưởng: Lê Thị Ngọc, Nguyễn Văn Toản. Tham dự có đồng chí Nông Thị Huyền. "
              "Thứ trưởng Nguyễn Văn Toản và đồng chí Nông Thị Huyền phát biểu.")
    roles = {n: r for n, (_, r) in people(doc).items()}
    assert roles["Nguyễn Văn Toản"] == ["chair", "speaker"] and roles["Nông Thị Huyền"] == ["attendee", "speaker"]


def test_people_hyphenated_foreign_name(run):
    doc = run("Dự hội nghị có ông Chen Wen-Hsiung - Tổng Giám đốc công ty.")
    assert people(doc)["Chen Wen-Hsiung"][0] == ["Tổng Giám đốc công ty"]


def test_people_dash_before_a_title_ends_the_name(run):
    doc = run("Đại hội đã bầu ông Lê Minh Ngân-Phó Bí thư Thường trực Tỉnh ủy giữ chức Bí thư Tỉnh ủy.")
    assert list(people(doc)) == ["Lê Minh Ngân"]


def test_people_cham_surname_with_title_after(run):
    doc = run("Dự hội nghị có Quảng Thị Kim Thoa, Phó Chủ tịch UBND huyện.")
    assert list(people(doc)) == ["Quảng Thị Kim Thoa"]


def test_people_word_split_by_underthesea_is_no_name(run):
    doc = run("Đồng chí Trương Thị Mai làm trưởng đoàn Đoàn Kiểm tra của Ban Chỉ đạo.")
    assert list(people(doc)) == ["Trương Thị Mai"]


def test_people_title_chain_ends_at_a_colon(run):
    doc = run("Bà Lê Thu Hằng, Phó Hiệu trưởng, Thường trực Hội đồng Thi đua nhà trường công bố: năm học 2023-2024 có 3 tập thể.")
    assert people(doc)["Lê Thu Hằng"][0] == ["Phó Hiệu trưởng", "Thường trực Hội đồng Thi đua nhà trường"]


# -- classes seen on unseen articles (issue 13), on sentences written for the test ----------------------------
def named(doc):
    return [(p.name, [doc.text[s:e] for s, e in p.titles]) for p in doc._.people]


@pytest.mark.parametrize("sentence, expected", [
    ("Dưới sự chủ trì của đồng chí Giám đốc Hoàng Văn Bảo, hội nghị đã thảo luận.", [("Hoàng Văn Bảo", ["Giám đốc"])]),
    ("Phó Trưởng Đoàn Đại biểu Quốc hội tỉnh Lường Thị Hoa chủ trì buổi tiếp xúc.",
     [("Lường Thị Hoa", ["Phó Trưởng Đoàn Đại biểu Quốc hội tỉnh"])]),
    ("Giám đốc Sở Nội vụ - Nguyễn Văn Thăng phát biểu khai mạc.", [("Nguyễn Văn Thăng", ["Giám đốc Sở Nội vụ"])]),
    ("Quyền Giám đốc Sở Y tế Phạm Văn Lâm báo cáo kết quả.", [("Phạm Văn Lâm", ["Quyền Giám đốc Sở Y tế"])]),
    ("Phó Giám đốc Sở Tư pháp, ông Vi Văn Thắng phát biểu tại hội nghị.",
     [("Vi Văn Thắng", ["Phó Giám đốc Sở Tư pháp"])]),
])
def test_people_title_before_the_name_in_other_orders(run, sentence, expected):
    assert named(run(sentence)) == expected


def test_people_tới_dự_và_chủ_trì_is_chair(run):
    doc = run("Đồng chí Mạc Văn Thuận tới dự và chủ trì hội nghị.")
    assert doc._.people[0].roles == ["chair"]


def test_people_plural_title_before_names_joined_with_va(run):
    doc = run("Tham dự có các Phó Chủ tịch UBND tỉnh Lê Văn Hải và Trần Thị Hồng.")
    assert named(doc) == [("Lê Văn Hải", ["Phó Chủ tịch UBND tỉnh"]), ("Trần Thị Hồng", ["Phó Chủ tịch UBND tỉnh"])]


def test_people_plural_title_without_colon_stops_at_a_verb(run):
    doc = run("Tại kỳ họp, các đại biểu HĐND huyện đã bầu ông Ma Văn Đức giữ chức Chủ tịch UBND huyện.")
    assert named(doc)[0][1] == []


def test_people_place_that_opens_like_a_surname_is_not_the_name(run):
    doc = run("Chủ tịch UBND xã Yên Lạc Đỗ Văn Khánh phát biểu tại hội nghị.")
    assert named(doc) == [("Đỗ Văn Khánh", ["Chủ tịch UBND xã Yên Lạc"])]


def test_people_viet_nam_is_no_person(run):
    assert run("Hội nghị tổng kết ngành Giáo dục Việt Nam diễn ra tại Hà Nội.")._.people == []


def test_people_title_right_after_the_name_without_comma(run):
    doc = run("Đồng chí Lâm Văn Tư Chủ tịch UBND xã Tân Hòa dự hội nghị.")
    assert named(doc) == [("Lâm Văn Tư", ["Chủ tịch UBND xã Tân Hòa"])]


@pytest.mark.parametrize("sentence, name, titles", [
    ("Phó Bí thư Huyện ủy, Chủ tịch UBND huyện Tạ Quang Vinh chủ trì hội nghị.", "Tạ Quang Vinh",
     ["Phó Bí thư Huyện ủy", "Chủ tịch UBND huyện"]),
    ("Tham dự có Phó Bí thư Thường trực Tỉnh ủy, Chủ tịch HĐND tỉnh Lò Văn Muôn.", "Lò Văn Muôn",
     ["Phó Bí thư Thường trực Tỉnh ủy", "Chủ tịch HĐND tỉnh"]),
])
def test_people_whole_chain_before_the_name(run, sentence, name, titles):
    assert dict(named(run(sentence)))[name] == titles


def test_people_chain_after_a_name_leaves_the_next_persons_title(run):
    doc = run("Ông Lê Văn Ân, Bí thư Huyện ủy, Chủ tịch UBND huyện Tạ Quang Bình phát biểu.")
    assert named(doc) == [("Lê Văn Ân", ["Bí thư Huyện ủy"]), ("Tạ Quang Bình", ["Chủ tịch UBND huyện"])]


@pytest.mark.parametrize("sentence, title", [
    ("Ông Vũ Văn Thịnh, Phó Chủ tịch Hội Nông dân tỉnh Báo cáo tổng kết công tác năm.", "Phó Chủ tịch Hội Nông dân tỉnh"),
    ("Ông Lê Văn Sơn, Chủ tịch HĐND xã tiếp tục giữ chức vụ Bí thư.", "Chủ tịch HĐND xã"),
    ("Đồng chí Phan Văn Mãi, Phó Bí thư Tỉnh ủy giao Văn phòng Tỉnh ủy chuẩn bị.", "Phó Bí thư Tỉnh ủy"),
    ("Bà H'Mai Niê, Phó Chủ tịch Hội LHPN tỉnh dự.", "Phó Chủ tịch Hội LHPN tỉnh"),
])
def test_people_title_stops_at_the_next_verb(run, sentence, title):
    assert named(run(sentence))[0][1] == [title]


def test_people_title_holding_ban_chi_dao_is_not_cut(run):
    doc = run("Đồng chí Đinh Văn Tài, Trưởng Ban Chỉ đạo Đại hội, phát biểu.")
    assert named(doc) == [("Đinh Văn Tài", ["Trưởng Ban Chỉ đạo Đại hội"])]


def test_people_abbreviation_with_a_full_stop_stays_in_the_title(run):
    doc = run("Phó Chủ tịch T.Ư Hội Cựu chiến binh Hà Văn Lực đến dự.")
    assert named(doc) == [("Hà Văn Lực", ["Phó Chủ tịch T.Ư Hội Cựu chiến binh"])]


def test_people_dash_between_two_titles_splits_them(run):
    doc = run("Đại tá Trương Văn Hiền – Phó Chỉ huy trưởng – Tham mưu trưởng Bộ Chỉ huy Quân sự tỉnh phát biểu.")
    assert named(doc)[0][1] == ["Đại tá", "Phó Chỉ huy trưởng", "Tham mưu trưởng Bộ Chỉ huy Quân sự tỉnh"]


@pytest.mark.parametrize("sentence, title", [
    ("Ông Đặng Văn Tùng, Trưởng ban Tuyên giáo, dân vận Huyện ủy chủ trì.", "Trưởng ban Tuyên giáo, dân vận Huyện ủy"),
    ("Ông Lê Văn Bảy, Trưởng Ban Tổ chức Huyện ủy, tỉnh Lào Cai phát biểu.", "Trưởng Ban Tổ chức Huyện ủy"),
])
def test_people_ban_name_with_its_own_comma(run, sentence, title):
    assert named(run(sentence))[0][1] == [title]


def test_people_dieu_hanh_of_governing_is_no_chair(run):
    doc = run("Kỳ họp đánh giá công tác chỉ đạo, điều hành của UBND tỉnh; Bí thư Tỉnh ủy Lữ Văn Hòa yêu cầu các ngành khắc phục.")
    assert "chair" not in doc._.people[0].roles
