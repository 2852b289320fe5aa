import random

import pytest
from underthesea import word_tokenize

from hoinghi.pipeline.nlp import segmenter
from hoinghi.pipeline.nlp.segmenter import WordSegmenter

LINES = [
    "Sáng ngày 15/01/2025, Ủy ban nhân dân xã Tân Phú tổ chức Hội nghị cán bộ, công chức năm 2025.",
    "Đồng chí Trần Văn Minh, Phó Bí thư Đảng ủy, Chủ tịch UBND xã chủ trì hội nghị.",
    "Có 12 tập thể và 25 cá nhân được tặng Giấy khen; 100% (18/18) chỉ tiêu đạt và vượt kế hoạch.",
]


@pytest.fixture(scope="module")
def seg() -> WordSegmenter:
    return WordSegmenter()


def _words(line: str, spans: list[tuple[int, int]]) -> list[str]:
    return [line[s:e] for s, e in spans]


def test_segmenter_finds_the_words_word_tokenize_finds(seg):
    for line, spans in zip(LINES, seg.segment(LINES)):
        assert _words(line, spans) == word_tokenize(line, use_token_normalize=False)


def test_segmenter_gives_each_line_the_words_it_has_alone(seg):
    alone = [seg.segment([line])[0] for line in LINES]
    assert seg.segment(LINES) == alone


def test_segmenter_spans_are_offsets_into_the_line(seg):
    line = "Tham dự có đồng chí Lê Thị Hồng Nhung, Trưởng phòng Nội vụ huyện."
    words = _words(line, seg.segment([line])[0])
    assert "Lê Thị Hồng Nhung" in words
    assert "Trưởng phòng" in words


def test_segmenter_keeps_a_double_space_inside_a_word(seg):
    line = "Hội nghị  viên  chức năm 2024"
    words = _words(line, seg.segment([line])[0])
    assert "viên  chức" in words


def test_segmenter_gives_a_line_of_spaces_no_words(seg):
    assert seg.segment(["   ", "Hội nghị"])[0] == []


def test_segmenter_without_underthesea_parts_falls_back_to_word_tokenize(monkeypatch):
    monkeypatch.setattr(segmenter, "_underthesea_parts", lambda: None)
    fallback = WordSegmenter()
    assert not fallback.direct
    for line, spans in zip(LINES, fallback.segment(LINES)):
        assert _words(line, spans) == word_tokenize(line, use_token_normalize=False)


def test_segmenter_reads_a_line_as_underthesea_normalises_it(seg):
    line = "Ðảng ủy xã Tân Phú tổ chức hội nghị"  # "Ð" (U+00D0) typed for "Đ"
    assert _words(line, seg.segment([line])[0]) == _words(line, seg.segment([line.replace("Ð", "Đ")])[0])
    assert len(seg.segment([line])[0]) == len(word_tokenize(line, use_token_normalize=False))


TRICKY_LINES = [
    "ThS. Nguyễn Thị Thu, Phó Trưởng phòng Nội vụ huyện Thanh Sơn",
    "Xã Ea H’Leo có 3x4 mô hình, 60.542.000 đồng, v.v... cùng --> kết quả",
    "TP. Hà Nội, T.Ư Đoàn, NĐ-CP, e-mail: vanphong@tanphu.gov.vn, website http://tanphu.gov.vn/tin-tuc",
    "Ngày 15/01/2025 (thứ Tư), lúc 08:30:00, tại Hội trường UBND xã; H&M 43H-0530 4K",
    "Thôn Th Sơn và bản Th s hát 1.600m-2.000m; °C; 100% (32/32) :D <3",
]


@pytest.fixture(scope="module")
def token_regex(seg):
    if not seg.direct:
        pytest.skip("this underthesea keeps its token regex elsewhere: the segmenter calls word_tokenize")
    return seg._parts.regex


def test_syllable_tokens_are_the_tokens_of_underthesea_regex(token_regex):
    for line in TRICKY_LINES:
        assert segmenter.syllable_tokens(token_regex, line) == [m.span() for m in token_regex.finditer(line)]


def test_syllable_tokens_take_a_token_across_a_space_from_the_regex(token_regex):
    line = "bản Th Sơn"  # "Th.S" is written unescaped in underthesea: "Th S" is one of its tokens
    spans = segmenter.syllable_tokens(token_regex, line)
    assert [line[s:e] for s, e in spans] == ["bản", "Th S", "ơn"]


def test_syllable_tokens_agree_with_the_regex_on_random_lines(token_regex):
    pieces = [*"aThSsvđĐƯưếỆ xX.-,:;@/'’&=>°C(){}%019_²中\t", "Th", "http:", "www.", ".vn", "v.v", "TP.", "ThS.",
              "H’Mông", "e-mail", "NĐ-CP", "-->", ":D", "<3", "  ", "Hội", "nghị"]
    rng = random.Random(7)
    for _ in range(5000):
        line = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 14)))
        assert segmenter.syllable_tokens(token_regex, line) == [m.span() for m in token_regex.finditer(line)], line
