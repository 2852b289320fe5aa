from hoinghi.pipeline.archive.hits import MAX_SENTENCE, make_hit
from hoinghi.pipeline.web.highlight import Span, fact_spans, marked_html, nest


def test_highlight_nested_spans_nest_and_crossing_ones_are_left_out():
    spans = [Span(0, 20, "award", "a", "award-0"), Span(5, 9, "pct", "p", "pct-0"), Span(15, 25, "person", "x", "p-0")]
    assert [s.anchor for s in nest(spans)] == ["award-0", "pct-0"]


def test_highlight_html_is_escaped():
    html = marked_html("<b>Lâm Đức Xuân</b>", [Span(3, 15, "person", 'chủ trì "hội nghị"', "person-0")])
    assert html == ('&lt;b&gt;<mark class="f-person" id="person-0" title="chủ trì &quot;hội nghị&quot;">'
                    "Lâm Đức Xuân</mark>&lt;/b&gt;")


def test_highlight_every_fact_has_a_span(records):
    record = records[0]
    kinds = sorted({s.kind for s in fact_spans(record)})
    assert kinds == ["award", "date", "host", "pct", "person", "ptitle", "title"]
    assert all(record.text[s.start:s.end] for s in fact_spans(record))


def test_hit_long_sentence_is_cut_around_the_match():
    text = "Hội nghị " * 60 + "đồng chí Lâm Đức Xuân phát biểu " + "và thảo luận " * 60 + "."
    hit = make_hit({"doc_id": "dai", "text": text}, needles=["lam duc xuan"])
    assert len(hit.sentence) <= MAX_SENTENCE
    assert "«Lâm Đức Xuân»" in hit.marked()


def test_hit_without_words_marks_the_fallback_evidence():
    text = "Hội nghị khai mạc. Năm 2024, phấn đấu 98% hộ dân dùng nước sạch. Bế mạc."
    start = text.index("98%")
    hit = make_hit({"doc_id": "nuoc", "text": text}, needles=[], fallback=(start, start + 3))
    assert hit.marked() == "Năm 2024, phấn đấu «98%» hộ dân dùng nước sạch."


def test_highlight_quantities_are_marked_with_their_unit_and_subject(extractor):
    record = extractor.extract("Đại hội có 215 đại biểu chính thức, đại diện cho hơn 9.400 hội viên.", doc_id="dh")
    spans = [s for s in fact_spans(record) if s.kind == "qty"]
    assert [record.text[s.start:s.end] for s in spans] == ["215 đại biểu", "hơn 9.400 hội viên"]
    assert spans[1].label == "hơn 9.400 hội viên result: hội viên"
