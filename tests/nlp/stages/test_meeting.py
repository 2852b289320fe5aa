import pytest


def host(doc):
    m = doc._.meeting
    return doc.text[m.host[0]:m.host[1]] if m.host else None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ngày 24 tháng 9 năm 2022 Trường Mầm non Hoa Sen tổ chức Hội nghị người lao động.", "Trường Mầm non Hoa Sen"),
        ("Sáng 30/6/2021, HĐND xã Tân Lập khóa X, nhiệm kỳ 2021 - 2026 tổ chức kỳ họp thứ nhất.",
         "HĐND xã Tân Lập khóa X"),  # the term that follows is no part of the host
        ("Sáng 26.3, Huyện đoàn Mường Tè (Lai Châu), tổ chức lễ kỷ niệm.", "Huyện đoàn Mường Tè"),
        ("Chiều ngày 25/09/2020, trường Tiểu học Nậm Cang long trọng tổ chức Hội nghị viên chức.",
         "trường Tiểu học Nậm Cang"),
        ("Sáng ngày 26/01/2024, tại Hội trường Tỉnh uỷ, lãnh đạo Văn phòng Tỉnh uỷ và Công đoàn cơ sở phối hợp tổ chức "
         "Hội nghị cán bộ công chức năm 2023.", "Văn phòng Tỉnh ủy"),
    ],
)
def test_meeting_host_is_the_subject_of_to_chuc(run, text, expected):
    assert host(run(text)) == expected


def test_meeting_ky_hop_is_no_verb_of_a_host(run):
    assert host(run("Sáng nay, tại Hội trường UBND tỉnh đã diễn ra Kỳ họp thứ 6.")) is None


def test_meeting_title_up_to_the_clause_break(run):
    doc = run("Ngày 12/12/2023, Sở Tư pháp tổ chức Hội nghị tổng kết công tác năm 2023, triển khai nhiệm vụ năm 2024.")
    m = doc._.meeting
    assert doc.text[m.title[0]:m.title[1]] == "Hội nghị tổng kết công tác năm 2023"
