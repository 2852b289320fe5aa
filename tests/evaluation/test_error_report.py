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
