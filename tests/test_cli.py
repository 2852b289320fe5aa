import gzip
import json
import unicodedata

from click.testing import CliRunner

from pipeline.cli import main
from schemas import ArticleFacts
from tests.conftest import ROOT

SEED = "000_b778848fc66e39d6"


def _lines(path):
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def test_cli_every_command_has_help_with_an_example():
    for name, command in main.commands.items():
        assert "Example:" in (command.help or ""), name


def test_cli_extract_bundled_corpus(tmp_path):
    out = tmp_path / "facts.jsonl"
    result = CliRunner().invoke(main, ["extract", str(ROOT / "corpus" / "articles"), "-o", str(out), "-q"])
    assert result.exit_code == 0, result.output
    records = [ArticleFacts.model_validate(r) for r in _lines(out)]
    assert len(records) == len(list((ROOT / "corpus" / "articles").glob("*.txt")))


def test_cli_bad_documents_go_to_errors_and_the_batch_goes_on(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a_good.txt").write_text("Sáng ngày 26/01/2024, Văn phòng Huyện ủy tổ chức Hội nghị cán bộ.", encoding="utf-8")
    (folder / "b_empty.txt").write_text("   \n", encoding="utf-8")
    (folder / "c_binary.txt").write_bytes(b"\x00\x01\x02\x89PNG\x00" * 50)
    (folder / "d_html.txt").write_text("<html><body><p>Hội nghị</p></body></html>", encoding="utf-8")
    (folder / "e_nfd.txt").write_text(unicodedata.normalize("NFD", "Chiều 5/3/2024, Sở Y tế tổ chức hội nghị."),
                                      encoding="utf-8")
    (folder / "f_big.txt").write_text("Hội nghị cán bộ. " * 400_000, encoding="utf-8")
    (folder / "g_lines.jsonl").write_text('{"id": "j1", "text": "Ngày 12/12/2023, Hội Nông dân tổ chức hội nghị."}\n'
                                          '{"id": "j2", "text": \n', encoding="utf-8")
    out, errors = tmp_path / "facts.jsonl", tmp_path / "facts.errors.jsonl"
    result = CliRunner().invoke(main, ["extract", str(folder), "-o", str(out), "-q"])
    assert result.exit_code == 1
    assert [r["doc_id"] for r in _lines(out)] == ["a_good", "e_nfd", "j1"]
    reasons = {e["doc_id"]: e["reason"] for e in _lines(errors)}
    assert reasons["b_empty"] == "empty" and reasons["c_binary"] == "binary" and reasons["d_html"] == "html"
    assert reasons["f_big"] == "too_large"
    assert any(r == "bad_json" for r in reasons.values())
    assert all(e["message"].startswith(e["doc_id"]) for e in _lines(errors))


def test_cli_nfd_article_keeps_original_offsets(tmp_path):
    text = unicodedata.normalize("NFD", "Chiều 5/3/2024, Sở Y tế tổ chức hội nghị.")
    src = tmp_path / "nfd.txt"
    src.write_text(text, encoding="utf-8")
    out = tmp_path / "o.jsonl"
    CliRunner().invoke(main, ["extract", str(src), "-o", str(out), "-q"])
    rec = _lines(out)[0]
    ev = rec["meeting"]["date_evidence"]
    assert rec["meeting"]["date"] == "2024-03-05" and text[ev["start"]:ev["end"]] == ev["text"]


def test_cli_reads_gzip_jsonl_with_published(tmp_path):
    src = tmp_path / "in.jsonl.gz"
    with gzip.open(src, "wt", encoding="utf-8") as fh:
        fh.write(json.dumps({"id": "g1", "text": "Sáng 15-1, Sở Tư pháp tổ chức hội nghị.", "published": "2024-01-15"}) + "\n")
    out = tmp_path / "o.jsonl"
    result = CliRunner().invoke(main, ["extract", str(src), "-o", str(out), "-q"])
    assert result.exit_code == 0
    assert _lines(out)[0]["meeting"]["date"] == "2024-01-15"


def test_cli_show_prints_facts_with_evidence(tmp_path):
    out = tmp_path / "facts.jsonl"
    CliRunner().invoke(main, ["extract", str(ROOT / "corpus" / "articles" / f"{SEED}.txt"), "-o", str(out), "-q"])
    result = CliRunner().invoke(main, ["show", str(out), "--doc", SEED])
    assert result.exit_code == 0
    assert "Lâm Đức Xuân" in result.output and "«26/01/2024»" in result.output


def test_cli_show_unknown_doc_fails_cleanly(tmp_path):
    out = tmp_path / "facts.jsonl"
    out.write_text("", encoding="utf-8")
    result = CliRunner().invoke(main, ["show", str(out), "--doc", "khong"])
    assert result.exit_code == 1 and "khong: not in" in result.output


def test_cli_evaluate_prints_table(tmp_path):
    out = tmp_path / "facts.jsonl"
    CliRunner().invoke(main, ["extract", str(ROOT / "corpus" / "articles"), "-o", str(out), "-q"])
    result = CliRunner().invoke(main, ["evaluate", str(ROOT / "corpus" / "gold.jsonl"), str(out)])
    assert result.exit_code == 0
    assert result.output.splitlines()[0].split() == ["field", "P", "R", "F1", "tp", "fp", "fn"]


def test_cli_a_crashing_document_is_reported_and_the_rest_written(tmp_path, monkeypatch):
    from pipeline.api import Extractor

    real = Extractor.extract

    def flaky(self, text, *, doc_id, meta=None):
        if doc_id == "b_crash":
            raise KeyError("boom")
        return real(self, text, doc_id=doc_id, meta=meta)

    monkeypatch.setattr(Extractor, "extract", flaky)
    folder = tmp_path / "in"
    folder.mkdir()
    for name in ("a_ok", "b_crash", "c_ok"):
        (folder / f"{name}.txt").write_text("Ngày 12/12/2023, Sở Tư pháp tổ chức hội nghị.", encoding="utf-8")
    out = tmp_path / "facts.jsonl"
    result = CliRunner().invoke(main, ["extract", str(folder), "-o", str(out), "-q"])
    assert result.exit_code == 1
    assert [r["doc_id"] for r in _lines(out)] == ["a_ok", "c_ok"]
    assert _lines(tmp_path / "facts.errors.jsonl")[0]["reason"] == "crash"
