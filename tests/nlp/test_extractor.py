import pytest

from hoinghi.pipeline.nlp.extractor import Extractor


def _article(i: int) -> str:
    # each article names a new person and new numbers: new words for spaCy's vocabulary
    return (f"Sáng 15/1, UBND xã Tân Phú tổ chức hội nghị tổng kết năm 2024. Đồng chí Nguyễn Văn Tư{i}, "
            f"Chủ tịch UBND xã chủ trì. Thu ngân sách đạt {1000 + i}/{2000 + i} triệu đồng, bằng 98,{i}% kế hoạch.")


@pytest.fixture(scope="module")
def zoned() -> Extractor:
    return Extractor(zone_docs=2)


def test_extractor_vocabulary_stays_flat_over_many_documents(zoned):
    for i in range(2):
        zoned.extract(_article(i), doc_id=f"a{i}")
    after_one_zone = len(zoned.nlp.vocab.strings)
    for i in range(2, 12):
        zoned.extract(_article(i), doc_id=f"a{i}")
    assert len(zoned.nlp.vocab.strings) <= after_one_zone + 5


def test_extractor_gives_the_same_record_in_a_later_zone(zoned):
    first = zoned.extract(_article(100), doc_id="x")
    for i in range(101, 106):
        zoned.extract(_article(i), doc_id=f"a{i}")
    assert zoned.extract(_article(100), doc_id="x") == first


def test_extractor_on_a_pipeline_passed_in_leaves_its_vocabulary_alone(nlp):
    shared = Extractor(nlp, zone_docs=2)
    shared.extract(_article(200), doc_id="a")
    before = len(nlp.vocab.strings)
    for i in range(201, 205):
        shared.extract(_article(i), doc_id=f"a{i}")
    assert len(nlp.vocab.strings) > before  # the caller owns the pipeline and its memory


def test_extractor_refuses_a_zone_of_no_documents():
    with pytest.raises(ValueError, match="zone_docs"):
        Extractor(zone_docs=0)


def test_extractor_control_character_inside_hoi_nghi_keeps_the_title(extractor):
    text = "Sáng 12/3/2024, Hội Nông dân xã tổ chức Hội\x07 nghị sơ kết quý I năm 2024.\x00"
    record = extractor.extract(text, doc_id="bel")
    assert record.meeting.title is not None and record.meeting.title.startswith("Hội nghị sơ kết")
    assert record.meeting.title_evidence.text.startswith("Hội\x07 nghị")


def test_extractor_finds_a_name_whose_tcvn3_capitals_were_typed_lowercase(extractor):
    from hoinghi.pipeline.inputs.decoding import decode_article
    from tests.inputs.test_decoding import encode_with_table

    sentence = "Sáng 9/1/2024, Hội Cựu chiến binh huyện tổ chức hội nghị tổng kết. Đồng chí Ngô ích ứng, Chủ tịch Hội, chủ trì."
    text, encoding = decode_article(encode_with_table(sentence, "tcvn3"))
    record = extractor.extract(text, doc_id="abc")
    assert encoding == "tcvn3" and "Ngô Ích Ứng" in [p.name for p in record.people]
