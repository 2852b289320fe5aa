import json
import subprocess
import sys

import pytest

from hoinghi.pipeline.evaluation.scoring import format_table, load_records, score, titles_agree
from tests.conftest import ROOT, SHARED

GOLD = {"a": {"doc_id": "a", "meeting_date": "2024-01-26",
              "people": [{"name": "Lâm Đức Xuân", "titles": ["Bí thư Đảng ủy"], "roles": ["chair"]},
                         {"name": "Hoàng Thị Trang", "titles": [], "roles": ["attendee"]}],
              "awards": [{"title": "Lao động tiên tiến", "recipient": "individual", "count": 65},
                         {"title": "Giấy khen", "recipient": "collective", "count": 3}],
              "percentages": [{"value": 100.0, "numerator": 4, "denominator": 4, "kind": "result"}]}}
PRED = {"a": {"doc_id": "a", "meeting": {"date": "2024-01-26"},
              "people": [{"name": "Lâm Đức Xuân", "titles": ["Bí thư Đảng uỷ", "Chánh Văn phòng"], "roles": ["chair"]},
                         {"name": "Dương Mạc Kiên", "titles": [], "roles": ["chair"]}],
              "awards": [{"title": "“Lao động tiên tiến”", "recipient": "individual", "count": 65},
                         {"title": "Giấy khen", "recipient": "individual", "count": 3}],
              "percentages": [{"value": 100, "numerator": 4, "denominator": 4, "kind": "target"}]}}


def test_scoring_counts_worked_out_by_hand():
    result, _ = score(GOLD, PRED)
    assert result["meeting_date"] == {"p": 1.0, "r": 1.0, "f": 1.0, "tp": 1, "fp": 0, "fn": 0}
    assert result["chairs"] == {"p": 0.5, "r": 1.0, "f": 0.6667, "tp": 1, "fp": 1, "fn": 0}
    assert result["people"] == {"p": 0.5, "r": 0.5, "f": 0.5, "tp": 1, "fp": 1, "fn": 1}
    assert result["titles"] == {"p": 0.5, "r": 1.0, "f": 0.6667, "tp": 1, "fp": 1, "fn": 0}
    assert result["awards"] == {"p": 0.5, "r": 0.5, "f": 0.5, "tp": 1, "fp": 1, "fn": 1}
    assert result["percentage_kind_accuracy"] == 0.0


@pytest.mark.parametrize(("a", "b"), [("Chiến sỹ thi đua cơ sở", "Chiến sĩ thi đua cấp cơ sở"),
                                      ("Bằng khen", "bằng khen của Chủ tịch UBND tỉnh")])
def test_scoring_titles_agree(a, b):
    assert titles_agree(a, b)


def test_scoring_matches_reference_scorer_on_corpus(tmp_path, extractor):
    reference = SHARED / "score.py"
    if not reference.exists():
        pytest.skip("../shared/score.py is not beside this checkout (a user's clone)")
    out = tmp_path / "facts.jsonl"
    with open(out, "w", encoding="utf-8") as fh:
        for path in sorted((ROOT / "corpus" / "articles").glob("*.txt")):
            fh.write(extractor.extract(path.read_text(encoding="utf-8"), doc_id=path.stem).model_dump_json() + "\n")
    gold = ROOT / "corpus" / "gold.jsonl"
    ref = subprocess.run([sys.executable, str(reference), str(gold), str(out), "--json"],
                         capture_output=True, text=True, check=True)
    ours, _ = score(load_records(gold), load_records(out))
    assert ours == json.loads(ref.stdout)
    table = subprocess.run([sys.executable, str(reference), str(gold), str(out)], capture_output=True, text=True)
    assert format_table(ours) == table.stdout.rstrip("\n")


def test_scoring_quantities_match_after_multipliers_worked_out_by_hand():
    gold = {"q": {"doc_id": "q", "host": "Kiểm toán Nhà nước", "quantities": [
        {"value": 67055, "unit": "tỷ đồng", "bound": None, "kind": "result", "year": 2021, "subject": "kiến nghị xử lý tài chính"},
        {"value": 350, "unit": "đại biểu", "bound": None, "kind": "result", "year": None, "subject": "đại biểu chính thức"},
        {"value": 57000, "unit": "đảng viên", "bound": "over", "kind": "result", "year": None, "subject": "đảng viên"}]}}
    pred = {"q": {"doc_id": "q", "meeting": {"host": "Kiểm toán Nhà nước khu vực"}, "quantities": [
        {"value": 67.055, "unit": "nghìn tỷ đồng", "bound": None, "kind": "target", "year": 2021, "subject": "xử lý tài chính"},
        {"value": 350, "unit": "đại biểu chính thức", "bound": "about", "kind": "result", "year": 2020, "subject": "đại biểu chính thức"},
        {"value": 5700, "unit": "đảng viên", "bound": "over", "kind": "result", "year": None, "subject": "đảng viên"}]}}
    result, _ = score(gold, pred)
    assert result["quantities"] == {"p": 0.6667, "r": 0.6667, "f": 0.6667, "tp": 2, "fp": 1, "fn": 1, "docs": 1}
    assert (result["quantity_kind_accuracy"], result["quantity_bound_accuracy"]) == (0.5, 0.5)
    # subject F1: 0.8 ("xử lý tài chính" in "kiến nghị xử lý tài chính") and 1.0; years: 1 of 2
    assert result["secondary"]["quantity_subject"] == {"score": 0.9, "n": 2}
    assert result["secondary"]["quantity_year"] == {"score": 0.5, "n": 2}
    # host "Kiểm toán Nhà nước" against "Kiểm toán Nhà nước khu vực": P 4/6, R 1, F1 0.8
    assert result["secondary"]["host"] == {"score": 0.8, "n": 1}


def test_scoring_quantities_not_scored_where_gold_lacks_them():
    result, _ = score({"a": {"doc_id": "a"}}, {"a": {"doc_id": "a", "quantities": [{"value": 3, "unit": "cuộc"}]}})
    assert result["quantities"]["f"] is None


def test_scoring_numbered_award_titles_must_name_the_same_number():
    assert not titles_agree("Huy hiệu 70 năm tuổi Đảng", "Huy hiệu 65 năm tuổi Đảng")
    assert titles_agree("Huy hiệu 70 năm tuổi Đảng", "huy hiệu 70 năm tuổi đảng của Tỉnh ủy")
