import unicodedata

import pytest


def test_tokenizer_doc_text_is_the_working_text(nlp):
    doc = nlp.make_doc("Sáng ngày 26/01/2024,  tại Hội trường Tỉnh uỷ.\n\nHội nghị diễn ra.")
    assert doc.text == doc._.textmap.text


def test_tokenizer_keeps_underthesea_words(nlp):
    doc = nlp.make_doc("Tham dự có đồng chí Hoàng Thị Thu Trang, Chủ tịch Công đoàn.")
    assert "Hoàng Thị Thu Trang" in [t.text for t in doc]
    assert "đồng chí" in [t.text for t in doc]


def test_tokenizer_marks_sentences(nlp):
    doc = nlp.make_doc("Hội nghị khai mạc lúc 8 giờ. Các đại biểu thảo luận sôi nổi.")
    assert len(list(doc.sents)) == 2


@pytest.mark.parametrize("text", ["", "   ", "\n\n\t"])
def test_tokenizer_empty_and_whitespace(nlp, text):
    doc = nlp.make_doc(text)
    assert doc.text.strip() == ""


def test_tokenizer_nfd_input_gives_nfc_tokens(nlp):
    doc = nlp.make_doc(unicodedata.normalize("NFD", "Hội nghị cán bộ, công chức"))
    assert doc[0].text == "Hội nghị"


def test_tokenizer_very_long_sentence_is_chunked(nlp):
    text = "cán bộ " * 2000
    doc = nlp.make_doc(text)
    assert doc.text == doc._.textmap.text


def test_tokenizer_no_sentence_break_after_a_degree(nlp):
    doc = nlp.make_doc("Chủ trì hội nghị có BSCKII. Lò Văn Pánh, Giám đốc Bệnh viện. Hội nghị bắt đầu.")
    assert [s.text.strip() for s in doc.sents][0].endswith("Giám đốc Bệnh viện.")


@pytest.mark.parametrize("line", [
    "Hội nghị tổng kết công tác năm 2024",
    "Hội nghị tổng kết công tác năm 2024.",
    "Kết quả ra sao?!  ",
    "Đồng chí Nguyễn Văn An phát biểu...",
    "Sáng 15/1, TP. Huế tổ chức hội nghị. Các đại biểu thảo luận.",
    "Thu ngân sách đạt 1.500 tỷ đồng, tăng 12%.",
    "Ngày 15.12.2025, 1.500 hộ nhận 2.000.000 đồng. Hội nghị kết thúc.",
    "Tổng thu 3.5 tỷ đồng",
    "Giá trị 12.",
])
def test_tokenizer_sentences_of_a_line_are_those_of_sent_tokenize(nlp, line):
    from underthesea import sent_tokenize

    doc = nlp.make_doc(line)
    assert [s.text.strip() for s in doc.sents] == sent_tokenize(line)


def test_tokenizer_sentence_spans_are_those_of_doc_sents(nlp):
    from hoinghi.pipeline.nlp.stages.text import doc_text

    doc = nlp.make_doc("\nSáng 15/1, UBND xã tổ chức hội nghị.  Đồng chí Lê Văn Hải chủ trì.\n\nHội nghị bế mạc lúc 11 giờ.\n")
    text = doc_text(doc)
    from_sents = [(s.start_char + len(s.text) - len(s.text.lstrip()), s.end_char - len(s.text) + len(s.text.rstrip()))
                  for s in doc.sents if s.text.strip()]
    assert doc.user_data["hoinghi.sentences"] == from_sents
    assert [text[s:e] for s, e in from_sents][-1] == "Hội nghị bế mạc lúc 11 giờ."


def test_tokenizer_line_breaks_and_space_runs_are_tokens_and_single_spaces_trail_words(nlp):
    doc = nlp.make_doc("Hội nghị  tổng kết\n\nKết quả đạt 98%")
    assert [(t.text, t.whitespace_) for t in doc][:5] == [
        ("Hội nghị", " "), (" ", ""), ("tổng kết", ""), ("\n\n", ""), ("Kết quả", " ")]
    assert doc.text == "Hội nghị  tổng kết\n\nKết quả đạt 98%"
