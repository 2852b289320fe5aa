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


def _with_confidence(record, value):
    meeting = record.meeting.model_copy(update={"date_confidence": value})
    awards = [a.model_copy(update={"confidence": value}) for a in record.awards]
    return record.model_copy(update={"meeting": meeting, "awards": awards})


def test_highlight_uncertain_fact_is_marked_as_such(records):
    spans = fact_spans(_with_confidence(records[0], 0.62))
    award = next(s for s in spans if s.kind == "award")
    assert award.uncertain and "chưa chắc / uncertain (0.62)" in award.label
    assert 'class="f-award uncertain"' in marked_html(records[0].text, [award])


def test_highlight_certain_fact_is_not_marked_uncertain(records):
    spans = fact_spans(_with_confidence(records[0], 0.97))
    assert not any(s.uncertain for s in spans)


def test_hit_carries_the_date_confidence_and_counts_uncertain_facts(records):
    record = _with_confidence(records[0], 0.7)
    hit = make_hit({"doc_id": record.doc_id, "text": record.text, "date": record.meeting.date,
                    "facts": record.model_dump_json(exclude={"text"})}, needles=["lam duc xuan"])
    assert hit.date_confidence == 0.7 and hit.uncertain == 2  # the date and the award
    assert hit.flagged(hit.date, hit.date_confidence) == "2024-01-26?"


def test_highlight_quantities_are_marked_with_their_unit_and_subject(extractor):
    record = extractor.extract("Đại hội có 215 đại biểu chính thức, đại diện cho hơn 9.400 hội viên.", doc_id="dh")
    spans = [s for s in fact_spans(record) if s.kind == "qty"]
    assert [record.text[s.start:s.end] for s in spans] == ["215 đại biểu", "hơn 9.400 hội viên"]
    assert spans[1].label.split(" — ")[0] == "hơn 9.400 hội viên result: hội viên"  # then its confidence note, if any
