import re

import pytest

from hoinghi.pipeline.nlp.stages.text import caseless, lower_same_length

SENTENCES = [
    "Đồng chí Nguyễn Văn Hùng CHỦ TRÌ Hội nghị; Bằng khen của Thủ tướng Chính phủ.",
    "SÁNG NAY (12/3), UBND huyện tổ chức hội nghị tổng kết năm 2024.",
    "Phó Chủ tịch Đặng Thị Thu phát biểu chỉ đạo. Đến Dự Có Các Đồng Chí Lãnh Đạo.",
]
PATTERNS = [
    r"(?i)\b(?:chủ trì|chủ tọa)\b",
    r"(?i)(?:bằng khen|giấy khen)\s+của\s+(?P<Issuer>\S+)",
    r"(?i)\b(?:sáng|chiều)\s+nay\s*\((?P<d>\d{1,2})/(?P<m>\d{1,2})\)",
    r"(?i)[A-ZĐ][a-zđ]+ (?:chủ tịch|phát biểu)\b",
    r"(?i)\b(?:đến dự)\b(?=\s+có)",
]


@pytest.mark.parametrize("pattern", PATTERNS)
def test_caseless_pattern_matches_where_the_case_blind_pattern_does(pattern):
    fast = caseless(pattern)
    for text in SENTENCES:
        low = lower_same_length(text)
        assert [m.span() for m in fast.finditer(low)] == [m.span() for m in re.finditer(pattern, text)]


def test_caseless_keeps_escapes_and_group_names():
    fast = caseless(r"(?i)(?P<Title>Giấy khen)\S*\W")
    assert fast.pattern.endswith(r"(?:(?P<Title>giấy khen)\S*\W)")


def test_caseless_refuses_a_pattern_that_is_not_case_blind():
    with pytest.raises(ValueError, match="case-blind"):
        caseless(r"\bChủ trì\b")


def test_lowered_text_keeps_offsets_when_a_lower_case_is_longer():
    text = "İstanbul và Hội nghị"
    low = lower_same_length(text)
    assert len(low) == len(text)
    assert low.endswith("hội nghị")
