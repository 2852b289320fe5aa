import json

from click.testing import CliRunner

from hoinghi.pipeline.cli.main import main
from tests.conftest import ROOT

SEED = ROOT / "corpus" / "articles" / "000_b778848fc66e39d6.txt"


def test_extract_db_indexes_the_records_it_writes(tmp_path):
    db, out = tmp_path / "archive.db", tmp_path / "facts.jsonl"
    result = CliRunner().invoke(main, ["extract", str(SEED), "-o", str(out), "--db", str(db), "-j", "1"])
    assert result.exit_code == 0, result.output
    assert f"{db}: 1 added, 0 replaced, 0 unchanged" in result.output
    found = CliRunner().invoke(main, ["search", "lam duc xuan", "--db", str(db), "--json"])
    assert [json.loads(line)["doc_id"] for line in found.output.splitlines()] == ["000_b778848fc66e39d6"]


def test_extract_db_again_changes_nothing(tmp_path):
    db, out = tmp_path / "archive.db", tmp_path / "facts.jsonl"
    CliRunner().invoke(main, ["extract", str(SEED), "-o", str(out), "--db", str(db), "-j", "1", "-q"])
    result = CliRunner().invoke(main, ["extract", str(SEED), "-o", str(out), "--db", str(db), "-j", "1"])
    assert f"{db}: 0 added, 0 replaced, 1 unchanged" in result.output


def test_extract_db_resume_indexes_the_records_an_interrupted_run_did_not(tmp_path):
    db, out = tmp_path / "archive.db", tmp_path / "facts.jsonl"
    CliRunner().invoke(main, ["extract", str(SEED), "-o", str(out), "-j", "1", "-q"])  # written, never indexed
    result = CliRunner().invoke(main, ["extract", str(SEED), "-o", str(out), "--db", str(db), "--resume", "-j", "1"])
    assert result.exit_code == 0, result.output
    assert f"{db}: 1 added, 0 replaced, 0 unchanged" in result.output
    found = CliRunner().invoke(main, ["search", "lam duc xuan", "--db", str(db), "--json"])
    assert [json.loads(line)["doc_id"] for line in found.output.splitlines()] == ["000_b778848fc66e39d6"]
