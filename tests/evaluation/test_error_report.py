import unicodedata

from hoinghi.pipeline.evaluation.error_report import explain, sentence_at


def test_error_report_sentence_around_a_position():
    text = "Hội nghị khai mạc. Đồng chí Lò Văn Pánh chủ trì. Hội nghị bế mạc."
    assert sentence_at(text, text.index("Pánh")) == "Đồng chí Lò Văn Pánh chủ trì."


def test_error_report_missed_name_shows_its_sentence_in_nfd_text():
    text = unicodedata.normalize("NFD", "Dự có ông Hoàng Văn Tỉnh. Hội nghị bế mạc.")
    pred = {"a": {"doc_id": "a", "text": text, "people": []}}
    lines = list(explain([("a", "people", ["hòang văn tỉnh"], [])], pred))
    assert lines[0] == "[people] a  ['hòang văn tỉnh'] · []"
    assert unicodedata.normalize("NFC", lines[1]) == "    «Dự có ông Hoàng Văn Tỉnh.»"


def test_error_report_extra_award_shows_its_evidence_sentence():
    text = "Mở đầu. Sở tặng Giấy khen cho 3 tập thể. Kết thúc."
    award = {"title": "Giấy khen", "recipient": "collective", "count": 3,
             "evidence": {"start": 12, "end": 38, "text": text[12:38]}}
    pred = {"a": {"doc_id": "a", "text": text, "awards": [award]}}
    lines = list(explain([("a", "awards extra", "Giấy khen", "collective", 3)], pred))
    assert lines[1] == "    «Sở tặng Giấy khen cho 3 tập thể.»"


def test_error_report_cli_evaluate_errors_prints_sentences(tmp_path):
    import json

    from click.testing import CliRunner

    from hoinghi.pipeline.cli.main import main

    text = "Sáng 5/3/2024, Sở Y tế tổ chức hội nghị. Dự có ông Hoàng Văn Tỉnh."
    gold, pred = tmp_path / "g.jsonl", tmp_path / "p.jsonl"
    gold.write_text(json.dumps({"doc_id": "a", "meeting_date": "2024-03-05", "people": [
        {"name": "Hoàng Văn Tỉnh", "titles": [], "roles": ["attendee"]}], "awards": [], "percentages": []},
        ensure_ascii=False) + "\n", encoding="utf-8")
    pred.write_text(json.dumps({"doc_id": "a", "text": text, "people": []}, ensure_ascii=False) + "\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["evaluate", str(gold), str(pred), "--errors"])
    assert "    «Dự có ông Hoàng Văn Tỉnh.»" in result.output.splitlines()


def test_error_report_long_sentence_is_cut_between_words_around_the_match():
    text = ("Hội nghị đã nghe báo cáo " + "về công tác xây dựng Đảng và hệ thống chính trị " * 8
            + "và đồng chí Lò Văn Pánh chủ trì phần thảo luận của hội nghị.")
    shown = sentence_at(text, text.index("Pánh"), width=80)
    assert "Lò Văn Pánh" in shown and shown.startswith("…") and len(shown) <= 82
    words = set(text.split())
    assert all(word in words for word in shown.strip("…").split())


def test_error_report_missed_percentage_shows_the_sentence_it_is_written_in():
    text = "Mở đầu. Năm 2023, tỷ lệ tiêm chủng đầy đủ đạt 96,2%. Kết thúc."
    pred = {"a": {"doc_id": "a", "text": text, "percentages": []}}
    lines = list(explain([("a", "percentages", ["(96.2, None, None)"], [])], pred))
    assert lines[1] == "    «Năm 2023, tỷ lệ tiêm chủng đầy đủ đạt 96,2%.»"


def test_error_report_missed_meeting_date_shows_where_the_date_is_written():
    text = "Tin địa phương. Sáng 5/3/2024, Sở Y tế tổ chức hội nghị."
    pred = {"a": {"doc_id": "a", "text": text, "meeting": {}}}
    lines = list(explain([("a", "meeting_date", "2024-03-05", None)], pred))
    assert lines[1] == "    «Sáng 5/3/2024, Sở Y tế tổ chức hội nghị.»"


def test_error_report_error_without_a_sentence_says_so():
    pred = {"a": {"doc_id": "a", "text": "Hội nghị khai mạc.", "people": []}}
    lines = list(explain([("a", "people", ["lò văn pánh"], [])], pred))
    assert lines[1] == "    (no sentence: its words are not written so in the article)"
