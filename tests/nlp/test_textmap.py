import unicodedata

import pytest

from hoinghi.pipeline.nlp.textmap import normalize


@pytest.mark.parametrize(
    ("original", "working"),
    [
        ("Chánh Văn phòng Tỉnh uỷ", "Chánh Văn phòng Tỉnh ủy"),
        ("hoà bình", "hòa bình"),
        ("Chiến sỹ thi đua", "Chiến sĩ thi đua"),
        ("Đoàn Chủ tịch, Công đoàn", "Đoàn Chủ tịch, Công đoàn"),
        ("a\u00a0b\tc", "a b c"),
    ],
)
def test_normalize_working_text(original, working):
    assert normalize(original).text == working


def test_normalize_keeps_length_for_tone_moves():
    assert len(normalize("Đảng uỷ Văn phòng Tỉnh uỷ").text) == len("Đảng uỷ Văn phòng Tỉnh uỷ")


def test_original_span_quotes_the_original_spelling():
    m = normalize("Bí thư Đảng uỷ")
    start = m.text.index("Đảng ủy")
    assert m.original_span(start, start + len("Đảng ủy"))[2] == "Đảng uỷ"


def test_nfd_input_maps_back_to_decomposed_original():
    original = unicodedata.normalize("NFD", "Lâm Đức Xuân chủ trì")
    m = normalize(original)
    assert m.text == "Lâm Đức Xuân chủ trì"
    start, end, quote = m.original_span(0, len("Lâm Đức Xuân"))
    assert quote == original[start:end]
    assert unicodedata.normalize("NFC", quote) == "Lâm Đức Xuân"


def test_invisible_characters_are_dropped_but_mapped():
    m = normalize("Hội\u200b nghị")
    assert m.text == "Hội nghị"
    assert m.original_span(4, 8)[2] == "nghị"


def test_stray_control_characters_are_dropped_but_mapped():
    m = normalize("Hội\x07 nghị\x00 cán bộ")
    assert m.text == "Hội nghị cán bộ"
    assert m.original_span(4, 8) == (5, 9, "nghị")


def test_span_outside_text_is_refused():
    with pytest.raises(ValueError):
        normalize("abc").original_span(2, 9)
