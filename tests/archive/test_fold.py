import unicodedata

import pytest

from hoinghi.pipeline.archive.fold import fold_words, phrase_spans


@pytest.mark.parametrize("typed, stored", [
    ("lam duc xuan", "Lâm Đức Xuân"),
    ("LAM DUC XUAN", "Lâm Đức Xuân"),
    ("uy ban nhan dan", "Ủy ban nhân dân"),
    ("uỷ", "ủy"),
    ("dang uy", "Đảng uỷ"),
    ("hoa", "hoà"),
    ("hoa", "hòa"),
    ("thuy", "thuỷ"),
    ("so y te", "Sở Y tế"),
])
def test_fold_typed_and_stored_agree(typed, stored):
    assert fold_words(typed) == fold_words(stored)


def test_fold_d_with_stroke_becomes_d():
    assert fold_words("Đặng Đình Đức, đồng chí") == "dang dinh duc dong chi"


def test_fold_nfd_text_folds_as_nfc():
    text = "Bí thư Đảng uỷ Lâm Đức Xuân chủ trì"
    assert fold_words(unicodedata.normalize("NFD", text)) == fold_words(text)


def test_fold_punctuation_and_dashes_split_words():
    assert fold_words("Xuân– Bí thư; “Hoàn thành xuất sắc”…26/01/2024") == "xuan bi thu hoan thanh xuat sac 26 01 2024"


def test_fold_empty_and_whitespace():
    assert fold_words("") == fold_words(" \n\t ") == ""


def test_phrase_spans_point_into_the_original_text():
    text = "Tham dự có đồng chí Lâm Đức Xuân– Bí thư Đảng uỷ."
    spans = phrase_spans(text, ["lam duc xuan", "dang uy", "khong co"])
    assert [[text[s:e] for s, e in found] for found in spans] == [["Lâm Đức Xuân"], ["Đảng uỷ"], []]


def test_phrase_spans_nfd_text_keeps_its_marks():
    text = unicodedata.normalize("NFD", "Đồng chí Lâm Đức Xuân chủ trì")
    [[(start, end)]] = phrase_spans(text, ["chu tri"])
    assert text[start:end] == unicodedata.normalize("NFD", "chủ trì")


def test_phrase_spans_whole_words_only():
    assert phrase_spans("Hoàng Thị Lan, Lãnh đạo", ["lan"]) == [[(10, 13)]]
